#include "convt/text_grid.h"

#include <algorithm>
#include <optional>

#include "convt/number_format.h"

namespace convt {
namespace {

constexpr int64_t kGap = -1;  // an index list entry standing for the elided middle

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

std::string pad_left(const std::string& s, int64_t width) {
  if (static_cast<int64_t>(s.size()) >= width) return s;
  return std::string(static_cast<size_t>(width) - s.size(), ' ') + s;
}

/// The header label(s) of column c: one for index labels, two for (i,j) coordinates.
std::vector<std::string> column_header(const AxisLabels& labels, int64_t c) {
  if (labels.style == AxisLabels::Style::kIndex) return {std::to_string(c)};
  return {std::to_string(c / labels.width), std::to_string(c % labels.width)};
}

Message elision_note(MsgId id, const std::vector<int64_t>& shown, int64_t total) {
  auto gap = std::find(shown.begin(), shown.end(), kGap);
  const int64_t first = *(gap - 1) + 1, last = *(gap + 1) - 1;
  return {id,
          {{"first", std::to_string(first)},
           {"last", std::to_string(last)},
           {"hidden", std::to_string(last - first + 1)},
           {"total", std::to_string(total)}}};
}

}  // namespace

std::string cell_text(double value, CellKind kind) {
  switch (kind) {
    case CellKind::kData:
      return format_number(value);
    case CellKind::kMatrixZero:
    case CellKind::kStrideZero:
    case CellKind::kDilationZero:
      return ".";
    case CellKind::kPaddingZero:
      return "_";
    case CellKind::kCropped:
      return "[" + format_number(value) + "]";
    case CellKind::kKeptByOutputPadding:
      return format_number(value) + "*";
    case CellKind::kAddedZero:
      return "0+";
  }
  return format_number(value);
}

std::string kind_mark(CellKind kind) {
  switch (kind) {
    case CellKind::kCropped:
      return "[v]";
    case CellKind::kKeptByOutputPadding:
      return "v*";
    default:
      return cell_text(0.0, kind);
  }
}

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

TextGrid layout_grid(const Grid& grid, const TextGridOptions& options) {
  TextGrid out;
  const std::vector<int64_t> rows =
      shown_indices(grid.rows(), options.full ? grid.rows() : options.max_rows);

  int64_t label_width = 0;
  for (int64_t r : rows)
    if (r != kGap)
      label_width = std::max<int64_t>(label_width, grid.row_labels.label(r).size());
  label_width = std::max<int64_t>(label_width, 3);  // room for "..."

  // The widest cell among the rows shown and the columns that could be shown.
  auto widest = [&](const std::vector<int64_t>& cols) {
    int64_t w = 1;
    for (int64_t c : cols) {
      if (c == kGap) continue;
      for (const std::string& h : column_header(grid.col_labels, c))
        w = std::max<int64_t>(w, h.size());
      for (int64_t r : rows)
        if (r != kGap)
          w = std::max<int64_t>(w, cell_text(grid.value(r, c), grid.kind(r, c)).size());
    }
    return w;
  };
  constexpr int64_t kCandidates = 512;  // enough to fill any sensible width from each end
  std::vector<int64_t> cols =
      shown_indices(grid.cols(), options.full ? grid.cols() : 2 * kCandidates);
  int64_t cell_width = widest(cols);
  const int64_t line_width = options.indent + label_width + grid.cols() * (cell_width + 1);
  if (options.full || line_width <= options.width) {
    cols = shown_indices(grid.cols(), grid.cols());
  } else {
    const int64_t room = options.width - options.indent - label_width - 4;  // 4: " ..."
    cols = shown_indices(grid.cols(), std::max<int64_t>(2, room / (cell_width + 1)));
    cell_width = widest(cols);
  }

  const std::string indent(static_cast<size_t>(options.indent), ' ');
  const size_t header_lines = column_header(grid.col_labels, 0).size();
  for (size_t h = 0; h < header_lines; ++h) {
    std::string line = indent + std::string(static_cast<size_t>(label_width), ' ');
    for (int64_t c : cols)
      line += " " + (c == kGap ? std::string("...")
                               : pad_left(column_header(grid.col_labels, c)[h], cell_width));
    out.lines.push_back(line);
  }
  for (int64_t r : rows) {
    if (r == kGap) {
      out.lines.push_back(indent + pad_left("...", label_width));
      continue;
    }
    std::string line = indent + pad_left(grid.row_labels.label(r), label_width);
    for (int64_t c : cols) {
      if (c == kGap) {
        line += " ...";
        continue;
      }
      CellKind kind = grid.kind(r, c);
      if (kind != CellKind::kData) out.kinds.insert(kind);
      line += " " + pad_left(cell_text(grid.value(r, c), kind), cell_width);
    }
    // Lines end without trailing blanks so that golden files diff cleanly.
    line.erase(line.find_last_not_of(' ') + 1);
    out.lines.push_back(line);
  }
  if (std::find(cols.begin(), cols.end(), kGap) != cols.end())
    out.notes.push_back(elision_note(MsgId::kNoteElidedColumns, cols, grid.cols()));
  if (std::find(rows.begin(), rows.end(), kGap) != rows.end())
    out.notes.push_back(elision_note(MsgId::kNoteElidedRows, rows, grid.rows()));
  return out;
}

std::vector<std::string> wrap(const std::string& text, int64_t width, int64_t indent) {
  std::vector<std::string> lines;
  const std::string lead(static_cast<size_t>(indent), ' ');
  std::string line;
  size_t i = 0;
  while (i < text.size()) {
    size_t start = text.find_first_not_of(' ', i);
    if (start == std::string::npos) break;
    size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    std::string word = text.substr(start, end - start);
    i = end;
    if (line.empty()) {
      line = lead + word;
    } else if (static_cast<int64_t>(line.size() + 1 + word.size()) <= width) {
      line += " " + word;
    } else {
      lines.push_back(line);
      line = lead + word;
    }
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

}  // namespace convt
