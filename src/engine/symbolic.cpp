#include "convt/symbolic.h"

#include <algorithm>
#include <array>

namespace convt {

Expr product(const Expr& a, const Expr& b) {
  Expr out;
  out.reserve(a.size() * b.size());
  for (const Term& s : a)
    for (const Term& t : b) out.push_back({s.x >= 0 ? s.x : t.x, s.w >= 0 ? s.w : t.w});
  return out;
}

void add_to(Expr& a, const Expr& b) { a.insert(a.end(), b.begin(), b.end()); }

void normalize(Expr& e) { std::sort(e.begin(), e.end()); }

SymbolNames::SymbolNames(int dims, int64_t k0, int64_t k1, int64_t n0, int64_t n1)
    : dims_(dims), k0_(k0), k1_(k1), n0_(n0), n1_(n1) {}

namespace {

/// The decimal digits of `v` as Unicode subscripts (₀ ... ₉).
std::string subscript(int64_t v) {
  static constexpr std::array<const char*, 10> kDigits = {"\u2080", "\u2081", "\u2082", "\u2083",
                                                          "\u2084", "\u2085", "\u2086", "\u2087",
                                                          "\u2088", "\u2089"};
  std::string out;
  for (char c : std::to_string(v)) out += kDigits[static_cast<size_t>(c - '0')];
  return out;
}

}  // namespace

std::string SymbolNames::name(char letter, int64_t index, int64_t rows, int64_t cols,
                              Notation n) const {
  std::vector<int64_t> parts;
  if (dims_ == 2)
    parts = {index / cols, index % cols};
  else
    parts = {index};
  // One digit per index reads as "w01"; longer indices need a separator: "w10,3".
  const bool short_form = rows <= 10 && cols <= 10;
  std::string out(1, letter);
  std::string sub;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0 && !short_form) sub += ",";
    sub += n == Notation::kUnicode ? subscript(parts[i]) : std::to_string(parts[i]);
  }
  if (n == Notation::kLatex) return out + "_{" + sub + "}";
  return out + sub;
}

std::string SymbolNames::input(int64_t index, Notation notation) const {
  return name('x', index, n0_, n1_, notation);
}

std::string SymbolNames::kernel(int64_t index, Notation notation) const {
  return name('w', index, k0_, k1_, notation);
}

std::string SymbolNames::text(const Expr& e, Notation notation) const {
  if (e.empty()) return "0";
  const char* times = notation == Notation::kAscii     ? "*"
                      : notation == Notation::kUnicode ? "\u00b7"  // ·
                                                       : " ";
  std::string out;
  for (const Term& t : e) {
    if (!out.empty()) out += " + ";
    if (t.x >= 0) out += input(t.x, notation);
    if (t.x >= 0 && t.w >= 0) out += times;
    if (t.w >= 0) out += kernel(t.w, notation);
  }
  return out;
}

}  // namespace convt
