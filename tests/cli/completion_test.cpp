// The shell completion writers (completion.h), on small hand-made CommandSpecs (sample_spec.h).
// The generated scripts of the real convt are checked end to end by tests/e2e/install_test.sh
// (bash compgen, an interactive zsh).
#include "cli/completion.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "sample_spec.h"

namespace {

using convt::CommandSpec;
using convt::ValueKind;
using convt::testing::option;
using convt::testing::tool;

TEST(Completion, BashCompletesValuesPerSubcommandAndOption) {
  const std::string script = convt::bash_completion(tool());
  EXPECT_NE(script.find("    run:--mode)\n      _tool_words \"$eq\" \"$cur\" fast slow\n"),
            std::string::npos);
  EXPECT_NE(script.find("    run:--parts)\n      _tool_list \"$eq\" \"$cur\" a b\n"),
            std::string::npos);
  EXPECT_NE(script.find("    run:--x)\n      return ;;\n"), std::string::npos);
  EXPECT_NE(script.find("complete -F _tool tool\n"), std::string::npos);
}

TEST(Completion, ZshQuotesDescriptionsForArguments) {
  CommandSpec root{"tool", "does things", {}, {}, ""};
  root.options.push_back(option({"--q"}, "", "it's [x]", ValueKind::kNone));
  const std::string script = convt::zsh_completion(root);
  EXPECT_NE(script.find("'--q[it'\\''s \\[x\\]]'"), std::string::npos);
  EXPECT_EQ(script.rfind("#compdef tool\n", 0), 0u);
}

TEST(Completion, RefusesWordsThatWouldNeedQuoting) {
  CommandSpec root = tool();
  root.subcommands[0].options[1].values.push_back("two words");
  EXPECT_THROW(convt::bash_completion(root), std::invalid_argument);
  EXPECT_THROW(convt::zsh_completion(root), std::invalid_argument);
}

}  // namespace
