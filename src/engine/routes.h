// The building blocks of the derivation: each function computes one grid from others, with
// the formula it implements cited. Everything works on two axes (rows, cols); a 1-D problem is
// the 2-D one whose row axis is trivial (n = k = 1, s = d = 1, p = op = 0).
#pragma once

#include <array>
#include <cstdint>

#include "convt/grid.h"
#include "convt/shape.h"

namespace convt {

/// The shapes of the row axis and the column axis.
using Shape2 = std::array<AxisShape, 2>;

/// The shape of the trivial axis used as the row axis of a 1-D problem.
AxisShape trivial_axis_shape();

/// A rows x cols grid holding 1, 2, ..., rows*cols row-major (the default values), or `values`
/// when not empty. REQUIRES: values.size() is 0 or rows*cols.
Grid value_grid(int64_t rows, int64_t cols, const std::vector<double>& values);

/// What the cells of a value grid stand for in symbolic derivations.
enum class SymbolRole { kInput, kKernel };

/// Makes `grid` symbolic with cell i (row-major) the single symbol x_i (kInput) or w_i
/// (kKernel). Every route below carries symbols through when its inputs have them: copies
/// copy them, and sums of products become sums of x_i * w_j terms in the order the route
/// visits them.
void attach_symbols(Grid& grid, SymbolRole role);

/// C, the matrix of the forward convolution (kernel w, stride s, dilation d, no padding) that
/// maps the F0 x F1 grid to n0 x n1, stored sparsely with n0*n1 rows and F0*F1 columns:
///   C[a*n1 + b][(a*s0 + u*d0)*F1 + (b*s1 + v*d1)] = w[u][v].
Grid conv_matrix(const Grid& kernel, const Shape2& shape);

/// The transpose of a sparse matrix, itself sparse: T[c][r] = M[r][c].
Grid transpose_sparse(const Grid& matrix);

/// y = M x for a sparse M and x flattened row-major, folded into a rows x cols grid.
/// Each y[j] sums its products in the order of M's row j (for C^T: by input cell).
/// REQUIRES: M.cols() == x.cells(), M.rows() == rows * cols.
Grid multiply_sparse(const Grid& matrix, const Grid& x, int64_t rows, int64_t cols);

/// The scatter route: F-grid[a*s0 + u*d0][b*s1 + v*d1] += x[a][b] * w[u][v], summed over all
/// input cells (a,b) and kernel taps (u,v).
Grid scatter(const Grid& input, const Grid& kernel, const Shape2& shape);

/// One stamp of the scatter route, the copy input cell (a, b) adds: the F-grid holding
///   stamp[a*s0 + u*d0][b*s1 + v*d1] = x[a][b] * w[u][v]
/// and 0 elsewhere; with symbols, the product x_ab * w_uv in each reached cell. Summed over all
/// input cells the stamps are scatter().
Grid stamp(const Grid& input, const Grid& kernel, const Shape2& shape, int64_t a, int64_t b);

/// The input with s-1 zeros (kStrideZero) between neighbouring cells: ((n-1)s+1) per axis.
Grid insert_zeros(const Grid& input, const Shape2& shape);

/// `grid` with d(k-1) zeros (kPaddingZero) on every side.
Grid pad(const Grid& inserted, const Shape2& shape);

/// The kernel rotated 180 degrees: out[u][v] = w[k0-1-u][k1-1-v].
Grid flip(const Grid& kernel);

/// The kernel with d-1 zeros (kDilationZero) between neighbouring taps: d(k-1)+1 per axis.
Grid dilate(const Grid& kernel, const Shape2& shape);

/// Stride-1 valid cross-correlation of `padded` with `kernel` whose taps are d apart:
///   out[i][j] = sum_{u,v} padded[i + u*d0][j + v*d1] * kernel[u][v]; size padded - d(k-1).
Grid slide(const Grid& padded, const Grid& kernel, const Shape2& shape);

/// The output: remove p cells at the start of each axis and p - op at the end of the F-grid:
///   out[i][j] = full[i + p0][j + p1], or 0 (kAddedZero, with the expression 0 when symbolic)
///   past the F-grid when op > p.
/// Cells kept only because of output_padding are marked kKeptByOutputPadding.
Grid crop(const Grid& full, const Shape2& shape);

/// The F-grid with every cell the crop removes marked kCropped (and those kept only because of
/// output_padding marked kKeptByOutputPadding): the view of the crop before it happens.
Grid mark_crop(const Grid& full, const Shape2& shape);

/// sum_{j} |x_j w_j| products per F-cell: the scale of each cell's sum, for rounding tolerances.
Grid magnitude(const Grid& input, const Grid& kernel, const Shape2& shape);

}  // namespace convt
