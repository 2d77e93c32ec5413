// The JSON renderer: valid JSON with the documented keys, dense or sparse grids, escaping.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "convt/derivation.h"
#include "convt/render.h"
#include "error_text.h"

namespace {

using convt::Derivation;
using convt::Grid;
using convt::RenderOptions;
using convt::StageId;
using nlohmann::json;

json render(const Derivation& d, const RenderOptions& options = {}) {
  return json::parse(convt::render_json(d, options));
}

const json& stage_json(const json& out, const std::string& id) {
  for (const json& stage : out.at("stages"))
    if (stage.at("id") == id) return stage;
  throw std::runtime_error("no stage " + id);
}

/// The non-zero cells of `grid` as (row, col, value), found cell by cell.
std::set<std::tuple<int64_t, int64_t, double>> nonzero_cells(const Grid& grid) {
  std::set<std::tuple<int64_t, int64_t, double>> out;
  for (int64_t r = 0; r < grid.rows(); ++r)
    for (int64_t c = 0; c < grid.cols(); ++c)
      if (grid.value(r, c) != 0.0) out.insert({r, c, grid.value(r, c)});
  return out;
}

TEST(RenderJson, HasTheDocumentedTopLevelKeys) {
  const Derivation d = convt::derive(convt::square_params(2, 3, 3, 1, 1));
  const json out = render(d);
  const json& params = out.at("params");
  EXPECT_EQ(params.at("dims"), 2);
  EXPECT_EQ(params.at("n"), json({3, 3}));
  EXPECT_EQ(params.at("k"), json({3, 3}));
  EXPECT_EQ(params.at("s"), json({1, 1}));
  EXPECT_EQ(params.at("p"), json({1, 1}));
  EXPECT_EQ(params.at("d"), json({1, 1}));
  EXPECT_EQ(params.at("output_padding"), json({0, 0}));
  EXPECT_EQ(out.at("output_size"), json({3, 3}));
  EXPECT_EQ(out.at("full_size"), json({5, 5}));
  EXPECT_EQ(out.at("passed"), true);
}

TEST(RenderJson, PerAxisArraysHaveOneEntryIn1D) {
  const json out = render(convt::derive(convt::square_params(1, 4, 3, 2, 1, 1, 1)));
  const json& params = out.at("params");
  EXPECT_EQ(params.at("dims"), 1);
  EXPECT_EQ(params.at("n"), json({4}));
  EXPECT_EQ(params.at("s"), json({2}));
  EXPECT_EQ(params.at("output_padding"), json({1}));
  // m = 3*2 - 2*1 + 1*2 + 1 + 1 = 8, F = 3*2 + 1*2 + 1 = 9.
  EXPECT_EQ(out.at("output_size"), json({8}));
  EXPECT_EQ(out.at("full_size"), json({9}));
}

TEST(RenderJson, StagesCarryIdTitleTextAndDenseGrids) {
  const Derivation d = convt::derive(convt::square_params(2, 2, 3, 2, 1, 2, 1));
  const json out = render(d);
  const json& stages = out.at("stages");
  ASSERT_EQ(stages.size(), d.stages.size());
  for (size_t i = 0; i < d.stages.size(); ++i) {
    const convt::Stage& stage = d.stages[i];
    const json& js = stages[i];
    EXPECT_EQ(js.at("id"), std::string(convt::stage_name(stage.id)));
    EXPECT_EQ(js.at("title"), convt::resolve(stage.title, convt::Lang::kEn));
    ASSERT_TRUE(js.at("text").is_string());
    EXPECT_FALSE(js.at("text").get<std::string>().empty());
    if (!stage.grid) {
      EXPECT_FALSE(js.contains("values")) << js.at("id");
      EXPECT_FALSE(js.contains("rows")) << js.at("id");
      continue;
    }
    const Grid& g = *stage.grid;
    EXPECT_EQ(js.at("rows"), g.rows());
    EXPECT_EQ(js.at("cols"), g.cols());
    EXPECT_FALSE(js.contains("sparse"));
    const json& values = js.at("values");
    ASSERT_EQ(values.size(), static_cast<size_t>(g.rows())) << js.at("id");
    for (int64_t r = 0; r < g.rows(); ++r) {
      ASSERT_EQ(values[static_cast<size_t>(r)].size(), static_cast<size_t>(g.cols()));
      for (int64_t c = 0; c < g.cols(); ++c)
        EXPECT_EQ(values[static_cast<size_t>(r)][static_cast<size_t>(c)].get<double>(),
                  g.value(r, c))
            << js.at("id") << " (" << r << "," << c << ")";
    }
  }
}

TEST(RenderJson, FormulaAndCheckStagesHaveNoValues) {
  const json out = render(convt::derive(convt::square_params(2, 3, 3, 1, 1)));
  const json& formula = stage_json(out, "formula");
  EXPECT_FALSE(formula.contains("values"));
  EXPECT_FALSE(formula.contains("sparse"));
  EXPECT_EQ(formula.at("equations"), json({"m = (n-1)s - 2p + k", "m = (3-1)*1 - 2*1 + 3 = 3",
                                           "F = (n-1)s + k = (3-1)*1 + 3 = 5"}));
  const json& check = stage_json(out, "check");
  EXPECT_FALSE(check.contains("values"));
  EXPECT_FALSE(check.contains("sparse"));
  EXPECT_EQ(check.at("passed"), true);
  ASSERT_EQ(check.at("checks").size(), 4u);  // the verdict line is the "passed" field
  for (const json& line : check.at("checks")) {
    EXPECT_EQ(line.at("ok"), true);
    EXPECT_TRUE(line.at("text").is_string());
  }
}

TEST(RenderJson, OutputStageValuesAreTheArticleOutput) {
  const json out = render(convt::derive(convt::square_params(2, 3, 3, 1, 1)));
  EXPECT_EQ(stage_json(out, "output").at("values"),
            json({{26, 56, 54}, {84, 165, 144}, {134, 236, 186}}));
}

TEST(RenderJson, GridsOverMaxCellsAreListedSparselyWithExactlyTheNonZeros) {
  convt::Params p = convt::square_params(2, 3, 3, 1, 1);
  p.kernel = {1, 0, -2, 0, 3, 0, 0.5, 0, 5};  // stored zeros of C must not be listed
  const Derivation d = convt::derive(p);
  // 48: C (225 cells, 45 non-zeros) and the padded input (49 cells, 9 non-zeros) are over it
  // and written sparsely; the 5 x 5 F-grids stay dense.
  RenderOptions options;
  options.max_cells = 48;
  const json out = render(d, options);
  int sparse_stages = 0;
  for (const convt::Stage& stage : d.stages) {
    if (!stage.grid) continue;
    const json& js = stage_json(out, std::string(convt::stage_name(stage.id)));
    const Grid& g = *stage.grid;
    EXPECT_EQ(js.at("rows"), g.rows());
    EXPECT_EQ(js.at("cols"), g.cols());
    if (g.cells() <= options.max_cells) {
      EXPECT_TRUE(js.contains("values")) << js.at("id");
      EXPECT_FALSE(js.contains("sparse")) << js.at("id");
      continue;
    }
    ++sparse_stages;
    EXPECT_FALSE(js.contains("values")) << js.at("id");
    std::set<std::tuple<int64_t, int64_t, double>> listed;
    for (const json& entry : js.at("sparse")) {
      ASSERT_EQ(entry.size(), 3u);
      EXPECT_TRUE(
          listed.insert({entry[0].get<int64_t>(), entry[1].get<int64_t>(), entry[2].get<double>()})
              .second)
          << "listed twice: " << entry;
    }
    EXPECT_EQ(listed, nonzero_cells(g)) << js.at("id");
  }
  EXPECT_EQ(sparse_stages, 3);  // C, C^T, the padded input
  EXPECT_TRUE(stage_json(out, "matrix_output").contains("values"));
}

TEST(RenderJson, RefusesASparseListOverMaxCells) {
  const Derivation d = convt::derive(convt::square_params(2, 3, 3, 1, 1));
  RenderOptions options;
  options.max_cells = 10;
  EXPECT_EQ(convt::testing::error_text([&] { convt::render_json(d, options); }),
            "--max-cells: stage 'conv_matrix' has 225 cells and 81 non-zeros, over the limit of 10 "
            "even written sparsely in JSON; select other --stages or raise --max-cells");
}

TEST(RenderJson, DecimalValuesRoundTripExactly) {
  convt::Params p = convt::square_params(1, 2, 2);
  p.kernel = {0.1, -2.5e-7};
  p.input = {3, 1e17};
  const Derivation d = convt::derive(p);
  const json out = render(d);
  for (const convt::Stage& stage : d.stages) {
    if (!stage.grid) continue;
    const json& values = stage_json(out, std::string(convt::stage_name(stage.id))).at("values");
    for (int64_t c = 0; c < stage.grid->cols(); ++c)
      EXPECT_EQ(values[0][static_cast<size_t>(c)].get<double>(), stage.grid->value(0, c))
          << convt::stage_name(stage.id);
  }
}

TEST(RenderJson, StringsAreEscaped) {
  Derivation d = convt::derive(convt::square_params(1, 2, 2));
  const std::string nasty = "quote \" backslash \\ newline \n tab \t bell \x07 unit \x1f end";
  ASSERT_EQ(d.stages.front().id, StageId::kFormula);
  d.stages.front().equations = {nasty, "plain"};
  const std::string text = convt::render_json(d, RenderOptions{});
  // No raw control character but the layout's newlines.
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    EXPECT_TRUE(c >= 0x20 || c == '\n') << "raw byte " << int(c);
  }
  const json out = json::parse(text);
  EXPECT_EQ(stage_json(out, "formula").at("equations"), json({nasty, "plain"}));
}

TEST(RenderJson, OutputIsDeterministicAscii) {
  const Derivation d = convt::derive(convt::square_params(2, 2, 3, 2, 1, 1, 1));
  const std::string first = convt::render_json(d, RenderOptions{});
  EXPECT_EQ(first, convt::render_json(d, RenderOptions{}));
  for (char ch : first) EXPECT_LT(static_cast<unsigned char>(ch), 0x80);
}

}  // namespace
