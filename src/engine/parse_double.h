// std::from_chars for double, also where the standard library lacks it (libc++ before 17, as in
// emscripten 3.1 for the page of web/): the one way the engine reads a real number from text.
#pragma once

#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <string>
#include <system_error>

namespace convt::detail {

/// Reads a double from [first, last) as std::from_chars(first, last, value) does with
/// chars_format::general: an optional '-', then decimal digits with an optional point and
/// exponent, or "inf"/"infinity"/"nan" in any case; no leading white space, '+' or hexadecimal.
/// Returns where the number ends and errc::invalid_argument (nothing read, value unchanged) or
/// errc::result_out_of_range (too large or too small for a double).
inline std::from_chars_result parse_double(const char* first, const char* last, double& value) {
#if defined(__cpp_lib_to_chars) && __cpp_lib_to_chars >= 201611L
  return std::from_chars(first, last, value);
#else
  // strtod reads more than from_chars (white space, '+', "0x..."): refuse those before it.
  const char* start = first;
  if (start != last && *start == '-') ++start;
  const bool decimal_start =
      start != last && ((*start >= '0' && *start <= '9') || *start == '.' || *start == 'i' ||
                        *start == 'I' || *start == 'n' || *start == 'N');
  if (!decimal_start) return {first, std::errc::invalid_argument};
  std::string text(first, last);
  // "0x1p3": from_chars stops after the 0; so does this, by cutting the text there.
  if (const size_t x = text.find_first_of("xX"); x != std::string::npos) text.resize(x);
  char* end = nullptr;
  errno = 0;
  const double read = std::strtod(text.c_str(), &end);
  if (end == text.c_str()) return {first, std::errc::invalid_argument};
  const char* stop = first + (end - text.c_str());
  if (errno == ERANGE) return {stop, std::errc::result_out_of_range};
  value = read;
  return {stop, std::errc()};
#endif
}

}  // namespace convt::detail
