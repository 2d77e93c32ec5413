// `convt solve`: every transposed convolution in a search box that maps an input size n to a
// wanted output size m under PyTorch's rules, simplest first; when there is none, the nearest
// reachable sizes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "convt/params.h"

namespace convt {

/// The largest value each --max-* option accepts: the box stays small enough to enumerate
/// instantly (at most 64 * 64 * 16 * 64 layers per axis).
inline constexpr int64_t kSolveMaxK = 64;
inline constexpr int64_t kSolveMaxS = 64;
inline constexpr int64_t kSolveMaxD = 16;
/// The largest --p filter: any padding up to the largest input size.
inline constexpr int64_t kSolveMaxP = 2'147'483'647;
/// The most solutions solve returns; more is an error asking to narrow the search.
inline constexpr int64_t kSolveMaxSolutions = 100'000;

/// What to search for.
struct SolveQuery {
  int dims = 2;            ///< 1 (ConvTranspose1d) or 2 (ConvTranspose2d). Default: 2
  std::vector<int64_t> n;  ///< the input size per axis, >= 1
  std::vector<int64_t> m;  ///< the wanted output size per axis, >= 1
  int64_t max_k = 7;       ///< the search box: k <= max_k. Default: 7
  int64_t max_s = 4;       ///< s <= max_s. Default: 4
  int64_t max_d = 2;       ///< d <= max_d. Default: 2
  std::vector<int64_t> k;  ///< --k: only this kernel size per axis; empty: any in the box
  std::vector<int64_t> s;  ///< --s: only this stride per axis; empty: any in the box
  std::vector<int64_t> p;  ///< --p: only this padding per axis (>= 0); empty: any
  std::vector<int64_t> d;  ///< --d: only this dilation per axis (1-16); empty: 1..max_d
  bool even_only = false;  ///< --even: only layers with even overlap (see overlap.h)
  /// --limit: keep only the first `limit` solutions (SolveResult::total counts them all);
  /// 0 keeps every one. Default: 0
  int64_t limit = 0;
};

/// One layer that maps n to m.
struct Solution {
  std::vector<AxisParams> axes;  ///< one per axis, n included
  std::vector<int64_t> output;   ///< m per axis (the wanted size)
  bool even = false;             ///< even overlap on every axis: checkerboard-free
  /// What nn.Conv1d/2d with the same k, s, p, d maps the output to, per axis; n exactly when
  /// output_padding < s on every axis (maps_back).
  std::vector<int64_t> forward;
  bool maps_back = true;
};

/// The nearest size to m that some layer of the box reaches from n, with the simplest such layer.
struct Reachable {
  int64_t size = 0;
  AxisParams example;
};

/// The nearest reachable sizes of one axis that has no solution.
struct AxisNearest {
  size_t axis = 0;
  std::optional<Reachable> below, above;
};

/// The answer.
struct SolveResult {
  SolveQuery query;
  /// True when n, m and the filters are the same on every axis: the solutions are then the
  /// layers with the same parameters on every axis (as kernel_size=4 in PyTorch). Otherwise
  /// every combination of one solution per axis.
  bool same_axes = true;
  std::vector<Solution> solutions;   ///< most common first (see solve_axis), at most query.limit
  int64_t total = 0;                 ///< the number of solutions before query.limit
  std::vector<AxisNearest> nearest;  ///< when there is no solution: each axis that has none
};

/// The layers of one axis that map n to m, most common first: the stride nearest the ratio m/n
/// (round(m/n), at least 1) before others, then dilation 1, output_padding 0, padding at most
/// half the kernel (2p <= k), then smaller kernel, stride, output_padding, padding, dilation.
/// For each k, s, d in the box (or the filters) (d = 1 only when k = 1 and --d is not given: a
/// single tap has no gaps to dilate) and 0 <= op < max(s, d), p = ((n-1)s + d(k-1) + 1 + op - m)
/// / 2 must be a whole number >= 0 (and equal --p when given), so the search costs O(max_k *
/// max_s * max_d * max(max_s, max_d)) whatever n and m are. Collects at most
/// kSolveMaxSolutions + 1 layers (enough for solve to refuse more).
std::vector<AxisParams> solve_axis(const SolveQuery& query, size_t axis);

/// Solves `query`. Throws Error when a filter is outside its range (--k, --s: 1-64; --d: 1-16;
/// --p: 0 to 2^31 - 1) or there are more than kSolveMaxSolutions solutions.
SolveResult solve(const SolveQuery& query);

}  // namespace convt
