// How the grids of one stage are painted and keyed: the kernels coloured by weight, the overlap
// map shaded by its counts, every other grid plain. Shared by the one-grid figure
// (render_svg.cpp) and the small multiples of a stage of slices (render_svg_slices.cpp).
// Internal to convt_core.
#pragma once

#include <cstdint>
#include <vector>

#include "render/svg/svg_context.h"
#include "render/svg/svg_grid.h"

namespace convt::detail {

/// The style of `grid` (the stage's grid or one of its slices) of `stage`: tagged with the
/// stage's name, its symbols, the tap colours of a kernel (`z`: the depth of a 3-D kernel
/// slice, else 0), or for the overlap map a shade proportional to the count over `most` (the
/// largest count of the stage; no shade when it is 0). `grid` and `ctx` must outlive the style.
SvgGridStyle stage_grid_style(const SvgContext& ctx, const Stage& stage, const Grid& grid,
                              int64_t z, double most);

/// The largest value of the overlap map over `grids` (0 when empty or all zero).
double largest_value(const std::vector<const Grid*>& grids);

/// The legend lines of what stage_grid_style paints (kernel weights, a value, or the overlap
/// shade), before the lines of the cell kinds.
std::vector<LegendItem> stage_legend(const SvgContext& ctx, const Stage& stage);

/// Appends the items of `more` that `items` does not have yet (compared by their words).
void merge_legend(std::vector<LegendItem>& items, const std::vector<LegendItem>& more);

}  // namespace convt::detail
