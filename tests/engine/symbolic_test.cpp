// --symbolic: the names of the symbols, and an exhaustive check over small layers that every
// sum the derivation writes is the right one. Two independent sources: the sums of the output
// are compared term for term with the pairs (input cell, tap) that a brute-force enumeration
// finds landing on each cell, and every sum of every stage, parsed back from the JSON and
// evaluated with the layer's values, equals the stage's numbers.
#include "convt/symbolic.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "convt/derivation.h"
#include "convt/error.h"
#include "convt/render.h"

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

/// Evaluates "x00*w11 + x01*w10" (or "0") written by SymbolNames::text in ASCII, with its own
/// parser: symbol names are looked up in `values`. Fails the test on anything else.
double evaluate(const std::string& text, const std::map<std::string, double>& values) {
  if (text == "0") return 0.0;
  double sum = 0.0;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(" + ", start);
    if (end == std::string::npos) end = text.size();
    const std::string term = text.substr(start, end - start);
    double product = 1.0;
    size_t from = 0;
    while (from <= term.size()) {
      size_t star = term.find('*', from);
      if (star == std::string::npos) star = term.size();
      const std::string factor = term.substr(from, star - from);
      auto it = values.find(factor);
      EXPECT_NE(it, values.end()) << "unknown symbol '" << factor << "' in '" << text << "'";
      if (it == values.end()) return NAN;
      product *= it->second;
      from = star + 1;
    }
    sum += product;
    start = end + 3;
  }
  return sum;
}

/// The symbols of a layer with their values, named independently of SymbolNames:
/// "w" + row digit + column digit (2-D) or "w" + index (1-D); sizes stay below 10.
std::map<std::string, double> symbol_values(const Params& p) {
  std::map<std::string, double> out;
  auto add = [&](char letter, int64_t rows, int64_t cols, const std::vector<double>& values) {
    for (int64_t r = 0; r < rows; ++r)
      for (int64_t c = 0; c < cols; ++c) {
        std::string name(1, letter);
        if (p.dims == 2) name += std::to_string(r);
        name += std::to_string(c);
        out[name] = values[static_cast<size_t>(r * cols + c)];
      }
  };
  const AxisParams& A = p.dims == 2 ? p.axes[0] : AxisParams{};
  const AxisParams& B = p.axes.back();
  add('w', A.k, B.k, p.kernel);
  add('x', A.n, B.n, p.input);
  return out;
}

/// The output's sum at cell (i, j) by brute force: every (input cell, tap) with
/// a*s0 + u*d0 - p0 == i and b*s1 + v*d1 - p1 == j, as sorted (flat input, flat tap) pairs.
std::set<std::pair<int, int>> brute_force_terms(const Params& p, int64_t i, int64_t j) {
  const AxisParams A = p.dims == 2 ? p.axes[0] : AxisParams{};
  const AxisParams& B = p.axes.back();
  std::set<std::pair<int, int>> terms;
  for (int64_t a = 0; a < A.n; ++a)
    for (int64_t b = 0; b < B.n; ++b)
      for (int64_t u = 0; u < A.k; ++u)
        for (int64_t v = 0; v < B.k; ++v)
          if (a * A.s + u * A.d - A.p == i && b * B.s + v * B.d - B.p == j)
            terms.insert({static_cast<int>(a * B.n + b), static_cast<int>(u * B.k + v)});
  return terms;
}

/// Values with both signs, zeros among them (a zero value must still give its term).
std::vector<double> mixed_values(int64_t count, int seed) {
  std::vector<double> v;
  for (int64_t i = 0; i < count; ++i) v.push_back(static_cast<double>((i * 7 + seed) % 9 - 3));
  return v;
}

