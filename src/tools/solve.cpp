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

using Key = std::array<int64_t, 9>;

/// The stride a layer mapping n to m most commonly has: the ratio m/n rounded to the nearest
/// whole number, at least 1 (16 -> 32: 2; 7 -> 28: 4; 5 -> 3: 1).
int64_t usual_stride(int64_t n, int64_t m) { return std::max<int64_t>(1, (2 * m + n) / (2 * n)); }

/// How uncommon one axis's layer mapping to `m` is, smaller is more common (see solve_axis).
Key axis_key(const AxisParams& a, int64_t m) {
  const int64_t off = a.s - usual_stride(a.n, m);
  return {off < 0 ? -off : off,
          a.d != 1 ? 1 : 0,
          a.op > 0 ? 1 : 0,
          2 * a.p > a.k ? 1 : 0,
          a.k,
          a.s,
          a.op,
          a.p,
          a.d};
}

/// How uncommon a layer is: the axes' keys added up, so that a layer is as common as the sum of
/// its axes; ties go to the more common rows, then columns.
Key layer_key(const std::vector<AxisParams>& axes, const std::vector<int64_t>& m) {
  Key key{};
  for (size_t axis = 0; axis < axes.size(); ++axis) {
    const Key k = axis_key(axes[axis], m[axis]);
    for (size_t i = 0; i < key.size(); ++i) key[i] += k[i];
  }
  return key;
}

/// The padding that makes a layer whose largest output is `base` give `size`: (base - size) / 2
/// when that is a whole number >= 0 and the --p filter (if any) allows it.
std::optional<int64_t> padding_for(const SolveQuery& q, size_t axis, int64_t base, int64_t size) {
  const int64_t excess = base - size;  // = 2p
  if (excess < 0 || excess % 2 != 0) return std::nullopt;
  if (!q.p.empty() && excess / 2 != q.p[axis]) return std::nullopt;
  return excess / 2;
}

/// The k (or s, d) values to try on `axis`: the filter's, or 1..max.
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
  const auto [d_first, d_last] = range_of(q.d, axis, q.max_d);
  for (int64_t k = k_first; k <= k_last; ++k)
    for (int64_t s = s_first; s <= s_last; ++s)
      // With k = 1 the dilation changes nothing but the output_padding limit: try d = 1 only,
      // unless --d asks for another.
      for (int64_t d = d_first; d <= (k == 1 && q.d.empty() ? 1 : d_last); ++d) {
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

void check_filter(const std::vector<int64_t>& values, const char* option, MsgId what, int64_t min,
                  int64_t max) {
  for (int64_t v : values)
    if (v < min || v > max)
      throw Error({MsgId::kErrRange,
                   {{"option", option},
                    {"what", Message{what, {}}},
                    {"min", std::to_string(min)},
                    {"max", std::to_string(max)},
                    {"value", axis_value_text(values)}}});
}

/// The simplest layer of the box that maps n to `size` on `axis`, if any.
std::optional<Reachable> reachable(const SolveQuery& q, size_t axis, int64_t size) {
  if (size < 1) return std::nullopt;
  std::optional<Reachable> best;
  for_each_layer(q, axis, [&](AxisParams a, int64_t base) {
    const std::optional<int64_t> p = padding_for(q, axis, base, size);
    if (!p) return;
    a.p = *p;
    if (!best || axis_key(a, size) < axis_key(best->example, size)) best = Reachable{size, a};
  });
  return best;
}

/// The nearest sizes below and above m that the box reaches from n on `axis`. A layer reaches
/// base, base - 2, base - 4, ... down to 1 (p = 0, 1, 2, ...), or with --p only base - 2p.
AxisNearest nearest_sizes(const SolveQuery& q, size_t axis) {
  const int64_t m = q.m[axis];
  int64_t below = 0, above = 0;  // 0: none
  for_each_layer(q, axis, [&](const AxisParams&, int64_t base) {
    if (!q.p.empty()) {
      const int64_t size = base - 2 * q.p[axis];
      if (size >= 1 && size < m) below = std::max(below, size);
      if (size > m && (above == 0 || size < above)) above = size;
      return;
    }
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
    const std::optional<int64_t> p = padding_for(q, axis, base, m);
    if (!p) return;
    a.p = *p;
    // One more than the limit is enough for solve() to refuse; keep memory bounded.
    if (static_cast<int64_t>(out.size()) <= kSolveMaxSolutions) out.push_back(a);
  });
  std::sort(out.begin(), out.end(), [m](const AxisParams& x, const AxisParams& y) {
    return axis_key(x, m) < axis_key(y, m);
  });
  return out;
}

SolveResult solve(const SolveQuery& query) {
  check_filter(query.k, "--k", MsgId::kWordKernelSize, 1, kSolveMaxK);
  check_filter(query.s, "--s", MsgId::kWordStride, 1, kSolveMaxS);
  check_filter(query.p, "--p", MsgId::kWordPadding, 0, kSolveMaxP);
  check_filter(query.d, "--d", MsgId::kWordDilation, 1, kSolveMaxD);
  SolveResult result;
  result.query = query;
  const size_t axes = query.n.size();
  auto same = [](const std::vector<int64_t>& v) {
    return v.empty() || std::all_of(v.begin(), v.end(), [&](int64_t x) { return x == v[0]; });
  };
  result.same_axes = same(query.n) && same(query.m) && same(query.k) && same(query.s) &&
                     same(query.p) && same(query.d);

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
    std::stable_sort(result.solutions.begin(), result.solutions.end(),
                     [&](const Solution& x, const Solution& y) {
                       return layer_key(x.axes, query.m) < layer_key(y.axes, query.m);
                     });
  }
  result.total = static_cast<int64_t>(result.solutions.size());
  if (query.limit > 0 && result.total > query.limit)
    result.solutions.resize(static_cast<size_t>(query.limit));
  if (result.solutions.empty())
    for (size_t i = 0; i < per_axis.size(); ++i)
      if (per_axis[i].empty()) result.nearest.push_back(nearest_sizes(query, i));
  return result;
}

}  // namespace convt
