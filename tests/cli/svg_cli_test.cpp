// The option rules of `convt explain --format svg` (--out, --frames, --force, --compare), run
// in-process (run_in_process.h): one-line errors naming the option, exit status 2. Writing the
// figures through the real executable: tests/e2e/svg_files_test.cpp; the golden figures:
// tests/e2e/golden_svg_test.cpp.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "run_in_process.h"

namespace {

using convt::testing::run_in_process;

const std::vector<std::string> kLayer = {"explain", "--k", "2", "--s", "2", "--p", "1", "--n", "2"};

std::vector<std::string> layer_with(std::vector<std::string> more) {
  std::vector<std::string> args = kLayer;
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

TEST(SvgCli, OptionRulesAreOneLineErrorsNamingTheOption) {
  struct Case {
    std::vector<std::string> more;
    std::string err;
  };
  const std::vector<Case> cases = {
      {{"--format", "svg"},
       "convt: --out: --format svg writes one file per stage; name a folder for them with --out "
       "DIR\n"},
      {{"--out", "figs"}, "convt: --out: only --format svg writes files, got --format text\n"},
      {{"--format", "json", "--out", "figs"},
       "convt: --out: only --format svg writes files, got --format json\n"},
      {{"--frames"}, "convt: --frames: only with --format svg\n"},
      {{"--force"}, "convt: --force: only with --format svg\n"},
      {{"--format", "svg", "--out", "/dev/null"},
       "convt: --out: '/dev/null' exists and is not a folder\n"},
      {{"--format", "svg", "--out", "figs", "--compare", "tf"},
       "convt: --compare: the TensorFlow comparison is written in text, unicode, markdown and "
       "json, not with --format svg\n"},
  };
  for (const Case& c : cases) {
    auto r = run_in_process(layer_with(c.more));
    EXPECT_EQ(r.exit_code, 2) << c.err;
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, c.err);
  }
}

}  // namespace
