#include "render/svg/svg_stage_paint.h"

#include <algorithm>
#include <string>

#include "render/render_common.h"

namespace convt::detail {

SvgGridStyle stage_grid_style(const SvgContext& ctx, const Stage& stage, const Grid& grid,
                              int64_t z, double most) {
  SvgGridStyle style;
  style.stage = std::string(stage_name(stage.id));
  style.symbols = ctx.symbols();
  switch (stage.id) {
    case StageId::kKernel:
      style.tap = [&ctx, z](int64_t r, int64_t c) { return ctx.kernel_tap(r, c, z); };
      break;
    case StageId::kFlippedKernel:
      style.tap = [&ctx, z](int64_t r, int64_t c) { return ctx.flipped_tap(r, c, z); };
      break;
    case StageId::kDilatedKernel:
      style.tap = [&ctx, z](int64_t r, int64_t c) { return ctx.dilated_tap(r, c, z); };
      break;
    case StageId::kOverlap:
      if (most > 0.0)
        style.shade = [&grid, most](int64_t r, int64_t c) {
          return 0.06 + 0.5 * grid.value(r, c) / most;
        };
      break;
    default:
      break;
  }
  return style;
}

double largest_value(const std::vector<const Grid*>& grids) {
  double most = 0.0;
  for (const Grid* grid : grids)
    grid->for_each_entry([&](int64_t, int64_t, double v) { most = std::max(most, v); });
  return most;
}

std::vector<LegendItem> stage_legend(const SvgContext& ctx, const Stage& stage) {
  switch (stage.id) {
    case StageId::kKernel:
    case StageId::kFlippedKernel:
    case StageId::kDilatedKernel:
      return {{{Swatch::Style::kWeights, CellKind::kData},
               ctx.legend_text({MsgId::kSvgLegendWeights, {}})}};
    case StageId::kOverlap:
      return {{{Swatch::Style::kShade, CellKind::kData},
               ctx.legend_text({MsgId::kSvgLegendOverlap, {}})}};
    default:
      return {
          {{Swatch::Style::kKind, CellKind::kData}, ctx.legend_text({MsgId::kSvgLegendData, {}})}};
  }
}

void merge_legend(std::vector<LegendItem>& items, const std::vector<LegendItem>& more) {
  for (const LegendItem& item : more)
    if (std::none_of(items.begin(), items.end(),
                     [&](const LegendItem& have) { return have.text == item.text; }))
      items.push_back(item);
}

}  // namespace convt::detail
