#include "convt/number_format.h"

#include <cmath>

#include <fmt/format.h>

namespace convt {

std::string format_number(double value) {
  if (value == 0.0) return "0";
  // Whole numbers below 2^53 are exact as integers; larger ones keep fmt's shortest form.
  if (std::trunc(value) == value && std::fabs(value) < 9007199254740992.0)
    return fmt::format("{}", static_cast<long long>(value));
  return fmt::format("{}", value);
}

}  // namespace convt
