// The renderers of the shape tools (render_shape_tools.h): JSON with explain's keys, the
// comparison member explain's JSON gains, and Markdown pipe tables.
#include <gtest/gtest.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "convt/chain.h"
#include "convt/derivation.h"
#include "convt/render.h"
#include "convt/render_shape_tools.h"
#include "convt/shape_report.h"
#include "convt/solve.h"
#include "convt/tf_compare.h"
#include "tools/tool_output.h"

namespace {

using convt::Params;
using nlohmann::json;

convt::SolveQuery query(int64_t n, int64_t m, int dims = 2) {
  convt::SolveQuery q;
  q.dims = dims;
  q.n.assign(static_cast<size_t>(dims), n);
  q.m.assign(static_cast<size_t>(dims), m);
  return q;
}

TEST(ShapeToolsRender, JsonIsValidAndUsesExplainsKeys) {
  convt::RenderOptions options;
  const json shape = json::parse(
      convt::render_shape(convt::shape_report(convt::square_params(2, 2, 2, 2, 1), {{3, 3}, true}),
                          convt::ToolFormat::kJson, options));
  EXPECT_EQ(shape.at("output_size"), json::array({2, 2}));
  EXPECT_EQ(shape.at("params").at("k"), json::array({2, 2}));
  EXPECT_EQ(shape.at("axes").at(0).at("claim").at("output_padding"), 1);
  EXPECT_EQ(shape.at("compare_tf").at("axes").at(0).at("same").at("output_size"), 4);

  const json solve = json::parse(
      convt::render_solve(convt::solve(query(16, 32)), convt::ToolFormat::kJson, options));
  const json& first = solve.at("solutions").at(0);
  for (const char* key :
       {"k", "s", "p", "d", "op", "output_size", "even", "conv", "conv_transpose"})
    EXPECT_TRUE(first.contains(key)) << key;
  EXPECT_EQ(first.at("output_size"), json::array({32, 32}));

  const json chain = json::parse(
      convt::render_chain(convt::run_chain(2, {1, 1}, convt::parse_layer_list("k4s1p0,k4s2p1", 2)),
                          convt::ToolFormat::kJson, options));
  EXPECT_EQ(chain.at("output_size"), json::array({8, 8}));
  EXPECT_EQ(chain.at("layers").at(1).at("k"), json::array({4, 4}));
  EXPECT_EQ(chain.at("layers").at(1).at("output_size"), json::array({8, 8}));

  const json none = json::parse(
      convt::render_solve(convt::solve(query(16, 5000)), convt::ToolFormat::kJson, options));
  EXPECT_EQ(none.at("count"), 0);
  EXPECT_EQ(none.at("nearest").at(0).at("below").at("size"), 76);
}

TEST(ShapeToolsRender, ExplainJsonGainsACompareMember) {
  const Params p = convt::square_params(1, 4, 3, 2, 1, 1, 1);
  convt::Derivation d = convt::derive(p);
  const std::string out =
      convt::append_tf_compare(convt::render(d, convt::Format::kJson, {}),
                               convt::compare_tf(p, d.shapes), convt::ToolFormat::kJson, {});
  const json j = json::parse(out);
  EXPECT_TRUE(j.contains("stages"));
  EXPECT_EQ(j.at("compare_tf").at("axes").at(0).at("pytorch").at("keeps"), json::array({1, 9}));
}

TEST(ShapeToolsRender, MarkdownIsAPipeTable) {
  const std::string md =
      convt::render_chain(convt::run_chain(2, {1, 1}, convt::parse_layer_list("k4s1p0,k4s2p1", 2)),
                          convt::ToolFormat::kMarkdown, {});
  EXPECT_NE(md.find("| # | layer | n -> m | formula | overlap |\n| --- | --- | --- | --- | --- |\n"
                    "| 1 | `k4s1p0` | 1 -> 4 | `m = (1-1)*1 - 2*0 + 4 = 4` | even |\n"),
            std::string::npos)
      << md;
}

}  // namespace
