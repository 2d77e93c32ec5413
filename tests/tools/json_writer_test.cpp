// The JSON pieces of render/json_writer.h, which explain's JSON and the shape tools' JSON are
// written with, and the format dispatch of tools/tool_output.h: exact text (the layout is part
// of the documented output) and well-formedness for nlohmann::json.
#include "render/json_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "convt/derivation.h"
#include "convt/params.h"
#include "convt/render.h"
#include "convt/render_shape_tools.h"
#include "convt/shape_report.h"
#include "tools/tool_output.h"

namespace {

namespace json = convt::json;
using convt::AxisParams;

TEST(JsonWriter, QuotedEscapesQuotesBackslashesAndControlCharacters) {
  EXPECT_EQ(json::quoted("plain"), "\"plain\"");
  EXPECT_EQ(json::quoted("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(json::quoted("line\nnext\ttab"), "\"line\\nnext\\ttab\"");
  EXPECT_EQ(json::quoted(std::string("\x01\x1f", 2)), "\"\\u0001\\u001f\"");
  EXPECT_EQ(json::quoted("行 · ×"), "\"行 · ×\"");  // UTF-8 is copied
  EXPECT_EQ(nlohmann::json::parse(json::quoted("a\"\\\n\t\x01z")).get<std::string>(),
            "a\"\\\n\t\x01z");
}

TEST(JsonWriter, ArraysAndScalars) {
  EXPECT_EQ(json::ints({}), "[]");
  EXPECT_EQ(json::ints({4, -2}), "[4,-2]");
  EXPECT_EQ(json::strings({}), "[]");
  EXPECT_EQ(json::strings({"a", "b"}), "[\"a\", \"b\"]");
  EXPECT_EQ(json::boolean(true), "true");
  EXPECT_EQ(json::boolean(false), "false");
  EXPECT_EQ(json::optional_int(3), "3");
  EXPECT_EQ(json::optional_int(std::nullopt), "null");
}

TEST(JsonWriter, SentencesAreJoinedByOneSpace) {
  EXPECT_EQ(json::sentences({}), "\"\"");
  EXPECT_EQ(json::sentences({"One.", "Two."}), "\"One. Two.\"");
  // No space before the first text, however many empty sentences lead.
  EXPECT_EQ(json::sentences({"", "One."}), "\"One.\"");
}

TEST(JsonWriter, ParamsObjectListsEveryParameterPerAxis) {
  convt::Params p = convt::square_params(2, 4, 4, 2, 1);
  p.axes[1].k = 3;
  p.axes[1].op = 1;
  EXPECT_EQ(json::params_object(p),
            "{\"dims\": 2, \"n\": [4,4], \"k\": [4,3], \"s\": [2,2], \"p\": [1,1], "
            "\"d\": [1,1], \"output_padding\": [0,1]}");
  EXPECT_EQ(json::layer_members({AxisParams{1, 3, 2, 1, 1, 1}}, "op"),
            "\"k\": [3], \"s\": [2], \"p\": [1], \"d\": [1], \"op\": [1]");
  EXPECT_EQ(json::input_object(1, {7}), "{\"dims\": 1, \"n\": [7]}");
}

TEST(JsonWriter, ObjectWriterWritesOneMemberALine) {
  std::string out;
  json::ObjectWriter document(out);
  document.member("a", "1");
  document.key("b") += "[2]";
  document.member("c", json::item_lines({"    {\"x\": 1}", "    {\"x\": 2}"}));
  document.member("d", json::item_lines({}));
  document.close();
  EXPECT_EQ(out,
            "{\n  \"a\": 1,\n  \"b\": [2],\n  \"c\": [\n    {\"x\": 1},\n    {\"x\": 2}\n  ],\n"
            "  \"d\": []\n}\n");
  const nlohmann::json parsed = nlohmann::json::parse(out);
  EXPECT_EQ(parsed.at("c").size(), 2u);
}

TEST(JsonWriter, ExplainAndShapeShareTheirHead) {
  // explain's JSON and `convt shape`'s start with the same params, output_size and full_size.
  const convt::Params p = convt::square_params(2, 3, 3, 2, 1, 1, 1);
  const std::string explain = convt::render_json(convt::derive(p, {}), {});
  const std::string shape =
      convt::render_shape(convt::shape_report(p), convt::ToolFormat::kJson, {});
  // explain's params also name the channels, groups and bias (explain_params_object).
  const std::string sizes = ",\n  \"output_size\": [6,6],\n  \"full_size\": [7,7],\n";
  const std::string explain_head = "{\n  \"params\": " + json::explain_params_object(p) + sizes;
  const std::string head = "{\n  \"params\": " + json::params_object(p) + sizes;
  EXPECT_EQ(explain.substr(0, explain_head.size()), explain_head);
  EXPECT_EQ(shape.substr(0, head.size()), head);
}

std::string as_text(const int& v, const convt::RenderOptions&) {
  return "text " + std::to_string(v);
}
std::string as_markdown(const int& v, const convt::RenderOptions&) {
  return "markdown " + std::to_string(v);
}
std::string as_json(const int& v, const convt::RenderOptions&) {
  return "json " + std::to_string(v);
}

TEST(ToolOutput, RenderAsPicksTheFormatsRenderer) {
  const convt::ToolRenderers<int> renderers{as_text, as_markdown, as_json};
  EXPECT_EQ(convt::render_as(convt::ToolFormat::kText, 7, {}, renderers), "text 7");
  EXPECT_EQ(convt::render_as(convt::ToolFormat::kMarkdown, 7, {}, renderers), "markdown 7");
  EXPECT_EQ(convt::render_as(convt::ToolFormat::kJson, 7, {}, renderers), "json 7");
}

}  // namespace
