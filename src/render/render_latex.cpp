// The latex format: amsmath matrices and escaped prose, as a fragment or a whole document.
#include <algorithm>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
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
/// A grid is shown whole when \convtfit need not shrink it below half its size...
constexpr int64_t kPageWidths = 2;
/// ... and when its rows fit one page (a display cannot break across pages).
constexpr int64_t kPageRows = 48;

/// The marks, as macros a document may redefine (\providecommand keeps a definition it has),
/// \convtfit, which shrinks a matrix wider than the line to the line's width (graphicx), and
/// \convtlabel, the row and column labels of C and C^T.
constexpr const char* kMarkMacros[] = {
    // Two source lines (a line break after the control word \\width is no space).
    "\\providecommand{\\convtfit}[1]{\\resizebox{\\ifdim\\width",
    ">\\linewidth\\linewidth\\else\\width\\fi}{!}{#1}}",
    "\\providecommand{\\convtzero}{\\textcolor[gray]{0.55}{\\cdot}}",
    "\\providecommand{\\convtpad}{\\textcolor[gray]{0.55}{\\circ}}",
    "\\providecommand{\\convtcrop}[1]{\\textcolor[gray]{0.55}{[#1]}}",
    "\\providecommand{\\convtkept}[1]{{#1}^{*}}",
    "\\providecommand{\\convtadded}{0^{+}}",
    "\\providecommand{\\convtlabel}[1]{{\\scriptstyle #1}}",
};

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

/// A catalogue math span as inline math: "$F = (n-1)s + k$", "$\\langle C u, x\\rangle$".
std::string math(std::string_view text) { return "$" + detail::math_latex(text) + "$"; }

/// C^T, "\\times" and "\\to" as math, options in typewriter (escaped), math spans as math.
/// Prose escaped for LaTeX (the spelling's escape takes one argument).
std::string latex_prose(std::string_view text) { return detail::latex_escape(text); }

