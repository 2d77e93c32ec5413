// `convt quiz`: the kinds of question and the sheet generated from a seed (quiz.h). The
// parameters come from a splitmix64 generator; every answer comes from the engine.
#include "convt/quiz.h"

#include <algorithm>
#include <array>

#include "convt/derivation.h"
#include "convt/error.h"
#include "convt/solve.h"

namespace convt {
namespace {

constexpr std::array<std::string_view, 5> kKindNames = {"output_size", "output_grid", "crop",
                                                        "find_layer", "weight_shape"};

/// splitmix64 (Steele, Lea and Flood 2014; the constants of Vigna's reference code): the same
/// numbers on every platform, unlike the std distributions, whose mapping is the library's.
class SplitMix64 {
 public:
  explicit SplitMix64(uint64_t seed) : state_(seed) {}

  uint64_t next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }

  /// A whole number from `lo` to `hi` (inclusive): lo + next() mod (hi - lo + 1). The modulo's
  /// bias (below 2^-50 for these ranges) does not matter for exercises. REQUIRES: lo <= hi.
  int64_t between(int64_t lo, int64_t hi) {
    return lo + static_cast<int64_t>(next() % static_cast<uint64_t>(hi - lo + 1));
  }

 private:
  uint64_t state_;
};

/// The ranges one axis's parameters are drawn from.
struct AxisRanges {
  int64_t n_lo, n_hi, k_lo, k_hi, s_lo, s_hi, p_lo, p_hi, d_hi;
  bool output_padding;  ///< draw op from 0 to max(s, d) - 1 (else 0)
};

AxisParams draw_axis(SplitMix64& rng, const AxisRanges& r) {
  AxisParams a;
  a.n = rng.between(r.n_lo, r.n_hi);
  a.k = rng.between(r.k_lo, r.k_hi);
  a.s = rng.between(r.s_lo, r.s_hi);
  a.p = rng.between(r.p_lo, r.p_hi);
  a.d = rng.between(1, r.d_hi);
  a.op = r.output_padding ? rng.between(0, std::max(a.s, a.d) - 1) : 0;
  return a;
}

/// Whether the engine accepts `params` (validate_params: op < max(s, d), m >= 1, the values).
bool accepted(const Params& params) {
  try {
    validate_params(params, Limits{});
    return true;
  } catch (const Error&) {
    return false;
  }
}

/// Draws layers with `draw` until the engine accepts one. The ranges make a refusal rare; the
/// generator is deterministic, so the number of draws is too.
template <typename Draw>
Params draw_accepted(SplitMix64& rng, Draw draw) {
  for (;;) {
    Params params = draw(rng);
    if (accepted(params)) return params;
  }
}

Params one_axis(int dims, const AxisParams& axis) {
  Params params;
  params.dims = dims;
  params.axes.assign(static_cast<size_t>(dims), axis);
  return params;
}

/// `count` small whole values from `lo` to `hi`, none of them 0 (a zero kernel or input would
/// make the exercise trivial): when lo < 0, lo..hi-1 drawn and the non-negative ones moved up
/// by one. REQUIRES: lo < hi, lo != 0.
std::vector<double> draw_values(SplitMix64& rng, int64_t count, int64_t lo, int64_t hi) {
  std::vector<double> values;
  for (int64_t i = 0; i < count; ++i) {
    int64_t v = lo > 0 ? rng.between(lo, hi) : rng.between(lo, hi - 1);
    if (lo < 0 && v >= 0) ++v;
    values.push_back(static_cast<double>(v));
  }
  return values;
}

int64_t cells(const std::vector<AxisParams>& axes, int64_t AxisParams::*field) {
  int64_t out = 1;
  for (const AxisParams& a : axes) out *= a.*field;
  return out;
}

// The generators, one per kind, each by level: level 1 is 1-D with small strides and no
// output padding; level 2 adds larger strides, padding, dilation and output padding; level 3 is
// 2-D (weight_shape: grouped, non-square kernels).

Params output_size_params(SplitMix64& rng, int level) {
  return draw_accepted(rng, [level](SplitMix64& r) {
    if (level == 1) return one_axis(1, draw_axis(r, {2, 5, 2, 4, 1, 2, 0, 1, 1, false}));
    if (level == 2) return one_axis(1, draw_axis(r, {3, 8, 2, 5, 2, 3, 0, 2, 2, true}));
    Params params = one_axis(2, {});
    for (AxisParams& a : params.axes) a = draw_axis(r, {2, 6, 2, 4, 1, 3, 0, 2, 2, true});
    return params;
  });
}

Params output_grid_params(SplitMix64& rng, int level) {
  Params params = draw_accepted(rng, [level](SplitMix64& r) {
    if (level == 1) return one_axis(1, draw_axis(r, {2, 3, 2, 3, 1, 2, 0, 0, 1, false}));
    if (level == 2) return one_axis(1, draw_axis(r, {3, 4, 2, 3, 2, 3, 0, 1, 1, true}));
    // 2 x 2 input and kernel, the same stride and padding on both axes.
    AxisParams a = draw_axis(r, {2, 2, 2, 2, 1, 2, 0, 1, 1, false});
    return one_axis(2, a);
  });
  const int64_t lo = level == 1 ? 1 : -1;
  params.kernel = draw_values(rng, cells(params.axes, &AxisParams::k), lo, 3);
  params.input = draw_values(rng, cells(params.axes, &AxisParams::n), lo, 3);
  return params;
}

Params crop_params(SplitMix64& rng, int level) {
  return draw_accepted(rng, [level](SplitMix64& r) {
    if (level == 1) return one_axis(1, draw_axis(r, {2, 4, 2, 4, 1, 2, 1, 1, 1, false}));
    if (level == 2) return one_axis(1, draw_axis(r, {2, 4, 2, 4, 2, 3, 1, 2, 1, true}));
    // 2-D, padding on one axis: two rows (or columns) of a grid of at most 5 x 5 go.
    Params params = one_axis(2, draw_axis(r, {2, 2, 2, 3, 1, 2, 0, 0, 1, false}));
    params.axes[1] = draw_axis(r, {2, 2, 2, 3, 1, 2, 0, 0, 1, false});
    params.axes[static_cast<size_t>(r.between(0, 1))].p = 1;
    return params;
  });
}

/// A find_layer question: a layer drawn for the level fixes n, m and s; the key is solve()'s
/// first layer under the rule, which need not be the one drawn.
FindLayerRule find_layer_rule(SplitMix64& rng, int level) {
  const int64_t max_k = level == 3 ? 7 : 5;
  Params drawn = draw_accepted(rng, [level, max_k](SplitMix64& r) {
    if (level == 1) return one_axis(1, draw_axis(r, {2, 6, 2, max_k, 1, 1, 0, 1, 1, false}));
    if (level == 2) return one_axis(1, draw_axis(r, {2, 6, 2, max_k, 2, 2, 0, 2, 1, true}));
    return one_axis(1, draw_axis(r, {3, 8, 2, max_k, 2, 3, 0, 3, 1, true}));
  });
  const AxisParams& a = drawn.axes[0];
  return {a.n, axis_shape(a).output, a.s, max_k};
}

Params weight_shape_params(SplitMix64& rng, int level) {
  const int dims = level == 1 ? static_cast<int>(rng.between(1, 2)) : 2;
  const int64_t groups = level == 1 ? 1 : level == 2 ? 2 : rng.between(2, 4);
  Params params = one_axis(dims, {2, rng.between(1, 4), 1, 0, 1, 0});
  if (level == 3) params.axes[1].k = rng.between(1, 5);
  params.groups = groups;
  params.in_channels = groups * rng.between(1, level == 1 ? 4 : 3);
  params.out_channels = groups * rng.between(1, level == 1 ? 4 : 3);
  return params;
}

/// The engine's derivation of `params`, only `stage` kept.
Derivation derive_stage(const Params& params, StageId stage) {
  DeriveOptions options;
  options.stages = {stage};
  return derive(params, options);
}

/// A grid of whole numbers as rows (the values of a quiz grid are whole numbers: small whole
/// inputs times small whole kernel values, summed).
std::vector<std::vector<int64_t>> whole_rows(const Grid& grid) {
  std::vector<std::vector<int64_t>> rows(static_cast<size_t>(grid.rows()));
  for (int64_t r = 0; r < grid.rows(); ++r)
    for (int64_t c = 0; c < grid.cols(); ++c)
      rows[static_cast<size_t>(r)].push_back(static_cast<int64_t>(grid.value(r, c)));
  return rows;
}

/// The cells of the output stage's F-grid view that the crop removes (CellKind::kCropped).
std::vector<std::vector<int64_t>> cropped_cells(const Derivation& d) {
  std::vector<std::vector<int64_t>> out;
  const Stage* output = d.find(StageId::kOutput);
  if (output == nullptr || !output->full_view) return out;
  const Grid& view = *output->full_view;
  for (int64_t r = 0; r < view.rows(); ++r)
    for (int64_t c = 0; c < view.cols(); ++c)
      if (view.kind(r, c) == CellKind::kCropped)
        out.push_back(d.params.dims == 1 ? std::vector<int64_t>{c} : std::vector<int64_t>{r, c});
  return out;
}

/// The key of a find_layer question: the first layer solve() finds under `rule` whose kernel
/// covers the stride (k >= s, so that no output cell is left without a tap), else its first
/// layer (one exists: the drawn layer keeps the rule).
AxisParams solve_rule(const FindLayerRule& rule) {
  SolveQuery query;
  query.dims = 1;
  query.n = {rule.n};
  query.m = {rule.m};
  query.max_k = rule.max_k;
  query.max_s = rule.s;
  query.max_d = 1;
  query.s = {rule.s};
  const SolveResult result = solve(query);
  for (const Solution& solution : result.solutions)
    if (solution.axes.at(0).k >= rule.s) return solution.axes.at(0);
  return result.solutions.at(0).axes.at(0);
}

QuizQuestion make_question(uint64_t seed, int number, QuizKind kind, int level) {
  // One generator per question, so that a question depends only on the seed, its number, its
  // kind and its level.
  SplitMix64 rng(seed * 0x100000001B3ULL + static_cast<uint64_t>(number) * 0x9E3779B97F4A7C15ULL +
                 static_cast<uint64_t>(kind));
  QuizQuestion q;
  q.number = number;
  q.kind = kind;
  q.level = level;
  switch (kind) {
    case QuizKind::kOutputSize:
      q.params = output_size_params(rng, level);
      q.answer.sizes = derive_stage(q.params, StageId::kFormula).output_size();
      break;
    case QuizKind::kOutputGrid:
      q.params = output_grid_params(rng, level);
      q.answer.grid =
          whole_rows(*derive_stage(q.params, StageId::kOutput).find(StageId::kOutput)->grid);
      break;
    case QuizKind::kCrop:
      q.params = crop_params(rng, level);
      q.answer.cells = cropped_cells(derive_stage(q.params, StageId::kOutput));
      break;
    case QuizKind::kFindLayer:
      q.rule = find_layer_rule(rng, level);
      q.params = one_axis(1, {q.rule.n, 1, q.rule.s, 0, 1, 0});
      q.answer.layer = solve_rule(q.rule);
      break;
    case QuizKind::kWeightShape:
      q.params = weight_shape_params(rng, level);
      q.answer.sizes = derive_stage(q.params, StageId::kKernel).find(StageId::kKernel)->shape;
      break;
  }
  return q;
}

}  // namespace

