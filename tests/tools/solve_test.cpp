// convt solve (solve.h): the layers that map n to m, against a brute-force search, its filters,
// the nearest sizes when nothing fits, per-axis solutions and its speed.
#include "convt/solve.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "convt/render.h"
#include "convt/render_shape_tools.h"
#include "error_text.h"
#include "forward_size.h"
#include "reference_conv.h"
#include "tools/tool_output.h"

namespace {

using convt::AxisParams;
using convt::testing::brute_forward_size;
using convt::testing::error_text;
using convt::testing::reference_output_size;

std::tuple<int64_t, int64_t, int64_t, int64_t, int64_t> kspdo(const AxisParams& a) {
  return {a.k, a.s, a.p, a.d, a.op};
}

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

TEST(Solve, PaddingAndDilationFiltersKeepExactlyTheMatchingLayers) {
  for (auto [p, d] : {std::pair<int64_t, int64_t>{1, 1}, {0, 1}, {3, 2}, {2, 2}}) {
    convt::SolveQuery all = query(16, 32, 1), only = all;
    only.p = {p};
    only.d = {d};
    std::set<std::tuple<int64_t, int64_t, int64_t, int64_t, int64_t>> want, got;
    for (const convt::Solution& s : convt::solve(all).solutions)
      if (s.axes[0].p == p && s.axes[0].d == d) want.insert(kspdo(s.axes[0]));
    for (const convt::Solution& s : convt::solve(only).solutions) got.insert(kspdo(s.axes[0]));
    EXPECT_EQ(got, want) << "p=" << p << " d=" << d;
    EXPECT_FALSE(got.empty());
  }
  // --d 2 with k = 1 is tried too: (16-1)*2 - 2p + 0 + op + 1 = 32 -> p = 0, op = 1 < max(2, 2).
  convt::SolveQuery q = query(16, 32, 1);
  q.k = {1};
  q.s = {2};
  q.d = {2};
  const convt::SolveResult r = convt::solve(q);
  ASSERT_EQ(r.solutions.size(), 1u);
  EXPECT_EQ(kspdo(r.solutions[0].axes[0]), std::make_tuple(1, 2, 0, 2, 1));
  // A fixed padding reaches one size per layer: from 4 with k = 3, s = 1, p = 2: 6 - 4 + 0 = 2.
  q = query(4, 3, 1);
  q.k = {3};
  q.s = {1};
  q.p = {2};
  q.max_d = 1;
  const convt::SolveResult none = convt::solve(q);
  ASSERT_EQ(none.nearest.size(), 1u);
  ASSERT_TRUE(none.nearest[0].below);
  EXPECT_EQ(none.nearest[0].below->size, 2);
  EXPECT_FALSE(none.nearest[0].above);
}

TEST(Solve, LimitKeepsTheFirstAndCountsAll) {
  const convt::SolveResult all = convt::solve(query(16, 32));
  convt::SolveQuery q = query(16, 32);
  q.limit = 5;
  const convt::SolveResult some = convt::solve(q);
  EXPECT_EQ(all.total, static_cast<int64_t>(all.solutions.size()));
  EXPECT_EQ(some.total, all.total);
  ASSERT_EQ(some.solutions.size(), 5u);
  for (size_t i = 0; i < 5; ++i) EXPECT_EQ(some.solutions[i].axes, all.solutions[i].axes);
}

TEST(Solve, MostCommonLayersComeFirst) {
  // 16 -> 32: the ratio is 2. Stride 2, d = 1, op = 0 first (k = 2, 4, 6: DCGAN's k4s2p1 second),
  // and no layer with another stride before the last with stride 2 and d = 1.
  const convt::SolveResult r = convt::solve(query(16, 32, 1));
  ASSERT_GE(r.solutions.size(), 3u);
  EXPECT_EQ(kspdo(r.solutions[0].axes[0]), std::make_tuple(2, 2, 0, 1, 0));
  EXPECT_EQ(kspdo(r.solutions[1].axes[0]), std::make_tuple(4, 2, 1, 1, 0));
  EXPECT_EQ(kspdo(r.solutions[2].axes[0]), std::make_tuple(6, 2, 2, 1, 0));
  bool left_stride_two = false;
  for (const convt::Solution& s : r.solutions) {
    if (s.axes[0].s != 2) left_stride_two = true;
    if (left_stride_two) {
      EXPECT_NE(s.axes[0].s, 2) << "a stride-2 layer after another stride";
    }
  }
  // 7 -> 28: the ratio is 4, so stride 4 comes first.
  EXPECT_EQ(convt::solve(query(7, 28, 1)).solutions.at(0).axes[0].s, 4);
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

}  // namespace
