// The exact one-line errors of `convt explain` (exit status 2, nothing on stdout): a missing or
// unknown subcommand or option, values of single options, rules that involve several options,
// kernel and input values. Run in-process (run_in_process.h). The bad-input table:
// bad_input_test.cpp.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "expect_usage_error.h"
#include "run_in_process.h"

namespace {

using convt::testing::expect_usage_error;

using convt::testing::with;

using convt::testing::run_in_process;
using convt::testing::RunResult;

/// The article's k=3, s=1, p=1, n=3 case.
const std::vector<std::string> kArticleCase = {"explain", "--k", "3",   "--s", "1",
                                               "--p",     "1",   "--n", "3"};

// --- Missing or unknown subcommand and options -------------------------------------------------

TEST(CliErrors, NoArgumentsPrintsTheOverviewAndExitsZero) {
  auto r = run_in_process({});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "");
  EXPECT_NE(r.out.find("\nUsage: convt [OPTIONS] SUBCOMMAND\n"), std::string::npos) << r.out;
}

TEST(CliErrors, OptionsWithoutSubcommandAskForOne) {
  expect_usage_error({"--k", "3", "--n", "3"},
                     "a subcommand is required, e.g. convt explain --k 3 --s 1 --p 1 --n 3 (see "
                     "convt --help)");
  // ... unless an option is a near miss of convt's own.
  expect_usage_error({"--versoin"}, "--versoin: unknown option of convt; did you mean --version?");
}

TEST(CliErrors, UnknownSubcommandListsTheAvailableOnes) {
  expect_usage_error({"explian", "--k", "3", "--n", "3"},
                     "unknown subcommand 'explian'; available: explain, shape, solve, chain, quiz");
}

TEST(CliErrors, MissingInputSizeNamesN) {
  expect_usage_error({"explain", "--k", "3"}, "--n is required");
}

TEST(CliErrors, MissingKernelSizeNamesK) {
  expect_usage_error({"explain", "--n", "3"}, "--k is required");
}

TEST(CliErrors, UnknownOptionIsNamed) {
  expect_usage_error(with(kArticleCase, {"--bogus"}),
                     "--bogus: unknown option of convt explain; see convt explain --help");
}

TEST(CliErrors, TrailingJunkArgumentIsNamed) {
  expect_usage_error(
      with(kArticleCase, {"extra"}),
      "unexpected argument 'extra'; every value follows its option, as in --n 3 (see "
      "convt explain --help)");
}

TEST(CliErrors, RepeatedOptionIsRefused) {
  expect_usage_error(with(kArticleCase, {"--k", "2"}),
                     "--k: given more than once; give each option once");
}

TEST(CliErrors, RepeatedValueListsAreRefusedLikeRepeatedOptions) {
  // Once the lists were joined: 1,2,3 and 4,5,6,7,8,9 made the nine values of a 3x3 kernel.
  expect_usage_error(with(kArticleCase, {"--kernel", "1,2,3", "--kernel", "4,5,6,7,8,9"}),
                     "--kernel: given more than once; give each option once");
  expect_usage_error(with(kArticleCase, {"--input=1,2,3,4", "--input=5,6,7,8,9"}),
                     "--input: given more than once; give each option once");
  expect_usage_error(with(kArticleCase, {"--input", "1,2,3,4,5,6,7,8,9", "--input=1"}),
                     "--input: given more than once; give each option once");
}

TEST(CliErrors, ValueListGivenOnceAsSeveralWordsIsOneList) {
  auto r = run_in_process(with(kArticleCase, {"--kernel", "1", "2", "3", "4", "5", "6", "7", "8",
                                              "9", "--stages", "formula"}));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
}

// --- Values of single options ------------------------------------------------------------------

TEST(CliErrors, ZeroKernelSizeIsRefused) {
  expect_usage_error({"explain", "--k", "0", "--n", "3"},
                     "--k: kernel size must be a whole number >= 1, got '0'");
}

TEST(CliErrors, ZeroStrideIsRefused) {
  expect_usage_error({"explain", "--k", "3", "--s", "0", "--n", "3"},
                     "--s: stride must be a whole number >= 1, got '0'");
}

TEST(CliErrors, NegativePaddingIsRefused) {
  expect_usage_error({"explain", "--k", "3", "--p", "-1", "--n", "3"},
                     "--p: padding must be a whole number >= 0, got '-1'");
}

