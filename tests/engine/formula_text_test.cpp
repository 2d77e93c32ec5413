// The formula module (engine/formula_text.h) against hand-worked values of PyTorch's
// m = (n-1)s - 2p + d(k-1) + op + 1 and F = (n-1)s + d(k-1) + 1, and against the places that
// show its lines: explain's formula stage and the error for m < 1.
#include "engine/formula_text.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "convt/derivation.h"
#include "convt/error.h"
#include "convt/params.h"
#include "convt/shape.h"

namespace {

using convt::AxisParams;
using convt::AxisShape;
namespace formula_text = convt::formula_text;

/// n, k, s, p, d, op in that order.
AxisShape shape_of(int64_t n, int64_t k, int64_t s, int64_t p, int64_t d = 1, int64_t op = 0) {
  return convt::axis_shape(AxisParams{n, k, s, p, d, op});
}

TEST(FormulaText, ShortFormK3S1P1N3GivesThree) {
  // m = (3-1)*1 - 2*1 + 3 = 3; F = (3-1)*1 + 3 = 5.
  const AxisShape s = shape_of(3, 3, 1, 1);
  EXPECT_EQ(formula_text::output_equation(s, false), "m = (3-1)*1 - 2*1 + 3 = 3");
  EXPECT_EQ(formula_text::full_equation(s, false), "F = (n-1)s + k = (3-1)*1 + 3 = 5");
}

TEST(FormulaText, ShortFormK2S2P1N2GivesFullFourAndTwo) {
  // F = (2-1)*2 + 2 = 4; m = F - 2p = 4 - 2 = 2.
  const AxisShape s = shape_of(2, 2, 2, 1);
  EXPECT_EQ(formula_text::full_equation(s, false), "F = (n-1)s + k = (2-1)*2 + 2 = 4");
  EXPECT_EQ(formula_text::output_equation(s, false), "m = (2-1)*2 - 2*1 + 2 = 2");
}

TEST(FormulaText, GeneralFormWritesDilationAndOutputPadding) {
  // n=2, k=3, s=2, p=1, op=1: m = (2-1)*2 - 2*1 + 1*(3-1) + 1 + 1 = 4; F = 2 + 2 + 1 = 5.
  const AxisShape s = shape_of(2, 3, 2, 1, 1, 1);
  EXPECT_EQ(formula_text::output_equation(s, true), "m = (2-1)*2 - 2*1 + 1*(3-1) + 1 + 1 = 4");
  EXPECT_EQ(formula_text::full_equation(s, true),
            "F = (n-1)s + d(k-1) + 1 = (2-1)*2 + 1*(3-1) + 1 = 5");
  // d=2: F = (4-1)*2 + 2*(3-1) + 1 = 11, m = F - 0 + 0 = 11.
  const AxisShape dilated = shape_of(4, 3, 2, 0, 2);
  EXPECT_EQ(formula_text::full_equation(dilated, true),
            "F = (n-1)s + d(k-1) + 1 = (4-1)*2 + 2*(3-1) + 1 = 11");
  EXPECT_EQ(formula_text::output_equation(dilated, true),
            "m = (4-1)*2 - 2*0 + 2*(3-1) + 0 + 1 = 11");
}

TEST(FormulaText, RulesAreThoseOfPyTorch) {
  EXPECT_EQ(formula_text::output_rule(false), "m = (n-1)s - 2p + k");
  EXPECT_EQ(formula_text::output_rule(true), "m = (n-1)s - 2p + d(k-1) + output_padding + 1");
}

TEST(FormulaText, GeneralFormWhenAnyAxisHasDilationOrOutputPadding) {
  EXPECT_FALSE(formula_text::general_form({AxisParams{3, 3, 2, 1, 1, 0}}));
  EXPECT_TRUE(formula_text::general_form({AxisParams{3, 3, 2, 1, 2, 0}}));
  EXPECT_TRUE(
      formula_text::general_form({AxisParams{3, 3, 2, 1, 1, 0}, AxisParams{3, 3, 2, 1, 1, 1}}));
}

TEST(FormulaText, DistinctAxesAreBothOnlyWhenTheyDiffer) {
  const AxisParams a{3, 3, 2, 1, 1, 0}, b{3, 3, 1, 1, 1, 0};
  EXPECT_EQ(formula_text::distinct_axes({a}), (std::vector<size_t>{0}));
  EXPECT_EQ(formula_text::distinct_axes({a, a}), (std::vector<size_t>{0}));
  EXPECT_EQ(formula_text::distinct_axes({a, b}), (std::vector<size_t>{0, 1}));
}

TEST(FormulaText, OutputSumIsTheShortestFormOfOneAxis) {
  EXPECT_EQ(formula_text::output_sum(AxisParams{2, 2, 1, 3, 1, 0}), "(2-1)*1 - 2*3 + 2");
  EXPECT_EQ(formula_text::output_sum(AxisParams{2, 3, 2, 3, 2, 1}),
            "(2-1)*2 - 2*3 + 2*(3-1) + 1 + 1");
  EXPECT_EQ(formula_text::output_sum(AxisParams{2, 3, 2, 3, 1, 1}), "(2-1)*2 - 2*3 + 3 + 1");
}

TEST(FormulaText, StageEquationsNameTheAxesOnlyWhenTheyDiffer) {
  EXPECT_EQ(formula_text::stage_equations({shape_of(2, 2, 2, 1), shape_of(2, 2, 2, 1)}),
            (std::vector<std::string>{"m = (n-1)s - 2p + k", "m = (2-1)*2 - 2*1 + 2 = 2",
                                      "F = (n-1)s + k = (2-1)*2 + 2 = 4"}));
  EXPECT_EQ(formula_text::stage_equations({shape_of(3, 3, 2, 1), shape_of(2, 3, 1, 1)}),
            (std::vector<std::string>{"m = (n-1)s - 2p + k", "rows: m = (3-1)*2 - 2*1 + 3 = 5",
                                      "cols: m = (2-1)*1 - 2*1 + 3 = 2",
                                      "rows: F = (n-1)s + k = (3-1)*2 + 3 = 7",
                                      "cols: F = (n-1)s + k = (2-1)*1 + 3 = 4"}));
}

TEST(FormulaText, ExplainsFormulaStageIsTheModulesLines) {
  convt::Params params = convt::square_params(2, 3, 3, 2, 1);
  params.axes[1] = AxisParams{2, 3, 1, 1, 2, 0};
  const convt::Derivation d = convt::derive(params, {});
  const convt::Stage* formula = d.find(convt::StageId::kFormula);
  ASSERT_NE(formula, nullptr);
  EXPECT_EQ(formula->equations, formula_text::stage_equations(d.shapes));
  EXPECT_EQ(formula->equations[0], "m = (n-1)s - 2p + d(k-1) + output_padding + 1");
}

TEST(FormulaText, NoOutputErrorQuotesTheOutputSum) {
  // n=2, k=2, s=1, p=3: m = (2-1)*1 - 2*3 + 2 = -3 < 1.
  const convt::Params params = convt::square_params(1, 2, 2, 1, 3);
  try {
    convt::validate_params(params, convt::Limits{});
    FAIL() << "m < 1 accepted";
  } catch (const convt::Error& e) {
    const std::string text = convt::resolve(e.message(), convt::Lang::kEn);
    EXPECT_NE(text.find("m = (2-1)*1 - 2*3 + 2 = (-3) < 1"), std::string::npos) << text;
  }
}

}  // namespace
