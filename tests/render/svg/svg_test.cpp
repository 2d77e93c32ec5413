// The SVG figures (render_svg.h): which files, well-formed XML, the numbers they show equal the
// JSON values of their stages, the kernel's colours, elision like the text view, determinism.
// The sliding kernel: svg_sliding_test.cpp; index.html: svg_index_test.cpp; XML escaping:
// svg_document_test.cpp.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "convt/derivation.h"
#include "convt/error.h"
#include "convt/params.h"
#include "convt/render.h"
#include "convt/render_svg.h"
#include "figures_by_name.h"
#include "svg_reader.h"

namespace {

using convt::Derivation;
using convt::Figure;
using convt::Params;
using convt::SvgOptions;
using convt::testing::by_name;
using convt::testing::read_xml;
using convt::testing::XmlElement;

/// A case of the tests below: a name for messages and its parameters.
struct SvgCase {
  std::string name;
  Params params;
};

Params with_values(Params params, std::vector<double> kernel, std::vector<double> input) {
  params.kernel = std::move(kernel);
  params.input = std::move(input);
  return params;
}

Params per_axis(std::vector<convt::AxisParams> axes) {
  Params params;
  params.dims = static_cast<int>(axes.size());
  params.axes = std::move(axes);
  return params;
}

/// The article's four cases, then output_padding, dilation, 1-D with custom values, per-axis
/// sizes, fractional values, and a grid large enough to be elided.
std::vector<SvgCase> cases() {
  using convt::square_params;
  return {
      {"k2_s1_p0_n2", square_params(2, 2, 2, 1, 0)},
      {"k2_s1_p1_n4", square_params(2, 4, 2, 1, 1)},
      {"k3_s1_p1_n3", square_params(2, 3, 3, 1, 1)},
      {"k2_s2_p1_n2", square_params(2, 2, 2, 2, 1)},
      {"k3_s2_p1_op1_n2", square_params(2, 2, 3, 2, 1, 1, 1)},
      {"k3_s1_d2_n3", square_params(2, 3, 3, 1, 0, 2)},
      {"dims1_k3_s2_n4", with_values(square_params(1, 4, 3, 2), {1, 0, -1}, {})},
      {"k2x3_s1x2_n2x3", per_axis({{2, 2, 1, 0, 1, 0}, {3, 3, 2, 0, 1, 0}})},
      {"fractions",
       with_values(square_params(2, 2, 2, 2, 0), {0.5, -1.25, 1e-5, 3}, {0.1, 2, -3, 4})},
      {"k3_s2_p1_op1_n40_elided", square_params(2, 40, 3, 2, 1, 1, 1)},
  };
}

/// A JSON stage grid as a lookup: dense ("values") or sparse ("sparse" triples, absent cells 0).
class JsonGrid {
 public:
  explicit JsonGrid(const nlohmann::json& stage) {
    if (stage.contains("values")) {
      for (const auto& row : stage["values"]) {
        values_.emplace_back();
        for (const auto& v : row) values_.back().push_back(v.get<double>());
      }
    } else {
      for (const auto& triple : stage.at("sparse"))
        sparse_[{triple[0].get<int64_t>(), triple[1].get<int64_t>()}] = triple[2].get<double>();
    }
  }
  double at(int64_t r, int64_t c) const {
    if (!values_.empty()) return values_.at(static_cast<size_t>(r)).at(static_cast<size_t>(c));
    auto it = sparse_.find({r, c});
    return it == sparse_.end() ? 0.0 : it->second;
  }

