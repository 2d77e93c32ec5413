// The figures of a whole layer (Stage::slices): small multiples with the slices' labels, the
// bound on panels and its note, the tap colours of 3-D kernel slices, the channel blocks of C,
// and no sliding kernel (index.html says why). The derivations are built by hand, so that the
// tests do not depend on the engine's layer routes.
#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "convt/derivation.h"
#include "convt/messages.h"
#include "convt/params.h"
#include "convt/render_svg.h"
#include "convt/shape.h"
#include "figures_by_name.h"
#include "svg_reader.h"

namespace {

using convt::AxisLabels;
using convt::Derivation;
using convt::Figure;
using convt::Grid;
using convt::GridSlice;
using convt::Message;
using convt::MsgId;
using convt::Params;
using convt::Stage;
using convt::StageId;
using convt::SvgOptions;
using convt::testing::by_name;
using convt::testing::read_xml;
using convt::testing::XmlElement;

/// A derivation of `params` with no stages yet: its shapes from the size formulas.
Derivation layer(const Params& params) {
  Derivation d;
  d.params = params;
  for (const convt::AxisParams& axis : params.axes) d.shapes.push_back(convt::axis_shape(axis));
  return d;
}

Stage stage_of(StageId id, MsgId title, std::vector<int64_t> shape) {
  Stage stage{id, {title, {}}, {}, {}, {}, {}, {}, {}, std::move(shape), {}};
  return stage;
}

/// A rows x cols grid holding first, first + 1, ... row-major.
Grid counting(int64_t rows, int64_t cols, double first) {
  Grid grid(rows, cols);
  for (int64_t r = 0; r < rows; ++r)
    for (int64_t c = 0; c < cols; ++c) grid.set(r, c, first + static_cast<double>(r * cols + c));
  return grid;
}

Message output_channel(int64_t o) {
  return {MsgId::kSliceOutputChannel, {{"o", std::to_string(o)}}};
}

/// An output stage of `channels` output channels of a 1 x 2 grid each (a 1-D layer, m = 2).
Derivation output_layer(int64_t channels) {
  Params params = convt::square_params(1, 2, 1);
  params.out_channels = channels;
  Derivation d = layer(params);
  Stage output = stage_of(StageId::kOutput, MsgId::kTitleOutput, {channels, 2});
  for (int64_t o = 0; o < channels; ++o)
    output.slices.push_back(
        {{o}, output_channel(o), counting(1, 2, 10.0 * static_cast<double>(o))});
  d.stages.push_back(std::move(output));
  return d;
}

std::vector<XmlElement> elements_of(const Derivation& d, const std::string& file,
                                    const SvgOptions& options = {}) {
  const std::string svg = by_name(convt::render_svg(d, options))[file];
  EXPECT_FALSE(svg.empty()) << file;
  return read_xml(svg);  // throws unless well-formed ASCII XML
}

/// The data-grid names of the grid groups of a figure, in order.
std::vector<std::string> grid_names(const std::vector<XmlElement>& elements) {
  std::vector<std::string> names;
  for (const XmlElement& e : elements)
    if (e.name == "g" && e.has_class("grid")) names.push_back(e.attribute("data-grid"));
  return names;
}

/// The texts of class `css`, joined by spaces (wrapped captions join back into one line).
std::string texts(const std::vector<XmlElement>& elements, const std::string& css) {
  std::string out;
  for (const XmlElement& e : elements)
    if (e.name == "text" && e.has_class(css)) out += (out.empty() ? "" : " ") + e.text;
  return out;
}

TEST(SvgSlices, TheWeightIsOnePanelPerSliceUnderItsLabel) {
  Params params = convt::square_params(2, 2, 2);
  params.in_channels = 2;
  params.out_channels = 2;
  Derivation d = layer(params);
  Stage kernel = stage_of(StageId::kKernel, MsgId::kTitleKernel, {2, 2, 2, 2});
  std::vector<std::string> labels;
  for (int64_t c = 0; c < 2; ++c)
    for (int64_t o = 0; o < 2; ++o) {
      Message label{MsgId::kSliceWeight,
                    {{"c", std::to_string(c)}, {"j", std::to_string(o)}, {"o", std::to_string(o)}}};
      labels.push_back(convt::resolve(label, convt::Lang::kEn));
      kernel.slices.push_back(
          {{c, o}, label, counting(2, 2, 1.0 + 4.0 * static_cast<double>(c * 2 + o))});
    }
  d.stages.push_back(std::move(kernel));
  const std::vector<XmlElement> elements = elements_of(d, "kernel.svg");
  EXPECT_EQ(grid_names(elements),
            (std::vector<std::string>{"slice-0", "slice-1", "slice-2", "slice-3"}));
  const std::string captions = texts(elements, "cap");
  for (const std::string& label : labels)
    EXPECT_NE(captions.find(label), std::string::npos) << label;
  // The title names the whole tensor's shape; the figure's numbers are the slices' values.
  EXPECT_NE(
      texts(elements, "title").find("(2\u00a0\u00d7\u00a02\u00a0\u00d7\u00a02\u00a0\u00d7\u00a02)"),
      std::string::npos)
      << texts(elements, "title");
  int64_t numbers = 0;
  for (const XmlElement& e : elements)
    if (e.name == "text" && e.has_class("v")) {
      const int64_t slice = std::stoll(e.grid_name.substr(6));
      const int64_t r = std::stoll(e.attribute("data-r")), c = std::stoll(e.attribute("data-c"));
      EXPECT_EQ(std::stod(e.text),
                1.0 + 4.0 * static_cast<double>(slice) + static_cast<double>(r * 2 + c));
      ++numbers;
    }
  EXPECT_EQ(numbers, 16);
}

TEST(SvgSlices, PanelsBeyondTheBoundAreCountedInANoteWithARealPlural) {
  const std::vector<XmlElement> twenty = elements_of(output_layer(20), "output.svg");
  EXPECT_EQ(grid_names(twenty).size(), 16u);
  EXPECT_NE(texts(twenty, "note").find("4 more panels not shown; --full draws them all"),
            std::string::npos)
      << texts(twenty, "note");
  const std::vector<XmlElement> seventeen = elements_of(output_layer(17), "output.svg");
  EXPECT_EQ(grid_names(seventeen).size(), 16u);
  EXPECT_NE(texts(seventeen, "note").find("1 more panel not shown"), std::string::npos);
  EXPECT_EQ(texts(elements_of(output_layer(16), "output.svg"), "note").find("more panel"),
            std::string::npos);

  SvgOptions full;
  full.full = true;
  const std::vector<XmlElement> all = elements_of(output_layer(20), "output.svg", full);
  EXPECT_EQ(grid_names(all).size(), 20u);
  EXPECT_EQ(texts(all, "note").find("more panel"), std::string::npos);

  SvgOptions zh;
  zh.lang = convt::Lang::kZh;
  const std::vector<XmlElement> chinese = elements_of(output_layer(20), "output.svg", zh);
  EXPECT_NE(texts(chinese, "note").find("\u8fd8\u6709 4 \u4e2a\u5c0f\u56fe\u672a\u663e\u793a"),
            std::string::npos)
      << texts(chinese, "note");
  EXPECT_NE(texts(chinese, "cap").find("\u8f93\u51fa\u901a\u9053 15"), std::string::npos)
      << "the labels of the panels drawn are Chinese";
}

TEST(SvgSlices, TallPanelsStopBeforeTheFigurePassesWhatRsvgConvertRenders) {
  // 16 output channels of 40 x 20 (one panel per row, each about 2500 px high): all 16 would
  // be about 40000 px high, beyond librsvg's 32767 px.
  Params params = convt::square_params(2, 2, 1);
  params.out_channels = 16;
  Derivation d = layer(params);
  Stage output = stage_of(StageId::kOutput, MsgId::kTitleOutput, {16, 40, 20});
  for (int64_t o = 0; o < 16; ++o)
    output.slices.push_back({{o}, output_channel(o), counting(40, 20, 0)});
  d.stages.push_back(std::move(output));
  const std::vector<XmlElement> elements = elements_of(d, "output.svg");
  const size_t drawn = grid_names(elements).size();
  EXPECT_GE(drawn, 1u);
  EXPECT_LT(drawn, 16u);
  EXPECT_NE(texts(elements, "note").find(std::to_string(16 - drawn) + " more panels not shown"),
            std::string::npos)
      << texts(elements, "note");
  const std::string view_box = elements[0].attribute("viewBox");
  EXPECT_LT(std::stoll(view_box.substr(view_box.rfind(' ') + 1)), 32767) << view_box;
  SvgOptions full;
  full.full = true;
  EXPECT_EQ(grid_names(elements_of(d, "output.svg", full)).size(), 16u);
}

TEST(SvgSlices, ADepthSliceOfA3dKernelTakesTheColoursOfItsTaps) {
  // k = 2 on every axis: tap (t, u, v) = (t*2 + u)*2 + v, so slice z = 1 holds taps 4..7.
  Params params = convt::square_params(2, 2, 2);
  params.dims = 3;
  params.axes.push_back(params.axes.back());
  Derivation d = layer(params);
  Stage kernel = stage_of(StageId::kKernel, MsgId::kTitleKernel, {1, 1, 2, 2, 2});
  for (int64_t z = 0; z < 2; ++z)
    kernel.slices.push_back({{0, 0, z},
                             {MsgId::kSliceDepth, {{"z", std::to_string(z)}}},
                             counting(2, 2, 1.0 + 4.0 * static_cast<double>(z))});
  d.stages.push_back(std::move(kernel));
  const std::vector<XmlElement> elements = elements_of(d, "kernel.svg");
  int64_t cells = 0;
  for (size_t i = 1; i < elements.size(); ++i) {
    if (elements[i].name != "text" || !elements[i].has_class("v")) continue;
    const int value = std::stoi(elements[i].text);  // the default weights 1..8: tap value - 1
    EXPECT_TRUE(elements[i - 1].has_class("w" + std::to_string(value - 1)))
        << elements[i - 1].attribute("class");
    ++cells;
  }
  EXPECT_EQ(cells, 8);
  EXPECT_NE(texts(elements, "cap").find("depth z = 1"), std::string::npos);
}

/// C of a 1-D layer with n = 2, k = 2, s = 1 (F = 3), `in` input and `out` output channels,
/// groups 1: C[c*2 + a][o*3 + a + u] = w[c][o][u] = 1 + (c*out + o)*2 + u.
Grid layer_conv_matrix(int64_t in, int64_t out) {
  std::vector<int64_t> start{0}, cols;
  std::vector<double> values;
  for (int64_t c = 0; c < in; ++c)
    for (int64_t a = 0; a < 2; ++a) {
      for (int64_t o = 0; o < out; ++o)
        for (int64_t u = 0; u < 2; ++u) {
          cols.push_back(o * 3 + a + u);
          values.push_back(1.0 + static_cast<double>((c * out + o) * 2 + u));
        }
      start.push_back(static_cast<int64_t>(cols.size()));
    }
  Grid grid = Grid::sparse(in * 2, out * 3, start, cols, values);
  grid.row_labels = AxisLabels{AxisLabels::Style::kCoords, {2}};
  grid.col_labels = AxisLabels{AxisLabels::Style::kCoords, {3}};
  return grid;
}

int64_t count_lines(const std::vector<XmlElement>& elements, bool horizontal) {
  return std::count_if(elements.begin(), elements.end(), [&](const XmlElement& e) {
    return e.name == "line" && e.has_class("blk") && e.grid_stage == "conv_matrix" &&
           (e.attribute("y1") == e.attribute("y2")) == horizontal;
  });
}

TEST(SvgSlices, CShowsItsChannelBlocksAndTheBandsWithinThem) {
  Params params = convt::square_params(1, 2, 2);
  params.in_channels = 3;
  params.out_channels = 2;
  Derivation d = layer(params);
  Stage c = stage_of(StageId::kConvMatrix, MsgId::kTitleConvMatrix, {6, 6});
  c.grid = layer_conv_matrix(3, 2);
  d.stages.push_back(std::move(c));
  const std::vector<XmlElement> elements = elements_of(d, "conv_matrix.svg");
  // A line where the input channel changes (rows 2 and 4) and where the output channel does
  // (column 3), at the top (left) of the first row (column) of the new channel.
  EXPECT_EQ(count_lines(elements, true), 2);
  EXPECT_EQ(count_lines(elements, false), 1);
  std::vector<int64_t> row_tops, line_ys;
  for (size_t i = 1; i < elements.size(); ++i) {
    const XmlElement& e = elements[i];
    if (e.name == "line" && e.has_class("blk") && e.attribute("y1") == e.attribute("y2"))
      line_ys.push_back(std::stoll(e.attribute("y1")));
    if (e.name == "text" && e.has_class("v") && e.attribute("data-c") == "0" &&
        (e.attribute("data-r") == "2" || e.attribute("data-r") == "4"))
      row_tops.push_back(std::stoll(elements[i - 1].attribute("y")));
    // Within a block, weight u of w[c][o] is tap u: its band's colour.
    if (e.name == "text" && e.has_class("v") && e.text != "0") {
      const int value = std::stoi(e.text);
      EXPECT_TRUE(elements[i - 1].has_class("w" + std::to_string((value - 1) % 2)))
          << e.text << " " << elements[i - 1].attribute("class");
    }
  }
  EXPECT_EQ(line_ys, row_tops);
  // The rows are labelled (c,a), the columns (o,i), and the legend explains the lines.
  const std::string row_labels = texts(elements, "labr");
  EXPECT_NE(row_labels.find("(2,1)"), std::string::npos) << row_labels;
  EXPECT_NE(texts(elements, "txt").find("the border between two channel blocks"),
            std::string::npos);

  // A one-channel derivation draws no such line.
  const Derivation classic = convt::derive(convt::square_params(2, 2, 2));
  EXPECT_EQ(count_lines(read_xml(by_name(convt::render_svg(classic, {}))["conv_matrix.svg"]), true),
            0);
}

/// The transpose of a sparse grid, its labels swapped.
Grid transposed(const Grid& grid) {
  std::vector<std::vector<std::pair<int64_t, double>>> rows(static_cast<size_t>(grid.cols()));
  grid.for_each_entry(
      [&](int64_t r, int64_t c, double v) { rows[static_cast<size_t>(c)].emplace_back(r, v); });
  std::vector<int64_t> start{0}, cols;
  std::vector<double> values;
  for (const auto& row : rows) {
    for (const auto& [c, v] : row) {
      cols.push_back(c);
      values.push_back(v);
    }
    start.push_back(static_cast<int64_t>(cols.size()));
  }
  Grid out = Grid::sparse(grid.cols(), grid.rows(), start, cols, values);
  out.row_labels = grid.col_labels;
  out.col_labels = grid.row_labels;
  return out;
}

TEST(SvgSlices, TheProductOfALayerFlattensItsTensorsChannelMajor) {
  // in = 3, out = 2, 1-D n = 2, F = 3: x holds the input channels one after another (1..6),
  // y the F-grids of the output channels (10..15).
  Params params = convt::square_params(1, 2, 2);
  params.in_channels = 3;
  params.out_channels = 2;
  Derivation d = layer(params);
  Stage input = stage_of(StageId::kInput, MsgId::kTitleInput, {3, 2});
  for (int64_t c = 0; c < 3; ++c)
    input.slices.push_back({{c},
                            {MsgId::kSliceInputChannel, {{"c", std::to_string(c)}}},
                            counting(1, 2, 1.0 + 2.0 * static_cast<double>(c))});
  Stage ct = stage_of(StageId::kTransposedMatrix, MsgId::kTitleTransposedMatrix, {6, 6});
  ct.grid = transposed(layer_conv_matrix(3, 2));
  Stage folded = stage_of(StageId::kMatrixOutput, MsgId::kTitleMatrixOutput, {2, 3});
  for (int64_t o = 0; o < 2; ++o)
    folded.slices.push_back(
        {{o}, output_channel(o), counting(1, 3, 10.0 + 3.0 * static_cast<double>(o))});
  d.stages.push_back(std::move(input));
  d.stages.push_back(std::move(ct));
  d.stages.push_back(std::move(folded));
  const std::vector<XmlElement> elements = elements_of(d, "transposed_matrix.svg");
  std::vector<double> x, y;
  for (const XmlElement& e : elements) {
    if (e.name != "text" || !e.has_class("v") || e.grid_name != "flat") continue;
    std::vector<double>& vector = e.grid_stage == "input" ? x : y;
    EXPECT_EQ(std::stoll(e.attribute("data-r")), static_cast<int64_t>(vector.size()));
    vector.push_back(std::stod(e.text));
  }
  EXPECT_EQ(x, (std::vector<double>{1, 2, 3, 4, 5, 6}));
  EXPECT_EQ(y, (std::vector<double>{10, 11, 12, 13, 14, 15}));
  // Channel borders: x between its 3 input channels, y and C^T's rows between the 2 output
  // channels, C^T's columns between the input channels.
  auto lines = [&](const std::string& stage, bool horizontal) {
    return std::count_if(elements.begin(), elements.end(), [&](const XmlElement& e) {
      return e.name == "line" && e.grid_stage == stage &&
             (e.attribute("y1") == e.attribute("y2")) == horizontal;
    });
  };
  EXPECT_EQ(lines("input", true), 2);
  EXPECT_EQ(lines("matrix_output", true), 1);
  EXPECT_EQ(lines("transposed_matrix", true), 1);
  EXPECT_EQ(lines("transposed_matrix", false), 2);
}

/// A 1-D layer n = 2, k = 2, s = 1, p = 0 with `channels` input and output channels (groups =
/// channels, so each output channel has one input channel) and a bias: padded input [0, 1, 2, 0]
/// per channel, flipped weight [2, 1], F-grid [1, 4, 4] (0*2 + 1*1, 1*2 + 2*1, 2*2 + 0*1).
Derivation depthwise_layer(int64_t channels) {
  Params params = convt::square_params(1, 2, 2);
  params.in_channels = params.out_channels = params.groups = channels;
  params.bias = std::vector<double>(static_cast<size_t>(channels), 0.5);
  Derivation d = layer(params);
  auto grid = [](std::vector<double> values) {
    Grid g(1, static_cast<int64_t>(values.size()));
    for (size_t i = 0; i < values.size(); ++i) g.set(0, static_cast<int64_t>(i), values[i]);
    return g;
  };
  Stage padded = stage_of(StageId::kPaddedInput, MsgId::kTitlePaddedInput, {channels, 4});
  Stage flipped = stage_of(StageId::kFlippedKernel, MsgId::kTitleFlippedKernel, {channels, 1, 2});
  Stage direct = stage_of(StageId::kDirectOutput, MsgId::kTitleDirectOutput, {channels, 3});
  for (int64_t c = 0; c < channels; ++c) {
    padded.slices.push_back(
        {{c}, {MsgId::kSliceInputChannel, {{"c", std::to_string(c)}}}, grid({0, 1, 2, 0})});
    flipped.slices.push_back({{c, 0},
                              {MsgId::kSliceFlippedWeight,
                               {{"o", std::to_string(c)}, {"j", "0"}, {"c", std::to_string(c)}}},
                              grid({2, 1})});
    direct.slices.push_back({{c}, output_channel(c), grid({1, 4, 4})});
  }
  padded.slices[0].grid.set(0, 0, 0, convt::CellKind::kPaddingZero);
  padded.slices[0].grid.set(0, 3, 0, convt::CellKind::kPaddingZero);
  d.stages.push_back(std::move(padded));
  d.stages.push_back(std::move(flipped));
  d.stages.push_back(std::move(direct));
  return d;
}

TEST(SvgSlices, ALayerOfSeveralChannelsHasNoSlidingKernelAndTheIndexSaysWhy) {
  const Derivation d = depthwise_layer(2);
  const auto figures = by_name(convt::render_svg(d, SvgOptions{}));
  EXPECT_EQ(figures.count("sliding.svg"), 0u);
  EXPECT_EQ(figures.count("direct_output.svg"), 1u);
  const std::string html = figures.at("index.html");
  EXPECT_NE(html.find("<p>The sliding-kernel animation is drawn only for a layer of one input "
                      "channel, one output channel and one depth slice."),
            std::string::npos)
      << html;
  SvgOptions frames;
  frames.frames = true;
  frames.explanations = false;  // the reason is no explanation: it stays
  const auto framed = by_name(convt::render_svg(d, frames));
  for (const auto& [name, content] : framed) EXPECT_NE(name.rfind("sliding", 0), 0u) << name;
  EXPECT_NE(framed.at("index.html").find("The sliding-kernel animation is drawn only"),
            std::string::npos);
}

TEST(SvgSlices, ALayerOfOneChannelWithABiasSlidesItsKernelOverItsOneSlice) {
  const Derivation d = depthwise_layer(1);
  const auto figures = by_name(convt::render_svg(d, SvgOptions{}));
  ASSERT_EQ(figures.count("sliding.svg"), 1u);
  read_xml(figures.at("sliding.svg"));
  EXPECT_NE(figures.at("sliding.svg")
                .find("F-grid cell 1 (output cell 1 after the crop) = "
                      "1&#xD7;2 + 2&#xD7;1 = 4"),
            std::string::npos);
  EXPECT_EQ(figures.at("index.html").find("The sliding-kernel animation is drawn only"),
            std::string::npos);
}

/// Layers derived by the engine: channels with groups in 2-D, 3-D, 1-D with a bias, a 3-D
/// depthwise layer.
std::vector<std::pair<std::string, Params>> derived_layers() {
  Params grouped = convt::square_params(2, 2, 3, 2, 1);
  grouped.in_channels = 2;
  grouped.out_channels = 4;
  grouped.groups = 2;
  Params biased = convt::square_params(1, 3, 3, 2, 1);
  biased.in_channels = 3;
  biased.out_channels = 2;
  biased.bias = std::vector<double>{1, -1};
  Params depthwise = convt::square_params(3, 2, 2, 2);
  depthwise.in_channels = depthwise.out_channels = depthwise.groups = 2;
  return {{"grouped", grouped},
          {"dims3", convt::square_params(3, 2, 2)},
          {"biased_1d", biased},
          {"depthwise_3d", depthwise}};
}

TEST(SvgSlices, EveryFigureOfADerivedLayerIsWellFormedAndShowsItsSlices) {
  for (const auto& [name, params] : derived_layers()) {
    SCOPED_TRACE(name);
    const Derivation d = convt::derive(params);
    for (const Figure& f : convt::render_svg(d, SvgOptions{})) {
      if (f.name == "index.html") continue;
      SCOPED_TRACE(f.name);
      std::vector<XmlElement> elements;
      ASSERT_NO_THROW(elements = read_xml(f.content));
      for (const XmlElement& e : elements) {
        if (e.name != "text" || !e.has_class("v") || e.grid_name.rfind("slice-", 0) != 0) continue;
        const Stage* stage = d.find(*convt::stage_from_name(e.grid_stage));
        ASSERT_NE(stage, nullptr);
        const auto slice = static_cast<size_t>(std::stoll(e.grid_name.substr(6)));
        ASSERT_LT(slice, stage->slices.size());
        const int64_t r = std::stoll(e.attribute("data-r")), c = std::stoll(e.attribute("data-c"));
        EXPECT_EQ(std::stod(e.text), stage->slices[slice].grid.value(r, c))
            << e.grid_stage << " slice " << slice << " (" << r << "," << c << ")";
      }
      // A stage of slices draws min(slices, 16) panels (these are small enough for all 16).
      const std::string id = f.name.substr(0, f.name.size() - 4);
      const std::optional<StageId> stage_id = convt::stage_from_name(id);
      if (!stage_id || d.find(*stage_id)->slices.empty()) continue;
      EXPECT_EQ(grid_names(elements).size(),
                std::min<size_t>(d.find(*stage_id)->slices.size(), 16));
    }
  }
}

}  // namespace
