#include "render/svg/svg_grid.h"

#include <fmt/format.h>

#include <algorithm>

#include "text/number_format.h"
#include "text/text_grid.h"

namespace convt::detail {
namespace {

/// The line between two channel blocks (presentation attributes, so that the shared stylesheet
/// of every figure stays as it is).
constexpr std::string_view kBlockLine = R"(<line class="blk" x1="{}" y1="{}" x2="{}" y2="{}" )"
                                        R"(stroke="#111" stroke-width="3"/>)";

constexpr int64_t kMinCell = 60;  // px: a cell is at least this wide and exactly this tall
constexpr int64_t kGapSize = 40;  // px: an elided run of rows or columns
constexpr std::string_view kColumnGap = "\u22ef";  // ⋯
constexpr std::string_view kRowGap = "\u22ee";     // ⋮
constexpr std::string_view kBothGap = "\u22f1";    // ⋱

/// Cumulative offsets of the entries of `indices`: `size` px per index, kGapSize per gap.
std::vector<int64_t> offsets(const std::vector<int64_t>& indices, int64_t size, int64_t& total) {
  std::vector<int64_t> out;
  total = 0;
  for (int64_t i : indices) {
    out.push_back(total);
    total += i == kGap ? kGapSize : size;
  }
  return out;
}

/// The box of the contiguous shown run of `indices` that starts at the first index in
/// [first, last]: its offset and length in px.
std::optional<std::pair<int64_t, int64_t>> run(const std::vector<int64_t>& indices,
                                               const std::vector<int64_t>& offs, int64_t size,
                                               int64_t first, int64_t last) {
  size_t i = 0;
  while (i < indices.size() && (indices[i] == kGap || indices[i] < first || indices[i] > last)) ++i;
  if (i == indices.size()) return std::nullopt;
  size_t j = i;
  while (j + 1 < indices.size() && indices[j + 1] != kGap && indices[j + 1] <= last) ++j;
  return std::make_pair(offs[i], offs[j] - offs[i] + size);
}

/// Zeros that the method inserts (grey numbers); cropped and kept cells hold computed values.
bool structural_zero(CellKind kind) {
  return kind == CellKind::kStrideZero || kind == CellKind::kPaddingZero ||
         kind == CellKind::kDilationZero || kind == CellKind::kAddedZero;
}

}  // namespace

std::string svg_cell_text(const Grid& grid, int64_t r, int64_t c, const SymbolNames* symbols) {
  if (symbols && grid.symbolic()) return symbols->text(grid.expr(r, c), Notation::kUnicode);
  return format_number(grid.value(r, c));
}

SvgGrid::SvgGrid(const Grid& grid, std::vector<int64_t> rows, std::vector<int64_t> cols,
                 SvgGridStyle style)
    : grid_(grid), rows_(std::move(rows)), cols_(std::move(cols)), style_(std::move(style)) {
  int64_t widest = 0;
  for (int64_t r : rows_)
    for (int64_t c : cols_)
      if (r != kGap && c != kGap)
        widest =
            std::max(widest, text_width(svg_cell_text(grid_, r, c, style_.symbols), kCellFont));
  cell_w_ = std::max(kMinCell, widest + 20);
  cell_h_ = kMinCell;

  if (style_.col_labels) {
    int64_t label = 0;
    for (int64_t c : cols_)
      if (c != kGap) label = std::max(label, text_width(grid_.col_labels.label(c), kLabelFont));
    upright_headers_ = label + 8 > cell_w_;
    header_h_ = upright_headers_ ? label + 16 : 30;
  }
  if (style_.row_labels) {
    int64_t label = 0;
    for (int64_t r : rows_)
      if (r != kGap) label = std::max(label, text_width(grid_.row_labels.label(r), kLabelFont));
    label_w_ = std::max<int64_t>(label, 14) + 16;
  }
  col_off_ = offsets(cols_, cell_w_, cells_w_);
  row_off_ = offsets(rows_, cell_h_, cells_h_);
}

std::optional<int64_t> SvgGrid::col_offset(int64_t c) const {
  for (size_t i = 0; i < cols_.size(); ++i)
    if (cols_[i] == c) return col_off_[i];
  return std::nullopt;
}

std::optional<int64_t> SvgGrid::row_offset(int64_t r) const {
  for (size_t i = 0; i < rows_.size(); ++i)
    if (rows_[i] == r) return row_off_[i];
  return std::nullopt;
}

std::optional<Box> SvgGrid::span(int64_t x, int64_t y, int64_t r0, int64_t r1, int64_t c0,
                                 int64_t c1) const {
  auto rs = run(rows_, row_off_, cell_h_, r0, r1);
  auto cs = run(cols_, col_off_, cell_w_, c0, c1);
  if (!rs || !cs) return std::nullopt;
  return Box{x + label_w_ + cs->first, y + header_h_ + rs->first, cs->second, rs->second};
}

void SvgGrid::draw(SvgDocument& doc, int64_t x, int64_t y) const {
  doc.raw(fmt::format(R"(<g class="grid" data-stage="{}" data-grid="{}">)",
                      xml_escape(style_.stage), xml_escape(style_.name)) +
          "\n");
  const int64_t left = x + label_w_, top = y + header_h_;
  if (style_.col_labels) {
    for (size_t i = 0; i < cols_.size(); ++i) {
      if (cols_[i] == kGap) continue;
      const int64_t cx = left + col_off_[i] + cell_w_ / 2;
      const std::string label = grid_.col_labels.label(cols_[i]);
      if (!upright_headers_) {
        doc.text(cx, top - 9, "lab", label);
      } else {
        const int64_t bx = cx + 6, by = top - 8;
        doc.text(bx, by, "labv", label, fmt::format(R"x(transform="rotate(-90 {} {})")x", bx, by));
      }
    }
  }
  for (size_t j = 0; j < rows_.size(); ++j) {
    const int64_t r = rows_[j];
    const int64_t ry = top + row_off_[j];
    const int64_t row_h = r == kGap ? kGapSize : cell_h_;
    if (style_.row_labels)
      doc.text(left - 10, ry + row_h / 2 + 6, "labr",
               r == kGap ? std::string(kRowGap) : grid_.row_labels.label(r));
    for (size_t i = 0; i < cols_.size(); ++i) {
      const int64_t c = cols_[i];
      const int64_t cx = left + col_off_[i];
      const int64_t col_w = c == kGap ? kGapSize : cell_w_;
      if (r == kGap || c == kGap) {
        const std::string_view mark = r == kGap && c == kGap ? kBothGap
                                      : r == kGap            ? kRowGap
                                                             : kColumnGap;
        doc.text(cx + col_w / 2, ry + row_h / 2 + 8, "gap", mark);
        continue;
      }
      const CellKind kind = grid_.kind(r, c);
      const int64_t tap = kind == CellKind::kData && style_.tap ? style_.tap(r, c) : -1;
      const std::string fill =
          tap >= 0 ? fmt::format("w{}", tap % kTapColours) : std::string(kind_class(kind));
      doc.rect(cx, ry, cell_w_, cell_h_, "c " + fill);
      if (kind == CellKind::kData && style_.shade) {
        const double opacity = style_.shade(r, c);
        if (opacity > 0.0)
          doc.rect(cx + 1, ry + 1, cell_w_ - 2, cell_h_ - 2, "ov",
                   fmt::format(R"(fill-opacity="{:.2f}")", opacity));
      }
      if (style_.written && !style_.written(r, c)) continue;
      const auto [sr, sc] = style_.source ? style_.source(r, c) : std::make_pair(r, c);
      const std::string_view tone = kind == CellKind::kMatrixZero ? "v vm"
                                    : structural_zero(kind)       ? "v vz"
                                                                  : "v";
      std::string attributes = fmt::format(R"(data-r="{}" data-c="{}")", sr, sc);
      std::string inner;
      if (style_.decorate) {
        auto [more, markup] = style_.decorate(r, c);
        if (!more.empty()) attributes += " " + more;
        inner = std::move(markup);
      }
      doc.raw(fmt::format(R"(<text x="{}" y="{}" class="{}" {}>{}{}</text>)", cx + cell_w_ / 2,
                          ry + cell_h_ / 2 + 9, tone, attributes,
                          xml_escape(svg_cell_text(grid_, r, c, style_.symbols)), inner) +
              "\n");
    }
  }
  if (style_.channel_blocks) draw_channel_blocks(doc, x, y);
  doc.raw("</g>\n");
}

void SvgGrid::draw_channel_blocks(SvgDocument& doc, int64_t x, int64_t y) const {
  // The offsets (from the first cell) of the borders: before a shown entry whose first
  // coordinate differs from that of the shown entry before it, or, when an elided run lies
  // between them (and hides where the channel changes), through the middle of that run.
  auto borders = [](const std::vector<int64_t>& indices, const std::vector<int64_t>& offs,
                    const AxisLabels& labels) {
    std::vector<int64_t> out;
    std::optional<int64_t> channel;
    for (size_t i = 0; i < indices.size(); ++i) {
      if (indices[i] == kGap) continue;
      const int64_t first = labels.coords(indices[i]).front();
      const bool after_gap = i > 0 && indices[i - 1] == kGap;
      if (channel && first != *channel) out.push_back(offs[i] - (after_gap ? kGapSize / 2 : 0));
      channel = first;
    }
    return out;
  };
  const int64_t left = x + label_w_, top = y + header_h_;
  for (int64_t off : borders(rows_, row_off_, grid_.row_labels))
    doc.raw(fmt::format(kBlockLine, x, top + off, left + cells_w_, top + off) + "\n");
  for (int64_t off : borders(cols_, col_off_, grid_.col_labels))
    doc.raw(fmt::format(kBlockLine, left + off, y, left + off, top + cells_h_) + "\n");
}

std::vector<std::string> wrap_px(const std::string& text, int64_t width, int64_t font, bool bold) {
  // Measured with DejaVu Sans: prose averages 0.47 em per character (0.57 em in bold); the
  // estimate leaves room for digits and capitals.
  const int64_t em_percent = bold ? 60 : 56;
  const int64_t columns = std::max<int64_t>(20, width * 100 / (font * em_percent));
  return wrap(text, columns, 0);
}

namespace {

constexpr int64_t kSwatch = 30;
constexpr int64_t kLegendLine = 28;  // px per wrapped line of legend text
constexpr int64_t kLegendGap = 10;   // px between items

void draw_swatch(SvgDocument& doc, const Swatch& swatch, int64_t x, int64_t y) {
  switch (swatch.style) {
    case Swatch::Style::kKind:
      doc.rect(x, y, kSwatch, kSwatch, "c " + std::string(kind_class(swatch.kind)));
      break;
    case Swatch::Style::kFootprint:
      doc.rect(x + 2, y + 2, kSwatch - 4, kSwatch - 4, "foot");
      break;
    case Swatch::Style::kWeights:
      for (int64_t i = 0; i < 3; ++i)
        doc.rect(x + i * kSwatch / 3, y, kSwatch / 3, kSwatch, fmt::format("c w{}", i));
      break;
    case Swatch::Style::kShade:
      for (int64_t i = 0; i < 3; ++i) {
        doc.rect(x + i * kSwatch / 3, y, kSwatch / 3, kSwatch, "c k-data");
        doc.rect(x + i * kSwatch / 3, y, kSwatch / 3, kSwatch, "ov",
                 fmt::format(R"(fill-opacity="{:.2f}")", 0.15 + 0.25 * static_cast<double>(i)));
      }
      break;
    case Swatch::Style::kBlockBorder:
      doc.rect(x, y, kSwatch, kSwatch, "c k-matrix");
      doc.raw(fmt::format(kBlockLine, x + kSwatch / 2, y - 3, x + kSwatch / 2, y + kSwatch + 3) +
              "\n");
      break;
  }
}

}  // namespace

int64_t legend_height(const std::vector<LegendItem>& items, int64_t width) {
  int64_t h = 0;
  for (const LegendItem& item : items) {
    const auto lines =
        static_cast<int64_t>(wrap_px(item.text, width - kSwatch - 12, kTextFont).size());
    h += std::max(kSwatch, lines * kLegendLine) + kLegendGap;
  }
  return h;
}

int64_t draw_legend(SvgDocument& doc, const std::vector<LegendItem>& items, int64_t x, int64_t y,
                    int64_t width) {
  int64_t h = 0;
  for (const LegendItem& item : items) {
    draw_swatch(doc, item.swatch, x, y + h);
    const std::vector<std::string> lines = wrap_px(item.text, width - kSwatch - 12, kTextFont);
    for (size_t i = 0; i < lines.size(); ++i)
      doc.text(x + kSwatch + 12, y + h + 22 + static_cast<int64_t>(i) * kLegendLine, "txt",
               lines[i]);
    h += std::max(kSwatch, static_cast<int64_t>(lines.size()) * kLegendLine) + kLegendGap;
  }
  return h;
}

}  // namespace convt::detail
