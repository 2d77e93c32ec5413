// Symbolic cells: with --symbolic every cell of a stage is also an expression in the kernel
// taps w00, w01, ... and the input cells x00, x01, ..., a sum of products x_i * w_j that the
// routes build alongside the numbers.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace convt {

/// One symbol or one product: x (a flat input index) times w (a flat kernel index). A negative
/// index means the factor is absent, so {3, -1} is the input cell x_3 alone and {-1, 0} the
/// tap w_0 alone.
struct Term {
  int32_t x = -1;
  int32_t w = -1;
  friend bool operator==(const Term&, const Term&) = default;
  /// The fixed order of a sum: by input cell, then by kernel tap.
  friend auto operator<=>(const Term&, const Term&) = default;
};

/// A sum of terms; empty is 0.
using Expr = std::vector<Term>;

/// The product a * b of two expressions, each term of a times each term of b.
/// REQUIRES: no term of a shares a factor with a term of b (x times w, never x times x).
Expr product(const Expr& a, const Expr& b);

/// Appends `b` to the sum `a`.
void add_to(Expr& a, const Expr& b);

/// Sorts the terms of `e` into the fixed order (input cell, then tap).
void normalize(Expr& e);

/// How symbols are written.
enum class Notation {
  kAscii,    ///< x00*w11 + x01*w10
  kUnicode,  ///< x₀₀·w₁₁ + x₀₁·w₁₀
  kLatex,    ///< x_{00} w_{11} + x_{01} w_{10} (math mode)
};

/// The names of the symbols of one problem: indices are (row, col) of the kernel or input grid
/// written together ("w01") when every index is one digit, separated by a comma otherwise
/// ("w10,3"); one index in 1-D ("x4").
class SymbolNames {
 public:
  SymbolNames() = default;
  /// `dims` 1 or 2; the kernel and input grids are k0 x k1 and n0 x n1 (k0 = n0 = 1 in 1-D).
  SymbolNames(int dims, int64_t k0, int64_t k1, int64_t n0, int64_t n1);

  /// "x01", "x₀₁" or "x_{01}".
  std::string input(int64_t index, Notation notation) const;
  /// "w10", "w₁₀" or "w_{10}".
  std::string kernel(int64_t index, Notation notation) const;
  /// The sum, "0" when empty: "x00*w11 + x01*w10".
  std::string text(const Expr& e, Notation notation) const;

 private:
  std::string name(char letter, int64_t index, int64_t rows, int64_t cols, Notation n) const;

  int dims_ = 2;
  int64_t k0_ = 1, k1_ = 1, n0_ = 1, n1_ = 1;
};

}  // namespace convt
