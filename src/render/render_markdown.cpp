// The markdown format: GitHub-flavoured Markdown for lecture notes (GitHub, Jupyter, pandoc).
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "convt/render.h"
#include "render/document_writer.h"
#include "render/render_common.h"
#include "text/cell_marks.h"
#include "text/number_format.h"
#include "text/text_grid.h"

namespace convt {
namespace {

using detail::ProsePiece;

// Every character here must get through pandoc's default PDF route (pdflatex, whose utf8
// input encoding knows "…", "·", "◦", "×" and "→", but not "⋯" or "∘") as well as GitHub and
// cmark-gfm: tests/e2e/formats_check.sh converts documents with pandoc to PDF.
constexpr std::string_view kGapMark = "\u2026";  // … for the elided rows and columns

/// Stands for a space inside a math span until the paragraph is wrapped: a line break inside
/// "$...$" would end the math for some readers, so a span is one word to wrap.
constexpr char kMathSpace = '\x04';

/// Plain text with every character Markdown (CommonMark, GFM, pandoc) could read as markup
/// backslash-escaped. Line starts are handled by may_start_line.
std::string escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '<':
      case '>':
      case '|':
      case '~':
      case '^':
      case '$':
      case '&':
      case '@':
        out += '\\';
        break;
      default:
        break;
    }
    out += c;
  }
  return out;
}

/// Whether a wrapped line may start with `word` and still be a paragraph line: not a list
/// bullet, heading, block quote, setext underline, fence, table row or ordered-list number.
bool may_start_line(std::string_view word) {
  if (word.empty()) return true;
  const char c = word[0];
  if (c == '-' || c == '+' || c == '*' || c == '#' || c == '>' || c == '=' || c == '`' ||
      c == '~' || c == '|' || c == ':')
    return false;
  // An ordered list interrupts a paragraph only when it starts at 1 (CommonMark 5.2).
  size_t digits = 0;
  while (digits < word.size() && word[digits] >= '0' && word[digits] <= '9') ++digits;
  const bool marker =
      digits > 0 && digits + 1 == word.size() && (word[digits] == '.' || word[digits] == ')');
  return !(marker && word.find_first_not_of('0') == digits - 1 && word[digits - 1] == '1');
}

/// "·" structural zeros, "◦" padding zeros, "~~v~~" cropped (struck through), "v\\*" kept,
/// "0+" added zeros.
constexpr CellMarks kMarkdownMarks =
    make_cell_marks({}, {"\u00b7", "", true}, {"\u00b7", "", true}, {"\u25e6", "", true},
                    {"\u00b7", "", true}, {"~~", "~~"}, {"", "\\*"}, {"0+", "", true});

std::string markdown_cell(double value, CellKind kind) {
  return kMarkdownMarks.decorate(format_number(value), kind);
}

/// A sum in Markdown math: "$x_{00} w_{11} + x_{01} w_{10}$".
std::string markdown_sum(const SymbolNames& names, const Expr& e) {
  return "$" + names.text(e, Notation::kLatex) + "$";
}

/// A catalogue math span as inline math, "$F = (n-1)s + k$", its spaces held (kMathSpace).
std::string math(std::string_view text) {
  std::string out = "$" + detail::math_latex(text) + "$";
  std::replace(out.begin(), out.end(), ' ', kMathSpace);
  return out;
}

/// The lines with the spaces of math spans back.
std::vector<std::string> unhold(std::vector<std::string> lines) {
  for (std::string& line : lines) std::replace(line.begin(), line.end(), kMathSpace, ' ');
  return lines;
}

/// C^T as math, "×" and "→", options as code, math spans as inline math.
constexpr detail::ProseSpelling kMarkdownSpelling{escape, "$C^T$", "\u00d7", "\u2192",
                                                  "`",    "`",     false,    math};

class MarkdownFlavour final : public detail::DocumentFlavour {
 public:
  const CellMarks& marks() const override { return kMarkdownMarks; }

  /// Catalogue text escaped, with C^T and sizes as math and options as code.
  std::string prose(const std::vector<ProsePiece>& pieces,
                    const RenderOptions& options) const override {
    return detail::spell_prose(pieces, kMarkdownSpelling,
                               [&](CellKind kind) { return mark(kind, options); });
  }

  std::string size(const std::string& text, const RenderOptions& /*options*/) const override {
    std::string out;
    for (const ProsePiece& piece : detail::split_prose(text))
      out += piece.kind == ProsePiece::Kind::kTimes ? std::string("\u00d7") : piece.text;
    return out;
  }

  bool spaced() const override { return true; }
  bool whole_grids() const override { return true; }
  bool typesets_math() const override { return true; }
  int64_t indent() const override { return 0; }

  std::vector<std::string> heading(const std::string& text,
                                   const RenderOptions& /*options*/) const override {
    return unhold({"# " + text});
  }

  std::vector<std::string> stage_title(int index, StageId /*id*/, const std::string& title,
                                       const std::string& size,
                                       const RenderOptions& /*options*/) const override {
    std::string line = "## " + std::to_string(index) + ". " + title;
    if (!size.empty()) line += " (" + size + ")";
    return unhold({line});
  }

  std::vector<std::string> paragraph(const std::string& text,
                                     const RenderOptions& options) const override {
    return unhold(wrap(text, options.width, 0, may_start_line));
  }

