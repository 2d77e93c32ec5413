// The latex format: amsmath matrices and escaped prose, as a fragment or a whole document.
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "convt/error.h"
#include "convt/render.h"
#include "text/text_grid.h"
#include "render/render_common.h"

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

/// A cell inside a bmatrix whose body (a number or a sum, in math mode) is `body`.
std::string latex_decorate(const std::string& body, CellKind kind) {
  switch (kind) {
    case CellKind::kData:
      return body;
    case CellKind::kMatrixZero:
    case CellKind::kStrideZero:
    case CellKind::kDilationZero:
      return "\\convtzero";
    case CellKind::kPaddingZero:
      return "\\convtpad";
    case CellKind::kCropped:
      return "\\convtcrop{" + body + "}";
    case CellKind::kKeptByOutputPadding:
      return "\\convtkept{" + body + "}";
    case CellKind::kAddedZero:
      return "\\convtadded";
  }
  return body;
}

/// A cell inside a bmatrix.
std::string latex_cell(double value, CellKind kind) {
  return latex_decorate(detail::number_latex(value), kind);
}

/// The mark of `kind` in running text.
std::string latex_mark(CellKind kind) {
  switch (kind) {
    case CellKind::kCropped:
      return "$\\convtcrop{v}$";
    case CellKind::kKeptByOutputPadding:
      return "$\\convtkept{v}$";
    default:
      return "$" + latex_cell(0.0, kind) + "$";
  }
}

class LatexWriter {
 public:
  LatexWriter(const Derivation& d, const RenderOptions& options) : d_(d), options_(options) {}

  std::string run() {
    if (options_.standalone) {
      lines_ = {"\\documentclass{article}", "\\usepackage[margin=2cm]{geometry}",
                "\\usepackage{amsmath}", "\\usepackage{color}", "\\begin{document}"};
      // Chinese prose (--lang zh) needs a CJK font setup: ctex (compile with xelatex).
      if (options_.lang == Lang::kZh) lines_.insert(lines_.begin() + 1, "\\usepackage{ctex}");
    } else {
      // A comment: it may say anything, but each of its lines must start with %.
      for (std::string& line :
           wrap(resolve({MsgId::kLatexFragmentNote, {}}, options_.lang), options_.width - 2, 0))
        lines_.push_back("% " + line);
    }
    for (const char* macro : kMarkMacros) lines_.emplace_back(macro);
    // Ragged right: the parameter list has few good breaks.
    source_lines(
        "\\section*{\\raggedright " +
        say({MsgId::kHeading,
             {{"module", detail::module_name(d_)}, {"params", detail::heading_params(d_)}}}) +
        "}");
    int index = 1;
    for (const Stage& stage : d_.stages) stage_block(stage, index++);
    if (options_.standalone) lines_.push_back("\\end{document}");
    return detail::join_lines(lines_);
  }

 private:
  /// Resolved catalogue text as LaTeX; `mark` replaces the message's {mark}.
  std::string say(const Message& m, const std::string& mark = "") const {
    std::string out;
    for (const ProsePiece& piece : detail::split_prose(
             resolve(m, options_.lang, {{"mark", std::string(detail::kMarkSlot)}}))) {
      switch (piece.kind) {
        case ProsePiece::Kind::kText:
          out += escape(piece.text);
          break;
        case ProsePiece::Kind::kTranspose:
          out += "$C^T$";
          break;
        case ProsePiece::Kind::kTimes:
          out += "$\\times$";
          break;
        case ProsePiece::Kind::kArrow:
          out += "$\\to$";
          break;
        case ProsePiece::Kind::kOption:
          out += "\\texttt{" + escape(piece.text) + "}";
          break;
        case ProsePiece::Kind::kMark:
          out += mark;
          break;
      }
    }
    return tie_sizes(out);
  }

