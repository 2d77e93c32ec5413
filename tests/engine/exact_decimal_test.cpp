// Exact decimals (engine/exact_decimal.h) and the derivation with decimal values: the values
// the user types are exact decimals, so 0.1 * 0.1 is 0.01 and the check compares exactly; when
// the sums do not fit, doubles with their rounding removed; --digits rounds what is shown.
// Expected values are worked by hand.
#include "engine/exact_decimal.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "convt/derivation.h"
#include "grid_values.h"

namespace {

using convt::Decimal;
using convt::Derivation;
using convt::StageId;
using convt::testing::values_of;
using Rows = std::vector<std::vector<double>>;

const convt::Grid& grid_of(const Derivation& d, StageId id) {
  const convt::Stage* stage = d.find(id);
  if (stage == nullptr || !stage->grid)
    throw std::runtime_error("no grid for stage " + std::string(convt::stage_name(id)));
  return *stage->grid;
}

/// The number argument `name` of the check line with message `id`.
double check_number(const Derivation& d, convt::MsgId id, const std::string& name) {
  for (const convt::CheckLine& line : d.find(StageId::kCheck)->checks)
    if (line.message.id == id)
      for (const convt::MessageArg& arg : line.message.args)
        if (arg.name == name) return arg.number;
  throw std::runtime_error("no number " + name);
}

bool all_checks_ok(const Derivation& d) {
  for (const convt::CheckLine& line : d.find(StageId::kCheck)->checks)
    if (!line.ok) return false;
  return true;
}

/// The issue's case: k=2, s=1, p=0, n=2, kernel [[0.1,0.2],[0.3,0.4]], input [[0.1,0.2],[0.3,0.7]].
convt::Params issue_case() {
  convt::Params p = convt::square_params(2, 2, 2);
  p.kernel = {0.1, 0.2, 0.3, 0.4};
  p.input = {0.1, 0.2, 0.3, 0.7};
  return p;
}

// ---------------------------------------------------------------------------------------------
// Decimals of doubles.

TEST(ExactDecimal, ShortestDecimalIsTheTextThatReadsBack) {
  EXPECT_EQ(convt::shortest_decimal(0.1), (Decimal{1, -1}));
  EXPECT_EQ(convt::shortest_decimal(-1.5e-05), (Decimal{-15, -6}));
  EXPECT_EQ(convt::shortest_decimal(2500), (Decimal{25, 2}));
  EXPECT_EQ(convt::shortest_decimal(0.0), (Decimal{0, 0}));
  EXPECT_EQ(convt::shortest_decimal(1e20), (Decimal{1, 20}));
  EXPECT_EQ(convt::shortest_decimal(0.1 + 0.2), (Decimal{30000000000000004, -17}));
}

TEST(ExactDecimal, ShownDecimalDropsBinaryNoisePastFifteenDigits) {
  EXPECT_EQ(convt::shown_decimal(0.1 + 0.2), (Decimal{3, -1}));
  // 0.22999999999999998, the issue's noise for 0.23.
  EXPECT_EQ(convt::shown_decimal(0.22999999999999998), (Decimal{23, -2}));
  EXPECT_EQ(convt::shown_decimal(0.123456789012345), (Decimal{123456789012345, -15}));
  EXPECT_EQ(convt::shown_decimal(2.9999999999999996), (Decimal{3, 0}));
}

TEST(ExactDecimal, RoundsHalfAwayFromZero) {
  EXPECT_EQ(convt::round_decimal({125, -3}, 2), (Decimal{13, -2}));
  EXPECT_EQ(convt::round_decimal({-125, -3}, 2), (Decimal{-13, -2}));
  EXPECT_EQ(convt::round_decimal({25, -1}, 0), (Decimal{3, 0}));
  EXPECT_EQ(convt::round_decimal({124, -3}, 2), (Decimal{12, -2}));
  EXPECT_EQ(convt::round_decimal({1996, -3}, 2), (Decimal{2, 0}));
  EXPECT_EQ(convt::round_decimal({15, -1}, 3), (Decimal{15, -1}));  // no more places: unchanged
  EXPECT_EQ(convt::round_decimal({1, -30}, 2), (Decimal{0, 0}));
  EXPECT_EQ(convt::round_decimal({1234, 0}, -2), (Decimal{12, 2}));  // to hundreds
}

TEST(ExactDecimal, RoundToPlacesNeverGivesNegativeZero) {
  EXPECT_EQ(convt::round_to_places(0.125, 2), 0.13);
  EXPECT_EQ(convt::round_to_places(2.5, 0), 3.0);
  EXPECT_EQ(convt::round_to_places(-2.5, 0), -3.0);
  EXPECT_EQ(convt::round_to_places(1.5e-05, 5), 2e-05);
  EXPECT_EQ(convt::round_to_places(1.5e-05, 6), 1.5e-05);
  EXPECT_EQ(convt::round_to_places(7.0, 0), 7.0);
  const double zero = convt::round_to_places(-0.001, 2);
  EXPECT_EQ(zero, 0.0);
  EXPECT_FALSE(std::signbit(zero));
  // The shown value is rounded, not the double's binary expansion: 0.285 is 0.28499999...
  EXPECT_EQ(convt::round_to_places(0.285, 2), 0.29);
}

TEST(ExactDecimal, RoundToErrorKeepsOnlyCertainDigits) {
  EXPECT_EQ(convt::round_to_error(3.5101999999999993, 5e-15), 3.5102);
  EXPECT_EQ(convt::round_to_error(-1.3877787807814457e-17, 1.2e-16), 0.0);
  EXPECT_EQ(convt::round_to_error(0.1 + 0.2, 0.0), 0.1 + 0.2);  // no error: unchanged
  EXPECT_EQ(convt::round_to_error(1234.0, 0.4), 1234.0);
}

TEST(ExactDecimal, UnitsAreTheValuesTimesTheirLargestPowerOfTen) {
  auto units = convt::decimal_units({0.1, 0.25, -3}, {2, 0.5});
  ASSERT_TRUE(units);
  EXPECT_EQ(units->kernel_places, 2);
  EXPECT_EQ(units->input_places, 1);
  EXPECT_EQ(units->kernel, (std::vector<double>{10, 25, -300}));
  EXPECT_EQ(units->input, (std::vector<double>{20, 5}));
}

TEST(ExactDecimal, UnitsRefuseSumsThatDoNotFitFifteenDigits) {
  // sum|x| * sum|w| * 5 must stay below 10^15.
  EXPECT_TRUE(convt::decimal_units({1.9e7}, {1e7}));
  EXPECT_FALSE(convt::decimal_units({2e7}, {1e7}));
  EXPECT_FALSE(convt::decimal_units({1e-300}, {1}));                         // 300 places
  EXPECT_FALSE(convt::decimal_units({0.1234567891234}, {0.9876543210987}));  // 13 + 13 digits
  EXPECT_FALSE(convt::decimal_units({1e20}, {1}));
  EXPECT_TRUE(convt::decimal_units({0}, {0}));
}

// ---------------------------------------------------------------------------------------------
// The derivation.

TEST(ExactDerivation, IssueCaseGivesExactDecimals) {
  const Derivation d = convt::derive(issue_case());
  EXPECT_TRUE(d.passed);
  EXPECT_TRUE(all_checks_ok(d));
  // out[i][j] = sum x[a][b] w[i-a][j-b], by hand: e.g. out[1][1] = 0.1*0.4 + 0.2*0.3 + 0.3*0.2
  // + 0.7*0.1 = 0.23.
  const Rows expected = {{0.01, 0.04, 0.04}, {0.06, 0.23, 0.22}, {0.09, 0.33, 0.28}};
  for (StageId id :
       {StageId::kMatrixOutput, StageId::kScatterOutput, StageId::kDirectOutput, StageId::kOutput})
    EXPECT_EQ(values_of(grid_of(d, id)), expected) << convt::stage_name(id);
  // p = 0: nothing is cropped, so the output stage shows its grid once (no full_view).
  EXPECT_FALSE(d.find(StageId::kOutput)->full_view.has_value());
  // Copies of the kernel and input come back as the values typed.
  EXPECT_EQ(values_of(grid_of(d, StageId::kKernel)), (Rows{{0.1, 0.2}, {0.3, 0.4}}));
  EXPECT_EQ(values_of(grid_of(d, StageId::kFlippedKernel)), (Rows{{0.4, 0.3}, {0.2, 0.1}}));
  EXPECT_EQ(values_of(grid_of(d, StageId::kPaddedInput))[1], (std::vector<double>{0, 0.1, 0.2, 0}));
  EXPECT_EQ(values_of(grid_of(d, StageId::kConvMatrix))[0],
            (std::vector<double>{0.1, 0.2, 0, 0.3, 0.4, 0, 0, 0, 0}));
  // <u, C^T x> with u = (j*5 % 11) - 5 = -5, 0, 5, -1, 4, -2, 3, -3, 2 over the 9 cells:
  // -0.05 + 0.2 - 0.06 + 0.92 - 0.44 + 0.27 - 0.99 + 0.56 = 0.41.
  EXPECT_EQ(check_number(d, convt::MsgId::kCheckAdjoint, "left"), 0.41);
  EXPECT_EQ(check_number(d, convt::MsgId::kCheckAdjoint, "right"), 0.41);
}

TEST(ExactDerivation, DigitsRoundWhatIsShownAndTheCheckStillPasses) {
  convt::DeriveOptions options;
  options.digits = 1;
  const Derivation d = convt::derive(issue_case(), options);
  EXPECT_TRUE(d.passed);
  EXPECT_EQ(values_of(grid_of(d, StageId::kOutput)),
            (Rows{{0, 0, 0}, {0.1, 0.2, 0.2}, {0.1, 0.3, 0.3}}));
  EXPECT_EQ(values_of(grid_of(d, StageId::kKernel)), (Rows{{0.1, 0.2}, {0.3, 0.4}}));
  EXPECT_EQ(check_number(d, convt::MsgId::kCheckAdjoint, "left"), 0.4);
  // The overlap counts are not values: they stay.
  EXPECT_EQ(values_of(grid_of(d, StageId::kOverlap)), (Rows{{1, 2, 1}, {2, 4, 2}, {1, 2, 1}}));
}

TEST(ExactDerivation, FallbackToDoublesRemovesTheirRoundingNoise) {
  // 1-D, n=3, k=2: out = [x0 w0, x0 w1 + x1 w0, x1 w1 + x2 w0, x2 w1]. The input 1e20 makes
  // sum|x| sum|w| far too large for exact units, so the routes use doubles, where
  // 0.7*0.1 - 1*0.07 is -1.3877787807814457e-17, not 0.
  convt::Params p = convt::square_params(1, 3, 2);
  p.kernel = {-0.07, 0.1};
  p.input = {0.7, 1, 1e20};
  ASSERT_FALSE(convt::decimal_units(p.kernel, p.input));
  const Derivation d = convt::derive(p);
  EXPECT_TRUE(d.passed);
  EXPECT_TRUE(all_checks_ok(d));
  // -0.049 (0.7 * -0.07), 0, 0.1 - 7e18, 1e19.
  const Rows expected = {{-0.049, 0, -7e18, 1e19}};
  for (StageId id :
       {StageId::kMatrixOutput, StageId::kScatterOutput, StageId::kDirectOutput, StageId::kOutput})
    EXPECT_EQ(values_of(grid_of(d, id)), expected) << convt::stage_name(id);
}

TEST(ExactDerivation, FallbackWithManyDigitsStaysWithinTheRoundingBound) {
  // 0.1234567891234 * 0.9876543210987 = 0.12193263124669699729787958 exactly; 13 + 13 places
  // do not fit, so the double product is rounded to the place of its bound (16 decimals).
  convt::Params p = convt::square_params(1, 1, 1);
  p.kernel = {0.9876543210987};
  p.input = {0.1234567891234};
  const Derivation d = convt::derive(p);
  EXPECT_TRUE(d.passed);
  const double out = grid_of(d, StageId::kOutput).value(0, 0);
  EXPECT_NEAR(out, 0.12193263124669699729787958, 1e-16);
  EXPECT_GE(convt::shortest_decimal(out).exponent, -16);
}

TEST(ExactDerivation, SymbolicDerivationsStillCheckTheirSums) {
  convt::DeriveOptions options;
  options.symbolic = true;
  convt::Params p = issue_case();
  const Derivation d = convt::derive(p, options);
  EXPECT_TRUE(d.passed);
  EXPECT_TRUE(grid_of(d, StageId::kOutput).symbolic());
  EXPECT_EQ(grid_of(d, StageId::kOutput).value(1, 1), 0.23);
}

}  // namespace

namespace {

TEST(DecimalAdd, AddsTheDecimalsNotTheDoubles) {
  // 0.1 + 0.2 is 0.30000000000000004 in doubles; as decimals it is 0.3.
  EXPECT_EQ(convt::decimal_add(0.1, 0.2), 0.3);
  EXPECT_EQ(convt::decimal_add(0.02, 0.1), 0.12);
  EXPECT_EQ(convt::decimal_add(2500, -0.5), 2499.5);
  EXPECT_EQ(convt::decimal_add(-1, 1), 0.0);
}

TEST(DecimalAdd, FallsBackToTheRoundedDoubleSumBeyondFifteenDigits) {
  // 1e20 + 1e-5 needs 26 digits: the double sum (1e20) is the nearest it can show.
  EXPECT_EQ(convt::decimal_add(1e20, 1e-5), 1e20);
}

}  // namespace
