#include "convt/render_shape_tools.h"
#include "tools/tool_output.h"
#include "tools/tool_text.h"

namespace convt {
namespace {

using tool_text::code;
using tool_text::Lines;
using tool_text::say;

std::string str(int64_t v) { return std::to_string(v); }

std::string heading(const SolveResult& r, const RenderOptions& options) {
  const SolveQuery& q = r.query;
  std::string filters;
  if (!q.k.empty()) filters += say({MsgId::kSolveFilterK, {{"k", axis_value_text(q.k)}}}, options);
  if (!q.s.empty()) filters += say({MsgId::kSolveFilterS, {{"s", axis_value_text(q.s)}}}, options);
  if (q.even_only) filters += say({MsgId::kSolveFilterEven, {}}, options);
  return say(
      {MsgId::kSolveHeading,
       {{"n", compact_size(q.n)},
        {"m", compact_size(q.m)},
        {"module", tool_text::module_name(q.dims, true)},
        {"axes", q.dims == 2 && r.same_axes ? say({MsgId::kSolveSameAxes, {}}, options) : ""},
        {"max_k", str(q.max_k)},
        {"max_s", str(q.max_s)},
        {"max_d", str(q.max_d)},
        {"filters", filters},
        {"count", str(static_cast<int64_t>(r.solutions.size()))}}},
      options);
}

std::string verdict(bool even, const RenderOptions& options) {
  return say({even ? MsgId::kWordEven : MsgId::kWordUneven, {}}, options);
}

/// The forward convolution's cell: its call, or the call with the size it gives when that is
/// not n (output_padding >= stride).
std::string forward_cell(const Solution& s, const RenderOptions& options) {
  const std::string call = torch_module_call(s.axes, false);
  if (s.maps_back) return call;
  return say({MsgId::kSolveForwardGives, {{"call", call}, {"size", compact_size(s.forward)}}},
             options);
}

std::vector<std::string> header(const SolveResult& r, const RenderOptions& options) {
  return {
      "k",
      "s",
      "p",
      "d",
      "op",
      say({MsgId::kColOverlap, {}}, options),
      say({MsgId::kColTransposed, {}}, options),
      say({MsgId::kColForward, {{"m", compact_size(r.query.m)}, {"n", compact_size(r.query.n)}}},
          options)};
}

std::vector<std::string> row(const Solution& s, const RenderOptions& options, bool markdown) {
  auto value = [&](int64_t AxisParams::*f) { return axis_value_text(axis_field(s.axes, f)); };
  auto wrap_code = [&](const std::string& text) { return markdown ? code(text) : text; };
  return {value(&AxisParams::k),
          value(&AxisParams::s),
          value(&AxisParams::p),
          value(&AxisParams::d),
          value(&AxisParams::op),
          verdict(s.even, options),
          wrap_code(torch_module_call(s.axes, true)),
          wrap_code(forward_cell(s, options))};
}

std::string example(const AxisParams& a) {
  return "k=" + str(a.k) + ", s=" + str(a.s) + ", p=" + str(a.p) + ", d=" + str(a.d) +
         ", op=" + str(a.op);
}

/// The sentences when there is no solution: per axis without one, the nearest sizes.
std::vector<std::string> none_sentences(const SolveResult& r, const RenderOptions& options) {
  std::vector<std::string> out;
  const bool per_axis = !r.same_axes;
  for (const AxisNearest& near : r.nearest) {
    const size_t i = near.axis;
    out.push_back(say({MsgId::kSolveNone,
                       {{"n", str(r.query.n[i])},
                        {"m", str(r.query.m[i])},
                        {"axis", tool_text::axis_tag(i, per_axis, options)}}},
                      options));
    if (near.below)
      out.push_back(
          say({MsgId::kSolveNearestBelow,
               {{"size", str(near.below->size)}, {"layer", example(near.below->example)}}},
              options));
    else
      out.push_back(say({MsgId::kSolveNothingBelow, {}}, options));
    if (near.above)
      out.push_back(
          say({MsgId::kSolveNearestAbove,
               {{"size", str(near.above->size)}, {"layer", example(near.above->example)}}},
              options));
    else
      out.push_back(say({MsgId::kSolveNothingAbove, {}}, options));
  }
  return out;
}

std::string text(const SolveResult& r, const RenderOptions& options) {
  Lines lines(options);
  lines.paragraph(heading(r, options), 0);
  lines.blank();
  if (r.solutions.empty()) {
    for (const std::string& s : none_sentences(r, options)) lines.paragraph(s, 2);
    return lines.text();
  }
  std::vector<std::vector<std::string>> rows = {header(r, options)};
  for (const Solution& s : r.solutions) rows.push_back(row(s, options, false));
  lines.add(text_table(rows, 2));
  lines.blank();
  lines.paragraph(say({MsgId::kSolveOrder, {}}, options), 2);
  return lines.text();
}

std::string markdown(const SolveResult& r, const RenderOptions& options) {
  std::string out = heading(r, options) + "\n\n";
  if (r.solutions.empty()) {
    for (const std::string& s : none_sentences(r, options)) out += s + "\n";
    return out;
  }
  std::vector<std::vector<std::string>> rows;
  for (const Solution& s : r.solutions) rows.push_back(row(s, options, true));
  out += markdown_table(header(r, options), rows);
  out += "\n" + say({MsgId::kSolveOrder, {}}, options) + "\n";
  return out;
}

std::string layer_json(const AxisParams& a) {
  return "{\"k\": " + str(a.k) + ", \"s\": " + str(a.s) + ", \"p\": " + str(a.p) +
         ", \"d\": " + str(a.d) + ", \"op\": " + str(a.op) + "}";
}

std::string json(const SolveResult& r, const RenderOptions& options) {
  const SolveQuery& q = r.query;
  auto filter = [](const std::vector<int64_t>& v) { return v.empty() ? "null" : json_ints(v); };
  std::string out = "{\n";
  out += "  \"params\": {\"dims\": " + str(q.dims) + ", \"n\": " + json_ints(q.n) + "},\n";
  out += "  \"output_size\": " + json_ints(q.m) + ",\n";
  out += "  \"search\": {\"max_k\": " + str(q.max_k) + ", \"max_s\": " + str(q.max_s) +
         ", \"max_d\": " + str(q.max_d) + ", \"k\": " + filter(q.k) + ", \"s\": " + filter(q.s) +
         ", \"even\": " + (q.even_only ? "true" : "false") + "},\n";
  out += "  \"same_axes\": " + std::string(r.same_axes ? "true" : "false") + ",\n";
  out += "  \"count\": " + str(static_cast<int64_t>(r.solutions.size())) + ",\n";
  out += "  \"solutions\": [";
  for (size_t i = 0; i < r.solutions.size(); ++i) {
    const Solution& s = r.solutions[i];
    auto field = [&](int64_t AxisParams::*f) { return json_ints(axis_field(s.axes, f)); };
    out += i ? ",\n" : "\n";
    out += "    {\"k\": " + field(&AxisParams::k) + ", \"s\": " + field(&AxisParams::s) +
           ", \"p\": " + field(&AxisParams::p) + ", \"d\": " + field(&AxisParams::d) +
           ", \"op\": " + field(&AxisParams::op) + ", \"output_size\": " + json_ints(s.output) +
           ", \"even\": " + (s.even ? "true" : "false") + ",\n";
    out += "     \"forward_size\": " + json_ints(s.forward) +
           ", \"maps_back\": " + (s.maps_back ? "true" : "false") + ",\n";
    out += "     \"conv_transpose\": " + json_string(torch_module_call(s.axes, true)) + ",\n";
    out += "     \"conv\": " + json_string(torch_module_call(s.axes, false)) + "}";
  }
  out += r.solutions.empty() ? "],\n" : "\n  ],\n";
  out += "  \"nearest\": [";
  for (size_t i = 0; i < r.nearest.size(); ++i) {
    const AxisNearest& near = r.nearest[i];
    auto reach = [&](const std::optional<Reachable>& v) {
      return v ? "{\"size\": " + str(v->size) + ", \"layer\": " + layer_json(v->example) + "}"
               : std::string("null");
    };
    out += (i ? ",\n" : "\n") + std::string("    {\"axis\": ") +
           str(static_cast<int64_t>(near.axis)) + ", \"below\": " + reach(near.below) +
           ", \"above\": " + reach(near.above) + "}";
  }
  out += r.nearest.empty() ? "]" : "\n  ]";
  std::string text = heading(r, options);
  for (const std::string& s : none_sentences(r, options)) text += " " + s;
  out += ",\n  \"text\": " + json_string(text);
  return out + "\n}\n";
}

}  // namespace

std::string render_solve(const SolveResult& result, ToolFormat format,
                         const RenderOptions& options) {
  switch (format) {
    case ToolFormat::kText:
      return text(result, options);
    case ToolFormat::kMarkdown:
      return markdown(result, options);
    case ToolFormat::kJson:
      return json(result, options);
  }
  return {};
}

}  // namespace convt
