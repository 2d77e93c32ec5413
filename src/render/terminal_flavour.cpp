#include "render/terminal_flavour.h"

#include <algorithm>

#include "text/number_format.h"
#include "text/text_grid.h"

namespace convt::detail {

std::string TerminalFlavour::mark(CellKind kind, const RenderOptions& options) const {
  return paint(marks().mark(kind), tone_of(kind, false), options.color);
}

std::string TerminalFlavour::size(const std::string& text, const RenderOptions& options) const {
  return prose(split_prose(text), options);
}

std::vector<std::string> TerminalFlavour::painted(const std::string& text, int64_t indent,
                                                  Tone tone, const RenderOptions& options) const {
  std::vector<std::string> lines = wrap(text, options.width, indent);
  if (tone == Tone::kPlain) return lines;
  for (std::string& line : lines) {
    // Paint after wrapping, so that the indent stays outside the escapes.
    const size_t text_start = line.find_first_not_of(' ');
    line = line.substr(0, text_start) + paint(line.substr(text_start), tone, options.color);
  }
  return lines;
}

std::vector<std::string> TerminalFlavour::heading(const std::string& text,
                                                  const RenderOptions& options) const {
  return painted(text, 0, Tone::kHeading, options);
}

std::vector<std::string> TerminalFlavour::stage_title(int index, StageId id,
                                                      const std::string& title,
                                                      const std::string& size,
                                                      const RenderOptions& options) const {
  std::string line =
      "[" + std::to_string(index) + "] " + std::string(stage_name(id)) + ": " + title;
  if (!size.empty()) line += " (" + size + ")";
  return painted(line, 0, Tone::kHeading, options);
}

std::vector<std::string> TerminalFlavour::paragraph(const std::string& text,
                                                    const RenderOptions& options) const {
  return wrap(text, options.width, kIndent);
}

namespace {

/// Whether `word` is an operator a formula line may break before: + - = and their Unicode
/// forms, and the arrow.
bool is_operator(const std::string& word) {
  return word == "+" || word == "-" || word == "=" || word == "\u2212" || word == "->" ||
         word == "\u2192" || word == "*" || word == "\u00d7";
}

/// One formula line `text` wrapped to `width` display columns: it breaks at spaces, before an
/// operator (which starts the next line, as in typeset mathematics), and continuation lines
/// hang under the first "= " when that leaves room, else kIndent + 4 columns in. An operand
/// too wide for a line with its operator leaves the operator at the end of the line before; a
/// single word wider than a line stays whole.
std::vector<std::string> wrap_equation(const std::string& text, int64_t width, int64_t indent) {
  std::vector<std::string> words;
  for (size_t i = 0; i < text.size();) {
    const size_t start = text.find_first_not_of(' ', i);
    if (start == std::string::npos) break;
    size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    words.push_back(text.substr(start, end - start));
    i = end;
  }
  // Units: an operator goes with the operand after it.
  std::vector<std::string> units;
  for (size_t i = 0; i < words.size(); ++i) {
    if (is_operator(words[i]) && i + 1 < words.size()) {
      units.push_back(words[i] + " " + words[i + 1]);
      ++i;
    } else {
      units.push_back(words[i]);
    }
  }
  int64_t longest = 0;
  for (const std::string& unit : units) longest = std::max(longest, display_width(unit));
  const size_t equals = text.find("= ");
  int64_t hang = indent + 4;
  if (equals != std::string::npos && equals < text.size() / 2) {
    const int64_t under = indent + display_width(text.substr(0, equals + 2));
    if (under + longest <= width) hang = under;
  }
  std::vector<std::string> lines;
  std::string line(static_cast<size_t>(indent), ' ');
  bool empty = true;  // nothing but the lead on `line` yet
  const std::string lead(static_cast<size_t>(hang), ' ');
  for (const std::string& unit : units) {
    if (empty || display_width(line) + 1 + display_width(unit) <= width) {
      line += (empty ? "" : " ") + unit;
      empty = false;
      continue;
    }
    const size_t space = unit.find(' ');
    if (space != std::string::npos && hang + display_width(unit) > width) {
      // The operand alone fits a line: the operator ends this one.
      line += " " + unit.substr(0, space);
      lines.push_back(line);
      line = lead + unit.substr(space + 1);
      continue;
    }
    lines.push_back(line);
    line = lead + unit;
  }
  if (!empty) lines.push_back(line);
  return lines;
}

}  // namespace

std::vector<std::string> TerminalFlavour::equations(const std::vector<std::string>& lines,
                                                    const RenderOptions& options) const {
  std::vector<std::string> out{""};
  for (const std::string& line : lines)
    for (std::string& wrapped : wrap_equation(equation(line), options.width, kIndent))
      out.push_back(std::move(wrapped));
  return out;
}

std::vector<std::string> TerminalFlavour::checks(const std::vector<CheckItem>& items,
                                                 const RenderOptions& options) const {
  std::vector<std::string> out;
  for (const CheckItem& item : items) {
    const std::string word = paint(item.word, item.ok ? Tone::kPass : Tone::kFail, options.color);
    for (std::string& line : paragraph(verdict_word(item.ok, word) + " " + item.sentence, options))
      out.push_back(std::move(line));
  }
  return out;
}

std::string TerminalFlavour::stamp_caption(const std::string& cell, double x) const {
  return equation("x(" + cell + ") = " + format_number(x));
}

std::vector<std::string> TerminalFlavour::multiples(const std::vector<Multiple>& items,
                                                    const RenderOptions& options) const {
  // Each block is its caption over its grid, as wide as its widest line.
  std::vector<int64_t> widths;
  for (const Multiple& item : items) {
    int64_t w = display_width(item.caption);
    for (const std::string& line : item.lines) w = std::max(w, display_width(line));
    widths.push_back(w);
  }
  const std::string indent(static_cast<size_t>(kIndent), ' ');
  std::vector<std::string> out;
  size_t first = 0;
  while (first < items.size()) {
    // As many blocks as fit the width; always at least one.
    size_t last = first + 1;
    int64_t used = kIndent + widths[first];
    while (last < items.size() && used + kMultipleGap + widths[last] <= options.width) {
      used += kMultipleGap + widths[last];
      ++last;
    }
    if (first > 0) out.emplace_back();
    size_t height = 0;
    for (size_t i = first; i < last; ++i) height = std::max(height, items[i].lines.size() + 1);
    for (size_t row = 0; row < height; ++row) {
      std::string line = indent;
      for (size_t i = first; i < last; ++i) {
        const std::string& piece = row == 0                          ? items[i].caption
                                   : row - 1 < items[i].lines.size() ? items[i].lines[row - 1]
                                                                     : std::string();
        if (i > first) line += std::string(static_cast<size_t>(kMultipleGap), ' ');
        line += piece;
        if (i + 1 < last)
          line += std::string(static_cast<size_t>(widths[i] - display_width(piece)), ' ');
      }
      line.erase(line.find_last_not_of(' ') + 1);
      out.push_back(std::move(line));
    }
    first = last;
  }
  return out;
}

std::vector<std::string> TerminalFlavour::verdict(const std::string& text, bool ok,
                                                  const RenderOptions& options) const {
  return painted(text, kIndent, ok ? Tone::kPass : Tone::kFail, options);
}

}  // namespace convt::detail
