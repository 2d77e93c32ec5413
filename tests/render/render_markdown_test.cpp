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
  EXPECT_TRUE(contains(
      md, "legend: \u00b7 = 0 inserted by the stride; \u25e6 = 0 of the $d(k-1)$ padding"));
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
  options.max_cells = 1000;  // C (44100 cells) is cut, with a note
  const std::string md = convt::render_markdown(derive(10, 3, 2, 1), options);
  EXPECT_TRUE(contains(md, "corner at $(a s, b s)$"));
  EXPECT_TRUE(contains(md, "multiplies by $C^T$"));
  EXPECT_TRUE(contains(md, "receives $w[u]$"));
  EXPECT_TRUE(contains(joined(md), "`--full` prints them all"));
  EXPECT_TRUE(contains(md, "$\\langle C u, x\\rangle = \\langle u, C^T x\\rangle$"));
  EXPECT_TRUE(contains(md, "$u[j] = (5j \\bmod 11) - 5$"));
  EXPECT_FALSE(contains(md, "output\\_padding = 0$"));
  // A math span is never broken across lines: every line holds whole spans.
  for (const std::string& line : lines_of(md)) {
    if (line.rfind("$$", 0) != 0) {
      EXPECT_EQ(std::count(line.begin(), line.end(), '$') % 2, 0) << line;
    }
  }
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

TEST(Markdown, GridsAreWholeUpToMaxCells) {
  // k3 s1 p1 n3: C is 9 x 25; every column is shown (the terminal width does not cut it), so
  // the rows show their kernel taps 7, 8, 9 in columns (2,0) to (4,4).
  RenderOptions options;
  options.width = 60;
  const std::string md =
      convt::render_markdown(derive(3, 3, 1, 1, {StageId::kConvMatrix}), options);
  const std::vector<std::string> lines = lines_of(md);
  const auto header = std::find_if(lines.begin(), lines.end(),
                                   [](const std::string& l) { return l.rfind("| ", 0) == 0; });
  ASSERT_NE(header, lines.end());
  EXPECT_EQ(std::count(header->begin(), header->end(), '|'), 27);  // label + 25 columns
  for (const char* label : {" (0,0) |", " (2,2) |", " (4,4) |"})
    EXPECT_TRUE(contains(*header, label)) << label;
  EXPECT_TRUE(contains(md, "| **(2,2)** |     \u00b7 |"));
  EXPECT_TRUE(contains(md, "|     7 |     8 |     9 |\n"));  // the last row ends in 7 8 9
  EXPECT_FALSE(contains(md, "not shown"));
}

TEST(Markdown, NoCharacterThatPdflatexCannotSet) {
  // pandoc notes.md -o notes.pdf (pdflatex) stops at ⋯ (U+22EF), ∘ (U+2218), ⋮, ⋱ and ⁺.
  RenderOptions small;
  small.max_cells = 100;  // elided grids show their gap marks
  for (const RenderOptions& options : {RenderOptions{}, small})
    for (const Derivation& d : {derive(2, 2, 2, 1), derive(10, 3, 2, 1)}) {
      const std::string md = convt::render_markdown(d, options);
      for (const char* bad : {"\u22ef", "\u2218", "\u22ee", "\u22f1", "\u207a"})
        EXPECT_FALSE(contains(md, bad)) << bad;
    }
}

TEST(Markdown, ElisionKeepsFirstAndLastColumnAndSaysWhatIsHidden) {
  RenderOptions options;
  options.max_cells = 1000;  // C has 44100 cells: cut to the width as on a terminal
  const std::string md =
      convt::render_markdown(derive(10, 3, 2, 1, {StageId::kConvMatrix}), options);
  const std::vector<std::string> lines = lines_of(md);
  const auto header = std::find_if(lines.begin(), lines.end(),
                                   [](const std::string& l) { return l.rfind("| ", 0) == 0; });
  ASSERT_NE(header, lines.end());
  EXPECT_TRUE(contains(*header, " (0,0) |"));
  EXPECT_TRUE(contains(*header, " \u2026   |"));
  EXPECT_EQ(header->substr(header->size() - 10), " (20,20) |");
  EXPECT_TRUE(contains(md, "| **\u2026** "));
  EXPECT_TRUE(contains(md, "| **(9,9)** |"));
  EXPECT_TRUE(contains(md, "rows (2,0) to (7,9) are not shown (60 of 100)"));
  EXPECT_TRUE(contains(joined(md),
                       "this grid has 44100 cells, over `--max-cells` 1000, so it is "
                       "cut to the width; raise `--max-cells` to show it whole"));
}

}  // namespace
