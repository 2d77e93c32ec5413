#include "convt/params.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string_view>

#include "convt/error.h"
#include "engine/parse_double.h"

namespace convt {
namespace {

constexpr int64_t kMaxParsed = 2147483647;  // 2^31 - 1: sizes are parsed up to this, then judged

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

/// Parses one whole number token of a per-axis size.
int64_t parse_whole(std::string_view token, const std::string& text, const std::string& option,
                    MsgId what, int64_t min_value) {
  Message bad{MsgId::kErrWholeNumber,
              {{"option", option},
               {"what", Message{what, {}}},
               {"min", std::to_string(min_value)},
               {"value", text}}};
  if (!all_digits(token)) throw Error(bad);
  // Digits only: anything longer than 10 digits (ignoring leading zeros) is too large.
  size_t first = token.find_first_not_of('0');
  if (first != std::string_view::npos && token.size() - first > 10)
    throw Error(
        {MsgId::kErrTooLarge, {{"option", option}, {"what", Message{what, {}}}, {"value", text}}});
  int64_t value = 0;
  std::from_chars(token.data(), token.data() + token.size(), value);
  if (value > kMaxParsed)
    throw Error(
        {MsgId::kErrTooLarge, {{"option", option}, {"what", Message{what, {}}}, {"value", text}}});
  if (value < min_value) throw Error(bad);
  return value;
}

}  // namespace

Params square_params(int dims, int64_t n, int64_t k, int64_t s, int64_t p, int64_t d, int64_t op) {
  Params params;
  params.dims = dims;
  params.axes.assign(static_cast<size_t>(dims), AxisParams{n, k, s, p, d, op});
  return params;
}

std::vector<int64_t> parse_axis_values(const std::string& text, const std::string& option,
                                       MsgId what, int64_t min_value, int dims) {
  std::vector<std::string_view> tokens;
  std::string_view rest = text;
  while (true) {
    size_t x = rest.find_first_of("xX");
    tokens.push_back(rest.substr(0, x));
    if (x == std::string_view::npos) break;
    rest.remove_prefix(x + 1);
  }
  // One number for every axis, or one per axis: ROWSxCOLS, DEPTHxROWSxCOLS (no empty part).
  const bool empty_part = tokens.size() > 1 && std::any_of(tokens.begin(), tokens.end(),
                                                           [](auto t) { return t.empty(); });
  if (tokens.size() > 3 || empty_part)
    throw Error({MsgId::kErrAxisCount, {{"option", option}, {"value", text}}});
  std::vector<int64_t> values;
  for (std::string_view token : tokens)
    values.push_back(parse_whole(token, text, option, what, min_value));
  if (values.size() == 1) {
    values.resize(static_cast<size_t>(dims), values[0]);
    return values;
  }
  if (dims == 1) throw Error({MsgId::kErrAxisCountOneDim, {{"option", option}, {"value", text}}});
  if (dims == 3 && values.size() != 3)
    throw Error({MsgId::kErrAxisCountThreeDim, {{"option", option}, {"value", text}}});
  if (static_cast<int>(values.size()) != dims)
    throw Error({MsgId::kErrAxisCount, {{"option", option}, {"value", text}}});
  return values;
}

int64_t parse_bounded(const std::string& text, const std::string& option, MsgId what,
                      int64_t min_value, int64_t max_value) {
  Message bad{MsgId::kErrRange,
              {{"option", option},
               {"what", Message{what, {}}},
               {"min", std::to_string(min_value)},
               {"max", std::to_string(max_value)},
               {"value", text}}};
  if (!all_digits(text)) throw Error(bad);
  size_t first = text.find_first_not_of('0');
  if (first != std::string::npos && text.size() - first > 18) throw Error(bad);
  int64_t value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  if (value < min_value || value > max_value) throw Error(bad);
  return value;
}

std::vector<double> parse_value_list(const std::string& text, const std::string& option) {
  std::vector<double> values;
  std::string_view rest = text;
  constexpr std::string_view kSeparators = ", \t\n\r";
  while (true) {
    size_t start = rest.find_first_not_of(kSeparators);
    if (start == std::string_view::npos) break;
    rest.remove_prefix(start);
    size_t end = rest.find_first_of(kSeparators);
    std::string_view token = rest.substr(0, end);
    rest.remove_prefix(token.size());
    std::string index = std::to_string(values.size() + 1);
    std::string_view digits = token;
    if (digits.size() > 1 && digits[0] == '+' && digits[1] != '-') digits.remove_prefix(1);
    double value = 0.0;
    auto [ptr, ec] = detail::parse_double(digits.data(), digits.data() + digits.size(), value);
    bool consumed = ptr == digits.data() + digits.size();
    if (ec == std::errc::result_out_of_range && consumed)
      throw Error({MsgId::kErrOutOfRange,
                   {{"option", option}, {"index", index}, {"token", std::string(token)}}});
    if (ec != std::errc() || !consumed)
      throw Error({MsgId::kErrNotNumber,
                   {{"option", option}, {"index", index}, {"token", std::string(token)}}});
    if (!std::isfinite(value))
      throw Error({MsgId::kErrNotFinite,
                   {{"option", option}, {"index", index}, {"token", std::string(token)}}});
    values.push_back(value == 0.0 ? 0.0 : value);  // no negative zero
  }
  if (values.empty()) throw Error({MsgId::kErrEmptyList, {{"option", option}}});
  return values;
}

}  // namespace convt
