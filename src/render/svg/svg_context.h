// What every SVG figure of one derivation shares: its words (catalogue text made figure-ready),
// the elision plan of a grid, the colour of each kernel tap, the legend of cell kinds.
// Internal to convt_core (render_svg*.cpp, svg_index_html.cpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "convt/derivation.h"
#include "convt/render_svg.h"
#include "engine/routes.h"
#include "render/svg/svg_grid.h"
#include "text/text_grid.h"

namespace convt::detail {

class SvgContext {
 public:
  SvgContext(const Derivation& derivation, const SvgOptions& options);

  const Derivation& derivation() const { return d_; }
  const SvgOptions& options() const { return o_; }
  /// The names of the symbols when the derivation is symbolic, else null (SvgGridStyle).
  const SymbolNames* symbols() const { return d_.symbols ? &*d_.symbols : nullptr; }
  /// The row axis and the column axis of every 2-D grid or slice (a 1-D problem has a trivial
  /// row axis; a 3-D one's slices are rows x cols at one depth).
  const Shape2& shape() const { return shape_; }
  /// Whether the derivation is a whole layer (Params::whole_layer): its stages hold slices.
  bool whole_layer() const { return d_.params.whole_layer(); }

  /// Catalogue text for a figure or page: "C^T" as "Cᵀ", sizes "3 × 2", "->" as an arrow;
  /// a {mark} placeholder disappears (the figure draws a swatch there). Not yet escaped.
  std::string say(const Message& message) const;
  /// Resolved or language-neutral text made figure-ready like say().
  std::string prose(const std::string& text) const;
  /// say() of a legend message without its leading "{mark} ": "= 0 inserted by the stride".
  std::string legend_text(const Message& message) const;
  /// The layer's heading: "Transposed convolution (ConvTranspose2d): n=3, k=3, ...".
  std::string heading() const;
  /// A stage's title with its grid's size: "The kernel w (3 × 3)"; a stage of slices with its
  /// tensor's shape: "The kernel w (2 × 2 × 3 × 3)".
  std::string title(const Stage& stage) const;
  /// "(1,2)" for a 2-D cell, "2" for a 1-D one.
  std::string cell_name(int64_t r, int64_t c) const;

  /// The rows and columns the text view shows of `grid` at the same width (plan_grid with the
  /// text view's options), with its notes. Throws Error naming --full when options.full is
  /// set and the grid has more than max_cells cells.
  GridPlan plan(const Grid& grid, StageId stage) const;

  /// Whether `grid` (the grid of `stage` or its full_view) is a grid of sums that the text
  /// view writes as a list (lists_sums): the figure then lists its cells too.
  bool lists_sums(const Stage& stage, const Grid& grid) const;
  /// The list form of such a grid: "z[0][1] = x₀₀·w₀₁ + x₀₁·w₀₀", a mark after cells of other
  /// kinds than data.
  std::vector<std::string> sum_list(const Stage& stage, const Grid& grid) const;

  /// The tap index (u * k1 + v, or (t * k0 + u) * k1 + v in 3-D) of the original kernel that a
  /// cell holds: in the kernel, the flipped kernel, the dilated kernel, C and C^T; `z` is the
  /// depth of a 3-D kernel slice (0 otherwise). -1 where no tap is (a dilation gap).
  int64_t kernel_tap(int64_t r, int64_t c, int64_t z = 0) const;
  int64_t flipped_tap(int64_t r, int64_t c, int64_t z = 0) const;
  int64_t dilated_tap(int64_t r, int64_t c, int64_t z = 0) const;
  /// C: row = input cell, col = F-cell, each channel-major ((c,a,b) and (o,i,j)) in a whole
  /// layer: the tap of the spatial offsets within the channel block.
  int64_t matrix_tap(int64_t r, int64_t c) const;

  /// The legend lines of the non-data kinds of a plan, in CellKind order.
  std::vector<LegendItem> kind_legend(const GridPlan& plan) const;
  /// The notes of a plan (elided rows and columns), as figure text.
  std::vector<std::string> notes(const GridPlan& plan) const;

  /// Whether `stage` is selected for drawing.
  bool selected(StageId stage) const;
  /// The grid of `stage` when the derivation has it, else nullptr.
  const Grid* grid_of(StageId stage) const;

 private:
  const Derivation& d_;
  const SvgOptions& o_;
  Shape2 shape_;
};

/// The sliding kernel: "sliding.svg" (animated with SMIL, no script), or with options.frames
/// "sliding-001.svg", ... one still per position. Empty when padded_input, flipped_kernel or
/// direct_output is missing from the derivation, or when a whole layer's stages hold more than
/// one slice (several channels or depths: one moving 2-D window cannot show their sum).
std::vector<Figure> sliding_figures(const SvgContext& context);

/// scatter_stamps: the stamps as small multiples, each under its caption "x(a,b) = v" with
/// its reached cells in the colours of the kernel taps; the first kShownStamps, or every one
/// with options.full (refused beyond options.max_cells cells in all). `stage` holds stamps.
std::string stamps_figure(const SvgContext& context, const Stage& stage);

/// The most panels a figure of slices draws without --full: the first ones in row-major order
/// of their leading indices (two channels of eight depth slices, four channels of four).
inline constexpr int64_t kShownPanels = 16;

/// A stage of a whole layer (Stage::slices) as small multiples: one panel per slice under its
/// label, drawn like the stage's one grid (kernel colours, overlap shade, legend, elision); the
/// depth slices or output channels of one leading index side by side. The first kShownPanels,
/// or every one with options.full (refused beyond options.max_cells cells in all), and a note on
/// the rest. REQUIRES: `stage` has slices.
std::string slices_figure(const SvgContext& context, const Stage& stage);

/// index.html: the heading, then per figure (in order) its title, explanation paragraphs and
/// the picture. `figures` are the SVG files render_svg made. A whole layer with direct_output
/// but no animation has, in the animation's place, the reason why (kSvgSlidingOmitted).
std::string index_html(const SvgContext& context, const std::vector<Figure>& figures);

}  // namespace convt::detail
