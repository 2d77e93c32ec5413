// What every format of `convt explain` shares (render.h): format names, colour that adds escapes
// and nothing else (text and unicode only), the width of terminal formats, and --quiet-text.
// Each format's own writing: render_<format>_test.cpp; numbers against PyTorch:
// formats_pytorch_test.cpp.
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
using convt::Format;
using convt::RenderOptions;
using convt::StageId;
using convt::testing::code_points;
using convt::testing::contains;
using convt::testing::joined;
using convt::testing::lines_of;
using convt::testing::strip_escapes;

Derivation derive(int64_t n, int64_t k, int64_t s, int64_t p, std::vector<StageId> stages = {},
                  std::vector<double> kernel = {}) {
  return convt::testing::derive_square(n, k, s, p, std::move(stages), std::move(kernel));
}

TEST(TerminalColor, ColourAddsEscapesAndNothingElse) {
  // Meaning never depends on colour: without its escapes the coloured output is the plain one.
  const Derivation d = derive(2, 2, 2, 1);
  for (Format format : {Format::kText, Format::kUnicode}) {
    RenderOptions plain, coloured;
    coloured.color = true;
    const std::string without = convt::render(d, format, plain);
    const std::string with = convt::render(d, format, coloured);
    EXPECT_EQ(without.find('\x1b'), std::string::npos);
    EXPECT_NE(with.find('\x1b'), std::string::npos);
    EXPECT_EQ(strip_escapes(with), without);
  }
}

TEST(TerminalColor, MarksPaddingStrideFootprintCropAndVerdict) {
  RenderOptions options;
  options.color = true;
  const std::string text = convt::render_text(derive(2, 2, 2, 1), options);
  EXPECT_TRUE(contains(text, "\x1b[34m_\x1b[0m")) << "padding zeros";
  EXPECT_TRUE(contains(text, "\x1b[90m.\x1b[0m")) << "inserted zeros";
  EXPECT_TRUE(contains(text, "(0,0) \x1b[1;33m1\x1b[0m \x1b[1;33m2\x1b[0m")) << "kernel taps in C";
  EXPECT_TRUE(contains(text, "\x1b[31m[1]\x1b[0m")) << "cropped cells";
  EXPECT_TRUE(contains(text, "[\x1b[1;32mok\x1b[0m]")) << "check verdict";
}

TEST(TerminalColor, OtherFormatsNeverColour) {
  RenderOptions options;
  options.color = true;
  const Derivation d = derive(2, 2, 2, 1);
  for (Format format : {Format::kMarkdown, Format::kLatex, Format::kJson})
    EXPECT_EQ(convt::render(d, format, options).find('\x1b'), std::string::npos);
}

// --- Width -----------------------------------------------------------------------------------

TEST(Width, NoTerminalLineIsWiderThanTheWidth) {
  for (int64_t width : {60, 80, 100}) {
    RenderOptions options;
    options.width = width;
    options.color = true;
    for (const Derivation& d : {derive(3, 3, 2, 1), derive(10, 3, 2, 1), derive(4, 2, 1, 1)}) {
      for (Format format : {Format::kText, Format::kUnicode, Format::kLatex})
        for (const std::string& line : lines_of(convt::render(d, format, options)))
          EXPECT_LE(code_points(strip_escapes(line)), width) << line;
    }
  }
}

TEST(Width, FullPrintsEveryColumnBeyondTheWidth) {
  RenderOptions options;
  options.width = 40;
  options.full = true;
  const std::string text =
      convt::render(derive(3, 3, 1, 1, {StageId::kConvMatrix}), Format::kUnicode, options);
  int64_t widest = 0;
  for (const std::string& line : lines_of(text)) widest = std::max(widest, code_points(line));
  EXPECT_GT(widest, 40);
  EXPECT_FALSE(contains(text, "\u22ef"));
}

// --- Every format ----------------------------------------------------------------------------

TEST(Formats, NamesRoundTrip) {
  for (const std::string& name : convt::format_names()) {
    ASSERT_TRUE(convt::format_from_name(name)) << name;
  }
  EXPECT_EQ(convt::format_from_name("unicode"), Format::kUnicode);
  EXPECT_EQ(convt::format_from_name("markdown"), Format::kMarkdown);
  EXPECT_EQ(convt::format_from_name("latex"), Format::kLatex);
}

TEST(Formats, QuietTextDropsExplanationsButKeepsLegendsAndChecks) {
  RenderOptions quiet;
  quiet.explanations = false;
  const Derivation d = derive(2, 2, 2, 1);
  for (Format format : {Format::kText, Format::kUnicode, Format::kMarkdown, Format::kLatex}) {
    const std::string loud = joined(convt::render(d, format, {}));
    const std::string text = joined(convt::render(d, format, quiet));
    EXPECT_TRUE(contains(loud, "PyTorch stores them"));
    EXPECT_FALSE(contains(text, "PyTorch stores them"));
    EXPECT_FALSE(contains(text, "Three independent routes"));
    EXPECT_TRUE(contains(text, "legend: "));
    EXPECT_TRUE(contains(text, "PASS"));
  }
}

}  // namespace
