// How numbers are written in every output.
#pragma once

#include <string>

namespace convt {

/// A value as convt prints it: whole numbers without a decimal point ("26", "-3"), every other
/// value in the shortest form that reads back to the same double ("0.1", "-1.5e-05"), rounded
/// to 15 significant digits when that form has more (kShownDigits: 0.22999999999999998 prints
/// "0.23"), so that no binary noise is printed. Negative zero prints as "0".
std::string format_number(double value);

/// Appends format_number(value) to `out` without a temporary string: the JSON and text
/// writers call this once per cell.
void append_number(std::string& out, double value);

/// format_number(value).size(), without writing the number when it is whole (grid layout
/// measures every cell).
size_t number_length(double value);

}  // namespace convt
