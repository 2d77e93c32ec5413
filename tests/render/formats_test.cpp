// The output formats (unicode, markdown, latex) and terminal behaviour (colour, display width),
// called as library functions. Numbers are checked against PyTorch's fixtures; widths against
// an independent count of code points.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "convt/derivation.h"
#include "convt/render.h"
#include "text/style.h"
#include "text/text_grid.h"

namespace {

using convt::ColorMode;
using convt::Derivation;
using convt::Format;
using convt::RenderOptions;
using convt::StageId;
using convt::TerminalFacts;
using nlohmann::json;

Derivation derive(int64_t n, int64_t k, int64_t s, int64_t p, std::vector<StageId> stages = {},
                  std::vector<double> kernel = {}) {
  convt::Params params;
  params.dims = 2;
  params.axes = {{n, k, s, p, 1, 0}, {n, k, s, p, 1, 0}};
  params.kernel = std::move(kernel);
  convt::DeriveOptions options;
  options.stages = std::move(stages);
  return convt::derive(params, options);
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

/// Terminal columns of UTF-8 text without escapes, counted independently of display_width:
/// one per code point (every glyph convt writes is narrow).
int64_t code_points(const std::string& text) {
  int64_t count = 0;
  for (unsigned char c : text) count += (c & 0xc0) != 0x80;
  return count;
}

/// `text` without ANSI SGR sequences.
std::string strip_escapes(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\x1b' && i + 1 < text.size() && text[i + 1] == '[') {
      i = text.find('m', i);
      continue;
    }
    out += text[i];
  }
  return out;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

/// `text` with its line breaks as spaces: wrapped prose, read as sentences.
std::string joined(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

// --- Colour decision -------------------------------------------------------------------------

TerminalFacts tty(const char* term = "xterm-256color") {
  TerminalFacts facts;
  facts.stdout_is_tty = true;
  if (term) facts.term = term;
  return facts;
}

TEST(DecideColor, AutoColoursATerminalOnly) {
  EXPECT_TRUE(convt::decide_color(ColorMode::kAuto, tty()));
  TerminalFacts piped = tty();
  piped.stdout_is_tty = false;
  EXPECT_FALSE(convt::decide_color(ColorMode::kAuto, piped));
}

TEST(DecideColor, AutoNeedsATermThatIsNotDumb) {
  EXPECT_FALSE(convt::decide_color(ColorMode::kAuto, tty("dumb")));
  EXPECT_FALSE(convt::decide_color(ColorMode::kAuto, tty(nullptr)));
  EXPECT_FALSE(convt::decide_color(ColorMode::kAuto, tty("")));
}

TEST(DecideColor, NonEmptyNoColorTurnsAutoOff) {
  TerminalFacts facts = tty();
  facts.no_color = "1";
  EXPECT_FALSE(convt::decide_color(ColorMode::kAuto, facts));
  facts.no_color = "";  // https://no-color.org: only a non-empty value counts
  EXPECT_TRUE(convt::decide_color(ColorMode::kAuto, facts));
}

TEST(DecideColor, ClicolorForceColoursAPipe) {
  TerminalFacts piped;
  piped.clicolor_force = "1";
  EXPECT_TRUE(convt::decide_color(ColorMode::kAuto, piped));
  piped.clicolor_force = "0";
  EXPECT_FALSE(convt::decide_color(ColorMode::kAuto, piped));
  piped.clicolor_force = "";
  EXPECT_FALSE(convt::decide_color(ColorMode::kAuto, piped));
}

TEST(DecideColor, NoColorWinsOverClicolorForce) {
  TerminalFacts facts = tty();
  facts.no_color = "1";
  facts.clicolor_force = "1";
  EXPECT_FALSE(convt::decide_color(ColorMode::kAuto, facts));
}

TEST(DecideColor, TheFlagWinsOverTheEnvironment) {
  TerminalFacts off;  // piped, NO_COLOR set
  off.no_color = "1";
  EXPECT_TRUE(convt::decide_color(ColorMode::kAlways, off));
  TerminalFacts forced = tty();
  forced.clicolor_force = "1";
  EXPECT_FALSE(convt::decide_color(ColorMode::kNever, forced));
}

TEST(DecideColor, ModeNames) {
  EXPECT_EQ(convt::color_mode_from_name("auto"), ColorMode::kAuto);
  EXPECT_EQ(convt::color_mode_from_name("always"), ColorMode::kAlways);
  EXPECT_EQ(convt::color_mode_from_name("never"), ColorMode::kNever);
  EXPECT_EQ(convt::color_mode_from_name("yes"), std::nullopt);
}

TEST(Paint, WrapsInSgrAndResetOnlyWhenOn) {
  EXPECT_EQ(convt::paint(".", convt::Tone::kStructural, false), ".");
  EXPECT_EQ(convt::paint(".", convt::Tone::kStructural, true), "\x1b[90m.\x1b[0m");
  EXPECT_EQ(convt::paint("7", convt::Tone::kPlain, true), "7");
}

// --- Display width ---------------------------------------------------------------------------

TEST(DisplayWidth, CountsColumnsNotBytes) {
  EXPECT_EQ(convt::display_width("abc 12"), 6);
  EXPECT_EQ(convt::display_width("\u00b7"), 1);              // · is two bytes
  EXPECT_EQ(convt::display_width("\u22123"), 2);             // −3: the minus is three bytes
  EXPECT_EQ(convt::display_width("\u2502\u2500\u253c"), 3);  // box drawing
  EXPECT_EQ(convt::display_width("\u6f22\u5b57"), 4);        // two CJK ideographs, wide
  EXPECT_EQ(convt::display_width("e\u0301"), 1);             // e + combining acute
  EXPECT_EQ(convt::display_width("\x1b[1;33m9\x1b[0m"), 1);
}

TEST(DisplayWidth, PadLeftAlignsWideGlyphs) {
  EXPECT_EQ(convt::pad_left("\u22123", 4), "  \u22123");
  EXPECT_EQ(convt::pad_left("\u6f22", 3), " \u6f22");
}

// --- Colour in the terminal formats ----------------------------------------------------------

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

// --- Unicode ---------------------------------------------------------------------------------

TEST(Unicode, BoxGridUsesTypographicMarks) {
  const std::string text = convt::render_unicode(derive(2, 2, 2, 1), {});
  EXPECT_TRUE(contains(text, "    1 \u2502 \u2218 1 \u00b7 2 \u2218\n"));  // padded input row
  EXPECT_TRUE(contains(text, "  \u2500\u2500\u2500\u2500\u253c"));
  EXPECT_TRUE(contains(text, "The transpose C\u1d40 (16\u00a0\u00d7\u00a04)"));
  EXPECT_TRUE(contains(text, "m = (2\u22121)\u00d72 \u2212 2\u00d71 + 2 = 2"));
  EXPECT_TRUE(contains(text, "[\u2713 ok] output shape 2\u00a0\u00d7\u00a02"));
}

TEST(Unicode, ColumnsStayAlignedWithMultiByteMinus) {
  // Negative values are written with U+2212 (three bytes, one column): every row of a grid whose
  // cells are right-aligned must end in the same column.
  const std::string text =
      convt::render_unicode(derive(2, 2, 1, 0, {StageId::kFlippedKernel}, {-1, 20, -300, 4}), {});
  std::vector<int64_t> ends;
  for (const std::string& line : lines_of(text))
    if (contains(line, "\u2502") && line.find_first_not_of(' ') < line.find("\u2502"))
      ends.push_back(code_points(line));
  ASSERT_EQ(ends.size(), 2u) << text;
  EXPECT_EQ(ends[0], ends[1]) << text;
  EXPECT_TRUE(contains(text, "\u2212300")) << text;
}

// --- Markdown --------------------------------------------------------------------------------

TEST(Markdown, StagesAreSecondLevelHeadingsAndGridsPipeTables) {
  const std::string md = convt::render_markdown(derive(2, 2, 2, 1), {});
  EXPECT_EQ(md.rfind("# Transposed convolution (ConvTranspose2d): n=2, k=2, s=2, p=1, d=1, "
                     "output\\_padding=0 \u2192 2 \u00d7 2\n",
                     0),
            0u);
  EXPECT_TRUE(contains(md, "\n## 1. Output size\n"));
  EXPECT_TRUE(contains(md, "\n$$m = (2-1)\\cdot 2 - 2\\cdot 1 + 2 = 2$$\n"));
  EXPECT_TRUE(contains(
      md, "\n|         |   0 |   1 |\n| ------- | --: | --: |\n| **0**   |   1 |   2 |\n"));
  EXPECT_TRUE(contains(md, "| **0**   |  ~~1~~ |  ~~2~~ |  ~~2~~ |  ~~4~~ |"));
  EXPECT_TRUE(
      contains(md, "legend: \u00b7 = 0 inserted by the stride; \u2218 = 0 of the d(k-1) padding"));
  EXPECT_TRUE(contains(md, "\n- **ok** output shape 2 \u00d7 2 equals the formula's 2 \u00d7 2\n"));
}

TEST(Markdown, TableRowsHaveTheHeadersCellCount) {
  const std::string md = convt::render_markdown(derive(10, 3, 2, 1), {});
  int64_t header_bars = -1;
  for (const std::string& line : lines_of(md)) {
    if (line.rfind("| ", 0) != 0) {
      header_bars = -1;
      continue;
    }
    const auto bars = std::count(line.begin(), line.end(), '|');
    if (header_bars < 0) header_bars = bars;
    EXPECT_EQ(bars, header_bars) << line;
  }
}

TEST(Markdown, EscapesCatalogueTextAndTypesetsMath) {
  RenderOptions options;
  options.width = 60;
  const std::string md = convt::render_markdown(derive(10, 3, 2, 1), options);
  EXPECT_TRUE(contains(md, "(a\\*s, b\\*s)"));
  EXPECT_TRUE(contains(md, "multiplies by $C^T$"));
  EXPECT_TRUE(contains(md, "w\\[u\\]"));
  EXPECT_TRUE(contains(joined(md), "`--full` prints them all"));
  EXPECT_TRUE(contains(md, "\\<C u, x\\> = \\<u, $C^T$ x\\>"));
  // A wrapped paragraph line never starts a list, heading, quote or table.
  bool in_table = false;
  for (const std::string& line : lines_of(md)) {
    in_table = line.rfind("| ", 0) == 0;
    if (line.empty() || in_table || line.rfind("## ", 0) == 0 || line.rfind("# ", 0) == 0 ||
        line.rfind("- **ok**", 0) == 0 || line.rfind("**PASS", 0) == 0 || line.rfind("$$", 0) == 0)
      continue;
    EXPECT_EQ(std::string("-+*#>|=`~").find(line[0]), std::string::npos) << line;
  }
}

TEST(Markdown, ElisionKeepsFirstAndLastColumnAndSaysWhatIsHidden) {
  const std::string md = convt::render_markdown(derive(10, 3, 2, 1, {StageId::kConvMatrix}), {});
  const std::vector<std::string> lines = lines_of(md);
  const auto header = std::find_if(lines.begin(), lines.end(),
                                   [](const std::string& l) { return l.rfind("| ", 0) == 0; });
  ASSERT_NE(header, lines.end());
  EXPECT_TRUE(contains(*header, " (0,0) |"));
  EXPECT_TRUE(contains(*header, "\u22ef"));
  EXPECT_EQ(header->substr(header->size() - 10), " (20,20) |");
  EXPECT_TRUE(contains(md, "| **\u22ee** "));
  EXPECT_TRUE(contains(md, "\u22f1"));
  EXPECT_TRUE(contains(md, "| **(9,9)** |"));
  EXPECT_TRUE(contains(md, "rows 20 to 79 are not shown (60 of 100)"));
}

// --- LaTeX -----------------------------------------------------------------------------------

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

// --- The numbers, against PyTorch --------------------------------------------------------------

const json& article_cases() {
  static const json cases = [] {
    std::ifstream in(std::string(CONVT_FIXTURES_DIR) + "/pytorch_cases.json");
    const json all = json::parse(in);  // kept alive: the loop below iterates into it
    json out = json::array();
    for (const json& c : all.at("cases"))
      if (c.at("category") == "article") out.push_back(c);
    return out;
  }();
  return cases;
}

/// A cell as written by a format, read back as a number: marks of zeros are 0, cropped and
/// struck-out values are their value, "−" is a minus.
double read_cell(std::string cell) {
  for (const char* mark : {"\u00b7", "\u2218", "\\convtzero", "\\convtpad"})
    if (cell == mark) return 0.0;
  for (const char* strip : {"~~", "\\convtcrop{", "[", "]", "}"}) {
    for (size_t at = cell.find(strip); at != std::string::npos; at = cell.find(strip))
      cell.erase(at, std::string(strip).size());
  }
  for (size_t at = cell.find("\u2212"); at != std::string::npos; at = cell.find("\u2212"))
    cell.replace(at, 3, "-");
  return std::stod(cell);
}

std::vector<std::string> split_cells(const std::string& row, const std::string& separator) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    const size_t end = row.find(separator, start);
    std::string cell =
        row.substr(start, end == std::string::npos ? std::string::npos : end - start);
    cell.erase(0, cell.find_first_not_of(' '));
    cell.erase(cell.find_last_not_of(' ') + 1);
    if (!cell.empty()) out.push_back(cell);
    if (end == std::string::npos) return out;
    start = end + separator.size();
  }
}

/// The values of the last grid of a rendering, row-major.
std::vector<double> last_grid(const std::string& text, Format format) {
  std::vector<std::vector<std::string>> rows;
  const std::vector<std::string> lines = lines_of(text);
  if (format == Format::kLatex) {
    const size_t begin = text.rfind("\\begin{bmatrix}\n"), end = text.rfind("\n\\end{bmatrix}");
    std::string body = text.substr(begin + 16, end - begin - 16);
    std::replace(body.begin(), body.end(), '\n', ' ');
    for (const std::string& row : split_cells(body, "\\\\")) rows.push_back(split_cells(row, "&"));
  } else {
    for (const std::string& line : lines) {
      if (format == Format::kMarkdown) {
        if (line.rfind("| **", 0) != 0) {
          if (line.rfind("| ", 0) == 0) rows.clear();  // the next table's header
          continue;
        }
        std::vector<std::string> cells = split_cells(line, "|");
        cells.erase(cells.begin());  // the row label
        rows.push_back(cells);
      } else {  // unicode: "  r │ v v v", after the rule line
        const size_t bar = line.find("\u2502");
        if (bar == std::string::npos) continue;
        if (line.find_first_not_of(' ') == bar) {
          rows.clear();  // a header line starts a new grid
          continue;
        }
        rows.push_back(split_cells(line.substr(bar + 3), " "));
      }
    }
  }
  std::vector<double> values;
  for (const auto& row : rows)
    for (const std::string& cell : row) values.push_back(read_cell(cell));
  return values;
}

TEST(FormatsAgainstPyTorch, OutputAndFullGridOfTheArticleCasesInEveryFormat) {
  ASSERT_EQ(article_cases().size(), 4u);
  for (const json& c : article_cases()) {
    const auto n = c.at("n")[0].get<int64_t>(), k = c.at("k")[0].get<int64_t>(),
               s = c.at("s")[0].get<int64_t>(), p = c.at("p")[0].get<int64_t>();
    const auto output = c.at("output").get<std::vector<double>>();
    const auto full = c.at("full").get<std::vector<double>>();
    for (Format format : {Format::kUnicode, Format::kMarkdown, Format::kLatex}) {
      SCOPED_TRACE("k=" + std::to_string(k) + " s=" + std::to_string(s) +
                   " p=" + std::to_string(p) + " n=" + std::to_string(n) + " format " +
                   std::to_string(static_cast<int>(format)));
      EXPECT_EQ(
          last_grid(convt::render(derive(n, k, s, p, {StageId::kOutput}), format, {}), format),
          output);
      EXPECT_EQ(last_grid(convt::render(derive(n, k, s, p, {StageId::kMatrixOutput}), format, {}),
                          format),
                full);
    }
  }
}

TEST(FormatsAgainstPyTorch, ConvMatrixOfTheArticleCasesWithFull) {
  for (const json& c : article_cases()) {
    const auto n = c.at("n")[0].get<int64_t>(), k = c.at("k")[0].get<int64_t>(),
               s = c.at("s")[0].get<int64_t>(), p = c.at("p")[0].get<int64_t>();
    const auto matrix = c.at("conv_matrix").get<std::vector<double>>();
    RenderOptions options;
    options.full = true;
    for (Format format : {Format::kUnicode, Format::kMarkdown, Format::kLatex})
      EXPECT_EQ(
          last_grid(convt::render(derive(n, k, s, p, {StageId::kConvMatrix}), format, options),
                    format),
          matrix)
          << "format " << static_cast<int>(format);
  }
}

}  // namespace
