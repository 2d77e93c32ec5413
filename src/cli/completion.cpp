#include "cli/completion.h"

#include <stdexcept>
#include <string_view>

namespace convt {

namespace {

/// Words the scripts embed unquoted (case patterns, compgen word lists) must not need quoting.
bool plain_word(std::string_view word) {
  if (word.empty()) return false;
  for (char c : word) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    std::string_view("_-.+/@%").find(c) != std::string_view::npos;
    if (!ok) return false;
  }
  return true;
}

void require_plain(std::string_view word) {
  if (!plain_word(word))
    throw std::invalid_argument("completion: not a plain word: '" + std::string(word) + "'");
}

void require_plain_words(const CommandSpec& command) {
  require_plain(command.name);
  for (const OptionSpec& option : command.options) {
    for (const std::string& name : option.names) require_plain(name);
    for (const std::string& value : option.values) require_plain(value);
  }
  for (const CommandSpec& sub : command.subcommands) require_plain_words(sub);
}

/// A shell function name made from a command name: "max-cells" -> "max_cells".
std::string identifier(std::string_view name) {
  std::string out(name);
  for (char& c : out)
    if (c == '-' || c == '.' || c == '+' || c == '/' || c == '@' || c == '%') c = '_';
  return out;
}

std::string join(const std::vector<std::string>& words, std::string_view separator) {
  std::string out;
  for (const std::string& word : words) out += (out.empty() ? "" : std::string(separator)) + word;
  return out;
}

/// Every dashed name of the non-positional options of `command`.
std::vector<std::string> option_names(const CommandSpec& command) {
  std::vector<std::string> names;
  for (const OptionSpec& option : command.options)
    if (!option.positional) names.insert(names.end(), option.names.begin(), option.names.end());
  return names;
}

/// "--input-size" of {"-n", "--n", "--input-size"}: the longest name, without dashes.
std::string long_label(const OptionSpec& option) {
  std::string best;
  for (const std::string& name : option.names)
    if (name.size() > best.size()) best = name;
  return best.substr(best.find_first_not_of('-'));
}

// ---- bash -------------------------------------------------------------------------------------

/// The case arms that complete the value after an option of `command` (`key` is "" for the root).
void bash_value_arms(const CommandSpec& command, const std::string& key, const std::string& fn,
                     std::string& out) {
  std::vector<std::string> free_patterns;
  for (const OptionSpec& option : command.options) {
    if (option.positional || option.kind == ValueKind::kNone) continue;
    std::vector<std::string> patterns;
    for (const std::string& name : option.names) patterns.push_back(key + ":" + name);
    const std::string arm = "    " + join(patterns, " | ") + ")\n      ";
    switch (option.kind) {
      case ValueKind::kChoice:
        out += arm + fn + "_words \"$eq\" \"$cur\" " + join(option.values, " ") + "\n";
        out += "      return ;;\n";
        break;
      case ValueKind::kChoiceList:
        out += arm + fn + "_list \"$eq\" \"$cur\" " + join(option.values, " ") + "\n";
        out += "      return ;;\n";
        break;
      case ValueKind::kPath:
        out += arm + "COMPREPLY=($(compgen -f -- \"$cur\"))\n";
        out += "      compopt -o filenames 2>/dev/null\n";
        out += "      return ;;\n";
        break;
      default:
        free_patterns.insert(free_patterns.end(), patterns.begin(), patterns.end());
    }
  }
  // A free value (a number, a size): nothing sensible to offer, and no option names either.
  if (!free_patterns.empty()) out += "    " + join(free_patterns, " | ") + ")\n      return ;;\n";
}

// ---- zsh --------------------------------------------------------------------------------------

/// `text` inside a single-quoted zsh word.
std::string zsh_single_quoted(std::string_view text) {
  std::string out;
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out;
}

/// `text` as an _arguments explanation, inside [...] of a single-quoted spec.
std::string zsh_explanation(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\\' || c == '[' || c == ']') out += '\\';
    out += c;
  }
  return zsh_single_quoted(out);
}

/// The _arguments spec of one option, one shell word (or brace expansion) long.
std::string zsh_option_spec(const OptionSpec& option) {
  std::string action;
  const std::string label = long_label(option);
  switch (option.kind) {
    case ValueKind::kNone:
      break;
    case ValueKind::kFree:
      action = ":" + label + ": ";
      break;
    case ValueKind::kChoice:
      action = ":" + label + ":(" + join(option.values, " ") + ")";
      break;
    case ValueKind::kChoiceList:
      action = ":" + label + ":_sequence compadd - " + join(option.values, " ");
      break;
    case ValueKind::kPath:
      action = ":" + label + ":_files";
      break;
  }
  if (option.positional)
    return "'" + std::string(option.multiple ? "*" : "") + ":" + label + ":" +
           (option.kind == ValueKind::kChoice ? "(" + join(option.values, " ") + ")"
            : option.kind == ValueKind::kPath ? "_files"
                                              : " ") +
           "'";
  const std::string tail = "[" + zsh_explanation(option.description) + "]" + action + "'";
  if (option.names.size() == 1) return "'" + option.names[0] + tail;
  // Aliases exclude each other: '(-n --n --input-size)'{-n,--n,--input-size}'[...]...'
  return "'(" + join(option.names, " ") + ")'{" + join(option.names, ",") + "}'" + tail;
}

std::string zsh_arguments(const CommandSpec& command, std::string_view flags) {
  std::string out = "  _arguments" + std::string(flags);
  for (const OptionSpec& option : command.options) out += " \\\n    " + zsh_option_spec(option);
  return out;
}

}  // namespace

