#include "cli/man_page.h"

#include <cstdint>
#include <cstdio>

#include "convt/messages.h"

namespace convt {

namespace {

std::string trim(std::string_view text) {
  const size_t first = text.find_first_not_of(' ');
  if (first == std::string_view::npos) return "";
  return std::string(text.substr(first, text.find_last_not_of(' ') + 1 - first));
}

std::string upper(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

/// `text` as roff running text: backslashes and hyphens escaped (so options copy-paste as typed),
/// non-ASCII UTF-8 as \[uXXXX], and a leading '.' or '\'' kept from reading as a request.
std::string roff(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-') {
      out += "\\-";
    } else if (c < 0x80) {
      out += static_cast<char>(c);
    } else {
      // Decode one UTF-8 sequence; a malformed byte becomes U+FFFD.
      int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : -1;
      uint32_t code = extra == 3 ? c & 0x07u : extra == 2 ? c & 0x0Fu : c & 0x1Fu;
      for (int k = 0; k < extra; ++k) {
        const auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
        if ((next & 0xC0u) != 0x80u) {
          extra = -1;
          break;
        }
        code = (code << 6) | (next & 0x3Fu);
        ++i;
      }
      if (extra < 0) code = 0xFFFD;
      char buffer[16];
      std::snprintf(buffer, sizeof buffer, "\\[u%04X]", static_cast<unsigned>(code));
      out += buffer;
    }
  }
  if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out.insert(0, "\\&");
  return out;
}

std::string bold(std::string_view text) { return "\\fB" + roff(text) + "\\fR"; }
std::string italic(std::string_view text) { return "\\fI" + roff(text) + "\\fR"; }

/// A description as a sentence: ends with '.', so that more sentences can follow.
std::string sentence(std::string_view text) {
  std::string out = trim(text);
  if (!out.empty() && out.back() != '.' && out.back() != '!' && out.back() != '?') out += '.';
  return out;
}

std::string join(const std::vector<std::string>& words, std::string_view separator) {
  std::string out;
  for (const std::string& word : words) out += (out.empty() ? "" : std::string(separator)) + word;
  return out;
}

/// The name a synopsis shows: the first long name ("--n" of -n, --n, --input-size).
const std::string& primary_name(const OptionSpec& option) {
  for (const std::string& name : option.names)
    if (name.rfind("--", 0) == 0) return name;
  return option.names.front();
}

/// "\fB\-\-n\fR \fIN\fR", "\fB\-\-kernel\fR \fIKERNEL\fR...", "\fINAME\fR" (positional).
std::string usage_of(const OptionSpec& option, const std::string& name) {
  const std::string dots = option.multiple ? "..." : "";
  if (option.positional) return italic(option.value_name) + dots;
  if (option.kind == ValueKind::kNone) return bold(name);
  return bold(name) + " " + italic(option.value_name) + dots;
}

/// SYNOPSIS line of one command: required options and positionals, then [OPTIONS].
std::string synopsis_line(const std::string& prefix, const CommandSpec& command) {
  std::string line = bold(prefix);
  bool optional = false;
  for (const OptionSpec& option : command.options) {
    if (option.positional)
      line += " " + (option.required ? usage_of(option, "") : "[" + usage_of(option, "") + "]");
    else if (option.required)
      line += " " + usage_of(option, primary_name(option));
    else
      optional = true;
  }
  if (optional) line += " [" + italic("OPTIONS") + "]";
  return line;
}

void options_section(const std::string& heading, const CommandSpec& command, std::string& out) {
  out += ".SS " + (heading.find(' ') == std::string::npos ? heading : "\"" + heading + "\"") + "\n";
  for (const OptionSpec& option : command.options) {
    std::vector<std::string> names;
    if (option.positional) {
      names.push_back(usage_of(option, ""));
    } else {
      for (const std::string& name : option.names) names.push_back(bold(name));
      if (option.kind != ValueKind::kNone)
        names.back() += " " + italic(option.value_name) + (option.multiple ? "..." : "");
    }
    out += ".TP\n" + join(names, ", ") + "\n";
    std::string body = sentence(option.description);
    const std::string values = join(option.values, ", ");
    if (option.kind == ValueKind::kChoice)
      body += " " + resolve({MsgId::kManOneOf, {{"values", values}}}, Lang::kEn);
    if (option.kind == ValueKind::kChoiceList)
      body += " " + resolve({MsgId::kManListOf, {{"values", values}}}, Lang::kEn);
    if (option.required && !option.positional)
      body += " " + resolve({MsgId::kManRequired, {}}, Lang::kEn);
    out += roff(trim(body)) + "\n";
  }
}

/// Adds the sections of `footer` to `sections`, merging equal titles and dropping repeated items.
void merge_footer(std::string_view footer, std::vector<FooterSection>& sections) {
  for (FooterSection& section : parse_footer(footer)) {
    FooterSection* target = nullptr;
    for (FooterSection& existing : sections)
      if (upper(existing.title) == upper(section.title)) target = &existing;
    if (target == nullptr) {
      sections.push_back({section.title, {}});
      target = &sections.back();
    }
    for (FooterItem& item : section.items) {
      bool seen = false;
      for (const FooterItem& existing : target->items)
        seen = seen || (existing.term == item.term && existing.text == item.text);
      if (!seen) target->items.push_back(std::move(item));
    }
  }
}

void footer_section(const FooterSection& section, std::string& out) {
  const std::string title = section.title.empty() ? "NOTES" : upper(section.title);
  out += ".SH " + (title.find(' ') == std::string::npos ? title : "\"" + title + "\"") + "\n";
  for (const FooterItem& item : section.items) {
    if (item.term.empty())
      out += ".PP\n" + roff(item.text) + "\n";
    else if (item.text.empty())
      out += ".PP\n" + bold(item.term) + "\n";
    else
      out += ".TP\n" + bold(item.term) + "\n" + roff(item.text) + "\n";
  }
}

}  // namespace

