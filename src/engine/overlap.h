// The overlap map of a transposed convolution: for each output cell, how many (input cell,
// kernel tap) pairs write into it. Uneven counts repeat with the stride's period and show up as
// the checkerboard artifact of transposed convolutions.
#pragma once

#include <cstdint>
#include <vector>

#include "convt/grid.h"
#include "convt/messages.h"
#include "convt/params.h"
#include "convt/shape.h"

namespace convt {

/// True when the overlap of one axis is even: away from the borders every output cell receives
/// the same number of contributions. That holds exactly when the stride divides the kernel size
/// and shares no factor with the dilation: s | k and gcd(s, d) = 1 (with d = 1: k divisible by
/// s). Interior cell i receives #{u < k : u*d = i (mod s)} taps, which is k/s for every i then.
bool even_overlap(const AxisParams& axis);

/// True when every axis has even overlap.
bool even_overlap(const std::vector<AxisParams>& axes);

/// The counts of one axis after the crop, one per output cell j (m of them):
///   count(j) = #{(a, u) : 0 <= a < n, 0 <= u < k, a*s + u*d = j + p},
/// 0 for cells past the F-grid (output_padding > p). The count of a 2-D cell (i, j) is
/// count_rows(i) * count_cols(j): the pairs of the two axes combine independently.
/// Costs O(n*k + F).
std::vector<int64_t> axis_overlap_counts(const AxisShape& shape);

/// The overlap map of a layer: m0 x m1 counts (1 x m for dims == 1). Cells past the F-grid are
/// 0 of kind kAddedZero. REQUIRES: `shapes` from validate_params(params, ...).
Grid overlap_grid(const Params& params, const std::vector<AxisShape>& shapes);

/// The overlap stage's explanation: what the counts are, each axis's verdict with its counts and
/// the reason (kernel size not divisible by the stride, or a dilation sharing a factor with
/// it), the 2-D products, and the overall verdict.
std::vector<Message> overlap_explanation(const Params& params,
                                         const std::vector<AxisShape>& shapes);

}  // namespace convt
