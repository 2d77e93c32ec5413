// `convt shape`: the size arithmetic of one transposed convolution per axis, the forward
// convolution's check (which input sizes it maps back to n, and why output_padding exists),
// whether a claimed output size is reachable, and the layer's weight shape, parameter count and
// output size with its channels.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "convt/params.h"
#include "convt/shape.h"
#include "convt/tf_compare.h"

namespace convt {

/// The size options as typed (--n, --k, --s, --p, --d, --op, --dims), the same as explain's.
struct SizeOptionText {
  std::string n, k, s = "1", p = "0", d = "1", op = "0", dims = "2";
};

/// Parses the size options into Params (no values): --dims from 1 to `max_dims` (3 for
/// explain, 2 for the shape tools), each size in explain's syntax ("3", or per axis "3x2",
/// "3x2x2"), with explain's per-option errors. Does not judge the combined rules.
Params parse_size_options(const SizeOptionText& text, int max_dims = 3);

/// Parses a channel count or a number of groups for `option` (--in-channels, --out-channels,
/// --groups, or a chain layer's label): a whole number from 1 to kMaxChannels; `what` names the
/// quantity (kWordInChannels, kWordOutChannels, kWordGroups).
/// Throws Error kErrRange, e.g. "--groups: the number of groups must be a whole number from 1 to
/// 4096, got '0'".
int64_t parse_channel_count(const std::string& text, const std::string& option, MsgId what);

/// The channels of one layer, as PyTorch's nn.ConvTranspose2d(in_channels, out_channels, ...,
/// groups, bias) takes them.
struct LayerChannels {
  int64_t in_channels = 1;
  int64_t out_channels = 1;
  int64_t groups = 1;
  bool bias = true;  ///< bias=True is PyTorch's default, and the shape tools'

