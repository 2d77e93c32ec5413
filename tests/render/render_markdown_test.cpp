// The Markdown format (render_markdown): headings, pipe tables, escaping and math, elision.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "convt/derivation.h"
#include "convt/render.h"
#include "render_helpers.h"

namespace {

using convt::Derivation;
using convt::RenderOptions;
using convt::StageId;
using convt::testing::contains;
using convt::testing::joined;
using convt::testing::lines_of;

Derivation derive(int64_t n, int64_t k, int64_t s, int64_t p, std::vector<StageId> stages = {},
                  std::vector<double> kernel = {}) {
  return convt::testing::derive_square(n, k, s, p, std::move(stages), std::move(kernel));
}

TEST(Markdown, StagesAreSecondLevelHeadingsAndGridsPipeTables) {
  const std::string md = convt::render_markdown(derive(2, 2, 2, 1), {});
  EXPECT_EQ(md.rfind("# Transposed convolution (ConvTranspose2d): n=2, k=2, s=2, p=1, d=1, "
                     "output\\_padding=0 \u2192 2 \u00d7 2\n",
                     0),
            0u);
  EXPECT_TRUE(contains(md, "\n## 1. Output size\n"));
  EXPECT_TRUE(contains(md, "\n$$m = (2-1)\\cdot 2 - 2\\cdot 1 + 2 = 2$$\n"));
  EXPECT_TRUE(contains(
      md, "\n|         |   0 |   1 |\n| ------- | --: | --: |\n| **0**   |   1 |   2 |\n"));
  EXPECT_TRUE(contains(md, "| **0**   |  ~~1~~ |  ~~2~~ |  ~~2~~ |  ~~4~~ |"));
  EXPECT_TRUE(
      contains(md, "legend: \u00b7 = 0 inserted by the stride; \u2218 = 0 of the d(k-1) padding"));
  EXPECT_TRUE(contains(md, "\n- **ok** output shape 2 \u00d7 2 equals the formula's 2 \u00d7 2\n"));
}

TEST(Markdown, TableRowsHaveTheHeadersCellCount) {
  const std::string md = convt::render_markdown(derive(10, 3, 2, 1), {});
  int64_t header_bars = -1;
  for (const std::string& line : lines_of(md)) {
    if (line.rfind("| ", 0) != 0) {
      header_bars = -1;
      continue;
    }
    const auto bars = std::count(line.begin(), line.end(), '|');
    if (header_bars < 0) header_bars = bars;
    EXPECT_EQ(bars, header_bars) << line;
  }
}

TEST(Markdown, EscapesCatalogueTextAndTypesetsMath) {
  RenderOptions options;
  options.width = 60;
  const std::string md = convt::render_markdown(derive(10, 3, 2, 1), options);
  EXPECT_TRUE(contains(md, "(a\\*s, b\\*s)"));
  EXPECT_TRUE(contains(md, "multiplies by $C^T$"));
  EXPECT_TRUE(contains(md, "w\\[u\\]"));
  EXPECT_TRUE(contains(joined(md), "`--full` prints them all"));
  EXPECT_TRUE(contains(md, "\\<C u, x\\> = \\<u, $C^T$ x\\>"));
  // A wrapped paragraph line never starts a list, heading, quote or table.
  bool in_table = false;
  for (const std::string& line : lines_of(md)) {
    in_table = line.rfind("| ", 0) == 0;
    if (line.empty() || in_table || line.rfind("## ", 0) == 0 || line.rfind("# ", 0) == 0 ||
        line.rfind("- **ok**", 0) == 0 || line.rfind("**PASS", 0) == 0 || line.rfind("$$", 0) == 0)
      continue;
    EXPECT_EQ(std::string("-+*#>|=`~").find(line[0]), std::string::npos) << line;
  }
}

TEST(Markdown, ElisionKeepsFirstAndLastColumnAndSaysWhatIsHidden) {
  const std::string md = convt::render_markdown(derive(10, 3, 2, 1, {StageId::kConvMatrix}), {});
  const std::vector<std::string> lines = lines_of(md);
  const auto header = std::find_if(lines.begin(), lines.end(),
                                   [](const std::string& l) { return l.rfind("| ", 0) == 0; });
  ASSERT_NE(header, lines.end());
  EXPECT_TRUE(contains(*header, " (0,0) |"));
  EXPECT_TRUE(contains(*header, "\u22ef"));
  EXPECT_EQ(header->substr(header->size() - 10), " (20,20) |");
  EXPECT_TRUE(contains(md, "| **\u22ee** "));
  EXPECT_TRUE(contains(md, "\u22f1"));
  EXPECT_TRUE(contains(md, "| **(9,9)** |"));
  EXPECT_TRUE(contains(md, "rows 20 to 79 are not shown (60 of 100)"));
}

}  // namespace
