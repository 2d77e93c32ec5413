#include "cli/cli_describe.h"

#include <string_view>

#include "cli/completion.h"
#include "cli/man_page.h"
#include "convt/error.h"
#include "convt/version.h"

namespace convt::cli {

namespace {

// The value set of an option travels with the option, as the name of an inactive validator
// (CLI11 never runs it and --help never shows it): "convt-values:one:text,json",
// "convt-values:list:formula,kernel,...", "convt-values:path".
constexpr std::string_view kTag = "convt-values:";

std::string join(const std::vector<std::string>& words, std::string_view separator) {
  std::string out;
  for (const std::string& word : words) out += (out.empty() ? "" : std::string(separator)) + word;
  return out;
}

std::vector<std::string> split_commas(std::string_view text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(',', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) out.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

CLI::Option* tag(CLI::Option* option, const std::string& name) {
  CLI::Validator marker;
  marker.name(std::string(kTag) + name);
  marker.active(false);
  return option->check(marker);
}

/// The kind and values recorded by with_values / with_path, if any.
void read_tag(CLI::Option& option, OptionSpec& spec) {
  for (int i = 0;; ++i) {
    CLI::Validator* validator = nullptr;
    try {
      validator = option.get_validator(i);
    } catch (const CLI::OptionNotFound&) {
      return;
    }
    const std::string& name = validator->get_name();
    if (name.rfind(kTag, 0) != 0) continue;
    const std::string_view rest = std::string_view(name).substr(kTag.size());
    if (rest == "path") {
      spec.kind = ValueKind::kPath;
    } else {
      spec.kind = rest.rfind("list:", 0) == 0 ? ValueKind::kChoiceList : ValueKind::kChoice;
      spec.values = split_commas(rest.substr(rest.find(':') + 1));
    }
  }
}

/// The man page placeholder: the option's own type name when one was set (type_name("LIST")),
/// else its first long name in capitals ("--max-cells" -> "MAX_CELLS").
std::string value_name(const CLI::Option& option, const std::string& first_long) {
  std::string type = option.get_type_name();
  type = type.substr(0, type.find(':'));
  for (std::string_view generic : {"TEXT", "INT", "UINT", "FLOAT", "NUMBER", "BOOLEAN", ""})
    if (type == generic) type.clear();
  if (!type.empty()) return type;
  std::string out = first_long;
  for (char& c : out) {
    if (c == '-') c = '_';
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

OptionSpec describe_option(CLI::Option& option) {
  OptionSpec spec;
  spec.description = option.get_description();
  spec.required = option.get_required();
  spec.multiple = option.get_expected_max() > 1;
  spec.positional = !option.nonpositional();
  if (spec.positional) {
    spec.names = {option.get_name()};
  } else {
    for (const std::string& s : option.get_snames()) spec.names.push_back("-" + s);
    for (const std::string& l : option.get_lnames()) spec.names.push_back("--" + l);
  }
  const std::string first_long =
      option.get_lnames().empty() ? (spec.positional ? option.get_name() : option.get_snames()[0])
                                  : option.get_lnames()[0];
  if (option.get_expected_max() == 0 && !spec.positional) {  // a flag
    spec.kind = ValueKind::kNone;
  } else {
    spec.value_name = value_name(option, first_long);
    read_tag(option, spec);
  }
  return spec;
}

}  // namespace

CLI::Option* with_values(CLI::Option* option, const std::vector<std::string>& values, bool list) {
  return tag(option, std::string(list ? "list:" : "one:") + join(values, ","));
}

CLI::Option* with_path(CLI::Option* option) { return tag(option, "path"); }

CommandSpec describe(CLI::App& app, const std::string& name) {
  CommandSpec spec;
  spec.name = name;
  spec.description = app.get_description();
  spec.footer = app.get_footer();
  for (CLI::Option* option : app.get_options())
    if (!option->get_group().empty()) spec.options.push_back(describe_option(*option));
  for (CLI::App* sub : app.get_subcommands([](CLI::App* s) { return !s->get_group().empty(); }))
    spec.subcommands.push_back(describe(*sub, sub->get_name()));
  return spec;
}

std::optional<std::string> generated_document(CLI::App& app, int argc, const char* const* argv) {
  if (argc < 2) return std::nullopt;
  const std::string_view request = argv[1];
  if (request == "--man" && argc == 2) return man_page(describe(app, "convt"), kVersion);
  if (request != "--completion") return std::nullopt;
  const std::string shell = argc == 3 ? argv[2] : "";
  if (shell == "bash") return bash_completion(describe(app, "convt"));
  if (shell == "zsh") return zsh_completion(describe(app, "convt"));
  throw Error({MsgId::kErrUnknownShell, {{"value", shell}, {"valid", "bash, zsh"}}});
}

}  // namespace convt::cli
