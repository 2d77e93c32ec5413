// A description of convt's command line: its subcommands and their options, as the parser
// declares them. `main` reads it back from the parser, and the man page and the shell completion
// scripts are written from it, so neither can drift from `--help`.
#pragma once

#include <string>
#include <vector>

namespace convt {

/// What follows an option on the command line.
enum class ValueKind {
  kNone,        ///< a flag: nothing follows
  kFree,        ///< any text (a number, a size such as 3x2, a value list)
  kChoice,      ///< one of OptionSpec::values
  kChoiceList,  ///< a comma-separated list of OptionSpec::values
  kPath,        ///< a file name
};

/// One option (or positional argument) of a command.
struct OptionSpec {
  /// As typed, short names first: {"-n", "--n", "--input-size"}. A positional argument has
  /// exactly one name, without dashes.
  std::vector<std::string> names;
  /// The placeholder of its value in the man page ("N", "FORMAT"); empty for a flag.
  std::string value_name;
  std::string description;  ///< the one-line help text
  ValueKind kind = ValueKind::kFree;
  /// The accepted values, for kChoice and kChoiceList; empty otherwise.
  std::vector<std::string> values;
  bool required = false;
  bool positional = false;
  bool multiple = false;  ///< takes several values (--kernel 1 2 3)
};

/// A command: convt itself or one of its subcommands.
struct CommandSpec {
  std::string name;         ///< "convt", "explain", ...
  std::string description;  ///< the one-line summary --help prints first
  std::vector<OptionSpec> options;
  std::vector<CommandSpec> subcommands;
  /// The text --help prints after the options: sections such as "Examples:", each a title line
  /// ending in ':' followed by lines indented by two spaces, "  TERM  TEXT" (two or more spaces
  /// between the term and its text).
  std::string footer;
};

}  // namespace convt