constexpr detail::ProseSpelling kLatexSpelling{latex_prose, "$C^T$", "$\\times$", "$\\to$",
                                               "\\texttt{", "}",     true,        math};

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
  bool whole_grids() const override { return true; }
  bool typesets_math() const override { return true; }
  int64_t indent() const override { return 0; }

  /// A standalone document's preamble, or a comment saying what the fragment needs; then the
  /// mark macros.
  std::vector<std::string> prologue(const RenderOptions& options) const override {
    std::vector<std::string> lines;
    if (options.standalone) {
      // Chinese prose (--lang zh) needs a CJK font setup: ctex, compiled with xelatex; the
      // first lines say so.
      if (options.lang == Lang::kZh)
        for (std::string& line :
             wrap(resolve({MsgId::kLatexXelatexNote, {}}, options.lang), options.width - 2, 0))
          lines.push_back("% " + line);
      std::string geometry = "margin=2cm";
      if (options.paper == Paper::kA4) geometry = "a4paper," + geometry;
      if (options.paper == Paper::kLetter) geometry = "letterpaper," + geometry;
      lines.emplace_back("\\documentclass{article}");
      if (options.lang == Lang::kZh) lines.emplace_back("\\usepackage{ctex}");
      for (std::string line :
           {"\\usepackage[" + geometry + "]{geometry}", std::string("\\usepackage{amsmath}"),
            std::string("\\usepackage{graphicx}"), std::string("\\usepackage{color}"),
            std::string("\\begin{document}")})
        lines.push_back(std::move(line));
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

  /// A caption paragraph in italics: "\\noindent\\textit{output channel 1}".
  std::vector<std::string> slice_caption(const std::string& text,
                                         const RenderOptions& options) const override {
    return source_lines("\\noindent\\textit{" + text + "}", options.width);
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
    const SymbolicCellWriter symbolic = sums ? SymbolicCellWriter([&](int64_t r, int64_t c) {
      return symbolic_cell_text(grid, r, c, *grid_options.symbols);
    })
                                             : SymbolicCellWriter{};
    GridPlan plan = plan_grid(grid, grid_options, geometry, cell_text, symbolic);
    // A whole grid must still fit a page once \convtfit has shrunk it, legibly: what is wider
    // than kPageWidths lines or taller than kPageRows rows is cut like a terminal grid, with
    // notes (--full prints it all).
    if (grid_options.whole && !grid_options.full && !lists_sums(grid, grid_options, plan)) {
      TextGridOptions page = grid_options;
      page.whole = false;
      page.width = kPageWidths * grid_options.width;
      page.max_rows = kPageRows;
      GridPlan cut = plan_grid(grid, page, geometry, cell_text, symbolic);
      if (cut.cols_elided() || cut.rows_elided()) plan = std::move(cut);
    }
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
    auto cell = [&](int64_t r, int64_t c) {
      return sums ? kLatexMarks.decorate(
                        grid_options.symbols->text(grid.expr(r, c), Notation::kLatex),
                        grid.kind(r, c))
                  : latex_cell(grid.value(r, c), grid.kind(r, c));
    };
    detail::DrawnGrid out{{}, plan.kinds, plan.notes};
    // C and C^T (footprint) carry their row and column labels, as the text format shows them;
    // they are wide, so they always go through \convtfit, which shrinks only what overflows.
    if (grid_options.footprint)
      out.lines = labelled_matrix(grid, plan, cell, grid_options, options);
    else
      out.lines = bare_matrix(plan, cell, plan.overflows, options);
    return out;
  }

 private:
  using CellText = std::function<std::string(int64_t r, int64_t c)>;

  /// The lines of one matrix row: its cells joined by &, "\\" after all but the last row.
  static std::vector<std::string> matrix_row(std::string row, bool last,
                                             const RenderOptions& options) {
    if (!last) row += " \\\\";
    return source_lines(row, options.width, 2);
  }

  /// The grid as a bmatrix, elided columns and rows as \\cdots, \\vdots and \\ddots; set
  /// through \\convtfit when `wide`.
  static std::vector<std::string> bare_matrix(const GridPlan& plan, const CellText& cell, bool wide,
                                              const RenderOptions& options) {
    const int64_t columns = static_cast<int64_t>(plan.cols.size());
    std::vector<std::string> lines;
    if (columns > kDefaultMaxMatrixCols)
      lines = source_lines("\\ifnum\\value{MaxMatrixCols}<" + std::to_string(columns) +
                               " \\setcounter{MaxMatrixCols}{" + std::to_string(columns) + "}\\fi",
                           options.width);
    lines.emplace_back("\\[");
    if (wide) lines.emplace_back("\\convtfit{$\\displaystyle");
    if (columns > kTightColumns) lines.emplace_back("\\arraycolsep=2.5pt");
    lines.emplace_back("\\begin{bmatrix}");
    for (size_t i = 0; i < plan.rows.size(); ++i) {
      const std::string row = row_cells(plan.rows[i], plan, cell).substr(3);  // no leading " & "
      for (std::string& line : matrix_row(row, i + 1 == plan.rows.size(), options))
        lines.push_back(std::move(line));
    }
    lines.emplace_back("\\end{bmatrix}");
    if (wide) lines.emplace_back("$}");
    lines.emplace_back("\\]");
    return lines;
  }

  /// The cells of plan row `r` (kGap: the elided rows), each after " & ": the gap marks where
  /// rows or columns are elided.
  static std::string row_cells(int64_t r, const GridPlan& plan, const CellText& cell) {
    std::string row;
    for (int64_t c : plan.cols) {
      row += " & ";
      if (r == kGap)
        row += c == kGap ? "\\ddots" : "\\vdots";
      else
        row += c == kGap ? "\\cdots" : cell(r, c);
    }
    return row;
  }

  /// The grid as an array with its labels, as the text format has them: the column labels
  /// above a rule (a line per coordinate, "0 0 0 1 1 ..." over "0 1 2 0 1 ..."), the row
  /// labels left of a rule, labels small; set through \\convtfit. With channel blocks
  /// (TextGridOptions::channel_blocks), a rule "|" before a column and \\hline before a row
  /// where the channel changes.
  static std::vector<std::string> labelled_matrix(const Grid& grid, const GridPlan& plan,
                                                  const CellText& cell,
                                                  const TextGridOptions& grid_options,
                                                  const RenderOptions& options) {
    const int64_t columns = static_cast<int64_t>(plan.cols.size());
    auto label = [](const std::string& text) { return "\\convtlabel{" + text + "}"; };
    const std::vector<bool> col_rules = channel_rules(plan.cols, grid.col_labels, grid_options);
    const std::vector<bool> row_rules = channel_rules(plan.rows, grid.row_labels, grid_options);
    std::vector<std::string> lines{"\\[", "\\convtfit{$\\displaystyle"};
    if (columns > kTightColumns) lines.emplace_back("\\arraycolsep=2.5pt");
    if (std::find(col_rules.begin(), col_rules.end(), true) == col_rules.end()) {
      lines.push_back("\\begin{array}{r|*{" + std::to_string(columns) + "}{c}}");
    } else {
      std::string spec = "r|";
      for (bool rule : col_rules) spec += rule ? "|c" : "c";
      for (std::string& line : source_lines("\\begin{array}{" + spec + "}", options.width))
        lines.push_back(std::move(line));
    }
    int64_t first = 0;
    while (plan.cols[static_cast<size_t>(first)] == kGap) ++first;
    const size_t header_lines =
        column_header(grid.col_labels, plan.cols[static_cast<size_t>(first)]).size();
    for (size_t h = 0; h < header_lines; ++h) {
      std::string row;
      for (int64_t c : plan.cols)
        row += " & " +
               (c == kGap ? std::string("\\cdots") : label(column_header(grid.col_labels, c)[h]));
      for (std::string& line : matrix_row(row.substr(1), false, options))
        lines.push_back(std::move(line));
    }
    lines.emplace_back("\\hline");
    for (size_t i = 0; i < plan.rows.size(); ++i) {
      const int64_t r = plan.rows[i];
      if (row_rules[i]) lines.emplace_back("\\hline");
      const std::string row =
          (r == kGap ? std::string("\\vdots") : label(grid.row_labels.label(r))) +
          row_cells(r, plan, cell);
      for (std::string& line : matrix_row(row, i + 1 == plan.rows.size(), options))
        lines.push_back(std::move(line));
    }
    lines.emplace_back("\\end{array}");
    lines.emplace_back("$}");
    lines.emplace_back("\\]");
    return lines;
  }
};

}  // namespace

std::string render_latex(const Derivation& derivation, const RenderOptions& options) {
  static const LatexFlavour kFlavour;
  return detail::write_document(derivation, options, kFlavour);
}

}  // namespace convt
