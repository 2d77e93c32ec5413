// A command line that helps (issue 14): `convt` alone and `convt help [COMMAND]` print the
// overview or a command's options, value placeholders name their kind, an unknown option is
// named with the nearest real one, --symbolic refuses values it would ignore, and what the
// renderer would refuse for its size is refused before the derivation runs.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "expect_usage_error.h"
#include "run_in_process.h"

namespace {

using convt::testing::expect_usage_error;
using convt::testing::run_in_process;
using convt::testing::RunResult;

TEST(HelpCommand, ConvtAloneAndHelpPrintTheOverview) {
  const RunResult help = run_in_process({"--help"});
  ASSERT_EQ(help.exit_code, 0);
  for (const char* command : {"explain", "shape", "solve", "chain", "quiz"})
    EXPECT_NE(help.out.find("\n  " + std::string(command) + " "), std::string::npos) << command;
  EXPECT_EQ(help.out.rfind("convt: transposed convolution", 0), 0u) << help.out;
  for (const std::vector<std::string>& args : {std::vector<std::string>{}, {"help"}}) {
    const RunResult r = run_in_process(args);
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.err, "");
    EXPECT_EQ(r.out, help.out);
  }
}

TEST(HelpCommand, HelpCommandIsThatCommandsHelp) {
  for (const char* command : {"explain", "shape", "solve", "chain", "quiz"}) {
    const RunResult want = run_in_process({command, "--help"});
    const RunResult got = run_in_process({"help", command});
    EXPECT_EQ(got.exit_code, 0) << command;
    EXPECT_EQ(got.err, "");
    EXPECT_EQ(got.out, want.out) << command;
    EXPECT_NE(got.out.find("convt " + std::string(command)), std::string::npos) << got.out;
  }
  expect_usage_error({"help", "explian"},
                     "unknown subcommand 'explian'; available: explain, shape, solve, chain, quiz");
  expect_usage_error({"help", "explain", "--k"},
                     "unexpected argument '--k'; every value follows its option, as in --n 3 "
                     "(see convt --help)");
}

TEST(HelpCommand, PlaceholdersNameTheKindOfValue) {
  for (const char* command : {"explain", "shape", "solve", "chain", "quiz"}) {
    const RunResult r = run_in_process({command, "--help"});
    EXPECT_EQ(r.out.find("TEXT"), std::string::npos) << r.out;
  }
  const std::string explain = run_in_process({"explain", "--help"}).out;
  EXPECT_NE(explain.find("--n,--input-size SIZE REQUIRED"), std::string::npos) << explain;
  EXPECT_NE(explain.find("--width INT"), std::string::npos) << explain;
  EXPECT_NE(explain.find("--kernel LIST"), std::string::npos) << explain;
  const std::string solve = run_in_process({"solve", "--help"}).out;
  EXPECT_NE(solve.find("--limit INT"), std::string::npos) << solve;
  EXPECT_NE(solve.find("--m,--output-size SIZE"), std::string::npos) << solve;
}

TEST(UnknownOption, IsNamedBeforeAMissingRequiredOne) {
  expect_usage_error({"explain", "--kk", "3", "--n", "3"},
                     "--kk: unknown option of convt explain; did you mean --k?");
  expect_usage_error({"explain", "--k", "3", "--n", "3", "--formt", "json"},
                     "--formt: unknown option of convt explain; did you mean --format?");
  expect_usage_error({"explain", "--k", "3", "--n", "3", "--formt=json"},
                     "--formt: unknown option of convt explain; did you mean --format?");
  expect_usage_error({"explain", "--k", "3", "--n", "3", "--verbose"},
                     "--verbose: unknown option of convt explain; see convt explain --help");
  // Every subcommand, with its own options.
  expect_usage_error({"solve", "--n", "4", "--m", "8", "--limt", "3"},
                     "--limt: unknown option of convt solve; did you mean --limit?");
  expect_usage_error({"shape", "--n", "4", "--k", "3", "--mm", "3"},
                     "--mm: unknown option of convt shape; did you mean --m?");
  expect_usage_error({"chain", "--n", "4", "--layr", "k3"},
                     "--layr: unknown option of convt chain; did you mean --layer?");
  expect_usage_error({"--verison"}, "--verison: unknown option of convt; did you mean --version?");
  // A value without its option.
  expect_usage_error({"explain", "--k", "3", "--n", "3", "4"},
                     "unexpected argument '4'; every value follows its option, as in --n 3 (see "
                     "convt explain --help)");
  // In the language of the environment.
  const RunResult zh = run_in_process({"explain", "--kk", "3", "--n", "3"}, {"LANG=zh_CN.UTF-8"});
  EXPECT_EQ(zh.exit_code, 2);
  EXPECT_EQ(zh.err, "convt: --kk: convt explain 没有这个选项；是否想写 --k？\n");
}

TEST(SymbolicValues, AreRefusedNotIgnored) {
  expect_usage_error({"explain", "--k", "2", "--n", "2", "--symbolic", "--kernel", "1,2,3,4"},
                     "--symbolic: writes the kernel and the input as symbols, so --kernel would "
                     "be ignored; leave out one of them");
  expect_usage_error(
      {"explain", "--k", "2", "--n", "2", "--input", "1", "2", "3", "4", "--symbolic"},
      "--symbolic: writes the kernel and the input as symbols, so --input would "
      "be ignored; leave out one of them");
}

TEST(EarlyRefusal, JsonTooLargeIsRefusedWithTheRenderersMessage) {
  // n = 512, k = 4, s = 2, p = 1: m = 1024, so the output has 1024^2 = 1048576 cells, all of
  // them non-zero with the default values: over --max-cells 1000000 even written sparsely.
  const RunResult r = run_in_process({"explain", "--n", "512", "--k", "4", "--s", "2", "--p", "1",
                                      "--stages", "output,check", "--format", "json"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "convt: --max-cells: stage 'output' has 1048576 cells and 1048576 non-zeros, over the "
            "limit of 1000000 even written sparsely in JSON; select other --stages or raise "
            "--max-cells\n");
}

}  // namespace
