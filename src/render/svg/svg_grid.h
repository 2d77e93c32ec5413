// The parts every SVG figure is built from: a grid of cells with labels, a legend, wrapped
// lines of text. Internal to convt_core (render_svg*.cpp).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "convt/grid.h"
#include "render/svg/svg_document.h"

namespace convt::detail {

/// The text of one cell in a figure: its number as every format writes it (format_number), or
/// with `symbols` and a symbolic grid its sum in Unicode notation ("x₀₀·w₁₁ + x₀₁·w₁₀").
/// The one place a figure chooses a cell's text.
std::string svg_cell_text(const Grid& grid, int64_t r, int64_t c,
                          const SymbolNames* symbols = nullptr);

/// How one grid is drawn and tagged.
struct SvgGridStyle {
  std::string stage;          ///< data-stage: the stage whose values the cells show
  std::string name = "grid";  ///< data-grid: "grid", or "full_view" for the output's F-grid
  /// Maps a drawn cell to the cell of the stage's grid it shows (a flattened vector shows
  /// input cell (i / cols, i % cols) in its row i). Default: the same cell.
  std::function<std::pair<int64_t, int64_t>(int64_t r, int64_t c)> source;
  /// The tap colour of a data cell (0, 1, ...; painted "w{tap % kTapColours}"), or -1 for the
  /// plain white of data. Default: none.
  std::function<int64_t(int64_t r, int64_t c)> tap;
  /// A blue overlay of this opacity (0..1) on a data cell (the overlap map). Default: none.
  std::function<double(int64_t r, int64_t c)> shade;
  /// Whether the number of a cell is written (a frame of the sliding kernel leaves the cells
  /// it has not reached yet empty). Default: every cell.
  std::function<bool(int64_t r, int64_t c)> written;
  /// Markup appended inside a cell's <text> after its number (an <animate> element), and
  /// attributes added to it. Default: none.
  std::function<std::pair<std::string, std::string>(int64_t r, int64_t c)> decorate;
  /// The names of a symbolic derivation's symbols: cells show their sums. Default: numbers.
  const SymbolNames* symbols = nullptr;
  bool row_labels = true;
  bool col_labels = true;
  /// Draw a line (class "blk") between two shown rows (columns) whose labels differ in their
  /// first coordinate: the channel blocks of a whole layer's C, whose labels are (c,a,b) and
  /// (o,i,j). Default: none.
  bool channel_blocks = false;
};

/// A px rectangle.
struct Box {
  int64_t x = 0, y = 0, w = 0, h = 0;
};

/// One grid laid out: the shown rows and columns (kGap for an elided run) as cells of one size,
/// row labels on the left, column labels on top (turned upright when they do not fit).
class SvgGrid {
 public:
  SvgGrid(const Grid& grid, std::vector<int64_t> rows, std::vector<int64_t> cols,
          SvgGridStyle style);

  int64_t width() const { return label_w_ + cells_w_; }
  int64_t height() const { return header_h_ + cells_h_; }
  /// Where the first cell starts, relative to the grid's top-left corner.
  int64_t cells_left() const { return label_w_; }
  int64_t cells_top() const { return header_h_; }
  int64_t cells_height() const { return cells_h_; }
  int64_t cell_width() const { return cell_w_; }
  int64_t cell_height() const { return cell_h_; }

  /// Draws the grid with its top-left corner at (x, y) as one <g class="grid">.
  void draw(SvgDocument& doc, int64_t x, int64_t y) const;

  /// The box of the shown cells of rows [r0, r1] x cols [c0, c1] with the grid at (x, y): from
  /// the first shown row (column) of the range to the last one before an elided run.
  /// nullopt when no cell of the range is shown.
  std::optional<Box> span(int64_t x, int64_t y, int64_t r0, int64_t r1, int64_t c0,
                          int64_t c1) const;

  const Grid& grid() const { return grid_; }

 private:
  /// Offsets of each shown entry from the first cell, and the entry of index i (or -1).
  std::optional<int64_t> col_offset(int64_t c) const;
  std::optional<int64_t> row_offset(int64_t r) const;
  /// The lines between the channel blocks (SvgGridStyle::channel_blocks).
  void draw_channel_blocks(SvgDocument& doc, int64_t x, int64_t y) const;

  const Grid& grid_;
  std::vector<int64_t> rows_, cols_;
  std::vector<int64_t> row_off_, col_off_;
  SvgGridStyle style_;
  int64_t cell_w_ = 0, cell_h_ = 0;
  int64_t label_w_ = 0, header_h_ = 0;
  int64_t cells_w_ = 0, cells_h_ = 0;
  bool upright_headers_ = false;
};

/// How a legend swatch is painted.
struct Swatch {
  /// kBlockBorder: the line between two channel blocks of C (SvgGridStyle::channel_blocks).
  enum class Style { kKind, kFootprint, kWeights, kShade, kBlockBorder };
  Style style = Style::kKind;
  CellKind kind = CellKind::kData;
};

/// One line of a legend: a swatch and its words.
struct LegendItem {
  Swatch swatch;
  std::string text;
};

/// Lines of text, wrapped to `width` px at `font` px (in a bold face when `bold`).
std::vector<std::string> wrap_px(const std::string& text, int64_t width, int64_t font,
                                 bool bold = false);

/// The height a legend of `items` takes at `width` px.
int64_t legend_height(const std::vector<LegendItem>& items, int64_t width);
/// Draws a legend at (x, y); returns its height.
int64_t draw_legend(SvgDocument& doc, const std::vector<LegendItem>& items, int64_t x, int64_t y,
                    int64_t width);

}  // namespace convt::detail
