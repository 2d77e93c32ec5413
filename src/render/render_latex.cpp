// The latex format: amsmath matrices and escaped prose, as a fragment or a whole document.
#include <string>
#include <string_view>
#include <vector>

#include "convt/render.h"
#include "render/document_writer.h"
#include "render/render_common.h"
#include "text/cell_marks.h"
#include "text/text_grid.h"

namespace convt {
namespace {

using detail::ProsePiece;

/// amsmath's matrices take at most MaxMatrixCols (default 10) columns.
constexpr int64_t kDefaultMaxMatrixCols = 10;
/// Wider matrices are set with a narrower column gap, so that about twice as many fit a line.
constexpr int64_t kTightColumns = 12;

/// The marks, as macros a document may redefine (\providecommand keeps a definition it has).
constexpr const char* kMarkMacros[] = {
    "\\providecommand{\\convtzero}{\\textcolor[gray]{0.55}{\\cdot}}",
    "\\providecommand{\\convtpad}{\\textcolor[gray]{0.55}{\\circ}}",
    "\\providecommand{\\convtcrop}[1]{\\textcolor[gray]{0.55}{[#1]}}",
    "\\providecommand{\\convtkept}[1]{{#1}^{*}}",
    "\\providecommand{\\convtadded}{0^{+}}",
};

/// Text with LaTeX's special characters escaped, safe in OT1 (no < > | glyph surprises) and
/// with "--" kept from becoming an en dash.
std::string escape(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '\\':
        out += "\\textbackslash{}";
        break;
      case '{':
      case '}':
      case '$':
      case '&':
      case '#':
      case '%':
      case '_':
        out += '\\';
        out += c;
        break;
      case '^':
        out += "\\textasciicircum{}";
        break;
      case '~':
        out += "\\textasciitilde{}";
        break;
      case '<':
        out += "$<$";
        break;
      case '>':
        out += "$>$";
        break;
      case '|':
        out += "$|$";
        break;
      case '-':
        out += i + 1 < text.size() && text[i + 1] == '-' ? "-{}" : "-";
        break;
      default:
        out += c;
    }
  }
  return out;
}

/// The marks as the macros above; in running text a mark is math: "$\\convtcrop{v}$".
constexpr CellMarks kLatexMarks =
    make_cell_marks({}, {"\\convtzero", "", true}, {"\\convtzero", "", true},
                    {"\\convtpad", "", true}, {"\\convtzero", "", true}, {"\\convtcrop{", "}"},
                    {"\\convtkept{", "}"}, {"\\convtadded", "", true}, "$", "$");

/// A cell inside a bmatrix.
std::string latex_cell(double value, CellKind kind) {
  return kLatexMarks.decorate(detail::number_latex(value), kind);
}

/// "3 $\\times$ 2" tied with ~ so that a size never breaks across lines.
std::string tie_sizes(std::string text) {
  const std::string loose = " $\\times$ ", tied = "~$\\times$~";
  for (size_t at = text.find(loose); at != std::string::npos; at = text.find(loose, at))
    text.replace(at, loose.size(), tied);
  return text;
}

/// `text` as source lines no wider than the width where it has spaces (a line break is a
/// space to TeX; `text` must not hold a comment).
std::vector<std::string> source_lines(const std::string& text, int64_t width, int64_t indent = 0) {
  return wrap(text, width, indent);
}

/// C^T, "\\times" and "\\to" as math, options in typewriter (escaped).
constexpr detail::ProseSpelling kLatexSpelling{escape,      "$C^T$", "$\\times$", "$\\to$",
                                               "\\texttt{", "}",     true};

class LatexFlavour final : public detail::DocumentFlavour {
 public:
  const CellMarks& marks() const override { return kLatexMarks; }

