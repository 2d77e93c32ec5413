// The sums of --symbolic as the JSON writes them, checked exhaustively over small layers. Two
// independent sources: the sums of the output are compared term for term with the pairs (input
// cell, tap) that a brute-force enumeration finds landing on each cell, and every sum of every
// stage, parsed back from the JSON and evaluated with the layer's values, equals the stage's
// numbers. The symbols themselves: tests/engine/symbolic_test.cpp.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "convt/derivation.h"
#include "convt/render.h"
#include "convt/symbolic.h"

namespace convt {
namespace {

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

}  // namespace
}  // namespace convt
