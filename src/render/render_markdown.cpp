// The markdown format: GitHub-flavoured Markdown for lecture notes (GitHub, Jupyter, pandoc).
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "convt/error.h"
#include "text/number_format.h"
#include "convt/render.h"
#include "text/text_grid.h"
#include "render/render_common.h"

namespace convt {
namespace {

using detail::ProsePiece;

constexpr std::string_view kColumnGap = "\u22ef";  // ⋯
constexpr std::string_view kRowGap = "\u22ee";     // ⋮
constexpr std::string_view kBothGap = "\u22f1";    // ⋱

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

/// The Markdown text of a cell whose body (a number or a $sum$) is `body`.
std::string markdown_decorate(const std::string& body, CellKind kind) {
  switch (kind) {
    case CellKind::kData:
      return body;
    case CellKind::kMatrixZero:
    case CellKind::kStrideZero:
    case CellKind::kDilationZero:
      return "\u00b7";  // ·
    case CellKind::kPaddingZero:
      return "\u2218";  // ∘
    case CellKind::kCropped:
      return "~~" + body + "~~";
    case CellKind::kKeptByOutputPadding:
      return body + "\\*";
    case CellKind::kAddedZero:
      return "0\u207a";  // 0⁺
  }
  return body;
}

std::string markdown_cell(double value, CellKind kind) {
  return markdown_decorate(format_number(value), kind);
}

/// A sum in Markdown math: "$x_{00} w_{11} + x_{01} w_{10}$".
std::string markdown_sum(const SymbolNames& names, const Expr& e) {
  return "$" + names.text(e, Notation::kLatex) + "$";
}

std::string markdown_mark(CellKind kind) {
  switch (kind) {
    case CellKind::kCropped:
      return "~~v~~";
    case CellKind::kKeptByOutputPadding:
      return "v\\*";
    default:
      return markdown_cell(0.0, kind);
  }
}

class MarkdownWriter {
 public:
  MarkdownWriter(const Derivation& d, const RenderOptions& options) : d_(d), options_(options) {}

  std::string run() {
    lines_.push_back("# " + say({MsgId::kHeading,
                                 {{"module", detail::module_name(d_)},
                                  {"params", detail::heading_params(d_)}}}));
    int index = 1;
    for (const Stage& stage : d_.stages) stage_block(stage, index++);
    return detail::join_lines(lines_);
  }