TEST(CliErrors, NonNumericInputSizeIsRefused) {
  expect_usage_error({"explain", "--k", "3", "--n", "abc"},
                     "--n: input size must be a whole number >= 1, got 'abc'");
}

TEST(CliErrors, ThreeAxisSizeIsRefused) {
  expect_usage_error({"explain", "--k", "3x3x3", "--n", "3"},
                     "--k: expected one number, ROWSxCOLS such as 3x2, or DEPTHxROWSxCOLS such "
                     "as 3x2x2 with --dims 3, got '3x3x3'");
}

TEST(CliErrors, UnknownFormatListsTheFormats) {
  expect_usage_error(with(kArticleCase, {"--format", "xml"}),
                     "--format: unknown format 'xml'; choose one of: text, unicode, markdown, "
                     "latex, json, svg, python");
}

TEST(CliErrors, UnknownStageListsEveryValidId) {
  expect_usage_error(with(kArticleCase, {"--stages", "output,bogus"}),
                     "--stages: unknown stage id 'bogus'; valid ids: formula, kernel, input, "
                     "conv_matrix, transposed_matrix, matrix_output, scatter_stamps, "
                     "scatter_output, zero_inserted, padded_input, flipped_kernel, "
                     "dilated_kernel, direct_output, output, overlap, check");
}

TEST(CliErrors, TooNarrowWidthIsRefused) {
  expect_usage_error(with(kArticleCase, {"--width", "10"}),
                     "--width: output width must be a whole number from 20 to 100000, got '10'");
}

// --- Rules that involve several options --------------------------------------------------------

// m = (n-1)s - 2p + k = (2-1)*1 - 2*3 + 3 = -2; p = 1 is the largest with m >= 1 (m = 2).
TEST(CliErrors, PaddingThatLeavesNoOutputNamesPAndTheLargestPadding) {
  expect_usage_error({"explain", "--dims", "1", "--k", "3", "--n", "2", "--p", "3"},
                     "--p: padding 3 leaves no output: m = (2-1)*1 - 2*3 + 3 = (-2) < 1; the "
                     "largest padding that works here is 1");
}

TEST(CliErrors, PaddingRuleNamesTheAxisThatBreaksIt) {
  expect_usage_error({"explain", "--k", "3", "--n", "2", "--p", "0x2"},
                     "--p: padding 2 (cols) leaves no output: m = (2-1)*1 - 2*2 + 3 = 0 < 1; the "
                     "largest padding that works here is 1");
}

// PyTorch: output_padding must be smaller than either stride or dilation.
TEST(CliErrors, OutputPaddingNotBelowStrideOrDilationIsRefused) {
  expect_usage_error({"explain", "--dims", "1", "--k", "3", "--s", "2", "--n", "2", "--op", "2"},
                     "--op: output_padding 2 must be smaller than max(stride, dilation) = 2: it "
                     "only picks among the output sizes that all map back to n = 2 under the "
                     "forward convolution");
}

TEST(CliErrors, OutputPaddingBelowDilationIsAccepted) {
  auto r = run_in_process({"explain", "--k", "3", "--s", "1", "--d", "2", "--n", "2", "--op", "1"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
}

// --- Kernel and input values -------------------------------------------------------------------

TEST(CliErrors, WrongNumberOfKernelValuesSaysHowManyAreNeeded) {
  expect_usage_error(with(kArticleCase, {"--kernel", "1,2"}),
                     "--kernel: needs 9 values (k = 3 x 3), got 2");
}

TEST(CliErrors, WrongNumberOfInputValuesSaysHowManyAreNeeded) {
  expect_usage_error({"explain", "--k", "3", "--n", "2", "--input", "1,2"},
                     "--input: needs 4 values (n = 2 x 2), got 2");
}

TEST(CliErrors, NanKernelValueIsRefused) {
  expect_usage_error(with(kArticleCase, {"--kernel", "1,2,3,4,5,6,7,8,nan"}),
                     "--kernel: value 9 'nan' is not finite (NaN and infinities are refused)");
}

TEST(CliErrors, NonNumericKernelValueIsRefused) {
  expect_usage_error(with(kArticleCase, {"--kernel", "1,2,x,4,5,6,7,8,9"}),
                     "--kernel: value 3 'x' is not a number");
}

}  // namespace
