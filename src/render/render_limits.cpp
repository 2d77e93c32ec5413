// The renderers' size refusals, judged from the parameters before deriving (render.h:
// check_render_limits).
#include <algorithm>
#include <cstdint>
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

/// The size of one grid a stage holds, or of all the slices of a whole layer's tensor
/// together (what the renderers judge), and how many of its cells are not zero (-1: unknown
/// without the values).
struct GridSize {
  int64_t cells = 0, nonzeros = -1;
};

/// a * b, saturating at INT64_MAX instead of overflowing (sizes are never negative).
int64_t times(int64_t a, int64_t b) {
  if (a == 0 || b == 0) return 0;
  return a > INT64_MAX / b ? INT64_MAX : a * b;
}

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

/// The product over the axes of `size(axis)`.
template <typename F>
int64_t over_axes(const std::vector<AxisShape>& shapes, F&& size) {
  int64_t out = 1;
  for (const AxisShape& s : shapes) out = times(out, size(s));
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
/// stage of a one-channel layer: the F-grid view, then the output), each a whole tensor over
/// the channels, with their non-zeros when the values decide them: copies of the kernel
/// (input) when its values are one_sign, sums of products when both are (and no bias is
/// added). Channels: the weight holds in * (out/groups) * prod(k) values, C has
/// in * (out/groups) * prod(n) * prod(k) non-zeros in in*prod(n) x out*prod(F) cells, every
/// output channel sums the in/groups input channels of its group.
std::vector<GridSize> stage_grids(StageId id, const Params& params,
                                  const std::vector<AxisShape>& shapes, bool kernel_known,
                                  bool input_known) {
  const bool known = kernel_known && input_known;  // sums of products
  const bool bias = params.bias && std::any_of(params.bias->begin(), params.bias->end(),
                                               [](double b) { return b != 0.0; });
  auto nz = [known](int64_t count) { return known ? count : int64_t{-1}; };
  auto nz_kernel = [kernel_known](int64_t count) { return kernel_known ? count : int64_t{-1}; };
  auto nz_input = [input_known](int64_t count) { return input_known ? count : int64_t{-1}; };
  const int64_t in = params.in_channels, out = params.out_channels;
  const int64_t weights = times(in, out / params.groups);  // = out * (in / groups)
  const int64_t n = over_axes(shapes, [](const AxisShape& s) { return s.in.n; });
  const int64_t k = over_axes(shapes, [](const AxisShape& s) { return s.in.k; });
  const int64_t f = over_axes(shapes, [](const AxisShape& s) { return s.full; });
  const int64_t m = over_axes(shapes, [](const AxisShape& s) { return s.output; });
  const int64_t f_reached =
      over_axes(shapes, [](const AxisShape& s) { return reached(s, 0, s.full); });
  const int64_t m_reached =
      over_axes(shapes, [](const AxisShape& s) { return reached(s, s.in.p, s.output); });
  switch (id) {
    case StageId::kKernel:
    case StageId::kFlippedKernel:
      return {{times(weights, k), nz_kernel(times(weights, k))}};
    case StageId::kInput:
      return {{times(in, n), nz_input(times(in, n))}};
    case StageId::kConvMatrix:  // the kernel's values, once per input cell
    case StageId::kTransposedMatrix:
      return {{times(times(in, n), times(out, f)), nz_kernel(times(times(weights, n), k))}};
    case StageId::kMatrixOutput:
    case StageId::kScatterOutput:
    case StageId::kDirectOutput:
      return {{times(out, f), nz(times(out, f_reached))}};
    case StageId::kZeroInserted:
      return {{times(in, over_axes(shapes, [](const AxisShape& s) { return s.inserted; })),
               nz_input(times(in, n))}};
    case StageId::kPaddedInput:
      return {{times(in, over_axes(shapes, [](const AxisShape& s) { return s.padded; })),
               nz_input(times(in, n))}};
    case StageId::kDilatedKernel:
      return {{times(weights, over_axes(shapes, [](const AxisShape& s) { return s.dilated_k; })),
               nz_kernel(times(weights, k))}};
    case StageId::kOutput: {
      const GridSize output{times(out, m), bias ? int64_t{-1} : nz(times(out, m_reached))};
      if (params.whole_layer()) return {output};  // no F-grid view
      return {{f, nz(f_reached)}, output};
    }
    case StageId::kOverlap:  // counts of contributions: known whatever the values
      return {{m, m_reached}};
    default:
      return {};
  }
}

/// --format python embeds every value of every stage (no eliding, no sparse form): a stage
/// whose tensor, or the scatter stamps together (one F-grid per input cell of a one-channel
/// layer), has more than max_cells cells is refused (render_python.cpp's guard).
void check_python_limits(const Params& params, const DeriveOptions& derive_options,
                         const RenderOptions& options) {
  const std::vector<AxisShape> shapes = validate_params(params, derive_options.limits);
  auto refuse_over = [&](StageId id, int64_t cells) {
    if (cells <= options.max_cells) return;
    throw Error({MsgId::kErrPythonTooLarge,
                 {{"stage", std::string(stage_name(id))},
                  {"count", std::to_string(cells)},
                  {"max_cells", std::to_string(options.max_cells)}}});
  };
  for (StageId id : all_stages()) {
    if (id == StageId::kScatterStamps) {
      if (!params.whole_layer())
        refuse_over(id, times(over_axes(shapes, [](const AxisShape& s) { return s.in.n; }),
                              over_axes(shapes, [](const AxisShape& s) { return s.full; })));
      continue;
    }
    const std::vector<GridSize> grids = stage_grids(id, params, shapes, false, false);
    if (!grids.empty()) refuse_over(id, grids.back().cells);  // the output, not the F-grid view
  }
}

}  // namespace