  /// "3 $\times$ 2" tied with ~ so that a size never breaks across lines.
  static std::string tie_sizes(std::string text) {
    const std::string loose = " $\\times$ ", tied = "~$\\times$~";
    for (size_t at = text.find(loose); at != std::string::npos; at = text.find(loose, at))
      text.replace(at, loose.size(), tied);
    return text;
  }

  std::string mark_for(MsgId id) const {
    if (id == MsgId::kExplainOutputPaddingKept) return latex_mark(CellKind::kKeptByOutputPadding);
    if (id == MsgId::kExplainOutputPaddingAdded) return latex_mark(CellKind::kAddedZero);
    return "";
  }

  void blank() { lines_.emplace_back(); }

  /// `text` as source lines no wider than the width where it has spaces (a line break is a
  /// space to TeX; `text` must not hold a comment).
  void source_lines(const std::string& text, int64_t indent = 0) {
    for (std::string& line : wrap(text, options_.width, indent)) lines_.push_back(std::move(line));
  }

  /// A paragraph, wrapped at the width, after a blank line.
  void paragraph(const std::string& text) {
    blank();
    source_lines(text);
  }

  std::string escape_size(const Grid& grid) const {
    std::string out;
    for (const ProsePiece& piece : detail::split_prose(detail::grid_size(d_, grid)))
      out += piece.kind == ProsePiece::Kind::kTimes ? std::string("$\\times$") : piece.text;
    return tie_sizes(out);
  }

  void stage_block(const Stage& stage, int index) {
    blank();
    std::string title = "\\subsection*{" + std::to_string(index) + ". " + say(stage.title);
    if (stage.grid) title += " (" + escape_size(*stage.grid) + ")";
    source_lines(title + "}");
    if (options_.explanations)
      for (const Message& m : stage.explanation) paragraph(say(m, mark_for(m.id)));
    if (!stage.equations.empty()) {
      blank();
      lines_.emplace_back("\\begin{align*}");
      for (size_t i = 0; i < stage.equations.size(); ++i)
        source_lines(detail::equation_latex(stage.equations[i], true) +
                     (i + 1 < stage.equations.size() ? "\\\\" : ""));
      lines_.emplace_back("\\end{align*}");
    }
    if (stage.full_view) {
      paragraph("\\noindent " +
                say({MsgId::kNoteFullGrid, {{"shape", detail::grid_size(d_, *stage.full_view)}}}));
      matrix(stage, *stage.full_view);
      paragraph("\\noindent " +
                say({MsgId::kNoteOutputGrid, {{"shape", detail::grid_size(d_, *stage.grid)}}}));
      matrix(stage, *stage.grid);
    } else if (stage.grid) {
      matrix(stage, *stage.grid);
    }
    if (!stage.checks.empty()) {
      blank();
      lines_.emplace_back("\\begin{itemize}");
      for (size_t i = 0; i + 1 < stage.checks.size(); ++i) {
        const CheckLine& c = stage.checks[i];
        const std::string verdict = say({c.ok ? MsgId::kCheckOk : MsgId::kCheckMismatch, {}});
        source_lines("\\item[\\textbf{" + verdict + "}] " + say(c.message));
      }
      lines_.emplace_back("\\end{itemize}");
      paragraph("\\noindent\\textbf{" + say(stage.checks.back().message) + "}");
    }
  }

