// Shell completion scripts for convt, written from the CommandSpec the parser declares: they
// complete subcommands, option names, the values of options with a fixed value set (one value or
// a comma-separated list) and file names where an option takes a path.
#pragma once

#include <string>

#include "cli/command_spec.h"

namespace convt {

/// A bash script for bash-completion's completions/ directory (or to `source`): defines the
/// function _<name> and registers it with `complete -F`.
/// REQUIRES: every subcommand name, option name and value is a plain word: letters, digits and
/// `_ - . + / @ %` only (else std::invalid_argument).
std::string bash_completion(const CommandSpec& root);

/// A zsh script for a directory on $fpath, named _<name>: `#compdef <name>`, then _arguments
/// specs for the root and each subcommand. Same REQUIRES as bash_completion.
std::string zsh_completion(const CommandSpec& root);

}  // namespace convt
