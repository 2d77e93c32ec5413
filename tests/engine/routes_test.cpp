// The building blocks of the derivation, one by one, against hand-worked values.
#include "engine/routes.h"

#include <gtest/gtest.h>

#include <vector>

#include "grid_values.h"

namespace {

using convt::AxisParams;
using convt::CellKind;
using convt::Grid;
using convt::Shape2;
using convt::testing::kinds_of;
using convt::testing::values_of;
using Rows = std::vector<std::vector<double>>;
using Kinds = std::vector<std::string>;

Shape2 shape2(const AxisParams& rows, const AxisParams& cols) {
  return {convt::axis_shape(rows), convt::axis_shape(cols)};
}
Shape2 shape1(const AxisParams& axis) {
  return {convt::trivial_axis_shape(), convt::axis_shape(axis)};
}

/// The article's example: k=3, s=1, p=1, n=3 with kernel and input 1..9.
const AxisParams kArticle{3, 3, 1, 1, 1, 0};

/// Small distinct non-zero integers, so that a transposed or flipped index changes the result.
std::vector<double> scrambled(int64_t count, int64_t seed) {
  std::vector<double> out;
  for (int64_t i = 0; i < count; ++i) {
    double v = static_cast<double>((i * 7 + seed * 3) % 19 - 9);
    out.push_back(v == 0 ? 10 : v);
  }
  return out;
}

TEST(ValueGrid, DefaultsAreOneToCountRowMajor) {
  EXPECT_EQ(values_of(convt::value_grid(2, 3, {})), (Rows{{1, 2, 3}, {4, 5, 6}}));
  EXPECT_EQ(values_of(convt::value_grid(1, 2, {-1.5, 4})), (Rows{{-1.5, 4}}));
}

TEST(Grid, SparseGridReportsAbsentEntriesAsMatrixZeros) {
  // [[1 0 0], [0 3 0]] with an explicitly stored 0 at (0,2).
  Grid m = Grid::sparse(2, 3, {0, 2, 3}, {0, 2, 1}, {1, 0, 3});
  EXPECT_TRUE(m.is_sparse());
  EXPECT_EQ(values_of(m), (Rows{{1, 0, 0}, {0, 3, 0}}));
  EXPECT_EQ(kinds_of(m), (Kinds{"dmd", "mdm"}));
  EXPECT_EQ(m.stored(), 3);
  EXPECT_EQ(m.nonzeros(), 2);
}

TEST(ConvMatrix, ArticleRowsHoldTheKernelAtTheirCorner) {
  const Grid kernel = convt::value_grid(3, 3, {});
  Grid c = convt::conv_matrix(kernel, shape2(kArticle, kArticle));
  ASSERT_EQ(c.rows(), 9);   // one row per input cell
  ASSERT_EQ(c.cols(), 25);  // one column per cell of the 5 x 5 F-grid
  std::vector<double> row0(25, 0.0), row8(25, 0.0);
  // Row (0,0): the kernel's rows start at F-cells (0,0), (1,0), (2,0) = columns 0, 5, 10.
  for (int u = 0; u < 3; ++u)
    for (int v = 0; v < 3; ++v) row0[static_cast<size_t>(u * 5 + v)] = 3 * u + v + 1;
  // Row (2,2): the corner moves to F-cell (2,2) = column 12.
  for (int u = 0; u < 3; ++u)
    for (int v = 0; v < 3; ++v) row8[static_cast<size_t>(12 + u * 5 + v)] = 3 * u + v + 1;
  EXPECT_EQ(values_of(c)[0], row0);
  EXPECT_EQ(values_of(c)[8], row8);
  EXPECT_EQ(c.nonzeros(), 81);
}

TEST(ConvMatrix, EntriesFollowTheIndexFormula) {
  // C[a*n1 + b][(a*s0 + u*d0)*F1 + (b*s1 + v*d1)] = w[u][v]; every other entry is a 0 of kind
  // kMatrixZero.
  const std::vector<std::pair<AxisParams, AxisParams>> cases = {
      {{3, 3, 1, 1, 1, 0}, {3, 3, 1, 1, 1, 0}},
      {{2, 3, 2, 0, 1, 0}, {3, 2, 1, 0, 1, 0}},
      {{2, 2, 3, 0, 2, 0}, {3, 3, 2, 1, 3, 1}},
      {{1, 1, 1, 0, 1, 0}, {4, 3, 2, 0, 2, 0}},
      {{4, 1, 2, 0, 1, 0}, {1, 4, 1, 0, 1, 0}}};
  int64_t seed = 0;
  for (const auto& [A, B] : cases) {
    const Shape2 shape = shape2(A, B);
    const int64_t f0 = shape[0].full, f1 = shape[1].full;
    const std::vector<double> w = scrambled(A.k * B.k, ++seed);
    Grid c = convt::conv_matrix(convt::value_grid(A.k, B.k, w), shape);
    ASSERT_EQ(c.rows(), A.n * B.n);
    ASSERT_EQ(c.cols(), f0 * f1);
    Rows expected(static_cast<size_t>(A.n * B.n),
                  std::vector<double>(static_cast<size_t>(f0 * f1)));
    Kinds kinds(static_cast<size_t>(A.n * B.n), std::string(static_cast<size_t>(f0 * f1), 'm'));
    for (int64_t a = 0; a < A.n; ++a)
      for (int64_t b = 0; b < B.n; ++b)
        for (int64_t u = 0; u < A.k; ++u)
          for (int64_t v = 0; v < B.k; ++v) {
            const auto row = static_cast<size_t>(a * B.n + b);
            const auto col = static_cast<size_t>((a * A.s + u * A.d) * f1 + (b * B.s + v * B.d));
            expected[row][col] = w[static_cast<size_t>(u * B.k + v)];
            kinds[row][col] = 'd';
          }
    EXPECT_EQ(values_of(c), expected) << "case " << seed;
    EXPECT_EQ(kinds_of(c), kinds) << "case " << seed;
  }
}

TEST(ConvMatrix, OneDimensionIsTheTrivialRowAxis) {
  // k=3, s=2, n=2: F = 5; row a holds w at columns 2a, 2a+1, 2a+2.
  const AxisParams axis{2, 3, 2, 0, 1, 0};
  Grid c = convt::conv_matrix(convt::value_grid(1, 3, {}), shape1(axis));
  EXPECT_EQ(values_of(c), (Rows{{1, 2, 3, 0, 0}, {0, 0, 1, 2, 3}}));
}

TEST(TransposeSparse, SwapsRowsAndColumns) {
  Grid m = Grid::sparse(2, 3, {0, 2, 3}, {0, 2, 1}, {1, 2, 3});
  Grid t = convt::transpose_sparse(m);
  EXPECT_TRUE(t.is_sparse());
  EXPECT_EQ(values_of(t), (Rows{{1, 0}, {0, 3}, {2, 0}}));
  EXPECT_EQ(kinds_of(t), (Kinds{"dm", "md", "dm"}));
}

TEST(TransposeSparse, ConvMatrixTransposeMatchesEveryEntry) {
  const AxisParams rows{2, 3, 2, 0, 2, 0}, cols{3, 2, 3, 0, 1, 0};
  Grid c = convt::conv_matrix(convt::value_grid(3, 2, scrambled(6, 4)), shape2(rows, cols));
  Grid t = convt::transpose_sparse(c);
  ASSERT_EQ(t.rows(), c.cols());
  ASSERT_EQ(t.cols(), c.rows());
  for (int64_t i = 0; i < c.rows(); ++i)
    for (int64_t j = 0; j < c.cols(); ++j) {
      EXPECT_EQ(t.value(j, i), c.value(i, j));
      EXPECT_EQ(t.kind(j, i), c.kind(i, j));
    }
}

TEST(MultiplySparse, MultipliesAndFoldsRowMajor) {
  // [[1 0 2], [0 3 0]] * [1 2 3] = [7 6].
  Grid m = Grid::sparse(2, 3, {0, 2, 3}, {0, 2, 1}, {1, 2, 3});
  Grid x = convt::value_grid(1, 3, {});
  EXPECT_EQ(values_of(convt::multiply_sparse(m, x, 1, 2)), (Rows{{7, 6}}));
  EXPECT_EQ(values_of(convt::multiply_sparse(m, x, 2, 1)), (Rows{{7}, {6}}));
}

TEST(MultiplySparse, TransposedConvMatrixGivesTheArticleOutputInTheMiddle) {
  const Shape2 shape = shape2(kArticle, kArticle);
  Grid c = convt::conv_matrix(convt::value_grid(3, 3, {}), shape);
  Grid full = convt::multiply_sparse(convt::transpose_sparse(c), convt::value_grid(3, 3, {}), 5, 5);
  Rows v = values_of(full);
  // Corners: a single product each, x[corner] * w[corner].
  EXPECT_EQ(v[0][0], 1 * 1);
  EXPECT_EQ(v[0][4], 3 * 3);
  EXPECT_EQ(v[4][0], 7 * 7);
  EXPECT_EQ(v[4][4], 9 * 9);
  EXPECT_EQ(values_of(convt::crop(full, shape)),
            (Rows{{26, 56, 54}, {84, 165, 144}, {134, 236, 186}}));
}

/// The F-grid of k=3, s=2, n=2 with kernel 1..9 and input 1..4, worked by hand:
/// F[i][j] = sum of x[a][b] * w[i-2a][j-2b].
const Rows kStrideTwoFull = {{1, 2, 5, 4, 6},
                             {4, 5, 14, 10, 12},
                             {10, 14, 36, 24, 30},
                             {12, 15, 34, 20, 24},
                             {21, 24, 55, 32, 36}};

TEST(Scatter, StampsOverlapAndAdd) {
  const AxisParams axis{2, 3, 2, 1, 1, 1};
  Grid full =
      convt::scatter(convt::value_grid(2, 2, {}), convt::value_grid(3, 3, {}), shape2(axis, axis));
  EXPECT_EQ(values_of(full), kStrideTwoFull);
}

TEST(Scatter, DilatedTapsLandDApart) {
  // 1-D, k=2, d=2, s=1, x=[1,2], w=[1,2]: y[a + 2u] += x[a] w[u] -> [1, 2, 2, 4].
  const AxisParams axis{2, 2, 1, 0, 2, 0};
  EXPECT_EQ(values_of(convt::scatter(convt::value_grid(1, 2, {}), convt::value_grid(1, 2, {}),
                                     shape1(axis))),
            (Rows{{1, 2, 2, 4}}));
}

TEST(InsertZeros, PutsStrideMinusOneZerosBetweenCells) {
  const AxisParams axis{2, 3, 2, 0, 1, 0};
  Grid g = convt::insert_zeros(convt::value_grid(2, 2, {}), shape2(axis, axis));
  EXPECT_EQ(values_of(g), (Rows{{1, 0, 2}, {0, 0, 0}, {3, 0, 4}}));
  EXPECT_EQ(kinds_of(g), (Kinds{"dsd", "sss", "dsd"}));
}

TEST(InsertZeros, EachAxisUsesItsOwnStride) {
  const AxisParams rows{2, 1, 1, 0, 1, 0}, cols{2, 1, 3, 0, 1, 0};
  Grid g = convt::insert_zeros(convt::value_grid(2, 2, {}), shape2(rows, cols));
  EXPECT_EQ(values_of(g), (Rows{{1, 0, 0, 2}, {3, 0, 0, 4}}));
  EXPECT_EQ(kinds_of(g), (Kinds{"dssd", "dssd"}));
}

TEST(Pad, ArticleInputGetsTwoZeroLayers) {
  const Shape2 shape = shape2(kArticle, kArticle);
  Grid padded = convt::pad(convt::insert_zeros(convt::value_grid(3, 3, {}), shape), shape);
  ASSERT_EQ(padded.rows(), 7);
  ASSERT_EQ(padded.cols(), 7);
  const std::vector<double> zeros(7, 0.0);
  EXPECT_EQ(values_of(padded), (Rows{zeros,
                                     zeros,
                                     {0, 0, 1, 2, 3, 0, 0},
                                     {0, 0, 4, 5, 6, 0, 0},
                                     {0, 0, 7, 8, 9, 0, 0},
                                     zeros,
                                     zeros}));
  EXPECT_EQ(kinds_of(padded),
            (Kinds{"ppppppp", "ppppppp", "ppdddpp", "ppdddpp", "ppdddpp", "ppppppp", "ppppppp"}));
}

TEST(Pad, KeepsTheStrideZerosKind) {
  const AxisParams axis{2, 2, 2, 0, 1, 0};  // d(k-1) = 1 layer
  const Shape2 shape = shape2(axis, axis);
  Grid padded = convt::pad(convt::insert_zeros(convt::value_grid(2, 2, {}), shape), shape);
  EXPECT_EQ(kinds_of(padded), (Kinds{"ppppp", "pdsdp", "psssp", "pdsdp", "ppppp"}));
}

TEST(Flip, RotatesTheKernel180Degrees) {
  EXPECT_EQ(values_of(convt::flip(convt::value_grid(3, 3, {}))),
            (Rows{{9, 8, 7}, {6, 5, 4}, {3, 2, 1}}));
  EXPECT_EQ(values_of(convt::flip(convt::value_grid(2, 3, {}))), (Rows{{6, 5, 4}, {3, 2, 1}}));
  EXPECT_EQ(values_of(convt::flip(convt::value_grid(1, 4, {}))), (Rows{{4, 3, 2, 1}}));
}

TEST(Dilate, PutsDMinusOneZerosBetweenTaps) {
  const AxisParams axis{1, 2, 1, 0, 3, 0};
  Grid g = convt::dilate(convt::value_grid(2, 2, {}), shape2(axis, axis));
  EXPECT_EQ(values_of(g), (Rows{{1, 0, 0, 2}, {0, 0, 0, 0}, {0, 0, 0, 0}, {3, 0, 0, 4}}));
  EXPECT_EQ(kinds_of(g), (Kinds{"dlld", "llll", "llll", "dlld"}));
}

TEST(Slide, FlippedKernelOverPaddedArticleInputGivesTheArticleOutput) {
  const Shape2 shape = shape2(kArticle, kArticle);
  Grid padded = convt::pad(convt::insert_zeros(convt::value_grid(3, 3, {}), shape), shape);
  Grid direct = convt::slide(padded, convt::flip(convt::value_grid(3, 3, {})), shape);
  ASSERT_EQ(direct.rows(), 5);
  ASSERT_EQ(direct.cols(), 5);
  EXPECT_EQ(values_of(convt::crop(direct, shape)),
            (Rows{{26, 56, 54}, {84, 165, 144}, {134, 236, 186}}));
}

TEST(Slide, StrideTwoMatchesTheHandWorkedGrid) {
  const AxisParams axis{2, 3, 2, 1, 1, 1};
  const Shape2 shape = shape2(axis, axis);
  Grid padded = convt::pad(convt::insert_zeros(convt::value_grid(2, 2, {}), shape), shape);
  EXPECT_EQ(values_of(convt::slide(padded, convt::flip(convt::value_grid(3, 3, {})), shape)),
            kStrideTwoFull);
}

TEST(Slide, UsesTapsDApart) {
  // Padded [0 0 1 2 0 0], flipped kernel [2 1] with taps 2 apart: out[i] = 2 p[i] + p[i+2].
  const AxisParams axis{2, 2, 1, 0, 2, 0};
  const Shape2 shape = shape1(axis);
  Grid padded = convt::pad(convt::insert_zeros(convt::value_grid(1, 2, {}), shape), shape);
  EXPECT_EQ(values_of(padded), (Rows{{0, 0, 1, 2, 0, 0}}));
  EXPECT_EQ(values_of(convt::slide(padded, convt::flip(convt::value_grid(1, 2, {})), shape)),
            (Rows{{1, 2, 2, 4}}));
}

TEST(Crop, ArticleRemovesOneLayer) {
  const Shape2 shape = shape2(kArticle, kArticle);
  Grid full(5, 5);
  for (int64_t i = 0; i < 25; ++i) full.at(i / 5, i % 5) = static_cast<double>(i);
  Grid out = convt::crop(full, shape);
  EXPECT_EQ(values_of(out), (Rows{{6, 7, 8}, {11, 12, 13}, {16, 17, 18}}));
  EXPECT_EQ(kinds_of(out), (Kinds{"ddd", "ddd", "ddd"}));
  Grid marked = convt::mark_crop(full, shape);
  EXPECT_EQ(values_of(marked), values_of(full));
  EXPECT_EQ(kinds_of(marked), (Kinds{"ccccc", "cdddc", "cdddc", "cdddc", "ccccc"}));
}

TEST(Crop, OutputPaddingKeepsComputedCells) {
  // k=3, s=2, p=1, op=1, n=2: m = 4 = F - 1. The last row and column are real sums of the
  // F-grid, not zeros.
  const AxisParams axis{2, 3, 2, 1, 1, 1};
  const Shape2 shape = shape2(axis, axis);
  Grid full = convt::scatter(convt::value_grid(2, 2, {}), convt::value_grid(3, 3, {}), shape);
  Grid out = convt::crop(full, shape);
  EXPECT_EQ(values_of(out),
            (Rows{{5, 14, 10, 12}, {14, 36, 24, 30}, {15, 34, 20, 24}, {24, 55, 32, 36}}));
  EXPECT_EQ(kinds_of(out), (Kinds{"dddk", "dddk", "dddk", "kkkk"}));
  EXPECT_EQ(kinds_of(convt::mark_crop(full, shape)),
            (Kinds{"ccccc", "cdddk", "cdddk", "cdddk", "ckkkk"}));
}

TEST(Crop, OutputPaddingKeepsComputedCellsIn1D) {
  const AxisParams axis{2, 3, 2, 1, 1, 1};
  const Shape2 shape = shape1(axis);
  Grid full = convt::scatter(convt::value_grid(1, 2, {}), convt::value_grid(1, 3, {}), shape);
  EXPECT_EQ(values_of(full), (Rows{{1, 2, 5, 4, 6}}));
  Grid out = convt::crop(full, shape);
  EXPECT_EQ(values_of(out), (Rows{{2, 5, 4, 6}}));
  EXPECT_EQ(kinds_of(out), (Kinds{"dddk"}));
  EXPECT_EQ(kinds_of(convt::mark_crop(full, shape)), (Kinds{"cdddk"}));
}

TEST(Crop, OutputPaddingBeyondPaddingAddsZerosPastTheFullGrid) {
  // k=1, s=2, p=0, op=1, n=2: F = 3, m = 4; index 3 lies past the F-grid.
  const AxisParams axis{2, 1, 2, 0, 1, 1};
  const Shape2 shape = shape2(axis, axis);
  Grid full = convt::scatter(convt::value_grid(2, 2, {}), convt::value_grid(1, 1, {}), shape);
  EXPECT_EQ(values_of(full), (Rows{{1, 0, 2}, {0, 0, 0}, {3, 0, 4}}));
  Grid out = convt::crop(full, shape);
  EXPECT_EQ(values_of(out), (Rows{{1, 0, 2, 0}, {0, 0, 0, 0}, {3, 0, 4, 0}, {0, 0, 0, 0}}));
  EXPECT_EQ(kinds_of(out), (Kinds{"ddda", "ddda", "ddda", "aaaa"}));

  const Shape2 line = shape1(axis);
  Grid out1 = convt::crop(
      convt::scatter(convt::value_grid(1, 2, {}), convt::value_grid(1, 1, {}), line), line);
  EXPECT_EQ(values_of(out1), (Rows{{1, 0, 2, 0}}));
  EXPECT_EQ(kinds_of(out1), (Kinds{"ddda"}));
}

TEST(Crop, KeptAndAddedCellsOnOneAxis) {
  // 1-D k=1, s=3, p=1, op=2, n=2: F = [1 0 0 2], m = 4 = F[1..4]: F[3] is kept by
  // output_padding (it would be cropped with op = 0), F[4] lies past the grid.
  const AxisParams axis{2, 1, 3, 1, 1, 2};
  const Shape2 shape = shape1(axis);
  Grid full = convt::scatter(convt::value_grid(1, 2, {}), convt::value_grid(1, 1, {}), shape);
  Grid out = convt::crop(full, shape);
  EXPECT_EQ(values_of(out), (Rows{{0, 0, 2, 0}}));
  EXPECT_EQ(kinds_of(out), (Kinds{"ddka"}));
  EXPECT_EQ(kinds_of(convt::mark_crop(full, shape)), (Kinds{"cddk"}));
}

TEST(Magnitude, SumsAbsoluteProducts) {
  // x = [-1 2], w = [3 -4], s = 1: F0 = |-3|, F1 = |4| + |6|, F2 = |-8|.
  const AxisParams axis{2, 2, 1, 0, 1, 0};
  EXPECT_EQ(values_of(convt::magnitude(convt::value_grid(1, 2, {-1, 2}),
                                       convt::value_grid(1, 2, {3, -4}), shape1(axis))),
            (Rows{{3, 10, 8}}));
}

}  // namespace
