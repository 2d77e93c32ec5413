// The scatter_stamps stage in every document format and in JSON: small multiples side by side
// within the width, captions, elision with a note, and JSON stamps that add up.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "convt/derivation.h"
#include "convt/error.h"
#include "convt/render.h"
#include "error_text.h"
#include "render_helpers.h"

namespace {

using convt::Derivation;
using convt::RenderOptions;
using convt::StageId;
using convt::testing::code_points;
using convt::testing::contains;
using convt::testing::derive_square;
using convt::testing::lines_of;

Derivation stamps_only(const convt::Params& params, bool symbolic = false) {
  convt::DeriveOptions options;
  options.stages = {StageId::kScatterStamps};
  options.symbolic = symbolic;
  return convt::derive(params, options);
}

int64_t count_of(const std::string& text, const std::string& part) {
  int64_t n = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

/// The stamp captions in `text`: "x(" followed by a digit ("x(a,b)" of the prose is not one).
int64_t captions(const std::string& text) {
  int64_t n = 0;
  for (size_t at = text.find("x("); at != std::string::npos; at = text.find("x(", at + 1))
    n += at + 2 < text.size() && text[at + 2] >= '0' && text[at + 2] <= '9';
  return n;
}

TEST(StampsRender, TextShowsEveryStampOfATwoByTwoInputSideBySide) {
  // k=2, s=2, n=2, w = x = 1..4: F = 4, the stamp of (0,1) is 2*w at columns 2-3.
  convt::Params params = convt::square_params(2, 2, 2, 2);
  const std::string text = convt::render_text(stamps_only(params), RenderOptions{});
  for (const char* caption : {"x(0,0) = 1", "x(0,1) = 2", "x(1,0) = 3", "x(1,1) = 4"})
    EXPECT_TRUE(contains(text, caption)) << caption << "\n" << text;
  // All four fit 100 columns: their captions share one line.
  bool one_line = false;
  for (const std::string& line : lines_of(text))
    one_line = one_line || (contains(line, "x(0,0) = 1") && contains(line, "x(1,1) = 4"));
  EXPECT_TRUE(one_line) << text;
  // The row of stamp (0,1) that holds 2*w[0] = 2 and 2*w[1] = 4 at columns 2 and 3.
  EXPECT_TRUE(contains(text, "0 0 0 2 4")) << text;
  EXPECT_FALSE(contains(text, "not shown")) << text;
}

TEST(StampsRender, StampsWrapToRowsWithinTheWidth) {
  const Derivation d = stamps_only(convt::square_params(2, 3, 3, 2, 1));
  for (int64_t width : {30, 50, 80, 120}) {
    SCOPED_TRACE(width);
    RenderOptions options;
    options.width = width;
    const std::string text = convt::render_text(d, options);
    for (const std::string& line : lines_of(text)) EXPECT_LE(code_points(line), width) << line;
    EXPECT_EQ(captions(text), 9);
  }
  RenderOptions narrow;
  narrow.width = 40;
  // At 40 columns a 7 x 7 stamp (about 24 columns) stands alone on its row.
  for (const std::string& line : lines_of(convt::render_text(d, narrow)))
    EXPECT_LE(captions(line), 1) << line;
}

TEST(StampsRender, MoreThanNineStampsAreElidedWithANoteInRealPlural) {
  const std::string sixteen =
      convt::render_text(stamps_only(convt::square_params(2, 4, 2, 2)), RenderOptions{});
  EXPECT_EQ(captions(sixteen), 9);
  EXPECT_TRUE(contains(sixteen, "7 more stamps not shown; --full shows all")) << sixteen;
  EXPECT_TRUE(contains(sixteen, "x(2,0) = 9"));
  EXPECT_FALSE(contains(sixteen, "x(2,1)"));

  const std::string ten =
      convt::render_text(stamps_only(convt::square_params(1, 10, 2)), RenderOptions{});
  EXPECT_TRUE(contains(ten, "1 more stamp not shown; --full shows all")) << ten;
  EXPECT_TRUE(contains(ten, "x(8) = 9"));  // 1-D captions name one index

  RenderOptions full;
  full.full = true;
  const std::string all = convt::render_text(stamps_only(convt::square_params(2, 4, 2, 2)), full);
  EXPECT_EQ(captions(all), 16);
  EXPECT_FALSE(contains(all, "not shown"));

  RenderOptions zh;
  zh.lang = convt::Lang::kZh;
  EXPECT_TRUE(contains(convt::render_text(stamps_only(convt::square_params(2, 4, 2, 2)), zh),
                       "还有 7 个印章未显示"));
}

TEST(StampsRender, FullIsRefusedWhenAllStampsTogetherExceedMaxCells) {
  // 9 stamps of 7 x 7 = 441 cells.
  RenderOptions options;
  options.full = true;
  options.max_cells = 400;
  const Derivation d = stamps_only(convt::square_params(2, 3, 3, 2, 1));
  EXPECT_EQ(convt::testing::error_text([&] { (void)convt::render_text(d, options); }),
            "--full: stage 'scatter_stamps' has 441 cells, over --max-cells 400; print it "
            "without --full, select other --stages, or raise --max-cells");
  options.max_cells = 441;
  EXPECT_NO_THROW((void)convt::render_text(d, options));
}

TEST(StampsRender, UnicodeMarkdownAndLatexCaptionEveryStamp) {
  convt::Params params = convt::square_params(2, 2, 2, 2);
  params.input = {1, -2, 0.5, 3};
  const Derivation d = stamps_only(params);
  const std::string unicode = convt::render_unicode(d, RenderOptions{});
  EXPECT_TRUE(contains(unicode, "x(0,1) = \u22122")) << unicode;  // a true minus sign
  const std::string markdown = convt::render_markdown(d, RenderOptions{});
  EXPECT_TRUE(contains(markdown, "$x(0,1) = -2$")) << markdown;
  EXPECT_EQ(count_of(markdown, "| **0**   |"), 4) << markdown;  // one table per stamp
  const std::string latex = convt::render_latex(d, RenderOptions{});
  EXPECT_TRUE(contains(latex, "$x(1,0) = 0.5$")) << latex;
  EXPECT_EQ(count_of(latex, "\\begin{bmatrix}"), 4) << latex;
}

TEST(StampsRender, SymbolicStampsShowTheirProducts) {
  const std::string text =
      convt::render_text(stamps_only(convt::square_params(2, 2, 2, 2), true), RenderOptions{});
  EXPECT_TRUE(contains(text, "x01*w00")) << text;
  EXPECT_TRUE(contains(text, "x11*w11")) << text;
}

const nlohmann::json& stage_of(const nlohmann::json& doc, const std::string& id) {
  for (const auto& stage : doc["stages"])
    if (stage["id"] == id) return stage;
  static const nlohmann::json kNone;
  ADD_FAILURE() << "no stage " << id;
  return kNone;
}

TEST(StampsJson, StampsHaveCellXAndValuesThatAddUpToScatterOutput) {
  for (const convt::Params& params :
       {convt::square_params(2, 3, 3, 2, 1), convt::square_params(1, 4, 3, 2, 1, 2, 1)}) {
    const nlohmann::json doc =
        nlohmann::json::parse(convt::render_json(convt::derive(params), RenderOptions{}));
    const nlohmann::json& stamps = stage_of(doc, "scatter_stamps")["stamps"];
    const nlohmann::json& scatter = stage_of(doc, "scatter_output")["values"];
    const nlohmann::json& input = stage_of(doc, "input")["values"];
    ASSERT_EQ(stamps.size(), params.dims == 2 ? 9u : 4u);
    std::vector<std::vector<double>> sum(scatter.size(),
                                         std::vector<double>(scatter[0].size(), 0.0));
    const size_t n1 = input[0].size();
    for (size_t i = 0; i < stamps.size(); ++i) {
      const nlohmann::json& stamp = stamps[i];
      const std::vector<int64_t> cell = stamp["cell"];
      if (params.dims == 2)
        EXPECT_EQ(cell, (std::vector<int64_t>{static_cast<int64_t>(i / n1),
                                              static_cast<int64_t>(i % n1)}));
      else
        EXPECT_EQ(cell, std::vector<int64_t>{static_cast<int64_t>(i)});
      EXPECT_EQ(stamp["x"].get<double>(), input[i / n1][i % n1].get<double>());
      ASSERT_EQ(stamp["values"].size(), scatter.size());
      for (size_t r = 0; r < scatter.size(); ++r)
        for (size_t c = 0; c < scatter[r].size(); ++c)
          sum[r][c] += stamp["values"][r][c].get<double>();
    }
    EXPECT_EQ(nlohmann::json(sum), scatter);
    EXPECT_FALSE(stage_of(doc, "scatter_stamps").contains("rows"));
  }
}

TEST(StampsJson, SparseBeyondMaxCellsAndRefusedBeyondItsNonZeros) {
  // k=2, s=2, n=2: 4 stamps of 4 x 4 = 64 cells, 16 non-zeros.
  const Derivation d = stamps_only(convt::square_params(2, 2, 2, 2));
  RenderOptions options;
  options.max_cells = 20;
  const nlohmann::json doc = nlohmann::json::parse(convt::render_json(d, options));
  const nlohmann::json& stamp = doc["stages"][0]["stamps"][1];
  EXPECT_FALSE(stamp.contains("values"));
  // x(0,1) = 2 times w = 1..4 with its corner at (0,2), by tap.
  EXPECT_EQ(stamp["sparse"], nlohmann::json::parse("[[0,2,2],[0,3,4],[1,2,6],[1,3,8]]"));
  options.max_cells = 15;
  EXPECT_THROW((void)convt::render_json(d, options), convt::Error);
}

TEST(StampsJson, SymbolicStampsCarryTheirProducts) {
  const Derivation d = stamps_only(convt::square_params(2, 2, 2, 2), true);
  const nlohmann::json doc = nlohmann::json::parse(convt::render_json(d, RenderOptions{}));
  const nlohmann::json& stamp = doc["stages"][0]["stamps"][1];
  EXPECT_EQ(stamp["symbols"][0][2], "x01*w00");
  EXPECT_EQ(stamp["symbols"][1][3], "x01*w11");
  EXPECT_EQ(stamp["symbols"][0][0], "0");
  RenderOptions sparse;
  sparse.max_cells = 20;
  const nlohmann::json sparse_doc = nlohmann::json::parse(convt::render_json(d, sparse));
  EXPECT_EQ(sparse_doc["stages"][0]["stamps"][1]["symbols"],
            nlohmann::json::parse(R"(["x01*w00","x01*w01","x01*w10","x01*w11"])"));
}

}  // namespace
