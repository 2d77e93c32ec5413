#include "convt/chain.h"

#include <cctype>
#include <optional>

#include "convt/error.h"
#include "convt/shape_report.h"
#include "engine/checked.h"
#include "engine/overlap.h"
#include "tools/tool_output.h"

namespace convt {
namespace {

/// One parameter of the token syntax: a per-axis size (field set) or a channel count (c, g).
struct TokenName {
  const char* name;
  MsgId what;  ///< the quantity, as parse_axis_values / parse_channel_count name it
  int64_t min_value;
  int64_t AxisParams::*field;  ///< nullptr for c and g, which are one number for the layer
};

// "op" before "p" would not matter (no other name starts with 'o'), but keep longest first.
constexpr TokenName kNames[] = {
    {"op", MsgId::kWordOutputPadding, 0, &AxisParams::op},
    {"k", MsgId::kWordKernelSize, 1, &AxisParams::k},
    {"s", MsgId::kWordStride, 1, &AxisParams::s},
    {"p", MsgId::kWordPadding, 0, &AxisParams::p},
    {"d", MsgId::kWordDilation, 1, &AxisParams::d},
    {"c", MsgId::kWordOutChannels, 1, nullptr},
    {"g", MsgId::kWordGroups, 1, nullptr},
};
constexpr size_t kKernelName = 1, kChannelsName = 5;

std::string trim(const std::string& text) {
  const size_t first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t") + 1 - first);
}

bool starts_with_name(const std::string& token, size_t at, const char* name) {
  for (size_t i = 0; name[i] != '\0'; ++i)
    if (at + i >= token.size() ||
        std::tolower(static_cast<unsigned char>(token[at + i])) != name[i])
      return false;
  return true;
}

/// Names the failing layer in an error from validate_sizes, keeping its numbers.
Error layer_error(const Error& e, const LayerSpec& layer, const std::vector<int64_t>& n) {
  Message message = e.message();
  if (message.id == MsgId::kErrNoOutput) {
    message.id = MsgId::kErrLayerNoOutput;
    message.args.push_back({"n", compact_size(n)});
  } else if (message.id == MsgId::kErrOutputPadding) {
    message.id = MsgId::kErrLayerOutputPadding;
  } else if (message.id == MsgId::kErrGroupsDivide) {
    message.id = MsgId::kErrLayerGroupsDivide;
  }
  bool named = false;
  for (MessageArg& arg : message.args)
    if (arg.name == "option") {
      arg = MessageArg("option", layer.label);
      named = true;
    }
  if (!named) message.args.push_back({"option", layer.label});
  return Error(message);
}

}  // namespace

LayerSpec parse_layer(const std::string& token, const std::string& option, size_t index, int dims) {
  LayerSpec layer;
  layer.text = trim(token);
  layer.label = option + " #" + std::to_string(index) + " (" + layer.text + ")";
  if (layer.text.empty())
    throw Error({MsgId::kErrLayerEmpty, {{"option", option + " #" + std::to_string(index)}}});
  layer.axes.assign(static_cast<size_t>(dims), AxisParams{1, 0, 1, 0, 1, 0});
  bool seen[std::size(kNames)] = {};
  size_t at = 0;
  const std::string& text = layer.text;
  while (at < text.size()) {
    size_t which = std::size(kNames);
    for (size_t i = 0; i < std::size(kNames); ++i)
      if (starts_with_name(text, at, kNames[i].name)) {
        which = i;
        break;
      }
    if (which == std::size(kNames))
      throw Error({MsgId::kErrLayerSyntax,
                   {{"option", layer.label},
                    {"char", std::string(1, text[at])},
                    {"position", std::to_string(at + 1)}}});
    const TokenName& name = kNames[which];
    if (seen[which])
      throw Error({MsgId::kErrLayerRepeatedName, {{"option", layer.label}, {"name", name.name}}});
    seen[which] = true;
    at += std::string(name.name).size();
    const size_t end = text.find_first_not_of("0123456789xX", at);
    const std::string value = text.substr(at, end == std::string::npos ? end : end - at);
    if (value.empty())
      throw Error({MsgId::kErrLayerMissingValue, {{"option", layer.label}, {"name", name.name}}});
    if (name.field == nullptr) {
      const int64_t count = parse_channel_count(value, layer.label, name.what);
      if (which == kChannelsName)
        layer.out_channels = count;
      else
        layer.groups = count;
    } else {
      const std::vector<int64_t> values =
          parse_axis_values(value, layer.label, name.what, name.min_value, dims);
      for (size_t i = 0; i < layer.axes.size(); ++i) layer.axes[i].*name.field = values[i];
    }
    at += value.size();
  }
  if (!seen[kKernelName]) throw Error({MsgId::kErrLayerMissingKernel, {{"option", layer.label}}});
  return layer;
}

std::vector<LayerSpec> parse_layer_list(const std::string& text, int dims) {
  std::vector<LayerSpec> layers;
  size_t start = 0;
  while (true) {
    const size_t comma = text.find(',', start);
    layers.push_back(
        parse_layer(text.substr(start, comma == std::string::npos ? comma : comma - start),
                    "--layers", layers.size() + 1, dims));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return layers;
}

std::vector<int64_t> ChainStep::input() const {
  return axis_values(axis_params(shapes), &AxisParams::n);
}

std::vector<int64_t> ChainStep::output() const { return output_sizes(shapes); }

std::vector<int64_t> ChainResult::output() const {
  return steps.empty() ? n : steps.back().output();
}

ChainResult run_chain(int dims, const std::vector<int64_t>& n, const std::vector<LayerSpec>& layers,
                      const ChainChannels& channels) {
  ChainResult chain;
  chain.dims = dims;
  chain.n = n;
  chain.channels = channels;
  std::vector<int64_t> size = n;
  int64_t in_channels = channels.in_channels;
  // A total that does not fit in 64 bits names the whole list of layers.
  auto add = [](int64_t& total, int64_t value, MsgId what) {
    const std::optional<int64_t> sum = checked_add(total, value);
    if (!sum)
      throw Error({MsgId::kErrOverflow, {{"option", "--layers"}, {"what", Message{what, {}}}}});
    total = *sum;
  };
  for (const LayerSpec& layer : layers) {
    Params params;
    params.dims = dims;
    params.axes = layer.axes;
    for (size_t i = 0; i < params.axes.size(); ++i) params.axes[i].n = size[i];
    ChainStep step;
    step.layer = layer;
    try {
      step.shapes = validate_sizes(params);
    } catch (const Error& e) {
      throw layer_error(e, layer, size);
    }
    step.even = even_overlap(params.axes);
    const LayerChannels layer_channels{in_channels, layer.out_channels.value_or(in_channels),
                                       layer.groups, channels.bias};
    try {
      step.count = count_layer(layer_channels, step.shapes);
    } catch (const Error& e) {
      throw layer_error(e, layer, size);
    }
    add(chain.weights, step.count.weights, MsgId::kWordWeightCount);
    add(chain.bias_values, step.count.bias_values, MsgId::kWordParameterTotal);
    add(chain.parameters, step.count.parameters, MsgId::kWordParameterTotal);
    add(chain.output_values, step.count.output_values, MsgId::kWordActivationSize);
    in_channels = layer_channels.out_channels;
    size = step.output();
    chain.steps.push_back(std::move(step));
  }
  return chain;
}

}  // namespace convt
