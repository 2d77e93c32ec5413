// Laying out grids as ASCII: cell marks, alignment, elision, word wrap, and the display width of
// UTF-8 text (columns, not bytes).
#include "text/text_grid.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

using convt::CellKind;
using convt::Grid;
using convt::layout_grid;
using convt::TextGridOptions;

std::vector<std::string> words_of(const std::string& line) {
  std::istringstream in(line);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

std::string arg(const convt::Message& m, const std::string& name) {
  for (const convt::MessageArg& a : m.args)
    if (a.name == name) return a.text;
  return "<missing " + name + ">";
}

/// A 1 x cols grid holding 0, 1, 2, ...
Grid counting_row(int64_t cols) {
  Grid g(1, cols);
  for (int64_t c = 0; c < cols; ++c) g.at(0, c) = static_cast<double>(c);
  return g;
}

TEST(CellText, WritesDataAsNumbersAndMarksStructuralCells) {
  EXPECT_EQ(convt::cell_text(5, CellKind::kData), "5");
  EXPECT_EQ(convt::cell_text(-2.5, CellKind::kData), "-2.5");
  EXPECT_EQ(convt::cell_text(-0.0, CellKind::kData), "0");
  EXPECT_EQ(convt::cell_text(0, CellKind::kMatrixZero), ".");
  EXPECT_EQ(convt::cell_text(0, CellKind::kStrideZero), ".");
  EXPECT_EQ(convt::cell_text(0, CellKind::kDilationZero), ".");
  EXPECT_EQ(convt::cell_text(0, CellKind::kPaddingZero), "_");
  EXPECT_EQ(convt::cell_text(7, CellKind::kCropped), "[7]");
  EXPECT_EQ(convt::cell_text(12, CellKind::kKeptByOutputPadding), "12*");
  EXPECT_EQ(convt::cell_text(0, CellKind::kAddedZero), "0+");
}

TEST(CellText, LegendMarksAndMessages) {
  EXPECT_EQ(convt::kind_mark(CellKind::kMatrixZero), ".");
  EXPECT_EQ(convt::kind_mark(CellKind::kPaddingZero), "_");
  EXPECT_EQ(convt::kind_mark(CellKind::kCropped), "[v]");
  EXPECT_EQ(convt::kind_mark(CellKind::kKeptByOutputPadding), "v*");
  EXPECT_EQ(convt::kind_mark(CellKind::kAddedZero), "0+");
  EXPECT_FALSE(convt::kind_legend(CellKind::kData).has_value());
  EXPECT_EQ(convt::kind_legend(CellKind::kStrideZero), convt::MsgId::kLegendStrideZero);
  EXPECT_EQ(convt::kind_legend(CellKind::kCropped), convt::MsgId::kLegendCropped);
  EXPECT_EQ(convt::kind_legend(CellKind::kAddedZero), convt::MsgId::kLegendAddedZero);
}

TEST(AxisLabels, IndexOrCoordinates) {
  convt::AxisLabels index;
  EXPECT_EQ(index.label(7), "7");
  convt::AxisLabels coords{convt::AxisLabels::Style::kCoords, {5}};
  EXPECT_EQ(coords.label(7), "(1,2)");
  EXPECT_EQ(coords.label(0), "(0,0)");
}

TEST(LayoutGrid, RightAlignsColumnsToTheWidestCell) {
  Grid g(2, 3);
  const double values[] = {1, 22, 333, 4, 5, 6};
  for (int i = 0; i < 6; ++i) g.at(i / 3, i % 3) = values[i];
  const convt::TextGrid t = layout_grid(g, TextGridOptions{});
  EXPECT_EQ(t.lines, (std::vector<std::string>{"        0   1   2",  //
                                               "    0   1  22 333",  //
                                               "    1   4   5   6"}));
  EXPECT_TRUE(t.kinds.empty());
  EXPECT_TRUE(t.notes.empty());
}

TEST(LayoutGrid, CoordinateColumnsTakeTwoHeaderLines) {
  Grid g(1, 4);
  g.col_labels = {convt::AxisLabels::Style::kCoords, {2}};
  g.row_labels = {convt::AxisLabels::Style::kCoords, {1}};
  const convt::TextGrid t = layout_grid(g, TextGridOptions{});
  ASSERT_EQ(t.lines.size(), 3u);
  EXPECT_EQ(words_of(t.lines[0]), (std::vector<std::string>{"0", "0", "1", "1"}));
  EXPECT_EQ(words_of(t.lines[1]), (std::vector<std::string>{"0", "1", "0", "1"}));
  EXPECT_EQ(words_of(t.lines[2]), (std::vector<std::string>{"(0,0)", "0", "0", "0", "0"}));
}

TEST(LayoutGrid, MarksStructuralCellsAndReportsTheirKinds) {
  Grid g(1, 5);
  g.set(0, 0, 3, CellKind::kCropped);
  g.set(0, 1, 0, CellKind::kPaddingZero);
  g.set(0, 2, 0, CellKind::kStrideZero);
  g.set(0, 3, 4, CellKind::kKeptByOutputPadding);
  g.set(0, 4, 0, CellKind::kAddedZero);
  const convt::TextGrid t = layout_grid(g, TextGridOptions{});
  ASSERT_EQ(t.lines.size(), 2u);
  EXPECT_EQ(words_of(t.lines[1]), (std::vector<std::string>{"0", "[3]", "_", ".", "4*", "0+"}));
  EXPECT_EQ(t.kinds,
            (std::set<CellKind>{CellKind::kCropped, CellKind::kPaddingZero, CellKind::kStrideZero,
                                CellKind::kKeptByOutputPadding, CellKind::kAddedZero}));
}

TEST(LayoutGrid, EveryLineHasTheSameWidth) {
  Grid g(7, 9);
  for (int64_t r = 0; r < 7; ++r)
    for (int64_t c = 0; c < 9; ++c) g.at(r, c) = static_cast<double>((r * 37 + c * 11) % 23) - 11.5;
  const convt::TextGrid t = layout_grid(g, TextGridOptions{});
  for (const std::string& line : t.lines) EXPECT_EQ(line.size(), t.lines[0].size()) << line;
}

TEST(LayoutGrid, ElidesMiddleColumnsOfAWideGrid) {
  TextGridOptions options;
  options.width = 40;
  const convt::TextGrid t = layout_grid(counting_row(100), options);
  ASSERT_EQ(t.lines.size(), 2u);
  for (const std::string& line : t.lines) EXPECT_LE(static_cast<int64_t>(line.size()), 40) << line;
  const std::vector<std::string> header = words_of(t.lines[0]);
  const std::vector<std::string> row = words_of(t.lines[1]);
  ASSERT_GE(header.size(), 3u);
  // The first and the last column are always shown, the gap is marked.
  EXPECT_EQ(header.front(), "0");
  EXPECT_EQ(header.back(), "99");
  EXPECT_EQ(row[1], "0");
  EXPECT_EQ(row.back(), "99");
  EXPECT_EQ(std::count(header.begin(), header.end(), "..."), 1);
  EXPECT_EQ(std::count(row.begin(), row.end(), "..."), 1);
  // The note names exactly the hidden columns.
  ASSERT_EQ(t.notes.size(), 1u);
  const convt::Message& note = t.notes[0];
  EXPECT_EQ(note.id, convt::MsgId::kNoteElidedColumns);
  const auto gap = std::find(header.begin(), header.end(), "...");
  EXPECT_EQ(arg(note, "first"), std::to_string(std::stoi(*(gap - 1)) + 1));
  EXPECT_EQ(arg(note, "last"), std::to_string(std::stoi(*(gap + 1)) - 1));
  const int64_t shown = static_cast<int64_t>(header.size()) - 1;
  EXPECT_EQ(arg(note, "hidden"), std::to_string(100 - shown));
  EXPECT_EQ(arg(note, "total"), "100");
}

TEST(LayoutGrid, OneDimensionalRowHasNoRowLabel) {
  Grid g(1, 3);
  for (int c = 0; c < 3; ++c) g.at(0, c) = 10 + c;
  TextGridOptions options;
  options.one_d = true;
  EXPECT_EQ(layout_grid(g, options).lines, (std::vector<std::string>{"    0  1  2",  //
                                                                     "   10 11 12"}));
  // A 1-D grid of several rows (C of a 1-D convolution) keeps its row labels.
  Grid tall(2, 1);
  EXPECT_EQ(words_of(layout_grid(tall, options).lines.at(2)), (std::vector<std::string>{"1", "0"}));
}

TEST(LayoutGrid, ElisionNotesNameCoordinateColumnsAsTheHeadersDo) {
  Grid g(1, 100);  // the columns are the cells of a 10 x 10 grid, as C's are F-grid cells
  g.col_labels = {convt::AxisLabels::Style::kCoords, {10}};
  TextGridOptions options;
  options.width = 40;
  const convt::TextGrid t = layout_grid(g, options);
  ASSERT_EQ(t.notes.size(), 1u);
  // The last shown column before the gap, over its second coordinate: (i, j) -> (i, j+1).
  const std::vector<std::string> i = words_of(t.lines[0]), j = words_of(t.lines[1]);
  const auto gap = std::find(i.begin(), i.end(), "...") - i.begin();
  const int first = std::stoi(i[gap - 1]) * 10 + std::stoi(j[gap - 1]) + 1;
  EXPECT_EQ(arg(t.notes[0], "first"),
            "(" + std::to_string(first / 10) + "," + std::to_string(first % 10) + ")");
  const int last = std::stoi(i[gap + 1]) * 10 + std::stoi(j[gap + 1]) - 1;
  EXPECT_EQ(arg(t.notes[0], "last"),
            "(" + std::to_string(last / 10) + "," + std::to_string(last % 10) + ")");
}

/// The column of the last digit of `line` at or before `end`, or npos.
size_t units_digit(const std::string& line, size_t end) {
  for (size_t i = std::min(end, line.size() - 1) + 1; i-- > 0;)
    if (line[i] >= '0' && line[i] <= '9') return i;
  return std::string::npos;
}

TEST(LayoutGrid, NumbersAlignOnTheirUnitsDigitAndMarksHang) {
  // One column: a cropped 1, a plain 12, a cropped 10, a 12 kept by output_padding, a padding
  // zero "_" and an added zero "0+": every units digit (or the mark standing for it) in line.
  Grid g(6, 1);
  g.set(0, 0, 1, CellKind::kCropped);
  g.set(1, 0, 12, CellKind::kData);
  g.set(2, 0, 10, CellKind::kCropped);
  g.set(3, 0, 12, CellKind::kKeptByOutputPadding);
  g.set(4, 0, 0, CellKind::kPaddingZero);
  g.set(5, 0, 0, CellKind::kAddedZero);
  const convt::TextGrid t = layout_grid(g, TextGridOptions{});
  ASSERT_EQ(t.lines.size(), 7u);
  const std::vector<std::string> cells = {"[1]", "12", "[10]", "12*", "_", "0+"};
  const size_t column = t.lines[0].size() - 1;  // the header "0" stands at the units column
  for (size_t r = 0; r < cells.size(); ++r) {
    const std::string& line = t.lines[r + 1];
    const size_t at = line.find(cells[r], 5);  // after the indent and the row label
    ASSERT_NE(at, std::string::npos) << line;
    const size_t units = cells[r] == "_" ? at : units_digit(line, at + cells[r].size() - 1);
    EXPECT_EQ(units, column) << "row " << r << ": '" << line << "'";
  }
}

TEST(LayoutGrid, ElidesMiddleRowsOfATallGrid) {
  Grid g(100, 2);
  TextGridOptions options;
  options.max_rows = 10;
  const convt::TextGrid t = layout_grid(g, options);
  std::vector<std::string> labels;
  for (size_t i = 1; i < t.lines.size(); ++i) labels.push_back(words_of(t.lines[i]).at(0));
  EXPECT_EQ(labels, (std::vector<std::string>{"0", "1", "2", "3", "4", "...", "95", "96", "97",
                                              "98", "99"}));
  ASSERT_EQ(t.notes.size(), 1u);
  EXPECT_EQ(t.notes[0].id, convt::MsgId::kNoteElidedRows);
  EXPECT_EQ(arg(t.notes[0], "first"), "5");
  EXPECT_EQ(arg(t.notes[0], "last"), "94");
  EXPECT_EQ(arg(t.notes[0], "hidden"), "90");
  EXPECT_EQ(arg(t.notes[0], "total"), "100");
}

TEST(LayoutGrid, FullDisablesElision) {
  TextGridOptions options;
  options.width = 20;
  options.max_rows = 10;
  options.full = true;
  const convt::TextGrid wide = layout_grid(counting_row(100), options);
  EXPECT_TRUE(wide.notes.empty());
  ASSERT_EQ(wide.lines.size(), 2u);
  EXPECT_EQ(words_of(wide.lines[0]).size(), 100u);
  EXPECT_EQ(wide.lines[1].find("..."), std::string::npos);
  const convt::TextGrid tall = layout_grid(Grid(100, 2), options);
  EXPECT_TRUE(tall.notes.empty());
  EXPECT_EQ(tall.lines.size(), 101u);
}

TEST(LayoutGrid, AlignsColumnsOfAWideGridThatFits) {
  // Over a thousand columns, one wide value in the middle, and a width that fits them all:
  // the wide value must widen every column, not push its row out of line.
  Grid g = counting_row(1500);
  g.at(0, 700) = 123456789;
  TextGridOptions options;
  options.width = 100000;
  const convt::TextGrid t = layout_grid(g, options);
  EXPECT_TRUE(t.notes.empty());
  ASSERT_EQ(t.lines.size(), 2u);
  EXPECT_EQ(t.lines[0].size(), t.lines[1].size());
  EXPECT_LE(static_cast<int64_t>(t.lines[1].size()), options.width);
}

TEST(Wrap, BreaksBetweenWordsWithinTheWidth) {
  EXPECT_EQ(convt::wrap("the quick brown fox", 10, 2),
            (std::vector<std::string>{"  the", "  quick", "  brown", "  fox"}));
  EXPECT_EQ(convt::wrap("a bb ccc dddd", 8, 0), (std::vector<std::string>{"a bb ccc", "dddd"}));
  EXPECT_EQ(convt::wrap("  spaced    out  ", 80, 0), (std::vector<std::string>{"spaced out"}));
  EXPECT_TRUE(convt::wrap("", 80, 2).empty());
}

TEST(Wrap, AWordLongerThanTheWidthGetsItsOwnLine) {
  EXPECT_EQ(convt::wrap("a verylongword b", 5, 0),
            (std::vector<std::string>{"a", "verylongword", "b"}));
}

TEST(Wrap, NeverExceedsTheWidthExceptForSingleLongWords) {
  uint64_t state = 7;
  auto next = [&](uint64_t bound) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (state >> 33) % bound;
  };
  for (int trial = 0; trial < 500; ++trial) {
    std::vector<std::string> words;
    std::string text;
    const uint64_t count = 1 + next(40);
    for (uint64_t i = 0; i < count; ++i) {
      words.emplace_back(1 + next(18), static_cast<char>('a' + next(26)));
      text += words.back() + std::string(1 + next(2), ' ');
    }
    const int64_t width = 10 + static_cast<int64_t>(next(70));
    const int64_t indent = static_cast<int64_t>(next(5));
    std::vector<std::string> rewrapped;
    for (const std::string& line : convt::wrap(text, width, indent)) {
      ASSERT_EQ(line.substr(0, static_cast<size_t>(indent)),
                std::string(static_cast<size_t>(indent), ' '));
      const std::vector<std::string> in_line = words_of(line);
      if (static_cast<int64_t>(line.size()) > width) {
        EXPECT_EQ(in_line.size(), 1u) << "width " << width << ": '" << line << "'";
      }
      rewrapped.insert(rewrapped.end(), in_line.begin(), in_line.end());
    }
    EXPECT_EQ(rewrapped, words);  // nothing lost, nothing reordered
  }
}

// --- Display width -----------------------------------------------------------------------

TEST(DisplayWidth, CountsColumnsNotBytes) {
  EXPECT_EQ(convt::display_width("abc 12"), 6);
  EXPECT_EQ(convt::display_width("\u00b7"), 1);              // · is two bytes
  EXPECT_EQ(convt::display_width("\u22123"), 2);             // −3: the minus is three bytes
  EXPECT_EQ(convt::display_width("\u2502\u2500\u253c"), 3);  // box drawing
  EXPECT_EQ(convt::display_width("\u6f22\u5b57"), 4);        // two CJK ideographs, wide
  EXPECT_EQ(convt::display_width("e\u0301"), 1);             // e + combining acute
  EXPECT_EQ(convt::display_width("\x1b[1;33m9\x1b[0m"), 1);
}

TEST(DisplayWidth, PadLeftAlignsWideGlyphs) {
  EXPECT_EQ(convt::pad_left("\u22123", 4), "  \u22123");
  EXPECT_EQ(convt::pad_left("\u6f22", 3), " \u6f22");
}

}  // namespace
