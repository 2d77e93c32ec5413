#include <algorithm>

#include "convt/render_shape_tools.h"
#include "render/json_writer.h"
#include "text/text_grid.h"
#include "tools/tool_output.h"
#include "tools/tool_text.h"

namespace convt {
namespace {

using tool_text::say;

std::string str(int64_t v) { return std::to_string(v); }

std::string heading(const SolveResult& r, const RenderOptions& options) {
  const SolveQuery& q = r.query;
  std::string filters;
  if (!q.k.empty()) filters += say({MsgId::kSolveFilterK, {{"k", axis_value_text(q.k)}}}, options);
  if (!q.s.empty()) filters += say({MsgId::kSolveFilterS, {{"s", axis_value_text(q.s)}}}, options);
  if (!q.p.empty()) filters += say({MsgId::kSolveFilterP, {{"p", axis_value_text(q.p)}}}, options);
  if (!q.d.empty()) filters += say({MsgId::kSolveFilterD, {{"d", axis_value_text(q.d)}}}, options);
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
        {"count", str(r.total)}}},
      options);
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
  auto value = [&](int64_t AxisParams::*f) { return axis_value_text(axis_values(s.axes, f)); };
  auto wrap_code = [&](const std::string& text) { return markdown ? tool_text::code(text) : text; };
  return {value(&AxisParams::k),
          value(&AxisParams::s),
          value(&AxisParams::p),
          value(&AxisParams::d),
          value(&AxisParams::op),
          tool_text::verdict(s.even, options),
          wrap_code(torch_module_call(s.axes, true)),
          wrap_code(forward_cell(s, options))};
}

std::string example(const AxisParams& a) {
  return "k=" + str(a.k) + ", s=" + str(a.s) + ", p=" + str(a.p) + ", d=" + str(a.d) +
         ", op=" + str(a.op);
}

/// The nearest size on one side with an example layer (`found`), or that there is none (`none`).
std::string nearest_sentence(const std::optional<Reachable>& nearest, MsgId found, MsgId none,
                             const RenderOptions& options) {
  if (!nearest) return say({none, {}}, options);
  return say({found, {{"size", str(nearest->size)}, {"layer", example(nearest->example)}}},
             options);
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
    out.push_back(nearest_sentence(near.below, MsgId::kSolveNearestBelow, MsgId::kSolveNothingBelow,
                                   options));
    out.push_back(nearest_sentence(near.above, MsgId::kSolveNearestAbove, MsgId::kSolveNothingAbove,
                                   options));
  }
  return out;
}

/// The layers left out by --limit, or "" when none are.
std::string more_sentence(const SolveResult& r, const RenderOptions& options) {
  const int64_t more = r.total - static_cast<int64_t>(r.solutions.size());
  if (more <= 0) return "";
  return say({more == 1 ? MsgId::kSolveMoreOne : MsgId::kSolveMoreMany, {{"count", str(more)}}},
             options);
}

/// The widest line of `lines`, in display columns.
int64_t widest(const std::vector<std::string>& lines) {
  int64_t out = 0;
  for (const std::string& line : lines) out = std::max(out, display_width(line));
  return out;
}

/// The table of text output, every line within options.width: one row per layer when that fits;
/// otherwise the parameters in a table and under each row its nn.ConvTranspose call (wrapped
/// after a comma when longer than the width), and its nn.Conv call only when that does not map
/// m back to n (kSolveForwardNote says the rest once).
void text_table_within_width(const SolveResult& r, const RenderOptions& options,
                             tool_text::Lines& lines) {
  std::vector<std::vector<std::string>> rows = {header(r, options)};
  for (const Solution& s : r.solutions) rows.push_back(row(s, options, false));
  std::vector<std::string> wide = text_table(rows, 2);
  if (widest(wide) <= options.width) {
    lines.add(wide);
    return;
  }
  for (std::vector<std::string>& cells : rows) cells.resize(6);  // k s p d op overlap
  const std::vector<std::string> narrow = text_table(rows, 2);
  lines.line(narrow[0]);
  for (size_t i = 0; i < r.solutions.size(); ++i) {
    const Solution& s = r.solutions[i];
    lines.line(narrow[i + 1]);
    lines.paragraph(torch_module_call(s.axes, true), 6);
    if (!s.maps_back) lines.paragraph(forward_cell(s, options), 6);
  }
  lines.blank();
  lines.paragraph(say({MsgId::kSolveForwardNote,
                       {{"module", tool_text::module_name(r.query.dims, false)},
                        {"m", compact_size(r.query.m)},
                        {"n", compact_size(r.query.n)}}},
                      options),
                  2);
}

