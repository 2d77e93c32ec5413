// The sliding kernel of --format svg (render_svg_sliding): the SMIL animation, what it shows
// without SMIL, the frames of --frames, and large grids.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "convt/derivation.h"
#include "convt/params.h"
#include "convt/render_svg.h"
#include "figures_by_name.h"
#include "svg_reader.h"

namespace {

using convt::Derivation;
using convt::SvgOptions;
using convt::testing::by_name;
using convt::testing::read_xml;
using convt::testing::XmlElement;

TEST(SvgSliding, AnimatesWithSmilOnlyAndStartsAtTheFirstPosition) {
  const Derivation d = convt::derive(convt::square_params(2, 2, 2, 2, 1));
  const std::string svg = by_name(convt::render_svg(d, SvgOptions{}))["sliding.svg"];
  EXPECT_NE(svg.find("<animateTransform attributeName=\"transform\" type=\"translate\""),
            std::string::npos);
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  EXPECT_EQ(svg.find("javascript"), std::string::npos);
  // 16 positions plus a held last frame, 0.8 s each.
  EXPECT_NE(svg.find("dur=\"13.6s\""), std::string::npos);
  // Without SMIL (rsvg-convert, print) only F-grid cell (0,0) is written: 1 x 1 = 1. The crop
  // (p = 1) removes it, so it is never an output cell.
  int64_t visible = 0;
  for (const XmlElement& e : read_xml(svg))
    if (e.name == "text" && e.has_class("v") && e.grid_stage == "direct_output")
      visible += e.attribute("opacity") != "0";
  EXPECT_EQ(visible, 1);
  EXPECT_NE(svg.find(">F-grid cell (0,0) (removed by the crop) = 1&#xD7;1 = 1<"),
            std::string::npos);
  EXPECT_EQ(svg.find(">output cell"), std::string::npos);
}

TEST(SvgSliding, FramesAreOneStillPerPositionThatSayWhatItAdds) {
  // k=2, s=2, p=1, n=2: the padded input is 5 x 5 with the input 1 2 / 3 4 at rows and
  // columns 1 and 3; the flipped kernel is 4 3 / 2 1. The F-grid is 4 x 4: 16 positions.
  const Derivation d = convt::derive(convt::square_params(2, 2, 2, 2, 1));
  SvgOptions options;
  options.frames = true;
  const auto figures = by_name(convt::render_svg(d, options));
  EXPECT_EQ(figures.count("sliding.svg"), 0u);
  EXPECT_EQ(figures.count("sliding-016.svg"), 1u);
  EXPECT_EQ(figures.count("sliding-017.svg"), 0u);
  // Position 6 is F-grid cell (1,1): the window covers padded (1,1)=1, (1,2)=0, (2,1)=0,
  // (2,2)=0. The crop keeps F-grid rows and columns 1 and 2 (m = 2), so it becomes output cell
  // (0,0).
  const std::string frame = figures.at("sliding-006.svg");
  EXPECT_NE(frame.find(">F-grid cell (1,1) (output cell (0,0) after the crop) = 1&#xD7;4 = 4<"),
            std::string::npos);
  EXPECT_NE(frame.find("(frame 6 of 16)"), std::string::npos);
  // The frame has written the first six output cells, row by row, and no others.
  std::set<std::pair<int64_t, int64_t>> written;
  for (const XmlElement& e : read_xml(frame))
    if (e.name == "text" && e.has_class("v") && e.grid_stage == "direct_output")
      written.insert({std::stoll(e.attribute("data-r")), std::stoll(e.attribute("data-c"))});
  EXPECT_EQ(written, (std::set<std::pair<int64_t, int64_t>>{
                         {0, 0}, {0, 1}, {0, 2}, {0, 3}, {1, 0}, {1, 1}}));
  // Position 16, F-grid cell (3,3): padded (3,3)=4 times the flipped kernel's 4; (4,4) is 0.
  // The crop removes it.
  EXPECT_NE(figures.at("sliding-016.svg")
                .find(">F-grid cell (3,3) (removed by the crop) = 4&#xD7;4 = 16<"),
            std::string::npos);
  options.lang = convt::Lang::kZh;
  const auto zh = by_name(convt::render_svg(d, options));
  std::vector<std::string> texts;
  for (const XmlElement& e : read_xml(zh.at("sliding-006.svg")))
    if (e.name == "text") texts.push_back(e.text);
  EXPECT_NE(
      std::find(texts.begin(), texts.end(), "F 网格元素 (1,1)（裁剪后为输出元素 (0,0)） = 1×4 = 4"),
      texts.end());
  for (const std::string& text : texts) EXPECT_NE(text.rfind("输出元素", 0), 0u) << text;
}

TEST(SvgSliding, LargeGridsAnimateOnlyThePositionsTheyShow) {
  const Derivation d = convt::derive(convt::square_params(2, 30, 4, 2, 1));
  const std::string svg = by_name(convt::render_svg(d, SvgOptions{}))["sliding.svg"];
  EXPECT_NE(svg.find("the animation shows the first 256 of the 3844 kernel positions"),
            std::string::npos);
}

}  // namespace
