#include <algorithm>

#include "convt/render_shape_tools.h"
#include "engine/formula_text.h"
#include "render/json_writer.h"
#include "tools/tool_output.h"
#include "tools/tool_text.h"

namespace convt {
namespace {

using tool_text::say;

std::string str(int64_t v) { return std::to_string(v); }

std::string slice(const Window& w) { return "full[" + str(w.start) + ":" + str(w.end()) + "]"; }

/// The rows of one axis's table: layer, output size (with its formula), kept cells.
std::vector<std::vector<std::string>> table_rows(const TfAxis& t, bool general,
                                                 const RenderOptions& options) {
  const AxisParams& a = t.shape.in;
  const std::string ns = str(a.n) + "*" + str(a.s);
  return {
      {say({MsgId::kTfRowPytorch, {{"p", str(a.p)}, {"op", str(a.op)}}}, options),
       formula_text::output_equation(t.shape, general), slice(t.pytorch)},
      {say({MsgId::kTfRowValid, {}}, options),
       "n*s + max(k-s, 0) = " + ns + " + max(" + str(t.k_eff) + "-" + str(a.s) +
           ", 0) = " + str(t.valid.size),
       slice(t.valid)},
      {say({MsgId::kTfRowSame, {}}, options), "n*s = " + ns + " = " + str(t.same.size),
       slice(t.same)},
  };
}

/// The sentences after one axis's table.
std::vector<std::string> sentences(const TfAxis& t, const RenderOptions& options) {
  const AxisParams& a = t.shape.in;
  std::vector<std::string> out;
  if (a.d > 1) out.push_back(say({MsgId::kTfDilated, {{"k_eff", str(t.k_eff)}}}, options));
  if (t.k_eff >= a.s)
    out.push_back(say(
        {MsgId::kTfCrops, {{"start", str(t.same.start)}, {"end", str(t.same_end_crop)}}}, options));
  else
    out.push_back(say({MsgId::kTfCropsNone, {}}, options));
  const int64_t widest = std::max({t.pytorch.end(), t.valid.end(), t.same.end()});
  if (widest > t.shape.full)
    out.push_back(say({MsgId::kTfZeros, {{"full", str(t.shape.full)}}}, options));

  auto against = [&](const char* mode, const Window& tf) {
    if (tf == t.pytorch)
      return say({MsgId::kTfMatch,
                  {{"mode", mode},
                   {"size", str(tf.size)},
                   {"start", str(tf.start)},
                   {"end", str(tf.end())}}},
                 options);
    return say({MsgId::kTfShift,
                {{"mode", mode},
                 {"size", str(tf.size)},
                 {"start", str(t.pytorch.start)},
                 {"end", str(t.pytorch.end())},
                 {"tf_start", str(tf.start)},
                 {"tf_end", str(tf.end())},
                 {"shift", str(std::abs(t.pytorch.start - tf.start))}}},
               options);
  };
  if (t.pytorch.size == t.same.size)
    out.push_back(against("same", t.same));
  else if (t.pytorch.size == t.valid.size)
    out.push_back(against("valid", t.valid));
  else
    out.push_back(say(
        {MsgId::kTfNoMatch,
         {{"m", str(t.pytorch.size)}, {"valid", str(t.valid.size)}, {"same", str(t.same.size)}}},
        options));

  out.push_back(
      say({MsgId::kTfForValid, {{"p", str(t.for_valid.p)}, {"op", str(t.for_valid.op)}}}, options));
  const int64_t shift = t.for_same.p - t.same.start;
  if (!t.same_possible)
    out.push_back(say(
        {MsgId::kTfForSameNone, {{"op", str(t.for_same.op)}, {"limit", str(std::max(a.s, a.d))}}},
        options));
  else if (shift == 0)
    out.push_back(
        say({MsgId::kTfForSame, {{"p", str(t.for_same.p)}, {"op", str(t.for_same.op)}}}, options));
  else
    out.push_back(say({MsgId::kTfForSameShifted,
                       {{"p", str(t.for_same.p)},
                        {"op", str(t.for_same.op)},
                        {"shift", str(shift)},
                        {"diff", str(t.k_eff - a.s)}}},
                      options));
  return out;
}

std::vector<AxisParams> params_of(const TfComparison& tf) {
  std::vector<AxisParams> axes;
  for (const TfAxis& t : tf.axes) axes.push_back(t.shape.in);
  return axes;
}

std::string keras_module(int dims) { return "Conv" + std::to_string(dims) + "DTranspose"; }

std::string text_section(const TfComparison& tf, const RenderOptions& options) {
  tool_text::Lines lines(options);
  lines.line(say({MsgId::kTitleTfCompare, {}}, options));
  const std::vector<AxisParams> axes = params_of(tf);
  const bool general = formula_text::general_form(axes);
  const std::vector<size_t> shown = formula_text::distinct_axes(axes);
  const bool differ = shown.size() > 1;
  lines.paragraph(
      say({MsgId::kTfIntro, {{"module", keras_module(tf.dims)}, {"full", "F"}}}, options), 2);
  for (size_t i : shown) {
    const TfAxis& t = tf.axes[i];
    lines.blank();
    lines.line("  " + tool_text::axis_prefix(i, differ, options) +
               formula_text::full_equation(t.shape, general));
    std::vector<std::vector<std::string>> rows = {{say({MsgId::kColLayer, {}}, options),
                                                   say({MsgId::kColOutputSize, {}}, options),
                                                   say({MsgId::kColKeeps, {}}, options)}};
    for (auto& row : table_rows(t, general, options)) rows.push_back(std::move(row));
    lines.add(text_table(rows, 2));
    for (const std::string& s : sentences(t, options)) lines.paragraph(s, 2);
  }
  return lines.text();
}

std::string markdown_section(const TfComparison& tf, const RenderOptions& options) {
  const std::vector<AxisParams> axes = params_of(tf);
  const bool general = formula_text::general_form(axes);
  const std::vector<size_t> shown = formula_text::distinct_axes(axes);
  const bool differ = shown.size() > 1;
  std::string out = "## " + say({MsgId::kTitleTfCompare, {}}, options) + "\n\n";
  out += say({MsgId::kTfIntro, {{"module", keras_module(tf.dims)}, {"full", "F"}}}, options) + "\n";
  for (size_t i : shown) {
    const TfAxis& t = tf.axes[i];
    out += "\n" +
           tool_text::code(tool_text::axis_prefix(i, differ, options) +
                           formula_text::full_equation(t.shape, general)) +
           "\n\n";
    std::vector<std::vector<std::string>> rows;
    for (auto& row : table_rows(t, general, options))
      rows.push_back({row[0], tool_text::code(row[1]), tool_text::code(row[2])});
    out += markdown_table(
        {say({MsgId::kColLayer, {}}, options), say({MsgId::kColOutputSize, {}}, options),
         say({MsgId::kColKeeps, {}}, options)},
        rows);
    out += "\n";
    for (const std::string& s : sentences(t, options)) out += s + "\n";
  }
  return out;
}

/// The members of one window: "\"output_size\": 4, \"keeps\": [1,5]".
std::string window_json(const Window& w) {
  return "\"output_size\": " + str(w.size) + ", \"keeps\": " + json::ints({w.start, w.end()});
}

/// PyTorch's padding for one of Keras' modes: {"p": 1, "op": 0, "shift": 0}.
std::string padding_json(const AxisParams& a, int64_t shift) {
  return "{\"p\": " + str(a.p) + ", \"op\": " + str(a.op) + ", \"shift\": " + str(shift) + "}";
}

/// The "compare_tf" value: {"axes": [...]}, each axis's object indented to sit in a top-level
/// member of a document.
std::string json_value(const TfComparison& tf, const RenderOptions& options) {
  std::string out = "{\"axes\": [";
  for (size_t i = 0; i < tf.axes.size(); ++i) {
    const TfAxis& t = tf.axes[i];
    const AxisParams& a = t.shape.in;
    std::string match = "null";
    int64_t shift = 0;
    if (t.pytorch.size == t.same.size) {
      match = "\"same\"";
      shift = t.pytorch.start - t.same.start;
    } else if (t.pytorch.size == t.valid.size) {
      match = "\"valid\"";
      shift = t.pytorch.start - t.valid.start;
    }
    out += i ? ",\n" : "\n";
    out += "    {\"full\": " + str(t.shape.full) + ", \"k_eff\": " + str(t.k_eff) + ",\n";
    out += "     \"pytorch\": {\"p\": " + str(a.p) + ", \"op\": " + str(a.op) + ", " +
           window_json(t.pytorch) + "},\n";
    out += "     \"valid\": {" + window_json(t.valid) + "},\n";
    out += "     \"same\": {" + window_json(t.same) + ", \"crop_start\": " + str(t.same.start) +
           ", \"crop_end\": " + str(t.same_end_crop) + "},\n";
    out += "     \"matches\": " + match + ", \"shift\": " + str(shift) + ",\n";
    out += "     \"pytorch_for_valid\": " + padding_json(t.for_valid, 0) + ",\n";
    out += "     \"pytorch_for_same\": " +
           (t.same_possible ? padding_json(t.for_same, t.for_same.p - t.same.start) : "null");
    out += ",\n     \"text\": " + json::sentences(sentences(t, options)) + "}";
  }
  return out + "]}";
}

}  // namespace

std::string render_tf_compare(const TfComparison& tf, ToolFormat format,
                              const RenderOptions& options) {
  return render_as(format, tf, options, {text_section, markdown_section, json_value});
}

std::string append_tf_compare(std::string explain_output, const TfComparison& tf, ToolFormat format,
                              const RenderOptions& options) {
  if (format != ToolFormat::kJson)
    return explain_output + "\n" + render_tf_compare(tf, format, options);
  // The top-level object ends in "}\n": add the member before its closing brace.
  const size_t close = explain_output.rfind('}');
  if (close == std::string::npos) return explain_output;
  std::string head = explain_output.substr(0, close);
  while (!head.empty() && (head.back() == '\n' || head.back() == ' ')) head.pop_back();
  return head + ",\n  \"compare_tf\": " + render_tf_compare(tf, format, options) + "\n}\n";
}

}  // namespace convt