 private:
  std::vector<std::vector<double>> values_;
  std::map<std::pair<int64_t, int64_t>, double> sparse_;
};

TEST(SvgFigures, OneFigurePerStageThenTheSlidingKernelThenTheIndex) {
  const Derivation d = convt::derive(convt::square_params(2, 3, 3, 1, 1));
  const std::vector<Figure> figures = convt::render_svg(d, SvgOptions{});
  std::vector<std::string> names;
  for (const Figure& f : figures) names.push_back(f.name);
  EXPECT_EQ(names, (std::vector<std::string>{
                       "formula.svg", "kernel.svg", "input.svg", "conv_matrix.svg",
                       "transposed_matrix.svg", "matrix_output.svg", "scatter_stamps.svg",
                       "scatter_output.svg", "zero_inserted.svg", "padded_input.svg",
                       "flipped_kernel.svg", "direct_output.svg", "output.svg", "overlap.svg",
                       "check.svg", "sliding.svg", "index.html"}));
}

TEST(SvgFigures, StagesSelectTheFiguresAndDirectOutputBringsTheSlidingKernel) {
  const Derivation d = convt::derive(convt::square_params(2, 2, 2, 2, 1));
  SvgOptions options;
  options.stages = {convt::StageId::kPaddedInput, convt::StageId::kFormula};
  std::vector<std::string> names;
  for (const Figure& f : convt::render_svg(d, options)) names.push_back(f.name);
  EXPECT_EQ(names, (std::vector<std::string>{"formula.svg", "padded_input.svg", "index.html"}));
  options.stages = {convt::StageId::kDirectOutput};
  names.clear();
  for (const Figure& f : convt::render_svg(d, options)) names.push_back(f.name);
  EXPECT_EQ(names, (std::vector<std::string>{"direct_output.svg", "sliding.svg", "index.html"}));
}

TEST(SvgFigures, EveryFigureIsWellFormedAsciiXmlWithTheSvgNamespace) {
  for (const SvgCase& c : cases()) {
    SCOPED_TRACE(c.name);
    const Derivation d = convt::derive(c.params);
    for (const Figure& f : convt::render_svg(d, SvgOptions{})) {
      if (f.name == "index.html") continue;
      SCOPED_TRACE(f.name);
      std::vector<XmlElement> elements;
      ASSERT_NO_THROW(elements = read_xml(f.content));
      ASSERT_FALSE(elements.empty());
      EXPECT_EQ(elements[0].name, "svg");
      EXPECT_EQ(elements[0].attribute("xmlns"), "http://www.w3.org/2000/svg");
      EXPECT_FALSE(elements[0].attribute("viewBox").empty());
      for (const XmlElement& e : elements) EXPECT_NE(e.name, "script");
    }
  }
}

TEST(SvgFigures, EveryCellNumberEqualsTheJsonValueOfItsStage) {
  for (const SvgCase& c : cases()) {
    SCOPED_TRACE(c.name);
    const Derivation d = convt::derive(c.params);
    const nlohmann::json json =
        nlohmann::json::parse(convt::render_json(d, convt::RenderOptions{}));
    std::map<std::string, nlohmann::json> stages;
    std::map<std::string, JsonGrid> grids;
    for (const auto& stage : json["stages"]) {
      stages[stage["id"].get<std::string>()] = stage;
      if (stage.contains("rows")) grids.emplace(stage["id"].get<std::string>(), JsonGrid(stage));
      if (stage.contains("stamps"))  // stamp i is drawn as the grid "stamp-i"
        for (size_t i = 0; i < stage["stamps"].size(); ++i)
          grids.emplace("stamp-" + std::to_string(i), JsonGrid(stage["stamps"][i]));
    }

    std::map<std::string, int64_t> checked;  // per stage id, over all figures
    for (const Figure& f : convt::render_svg(d, SvgOptions{})) {
      if (f.name == "index.html") continue;
      SCOPED_TRACE(f.name);
      for (const XmlElement& e : read_xml(f.content)) {
        if (e.name != "text" || !e.has_class("v")) continue;
        ASSERT_FALSE(e.grid_stage.empty()) << "a cell number outside a grid group: " << e.text;
        // The output's F-grid view shows the uncropped F-grid: the matrix route's values.
        const std::string source = e.grid_name == "full_view"            ? "matrix_output"
                                   : e.grid_name.rfind("stamp-", 0) == 0 ? e.grid_name
                                                                         : e.grid_stage;
        ASSERT_TRUE(grids.count(source)) << source;
        const int64_t r = std::stoll(e.attribute("data-r")),
                      col = std::stoll(e.attribute("data-c"));
        EXPECT_EQ(std::stod(e.text), grids.at(source).at(r, col))
            << e.grid_stage << "/" << e.grid_name << " (" << r << "," << col << ")";
        ++checked[e.grid_stage];
      }
    }
    // Every stage with a grid or stamps shows numbers somewhere.
    for (const auto& [id, stage] : stages) {
      if (stage.contains("rows") || stage.contains("stamps")) {
        EXPECT_GT(checked[id], 0) << id;
      }
    }
  }
}

TEST(SvgFigures, ConvMatrixPaintsEachWeightsBandInItsOwnColour) {
  // With the default kernel 1..9 every weight is distinct, so a data cell of C holding v is
  // tap v-1 and must be painted "w{v-1}"; its zeros are matrix zeros.
  const Derivation d = convt::derive(convt::square_params(2, 2, 3, 2, 1));
  const std::string svg = by_name(convt::render_svg(d, SvgOptions{}))["conv_matrix.svg"];
  const std::vector<XmlElement> elements = read_xml(svg);
  int64_t bands = 0;
  for (size_t i = 1; i < elements.size(); ++i) {
    const XmlElement& e = elements[i];
    if (e.name != "text" || !e.has_class("v") || e.grid_stage != "conv_matrix") continue;
    const XmlElement& cell = elements[i - 1];  // each number follows its cell's rect
    ASSERT_EQ(cell.name, "rect");
    const int value = std::stoi(e.text);
    if (value == 0) {
      EXPECT_TRUE(cell.has_class("k-matrix"));
    } else {
      EXPECT_TRUE(cell.has_class("w" + std::to_string(value - 1))) << cell.attribute("class");
      ++bands;
    }
  }
  EXPECT_EQ(bands, 4 * 9);  // n*n rows, each holding the nine weights
}

TEST(SvgFigures, LargeGridsAreElidedLikeTheTextViewWithANote) {
  const Derivation d = convt::derive(convt::square_params(2, 30, 4, 2, 1));
  convt::RenderOptions text_options;
  text_options.width = 100;
  const std::string text = convt::render_text(d, text_options);
  // The text view of the 65 x 65 padded input hides columns 11..53 and rows 20..44.
  const std::string columns = "columns 11 to 53 are not shown (43 of 65); --full prints them all";
  const std::string rows = "rows 20 to 44 are not shown (25 of 65); --full prints them all";
  ASSERT_NE(text.find(columns), std::string::npos);
  ASSERT_NE(text.find(rows), std::string::npos);
  const std::string svg = by_name(convt::render_svg(d, SvgOptions{}))["padded_input.svg"];
  EXPECT_NE(svg.find(columns), std::string::npos);
  EXPECT_NE(svg.find(rows), std::string::npos);
  std::set<int64_t> shown_cols;
  for (const XmlElement& e : read_xml(svg))
    if (e.name == "text" && e.has_class("v")) shown_cols.insert(std::stoll(e.attribute("data-c")));
  EXPECT_EQ(shown_cols.count(10), 1u);
  EXPECT_EQ(shown_cols.count(54), 1u);
  for (int64_t c = 11; c <= 53; ++c) EXPECT_EQ(shown_cols.count(c), 0u) << c;
}

TEST(SvgFigures, FullDrawsEveryCellAndRefusesGridsOverMaxCells) {
  const Derivation d = convt::derive(convt::square_params(2, 30, 4, 2, 1));
  SvgOptions options;
  options.full = true;
  options.stages = {convt::StageId::kPaddedInput};
  const std::string svg = by_name(convt::render_svg(d, options))["padded_input.svg"];
  int64_t cells = 0;
  for (const XmlElement& e : read_xml(svg)) cells += e.name == "text" && e.has_class("v");
  EXPECT_EQ(cells, 65 * 65);
  options.max_cells = 1000;
  try {
    convt::render_svg(d, options);
    FAIL() << "expected an Error";
  } catch (const convt::Error& e) {
    EXPECT_EQ(convt::resolve(e.message(), convt::Lang::kEn),
              "--full: stage 'padded_input' has 4225 cells, over --max-cells 1000; print it "
              "without --full, select other --stages, or raise --max-cells");
  }
}

/// The font stacks a figure names: the text after each `font-family` (CSS `font-family:` or the
/// attribute `font-family="`) up to `;`, `}` or `"`.
std::vector<std::string> font_stacks(const std::string& content) {
  std::vector<std::string> stacks;
  const std::string key = "font-family";
  for (size_t at = content.find(key); at != std::string::npos; at = content.find(key, at + 1)) {
    size_t start = at + key.size();
    if (start < content.size() && content[start] == '=') ++start;  // the attribute's '="'
    ++start;                                                       // ':' or '"'
    stacks.push_back(content.substr(start, content.find_first_of(";}\"", start) - start));
  }
  return stacks;
}

// Chinese words (--lang zh) need a CJK font: every stack, also the monospaced one of the
// formulas and index.html's, names Noto Sans CJK SC (fonts-noto-cjk) and the other common CJK
// fonts before its generic family, which comes last. svg.cjk_font renders one (e2e).
TEST(SvgFigures, EveryFontStackFallsBackToCjkFontsBeforeTheGenericFamily) {
  SvgOptions options;
  options.lang = convt::Lang::kZh;
  const auto figures =
      convt::render_svg(convt::derive(convt::square_params(2, 2, 2, 1, 0)), options);
  int stacks = 0;
  for (const Figure& f : figures) {
    SCOPED_TRACE(f.name);
    for (const std::string& stack : font_stacks(f.content)) {
      SCOPED_TRACE(stack);
      ++stacks;
      const size_t generic = std::min(stack.rfind("sans-serif"), stack.rfind("monospace"));
      ASSERT_NE(generic, std::string::npos);
      EXPECT_EQ(stack.find(',', generic), std::string::npos) << "the generic family is not last";
      for (const char* cjk : {"Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
                              "Microsoft YaHei", "PingFang SC"}) {
        EXPECT_LT(stack.find(cjk), generic) << cjk;
      }
    }
  }
  // Per figure: the attribute, the text rule and the formulas' rule; index.html's body.
  EXPECT_GT(stacks, 3 * 16);
}

TEST(SvgFigures, AreDeterministic) {
  const Derivation d = convt::derive(convt::square_params(2, 3, 3, 2, 1, 1, 1));
  const auto first = convt::render_svg(d, SvgOptions{});
  const auto second = convt::render_svg(d, SvgOptions{});
  ASSERT_EQ(first.size(), second.size());
  for (size_t i = 0; i < first.size(); ++i) EXPECT_EQ(first[i].content, second[i].content);
}

}  // namespace

