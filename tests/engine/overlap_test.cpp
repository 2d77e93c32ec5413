// The overlap map (engine/overlap.h): how many products land on each output cell, against
// hand counts and a brute force, when the overlap is even, and the overlap stage of explain.
#include "engine/overlap.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "convt/derivation.h"
#include "convt/messages.h"
#include "convt/shape.h"
#include "params_of.h"
#include "reference_conv.h"

namespace {

using convt::testing::params_of;

using convt::AxisParams;
using convt::Params;
using convt::testing::reference_conv_transpose;
using convt::testing::reference_output_size;

/// The overlap counts of one axis by brute force: the transposed convolution of an all-ones
/// input with an all-ones kernel (reference_conv.h gathers the pairs that land on a cell).
std::vector<int64_t> brute_counts(const AxisParams& a) {
  convt::testing::ReferenceGrid g =
      reference_conv_transpose({a}, std::vector<double>(static_cast<size_t>(a.k), 1.0),
                               std::vector<double>(static_cast<size_t>(a.n), 1.0));
  std::vector<int64_t> out;
  for (double v : g.values) out.push_back(static_cast<int64_t>(v));
  return out;
}

TEST(Overlap, KernelThreeStrideTwoAlternates) {
  // n=3, k=3, s=2: cells 0..6 receive 1 1 2 1 2 1 1 (hand-counted), 2-D products 1, 2, 4.
  const AxisParams a{3, 3, 2, 0, 1, 0};
  const convt::AxisShape shape = convt::axis_shape(a);
  EXPECT_EQ(convt::axis_overlap_counts(shape), (std::vector<int64_t>{1, 1, 2, 1, 2, 1, 1}));
  EXPECT_EQ(brute_counts(a), (std::vector<int64_t>{1, 1, 2, 1, 2, 1, 1}));
  EXPECT_FALSE(convt::even_overlap(a));
  Params p = params_of({a, a});
  convt::Derivation d = convt::derive(p);
  const convt::Stage* stage = d.find(convt::StageId::kOverlap);
  ASSERT_NE(stage, nullptr);
  std::set<double> values;
  for (int64_t r = 0; r < 7; ++r)
    for (int64_t c = 0; c < 7; ++c) values.insert(stage->grid->value(r, c));
  EXPECT_EQ(values, (std::set<double>{1, 2, 4}));
  std::string text;
  for (const convt::Message& m : stage->explanation)
    text += convt::resolve(m, convt::Lang::kEn) + "\n";
  EXPECT_NE(text.find("the kernel size 3 is not divisible by the stride 2"), std::string::npos);
  EXPECT_NE(text.find("1 1 2 1 2 1 1"), std::string::npos);
  EXPECT_NE(text.find("the grid holds 1, 2, 4."), std::string::npos);
}

TEST(Overlap, KernelFourStrideTwoPaddingOneIsUniformFourInside) {
  // n=4, k=4, s=2, p=1: F = 10, counts 1 1 2 2 2 2 2 2 1 1, cropped by 1 at each end.
  const AxisParams a{4, 4, 2, 1, 1, 0};
  EXPECT_EQ(convt::axis_overlap_counts(convt::axis_shape(a)),
            (std::vector<int64_t>{1, 2, 2, 2, 2, 2, 2, 1}));
  EXPECT_TRUE(convt::even_overlap(a));
  convt::Derivation d = convt::derive(params_of({a, a}));
  const convt::Grid& g = *d.find(convt::StageId::kOverlap)->grid;
  for (int64_t r = 1; r + 1 < g.rows(); ++r)
    for (int64_t c = 1; c + 1 < g.cols(); ++c) EXPECT_EQ(g.value(r, c), 4.0) << r << "," << c;
  EXPECT_EQ(g.value(0, 0), 1.0);
  EXPECT_EQ(g.value(0, 3), 2.0);
}

TEST(Overlap, GridEqualsBruteForceCount) {
  // Including dilation, padding that crops real cells and output_padding past the F-grid.
  for (int64_t n = 1; n <= 4; ++n)
    for (int64_t k = 1; k <= 4; ++k)
      for (int64_t s = 1; s <= 3; ++s)
        for (int64_t d = 1; d <= 2; ++d)
          for (int64_t p = 0; p <= 2; ++p)
            for (int64_t op = 0; op < std::max(s, d); ++op) {
              const AxisParams rows{n, k, s, p, d, op};
              const AxisParams cols{n + 1, 5 - k, s, 0, 1, 0};
              if (reference_output_size(rows) < 1) continue;
              const Params params = params_of({rows, cols});
              const convt::Grid g =
                  convt::overlap_grid(params, convt::validate_params(params, convt::Limits{}));
              const auto ones = [](int64_t count) {
                return std::vector<double>(static_cast<size_t>(count), 1.0);
              };
              const convt::testing::ReferenceGrid ref = reference_conv_transpose(
                  {rows, cols}, ones(rows.k * cols.k), ones(rows.n * cols.n));
              ASSERT_EQ(g.rows(), ref.rows);
              ASSERT_EQ(g.cols(), ref.cols);
              for (int64_t r = 0; r < g.rows(); ++r)
                for (int64_t c = 0; c < g.cols(); ++c)
                  ASSERT_EQ(g.value(r, c), ref.value(r, c))
                      << "n=" << n << " k=" << k << " s=" << s << " d=" << d << " p=" << p
                      << " op=" << op << " cell " << r << "," << c;
            }
}

TEST(Overlap, EvenExactlyWhenTheInteriorIsUniform) {
  // The interior (every tap has an input) is uniform iff even_overlap says so.
  for (int64_t k = 1; k <= 8; ++k)
    for (int64_t s = 1; s <= 4; ++s)
      for (int64_t d = 1; d <= 3; ++d) {
        const AxisParams a{30, k, s, 0, d, 0};
        const std::vector<int64_t> counts = brute_counts(a);
        std::set<int64_t> interior;
        for (int64_t i = d * (k - 1); i <= 29 * s; ++i)
          interior.insert(counts[static_cast<size_t>(i)]);
        EXPECT_EQ(interior.size() == 1, convt::even_overlap(a))
            << "k=" << k << " s=" << s << " d=" << d;
        if (d == 1) {
          EXPECT_EQ(convt::even_overlap(a), k % s == 0);
        }
      }
}

TEST(Overlap, StageSitsBetweenOutputAndCheck) {
  const std::vector<convt::StageId> ids = convt::all_stages();
  const auto at = [&](convt::StageId id) {
    return std::find(ids.begin(), ids.end(), id) - ids.begin();
  };
  EXPECT_EQ(at(convt::StageId::kOverlap), at(convt::StageId::kOutput) + 1);
  EXPECT_EQ(at(convt::StageId::kCheck), at(convt::StageId::kOverlap) + 1);
  EXPECT_EQ(convt::stage_name(convt::StageId::kOverlap), "overlap");
  EXPECT_EQ(convt::stage_from_name("overlap"), convt::StageId::kOverlap);
}

}  // namespace
