// The forward convolution's output size by brute force, for the tests of the shape tools.
#pragma once

#include <cstdint>

#include "convt/params.h"

namespace convt::testing {

/// The output size of the forward convolution with axis `a`'s k, s, p and d on an input of
/// `size`, counted: the window positions i = 0, 1, ... whose last tap i*s + d(k-1) still lies
/// inside the padded input of size + 2p. Shares no code with the engine's formula.
inline int64_t brute_forward_size(const AxisParams& a, int64_t size) {
  int64_t count = 0;
  for (int64_t i = 0; i * a.s + a.d * (a.k - 1) <= size + 2 * a.p - 1; ++i) ++count;
  return count;
}

}  // namespace convt::testing
