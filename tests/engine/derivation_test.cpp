// The derivation engine on hand-worked cases: the article's stages and values, output_padding,
// and the zeros each stage marks. Stage ids and selection: stages_test.cpp; the rules of
// validate_params: shape_test.cpp; every small configuration against a brute-force reference:
// exhaustive_test.cpp.
#include "convt/derivation.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "grid_values.h"

namespace {

using convt::Derivation;
using convt::StageId;
using convt::testing::kinds_of;
using convt::testing::values_of;
using Rows = std::vector<std::vector<double>>;
using Kinds = std::vector<std::string>;

const convt::Grid& grid_of(const Derivation& d, StageId id) {
  const convt::Stage* stage = d.find(id);
  if (stage == nullptr || !stage->grid)
    throw std::runtime_error("no grid for stage " + std::string(convt::stage_name(id)));
  return *stage->grid;
}

// ---------------------------------------------------------------------------------------------
// The article: k=3, s=1, p=1, n=3, kernel and input 1..9.

TEST(Derivation, ArticleOutputMatchesTheArticle) {
  Derivation d = convt::derive(convt::square_params(2, 3, 3, 1, 1));
  EXPECT_TRUE(d.passed);
  EXPECT_EQ(d.output_size(), (std::vector<int64_t>{3, 3}));
  EXPECT_EQ(d.full_size(), (std::vector<int64_t>{5, 5}));
  EXPECT_EQ(values_of(grid_of(d, StageId::kOutput)),
            (Rows{{26, 56, 54}, {84, 165, 144}, {134, 236, 186}}));
}

TEST(Derivation, FlippedKernelIsRotated180) {
  Derivation d = convt::derive(convt::square_params(2, 3, 3, 1, 1));
  EXPECT_EQ(values_of(grid_of(d, StageId::kKernel)), (Rows{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}));
  EXPECT_EQ(values_of(grid_of(d, StageId::kFlippedKernel)),
            (Rows{{9, 8, 7}, {6, 5, 4}, {3, 2, 1}}));
}

TEST(Derivation, ArticlePaddedInputHasTwoZeroLayers) {
  Derivation d = convt::derive(convt::square_params(2, 3, 3, 1, 1));
  const convt::Grid& padded = grid_of(d, StageId::kPaddedInput);
  EXPECT_EQ(kinds_of(padded),
            (Kinds{"ppppppp", "ppppppp", "ppdddpp", "ppdddpp", "ppdddpp", "ppppppp", "ppppppp"}));
  EXPECT_EQ(values_of(padded)[3], (std::vector<double>{0, 0, 4, 5, 6, 0, 0}));
  // Stride 1: nothing is inserted.
  EXPECT_EQ(values_of(grid_of(d, StageId::kZeroInserted)), (Rows{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}));
}

TEST(Derivation, ArticleFormulaStageShowsTheSubstitution) {
  Derivation d = convt::derive(convt::square_params(2, 3, 3, 1, 1));
  const convt::Stage* formula = d.find(StageId::kFormula);
  ASSERT_NE(formula, nullptr);
  EXPECT_FALSE(formula->grid.has_value());
  EXPECT_EQ(formula->equations,
            (std::vector<std::string>{"m = (n-1)s - 2p + k", "m = (3-1)*1 - 2*1 + 3 = 3",
                                      "F = (n-1)s + k = (3-1)*1 + 3 = 5"}));
}

TEST(Derivation, ArticleShapes) {
  // (k, s, p, n) -> m = (n-1)s - 2p + k, worked by hand.
  struct Case {
    int64_t k, s, p, n, m;
  };
  for (const Case& c :
       {Case{2, 1, 0, 2, 3}, Case{2, 1, 1, 4, 3}, Case{2, 2, 1, 2, 2}, Case{3, 1, 1, 3, 3}}) {
    for (int dims : {1, 2}) {
      Derivation d = convt::derive(convt::square_params(dims, c.n, c.k, c.s, c.p));
      EXPECT_EQ(d.output_size(), std::vector<int64_t>(static_cast<size_t>(dims), c.m))
          << "k=" << c.k << " s=" << c.s << " p=" << c.p << " n=" << c.n;
      const convt::Grid& out = grid_of(d, StageId::kOutput);
      EXPECT_EQ(out.cols(), c.m);
      EXPECT_EQ(out.rows(), dims == 2 ? c.m : 1);
      EXPECT_TRUE(d.passed);
    }
  }
}

TEST(Derivation, CheckStageListsPassingChecksThenTheVerdict) {
  Derivation d = convt::derive(convt::square_params(2, 3, 3, 1, 1));
  const convt::Stage* check = d.find(StageId::kCheck);
  ASSERT_NE(check, nullptr);
  EXPECT_FALSE(check->grid.has_value());
  ASSERT_EQ(check->checks.size(), 5u);
  for (const convt::CheckLine& line : check->checks) EXPECT_TRUE(line.ok);
  EXPECT_EQ(convt::resolve(check->checks[0].message, convt::Lang::kEn),
            "output shape 3 x 3 equals the formula's 3 x 3");
  EXPECT_EQ(convt::resolve(check->checks[1].message, convt::Lang::kEn),
            "matrix route equals scatter route in 25 of 25 cells");
  EXPECT_EQ(check->checks.back().message.id, convt::MsgId::kCheckPassed);
}

TEST(Derivation, ConvMatrixStagesAreCAndItsTranspose) {
  Derivation d = convt::derive(convt::square_params(2, 2, 3, 2, 1, 1, 1));
  const convt::Grid& c = grid_of(d, StageId::kConvMatrix);
  const convt::Grid& ct = grid_of(d, StageId::kTransposedMatrix);
  // n = 2, F = 5: 4 rows, 25 columns.
  ASSERT_EQ(c.rows(), 4);
  ASSERT_EQ(c.cols(), 25);
  ASSERT_EQ(ct.rows(), 25);
  ASSERT_EQ(ct.cols(), 4);
  for (int64_t i = 0; i < 4; ++i)
    for (int64_t j = 0; j < 25; ++j) EXPECT_EQ(ct.value(j, i), c.value(i, j));
  // Row (1,1) of C: the kernel with its corner at F-cell (2,2) = column 12.
  EXPECT_EQ(c.value(3, 12), 1);
  EXPECT_EQ(c.value(3, 24), 9);
  EXPECT_EQ(c.kind(3, 11), convt::CellKind::kMatrixZero);
  // Rows of C are input cells (a,b), columns F-cells (i,j).
  EXPECT_EQ(c.row_labels.label(3), "(1,1)");
  EXPECT_EQ(c.col_labels.label(12), "(2,2)");
  EXPECT_EQ(ct.row_labels.label(12), "(2,2)");
}

// ---------------------------------------------------------------------------------------------
// output_padding: the cells it keeps are computed, the cells past F are zeros.

TEST(Derivation, OutputPaddingKeepsComputedRowAndColumn) {
  // k=3, s=2, p=1, op=1, n=2; the F-grid is worked by hand in routes_test.
  Derivation d = convt::derive(convt::square_params(2, 2, 3, 2, 1, 1, 1));
  const convt::Stage* output = d.find(StageId::kOutput);
  ASSERT_NE(output, nullptr);
  EXPECT_EQ(values_of(*output->grid),
            (Rows{{5, 14, 10, 12}, {14, 36, 24, 30}, {15, 34, 20, 24}, {24, 55, 32, 36}}));
  EXPECT_EQ(kinds_of(*output->grid), (Kinds{"dddk", "dddk", "dddk", "kkkk"}));
  ASSERT_TRUE(output->full_view.has_value());
  EXPECT_EQ(kinds_of(*output->full_view), (Kinds{"ccccc", "cdddk", "cdddk", "cdddk", "ckkkk"}));
  EXPECT_EQ(values_of(*output->full_view), values_of(grid_of(d, StageId::kMatrixOutput)));
  // The explanation says so.
  ASSERT_EQ(output->explanation.size(), 2u);
  EXPECT_EQ(output->explanation[1].id, convt::MsgId::kExplainOutputPaddingKept);
}

TEST(Derivation, OutputPaddingKeepsComputedCellIn1D) {
  Derivation d = convt::derive(convt::square_params(1, 2, 3, 2, 1, 1, 1));
  EXPECT_EQ(values_of(grid_of(d, StageId::kOutput)), (Rows{{2, 5, 4, 6}}));
  EXPECT_EQ(kinds_of(grid_of(d, StageId::kOutput)), (Kinds{"dddk"}));
}

TEST(Derivation, OutputPaddingBeyondPaddingAddsZeros) {
  Derivation d2 = convt::derive(convt::square_params(2, 2, 1, 2, 0, 1, 1));
  EXPECT_EQ(values_of(grid_of(d2, StageId::kOutput)),
            (Rows{{1, 0, 2, 0}, {0, 0, 0, 0}, {3, 0, 4, 0}, {0, 0, 0, 0}}));
  EXPECT_EQ(kinds_of(grid_of(d2, StageId::kOutput)), (Kinds{"ddda", "ddda", "ddda", "aaaa"}));
  const convt::Stage* output = d2.find(StageId::kOutput);
  ASSERT_EQ(output->explanation.size(), 2u);
  EXPECT_EQ(output->explanation[1].id, convt::MsgId::kExplainOutputPaddingAdded);

  Derivation d1 = convt::derive(convt::square_params(1, 2, 1, 2, 0, 1, 1));
  EXPECT_EQ(values_of(grid_of(d1, StageId::kOutput)), (Rows{{1, 0, 2, 0}}));
  EXPECT_EQ(kinds_of(grid_of(d1, StageId::kOutput)), (Kinds{"ddda"}));
}

TEST(Derivation, ZeroInsertedAndDilatedStagesMarkTheirZeros) {
  Derivation d = convt::derive(convt::square_params(2, 2, 2, 2, 0, 2, 0));
  EXPECT_EQ(kinds_of(grid_of(d, StageId::kZeroInserted)), (Kinds{"dsd", "sss", "dsd"}));
  // The dilated stage holds the flipped kernel, taps 2 apart.
  EXPECT_EQ(values_of(grid_of(d, StageId::kDilatedKernel)),
            (Rows{{4, 0, 3}, {0, 0, 0}, {2, 0, 1}}));
  EXPECT_EQ(kinds_of(grid_of(d, StageId::kDilatedKernel)), (Kinds{"dld", "lll", "dld"}));
}

TEST(Derivation, OneDimensionSpeaksOfPositionsNotRowsAndColumns) {
  const Derivation d = convt::derive(convt::square_params(1, 3, 3, 2, 1));
  auto stage = [&](StageId id) {
    const convt::Stage* s = d.find(id);
    EXPECT_NE(s, nullptr);
    return s;
  };
  // A 1-D kernel is reversed, not rotated 180 degrees; C's rows and the stamps are indexed a.
  EXPECT_EQ(convt::resolve(stage(StageId::kFlippedKernel)->title, convt::Lang::kEn),
            "The kernel reversed");
  EXPECT_EQ(stage(StageId::kConvMatrix)->explanation[0].id, convt::MsgId::kExplainConvMatrix1d);
  EXPECT_EQ(stage(StageId::kScatterOutput)->explanation[0].id,
            convt::MsgId::kExplainScatterOutput1d);
  EXPECT_EQ(stage(StageId::kOutput)->explanation[0].id, convt::MsgId::kExplainOutputCrop1d);
  // And 2-D keeps its wording.
  const Derivation two = convt::derive(convt::square_params(2, 3, 3, 2, 1));
  EXPECT_EQ(convt::resolve(two.find(StageId::kFlippedKernel)->title, convt::Lang::kEn),
            "The kernel rotated 180 degrees");
}

}  // namespace
