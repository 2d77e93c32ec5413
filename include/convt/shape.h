// The size arithmetic of a transposed convolution, per axis, checked for overflow.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "convt/params.h"

namespace convt {

/// The derived sizes of one axis.
struct AxisShape {
  AxisParams in;          ///< the parameters this shape was derived from
  int64_t full = 0;       ///< F = (n-1)s + d(k-1) + 1: the grid before cropping
  int64_t output = 0;     ///< m = (n-1)s - 2p + d(k-1) + op + 1 = F - 2p + op
  int64_t inserted = 0;   ///< (n-1)s + 1: the input with s-1 zeros between cells
  int64_t dilated_k = 0;  ///< d(k-1) + 1: the kernel's extent with its gaps
  int64_t pad = 0;        ///< d(k-1): zeros added on each side before the direct convolution
  int64_t padded = 0;     ///< (n-1)s + 1 + 2d(k-1): the padded input
};

/// Computes the shape of one axis. REQUIRES: the per-option ranges (n, k, s, d >= 1; p, op >= 0).
/// Throws Error when an intermediate size overflows; does not judge m (see validate_params).
AxisShape axis_shape(const AxisParams& axis);

/// "3 x 2" for a 2-D size, "5" for a 1-D one.
std::string size_text(const std::vector<int64_t>& sizes);

/// The per-axis values of one parameter: axis_values(axes, &AxisParams::k) == {3, 1} for
/// kernel_size=(3, 1). One entry per element of `axes`, in order.
std::vector<int64_t> axis_values(const std::vector<AxisParams>& axes, int64_t AxisParams::*field);

/// The parameters every shape was derived from (AxisShape::in), in order.
std::vector<AxisParams> axis_params(const std::vector<AxisShape>& shapes);

/// The output size m = (n-1)s - 2p + d(k-1) + op + 1 of every axis (AxisShape::output), in order.
std::vector<int64_t> output_sizes(const std::vector<AxisShape>& shapes);

/// The uncropped size F = (n-1)s + d(k-1) + 1 of every axis (AxisShape::full), in order.
std::vector<int64_t> full_sizes(const std::vector<AxisShape>& shapes);

/// The largest padding that still leaves m >= 1 on this axis: floor((F + op - 1) / 2).
int64_t largest_working_padding(const AxisShape& shape);

/// Checks the rules that involve several fields: output_padding < max(stride, dilation),
/// m >= 1, the number of custom values, and that every stage fits `limits`.
/// Returns the shape of every axis of `params` (one entry per axis).
/// Throws Error with a one-line message naming the option and the rule.
std::vector<AxisShape> validate_params(const Params& params, const Limits& limits);

}  // namespace convt