namespace {

TEST(SvgFigures, ScatterStampsAreSmallMultiplesCaptionedAndColouredByTap) {
  // k=2, s=2, n=2 with w = x = 1..4: four 4 x 4 stamps; stamp (0,1) holds 2*w at columns 2-3.
  const Derivation d = convt::derive(convt::square_params(2, 2, 2, 2));
  const std::string svg = by_name(convt::render_svg(d, SvgOptions{}))["scatter_stamps.svg"];
  ASSERT_FALSE(svg.empty());
  ASSERT_NO_THROW((void)read_xml(svg));
  for (const char* caption : {">x(0,0) = 1<", ">x(0,1) = 2<", ">x(1,0) = 3<", ">x(1,1) = 4<"})
    EXPECT_NE(svg.find(caption), std::string::npos) << caption;
  const std::vector<XmlElement> elements = read_xml(svg);
  std::set<std::string> grids;
  int64_t painted = 0;
  for (size_t i = 1; i < elements.size(); ++i) {
    const XmlElement& e = elements[i];
    if (e.name != "text" || !e.has_class("v")) continue;
    EXPECT_EQ(e.grid_stage, "scatter_stamps");
    grids.insert(e.grid_name);
    if (e.grid_name != "stamp-1") continue;
    const XmlElement& cell = elements[i - 1];  // each number follows its cell's rect
    const int64_t r = std::stoll(e.attribute("data-r")), c = std::stoll(e.attribute("data-c"));
    if (r < 2 && c >= 2) {
      // Tap (r, c-2) of the kernel: the colour of weight r*2 + c-2, as in kernel.svg.
      EXPECT_TRUE(cell.has_class("w" + std::to_string(r * 2 + c - 2))) << r << "," << c;
      ++painted;
    }
  }
  EXPECT_EQ(painted, 4);
  EXPECT_EQ(grids, (std::set<std::string>{"stamp-0", "stamp-1", "stamp-2", "stamp-3"}));
}

TEST(SvgFigures, ScatterStampsShowNineWithANoteUnlessFull) {
  const Derivation d = convt::derive(convt::square_params(2, 4, 2, 2));
  const std::string svg = by_name(convt::render_svg(d, SvgOptions{}))["scatter_stamps.svg"];
  EXPECT_NE(svg.find("7 more stamps not shown; --full shows all"), std::string::npos);
  EXPECT_NE(svg.find(">x(2,0) = 9<"), std::string::npos);
  EXPECT_EQ(svg.find(">x(2,1) = 10<"), std::string::npos);
  SvgOptions full;
  full.full = true;
  const std::string all = by_name(convt::render_svg(d, full))["scatter_stamps.svg"];
  EXPECT_NE(all.find(">x(3,3) = 16<"), std::string::npos);
  EXPECT_EQ(all.find("not shown"), std::string::npos);
  full.max_cells = 100;  // 16 stamps of 6 x 6
  EXPECT_THROW((void)convt::render_svg(d, full), convt::Error);
}

}  // namespace
