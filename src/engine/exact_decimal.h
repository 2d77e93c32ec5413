// Decimal numbers for the derivation: the values typed on the command line are exact decimals
// (0.1 is one tenth, not the double nearest it), so derive() computes with them as whole
// numbers of a decimal unit when every sum fits, and rounds to decimal digits otherwise.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace convt {

/// The number mantissa * 10^exponent. The functions below return it without trailing zeros in
/// the mantissa (0 is {0, 0}).
struct Decimal {
  int64_t mantissa = 0;
  int exponent = 0;
  friend bool operator==(const Decimal&, const Decimal&) = default;
};

/// The most significant digits a value is shown with: 15, the most that every decimal keeps
/// through a double and back (DBL_DIG). A double printed with more shows binary noise
/// (0.22999999999999998 for 0.1*0.3 + 0.2*1 ...), never a digit the user gave.
inline constexpr int kShownDigits = 15;

/// The decimal the shortest text that reads back as `value` spells (fmt's "{}", at most 17
/// significant digits): 0.1 -> {1, -1}, 1.5e-05 -> {15, -6}, 2500 -> {25, 2}.
/// REQUIRES: `value` finite.
Decimal shortest_decimal(double value);

/// shortest_decimal(value), correctly rounded to kShownDigits significant digits when it has
/// more: 0.22999999999999998 -> {23, -2}. What every format shows of `value`.
/// REQUIRES: `value` finite.
Decimal shown_decimal(double value);

/// The double nearest to `d` (correctly rounded). +0 for a zero mantissa.
double to_double(const Decimal& d);

/// `d` rounded to `decimals` places after the point (negative: to tens, hundreds, ...), half
/// away from zero: {125, -3} at 2 -> {13, -2}; {25, -1} at 0 -> {3, 0}. Unchanged when it has
/// no more places.
Decimal round_decimal(const Decimal& d, int decimals);

/// shown_decimal(value) rounded to `decimals` places (round_decimal), as the nearest double;
/// never -0: 0.125 -> 0.13 at 2, 2.5 -> 3 at 0, -0.001 -> 0 at 2. `--digits N`.
/// REQUIRES: `value` finite, decimals >= 0.
double round_to_places(double value, int decimals);

/// `value`, known to within +-`error`, rounded to the decimal place of the smallest power of
/// ten >= `error`, so that no digit below the error (binary noise) remains: 3.5101999999999993
/// with error 5e-15 -> 3.5102. Unchanged when error <= 0 or value is 0.
double round_to_error(double value, double error);

/// The kernel and input as whole numbers of the decimal units 10^-kernel_places and
/// 10^-input_places: value = units * 10^-places exactly (as decimals).
struct DecimalUnits {
  int kernel_places = 0;       ///< the most places after the point of any kernel value
  int input_places = 0;        ///< likewise for the input
  std::vector<double> kernel;  ///< whole numbers, |each| < kExactLimit
  std::vector<double> input;
};

/// Every sum derive() computes in units stays below this in absolute value: such sums are
/// whole numbers of at most 15 digits, exact in a double at every partial sum, and divided by
/// a power of ten they give the double whose shortest text is the exact decimal.
inline constexpr int64_t kExactLimit = 1'000'000'000'000'000;  // 10^15

/// The largest |u_j| of the adjoint check's test vector (derivation.cpp).
inline constexpr int64_t kAdjointWeight = 5;

/// The values in decimal units (each value's places are those of shortest_decimal), when every
/// sum derive() computes stays exact: sum|x| * sum|w| * kAdjointWeight < kExactLimit (it
/// bounds every cell's sum of |x w| and the adjoint check's sums) and
/// kernel_places + input_places <= 22 (10^22 is the largest power of ten a double holds).
/// nullopt otherwise: derive() then computes with the doubles. REQUIRES: finite values.
std::optional<DecimalUnits> decimal_units(const std::vector<double>& kernel,
                                          const std::vector<double>& input);

/// a + b as exact decimals: the double nearest shown_decimal(a) + shown_decimal(b) when that sum
/// fits in kShownDigits digits (0.1 + 0.2 gives 0.3, not 0.30000000000000004); otherwise the
/// double sum rounded to the decimal place of its rounding error. The bias of a layer is added
/// to the output this way. REQUIRES: finite values.
double decimal_add(double a, double b);

/// 10^places as a double, exact for 0 <= places <= 22.
double power_of_ten(int places);

}  // namespace convt
