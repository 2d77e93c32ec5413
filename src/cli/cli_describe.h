// Reads convt's CLI11 parser back as a CommandSpec, for the man page and the completion scripts,
// and answers the hidden requests the build uses to write them. Part of the executable (it uses
// CLI11), not of convt_core.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cli/command_spec.h"

namespace convt::cli {

/// Declares that `option` takes one of `values`, or with `list` a comma-separated list of them.
/// The completion scripts offer them and the man page lists them; the option's help line is
/// unchanged and nothing is validated here (the library judges the value, with its own message).
/// Pass the same list the validation uses (stage_names(), format_names(), ...).
/// Example: with_values(explain->add_option("--format", o.format, "..."), format_names());
CLI::Option* with_values(CLI::Option* option, const std::vector<std::string>& values,
                         bool list = false);

/// Declares that `option` takes a file name: the completion scripts complete paths.
CLI::Option* with_path(CLI::Option* option);

/// The visible commands and options of `app` (those in a non-empty group), named `name`.
CommandSpec describe(CLI::App& app, const std::string& name);

/// The hidden requests, answered before normal parsing (they are not in --help):
///   convt --completion bash|zsh   the completion script
///   convt --man                   the man page (roff)
/// Returns the text to print, or nullopt when `argv` is not such a request.
/// Throws Error for an unknown shell.
std::optional<std::string> generated_document(CLI::App& app, int argc, const char* const* argv);

}  // namespace convt::cli