  /// The grid as a bmatrix; elided columns and rows as \cdots, \vdots and \ddots.
  void matrix(const Stage& stage, const Grid& grid) {
    if (options_.full && grid.cells() > options_.max_cells)
      throw Error({MsgId::kErrFullTooLarge,
                   {{"stage", std::string(stage_name(stage.id))},
                    {"count", std::to_string(grid.cells())},
                    {"max_cells", std::to_string(options_.max_cells)}}});
    TextGridOptions grid_options;
    grid_options.width = options_.width;
    grid_options.full = options_.full;
    grid_options.indent = 0;
    // Typeset widths, in digits: a column is its widest cell plus the gap between columns;
    // the ASCII marks are about as wide as their typeset ones.
    GridGeometry geometry;
    geometry.labels = false;
    geometry.frame = 2;  // the brackets
    geometry.sep = 2;
    geometry.gap = 5;  // \cdots with its gap
    // A sum is measured by its ASCII form ("x00*w11"), about as wide as it is typeset.
    detail::set_symbol_options(d_, stage, grid, grid_options);
    const bool sums = grid_options.symbols && grid.symbolic();
    const GridPlan plan = plan_grid(grid, grid_options, geometry, cell_text,
                                    sums ? SymbolicCellWriter([&](int64_t r, int64_t c) {
                                      return symbolic_cell_text(grid, r, c, *grid_options.symbols);
                                    })
                                         : SymbolicCellWriter{});
    if (lists_sums(grid, grid_options, plan)) return sum_list(grid, grid_options);
    const int64_t columns = static_cast<int64_t>(plan.cols.size());

    blank();
    if (columns > kDefaultMaxMatrixCols)
      source_lines("\\ifnum\\value{MaxMatrixCols}<" + std::to_string(columns) +
                   " \\setcounter{MaxMatrixCols}{" + std::to_string(columns) + "}\\fi");
    lines_.emplace_back("\\[");
    if (columns > kTightColumns) lines_.emplace_back("\\arraycolsep=2.5pt");
    lines_.emplace_back("\\begin{bmatrix}");
    for (size_t i = 0; i < plan.rows.size(); ++i) {
      const int64_t r = plan.rows[i];
      std::string row;
      for (int64_t c : plan.cols) {
        if (!row.empty()) row += " & ";
        if (r == kGap)
          row += c == kGap ? "\\ddots" : "\\vdots";
        else
          row += c == kGap ? "\\cdots"
                 : sums
                     ? latex_decorate(grid_options.symbols->text(grid.expr(r, c), Notation::kLatex),
                                      grid.kind(r, c))
                     : latex_cell(grid.value(r, c), grid.kind(r, c));
      }
      if (i + 1 < plan.rows.size()) row += " \\\\";
      source_lines(row, 2);
    }
    lines_.emplace_back("\\end{bmatrix}");
    lines_.emplace_back("\\]");

    legend(plan.kinds);
    for (const Message& note : plan.notes) paragraph("\\noindent{\\small " + say(note) + "}");
  }

  /// A grid of sums too wide for a matrix (lists_sums): an item per cell,
  /// "$z[0][1] = x_{00} w_{01} + x_{01} w_{00}$" (inline math breaks after + and =), then
  /// the legend of the marks and a note.
  void sum_list(const Grid& grid, const TextGridOptions& grid_options) {
    blank();
    std::set<CellKind> kinds;
    lines_.emplace_back("\\begin{itemize}");
    for (const ListedSum& cell : listed_sums(grid, grid_options, Notation::kLatex)) {
      std::string line = "\\item $" + cell.name + " = " + cell.sum + "$";
      if (cell.kind != CellKind::kData) {
        kinds.insert(cell.kind);
        line += " " + latex_mark(cell.kind);
      }
      source_lines(line);
    }
    lines_.emplace_back("\\end{itemize}");
    legend(kinds);
    paragraph("\\noindent{\\small " + say(symbolic_list_note(grid_options)) + "}");
  }

  /// The legend paragraph of the marks of `kinds`, if any has one.
  void legend(const std::set<CellKind>& kinds) {
    std::string items;
    for (CellKind kind : kinds) {
      if (auto id = kind_legend(kind)) {
        if (!items.empty()) items += "; ";
        items += say({*id, {}}, latex_mark(kind));
      }
    }
    if (!items.empty())
      paragraph("\\noindent{\\small " +
                say({MsgId::kLegend, {{"items", std::string(detail::kMarkSlot)}}}, items) + "}");
  }

  const Derivation& d_;
  const RenderOptions& options_;
  std::vector<std::string> lines_;
};

}  // namespace

std::string render_latex(const Derivation& derivation, const RenderOptions& options) {
  return LatexWriter(derivation, options).run();
}

}  // namespace convt
