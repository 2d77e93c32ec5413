// The LaTeX format (render_latex): fragment and standalone document, escaping, wide matrices,
// exponents.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "convt/derivation.h"
#include "convt/render.h"
#include "render/render_common.h"
#include "render_helpers.h"

namespace {

using convt::Derivation;
using convt::RenderOptions;
using convt::StageId;
using convt::testing::contains;

Derivation derive(int64_t n, int64_t k, int64_t s, int64_t p, std::vector<StageId> stages = {},
                  std::vector<double> kernel = {}) {
  return convt::testing::derive_square(n, k, s, p, std::move(stages), std::move(kernel));
}

TEST(Latex, FragmentHasMacrosSubsectionsMatricesAndAlign) {
  const std::string tex = convt::render_latex(derive(2, 2, 2, 1), {});
  EXPECT_EQ(tex.rfind("% convt LaTeX fragment", 0), 0u);
  EXPECT_FALSE(contains(tex, "\\documentclass"));
  EXPECT_TRUE(contains(tex, "\\providecommand{\\convtzero}{\\textcolor[gray]{0.55}{\\cdot}}"));
  EXPECT_TRUE(contains(tex, "\n\\subsection*{5. The transpose $C^T$ (16~$\\times$~4)}\n"));
  EXPECT_TRUE(contains(tex, "\\begin{align*}\nm &= (n-1)s - 2p + k\\\\\n"));
  EXPECT_TRUE(contains(tex, "\\begin{bmatrix}\n  1 & 2 \\\\\n  3 & 4\n\\end{bmatrix}"));
  EXPECT_TRUE(contains(tex, "\\convtpad & 1 & \\convtzero & 2 & \\convtpad"));
  EXPECT_TRUE(contains(tex, "\\convtcrop{12}"));
  EXPECT_TRUE(contains(tex, "\\item[\\textbf{ok}] output shape 2~$\\times$~2"));
  EXPECT_EQ(std::count(tex.begin(), tex.end(), '{'), std::count(tex.begin(), tex.end(), '}'));
}

TEST(Latex, StandaloneIsACompleteDocument) {
  RenderOptions options;
  options.standalone = true;
  const std::string tex = convt::render_latex(derive(2, 2, 2, 1), options);
  EXPECT_EQ(tex.rfind("\\documentclass{article}\n", 0), 0u);
  EXPECT_TRUE(contains(tex,
                       "\\usepackage[margin=2cm]{geometry}\n\\usepackage{amsmath}\n"
                       "\\usepackage{graphicx}\n\\usepackage{color}\n\\begin{document}\n"));
  EXPECT_EQ(tex.substr(tex.size() - 15), "\\end{document}\n");
}

TEST(Latex, PaperGoesToGeometry) {
  RenderOptions options;
  options.standalone = true;
  options.paper = convt::Paper::kA4;
  EXPECT_TRUE(contains(convt::render_latex(derive(2, 2, 2, 1), options),
                       "\n\\usepackage[a4paper,margin=2cm]{geometry}\n"));
  options.paper = convt::Paper::kLetter;
  EXPECT_TRUE(contains(convt::render_latex(derive(2, 2, 2, 1), options),
                       "\n\\usepackage[letterpaper,margin=2cm]{geometry}\n"));
}

TEST(Latex, ChineseDocumentSaysItCompilesWithXelatexAndUsesCtex) {
  RenderOptions options;
  options.standalone = true;
  options.lang = convt::Lang::kZh;
  const std::string tex = convt::render_latex(derive(2, 2, 2, 1), options);
  EXPECT_EQ(tex.rfind("% ", 0), 0u);
  const std::string first_lines = tex.substr(0, tex.find("\\documentclass"));
  EXPECT_TRUE(contains(first_lines, "xelatex"));
  EXPECT_TRUE(contains(first_lines, "ctex"));
  EXPECT_TRUE(contains(tex, "\\documentclass{article}\n\\usepackage{ctex}\n"));
}

TEST(Latex, ProseMathIsTypesetAsMath) {
  const std::string tex = convt::render_latex(derive(3, 3, 1, 1), {});
  const std::string text = convt::testing::joined(tex);
  EXPECT_TRUE(contains(text, "the uncropped result is $F = (n-1)s + k$ wide"));
  EXPECT_TRUE(contains(text, "its corner at $(a s, b s)$, taps $d$ apart"));
  EXPECT_TRUE(
      contains(text, "adjoint identity $\\langle C u, x\\rangle = \\langle u, C^T x\\rangle$"));
  EXPECT_TRUE(contains(text, "the test vector $u[j] = (5j \\bmod 11) - 5$"));
  EXPECT_TRUE(contains(text, "$-140 = -140$"));  // minus signs in math
  const std::string padded = convt::testing::joined(convt::render_latex(derive(2, 2, 2, 1), {}));
  EXPECT_TRUE(contains(padded, "Add $d(k-1) = 1$ zero on every side"));
  EXPECT_TRUE(contains(padded, "0 of the $d(k-1)$ padding"));
}

TEST(Latex, ConvMatrixAndTransposeCarryTheirLabels) {
  const std::string tex = convt::render_latex(
      derive(3, 3, 1, 1, {StageId::kConvMatrix, StageId::kTransposedMatrix}), {});
  // C: 25 columns, labelled (a,b) on the rows and by F-grid row over F-grid column above.
  EXPECT_TRUE(contains(tex,
                       "\\convtfit{$\\displaystyle\n\\arraycolsep=2.5pt\n"
                       "\\begin{array}{r|*{25}{c}}\n"));
  EXPECT_TRUE(contains(tex, "\n  & \\convtlabel{0} & \\convtlabel{0} & \\convtlabel{0}"));
  EXPECT_TRUE(contains(tex, "\n  \\convtlabel{(0,0)} & 1 & 2 & 3 & \\convtzero & \\convtzero & 4"));
  EXPECT_TRUE(contains(tex, "\\convtlabel{(2,2)}"));
  // C^T: 9 columns, rows (0,0) to (4,4).
  EXPECT_TRUE(contains(tex, "\\begin{array}{r|*{9}{c}}"));
  EXPECT_TRUE(contains(tex, "\n  \\convtlabel{(4,4)} & \\convtzero"));
  EXPECT_FALSE(contains(tex, "bmatrix"));
}

TEST(Latex, EscapesCatalogueText) {
  const std::string tex = convt::render_latex(derive(10, 3, 2, 1), {});
  EXPECT_TRUE(contains(tex, "output\\_padding=0 $\\to$ 19~$\\times$~19"));
  EXPECT_TRUE(contains(tex, "\\texttt{-{}-full} prints them all"));
  EXPECT_FALSE(contains(tex, "C^T x>"));
}

TEST(Latex, WideMatricesRaiseMaxMatrixColsAndShrinkToTheLine) {
  // The F-grid of n=6, k=3, s=2 is 13 x 13: whole, wider than amsmath's 10 columns.
  const std::string tex = convt::render_latex(derive(6, 3, 2, 0, {StageId::kMatrixOutput}), {});
  EXPECT_TRUE(
      contains(tex, "\\ifnum\\value{MaxMatrixCols}<13 \\setcounter{MaxMatrixCols}{13}\\fi"));
  EXPECT_FALSE(contains(tex, "\\cdots"));
}

TEST(Latex, MatricesTooLargeForAPageAreElidedWithDots) {
  // C of n=10, k=3, s=2 is 100 x 441: shrunk to the line it would be unreadable.
  const std::string tex = convt::render_latex(derive(10, 3, 2, 1, {StageId::kConvMatrix}), {});
  EXPECT_TRUE(contains(tex, "\\convtfit{"));
  EXPECT_TRUE(contains(tex, "\\cdots"));
  EXPECT_TRUE(contains(tex, "\\vdots"));
  EXPECT_TRUE(contains(tex, "\\ddots"));
}

TEST(Latex, ExponentsAreTypesetAsPowersOfTen) {
  const std::string tex =
      convt::render_latex(derive(2, 2, 1, 0, {StageId::kKernel}, {1e-5, -2.5e20, 3, 4}), {});
  EXPECT_TRUE(contains(tex, "1\\times 10^{-5} & -2.5\\times 10^{20}")) << tex;
}

}  // namespace

// latex_escape, shared by the latex format and the quiz sheets: a number's sign is a math minus
// in prose and the typed hyphen in code spans (an answer key is copied as typed); "--" never
// becomes an en dash; TeX's specials are escaped in both.
TEST(LatexEscape, ProseAndCode) {
  using convt::detail::latex_escape;
  using convt::detail::LatexText;
  EXPECT_EQ(latex_escape("4 1 -2 (-3) --full"), "4 1 $-$2 ($-$3) -{}-full");
  EXPECT_EQ(latex_escape("4 1 -2 (-3) --full", LatexText::kCode), "4 1 -2 (-3) -{}-full");
  EXPECT_EQ(latex_escape("a_b 50% {x} #1 & $", LatexText::kCode),
            "a\\_b 50\\% \\{x\\} \\#1 \\& \\$");
}
