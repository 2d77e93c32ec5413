#include "engine/formula_text.h"

#include <algorithm>

namespace convt::formula_text {
namespace {

std::string str(int64_t v) { return std::to_string(v); }

/// "(n-1)*s" with the numbers: the first term of both m and F.
std::string stride_term(const AxisParams& a) { return "(" + str(a.n) + "-1)*" + str(a.s); }

/// "(n-1)*s - 2*p + ": the terms every form of m starts with.
std::string cropped_start(const AxisParams& a) {
  return stride_term(a) + " - 2*" + str(a.p) + " + ";
}

/// "d*(k-1)": the dilated kernel's reach.
std::string reach_term(const AxisParams& a) { return str(a.d) + "*(" + str(a.k) + "-1)"; }

}  // namespace

bool general_form(const std::vector<AxisParams>& axes) {
  return std::any_of(axes.begin(), axes.end(),
                     [](const AxisParams& a) { return a.d != 1 || a.op != 0; });
}

std::vector<size_t> distinct_axes(const std::vector<AxisParams>& axes) {
  if (std::all_of(axes.begin(), axes.end(), [&](const AxisParams& a) { return a == axes[0]; }))
    return {0};
  std::vector<size_t> all;
  for (size_t i = 0; i < axes.size(); ++i) all.push_back(i);
  return all;
}

std::string output_rule(bool general) {
  return general ? "m = (n-1)s - 2p + d(k-1) + output_padding + 1" : "m = (n-1)s - 2p + k";
}

std::string output_equation(const AxisShape& shape, bool general) {
  const AxisParams& a = shape.in;
  const std::string kernel_span = general ? reach_term(a) + " + " + str(a.op) + " + 1" : str(a.k);
  return "m = " + cropped_start(a) + kernel_span + " = " + str(shape.output);
}

std::string full_equation(const AxisShape& shape, bool general) {
  const AxisParams& a = shape.in;
  if (general)
    return "F = (n-1)s + d(k-1) + 1 = " + stride_term(a) + " + " + reach_term(a) +
           " + 1 = " + str(shape.full);
  return "F = (n-1)s + k = " + stride_term(a) + " + " + str(a.k) + " = " + str(shape.full);
}

std::string output_sum(const AxisParams& a) {
  std::string sum = cropped_start(a) + (a.d == 1 ? str(a.k) : reach_term(a) + " + 1");
  if (a.op != 0) sum += " + " + str(a.op);
  return sum;
}

std::vector<std::string> stage_equations(const std::vector<AxisShape>& shapes) {
  const std::vector<AxisParams> axes = axis_params(shapes);
  const bool general = general_form(axes);
  const std::vector<size_t> shown = distinct_axes(axes);
  auto prefix = [&](size_t axis) -> std::string {
    if (shown.size() < 2) return "";
    const size_t from_last = shown.size() - 1 - axis;  // 0: cols, 1: rows, 2: depth
    return from_last == 0 ? "cols: " : from_last == 1 ? "rows: " : "depth: ";
  };
  std::vector<std::string> lines = {output_rule(general)};
  for (size_t i : shown) lines.push_back(prefix(i) + output_equation(shapes[i], general));
  for (size_t i : shown) lines.push_back(prefix(i) + full_equation(shapes[i], general));
  return lines;
}

}  // namespace convt::formula_text
