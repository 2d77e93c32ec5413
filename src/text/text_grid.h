// Laying out one grid as aligned lines, with elision of the middle rows and columns. The plan
// (which rows and columns are shown, how wide a cell is) is shared by every format; the ASCII
// drawing is here, the other formats draw from the same plan.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "convt/grid.h"
#include "convt/messages.h"
#include "convt/symbolic.h"
#include "text/cell_marks.h"

namespace convt {

/// How a grid is laid out.
struct TextGridOptions {
  int64_t width = 100;    ///< the widest line; wider grids lose middle columns
  int64_t max_rows = 40;  ///< taller grids lose middle rows
  bool full = false;      ///< never elide
  /// Show every row and column as documents do (markdown, latex), but list a grid of sums
  /// (see list_name) that would not fit `width` instead of drawing it. Default: false.
  bool whole = false;
  int64_t indent = 2;      ///< spaces before each line
  bool color = false;      ///< paint cells by kind (see style.h). Default: false
  bool footprint = false;  ///< the grid is C or C^T: paint its data cells as the kernel's taps
  /// With a symbolic grid: the names its cells are written with; null writes the numbers.
  const SymbolNames* symbols = nullptr;
  /// The name a symbolic grid of sums is listed under when it does not fit ("y", "z"); empty:
  /// never listed (grids of single symbols elide like numbers).
  std::string list_name;
  /// The grid is one-dimensional: list entries read "y[3]", not "y[0][3]", and a grid of one
  /// row shows no row label.
  bool one_d = false;
  /// Set a rule between two neighbouring shown rows (columns) whose labels' first coordinates
  /// differ: the channel blocks of a whole layer's C and C^T, whose rows and columns are
  /// labelled (c,a,b) and (o,i,j). No rule across an elision gap. Default: false.
  bool channel_blocks = false;
};

/// A laid-out grid.
struct TextGrid {
  std::vector<std::string> lines;
  std::set<CellKind> kinds;    ///< the non-data kinds that appear in the shown cells
  std::vector<Message> notes;  ///< what elision hid, if anything
};

/// An index list entry standing for the elided middle rows or columns.
inline constexpr int64_t kGap = -1;

/// The columns a line of a format takes besides its indent, row labels and cells.
/// A shown line is indent + label_width + frame + cols * (cell_width + sep) wide, and an elided
/// column costs `gap` instead of a cell.
struct GridGeometry {
  int64_t frame = 0;     ///< e.g. " |" between the labels and the cells
  int64_t sep = 1;       ///< columns between (and before) cells
  int64_t gap = 4;       ///< the elided-column marker with its separator: " ..."
  int64_t min_cell = 1;  ///< the narrowest cell
  bool labels = true;    ///< rows carry labels (a LaTeX matrix does not)
  /// Column headers are one label "(i,j)" (Markdown) rather than a line per coordinate.
  bool one_line_headers = false;
  /// The format's cell marks: with them, numbers align on their units digit and the marks
  /// after a number ("]" of "[12]", "*" of "12*") hang to its right (see mark_hang); null:
  /// every cell is right-aligned as a whole.
  const CellMarks* marks = nullptr;
};

/// The columns a cell of `kind` takes right of its units digit: the mark after the number
/// ("]", "*"), or, for a mark that stands for the number ("0+", "."), all of it but its first
/// character, which stands where the units digit does.
int64_t mark_hang(const CellMarks& marks, CellKind kind);

/// Which rows and columns of a grid are shown, and how wide its cells are.
struct GridPlan {
  std::vector<int64_t> rows;  ///< row indices in order, kGap for the elided middle
  std::vector<int64_t> cols;  ///< likewise for columns
  /// Rows carry labels: geometry.labels, except in a 1-D grid of one row (options.one_d),
  /// which is a row of values like the 1-D tensor it shows, without a row "0".
  bool row_labels = false;
  int64_t label_width = 0;  ///< the widest shown row label (at least 3), 0 without labels
  int64_t cell_width = 1;   ///< the widest shown cell or column header
  /// The columns right of the units digit that the widest hanging mark takes (mark_hang);
  /// the units digits of a column stand at cell_width - hang. 0 without geometry.marks.
  int64_t hang = 0;
  std::set<CellKind> kinds;    ///< the non-data kinds among the shown cells
  std::vector<Message> notes;  ///< what elision hid, if anything
  /// The whole grid is wider than options.width or taller than max_rows: without full or
  /// whole, rows or columns would have been left out.
  bool overflows = false;
  bool cols_elided() const;
  bool rows_elided() const;
};

/// The text a format writes for one cell. Its display width must depend only on `kind` and
/// format_number(value).size() (a fixed mark around the number, or a fixed mark alone): the
/// layout measures one cell per kind and length.
using CellWriter = std::function<std::string(double value, CellKind kind)>;
/// The text a format writes for cell (r, c) of a symbolic grid: its sum, marked by kind.
using SymbolicCellWriter = std::function<std::string(int64_t r, int64_t c)>;

/// `text`, a cell whose marks hang `hang` columns right of its units digit, placed in a
/// column of `plan`: blanks before it so that its units digit stands where every other one
/// of the column does, blanks after it up to plan.cell_width.
std::string place_cell(const std::string& text, int64_t hang, const GridPlan& plan);

/// Plans the layout of `grid` for a format that writes cells with `cell` and spends columns as
/// `geometry` says; widths are display widths. When the lines would be wider than
/// options.width (or taller than max_rows), middle columns (rows) give way to a gap and a note
/// says which; the first and last row and column are always shown.
/// A symbolic grid is measured with `symbolic` when it is given.
GridPlan plan_grid(const Grid& grid, const TextGridOptions& options, const GridGeometry& geometry,
                   const CellWriter& cell, const SymbolicCellWriter& symbolic = {});

/// Whether a symbolic grid is written as a list of its cells (`name[i][j] = sum`, one per
/// line) instead of a grid: it has a list_name, and its plan had to leave rows or columns out
/// (or, with options.whole, would have had to).
bool lists_sums(const Grid& grid, const TextGridOptions& options, const GridPlan& plan);

/// The name of cell (r, c) in the list form: "z[0][2]", or "z[2]" in 1-D.
std::string list_entry_name(const TextGridOptions& options, int64_t r, int64_t c);

/// The note under a list: the form of its entries.
Message symbolic_list_note(const TextGridOptions& options);

/// "head sum tail" wrapped after a " +" to `width` display columns: a line that does not end
/// the sum ends in " +", continuation lines are indented to line up under the sum, and `tail`
/// (e.g. "  [v]") ends the last line. A single product wider than the width stays whole.
std::vector<std::string> wrap_sum(const std::string& head, const std::string& sum, int64_t width,
                                  const std::string& tail = "");

/// For each entry of `shown` (plan rows or columns, kGap for the elided middle), whether a
/// channel rule goes before it (TextGridOptions::channel_blocks): it and the entry before it
/// are shown indices whose labels' first coordinates differ. All false unless
/// options.channel_blocks and the labels are coordinates.
std::vector<bool> channel_rules(const std::vector<int64_t>& shown, const AxisLabels& labels,
                                const TextGridOptions& options);

/// The header label(s) of column c: one for index labels, one per coordinate for (i,j) or
/// (o,i,j) coordinates.
std::vector<std::string> column_header(const AxisLabels& labels, int64_t c);

/// The columns `text` takes in a terminal: 0 for combining marks and for ANSI escape sequences
/// (ESC [ ... final byte), 2 for East Asian wide and fullwidth characters, 1 for every other
/// character (as wcwidth in a UTF-8 locale). For ASCII text without escapes: its length.
int64_t display_width(std::string_view text);

/// `text` with spaces before it up to `width` display columns.
std::string pad_left(const std::string& text, int64_t width);

/// The text of one cell: the number, or the mark of its kind ("." for structural zeros, "_" for
/// padding zeros, "[v]" for cropped cells, "v*" kept by output_padding, "0+" added zeros).
std::string cell_text(double value, CellKind kind);

/// cell_text with `body` (a number or a sum) in place of the number: "[body]" when cropped.
std::string decorate_cell(const std::string& body, CellKind kind);

/// cell_text of a symbolic grid: the sum of cell (r, c) in ASCII ("x00*w11 + x01*w10"), marked
/// by its kind. REQUIRES: grid.symbolic().
std::string symbolic_cell_text(const Grid& grid, int64_t r, int64_t c, const SymbolNames& names);

/// The mark shown for `kind` in legends: ".", "_", "[v]", "v*", "0+".
std::string kind_mark(CellKind kind);

/// The legend message of `kind`, or nullopt for kData.
std::optional<MsgId> kind_legend(CellKind kind);

/// Lays out `grid` in ASCII: a header of column labels (two header lines when the columns are
/// (i,j) coordinates), then one line per row with its label. Columns are right-aligned to the
/// widest shown cell; elided columns and rows show as "...". With options.color the cells are
/// painted by kind; the escapes take no columns.
TextGrid layout_grid(const Grid& grid, const TextGridOptions& options);

/// One cell of a grid of sums in its list form (see lists_sums).
struct ListedSum {
  std::string name;  ///< "z[0][2]", or "z[2]" in 1-D (list_entry_name)
  std::string sum;   ///< the cell's sum in the notation asked for
  CellKind kind;     ///< every kind but kData is marked after the entry
};

/// The cells of a symbolic grid, row by row, as every format lists them. REQUIRES:
/// options.symbols and grid.symbolic().
std::vector<ListedSum> listed_sums(const Grid& grid, const TextGridOptions& options,
                                   Notation notation);

/// The list form of a symbolic grid for the terminal formats: `name = sum` per cell (sums in
/// `notation`), wrapped at options.width, followed by the mark of its kind (`mark`) for every
/// kind but kData, and the note that explains the form.
TextGrid list_sums(const Grid& grid, const TextGridOptions& options, Notation notation,
                   const std::function<std::string(CellKind)>& mark);

/// Greedy word wrap of `text` to `width` display columns, each line starting with `indent`
/// spaces. A word that `may_start_line` rejects is never put at the start of a line (it stays
/// after the word before it, even past `width`); the default accepts every word.
std::vector<std::string> wrap(const std::string& text, int64_t width, int64_t indent,
                              const std::function<bool(std::string_view)>& may_start_line = {});

}  // namespace convt
