// A small hand-made CommandSpec for the tests of the man page and completion writers.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "cli/command_spec.h"

namespace convt::testing {

/// An option of a hand-made spec.
inline OptionSpec option(std::vector<std::string> names, std::string value_name,
                         std::string description, ValueKind kind,
                         std::vector<std::string> values = {}) {
  OptionSpec spec;
  spec.names = std::move(names);
  spec.value_name = std::move(value_name);
  spec.description = std::move(description);
  spec.kind = kind;
  spec.values = std::move(values);
  return spec;
}

/// "tool" with one subcommand "run": a required free option, a choice, a choice list, and
/// footers whose examples overlap.
inline CommandSpec tool() {
  CommandSpec root{"tool", "tool: does things", {}, {}, "Examples:\n  tool run --x 1  first\n"};
  root.options.push_back(option({"-h", "--help"}, "", "Print help", ValueKind::kNone));
  CommandSpec run{"run", "Run it", {}, {}, ""};
  OptionSpec x = option({"--x"}, "X", "The x", ValueKind::kFree);
  x.required = true;
  run.options.push_back(x);
  run.options.push_back(option({"--mode"}, "MODE", "How", ValueKind::kChoice, {"fast", "slow"}));
  run.options.push_back(option({"--parts"}, "PARTS", "Which", ValueKind::kChoiceList, {"a", "b"}));
  run.footer =
      "Examples:\n"
      "  tool run --x 1  first\n"
      "  tool run --x 2 --mode slow\n"
      "\n"
      "Exit status:\n"
      "  0  success\n";
  root.subcommands.push_back(run);
  return root;
}

}  // namespace convt::testing
