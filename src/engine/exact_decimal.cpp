#include "engine/exact_decimal.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <iterator>
#include <limits>
#include <string_view>

#include "engine/checked.h"
#include "engine/parse_double.h"

namespace convt {
namespace {

/// 10^e for 0 <= e <= 18, the powers of ten an int64_t holds.
int64_t int_power_of_ten(int e) {
  int64_t p = 1;
  for (int i = 0; i < e; ++i) p *= 10;
  return p;
}

/// `d` with the trailing zeros of its mantissa moved into the exponent; 0 is {0, 0}.
Decimal normalized(Decimal d) {
  if (d.mantissa == 0) return {};
  while (d.mantissa % 10 == 0) {
    d.mantissa /= 10;
    ++d.exponent;
  }
  return d;
}

/// The decimal that `text` spells: "-1.25e-05", "0.1", "2500" (fmt's forms of a double, at
/// most 18 significant digits).
Decimal parse_decimal(std::string_view text) {
  size_t i = 0;
  const bool negative = !text.empty() && text[0] == '-';
  if (negative) ++i;
  int64_t mantissa = 0;
  int exponent = 0;
  bool after_point = false;
  for (; i < text.size() && text[i] != 'e' && text[i] != 'E'; ++i) {
    if (text[i] == '.') {
      after_point = true;
      continue;
    }
    mantissa = mantissa * 10 + (text[i] - '0');
    if (after_point) --exponent;
  }
  if (i < text.size()) {
    int written = 0;
    const char* first = text.data() + i + 1;
    if (*first == '+') ++first;
    std::from_chars(first, text.data() + text.size(), written);
    exponent += written;
  }
  return normalized({negative ? -mantissa : mantissa, exponent});
}

int digit_count(int64_t m) {
  int count = 1;
  for (m = m < 0 ? -m : m; m >= 10; m /= 10) ++count;
  return count;
}

}  // namespace

double power_of_ten(int places) {
  double p = 1.0;  // every step is exact up to 10^22
  for (int i = 0; i < places; ++i) p *= 10.0;
  return p;
}

Decimal shortest_decimal(double value) {
  // Whole numbers below 10^15 are their own digits; the common case (default values) skips
  // formatting.
  if (std::trunc(value) == value && std::fabs(value) < static_cast<double>(kExactLimit))
    return normalized({static_cast<int64_t>(value), 0});
  fmt::memory_buffer text;
  fmt::format_to(std::back_inserter(text), "{}", value);
  return parse_decimal({text.data(), text.size()});
}

Decimal shown_decimal(double value) {
  const Decimal shortest = shortest_decimal(value);
  if (digit_count(shortest.mantissa) <= kShownDigits) return shortest;
  // "{:.14e}" rounds the double itself (not its shortest text) to 15 significant digits.
  fmt::memory_buffer text;
  fmt::format_to(std::back_inserter(text), "{:.{}e}", value, kShownDigits - 1);
  return parse_decimal({text.data(), text.size()});
}

double to_double(const Decimal& d) {
  if (d.mantissa == 0) return 0.0;
  fmt::memory_buffer text;
  fmt::format_to(std::back_inserter(text), "{}e{}", d.mantissa, d.exponent);
  double value = 0.0;
  detail::parse_double(text.data(), text.data() + text.size(), value);
  return value;
}

Decimal round_decimal(const Decimal& d, int decimals) {
  if (d.exponent >= -decimals) return d;
  const int64_t drop = static_cast<int64_t>(-decimals) - d.exponent;  // digits to remove, > 0
  const int64_t magnitude = d.mantissa < 0 ? -d.mantissa : d.mantissa;
  // A mantissa has at most 18 digits (< 10^18), so removing 19 or more leaves less than half
  // a unit: 0.
  if (drop > 18) return {};
  const int64_t unit = int_power_of_ten(static_cast<int>(drop));
  int64_t kept = magnitude / unit;
  if (magnitude % unit >= unit / 2) ++kept;  // half away from zero
  return normalized({d.mantissa < 0 ? -kept : kept, -decimals});
}

double round_to_places(double value, int decimals) {
  if (value == 0.0) return 0.0;
  if (std::trunc(value) == value) return value;  // whole: no places to round (the common case)
  const Decimal shown = shown_decimal(value);
  const Decimal rounded = round_decimal(shown, decimals);
  if (rounded == shown && rounded == shortest_decimal(value)) return value;
  return to_double(rounded);
}

double round_to_error(double value, double error) {
  if (!(error > 0.0) || !std::isfinite(error) || value == 0.0) return value;
  const int place = static_cast<int>(std::ceil(std::log10(error)));
  // A whole value rounded to a place of 1 or finer stays (the common case: integer values).
  if (place <= 0 && std::trunc(value) == value) return value;
  return to_double(round_decimal(shortest_decimal(value), -place));
}

std::optional<DecimalUnits> decimal_units(const std::vector<double>& kernel,
                                          const std::vector<double>& input) {
  constexpr int kMaxPlaces = 22;
  auto decimals = [](const std::vector<double>& values) {
    std::vector<Decimal> out;
    out.reserve(values.size());
    for (double v : values) out.push_back(shortest_decimal(v));
    return out;
  };
  auto most_places = [](const std::vector<Decimal>& values) {
    int most = 0;
    for (const Decimal& d : values) most = std::max(most, -d.exponent);
    return most;
  };
  // Each value as units of 10^-places, and the sum of their magnitudes; nullopt when a unit
  // count or the sum reaches kExactLimit.
  auto units = [](const std::vector<Decimal>& values, int places, std::vector<double>& out,
                  int64_t& sum) {
    sum = 0;
    out.reserve(values.size());
    for (const Decimal& d : values) {
      const int shift = d.exponent + places;  // >= 0: places is the most of any value
      if (d.mantissa == 0) {
        out.push_back(0.0);
        continue;
      }
      if (shift > 18) return false;
      const std::optional<int64_t> count = checked_mul(d.mantissa, int_power_of_ten(shift));
      if (!count || *count >= kExactLimit || *count <= -kExactLimit) return false;
      const std::optional<int64_t> total = checked_add(sum, *count < 0 ? -*count : *count);
      if (!total || *total >= kExactLimit) return false;
      sum = *total;
      out.push_back(static_cast<double>(*count));
    }
    return true;
  };

  const std::vector<Decimal> w = decimals(kernel), x = decimals(input);
  DecimalUnits result;
  result.kernel_places = most_places(w);
  result.input_places = most_places(x);
  if (result.kernel_places + result.input_places > kMaxPlaces) return std::nullopt;
  int64_t sum_w = 0, sum_x = 0;
  if (!units(w, result.kernel_places, result.kernel, sum_w) ||
      !units(x, result.input_places, result.input, sum_x))
    return std::nullopt;
  const std::optional<int64_t> products = checked_mul(sum_w, sum_x);
  if (!products) return std::nullopt;
  const std::optional<int64_t> adjoint = checked_mul(*products, kAdjointWeight);
  if (!adjoint || *adjoint >= kExactLimit) return std::nullopt;
  return result;
}

double decimal_add(double a, double b) {
  const Decimal x = shown_decimal(a), y = shown_decimal(b);
  const int exponent = std::min(x.exponent, y.exponent);
  // Each mantissa scaled to the common exponent, when that stays below kExactLimit.
  auto aligned = [&](const Decimal& v) -> std::optional<int64_t> {
    int64_t m = v.mantissa;
    for (int e = v.exponent; e > exponent; --e) {
      if (m > kExactLimit / 10 || m < -kExactLimit / 10) return std::nullopt;
      m *= 10;
    }
    return m;
  };
  const std::optional<int64_t> mx = aligned(x), my = aligned(y);
  if (mx && my && *mx + *my<kExactLimit&& * mx + *my> - kExactLimit)
    return to_double(Decimal{*mx + *my, exponent});
  const double sum = a + b;
  return round_to_error(sum,
                        4 * std::numeric_limits<double>::epsilon() * (std::fabs(a) + std::fabs(b)));
}

}  // namespace convt
