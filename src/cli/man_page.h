// The man page of convt, written in roff (man macros) from the CommandSpec the parser declares:
// the same descriptions and footers `--help` prints, so the page cannot drift from the program.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cli/command_spec.h"

namespace convt {

/// One line of a --help footer section: "  TERM  TEXT" (text empty when the line has no two-space
/// gap), or a line of plain prose (term empty).
struct FooterItem {
  std::string term;
  std::string text;
};

/// A titled section of a --help footer ("Examples:" -> title "Examples").
struct FooterSection {
  std::string title;
  std::vector<FooterItem> items;
};

/// Splits a footer in the format CommandSpec::footer documents into its sections, in order.
/// Lines before the first title go to a section with an empty title.
std::vector<FooterSection> parse_footer(std::string_view footer);

/// The whole page, section 1: NAME, SYNOPSIS, DESCRIPTION, OPTIONS (every command's options),
/// then one section per footer title of the root and the subcommands (titles merged, repeated
/// items dropped), EXAMPLES last. `version` goes in the page's footer line ("convt 0.1.0").
/// Text is ASCII: other characters become groff \[uXXXX] escapes.
std::string man_page(const CommandSpec& root, std::string_view version);

}  // namespace convt
