// convt chain (chain.h): the sizes through a stack of layers, the layer tokens, and the errors
// that name the layer.
#include "convt/chain.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "convt/error.h"
#include "error_text.h"

namespace {

using convt::AxisParams;
using convt::testing::error_text;

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
            "followed by a number or ROWSxCOLS, and c (out_channels), g (groups), each followed "
            "by a number, e.g. k4s2p1c64");
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

}  // namespace
