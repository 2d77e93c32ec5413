#include "convt/render_shape_tools.h"
#include "tools/tool_output.h"
#include "tools/tool_text.h"

namespace convt {
namespace {

using tool_text::code;
using tool_text::Lines;
using tool_text::say;

std::string str(int64_t v) { return std::to_string(v); }

std::string heading(const ChainResult& c, const RenderOptions& options) {
  std::string sizes = compact_size(c.n);
  for (const ChainStep& step : c.steps) sizes += " -> " + compact_size(step.output());
  return say({MsgId::kChainHeading,
              {{"count", str(static_cast<int64_t>(c.steps.size()))},
               {"module", tool_text::module_name(c.dims, true)},
               {"sizes", sizes}}},
             options);
}

/// One step's equations: one line, or "rows: ..." and "cols: ..." when its axes differ.
std::vector<std::string> equations(const ChainStep& step, const RenderOptions& options) {
  std::vector<AxisParams> axes;
  for (const AxisShape& s : step.shapes) axes.push_back(s.in);
  const bool general = needs_general_form(axes);
  const std::vector<size_t> shown = tool_text::distinct_axes(axes);
  std::vector<std::string> out;
  for (size_t i : shown)
    out.push_back(tool_text::axis_prefix(i, shown.size() > 1, options) +
                  output_equation(step.shapes[i], general));
  return out;
}

std::string verdict(bool even, const RenderOptions& options) {
  return say({even ? MsgId::kWordEven : MsgId::kWordUneven, {}}, options);
}

std::string summary(const ChainResult& c, const RenderOptions& options) {
  std::string uneven;
  for (size_t i = 0; i < c.steps.size(); ++i)
    if (!c.steps[i].even) uneven += (uneven.empty() ? "" : ", ") + str(static_cast<int64_t>(i + 1));
  if (uneven.empty()) return say({MsgId::kChainAllEven, {}}, options);
  return say({MsgId::kChainUneven, {{"layers", uneven}}}, options);
}

std::vector<std::string> header(const RenderOptions& options) {
  return {"#", say({MsgId::kColLayer, {}}, options), "n -> m",
          say({MsgId::kColFormula, {}}, options), say({MsgId::kColOverlap, {}}, options)};
}

std::string text(const ChainResult& c, const RenderOptions& options) {
  Lines lines(options);
  lines.paragraph(heading(c, options), 0);
  lines.blank();
  std::vector<std::vector<std::string>> rows = {header(options)};
  for (size_t i = 0; i < c.steps.size(); ++i) {
    const ChainStep& step = c.steps[i];
    const std::vector<std::string> eq = equations(step, options);
    rows.push_back({str(static_cast<int64_t>(i + 1)), step.layer.text,
                    compact_size(step.input()) + " -> " + compact_size(step.output()), eq[0],
                    verdict(step.even, options)});
    for (size_t j = 1; j < eq.size(); ++j) rows.push_back({"", "", "", eq[j], ""});
  }
  lines.add(text_table(rows, 2));
  lines.blank();
  lines.paragraph(summary(c, options), 2);
  return lines.text();
}

std::string markdown(const ChainResult& c, const RenderOptions& options) {
  std::string out = heading(c, options) + "\n\n";
  std::vector<std::vector<std::string>> rows;
  for (size_t i = 0; i < c.steps.size(); ++i) {
    const ChainStep& step = c.steps[i];
    std::string formula;
    for (const std::string& e : equations(step, options))
      formula += (formula.empty() ? "" : "<br>") + code(e);
    rows.push_back({str(static_cast<int64_t>(i + 1)), code(step.layer.text),
                    compact_size(step.input()) + " -> " + compact_size(step.output()), formula,
                    verdict(step.even, options)});
  }
  out += markdown_table(header(options), rows);
  out += "\n" + summary(c, options) + "\n";
  return out;
}

std::string json(const ChainResult& c, const RenderOptions& options) {
  std::string out = "{\n";
  out += "  \"params\": {\"dims\": " + str(c.dims) + ", \"n\": " + json_ints(c.n) + "},\n";
  out += "  \"output_size\": " + json_ints(c.output()) + ",\n";
  out += "  \"sizes\": [" + json_ints(c.n);
  for (const ChainStep& step : c.steps) out += "," + json_ints(step.output());
  out += "],\n";
  bool all_even = true;
  out += "  \"layers\": [";
  for (size_t i = 0; i < c.steps.size(); ++i) {
    const ChainStep& step = c.steps[i];
    const std::vector<AxisParams>& axes = step.layer.axes;
    auto field = [&](int64_t AxisParams::*f) { return json_ints(axis_field(axes, f)); };
    std::vector<int64_t> full;
    for (const AxisShape& s : step.shapes) full.push_back(s.full);
    all_even = all_even && step.even;
    out += i ? ",\n" : "\n";
    out += "    {\"layer\": " + json_string(step.layer.text) + ", \"k\": " + field(&AxisParams::k) +
           ", \"s\": " + field(&AxisParams::s) + ", \"p\": " + field(&AxisParams::p) +
           ", \"d\": " + field(&AxisParams::d) + ", \"op\": " + field(&AxisParams::op) + ",\n";
    out += "     \"input_size\": " + json_ints(step.input()) +
           ", \"output_size\": " + json_ints(step.output()) +
           ", \"full_size\": " + json_ints(full) + ", \"even\": " + (step.even ? "true" : "false") +
           ",\n";
    out += "     \"equations\": [";
    const std::vector<std::string> eq = equations(step, options);
    for (size_t j = 0; j < eq.size(); ++j) out += (j ? ", " : "") + json_string(eq[j]);
    out += "]}";
  }
  out += c.steps.empty() ? "],\n" : "\n  ],\n";
  out += "  \"even\": " + std::string(all_even ? "true" : "false") + ",\n";
  out += "  \"text\": " + json_string(summary(c, options)) + "\n}\n";
  return out;
}

}  // namespace

std::string render_chain(const ChainResult& chain, ToolFormat format,
                         const RenderOptions& options) {
  switch (format) {
    case ToolFormat::kText:
      return text(chain, options);
    case ToolFormat::kMarkdown:
      return markdown(chain, options);
    case ToolFormat::kJson:
      return json(chain, options);
  }
  return {};
}

}  // namespace convt
