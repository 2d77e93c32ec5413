#include "engine/route_check.h"

#include <cmath>
#include <limits>
#include <string>

namespace convt {

double rounding_bound(double scale, int64_t terms) {
  return static_cast<double>(terms + 2) * std::numeric_limits<double>::epsilon() * scale;
}

CheckLine route_agreement(MsgId id, const std::vector<double>& matrix,
                          const std::vector<double>& other, const std::vector<double>* scale,
                          int64_t terms) {
  int64_t equal = 0;
  if (matrix.size() == other.size())
    for (size_t i = 0; i < matrix.size(); ++i) {
      const double bound = scale ? rounding_bound((*scale)[i], terms) : 0.0;
      equal += std::fabs(matrix[i] - other[i]) <= bound;
    }
  const auto cells = static_cast<int64_t>(matrix.size());
  return {{id, {{"equal", std::to_string(equal)}, {"cells", std::to_string(cells)}}},
          equal == cells};
}

CheckLine adjoint_check(MsgId id, const Grid& c, const std::vector<double>& x,
                        const std::vector<double>& y, const std::vector<double>* scale,
                        int64_t terms, const std::optional<DecimalUnits>& units,
                        std::optional<int> digits) {
  auto u = [](int64_t j) {
    return static_cast<double>((j * kAdjointWeight) % 11 - kAdjointWeight);
  };
  std::vector<double> cu(static_cast<size_t>(c.rows()), 0.0);
  c.for_each_entry(
      [&](int64_t r, int64_t col, double v) { cu[static_cast<size_t>(r)] += v * u(col); });
  double left = 0.0, right = 0.0, bound = 0.0;
  for (size_t r = 0; r < cu.size(); ++r) left += cu[r] * x[r];
  const auto cells = static_cast<int64_t>(y.size());
  for (int64_t j = 0; j < cells; ++j) {
    right += u(j) * y[static_cast<size_t>(j)];
    if (scale) bound += std::fabs(u(j)) * (*scale)[static_cast<size_t>(j)];
  }
  const double adjoint_bound = rounding_bound(bound, cells + terms);
  const bool ok = std::fabs(left - right) <= adjoint_bound;
  if (units) {
    const double unit = power_of_ten(units->kernel_places + units->input_places);
    left /= unit;
    right /= unit;
  } else {
    left = round_to_error(left, adjoint_bound);
    right = round_to_error(right, adjoint_bound);
  }
  if (digits) {
    left = round_to_places(left, *digits);
    right = round_to_places(right, *digits);
  }
  return {{id, {{"left", Number{left}}, {"right", Number{right}}}}, ok};
}

}  // namespace convt