std::vector<FooterSection> parse_footer(std::string_view footer) {
  std::vector<FooterSection> sections;
  size_t start = 0;
  while (start < footer.size()) {
    size_t end = footer.find('\n', start);
    if (end == std::string_view::npos) end = footer.size();
    const std::string_view line = footer.substr(start, end - start);
    start = end + 1;
    if (trim(line).empty()) continue;
    if (line[0] != ' ' && line.back() == ':') {
      sections.push_back({std::string(line.substr(0, line.size() - 1)), {}});
      continue;
    }
    if (sections.empty()) sections.push_back({"", {}});
    const std::string text = trim(line);
    if (line[0] != ' ') {
      sections.back().items.push_back({"", text});
      continue;
    }
    const size_t gap = text.find("  ");
    if (gap == std::string::npos)
      sections.back().items.push_back({text, ""});
    else
      sections.back().items.push_back({text.substr(0, gap), trim(text.substr(gap))});
  }
  return sections;
}

std::string man_page(const CommandSpec& root, std::string_view version) {
  std::string summary = root.description;
  if (summary.rfind(root.name + ": ", 0) == 0) summary = summary.substr(root.name.size() + 2);
  std::string out;
  out += ".\\\" Man page of " + root.name + ". Generated from " + root.name +
         "'s own command line definition; do not edit.\n";
  out += ".TH " + upper(root.name) + " 1 \"\" \"" + roff(root.name) + " " + roff(version) +
         "\" \"User Commands\"\n";
  out += ".nh\n.ad l\n";  // no hyphenation inside option and stage names; ragged right
  out += ".SH NAME\n" + roff(root.name) + " \\- " + roff(summary) + "\n";

  out += ".SH SYNOPSIS\n";
  if (!root.subcommands.empty())
    out += bold(root.name) + " " + italic("SUBCOMMAND") + " [" + italic("OPTIONS") + "]\n";
  for (const CommandSpec& sub : root.subcommands)
    out += ".br\n" + synopsis_line(root.name + " " + sub.name, sub) + "\n";
  std::string root_line = bold(root.name);
  for (const OptionSpec& option : root.options)
    root_line += " [" + usage_of(option, primary_name(option)) + "]";
  out += (root.subcommands.empty() ? "" : ".br\n") + root_line + "\n";

  out += ".SH DESCRIPTION\n";
  std::string lead = sentence(summary);
  if (!lead.empty() && lead[0] >= 'a' && lead[0] <= 'z') lead[0] = static_cast<char>(lead[0] - 32);
  out += roff(lead) + "\n";
  for (const CommandSpec& sub : root.subcommands)
    out +=
        ".TP\n" + bold(root.name + " " + sub.name) + "\n" + roff(sentence(sub.description)) + "\n";

  out += ".SH OPTIONS\n";
  options_section(root.name, root, out);
  for (const CommandSpec& sub : root.subcommands)
    options_section(root.name + " " + sub.name, sub, out);

  std::vector<FooterSection> sections;
  merge_footer(root.footer, sections);
  for (const CommandSpec& sub : root.subcommands) merge_footer(sub.footer, sections);
  for (const FooterSection& section : sections)
    if (upper(section.title) != "EXAMPLES") footer_section(section, out);
  for (const FooterSection& section : sections)
    if (upper(section.title) == "EXAMPLES") footer_section(section, out);
  return out;
}

}  // namespace convt