  /// Each formula line as display math, after a blank line.
  std::vector<std::string> equations(const std::vector<std::string>& lines,
                                     const RenderOptions& /*options*/) const override {
    std::vector<std::string> out;
    for (const std::string& line : lines) {
      out.emplace_back();
      out.push_back("$$" + detail::equation_latex(line, false) + "$$");
    }
    return out;
  }

  /// A bullet per comparison: "- **ok** ...".
  std::vector<std::string> checks(const std::vector<detail::CheckItem>& items,
                                  const RenderOptions& options) const override {
    std::vector<std::string> out;
    for (const detail::CheckItem& item : items) {
      std::vector<std::string> lines =
          unhold(wrap("**" + item.word + "** " + item.sentence, options.width, 2, may_start_line));
      lines[0].replace(0, 2, "- ");
      for (std::string& line : lines) out.push_back(std::move(line));
    }
    return out;
  }

  /// An emphasised line: "*output channel 1*".
  std::vector<std::string> slice_caption(const std::string& text,
                                         const RenderOptions& options) const override {
    return paragraph("*" + text + "*", options);
  }

  std::vector<std::string> verdict(const std::string& text, bool /*ok*/,
                                   const RenderOptions& options) const override {
    return paragraph("**" + text + "**", options);
  }

  /// The grid as a pipe table: a header row of column labels, a bold first column of row
  /// labels, right-aligned cells padded so that the source lines up too. A grid of sums too
  /// wide for a table (lists_sums): a bullet per cell, "- $z[0][1] = x_{00} w_{01} + ...$".
  /// The caption as inline math: "$x(0,1) = 2$".
  std::string stamp_caption(const std::string& cell, double x) const override {
    return "$x(" + cell + ") = " + detail::number_latex(x) + "$";
  }

  detail::DrawnGrid draw(const Grid& grid, const TextGridOptions& grid_options,
                         const RenderOptions& options) const override {
    GridGeometry geometry;
    geometry.frame = 8;     // "| **" before the label, "** |" after it
    geometry.sep = 3;       // " " before a cell, " |" after it
    geometry.gap = 6;       // " …   |": the gap column is as wide as a delimiter ":-:"
    geometry.min_cell = 3;  // a delimiter cell "--:" needs three characters
    geometry.one_line_headers = true;
    // No hanging marks (GridGeometry::marks): a rendered table right-aligns each cell's text
    // whatever blanks the source has, so the source stays right-aligned as it renders.
    const bool sums = grid_options.symbols && grid.symbolic();
    auto symbolic_cell = [&](int64_t r, int64_t c) {
      return kMarkdownMarks.decorate(markdown_sum(*grid_options.symbols, grid.expr(r, c)),
                                     grid.kind(r, c));
    };
    const GridPlan plan =
        plan_grid(grid, grid_options, geometry, markdown_cell,
                  sums ? SymbolicCellWriter(symbolic_cell) : SymbolicCellWriter{});
    if (lists_sums(grid, grid_options, plan))
      return detail::list_of_sums(
          grid, grid_options, Notation::kLatex,
          [](const ListedSum& cell, const std::string& mark) {
            return "- $" + cell.name + " = " + cell.sum + "$" + (mark.empty() ? "" : " " + mark);
          },
          [&](CellKind kind) { return mark(kind, options); });
    const int64_t label = plan.label_width + 4;  // with the ** of bold
    // A 1-D row of values (no row labels) is a table of its columns alone.
    auto row_line = [&](const std::string& head, auto&& cell) {
      std::string line = plan.row_labels ? "| " + pad_right(head, label) + " |" : "|";
      for (int64_t c : plan.cols) line += " " + cell(c) + " |";
      return line;
    };

    detail::DrawnGrid out{{}, plan.kinds, plan.notes};
    out.lines.push_back(row_line("", [&](int64_t c) {
      return c == kGap ? pad_right(std::string(kGapMark), 3)
                       : pad_left(grid.col_labels.label(c), plan.cell_width);
    }));
    out.lines.push_back(row_line(std::string(static_cast<size_t>(label), '-'), [&](int64_t c) {
      return c == kGap ? std::string(":-:")
                       : std::string(static_cast<size_t>(plan.cell_width) - 1, '-') + ":";
    }));
    for (int64_t r : plan.rows) {
      if (r == kGap) {
        out.lines.push_back(row_line("**" + std::string(kGapMark) + "**", [&](int64_t c) {
          return c == kGap ? pad_right(std::string(kGapMark), 3)
                           : pad_left(std::string(kGapMark), plan.cell_width);
        }));
        continue;
      }
      out.lines.push_back(row_line("**" + grid.row_labels.label(r) + "**", [&](int64_t c) {
        return c == kGap ? pad_right(std::string(kGapMark), 3)
                         : pad_left(sums ? symbolic_cell(r, c)
                                         : markdown_cell(grid.value(r, c), grid.kind(r, c)),
                                    plan.cell_width);
      }));
    }
    return out;
  }

 private:
  static std::string pad_right(const std::string& text, int64_t width) {
    const int64_t have = display_width(text);
    return have >= width ? text : text + std::string(static_cast<size_t>(width - have), ' ');
  }
};

}  // namespace

std::string render_markdown(const Derivation& derivation, const RenderOptions& options) {
  static const MarkdownFlavour kFlavour;
  return detail::write_document(derivation, options, kFlavour);
}

}  // namespace convt
