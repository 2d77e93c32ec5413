// The renderers' size refusals, judged from the parameters before deriving (render.h:
// check_render_limits).
#include <algorithm>
#include <string>
#include <vector>

#include "convt/derivation.h"
#include "convt/error.h"
#include "convt/render.h"
#include "convt/shape.h"
#include "engine/overlap.h"
#include "render/render_common.h"

namespace convt {

namespace {

/// The size of one grid a stage holds and how many of its cells are not zero (-1: unknown
/// without the values).
struct GridSize {
  int64_t rows = 0, cols = 0, nonzeros = -1;
  int64_t cells() const { return rows * cols; }
};

/// Per axis, the cells of [first, first + count) that some input cell reaches, i.e. where
/// overlap_grid counts at least one contribution (overlap.h: axis_overlap_counts).
int64_t reached(const AxisShape& shape, int64_t first, int64_t count) {
  AxisShape whole = shape;  // the F-grid: p = op = 0, so the counts cover [0, F)
  whole.in.p = whole.in.op = 0;
  whole.output = whole.full;
  const std::vector<int64_t> counts = axis_overlap_counts(whole);
  int64_t out = 0;
  for (int64_t j = first; j < std::min(first + count, whole.full); ++j)
    out += counts[static_cast<size_t>(j)] > 0 ? 1 : 0;
  return out;
}

/// Whether every value of `values` is of one sign and not tiny (empty: the defaults 1, 2, ...):
/// then no sum of products cancels, and a cell is zero exactly where no product reaches it.
bool one_sign(const std::vector<double>& values) {
  // At least 1e-150 in size, so that no product of two underflows to zero.
  return std::all_of(values.begin(), values.end(), [](double v) { return v >= 1e-150; }) ||
         std::all_of(values.begin(), values.end(), [](double v) { return v <= -1e-150; });
}

/// The grids stage `id` holds, in the order the text-like formats draw them (the output
/// stage: the F-grid view, then the output), with their non-zeros when the values decide them:
/// copies of the kernel (input) when its values are one_sign, sums of products when both are.
std::vector<GridSize> stage_grids(StageId id, const AxisShape& a, const AxisShape& b,
                                  bool kernel_known, bool input_known) {
  const bool known = kernel_known && input_known;  // sums of products
  auto nz = [known](int64_t count) { return known ? count : int64_t{-1}; };
  auto nz_kernel = [kernel_known](int64_t count) { return kernel_known ? count : int64_t{-1}; };
  auto nz_input = [input_known](int64_t count) { return input_known ? count : int64_t{-1}; };
  const int64_t n = a.in.n * b.in.n, k = a.in.k * b.in.k;
  const int64_t f_reached = reached(a, 0, a.full) * reached(b, 0, b.full);
  switch (id) {
    case StageId::kKernel:
    case StageId::kFlippedKernel:
      return {{a.in.k, b.in.k, nz_kernel(k)}};
    case StageId::kInput:
      return {{a.in.n, b.in.n, nz_input(n)}};
    case StageId::kConvMatrix:  // the kernel's values, once per input cell
      return {{n, a.full * b.full, nz_kernel(n * k)}};
    case StageId::kTransposedMatrix:
      return {{a.full * b.full, n, nz_kernel(n * k)}};
    case StageId::kMatrixOutput:
    case StageId::kScatterOutput:
    case StageId::kDirectOutput:
      return {{a.full, b.full, nz(f_reached)}};
    case StageId::kZeroInserted:
      return {{a.inserted, b.inserted, nz_input(n)}};
    case StageId::kPaddedInput:
      return {{a.padded, b.padded, nz_input(n)}};
    case StageId::kDilatedKernel:
      return {{a.dilated_k, b.dilated_k, nz_kernel(k)}};
    case StageId::kOutput:
      return {
          {a.full, b.full, nz(f_reached)},
          {a.output, b.output, nz(reached(a, a.in.p, a.output) * reached(b, b.in.p, b.output))}};
    case StageId::kOverlap:  // counts of contributions: known whatever the values
      return {{a.output, b.output, reached(a, a.in.p, a.output) * reached(b, b.in.p, b.output)}};
    default:
      return {};
  }
}

}  // namespace

void check_render_limits(const Params& params, const DeriveOptions& derive_options, Format format,
                         const RenderOptions& options) {
  // svg draws stages it was not asked for; symbolic derivations are small and refuse their own
  // size first (derive): both are judged after deriving, as before.
  if (format == Format::kSvg || derive_options.symbolic) return;
  const bool json = format == Format::kJson;
  if (!json && !options.full) return;  // text-like formats elide what is too large
  const std::vector<AxisShape> shapes = validate_params(params, derive_options.limits);
  AxisShape rows;  // a 1-D problem is the 2-D one whose row axis is trivial
  rows.in = AxisParams{1, 1, 1, 0, 1, 0};
  rows.full = rows.output = rows.inserted = rows.dilated_k = rows.padded = 1;
  const AxisShape& a = params.dims == 2 ? shapes[0] : rows;
  const AxisShape& b = params.dims == 2 ? shapes[1] : shapes[0];
  const bool kernel_known = one_sign(params.kernel), input_known = one_sign(params.input);
  const bool dilated = a.in.d > 1 || b.in.d > 1;
  for (StageId id : all_stages()) {
    if (!derive_options.stages.empty() &&
        std::find(derive_options.stages.begin(), derive_options.stages.end(), id) ==
            derive_options.stages.end())
      continue;
    if (id == StageId::kDilatedKernel && !dilated) continue;
    std::vector<GridSize> grids = stage_grids(id, a, b, kernel_known, input_known);
    if (json && id == StageId::kOutput) grids.erase(grids.begin());  // JSON has no F-grid view
    for (const GridSize& g : grids) {
      if (g.cells() <= options.max_cells) continue;
      const std::string stage(stage_name(id));
      if (!json) detail::check_full_fits(true, id, g.cells(), options.max_cells);  // --full
      // Unknown non-zeros: this grid may or may not be refused, so the renderer judges it and
      // every grid after it.
      if (g.nonzeros < 0) return;
      if (g.nonzeros > options.max_cells)  // render_json.cpp's guard
        throw Error({MsgId::kErrSparseTooLarge,
                     {{"stage", stage},
                      {"cells", std::to_string(g.cells())},
                      {"count", std::to_string(g.nonzeros)},
                      {"max_cells", std::to_string(options.max_cells)}}});
    }
  }
}

}  // namespace convt