  /// Catalogue text escaped, with C^T, sizes and arrows as math and options in typewriter.
  std::string prose(const std::vector<ProsePiece>& pieces,
                    const RenderOptions& options) const override {
    return tie_sizes(detail::spell_prose(pieces, kLatexSpelling,
                                         [&](CellKind kind) { return mark(kind, options); }));
  }

  std::string size(const std::string& text, const RenderOptions& /*options*/) const override {
    std::string out;
    for (const ProsePiece& piece : detail::split_prose(text))
      out += piece.kind == ProsePiece::Kind::kTimes ? std::string("$\\times$") : piece.text;
    return tie_sizes(out);
  }

  bool spaced() const override { return true; }
  int64_t indent() const override { return 0; }

  /// A standalone document's preamble, or a comment saying what the fragment needs; then the
  /// mark macros.
  std::vector<std::string> prologue(const RenderOptions& options) const override {
    std::vector<std::string> lines;
    if (options.standalone) {
      lines = {"\\documentclass{article}", "\\usepackage[margin=2cm]{geometry}",
               "\\usepackage{amsmath}", "\\usepackage{color}", "\\begin{document}"};
      // Chinese prose (--lang zh) needs a CJK font setup: ctex (compile with xelatex).
      if (options.lang == Lang::kZh) lines.insert(lines.begin() + 1, "\\usepackage{ctex}");
    } else {
      // A comment: it may say anything, but each of its lines must start with %.
      for (std::string& line :
           wrap(resolve({MsgId::kLatexFragmentNote, {}}, options.lang), options.width - 2, 0))
        lines.push_back("% " + line);
    }
    for (const char* macro : kMarkMacros) lines.emplace_back(macro);
    return lines;
  }

  std::vector<std::string> epilogue(const RenderOptions& options) const override {
    if (options.standalone) return {"\\end{document}"};
    return {};
  }

  /// Ragged right: the parameter list has few good breaks.
  std::vector<std::string> heading(const std::string& text,
                                   const RenderOptions& options) const override {
    return source_lines("\\section*{\\raggedright " + text + "}", options.width);
  }

  std::vector<std::string> stage_title(int index, StageId /*id*/, const std::string& title,
                                       const std::string& size,
                                       const RenderOptions& options) const override {
    std::string line = "\\subsection*{" + std::to_string(index) + ". " + title;
    if (!size.empty()) line += " (" + size + ")";
    return source_lines(line + "}", options.width);
  }

  std::vector<std::string> paragraph(const std::string& text,
                                     const RenderOptions& options) const override {
    return source_lines(text, options.width);
  }

  std::string grid_note(const std::string& text) const override { return "\\noindent " + text; }
  std::string small(const std::string& text) const override {
    return "\\noindent{\\small " + text + "}";
  }

  std::vector<std::string> equations(const std::vector<std::string>& lines,
                                     const RenderOptions& options) const override {
    std::vector<std::string> out{"", "\\begin{align*}"};
    for (size_t i = 0; i < lines.size(); ++i)
      for (std::string& line : source_lines(
               detail::equation_latex(lines[i], true) + (i + 1 < lines.size() ? "\\\\" : ""),
               options.width))
        out.push_back(std::move(line));
    out.emplace_back("\\end{align*}");
    return out;
  }

  std::vector<std::string> checks(const std::vector<detail::CheckItem>& items,
                                  const RenderOptions& options) const override {
    std::vector<std::string> out{"\\begin{itemize}"};
    for (const detail::CheckItem& item : items)
      for (std::string& line :
           source_lines("\\item[\\textbf{" + item.word + "}] " + item.sentence, options.width))
        out.push_back(std::move(line));
    out.emplace_back("\\end{itemize}");
    return out;
  }

  std::vector<std::string> verdict(const std::string& text, bool /*ok*/,
                                   const RenderOptions& options) const override {
    return source_lines("\\noindent\\textbf{" + text + "}", options.width);
  }

