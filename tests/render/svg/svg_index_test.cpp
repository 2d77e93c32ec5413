// index.html of --format svg (svg_index_html): every figure in order with its explanation.
#include <gtest/gtest.h>

#include <string>

#include "convt/derivation.h"
#include "convt/params.h"
#include "convt/render_svg.h"

namespace {

using convt::Derivation;
using convt::Figure;
using convt::SvgOptions;

TEST(SvgIndex, ShowsEveryFigureInOrderWithItsExplanation) {
  const Derivation d = convt::derive(convt::square_params(2, 2, 2, 2, 1));
  const auto figures = convt::render_svg(d, SvgOptions{});
  const std::string html = figures.back().content;
  size_t at = 0;
  for (const Figure& f : figures) {
    if (f.name == "index.html") continue;
    const size_t found = html.find("<img src=\"" + f.name + "\"", at);
    ASSERT_NE(found, std::string::npos) << f.name << " missing or out of order";
    at = found;
  }
  EXPECT_NE(html.find("<h2>10. The zero-inserted input, padded (5&#xA0;&#xD7;&#xA0;5)</h2>"),
            std::string::npos);
  EXPECT_NE(html.find("<p>Slide the flipped kernel over the padded input"), std::string::npos);
  SvgOptions quiet;
  quiet.explanations = false;
  EXPECT_EQ(convt::render_svg(d, quiet).back().content.find("<p>Slide the"), std::string::npos);
}

}  // namespace
