// The routes of a whole layer -- channels, groups and up to three spatial axes -- on dense
// tensors. The one-channel routes (routes.h) work on one 2-D grid; these add the channel loops
// of nn.ConvTranspose1d/2d/3d and a depth axis, and compute the same three routes:
//   matrix:  y = C^T x with C the block matrix of the forward convolution,
//   scatter: every input cell of channel c stamps x * w[c][j] into output channel o,
//   direct:  zero insertion, padding by d(k-1) and a stride-1 convolution with W'.
// Every tensor has three spatial axes (depth, rows, cols); a 2-D layer's depth axis and a 1-D
// layer's depth and row axes are trivial (n = k = s = d = 1, p = op = 0).
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <vector>

#include "convt/derivation.h"
#include "convt/grid.h"
#include "convt/params.h"
#include "convt/shape.h"

namespace convt {

/// The shapes of the depth, row and column axes.
using Shape3 = std::array<AxisShape, 3>;

/// The sizes of a layer: its three spatial axes and its channels.
struct LayerGeometry {
  Shape3 axes{};
  int dims = 2;  ///< how many of the axes are real: the last `dims`
  int64_t in = 1;
  int64_t out = 1;
  int64_t groups = 1;

  int64_t in_per_group() const { return in / groups; }
  int64_t out_per_group() const { return out / groups; }
  /// prod over the three axes of `field` (n, k, F, ...).
  int64_t spatial(int64_t AxisShape::*field) const;
  int64_t spatial_in(int64_t AxisParams::*field) const;
};

/// The geometry of `params` with `shapes` from validate_params.
LayerGeometry layer_geometry(const Params& params, const std::vector<AxisShape>& shapes);

/// A dense tensor, row-major over `extents`, with a CellKind per cell. Internally the last three
/// extents are always the spatial axes (depth, rows, cols).
struct Tensor {
  Tensor() = default;
  Tensor(std::vector<int64_t> extents, double fill = 0.0, CellKind kind = CellKind::kData);

  std::vector<int64_t> extents;
  std::vector<double> values;
  std::vector<CellKind> kinds;

  int64_t size() const { return static_cast<int64_t>(values.size()); }
  /// The number of cells of one spatial block: the product of the last three extents.
  int64_t block() const;
};

/// The weight [in, out/groups, k0, k1, k2]: `values`, or 1, 2, ... over the whole tensor.
Tensor weight_tensor(const LayerGeometry& g, const std::vector<double>& values);
/// The input [in, n0, n1, n2]: `values`, or 1, 2, ... over the whole tensor.
Tensor input_tensor(const LayerGeometry& g, const std::vector<double>& values);

/// C, the forward convolution's matrix, sparse with in*prod(n) rows and out*prod(F) columns,
/// channel-major: row c*prod(n) + flat(a), column o*prod(F) + flat(a*s + u*d) holds
///   C[c, a][o, a*s + u*d] = w[c][o - g*(out/groups)][u]   for o in the group g of c,
/// and every block joining channels of different groups is zero (block-diagonal for groups > 1).
Grid layer_conv_matrix(const Tensor& weight, const LayerGeometry& g);

/// y = M x for a sparse M whose columns enumerate `x`'s cells, as a tensor of `extents`.
Tensor layer_multiply(const Grid& matrix, const Tensor& x, std::vector<int64_t> extents);

/// The scatter route: full[o][a*s + u*d] += x[c][a] * w[c][j][u] for every input channel c,
/// every output channel o = g*(out/groups) + j of its group g, input cell a and tap u.
Tensor layer_scatter(const Tensor& input, const Tensor& weight, const LayerGeometry& g);

/// sum |x * w| per F-cell of every output channel: the scale of each sum, for rounding bounds.
Tensor layer_magnitude(const Tensor& input, const Tensor& weight, const LayerGeometry& g);

/// Each input channel with s-1 zeros (kStrideZero) between neighbouring cells of every axis.
Tensor layer_insert_zeros(const Tensor& input, const LayerGeometry& g);

/// Each channel with d(k-1) zeros (kPaddingZero) on both sides of every axis.
Tensor layer_pad(const Tensor& inserted, const LayerGeometry& g);

/// W', the weight of the equivalent stride-1 convolution, [out, in/groups, k...]:
///   W'[o][i][u] = w[g*(in/groups) + i][o - g*(out/groups)][k-1-u]   (g the group of o):
/// within each group the channel axes swapped and every kernel rotated 180 degrees.
Tensor layer_flip(const Tensor& weight, const LayerGeometry& g);

/// W' with d-1 zeros (kDilationZero) between neighbouring taps: d(k-1)+1 per axis.
Tensor layer_dilate(const Tensor& flipped, const LayerGeometry& g);

/// The direct route: a stride-1 grouped convolution of the padded input with W', taps d apart:
///   full[o][i] = sum_{j < in/groups} sum_u padded[g*(in/groups) + j][i + u*d] * W'[o][j][u].
Tensor layer_slide(const Tensor& padded, const Tensor& flipped, const LayerGeometry& g);

/// The crop of every output channel: out[o][i] = full[o][i + p], p cells removed at the start
/// and p - op at the end; cells past the F-grid (op > p) are 0 of kind kAddedZero, cells kept
/// only by output_padding are kKeptByOutputPadding.
Tensor layer_crop(const Tensor& full, const LayerGeometry& g);

/// The shape a stage reports: the leading (channel) extents, then the real spatial axes.
std::vector<int64_t> public_shape(const Tensor& t, int dims);

/// The 2-D slices of `t` (Stage::slices): one per leading index and, in 3-D, depth z; each
/// holds rows x cols (1 x cols in 1-D). `label` names a slice by its leading (channel) indices;
/// in 3-D the depth is added (kSliceAtDepth).
std::vector<GridSlice> slices_of(const Tensor& t, int dims,
                                 const std::function<Message(const std::vector<int64_t>&)>& label);

}  // namespace convt
