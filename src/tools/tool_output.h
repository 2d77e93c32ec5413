// Output helpers shared by the shape tools (convt shape, solve, chain, --compare tf): the choice
// of renderer by output format, compact per-axis sizes, aligned tables and the PyTorch calls.
// Pure: they return strings. The JSON pieces are render/json_writer.h's.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "convt/params.h"
#include "convt/render.h"
#include "convt/render_shape_tools.h"
#include "convt/shape_report.h"

namespace convt {

/// One tool's renderers of a `Result` (ShapeReport, SolveResult, ...), one per ToolFormat, each
/// returning its whole output in that format (see render_shape_tools.h for what each writes).
template <typename Result>
struct ToolRenderers {
  using Renderer = std::string (*)(const Result&, const RenderOptions&);
  Renderer text;      ///< ToolFormat::kText
  Renderer markdown;  ///< ToolFormat::kMarkdown
  Renderer json;      ///< ToolFormat::kJson
};

/// `result` rendered by the renderer `renderers` has for `format`: the one place the shape
/// tools choose their renderer (render_shape, render_solve, render_chain, render_tf_compare).
template <typename Result>
std::string render_as(ToolFormat format, const Result& result, const RenderOptions& options,
                      const ToolRenderers<Result>& renderers) {
  switch (format) {
    case ToolFormat::kText:
      return renderers.text(result, options);
    case ToolFormat::kMarkdown:
      return renderers.markdown(result, options);
    case ToolFormat::kJson:
      return renderers.json(result, options);
  }
  return {};
}

/// A per-axis size, compact: "4" when every axis has the same value, "4 x 2" otherwise.
/// **Example**: compact_size({4, 4}) == "4"; compact_size({4, 2}) == "4 x 2".
std::string compact_size(const std::vector<int64_t>& values);

/// A per-axis parameter as the --k option takes it: "4" or "4x2".
std::string axis_value_text(const std::vector<int64_t>& values);

/// Columns of a table, laid out as aligned text: every cell padded to its column's widest cell,
/// columns separated by two spaces, numbers (cells of digits) right-aligned and everything
/// else left-aligned, each line starting with `indent` spaces and without trailing spaces.
std::vector<std::string> text_table(const std::vector<std::vector<std::string>>& rows,
                                    int64_t indent);

/// A GitHub-flavoured Markdown pipe table: a header row, the separator, then one row per entry.
/// Pipes inside cells are escaped.
std::string markdown_table(const std::vector<std::string>& header,
                           const std::vector<std::vector<std::string>>& rows);

/// The PyTorch module call for one layer with one channel in and out, defaults omitted:
/// "nn.ConvTranspose2d(1, 1, kernel_size=4, stride=2, padding=1)". `transposed` false gives the
/// forward nn.Conv1d/2d with the same kernel_size, stride, padding and dilation (no
/// output_padding). Per-axis values that differ are written as tuples: kernel_size=(3, 1).
std::string torch_module_call(const std::vector<AxisParams>& axes, bool transposed);

/// The module call of a layer with its channels, defaults omitted:
/// "nn.ConvTranspose2d(16, 32, kernel_size=4, stride=2, padding=1, groups=4)", with
/// ", bias=False" when it has no bias. `transposed` false gives the convolution the layer is the
/// transpose of, with the same weight tensor: nn.Conv2d(out_channels, in_channels, ..., groups)
/// (its bias, if any, would have in_channels values, so none is written).
std::string torch_module_call(const std::vector<AxisParams>& axes, bool transposed,
                              const LayerChannels& channels);

/// A layer's channels and counts as JSON members, in this order: "in_channels", "out_channels",
/// "groups", "bias" (true/false), "weight_shape", "weights", "bias_values", "parameters",
/// "output_shape", "output_values" (two lines, the second indented for a layer object).
std::string layer_count_members(const LayerCount& count);

/// A tensor shape as PyTorch prints its sizes: "[16, 8, 4, 4]".
std::string tensor_shape_text(const std::vector<int64_t>& shape);

/// A layer's parameters in the chain's token syntax, defaults omitted: "k4s2p1", "k3x1s2op1".
std::string layer_token(const std::vector<AxisParams>& axes);

}  // namespace convt
