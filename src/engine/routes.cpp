#include "engine/routes.h"

#include <cmath>
#include <utility>
#include <vector>

namespace convt {

AxisShape trivial_axis_shape() { return axis_shape(AxisParams{}); }

Grid value_grid(int64_t rows, int64_t cols, const std::vector<double>& values) {
  Grid grid(rows, cols);
  for (int64_t r = 0; r < rows; ++r)
    for (int64_t c = 0; c < cols; ++c) {
      int64_t i = r * cols + c;
      grid.at(r, c) = values.empty() ? static_cast<double>(i + 1) : values[static_cast<size_t>(i)];
    }
  return grid;
}

void attach_symbols(Grid& grid, SymbolRole role) {
  grid.make_symbolic();
  for (int64_t r = 0; r < grid.rows(); ++r)
    for (int64_t c = 0; c < grid.cols(); ++c) {
      const auto index = static_cast<int32_t>(r * grid.cols() + c);
      grid.expr_at(r, c) = {role == SymbolRole::kInput ? Term{index, -1} : Term{-1, index}};
    }
}

Grid conv_matrix(const Grid& kernel, const Shape2& shape) {
  const AxisParams& A = shape[0].in;
  const AxisParams& B = shape[1].in;
  const int64_t taps = A.k * B.k;
  const int64_t rows = A.n * B.n;
  const int64_t f1 = shape[1].full;
  std::vector<int64_t> row_start(static_cast<size_t>(rows + 1));
  std::vector<int64_t> col_index;
  std::vector<double> values;
  col_index.reserve(static_cast<size_t>(rows * taps));
  values.reserve(static_cast<size_t>(rows * taps));
  for (int64_t a = 0; a < A.n; ++a)
    for (int64_t b = 0; b < B.n; ++b) {
      row_start[static_cast<size_t>(a * B.n + b)] = static_cast<int64_t>(values.size());
      // Columns increase with (u, v): b*s1 + v*d1 < F1, so u dominates.
      for (int64_t u = 0; u < A.k; ++u)
        for (int64_t v = 0; v < B.k; ++v) {
          col_index.push_back((a * A.s + u * A.d) * f1 + (b * B.s + v * B.d));
          values.push_back(kernel.value(u, v));
        }
    }
  row_start[static_cast<size_t>(rows)] = static_cast<int64_t>(values.size());
  Grid c = Grid::sparse(rows, shape[0].full * f1, std::move(row_start), std::move(col_index),
                        std::move(values));
  if (kernel.symbolic()) {
    // Entry e of row (a,b) is tap e mod k0*k1, stored in (u, v) order as above.
    c.make_symbolic();
    for (int64_t e = 0; e < c.stored(); ++e) {
      const int64_t tap = e % taps;
      c.entry_expr_at(e) = kernel.expr(tap / B.k, tap % B.k);
    }
  }
  return c;
}

Grid transpose_sparse(const Grid& m) {
  std::vector<int64_t> count(static_cast<size_t>(m.cols() + 1), 0);
  m.for_each_entry([&](int64_t, int64_t c, double) { ++count[static_cast<size_t>(c + 1)]; });
  for (size_t i = 1; i < count.size(); ++i) count[i] += count[i - 1];
  std::vector<int64_t> row_start = count;
  std::vector<int64_t> col_index(static_cast<size_t>(count.back()));
  std::vector<double> values(static_cast<size_t>(count.back()));
  std::vector<int64_t> next(count.begin(), count.end() - 1);
  // Visiting M row by row keeps every row of the transpose sorted by column.
  m.for_each_entry([&](int64_t r, int64_t c, double v) {
    int64_t slot = next[static_cast<size_t>(c)]++;
    col_index[static_cast<size_t>(slot)] = r;
    values[static_cast<size_t>(slot)] = v;
  });
  Grid t = Grid::sparse(m.cols(), m.rows(), std::move(row_start), std::move(col_index),
                        std::move(values));
  if (m.symbolic()) {
    t.make_symbolic();
    std::vector<int64_t> slot(count.begin(), count.end() - 1);
    m.for_each_stored([&](int64_t, int64_t c, int64_t e) {
      t.entry_expr_at(slot[static_cast<size_t>(c)]++) = m.entry_expr(e);
    });
  }
  return t;
}

Grid multiply_sparse(const Grid& m, const Grid& x, int64_t rows, int64_t cols) {
  Grid y(rows, cols);
  const std::vector<double>& xs = x.dense_values();
  std::vector<double> out(static_cast<size_t>(rows * cols), 0.0);
  m.for_each_entry([&](int64_t r, int64_t c, double v) {
    out[static_cast<size_t>(r)] += v * xs[static_cast<size_t>(c)];
  });
  for (int64_t i = 0; i < rows * cols; ++i) y.at(i / cols, i % cols) = out[static_cast<size_t>(i)];
  if (m.symbolic() && x.symbolic()) {
    // y_r = sum over row r's entries of M[r][c] * x_c, in the order of the row.
    y.make_symbolic();
    m.for_each_stored([&](int64_t r, int64_t c, int64_t e) {
      add_to(y.expr_at(r / cols, r % cols),
             product(m.entry_expr(e), x.expr(c / x.cols(), c % x.cols())));
    });
  }
  return y;
}

Grid scatter(const Grid& input, const Grid& kernel, const Shape2& shape) {
  const AxisParams& A = shape[0].in;
  const AxisParams& B = shape[1].in;
  Grid full(shape[0].full, shape[1].full);
  const bool symbolic = input.symbolic() && kernel.symbolic();
  if (symbolic) full.make_symbolic();
  for (int64_t a = 0; a < A.n; ++a)
    for (int64_t b = 0; b < B.n; ++b) {
      const double x = input.value(a, b);
      for (int64_t u = 0; u < A.k; ++u)
        for (int64_t v = 0; v < B.k; ++v) {
          full.at(a * A.s + u * A.d, b * B.s + v * B.d) += x * kernel.value(u, v);
          if (symbolic)
            add_to(full.expr_at(a * A.s + u * A.d, b * B.s + v * B.d),
                   product(input.expr(a, b), kernel.expr(u, v)));
        }
    }
  return full;
}

Grid stamp(const Grid& input, const Grid& kernel, const Shape2& shape, int64_t a, int64_t b) {
  const AxisParams& A = shape[0].in;
  const AxisParams& B = shape[1].in;
  Grid full(shape[0].full, shape[1].full);
  const bool symbolic = input.symbolic() && kernel.symbolic();
  if (symbolic) full.make_symbolic();
  const double x = input.value(a, b);
  for (int64_t u = 0; u < A.k; ++u)
    for (int64_t v = 0; v < B.k; ++v) {
      full.at(a * A.s + u * A.d, b * B.s + v * B.d) = x * kernel.value(u, v);
      if (symbolic)
        full.expr_at(a * A.s + u * A.d, b * B.s + v * B.d) =
            product(input.expr(a, b), kernel.expr(u, v));
    }
  return full;
}

Grid magnitude(const Grid& input, const Grid& kernel, const Shape2& shape) {
  const AxisParams& A = shape[0].in;
  const AxisParams& B = shape[1].in;
  Grid full(shape[0].full, shape[1].full);
  for (int64_t a = 0; a < A.n; ++a)
    for (int64_t b = 0; b < B.n; ++b)
      for (int64_t u = 0; u < A.k; ++u)
        for (int64_t v = 0; v < B.k; ++v)
          full.at(a * A.s + u * A.d, b * B.s + v * B.d) +=
              std::fabs(input.value(a, b) * kernel.value(u, v));
  return full;
}

Grid insert_zeros(const Grid& input, const Shape2& shape) {
  Grid out(shape[0].inserted, shape[1].inserted, 0.0, CellKind::kStrideZero);
  if (input.symbolic()) out.make_symbolic();
  for (int64_t a = 0; a < input.rows(); ++a)
    for (int64_t b = 0; b < input.cols(); ++b) {
      out.set(a * shape[0].in.s, b * shape[1].in.s, input.value(a, b));
      if (input.symbolic()) out.expr_at(a * shape[0].in.s, b * shape[1].in.s) = input.expr(a, b);
    }
  return out;
}

Grid pad(const Grid& inserted, const Shape2& shape) {
  const int64_t p0 = shape[0].pad, p1 = shape[1].pad;
  Grid out(shape[0].padded, shape[1].padded, 0.0, CellKind::kPaddingZero);
  if (inserted.symbolic()) out.make_symbolic();
  for (int64_t r = 0; r < inserted.rows(); ++r)
    for (int64_t c = 0; c < inserted.cols(); ++c) {
      out.set(r + p0, c + p1, inserted.value(r, c), inserted.kind(r, c));
      if (inserted.symbolic()) out.expr_at(r + p0, c + p1) = inserted.expr(r, c);
    }
  return out;
}

Grid flip(const Grid& kernel) {
  Grid out(kernel.rows(), kernel.cols());
  if (kernel.symbolic()) out.make_symbolic();
  for (int64_t u = 0; u < kernel.rows(); ++u)
    for (int64_t v = 0; v < kernel.cols(); ++v) {
      out.at(u, v) = kernel.value(kernel.rows() - 1 - u, kernel.cols() - 1 - v);
      if (kernel.symbolic())
        out.expr_at(u, v) = kernel.expr(kernel.rows() - 1 - u, kernel.cols() - 1 - v);
    }
  return out;
}

Grid dilate(const Grid& kernel, const Shape2& shape) {
  Grid out(shape[0].dilated_k, shape[1].dilated_k, 0.0, CellKind::kDilationZero);
  if (kernel.symbolic()) out.make_symbolic();
  for (int64_t u = 0; u < kernel.rows(); ++u)
    for (int64_t v = 0; v < kernel.cols(); ++v) {
      out.set(u * shape[0].in.d, v * shape[1].in.d, kernel.value(u, v));
      if (kernel.symbolic()) out.expr_at(u * shape[0].in.d, v * shape[1].in.d) = kernel.expr(u, v);
    }
  return out;
}

namespace {

/// For each window position i in [0, positions), the taps u (ascending) whose index i + u*d is
/// one of `live` (sorted indices): compressed lists, start[i] .. start[i+1] into taps.
struct TapLists {
  std::vector<int64_t> start;
  std::vector<int64_t> taps;
};

TapLists tap_lists(const std::vector<int64_t>& live, int64_t positions, int64_t k, int64_t d) {
  TapLists t;
  t.start.assign(static_cast<size_t>(positions + 1), 0);
  for (int64_t index : live)
    for (int64_t u = 0; u < k; ++u) {
      const int64_t i = index - u * d;
      if (i >= 0 && i < positions) ++t.start[static_cast<size_t>(i + 1)];
    }
  for (size_t i = 1; i < t.start.size(); ++i) t.start[i] += t.start[i - 1];
  t.taps.resize(static_cast<size_t>(t.start.back()));
  std::vector<int64_t> next(t.start.begin(), t.start.end() - 1);
  for (int64_t u = 0; u < k; ++u)  // u outermost: every list comes out ascending
    for (int64_t index : live) {
      const int64_t i = index - u * d;
      if (i >= 0 && i < positions) t.taps[static_cast<size_t>(next[static_cast<size_t>(i)]++)] = u;
    }
  return t;
}

}  // namespace

Grid slide(const Grid& padded, const Grid& kernel, const Shape2& shape) {
  const int64_t d0 = shape[0].in.d, d1 = shape[1].in.d;
  const int64_t rows = padded.rows() - shape[0].pad;
  const int64_t cols = padded.cols() - shape[1].pad;
  // Most of the padded grid is zeros (padding, and s-1 of every s rows and columns), and a
  // product with a zero adds nothing to a sum: x + (+-0) == x for every x the sum can hold (it
  // starts at +0 and never becomes -0). So the window visits only the taps that meet a row and
  // a column holding a non-zero, in the same (u, v) order as the plain loop, which gives
  // bit-identical sums in n^2 k^2 products instead of F^2 k^2 (--n 1 --k 700 would take
  // minutes).
  std::vector<int64_t> live_rows, live_cols;
  std::vector<char> col_live(static_cast<size_t>(padded.cols()), 0);
  for (int64_t r = 0; r < padded.rows(); ++r) {
    bool row_live = false;
    for (int64_t c = 0; c < padded.cols(); ++c)
      if (padded.value(r, c) != 0.0) {
        row_live = true;
        col_live[static_cast<size_t>(c)] = 1;
      }
    if (row_live) live_rows.push_back(r);
  }
  for (int64_t c = 0; c < padded.cols(); ++c)
    if (col_live[static_cast<size_t>(c)]) live_cols.push_back(c);
  const TapLists row_taps = tap_lists(live_rows, rows, kernel.rows(), d0);
  const TapLists col_taps = tap_lists(live_cols, cols, kernel.cols(), d1);

  Grid out(rows, cols);
  for (int64_t i = 0; i < rows; ++i)
    for (int64_t j = 0; j < cols; ++j) {
      double sum = 0.0;
      for (int64_t a = row_taps.start[static_cast<size_t>(i)];
           a < row_taps.start[static_cast<size_t>(i + 1)]; ++a) {
        const int64_t u = row_taps.taps[static_cast<size_t>(a)];
        for (int64_t b = col_taps.start[static_cast<size_t>(j)];
             b < col_taps.start[static_cast<size_t>(j + 1)]; ++b) {
          const int64_t v = col_taps.taps[static_cast<size_t>(b)];
          sum += padded.value(i + u * d0, j + v * d1) * kernel.value(u, v);
        }
      }
      out.at(i, j) = sum;
    }
  if (padded.symbolic() && kernel.symbolic()) {
    // Every tap, not only the live ones: a tap meeting an input cell whose value is 0 still
    // contributes a term to the expression. Symbolic grids are small (Limits).
    out.make_symbolic();
    for (int64_t i = 0; i < rows; ++i)
      for (int64_t j = 0; j < cols; ++j)
        for (int64_t u = 0; u < kernel.rows(); ++u)
          for (int64_t v = 0; v < kernel.cols(); ++v)
            add_to(out.expr_at(i, j),
                   product(padded.expr(i + u * d0, j + v * d1), kernel.expr(u, v)));
  }
  return out;
}

namespace {

/// Whether index i of the extended F-grid (0 <= i < F + op) is kept by the crop, and why.
CellKind crop_kind(int64_t i, const AxisShape& a) {
  const int64_t p = a.in.p, op = a.in.op, f = a.full;
  if (i < p || i >= f - p + op) return CellKind::kCropped;
  if (i >= f) return CellKind::kAddedZero;
  if (i >= f - p) return CellKind::kKeptByOutputPadding;
  return CellKind::kData;
}

/// The kind of a cell from the kinds of its row and column index.
CellKind combine(CellKind row, CellKind col) {
  for (CellKind k : {CellKind::kCropped, CellKind::kAddedZero, CellKind::kKeptByOutputPadding})
    if (row == k || col == k) return k;
  return CellKind::kData;
}

}  // namespace

Grid crop(const Grid& full, const Shape2& shape) {
  const int64_t p0 = shape[0].in.p, p1 = shape[1].in.p;
  Grid out(shape[0].output, shape[1].output);
  if (full.symbolic()) out.make_symbolic();
  for (int64_t i = 0; i < out.rows(); ++i)
    for (int64_t j = 0; j < out.cols(); ++j) {
      CellKind kind = combine(crop_kind(i + p0, shape[0]), crop_kind(j + p1, shape[1]));
      double v = kind == CellKind::kAddedZero ? 0.0 : full.value(i + p0, j + p1);
      out.set(i, j, v, kind);
      if (full.symbolic() && kind != CellKind::kAddedZero)
        out.expr_at(i, j) = full.expr(i + p0, j + p1);
    }
  return out;
}

Grid mark_crop(const Grid& full, const Shape2& shape) {
  Grid out(full.rows(), full.cols());
  if (full.symbolic()) out.make_symbolic();
  for (int64_t i = 0; i < full.rows(); ++i)
    for (int64_t j = 0; j < full.cols(); ++j) {
      out.set(i, j, full.value(i, j), combine(crop_kind(i, shape[0]), crop_kind(j, shape[1])));
      if (full.symbolic()) out.expr_at(i, j) = full.expr(i, j);
    }
  return out;
}

}  // namespace convt
