// A brute-force transposed convolution written straight from its definition, for the tests.
// It shares no code with the engine (src/engine/routes.cpp): it gathers every output cell from the
// pairs (input index, kernel tap) that land on it, instead of scattering or multiplying.
#pragma once

#include <cmath>
#include <cstdint>
#include <vector>

#include "convt/params.h"

namespace convt::testing {

/// A row-major grid of reference values with the sum of |products| of each cell.
struct ReferenceGrid {
  int64_t rows = 0;
  int64_t cols = 0;
  std::vector<double> values;
  std::vector<double> magnitude;  ///< sum of |x * w| over the products of the cell

  double value(int64_t r, int64_t c) const { return values[static_cast<size_t>(r * cols + c)]; }
  double scale(int64_t r, int64_t c) const { return magnitude[static_cast<size_t>(r * cols + c)]; }
};

/// The per-axis output size from the PyTorch documentation:
///   m = (n-1)s - 2p + d(k-1) + output_padding + 1.
inline int64_t reference_output_size(const AxisParams& a) {
  return (a.n - 1) * a.s - 2 * a.p + a.d * (a.k - 1) + a.op + 1;
}

/// y[i][j] = sum of x[a][b] * w[u][v] over every (a,u,b,v) with a*s0 + u*d0 - p0 == i and
/// b*s1 + v*d1 - p1 == j; 0 when no term lands on (i,j). With `cropped` false the padding and
/// output_padding are ignored: the uncropped F-grid, F = (n-1)s + d(k-1) + 1.
/// `kernel` and `input` are row-major; empty means the defaults 1, 2, ....
/// A 1-D problem (one axis) is returned as a 1 x m grid.
inline ReferenceGrid reference_conv_transpose(const std::vector<AxisParams>& axes,
                                              const std::vector<double>& kernel,
                                              const std::vector<double>& input,
                                              bool cropped = true) {
  AxisParams row = axes.size() == 2 ? axes[0] : AxisParams{};
  AxisParams col = axes.back();
  if (!cropped) {
    row.p = col.p = 0;
    row.op = col.op = 0;
  }
  auto w = [&](int64_t u, int64_t v) {
    const int64_t i = u * col.k + v;
    return kernel.empty() ? static_cast<double>(i + 1) : kernel[static_cast<size_t>(i)];
  };
  auto x = [&](int64_t a, int64_t b) {
    const int64_t i = a * col.n + b;
    return input.empty() ? static_cast<double>(i + 1) : input[static_cast<size_t>(i)];
  };
  ReferenceGrid out;
  out.rows = reference_output_size(row);
  out.cols = reference_output_size(col);
  out.values.assign(static_cast<size_t>(out.rows * out.cols), 0.0);
  out.magnitude.assign(out.values.size(), 0.0);
  for (int64_t i = 0; i < out.rows; ++i)
    for (int64_t j = 0; j < out.cols; ++j) {
      double sum = 0.0, magnitude = 0.0;
      for (int64_t a = 0; a < row.n; ++a)
        for (int64_t u = 0; u < row.k; ++u) {
          if (a * row.s + u * row.d - row.p != i) continue;
          for (int64_t b = 0; b < col.n; ++b)
            for (int64_t v = 0; v < col.k; ++v) {
              if (b * col.s + v * col.d - col.p != j) continue;
              sum += x(a, b) * w(u, v);
              magnitude += std::fabs(x(a, b) * w(u, v));
            }
        }
      out.values[static_cast<size_t>(i * out.cols + j)] = sum;
      out.magnitude[static_cast<size_t>(i * out.cols + j)] = magnitude;
    }
  return out;
}

}  // namespace convt::testing
