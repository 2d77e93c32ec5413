// The derivation engine: stages, hand-worked values, the rules of validate_params, and an
// exhaustive comparison with a brute-force transposed convolution.
#include "convt/derivation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "convt/error.h"
#include "error_text.h"
#include "grid_values.h"
#include "reference_conv.h"

namespace {

using convt::AxisParams;
using convt::Derivation;
using convt::DeriveOptions;
using convt::Params;
using convt::StageId;
using convt::testing::error_text;
using convt::testing::kinds_of;
using convt::testing::values_of;
using Rows = std::vector<std::vector<double>>;
using Kinds = std::vector<std::string>;

Params params_of(std::vector<AxisParams> axes) {
  Params p;
  p.dims = static_cast<int>(axes.size());
  p.axes = std::move(axes);
  return p;
}

const convt::Grid& grid_of(const Derivation& d, StageId id) {
  const convt::Stage* stage = d.find(id);
  if (stage == nullptr || !stage->grid)
    throw std::runtime_error("no grid for stage " + std::string(convt::stage_name(id)));
  return *stage->grid;
}

std::vector<StageId> ids_of(const Derivation& d) {
  std::vector<StageId> ids;
  for (const convt::Stage& s : d.stages) ids.push_back(s.id);
  return ids;
}

std::string derive_error(const Params& p, const convt::Limits& limits = {}) {
  return error_text([&] { convt::derive(p, DeriveOptions{limits, {}}); });
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

// ---------------------------------------------------------------------------------------------
// Stage ids, order and selection.

TEST(Stages, IdsAreTheJsonContractInPipelineOrder) {
  std::vector<std::string> names;
  for (StageId id : convt::all_stages()) names.emplace_back(convt::stage_name(id));
  EXPECT_EQ(names,
            (std::vector<std::string>{
                "formula", "kernel", "input", "conv_matrix", "transposed_matrix", "matrix_output",
                "scatter_output", "zero_inserted", "padded_input", "flipped_kernel",
                "dilated_kernel", "direct_output", "output", "overlap", "check"}));
  for (StageId id : convt::all_stages())
    EXPECT_EQ(convt::stage_from_name(convt::stage_name(id)), id);
  EXPECT_FALSE(convt::stage_from_name("Output").has_value());
  EXPECT_FALSE(convt::stage_from_name("").has_value());
}

TEST(Stages, DilatedKernelAppearsOnlyWithDilation) {
  std::vector<StageId> without = convt::all_stages();
  without.erase(std::find(without.begin(), without.end(), StageId::kDilatedKernel));
  EXPECT_EQ(ids_of(convt::derive(convt::square_params(2, 2, 2))), without);
  EXPECT_EQ(ids_of(convt::derive(convt::square_params(2, 2, 2, 1, 0, 2))), convt::all_stages());
  // One dilated axis is enough.
  EXPECT_EQ(ids_of(convt::derive(params_of({{2, 2, 1, 0, 1, 0}, {2, 2, 1, 0, 3, 0}}))),
            convt::all_stages());
}

TEST(Stages, SelectionIsReturnedInPipelineOrder) {
  DeriveOptions options;
  options.stages = {StageId::kCheck, StageId::kOutput, StageId::kFormula};
  Derivation d = convt::derive(convt::square_params(2, 3, 3, 1, 1), options);
  EXPECT_EQ(ids_of(d),
            (std::vector<StageId>{StageId::kFormula, StageId::kOutput, StageId::kCheck}));
}

TEST(Stages, DilatedKernelIsNotReturnedWithoutDilationEvenWhenSelected) {
  DeriveOptions options;
  options.stages = {StageId::kDilatedKernel, StageId::kKernel};
  EXPECT_EQ(ids_of(convt::derive(convt::square_params(1, 3, 3), options)),
            (std::vector<StageId>{StageId::kKernel}));
}

TEST(Stages, PassedIsComputedWithoutTheCheckStage) {
  DeriveOptions options;
  options.stages = {StageId::kOutput};
  Derivation d = convt::derive(convt::square_params(2, 3, 3, 1, 1), options);
  EXPECT_EQ(ids_of(d), (std::vector<StageId>{StageId::kOutput}));
  EXPECT_TRUE(d.passed);
  EXPECT_EQ(d.find(StageId::kCheck), nullptr);
}

TEST(Stages, ParseStageListAcceptsIdsWithSpaces) {
  EXPECT_EQ(convt::parse_stage_list("output,check"),
            (std::vector<StageId>{StageId::kOutput, StageId::kCheck}));
  EXPECT_EQ(convt::parse_stage_list(" conv_matrix , formula "),
            (std::vector<StageId>{StageId::kConvMatrix, StageId::kFormula}));
}

TEST(Stages, ParseStageListNamesTheUnknownIdAndTheValidOnes) {
  const std::string valid =
      "valid ids: formula, kernel, input, conv_matrix, transposed_matrix, matrix_output, "
      "scatter_output, zero_inserted, padded_input, flipped_kernel, dilated_kernel, "
      "direct_output, output, overlap, check";
  EXPECT_EQ(error_text([] { convt::parse_stage_list("output,foo"); }),
            "--stages: unknown stage id 'foo'; " + valid);
  EXPECT_EQ(error_text([] { convt::parse_stage_list(""); }),
            "--stages: unknown stage id ''; " + valid);
  EXPECT_EQ(error_text([] { convt::parse_stage_list("output,"); }),
            "--stages: unknown stage id ''; " + valid);
}

// ---------------------------------------------------------------------------------------------
// validate_params: the rules that involve several fields, with their exact messages.

TEST(ValidateParams, ReturnsTheShapeOfEveryAxis) {
  // rows: n=2, k=3, s=2, p=1, d=2, op=1; cols: n=3, k=2 (worked by hand below).
  const std::vector<convt::AxisShape> shapes =
      convt::validate_params(params_of({{2, 3, 2, 1, 2, 1}, {3, 2, 1, 0, 1, 0}}), convt::Limits{});
  ASSERT_EQ(shapes.size(), 2u);
  EXPECT_EQ(shapes[0].inserted, 3);   // (2-1)*2 + 1
  EXPECT_EQ(shapes[0].pad, 4);        // 2*(3-1)
  EXPECT_EQ(shapes[0].dilated_k, 5);  // 2*(3-1) + 1
  EXPECT_EQ(shapes[0].full, 7);       // (2-1)*2 + 2*(3-1) + 1
  EXPECT_EQ(shapes[0].padded, 11);    // 3 + 2*4
  EXPECT_EQ(shapes[0].output, 6);     // 7 - 2*1 + 1
  EXPECT_EQ(shapes[1].inserted, 3);
  EXPECT_EQ(shapes[1].pad, 1);
  EXPECT_EQ(shapes[1].dilated_k, 2);
  EXPECT_EQ(shapes[1].full, 4);
  EXPECT_EQ(shapes[1].padded, 5);
  EXPECT_EQ(shapes[1].output, 4);
  EXPECT_EQ(convt::size_text({6, 4}), "6 x 4");
  EXPECT_EQ(convt::size_text({5}), "5");
}

TEST(ValidateParams, NoOutputNamesPaddingAndTheLargestThatWorks) {
  EXPECT_EQ(derive_error(convt::square_params(1, 1, 3, 1, 3)),
            "--p: padding 3 leaves no output: m = (1-1)*1 - 2*3 + 3 = (-3) < 1; the largest "
            "padding that works here is 1");
  EXPECT_EQ(derive_error(convt::square_params(1, 2, 2, 2, 3, 2, 1)),
            "--p: padding 3 leaves no output: m = (2-1)*2 - 2*3 + 2*(2-1) + 1 + 1 = 0 < 1; the "
            "largest padding that works here is 2");
  EXPECT_EQ(derive_error(params_of({{3, 3, 1, 1, 1, 0}, {1, 3, 1, 3, 1, 0}})),
            "--p: padding 3 (cols) leaves no output: m = (1-1)*1 - 2*3 + 3 = (-3) < 1; the "
            "largest padding that works here is 1");
}

TEST(ValidateParams, LargestWorkingPaddingIsExact) {
  // For every small axis: the padding the message proposes works, one more does not.
  for (int64_t n = 1; n <= 3; ++n)
    for (int64_t k = 1; k <= 3; ++k)
      for (int64_t s = 1; s <= 3; ++s)
        for (int64_t dil = 1; dil <= 2; ++dil)
          for (int64_t op = 0; op < std::max(s, dil); ++op) {
            const AxisParams a{n, k, s, 0, dil, op};
            const int64_t largest = convt::largest_working_padding(convt::axis_shape(a));
            Params works = params_of({{n, k, s, largest, dil, op}});
            EXPECT_EQ(derive_error(works), "<no error>");
            const std::string refused = derive_error(params_of({{n, k, s, largest + 1, dil, op}}));
            EXPECT_NE(
                refused.find("the largest padding that works here is " + std::to_string(largest)),
                std::string::npos)
                << refused;
          }
}

TEST(ValidateParams, OutputPaddingMustBeBelowMaxOfStrideAndDilation) {
  EXPECT_EQ(derive_error(convt::square_params(1, 3, 3, 2, 0, 1, 2)),
            "--op: output_padding 2 must be smaller than max(stride, dilation) = 2: it only "
            "picks among the output sizes that all map back to n = 3 under the forward "
            "convolution");
  EXPECT_EQ(derive_error(params_of({{4, 3, 1, 0, 1, 1}, {4, 3, 1, 0, 1, 0}})),
            "--op: output_padding 1 (rows) must be smaller than max(stride, dilation) = 1: it "
            "only picks among the output sizes that all map back to n = 4 under the forward "
            "convolution");
  // Dilation raises the limit: op = 2 with s = 1, d = 3 is legal.
  EXPECT_EQ(derive_error(convt::square_params(1, 3, 3, 1, 0, 3, 2)), "<no error>");
  EXPECT_EQ(derive_error(convt::square_params(1, 3, 3, 1, 0, 3, 3)),
            "--op: output_padding 3 must be smaller than max(stride, dilation) = 3: it only "
            "picks among the output sizes that all map back to n = 3 under the forward "
            "convolution");
}

TEST(ValidateParams, CustomValueCountsMustMatchTheShape) {
  Params p = params_of({{2, 3, 1, 0, 1, 0}, {2, 2, 1, 0, 1, 0}});
  p.kernel = {1, 2, 3, 4};
  EXPECT_EQ(derive_error(p), "--kernel: needs 6 values (k = 3 x 2), got 4");
  p.kernel = {1, 2, 3, 4, 5, 6};
  p.input = {1, 2};
  EXPECT_EQ(derive_error(p), "--input: needs 4 values (n = 2 x 2), got 2");
  Params one = convt::square_params(1, 4, 2);
  one.input = {1, 2, 3};
  EXPECT_EQ(derive_error(one), "--input: needs 4 values (n = 4), got 3");
}

TEST(ValidateParams, ValuesWhoseSumsCouldOverflowAreRefused) {
  Params p = convt::square_params(1, 1, 1);
  p.kernel = {1e200};
  p.input = {-1e200};
  EXPECT_EQ(derive_error(p),
            "--kernel/--input: values too large: a sum of products would overflow a double");
}

TEST(ValidateParams, DimsMustBeOneOrTwo) {
  Params p = convt::square_params(2, 2, 2);
  p.dims = 3;
  EXPECT_EQ(derive_error(p), "--dims: must be 1 or 2, got '3'");
}

TEST(ValidateParams, SizeLimitCountsTheEntriesOfEachStage) {
  convt::Limits limits;
  limits.max_cells = 10;  // at most 80 non-zeros of C, 20 cells of every dense stage
  // C of n=3, k=3 holds 9 x 9 = 81 non-zeros.
  EXPECT_EQ(derive_error(convt::square_params(2, 3, 3), limits),
            "--n/--k/--s/--d: stage 'conv_matrix' would hold 81 entries, over the limit of 80 "
            "(8 x --max-cells 10); use smaller sizes or raise --max-cells");
  // 2 x 2 with k = 2: C holds 16 non-zeros, the F-grid 9 cells, the padded input 16: all fit.
  EXPECT_EQ(derive_error(convt::square_params(2, 2, 2), limits), "<no error>");
  // A wide dilation makes the F-grid the largest stage: F = 99*100 + 1 = 9901.
  EXPECT_EQ(derive_error(convt::square_params(1, 1, 100, 1, 0, 100), convt::Limits{1000}),
            "--n/--k/--s/--d: stage 'matrix_output' would hold 9901 entries, over the limit of "
            "2000 (2 x --max-cells 1000); use smaller sizes or raise --max-cells");
}

TEST(ValidateParams, HugeSizesAreRefusedBeforeAnythingIsAllocated) {
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(derive_error(convt::square_params(1, 2000000000, 3)),
            "--n/--k/--s/--d: stage 'conv_matrix' would hold 6000000000 entries, over the limit "
            "of 8000000 (8 x --max-cells 1000000); use smaller sizes or raise --max-cells");
  EXPECT_EQ(derive_error(convt::square_params(2, 2000000000, 3)),
            "--n/--k/--s/--d: sizes too large: the non-zeros of C does not fit in 64 bits");
  EXPECT_EQ(
      derive_error(convt::square_params(1, 2147483647, 2147483647, 2147483647, 0, 2147483647)),
      "--n/--k/--s/--d: sizes too large: the padded input does not fit in 64 bits");
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 0.5);
}

TEST(ValidateParams, SizesNearTheParsingLimitDoNotOverflowSilently) {
  // n = s = 2^31-1 on both axes: every axis fits in 64 bits, their product does not.
  const std::string e = derive_error(convt::square_params(2, 2147483647, 1, 2147483647));
  EXPECT_NE(e.find("does not fit in 64 bits"), std::string::npos) << e;
}

// ---------------------------------------------------------------------------------------------
// The exhaustive property test: every small configuration against a brute-force reference.

/// Small integers in [-6, 6] from a fixed linear congruential sequence: exact in double, with
/// signs and magnitudes that make a flipped or transposed index show.
class SmallInts {
 public:
  explicit SmallInts(uint64_t seed) : state_(seed) {}
  std::vector<double> next(int64_t count) {
    std::vector<double> out;
    for (int64_t i = 0; i < count; ++i) {
      state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
      out.push_back(static_cast<double>(static_cast<int64_t>((state_ >> 33) % 13) - 6));
    }
    return out;
  }

