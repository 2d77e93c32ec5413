// convt shape, solve and chain (and explain --compare tf) as a user runs them, in-process
// (run_in_process.h): exit codes, the exact one-line errors, DCGAN's generator chain and the
// solutions for 16 -> 32.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "expect_usage_error.h"
#include "run_in_process.h"

namespace {

using convt::testing::expect_usage_error;

using convt::testing::run_in_process;
using convt::testing::RunResult;

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::vector<std::string> words_of(const std::string& line) {
  std::vector<std::string> out;
  std::istringstream in(line);
  for (std::string word; in >> word;) out.push_back(word);
  return out;
}

TEST(ShapeToolsCli, DcganGeneratorChain) {
  // DCGAN's generator: 1 -> 4 with k4s1p0, then four k4s2p1 doubling the size.
  const std::string expected =
      "Chain of 5 transposed convolutions (ConvTranspose2d): 1 -> 4 -> 8 -> 16 -> 32 -> 64\n"
      "\n"
      "  #  layer   n -> m    formula                      overlap\n"
      "  1  k4s1p0  1 -> 4    m = (1-1)*1 - 2*0 + 4 = 4    even\n"
      "  2  k4s2p1  4 -> 8    m = (4-1)*2 - 2*1 + 4 = 8    even\n"
      "  3  k4s2p1  8 -> 16   m = (8-1)*2 - 2*1 + 4 = 16   even\n"
      "  4  k4s2p1  16 -> 32  m = (16-1)*2 - 2*1 + 4 = 32  even\n"
      "  5  k4s2p1  32 -> 64  m = (32-1)*2 - 2*1 + 4 = 64  even\n"
      "\n"
      "  Every layer has even overlap (kernel size divisible by the stride): away from the borders "
      "every\n"
      "  output cell of each layer receives the same number of contributions. This rules out "
      "uneven\n"
      "  overlap, not every checkerboard artifact: trained weights can still make one.\n"
      "\n"
      // One channel in and out, bias: 4*4 = 16 weights + 1 = 17 parameters a layer, 85 in all;
      // outputs 4^2 + 8^2 + 16^2 + 32^2 + 64^2 = 16 + 64 + 256 + 1024 + 4096 = 5456.
      "Weights and parameters\n"
      "  #  channels  weight        parameters  output values\n"
      "  1  1 -> 1    [1, 1, 4, 4]          17  [1, 4, 4] = 16\n"
      "  2  1 -> 1    [1, 1, 4, 4]          17  [1, 8, 8] = 64\n"
      "  3  1 -> 1    [1, 1, 4, 4]          17  [1, 16, 16] = 256\n"
      "  4  1 -> 1    [1, 1, 4, 4]          17  [1, 32, 32] = 1024\n"
      "  5  1 -> 1    [1, 1, 4, 4]          17  [1, 64, 64] = 4096\n"
      "\n"
      "  In total: 85 parameters (80 weights + 5 bias values); the outputs of all layers hold 5456 "
      "values\n"
      "  per example.\n";
  RunResult r = run_in_process({"chain", "--n", "1", "--layer", "k4s1p0", "--layer", "k4s2p1",
                                "--layer", "k4s2p1", "--layer", "k4s2p1", "--layer", "k4s2p1"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, expected);
  RunResult list =
      run_in_process({"chain", "--n", "1", "--layers", "k4s1p0,k4s2p1,k4s2p1,k4s2p1,k4s2p1"});
  EXPECT_EQ(list.exit_code, 0);
  EXPECT_EQ(list.out, expected);
}

TEST(ShapeToolsCli, SolveSixteenToThirtyTwoListsTheClassicLayers) {
  // Wide enough for one line per layer (at 100 columns the calls go under each row).
  RunResult r = run_in_process({"solve", "--n", "16", "--m", "32", "--width", "200"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "");
  bool four = false, three = false;
  for (const std::string& line : lines_of(r.out)) {
    const std::vector<std::string> w = words_of(line);
    if (w.size() < 6) continue;
    const std::vector<std::string> head(w.begin(), w.begin() + 6);
    if (head == std::vector<std::string>{"4", "2", "1", "1", "0", "even"}) {
      four = true;
      EXPECT_NE(line.find("nn.ConvTranspose2d(1, 1, kernel_size=4, stride=2, padding=1)"),
                std::string::npos)
          << line;
      EXPECT_NE(line.find("nn.Conv2d(1, 1, kernel_size=4, stride=2, padding=1)"), std::string::npos)
          << line;
    }
    if (head == std::vector<std::string>{"3", "2", "1", "1", "1", "uneven"}) {
      three = true;
      EXPECT_NE(line.find("nn.ConvTranspose2d(1, 1, kernel_size=3, stride=2, padding=1, "
                          "output_padding=1)"),
                std::string::npos)
          << line;
      EXPECT_NE(line.find("nn.Conv2d(1, 1, kernel_size=3, stride=2, padding=1)"), std::string::npos)
          << line;
    }
  }
  EXPECT_TRUE(four) << r.out;
  EXPECT_TRUE(three) << r.out;
  EXPECT_EQ(lines_of(r.out).at(0).rfind("Layers that map 16 to 32 (ConvTranspose2d", 0), 0u);
}

TEST(ShapeToolsCli, SolveWithoutSolutionShowsTheNearestSizesAndSucceeds) {
  RunResult r = run_in_process({"solve", "--n", "16", "--m", "5000", "--width", "200"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("  No layer in the search box maps 16 to 5000.\n"
                       "  Nearest reachable size below: 76, e.g. k=7, s=4, p=0, d=2, op=3.\n"
                       "  No larger size is reachable in the search box; raise --max-k, --max-s "
                       "or --max-d.\n"),
            std::string::npos)
      << r.out;
}

TEST(ShapeToolsCli, SolveFitsTheWidthAndShowsTheFirstTwenty) {
  // 4x8 -> 8x16 has thousands of layers; piped, the width is 100.
  const RunResult r = run_in_process({"solve", "--n", "4x8", "--m", "8x16"});
  EXPECT_EQ(r.exit_code, 0);
  const std::vector<std::string> lines = lines_of(r.out);
  for (const std::string& line : lines) EXPECT_LE(line.size(), 100u) << line;
  EXPECT_LT(lines.size(), 70u);
  const RunResult all =
      run_in_process({"solve", "--n", "4x8", "--m", "8x16", "--limit", "0", "--format", "json"});
  const size_t total = std::stoul(all.out.substr(all.out.find("\"count\": ") + 9));
  EXPECT_GT(total, 20u);
  EXPECT_NE(
      r.out.find("\n  " + std::to_string(total - 20) + " more layers; --limit 0 shows all.\n"),
      std::string::npos)
      << r.out;
  // The first row is the most common layer: k2 s2 on both axes, and its call under it.
  EXPECT_NE(r.out.find("      nn.ConvTranspose2d(1, 1, kernel_size=2, stride=2)\n"),
            std::string::npos);
  // Narrower still: every line within 40 columns, the long calls wrapped.
  const RunResult narrow =
      run_in_process({"solve", "--n", "4x8", "--m", "8x16", "--width", "40", "--limit", "3"});
  for (const std::string& line : lines_of(narrow.out)) EXPECT_LE(line.size(), 40u) << line;
  // One left out is a layer, not layers; in Chinese too.
  const RunResult one = run_in_process({"solve", "--n", "16", "--m", "32", "--limit", "61"});
  EXPECT_NE(one.out.find("\n  1 more layer; --limit 0 shows all.\n"), std::string::npos) << one.out;
  const RunResult zh =
      run_in_process({"solve", "--n", "16", "--m", "32", "--limit", "60", "--lang", "zh"});
  EXPECT_NE(zh.out.find("还有 2 个层；--limit 0 显示全部。"), std::string::npos) << zh.out;
  // --limit 0 and JSON show them all, with nothing left out.
  const RunResult every = run_in_process({"solve", "--n", "16", "--m", "32", "--limit", "0"});
  EXPECT_EQ(every.out.find("more layer"), std::string::npos);
  const RunResult json = run_in_process({"solve", "--n", "16", "--m", "32", "--format", "json"});
  EXPECT_NE(json.out.find("\"count\": 62,\n  \"omitted\": 0,"), std::string::npos) << json.out;
  const RunResult json5 =
      run_in_process({"solve", "--n", "16", "--m", "32", "--format", "json", "--limit", "5"});
  EXPECT_NE(json5.out.find("\"count\": 62,\n  \"omitted\": 57,"), std::string::npos) << json5.out;
}

TEST(ShapeToolsCli, SolveFiltersPaddingAndDilation) {
  const RunResult r =
      run_in_process({"solve", "--n", "16", "--m", "32", "--p", "1", "--d", "1", "--width", "200"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("; only p = 1; only d = 1)"), std::string::npos) << r.out;
  int rows = 0;
  for (const std::string& line : lines_of(r.out)) {
    const std::vector<std::string> w = words_of(line);
    if (w.size() < 6 || w[0] == "k" || w[0].find_first_not_of("0123456789") != std::string::npos)
      continue;
    ++rows;
    EXPECT_EQ(w[2], "1") << line;
    EXPECT_EQ(w[3], "1") << line;
  }
  // p = 1, d = 1: m = 15s - 2 + (k-1) + op + 1 = 32, so 15s + k + op = 34 with k <= 7, op < s:
  // only s = 2, with k4 op0 or k3 op1.
  EXPECT_EQ(rows, 2) << r.out;
  expect_usage_error({"solve", "--n", "16", "--m", "32", "--d", "17"},
                     "--d: dilation must be a whole number from 1 to 16, got '17'");
  expect_usage_error({"solve", "--n", "16", "--m", "32", "--p", "-1"},
                     "--p: padding must be a whole number >= 0, got '-1'");
  expect_usage_error({"solve", "--n", "16", "--m", "32", "--limit", "x"},
                     "--limit: the number of layers shown must be a whole number from 0 to 100000, "
                     "got 'x'");
}

TEST(ShapeToolsCli, ShapeExplainsTheArticlesStrideTwoCase) {
  RunResult r =
      run_in_process({"shape", "--k", "2", "--s", "2", "--p", "1", "--n", "2", "--m", "3"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "");
  EXPECT_NE(r.out.find("  m = (2-1)*2 - 2*1 + 2 = 2\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("    3 -> floor((3 + 2*1 - 2)/2) + 1 = 2\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  m = 3 is reachable with output_padding = 1: m = 2 + 1.\n"),
            std::string::npos)
      << r.out;
}

TEST(ShapeToolsCli, ShapeCompareTfShowsTheOnePixelShift) {
  RunResult r = run_in_process({"shape", "--dims", "1", "--k", "3", "--s", "2", "--p", "1", "--op",
                                "1", "--n", "4", "--compare", "tf"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(
      r.out.find("  Keras padding='same'           n*s = 4*2 = 8                              "
                 "full[0:8]\n"),
      std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("full[1:9]"), std::string::npos);
  EXPECT_NE(r.out.find("shifted by 1"), std::string::npos);
}

TEST(ShapeToolsCli, ExplainGainsTheOverlapStageAndTheComparison) {
  RunResult r = run_in_process(
      {"explain", "--k", "3", "--s", "2", "--n", "3", "--stages", "overlap", "--compare", "tf"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("[1] overlap: "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("    2 2 2 4 2 4 2 2\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\nTensorFlow/Keras comparison\n"), std::string::npos) << r.out;
  RunResult json = run_in_process({"explain", "--k", "3", "--s", "2", "--n", "3", "--stages",
                                   "overlap", "--compare", "tf", "--format", "json"});
  EXPECT_EQ(json.exit_code, 0);
  EXPECT_NE(json.out.find("{\"id\": \"overlap\""), std::string::npos) << json.out;
  EXPECT_NE(json.out.find("  \"compare_tf\": {\"axes\": ["), std::string::npos) << json.out;
  EXPECT_EQ(json.out.substr(json.out.size() - 6), "}]}\n}\n") << json.out;
}

TEST(ShapeToolsCli, EveryFormatWorksForEveryTool) {
  for (const char* format : {"text", "markdown", "json"}) {
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"shape", "--k", "3", "--n", "4", "--compare", "tf"},
          std::vector<std::string>{"solve", "--n", "4", "--m", "8", "--k", "4"},
          std::vector<std::string>{"chain", "--n", "2", "--layers", "k3s2p1op1"}}) {
      std::vector<std::string> with_format = args;
      with_format.insert(with_format.end(), {"--format", format});
      RunResult r = run_in_process(with_format);
      EXPECT_EQ(r.exit_code, 0) << args[0] << " " << format << ": " << r.err;
      EXPECT_FALSE(r.out.empty());
      for (char c : r.out) EXPECT_TRUE(c == '\n' || (c >= 0x20 && c < 0x7f)) << args[0];
    }
  }
}

TEST(ShapeToolsCli, BadInputIsOneLineNamingTheOption) {
  expect_usage_error({"shap", "--n", "3"},
                     "unknown subcommand 'shap'; available: explain, shape, solve, chain, quiz");
  expect_usage_error({"shape", "--n", "3", "--k", "3", "--m", "0"},
                     "--m: output size must be a whole number >= 1, got '0'");
  expect_usage_error({"shape", "--n", "3", "--k", "3", "--compare", "keras"},
                     "--compare: unknown comparison 'keras'; choose one of: tf");
  // shape judges sizes exactly like explain.
  for (const std::vector<std::string>& sizes :
       {std::vector<std::string>{"--n", "2", "--k", "2", "--s", "2", "--p", "3"},
        std::vector<std::string>{"--n", "2x3", "--k", "2", "--s", "2", "--p", "0x3"},
        std::vector<std::string>{"--n", "2", "--k", "3", "--s", "2", "--op", "2", "--dims", "1"}}) {
    std::vector<std::string> shape = {"shape"}, explain = {"explain"};
    shape.insert(shape.end(), sizes.begin(), sizes.end());
    explain.insert(explain.end(), sizes.begin(), sizes.end());
    RunResult want = run_in_process(explain);
    EXPECT_EQ(want.exit_code, 2);
    expect_usage_error(shape, want.err.substr(7, want.err.size() - 8));
  }
  expect_usage_error({"shape", "--n", "3", "--k", "3", "--format", "yaml"},
                     "--format: unknown format 'yaml'; choose one of: text, markdown, json");
  expect_usage_error({"solve", "--n", "16", "--m", "32", "--max-k", "65"},
                     "--max-k: the largest kernel size must be a whole number from 1 to 64, got "
                     "'65'");
  expect_usage_error({"solve", "--n", "16", "--m", "32", "--k", "0"},
                     "--k: kernel size must be a whole number >= 1, got '0'");
  expect_usage_error({"solve", "--n", "16x8", "--m", "32", "--dims", "1"},
                     "--n: --dims 1 takes a single number, got '16x8'");
  expect_usage_error({"chain", "--n", "1"},
                     "--layer: no layers given; add --layer k4s2p1 once per layer, or --layers "
                     "k4s1p0,k4s2p1");
  expect_usage_error({"chain", "--n", "1", "--layer", "k4", "--layers", "k4"},
                     "--layer/--layers: give the layers with one of them, not both");
  expect_usage_error({"chain", "--n", "4", "--layer", "k4s2q1"},
                     "--layer #1 (k4s2q1): unexpected 'q' at position 5; write k, s, p, d, op, "
                     "each followed by a number or ROWSxCOLS, and c (out_channels), g (groups), "
                     "each followed by a number, e.g. k4s2p1c64");
  expect_usage_error({"chain", "--dims", "1", "--n", "4", "--layers", "k3s1p0,k3s1p0,k3s1p9"},
                     "--layers #3 (k3s1p9): padding 9 leaves no output for an input of size 8: "
                     "m = (8-1)*1 - 2*9 + 3 = (-8) < 1; the largest padding that works here is 4");
  expect_usage_error({"chain", "--n", "4", "--layers", "k4s2p1,k4s2p1op2"},
                     "--layers #2 (k4s2p1op2): output_padding 2 must be smaller than "
                     "max(stride, dilation) = 2");
  expect_usage_error({"explain", "--n", "3", "--k", "3", "--compare", "tf", "--format", "latex"},
                     "--compare: the TensorFlow comparison is written in text, unicode, markdown "
                     "and json, not with --format latex");
}

TEST(ShapeToolsCli, SolveIsInstantForLargeSizes) {
  RunResult r = run_in_process({"solve", "--n", "4096", "--m", "4095", "--format", "json"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_LT(r.seconds, 2.0);  // the search itself takes microseconds
}

}  // namespace
