#include "convt/grid.h"

#include <algorithm>
#include <utility>

namespace convt {

std::vector<int64_t> AxisLabels::coords(int64_t i) const {
  if (style == Style::kIndex) return {i};
  std::vector<int64_t> out(inner.size() + 1);
  for (size_t a = inner.size(); a > 0; --a) {
    out[a] = i % inner[a - 1];
    i /= inner[a - 1];
  }
  out[0] = i;
  return out;
}

std::string AxisLabels::label(int64_t i) const {
  if (style == Style::kIndex) return std::to_string(i);
  std::string out = "(";
  for (int64_t c : coords(i)) out += (out.size() > 1 ? "," : "") + std::to_string(c);
  return out + ")";
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

/// The position of (r, c) among the stored entries, or -1. Most cells a renderer asks about
/// lie outside their row's span of columns (C's rows hold one kernel), so that is tested first.
int64_t Grid::find_entry(int64_t r, int64_t c) const {
  const int64_t begin = row_start_[static_cast<size_t>(r)];
  const int64_t end = row_start_[static_cast<size_t>(r + 1)];
  if (begin == end || c < col_index_[static_cast<size_t>(begin)] ||
      c > col_index_[static_cast<size_t>(end - 1)])
    return -1;
  auto first = col_index_.begin() + begin;
  auto last = col_index_.begin() + end;
  auto it = std::lower_bound(first, last, c);
  if (it == last || *it != c) return -1;
  return it - col_index_.begin();
}

double Grid::sparse_value(int64_t r, int64_t c) const {
  const int64_t e = find_entry(r, c);
  return e < 0 ? 0.0 : values_[static_cast<size_t>(e)];
}

CellKind Grid::sparse_kind(int64_t r, int64_t c) const {
  return find_entry(r, c) < 0 ? CellKind::kMatrixZero : CellKind::kData;
}

void Grid::set(int64_t r, int64_t c, double v, CellKind kind) {
  size_t i = static_cast<size_t>(r * cols_ + c);
  values_[i] = v;
  kinds_[i] = kind;
}

void Grid::set_kind(int64_t r, int64_t c, CellKind kind) {
  kinds_[static_cast<size_t>(r * cols_ + c)] = kind;
}

void Grid::make_symbolic() {
  symbolic_ = true;
  exprs_.assign(values_.size(), Expr{});
}

const Expr& Grid::expr(int64_t r, int64_t c) const {
  static const Expr kZero;
  if (!sparse_) return exprs_[static_cast<size_t>(r * cols_ + c)];
  const int64_t e = find_entry(r, c);
  return e < 0 ? kZero : exprs_[static_cast<size_t>(e)];
}

int64_t Grid::nonzeros() const {
  int64_t count = 0;
  for_each_entry([&](int64_t, int64_t, double v) { count += v != 0.0; });
  return count;
}

}  // namespace convt
