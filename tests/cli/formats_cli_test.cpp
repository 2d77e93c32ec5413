// The format options on the command line, run in-process (run_in_process.h): the one-line
// errors of --color, --standalone and --format, and --stages choosing the stages. The format
// goldens: tests/e2e/golden_formats_test.cpp; colour and width when piped or on a terminal:
// tests/e2e/terminal_test.cpp.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "run_in_process.h"

namespace {

using convt::testing::with;

using convt::testing::run_in_process;

const std::vector<std::string> kArticle = {"explain", "--k", "3",   "--s", "1",
                                           "--p",     "1",   "--n", "3"};

TEST(FormatErrors, BadColorStandaloneAndFormatAreOneLineNamingTheOption) {
  auto r = run_in_process(with(kArticle, {"--color", "sometimes"}));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "convt: --color: unknown value 'sometimes'; choose one of: auto, always, never\n");
  r = run_in_process(with(kArticle, {"--standalone"}));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "convt: --standalone: only --format latex writes a complete document, got --format "
            "text\n");
  r = run_in_process(with(kArticle, {"--format", "html"}));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err.rfind("convt: --format: unknown format 'html'; choose one of: text, unicode, "
                        "markdown, latex, json",
                        0),
            0u)
      << r.err;
}

TEST(FormatErrors, PaperNeedsStandaloneAndTakesA4OrLetter) {
  auto r = run_in_process(with(kArticle, {"--format", "latex", "--paper", "a4"}));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "convt: --paper: sets the page of a complete document; it needs --format latex "
            "--standalone\n");
  r = run_in_process(with(kArticle, {"--format", "latex", "--standalone", "--paper", "a5"}));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "convt: --paper: unknown value 'a5'; choose one of: a4, letter\n");
  r = run_in_process(with(kArticle, {"--format", "latex", "--standalone", "--paper", "letter"}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\\usepackage[letterpaper,margin=2cm]{geometry}"), std::string::npos);
}

TEST(FormatStages, OnlyTheNamedStagesInPipelineOrder) {
  const auto r =
      run_in_process(with(kArticle, {"--format", "markdown", "--stages", "check,kernel"}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const size_t kernel = r.out.find("\n## 1. The kernel w");
  const size_t check = r.out.find("\n## 2. Check");
  EXPECT_NE(kernel, std::string::npos);
  EXPECT_NE(check, std::string::npos);
  EXPECT_LT(kernel, check);
  size_t headings = 0;
  for (size_t at = r.out.find("\n## "); at != std::string::npos; at = r.out.find("\n## ", at + 1))
    ++headings;
  EXPECT_EQ(headings, 2u);
}

TEST(FormatPython, RefusesSymbolsStagesAndDigitsAndWhatItCannotEmbed) {
  // --format python recomputes every stage's exact values: one line naming both options.
  for (const std::vector<std::string>& extra : std::vector<std::vector<std::string>>{
           {"--symbolic"}, {"--stages", "output"}, {"--digits", "2"}}) {
    const auto r = run_in_process(with(with(kArticle, {"--format", "python"}), extra));
    EXPECT_EQ(r.exit_code, 2) << extra[0];
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, "convt: --format python: cannot be combined with " + extra[0] +
                         "; the script checks every stage's exact values against PyTorch\n");
  }
  const auto big = run_in_process(with(kArticle, {"--format", "python", "--max-cells", "100"}));
  EXPECT_EQ(big.exit_code, 2);
  EXPECT_EQ(big.out, "");
  EXPECT_EQ(big.err,
            "convt: --format python: stage 'conv_matrix' has 225 cells, over --max-cells 100; the "
            "script embeds every value, so choose smaller sizes or raise --max-cells\n");
  const auto ok = run_in_process(with(kArticle, {"--format", "python", "--quiet-text", "--full"}));
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_TRUE(ok.out.ends_with("print(\"all stages match PyTorch\")\n"));
}

}  // namespace
