// The LaTeX format (render_latex): fragment and standalone document, escaping, wide matrices,
// exponents.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "convt/derivation.h"
#include "convt/render.h"
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
  EXPECT_TRUE(contains(tex, "\\usepackage{amsmath}\n\\usepackage{color}\n\\begin{document}\n"));
  EXPECT_EQ(tex.substr(tex.size() - 15), "\\end{document}\n");
}

TEST(Latex, EscapesCatalogueText) {
  const std::string tex = convt::render_latex(derive(10, 3, 2, 1), {});
  EXPECT_TRUE(contains(tex, "output\\_padding=0 $\\to$ 19~$\\times$~19"));
  EXPECT_TRUE(contains(tex, "\\texttt{-{}-full} prints them all"));
  EXPECT_TRUE(contains(tex, "$<$C u, x$>$ = $<$u, $C^T$ x$>$"));
  EXPECT_FALSE(contains(tex, "C^T x>"));
}

TEST(Latex, WideMatricesRaiseMaxMatrixColsAndElideWithDots) {
  const std::string tex = convt::render_latex(derive(10, 3, 2, 1, {StageId::kConvMatrix}), {});
  EXPECT_TRUE(contains(tex, "\\ifnum\\value{MaxMatrixCols}<"));
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
