// The stamps of the scatter route (derivation.h): one F-grid per input cell, built on demand.
#include <utility>

#include "convt/derivation.h"
#include "engine/exact_decimal.h"
#include "engine/routes.h"

namespace convt {

Stamps::Stamps(int dims, Grid input, Grid kernel, std::array<AxisShape, 2> shape, Units units)
    : dims_(dims),
      input_(std::move(input)),
      kernel_(std::move(kernel)),
      shape_(shape),
      units_(units) {}

double Stamps::shown(double value) const {
  return units_.digits ? round_to_places(value, *units_.digits) : value;
}

std::vector<int64_t> Stamps::cell(int64_t i) const {
  if (dims_ == 1) return {i};
  return {i / input_.cols(), i % input_.cols()};
}

Stamp Stamps::stamp(int64_t i) const {
  const int64_t a = i / input_.cols(), b = i % input_.cols();
  Grid grid = convt::stamp(input_, kernel_, shape_, a, b);
  const double unit = units_.input_unit * units_.kernel_unit;
  if (unit != 1.0 || units_.digits) grid.update_values([&](double v) { return shown(v / unit); });
  return {cell(i), x(i), std::move(grid)};
}

int64_t Stamps::tap_at(int64_t i, int64_t r, int64_t c) const {
  const AxisParams& A = shape_[0].in;
  const AxisParams& B = shape_[1].in;
  // r = a*s0 + u*d0 for a tap u in [0, k0), and likewise c.
  const int64_t dr = r - (i / input_.cols()) * A.s;
  const int64_t dc = c - (i % input_.cols()) * B.s;
  if (dr < 0 || dc < 0 || dr % A.d != 0 || dc % B.d != 0) return -1;
  const int64_t u = dr / A.d, v = dc / B.d;
  if (u >= A.k || v >= B.k) return -1;
  return u * B.k + v;
}

int64_t Stamps::nonzeros() const {
  int64_t count = 0;
  for (int64_t i = 0; i < this->count(); ++i)
    for_each_tap(i, [&](int64_t, int64_t, double value, int64_t) { count += value != 0.0; });
  return count;
}

}  // namespace convt
