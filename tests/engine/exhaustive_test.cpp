// The exhaustive property test of the derivation: every small configuration (and a sample of
// rectangular ones), with default and custom values, against a brute-force transposed
// convolution (reference_conv.h) and the engine's own checks.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "convt/derivation.h"
#include "convt/messages.h"
#include "params_of.h"
#include "reference_conv.h"

namespace {

using convt::testing::params_of;

using convt::AxisParams;
using convt::Derivation;
using convt::Params;
using convt::StageId;

const convt::Grid& grid_of(const Derivation& d, StageId id) {
  const convt::Stage* stage = d.find(id);
  if (stage == nullptr || !stage->grid)
    throw std::runtime_error("no grid for stage " + std::string(convt::stage_name(id)));
  return *stage->grid;
}

/// Small integers in [-6, 6] from a fixed linear congruential sequence: exact in double, with
/// signs and magnitudes that make a flipped or transposed index show.
class SmallInts {
 public:
  explicit SmallInts(uint64_t seed) : state_(seed) {}
  std::vector<double> next(int64_t count) {
    std::vector<double> out;
    for (int64_t i = 0; i < count; ++i) {
      state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
      out.push_back(static_cast<double>(static_cast<int64_t>((state_ >> 33) % 13) - 6));
    }
    return out;
  }

 private:
  uint64_t state_;
};

/// Every legal axis with n, k <= 4, s, d <= 3, p <= 4, op < max(s, d) and m >= 1.
std::vector<AxisParams> small_axes() {
  std::vector<AxisParams> axes;
  for (int64_t n = 1; n <= 4; ++n)
    for (int64_t k = 1; k <= 4; ++k)
      for (int64_t s = 1; s <= 3; ++s)
        for (int64_t dil = 1; dil <= 3; ++dil)
          for (int64_t p = 0; p <= 4; ++p)
            for (int64_t op = 0; op < std::max(s, dil); ++op) {
              const AxisParams a{n, k, s, p, dil, op};
              if (convt::testing::reference_output_size(a) >= 1) axes.push_back(a);
            }
  return axes;
}

std::string describe(const Params& p) {
  std::string out = "dims=" + std::to_string(p.dims);
  for (const AxisParams& a : p.axes)
    out += " [n=" + std::to_string(a.n) + " k=" + std::to_string(a.k) +
           " s=" + std::to_string(a.s) + " p=" + std::to_string(a.p) + " d=" + std::to_string(a.d) +
           " op=" + std::to_string(a.op) + "]";
  return out + (p.kernel.empty() ? " default values" : " custom values");
}

/// Checks one configuration; returns an empty string when it holds, else what went wrong.
std::string check_configuration(const Params& p) {
  Derivation d = convt::derive(p);
  if (!d.passed) return "the engine's own check failed";
  const convt::Stage* check = d.find(StageId::kCheck);
  for (const convt::CheckLine& line : check->checks)
    if (!line.ok) return "check line failed: " + convt::resolve(line.message, convt::Lang::kEn);

  const convt::testing::ReferenceGrid full =
      convt::testing::reference_conv_transpose(p.axes, p.kernel, p.input, false);
  const convt::testing::ReferenceGrid out =
      convt::testing::reference_conv_transpose(p.axes, p.kernel, p.input, true);
  std::vector<int64_t> m;
  for (const AxisParams& a : p.axes) m.push_back(convt::testing::reference_output_size(a));
  if (d.output_size() != m) return "output_size differs from the formula";

  for (StageId id : {StageId::kMatrixOutput, StageId::kScatterOutput, StageId::kDirectOutput}) {
    const convt::Grid& g = grid_of(d, id);
    if (g.rows() != full.rows || g.cols() != full.cols)
      return std::string(convt::stage_name(id)) + " has the wrong shape";
    for (int64_t r = 0; r < g.rows(); ++r)
      for (int64_t c = 0; c < g.cols(); ++c)
        if (g.value(r, c) != full.value(r, c))
          return std::string(convt::stage_name(id)) + " differs at (" + std::to_string(r) + "," +
                 std::to_string(c) + ")";
  }
  const convt::Grid& g = grid_of(d, StageId::kOutput);
  if (g.rows() != out.rows || g.cols() != out.cols) return "output has the wrong shape";
  if (g.cols() != m.back() || g.rows() != (p.dims == 2 ? m[0] : 1))
    return "output does not have m cells per axis";
  for (int64_t r = 0; r < g.rows(); ++r)
    for (int64_t c = 0; c < g.cols(); ++c) {
      if (g.value(r, c) != out.value(r, c))
        return "output differs at (" + std::to_string(r) + "," + std::to_string(c) + ")";
      const bool added = g.kind(r, c) == convt::CellKind::kAddedZero;
      if (added && out.scale(r, c) != 0) return "a cell marked added zero has products";
    }
  return "";
}

/// Runs check_configuration on each of `cases`, reporting at most a few failures.
void expect_all_hold(const std::vector<Params>& cases) {
  int failures = 0;
  for (const Params& p : cases) {
    const std::string problem = check_configuration(p);
    if (problem.empty()) continue;
    if (++failures <= 10) ADD_FAILURE() << describe(p) << ": " << problem;
  }
  EXPECT_EQ(failures, 0) << "of " << cases.size() << " configurations";
}

TEST(Exhaustive, EverySmall1DConfigurationMatchesTheReference) {
  SmallInts ints(1);
  std::vector<Params> cases;
  for (const AxisParams& a : small_axes()) {
    cases.push_back(params_of({a}));
    Params custom = params_of({a});
    custom.kernel = ints.next(a.k);
    custom.input = ints.next(a.n);
    cases.push_back(custom);
  }
  EXPECT_GT(cases.size(), 2500u);
  expect_all_hold(cases);
}

TEST(Exhaustive, EverySmallSquare2DConfigurationMatchesTheReference) {
  SmallInts ints(2);
  std::vector<Params> cases;
  for (const AxisParams& a : small_axes()) {
    cases.push_back(params_of({a, a}));
    Params custom = params_of({a, a});
    custom.kernel = ints.next(a.k * a.k);
    custom.input = ints.next(a.n * a.n);
    cases.push_back(custom);
  }
  expect_all_hold(cases);
}

TEST(Exhaustive, SampledRectangular2DConfigurationsMatchTheReference) {
  const std::vector<AxisParams> axes = small_axes();
  SmallInts ints(3);
  std::vector<Params> cases;
  uint64_t state = 12345;
  for (int i = 0; i < 3000; ++i) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    const AxisParams rows = axes[(state >> 33) % axes.size()];
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    const AxisParams cols = axes[(state >> 33) % axes.size()];
    Params p = params_of({rows, cols});
    if (i % 2 == 1) {
      p.kernel = ints.next(rows.k * cols.k);
      p.input = ints.next(rows.n * cols.n);
    }
    cases.push_back(p);
  }
  expect_all_hold(cases);
}

}  // namespace
