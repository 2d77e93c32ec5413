// Building Params in tests: the axes given, as many dims as axes.
#pragma once

#include <utility>
#include <vector>

#include "convt/params.h"

namespace convt::testing {

/// Params with `axes` (one AxisParams per axis) and dims = axes.size().
inline Params params_of(std::vector<AxisParams> axes) {
  Params p;
  p.dims = static_cast<int>(axes.size());
  p.axes = std::move(axes);
  return p;
}

}  // namespace convt::testing
