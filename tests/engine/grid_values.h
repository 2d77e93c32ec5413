// Grids as plain nested vectors and strings, so that tests compare them with EXPECT_EQ and
// gtest prints both sides on failure.
#pragma once

#include <string>
#include <vector>

#include "convt/grid.h"

namespace convt::testing {

/// Every value of `grid`, row by row (sparse grids included: absent entries are 0).
inline std::vector<std::vector<double>> values_of(const Grid& grid) {
  std::vector<std::vector<double>> out(static_cast<size_t>(grid.rows()));
  for (int64_t r = 0; r < grid.rows(); ++r)
    for (int64_t c = 0; c < grid.cols(); ++c)
      out[static_cast<size_t>(r)].push_back(grid.value(r, c));
  return out;
}

/// One letter per CellKind: d data, m matrix zero, s stride zero, p padding zero,
/// l dilation zero, c cropped, k kept by output_padding, a added zero.
inline char kind_letter(CellKind kind) {
  switch (kind) {
    case CellKind::kData:
      return 'd';
    case CellKind::kMatrixZero:
      return 'm';
    case CellKind::kStrideZero:
      return 's';
    case CellKind::kPaddingZero:
      return 'p';
    case CellKind::kDilationZero:
      return 'l';
    case CellKind::kCropped:
      return 'c';
    case CellKind::kKeptByOutputPadding:
      return 'k';
    case CellKind::kAddedZero:
      return 'a';
  }
  return '?';
}

/// The kinds of `grid` as one string of kind_letter()s per row.
inline std::vector<std::string> kinds_of(const Grid& grid) {
  std::vector<std::string> out(static_cast<size_t>(grid.rows()));
  for (int64_t r = 0; r < grid.rows(); ++r)
    for (int64_t c = 0; c < grid.cols(); ++c)
      out[static_cast<size_t>(r)] += kind_letter(grid.kind(r, c));
  return out;
}

}  // namespace convt::testing
