// One SVG figure as a column of parts: a title, lines of text, drawn blocks (grids and rows of
// grids), a legend and notes. The figure is as wide as its widest block (at least kMinWidth);
// text is wrapped to that width. Internal to convt_core.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "render/svg/svg_document.h"
#include "render/svg/svg_grid.h"

namespace convt::detail {

/// A drawn part of a figure with a fixed size.
struct Block {
  int64_t width = 0;
  int64_t height = 0;
  /// Draws the block with its top-left corner at (x, y).
  std::function<void(SvgDocument& doc, int64_t x, int64_t y)> draw;
};

class FigureBuilder {
 public:
  static constexpr int64_t kMargin = 28;
  static constexpr int64_t kMinWidth = 760;

  /// `title` in bold, then `subtitle` (the layer's parameters) in grey.
  FigureBuilder(std::string title, std::string subtitle);

  /// Wrapped text in the CSS class `css` ("txt", "cap", "note", "eq") at `font` px.
  void text(std::string text, std::string css = "txt", int64_t font = kTextFont);
  /// Space of `px` px.
  void space(int64_t px);
  void block(Block block);
  void legend(std::vector<LegendItem> items);

  /// The SVG document. `title` is its <title> (for screen readers and file browsers).
  std::string finish() const;

 private:
  struct Part {
    enum class Kind { kText, kSpace, kBlock, kLegend } kind;
    std::string text, css;
    int64_t font = 0;
    Block block;
    std::vector<LegendItem> items;
  };
  std::string title_;
  std::vector<Part> parts_;
};

}  // namespace convt::detail
