// Whole layers through the command line, run in-process (run_in_process.h): `convt explain` with
// --in-channels, --out-channels, --groups, --bias, --dims 3 and the whole weight and input,
// --format json, against PyTorch (tests/fixtures/layer_cases.json). JSON `params` carries the
// channels, and every grid stage its `shape` with `values` nested exactly to it (docs/json.md).
// The engine against every fixture case: tests/engine/layer_pytorch_test.cpp.
#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "layer_fixture.h"
#include "run_in_process.h"

namespace {

using convt::testing::describe_layer;
using convt::testing::layer_cases;
using convt::testing::layer_command_line;
using convt::testing::layer_tolerance;
using convt::testing::run_in_process;
using convt::testing::with;
using nlohmann::json;

std::vector<int64_t> ints(const json& c, const char* key) {
  return c.at(key).get<std::vector<int64_t>>();
}

/// Appends the numbers of `values`, nested to `shape` from axis `axis` on, to `out`; "" when the
/// nesting is exactly `shape`, else where it is not.
std::string flatten(const json& values, const std::vector<int64_t>& shape, size_t axis,
                    std::vector<double>& out) {
  if (axis == shape.size()) {
    if (!values.is_number()) return "a non-number at depth " + std::to_string(axis);
    out.push_back(values.get<double>());
    return "";
  }
  if (!values.is_array() || static_cast<int64_t>(values.size()) != shape[axis])
    return "depth " + std::to_string(axis) + " is not an array of " + std::to_string(shape[axis]);
  for (const json& v : values) {
    const std::string error = flatten(v, shape, axis + 1, out);
    if (!error.empty()) return error;
  }
  return "";
}

const json& stage(const json& doc, const std::string& id) {
  for (const json& s : doc.at("stages"))
    if (s.at("id") == id) return s;
  throw std::runtime_error("no stage " + id);
}

/// The few cases checked through the command line: the first of each dims with channels and
/// groups, a depthwise one with bias, and one with given decimal values.
std::vector<size_t> chosen_cases() {
  std::vector<size_t> chosen;
  bool dims_seen[4] = {false, false, false, false};
  bool depthwise = false, decimal = false;
  for (size_t i = 0; i < layer_cases().size(); ++i) {
    const json& c = layer_cases()[i];
    const int dims = c.at("dims").get<int>();
    const int64_t in = c.at("in_channels"), out = c.at("out_channels"), g = c.at("groups");
    if (!dims_seen[dims] && in > 1 && out > 1 && g > 1 && (g != in || g != out)) {
      dims_seen[dims] = true;
      chosen.push_back(i);
    } else if (!depthwise && g > 1 && g == in && g == out && !c.at("bias").is_null()) {
      depthwise = true;
      chosen.push_back(i);
    } else if (!decimal && layer_tolerance(c) > 0 && c.contains("conv_matrix")) {
      decimal = true;
      chosen.push_back(i);
    }
  }
  return chosen;
}

TEST(LayerJsonCli, ValuesNestedToShapeEqualPyTorch) {
  const std::vector<size_t> chosen = chosen_cases();
  ASSERT_GE(chosen.size(), 5u);
  for (size_t i : chosen) {
    const json& c = layer_cases()[i];
    const auto r = run_in_process(
        with(layer_command_line(c),
             {"--format", "json", "--stages",
              "kernel,input,conv_matrix,matrix_output,flipped_kernel,direct_output,output"}));
    ASSERT_EQ(r.exit_code, 0) << describe_layer(c, i) << ": " << r.err;
    EXPECT_EQ(r.err, "") << describe_layer(c, i);
    const json doc = json::parse(r.out);
    EXPECT_TRUE(doc.at("passed").get<bool>()) << describe_layer(c, i);

    const json& params = doc.at("params");
    EXPECT_EQ(params.at("in_channels"), c.at("in_channels")) << describe_layer(c, i);
    EXPECT_EQ(params.at("out_channels"), c.at("out_channels")) << describe_layer(c, i);
    EXPECT_EQ(params.at("groups"), c.at("groups")) << describe_layer(c, i);
    EXPECT_EQ(params.at("bias"), c.at("bias")) << describe_layer(c, i);

    const double tolerance = layer_tolerance(c);
    for (const auto& [id, key, exact] : {std::tuple{"kernel", "weight", true},
                                         {"input", "input", true},
                                         {"matrix_output", "full", false},
                                         {"flipped_kernel", "flipped_weight", true},
                                         {"direct_output", "full", false},
                                         {"output", "output", false}}) {
      const json& s = stage(doc, id);
      const std::vector<int64_t> shape = ints(c, (std::string(key) + "_shape").c_str());
      EXPECT_EQ(s.at("shape").get<std::vector<int64_t>>(), shape)
          << id << ", " << describe_layer(c, i);
      std::vector<double> got;
      EXPECT_EQ(flatten(s.at("values"), shape, 0, got), "") << id << ", " << describe_layer(c, i);
      EXPECT_EQ(convt::testing::compare_values(got, c.at(key).get<std::vector<double>>(),
                                               exact ? 0.0 : tolerance),
                "")
          << id << " against PyTorch's " << key << ", " << describe_layer(c, i);
    }

    ASSERT_TRUE(c.contains("conv_matrix")) << describe_layer(c, i);
    // C: [rows, cols], written densely (values) or as its non-zero triples (sparse).
    const json& cm = stage(doc, "conv_matrix");
    const std::vector<int64_t> shape = ints(c, "conv_matrix_shape");
    EXPECT_EQ(cm.at("shape").get<std::vector<int64_t>>(), shape) << describe_layer(c, i);
    std::map<std::pair<int64_t, int64_t>, double> got;
    if (cm.contains("sparse")) {
      for (const json& t : cm.at("sparse"))
        if (t.at(2).get<double>() != 0.0) got[{t.at(0), t.at(1)}] = t.at(2).get<double>();
    } else {
      std::vector<double> dense;
      ASSERT_EQ(flatten(cm.at("values"), shape, 0, dense), "") << describe_layer(c, i);
      for (size_t j = 0; j < dense.size(); ++j)
        if (dense[j] != 0.0)
          got[{static_cast<int64_t>(j) / shape[1], static_cast<int64_t>(j) % shape[1]}] = dense[j];
    }
    std::map<std::pair<int64_t, int64_t>, double> expected;
    for (const json& t : c.at("conv_matrix"))
      if (t.at(2).get<double>() != 0.0) expected[{t.at(0), t.at(1)}] = t.at(2).get<double>();
    EXPECT_EQ(got, expected) << "conv_matrix, " << describe_layer(c, i);
  }
}

}  // namespace
