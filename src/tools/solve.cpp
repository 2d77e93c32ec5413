#include "convt/solve.h"

#include <algorithm>
#include <array>

#include "convt/error.h"
#include "convt/shape.h"
#include "convt/shape_report.h"
#include "engine/overlap.h"
#include "tools/tool_output.h"

namespace convt {
namespace {

using Key = std::array<int64_t, 7>;

/// The simplicity of one axis's layer, smaller is simpler (see solve_axis).
Key axis_key(const AxisParams& a) {
  return {a.p > a.d * (a.k - 1) ? 1 : 0, a.d, a.op > 0 ? 1 : 0, a.s, a.k, a.op, a.p};
}

/// The simplicity of a layer: the axes' keys added up, so that a layer is as simple as the sum
/// of its axes; ties go to the simpler rows, then columns.
Key layer_key(const std::vector<AxisParams>& axes) {
  Key key{};
  for (const AxisParams& a : axes) {
    const Key k = axis_key(a);
    for (size_t i = 0; i < key.size(); ++i) key[i] += k[i];
  }
  return key;
}

/// The k (or s) values to try on `axis`: the filter's, or 1..max.
std::pair<int64_t, int64_t> range_of(const std::vector<int64_t>& filter, size_t axis, int64_t max) {
  if (filter.empty()) return {1, max};
  return {filter[axis], filter[axis]};
}

/// Calls f(layer, base) for every layer of the box (with the filters) on `axis`, p left at 0,
/// where base is the layer's output size there, the largest size it reaches:
/// m = (n-1)s - 2p + d(k-1) + op + 1 = F + op at p = 0, with F from axis_shape once per k, s, d
/// (n <= 2^31 - 1 and the box's k, s, d keep it far from overflow).
template <typename F>
void for_each_layer(const SolveQuery& q, size_t axis, F&& f) {
  const auto [k_first, k_last] = range_of(q.k, axis, q.max_k);
  const auto [s_first, s_last] = range_of(q.s, axis, q.max_s);
  for (int64_t k = k_first; k <= k_last; ++k)
    for (int64_t s = s_first; s <= s_last; ++s)
      // With k = 1 the dilation changes nothing but the output_padding limit: try d = 1 only.
      for (int64_t d = 1; d <= (k == 1 ? 1 : q.max_d); ++d) {
        const AxisParams layer{q.n[axis], k, s, 0, d, 0};
        if (q.even_only && !even_overlap(layer)) continue;
        const int64_t full = axis_shape(layer).full;
        for (int64_t op = 0; op < std::max(s, d); ++op) {
          AxisParams a = layer;
          a.op = op;
          f(a, full + op);
        }
      }
}

void check_filter(const std::vector<int64_t>& values, const char* option, MsgId what, int64_t max) {
  for (int64_t v : values)
    if (v < 1 || v > max)
      throw Error({MsgId::kErrRange,
                   {{"option", option},
                    {"what", Message{what, {}}},
                    {"min", "1"},
                    {"max", std::to_string(max)},
                    {"value", axis_value_text(values)}}});
}

/// The simplest layer of the box that maps n to `size` on `axis`, if any.
std::optional<Reachable> reachable(const SolveQuery& q, size_t axis, int64_t size) {
  if (size < 1) return std::nullopt;
  std::optional<Reachable> best;
  for_each_layer(q, axis, [&](AxisParams a, int64_t base) {
    const int64_t excess = base - size;
    if (excess < 0 || excess % 2 != 0) return;
    a.p = excess / 2;
    if (!best || axis_key(a) < axis_key(best->example)) best = Reachable{size, a};
  });
  return best;
}

/// The nearest sizes below and above m that the box reaches from n on `axis`. A layer reaches
/// base, base - 2, base - 4, ... down to 1 (p = 0, 1, 2, ...).
AxisNearest nearest_sizes(const SolveQuery& q, size_t axis) {
  const int64_t m = q.m[axis];
  int64_t below = 0, above = 0;  // 0: none
  for_each_layer(q, axis, [&](const AxisParams&, int64_t base) {
    // Below m: base itself, or the largest size < m of base's parity.
    int64_t b = base < m ? base : ((base - (m - 1)) % 2 == 0 ? m - 1 : m - 2);
    if (b >= 1) below = std::max(below, b);
    // Above m: the smallest size > m of base's parity, if base reaches that far.
    if (base > m) {
      const int64_t c = (base - (m + 1)) % 2 == 0 ? m + 1 : m + 2;
      if (above == 0 || c < above) above = c;
    }
  });
  AxisNearest out;
  out.axis = axis;
  out.below = reachable(q, axis, below);
  if (above != 0) out.above = reachable(q, axis, above);
  return out;
}

}  // namespace

std::vector<AxisParams> solve_axis(const SolveQuery& q, size_t axis) {
  std::vector<AxisParams> out;
  const int64_t m = q.m[axis];
  for_each_layer(q, axis, [&](AxisParams a, int64_t base) {
    const int64_t excess = base - m;  // = 2p
    if (excess < 0 || excess % 2 != 0) return;
    a.p = excess / 2;
    // One more than the limit is enough for solve() to refuse; keep memory bounded.
    if (static_cast<int64_t>(out.size()) <= kSolveMaxSolutions) out.push_back(a);
  });
  std::sort(out.begin(), out.end(),
            [](const AxisParams& x, const AxisParams& y) { return axis_key(x) < axis_key(y); });
  return out;
}

SolveResult solve(const SolveQuery& query) {
  check_filter(query.k, "--k", MsgId::kWordKernelSize, kSolveMaxK);
  check_filter(query.s, "--s", MsgId::kWordStride, kSolveMaxS);
  SolveResult result;
  result.query = query;
  const size_t axes = query.n.size();
  auto same = [](const std::vector<int64_t>& v) {
    return v.empty() || std::all_of(v.begin(), v.end(), [&](int64_t x) { return x == v[0]; });
  };
  result.same_axes = same(query.n) && same(query.m) && same(query.k) && same(query.s);

  std::vector<std::vector<AxisParams>> per_axis;
  for (size_t i = 0; i < (result.same_axes ? 1 : axes); ++i)
    per_axis.push_back(solve_axis(query, i));

  auto make = [&](std::vector<AxisParams> layer) {
    Solution s;
    s.axes = std::move(layer);
    s.even = even_overlap(s.axes);
    for (const AxisParams& a : s.axes) {
      const int64_t m = axis_shape(a).output;
      s.output.push_back(m);
      s.forward.push_back(forward_conv_size(a, m).value_or(0));
      s.maps_back = s.maps_back && s.forward.back() == a.n;
    }
    return s;
  };
  int64_t count = 1;
  for (const auto& list : per_axis) count *= static_cast<int64_t>(list.size());
  if (count > kSolveMaxSolutions)
    throw Error(
        {MsgId::kErrTooManySolutions,
         {{"count", std::to_string(count)}, {"limit", std::to_string(kSolveMaxSolutions)}}});
  if (result.same_axes) {
    for (const AxisParams& a : per_axis[0])
      result.solutions.push_back(make(std::vector<AxisParams>(axes, a)));
  } else if (count > 0) {
    for (const AxisParams& rows : per_axis[0])
      for (const AxisParams& cols : per_axis[1]) result.solutions.push_back(make({rows, cols}));
    std::stable_sort(
        result.solutions.begin(), result.solutions.end(),
        [](const Solution& x, const Solution& y) { return layer_key(x.axes) < layer_key(y.axes); });
  }
  if (result.solutions.empty())
    for (size_t i = 0; i < per_axis.size(); ++i)
      if (per_axis[i].empty()) result.nearest.push_back(nearest_sizes(query, i));
  return result;
}

}  // namespace convt
