// The flipped kernel's footprint on the padded input: the window of one output cell, with the
// weight that multiplies each covered cell in its corner. Internal to convt_core.
#pragma once

#include <cstdint>
#include <string_view>

#include "render/svg/svg_context.h"
#include "render/svg/svg_grid.h"

namespace convt::detail {

/// Draws the window of output cell (i, j) over `padded` (drawn at (x, y)): a thick outline
/// around padded rows i .. i + d0(k0-1) and columns j .. j + d1(k1-1), of CSS class `css`, and
/// in the corner of each tap's cell (i + u*d0, j + v*d1) its weight "×w" from `flipped` on the
/// tap's colour. Only the shown cells are drawn; `flipped` may be null (no weights then).
void draw_footprint(SvgDocument& doc, const SvgContext& ctx, const SvgGrid& padded,
                    const Grid* flipped, int64_t x, int64_t y, int64_t i, int64_t j,
                    std::string_view css);

}  // namespace convt::detail