  friend bool operator==(const LayerChannels&, const LayerChannels&) = default;
};

/// What one layer stores and produces, for one example (batch size 1).
struct LayerCount {
  LayerChannels channels;
  std::vector<int64_t> weight_shape;  ///< [in_channels, out_channels/groups, k...]
  int64_t weights = 0;                ///< in_channels * (out_channels/groups) * prod(k)
  int64_t bias_values = 0;            ///< out_channels with bias, 0 without
  int64_t parameters = 0;             ///< weights + bias_values
  std::vector<int64_t> output_shape;  ///< [out_channels, m...]
  int64_t output_values = 0;          ///< out_channels * prod(m): the layer's activation size
};

/// Judges `channels` by explain's rules (validate_params: groups divides both channel counts)
/// and counts the weights, parameters and output values of a layer whose axes have `shapes`.
/// Throws Error with explain's message for a broken rule, and kErrOverflow naming --k (weights)
/// or --n (output values) when a count does not fit in 64 bits.
/// **Example**: ConvTranspose2d(16, 32, 4, groups=4) on 8 x 8: weight [16, 8, 4, 4], 2048
/// weights + 32 bias values = 2080 parameters.
LayerCount count_layer(const LayerChannels& channels, const std::vector<AxisShape>& shapes);

/// Judges `params` by explain's rules that involve several fields (output_padding < max(s, d),
/// m >= 1; validate_params), axis by axis, without the grid limits of explain: the shape tools
/// build no grids, so sizes are limited only by 64-bit arithmetic. Returns one shape per axis.
/// Throws Error with explain's messages (naming " (rows)" / " (cols)" when the axes differ, like
/// explain).
std::vector<AxisShape> validate_sizes(const Params& params);

/// The output size of the forward convolution nn.Conv1d/2d with the axis's k, s, p, d on an
/// input of `size` cells: floor((size + 2p - d(k-1) - 1) / s) + 1, or nullopt when the padded
/// input is shorter than the dilated kernel (size + 2p < d(k-1) + 1).
std::optional<int64_t> forward_conv_size(const AxisParams& axis, int64_t size);

/// True when the short form m = (n-1)s - 2p + k does not describe every axis (some d != 1 or
/// output_padding != 0), so the general form is written.
bool needs_general_form(const std::vector<AxisParams>& axes);

/// The rule: "m = (n-1)s - 2p + k", or the general "m = (n-1)s - 2p + d(k-1) + output_padding + 1".
std::string output_rule(bool general);

/// The rule with the axis's numbers: "m = (2-1)*2 - 2*1 + 2 = 2", or in the general form
/// "m = (2-1)*2 - 2*1 + 1*(3-1) + 1 + 1 = 4" (the same lines as explain's formula stage).
std::string output_equation(const AxisShape& shape, bool general);

/// The uncropped size with the axis's numbers: "F = (n-1)s + k = (4-1)*2 + 3 = 9", or
/// "F = (n-1)s + d(k-1) + 1 = (4-1)*2 + 2*(3-1) + 1 = 11" in the general form.
std::string full_equation(const AxisShape& shape, bool general);

/// The forward rule: "n = floor((m + 2p - k)/s) + 1", or with d(k-1) + 1 in the general form.
std::string forward_rule(bool general);

/// The forward rule with the numbers for an input of `size`:
/// "floor((3 + 2*1 - 2)/2) + 1 = 2". REQUIRES: forward_conv_size(axis, size) has a value.
std::string forward_equation(const AxisParams& axis, int64_t size, bool general);

/// One size the forward convolution maps back, with its image.
struct ForwardImage {
  int64_t size = 0;  ///< an input size of the forward convolution
  int64_t n = 0;     ///< what it maps to: forward_conv_size(axis, size)
};

/// A claimed output size (`--m`) checked against one axis.
struct ClaimCheck {
  int64_t m = 0;           ///< the claimed size
  bool reachable = false;  ///< some output_padding < max(s, d) gives m with this k, s, p, d
  int64_t op = 0;          ///< that output_padding, m - base (when reachable)
  /// What the forward convolution maps m to (when it can take m at all); equals n exactly when
  /// op < s.
  std::optional<int64_t> forward;
  /// When not reachable: the smallest padding (with its output_padding) that gives m with the
  /// same k, s, d, if any: p' = max(0, ceil((F - m)/2)), op' = m - F + 2p' < max(s, d).
  std::optional<int64_t> other_p, other_op;
};

/// The report of one axis.
struct ShapeAxis {
  AxisShape shape;       ///< F, m, ... (m includes output_padding)
  int64_t base = 0;      ///< m without output_padding: (n-1)s - 2p + d(k-1) + 1 (may be < 1)
  int64_t op_limit = 1;  ///< max(s, d): output_padding must be smaller
  /// The sizes the forward convolution maps back to n: max(base, 1) .. base + s - 1.
  int64_t back_first = 0, back_last = 0;
  /// Those sizes with their images (all n), at most 8: the first 6 and the last 2 otherwise.
  std::vector<ForwardImage> listed;
  /// What the forward convolution maps m itself to (n unless output_padding >= s).
  std::optional<int64_t> forward_of_m;
  std::optional<ClaimCheck> claim;  ///< present with --m
};

/// Everything `convt shape` prints.
struct ShapeReport {
  Params params;                   ///< with in_channels, out_channels and groups
  std::vector<ShapeAxis> axes;     ///< one per axis of params
  LayerCount layer;                ///< weight shape, parameter count, output values
  std::optional<TfComparison> tf;  ///< with --compare tf
  std::vector<int64_t> output_size() const;
  std::vector<int64_t> full_size() const;
};

/// What to report.
struct ShapeOptions {
  std::vector<int64_t> claimed;  ///< --m per axis; empty: no claim
  bool compare_tf = false;       ///< --compare tf
  bool bias = true;              ///< --bias yes|no: whether the layer has a bias (PyTorch: yes)
};

/// Builds the report. Judges `params` by explain's rules (validate_params: output_padding <
/// max(s, d), m >= 1, groups divides the channels) but builds no grids, so sizes are limited
/// only by 64-bit arithmetic. params.bias is ignored (options.bias says whether there is one).
/// Throws Error with explain's messages.
ShapeReport shape_report(const Params& params, const ShapeOptions& options = {});

}  // namespace convt