  /// The grid as a bmatrix, elided columns and rows as \\cdots, \\vdots and \\ddots; a grid of
  /// sums too wide for a matrix (lists_sums) as an item per cell,
  /// "$z[0][1] = x_{00} w_{01} + x_{01} w_{00}$" (inline math breaks after + and =).
  /// The caption as inline math: "$x(0,1) = 2$".
  std::string stamp_caption(const std::string& cell, double x) const override {
    return "$x(" + cell + ") = " + detail::number_latex(x) + "$";
  }

  detail::DrawnGrid draw(const Grid& grid, const TextGridOptions& grid_options,
                         const RenderOptions& options) const override {
    // Typeset widths, in digits: a column is its widest cell plus the gap between columns;
    // the ASCII marks are about as wide as their typeset ones.
    GridGeometry geometry;
    geometry.labels = false;
    geometry.frame = 2;  // the brackets
    geometry.sep = 2;
    geometry.gap = 5;  // \\cdots with its gap
    // A sum is measured by its ASCII form ("x00*w11"), about as wide as it is typeset.
    const bool sums = grid_options.symbols && grid.symbolic();
    const GridPlan plan = plan_grid(grid, grid_options, geometry, cell_text,
                                    sums ? SymbolicCellWriter([&](int64_t r, int64_t c) {
                                      return symbolic_cell_text(grid, r, c, *grid_options.symbols);
                                    })
                                         : SymbolicCellWriter{});
    if (lists_sums(grid, grid_options, plan)) {
      detail::DrawnGrid list = detail::list_of_sums(
          grid, grid_options, Notation::kLatex,
          [](const ListedSum& cell, const std::string& mark) {
            return "\\item $" + cell.name + " = " + cell.sum + "$" +
                   (mark.empty() ? "" : " " + mark);
          },
          [&](CellKind kind) { return mark(kind, options); });
      detail::DrawnGrid out{{"\\begin{itemize}"}, list.kinds, list.notes};
      for (const std::string& item : list.lines)
        for (std::string& line : source_lines(item, options.width)) out.lines.push_back(line);
      out.lines.emplace_back("\\end{itemize}");
      return out;
    }
    const int64_t columns = static_cast<int64_t>(plan.cols.size());

    detail::DrawnGrid out{{}, plan.kinds, plan.notes};
    if (columns > kDefaultMaxMatrixCols)
      out.lines =
          source_lines("\\ifnum\\value{MaxMatrixCols}<" + std::to_string(columns) +
                           " \\setcounter{MaxMatrixCols}{" + std::to_string(columns) + "}\\fi",
                       options.width);
    out.lines.emplace_back("\\[");
    if (columns > kTightColumns) out.lines.emplace_back("\\arraycolsep=2.5pt");
    out.lines.emplace_back("\\begin{bmatrix}");
    for (size_t i = 0; i < plan.rows.size(); ++i) {
      const int64_t r = plan.rows[i];
      std::string row;
      for (int64_t c : plan.cols) {
        if (!row.empty()) row += " & ";
        if (r == kGap)
          row += c == kGap ? "\\ddots" : "\\vdots";
        else
          row += c == kGap ? "\\cdots"
                 : sums    ? kLatexMarks.decorate(
                                 grid_options.symbols->text(grid.expr(r, c), Notation::kLatex),
                                 grid.kind(r, c))
                        : latex_cell(grid.value(r, c), grid.kind(r, c));
      }
      if (i + 1 < plan.rows.size()) row += " \\\\";
      for (std::string& line : source_lines(row, options.width, 2))
        out.lines.push_back(std::move(line));
    }
    out.lines.emplace_back("\\end{bmatrix}");
    out.lines.emplace_back("\\]");
    return out;
  }
};

}  // namespace

std::string render_latex(const Derivation& derivation, const RenderOptions& options) {
  static const LatexFlavour kFlavour;
  return detail::write_document(derivation, options, kFlavour);
}

}  // namespace convt
