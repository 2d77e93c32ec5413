// Every case of tests/fixtures/pytorch_cases.json (computed by PyTorch, see its README) against
// the engine: the output, the uncropped grid of every route, and the conv matrix. The formats
// against the same fixtures: tests/render/formats_pytorch_test.cpp.
#include "pytorch_fixture.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "convt/derivation.h"

namespace {

using convt::Derivation;
using convt::Grid;
using convt::Params;
using convt::StageId;
using convt::testing::compare;
using convt::testing::fixture_cases;
using convt::testing::Tolerance;
using convt::testing::tolerance_for;
using convt::testing::whole_numbers;
using nlohmann::json;

std::vector<int64_t> ints(const json& c, const char* key) {
  return convt::testing::fixture_ints(c, key);
}
std::vector<double> numbers(const json& c, const char* key) {
  return convt::testing::fixture_numbers(c, key);
}
std::string describe(const json& c, size_t index) {
  return convt::testing::describe_fixture(c, index);
}

int64_t product(const std::vector<int64_t>& v) {
  int64_t p = 1;
  for (int64_t x : v) p *= x;
  return p;
}

/// The values of `grid` flattened row-major.
std::vector<double> flat(const Grid& grid) {
  std::vector<double> out;
  for (int64_t r = 0; r < grid.rows(); ++r)
    for (int64_t c = 0; c < grid.cols(); ++c) out.push_back(grid.value(r, c));
  return out;
}

/// rows x cols of a grid whose per-axis shape is `shape` (1-D grids have one row).
std::vector<int64_t> grid_shape(const std::vector<int64_t>& shape) {
  return shape.size() == 2 ? shape : std::vector<int64_t>{1, shape[0]};
}

const Grid& grid_of(const Derivation& d, StageId id) {
  const convt::Stage* stage = d.find(id);
  if (stage == nullptr || !stage->grid)
    throw std::runtime_error("no grid for stage " + std::string(convt::stage_name(id)));
  return *stage->grid;
}

/// Calls f(case, index, params, derivation) for every fixture case.
template <typename F>
void for_each_case(F&& f) {
  const json& cases = fixture_cases();
  for (size_t i = 0; i < cases.size(); ++i) {
    const json& c = cases[i];
    const Params p = convt::testing::fixture_params(c);
    const Derivation d = convt::derive(p);
    f(c, i, p, d);
  }
}

TEST(PyTorchFixture, CoversTheRequiredKindsOfCases) {
  const json& cases = fixture_cases();
  EXPECT_GE(cases.size(), 500u);
  int one_dim = 0, dilated = 0, output_padding = 0, custom = 0, decimal = 0, matrices = 0;
  for (const json& c : cases) {
    one_dim += c.at("dims") == 1;
    for (int64_t d : ints(c, "d")) dilated += d > 1;
    for (int64_t op : ints(c, "op")) output_padding += op > 0;
    custom += !c.at("default_values").get<bool>();
    decimal += !whole_numbers(c);
    matrices += c.contains("conv_matrix");
  }
  EXPECT_GT(one_dim, 0);
  EXPECT_GT(dilated, 0);
  EXPECT_GT(output_padding, 0);
  EXPECT_GT(custom, 0);
  EXPECT_GT(decimal, 0);
  EXPECT_GT(matrices, 0);
}

TEST(PyTorchFixture, DefaultValuesAreOneToCount) {
  for_each_case([](const json& c, size_t i, const Params&, const Derivation& d) {
    const std::vector<double> kernel = numbers(c, "kernel"), input = numbers(c, "input");
    ASSERT_EQ(static_cast<int64_t>(kernel.size()), product(ints(c, "k"))) << describe(c, i);
    ASSERT_EQ(static_cast<int64_t>(input.size()), product(ints(c, "n"))) << describe(c, i);
    if (c.at("default_values").get<bool>()) {
      for (size_t j = 0; j < kernel.size(); ++j)
        ASSERT_EQ(kernel[j], static_cast<double>(j + 1)) << describe(c, i);
      for (size_t j = 0; j < input.size(); ++j)
        ASSERT_EQ(input[j], static_cast<double>(j + 1)) << describe(c, i);
    }
    // Default or custom, the engine's kernel and input stages hold the fixture's values.
    EXPECT_EQ(flat(grid_of(d, StageId::kKernel)), kernel) << describe(c, i);
    EXPECT_EQ(flat(grid_of(d, StageId::kInput)), input) << describe(c, i);
  });
}

TEST(PyTorchFixture, OutputMatchesPyTorch) {
  int checked = 0;
  for_each_case([&](const json& c, size_t i, const Params& p, const Derivation& d) {
    EXPECT_TRUE(d.passed) << describe(c, i);
    EXPECT_EQ(d.output_size(), ints(c, "output_shape")) << describe(c, i);
    EXPECT_EQ(d.full_size(), ints(c, "full_shape")) << describe(c, i);
    const Grid& out = grid_of(d, StageId::kOutput);
    EXPECT_EQ((std::vector<int64_t>{out.rows(), out.cols()}), grid_shape(ints(c, "output_shape")))
        << describe(c, i);
    const std::string diff = compare(flat(out), numbers(c, "output"), tolerance_for(c, p, true));
    EXPECT_EQ(diff, "") << describe(c, i);
    ++checked;
  });
  EXPECT_EQ(checked, static_cast<int>(fixture_cases().size()));
}

TEST(PyTorchFixture, EveryRouteGivesTheUncroppedGrid) {
  for_each_case([](const json& c, size_t i, const Params& p, const Derivation& d) {
    const Tolerance tolerance = tolerance_for(c, p, false);
    const std::vector<double> full = numbers(c, "full");
    for (StageId id : {StageId::kMatrixOutput, StageId::kScatterOutput, StageId::kDirectOutput}) {
      const Grid& g = grid_of(d, id);
      EXPECT_EQ((std::vector<int64_t>{g.rows(), g.cols()}), grid_shape(ints(c, "full_shape")))
          << convt::stage_name(id) << " " << describe(c, i);
      EXPECT_EQ(compare(flat(g), full, tolerance), "")
          << convt::stage_name(id) << " " << describe(c, i);
    }
  });
}

TEST(PyTorchFixture, ConvMatrixMatchesTheForwardConvolution) {
  int with_matrix = 0;
  for_each_case([&](const json& c, size_t i, const Params&, const Derivation& d) {
    if (!c.contains("conv_matrix")) return;
    ++with_matrix;
    const std::vector<double> expected = numbers(c, "conv_matrix");
    const int64_t rows = product(ints(c, "n")), cols = product(ints(c, "full_shape"));
    const Grid& cm = grid_of(d, StageId::kConvMatrix);
    const Grid& ct = grid_of(d, StageId::kTransposedMatrix);
    ASSERT_EQ(cm.rows(), rows) << describe(c, i);
    ASSERT_EQ(cm.cols(), cols) << describe(c, i);
    ASSERT_EQ(ct.rows(), cols) << describe(c, i);
    ASSERT_EQ(ct.cols(), rows) << describe(c, i);
    // The entries are kernel values, so they match exactly.
    EXPECT_EQ(flat(cm), expected) << describe(c, i);
    int64_t mismatches = 0;
    for (int64_t r = 0; r < rows; ++r)
      for (int64_t col = 0; col < cols; ++col)
        mismatches += ct.value(col, r) != expected[static_cast<size_t>(r * cols + col)];
    EXPECT_EQ(mismatches, 0) << describe(c, i);
  });
  EXPECT_GT(with_matrix, 500);
}

}  // namespace
