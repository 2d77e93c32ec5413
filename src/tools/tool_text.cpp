#include "tools/tool_text.h"

#include "text/text_grid.h"

namespace convt::tool_text {

void Lines::paragraph(const std::string& text, int64_t indent) {
  for (std::string& l : wrap(text, options_.width, indent)) lines_.push_back(std::move(l));
}

void Lines::add(const std::vector<std::string>& lines) {
  lines_.insert(lines_.end(), lines.begin(), lines.end());
}

std::string Lines::text() const {
  std::string out;
  for (const std::string& l : lines_) out += l + "\n";
  return out;
}

std::string module_name(int dims, bool transposed) {
  return std::string(transposed ? "ConvTranspose" : "Conv") + std::to_string(dims) + "d";
}

std::string axis_tag(size_t axis, bool differ, const RenderOptions& options) {
  if (!differ) return "";
  return " (" + say({axis == 0 ? MsgId::kAxisRows : MsgId::kAxisCols, {}}, options) + ")";
}

std::string axis_prefix(size_t axis, bool differ, const RenderOptions& options) {
  if (!differ) return "";
  return say({axis == 0 ? MsgId::kAxisRows : MsgId::kAxisCols, {}}, options) + ": ";
}

std::string verdict(bool even, const RenderOptions& options) {
  return say({even ? MsgId::kWordEven : MsgId::kWordUneven, {}}, options);
}

std::string parameters_text(const LayerCount& c, const RenderOptions& options) {
  const std::string total = std::to_string(c.parameters);
  if (!c.channels.bias) return say({MsgId::kLayerParametersNoBias, {{"total", total}}}, options);
  return say({MsgId::kLayerParameters,
              {{"total", total},
               {"weights", std::to_string(c.weights)},
               {"bias", std::to_string(c.bias_values)}}},
             options);
}

std::string code(const std::string& text) { return "`" + text + "`"; }

}  // namespace convt::tool_text