std::string bash_completion(const CommandSpec& root) {
  require_plain_words(root);
  const std::string fn = "_" + identifier(root.name);
  std::string out;
  out += "# bash completion for " + root.name + ". Generated from " + root.name +
         "'s own command line definition; do not edit.\n\n";
  out += "# COMPREPLY: the words $3... that start with $2, each prefixed with $1.\n";
  out += fn + "_words() {\n";
  out += "  local prefix=$1 word=$2\n";
  out += "  shift 2\n";
  out += "  COMPREPLY=($(compgen -P \"$prefix\" -W \"$*\" -- \"$word\"))\n";
  out += "}\n\n";
  out += "# COMPREPLY: the last item of the comma-separated list $2, from the words $3....\n";
  out += fn + "_list() {\n";
  out += "  local prefix=$1 word=$2\n";
  out += "  shift 2\n";
  out += "  if [[ $word == *,* ]]; then\n";
  out += "    prefix=$prefix${word%,*},\n";
  out += "    word=${word##*,}\n";
  out += "  fi\n";
  out += "  COMPREPLY=($(compgen -P \"$prefix\" -W \"$*\" -- \"$word\"))\n";
  out += "  compopt -o nospace 2>/dev/null\n";
  out += "}\n\n";
  out += fn + "() {\n";
  out += "  local cur=${COMP_WORDS[COMP_CWORD]} prev= eq= sub= i\n";
  out += "  ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}\n";
  out += "  # --option=value: split at '=' by bash (COMP_WORDBREAKS), or still one word.\n";
  out += "  if [[ $cur == = ]]; then\n";
  out += "    cur=\n";
  out += "  elif [[ $prev == = ]] && ((COMP_CWORD > 1)); then\n";
  out += "    prev=${COMP_WORDS[COMP_CWORD - 2]}\n";
  out += "  elif [[ $cur == --*=* ]]; then\n";
  out += "    prev=${cur%%=*}\n";
  out += "    eq=$prev=\n";
  out += "    cur=${cur#*=}\n";
  out += "  fi\n";
  if (!root.subcommands.empty()) {
    std::vector<std::string> names;
    for (const CommandSpec& sub : root.subcommands) names.push_back(sub.name);
    out += "  for ((i = 1; i < COMP_CWORD; i++)); do\n";
    out += "    case ${COMP_WORDS[i]} in\n";
    out += "      " + join(names, " | ") + ")\n";
    out += "        sub=${COMP_WORDS[i]}\n";
    out += "        break\n";
    out += "        ;;\n";
    out += "    esac\n";
    out += "  done\n";
  }
  out += "  case $sub:$prev in\n";
  bash_value_arms(root, "", fn, out);
  for (const CommandSpec& sub : root.subcommands) bash_value_arms(sub, sub.name, fn, out);
  out += "  esac\n";
  out += "  if [[ $cur == -* ]]; then\n";
  out += "    case $sub in\n";
  out += "      '') " + fn + "_words '' \"$cur\" " + join(option_names(root), " ") + " ;;\n";
  for (const CommandSpec& sub : root.subcommands)
    out += "      " + sub.name + ") " + fn + "_words '' \"$cur\" " + join(option_names(sub), " ") +
           " ;;\n";
  out += "    esac\n";
  if (!root.subcommands.empty()) {
    std::vector<std::string> names;
    for (const CommandSpec& sub : root.subcommands) names.push_back(sub.name);
    out += "  elif [[ -z $sub ]]; then\n";
    out += "    " + fn + "_words '' \"$cur\" " + join(names, " ") + "\n";
  }
  out += "  fi\n";
  out += "}\n\n";
  out += "complete -F " + fn + " " + root.name + "\n";
  return out;
}

std::string zsh_completion(const CommandSpec& root) {
  require_plain_words(root);
  const std::string fn = "_" + identifier(root.name);
  std::string out = "#compdef " + root.name + "\n";
  out += "# zsh completion for " + root.name + ". Generated from " + root.name +
         "'s own command line definition; do not edit.\n\n";
  for (const CommandSpec& sub : root.subcommands) {
    out += fn + "_" + identifier(sub.name) + "() {\n";
    out += zsh_arguments(sub, " -S") + "\n";
    out += "}\n\n";
  }
  out += fn + "() {\n";
  if (root.subcommands.empty()) {
    out += zsh_arguments(root, " -S") + "\n";
  } else {
    out += "  local curcontext=$curcontext state state_descr line ret=1\n";
    out += "  typeset -A opt_args\n";
    out += "  local -a subcommands=(\n";
    for (const CommandSpec& sub : root.subcommands)
      out += "    '" + sub.name + ":" + zsh_single_quoted(sub.description) + "'\n";
    out += "  )\n";
    out += zsh_arguments(root, " -C -S") + " \\\n";
    out += "    '1: :->subcommand' \\\n";
    out += "    '*:: :->argument' && ret=0\n";
    out += "  case $state in\n";
    out += "    subcommand)\n";
    out += "      _describe -t subcommands '" + root.name + " subcommand' subcommands && ret=0\n";
    out += "      ;;\n";
    out += "    argument)\n";
    out += "      curcontext=${curcontext%:*:*}:" + root.name + "-$words[1]:\n";
    out += "      case $words[1] in\n";
    for (const CommandSpec& sub : root.subcommands)
      out += "        " + sub.name + ") " + fn + "_" + identifier(sub.name) + " && ret=0 ;;\n";
    out += "      esac\n";
    out += "      ;;\n";
    out += "  esac\n";
    out += "  return ret\n";
  }
  out += "}\n\n";
  out += fn + " \"$@\"\n";
  return out;
}

}  // namespace convt
