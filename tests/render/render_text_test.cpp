// The text renderer: the article's numbers, widths, elision, marks and clean ASCII.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "convt/derivation.h"
#include "convt/error.h"
#include "convt/render.h"
#include "error_text.h"
#include "text/text_grid.h"

namespace {

using convt::Derivation;
using convt::RenderOptions;

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

RenderOptions width(int64_t w, bool full = false) {
  RenderOptions options;
  options.width = w;
  options.full = full;
  return options;
}

std::string text_of(const convt::Params& p, const RenderOptions& options = {}) {
  return convt::render_text(convt::derive(p), options);
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

/// `text` with every run of white space made one space: prose as it reads before wrapping.
std::string unwrapped(const std::string& text) {
  std::istringstream in(text);
  std::string out;
  for (std::string word; in >> word;) out += (out.empty() ? "" : " ") + word;
  return out;
}

TEST(RenderText, ArticleOutputGridIsPrinted) {
  const std::string text = text_of(convt::square_params(2, 3, 3, 1, 1));
  EXPECT_TRUE(contains(text, "    0  26  56  54\n    1  84 165 144\n    2 134 236 186\n")) << text;
  EXPECT_EQ(lines_of(text).at(0),
            "Transposed convolution (ConvTranspose2d): n=3, k=3, s=1, p=1, d=1, "
            "output_padding=0 -> 3 x 3");
  EXPECT_TRUE(contains(unwrapped(text), "PASS: every route gives the same 3 x 3 output."));
}

TEST(RenderText, OneDimensionalGridIsOneRowWithoutARowLabel) {
  // x = 1 2 3 4 scattered with w = 1 2 3 at stride 2 (by hand): 1 2 3+2 4 6+3 6 9+4 8 12.
  const Derivation d = convt::derive(convt::square_params(1, 4, 3, 2));
  const std::string row = "  1  2  5  4  9  6 13  8 12\n";
  const std::string header = "  0  1  2  3  4  5  6  7  8\n";
  const std::string text = convt::render_text(d, {});
  EXPECT_TRUE(contains(text, "\n  " + header + "  " + row)) << text;
  EXPECT_FALSE(contains(text, "    0  1  2  5")) << text;  // no row label 0 before the values
  const std::string unicode = convt::render_unicode(d, {});
  EXPECT_TRUE(contains(unicode, "\n  " + header)) << unicode;
  EXPECT_TRUE(contains(unicode, "\n  " + row)) << unicode;
  // The values come right under the rule, with no "0 |" label column before them.
  EXPECT_TRUE(contains(unicode, "\u2500\n  " + row)) << unicode;
  const std::string markdown = convt::render_markdown(d, {});
  EXPECT_TRUE(contains(markdown, "\n|   1 |   2 |   5 |   4 |   9 |   6 |  13 |   8 |  12 |\n"))
      << markdown;
  EXPECT_TRUE(contains(markdown, "| --: |\n|   1 |   2 |   5 |")) << markdown;  // no **0** column
}

TEST(RenderText, FormulaLinesWrapAtEveryAllowedWidth) {
  // The longest formula lines: dilation and output_padding in the size formula, and large
  // numbers substituted (n = 99, k = 12, s = 3, p = 2, d = 2, op = 1).
  convt::DeriveOptions derive_options;
  derive_options.stages = {convt::StageId::kFormula};
  for (const convt::Params& p :
       {convt::square_params(2, 99, 12, 3, 2, 2, 1), convt::square_params(1, 3, 3, 2, 1, 1, 1)}) {
    const Derivation d = convt::derive(p, derive_options);
    for (int64_t w = 20; w <= 60; ++w) {
      const std::string text = convt::render_text(d, width(w));
      const std::string unicode = convt::render_unicode(d, width(w));
      for (const std::string& line : lines_of(text))
        EXPECT_LE(static_cast<int64_t>(line.size()), w) << "width " << w << ": " << line;
      for (const std::string& line : lines_of(unicode))
        EXPECT_LE(convt::display_width(line), w) << "width " << w << ": " << line;
      // Wrapping only moves words: the size formula is all there, in order.
      EXPECT_TRUE(contains(unwrapped(text), "m = (n-1)s - 2p + d(k-1) + output_padding + 1"))
          << text;
    }
  }
}

TEST(RenderText, HeadingNamesTheModuleAndPerAxisValues) {
  convt::Params p;
  p.axes = {{3, 3, 2, 1, 1, 1}, {2, 2, 1, 0, 1, 0}};
  EXPECT_EQ(lines_of(text_of(p, width(200))).at(0),
            "Transposed convolution (ConvTranspose2d): n=3x2, k=3x2, s=2x1, p=1x0, d=1, "
            "output_padding=1x0 -> 6 x 3");
  EXPECT_EQ(lines_of(text_of(convt::square_params(1, 4, 3, 2))).at(0),
            "Transposed convolution (ConvTranspose1d): n=4, k=3, s=2, p=0, d=1, "
            "output_padding=0 -> 9");
}

TEST(RenderText, StagesAreNumberedWithTheirIds) {
  const std::vector<std::string> lines = lines_of(text_of(convt::square_params(2, 2, 2)));
  std::vector<std::string> titles;
  for (const std::string& line : lines)
    if (line.rfind("[", 0) == 0) titles.push_back(line.substr(0, line.find(':')));
  EXPECT_EQ(titles, (std::vector<std::string>{
                        "[1] formula", "[2] kernel", "[3] input", "[4] conv_matrix",
                        "[5] transposed_matrix", "[6] matrix_output", "[7] scatter_stamps",
                        "[8] scatter_output", "[9] zero_inserted", "[10] padded_input",
                        "[11] flipped_kernel", "[12] direct_output", "[13] output", "[14] overlap",
                        "[15] check"}));
}

TEST(RenderText, WideConvMatrixStaysWithinTheWidth) {
  // n=8, k=3: C is 64 x 100.
  const Derivation d = convt::derive(convt::square_params(2, 8, 3));
  for (int64_t w : {60, 100}) {
    const std::string text = convt::render_text(d, width(w));
    for (const std::string& line : lines_of(text))
      EXPECT_LE(static_cast<int64_t>(line.size()), w) << "width " << w << ": '" << line << "'";
    EXPECT_TRUE(contains(unwrapped(text), "are not shown")) << text;
    EXPECT_TRUE(contains(unwrapped(text), "--full prints them all")) << text;
    EXPECT_TRUE(contains(text, " ...")) << text;
  }
}

TEST(RenderText, ElidedConvMatrixShowsFirstAndLastColumnAndRow) {
  convt::DeriveOptions options;
  options.stages = {convt::StageId::kConvMatrix};
  const std::string text =
      convt::render_text(convt::derive(convt::square_params(2, 8, 3), options), width(60));
  const std::vector<std::string> lines = lines_of(text);
  // Header lines: the F-cell coordinates (0,0) ... (9,9), two lines.
  size_t header = 0;
  while (header < lines.size() && lines[header].find(" 0 0") == std::string::npos) ++header;
  ASSERT_LT(header + 1, lines.size()) << text;
  EXPECT_EQ(lines[header].substr(lines[header].size() - 1), "9");
  EXPECT_EQ(lines[header + 1].substr(lines[header + 1].size() - 1), "9");
  // Rows (0,0) and (7,7) are shown, rows in between elided.
  EXPECT_TRUE(contains(text, "\n  (0,0) 1 2 3")) << text;
  EXPECT_TRUE(contains(text, "\n  (7,7) ")) << text;
  EXPECT_TRUE(contains(unwrapped(text), "rows (2,4) to (5,3) are not shown (24 of 64)")) << text;
}

TEST(RenderText, FullPrintsEveryColumn) {
  convt::DeriveOptions options;
  options.stages = {convt::StageId::kConvMatrix};
  const std::string text =
      convt::render_text(convt::derive(convt::square_params(2, 8, 3), options), width(60, true));
  EXPECT_FALSE(contains(unwrapped(text), "are not shown"));
  bool found = false;
  for (const std::string& line : lines_of(text)) {
    if (line.rfind("  (0,0) ", 0) != 0 || line.size() < 100) continue;
    found = true;
    std::istringstream in(line);
    std::vector<std::string> cells;
    for (std::string cell; in >> cell;) cells.push_back(cell);
    EXPECT_EQ(cells.size(), 101u) << line;  // the label and 100 columns of C
  }
  EXPECT_TRUE(found) << text;
}

TEST(RenderText, FullRefusesGridsOverMaxCells) {
  RenderOptions options = width(100, true);
  options.max_cells = 1000;
  const Derivation d = convt::derive(convt::square_params(2, 8, 3));
  EXPECT_EQ(convt::testing::error_text([&] { convt::render_text(d, options); }),
            "--full: stage 'conv_matrix' has 6400 cells, over --max-cells 1000; print it without "
            "--full, select other --stages, or raise --max-cells");
}

TEST(RenderText, MarksCroppedKeptAndAddedCells) {
  const std::string kept = text_of(convt::square_params(2, 2, 3, 2, 1, 1, 1));
  EXPECT_TRUE(contains(kept, "    0  [1]  [2]  [5]  [4]  [6]\n")) << kept;
  EXPECT_TRUE(contains(kept, "    3 24* 55* 32* 36*\n")) << kept;
  EXPECT_TRUE(contains(unwrapped(kept), "(marked v*)")) << kept;
  EXPECT_TRUE(contains(unwrapped(kept), "v* = computed, kept because of output_padding")) << kept;
  EXPECT_TRUE(contains(unwrapped(kept), "[v] = removed by the crop")) << kept;

  const std::string added = text_of(convt::square_params(1, 2, 1, 2, 0, 1, 1));
  EXPECT_TRUE(contains(added, "\n   1  0  2  0+\n")) << added;  // no row label; 0 under 2
  EXPECT_TRUE(contains(unwrapped(added), "(marked 0+)")) << added;

  const std::string padded = text_of(convt::square_params(1, 2, 2, 2));
  EXPECT_TRUE(contains(padded, "\n   _ 1 . 2 _\n")) << padded;
  EXPECT_TRUE(contains(unwrapped(padded), "_ = 0 of the d(k-1) padding")) << padded;
}

TEST(RenderText, EveryLineFitsTheWidthForSmallProblems) {
  const std::vector<convt::Params> cases = {
      convt::square_params(2, 3, 3, 1, 1), convt::square_params(2, 2, 3, 2, 1, 1, 1),
      convt::square_params(1, 4, 3, 2, 1, 2, 1), convt::square_params(2, 4, 4, 3, 2, 3, 2)};
  for (const convt::Params& p : cases)
    for (int64_t w : {60, 100})
      for (const std::string& line : lines_of(text_of(p, width(w))))
        EXPECT_LE(static_cast<int64_t>(line.size()), w) << "width " << w << ": '" << line << "'";
}

TEST(RenderText, OutputIsPlainAscii) {
  convt::Params decimals = convt::square_params(2, 3, 2, 2, 1, 1, 1);
  decimals.kernel = {0.5, -1.25e-7, 3, -4};
  decimals.input = {1e-3, -2, 3.75, 4, -5, 6e10, 7, 8, -9};
  for (const convt::Params& p :
       {convt::square_params(2, 3, 3, 1, 1), decimals, convt::square_params(1, 5, 3, 3, 2, 2, 2)}) {
    for (bool full : {false, true}) {
      const std::string text = text_of(p, width(60, full));
      EXPECT_FALSE(text.empty());
      for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        EXPECT_TRUE(c == '\n' || (c >= 0x20 && c < 0x7f)) << "byte " << int(c);
      }
      EXPECT_EQ(text, text_of(p, width(60, full)));  // deterministic
    }
  }
}

}  // namespace
