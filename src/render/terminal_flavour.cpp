#include "render/terminal_flavour.h"

#include <algorithm>

#include "text/number_format.h"

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

std::vector<std::string> TerminalFlavour::equations(const std::vector<std::string>& lines,
                                                    const RenderOptions& /*options*/) const {
  std::vector<std::string> out{""};
  for (const std::string& line : lines) out.push_back(std::string(kIndent, ' ') + equation(line));
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
