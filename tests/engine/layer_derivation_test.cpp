// The whole layer (channels, groups, bias, 3-D) against a second algorithm: the definition of
// nn.ConvTranspose written as one loop over every (input channel, input cell, output channel,
// tap), with no matrix, no zero insertion and no crop stage, and against hand-worked values.
#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <vector>

#include "convt/derivation.h"
#include "convt/error.h"
#include "convt/params.h"

namespace convt {
namespace {

Params layer(int dims, std::vector<AxisParams> axes, int64_t in, int64_t out, int64_t groups) {
  Params p;
  p.dims = dims;
  p.axes = std::move(axes);
  p.in_channels = in;
  p.out_channels = out;
  p.groups = groups;
  return p;
}

/// The definition: y[o][i] = b[o] + sum over c in o's group, a, u with a*s + u*d - p = i of
/// x[c][a] * w[c][o mod (out/groups)][u], on three axes (missing ones trivial). Returns
/// [out, m0, m1, m2] flat.
std::vector<double> definition(const Params& p, std::array<int64_t, 3>& m) {
  std::array<AxisParams, 3> ax{AxisParams{}, AxisParams{}, AxisParams{}};
  for (size_t i = 0; i < p.axes.size(); ++i) ax[3 - p.axes.size() + i] = p.axes[i];
  for (size_t i = 0; i < 3; ++i)
    m[i] = (ax[i].n - 1) * ax[i].s - 2 * ax[i].p + ax[i].d * (ax[i].k - 1) + ax[i].op + 1;
  const int64_t in_g = p.in_channels / p.groups, out_g = p.out_channels / p.groups;
  const int64_t ncells = ax[0].n * ax[1].n * ax[2].n, taps = ax[0].k * ax[1].k * ax[2].k;
  const int64_t mcells = m[0] * m[1] * m[2];
  std::vector<double> y(static_cast<size_t>(p.out_channels * mcells), 0.0);
  auto x = [&](int64_t c, int64_t a) {
    const int64_t i = c * ncells + a;
    return p.input.empty() ? static_cast<double>(i + 1) : p.input[static_cast<size_t>(i)];
  };
  auto w = [&](int64_t c, int64_t j, int64_t u) {
    const int64_t i = (c * out_g + j) * taps + u;
    return p.kernel.empty() ? static_cast<double>(i + 1) : p.kernel[static_cast<size_t>(i)];
  };
  for (int64_t c = 0; c < p.in_channels; ++c)
    for (int64_t j = 0; j < out_g; ++j) {
      const int64_t o = c / in_g * out_g + j;
      for (int64_t a = 0; a < ncells; ++a)
        for (int64_t u = 0; u < taps; ++u) {
          const int64_t a3[3] = {a / (ax[1].n * ax[2].n), a / ax[2].n % ax[1].n, a % ax[2].n};
          const int64_t u3[3] = {u / (ax[1].k * ax[2].k), u / ax[2].k % ax[1].k, u % ax[2].k};
          int64_t at[3];
          bool inside = true;
          for (int i = 0; i < 3; ++i) {
            at[i] = a3[i] * ax[i].s + u3[i] * ax[i].d - ax[i].p;
            inside = inside && at[i] >= 0 && at[i] < m[i];
          }
          if (inside)
            y[static_cast<size_t>(o * mcells + (at[0] * m[1] + at[1]) * m[2] + at[2])] +=
                x(c, a) * w(c, j, u);
        }
    }
  if (p.bias)
    for (int64_t i = 0; i < static_cast<int64_t>(y.size()); ++i)
      y[static_cast<size_t>(i)] += (*p.bias)[static_cast<size_t>(i / mcells)];
  return y;
}

/// The stage's slices read back as one flat tensor, row-major.
std::vector<double> flat_values(const Stage& stage) {
  std::vector<double> out;
  for (const GridSlice& s : stage.slices)
    for (int64_t r = 0; r < s.grid.rows(); ++r)
      for (int64_t c = 0; c < s.grid.cols(); ++c) out.push_back(s.grid.value(r, c));
  return out;
}

void expect_matches_definition(const Params& p) {
  SCOPED_TRACE(testing::Message() << "dims " << p.dims << " in " << p.in_channels << " out "
                                  << p.out_channels << " groups " << p.groups);
  const Derivation d = derive(p);
  EXPECT_TRUE(d.passed);
  std::array<int64_t, 3> m{};
  const std::vector<double> expected = definition(p, m);
  const Stage* output = d.find(StageId::kOutput);
  ASSERT_NE(output, nullptr);
  std::vector<int64_t> shape = {p.out_channels};
  for (int i = 3 - p.dims; i < 3; ++i) shape.push_back(m[static_cast<size_t>(i)]);
  EXPECT_EQ(output->shape, shape);
  EXPECT_FALSE(output->grid.has_value());
  EXPECT_EQ(flat_values(*output), expected);
}

AxisParams axis(int64_t n, int64_t k, int64_t s = 1, int64_t p = 0, int64_t d = 1, int64_t op = 0) {
  return {n, k, s, p, d, op};
}

TEST(LayerDerivation, TwoChannelsOneGroupMatchesTheDefinition) {
  expect_matches_definition(layer(2, {axis(2, 2, 2, 1), axis(2, 2, 2, 1)}, 2, 3, 1));
}

TEST(LayerDerivation, GroupsAndDepthwiseMatchTheDefinition) {
  expect_matches_definition(layer(2, {axis(3, 3, 2, 1), axis(2, 2)}, 4, 6, 2));
  expect_matches_definition(layer(1, {axis(4, 3, 2, 1, 2, 1)}, 3, 3, 3));
}

TEST(LayerDerivation, BiasIsAddedAfterTheCropAlsoToAddedCells) {
  Params p = layer(1, {axis(2, 2, 2, 0, 1, 1)}, 1, 2, 1);
  p.bias = std::vector<double>{0.5, -1};
  expect_matches_definition(p);
  // Worked by hand: w[0][0] = (1, 2), w[0][1] = (3, 4), x = (1, 2), s = 2, op = 1:
  // F = (2-1)*2 + 2 = 4: channel 0 is (1, 2, 2, 4), channel 1 (3, 4, 6, 8); m = 5, the added
  // cell holds the bias alone.
  const Derivation d = derive(p);
  const Stage* out = d.find(StageId::kOutput);
  ASSERT_NE(out, nullptr);
  EXPECT_EQ(flat_values(*out), (std::vector<double>{1.5, 2.5, 2.5, 4.5, 0.5, 2, 3, 5, 7, -1}));
  EXPECT_EQ(out->slices[0].grid.kind(0, 4), CellKind::kAddedZero);
}

TEST(LayerDerivation, DecimalBiasIsExact) {
  Params p = layer(1, {axis(1, 1)}, 1, 1, 1);
  p.kernel = {0.1};
  p.input = {0.2};
  p.bias = std::vector<double>{0.1};
  const Derivation d = derive(p);
  const Stage* out = d.find(StageId::kOutput);
  ASSERT_NE(out, nullptr);
  EXPECT_EQ(out->slices[0].grid.value(0, 0), 0.12);  // 0.02 + 0.1, not 0.12000000000000001
}

TEST(LayerDerivation, ThreeDimensionsMatchTheDefinition) {
  expect_matches_definition(
      layer(3, {axis(2, 2, 2, 1), axis(2, 3, 1, 1), axis(3, 2, 2, 0, 1, 1)}, 2, 2, 2));
  Params p = layer(3, {axis(2, 2), axis(2, 2), axis(2, 2)}, 1, 1, 1);
  p.bias = std::vector<double>{1};
  expect_matches_definition(p);
}

TEST(LayerDerivation, ShapesOfEveryStage) {
  const Derivation d = derive(layer(2, {axis(3, 3, 2, 1, 2), axis(3, 3, 2, 1, 2)}, 4, 2, 2));
  // F = (3-1)*2 + 2*(3-1) + 1 = 9, m = 9 - 2 = 7, inserted 5, padded 5 + 8 = 13, dilated 5.
  auto shape = [&](StageId id) { return d.find(id)->shape; };
  EXPECT_EQ(shape(StageId::kKernel), (std::vector<int64_t>{4, 1, 3, 3}));
  EXPECT_EQ(shape(StageId::kInput), (std::vector<int64_t>{4, 3, 3}));
  EXPECT_EQ(shape(StageId::kConvMatrix), (std::vector<int64_t>{36, 162}));
  EXPECT_EQ(shape(StageId::kTransposedMatrix), (std::vector<int64_t>{162, 36}));
  EXPECT_EQ(shape(StageId::kMatrixOutput), (std::vector<int64_t>{2, 9, 9}));
  EXPECT_EQ(shape(StageId::kZeroInserted), (std::vector<int64_t>{4, 5, 5}));
  EXPECT_EQ(shape(StageId::kPaddedInput), (std::vector<int64_t>{4, 13, 13}));
  EXPECT_EQ(shape(StageId::kFlippedKernel), (std::vector<int64_t>{2, 2, 3, 3}));
  EXPECT_EQ(shape(StageId::kDilatedKernel), (std::vector<int64_t>{2, 2, 5, 5}));
  EXPECT_EQ(shape(StageId::kOutput), (std::vector<int64_t>{2, 7, 7}));
  EXPECT_EQ(shape(StageId::kOverlap), (std::vector<int64_t>{7, 7}));
  EXPECT_EQ(d.find(StageId::kScatterStamps), nullptr);
  // C is block-diagonal: rows of input channels 0-1 (group 0) reach only columns of output
  // channel 0; 4 * (2/2) * 9 * 9 non-zeros.
  const Grid& c = *d.find(StageId::kConvMatrix)->grid;
  EXPECT_EQ(c.stored(), 4 * 1 * 9 * 9);
  c.for_each_entry([&](int64_t r, int64_t col, double) {
    EXPECT_EQ(r / 9 / 2, col / 81) << "row " << r << " col " << col;
  });
  EXPECT_EQ(c.row_labels.label(10), "(1,0,1)");
  EXPECT_EQ(c.col_labels.label(81 + 10), "(1,1,1)");
}

TEST(LayerDerivation, FlippedWeightSwapsChannelsWithinGroups) {
  // in 4, out 2, groups 2: w is [4][1][2]; W'[o][j] = reverse(w[2*(o) + j][0]).
  Params p = layer(1, {axis(1, 2)}, 4, 2, 2);
  const Derivation d = derive(p);
  const Stage* f = d.find(StageId::kFlippedKernel);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->shape, (std::vector<int64_t>{2, 2, 2}));
  // w = 1..8: w[0][0] = (1,2), w[1][0] = (3,4), w[2][0] = (5,6), w[3][0] = (7,8).
  EXPECT_EQ(flat_values(*f), (std::vector<double>{2, 1, 4, 3, 6, 5, 8, 7}));
}

TEST(LayerDerivation, RefusesBrokenLayers) {
  Params p = layer(2, {axis(2, 2), axis(2, 2)}, 3, 2, 2);
  EXPECT_THROW(derive(p), Error);  // 2 does not divide 3
  p = layer(2, {axis(2, 2), axis(2, 2)}, 2, 2, 1);
  p.bias = std::vector<double>{1};
  EXPECT_THROW(derive(p), Error);  // one bias value for two output channels
  p.bias.reset();
  p.kernel = {1, 2, 3, 4};  // needs 2 * 2 * 4 = 16
  EXPECT_THROW(derive(p), Error);
  p = layer(2, {axis(2, 2), axis(2, 2)}, 0, 2, 1);
  EXPECT_THROW(derive(p), Error);
  p = layer(2, {axis(2, 2), axis(2, 2)}, 2, 2, 1);
  p.dims = 4;
  EXPECT_THROW(derive(p), Error);
  DeriveOptions symbolic;
  symbolic.symbolic = true;
  EXPECT_THROW(derive(layer(2, {axis(2, 2), axis(2, 2)}, 2, 2, 1), symbolic), Error);
}

TEST(LayerDerivation, OneChannelStagesCarryTheirShape) {
  const Derivation d = derive(square_params(1, 3, 2, 2, 1));
  EXPECT_EQ(d.find(StageId::kKernel)->shape, (std::vector<int64_t>{2}));
  EXPECT_EQ(d.find(StageId::kConvMatrix)->shape, (std::vector<int64_t>{3, 6}));
  EXPECT_EQ(d.find(StageId::kOutput)->shape, (std::vector<int64_t>{4}));
  EXPECT_TRUE(d.find(StageId::kOutput)->slices.empty());
}

}  // namespace
}  // namespace convt
