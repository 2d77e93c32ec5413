// The unicode format: the text derivation with box-drawing grids and mathematical typography.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "convt/render.h"
#include "render/render_common.h"
#include "render/terminal_flavour.h"
#include "text/cell_marks.h"
#include "text/number_format.h"
#include "text/style.h"
#include "text/text_grid.h"

namespace convt {
namespace {

constexpr std::string_view kMinus = "\u2212";       // −
constexpr std::string_view kTimes = "\u00d7";       // ×
constexpr std::string_view kStructural = "\u00b7";  // ·
constexpr std::string_view kPadding = "\u2218";     // ∘
constexpr std::string_view kAdded = "0\u207a";      // 0⁺
constexpr std::string_view kColumnGap = "\u22ef";   // ⋯
constexpr std::string_view kRowGap = "\u22ee";      // ⋮
constexpr std::string_view kBothGap = "\u22f1";     // ⋱
constexpr std::string_view kVertical = "\u2502";    // │
constexpr std::string_view kHorizontal = "\u2500";  // ─
constexpr std::string_view kCross = "\u253c";       // ┼

/// Every occurrence of `from` in `text` replaced by `to`.
std::string replace_all(std::string text, std::string_view from, std::string_view to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

std::string repeat(std::string_view piece, int64_t count) {
  std::string out;
  for (int64_t i = 0; i < count; ++i) out += piece;
  return out;
}

/// A number with a true minus sign: "−3", "1e−05".
std::string number(double value) { return replace_all(format_number(value), "-", kMinus); }

/// "·" structural zeros, "∘" padding zeros, "[v]" cropped, "v*" kept, "0⁺" added zeros.
constexpr CellMarks kUnicodeMarks =
    make_cell_marks({}, {kStructural, "", true}, {kStructural, "", true}, {kPadding, "", true},
                    {kStructural, "", true}, {"[", "]"}, {"", "*"}, {kAdded, "", true});

std::string unicode_cell(double value, CellKind kind) {
  return kUnicodeMarks.decorate(number(value), kind);
}

/// Catalogue text with C^T as Cᵀ, "3 x 2" sizes as "3 × 2" held together by no-break spaces
/// (so that wrapping never splits a size), and "->" as "→"; `mark` writes the marks.
std::string unicode_prose(const std::vector<detail::ProsePiece>& pieces,
                          const std::function<std::string(CellKind)>& mark) {
  constexpr std::string_view kNoBreakSpace = "\u00a0";
  std::string out;
  bool tie_next = false;  // the piece after × starts with the space to tie
  for (const detail::ProsePiece& piece : pieces) {
    std::string_view part = piece.text;
    if (tie_next && !part.empty() && part[0] == ' ') {
      out += kNoBreakSpace;
      part.remove_prefix(1);
    }
    tie_next = false;
    switch (piece.kind) {
      case detail::ProsePiece::Kind::kTranspose:
        out += "C\u1d40";
        break;
      case detail::ProsePiece::Kind::kTimes:
        if (!out.empty() && out.back() == ' ') out.replace(out.size() - 1, 1, kNoBreakSpace);
        out += kTimes;
        tie_next = true;
        break;
      case detail::ProsePiece::Kind::kArrow:
        out += "\u2192";
        break;
      case detail::ProsePiece::Kind::kMark:
        out += mark(piece.mark);
        break;
      default:
        out += part;
    }
  }
  return out;
}

/// The grid with its labels set off by box-drawing rules:
///
///          │  0  1  2
///     ─────┼─────────
///        0 │  1  2  3
TextGrid box_grid(const Grid& grid, const TextGridOptions& options) {
  GridGeometry geometry;
  geometry.frame = 2;  // " │"
  geometry.gap = 2;    // " ⋯"
  geometry.marks = &kUnicodeMarks;
  const bool sums = options.symbols && grid.symbolic();
  auto symbolic_cell = [&](int64_t r, int64_t c) {
    return kUnicodeMarks.decorate(options.symbols->text(grid.expr(r, c), Notation::kUnicode),
                                  grid.kind(r, c));
  };
  const GridPlan plan = plan_grid(grid, options, geometry, unicode_cell,
                                  sums ? SymbolicCellWriter(symbolic_cell) : SymbolicCellWriter{});
  if (lists_sums(grid, options, plan))
    return list_sums(grid, options, Notation::kUnicode,
                     [](CellKind kind) { return kUnicodeMarks.mark(kind); });
  TextGrid out;
  out.kinds = plan.kinds;
  out.notes = plan.notes;
  const std::string indent(static_cast<size_t>(options.indent), ' ');
  const std::string label_pad(static_cast<size_t>(plan.label_width), ' ');
  auto trimmed = [](std::string line) {
    line.erase(line.find_last_not_of(' ') + 1);
    return line;
  };

  // Channel blocks of C and C^T: " │" before a column, a rule "───┼───" before a row, where
  // the channel changes.
  const std::vector<bool> col_rules = channel_rules(plan.cols, grid.col_labels, options);
  const std::vector<bool> row_rules = channel_rules(plan.rows, grid.row_labels, options);
  const std::string vertical = " " + std::string(kVertical);
  const size_t header_lines = column_header(grid.col_labels, 0).size();
  for (size_t h = 0; h < header_lines; ++h) {
    std::string line = indent + (plan.row_labels ? label_pad + vertical : "");
    for (size_t i = 0; i < plan.cols.size(); ++i) {
      const int64_t c = plan.cols[i];
      if (col_rules[i]) line += vertical;
      line += " " + (c == kGap ? std::string(kColumnGap)
                               : place_cell(column_header(grid.col_labels, c)[h], 0, plan));
    }
    out.lines.push_back(trimmed(line));
  }
  // A rule across the cells, crossing the channel rules.
  std::string body_rule;
  for (size_t i = 0; i < plan.cols.size(); ++i) {
    if (col_rules[i]) body_rule += repeat(kHorizontal, 1) + std::string(kCross);
    body_rule += repeat(kHorizontal, plan.cols[i] == kGap ? 2 : plan.cell_width + 1);
  }
  const std::string rule =
      indent +
      (plan.row_labels ? repeat(kHorizontal, plan.label_width + 1) + std::string(kCross)
                       : std::string()) +
      body_rule;
  // A 1-D row of values (no row labels) has its rule under the headers, without the cross.
  out.lines.push_back(rule);

  for (size_t ri = 0; ri < plan.rows.size(); ++ri) {
    const int64_t r = plan.rows[ri];
    if (row_rules[ri]) out.lines.push_back(rule);
    std::string line;
    if (r == kGap) {
      line = indent + pad_left(std::string(kRowGap), plan.label_width) + vertical;
      for (size_t ci = 0; ci < plan.cols.size(); ++ci) {
        const int64_t c = plan.cols[ci];
        if (col_rules[ci]) line += vertical;
        line += " " + (c == kGap ? std::string(kBothGap)
                                 : pad_left(std::string(kRowGap), plan.cell_width));
      }
    } else {
      line = indent + (plan.row_labels
                           ? pad_left(grid.row_labels.label(r), plan.label_width) + vertical
                           : std::string());
      for (size_t ci = 0; ci < plan.cols.size(); ++ci) {
        const int64_t c = plan.cols[ci];
        if (col_rules[ci]) line += vertical;
        if (c == kGap) {
          line += " " + std::string(kColumnGap);
          continue;
        }
        const CellKind kind = grid.kind(r, c);
        line += " " +
                place_cell(paint(sums ? symbolic_cell(r, c) : unicode_cell(grid.value(r, c), kind),
                                 tone_of(kind, options.footprint), options.color),
                           mark_hang(kUnicodeMarks, kind), plan);
      }
    }
    out.lines.push_back(trimmed(line));
  }
  return out;
}

class UnicodeFlavour final : public detail::TerminalFlavour {
 public:
  const CellMarks& marks() const override { return kUnicodeMarks; }

  std::string prose(const std::vector<detail::ProsePiece>& pieces,
                    const RenderOptions& options) const override {
    return unicode_prose(pieces, [&](CellKind kind) { return mark(kind, options); });
  }

  detail::DrawnGrid draw(const Grid& grid, const TextGridOptions& grid_options,
                         const RenderOptions& /*options*/) const override {
    TextGrid laid = box_grid(grid, grid_options);
    return {std::move(laid.lines), std::move(laid.kinds), std::move(laid.notes)};
  }

 protected:
  /// A formula line with true minus signs and × for products.
  std::string equation(const std::string& line) const override {
    return replace_all(replace_all(line, "-", kMinus), "*", kTimes);
  }
  std::string verdict_word(bool ok, const std::string& word) const override {
    return std::string("[") + (ok ? "\u2713 " : "\u2717 ") + word + "]";
  }
};

}  // namespace

std::string render_unicode(const Derivation& derivation, const RenderOptions& options) {
  static const UnicodeFlavour kFlavour;
  return detail::write_document(derivation, options, kFlavour);
}

}  // namespace convt
