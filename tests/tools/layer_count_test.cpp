// The channel arithmetic of the shape tools (shape_report.h: count_layer; chain.h: the channel
// part of a layer token): weight shape, parameter count and output values against worked values,
// each checked by hand in a comment, and PyTorch's DCGAN generator count.
#include <gtest/gtest.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "convt/chain.h"
#include "convt/error.h"
#include "convt/render.h"
#include "convt/render_shape_tools.h"
#include "convt/shape_report.h"
#include "error_text.h"

namespace {

using convt::AxisParams;
using convt::LayerChannels;
using convt::LayerCount;
using convt::Params;
using convt::testing::error_text;
using nlohmann::json;

/// The counts of a layer with these channels on `params`'s axes.
LayerCount count_of(const Params& params, const LayerChannels& channels) {
  return convt::count_layer(channels, convt::validate_sizes(params));
}

TEST(LayerCount, GroupedConvTranspose2d) {
  // ConvTranspose2d(16, 32, 4, stride=2, padding=1, groups=4) on 8 x 8:
  // weight [16, 32/4, 4, 4] = [16, 8, 4, 4]: 16*8 = 128, 128*16 = 2048 weights; bias 32;
  // 2048 + 32 = 2080 parameters. m = (8-1)*2 - 2*1 + 4 = 16; output [32, 16, 16]: 32*256 = 8192.
  const LayerCount c = count_of(convt::square_params(2, 8, 4, 2, 1), {16, 32, 4, true});
  EXPECT_EQ(c.weight_shape, (std::vector<int64_t>{16, 8, 4, 4}));
  EXPECT_EQ(c.weights, 2048);
  EXPECT_EQ(c.bias_values, 32);
  EXPECT_EQ(c.parameters, 2080);
  EXPECT_EQ(c.output_shape, (std::vector<int64_t>{32, 16, 16}));
  EXPECT_EQ(c.output_values, 8192);
}

TEST(LayerCount, DepthwiseWithoutBias) {
  // ConvTranspose2d(64, 64, 3, padding=1, groups=64, bias=False) on 5 x 5:
  // weight [64, 64/64, 3, 3] = [64, 1, 3, 3]: 64*9 = 576 weights, no bias: 576 parameters.
  // m = (5-1)*1 - 2*1 + 3 = 5; output [64, 5, 5]: 64*25 = 1600.
  const LayerCount c = count_of(convt::square_params(2, 5, 3, 1, 1), {64, 64, 64, false});
  EXPECT_EQ(c.weight_shape, (std::vector<int64_t>{64, 1, 3, 3}));
  EXPECT_EQ(c.weights, 576);
  EXPECT_EQ(c.bias_values, 0);
  EXPECT_EQ(c.parameters, 576);
  EXPECT_EQ(c.output_values, 1600);
}

TEST(LayerCount, OneDimensionalAndPerAxisKernels) {
  // ConvTranspose1d(3, 6, 5, stride=2, groups=3) on 10: weight [3, 2, 5]: 3*2*5 = 30 weights,
  // + 6 bias = 36. m = (10-1)*2 + 5 = 23; output [6, 23]: 138.
  const LayerCount one = count_of(convt::square_params(1, 10, 5, 2), {3, 6, 3, true});
  EXPECT_EQ(one.weight_shape, (std::vector<int64_t>{3, 2, 5}));
  EXPECT_EQ(one.parameters, 36);
  EXPECT_EQ(one.output_shape, (std::vector<int64_t>{6, 23}));
  EXPECT_EQ(one.output_values, 138);
  // ConvTranspose2d(2, 3, (3, 1)) on 4 x 6: weight [2, 3, 3, 1]: 18 weights + 3 = 21;
  // m = (4-1) + 3 = 6 rows, (6-1) + 1 = 6 cols: output [3, 6, 6] = 108.
  Params p = convt::square_params(2, 4, 3);
  p.axes[1] = AxisParams{6, 1};
  const LayerCount two = count_of(p, {2, 3, 1, true});
  EXPECT_EQ(two.weight_shape, (std::vector<int64_t>{2, 3, 3, 1}));
  EXPECT_EQ(two.parameters, 21);
  EXPECT_EQ(two.output_values, 108);
}

TEST(LayerCount, ThreeAxes) {
  // ConvTranspose3d(2, 4, (3, 2, 2)) on 4 x 3 x 3: weight [2, 4, 3, 2, 2]: 2*4*12 = 96 weights
  // + 4 bias = 100. m = 4+3-1 = 6, 3+2-1 = 4, 4: output [4, 6, 4, 4]: 4*96 = 384.
  Params p = convt::square_params(3, 3, 2);
  p.axes[0] = AxisParams{4, 3};
  const LayerCount c = count_of(p, {2, 4, 1, true});
  EXPECT_EQ(c.weight_shape, (std::vector<int64_t>{2, 4, 3, 2, 2}));
  EXPECT_EQ(c.parameters, 100);
  EXPECT_EQ(c.output_shape, (std::vector<int64_t>{4, 6, 4, 4}));
  EXPECT_EQ(c.output_values, 384);
}

TEST(LayerCount, CountsBeyondSixtyFourBitsAreRefused) {
  // 4096 * 4096 * (2^31-1)^2 is about 2^86: the weights do not fit.
  EXPECT_EQ(error_text([] {
              count_of(convt::square_params(2, 1, 2147483647), {4096, 4096, 1, true});
            }),
            "--k: sizes too large: the number of weights does not fit in 64 bits");
  // The output: 4096 * m^2 with m = (2^31 - 2)*1 + 2 = 2^31 (n = 2^31 - 1, k = 2): 2^74.
  EXPECT_EQ(error_text([] {
              count_of(convt::square_params(2, 2147483647, 2), {1, 4096, 1, true});
            }),
            "--n: sizes too large: the number of output values does not fit in 64 bits");
}

TEST(LayerCount, GroupsMustDivideBothChannelCounts) {
  // explain's rule (validate_params): 4 groups cannot split 6 output channels.
  EXPECT_EQ(error_text([] {
              count_of(convt::square_params(2, 2, 2), {4, 6, 4, true});
            }),
            "--groups: 4 must divide both --in-channels 4 and --out-channels 6");
  // In a chain it is named at its layer, with the channels coming in.
  const auto layers = convt::parse_layer_list("k2,k2c6g4", 2);
  EXPECT_EQ(error_text([&] {
              convt::run_chain(2, {2, 2}, layers, {4, true});
            }),
            "--layers #2 (k2c6g4): groups 4 must divide both the 4 channels coming in and "
            "out_channels 6");
}

TEST(LayerCount, ChannelCountsAreParsedFromOneTo4096) {
  EXPECT_EQ(convt::parse_channel_count("4096", "--groups", convt::MsgId::kWordGroups), 4096);
  EXPECT_EQ(
      error_text([] { convt::parse_channel_count("0", "--groups", convt::MsgId::kWordGroups); }),
      "--groups: the number of groups must be a whole number from 1 to 4096, got '0'");
  EXPECT_EQ(error_text([] {
              convt::parse_channel_count("4097", "--in-channels", convt::MsgId::kWordInChannels);
            }),
            "--in-channels: the number of input channels must be a whole number from 1 to 4096, "
            "got '4097'");
}

TEST(ChainChannels, DcganGeneratorHasPyTorchsWeightCount) {
  // PyTorch's DCGAN tutorial generator (nz = 100, ngf = 64, 3 colours, bias=False): weights
  // 100*512*16 = 819200, 512*256*16 = 2097152, 256*128*16 = 524288, 128*64*16 = 131072,
  // 64*3*16 = 3072; sum 3574784. The tutorial's netG has 3576704 parameters: these plus its
  // BatchNorm's 2*(512+256+128+64) = 1920.
  const auto layers =
      convt::parse_layer_list("k4s1p0c512,k4s2p1c256,k4s2p1c128,k4s2p1c64,k4s2p1c3", 2);
  const convt::ChainResult c = convt::run_chain(2, {1, 1}, layers, {100, false});
  std::vector<int64_t> weights, outputs;
  for (const convt::ChainStep& step : c.steps) {
    weights.push_back(step.count.weights);
    outputs.push_back(step.count.output_values);
  }
  EXPECT_EQ(weights, (std::vector<int64_t>{819200, 2097152, 524288, 131072, 3072}));
  EXPECT_EQ(c.weights, 3574784);
  EXPECT_EQ(c.parameters, 3574784);
  EXPECT_EQ(c.bias_values, 0);
  // Outputs [512,4,4] = 8192, [256,8,8] = 16384, [128,16,16] = 32768, [64,32,32] = 65536,
  // [3,64,64] = 12288; sum 135168.
  EXPECT_EQ(outputs, (std::vector<int64_t>{8192, 16384, 32768, 65536, 12288}));
  EXPECT_EQ(c.output_values, 135168);
  EXPECT_EQ(c.steps[4].count.weight_shape, (std::vector<int64_t>{64, 3, 4, 4}));
}

TEST(ChainChannels, ALayerWithoutCKeepsItsInputsChannels) {
  // --in-channels 8: k2s2 keeps 8 -> 8, weight [8, 8, 2, 2] = 256 + 8 bias = 264; k2s2c4g2:
  // 8 -> 4 in 2 groups, weight [8, 2, 2, 2] = 64 + 4 bias = 68. Totals 320 weights, 12 bias
  // values, 332 parameters. Sizes 3 -> 6 -> 12: outputs 8*36 = 288 and 4*144 = 576: 864.
  const auto layers = convt::parse_layer_list("k2s2,k2s2c4g2", 2);
  const convt::ChainResult c = convt::run_chain(2, {3, 3}, layers, {8, true});
  EXPECT_EQ(c.steps[0].count.channels, (LayerChannels{8, 8, 1, true}));
  EXPECT_EQ(c.steps[0].count.parameters, 264);
  EXPECT_EQ(c.steps[1].count.channels, (LayerChannels{8, 4, 2, true}));
  EXPECT_EQ(c.steps[1].count.weight_shape, (std::vector<int64_t>{8, 2, 2, 2}));
  EXPECT_EQ(c.steps[1].count.parameters, 68);
  EXPECT_EQ(c.weights, 320);
  EXPECT_EQ(c.bias_values, 12);
  EXPECT_EQ(c.parameters, 332);
  EXPECT_EQ(c.output_values, 864);
  // Without options every layer has one channel: k2s2 on 3 x 3 is 4 weights + 1 bias.
  const convt::ChainResult plain = convt::run_chain(2, {3, 3}, convt::parse_layer_list("k2s2", 2));
  EXPECT_EQ(plain.parameters, 5);
}

TEST(ChainChannels, ChannelTokensAreParsedAndJudged) {
  const convt::LayerSpec layer = convt::parse_layer("k4s2p1c64g2", "--layer", 1, 2);
  EXPECT_EQ(layer.out_channels, 64);
  EXPECT_EQ(layer.groups, 2);
  EXPECT_EQ(convt::parse_layer("G4k3C8", "--layer", 1, 2).out_channels, 8);
  auto parse = [](const std::string& token) {
    return error_text([&] { convt::parse_layer(token, "--layer", 3, 2); });
  };
  EXPECT_EQ(parse("k4c0"),
            "--layer #3 (k4c0): the number of output channels must be a whole number from 1 to "
            "4096, got '0'");
  EXPECT_EQ(parse("k4g4097"),
            "--layer #3 (k4g4097): the number of groups must be a whole number from 1 to 4096, "
            "got '4097'");
  EXPECT_EQ(parse("k4c2x2"),
            "--layer #3 (k4c2x2): the number of output channels must be a whole number from 1 to "
            "4096, got '2x2'");
  EXPECT_EQ(parse("k4c"), "--layer #3 (k4c): c needs a number after it, e.g. c2");
  EXPECT_EQ(parse("k4c2c3"), "--layer #3 (k4c2c3): c is given more than once");
}

TEST(ShapeLayer, JsonHasTheLayerMember) {
  Params p = convt::square_params(2, 8, 4, 2, 1);
  p.in_channels = 16;
  p.out_channels = 32;
  p.groups = 4;
  const std::string text =
      convt::render_shape(convt::shape_report(p), convt::ToolFormat::kJson, convt::RenderOptions{});
  const json layer = json::parse(text).at("layer");
  EXPECT_EQ(layer.at("weight_shape"), json::parse("[16, 8, 4, 4]"));
  EXPECT_EQ(layer.at("weights"), 2048);
  EXPECT_EQ(layer.at("bias_values"), 32);
  EXPECT_EQ(layer.at("parameters"), 2080);
  EXPECT_EQ(layer.at("output_shape"), json::parse("[32, 16, 16]"));
  EXPECT_EQ(layer.at("output_values"), 8192);
  EXPECT_EQ(layer.at("bias"), true);
  EXPECT_EQ(layer.at("module"),
            "nn.ConvTranspose2d(16, 32, kernel_size=4, stride=2, padding=1, groups=4)");
  // The convolution with the same weight tensor takes 32 channels in and gives 16 out.
  EXPECT_EQ(layer.at("transpose_of"),
            "nn.Conv2d(32, 16, kernel_size=4, stride=2, padding=1, groups=4)");
  convt::ShapeOptions no_bias;
  no_bias.bias = false;
  const json plain =
      json::parse(convt::render_shape(convt::shape_report(convt::square_params(1, 4, 3), no_bias),
                                      convt::ToolFormat::kJson, convt::RenderOptions{}));
  EXPECT_EQ(plain.at("layer").at("module"), "nn.ConvTranspose1d(1, 1, kernel_size=3, bias=False)");
  EXPECT_EQ(plain.at("layer").at("parameters"), 3);
}

}  // namespace
