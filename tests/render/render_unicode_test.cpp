// The unicode format (render_unicode): box-drawn grids, typographic marks, alignment with
// multi-byte glyphs.
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
using convt::StageId;
using convt::testing::code_points;
using convt::testing::contains;
using convt::testing::lines_of;

Derivation derive(int64_t n, int64_t k, int64_t s, int64_t p, std::vector<StageId> stages = {},
                  std::vector<double> kernel = {}) {
  return convt::testing::derive_square(n, k, s, p, std::move(stages), std::move(kernel));
}

TEST(Unicode, BoxGridUsesTypographicMarks) {
  const std::string text = convt::render_unicode(derive(2, 2, 2, 1), {});
  EXPECT_TRUE(contains(text, "    1 \u2502 \u2218 1 \u00b7 2 \u2218\n"));  // padded input row
  EXPECT_TRUE(contains(text, "  \u2500\u2500\u2500\u2500\u253c"));
  EXPECT_TRUE(contains(text, "The transpose C\u1d40 (16\u00a0\u00d7\u00a04)"));
  EXPECT_TRUE(contains(text, "m = (2\u22121)\u00d72 \u2212 2\u00d71 + 2 = 2"));
  EXPECT_TRUE(contains(text, "[\u2713 ok] output shape 2\u00a0\u00d7\u00a02"));
}

TEST(Unicode, NumbersAlignOnTheirUnitsDigitWithCropMarksHanging) {
  // k=2, s=1, p=1, n=4: the F-grid before the crop has cropped "[1]" and "[101]" beside "26".
  const std::vector<std::string> lines =
      lines_of(convt::render_unicode(derive(4, 2, 1, 1, {StageId::kOutput}), {}));
  const std::string bar = "\u2502";
  // Per row of the first grid, the byte offset (after the bar) of each cell's last digit.
  std::vector<std::vector<size_t>> units;
  for (const std::string& line : lines) {
    if (contains(line, "\u253c")) continue;  // the rule under the header
    const size_t at = line.find(bar);
    if (at == std::string::npos) {
      if (!units.empty()) break;  // the end of the first grid
      continue;
    }
    const std::string cells = line.substr(at + bar.size());
    std::vector<size_t> row;
    for (size_t i = 0; i < cells.size(); ++i)
      if (cells[i] >= '0' && cells[i] <= '9' &&
          (i + 1 == cells.size() || cells[i + 1] < '0' || cells[i + 1] > '9'))
        row.push_back(i);
    units.push_back(row);
  }
  ASSERT_EQ(units.size(), 6u);  // the header and the 5 rows of the 5 x 5 F-grid
  for (size_t r = 1; r < units.size(); ++r) EXPECT_EQ(units[r], units[0]) << "row " << r - 1;
}

TEST(Unicode, ColumnsStayAlignedWithMultiByteMinus) {
  // Negative values are written with U+2212 (three bytes, one column): every row of a grid whose
  // cells are right-aligned must end in the same column.
  const std::string text =
      convt::render_unicode(derive(2, 2, 1, 0, {StageId::kFlippedKernel}, {-1, 20, -300, 4}), {});
  std::vector<int64_t> ends;
  for (const std::string& line : lines_of(text))
    if (contains(line, "\u2502") && line.find_first_not_of(' ') < line.find("\u2502"))
      ends.push_back(code_points(line));
  ASSERT_EQ(ends.size(), 2u) << text;
  EXPECT_EQ(ends[0], ends[1]) << text;
  EXPECT_TRUE(contains(text, "\u2212300")) << text;
}

}  // namespace
