// The parameters of one transposed convolution, as PyTorch's nn.ConvTranspose1d/2d takes them
// (one input channel, one output channel, no bias).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

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
  /// 1 (ConvTranspose1d) or 2 (ConvTranspose2d). Default: 2.
  int dims = 2;
  /// One entry per axis: rows then columns for dims == 2, a single entry for dims == 1.
  std::vector<AxisParams> axes = {AxisParams{}, AxisParams{}};
  /// Kernel values, row-major, prod(k) of them; empty means the default 1, 2, ..., prod(k).
  std::vector<double> kernel;
  /// Input values, row-major, prod(n) of them; empty means the default 1, 2, ..., prod(n).
  std::vector<double> input;
};

/// Size limits that keep every run small. Default: 1e6 cells.
struct Limits {
  /// The most cells a grid may be rendered densely with. Larger grids are elided in text and
  /// written as a sparse list of non-zeros in JSON.
  int64_t max_cells = 1'000'000;
  /// The most entries (dense cells, or non-zeros of a sparse matrix) the engine holds for one
  /// stage: 8 * max_cells. Larger parameters are refused before anything is allocated.
  int64_t max_stored() const { return max_cells * 8; }
};

/// Builds the parameters of a square problem on every axis of `dims`.
Params square_params(int dims, int64_t n, int64_t k, int64_t s = 1, int64_t p = 0,
                     int64_t d = 1, int64_t op = 0);

/// Parses a per-axis size such as "3" (every axis) or "3x2" (rows x cols) for the option named
/// `option`. Each value is a whole number >= `min_value` and <= 2^31-1; `rule` names the
/// quantity in messages ("kernel size"). Returns `dims` values.
/// Throws Error, e.g. "--k: kernel size must be a whole number >= 1, got '0'".
std::vector<int64_t> parse_axis_values(const std::string& text, const std::string& option,
                                       const std::string& rule, int64_t min_value, int dims);

/// Parses a whole number in [min_value, max_value] for the option `option`, e.g. --width.
/// Throws Error "--width: output width must be a whole number from 20 to 100000, got 'x'".
int64_t parse_bounded(const std::string& text, const std::string& option, const std::string& what,
                      int64_t min_value, int64_t max_value);

/// Parses a list of real numbers separated by commas and/or white space ("1, -2.5 3e-2").
/// Throws Error naming `option` for anything that is not a finite number.
std::vector<double> parse_value_list(const std::string& text, const std::string& option);

}  // namespace convt
