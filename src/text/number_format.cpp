#include "text/number_format.h"

#include <fmt/format.h>

#include <cmath>
#include <iterator>

#include "engine/exact_decimal.h"

namespace convt {
namespace {

/// The significant digits of fmt's text of a double ("-0.0012e-05" has 2).
size_t significant_digits(const fmt::memory_buffer& text) {
  size_t count = 0;
  bool leading = true;
  for (char ch : text) {
    if (ch == 'e') break;
    if (ch < '0' || ch > '9') continue;
    if (leading && ch == '0') continue;
    leading = false;
    ++count;
  }
  return count;
}

}  // namespace

std::string format_number(double value) {
  std::string out;
  append_number(out, value);
  return out;
}

void append_number(std::string& out, double value) {
  if (value == 0.0) {
    out += '0';
    return;
  }
  // Whole numbers below 2^53 are exact as integers; larger ones keep fmt's shortest form.
  // format_int skips the format-string machinery: renderers call this once per cell.
  if (std::trunc(value) == value && std::fabs(value) < 9007199254740992.0) {
    const fmt::format_int digits(static_cast<long long>(value));
    out.append(digits.data(), digits.size());
    return;
  }
  fmt::memory_buffer shortest;
  fmt::format_to(std::back_inserter(shortest), "{}", value);
  if (significant_digits(shortest) > kShownDigits) {
    // More digits than a double keeps for every decimal: the tail is binary noise
    // (0.22999999999999998). The value rounded to kShownDigits, in the same layout.
    shortest.clear();
    fmt::format_to(std::back_inserter(shortest), "{}", to_double(shown_decimal(value)));
  }
  out.append(shortest.data(), shortest.size());
}

size_t number_length(double value) {
  if (value == 0.0) return 1;
  if (std::trunc(value) == value && std::fabs(value) < 9007199254740992.0) {
    const auto magnitude = static_cast<unsigned long long>(std::fabs(value));
    size_t digits = 1;
    for (unsigned long long power = 10; digits < 16 && magnitude >= power; power *= 10) ++digits;
    return digits + (value < 0 ? 1 : 0);
  }
  return format_number(value).size();
}

}  // namespace convt
