// --symbolic on the command line, run in-process (run_in_process.h): every format accepts it,
// the sums wrap at the width, the figures show them, and the limit on the products is a one-line
// error with exit status 2.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "files.h"
#include "run_in_process.h"

namespace {

using convt::testing::read_file;
using convt::testing::run_in_process;

TEST(SymbolicCli, EveryTextFormatWritesTheSums) {
  const std::vector<std::pair<std::string, std::string>> formats = {
      {"text", "x00*w11"},
      {"unicode", "x\u2080\u2080\u00b7w\u2081\u2081"},
      {"markdown", "$x_{00} w_{11}$"},
      {"latex", "x_{00} w_{11}"},
      {"json", "\"x00*w11\""}};
  for (const auto& [format, sum] : formats) {
    auto r = run_in_process({"explain", "--k", "2", "--s", "2", "--p", "1", "--n", "2",
                             "--symbolic", "--stages", "output", "--format", format});
    ASSERT_EQ(r.exit_code, 0) << format << ": " << r.err;
    EXPECT_NE(r.out.find(sum), std::string::npos) << format << " lacks " << sum;
  }
}

TEST(SymbolicCli, TooManyProductsIsOneLineAndExitTwo) {
  auto r = run_in_process({"explain", "--k", "4", "--n", "26", "--symbolic"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "convt: --symbolic: the sums would hold 10816 products (676 input cells x 16 kernel "
            "taps), over the limit of 10000; use a smaller --n or --k\n");
}

TEST(SymbolicCli, WideSumsAreListedInEveryFormat) {
  for (const std::string format : {"text", "unicode", "markdown", "latex"}) {
    auto r =
        run_in_process({"explain", "--k", "3", "--s", "1", "--p", "1", "--n", "3", "--symbolic",
                        "--stages", "output", "--format", format, "--width", "60"});
    ASSERT_EQ(r.exit_code, 0) << format << ": " << r.err;
    EXPECT_NE(r.out.find("y[1][1] = "), std::string::npos) << format;
    EXPECT_NE(r.out.find("] = sum"), std::string::npos) << format;  // the note
  }
}

TEST(SymbolicCli, ListedSumsWrapAtTheWidth) {
  auto r = run_in_process({"explain", "--k", "3", "--s", "1", "--p", "1", "--n", "3", "--symbolic",
                           "--stages", "output", "--width", "40"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  size_t start = 0;
  while (start < r.out.size()) {
    const size_t end = r.out.find('\n', start);
    const std::string line = r.out.substr(start, end - start);
    if (line.find(" = x") != std::string::npos || line.rfind("            x", 0) == 0) {
      EXPECT_LE(line.size(), 40u) << line;
    }
    start = end + 1;
  }
  EXPECT_NE(r.out.find("  y[1][1] = x00*w22 + x01*w21 +\n            x02*w20 + x10*w12 +\n"),
            std::string::npos)
      << r.out;
}

TEST(SymbolicCli, FiguresShowSumsAndListTheWideOnes) {
  const convt::testing::TempFolder dir;
  auto r = run_in_process({"explain", "--k", "3", "--s", "1", "--p", "1", "--n", "3", "--symbolic",
                           "--format", "svg", "--out", dir.path(), "--stages",
                           "kernel,matrix_output,output"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // The kernel's cells are its symbols (w₁₂, written ASCII-clean as character references); the
  // 5 x 5 sums are listed, not drawn 6000 px wide.
  EXPECT_NE(read_file(dir / "kernel.svg").find(">w&#x2081;&#x2082;<"), std::string::npos);
  const std::string output = read_file(dir / "output.svg");
  EXPECT_NE(output.find("y[1][1] = x&#x2080;&#x2080;&#xB7;w&#x2082;&#x2082; + "),
            std::string::npos);
  EXPECT_NE(output.find("z[0][0] = x&#x2080;&#x2080;&#xB7;w&#x2080;&#x2080; [v]"),
            std::string::npos);
  EXPECT_NE(output.find("width=\"760\""), std::string::npos);
}

}  // namespace
