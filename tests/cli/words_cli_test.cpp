// Words a teacher would write: real singular and plural (no "cell(s)"), the crop stage when
// nothing is cropped, and 1-D sentences that count cells. Run in-process (run_in_process.h).
// The counts are worked by hand from the parameters: s-1 zeros between input cells, p cells
// cropped at each end, one line per layer of a chain.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "run_in_process.h"

namespace {

using convt::testing::run_in_process;

/// The output of a successful run, on one line per sentence (a wide --width).
std::string out_of(std::vector<std::string> args) {
  args.insert(args.end(), {"--width", "1000"});
  const auto r = run_in_process(args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  return r.out;
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(WordsCli, OneZeroBetweenInputCellsIsSingular) {
  // s = 2: s-1 = 1 zero between neighbouring input cells.
  const std::string out =
      out_of({"explain", "--k", "3", "--s", "2", "--n", "2", "--stages", "zero_inserted"});
  EXPECT_TRUE(has(out, "First put s-1 = 1 zero between neighbouring input cells")) << out;
  EXPECT_FALSE(has(out, "(s)")) << out;
}

TEST(WordsCli, TwoZerosBetweenInputCellsArePlural) {
  // s = 3: s-1 = 2 zeros; d(k-1) = 2 padding zeros on every side.
  const std::string out = out_of(
      {"explain", "--k", "3", "--s", "3", "--n", "2", "--stages", "zero_inserted,padded_input"});
  EXPECT_TRUE(has(out, "First put s-1 = 2 zeros between neighbouring input cells")) << out;
  EXPECT_TRUE(has(out, "Add d(k-1) = 2 zeros on every side")) << out;
  EXPECT_FALSE(has(out, "(s)")) << out;
}

TEST(WordsCli, CropOfOneCellIsSingularAndOfTwoPlural) {
  EXPECT_TRUE(has(out_of({"explain", "--k", "3", "--p", "1", "--n", "3", "--stages", "output"}),
                  "1 cell at the start of each axis and 1 at the end, leaving 3 x 3."));
  EXPECT_TRUE(has(out_of({"explain", "--k", "5", "--p", "2", "--n", "3", "--stages", "output"}),
                  "2 cells at the start of each axis and 2 at the end, leaving 3 x 3."));
}

TEST(WordsCli, ChainOfOneLayerAndOfTwo) {
  const std::string one = out_of({"chain", "--n", "4", "--layers", "k3s2p1"});
  EXPECT_TRUE(has(one, "Chain of 1 transposed convolution (ConvTranspose2d): 4 -> 7")) << one;
  EXPECT_TRUE(has(one, "Uneven overlap in layer 1:")) << one;
  const std::string two = out_of({"chain", "--n", "4", "--layers", "k3s2p1,k3s2p1"});
  EXPECT_TRUE(has(two, "Chain of 2 transposed convolutions (ConvTranspose2d): 4 -> 7 -> 13"))
      << two;
  EXPECT_TRUE(has(two, "Uneven overlap in layers 1, 2:")) << two;
}

TEST(WordsCli, NothingCroppedShowsTheGridOnce) {
  // p = 0, output_padding = 0: the output is the F-grid, (2-1)*1 + 2 = 3 wide.
  const std::string out =
      out_of({"explain", "--k", "2", "--s", "1", "--p", "0", "--n", "2", "--stages", "output"});
  EXPECT_TRUE(has(out, "nothing is cropped: the output is the F-grid itself, 3 x 3.")) << out;
  EXPECT_FALSE(has(out, "before the crop")) << out;
  EXPECT_FALSE(has(out, "after the crop")) << out;
  const std::string zh = out_of({"explain", "--k", "2", "--s", "1", "--p", "0", "--n", "2",
                                 "--stages", "output", "--lang", "zh"});
  EXPECT_TRUE(has(zh, "什么也不裁剪：输出就是 F 网格本身，3 x 3。")) << zh;
  EXPECT_FALSE(has(zh, "裁剪前")) << zh;
}

TEST(WordsCli, CroppedOutputStillShowsTheGridBeforeAndAfter) {
  const std::string out =
      out_of({"explain", "--k", "3", "--s", "1", "--p", "1", "--n", "3", "--stages", "output"});
  EXPECT_TRUE(has(out, "before the crop, the F-grid (5 x 5):")) << out;
  EXPECT_TRUE(has(out, "after the crop, the output (3 x 3):")) << out;
}

TEST(WordsCli, OneDimensionalSentencesCountCells) {
  // n = 4, k = 3, s = 2: F = m = (4-1)*2 + 3 = 9.
  const std::string out = out_of({"explain", "--dims", "1", "--k", "3", "--s", "2", "--n", "4",
                                  "--stages", "kernel,matrix_output,check"});
  EXPECT_TRUE(has(out, "The 3 weights of the layer, in order")) << out;
  EXPECT_FALSE(has(out, "row-major")) << out;
  EXPECT_TRUE(has(out, "the product is the F-grid, 9 cells.")) << out;
  EXPECT_TRUE(has(out, "output size 9 equals the formula's m = 9")) << out;
  EXPECT_TRUE(has(out, "PASS: every route gives the same 9 cells.")) << out;
}

}  // namespace
