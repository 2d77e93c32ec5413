#include "render/render_common.h"

#include <cctype>

#include "convt/error.h"
#include "convt/shape.h"
#include "text/number_format.h"

namespace convt::detail {
namespace {

/// "3" when every axis agrees, "3x2" otherwise.
std::string axis_values(const Params& params, int64_t AxisParams::*field) {
  std::string out;
  for (size_t i = 0; i < params.axes.size(); ++i) {
    std::string v = std::to_string(params.axes[i].*field);
    if (i == 0) {
      out = v;
    } else if (v != out) {
      out += "x" + v;
    }
  }
  return out;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

/// A number as format_number writes it, in LaTeX math: "1.5e-05" as "1.5\times 10^{-5}".
std::string number_text_latex(const std::string& text) {
  const size_t e = text.find('e');
  if (e == std::string::npos) return text;
  std::string exponent = text.substr(e + 1);
  if (!exponent.empty() && exponent[0] == '+') exponent.erase(0, 1);
  const bool negative = !exponent.empty() && exponent[0] == '-';
  if (negative) exponent.erase(0, 1);
  exponent.erase(0, std::min(exponent.find_first_not_of('0'), exponent.size() - 1));
  return text.substr(0, e) + "\\times 10^{" + (negative ? "-" : "") + exponent + "}";
}

}  // namespace

std::string module_name(const Derivation& derivation) {
  return "ConvTranspose" + std::to_string(derivation.params.dims) + "d";
}

std::string heading_params(const Derivation& d) {
  const Params& p = d.params;
  std::string out =
      "n=" + axis_values(p, &AxisParams::n) + ", k=" + axis_values(p, &AxisParams::k) +
      ", s=" + axis_values(p, &AxisParams::s) + ", p=" + axis_values(p, &AxisParams::p) +
      ", d=" + axis_values(p, &AxisParams::d) +
      ", output_padding=" + axis_values(p, &AxisParams::op);
  std::vector<int64_t> output = d.output_size();
  if (p.whole_layer()) {
    out += ", in_channels=" + std::to_string(p.in_channels) +
           ", out_channels=" + std::to_string(p.out_channels) +
           ", groups=" + std::to_string(p.groups) + ", bias=" + (p.bias ? "True" : "False");
    output.insert(output.begin(), p.out_channels);
  }
  return out + " -> " + size_text(output);
}

std::string mark_slot(CellKind kind) {
  return std::string(kMarkSlot) + static_cast<char>('0' + static_cast<int>(kind));
}

void check_full_fits(bool full, StageId stage, int64_t cells, int64_t max_cells) {
  if (!full || cells <= max_cells) return;
  throw Error({MsgId::kErrFullTooLarge,
               {{"stage", std::string(stage_name(stage))},
                {"count", std::to_string(cells)},
                {"max_cells", std::to_string(max_cells)}}});
}

std::string join_lines(const std::vector<std::string>& lines) {
  size_t size = 0;
  for (const std::string& line : lines) size += line.size() + 1;
  std::string text;
  text.reserve(size);
  for (const std::string& line : lines) {
    text += line;
    text += '\n';
  }
  return text;
}

std::string grid_size(const Derivation& d, const Grid& g) {
  return d.params.dims == 1 && g.rows() == 1 ? size_text({g.cols()})
                                             : size_text({g.rows(), g.cols()});
}

void set_symbol_options(const Derivation& d, const Stage& stage, const Grid& grid,
                        TextGridOptions& options) {
  options.symbols = d.symbols ? &*d.symbols : nullptr;
  options.one_d = d.params.dims == 1;
  const bool full_view = stage.full_view && &grid == &*stage.full_view;
  switch (stage.id) {
    case StageId::kMatrixOutput:
    case StageId::kScatterOutput:
    case StageId::kDirectOutput:
      options.list_name = "z";
      break;
    case StageId::kOutput:
      options.list_name = full_view ? "z" : "y";
      break;
    default:
      options.list_name.clear();
  }
}

std::vector<ProsePiece> split_prose(const std::string& text) {
  using Kind = ProsePiece::Kind;
  std::vector<ProsePiece> pieces;
  auto add = [&](Kind kind, std::string piece) {
    if (kind == Kind::kText && !pieces.empty() && pieces.back().kind == Kind::kText)
      pieces.back().text += piece;
    else
      pieces.push_back({kind, std::move(piece)});
  };
  size_t i = 0;
  while (i < text.size()) {
    const std::string_view rest = std::string_view(text).substr(i);
    if (rest.substr(0, kMathOpen.size()) == kMathOpen) {
      const size_t close = rest.find(kMathClose, kMathOpen.size());
      const size_t end = close == std::string_view::npos ? rest.size() : close;
      pieces.push_back(
          {Kind::kMath, std::string(rest.substr(kMathOpen.size(), end - kMathOpen.size()))});
      i += close == std::string_view::npos ? rest.size() : close + kMathClose.size();
    } else if (rest.substr(0, kMarkSlot.size()) == kMarkSlot && rest.size() > kMarkSlot.size()) {
      const size_t length = kMarkSlot.size() + 1;
      pieces.push_back({Kind::kMark, std::string(rest.substr(0, length)),
                        static_cast<CellKind>(rest[kMarkSlot.size()] - '0')});
      i += length;
    } else if (rest.substr(0, 3) == "C^T") {
      add(Kind::kTranspose, "C^T");
      i += 3;
    } else if (rest.substr(0, 2) == "->") {
      add(Kind::kArrow, "->");
      i += 2;
    } else if (rest.substr(0, 3) == " x " && i > 0 && is_digit(text[i - 1]) && rest.size() > 3 &&
               is_digit(rest[3])) {
      add(Kind::kText, " ");
      add(Kind::kTimes, "x");
      add(Kind::kText, " ");
      i += 3;
    } else if (rest.substr(0, 2) == "--" && rest.size() > 2 && is_letter(rest[2]) &&
               (i == 0 || text[i - 1] == ' ' || text[i - 1] == '(')) {
      size_t end = 2;
      while (end < rest.size() && (is_letter(rest[end]) || rest[end] == '-')) ++end;
      add(Kind::kOption, std::string(rest.substr(0, end)));
      i += end;
    } else {
      add(Kind::kText, std::string(1, text[i]));
      ++i;
    }
  }
  return pieces;
}

std::string spell_prose(const std::vector<ProsePiece>& pieces, const ProseSpelling& spelling,
                        const std::function<std::string(CellKind)>& mark) {
  std::string out;
  for (const ProsePiece& piece : pieces) {
    switch (piece.kind) {
      case ProsePiece::Kind::kText:
        out += spelling.escape(piece.text);
        break;
      case ProsePiece::Kind::kTranspose:
        out += spelling.transpose;
        break;
      case ProsePiece::Kind::kTimes:
        out += spelling.times;
        break;
      case ProsePiece::Kind::kArrow:
        out += spelling.arrow;
        break;
      case ProsePiece::Kind::kOption:
        out += spelling.option_before;
        out += spelling.escape_option ? spelling.escape(piece.text) : piece.text;
        out += spelling.option_after;
        break;
      case ProsePiece::Kind::kMark:
        out += mark(piece.mark);
        break;
      case ProsePiece::Kind::kMath:
        out += spelling.math ? spelling.math(piece.text)
                             : spell_prose(split_prose(piece.text), spelling, mark);
        break;
    }
  }
  return out;
}

std::string equation_latex(const std::string& line, bool align) {
  std::string out;
  std::string_view rest = line;
  // "rows: " / "cols: " name the axis a line is about.
  const size_t colon = rest.find(": ");
  if (colon != std::string_view::npos) {
    out += "\\text{" + std::string(rest.substr(0, colon + 1)) + "}\\quad ";
    rest.remove_prefix(colon + 2);
  }
  bool aligned = false;
  size_t i = 0;
  while (i < rest.size()) {
    const char c = rest[i];
    if (is_letter(c)) {
      size_t end = i;
      while (end < rest.size() && (is_letter(rest[end]) || rest[end] == '_')) ++end;
      const std::string word(rest.substr(i, end - i));
      if (word.size() == 1) {
        out += word;
      } else {
        std::string escaped;
        for (char w : word) escaped += w == '_' ? std::string("\\_") : std::string(1, w);
        out += "\\text{" + escaped + "}";
      }
      i = end;
      continue;
    }
    if (c == '*') {
      out += "\\cdot ";
    } else if (c == '=' && align && !aligned) {
      out += "&=";
      aligned = true;
    } else {
      out += c;
    }
    ++i;
  }
  return out;
}

std::string number_latex(double value) { return number_text_latex(format_number(value)); }

std::string math_latex(std::string_view text) {
  std::string out;
  // An angle bracket pair "<C u, x>": a "<" whose ">" follows in the span.
  int open_angles = 0;
  size_t i = 0;
  auto previous_is_digit = [&] {
    const size_t last = out.find_last_not_of(' ');
    return last != std::string::npos && is_digit(out[last]);
  };
  while (i < text.size()) {
    const char c = text[i];
    if (is_digit(c)) {
      // A number, with its exponent if it has one ("1e-05").
      size_t end = i;
      while (end < text.size() && (is_digit(text[end]) || text[end] == '.')) ++end;
      if (end + 1 < text.size() && text[end] == 'e' &&
          (is_digit(text[end + 1]) || ((text[end + 1] == '-' || text[end + 1] == '+') &&
                                       end + 2 < text.size() && is_digit(text[end + 2])))) {
        end += 2;
        while (end < text.size() && is_digit(text[end])) ++end;
      }
      out += number_text_latex(std::string(text.substr(i, end - i)));
      i = end;
      continue;
    }
    if (is_letter(c)) {
      size_t end = i;
      while (end < text.size() && (is_letter(text[end]) || text[end] == '_')) ++end;
      const std::string word(text.substr(i, end - i));
      i = end;
      if (word.size() == 1) {
        out += word;
      } else if (word == "max" || word == "min") {
        out += "\\" + word;
      } else if (word == "mod") {
        out += "\\bmod";
      } else {
        std::string escaped;
        for (char w : word) escaped += w == '_' ? std::string("\\_") : std::string(1, w);
        out += "\\text{" + escaped + "}";
      }
      // A control word must not run into the letters after it.
      if (out.back() != '}' && i < text.size() && is_letter(text[i])) out += ' ';
      continue;
    }
    switch (c) {
      case '*':
        // Between numbers a product needs its dot; between letters juxtaposition reads better.
        if (previous_is_digit() && i + 1 < text.size() && is_digit(text[i + 1]))
          out += "\\cdot ";
        else if (!out.empty() && out.back() != ' ')
          out += ' ';
        break;
      case '<':
        if (text.find('>', i + 1) != std::string_view::npos) {
          out += "\\langle ";
          ++open_angles;
        } else {
          out += '<';
        }
        break;
      case '>':
        if (open_angles > 0) {
          out += "\\rangle";
          --open_angles;
        } else {
          out += '>';
        }
        break;
      case '{':
      case '}':
      case '%':
      case '#':
      case '&':
      case '$':
      case '_':
        out += '\\';
        out += c;
        break;
      default:
        out += c;
    }
    ++i;
  }
  return out;
}

std::string latex_escape(std::string_view text, LatexText kind) {
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
        if (i + 1 < text.size() && text[i + 1] == '-') {
          out += "-{}";
        } else if (kind == LatexText::kProse && i + 1 < text.size() && text[i + 1] >= '0' &&
                   text[i + 1] <= '9' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '(')) {
          out += "$-$";  // the sign of a number is a minus, not a hyphen
        } else {
          out += "-";
        }
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace convt::detail
