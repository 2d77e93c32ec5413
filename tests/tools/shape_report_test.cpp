// The shape tools against hand-worked values, PyTorch's fixture sizes and brute force: the shape
// report and its forward-convolution check, solve, chain and its layer tokens, the overlap map,
// and the TensorFlow/Keras comparison.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "convt/chain.h"
#include "convt/derivation.h"
#include "convt/error.h"
#include "engine/overlap.h"
#include "convt/render_shape_tools.h"
#include "tools/tool_output.h"
#include "convt/shape_report.h"
#include "convt/solve.h"
#include "convt/tf_compare.h"
#include "error_text.h"
#include "reference_conv.h"

namespace {

using convt::AxisParams;
using convt::Params;
using convt::testing::error_text;
using convt::testing::reference_conv_transpose;
using convt::testing::reference_output_size;
using nlohmann::json;

Params params_of(std::vector<AxisParams> axes) {
  Params p;
  p.dims = static_cast<int>(axes.size());
  p.axes = std::move(axes);
  return p;
}

/// The forward convolution's output size by brute force: the number of window positions
/// i = 0, 1, ... whose last tap i*s + d(k-1) still lies inside the padded input of size + 2p.
int64_t brute_forward_size(const AxisParams& a, int64_t size) {
  int64_t count = 0;
  for (int64_t i = 0; i * a.s + a.d * (a.k - 1) <= size + 2 * a.p - 1; ++i) ++count;
  return count;
}

/// The overlap counts of one axis by brute force: the transposed convolution of an all-ones
/// input with an all-ones kernel (tests/reference_conv.h gathers the pairs that land on a cell).
std::vector<int64_t> brute_counts(const AxisParams& a) {
  convt::testing::ReferenceGrid g =
      reference_conv_transpose({a}, std::vector<double>(static_cast<size_t>(a.k), 1.0),
                               std::vector<double>(static_cast<size_t>(a.n), 1.0));
  std::vector<int64_t> out;
  for (double v : g.values) out.push_back(static_cast<int64_t>(v));
  return out;
}

std::tuple<int64_t, int64_t, int64_t, int64_t, int64_t> kspdo(const AxisParams& a) {
  return {a.k, a.s, a.p, a.d, a.op};
}

// --- convt shape -----------------------------------------------------------------------------

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
  std::ifstream in(std::string(CONVT_FIXTURES_DIR) + "/pytorch_cases.json");
  ASSERT_TRUE(in);
  const json cases = json::parse(in).at("cases");
  for (const json& c : cases) {
    Params p;
    p.dims = c.at("dims").get<int>();
    p.axes.clear();
    const auto n = c.at("n").get<std::vector<int64_t>>(), k = c.at("k").get<std::vector<int64_t>>(),
               s = c.at("s").get<std::vector<int64_t>>(),
               pad = c.at("p").get<std::vector<int64_t>>(),
               d = c.at("d").get<std::vector<int64_t>>(),
               op = c.at("op").get<std::vector<int64_t>>();
    for (size_t i = 0; i < n.size(); ++i) p.axes.push_back({n[i], k[i], s[i], pad[i], d[i], op[i]});
    convt::ShapeReport r = convt::shape_report(p);
    EXPECT_EQ(r.output_size(), c.at("output_shape").get<std::vector<int64_t>>()) << c.dump();
    EXPECT_EQ(r.full_size(), c.at("full_shape").get<std::vector<int64_t>>()) << c.dump();
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

// --- The overlap map -----------------------------------------------------------------------------

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
              const convt::Grid g = convt::overlap_grid(params, convt::validate_sizes(params));
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

// --- convt solve -----------------------------------------------------------------------------

convt::SolveQuery query(int64_t n, int64_t m, int dims = 2) {
  convt::SolveQuery q;
  q.dims = dims;
  q.n.assign(static_cast<size_t>(dims), n);
  q.m.assign(static_cast<size_t>(dims), m);
  return q;
}

TEST(Solve, SixteenToThirtyTwoHasTheClassicLayers) {
  convt::SolveResult r = convt::solve(query(16, 32));
  std::vector<std::tuple<int64_t, int64_t, int64_t, int64_t, int64_t>> found;
  for (const convt::Solution& s : r.solutions) {
    ASSERT_EQ(s.axes.size(), 2u);
    EXPECT_EQ(s.axes[0], s.axes[1]);
    found.push_back(kspdo(s.axes[0]));
  }
  const auto has = [&](std::tuple<int64_t, int64_t, int64_t, int64_t, int64_t> t) {
    return std::find(found.begin(), found.end(), t) != found.end();
  };
  EXPECT_TRUE(has({4, 2, 1, 1, 0}));                         // (16-1)*2 - 2 + 4 = 32
  EXPECT_TRUE(has({3, 2, 1, 1, 1}));                         // (16-1)*2 - 2 + 3 + 1 = 32
  EXPECT_EQ(found.front(), std::make_tuple(2, 2, 0, 1, 0));  // no padding: the simplest
  for (const convt::Solution& s : r.solutions)
    if (kspdo(s.axes[0]) == std::make_tuple(4, 2, 1, 1, 0)) {
      EXPECT_TRUE(s.even);
      EXPECT_EQ(convt::torch_module_call(s.axes, true),
                "nn.ConvTranspose2d(1, 1, kernel_size=4, stride=2, padding=1)");
      EXPECT_EQ(convt::torch_module_call(s.axes, false),
                "nn.Conv2d(1, 1, kernel_size=4, stride=2, padding=1)");
    } else if (kspdo(s.axes[0]) == std::make_tuple(3, 2, 1, 1, 1)) {
      EXPECT_FALSE(s.even);
      EXPECT_EQ(convt::torch_module_call(s.axes, true),
                "nn.ConvTranspose2d(1, 1, kernel_size=3, stride=2, padding=1, output_padding=1)");
    }
}

TEST(Solve, FindsExactlyTheLayersABruteForceSearchFinds) {
  for (auto [n, m] : {std::pair<int64_t, int64_t>{16, 32}, {1, 4}, {7, 14}, {5, 3}, {64, 63}}) {
    std::set<std::tuple<int64_t, int64_t, int64_t, int64_t, int64_t>> brute, got;
    for (int64_t k = 1; k <= 7; ++k)
      for (int64_t s = 1; s <= 4; ++s)
        for (int64_t d = 1; d <= (k == 1 ? 1 : 2); ++d)
          for (int64_t op = 0; op < std::max(s, d); ++op)
            for (int64_t p = 0; p <= 300; ++p)
              if (reference_output_size({n, k, s, p, d, op}) == m) brute.insert({k, s, p, d, op});
    const convt::SolveResult r = convt::solve(query(n, m, 1));
    for (const convt::Solution& s : r.solutions) {
      got.insert(kspdo(s.axes[0]));
      EXPECT_EQ(s.output[0], m);
      // The forward conv maps m back to n exactly when output_padding < stride.
      EXPECT_EQ(brute_forward_size(s.axes[0], m) == n, s.maps_back);
      EXPECT_EQ(s.maps_back, s.axes[0].op < s.axes[0].s);
    }
    EXPECT_EQ(got, brute) << n << " -> " << m;
    EXPECT_EQ(got.size(), r.solutions.size()) << "no duplicates";
  }
}

TEST(Solve, FiltersNarrowTheList) {
  convt::SolveQuery q = query(16, 32);
  q.k = {4, 4};
  q.s = {2, 2};
  convt::SolveResult r = convt::solve(q);
  // d=1: 30 - 2p + 3 + op + 1 = 32 -> p=1, op=0; d=2: 30 - 2p + 6 + op + 1 = 32 -> p=3, op=1.
  ASSERT_EQ(r.solutions.size(), 2u);
  EXPECT_EQ(kspdo(r.solutions[0].axes[0]), std::make_tuple(4, 2, 1, 1, 0));
  EXPECT_EQ(kspdo(r.solutions[1].axes[0]), std::make_tuple(4, 2, 3, 2, 1));
  q = query(16, 32);
  q.even_only = true;
  r = convt::solve(q);
  ASSERT_FALSE(r.solutions.empty());
  for (const convt::Solution& s : r.solutions) {
    EXPECT_TRUE(s.even);
    EXPECT_EQ(s.axes[0].k % s.axes[0].s, 0);
  }
}

TEST(Solve, NoSolutionShowsTheNearestReachableSizes) {
  // The largest size from 16 in the box: k=7, s=4, d=2, op=3, p=0: 15*4 + 2*6 + 1 + 3 = 76.
  convt::SolveResult r = convt::solve(query(16, 5000));
  EXPECT_TRUE(r.solutions.empty());
  ASSERT_EQ(r.nearest.size(), 1u);
  ASSERT_TRUE(r.nearest[0].below);
  EXPECT_EQ(r.nearest[0].below->size, 76);
  EXPECT_EQ(reference_output_size(r.nearest[0].below->example), 76);
  EXPECT_FALSE(r.nearest[0].above);
  // k=3, s=1, d=1 from 4: m = 3 - 2p + 3 = 6, 4, 2: 3 lies between 2 and 4.
  convt::SolveQuery q = query(4, 3, 1);
  q.k = {3};
  q.s = {1};
  q.max_d = 1;
  r = convt::solve(q);
  EXPECT_TRUE(r.solutions.empty());
  ASSERT_EQ(r.nearest.size(), 1u);
  EXPECT_EQ(r.nearest[0].below->size, 2);
  EXPECT_EQ(r.nearest[0].above->size, 4);
  const std::string text = convt::render_solve(r, convt::ToolFormat::kText, {});
  EXPECT_NE(text.find("  No layer in the search box maps 4 to 3.\n"
                      "  Nearest reachable size below: 2, e.g. k=3, s=1, p=2, d=1, op=0.\n"
                      "  Nearest reachable size above: 4, e.g. k=3, s=1, p=1, d=1, op=0.\n"),
            std::string::npos)
      << text;
}

TEST(Solve, AxesThatDifferArePairedPerAxis) {
  convt::SolveQuery q;
  q.n = {16, 8};
  q.m = {32, 16};
  q.k = {4, 4};
  q.s = {2, 2};
  q.max_d = 1;
  convt::SolveResult r = convt::solve(q);
  EXPECT_FALSE(r.same_axes);
  ASSERT_EQ(r.solutions.size(), 1u);
  EXPECT_EQ(r.solutions[0].output, (std::vector<int64_t>{32, 16}));
  EXPECT_EQ(convt::torch_module_call(r.solutions[0].axes, true),
            "nn.ConvTranspose2d(1, 1, kernel_size=4, stride=2, padding=1)");
  q.k = {4, 3};
  q.m = {32, 15};  // cols: 7*2 - 2p + 3 + op = 15 -> p=1, op=0 (d = 1)
  r = convt::solve(q);
  ASSERT_EQ(r.solutions.size(), 1u);
  EXPECT_EQ(convt::torch_module_call(r.solutions[0].axes, true),
            "nn.ConvTranspose2d(1, 1, kernel_size=(4, 3), stride=2, padding=1)");
}

TEST(Solve, RefusesFiltersOutsideTheBoxLimits) {
  convt::SolveQuery q = query(16, 32);
  q.k = {65, 65};
  EXPECT_EQ(error_text([&] { convt::solve(q); }),
            "--k: kernel size must be a whole number from 1 to 64, got '65'");
}

TEST(Solve, IsInstantForSizesUpTo4096) {
  // 4096 queries spread over n, m <= 4096; the search does not depend on n and m.
  const auto start = std::chrono::steady_clock::now();
  size_t total = 0;
  for (int64_t i = 0; i < 64; ++i)
    for (int64_t j = 0; j < 64; ++j)
      total += convt::solve(query(1 + i * 65, 1 + j * 65)).solutions.size();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_GT(total, 0u);
  EXPECT_LT(seconds / 4096, 0.01) << "mean seconds per solve: " << seconds / 4096;
}

// --- convt chain -----------------------------------------------------------------------------

TEST(Chain, DcganGeneratorGoesFromOneToSixtyFour) {
  const std::vector<convt::LayerSpec> layers =
      convt::parse_layer_list("k4s1p0,k4s2p1,k4s2p1,k4s2p1,k4s2p1", 2);
  const convt::ChainResult c = convt::run_chain(2, {1, 1}, layers);
  // (1-1)*1 + 4 = 4; then (n-1)*2 - 2 + 4 = 2n: 8, 16, 32, 64.
  std::vector<int64_t> sizes;
  for (const convt::ChainStep& step : c.steps) sizes.push_back(step.output()[0]);
  EXPECT_EQ(sizes, (std::vector<int64_t>{4, 8, 16, 32, 64}));
  EXPECT_EQ(c.output(), (std::vector<int64_t>{64, 64}));
  for (const convt::ChainStep& step : c.steps) EXPECT_TRUE(step.even);
}

TEST(Chain, LayerTokensInAnyOrderAndPerAxis) {
  const convt::LayerSpec a = convt::parse_layer("k4s2p1", "--layer", 1, 2);
  const convt::LayerSpec b = convt::parse_layer("p1S2K4", "--layer", 1, 2);
  EXPECT_EQ(a.axes, b.axes);
  EXPECT_EQ(a.axes[0], (AxisParams{1, 4, 2, 1, 1, 0}));
  const convt::LayerSpec c = convt::parse_layer(" k3x1s2op1d1x2 ", "--layer", 1, 2);
  EXPECT_EQ(c.axes[0], (AxisParams{1, 3, 2, 0, 1, 1}));
  EXPECT_EQ(c.axes[1], (AxisParams{1, 1, 2, 0, 2, 1}));
  EXPECT_EQ(c.text, "k3x1s2op1d1x2");
}

TEST(Chain, BadTokensNameTheLayerAndTheRule) {
  auto parse = [](const std::string& token, int dims = 2) {
    return error_text([&] { convt::parse_layer(token, "--layer", 2, dims); });
  };
  EXPECT_EQ(parse("k4s2q1"),
            "--layer #2 (k4s2q1): unexpected 'q' at position 5; write k, s, p, d, op, each "
            "followed by a number or ROWSxCOLS, e.g. k4s2p1");
  EXPECT_EQ(parse("s2p1"), "--layer #2 (s2p1): no kernel size; every layer needs k, e.g. k4s2p1");
  EXPECT_EQ(parse("k4k3"), "--layer #2 (k4k3): k is given more than once");
  EXPECT_EQ(parse("k4sp1"), "--layer #2 (k4sp1): s needs a number after it, e.g. s2");
  EXPECT_EQ(parse("k0"), "--layer #2 (k0): kernel size must be a whole number >= 1, got '0'");
  EXPECT_EQ(parse("k3x1", 1), "--layer #2 (k3x1): --dims 1 takes a single number, got '3x1'");
  EXPECT_EQ(parse(""),
            "--layer #2: empty layer; write layers such as k4s2p1, separated by single "
            "commas");
  EXPECT_EQ(error_text([] { convt::parse_layer_list("k4,,k4", 2); }),
            "--layers #2: empty layer; write layers such as k4s2p1, separated by single commas");
}

TEST(Chain, InvalidStepIsReportedAtItsLayer) {
  // 4 -> 6 -> 8, then k3s1p9: m = (8-1)*1 - 2*9 + 3 = -8; F = 10, so p <= 4 works.
  const auto layers = convt::parse_layer_list("k3s1p0, k3s1p0, k3s1p9", 1);
  EXPECT_EQ(error_text([&] { convt::run_chain(1, {4}, layers); }),
            "--layers #3 (k3s1p9): padding 9 leaves no output for an input of size 8: m = "
            "(8-1)*1 - 2*9 + 3 = (-8) < 1; the largest padding that works here is 4");
  const auto bad_op = convt::parse_layer_list("k4s2p1,k4s2p1op2", 2);
  EXPECT_EQ(error_text([&] {
              convt::run_chain(2, {4, 4}, bad_op);
            }),
            "--layers #2 (k4s2p1op2): output_padding 2 must be smaller than "
            "max(stride, dilation) = 2");
}

// --- TensorFlow/Keras ------------------------------------------------------------------------

TEST(TfCompare, SizesFollowKerasDocumentedFormulas) {
  for (int64_t n = 1; n <= 6; ++n)
    for (int64_t k = 1; k <= 6; ++k)
      for (int64_t s = 1; s <= 4; ++s) {
        const AxisParams a{n, k, s, 0, 1, 0};
        const Params p = params_of({a});
        const convt::TfComparison tf = convt::compare_tf(p, convt::validate_sizes(p));
        EXPECT_EQ(tf.axes[0].same.size, n * s);
        EXPECT_EQ(tf.axes[0].valid.size, n * s + std::max<int64_t>(k - s, 0));
        EXPECT_EQ(tf.axes[0].valid.start, 0);
        EXPECT_EQ(tf.axes[0].same.start, std::max<int64_t>(k - s, 0) / 2);
        // The PyTorch settings it suggests give those sizes (PyTorch's documented formula).
        EXPECT_EQ(reference_output_size(tf.axes[0].for_valid), tf.axes[0].valid.size);
        if (tf.axes[0].same_possible)
          EXPECT_EQ(reference_output_size(tf.axes[0].for_same), n * s);
        else
          EXPECT_TRUE(s == 1 && k % 2 == 0) << k << " " << s;
      }
}

TEST(TfCompare, OneDimensionalKernelThreeStrideTwoIsShiftedByOne) {
  // k=3, s=2, n=4: F = 9. Keras 'same' keeps full[0:8]; PyTorch p=1, op=1 keeps full[1:9].
  const Params p = params_of({AxisParams{4, 3, 2, 1, 1, 1}});
  const convt::TfComparison tf = convt::compare_tf(p, convt::validate_sizes(p));
  const convt::TfAxis& t = tf.axes[0];
  EXPECT_EQ(t.shape.full, 9);
  EXPECT_EQ(t.same, (convt::Window{0, 8}));
  EXPECT_EQ(t.pytorch, (convt::Window{1, 8}));
  EXPECT_EQ(t.valid, (convt::Window{0, 9}));
  convt::RenderOptions wide;
  wide.width = 1000;  // one line per sentence
  const std::string text = convt::render_tf_compare(tf, convt::ToolFormat::kText, wide);
  EXPECT_NE(text.find("but it keeps full[1:9] where Keras keeps full[0:8]: the result is shifted "
                      "by 1 pixel(s)."),
            std::string::npos)
      << text;
}

TEST(TfCompare, KerasWindowsAreTheAdjointOfTensorFlowsConvolution) {
  // Keras' Conv1DTranspose is the gradient of the forward conv of TensorFlow: input length L,
  // SAME padding pad_total = max((ceil(L/s)-1)*s + k_eff - L, 0), pad_before = pad_total / 2
  // (VALID: none). Its value at i gathers g[o] * w[u] over o*s + u*d - pad_before = i. It must
  // equal PyTorch's uncropped grid at i + window.start (0 past F).
  for (int64_t n = 1; n <= 5; ++n)
    for (int64_t k = 1; k <= 5; ++k)
      for (int64_t s = 1; s <= 3; ++s)
        for (int64_t d = 1; d <= 2; ++d) {
          const AxisParams a{n, k, s, 0, d, 0};
          const Params p = params_of({a});
          const convt::TfAxis t = convt::compare_tf(p, convt::validate_sizes(p)).axes[0];
          std::vector<double> w, g;
          for (int64_t u = 0; u < k; ++u) w.push_back(static_cast<double>(3 * u + 1));
          for (int64_t o = 0; o < n; ++o) g.push_back(static_cast<double>(o * o + 2));
          const convt::testing::ReferenceGrid full = reference_conv_transpose({a}, w, g, false);
          const int64_t k_eff = d * (k - 1) + 1;
          for (bool same : {true, false}) {
            const int64_t length = same ? n * s : n * s + std::max<int64_t>(k_eff - s, 0);
            const int64_t out = same ? (length + s - 1) / s : (length - k_eff) / s + 1;
            ASSERT_EQ(out, n);  // the forward conv of that length gives back n
            const int64_t before =
                same ? std::max<int64_t>((out - 1) * s + k_eff - length, 0) / 2 : 0;
            const convt::Window& window = same ? t.same : t.valid;
            ASSERT_EQ(window.size, length);
            for (int64_t i = 0; i < length; ++i) {
              double sum = 0.0;
              for (int64_t o = 0; o < n; ++o)
                for (int64_t u = 0; u < k; ++u)
                  if (o * s + u * d - before == i)
                    sum += g[static_cast<size_t>(o)] * w[static_cast<size_t>(u)];
              const int64_t j = i + window.start;
              const double expected = j < full.cols ? full.value(0, j) : 0.0;
              EXPECT_EQ(sum, expected) << "n=" << n << " k=" << k << " s=" << s << " d=" << d
                                       << (same ? " same" : " valid") << " i=" << i;
            }
          }
        }
}

// --- Renderers ---------------------------------------------------------------------------------

TEST(ShapeToolsRender, JsonIsValidAndUsesExplainsKeys) {
  convt::RenderOptions options;
  const json shape = json::parse(
      convt::render_shape(convt::shape_report(convt::square_params(2, 2, 2, 2, 1), {{3, 3}, true}),
                          convt::ToolFormat::kJson, options));
  EXPECT_EQ(shape.at("output_size"), json::array({2, 2}));
  EXPECT_EQ(shape.at("params").at("k"), json::array({2, 2}));
  EXPECT_EQ(shape.at("axes").at(0).at("claim").at("output_padding"), 1);
  EXPECT_EQ(shape.at("compare_tf").at("axes").at(0).at("same").at("output_size"), 4);

  const json solve = json::parse(
      convt::render_solve(convt::solve(query(16, 32)), convt::ToolFormat::kJson, options));
  const json& first = solve.at("solutions").at(0);
  for (const char* key :
       {"k", "s", "p", "d", "op", "output_size", "even", "conv", "conv_transpose"})
    EXPECT_TRUE(first.contains(key)) << key;
  EXPECT_EQ(first.at("output_size"), json::array({32, 32}));

  const json chain = json::parse(
      convt::render_chain(convt::run_chain(2, {1, 1}, convt::parse_layer_list("k4s1p0,k4s2p1", 2)),
                          convt::ToolFormat::kJson, options));
  EXPECT_EQ(chain.at("output_size"), json::array({8, 8}));
  EXPECT_EQ(chain.at("layers").at(1).at("k"), json::array({4, 4}));
  EXPECT_EQ(chain.at("layers").at(1).at("output_size"), json::array({8, 8}));

  const json none = json::parse(
      convt::render_solve(convt::solve(query(16, 5000)), convt::ToolFormat::kJson, options));
  EXPECT_EQ(none.at("count"), 0);
  EXPECT_EQ(none.at("nearest").at(0).at("below").at("size"), 76);
}

TEST(ShapeToolsRender, ExplainJsonGainsACompareMember) {
  const Params p = convt::square_params(1, 4, 3, 2, 1, 1, 1);
  convt::Derivation d = convt::derive(p);
  const std::string out =
      convt::append_tf_compare(convt::render(d, convt::Format::kJson, {}),
                               convt::compare_tf(p, d.shapes), convt::ToolFormat::kJson, {});
  const json j = json::parse(out);
  EXPECT_TRUE(j.contains("stages"));
  EXPECT_EQ(j.at("compare_tf").at("axes").at(0).at("pytorch").at("keeps"), json::array({1, 9}));
}

TEST(ShapeToolsRender, MarkdownIsAPipeTable) {
  const std::string md =
      convt::render_chain(convt::run_chain(2, {1, 1}, convt::parse_layer_list("k4s1p0,k4s2p1", 2)),
                          convt::ToolFormat::kMarkdown, {});
  EXPECT_NE(md.find("| # | layer | n -> m | formula | overlap |\n| --- | --- | --- | --- | --- |\n"
                    "| 1 | `k4s1p0` | 1 -> 4 | `m = (1-1)*1 - 2*0 + 4 = 4` | even |\n"),
            std::string::npos)
      << md;
}

}  // namespace
