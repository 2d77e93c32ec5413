// TensorFlow/Keras' Conv2DTranspose next to PyTorch's ConvTranspose2d: the output sizes of
// padding='same' and 'valid' for the same kernel size, stride and input, and which cells of the
// uncropped F-grid each keeps. Keras 'same' crops floor((k-s)/2) at the start and the rest at the
// end; PyTorch crops p at the start and p - output_padding at the end, so when k - s is odd no
// PyTorch padding keeps Keras' cells: the result is shifted by one pixel.
#pragma once

#include <cstdint>
#include <vector>

#include "convt/params.h"
#include "convt/shape.h"

namespace convt {

/// The cells a layer keeps: full[start : start + size] in Python's slice notation. Cells at or
/// past F are zeros (PyTorch output_padding > p, or Keras with a kernel smaller than the stride).
struct Window {
  int64_t start = 0;
  int64_t size = 0;
  int64_t end() const { return start + size; }
  friend bool operator==(const Window&, const Window&) = default;
};

/// One axis compared.
struct TfAxis {
  AxisShape shape;    ///< PyTorch's sizes; shape.in holds the parameters
  int64_t k_eff = 1;  ///< the dilated kernel size d(k-1) + 1 (k when d = 1)
  Window pytorch;     ///< full[p : p + m]
  /// Keras padding='valid': n*s + max(k_eff - s, 0) cells from the start of the F-grid.
  Window valid;
  /// Keras padding='same': n*s cells starting at floor(max(k_eff - s, 0) / 2).
  Window same;
  int64_t same_end_crop = 0;  ///< F - same.end(): cells 'same' drops at the end (< 0: zeros added)
  /// The PyTorch padding and output_padding that give Keras' sizes, with the rest of `shape.in`:
  /// 'valid' is always p = 0, output_padding = max(s - k_eff, 0) (the same cells); 'same' is
  /// p = ceil(max(k_eff - s, 0) / 2) with the output_padding that completes n*s, (k_eff - s) mod 2
  /// or s - k_eff. PyTorch accepts that output_padding unless it is >= max(s, d)
  /// (same_possible false: stride 1, d = 1 and an even k).
  AxisParams for_valid;
  AxisParams for_same;
  bool same_possible = true;
};

/// The whole comparison, one entry per axis of the parameters.
struct TfComparison {
  int dims = 2;
  std::vector<TfAxis> axes;
};

/// Compares `params` with Keras. REQUIRES: `shapes` from validate_params / validate_sizes.
TfComparison compare_tf(const Params& params, const std::vector<AxisShape>& shapes);

}  // namespace convt
