// The XML writing of the SVG figures (render/svg/svg_document.h): escaping of markup and of
// non-ASCII text, and catalogue words that would break the markup.
#include "render/svg/svg_document.h"

#include <gtest/gtest.h>

#include <string>

#include "convt/derivation.h"
#include "convt/params.h"
#include "convt/render_svg.h"
#include "figures_by_name.h"
#include "svg_reader.h"

namespace {

using convt::Derivation;
using convt::SvgOptions;
using convt::testing::by_name;
using convt::testing::read_xml;

TEST(SvgEscape, EscapesMarkupAndWritesNonAsciiAsReferences) {
  using convt::detail::xml_escape;
  EXPECT_EQ(xml_escape("a<b>&\"c\"'d'"), "a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;");
  EXPECT_EQ(xml_escape("3 \u00d7 3 \u2192 C\u1d40"), "3 &#xD7; 3 &#x2192; C&#x1D40;");
  EXPECT_EQ(xml_escape("tab\tnew\nbell\x07"), "tab\tnew\nbell");  // XML 1.0 has no U+0007
  EXPECT_EQ(xml_escape("bad \xff byte"), "bad &#xFFFD; byte");
  EXPECT_EQ(xml_escape("cut \xe2\x86"), "cut &#xFFFD;&#xFFFD;");
}

TEST(SvgEscape, CatalogueWordsWithApostrophesAndAnglesStayWellFormed) {
  // The legend of the padded input says "kernel's"; the check says "<C u, x>".
  const Derivation d = convt::derive(convt::square_params(2, 2, 2, 1, 0));
  const auto figures = by_name(convt::render_svg(d, SvgOptions{}));
  EXPECT_NE(figures.at("padded_input.svg").find("kernel&apos;s footprint"), std::string::npos);
  EXPECT_NE(figures.at("check.svg").find("&lt;C u, x&gt;"), std::string::npos);
  for (const auto& [name, content] : figures) {
    if (name != "index.html") {
      EXPECT_NO_THROW(read_xml(content)) << name;
    }
  }
}

}  // namespace
