// Output helpers shared by the shape tools (convt shape, solve, chain): the output format, JSON
// literals, compact per-axis sizes and aligned tables. Pure: they return strings.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "convt/params.h"
#include "convt/render_shape_tools.h"

namespace convt {


/// A JSON string literal: quotes, backslashes and control characters escaped.
std::string json_string(std::string_view text);

/// A JSON array of whole numbers: [1,2].
std::string json_ints(const std::vector<int64_t>& values);

/// A per-axis size, compact: "4" when every axis has the same value, "4 x 2" otherwise.
/// **Example**: compact_size({4, 4}) == "4"; compact_size({4, 2}) == "4 x 2".
std::string compact_size(const std::vector<int64_t>& values);

/// A per-axis parameter as the --k option takes it: "4" or "4x2".
std::string axis_value_text(const std::vector<int64_t>& values);

/// The per-axis values of `field` over `axes`.
std::vector<int64_t> axis_field(const std::vector<AxisParams>& axes, int64_t AxisParams::*field);

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

/// A layer's parameters in the chain's token syntax, defaults omitted: "k4s2p1", "k3x1s2op1".
std::string layer_token(const std::vector<AxisParams>& axes);

}  // namespace convt
