#include "layer_fixture.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "pytorch_fixture.h"

namespace convt::testing {

using nlohmann::json;

const json& layer_cases() {
  static const json cases = read_fixture_cases("layer_cases.json");
  return cases;
}

namespace {

std::vector<int64_t> ints(const json& c, const char* key) {
  return c.at(key).get<std::vector<int64_t>>();
}

std::vector<double> numbers(const json& c, const char* key) {
  return c.at(key).get<std::vector<double>>();
}

/// "3" when every axis has the same value, else "3x2x2".
std::string axis_text(const std::vector<int64_t>& values) {
  if (std::all_of(values.begin(), values.end(), [&](int64_t v) { return v == values[0]; }))
    return std::to_string(values[0]);
  std::string text;
  for (size_t i = 0; i < values.size(); ++i) text += (i ? "x" : "") + std::to_string(values[i]);
  return text;
}

/// Values as "1,-2.5,0.25" in the shortest form that reads back exactly.
std::string value_list(const std::vector<double>& values) {
  std::string text;
  for (size_t i = 0; i < values.size(); ++i) {
    std::ostringstream one;
    one.precision(17);
    one << values[i];
    text += (i ? "," : "") + one.str();
  }
  return text;
}

double max_abs(const std::vector<double>& values) {
  double m = 0.0;
  for (double v : values) m = std::max(m, std::fabs(v));
  return m;
}

bool all_whole(const std::vector<double>& values) {
  return std::all_of(values.begin(), values.end(), [](double v) { return std::trunc(v) == v; });
}

}  // namespace

Params layer_params(const json& c) {
  Params p;
  p.dims = c.at("dims").get<int>();
  p.axes.clear();
  const auto n = ints(c, "n"), k = ints(c, "k"), s = ints(c, "s"), pad = ints(c, "p"),
             d = ints(c, "d"), op = ints(c, "op");
  for (size_t i = 0; i < static_cast<size_t>(p.dims); ++i)
    p.axes.push_back({n[i], k[i], s[i], pad[i], d[i], op[i]});
  p.in_channels = c.at("in_channels").get<int64_t>();
  p.out_channels = c.at("out_channels").get<int64_t>();
  p.groups = c.at("groups").get<int64_t>();
  if (!c.at("bias").is_null()) p.bias = numbers(c, "bias");
  if (!c.at("default_values").get<bool>()) {
    p.kernel = numbers(c, "weight");
    p.input = numbers(c, "input");
  }
  return p;
}

std::string describe_layer(const json& c, size_t index) {
  std::ostringstream out;
  out << "layer case " << index << " (" << c.at("category").get<std::string>() << ", dims "
      << c.at("dims") << ", n " << c.at("n") << ", k " << c.at("k") << ", s " << c.at("s") << ", p "
      << c.at("p") << ", d " << c.at("d") << ", op " << c.at("op") << ", in " << c.at("in_channels")
      << ", out " << c.at("out_channels") << ", groups " << c.at("groups") << ", bias "
      << c.at("bias") << (c.at("default_values").get<bool>() ? "" : ", given values") << ")";
  return out.str();
}

std::vector<std::string> layer_command_line(const json& c) {
  std::vector<std::string> args = {"explain", "--dims", std::to_string(c.at("dims").get<int>())};
  for (const auto& [key, option] : {std::pair{"n", "--n"},
                                    {"k", "--k"},
                                    {"s", "--s"},
                                    {"p", "--p"},
                                    {"d", "--d"},
                                    {"op", "--op"}}) {
    args.push_back(option);
    args.push_back(axis_text(ints(c, key)));
  }
  for (const auto& [key, option] : {std::pair{"in_channels", "--in-channels"},
                                    {"out_channels", "--out-channels"},
                                    {"groups", "--groups"}}) {
    args.push_back(option);
    args.push_back(std::to_string(c.at(key).get<int64_t>()));
  }
  if (!c.at("bias").is_null()) {
    args.push_back("--bias");
    args.push_back(value_list(numbers(c, "bias")));
  }
  if (!c.at("default_values").get<bool>()) {
    args.push_back("--kernel");
    args.push_back(value_list(numbers(c, "weight")));
    args.push_back("--input");
    args.push_back(value_list(numbers(c, "input")));
  }
  return args;
}

double layer_tolerance(const json& c) {
  const std::vector<double> weight = numbers(c, "weight"), input = numbers(c, "input");
  const std::vector<double> bias =
      c.at("bias").is_null() ? std::vector<double>{} : numbers(c, "bias");
  if (all_whole(weight) && all_whole(input) && all_whole(bias)) return 0.0;
  double weight_sum = 0.0;
  for (double w : weight) weight_sum += std::fabs(w);
  return 1e-12 * (max_abs(input) * weight_sum + max_abs(bias) + 1.0);
}

std::string compare_values(const std::vector<double>& actual, const std::vector<double>& expected,
                           double tolerance) {
  if (actual.size() != expected.size())
    return "size: expected " + std::to_string(expected.size()) + ", got " +
           std::to_string(actual.size());
  for (size_t i = 0; i < actual.size(); ++i) {
    if (!(std::fabs(actual[i] - expected[i]) <= tolerance)) {
      std::ostringstream out;
      out.precision(17);
      out << "index " << i << ": expected " << expected[i] << ", got " << actual[i];
      return out.str();
    }
  }
  return "";
}

std::vector<int64_t> unravel(int64_t flat, const std::vector<int64_t>& shape) {
  std::vector<int64_t> index(shape.size());
  for (size_t a = shape.size(); a-- > 0;) {
    index[a] = flat % shape[a];
    flat /= shape[a];
  }
  return index;
}

}  // namespace convt::testing
