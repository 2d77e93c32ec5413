#include "text/text_grid.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <optional>

#include "text/cell_marks.h"
#include "text/number_format.h"
#include "text/style.h"

namespace convt {
namespace {

/// 0..n-1, or the first `keep - keep/2` and last `keep/2` indices around a kGap.
std::vector<int64_t> shown_indices(int64_t n, int64_t keep) {
  std::vector<int64_t> out;
  if (keep >= n) {
    for (int64_t i = 0; i < n; ++i) out.push_back(i);
    return out;
  }
  keep = std::max<int64_t>(keep, 2);
  const int64_t head = keep - keep / 2, tail = keep / 2;
  for (int64_t i = 0; i < head; ++i) out.push_back(i);
  out.push_back(kGap);
  for (int64_t i = n - tail; i < n; ++i) out.push_back(i);
  return out;
}

/// The note that rows or columns `shown` leave out of `total`, naming the first and last
/// hidden one by `labels` as the headers do: "3", or "(0,3)" for a cell of another grid.
Message elision_note(MsgId id, const std::vector<int64_t>& shown, int64_t total,
                     const AxisLabels& labels) {
  auto gap = std::find(shown.begin(), shown.end(), kGap);
  const int64_t first = *(gap - 1) + 1, last = *(gap + 1) - 1;
  return {id,
          {{"first", labels.label(first)},
           {"last", labels.label(last)},
           {"hidden", std::to_string(last - first + 1)},
           {"total", std::to_string(total)}}};
}

/// The display width of code point `cp` (see display_width).
int64_t code_point_width(char32_t cp) {
  // Combining marks, zero-width spaces and joiners, variation selectors.
  if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
      (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x200B && cp <= 0x200F) ||
      (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE00 && cp <= 0xFE0F) ||
      (cp >= 0xFE20 && cp <= 0xFE2F))
    return 0;
  // East Asian Wide and Fullwidth blocks, and the emoji planes.
  if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
      (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
      (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
      (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
      (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
      (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
      (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD))
    return 2;
  return 1;
}

}  // namespace

bool GridPlan::cols_elided() const {
  return std::find(cols.begin(), cols.end(), kGap) != cols.end();
}

bool GridPlan::rows_elided() const {
  return std::find(rows.begin(), rows.end(), kGap) != rows.end();
}

namespace {

/// The digits of an index, as number_length counts them.
int64_t digits(int64_t v) { return static_cast<int64_t>(number_length(static_cast<double>(v))); }

/// The widest line of column c's header: of column_header(labels, c), or of the one-line
/// label "(i,j)" when `one_line`; counted, not written (the layout measures many columns).
int64_t header_width(const AxisLabels& labels, int64_t c, bool one_line) {
  if (labels.style == AxisLabels::Style::kIndex) return digits(c);
  int64_t sum = 0, widest = 0;
  for (int64_t v : labels.coords(c)) {
    sum += digits(v);
    widest = std::max(widest, digits(v));
  }
  const auto commas = static_cast<int64_t>(labels.inner.size());
  return one_line ? sum + commas + 2 : widest;
}

}  // namespace

std::vector<bool> channel_rules(const std::vector<int64_t>& shown, const AxisLabels& labels,
                                const TextGridOptions& options) {
  std::vector<bool> out(shown.size(), false);
  if (!options.channel_blocks || labels.style != AxisLabels::Style::kCoords) return out;
  for (size_t i = 1; i < shown.size(); ++i)
    out[i] = shown[i] != kGap && shown[i - 1] != kGap &&
             labels.coords(shown[i])[0] != labels.coords(shown[i - 1])[0];
  return out;
}

std::vector<std::string> column_header(const AxisLabels& labels, int64_t c) {
  std::vector<std::string> lines;
  for (int64_t v : labels.coords(c)) lines.push_back(std::to_string(v));
  return lines;
}

int64_t display_width(std::string_view text) {
  int64_t width = 0;
  size_t i = 0;
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == 0x1b && i + 1 < text.size() && text[i + 1] == '[') {
      // A CSI escape sequence: parameters, then one final byte in 0x40..0x7e.
      i += 2;
      while (i < text.size() && !(text[i] >= 0x40 && text[i] <= 0x7e)) ++i;
      ++i;
      continue;
    }
    if (byte < 0x80) {
      ++width;
      ++i;
      continue;
    }
    const size_t length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    char32_t cp = length == 4 ? byte & 0x07u : length == 3 ? byte & 0x0fu : byte & 0x1fu;
    for (size_t j = 1; j < length && i + j < text.size(); ++j)
      cp = (cp << 6) | (static_cast<unsigned char>(text[i + j]) & 0x3fu);
    width += length == 1 ? 1 : code_point_width(cp);
    i += length;
  }
  return width;
}

std::string pad_left(const std::string& text, int64_t width) {
  const int64_t have = display_width(text);
  if (have >= width) return text;
  return std::string(static_cast<size_t>(width - have), ' ') + text;
}

std::string decorate_cell(const std::string& body, CellKind kind) {
  return kAsciiMarks.decorate(body, kind);
}

std::string cell_text(double value, CellKind kind) {
  return decorate_cell(format_number(value), kind);
}

std::string symbolic_cell_text(const Grid& grid, int64_t r, int64_t c, const SymbolNames& names) {
  return decorate_cell(names.text(grid.expr(r, c), Notation::kAscii), grid.kind(r, c));
}

bool lists_sums(const Grid& grid, const TextGridOptions& options, const GridPlan& plan) {
  return options.symbols && grid.symbolic() && !options.list_name.empty() &&
         (plan.cols_elided() || plan.rows_elided() ||
          (options.whole && !options.full && plan.overflows));
}

std::string list_entry_name(const TextGridOptions& options, int64_t r, int64_t c) {
  if (options.one_d) return options.list_name + "[" + std::to_string(c) + "]";
  return options.list_name + "[" + std::to_string(r) + "][" + std::to_string(c) + "]";
}

Message symbolic_list_note(const TextGridOptions& options) {
  return {MsgId::kNoteSymbolicList,
          {{"form", options.one_d ? options.list_name + "[j]" : options.list_name + "[i][j]"}}};
}

std::vector<std::string> wrap_sum(const std::string& head, const std::string& sum, int64_t width,
                                  const std::string& tail) {
  std::vector<std::string> terms;
  for (size_t start = 0; start <= sum.size();) {
    size_t end = sum.find(" + ", start);
    if (end == std::string::npos) end = sum.size();
    terms.push_back(sum.substr(start, end - start));
    start = end + 3;
  }
  std::vector<std::string> lines;
  const std::string hang(static_cast<size_t>(display_width(head)), ' ');
  std::string line = head + terms[0];
  for (size_t i = 1; i < terms.size(); ++i) {
    // What must still fit on the line after this term: " +" before a next term, or the tail.
    const int64_t after = i + 1 < terms.size() ? 2 : display_width(tail);
    if (display_width(line) + 3 + display_width(terms[i]) + after <= width) {
      line += " + " + terms[i];
    } else {
      lines.push_back(line + " +");
      line = hang + terms[i];
    }
  }
  lines.push_back(line + tail);
  return lines;
}

std::string kind_mark(CellKind kind) { return kAsciiMarks.mark(kind); }

std::optional<MsgId> kind_legend(CellKind kind) {
  switch (kind) {
    case CellKind::kData:
      return std::nullopt;
    case CellKind::kMatrixZero:
      return MsgId::kLegendMatrixZero;
    case CellKind::kStrideZero:
      return MsgId::kLegendStrideZero;
    case CellKind::kPaddingZero:
      return MsgId::kLegendPaddingZero;
    case CellKind::kDilationZero:
      return MsgId::kLegendDilationZero;
    case CellKind::kCropped:
      return MsgId::kLegendCropped;
    case CellKind::kKeptByOutputPadding:
      return MsgId::kLegendKeptByOutputPadding;
    case CellKind::kAddedZero:
      return MsgId::kLegendAddedZero;
  }
  return std::nullopt;
}

int64_t mark_hang(const CellMarks& marks, CellKind kind) {
  const CellStyle& style = marks.styles[static_cast<size_t>(kind)];
  if (!style.replaces) return display_width(style.after);
  return std::max<int64_t>(0, display_width(style.before) - 1);
}

std::string place_cell(const std::string& text, int64_t hang, const GridPlan& plan) {
  std::string out = pad_left(text, plan.cell_width - plan.hang + hang);
  out.append(static_cast<size_t>(std::max<int64_t>(0, plan.hang - hang)), ' ');
  return out;
}

GridPlan plan_grid(const Grid& grid, const TextGridOptions& options, const GridGeometry& geometry,
                   const CellWriter& cell, const SymbolicCellWriter& symbolic) {
  const bool sums = symbolic && grid.symbolic();
  const bool full = options.full || options.whole;
  GridPlan plan;
  plan.rows = shown_indices(grid.rows(), full ? grid.rows() : options.max_rows);

  plan.row_labels = geometry.labels && !(options.one_d && grid.rows() == 1);
  if (plan.row_labels) {
    for (int64_t r : plan.rows)
      if (r != kGap)
        plan.label_width =
            std::max<int64_t>(plan.label_width, display_width(grid.row_labels.label(r)));
    plan.label_width = std::max<int64_t>(plan.label_width, 3);  // room for "..."
  }

  // Writing and measuring a cell's text costs far more than looking its width up. Every format
  // wraps the number in a mark of fixed width (CellWriter), so a width depends only on the
  // kind and the length of the number: kept per (kind, length), measured once each.
  constexpr size_t kKinds = static_cast<size_t>(CellKind::kAddedZero) + 1;
  constexpr size_t kLengths = 32;  // format_number never writes more than 24 characters
  std::array<std::array<int64_t, kLengths>, kKinds> widths{};  // 0: not measured yet
  // With marks, a width is of the cell up to its units digit, and the widest hang is kept
  // apart: the column is the widest part before the units digit plus the widest hang.
  std::array<int64_t, kKinds> hangs{};
  if (geometry.marks)
    for (size_t k = 0; k < kKinds; ++k)
      hangs[k] = mark_hang(*geometry.marks, static_cast<CellKind>(k));
  int64_t hang = 0;
  auto number_width = [&](double value, CellKind kind) {
    const size_t length = std::min(number_length(value), kLengths - 1);
    int64_t& width = widths[static_cast<size_t>(kind)][length];
    if (width == 0) width = display_width(cell(value, kind)) - hangs[static_cast<size_t>(kind)];
    hang = std::max(hang, hangs[static_cast<size_t>(kind)]);
    return width;
  };
  auto measured_width = [&](int64_t r, int64_t c) {
    if (sums) {  // symbolic grids are small: no memo
      const auto kind = static_cast<size_t>(grid.kind(r, c));
      hang = std::max(hang, hangs[kind]);
      return display_width(symbolic(r, c)) - hangs[kind];
    }
    return number_width(grid.value(r, c), grid.kind(r, c));
  };
  // A sparse grid (C, C^T) holds its entries and structural zeros that all read alike, so its
  // widest cell is among the entries of the shown rows and one zero: the same maximum as
  // measuring every cell, in time for the entries instead of rows x candidate columns.
  auto widest_sparse = [&](const std::vector<int64_t>& cols) {
    const auto gap = std::find(cols.begin(), cols.end(), kGap);  // cols: sorted around a gap
    auto is_shown = [&](int64_t c) {
      return std::binary_search(cols.begin(), gap, c) ||
             (gap != cols.end() && std::binary_search(gap + 1, cols.end(), c));
    };
    const int64_t shown_cols = static_cast<int64_t>(cols.size()) - (gap != cols.end());
    int64_t w = 0, cells = 0, entries = 0;
    for (int64_t r : plan.rows) {
      if (r == kGap) continue;
      cells += shown_cols;
      grid.for_each_in_row(r, [&](int64_t c, double value) {
        if (!is_shown(c)) return;
        ++entries;
        if (sums) {
          w = std::max(w, display_width(symbolic(r, c)));
          return;
        }
        w = std::max(w, number_width(value, CellKind::kData));
      });
    }
    if (entries < cells) w = std::max<int64_t>(w, display_width(cell(0.0, CellKind::kMatrixZero)));
    return w;
  };
  // The widest cell among the rows shown and the columns that could be shown.
  auto widest = [&](const std::vector<int64_t>& cols) {
    int64_t w = geometry.min_cell;
    for (int64_t c : cols) {
      if (c == kGap) continue;
      w = std::max(w, header_width(grid.col_labels, c, geometry.one_line_headers));
      if (grid.is_sparse()) continue;
      for (int64_t r : plan.rows)
        if (r != kGap) w = std::max<int64_t>(w, measured_width(r, c));
    }
    return grid.is_sparse() ? std::max(w, widest_sparse(cols)) : w;
  };
  constexpr int64_t kCandidates = 512;  // enough to fill any sensible width from each end
  std::vector<int64_t> cols = shown_indices(grid.cols(), full ? grid.cols() : 2 * kCandidates);
  int64_t cell_width = widest(cols);
  // Channel rules between column blocks take kChannelRule columns each, at most one per
  // channel after the first.
  constexpr int64_t kChannelRule = 2;
  const int64_t channel_rules_width =
      options.channel_blocks && grid.col_labels.style == AxisLabels::Style::kCoords &&
              grid.cols() > 0
          ? kChannelRule * grid.col_labels.coords(grid.cols() - 1)[0]
          : 0;
  const int64_t fixed = options.indent + plan.label_width +
                        (geometry.labels && !plan.row_labels ? 0 : geometry.frame) +
                        channel_rules_width;
  // The candidates skip the middle of a grid wider than 2 * kCandidates: when they would all
  // fit, measure every column, or a wider middle cell would break the alignment.
  if (!full && grid.cols() > 2 * kCandidates &&
      fixed + grid.cols() * (cell_width + hang + geometry.sep) <= options.width)
    cell_width = widest(shown_indices(grid.cols(), grid.cols()));
  const int64_t line_width = fixed + grid.cols() * (cell_width + hang + geometry.sep);
  plan.overflows = line_width > options.width || grid.rows() > options.max_rows;
  if (full || line_width <= options.width) {
    cols = shown_indices(grid.cols(), grid.cols());
  } else {
    const int64_t room = options.width - fixed - geometry.gap;
    cols =
        shown_indices(grid.cols(), std::max<int64_t>(2, room / (cell_width + hang + geometry.sep)));
    cell_width = widest(cols);
  }
  plan.cols = std::move(cols);
  plan.hang = hang;
  plan.cell_width = std::max(cell_width + hang, geometry.min_cell);

  uint32_t seen = 0;  // a bit per kind: a set insert per cell would cost more than the layout
  for (int64_t r : plan.rows) {
    if (r == kGap) continue;
    for (int64_t c : plan.cols)
      if (c != kGap) seen |= 1u << static_cast<unsigned>(grid.kind(r, c));
  }
  for (size_t k = 1; k < kKinds; ++k)  // kData (0) has no legend
    if (seen & (1u << k)) plan.kinds.insert(static_cast<CellKind>(k));
  if (plan.cols_elided())
    plan.notes.push_back(
        elision_note(MsgId::kNoteElidedColumns, plan.cols, grid.cols(), grid.col_labels));
  if (plan.rows_elided())
    plan.notes.push_back(
        elision_note(MsgId::kNoteElidedRows, plan.rows, grid.rows(), grid.row_labels));
  return plan;
}

std::vector<ListedSum> listed_sums(const Grid& grid, const TextGridOptions& options,
                                   Notation notation) {
  std::vector<ListedSum> out;
  for (int64_t r = 0; r < grid.rows(); ++r)
    for (int64_t c = 0; c < grid.cols(); ++c)
      out.push_back({list_entry_name(options, r, c),
                     options.symbols->text(grid.expr(r, c), notation), grid.kind(r, c)});
  return out;
}

TextGrid list_sums(const Grid& grid, const TextGridOptions& options, Notation notation,
                   const std::function<std::string(CellKind)>& mark) {
  TextGrid out;
  const std::string indent(static_cast<size_t>(options.indent), ' ');
  for (const ListedSum& cell : listed_sums(grid, options, notation)) {
    std::string tail;
    if (cell.kind != CellKind::kData) {
      out.kinds.insert(cell.kind);
      tail = "  " + paint(mark(cell.kind), tone_of(cell.kind, false), options.color);
    }
    for (std::string& line : wrap_sum(indent + cell.name + " = ", cell.sum, options.width, tail))
      out.lines.push_back(std::move(line));
  }
  out.notes.push_back(symbolic_list_note(options));
  return out;
}

TextGrid layout_grid(const Grid& grid, const TextGridOptions& options) {
  const bool sums = options.symbols && grid.symbolic();
  auto symbolic_cell = [&](int64_t r, int64_t c) {
    return symbolic_cell_text(grid, r, c, *options.symbols);
  };
  GridGeometry geometry;
  geometry.marks = &kAsciiMarks;
  const GridPlan plan = plan_grid(grid, options, geometry, cell_text,
                                  sums ? SymbolicCellWriter(symbolic_cell) : SymbolicCellWriter{});
  if (lists_sums(grid, options, plan)) return list_sums(grid, options, Notation::kAscii, kind_mark);
  TextGrid out;
  out.kinds = plan.kinds;
  out.notes = plan.notes;
  const std::string indent(static_cast<size_t>(options.indent), ' ');
  // Channel blocks of C and C^T: " |" before a column, a rule line "---+---" before a row,
  // where the channel changes.
  const std::vector<bool> col_rules = channel_rules(plan.cols, grid.col_labels, options);
  const std::vector<bool> row_rules = channel_rules(plan.rows, grid.row_labels, options);
  const size_t header_lines = column_header(grid.col_labels, 0).size();
  for (size_t h = 0; h < header_lines; ++h) {
    std::string line = indent + std::string(static_cast<size_t>(plan.label_width), ' ');
    for (size_t i = 0; i < plan.cols.size(); ++i) {
      const int64_t c = plan.cols[i];
      if (col_rules[i]) line += " |";
      line += " " + (c == kGap ? std::string("...")
                               : place_cell(column_header(grid.col_labels, c)[h], 0, plan));
    }
    line.erase(line.find_last_not_of(' ') + 1);
    out.lines.push_back(line);
  }
  std::string rule = indent + std::string(static_cast<size_t>(plan.label_width), '-');
  for (size_t i = 0; i < plan.cols.size(); ++i) {
    if (col_rules[i]) rule += "-+";
    rule.append(static_cast<size_t>(plan.cols[i] == kGap ? 4 : 1 + plan.cell_width), '-');
  }
  for (size_t ri = 0; ri < plan.rows.size(); ++ri) {
    const int64_t r = plan.rows[ri];
    if (row_rules[ri]) out.lines.push_back(rule);
    if (r == kGap) {
      out.lines.push_back(indent + pad_left("...", plan.label_width));
      continue;
    }
    std::string line =
        indent + (plan.row_labels ? pad_left(grid.row_labels.label(r), plan.label_width) : "");
    line.reserve(static_cast<size_t>(options.width) + 64);
    for (size_t ci = 0; ci < plan.cols.size(); ++ci) {
      const int64_t c = plan.cols[ci];
      if (col_rules[ci]) line += " |";
      if (c == kGap) {
        line += " ...";
        continue;
      }
      const CellKind kind = grid.kind(r, c);
      if (kind == CellKind::kData && !sums && !options.color) {
        // Most cells: the number written in place, without a temporary string.
        const double value = grid.value(r, c);
        const auto length = static_cast<int64_t>(number_length(value));
        line.append(
            static_cast<size_t>(1 + std::max<int64_t>(0, plan.cell_width - plan.hang - length)),
            ' ');
        append_number(line, value);
        line.append(static_cast<size_t>(plan.hang), ' ');
        continue;
      }
      const std::string text = sums ? symbolic_cell(r, c) : cell_text(grid.value(r, c), kind);
      // Units digit in line: the blanks first, then the text with its hanging mark (painted:
      // the escapes take no columns), then the blanks the widest hang takes.
      const int64_t hang = mark_hang(kAsciiMarks, kind);
      line.append(static_cast<size_t>(1 + std::max<int64_t>(0, plan.cell_width - plan.hang + hang -
                                                                   display_width(text))),
                  ' ');
      if (options.color)
        line += paint(text, tone_of(kind, options.footprint), true);
      else
        line += text;
      line.append(static_cast<size_t>(std::max<int64_t>(0, plan.hang - hang)), ' ');
    }
    // Lines end without trailing blanks so that golden files diff cleanly.
    line.erase(line.find_last_not_of(' ') + 1);
    out.lines.push_back(line);
  }
  return out;
}

namespace {

/// A piece of text that a line may not break inside, and whether a space came before it.
struct WrapUnit {
  std::string text;
  bool space_before = true;
};

/// Whether a line may not start with `ch`: CJK closing punctuation and ASCII , . ; : ! ? ).
bool is_closing(std::string_view ch) {
  static constexpr std::string_view kClosing[] = {"，", "。", "、", "；", "：", "！", "？",
                                                  "）", "」", "』", "】", "》", ",",  ".",
                                                  ";",  ":",  "!",  "?",  ")"};
  for (std::string_view c : kClosing)
    if (ch == c) return true;
  return false;
}

/// Whether a line may not end with `ch`: CJK opening punctuation and ASCII (.
bool is_opening(std::string_view ch) {
  return ch == "（" || ch == "「" || ch == "『" || ch == "【" || ch == "《" || ch == "(";
}

/// The units of `word` (text without spaces): a line may break between two characters when
/// one of them is wide (CJK, which is written without spaces), unless the second is closing
/// or the first opening punctuation; anywhere else the characters stay together.
void split_word(std::string_view word, std::vector<WrapUnit>& units) {
  std::string_view previous;
  bool first = true;
  size_t i = 0;
  while (i < word.size()) {
    const auto byte = static_cast<unsigned char>(word[i]);
    const size_t length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    const std::string_view ch = word.substr(i, length);
    i += length;
    const bool wide = display_width(ch) == 2;
    const bool previous_wide = !first && display_width(previous) == 2;
    if (first) {
      units.push_back({std::string(ch), true});
    } else if ((wide || previous_wide) && !is_closing(ch) && !is_opening(previous)) {
      units.push_back({std::string(ch), false});
    } else {
      units.back().text += ch;
    }
    previous = ch;
    first = false;
  }
}

}  // namespace

std::vector<std::string> wrap(const std::string& text, int64_t width, int64_t indent,
                              const std::function<bool(std::string_view)>& may_start_line) {
  // Plain ASCII (the English prose, the LaTeX and Markdown sources) breaks only at spaces, and
  // every byte is one column: the greedy loop below without the units of wide text.
  const bool ascii = std::all_of(text.begin(), text.end(), [](char ch) {
    return static_cast<unsigned char>(ch) < 0x80 && ch != '\x1b';
  });
  if (ascii) {
    std::vector<std::string> lines;
    std::string line;
    for (size_t i = 0; i < text.size();) {
      const size_t start = text.find_first_not_of(' ', i);
      if (start == std::string::npos) break;
      size_t end = text.find(' ', start);
      if (end == std::string::npos) end = text.size();
      const std::string_view word(text.data() + start, end - start);
      if (line.empty()) {
        line.assign(static_cast<size_t>(indent), ' ');
        line += word;
      } else if (static_cast<int64_t>(line.size() + 1 + word.size()) <= width ||
                 (may_start_line && !may_start_line(word))) {
        line += ' ';
        line += word;
      } else {
        lines.push_back(std::move(line));
        line.assign(static_cast<size_t>(indent), ' ');
        line += word;
      }
      i = end;
    }
    if (!line.empty()) lines.push_back(std::move(line));
    return lines;
  }
  std::vector<WrapUnit> units;
  size_t i = 0;
  while (i < text.size()) {
    size_t start = text.find_first_not_of(' ', i);
    if (start == std::string::npos) break;
    size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    split_word(std::string_view(text).substr(start, end - start), units);
    i = end;
  }
  std::vector<std::string> lines;
  const std::string lead(static_cast<size_t>(indent), ' ');
  std::string line;
  int64_t line_width = 0;
  for (const WrapUnit& unit : units) {
    const int64_t unit_width = display_width(unit.text);
    const std::string joint = unit.space_before ? " " : "";
    const auto joint_width = static_cast<int64_t>(joint.size());
    if (line.empty()) {
      line = lead + unit.text;
      line_width = indent + unit_width;
    } else if (line_width + joint_width + unit_width <= width ||
               (may_start_line && !may_start_line(unit.text))) {
      line += joint + unit.text;
      line_width += joint_width + unit_width;
    } else {
      lines.push_back(line);
      line = lead + unit.text;
      line_width = indent + unit_width;
    }
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

}  // namespace convt
