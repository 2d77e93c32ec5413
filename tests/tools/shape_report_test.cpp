// convt shape (shape_report.h): the sizes of a layer against hand-worked values, PyTorch's
// fixture sizes and brute force, the sizes that map back under the forward convolution, what
// output_padding or another padding reaches, and its errors (explain's).
#include "convt/shape_report.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "convt/derivation.h"
#include "convt/error.h"
#include "convt/render.h"
#include "convt/render_shape_tools.h"
#include "error_text.h"
#include "forward_size.h"
#include "params_of.h"
#include "pytorch_fixture.h"
#include "reference_conv.h"

namespace {

using convt::testing::params_of;

using convt::AxisParams;
using convt::Params;
using convt::testing::brute_forward_size;
using convt::testing::error_text;
using convt::testing::reference_output_size;
using nlohmann::json;

TEST(ShapeReport, ArticleCasesGiveTheArticlesSizes) {
  // The article's four cases (k, s, p, n), hand-worked with m = (n-1)s - 2p + k.
  struct Case {
    int64_t k, s, p, n, m;
  };
  for (const Case& c :
       {Case{2, 1, 0, 2, 3}, Case{2, 1, 1, 4, 3}, Case{3, 1, 1, 3, 3}, Case{2, 2, 1, 2, 2}}) {
    convt::ShapeReport r = convt::shape_report(convt::square_params(2, c.n, c.k, c.s, c.p));
    EXPECT_EQ(r.output_size(), (std::vector<int64_t>{c.m, c.m})) << c.k << c.s << c.p << c.n;
  }
}

TEST(ShapeReport, StrideTwoArticleCaseListsBothSizesThatMapBack) {
  // k=2, s=2, p=1: the forward conv maps 2 and 3 to 2 (floor((2+2-2)/2)+1 = floor((3+2-2)/2)+1
  // = 2), so a 3 x 3 input of the conv comes back as 2 x 2.
  convt::ShapeReport r = convt::shape_report(convt::square_params(2, 2, 2, 2, 1));
  const convt::ShapeAxis& a = r.axes[0];
  EXPECT_EQ(a.base, 2);
  EXPECT_EQ(a.back_first, 2);
  EXPECT_EQ(a.back_last, 3);
  ASSERT_EQ(a.listed.size(), 2u);
  EXPECT_EQ(a.listed[1].size, 3);
  EXPECT_EQ(a.listed[1].n, 2);
  const std::string text = convt::render_shape(r, convt::ToolFormat::kText, {});
  EXPECT_NE(text.find("    2 -> floor((2 + 2*1 - 2)/2) + 1 = 2  <- m\n"
                      "    3 -> floor((3 + 2*1 - 2)/2) + 1 = 2\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("a forward input of size 3 comes back as 2 unless output_padding = 1"),
            std::string::npos)
      << text;
}

TEST(ShapeReport, SizesEqualPyTorchForEveryFixtureCase) {
  const json& cases = convt::testing::fixture_cases();  // throws (fails) without the fixtures
  for (size_t i = 0; i < cases.size(); ++i) {
    const json& c = cases[i];
    Params p = convt::testing::fixture_params(c);
    p.kernel.clear();  // the sizes alone
    p.input.clear();
    convt::ShapeReport r = convt::shape_report(p);
    EXPECT_EQ(r.output_size(), convt::testing::fixture_ints(c, "output_shape"))
        << convt::testing::describe_fixture(c, i);
    EXPECT_EQ(r.full_size(), convt::testing::fixture_ints(c, "full_shape"))
        << convt::testing::describe_fixture(c, i);
  }
}

TEST(ShapeReport, ForwardSizeMatchesBruteForce) {
  for (int64_t k = 1; k <= 5; ++k)
    for (int64_t s = 1; s <= 4; ++s)
      for (int64_t p = 0; p <= 3; ++p)
        for (int64_t d = 1; d <= 3; ++d)
          for (int64_t size = 1; size <= 20; ++size) {
            const AxisParams a{1, k, s, p, d, 0};
            const int64_t brute = brute_forward_size(a, size);
            const auto got = convt::forward_conv_size(a, size);
            if (brute == 0)
              EXPECT_FALSE(got.has_value()) << k << s << p << d << " size " << size;
            else
              EXPECT_EQ(got, brute) << k << s << p << d << " size " << size;
          }
}

TEST(ShapeReport, MapsBackRangeIsExactlyTheSizesTheConvMapsToN) {
  // Every size in [back_first, back_last] maps to n and the neighbours outside do not.
  for (int64_t n = 1; n <= 6; ++n)
    for (int64_t k = 1; k <= 5; ++k)
      for (int64_t s = 1; s <= 4; ++s)
        for (int64_t p = 0; p <= 2; ++p)
          for (int64_t d = 1; d <= 2; ++d) {
            const AxisParams a{n, k, s, p, d, 0};
            if (reference_output_size(a) < 1) continue;
            const convt::ShapeAxis r = convt::shape_report(params_of({a})).axes[0];
            for (int64_t size = 1; size <= r.back_last + 3; ++size) {
              const bool inside = size >= r.back_first && size <= r.back_last;
              EXPECT_EQ(brute_forward_size(a, size) == n, inside)
                  << "n=" << n << " k=" << k << " s=" << s << " p=" << p << " d=" << d
                  << " size=" << size;
            }
          }
}

TEST(ShapeReport, ClaimNamesTheOutputPaddingOrAnotherPadding) {
  // k=3, s=2, p=1, n=16: m = 15*2 - 2 + 3 = 31, so 32 needs output_padding 1.
  Params p = convt::square_params(1, 16, 3, 2, 1);
  convt::ShapeReport r = convt::shape_report(p, {{32}, false});
  ASSERT_TRUE(r.axes[0].claim);
  EXPECT_TRUE(r.axes[0].claim->reachable);
  EXPECT_EQ(r.axes[0].claim->op, 1);
  EXPECT_EQ(r.axes[0].claim->forward, 16);
  // 33 = F = 15*2 + 3: not with p = 1, but p = 0, output_padding = 0 gives it.
  r = convt::shape_report(p, {{33}, false});
  EXPECT_FALSE(r.axes[0].claim->reachable);
  EXPECT_EQ(r.axes[0].claim->other_p, 0);
  EXPECT_EQ(r.axes[0].claim->other_op, 0);
  // 40 > F + 1: no padding of this k, s, d reaches it.
  r = convt::shape_report(p, {{40}, false});
  EXPECT_FALSE(r.axes[0].claim->reachable);
  EXPECT_FALSE(r.axes[0].claim->other_p.has_value());
  const std::string text = convt::render_shape(r, convt::ToolFormat::kText, {});
  EXPECT_NE(text.find("m = 40 is not reachable with p = 1: output_padding 0 to 1 gives 31 to 32."),
            std::string::npos)
      << text;
}

TEST(ShapeReport, ErrorsAreExplainsErrors) {
  // The same rules and words as explain (derive -> validate_params), whichever axis breaks them.
  const AxisParams ok{2, 2, 2, 0, 1, 0}, no_output{2, 2, 2, 3, 1, 0}, bad_op{2, 3, 2, 0, 1, 2};
  for (const Params& p :
       {params_of({no_output}), params_of({bad_op}), params_of({no_output, no_output}),
        params_of({ok, no_output}), params_of({bad_op, ok}), params_of({no_output, bad_op})}) {
    const std::string shape_error = error_text([&] { convt::shape_report(p); });
    EXPECT_NE(shape_error, "<no error>");
    EXPECT_EQ(shape_error, error_text([&] { convt::derive(p); }));
  }
  EXPECT_EQ(error_text([&] {
              convt::shape_report(params_of({ok, no_output}));
            }),
            "--p: padding 3 (cols) leaves no output: m = (2-1)*2 - 2*3 + 2 = (-2) < 1; the "
            "largest padding that works here is 1");
}

TEST(ShapeReport, LargeSizesNeedNoGrids) {
  // explain refuses these (its grids would be too large); the arithmetic alone is fine.
  convt::ShapeReport r = convt::shape_report(convt::square_params(2, 100000, 4, 2, 1));
  EXPECT_EQ(r.output_size(), (std::vector<int64_t>{200000, 200000}));
}

}  // namespace
