#include "render/svg/svg_footprint.h"

#include <fmt/format.h>

namespace convt::detail {

void draw_footprint(SvgDocument& doc, const SvgContext& ctx, const SvgGrid& padded,
                    const Grid* flipped, int64_t x, int64_t y, int64_t i, int64_t j,
                    std::string_view css) {
  const Shape2& shape = ctx.shape();
  const int64_t k0 = shape[0].in.k, k1 = shape[1].in.k;
  const int64_t d0 = shape[0].in.d, d1 = shape[1].in.d;
  if (flipped) {
    for (int64_t u = 0; u < k0; ++u)
      for (int64_t v = 0; v < k1; ++v) {
        const int64_t r = i + u * d0, c = j + v * d1;
        const std::optional<Box> cell = padded.span(x, y, r, r, c, c);
        if (!cell) continue;
        const std::string weight = "\u00d7" + svg_cell_text(*flipped, u, v, ctx.symbols());
        const int64_t w = text_width(weight, kSmallFont) + 2;
        doc.rect(cell->x + 3, cell->y + 3, w, 17,
                 fmt::format("wb w{}", ctx.flipped_tap(u, v) % kTapColours));
        doc.text(cell->x + 5, cell->y + 16, "wt", weight);
      }
  }
  const std::optional<Box> window = padded.span(x, y, i, i + d0 * (k0 - 1), j, j + d1 * (k1 - 1));
  if (window) doc.rect(window->x, window->y, window->w, window->h, css);
}

}  // namespace convt::detail
