// The options of a whole layer on the command line, in-process (run_in_process.h): explain's
// --in-channels, --out-channels, --groups, --bias and --dims 3, shape's and chain's channel
// options, each accepted where it should be and refused with one line naming it (exit 2,
// nothing on stdout), and the help that lists them.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "expect_usage_error.h"
#include "run_in_process.h"

namespace {

using convt::testing::expect_usage_error;
using convt::testing::run_in_process;
using convt::testing::RunResult;
using nlohmann::json;

std::vector<std::string> explain(std::vector<std::string> more) {
  std::vector<std::string> args = {"explain", "--k", "2", "--n", "2"};
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

std::vector<std::string> shape(std::vector<std::string> more) {
  std::vector<std::string> args = {"shape", "--k", "4", "--s", "2", "--p", "1", "--n", "8"};
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

TEST(LayerOptionsCli, ChannelCountsAreWholeNumbersFromOneTo4096) {
  expect_usage_error(explain({"--in-channels", "0"}),
                     "--in-channels: the number of input channels must be a whole number from 1 "
                     "to 4096, got '0'");
  expect_usage_error(explain({"--out-channels", "4097"}),
                     "--out-channels: the number of output channels must be a whole number from "
                     "1 to 4096, got '4097'");
  expect_usage_error(explain({"--groups", "two"}),
                     "--groups: the number of groups must be a whole number from 1 to 4096, got "
                     "'two'");
  expect_usage_error(explain({"--groups", "-1"}),
                     "--groups: the number of groups must be a whole number from 1 to 4096, got "
                     "'-1'");
  expect_usage_error(explain({"--in-channels", ""}),
                     "--in-channels: the value is empty; give a value or leave the option out");
  expect_usage_error(explain({"--groups", "2", "--groups", "2"}),
                     "--groups: given more than once; give each option once");
  // The same bounds in shape and chain.
  expect_usage_error(shape({"--out-channels", "99999999999999999999"}),
                     "--out-channels: the number of output channels must be a whole number from "
                     "1 to 4096, got '99999999999999999999'");
  expect_usage_error({"chain", "--n", "1", "--layers", "k4", "--in-channels", "0"},
                     "--in-channels: the number of input channels must be a whole number from 1 "
                     "to 4096, got '0'");
}

TEST(LayerOptionsCli, GroupsMustDivideTheChannels) {
  // The engine's rule (validate_params), the same in explain and shape; chain names the layer.
  const std::string rule = "--groups: 4 must divide both --in-channels 4 and --out-channels 6";
  expect_usage_error(explain({"--in-channels", "4", "--out-channels", "6", "--groups", "4"}), rule);
  expect_usage_error(shape({"--in-channels", "4", "--out-channels", "6", "--groups", "4"}), rule);
  expect_usage_error({"chain", "--n", "2", "--in-channels", "4", "--layers", "k2,k2c6g4"},
                     "--layers #2 (k2c6g4): groups 4 must divide both the 4 channels coming in "
                     "and out_channels 6");
}

TEST(LayerOptionsCli, ExplainDerivesTheWholeLayer) {
  // ConvTranspose2d(2, 4, 2, stride=2, groups=2) with bias: weight [2, 4/2, 2, 2], 16 weights
  // (2*2*2*2) and 4 bias values; 2x2 -> 4x4.
  const RunResult r =
      run_in_process(explain({"--s", "2", "--in-channels", "2", "--out-channels", "4", "--groups",
                              "2", "--bias", "0.5,0,0,-1", "--stages", "formula,check"}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_NE(r.out.find("[2, 2, 2, 2]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("-> 4 x 4"), std::string::npos) << r.out;
  // The value counts follow the channels: [in, out/groups, k, k] = 2*2*2*2 = 16 weights.
  expect_usage_error(explain({"--in-channels", "2", "--kernel", "1,2,3"}),
                     "--kernel: needs 8 values ([in, out/groups, k...] = [2, 1, 2, 2]), got 3");
  expect_usage_error(explain({"--out-channels", "2", "--bias", "1,2,3"}),
                     "--bias: needs 2 values ([out] = [2]), got 3");
  // --dims 3 with per-axis sizes DEPTHxROWSxCOLS: 2 x 2 x 2 with k 2x1x1 gives 3 x 2 x 2.
  const RunResult three =
      run_in_process({"explain", "--dims", "3", "--k", "2x1x1", "--n", "2", "--stages", "formula"});
  ASSERT_EQ(three.exit_code, 0) << three.err;
  EXPECT_NE(three.out.find("-> 1 x 3 x 2 x 2"), std::string::npos) << three.out;
}

TEST(LayerOptionsCli, BiasIsAValueListGivenOnce) {
  expect_usage_error(explain({"--bias", "1,nan"}),
                     "--bias: value 2 'nan' is not finite (NaN and infinities are refused)");
  expect_usage_error(explain({"--bias", "x"}), "--bias: value 1 'x' is not a number");
  expect_usage_error(explain({"--bias", ""}),
                     "--bias: the value is empty; give a value or leave the option out");
  expect_usage_error(explain({"--bias", "1", "--bias", "2"}),
                     "--bias: given more than once; give each option once");
  expect_usage_error(explain({"--bias=1", "--bias", "2"}),
                     "--bias: given more than once; give each option once");
}

TEST(LayerOptionsCli, DimsTakesOneTwoOrThree) {
  expect_usage_error(explain({"--dims", "4"}),
                     "--dims: dims must be a whole number from 1 to 3, got '4'");
  expect_usage_error(explain({"--dims", "0"}),
                     "--dims: dims must be a whole number from 1 to 3, got '0'");
  expect_usage_error({"explain", "--dims", "3", "--k", "2x2", "--n", "2"},
                     "--k: --dims 3 takes one number or DEPTHxROWSxCOLS such as 3x2x2, got '2x2'");
  expect_usage_error({"explain", "--dims", "3", "--k", "2", "--n", "2", "--s", "1x1x0"},
                     "--s: stride must be a whole number >= 1, got '1x1x0'");
  expect_usage_error({"explain", "--k", "2", "--n", "3x2x2"},
                     "--n: expected one number, ROWSxCOLS such as 3x2, or DEPTHxROWSxCOLS such as "
                     "3x2x2 with --dims 3, got '3x2x2'");
  // The shape tools keep dims 1 and 2.
  expect_usage_error(shape({"--dims", "3"}),
                     "--dims: dims must be a whole number from 1 to 2, got '3'");
  expect_usage_error({"chain", "--dims", "3", "--n", "1", "--layers", "k4"},
                     "--dims: dims must be a whole number from 1 to 2, got '3'");
}

TEST(LayerOptionsCli, SymbolicRefusesTheWholeLayer) {
  const std::string end = "; leave out one of them";
  const std::string rule =
      "--symbolic: writes only the one-channel layer without bias in 1-D or 2-D, so it cannot go "
      "with ";
  expect_usage_error(explain({"--symbolic", "--in-channels", "2"}), rule + "--in-channels" + end);
  expect_usage_error(explain({"--symbolic", "--out-channels", "2"}), rule + "--out-channels" + end);
  expect_usage_error(explain({"--symbolic", "--groups", "2"}), rule + "--groups" + end);
  expect_usage_error(explain({"--symbolic", "--bias", "0.5"}), rule + "--bias" + end);
  expect_usage_error({"explain", "--dims", "3", "--k", "2", "--n", "2", "--symbolic"},
                     rule + "--dims" + end);
  // One channel and one group, given explicitly, is the lesson itself.
  const RunResult one =
      run_in_process(explain({"--symbolic", "--in-channels", "1", "--out-channels", "1", "--groups",
                              "1", "--stages", "output"}));
  EXPECT_EQ(one.exit_code, 0) << one.err;
  EXPECT_EQ(one.out, run_in_process(explain({"--symbolic", "--stages", "output"})).out);
}

TEST(LayerOptionsCli, ShapeReportsTheWeightsAndParameters) {
  // ConvTranspose2d(16, 32, 4, stride=2, padding=1, groups=4) on 8 x 8: weight [16, 8, 4, 4],
  // 16*8*16 = 2048 weights + 32 bias = 2080; m = 7*2 - 2 + 4 = 16, output [32, 16, 16] = 8192.
  const RunResult r = run_in_process(
      shape({"--in-channels", "16", "--out-channels", "32", "--groups", "4", "--width", "200"}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Transposed convolution (ConvTranspose2d): n=8, k=4, s=2, p=1, d=1, "
                       "output_padding=0, in_channels=16, out_channels=32, groups=4 -> 16 x 16\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("\nWeights and parameters\n"
                       "  nn.ConvTranspose2d(16, 32, kernel_size=4, stride=2, padding=1, "
                       "groups=4)\n"
                       "  weight [16, 8, 4, 4] ([in_channels, out_channels/groups, kernel size per "
                       "axis]): 2048 weights\n"
                       "  bias [32]: 32 values, one per output channel (PyTorch's default "
                       "bias=True)\n"
                       "  2080 parameters: 2048 weights + 32 bias values\n"
                       "  output [32, 16, 16] ([out_channels, output size per axis]): 8192 values "
                       "per example\n"
                       "  The layer is the transpose of nn.Conv2d(32, 16, kernel_size=4, stride=2, "
                       "padding=1, groups=4): the same weight tensor [16, 8, 4, 4]."),
            std::string::npos)
      << r.out;
  // The forward check names the same convolution.
  EXPECT_NE(r.out.find("  nn.Conv2d(32, 16, kernel_size=4, stride=2, padding=1, groups=4), the "
                       "forward"),
            std::string::npos)
      << r.out;
  // --bias no: the weights alone; one weight is singular.
  const RunResult one = run_in_process(
      {"shape", "--dims", "1", "--k", "1", "--n", "1", "--bias", "no", "--width", "200"});
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_NE(one.out.find("  nn.ConvTranspose1d(1, 1, kernel_size=1, bias=False)\n"
                         "  weight [1, 1, 1] ([in_channels, out_channels/groups, kernel size per "
                         "axis]): 1 weight\n"
                         "  no bias (bias=False, --bias no)\n"
                         "  1 parameter, all of them weights\n"
                         "  output [1, 1] ([out_channels, output size per axis]): 1 value per "
                         "example\n"),
            std::string::npos)
      << one.out;
  expect_usage_error(shape({"--bias", "maybe"}),
                     "--bias: unknown value 'maybe'; choose one of: yes, no");
  expect_usage_error(shape({"--bias", "no", "--bias", "yes"}),
                     "--bias: given more than once; give each option once");
}

TEST(LayerOptionsCli, ShapeJsonAndMarkdownCarryTheLayer) {
  const RunResult r = run_in_process(
      shape({"--in-channels", "16", "--out-channels", "32", "--groups", "4", "--format", "json"}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json layer = json::parse(r.out).at("layer");
  EXPECT_EQ(layer.at("in_channels"), 16);
  EXPECT_EQ(layer.at("out_channels"), 32);
  EXPECT_EQ(layer.at("groups"), 4);
  EXPECT_EQ(layer.at("parameters"), 2080);
  const RunResult md = run_in_process(shape(
      {"--in-channels", "16", "--out-channels", "32", "--groups", "4", "--format", "markdown"}));
  ASSERT_EQ(md.exit_code, 0) << md.err;
  EXPECT_NE(md.out.find("| weight | parameters | output values |\n| --- | --- | --- |\n"
                        "| `[16, 8, 4, 4]` | 2080 parameters: 2048 weights + 32 bias values | "
                        "`[32, 16, 16]` = 8192 |\n"),
            std::string::npos)
      << md.out;
}

TEST(LayerOptionsCli, ChainCountsEveryLayer) {
  // --in-channels 8, k2s2 keeps 8 channels (weight [8, 8, 2, 2] = 256 + 8 = 264), k2s2c4g2 makes
  // 4 in 2 groups (weight [8, 2, 2, 2] = 64 + 4 = 68): 332 parameters; outputs 8*6*6 = 288 and
  // 4*12*12 = 576: 864.
  const RunResult r = run_in_process(
      {"chain", "--n", "3", "--in-channels", "8", "--layers", "k2s2,k2s2c4g2", "--width", "200"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Weights and parameters\n"
                       "  #  channels          weight        parameters  output values\n"
                       "  1  8 -> 8            [8, 8, 2, 2]         264  [8, 6, 6] = 288\n"
                       "  2  8 -> 4, groups=2  [8, 2, 2, 2]          68  [4, 12, 12] = 576\n"
                       "\n"
                       "  In total: 332 parameters (320 weights + 12 bias values); the outputs of "
                       "all layers hold 864 values per example.\n"),
            std::string::npos)
      << r.out;
  const RunResult j = run_in_process({"chain", "--n", "3", "--in-channels", "8", "--layers",
                                      "k2s2,k2s2c4g2", "--bias", "no", "--format", "json"});
  ASSERT_EQ(j.exit_code, 0) << j.err;
  const json doc = json::parse(j.out);
  EXPECT_EQ(doc.at("params").at("in_channels"), 8);
  EXPECT_EQ(doc.at("params").at("bias"), false);
  EXPECT_EQ(doc.at("totals").at("parameters"), 320);
  EXPECT_EQ(doc.at("layers").at(1).at("weight_shape"), json::parse("[8, 2, 2, 2]"));
  EXPECT_EQ(doc.at("layers").at(1).at("out_channels"), 4);
  expect_usage_error({"chain", "--n", "3", "--layers", "k2s2c0"},
                     "--layers #1 (k2s2c0): the number of output channels must be a whole number "
                     "from 1 to 4096, got '0'");
  expect_usage_error({"chain", "--n", "3", "--layers", "k2", "--bias", "maybe"},
                     "--bias: unknown value 'maybe'; choose one of: yes, no");
}

TEST(LayerOptionsCli, HelpListsTheNewOptions) {
  const RunResult help = run_in_process({"help", "explain"});
  ASSERT_EQ(help.exit_code, 0);
  for (const char* option : {"--in-channels INT", "--out-channels INT", "--groups INT",
                             "--bias LIST", "DEPTHxROWSxCOLS"})
    EXPECT_NE(help.out.find(option), std::string::npos) << option;
  const RunResult shape_help = run_in_process({"help", "shape"});
  for (const char* option : {"--in-channels INT", "--groups INT", "--bias BOOL"})
    EXPECT_NE(shape_help.out.find(option), std::string::npos) << option;
  const RunResult chain_help = run_in_process({"help", "chain"});
  for (const char* option : {"--in-channels INT", "--bias BOOL", "c out_channels"})
    EXPECT_NE(chain_help.out.find(option), std::string::npos) << option;
  const RunResult man = run_in_process({"--man"});
  for (const char* option : {"in\\-channels", "out\\-channels", "groups", "bias"})
    EXPECT_NE(man.out.find(option), std::string::npos) << option;
  const RunResult bash = run_in_process({"--completion", "bash"});
  for (const char* option : {"--in-channels", "--out-channels", "--groups", "--bias"})
    EXPECT_NE(bash.out.find(option), std::string::npos) << option;
}

}  // namespace