void check_layer(const Params& params) {
  DeriveOptions options;
  options.symbolic = true;
  const Derivation d = derive(params, options);
  ASSERT_TRUE(d.passed);
  ASSERT_TRUE(d.symbols);

  // The output's sums against the brute force, term for term and in the fixed order.
  const Stage* output = d.find(StageId::kOutput);
  ASSERT_NE(output, nullptr);
  const Grid& y = *output->grid;
  for (int64_t i = 0; i < y.rows(); ++i)
    for (int64_t j = 0; j < y.cols(); ++j) {
      std::set<std::pair<int, int>> want = brute_force_terms(params, i, j);
      const Expr& got = y.expr(i, j);
      std::vector<std::pair<int, int>> terms;
      for (const Term& t : got) terms.emplace_back(t.x, t.w);
      EXPECT_TRUE(std::is_sorted(terms.begin(), terms.end())) << "cell " << i << "," << j;
      const std::set<std::pair<int, int>> distinct(terms.begin(), terms.end());
      EXPECT_EQ(distinct, want) << "cell " << i << "," << j;
      EXPECT_EQ(terms.size(), want.size()) << "a term is repeated in cell " << i << "," << j;
    }

  // Every sum of every stage, evaluated, equals the stage's number (JSON: symbols vs values).
  RenderOptions render_options;
  const nlohmann::json json = nlohmann::json::parse(render_json(d, render_options));
  const std::map<std::string, double> values = symbol_values(params);
  int checked = 0;
  for (const auto& stage : json["stages"]) {
    if (!stage.contains("values")) continue;
    const std::string id = stage["id"];
    if (id == "overlap") {
      EXPECT_FALSE(stage.contains("symbols"));
      continue;
    }
    ASSERT_TRUE(stage.contains("symbols")) << id;
    ASSERT_EQ(stage["symbols"].size(), stage["values"].size()) << id;
    for (size_t r = 0; r < stage["values"].size(); ++r) {
      ASSERT_EQ(stage["symbols"][r].size(), stage["values"][r].size()) << id;
      for (size_t c = 0; c < stage["values"][r].size(); ++c) {
        const double value = stage["values"][r][c];
        const double evaluated = evaluate(stage["symbols"][r][c], values);
        // The routes sum in other orders than the sorted sum: allow for rounding.
        EXPECT_NEAR(evaluated, value, 1e-9 * (1.0 + std::fabs(value)))
            << id << " [" << r << "][" << c << "] = " << stage["symbols"][r][c];
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 0);
}

TEST(SymbolicExhaustive, EverySumMatchesTheBruteForceAndEvaluatesToTheNumbers) {
  int layers = 0;
  for (int dims : {1, 2})
    for (int64_t n = 1; n <= 3; ++n)
      for (int64_t k = 1; k <= 3; ++k)
        for (int64_t s = 1; s <= 3; ++s)
          for (int64_t d = 1; d <= 2; ++d)
            for (int64_t p = 0; p <= 2; ++p)
              for (int64_t op = 0; op < std::max(s, d); ++op) {
                Params params = square_params(dims, n, k, s, p, d, op);
                const AxisShape shape = axis_shape(params.axes[0]);
                if (shape.output < 1) continue;
                const int64_t taps = dims == 2 ? k * k : k;
                const int64_t inputs = dims == 2 ? n * n : n;
                params.kernel = mixed_values(taps, 1);
                params.input = mixed_values(inputs, 4);
                SCOPED_TRACE("dims=" + std::to_string(dims) + " n=" + std::to_string(n) +
                             " k=" + std::to_string(k) + " s=" + std::to_string(s) +
                             " d=" + std::to_string(d) + " p=" + std::to_string(p) +
                             " op=" + std::to_string(op));
                check_layer(params);
                ++layers;
              }
  EXPECT_GT(layers, 400);
}

TEST(SymbolicExhaustive, RectangularLayersToo) {
  Params params;
  params.dims = 2;
  params.axes = {AxisParams{2, 3, 2, 1, 1, 1}, AxisParams{3, 2, 1, 0, 2, 0}};
  params.kernel = mixed_values(6, 2);
  params.input = mixed_values(6, 5);
  check_layer(params);
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

TEST(Symbolic, NumbersAreTheSameWithAndWithoutSymbols) {
  Params params = square_params(2, 3, 3, 2, 1, 1, 1);
  DeriveOptions symbolic;
  symbolic.symbolic = true;
  RenderOptions render_options;
  const nlohmann::json with =
      nlohmann::json::parse(render_json(derive(params, symbolic), render_options));
  const nlohmann::json without = nlohmann::json::parse(render_json(derive(params), render_options));
  ASSERT_EQ(with["stages"].size(), without["stages"].size());
  for (size_t i = 0; i < with["stages"].size(); ++i) {
    if (without["stages"][i].contains("values")) {
      EXPECT_EQ(with["stages"][i]["values"], without["stages"][i]["values"]) << i;
    }
  }
}

TEST(Symbolic, SparseJsonStagesListOneSumPerTriple) {
  Params params = square_params(1, 4, 3, 1, 0, 2);
  params.kernel = {2, -1, 5};
  DeriveOptions options;
  options.symbolic = true;
  RenderOptions render_options;
  render_options.max_cells = 16;  // C is 4 x 8 = 32 cells: written as triples
  const nlohmann::json json =
      nlohmann::json::parse(render_json(derive(params, options), render_options));
  std::map<std::string, double> values = {{"w0", 2}, {"w1", -1}, {"w2", 5}};
  bool seen = false;
  for (const auto& stage : json["stages"]) {
    if (stage["id"] != "conv_matrix") continue;
    seen = true;
    ASSERT_TRUE(stage.contains("sparse"));
    ASSERT_EQ(stage["symbols"].size(), stage["sparse"].size());
    for (size_t i = 0; i < stage["sparse"].size(); ++i)
      EXPECT_EQ(evaluate(stage["symbols"][i], values), stage["sparse"][i][2].get<double>()) << i;
  }
  EXPECT_TRUE(seen);
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
