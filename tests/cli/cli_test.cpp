// Behaviour of the convt executable as a user meets it: exit codes, the exact one-line error
// messages, help and version, and the properties of piped output (ASCII, deterministic, width).
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "run_convt.h"

namespace {

using convt::testing::run_convt;
using convt::testing::RunResult;

/// The article's k=3, s=1, p=1, n=3 case; its output is PyTorch's
/// [[26,56,54],[84,165,144],[134,236,186]] (tests/fixtures/pytorch_cases.json, category article).
const std::vector<std::string> kArticleCase = {"explain", "--k", "3",   "--s", "1",
                                               "--p",     "1",   "--n", "3"};

std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string>& more) {
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

/// Bad input: exit 2, nothing on stdout, and exactly the one line "convt: <message>" on stderr.
void expect_usage_error(const std::vector<std::string>& args, const std::string& message) {
  std::string command = "convt";
  for (const std::string& a : args) command += " " + a;
  SCOPED_TRACE(command);
  RunResult r = run_convt(args);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "convt: " + message + "\n");
}

TEST(Cli, ArticleCaseEndsWithPyTorchOutput) {
  auto r = run_convt(kArticleCase);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "");
  EXPECT_NE(r.out.find("    0  26  56  54\n    1  84 165 144\n    2 134 236 186\n"),
            std::string::npos)
      << r.out;
}

// --- Help and version --------------------------------------------------------------------------

