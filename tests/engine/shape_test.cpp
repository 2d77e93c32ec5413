// The shape arithmetic of a layer (shape.h): the sizes of every axis, and the rules of
// validate_params that involve several fields or the size limits, with their exact messages.
#include "convt/shape.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "convt/derivation.h"
#include "error_text.h"
#include "params_of.h"

namespace {

using convt::testing::params_of;

using convt::AxisParams;
using convt::DeriveOptions;
using convt::Params;
using convt::testing::error_text;

std::string derive_error(const Params& p, const convt::Limits& limits = {}) {
  return error_text([&] { convt::derive(p, DeriveOptions{limits, {}}); });
}

TEST(ValidateParams, ReturnsTheShapeOfEveryAxis) {
  // rows: n=2, k=3, s=2, p=1, d=2, op=1; cols: n=3, k=2 (worked by hand below).
  const std::vector<convt::AxisShape> shapes =
      convt::validate_params(params_of({{2, 3, 2, 1, 2, 1}, {3, 2, 1, 0, 1, 0}}), convt::Limits{});
  ASSERT_EQ(shapes.size(), 2u);
  EXPECT_EQ(shapes[0].inserted, 3);   // (2-1)*2 + 1
  EXPECT_EQ(shapes[0].pad, 4);        // 2*(3-1)
  EXPECT_EQ(shapes[0].dilated_k, 5);  // 2*(3-1) + 1
  EXPECT_EQ(shapes[0].full, 7);       // (2-1)*2 + 2*(3-1) + 1
  EXPECT_EQ(shapes[0].padded, 11);    // 3 + 2*4
  EXPECT_EQ(shapes[0].output, 6);     // 7 - 2*1 + 1
  EXPECT_EQ(shapes[1].inserted, 3);
  EXPECT_EQ(shapes[1].pad, 1);
  EXPECT_EQ(shapes[1].dilated_k, 2);
  EXPECT_EQ(shapes[1].full, 4);
  EXPECT_EQ(shapes[1].padded, 5);
  EXPECT_EQ(shapes[1].output, 4);
  EXPECT_EQ(convt::size_text({6, 4}), "6 x 4");
  EXPECT_EQ(convt::size_text({5}), "5");
}

TEST(ValidateParams, NoOutputNamesPaddingAndTheLargestThatWorks) {
  EXPECT_EQ(derive_error(convt::square_params(1, 1, 3, 1, 3)),
            "--p: padding 3 leaves no output: m = (1-1)*1 - 2*3 + 3 = (-3) < 1; the largest "
            "padding that works here is 1");
  EXPECT_EQ(derive_error(convt::square_params(1, 2, 2, 2, 3, 2, 1)),
            "--p: padding 3 leaves no output: m = (2-1)*2 - 2*3 + 2*(2-1) + 1 + 1 = 0 < 1; the "
            "largest padding that works here is 2");
  EXPECT_EQ(derive_error(params_of({{3, 3, 1, 1, 1, 0}, {1, 3, 1, 3, 1, 0}})),
            "--p: padding 3 (cols) leaves no output: m = (1-1)*1 - 2*3 + 3 = (-3) < 1; the "
            "largest padding that works here is 1");
}

TEST(ValidateParams, LargestWorkingPaddingIsExact) {
  // For every small axis: the padding the message proposes works, one more does not.
  for (int64_t n = 1; n <= 3; ++n)
    for (int64_t k = 1; k <= 3; ++k)
      for (int64_t s = 1; s <= 3; ++s)
        for (int64_t dil = 1; dil <= 2; ++dil)
          for (int64_t op = 0; op < std::max(s, dil); ++op) {
            const AxisParams a{n, k, s, 0, dil, op};
            const int64_t largest = convt::largest_working_padding(convt::axis_shape(a));
            Params works = params_of({{n, k, s, largest, dil, op}});
            EXPECT_EQ(derive_error(works), "<no error>");
            const std::string refused = derive_error(params_of({{n, k, s, largest + 1, dil, op}}));
            EXPECT_NE(
                refused.find("the largest padding that works here is " + std::to_string(largest)),
                std::string::npos)
                << refused;
          }
}

TEST(ValidateParams, OutputPaddingMustBeBelowMaxOfStrideAndDilation) {
  EXPECT_EQ(derive_error(convt::square_params(1, 3, 3, 2, 0, 1, 2)),
            "--op: output_padding 2 must be smaller than max(stride, dilation) = 2: it only "
            "picks among the output sizes that all map back to n = 3 under the forward "
            "convolution");
  EXPECT_EQ(derive_error(params_of({{4, 3, 1, 0, 1, 1}, {4, 3, 1, 0, 1, 0}})),
            "--op: output_padding 1 (rows) must be smaller than max(stride, dilation) = 1: it "
            "only picks among the output sizes that all map back to n = 4 under the forward "
            "convolution");
  // Dilation raises the limit: op = 2 with s = 1, d = 3 is legal.
  EXPECT_EQ(derive_error(convt::square_params(1, 3, 3, 1, 0, 3, 2)), "<no error>");
  EXPECT_EQ(derive_error(convt::square_params(1, 3, 3, 1, 0, 3, 3)),
            "--op: output_padding 3 must be smaller than max(stride, dilation) = 3: it only "
            "picks among the output sizes that all map back to n = 3 under the forward "
            "convolution");
}

TEST(ValidateParams, CustomValueCountsMustMatchTheShape) {
  Params p = params_of({{2, 3, 1, 0, 1, 0}, {2, 2, 1, 0, 1, 0}});
  p.kernel = {1, 2, 3, 4};
  EXPECT_EQ(derive_error(p), "--kernel: needs 6 values (k = 3 x 2), got 4");
  p.kernel = {1, 2, 3, 4, 5, 6};
  p.input = {1, 2};
  EXPECT_EQ(derive_error(p), "--input: needs 4 values (n = 2 x 2), got 2");
  Params one = convt::square_params(1, 4, 2);
  one.input = {1, 2, 3};
  EXPECT_EQ(derive_error(one), "--input: needs 4 values (n = 4), got 3");
}

TEST(ValidateParams, ValuesWhoseSumsCouldOverflowAreRefused) {
  Params p = convt::square_params(1, 1, 1);
  p.kernel = {1e200};
  p.input = {-1e200};
  EXPECT_EQ(derive_error(p),
            "--kernel/--input: values too large: a sum of products would overflow a double");
}

TEST(ValidateParams, DimsMustBeOneTwoOrThree) {
  Params p = convt::square_params(2, 2, 2);
  p.dims = 4;
  EXPECT_EQ(derive_error(p).rfind("--dims: ", 0), 0u);
  EXPECT_NE(derive_error(p).find("'4'"), std::string::npos);
  p.dims = 3;  // three axes need three values per size
  EXPECT_EQ(derive_error(p), "--dims: 3 axes need 3 values per size, got 2");
}

TEST(ValidateParams, SizeLimitCountsTheEntriesOfEachStage) {
  convt::Limits limits;
  limits.max_cells = 10;  // at most 80 non-zeros of C, 20 cells of every dense stage
  // C of n=3, k=3 holds 9 x 9 = 81 non-zeros.
  EXPECT_EQ(derive_error(convt::square_params(2, 3, 3), limits),
            "--n/--k/--s/--d: stage 'conv_matrix' would hold 81 entries, over the limit of 80 "
            "(8 x --max-cells 10); use smaller sizes or raise --max-cells");
  // 2 x 2 with k = 2: C holds 16 non-zeros, the F-grid 9 cells, the padded input 16: all fit.
  EXPECT_EQ(derive_error(convt::square_params(2, 2, 2), limits), "<no error>");
  // A wide dilation makes the F-grid the largest stage: F = 99*100 + 1 = 9901.
  EXPECT_EQ(derive_error(convt::square_params(1, 1, 100, 1, 0, 100), convt::Limits{1000}),
            "--n/--k/--s/--d: stage 'matrix_output' would hold 9901 entries, over the limit of "
            "2000 (2 x --max-cells 1000); use smaller sizes or raise --max-cells");
}

TEST(ValidateParams, HugeSizesAreRefusedBeforeAnythingIsAllocated) {
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(derive_error(convt::square_params(1, 2000000000, 3)),
            "--n/--k/--s/--d: stage 'conv_matrix' would hold 6000000000 entries, over the limit "
            "of 8000000 (8 x --max-cells 1000000); use smaller sizes or raise --max-cells");
  EXPECT_EQ(derive_error(convt::square_params(2, 2000000000, 3)),
            "--n/--k/--s/--d: sizes too large: the non-zeros of C does not fit in 64 bits");
  EXPECT_EQ(
      derive_error(convt::square_params(1, 2147483647, 2147483647, 2147483647, 0, 2147483647)),
      "--n/--k/--s/--d: sizes too large: the padded input does not fit in 64 bits");
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 0.5);
}

TEST(ValidateParams, SizesNearTheParsingLimitDoNotOverflowSilently) {
  // n = s = 2^31-1 on both axes: every axis fits in 64 bits, their product does not.
  const std::string e = derive_error(convt::square_params(2, 2147483647, 1, 2147483647));
  EXPECT_NE(e.find("does not fit in 64 bits"), std::string::npos) << e;
}

}  // namespace
