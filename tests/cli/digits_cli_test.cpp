// --digits N and exact decimal values on the command line, run in-process: every format shows
// the issue's case as exact decimals, --digits rounds what is shown, bad values are one line.
// Engine side: tests/engine/exact_decimal_test.cpp.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "expect_usage_error.h"
#include "run_in_process.h"

namespace {

using convt::testing::expect_usage_error;
using convt::testing::run_in_process;
using convt::testing::with;

// The issue's case: by hand, the output is [[0.01,0.04,0.04],[0.06,0.23,0.22],[0.09,0.33,0.28]]
// and <u, C^T x> = 0.41 (tests/engine/exact_decimal_test.cpp).
const std::vector<std::string> kIssue = {"explain",
                                         "--k",
                                         "2",
                                         "--n",
                                         "2",
                                         "--kernel",
                                         "0.1,0.2,0.3,0.4",
                                         "--input",
                                         "0.1,0.2,0.3,0.7",
                                         "--stages",
                                         "output,check"};

TEST(ExactDecimalsCli, EveryFormatPrintsTheExactDecimals) {
  for (const std::string format : {"text", "unicode", "markdown", "latex", "json"}) {
    const auto r = run_in_process(with(kIssue, {"--format", format}));
    ASSERT_EQ(r.exit_code, 0) << format << r.err;
    EXPECT_NE(r.out.find("0.01"), std::string::npos) << format;
    EXPECT_NE(r.out.find("0.23"), std::string::npos) << format;
    EXPECT_NE(r.out.find("0.41"), std::string::npos) << format;
    EXPECT_EQ(r.out.find("0.0100000"), std::string::npos) << format;
    EXPECT_EQ(r.out.find("9999999"), std::string::npos) << format;
  }
  const auto json = run_in_process(with(kIssue, {"--format", "json"}));
  EXPECT_NE(json.out.find("[0.01,0.04,0.04],\n       [0.06,0.23,0.22],\n       [0.09,0.33,0.28]"),
            std::string::npos)
      << json.out;
  EXPECT_NE(json.out.find("(row-major): 0.41 = 0.41\", \"ok\": true"), std::string::npos);
}

TEST(DigitsCli, RoundsTextAndJsonAndKeepsTheCheck) {
  auto r = run_in_process(with(kIssue, {"--digits", "1", "--quiet-text"}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // 0.01 0.04 0.04 / 0.06 0.23 0.22 / 0.09 0.33 0.28 at one decimal, the widths from the
  // rounded text.
  EXPECT_NE(r.out.find("output: Crop to the output (3 x 3)\n\n"
                       "        0   1   2\n"
                       "    0   0   0   0\n"
                       "    1 0.1 0.2 0.2\n"
                       "    2 0.1 0.3 0.3\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("(row-major): 0.4 = 0.4"), std::string::npos);
  EXPECT_NE(r.out.find("PASS"), std::string::npos);

  r = run_in_process(with(kIssue, {"--digits", "0", "--format", "json"}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("[0,0,0],\n       [0,0,0],\n       [0,0,0]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"passed\": true"), std::string::npos);
}

TEST(DigitsCli, BadValuesAreOneLineNamingTheOption) {
  const std::vector<std::string> base = {"explain", "--k", "2", "--n", "2"};
  expect_usage_error(with(base, {"--digits", "16"}),
                     "--digits: the number of decimals must be a whole number from 0 to 15, got "
                     "'16'");
  expect_usage_error(with(base, {"--digits", "-1"}),
                     "--digits: the number of decimals must be a whole number from 0 to 15, got "
                     "'-1'");
  expect_usage_error(with(base, {"--digits", "1.5"}),
                     "--digits: the number of decimals must be a whole number from 0 to 15, got "
                     "'1.5'");
}

}  // namespace