 private:
  /// Resolved catalogue text as Markdown; `mark` replaces the message's {mark}.
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
          out += "\u00d7";  // ×
          break;
        case ProsePiece::Kind::kArrow:
          out += "\u2192";  // →
          break;
        case ProsePiece::Kind::kOption:
          out += "`" + piece.text + "`";
          break;
        case ProsePiece::Kind::kMark:
          out += mark;
          break;
      }
    }
    return out;
  }

  std::string mark_for(MsgId id) const {
    if (id == MsgId::kExplainOutputPaddingKept)
      return markdown_mark(CellKind::kKeptByOutputPadding);
    if (id == MsgId::kExplainOutputPaddingAdded) return markdown_mark(CellKind::kAddedZero);
    return "";
  }

  void blank() { lines_.emplace_back(); }

  /// A paragraph, wrapped at the width, after a blank line.
  void paragraph(const std::string& text) {
    blank();
    for (std::string& line : wrap(text, options_.width, 0, may_start_line))
      lines_.push_back(std::move(line));
  }

  void stage_block(const Stage& stage, int index) {
    blank();
    std::string title = "## " + std::to_string(index) + ". " + say(stage.title);
    if (stage.grid) title += " (" + size_words(*stage.grid) + ")";
    lines_.push_back(title);
    if (options_.explanations)
      for (const Message& m : stage.explanation) paragraph(say(m, mark_for(m.id)));
    for (const std::string& e : stage.equations) {
      blank();
      lines_.push_back("$$" + detail::equation_latex(e, false) + "$$");
    }
    if (stage.full_view) {
      paragraph(say({MsgId::kNoteFullGrid, {{"shape", detail::grid_size(d_, *stage.full_view)}}}));
      table(stage, *stage.full_view);
      paragraph(say({MsgId::kNoteOutputGrid, {{"shape", detail::grid_size(d_, *stage.grid)}}}));
      table(stage, *stage.grid);
    } else if (stage.grid) {
      table(stage, *stage.grid);
    }
    if (!stage.checks.empty()) {
      blank();
      for (size_t i = 0; i + 1 < stage.checks.size(); ++i) {
        const CheckLine& c = stage.checks[i];
        const std::string verdict = say({c.ok ? MsgId::kCheckOk : MsgId::kCheckMismatch, {}});
        std::vector<std::string> item =
            wrap("**" + verdict + "** " + say(c.message), options_.width, 2, may_start_line);
        item[0].replace(0, 2, "- ");
        for (std::string& line : item) lines_.push_back(std::move(line));
      }
      paragraph("**" + say(stage.checks.back().message) + "**");
    }
  }

  std::string size_words(const Grid& grid) const {
    std::string out;
    for (const ProsePiece& piece : detail::split_prose(detail::grid_size(d_, grid)))
      out += piece.kind == ProsePiece::Kind::kTimes ? std::string("\u00d7") : piece.text;
    return out;
  }

  /// The grid as a pipe table: a header row of column labels, a bold first column of row
  /// labels, right-aligned cells padded so that the source lines up too.
  void table(const Stage& stage, const Grid& grid) {
    if (options_.full && grid.cells() > options_.max_cells)
      throw Error({MsgId::kErrFullTooLarge,
                   {{"stage", std::string(stage_name(stage.id))},
                    {"count", std::to_string(grid.cells())},
                    {"max_cells", std::to_string(options_.max_cells)}}});
    TextGridOptions grid_options;
    grid_options.width = options_.width;
    grid_options.full = options_.full;
    grid_options.indent = 0;
    GridGeometry geometry;
    geometry.frame = 8;     // "| **" before the label, "** |" after it
    geometry.sep = 3;       // " " before a cell, " |" after it
    geometry.gap = 6;       // " ⋯   |": the gap column is as wide as a delimiter ":-:"
    geometry.min_cell = 3;  // a delimiter cell "--:" needs three characters
    geometry.one_line_headers = true;
    detail::set_symbol_options(d_, stage, grid, grid_options);
    const bool sums = grid_options.symbols && grid.symbolic();
    auto symbolic_cell = [&](int64_t r, int64_t c) {
      return markdown_decorate(markdown_sum(*grid_options.symbols, grid.expr(r, c)),
                               grid.kind(r, c));
    };
    const GridPlan plan =
        plan_grid(grid, grid_options, geometry, markdown_cell,
                  sums ? SymbolicCellWriter(symbolic_cell) : SymbolicCellWriter{});
    if (lists_sums(grid, grid_options, plan)) return sum_list(grid, grid_options);
    const int64_t label = plan.label_width + 4;  // with the ** of bold
    auto row_line = [&](const std::string& head, auto&& cell) {
      std::string line = "| " + pad_right(head, label) + " |";
      for (int64_t c : plan.cols) line += " " + cell(c) + " |";
      return line;
    };

    blank();
    lines_.push_back(row_line("", [&](int64_t c) {
      return c == kGap ? pad_right(std::string(kColumnGap), 3)
                       : pad_left(grid.col_labels.label(c), plan.cell_width);
    }));
    lines_.push_back(row_line(std::string(static_cast<size_t>(label), '-'), [&](int64_t c) {
      return c == kGap ? std::string(":-:")
                       : std::string(static_cast<size_t>(plan.cell_width) - 1, '-') + ":";
    }));
    for (int64_t r : plan.rows) {
      if (r == kGap) {
        lines_.push_back(row_line("**" + std::string(kRowGap) + "**", [&](int64_t c) {
          return c == kGap ? pad_right(std::string(kBothGap), 3)
                           : pad_left(std::string(kRowGap), plan.cell_width);
        }));
        continue;
      }
      lines_.push_back(row_line("**" + grid.row_labels.label(r) + "**", [&](int64_t c) {
        return c == kGap ? pad_right(std::string(kColumnGap), 3)
                         : pad_left(sums ? symbolic_cell(r, c)
                                         : markdown_cell(grid.value(r, c), grid.kind(r, c)),
                                    plan.cell_width);
      }));
    }

    legend(plan.kinds);
    for (const Message& note : plan.notes) paragraph(say(note));
  }

  /// A grid of sums too wide for a table (lists_sums): a bullet per cell,
  /// "- $z[0][1] = x_{00} w_{01} + x_{01} w_{00}$", then the legend of the marks and a note.
  void sum_list(const Grid& grid, const TextGridOptions& grid_options) {
    blank();
    std::set<CellKind> kinds;
    for (const ListedSum& cell : listed_sums(grid, grid_options, Notation::kLatex)) {
      std::string line = "- $" + cell.name + " = " + cell.sum + "$";
      if (cell.kind != CellKind::kData) {
        kinds.insert(cell.kind);
        line += " " + markdown_mark(cell.kind);
      }
      lines_.push_back(std::move(line));
    }
    legend(kinds);
    paragraph(say(symbolic_list_note(grid_options)));
  }

  /// The legend line of the marks of `kinds`, if any has one.
  void legend(const std::set<CellKind>& kinds) {
    std::string items;
    for (CellKind kind : kinds) {
      if (auto id = kind_legend(kind)) {
        if (!items.empty()) items += "; ";
        items += say({*id, {}}, markdown_mark(kind));
      }
    }
    if (!items.empty())
      paragraph(say({MsgId::kLegend, {{"items", std::string(detail::kMarkSlot)}}}, items));
  }

  static std::string pad_right(const std::string& text, int64_t width) {
    const int64_t have = display_width(text);
    return have >= width ? text : text + std::string(static_cast<size_t>(width - have), ' ');
  }

  const Derivation& d_;
  const RenderOptions& options_;
  std::vector<std::string> lines_;
};

}  // namespace

std::string render_markdown(const Derivation& derivation, const RenderOptions& options) {
  return MarkdownWriter(derivation, options).run();
}

}  // namespace convt