std::string_view quiz_kind_name(QuizKind kind) { return kKindNames.at(static_cast<size_t>(kind)); }

std::vector<std::string> quiz_kind_names() {
  return std::vector<std::string>(kKindNames.begin(), kKindNames.end());
}

std::vector<QuizKind> parse_quiz_kinds(const std::string& text) {
  std::string known;
  for (std::string_view name : kKindNames) known += (known.empty() ? "" : ", ") + std::string(name);
  std::vector<QuizKind> kinds;
  size_t start = 0;
  for (;;) {
    const size_t comma = text.find(',', start);
    const std::string name = text.substr(start, comma == std::string::npos ? comma : comma - start);
    const auto it = std::find(kKindNames.begin(), kKindNames.end(), name);
    if (it == kKindNames.end())
      throw Error({MsgId::kErrQuizUnknownKind, {{"value", name}, {"valid", known}}});
    const auto kind = static_cast<QuizKind>(it - kKindNames.begin());
    if (std::find(kinds.begin(), kinds.end(), kind) != kinds.end())
      throw Error({MsgId::kErrQuizRepeatedKind, {{"value", name}}});
    kinds.push_back(kind);
    if (comma == std::string::npos) return kinds;
    start = comma + 1;
  }
}

Quiz make_quiz(const QuizRequest& request) {
  Quiz quiz;
  quiz.request = request;
  if (quiz.request.kinds.empty())
    for (size_t i = 0; i < kKindNames.size(); ++i)
      quiz.request.kinds.push_back(static_cast<QuizKind>(i));
  const std::vector<QuizKind>& kinds = quiz.request.kinds;
  for (int i = 0; i < request.count; ++i) {
    const QuizKind kind = kinds[static_cast<size_t>(i) % kinds.size()];
    const int level = 1 + kQuizLevels * i / request.count;
    quiz.questions.push_back(make_question(request.seed, i + 1, kind, level));
  }
  return quiz;
}

}  // namespace convt
