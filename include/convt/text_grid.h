// Laying out one grid as aligned ASCII lines, with elision of the middle rows and columns.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "convt/grid.h"
#include "convt/messages.h"

namespace convt {

/// How a grid is laid out.
struct TextGridOptions {
  int64_t width = 100;    ///< the widest line; wider grids lose middle columns
  int64_t max_rows = 40;  ///< taller grids lose middle rows
  bool full = false;      ///< never elide
  int64_t indent = 2;     ///< spaces before each line
};

/// A laid-out grid.
struct TextGrid {
  std::vector<std::string> lines;
  std::set<CellKind> kinds;    ///< the non-data kinds that appear in the shown cells
  std::vector<Message> notes;  ///< what elision hid, if anything
};

/// The text of one cell: the number, or the mark of its kind ("." for structural zeros, "_" for
/// padding zeros, "[v]" for cropped cells, "v*" kept by output_padding, "0+" added zeros).
std::string cell_text(double value, CellKind kind);

/// The mark shown for `kind` in legends: ".", "_", "[v]", "v*", "0+".
std::string kind_mark(CellKind kind);

/// The legend message of `kind`, or nullopt for kData.
std::optional<MsgId> kind_legend(CellKind kind);

/// Lays out `grid`: a header of column labels (two header lines when the columns are (i,j)
/// coordinates), then one line per row with its label. Columns are right-aligned to the widest
/// shown cell. When the lines would be wider than options.width (or taller than max_rows),
/// the middle columns (rows) are replaced by "..." and a note says which; the first and last
/// row and column are always shown.
TextGrid layout_grid(const Grid& grid, const TextGridOptions& options);

/// Greedy word wrap of `text` to `width` columns, each line starting with `indent` spaces.
std::vector<std::string> wrap(const std::string& text, int64_t width, int64_t indent);

}  // namespace convt