TEST(CliHelp, VersionPrintsNameAndVersionAndExitsZero) {
  auto r = run_convt({"--version"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "convt 0.1.0\n");
  EXPECT_EQ(r.err, "");
}

TEST(CliHelp, HelpListsTheSubcommandAndExitsZero) {
  auto r = run_convt({"--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("explain"), std::string::npos) << r.out;
  EXPECT_EQ(r.err, "");
}

TEST(CliHelp, ExplainHelpListsEveryOptionAndExitsZero) {
  auto r = run_convt({"explain", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "");
  for (const char* option : {"--n", "--k", "--s", "--p", "--d", "--op", "--dims", "--kernel",
                             "--input", "--format", "--stages", "--width", "--full", "--max-cells"})
    EXPECT_NE(r.out.find(option), std::string::npos) << option;
}

// --- Missing or unknown subcommand and options -------------------------------------------------

TEST(CliErrors, NoArgumentsPrintsUsageOnStderrAndExitsTwo) {
  auto r = run_convt({});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err.rfind("usage: convt explain --n N --k K", 0), 0u) << r.err;
}

TEST(CliErrors, OptionsWithoutSubcommandAskForOne) {
  expect_usage_error({"--k", "3", "--n", "3"},
                     "a subcommand is required, e.g. convt explain --k 3 --s 1 --p 1 --n 3 (see "
                     "convt --help)");
}

TEST(CliErrors, UnknownSubcommandListsTheAvailableOnes) {
  expect_usage_error({"explian", "--k", "3", "--n", "3"},
                     "unknown subcommand 'explian'; available: explain, shape, solve, chain");
}

TEST(CliErrors, MissingInputSizeNamesN) {
  expect_usage_error({"explain", "--k", "3"}, "--n is required");
}

TEST(CliErrors, MissingKernelSizeNamesK) {
  expect_usage_error({"explain", "--n", "3"}, "--k is required");
}

TEST(CliErrors, UnknownOptionIsNamed) {
  expect_usage_error(with(kArticleCase, {"--bogus"}),
                     "The following argument was not expected: --bogus");
}

TEST(CliErrors, TrailingJunkArgumentIsNamed) {
  expect_usage_error(with(kArticleCase, {"extra"}),
                     "The following argument was not expected: extra");
}

TEST(CliErrors, RepeatedOptionIsRefused) {
  expect_usage_error(with(kArticleCase, {"--k", "2"}),
                     "--k: given more than once; give each option once");
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
                     "--k: expected one number or ROWSxCOLS such as 3x2, got '3x3x3'");
}

TEST(CliErrors, UnknownFormatListsTheFormats) {
  expect_usage_error(with(kArticleCase, {"--format", "xml"}),
                     "--format: unknown format 'xml'; choose one of: text, unicode, markdown, "
                     "latex, json, svg");
}

TEST(CliErrors, UnknownStageListsEveryValidId) {
  expect_usage_error(with(kArticleCase, {"--stages", "output,bogus"}),
                     "--stages: unknown stage id 'bogus'; valid ids: formula, kernel, input, "
                     "conv_matrix, transposed_matrix, matrix_output, scatter_output, "
                     "zero_inserted, padded_input, flipped_kernel, dilated_kernel, "
                     "direct_output, output, overlap, check");
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
  auto r = run_convt({"explain", "--k", "3", "--s", "1", "--d", "2", "--n", "2", "--op", "1"});
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

// --- Piped output ------------------------------------------------------------------------------

TEST(CliOutput, PipedOutputIsPlainAsciiWithoutEscapes) {
  for (const auto& args : {kArticleCase, with(kArticleCase, {"--format", "json"}),
                           std::vector<std::string>{"explain", "--k", "3", "--s", "2", "--p", "0",
                                                    "--op", "1", "--n", "2"}}) {
    auto r = run_convt(args, {"CLICOLOR_FORCE=0", "TERM=xterm-256color"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    ASSERT_FALSE(r.out.empty());
    for (size_t i = 0; i < r.out.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(r.out[i]);
      ASSERT_TRUE(c == '\n' || (c >= 0x20 && c < 0x7f))
          << "byte " << int(c) << " at offset " << i << " of: " << args.back();
    }
  }
}

TEST(CliOutput, TwoRunsPrintIdenticalOutput) {
  for (const auto& args : {kArticleCase, with(kArticleCase, {"--format", "json"})}) {
    auto first = run_convt(args);
    auto second = run_convt(args);
    ASSERT_EQ(first.exit_code, 0);
    EXPECT_EQ(first.out, second.out);
  }
}

TEST(CliOutput, PipedOutputDefaultsToWidth100) {
  auto piped = run_convt(kArticleCase);
  auto explicit_width = run_convt(with(kArticleCase, {"--width", "100"}));
  EXPECT_EQ(piped.out, explicit_width.out);
}

TEST(CliOutput, Width60KeepsEveryLineWithin60Characters) {
  auto r = run_convt({"explain", "--k", "3", "--n", "8", "--width", "60"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const std::string& line : lines_of(r.out)) EXPECT_LE(line.size(), 60u) << line;
  // The 64 x 100 matrix C cannot fit: it must have been elided, with a note saying so.
  EXPECT_NE(r.out.find("are not shown"), std::string::npos);
}

// n=8, k=3: the F-grid is 10 x 10, so C has 64 rows and 100 columns.
TEST(CliOutput, FullPrintsEveryRowAndColumn) {
  auto r = run_convt(
      {"explain", "--k", "3", "--n", "8", "--width", "60", "--full", "--stages", "conv_matrix"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find("..."), std::string::npos);
  EXPECT_EQ(r.out.find("not shown"), std::string::npos);
  int matrix_rows = 0;
  for (const std::string& line : lines_of(r.out)) {
    std::istringstream cells(line);
    std::string label, cell;
    cells >> label;
    if (!std::regex_match(label, std::regex(R"(\(\d+,\d+\))"))) continue;  // rows of C: (a,b)
    ++matrix_rows;
    int count = 0;
    while (cells >> cell) ++count;
    EXPECT_EQ(count, 100) << line;
  }
  EXPECT_EQ(matrix_rows, 64);
}

TEST(CliOutput, JsonOfTheArticleCaseHoldsPyTorchOutput) {
  auto r = run_convt(with(kArticleCase, {"--format", "json", "--stages", "output"}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"output_size\": [3,3]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"id\": \"output\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"values\": [\n       [26,56,54],\n       [84,165,144],\n       "
                       "[134,236,186]]"),
            std::string::npos)
      << r.out;
}

TEST(CliOutput, ErrorsWriteNothingToStdoutEvenForJson) {
  auto r = run_convt({"explain", "--k", "3", "--n", "2", "--p", "3", "--format", "json"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
}

}  // namespace
