// The parameters of one transposed convolution layer, as PyTorch's nn.ConvTranspose1d/2d/3d takes
// them: spatial sizes per axis, channels, groups and bias.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "convt/messages.h"

namespace convt {

/// The parameters of one spatial axis.
struct AxisParams {
  int64_t n = 1;   ///< input size, >= 1
  int64_t k = 1;   ///< kernel size, >= 1
  int64_t s = 1;   ///< stride, >= 1. Default: 1
  int64_t p = 0;   ///< padding, >= 0. Default: 0
  int64_t d = 1;   ///< dilation, >= 1. Default: 1
  int64_t op = 0;  ///< output_padding, >= 0 and < max(s, d). Default: 0

  friend bool operator==(const AxisParams&, const AxisParams&) = default;
};

/// Everything `convt explain` needs to derive one layer.
struct Params {
  /// 1 (ConvTranspose1d), 2 (ConvTranspose2d) or 3 (ConvTranspose3d). Default: 2.
  int dims = 2;
  /// One entry per axis: depth, rows, cols for dims == 3; rows then columns for dims == 2; a
  /// single entry for dims == 1.
  std::vector<AxisParams> axes = {AxisParams{}, AxisParams{}};
  /// in_channels, out_channels and groups of the layer, each >= 1; groups divides both channel
  /// counts. Default: 1 each.
  int64_t in_channels = 1;
  int64_t out_channels = 1;
  int64_t groups = 1;
  /// The weight tensor in PyTorch's storage order [in][out/groups][k...] (row-major), in *
  /// (out/groups) * prod(k) values; empty means the default 1, 2, ... over the whole tensor.
  std::vector<double> kernel;
  /// The input tensor [in][n...] (row-major), in * prod(n) values; empty means the default
  /// 1, 2, ... over the whole tensor.
  std::vector<double> input;
  /// One bias value per output channel, added after the crop; nullopt means bias=False.
  std::optional<std::vector<double>> bias;

  /// True for more than the one-channel, bias-free 1-D or 2-D problem: channels, groups, bias
  /// or a third axis. Such a layer is derived tensor by tensor (Stage::slices); the simple
  /// problem keeps one grid per stage (Stage::grid).
  bool whole_layer() const {
    return in_channels != 1 || out_channels != 1 || groups != 1 || bias.has_value() || dims == 3;
  }
};

/// Size limits that keep every run small. Default: 1e6 cells.
struct Limits {
  /// The most cells a grid may be rendered densely with. Larger grids are elided in text and
  /// written as a sparse list of non-zeros in JSON.
  int64_t max_cells = 1'000'000;
  /// The most non-zeros the engine holds for the sparse conv matrix C (and C^T): 8 * max_cells,
  /// so that n = 256, k = 4 (1,048,576 non-zeros) fits the default. A non-zero costs about 32
  /// bytes (C and C^T). Larger parameters are refused before anything is allocated.
  int64_t max_stored() const { return scaled(kSparseFactor); }
  /// The most cells the engine holds densely for any other stage: 2 * max_cells. A cell of the
  /// F-grid costs about 80 bytes (eight F-sized grids are alive at once), so this bounds memory
  /// like max_stored() does.
  int64_t max_dense() const { return scaled(kDenseFactor); }
  /// max_cells * factor, saturating instead of overflowing.
  int64_t scaled(int64_t factor) const {
    return max_cells > INT64_MAX / factor ? INT64_MAX : max_cells * factor;
  }

  static constexpr int64_t kSparseFactor = 8;
  static constexpr int64_t kDenseFactor = 2;
  /// The largest --max-cells: keeps the worst case near 1 GB of memory (see docs/limits.md).
  static constexpr int64_t kMaxCellsCap = 2'500'000;
  /// The most products x_i * w_j a --symbolic derivation writes: prod(n) * prod(k), the terms
  /// of all the sums of one route. Beyond it the sums are too long to read (docs/limits.md).
  static constexpr int64_t kMaxSymbolicProducts = 10'000;
};

/// The most channels (and groups) a layer may have: 4096, beyond any real layer; the size limits
/// above bound what a layer with many channels may hold.
inline constexpr int64_t kMaxChannels = 4096;

/// Builds the parameters of a square problem on every axis of `dims`.
Params square_params(int dims, int64_t n, int64_t k, int64_t s = 1, int64_t p = 0, int64_t d = 1,
                     int64_t op = 0);

/// Parses a per-axis size such as "3" (every axis) or "3x2" (rows x cols) for the option named
/// `option`. Each value is a whole number >= `min_value` and <= 2^31-1; `what` names the
/// quantity in messages (kWordKernelSize: "kernel size"). Returns `dims` values.
/// Throws Error, e.g. "--k: kernel size must be a whole number >= 1, got '0'".
std::vector<int64_t> parse_axis_values(const std::string& text, const std::string& option,
                                       MsgId what, int64_t min_value, int dims);

/// Parses a whole number in [min_value, max_value] for the option `option`, e.g. --width;
/// `what` names the quantity (kWordOutputWidth).
/// Throws Error "--width: output width must be a whole number from 20 to 100000, got 'x'".
int64_t parse_bounded(const std::string& text, const std::string& option, MsgId what,
                      int64_t min_value, int64_t max_value);

/// Parses a list of real numbers separated by commas and/or white space ("1, -2.5 3e-2").
/// Throws Error naming `option` for anything that is not a finite number.
std::vector<double> parse_value_list(const std::string& text, const std::string& option);

}  // namespace convt
