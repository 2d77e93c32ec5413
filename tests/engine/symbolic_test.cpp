// --symbolic in the engine: the names of the symbols, sums as products of terms, the check
// stage's comparison of the sums, and the limit on the products. Every sum of every small layer,
// against a brute force and as the JSON writes it: tests/render/render_json_symbolic_test.cpp.
#include "convt/symbolic.h"

#include <gtest/gtest.h>

#include <string>

#include "convt/derivation.h"
#include "convt/error.h"
#include "convt/messages.h"

namespace convt {
namespace {

TEST(SymbolNames, WritesRowAndColumnIndicesInEachNotation) {
  const SymbolNames names(2, 3, 3, 2, 4);
  EXPECT_EQ(names.kernel(5, Notation::kAscii), "w12");
  EXPECT_EQ(names.input(7, Notation::kAscii), "x13");
  EXPECT_EQ(names.kernel(5, Notation::kUnicode), "w\u2081\u2082");  // w₁₂
  EXPECT_EQ(names.input(7, Notation::kLatex), "x_{13}");
}

TEST(SymbolNames, SeparatesIndicesOfTwoDigits) {
  const SymbolNames names(2, 1, 12, 11, 1);
  EXPECT_EQ(names.kernel(11, Notation::kAscii), "w0,11");
  EXPECT_EQ(names.input(10, Notation::kLatex), "x_{10,0}");
}

TEST(SymbolNames, UsesOneIndexInOneDimension) {
  const SymbolNames names(1, 1, 3, 1, 12);
  EXPECT_EQ(names.kernel(2, Notation::kAscii), "w2");
  EXPECT_EQ(names.input(11, Notation::kUnicode), "x\u2081\u2081");  // x₁₁
}

TEST(SymbolNames, WritesSumsOfProductsAndZero) {
  const SymbolNames names(2, 2, 2, 2, 2);
  const Expr sum = {{0, 3}, {1, 2}};
  EXPECT_EQ(names.text(sum, Notation::kAscii), "x00*w11 + x01*w10");
  EXPECT_EQ(names.text(sum, Notation::kUnicode),
            "x\u2080\u2080\u00b7w\u2081\u2081 + x\u2080\u2081\u00b7w\u2081\u2080");
  EXPECT_EQ(names.text(sum, Notation::kLatex), "x_{00} w_{11} + x_{01} w_{10}");
  EXPECT_EQ(names.text({}, Notation::kAscii), "0");
}

TEST(Symbolic, ProductPairsEveryTermAndNormalizeOrdersByInputThenTap) {
  Expr e = product({{2, -1}, {0, -1}}, {{-1, 1}});
  EXPECT_EQ(e, (Expr{{2, 1}, {0, 1}}));
  add_to(e, {{0, 0}});
  normalize(e);
  EXPECT_EQ(e, (Expr{{0, 0}, {0, 1}, {2, 1}}));
}

TEST(Symbolic, CheckStageComparesTheSums) {
  DeriveOptions options;
  options.symbolic = true;
  const Derivation d = derive(square_params(2, 2, 2, 2, 1), options);
  const Stage* check = d.find(StageId::kCheck);
  ASSERT_NE(check, nullptr);
  int symbolic_lines = 0;
  for (const CheckLine& line : check->checks)
    if (line.message.id == MsgId::kCheckSymbolicScatter ||
        line.message.id == MsgId::kCheckSymbolicDirect) {
      ++symbolic_lines;
      EXPECT_TRUE(line.ok);
      EXPECT_NE(resolve(line.message, Lang::kEn).find("16 of 16 cells"), std::string::npos);
    }
  EXPECT_EQ(symbolic_lines, 2);
}

TEST(Symbolic, RefusesLayersWithTooManyProducts) {
  DeriveOptions options;
  options.symbolic = true;
  try {
    derive(square_params(2, 26, 4), options);
    FAIL() << "expected an Error";
  } catch (const Error& e) {
    EXPECT_EQ(convt::resolve(e.message(), convt::Lang::kEn),
              "--symbolic: the sums would hold 10816 products (676 input cells x 16 kernel "
              "taps), over the limit of 10000; use a smaller --n or --k");
  }
  EXPECT_NO_THROW(derive(square_params(2, 25, 4), options));  // 625 x 16 = 10000
}

}  // namespace
}  // namespace convt
