#include "convt/grid.h"

#include <algorithm>
#include <utility>

namespace convt {

std::string AxisLabels::label(int64_t i) const {
  if (style == Style::kIndex) return std::to_string(i);
  return "(" + std::to_string(i / width) + "," + std::to_string(i % width) + ")";
}

Grid::Grid(int64_t rows, int64_t cols, double fill, CellKind kind)
    : rows_(rows),
      cols_(cols),
      values_(static_cast<size_t>(rows * cols), fill),
      kinds_(static_cast<size_t>(rows * cols), kind) {}

Grid Grid::sparse(int64_t rows, int64_t cols, std::vector<int64_t> row_start,
                  std::vector<int64_t> col_index, std::vector<double> values) {
  Grid grid;
  grid.rows_ = rows;
  grid.cols_ = cols;
  grid.sparse_ = true;
  grid.row_start_ = std::move(row_start);
  grid.col_index_ = std::move(col_index);
  grid.values_ = std::move(values);
  return grid;
}

int64_t Grid::stored() const { return static_cast<int64_t>(values_.size()); }

double Grid::sparse_value(int64_t r, int64_t c) const {
  auto first = col_index_.begin() + row_start_[static_cast<size_t>(r)];
  auto last = col_index_.begin() + row_start_[static_cast<size_t>(r + 1)];
  auto it = std::lower_bound(first, last, c);
  if (it == last || *it != c) return 0.0;
  return values_[static_cast<size_t>(it - col_index_.begin())];
}

CellKind Grid::sparse_kind(int64_t r, int64_t c) const {
  auto first = col_index_.begin() + row_start_[static_cast<size_t>(r)];
  auto last = col_index_.begin() + row_start_[static_cast<size_t>(r + 1)];
  return std::binary_search(first, last, c) ? CellKind::kData : CellKind::kMatrixZero;
}

void Grid::set(int64_t r, int64_t c, double v, CellKind kind) {
  size_t i = static_cast<size_t>(r * cols_ + c);
  values_[i] = v;
  kinds_[i] = kind;
}

void Grid::set_kind(int64_t r, int64_t c, CellKind kind) {
  kinds_[static_cast<size_t>(r * cols_ + c)] = kind;
}

int64_t Grid::nonzeros() const {
  int64_t count = 0;
  for_each_entry([&](int64_t, int64_t, double v) { count += v != 0.0; });
  return count;
}

}  // namespace convt
