#include "pytorch_fixture.h"

#include <cmath>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "reference_conv.h"

namespace convt::testing {

using nlohmann::json;

json read_fixture_cases(const std::string& file_name) {
  const std::string path = std::string(CONVT_FIXTURES_DIR) + "/" + file_name;
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  json all;
  try {
    all = json::parse(in);
  } catch (const json::exception& e) {
    throw std::runtime_error(path + " is not JSON: " + e.what());
  }
  if (!all.contains("cases") || !all.at("cases").is_array() || all.at("cases").empty())
    throw std::runtime_error(path + " holds no case");
  return all.at("cases");
}

const json& fixture_cases() {
  static const json cases = read_fixture_cases("pytorch_cases.json");
  return cases;
}

json fixture_cases_in(const std::string& category) {
  json out = json::array();
  for (const json& c : fixture_cases())
    if (c.at("category") == category) out.push_back(c);
  if (out.empty()) throw std::runtime_error("the PyTorch fixtures hold no " + category + " case");
  return out;
}

std::vector<int64_t> fixture_ints(const json& c, const char* key) {
  return c.at(key).get<std::vector<int64_t>>();
}

std::vector<double> fixture_numbers(const json& c, const char* key) {
  return c.at(key).get<std::vector<double>>();
}

Params fixture_params(const json& c) {
  Params p;
  p.dims = c.at("dims").get<int>();
  p.axes.clear();
  const auto n = fixture_ints(c, "n"), k = fixture_ints(c, "k"), s = fixture_ints(c, "s"),
             pad = fixture_ints(c, "p"), d = fixture_ints(c, "d"), op = fixture_ints(c, "op");
  for (size_t i = 0; i < static_cast<size_t>(p.dims); ++i)
    p.axes.push_back({n[i], k[i], s[i], pad[i], d[i], op[i]});
  if (!c.at("default_values").get<bool>()) {
    p.kernel = fixture_numbers(c, "kernel");
    p.input = fixture_numbers(c, "input");
  }
  return p;
}

std::string describe_fixture(const json& c, size_t index) {
  std::ostringstream out;
  out << "case " << index << " (" << c.at("category").get<std::string>() << ", dims "
      << c.at("dims") << ", n " << c.at("n") << ", k " << c.at("k") << ", s " << c.at("s") << ", p "
      << c.at("p") << ", d " << c.at("d") << ", op " << c.at("op") << ")";
  return out.str();
}

bool whole_numbers(const json& c) {
  for (const char* key : {"kernel", "input"})
    for (double v : fixture_numbers(c, key))
      if (std::trunc(v) != v) return false;
  return true;
}

Tolerance tolerance_for(const json& c, const Params& p, bool cropped) {
  Tolerance t;
  t.exact = whole_numbers(c);
  if (!t.exact) t.scale = reference_conv_transpose(p.axes, p.kernel, p.input, cropped).magnitude;
  return t;
}

std::string compare(const std::vector<double>& actual, const std::vector<double>& expected,
                    const Tolerance& tolerance) {
  if (actual.size() != expected.size())
    return "size " + std::to_string(actual.size()) + " != " + std::to_string(expected.size());
  for (size_t i = 0; i < actual.size(); ++i) {
    const double allowed = tolerance.exact ? 0.0 : 1e-12 * tolerance.scale.at(i);
    if (!(std::fabs(actual[i] - expected[i]) <= allowed))
      return "cell " + std::to_string(i) + ": " + std::to_string(actual[i]) +
             " != " + std::to_string(expected[i]);
  }
  return "";
}

}  // namespace convt::testing
