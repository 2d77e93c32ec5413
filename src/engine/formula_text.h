// The size formula of a transposed convolution as text: PyTorch's rule for the output size m and
// the uncropped size F, with one axis's numbers substituted. The one spelling of these lines for
// explain's formula stage, `convt shape`, `convt chain`, --compare tf and the m < 1 error.
// Pure: the numbers come from axis_shape (convt/shape.h); nothing here computes a size.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "convt/params.h"
#include "convt/shape.h"

namespace convt::formula_text {

/// True when the short rule m = (n-1)s - 2p + k does not describe every axis, i.e. some axis has
/// d != 1 or output_padding != 0, so the general rule m = (n-1)s - 2p + d(k-1) + op + 1 is
/// written for all of them.
bool general_form(const std::vector<AxisParams>& axes);

/// The axes that need lines of their own: every axis when some axis differs from the first in any
/// parameter, {0} otherwise (1-D, or every axis the same).
std::vector<size_t> distinct_axes(const std::vector<AxisParams>& axes);

/// PyTorch's rule for the output size (torch.nn.ConvTranspose1d/2d, "Shape" section):
/// "m = (n-1)s - 2p + k", or when `general` "m = (n-1)s - 2p + d(k-1) + output_padding + 1".
std::string output_rule(bool general);

/// m = (n-1)s - 2p + d(k-1) + op + 1 with the axis's numbers and result `shape.output`:
/// "m = (2-1)*2 - 2*1 + 2 = 2", or when `general` "m = (2-1)*2 - 2*1 + 1*(3-1) + 1 + 1 = 4".
/// The short form writes k for d(k-1) + op + 1 and is exact only when d = 1 and op = 0.
std::string output_equation(const AxisShape& shape, bool general);

/// The uncropped size F = (n-1)s + d(k-1) + 1 with the axis's numbers and result `shape.full`:
/// "F = (n-1)s + k = (4-1)*2 + 3 = 9", or when `general`
/// "F = (n-1)s + d(k-1) + 1 = (4-1)*2 + 2*(3-1) + 1 = 11".
std::string full_equation(const AxisShape& shape, bool general);

/// The sum m = (n-1)s - 2p + d(k-1) + 1 + op with the axis's numbers and no result, in the
/// shortest form for this axis alone, as the error for m < 1 quotes it: "(2-1)*1 - 2*3 + 2"
/// (k for d(k-1) + 1 when d = 1), "(2-1)*1 - 2*3 + 2*(3-1) + 1", and " + op" only when op != 0.
std::string output_sum(const AxisParams& axis);

/// explain's formula stage: output_rule, then output_equation for each distinct axis, then
/// full_equation for each distinct axis; when the axes differ each equation starts "depth: ",
/// "rows: " or "cols: " (English: the stage's equations are language-free). `shapes` holds one
/// entry per axis of the problem (validate_params).
std::vector<std::string> stage_equations(const std::vector<AxisShape>& shapes);

}  // namespace convt::formula_text
