#include "tools/tool_output.h"

#include <algorithm>

#include "convt/error.h"
#include "convt/shape.h"
#include "render/json_writer.h"
#include "text/text_grid.h"

namespace convt {
namespace {

bool all_same(const std::vector<int64_t>& values) {
  return std::all_of(values.begin(), values.end(), [&](int64_t v) { return v == values[0]; });
}

bool is_number(const std::string& cell) {
  return !cell.empty() &&
         std::all_of(
             cell.begin(), cell.end(),
             [](char c) { return (c >= '0' && c <= '9') || c == ' ' || c == 'x' || c == '-'; }) &&
         cell[0] != 'x' && cell[0] != '-';
}

/// One keyword argument of a module call: "stride=2" or "kernel_size=(3, 1)".
std::string keyword(const char* name, const std::vector<int64_t>& values) {
  if (all_same(values)) return std::string(name) + "=" + std::to_string(values[0]);
  std::string out = std::string(name) + "=(";
  for (size_t i = 0; i < values.size(); ++i) out += (i ? ", " : "") + std::to_string(values[i]);
  return out + ")";
}

}  // namespace

ToolFormat tool_format_from_name(const std::string& name) {
  if (name == "text") return ToolFormat::kText;
  if (name == "markdown") return ToolFormat::kMarkdown;
  if (name == "json") return ToolFormat::kJson;
  throw Error({MsgId::kErrUnknownFormat, {{"value", name}, {"valid", "text, markdown, json"}}});
}

std::string compact_size(const std::vector<int64_t>& values) {
  if (values.empty()) return "";
  if (all_same(values)) return std::to_string(values[0]);
  return size_text(values);
}

std::string axis_value_text(const std::vector<int64_t>& values) {
  if (values.empty()) return "";
  if (all_same(values)) return std::to_string(values[0]);
  std::string out;
  for (size_t i = 0; i < values.size(); ++i) out += (i ? "x" : "") + std::to_string(values[i]);
  return out;
}

std::vector<std::string> text_table(const std::vector<std::vector<std::string>>& rows,
                                    int64_t indent) {
  // Widths are display widths: a Chinese header (--lang zh) takes two columns per character.
  std::vector<int64_t> widths;
  for (const auto& row : rows) {
    if (widths.size() < row.size()) widths.resize(row.size(), 0);
    for (size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], display_width(row[c]));
  }
  std::vector<std::string> lines;
  for (const auto& row : rows) {
    std::string line(static_cast<size_t>(indent), ' ');
    for (size_t c = 0; c < row.size(); ++c) {
      const std::string& cell = row[c];
      const std::string fill(static_cast<size_t>(widths[c] - display_width(cell)), ' ');
      if (c) line += "  ";
      line += is_number(cell) ? fill + cell : cell + fill;
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    lines.push_back(std::move(line));
  }
  return lines;
}

std::string markdown_table(const std::vector<std::string>& header,
                           const std::vector<std::vector<std::string>>& rows) {
  auto row_text = [](const std::vector<std::string>& cells) {
    std::string out = "|";
    for (const std::string& cell : cells) {
      std::string escaped;
      for (char c : cell) {
        if (c == '|') escaped += '\\';
        escaped += c;
      }
      out += " " + escaped + " |";
    }
    return out + "\n";
  };
  std::string out = row_text(header);
  out += "|";
  for (size_t i = 0; i < header.size(); ++i) out += " --- |";
  out += "\n";
  for (const auto& row : rows) out += row_text(row);
  return out;
}

std::string torch_module_call(const std::vector<AxisParams>& axes, bool transposed) {
  return torch_module_call(axes, transposed, LayerChannels{});
}

std::string torch_module_call(const std::vector<AxisParams>& axes, bool transposed,
                              const LayerChannels& channels) {
  const std::string dims = std::to_string(axes.size());
  // The convolution takes the transposed layer's output channels in, and its input channels out.
  const int64_t first = transposed ? channels.in_channels : channels.out_channels;
  const int64_t second = transposed ? channels.out_channels : channels.in_channels;
  std::string out = (transposed ? "nn.ConvTranspose" : "nn.Conv") + dims + "d(" +
                    std::to_string(first) + ", " + std::to_string(second) + ", ";
  out += keyword("kernel_size", axis_values(axes, &AxisParams::k));
  auto optional = [&](const char* name, int64_t AxisParams::*field, int64_t default_value) {
    std::vector<int64_t> values = axis_values(axes, field);
    if (std::all_of(values.begin(), values.end(), [&](int64_t v) { return v == default_value; }))
      return;
    out += ", " + keyword(name, values);
  };
  optional("stride", &AxisParams::s, 1);
  optional("padding", &AxisParams::p, 0);
  if (transposed) optional("output_padding", &AxisParams::op, 0);
  // PyTorch's order: ..., output_padding, groups, bias, dilation.
  if (channels.groups != 1) out += ", groups=" + std::to_string(channels.groups);
  if (transposed && !channels.bias) out += ", bias=False";
  optional("dilation", &AxisParams::d, 1);
  return out + ")";
}

std::string layer_count_members(const LayerCount& c) {
  auto number = [](int64_t v) { return std::to_string(v); };
  return "\"in_channels\": " + number(c.channels.in_channels) +
         ", \"out_channels\": " + number(c.channels.out_channels) +
         ", \"groups\": " + number(c.channels.groups) +
         ", \"bias\": " + json::boolean(c.channels.bias) +
         ",\n     \"weight_shape\": " + json::ints(c.weight_shape) +
         ", \"weights\": " + number(c.weights) + ", \"bias_values\": " + number(c.bias_values) +
         ", \"parameters\": " + number(c.parameters) +
         ", \"output_shape\": " + json::ints(c.output_shape) +
         ", \"output_values\": " + number(c.output_values);
}

std::string tensor_shape_text(const std::vector<int64_t>& shape) {
  std::string out = "[";
  for (size_t i = 0; i < shape.size(); ++i) out += (i ? ", " : "") + std::to_string(shape[i]);
  return out + "]";
}

std::string layer_token(const std::vector<AxisParams>& axes) {
  std::string out = "k" + axis_value_text(axis_values(axes, &AxisParams::k));
  auto optional = [&](const char* name, int64_t AxisParams::*field, int64_t default_value) {
    std::vector<int64_t> values = axis_values(axes, field);
    if (std::all_of(values.begin(), values.end(), [&](int64_t v) { return v == default_value; }))
      return;
    out += name + axis_value_text(values);
  };
  optional("s", &AxisParams::s, 1);
  optional("p", &AxisParams::p, 0);
  optional("d", &AxisParams::d, 1);
  optional("op", &AxisParams::op, 0);
  return out;
}

}  // namespace convt
