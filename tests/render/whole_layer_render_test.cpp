// A whole layer (channels, groups, bias) in the document formats and JSON, from hand-built
// derivations whose values are worked out by hand: slices with captions, the slice-count
// elision, channel rules in C, JSON nested to Stage::shape, and the channel params.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "convt/derivation.h"
#include "convt/error.h"
#include "convt/render.h"
#include "convt/shape.h"
#include "error_text.h"
#include "render_helpers.h"

namespace {

using convt::Derivation;
using convt::Grid;
using convt::GridSlice;
using convt::Message;
using convt::MsgId;
using convt::RenderOptions;
using convt::Stage;
using convt::StageId;
using convt::testing::contains;
using convt::testing::lines_of;
using nlohmann::json;

/// A dense rows x cols grid of `values` (row-major).
Grid dense(int64_t rows, int64_t cols, const std::vector<double>& values) {
  Grid g(rows, cols);
  for (int64_t r = 0; r < rows; ++r)
    for (int64_t c = 0; c < cols; ++c) g.set(r, c, values[static_cast<size_t>(r * cols + c)]);
  return g;
}

Message channel_label(MsgId id, int64_t channel) {
  return {id, {{id == MsgId::kSliceOutputChannel ? "o" : "c", std::to_string(channel)}}};
}

/// ConvTranspose2d(2, 2, kernel_size=2, groups=2) with bias (0.5, -1) on a 2 x 2 input per
/// channel: the weight is w[0][0] = [[1,2],[3,4]], w[1][0] = [[5,6],[7,8]] (the defaults
/// 1..8), the input x[0] = [[1,2],[3,4]], x[1] = [[5,6],[7,8]]. With s = 1, p = 0 each output
/// channel is the full correlation of its one input channel with its one weight slice:
///   y[0] = [[1, 1*2+2*1, 4], [1*3+3*1, 1*4+2*3+3*2+4*1, 2*4+4*2], [9, 3*4+4*3, 16]] + 0.5
///        = [[1.5, 4.5, 4.5], [6.5, 20.5, 16.5], [9.5, 24.5, 16.5]]
///   y[1] = [[25, 60, 36], [70, 164, 96], [49, 112, 64]] - 1
///        = [[24, 59, 35], [69, 163, 95], [48, 111, 63]]
/// C (8 x 18) is block-diagonal: row c*4 + a*2 + b holds w[c][0][u][v] at column
/// c*9 + (a+u)*3 + (b+v), the blocks (0,1) and (1,0) zero.
Derivation grouped_layer(std::vector<StageId> ids = {}) {
  Derivation d;
  d.params.dims = 2;
  d.params.axes = {{2, 2, 1, 0, 1, 0}, {2, 2, 1, 0, 1, 0}};
  d.params.in_channels = 2;
  d.params.out_channels = 2;
  d.params.groups = 2;
  d.params.bias = std::vector<double>{0.5, -1};
  d.shapes = {convt::axis_shape(d.params.axes[0]), convt::axis_shape(d.params.axes[1])};
  const std::vector<double> w0 = {1, 2, 3, 4}, w1 = {5, 6, 7, 8};

  Stage kernel{StageId::kKernel, {MsgId::kTitleKernel, {}}, {}, {}, {}, {}, {}, {}, {}, {}};
  kernel.shape = {2, 1, 2, 2};
  kernel.slices.push_back(
      {{0, 0}, {MsgId::kSliceWeight, {{"c", "0"}, {"j", "0"}, {"o", "0"}}}, dense(2, 2, w0)});
  kernel.slices.push_back(
      {{1, 0}, {MsgId::kSliceWeight, {{"c", "1"}, {"j", "0"}, {"o", "1"}}}, dense(2, 2, w1)});

  std::vector<int64_t> row_start = {0};
  std::vector<int64_t> col_index;
  std::vector<double> values;
  for (int64_t c = 0; c < 2; ++c)
    for (int64_t a = 0; a < 2; ++a)
      for (int64_t b = 0; b < 2; ++b) {
        for (int64_t u = 0; u < 2; ++u)
          for (int64_t v = 0; v < 2; ++v) {
            col_index.push_back(c * 9 + (a + u) * 3 + (b + v));
            values.push_back((c == 0 ? w0 : w1)[static_cast<size_t>(u * 2 + v)]);
          }
        row_start.push_back(static_cast<int64_t>(col_index.size()));
      }
  Grid c = Grid::sparse(8, 18, row_start, col_index, values);
  c.row_labels = {convt::AxisLabels::Style::kCoords, {2, 2}};
  c.col_labels = {convt::AxisLabels::Style::kCoords, {3, 3}};
  Stage matrix{StageId::kConvMatrix, {MsgId::kTitleConvMatrix, {}}, {}, {}, c, {}, {}, {}, {}, {}};
  matrix.shape = {8, 18};

  Stage output{StageId::kOutput, {MsgId::kTitleOutput, {}}, {}, {}, {}, {}, {}, {}, {}, {}};
  output.shape = {2, 3, 3};
  output.slices.push_back({{0},
                           channel_label(MsgId::kSliceOutputChannel, 0),
                           dense(3, 3, {1.5, 4.5, 4.5, 6.5, 20.5, 16.5, 9.5, 24.5, 16.5})});
  output.slices.push_back({{1},
                           channel_label(MsgId::kSliceOutputChannel, 1),
                           dense(3, 3, {24, 59, 35, 69, 163, 95, 48, 111, 63})});
  for (Stage* s : {&kernel, &matrix, &output})
    if (ids.empty() || std::find(ids.begin(), ids.end(), s->id) != ids.end())
      d.stages.push_back(*s);
  return d;
}

/// ConvTranspose1d(1, 2, kernel_size=2) on x = [1, 2, 3] with w[0][0] = [1, 2],
/// w[0][1] = [3, 4] (the defaults): y[o][j] = sum_a x[a] w[0][o][j-a], so
/// y[0] = [1, 2+2, 4+3, 6] = [1, 4, 7, 6] and y[1] = [3, 4+6, 8+9, 12] = [3, 10, 17, 12].
Derivation one_d_layer() {
  Derivation d;
  d.params.dims = 1;
  d.params.axes = {{3, 2, 1, 0, 1, 0}};
  d.params.out_channels = 2;
  d.shapes = {convt::axis_shape(d.params.axes[0])};
  Stage output{StageId::kOutput, {MsgId::kTitleOutput, {}}, {}, {}, {}, {}, {}, {}, {}, {}};
  output.shape = {2, 4};
  output.slices.push_back(
      {{0}, channel_label(MsgId::kSliceOutputChannel, 0), dense(1, 4, {1, 4, 7, 6})});
  output.slices.push_back(
      {{1}, channel_label(MsgId::kSliceOutputChannel, 1), dense(1, 4, {3, 10, 17, 12})});
  d.stages.push_back(output);
  return d;
}

/// A stage of `count` 1 x 1 slices of the values 0, 1, 2, ... (output channels of a 1-D
/// layer with m = 1).
Derivation many_channels(int64_t count) {
  Derivation d;
  d.params.dims = 1;
  d.params.axes = {{1, 1, 1, 0, 1, 0}};
  d.params.out_channels = count;
  d.shapes = {convt::axis_shape(d.params.axes[0])};
  Stage output{StageId::kOutput, {MsgId::kTitleOutput, {}}, {}, {}, {}, {}, {}, {}, {}, {}};
  output.shape = {count, 1};
  for (int64_t o = 0; o < count; ++o)
    output.slices.push_back(
        {{o}, channel_label(MsgId::kSliceOutputChannel, o), dense(1, 1, {static_cast<double>(o)})});
  d.stages.push_back(output);
  return d;
}

int64_t count_of(const std::string& text, const std::string& part) {
  int64_t n = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

/// The index of the first line of `lines` containing `part`, or -1.
int64_t line_with(const std::vector<std::string>& lines, const std::string& part) {
  for (size_t i = 0; i < lines.size(); ++i)
    if (contains(lines[i], part)) return static_cast<int64_t>(i);
  return -1;
}

TEST(WholeLayerRender, TextCaptionsEachSliceAboveItsGrid) {
  const std::string text =
      convt::render_text(grouped_layer({StageId::kKernel, StageId::kOutput}), RenderOptions{});
  const std::vector<std::string> lines = lines_of(text);
  // The heading names the layer as PyTorch does, the output leading with its channels.
  EXPECT_TRUE(contains(text, "ConvTranspose2d")) << text;
  EXPECT_TRUE(contains(convt::testing::joined(text),
                       "in_channels=2, out_channels=2, groups=2, bias=True -> 2 x 3 x 3"))
      << text;
  // Stage titles carry the tensor's whole shape.
  EXPECT_TRUE(contains(text, "(2 x 1 x 2 x 2)")) << text;
  EXPECT_TRUE(contains(text, "(2 x 3 x 3)")) << text;
  // Each caption, then the grid: the column header, then the rows with their values.
  const int64_t w1 = line_with(lines, "w[1][0]: input channel 1 to output channel 1");
  ASSERT_GE(w1, 0) << text;
  EXPECT_EQ(lines[static_cast<size_t>(w1) + 2], "    0 5 6") << text;
  EXPECT_EQ(lines[static_cast<size_t>(w1) + 3], "    1 7 8") << text;
  const int64_t y0 = line_with(lines, "  output channel 0");
  const int64_t y1 = line_with(lines, "  output channel 1");
  ASSERT_GE(y0, 0);
  ASSERT_GT(y1, y0);
  EXPECT_TRUE(contains(lines[static_cast<size_t>(y0) + 3], "6.5 20.5 16.5")) << text;
  EXPECT_TRUE(contains(lines[static_cast<size_t>(y1) + 3], "69 163  95")) << text;
  EXPECT_FALSE(contains(text, "not shown")) << text;
}

TEST(WholeLayerRender, OneDimensionalSlicesAreRowsWithoutARowLabel) {
  const std::string text = convt::render_text(one_d_layer(), RenderOptions{});
  const std::vector<std::string> lines = lines_of(text);
  EXPECT_TRUE(contains(text, "ConvTranspose1d")) << text;
  const int64_t y1 = line_with(lines, "output channel 1");
  ASSERT_GE(y1, 0) << text;
  EXPECT_EQ(lines[static_cast<size_t>(y1) + 1], "    0  1  2  3") << text;
  EXPECT_EQ(lines[static_cast<size_t>(y1) + 2], "    3 10 17 12") << text;
}

TEST(WholeLayerRender, ShowsSixteenSlicesAndCountsTheRest) {
  for (const auto& [count, note] : std::vector<std::pair<int64_t, std::string>>{
           {16, ""},
           {17, "1 more slice not shown; --full shows all"},
           {20, "4 more slices not shown; --full shows all"}}) {
    SCOPED_TRACE(count);
    const std::string text = convt::render_text(many_channels(count), RenderOptions{});
    EXPECT_EQ(count_of(text, "output channel "), 16) << text;
    EXPECT_TRUE(contains(text, "output channel 15")) << text;
    if (note.empty())
      EXPECT_FALSE(contains(text, "not shown")) << text;
    else
      EXPECT_TRUE(contains(text, note)) << text;
    RenderOptions full;
    full.full = true;
    const std::string all = convt::render_text(many_channels(count), full);
    EXPECT_EQ(count_of(all, "output channel "), count) << all;
    EXPECT_FALSE(contains(all, "not shown")) << all;
  }
  // The other document formats say the same, in their own typography.
  RenderOptions options;
  EXPECT_TRUE(contains(convt::render_markdown(many_channels(20), options),
                       "4 more slices not shown; `--full` shows all"));
  EXPECT_TRUE(contains(convt::render_latex(many_channels(20), options),
                       "4 more slices not shown; \\texttt{-{}-full} shows all"));
}

TEST(WholeLayerRender, FullGuardCountsTheCellsOfAllSlices) {
  // 20 slices of one cell each: 20 cells in all, each slice well under the limit.
  RenderOptions options;
  options.full = true;
  options.max_cells = 19;
  EXPECT_EQ(convt::testing::error_text([&] { convt::render_text(many_channels(20), options); }),
            convt::testing::error_text([&] {
              throw convt::Error({MsgId::kErrFullTooLarge,
                                  {{"stage", "output"}, {"count", "20"}, {"max_cells", "19"}}});
            }));
  options.max_cells = 20;
  EXPECT_NO_THROW(convt::render_text(many_channels(20), options));
}

TEST(WholeLayerRender, MarkdownEmphasisesAndLatexItalicisesTheCaptions) {
  const Derivation d = grouped_layer({StageId::kOutput});
  const std::string markdown = convt::render_markdown(d, RenderOptions{});
  EXPECT_TRUE(contains(markdown, "\n*output channel 1*\n\n|")) << markdown;
  EXPECT_TRUE(contains(markdown, "## 1. ")) << markdown;
  EXPECT_TRUE(contains(markdown, "(2×3×3)") || contains(markdown, "(2 × 3 × 3)")) << markdown;
  const std::string latex = convt::render_latex(d, RenderOptions{});
  EXPECT_TRUE(contains(latex, "\\noindent\\textit{output channel 1}\n\n\\[")) << latex;
  EXPECT_EQ(count_of(latex, "\\begin{bmatrix}"), 2) << latex;
}

TEST(WholeLayerRender, TextRulesOffTheChannelBlocksOfC) {
  const std::string text =
      convt::render_text(grouped_layer({StageId::kConvMatrix}), RenderOptions{});
  const std::vector<std::string> lines = lines_of(text);
  // Three header lines (o, i, j), a column rule between output channels 0 and 1.
  const int64_t header = line_with(lines, " 0 0 0 0 0 0 0 0 0 | 1 1 1 1 1 1 1 1 1");
  ASSERT_GE(header, 0) << text;
  EXPECT_EQ(lines[static_cast<size_t>(header) + 1],
            "          0 0 0 1 1 1 2 2 2 | 0 0 0 1 1 1 2 2 2")
      << text;
  EXPECT_EQ(lines[static_cast<size_t>(header) + 2],
            "          0 1 2 0 1 2 0 1 2 | 0 1 2 0 1 2 0 1 2")
      << text;
  // Row (0,0,0) holds w[0][0] = 1, 2 at (0,0,0), (0,0,1) and 3, 4 at (0,1,0), (0,1,1); row
  // (1,1,1) holds w[1][0] at (1,1,1), (1,1,2), (1,2,1), (1,2,2); the other block is zeros.
  const int64_t first = line_with(lines, "(0,0,0)");
  ASSERT_EQ(first, header + 3) << text;
  EXPECT_EQ(lines[static_cast<size_t>(first)], "  (0,0,0) 1 2 . 3 4 . . . . | . . . . . . . . .")
      << text;
  // A rule line between the rows of input channel 0 and those of channel 1, crossing the
  // column rule.
  const int64_t second = line_with(lines, "(1,0,0)");
  ASSERT_EQ(second, first + 5) << text;
  EXPECT_EQ(lines[static_cast<size_t>(second) - 1],
            "  -------" + std::string(18, '-') + "-+" + std::string(18, '-'))
      << text;
  EXPECT_EQ(lines[static_cast<size_t>(second) + 3],
            "  (1,1,1) . . . . . . . . . | . . . . 5 6 . 7 8")
      << text;
}

TEST(WholeLayerRender, UnicodeAndLatexRuleOffTheChannelBlocksToo) {
  const Derivation d = grouped_layer({StageId::kConvMatrix});
  const std::string unicode = convt::render_unicode(d, RenderOptions{});
  // Under the headers and between the row blocks: each crosses the label rule and the
  // column rule.
  EXPECT_EQ(count_of(unicode, "\u253c"), 4) << unicode;
  EXPECT_TRUE(contains(unicode,
                       "(0,0,0) \u2502 1 2 \u00b7 3 4 \u00b7 \u00b7 \u00b7 \u00b7 "
                       "\u2502 \u00b7"))
      << unicode;
  const std::string latex = convt::render_latex(d, RenderOptions{});
  EXPECT_TRUE(contains(latex, "\\begin{array}{r|ccccccccc|ccccccccc}")) << latex;
  // \hline under the headers and once between the channel blocks of the rows.
  EXPECT_EQ(count_of(latex, "\\hline"), 2) << latex;
  const size_t rule = latex.rfind("\\hline");
  EXPECT_TRUE(contains(latex.substr(rule), "\\hline\n  \\convtlabel{(1,0,0)}")) << latex;
  // Markdown tables have no rules: the table is unchanged but for its cells.
  const std::string markdown = convt::render_markdown(d, RenderOptions{});
  EXPECT_FALSE(contains(markdown, "-+")) << markdown;
}

TEST(WholeLayerRender, NoChannelRulesInAOneChannelC) {
  // The classic C, rows (a,b): its first coordinate changes too, but it is no channel.
  const Derivation d = convt::testing::derive_square(2, 2, 1, 0, {StageId::kConvMatrix});
  EXPECT_FALSE(contains(convt::render_text(d, RenderOptions{}), " |"));
  EXPECT_FALSE(contains(convt::render_latex(d, RenderOptions{}), "\\hline\n  \\convtlabel{(1,0)}"));
}

json json_of(const Derivation& d, const RenderOptions& options = {}) {
  return json::parse(convt::render_json(d, options));
}

const json& stage_json(const json& out, const std::string& id) {
  for (const json& stage : out.at("stages"))
    if (stage.at("id") == id) return stage;
  throw std::runtime_error("no stage " + id);
}

TEST(WholeLayerJson, ParamsCarryTheChannelsGroupsAndBias) {
  const json out = json_of(grouped_layer());
  const json& params = out.at("params");
  EXPECT_EQ(params.at("in_channels"), 2);
  EXPECT_EQ(params.at("out_channels"), 2);
  EXPECT_EQ(params.at("groups"), 2);
  EXPECT_EQ(params.at("bias"), json::parse("[0.5,-1]"));
  EXPECT_TRUE(json_of(one_d_layer()).at("params").at("bias").is_null());
}

TEST(WholeLayerJson, ValuesAreNestedToTheShape) {
  const json out = json_of(grouped_layer());
  const json& kernel = stage_json(out, "kernel");
  EXPECT_EQ(kernel.at("shape"), json::parse("[2,1,2,2]"));
  EXPECT_EQ(kernel.at("values"), json::parse("[[[[1,2],[3,4]]],[[[5,6],[7,8]]]]"));
  // rows and cols are those of one slice's grid.
  EXPECT_EQ(kernel.at("rows"), 2);
  EXPECT_EQ(kernel.at("cols"), 2);
  const json& output = stage_json(out, "output");
  EXPECT_EQ(output.at("shape"), json::parse("[2,3,3]"));
  EXPECT_EQ(output.at("values"), json::parse("[[[1.5,4.5,4.5],[6.5,20.5,16.5],[9.5,24.5,16.5]],"
                                             "[[24,59,35],[69,163,95],[48,111,63]]]"));
  // C is one grid: [rows, cols], its rows the (c,a,b) cells.
  const json& c = stage_json(out, "conv_matrix");
  EXPECT_EQ(c.at("shape"), json::parse("[8,18]"));
  ASSERT_EQ(c.at("values").size(), 8u);
  EXPECT_EQ(c.at("values")[7], json::parse("[0,0,0,0,0,0,0,0,0, 0,0,0,0,5,6,0,7,8]"));
  // A 1-D slice is one level: [out, m].
  const json one_d = stage_json(json_of(one_d_layer()), "output");
  EXPECT_EQ(one_d.at("shape"), json::parse("[2,4]"));
  EXPECT_EQ(one_d.at("values"), json::parse("[[1,4,7,6],[3,10,17,12]]"));
  EXPECT_EQ(one_d.at("rows"), 1);
  EXPECT_EQ(one_d.at("cols"), 4);
}

TEST(WholeLayerJson, SparseEntriesIndexEveryAxisOfTheShape) {
  // The output's 18 cells are over 10: its non-zeros (all 18) are over 10 too, so refused;
  // the kernel's 8 cells fit; with 17 the output is listed as [o, i, j, value].
  RenderOptions options;
  options.max_cells = 17;
  EXPECT_THROW(json_of(grouped_layer({StageId::kOutput}), options), convt::Error);
  Derivation d = grouped_layer({StageId::kOutput});
  d.stages[0].slices[1].grid = dense(3, 3, {0, 0, 0, 0, 2, 0, 0, 0, 0});
  const json out = json_of(d, options);
  const json& output = stage_json(out, "output");
  EXPECT_FALSE(output.contains("values"));
  const json& sparse = output.at("sparse");
  ASSERT_EQ(sparse.size(), 10u);
  EXPECT_EQ(sparse[0], json::parse("[0,0,0,1.5]"));
  EXPECT_EQ(sparse[8], json::parse("[0,2,2,16.5]"));
  EXPECT_EQ(sparse[9], json::parse("[1,1,1,2]"));
  // 1-D: [o, j, value]. 8 cells over 7, 6 non-zeros once two are zero.
  options.max_cells = 7;
  Derivation line = one_d_layer();
  line.stages[0].slices[0].grid = dense(1, 4, {1, 0, 0, 6});
  const json one_d = stage_json(json_of(line, options), "output");
  EXPECT_EQ(one_d.at("sparse"),
            json::parse("[[0,0,1],[0,3,6],[1,0,3],[1,1,10],[1,2,17],[1,3,12]]"));
}

TEST(WholeLayerJson, AOneChannelGridStageWritesItsShape) {
  Derivation d = convt::testing::derive_square(2, 2, 1, 0, {StageId::kKernel});
  d.stages[0].shape = {2, 2};
  const json out = json_of(d);
  EXPECT_EQ(stage_json(out, "kernel").at("shape"), json::parse("[2,2]"));
  EXPECT_EQ(stage_json(out, "kernel").at("values"), json::parse("[[1,2],[3,4]]"));
  EXPECT_EQ(out.at("params").at("in_channels"), 1);
  EXPECT_TRUE(out.at("params").at("bias").is_null());
}

}  // namespace

namespace {

/// ConvTranspose2d(2, 2, 3, stride=2, padding=1, groups=2) with bias (0.5, -1), derived:
/// rendered in every document format with a slice per channel and the channel rules of C.
TEST(WholeLayerRender, ADerivedTwoChannelLayerInEveryFormat) {
  convt::Params params = convt::square_params(2, 2, 3, 2, 1);
  params.in_channels = 2;
  params.out_channels = 2;
  params.groups = 2;
  params.bias = std::vector<double>{0.5, -1};
  const Derivation d = convt::derive(params);
  const std::string text = convt::render_text(d, RenderOptions{});
  // Output channel 1: input channel 1 (x = 5..8) with w[1][0] = 10..18, s = 2, p = 1, minus 1.
  // y[1][0][0] is F-cell (1,1): x(0,0) * w(1,1) = 5 * 14 = 70, minus 1 = 69.
  // y[1][1][1] is F-cell (2,2): 5*18 + 6*16 + 7*12 + 8*10 = 90 + 96 + 84 + 80 = 350, minus 1.
  const std::vector<std::string> lines = lines_of(text);
  const int64_t y1 = line_with(lines, "  output channel 1");
  ASSERT_GE(y1, 0) << text;
  EXPECT_TRUE(contains(text, "    0  69")) << text;
  EXPECT_TRUE(contains(text, " 349 ")) << text;
  // C's rows (its columns are elided across the channel change) and C^T's columns, ruled.
  EXPECT_TRUE(contains(text, "\n  " + std::string(40, '-'))) << text;
  EXPECT_TRUE(contains(text, "  0  0  0  0 |  1  1  1  1")) << text;
  EXPECT_TRUE(contains(text, "PASS")) << text;
  const json out = json_of(d);
  EXPECT_EQ(stage_json(out, "output").at("shape"), json::parse("[2,3,3]"));
  EXPECT_EQ(stage_json(out, "output").at("values")[1][1][1], 349);
  EXPECT_EQ(stage_json(out, "flipped_kernel").at("shape"), json::parse("[2,1,3,3]"));
  EXPECT_EQ(stage_json(out, "conv_matrix").at("shape"), json::parse("[8,50]"));
  EXPECT_EQ(out.at("params").at("bias"), json::parse("[0.5,-1]"));
  for (convt::Format format :
       {convt::Format::kUnicode, convt::Format::kMarkdown, convt::Format::kLatex})
    EXPECT_TRUE(contains(convt::render(d, format, RenderOptions{}), "output channel 1"));
}

}  // namespace
