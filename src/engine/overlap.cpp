#include "engine/overlap.h"

#include <algorithm>
#include <numeric>
#include <set>
#include <string>
#include <utility>

namespace convt {
namespace {

std::string str(int64_t v) { return std::to_string(v); }

/// "1 1 2 1 2 1 1", or its first 12 and last 6 values around "..." when longer than 24.
std::string count_list(const std::vector<int64_t>& counts) {
  constexpr size_t kAll = 24, kHead = 12, kTail = 6;
  std::string out;
  for (size_t i = 0; i < counts.size(); ++i) {
    if (counts.size() > kAll && i == kHead) {
      out += " ...";
      i = counts.size() - kTail;
    }
    out += (out.empty() ? "" : " ") + str(counts[i]);
  }
  return out;
}

/// The phrase after "overlap" naming the axis: nothing in 1-D, kTagAlongEachAxis when the two
/// axes are the same, kTagAlongRows / kTagAlongCols otherwise.
std::vector<Message> along(const Params& params, size_t axis, bool differ) {
  if (params.dims == 1) return {};
  if (!differ) return {{MsgId::kTagAlongEachAxis, {}}};
  const size_t from_last = params.axes.size() - 1 - axis;  // 0: cols, 1: rows, 2: depth
  return {{from_last == 0   ? MsgId::kTagAlongCols
           : from_last == 1 ? MsgId::kTagAlongRows
                            : MsgId::kTagAlongDepth,
           {}}};
}

}  // namespace

bool even_overlap(const AxisParams& a) { return a.k % a.s == 0 && std::gcd(a.s, a.d) == 1; }

bool even_overlap(const std::vector<AxisParams>& axes) {
  return std::all_of(axes.begin(), axes.end(), [](const AxisParams& a) { return even_overlap(a); });
}

std::vector<int64_t> axis_overlap_counts(const AxisShape& shape) {
  const AxisParams& a = shape.in;
  // Scatter a 1 for every (input cell, tap) pair into the F-grid, then crop like the output.
  std::vector<int64_t> full(static_cast<size_t>(shape.full), 0);
  for (int64_t i = 0; i < a.n; ++i)
    for (int64_t u = 0; u < a.k; ++u) ++full[static_cast<size_t>(i * a.s + u * a.d)];
  std::vector<int64_t> out(static_cast<size_t>(shape.output), 0);
  for (int64_t j = 0; j < shape.output; ++j)
    if (j + a.p < shape.full) out[static_cast<size_t>(j)] = full[static_cast<size_t>(j + a.p)];
  return out;
}

Grid overlap_grid(const Params& params, const std::vector<AxisShape>& shapes) {
  const bool two = params.dims == 2;
  const AxisShape& cols = shapes[two ? 1 : 0];
  const std::vector<int64_t> col_counts = axis_overlap_counts(cols);
  const std::vector<int64_t> row_counts =
      two ? axis_overlap_counts(shapes[0]) : std::vector<int64_t>{1};
  const int64_t rows = static_cast<int64_t>(row_counts.size());
  const int64_t width = static_cast<int64_t>(col_counts.size());
  Grid grid(rows, width);
  for (int64_t r = 0; r < rows; ++r) {
    const bool row_past = two && r + shapes[0].in.p >= shapes[0].full;
    for (int64_t c = 0; c < width; ++c) {
      const bool past = row_past || c + cols.in.p >= cols.full;
      grid.set(r, c,
               static_cast<double>(row_counts[static_cast<size_t>(r)] *
                                   col_counts[static_cast<size_t>(c)]),
               past ? CellKind::kAddedZero : CellKind::kData);
    }
  }
  return grid;
}

std::vector<Message> overlap_explanation(const Params& params,
                                         const std::vector<AxisShape>& shapes) {
  std::vector<Message> out;
  out.push_back({MsgId::kExplainOverlap, {}});
  const bool differ = std::any_of(params.axes.begin(), params.axes.end(),
                                  [&](const AxisParams& a) { return !(a == params.axes[0]); });
  std::vector<std::vector<int64_t>> counts;
  for (const AxisShape& s : shapes) counts.push_back(axis_overlap_counts(s));
  for (size_t i = 0; i < (differ ? shapes.size() : 1u); ++i) {
    const AxisParams& a = shapes[i].in;
    const int64_t g = std::gcd(a.s, a.d);
    Message m{MsgId::kOverlapEven,
              {{"axis", along(params, i, differ)},
               {"k", str(a.k)},
               {"s", str(a.s)},
               {"d", str(a.d)},
               {"g", str(g)},
               {"count", str(a.k / a.s)},
               {"counts", count_list(counts[i])}}};
    if (g > 1)
      m.id = MsgId::kOverlapUnevenDilation;
    else if (a.k % a.s != 0)
      m.id = MsgId::kOverlapUneven;
    else if (a.d > 1)
      m.id = MsgId::kOverlapEvenDilated;
    out.push_back(std::move(m));
  }
  if (params.dims >= 2) {
    // Products of the distinct counts of each axis: every combination occurs in some cell.
    std::set<int64_t> values = {1};
    for (const std::vector<int64_t>& axis : counts) {
      const std::set<int64_t> distinct(axis.begin(), axis.end());
      std::set<int64_t> next;
      for (int64_t v : values)
        for (int64_t c : distinct) next.insert(v * c);
      values = std::move(next);
    }
    std::string list;
    for (int64_t v : values) list += (list.empty() ? "" : ", ") + str(v);
    out.push_back({params.dims == 2 ? MsgId::kOverlap2d : MsgId::kOverlap3d, {{"values", list}}});
  }
  out.push_back(
      {even_overlap(params.axes) ? MsgId::kOverlapVerdictEven : MsgId::kOverlapVerdictUneven, {}});
  return out;
}

}  // namespace convt