void check_render_limits(const Params& params, const DeriveOptions& derive_options, Format format,
                         const RenderOptions& options) {
  // svg draws stages it was not asked for; symbolic derivations are small and refuse their own
  // size first (derive): both are judged after deriving, as before.
  if (format == Format::kSvg || derive_options.symbolic) return;
  if (format == Format::kPython) return check_python_limits(params, derive_options, options);
  const bool json = format == Format::kJson;
  if (!json && !options.full) return;  // text-like formats elide what is too large
  const std::vector<AxisShape> shapes = validate_params(params, derive_options.limits);
  const bool kernel_known = one_sign(params.kernel), input_known = one_sign(params.input);
  const bool dilated =
      std::any_of(shapes.begin(), shapes.end(), [](const AxisShape& s) { return s.in.d > 1; });
  for (StageId id : all_stages()) {
    if (!derive_options.stages.empty() &&
        std::find(derive_options.stages.begin(), derive_options.stages.end(), id) ==
            derive_options.stages.end())
      continue;
    if (id == StageId::kDilatedKernel && !dilated) continue;
    std::vector<GridSize> grids = stage_grids(id, params, shapes, kernel_known, input_known);
    if (json && grids.size() == 2) grids.erase(grids.begin());  // JSON has no F-grid view
    for (const GridSize& g : grids) {
      if (g.cells <= options.max_cells) continue;
      const std::string stage(stage_name(id));
      if (!json) detail::check_full_fits(true, id, g.cells, options.max_cells);  // --full
      // Unknown non-zeros: this grid may or may not be refused, so the renderer judges it and
      // every grid after it.
      if (g.nonzeros < 0) return;
      if (g.nonzeros > options.max_cells)  // render_json.cpp's guard
        throw Error({MsgId::kErrSparseTooLarge,
                     {{"stage", stage},
                      {"cells", std::to_string(g.cells)},
                      {"count", std::to_string(g.nonzeros)},
                      {"max_cells", std::to_string(options.max_cells)}}});
    }
  }
}

}  // namespace convt
