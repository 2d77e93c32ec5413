// The scatter_stamps stage: one F-grid per input cell that together add up to scatter_output.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "convt/derivation.h"
#include "grid_values.h"
#include "params_of.h"

namespace {

using convt::AxisParams;
using convt::Derivation;
using convt::DeriveOptions;
using convt::Params;
using convt::StageId;
using convt::Stamps;
using convt::testing::params_of;
using convt::testing::values_of;

using Values = std::vector<std::vector<double>>;

const Stamps& stamps_of(const Derivation& d) {
  const convt::Stage* stage = d.find(StageId::kScatterStamps);
  EXPECT_NE(stage, nullptr);
  EXPECT_TRUE(stage->stamps.has_value());
  return *stage->stamps;
}

/// Layers with strides, dilations, paddings and output_padding, 1-D and 2-D, axes alike and not.
std::vector<Params> layers() {
  std::vector<Params> out = {
      convt::square_params(2, 3, 3, 2, 1),
      convt::square_params(2, 2, 2, 2, 1),
      convt::square_params(2, 3, 2, 1, 0, 2),
      convt::square_params(1, 4, 3, 2, 1, 1, 1),
      convt::square_params(1, 3, 2, 1, 0, 3),
      params_of({{2, 3, 2, 1, 1, 0}, {3, 2, 1, 0, 2, 0}}),
      params_of({{1, 1, 1, 0, 1, 0}, {1, 1, 1, 0, 1, 0}}),
  };
  // Mixed signs and fractions, so that a misplaced or missing product cannot cancel out.
  Params mixed = convt::square_params(2, 2, 3, 2, 1, 2, 1);
  mixed.kernel = {1, -2, 0.5, 3, 0, -1, 2, 4, -0.25};
  mixed.input = {2, -3, 0.5, 7};
  out.push_back(mixed);
  return out;
}

TEST(Stamps, OneStampPerInputCellInRowMajorOrder) {
  const Derivation d = convt::derive(params_of({{2, 2, 1, 0, 1, 0}, {3, 2, 1, 0, 1, 0}}));
  const Stamps& stamps = stamps_of(d);
  ASSERT_EQ(stamps.count(), 6);
  EXPECT_EQ(stamps.cell(0), (std::vector<int64_t>{0, 0}));
  EXPECT_EQ(stamps.cell(2), (std::vector<int64_t>{0, 2}));
  EXPECT_EQ(stamps.cell(4), (std::vector<int64_t>{1, 1}));
  EXPECT_EQ(stamps.x(4), 5.0);  // the default input 1..6
  EXPECT_EQ(stamps.stamp(4).cell, (std::vector<int64_t>{1, 1}));
  EXPECT_EQ(stamps.stamp(4).x, 5.0);
  const Derivation d1 = convt::derive(convt::square_params(1, 3, 2));
  const Stamps& one_d = stamps_of(d1);
  EXPECT_EQ(one_d.cell(2), (std::vector<int64_t>{2}));
}

TEST(Stamps, AddUpToTheScatterOutput) {
  for (const Params& params : layers()) {
    const Derivation d = convt::derive(params);
    SCOPED_TRACE(testing::Message() << "n=" << params.axes[0].n << " k=" << params.axes[0].k
                                    << " dims=" << params.dims);
    const Stamps& stamps = stamps_of(d);
    const convt::Grid& scatter = *d.find(StageId::kScatterOutput)->grid;
    ASSERT_EQ(stamps.rows(), scatter.rows());
    ASSERT_EQ(stamps.cols(), scatter.cols());
    Values sum(static_cast<size_t>(scatter.rows()),
               std::vector<double>(static_cast<size_t>(scatter.cols()), 0.0));
    for (int64_t i = 0; i < stamps.count(); ++i) {
      const Values v = values_of(stamps.stamp(i).values);
      for (size_t r = 0; r < v.size(); ++r)
        for (size_t c = 0; c < v[r].size(); ++c) sum[r][c] += v[r][c];
    }
    // The values are exact in binary (integers, halves, quarters), so the sums are too.
    EXPECT_EQ(sum, values_of(scatter));
  }
}

TEST(Stamps, EachIsTheMatrixRouteOfItsInputCellAlone) {
  // An independent route: the stamp of cell i is C^T applied to the input that keeps x_i and
  // zeroes every other cell (the linearity of the transposed convolution).
  for (const Params& params : layers()) {
    const Derivation d = convt::derive(params);
    const Stamps& stamps = stamps_of(d);
    for (int64_t i = 0; i < stamps.count(); ++i) {
      SCOPED_TRACE(testing::Message()
                   << "dims=" << params.dims << " n=" << params.axes[0].n << " stamp " << i);
      Params alone = params;
      alone.input.assign(static_cast<size_t>(stamps.count()), 0.0);
      alone.input[static_cast<size_t>(i)] = stamps.x(i);
      DeriveOptions options;
      options.stages = {StageId::kMatrixOutput};
      const Derivation one = convt::derive(alone, options);
      EXPECT_EQ(values_of(stamps.stamp(i).values), values_of(*one.stages[0].grid));
    }
  }
}

TEST(Stamps, WorkedByHandTwoByTwoStrideTwo) {
  // k=2, s=2, n=2: F = (2-1)*2 + 2 = 4. Input cell (0,1) holds x = 2, so its stamp is 2*w with
  // its corner at (0*2, 1*2) = (0,2).
  Params params = convt::square_params(2, 2, 2, 2);
  params.kernel = {1, 2, 3, 4};
  params.input = {1, 2, 3, 4};
  const Derivation d = convt::derive(params);
  const Stamps& stamps = stamps_of(d);
  ASSERT_EQ(stamps.count(), 4);
  EXPECT_EQ(values_of(stamps.stamp(1).values),
            (Values{{0, 0, 2, 4}, {0, 0, 6, 8}, {0, 0, 0, 0}, {0, 0, 0, 0}}));
  EXPECT_EQ(values_of(stamps.stamp(2).values),
            (Values{{0, 0, 0, 0}, {0, 0, 0, 0}, {3, 6, 0, 0}, {9, 12, 0, 0}}));
  EXPECT_EQ(stamps.tap_at(1, 1, 3), 3);   // w[1][1] lands on (0+1, 2+1)
  EXPECT_EQ(stamps.tap_at(1, 1, 1), -1);  // left of the stamp
  EXPECT_EQ(stamps.nonzeros(), 16);
}

TEST(Stamps, WorkedByHandDilatedOneD) {
  // 1-D k=2, d=2, s=1, n=2, w = [1, -1], x = [3, 5]: F = (2-1)*1 + 2*(2-1) + 1 = 4. Stamp a
  // starts at a*1, taps 2 apart: x(0) at 0 and 2, x(1) at 1 and 3.
  Params params = convt::square_params(1, 2, 2, 1, 0, 2);
  params.kernel = {1, -1};
  params.input = {3, 5};
  const Derivation d = convt::derive(params);
  const Stamps& stamps = stamps_of(d);
  EXPECT_EQ(values_of(stamps.stamp(0).values), (Values{{3, 0, -3, 0}}));
  EXPECT_EQ(values_of(stamps.stamp(1).values), (Values{{0, 5, 0, -5}}));
  EXPECT_EQ(stamps.tap_at(1, 0, 2), -1);  // between the taps of stamp 1
  EXPECT_EQ(stamps.tap_at(1, 0, 3), 1);
  EXPECT_EQ(values_of(*d.find(StageId::kScatterOutput)->grid), (Values{{3, 5, -3, -5}}));
}

TEST(Stamps, ForEachTapVisitsExactlyTheNonZeroCellsOfTheBuiltStamp) {
  for (const Params& params : layers()) {
    const Derivation d = convt::derive(params);
    const Stamps& stamps = stamps_of(d);
    for (int64_t i = 0; i < stamps.count(); ++i) {
      const convt::Grid built = stamps.stamp(i).values;
      int64_t visited = 0;
      stamps.for_each_tap(i, [&](int64_t r, int64_t c, double v, int64_t tap) {
        EXPECT_EQ(built.value(r, c), v);
        EXPECT_EQ(stamps.tap_at(i, r, c), tap);
        ++visited;
      });
      EXPECT_EQ(visited, stamps.kernel().cells());
    }
  }
}

TEST(Stamps, SymbolicStampsHoldOneProductPerReachedCell) {
  DeriveOptions options;
  options.symbolic = true;
  const Derivation d = convt::derive(convt::square_params(2, 2, 2, 2), options);
  const Stamps& stamps = stamps_of(d);
  ASSERT_TRUE(stamps.symbolic());
  const convt::Grid g = stamps.stamp(1).values;  // input cell (0,1) = x_1
  ASSERT_TRUE(g.symbolic());
  EXPECT_EQ(g.expr(1, 3), (convt::Expr{{1, 3}}));  // x01 * w11
  EXPECT_EQ(d.symbols->text(g.expr(0, 2), convt::Notation::kAscii), "x01*w00");
  EXPECT_TRUE(g.expr(0, 0).empty());  // not reached: 0
}

TEST(Stamps, StageCanBeSelectedAloneAndHoldsNoGrid) {
  DeriveOptions options;
  options.stages = {StageId::kScatterStamps};
  const Derivation d = convt::derive(convt::square_params(2, 3, 3, 2, 1), options);
  ASSERT_EQ(d.stages.size(), 1u);
  EXPECT_EQ(d.stages[0].id, StageId::kScatterStamps);
  EXPECT_FALSE(d.stages[0].grid.has_value());
  ASSERT_TRUE(d.stages[0].stamps.has_value());
  EXPECT_EQ(d.stages[0].stamps->count(), 9);
  EXPECT_EQ(d.stages[0].stamps->total_cells(), 9 * 7 * 7);
  EXPECT_TRUE(d.passed);
}

}  // namespace
