// The value lines of the check stage, shared by derive() and derive_layer(): whether the
// matrix route agrees with another route cell by cell, and the adjoint identity
// <C u, x> = <u, C^T x>. Both work on flat row-major values (a dense grid's dense_values() or a
// tensor's values), exactly when the routes summed whole decimal units and within each sum's
// rounding bound when they summed doubles.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "convt/derivation.h"
#include "convt/grid.h"
#include "convt/messages.h"
#include "engine/exact_decimal.h"

namespace convt {

/// The rounding error bound of a double sum of `terms` products whose magnitudes add up to
/// `scale`: (terms + 2) * eps * scale.
double rounding_bound(double scale, int64_t terms);

/// The line `id` ("matrix route equals scatter route in {equal} of {cells} cells") comparing
/// the matrix route's sums `matrix` with another route's `other`: a cell agrees exactly when
/// `scale` is null (sums of whole numbers below 2^53 are exact), else within
/// rounding_bound(scale of the cell, terms). No cell agrees when the sizes differ.
CheckLine route_agreement(MsgId id, const std::vector<double>& matrix,
                          const std::vector<double>& other, const std::vector<double>* scale,
                          int64_t terms);

/// The line `id` of the adjoint identity <C u, x> = <u, C^T x>, with the fixed mixed-sign test
/// vector u[j] = (5j mod 11) - 5 over the columns of C, computed where it is used rather than
/// stored. `x` is the input and `y` = C^T x (the matrix route), flat; `scale` the magnitudes of
/// y's sums when they are doubles (null when exact), of `terms` products each. Both sides are
/// shown back in decimals (divided by the units' product unit) or rounded to the bound, then
/// to `digits` decimals when set.
CheckLine adjoint_check(MsgId id, const Grid& c, const std::vector<double>& x,
                        const std::vector<double>& y, const std::vector<double>* scale,
                        int64_t terms, const std::optional<DecimalUnits>& units,
                        std::optional<int> digits);

}  // namespace convt