std::string text(const SolveResult& r, const RenderOptions& options) {
  tool_text::Lines lines(options);
  lines.paragraph(heading(r, options), 0);
  lines.blank();
  if (r.solutions.empty()) {
    for (const std::string& s : none_sentences(r, options)) lines.paragraph(s, 2);
    return lines.text();
  }
  text_table_within_width(r, options, lines);
  if (const std::string more = more_sentence(r, options); !more.empty()) {
    lines.blank();
    lines.paragraph(more, 2);
  }
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
  if (const std::string more = more_sentence(r, options); !more.empty()) out += "\n" + more + "\n";
  out += "\n" + say({MsgId::kSolveOrder, {}}, options) + "\n";
  return out;
}

/// One axis's layer as an object of scalars: {"k": 7, "s": 4, "p": 0, "d": 2, "op": 3}.
std::string layer_json(const AxisParams& a) {
  return "{\"k\": " + str(a.k) + ", \"s\": " + str(a.s) + ", \"p\": " + str(a.p) +
         ", \"d\": " + str(a.d) + ", \"op\": " + str(a.op) + "}";
}

/// One solution's object of the "solutions" member.
std::string solution_json(const Solution& s) {
  return "    {" + json::layer_members(s.axes, "op") +
         ", \"output_size\": " + json::ints(s.output) + ", \"even\": " + json::boolean(s.even) +
         ",\n" + "     \"forward_size\": " + json::ints(s.forward) +
         ", \"maps_back\": " + json::boolean(s.maps_back) + ",\n" +
         "     \"conv_transpose\": " + json::quoted(torch_module_call(s.axes, true)) + ",\n" +
         "     \"conv\": " + json::quoted(torch_module_call(s.axes, false)) + "}";
}

/// One axis's object of the "nearest" member.
std::string nearest_json(const AxisNearest& near) {
  auto reach = [](const std::optional<Reachable>& v) {
    return v ? "{\"size\": " + str(v->size) + ", \"layer\": " + layer_json(v->example) + "}"
             : std::string("null");
  };
  return "    {\"axis\": " + str(static_cast<int64_t>(near.axis)) +
         ", \"below\": " + reach(near.below) + ", \"above\": " + reach(near.above) + "}";
}

std::string json_document(const SolveResult& r, const RenderOptions& options) {
  const SolveQuery& q = r.query;
  auto filter = [](const std::vector<int64_t>& v) { return v.empty() ? "null" : json::ints(v); };
  std::vector<std::string> solutions, nearest;
  for (const Solution& s : r.solutions) solutions.push_back(solution_json(s));
  for (const AxisNearest& near : r.nearest) nearest.push_back(nearest_json(near));
  std::vector<std::string> text = {heading(r, options)};
  for (const std::string& s : none_sentences(r, options)) text.push_back(s);
  std::string out;
  json::ObjectWriter document(out);
  document.member("params", json::input_object(q.dims, q.n));
  document.member("output_size", json::ints(q.m));
  document.member("search", "{\"max_k\": " + str(q.max_k) + ", \"max_s\": " + str(q.max_s) +
                                ", \"max_d\": " + str(q.max_d) + ", \"k\": " + filter(q.k) +
                                ", \"s\": " + filter(q.s) + ", \"p\": " + filter(q.p) +
                                ", \"d\": " + filter(q.d) +
                                ", \"even\": " + json::boolean(q.even_only) +
                                ", \"limit\": " + (q.limit > 0 ? str(q.limit) : "null") + "}");
  document.member("same_axes", json::boolean(r.same_axes));
  document.member("count", str(r.total));
  document.member("omitted", str(r.total - static_cast<int64_t>(r.solutions.size())));
  document.member("solutions", json::item_lines(solutions));
  document.member("nearest", json::item_lines(nearest));
  document.member("text", json::sentences(text));
  document.close();
  return out;
}

}  // namespace

std::string render_solve(const SolveResult& result, ToolFormat format,
                         const RenderOptions& options) {
  return render_as(format, result, options, {text, markdown, json_document});
}

}  // namespace convt