 private:
  uint64_t state_;
};

/// Every legal axis with n, k <= 4, s, d <= 3, p <= 4, op < max(s, d) and m >= 1.
std::vector<AxisParams> small_axes() {
  std::vector<AxisParams> axes;
  for (int64_t n = 1; n <= 4; ++n)
    for (int64_t k = 1; k <= 4; ++k)
      for (int64_t s = 1; s <= 3; ++s)
        for (int64_t dil = 1; dil <= 3; ++dil)
          for (int64_t p = 0; p <= 4; ++p)
            for (int64_t op = 0; op < std::max(s, dil); ++op) {
              const AxisParams a{n, k, s, p, dil, op};
              if (convt::testing::reference_output_size(a) >= 1) axes.push_back(a);
            }
  return axes;
}

std::string describe(const Params& p) {
  std::string out = "dims=" + std::to_string(p.dims);
  for (const AxisParams& a : p.axes)
    out += " [n=" + std::to_string(a.n) + " k=" + std::to_string(a.k) +
           " s=" + std::to_string(a.s) + " p=" + std::to_string(a.p) + " d=" + std::to_string(a.d) +
           " op=" + std::to_string(a.op) + "]";
  return out + (p.kernel.empty() ? " default values" : " custom values");
}

/// Checks one configuration; returns an empty string when it holds, else what went wrong.
std::string check_configuration(const Params& p) {
  Derivation d = convt::derive(p);
  if (!d.passed) return "the engine's own check failed";
  const convt::Stage* check = d.find(StageId::kCheck);
  for (const convt::CheckLine& line : check->checks)
    if (!line.ok) return "check line failed: " + convt::resolve(line.message, convt::Lang::kEn);

  const convt::testing::ReferenceGrid full =
      convt::testing::reference_conv_transpose(p.axes, p.kernel, p.input, false);
  const convt::testing::ReferenceGrid out =
      convt::testing::reference_conv_transpose(p.axes, p.kernel, p.input, true);
  std::vector<int64_t> m;
  for (const AxisParams& a : p.axes) m.push_back(convt::testing::reference_output_size(a));
  if (d.output_size() != m) return "output_size differs from the formula";

  for (StageId id : {StageId::kMatrixOutput, StageId::kScatterOutput, StageId::kDirectOutput}) {
    const convt::Grid& g = grid_of(d, id);
    if (g.rows() != full.rows || g.cols() != full.cols)
      return std::string(convt::stage_name(id)) + " has the wrong shape";
    for (int64_t r = 0; r < g.rows(); ++r)
      for (int64_t c = 0; c < g.cols(); ++c)
        if (g.value(r, c) != full.value(r, c))
          return std::string(convt::stage_name(id)) + " differs at (" + std::to_string(r) + "," +
                 std::to_string(c) + ")";
  }
  const convt::Grid& g = grid_of(d, StageId::kOutput);
  if (g.rows() != out.rows || g.cols() != out.cols) return "output has the wrong shape";
  if (g.cols() != m.back() || g.rows() != (p.dims == 2 ? m[0] : 1))
    return "output does not have m cells per axis";
  for (int64_t r = 0; r < g.rows(); ++r)
    for (int64_t c = 0; c < g.cols(); ++c) {
      if (g.value(r, c) != out.value(r, c))
        return "output differs at (" + std::to_string(r) + "," + std::to_string(c) + ")";
      const bool added = g.kind(r, c) == convt::CellKind::kAddedZero;
      if (added && out.scale(r, c) != 0) return "a cell marked added zero has products";
    }
  return "";
}

/// Runs check_configuration on each of `cases`, reporting at most a few failures.
void expect_all_hold(const std::vector<Params>& cases) {
  int failures = 0;
  for (const Params& p : cases) {
    const std::string problem = check_configuration(p);
    if (problem.empty()) continue;
    if (++failures <= 10) ADD_FAILURE() << describe(p) << ": " << problem;
  }
  EXPECT_EQ(failures, 0) << "of " << cases.size() << " configurations";
}

TEST(Exhaustive, EverySmall1DConfigurationMatchesTheReference) {
  SmallInts ints(1);
  std::vector<Params> cases;
  for (const AxisParams& a : small_axes()) {
    cases.push_back(params_of({a}));
    Params custom = params_of({a});
    custom.kernel = ints.next(a.k);
    custom.input = ints.next(a.n);
    cases.push_back(custom);
  }
  EXPECT_GT(cases.size(), 2500u);
  expect_all_hold(cases);
}

TEST(Exhaustive, EverySmallSquare2DConfigurationMatchesTheReference) {
  SmallInts ints(2);
  std::vector<Params> cases;
  for (const AxisParams& a : small_axes()) {
    cases.push_back(params_of({a, a}));
    Params custom = params_of({a, a});
    custom.kernel = ints.next(a.k * a.k);
    custom.input = ints.next(a.n * a.n);
    cases.push_back(custom);
  }
  expect_all_hold(cases);
}

TEST(Exhaustive, SampledRectangular2DConfigurationsMatchTheReference) {
  const std::vector<AxisParams> axes = small_axes();
  SmallInts ints(3);
  std::vector<Params> cases;
  uint64_t state = 12345;
  for (int i = 0; i < 3000; ++i) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    const AxisParams rows = axes[(state >> 33) % axes.size()];
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    const AxisParams cols = axes[(state >> 33) % axes.size()];
    Params p = params_of({rows, cols});
    if (i % 2 == 1) {
      p.kernel = ints.next(rows.k * cols.k);
      p.input = ints.next(rows.n * cols.n);
    }
    cases.push_back(p);
  }
  expect_all_hold(cases);
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
