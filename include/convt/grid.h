// A two-dimensional grid of numbers with a kind per cell: the data every stage carries.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "convt/symbolic.h"

namespace convt {

/// Where a cell's value comes from. Renderers mark every kind but kData so that structural
/// zeros are never mistaken for data.
enum class CellKind : uint8_t {
  kData,                 ///< an input, kernel or computed value
  kMatrixZero,           ///< a zero of C or C^T: no kernel tap connects this row and column
  kStrideZero,           ///< a zero inserted between input cells (s-1 per gap)
  kPaddingZero,          ///< a zero of the d(k-1) border added before the direct convolution
  kDilationZero,         ///< a zero between dilated kernel taps (d-1 per gap)
  kCropped,              ///< an F-grid cell removed by padding (p at the start, p-op at the end)
  kKeptByOutputPadding,  ///< a computed cell kept only because output_padding > 0
  kAddedZero,            ///< an output cell past the F grid: a zero added by output_padding > p
};

/// How the rows (or columns) of a grid are labelled.
struct AxisLabels {
  /// kIndex: 0, 1, 2, ...; kCoords: the index i is the flattened (row-major) cell of another
  /// tensor, e.g. the rows of C are the input cells (a,b), or (c,a,b) with channels.
  enum class Style : uint8_t { kIndex, kCoords };
  Style style = Style::kIndex;
  /// For kCoords: the extents of the enumerated tensor's axes after the first, so that
  /// i = ((c0 * inner[0] + c1) * inner[1] + c2) ...: {n1} gives (i / n1, i % n1).
  std::vector<int64_t> inner = {1};

  /// The coordinates of index i: {i} for kIndex, inner.size() + 1 of them for kCoords.
  std::vector<int64_t> coords(int64_t i) const;
  /// The label of index i: "3", "(0,3)" or "(1,0,3)".
  std::string label(int64_t i) const;
};

/// A rows x cols grid. Dense grids store every value and kind; sparse grids (the conv matrix and
/// its transpose) store only their entries in compressed-row form and report every other cell
/// as a 0 of kind kMatrixZero.
class Grid {
 public:
  Grid() = default;
  /// A dense grid filled with `fill` of kind `kind`.
  Grid(int64_t rows, int64_t cols, double fill = 0.0, CellKind kind = CellKind::kData);

  /// A sparse grid. REQUIRES: row_start.size() == rows + 1, non-decreasing; within a row the
  /// columns are strictly increasing and < cols.
  static Grid sparse(int64_t rows, int64_t cols, std::vector<int64_t> row_start,
                     std::vector<int64_t> col_index, std::vector<double> values);

  int64_t rows() const { return rows_; }
  int64_t cols() const { return cols_; }
  int64_t cells() const { return rows_ * cols_; }
  bool is_sparse() const { return sparse_; }
  /// The number of stored entries: every cell when dense, the entries when sparse.
  int64_t stored() const;

  // Inline: render loops and routes call these once per cell.
  double value(int64_t r, int64_t c) const {
    return sparse_ ? sparse_value(r, c) : values_[static_cast<size_t>(r * cols_ + c)];
  }
  CellKind kind(int64_t r, int64_t c) const {
    return sparse_ ? sparse_kind(r, c) : kinds_[static_cast<size_t>(r * cols_ + c)];
  }
  /// Dense only.
  void set(int64_t r, int64_t c, double v, CellKind kind = CellKind::kData);
  void set_kind(int64_t r, int64_t c, CellKind kind);
  double& at(int64_t r, int64_t c) { return values_[static_cast<size_t>(r * cols_ + c)]; }

  /// Replaces every stored value v (every cell when dense, every entry when sparse) by f(v);
  /// kinds and expressions stay. derive() uses it to turn whole-number units back into
  /// decimals and to round values for display.
  template <typename F>
  void update_values(F&& f) {
    for (double& v : values_) v = f(v);
  }

  /// The dense values, row-major. Dense only.
  const std::vector<double>& dense_values() const { return values_; }

  /// Calls f(col, value) for each stored entry of row r of a sparse grid, by column: every
  /// other cell of the row is a 0 of kind kMatrixZero. REQUIRES: is_sparse().
  template <typename F>
  void for_each_in_row(int64_t r, F&& f) const {
    for (int64_t e = row_start_[static_cast<size_t>(r)]; e < row_start_[static_cast<size_t>(r + 1)];
         ++e)
      f(col_index_[static_cast<size_t>(e)], values_[static_cast<size_t>(e)]);
  }

  /// Calls f(row, col, value) for each stored entry of a sparse grid, row by row, or for each
  /// cell of a dense grid whose value is not zero.
  template <typename F>
  void for_each_entry(F&& f) const {
    if (sparse_) {
      for (int64_t r = 0; r < rows_; ++r)
        for (int64_t e = row_start_[r]; e < row_start_[r + 1]; ++e)
          f(r, col_index_[static_cast<size_t>(e)], values_[static_cast<size_t>(e)]);
    } else {
      for (int64_t r = 0; r < rows_; ++r)
        for (int64_t c = 0; c < cols_; ++c) {
          double v = values_[static_cast<size_t>(r * cols_ + c)];
          if (v != 0.0) f(r, c, v);
        }
    }
  }

  /// The number of cells whose value is not zero.
  int64_t nonzeros() const;

  // Symbols (--symbolic): a grid may carry an expression per cell (dense) or per entry
  // (sparse) beside its values. Routes compute them alongside the numbers when their inputs
  // carry them.

  /// Whether the grid carries expressions.
  bool symbolic() const { return symbolic_; }
  /// Gives every cell (dense) or entry (sparse) the expression 0, to be filled in.
  void make_symbolic();
  /// The expression of cell (r, c): 0 for a cell a sparse grid does not store.
  /// REQUIRES: symbolic().
  const Expr& expr(int64_t r, int64_t c) const;
  /// The expression of cell (r, c) of a dense grid, to be changed. REQUIRES: symbolic().
  Expr& expr_at(int64_t r, int64_t c) { return exprs_[static_cast<size_t>(r * cols_ + c)]; }
  /// The expression of stored entry e of a sparse grid (entries numbered row by row).
  /// REQUIRES: symbolic().
  const Expr& entry_expr(int64_t e) const { return exprs_[static_cast<size_t>(e)]; }
  Expr& entry_expr_at(int64_t e) { return exprs_[static_cast<size_t>(e)]; }
  /// Calls f(row, col, entry) for each stored entry of a sparse grid, row by row.
  template <typename F>
  void for_each_stored(F&& f) const {
    for (int64_t r = 0; r < rows_; ++r)
      for (int64_t e = row_start_[static_cast<size_t>(r)];
           e < row_start_[static_cast<size_t>(r + 1)]; ++e)
        f(r, col_index_[static_cast<size_t>(e)], e);
  }

  AxisLabels row_labels;
  AxisLabels col_labels;

 private:
  int64_t find_entry(int64_t r, int64_t c) const;  // binary search within row r, or -1
  double sparse_value(int64_t r, int64_t c) const;
  CellKind sparse_kind(int64_t r, int64_t c) const;

  int64_t rows_ = 0;
  int64_t cols_ = 0;
  bool sparse_ = false;
  bool symbolic_ = false;
  std::vector<double> values_;      // dense: rows*cols; sparse: one per entry
  std::vector<CellKind> kinds_;     // dense only
  std::vector<int64_t> row_start_;  // sparse only
  std::vector<int64_t> col_index_;  // sparse only
  std::vector<Expr> exprs_;         // symbolic only: like values_
};

}  // namespace convt
