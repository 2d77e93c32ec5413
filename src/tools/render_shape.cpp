#include <algorithm>

#include "convt/render_shape_tools.h"
#include "engine/formula_text.h"
#include "render/json_writer.h"
#include "tools/tool_output.h"
#include "tools/tool_text.h"

namespace convt {
namespace {

using tool_text::parameters_text;
using tool_text::say;

std::string str(int64_t v) { return std::to_string(v); }

/// ", in_channels=16, out_channels=32, groups=4" for a layer of more than one channel or group;
/// "" for one channel (so the one-channel heading is explain's).
std::string channels_text(const LayerChannels& c) {
  if (c.in_channels == 1 && c.out_channels == 1 && c.groups == 1) return "";
  return ", in_channels=" + str(c.in_channels) + ", out_channels=" + str(c.out_channels) +
         ", groups=" + str(c.groups);
}

/// "n=2, k=2, s=2, p=1, d=1, output_padding=0 -> 2 x 2", as explain's heading writes it.
std::string heading_params(const ShapeReport& r) {
  const std::vector<AxisParams>& axes = r.params.axes;
  return "n=" + axis_value_text(axis_values(axes, &AxisParams::n)) +
         ", k=" + axis_value_text(axis_values(axes, &AxisParams::k)) +
         ", s=" + axis_value_text(axis_values(axes, &AxisParams::s)) +
         ", p=" + axis_value_text(axis_values(axes, &AxisParams::p)) +
         ", d=" + axis_value_text(axis_values(axes, &AxisParams::d)) +
         ", output_padding=" + axis_value_text(axis_values(axes, &AxisParams::op)) +
         channels_text(r.layer.channels) + " -> " + size_text(r.output_size());
}

std::string heading(const ShapeReport& r, const RenderOptions& options) {
  return say(
      {MsgId::kHeading,
       {{"module", tool_text::module_name(r.params.dims, true)}, {"params", heading_params(r)}}},
      options);
}

/// The forward check's introduction for one axis.
std::string forward_intro(const ShapeReport& r, const ShapeAxis& a, const RenderOptions& options) {
  const std::string conv = torch_module_call(r.params.axes, false, r.layer.channels);
  const std::string n = str(a.shape.in.n);
  if (a.back_first > a.back_last)
    return say({MsgId::kShapeForwardNone, {{"conv", conv}, {"n", n}}}, options);
  if (a.back_first == a.back_last)
    return say({MsgId::kShapeForwardOne, {{"conv", conv}, {"size", str(a.back_first)}, {"n", n}}},
               options);
  return say({MsgId::kShapeForward,
              {{"conv", conv}, {"first", str(a.back_first)}, {"last", str(a.back_last)}, {"n", n}}},
             options);
}

/// "2 -> floor((2 + 2*1 - 2)/2) + 1 = 2  <- m" lines, "..." where sizes are left out.
std::vector<std::string> forward_lines(const ShapeAxis& a, bool general) {
  std::vector<std::string> out;
  for (size_t i = 0; i < a.listed.size(); ++i) {
    const ForwardImage& f = a.listed[i];
    if (i > 0 && f.size != a.listed[i - 1].size + 1) out.push_back("...");
    std::string line = str(f.size) + " -> " + forward_equation(a.shape.in, f.size, general);
    if (f.size == a.shape.output) line += "  <- m";
    out.push_back(line);
  }
  return out;
}

/// The sentences after the forward check of one axis.
std::vector<std::string> forward_sentences(const ShapeAxis& a, const RenderOptions& options) {
  const AxisParams& p = a.shape.in;
  std::vector<std::string> out;
  if (a.back_last > a.back_first)
    out.push_back(say({MsgId::kShapeWhyOutputPadding,
                       {{"count", str(a.back_last - a.back_first + 1)},
                        {"base", str(a.back_first)},
                        {"op_max", str(a.op_limit - 1)},
                        {"last", str(a.back_last)},
                        {"op_last", str(a.back_last - a.base)}}},
                      options));
  else if (p.s == 1)
    out.push_back(say({MsgId::kShapeStrideOne, {{"n", str(p.n)}}}, options));
  if (p.op >= p.s && a.forward_of_m)
    out.push_back(say({MsgId::kShapeOpBeyondStride,
                       {{"op", str(p.op)},
                        {"s", str(p.s)},
                        {"d", str(p.d)},
                        {"m", str(a.shape.output)},
                        {"back", str(*a.forward_of_m)},
                        {"n", str(p.n)}}},
                      options));
  return out;
}

/// The claim's sentences for one axis.
std::vector<std::string> claim_sentences(const ShapeAxis& a, const std::string& tag,
                                         const RenderOptions& options) {
  const ClaimCheck& c = *a.claim;
  const AxisParams& p = a.shape.in;
  std::vector<std::string> out;
  if (c.reachable) {
    out.push_back(
        say({MsgId::kClaimReachable,
             {{"claimed", str(c.m)}, {"axis", tag}, {"op", str(c.op)}, {"base", str(a.base)}}},
            options));
    if (c.forward && *c.forward != p.n)
      out.push_back(say({MsgId::kClaimNotBack,
                         {{"claimed", str(c.m)},
                          {"back", str(*c.forward)},
                          {"n", str(p.n)},
                          {"op", str(c.op)},
                          {"s", str(p.s)}}},
                        options));
    return out;
  }
  out.push_back(say({MsgId::kClaimUnreachable,
                     {{"claimed", str(c.m)},
                      {"axis", tag},
                      {"p", str(p.p)},
                      {"op_max", str(a.op_limit - 1)},
                      {"first", str(std::max<int64_t>(a.base, 1))},
                      {"last", str(a.base + a.op_limit - 1)}}},
                    options));
  if (c.other_p)
    out.push_back(
        say({MsgId::kClaimOtherPadding, {{"p2", str(*c.other_p)}, {"op2", str(*c.other_op)}}},
            options));
  else
    out.push_back(say({MsgId::kClaimSolve, {{"n", str(p.n)}, {"claimed", str(c.m)}}}, options));
  return out;
}

/// The lines of "Weights and parameters": weight, bias, parameters, output values.
std::vector<std::string> layer_lines(const LayerCount& c, const RenderOptions& options) {
  std::vector<std::string> out;
  out.push_back(say({MsgId::kLayerWeight,
                     {{"shape", tensor_shape_text(c.weight_shape)}, {"count", str(c.weights)}}},
                    options));
  out.push_back(c.channels.bias ? say({MsgId::kLayerBias, {{"count", str(c.bias_values)}}}, options)
                                : say({MsgId::kLayerNoBias, {}}, options));
  out.push_back(parameters_text(c, options));
  out.push_back(
      say({MsgId::kLayerActivation,
           {{"shape", tensor_shape_text(c.output_shape)}, {"count", str(c.output_values)}}},
          options));
  return out;
}

/// The sentence naming the convolution the layer is the transpose of; its code as code in
/// Markdown.
std::string transpose_of(const ShapeReport& r, const RenderOptions& options, bool markdown) {
  auto code = [&](const std::string& text) { return markdown ? tool_text::code(text) : text; };
  return say({MsgId::kLayerTransposeOf,
              {{"conv", code(torch_module_call(r.params.axes, false, r.layer.channels))},
               {"shape", code(tensor_shape_text(r.layer.weight_shape))}}},
             options);
}

/// The axes whose claim needs its own lines.
std::vector<size_t> claim_axes(const ShapeReport& r, bool differ) {
  if (differ) return {0, 1};
  if (r.axes.size() == 2 && r.axes[0].claim->m != r.axes[1].claim->m) return {0, 1};
  return {0};
}

std::string text(const ShapeReport& r, const RenderOptions& options) {
  tool_text::Lines lines(options);
  const std::vector<AxisParams>& axes = r.params.axes;
  const bool general = formula_text::general_form(axes);
  const std::vector<size_t> shown = formula_text::distinct_axes(axes);
  const bool differ = shown.size() > 1;
  lines.paragraph(heading(r, options), 0);
  lines.blank();
  lines.line(say({MsgId::kTitleFormula, {}}, options));
  lines.line("  " + formula_text::output_rule(general));
  for (size_t i : shown)
    lines.line("  " + tool_text::axis_prefix(i, differ, options) +
               formula_text::output_equation(r.axes[i].shape, general));
  for (size_t i : shown) {
    const ShapeAxis& a = r.axes[i];
    lines.blank();
    lines.line(say({MsgId::kTitleForwardCheck, {}}, options) +
               tool_text::axis_tag(i, differ, options));
    lines.paragraph(forward_intro(r, a, options), 2);
    if (!a.listed.empty()) {
      lines.line("    " + forward_rule(general));
      for (const std::string& l : forward_lines(a, general)) lines.line("    " + l);
    }
    for (const std::string& s : forward_sentences(a, options)) lines.paragraph(s, 2);
  }
  if (r.axes[0].claim) {
    lines.blank();
    lines.line(say({MsgId::kTitleClaim, {}}, options));
    const std::vector<size_t> claimed = claim_axes(r, differ);
    for (size_t i : claimed)
      for (const std::string& s :
           claim_sentences(r.axes[i], tool_text::axis_tag(i, claimed.size() > 1, options), options))
        lines.paragraph(s, 2);
  }
  lines.blank();
  lines.line(say({MsgId::kTitleLayer, {}}, options));
  lines.line("  " + torch_module_call(axes, true, r.layer.channels));
  for (const std::string& l : layer_lines(r.layer, options)) lines.paragraph(l, 2);
  lines.paragraph(transpose_of(r, options, false), 2);
  std::string out = lines.text();
  if (r.tf) out += "\n" + render_tf_compare(*r.tf, ToolFormat::kText, options);
  return out;
}

/// "2, 3 -> 2": the sizes the forward convolution maps back to n.
std::string maps_back_cell(const ShapeAxis& a) {
  if (a.listed.empty()) return "-";
  std::string sizes;
  for (size_t i = 0; i < a.listed.size(); ++i) {
    if (i > 0 && a.listed[i].size != a.listed[i - 1].size + 1) sizes += ", ...";
    sizes += (sizes.empty() ? "" : ", ") + str(a.listed[i].size);
  }
  return sizes + " -> " + str(a.shape.in.n);
}

std::string markdown(const ShapeReport& r, const RenderOptions& options) {
  const std::vector<AxisParams>& axes = r.params.axes;
  const bool general = formula_text::general_form(axes);
  const std::vector<size_t> shown = formula_text::distinct_axes(axes);
  const bool differ = shown.size() > 1;
  std::string out = "**" + heading(r, options) + "**\n\n";
  std::vector<std::string> header;
  if (differ) header.push_back(say({MsgId::kColAxis, {}}, options));
  header.push_back(say({MsgId::kColFormula, {}}, options));
  header.push_back(say({MsgId::kColMapsBack, {}}, options));
  std::vector<std::vector<std::string>> rows;
  for (size_t i : shown) {
    std::vector<std::string> row;
    if (differ) row.push_back(say({i == 0 ? MsgId::kAxisRows : MsgId::kAxisCols, {}}, options));
    row.push_back(tool_text::code(formula_text::output_equation(r.axes[i].shape, general)));
    row.push_back(maps_back_cell(r.axes[i]));
    rows.push_back(std::move(row));
  }
  out += markdown_table(header, rows) + "\n";
  for (size_t i : shown) {
    out += forward_intro(r, r.axes[i], options) + "\n";
    for (const std::string& s : forward_sentences(r.axes[i], options)) out += s + "\n";
    out += "\n";
  }
  if (r.axes[0].claim) {
    const std::vector<size_t> claimed = claim_axes(r, differ);
    for (size_t i : claimed)
      for (const std::string& s :
           claim_sentences(r.axes[i], tool_text::axis_tag(i, claimed.size() > 1, options), options))
        out += s + "\n";
    out += "\n";
  }
  out += say({MsgId::kTitleLayer, {}}, options) + ": " +
         tool_text::code(torch_module_call(axes, true, r.layer.channels)) + "\n\n";
  const LayerCount& c = r.layer;
  out +=
      markdown_table(
          {say({MsgId::kColWeight, {}}, options), say({MsgId::kColParameters, {}}, options),
           say({MsgId::kColActivation, {}}, options)},
          {{tool_text::code(tensor_shape_text(c.weight_shape)), parameters_text(c, options),
            tool_text::code(tensor_shape_text(c.output_shape)) + " = " + str(c.output_values)}}) +
      "\n";
  out += transpose_of(r, options, true) + "\n\n";
  if (r.tf) out += render_tf_compare(*r.tf, ToolFormat::kMarkdown, options);
  while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n')
    out.pop_back();
  return out;
}

/// One axis's object of the "axes" member.
std::string axis_json(const ShapeAxis& a, bool general, const RenderOptions& options) {
  std::string listed;
  for (const ForwardImage& f : a.listed)
    listed += (listed.empty() ? "" : ",") + json::ints({f.size, f.n});
  std::string out =
      "    {\"equation\": " + json::quoted(formula_text::output_equation(a.shape, general)) +
      ", \"base\": " + str(a.base) + ", \"output_padding_max\": " + str(a.op_limit - 1) + ",\n";
  out += "     \"maps_back\": " + json::ints({a.back_first, a.back_last}) + ", \"listed\": [" +
         listed + "], \"forward_of_m\": " + json::optional_int(a.forward_of_m);
  // The sentences without the introduction of the listing (its sizes are in maps_back/listed).
  out += ",\n     \"text\": " + json::sentences(forward_sentences(a, options));
  if (a.claim) {
    const ClaimCheck& c = *a.claim;
    const std::optional<int64_t> op = c.reachable ? std::optional<int64_t>(c.op) : std::nullopt;
    out += ",\n     \"claim\": {\"m\": " + str(c.m) +
           ", \"reachable\": " + json::boolean(c.reachable) +
           ", \"output_padding\": " + json::optional_int(op) +
           ", \"forward\": " + json::optional_int(c.forward) +
           ", \"other_p\": " + json::optional_int(c.other_p) +
           ", \"other_op\": " + json::optional_int(c.other_op) +
           ", \"text\": " + json::sentences(claim_sentences(a, "", options)) + "}";
  }
  return out + "}";
}

/// The "layer" member: the channels, weight shape, parameter count and output values.
std::string layer_json(const ShapeReport& r) {
  return "{" + layer_count_members(r.layer) + ",\n     \"module\": " +
         json::quoted(torch_module_call(r.params.axes, true, r.layer.channels)) +
         ", \"transpose_of\": " +
         json::quoted(torch_module_call(r.params.axes, false, r.layer.channels)) + "}";
}

std::string json_document(const ShapeReport& r, const RenderOptions& options) {
  const bool general = formula_text::general_form(r.params.axes);
  std::vector<std::string> axes;
  for (const ShapeAxis& a : r.axes) axes.push_back(axis_json(a, general, options));
  std::string out;
  json::ObjectWriter document(out);
  document.member("params", json::params_object(r.params));
  document.member("output_size", json::ints(r.output_size()));
  document.member("full_size", json::ints(r.full_size()));
  document.member("axes", json::item_lines(axes));
  document.member("layer", layer_json(r));
  if (r.tf) document.member("compare_tf", render_tf_compare(*r.tf, ToolFormat::kJson, options));
  document.close();
  return out;
}

}  // namespace

std::string render_shape(const ShapeReport& report, ToolFormat format,
                         const RenderOptions& options) {
  return render_as(format, report, options, {text, markdown, json_document});
}

}  // namespace convt
