// `convt explain` as a user meets it, run in-process (run_in_process.h): the article's case, and
// the properties of output that is not a terminal (ASCII, deterministic, width, --full, JSON,
// nothing on stdout on error). The exact error messages: cli_errors_test.cpp; --help and
// --version through the real executable: tests/e2e/help_test.cpp.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <sstream>
#include <string>
#include <vector>

#include "run_in_process.h"

namespace {

using convt::testing::with;

using convt::testing::run_in_process;

/// The article's k=3, s=1, p=1, n=3 case; its output is PyTorch's
/// [[26,56,54],[84,165,144],[134,236,186]] (tests/fixtures/pytorch_cases.json, category article).
const std::vector<std::string> kArticleCase = {"explain", "--k", "3",   "--s", "1",
                                               "--p",     "1",   "--n", "3"};

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

/// Whether `label` is "(a,b)" with a and b whole numbers: the label of a row of C.
/// (Not std::regex: GCC 12 warns maybe-uninitialized inside <regex> under -O1 -fsanitize.)
bool is_coordinate_label(const std::string& label) {
  const size_t comma = label.find(',');
  auto digits = [&](size_t from, size_t to) {
    return to > from && std::all_of(label.begin() + static_cast<std::ptrdiff_t>(from),
                                    label.begin() + static_cast<std::ptrdiff_t>(to),
                                    [](char c) { return c >= '0' && c <= '9'; });
  };
  return label.size() >= 5 && label.front() == '(' && label.back() == ')' &&
         comma != std::string::npos && digits(1, comma) && digits(comma + 1, label.size() - 1);
}

TEST(Cli, ArticleCaseEndsWithPyTorchOutput) {
  auto r = run_in_process(kArticleCase);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "");
  EXPECT_NE(r.out.find("    0  26  56  54\n    1  84 165 144\n    2 134 236 186\n"),
            std::string::npos)
      << r.out;
}

// --- Output that is not a terminal ----------------------------------------------------------

TEST(CliOutput, PipedOutputIsPlainAsciiWithoutEscapes) {
  for (const auto& args : {kArticleCase, with(kArticleCase, {"--format", "json"}),
                           std::vector<std::string>{"explain", "--k", "3", "--s", "2", "--p", "0",
                                                    "--op", "1", "--n", "2"}}) {
    auto r = run_in_process(args, {"CLICOLOR_FORCE=0", "TERM=xterm-256color"});
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
    auto first = run_in_process(args);
    auto second = run_in_process(args);
    ASSERT_EQ(first.exit_code, 0);
    EXPECT_EQ(first.out, second.out);
  }
}

TEST(CliOutput, PipedOutputDefaultsToWidth100) {
  auto piped = run_in_process(kArticleCase);
  auto explicit_width = run_in_process(with(kArticleCase, {"--width", "100"}));
  EXPECT_EQ(piped.out, explicit_width.out);
}

TEST(CliOutput, Width60KeepsEveryLineWithin60Characters) {
  auto r = run_in_process({"explain", "--k", "3", "--n", "8", "--width", "60"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const std::string& line : lines_of(r.out)) EXPECT_LE(line.size(), 60u) << line;
  // The 64 x 100 matrix C cannot fit: it must have been elided, with a note saying so.
  EXPECT_NE(r.out.find("are not shown"), std::string::npos);
}

// n=8, k=3: the F-grid is 10 x 10, so C has 64 rows and 100 columns.
TEST(CliOutput, FullPrintsEveryRowAndColumn) {
  auto r = run_in_process(
      {"explain", "--k", "3", "--n", "8", "--width", "60", "--full", "--stages", "conv_matrix"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find("..."), std::string::npos);
  EXPECT_EQ(r.out.find("not shown"), std::string::npos);
  int matrix_rows = 0;
  for (const std::string& line : lines_of(r.out)) {
    std::istringstream cells(line);
    std::string label, cell;
    cells >> label;
    if (!is_coordinate_label(label)) continue;  // rows of C: (a,b)
    ++matrix_rows;
    int count = 0;
    while (cells >> cell) ++count;
    EXPECT_EQ(count, 100) << line;
  }
  EXPECT_EQ(matrix_rows, 64);
}

TEST(CliOutput, JsonOfTheArticleCaseHoldsPyTorchOutput) {
  auto r = run_in_process(with(kArticleCase, {"--format", "json", "--stages", "output"}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"output_size\": [3,3]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"id\": \"output\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"values\": [\n       [26,56,54],\n       [84,165,144],\n       "
                       "[134,236,186]]"),
            std::string::npos)
      << r.out;
}

TEST(CliOutput, ScatterStampsCanBeSelectedAloneInEveryFormat) {
  // The article's case: nine stamps of its 5 x 5 F-grid, x(2,2) = 9 the last one shown.
  auto text = run_in_process(with(kArticleCase, {"--stages", "scatter_stamps"}));
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("[1] scatter_stamps:"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("x(2,2) = 9"), std::string::npos) << text.out;
  EXPECT_EQ(text.out.find("not shown"), std::string::npos) << text.out;
  for (const char* format : {"unicode", "markdown", "latex"}) {
    auto r = run_in_process(with(kArticleCase, {"--stages", "scatter_stamps", "--format", format}));
    EXPECT_EQ(r.exit_code, 0) << format << ": " << r.err;
    EXPECT_NE(r.out.find("x(2,2)"), std::string::npos) << format;
  }
  auto json =
      run_in_process(with(kArticleCase, {"--stages", "scatter_stamps", "--format", "json"}));
  EXPECT_NE(json.out.find("{\"cell\": [2,2], \"x\": 9,"), std::string::npos) << json.out;
}

TEST(CliOutput, ErrorsWriteNothingToStdoutEvenForJson) {
  auto r = run_in_process({"explain", "--k", "3", "--n", "2", "--p", "3", "--format", "json"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
}

}  // namespace
