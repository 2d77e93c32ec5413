// What convt reads from its surroundings: the terminal on stdout, the colour variables and the
// language of the locale. Read once per run (probe_environment) and passed down; the rest of
// convt never calls getenv or isatty, so renderers stay pure.
#pragma once

#include <cstdint>
#include <string>

#include "convt/messages.h"
#include "text/style.h"

namespace convt::cli {

/// The surroundings of one run, as probe_environment found them.
struct Environment {
  /// Whether stdout is a terminal, and $TERM, $NO_COLOR, $CLICOLOR_FORCE as set (decide_color).
  TerminalFacts terminal;
  /// The column count of the terminal on stdout when stdout is a terminal at least 20 columns
  /// wide, else 100: the output width when --width is not given.
  int64_t width = 100;
  /// zh when LC_ALL (or, when LC_ALL is unset or empty, LANG) starts with "zh", else en: the
  /// language when --lang is not given. LC_MESSAGES is not read.
  Lang lang = Lang::kEn;
};

/// Reads the environment and asks whether stdout is a terminal, and how wide. The only code of
/// convt that does; it has no other effect and never fails.
Environment probe_environment();

/// The run's language: --lang `flag` decides ("en" or "zh"); empty (not given): `env.lang`.
/// Throws Error kErrUnknownChoice ("--lang: ...; choose one of: en, zh") for any other value.
Lang choose_lang(const std::string& flag, const Environment& env);

/// Whether to colour: --color `flag` ("auto", "always" or "never") decides, then the variables
/// and the terminal of `env` (convt::decide_color).
/// Throws Error kErrUnknownChoice naming --color for any other value.
bool use_color(const std::string& flag, const Environment& env);

/// The widest output line: --width `flag` when given (a whole number 20..100000), else
/// `env.width`. Throws Error naming --width ("output width") for a value out of range or not a
/// whole number.
int64_t output_width(const std::string& flag, const Environment& env);

}  // namespace convt::cli
