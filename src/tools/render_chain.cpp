#include "convt/render_shape_tools.h"
#include "engine/formula_text.h"
#include "render/json_writer.h"
#include "tools/tool_output.h"
#include "tools/tool_text.h"

namespace convt {
namespace {

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
  const std::vector<AxisParams> axes = axis_params(step.shapes);
  const bool general = formula_text::general_form(axes);
  const std::vector<size_t> shown = formula_text::distinct_axes(axes);
  std::vector<std::string> out;
  for (size_t i : shown)
    out.push_back(tool_text::axis_prefix(i, shown.size() > 1, options) +
                  formula_text::output_equation(step.shapes[i], general));
  return out;
}

std::string summary(const ChainResult& c, const RenderOptions& options) {
  std::string uneven;
  int64_t uneven_count = 0;
  for (size_t i = 0; i < c.steps.size(); ++i)
    if (!c.steps[i].even) {
      uneven += (uneven.empty() ? "" : ", ") + str(static_cast<int64_t>(i + 1));
      ++uneven_count;
    }
  if (uneven.empty()) return say({MsgId::kChainAllEven, {}}, options);
  return say({MsgId::kChainUneven, {{"layers", uneven}, {"layer_count", str(uneven_count)}}},
             options);
}

std::vector<std::string> header(const RenderOptions& options) {
  return {"#", say({MsgId::kColLayer, {}}, options), "n -> m",
          say({MsgId::kColFormula, {}}, options), say({MsgId::kColOverlap, {}}, options)};
}

/// The header of the weights table.
std::vector<std::string> count_header(const RenderOptions& options) {
  return {"#", say({MsgId::kColChannels, {}}, options), say({MsgId::kColWeight, {}}, options),
          say({MsgId::kColParameters, {}}, options), say({MsgId::kColActivation, {}}, options)};
}

/// "16 -> 32", with ", groups=4" when the layer has groups.
std::string channels_cell(const LayerCount& c) {
  std::string out = str(c.channels.in_channels) + " -> " + str(c.channels.out_channels);
  if (c.channels.groups != 1) out += ", groups=" + str(c.channels.groups);
  return out;
}

/// One row of the weights table: #, channels, weight shape, parameters, output values; the
/// shapes as code in Markdown.
std::vector<std::string> count_row(size_t index, const LayerCount& c, bool markdown) {
  auto shape = [&](const std::vector<int64_t>& s) {
    return markdown ? tool_text::code(tensor_shape_text(s)) : tensor_shape_text(s);
  };
  return {str(static_cast<int64_t>(index + 1)), channels_cell(c), shape(c.weight_shape),
          str(c.parameters), shape(c.output_shape) + " = " + str(c.output_values)};
}

/// The totals sentence: parameters (weights + bias) and the output values of all layers.
std::string totals(const ChainResult& c, const RenderOptions& options) {
  if (!c.channels.bias)
    return say({MsgId::kChainTotalsNoBias,
                {{"parameters", str(c.parameters)}, {"activation", str(c.output_values)}}},
               options);
  return say({MsgId::kChainTotals,
              {{"parameters", str(c.parameters)},
               {"weights", str(c.weights)},
               {"bias", str(c.bias_values)},
               {"activation", str(c.output_values)}}},
             options);
}

std::string text(const ChainResult& c, const RenderOptions& options) {
  tool_text::Lines lines(options);
  lines.paragraph(heading(c, options), 0);
  lines.blank();
  std::vector<std::vector<std::string>> rows = {header(options)};
  for (size_t i = 0; i < c.steps.size(); ++i) {
    const ChainStep& step = c.steps[i];
    const std::vector<std::string> eq = equations(step, options);
    rows.push_back({str(static_cast<int64_t>(i + 1)), step.layer.text,
                    compact_size(step.input()) + " -> " + compact_size(step.output()), eq[0],
                    tool_text::verdict(step.even, options)});
    for (size_t j = 1; j < eq.size(); ++j) rows.push_back({"", "", "", eq[j], ""});
  }
  lines.add(text_table(rows, 2));
  lines.blank();
  lines.paragraph(summary(c, options), 2);
  lines.blank();
  lines.line(say({MsgId::kTitleLayer, {}}, options));
  std::vector<std::vector<std::string>> counts = {count_header(options)};
  for (size_t i = 0; i < c.steps.size(); ++i)
    counts.push_back(count_row(i, c.steps[i].count, false));
  lines.add(text_table(counts, 2));
  lines.blank();
  lines.paragraph(totals(c, options), 2);
  return lines.text();
}

std::string markdown(const ChainResult& c, const RenderOptions& options) {
  std::string out = heading(c, options) + "\n\n";
  std::vector<std::vector<std::string>> rows;
  for (size_t i = 0; i < c.steps.size(); ++i) {
    const ChainStep& step = c.steps[i];
    std::string formula;
    for (const std::string& e : equations(step, options))
      formula += (formula.empty() ? "" : "<br>") + tool_text::code(e);
    rows.push_back({str(static_cast<int64_t>(i + 1)), tool_text::code(step.layer.text),
                    compact_size(step.input()) + " -> " + compact_size(step.output()), formula,
                    tool_text::verdict(step.even, options)});
  }
  out += markdown_table(header(options), rows);
  out += "\n" + summary(c, options) + "\n\n";
  std::vector<std::vector<std::string>> counts;
  for (size_t i = 0; i < c.steps.size(); ++i)
    counts.push_back(count_row(i, c.steps[i].count, true));
  out += "**" + say({MsgId::kTitleLayer, {}}, options) + "**\n\n";
  out += markdown_table(count_header(options), counts);
  out += "\n" + totals(c, options) + "\n";
  return out;
}

/// One step's object of the "layers" member.
std::string layer_json(const ChainStep& step, const RenderOptions& options) {
  return "    {\"layer\": " + json::quoted(step.layer.text) + ", " +
         json::layer_members(step.layer.axes, "op") + ",\n" +
         "     \"input_size\": " + json::ints(step.input()) +
         ", \"output_size\": " + json::ints(step.output()) +
         ", \"full_size\": " + json::ints(full_sizes(step.shapes)) +
         ", \"even\": " + json::boolean(step.even) + ",\n" +
         "     \"equations\": " + json::strings(equations(step, options)) + ",\n     " +
         layer_count_members(step.count) + "}";
}

std::string json_document(const ChainResult& c, const RenderOptions& options) {
  std::string sizes = "[" + json::ints(c.n);
  std::vector<std::string> layers;
  bool all_even = true;
  for (const ChainStep& step : c.steps) {
    sizes += "," + json::ints(step.output());
    layers.push_back(layer_json(step, options));
    all_even = all_even && step.even;
  }
  std::string out;
  json::ObjectWriter document(out);
  // The input object of solve, with the chain's channel options.
  std::string params = json::input_object(c.dims, c.n);
  params.pop_back();
  params += ", \"in_channels\": " + str(c.channels.in_channels) +
            ", \"bias\": " + json::boolean(c.channels.bias) + "}";
  document.member("params", params);
  document.member("output_size", json::ints(c.output()));
  document.member("sizes", sizes + "]");
  document.member("layers", json::item_lines(layers));
  document.member("even", json::boolean(all_even));
  document.member("text", json::quoted(summary(c, options)));
  document.member("totals", "{\"weights\": " + str(c.weights) + ", \"bias_values\": " +
                                str(c.bias_values) + ", \"parameters\": " + str(c.parameters) +
                                ", \"output_values\": " + str(c.output_values) +
                                ", \"text\": " + json::quoted(totals(c, options)) + "}");
  document.close();
  return out;
}

}  // namespace

std::string render_chain(const ChainResult& chain, ToolFormat format,
                         const RenderOptions& options) {
  return render_as(format, chain, options, {text, markdown, json_document});
}

}  // namespace convt
