// `convt explain --format svg --out DIR` through the real executable: the folder it writes, the
// sliding kernel and its frames, --force, and exit status 1 when a file cannot be written (the
// writing happens in main, after run_cli). The option rules: tests/cli/svg_cli_test.cpp.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "files.h"
#include "run_convt.h"

namespace {

namespace fs = std::filesystem;
using convt::testing::listing;
using convt::testing::run_convt;
using convt::testing::TempFolder;

const std::vector<std::string> kLayer = {"explain", "--k", "2", "--s", "2", "--p", "1", "--n", "2"};

std::vector<std::string> layer_with(std::vector<std::string> more) {
  std::vector<std::string> args = kLayer;
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

TEST(SvgCli, WritesOneFilePerStageTheSlidingKernelAndTheIndex) {
  TempFolder tmp;
  const std::string dir = tmp / "figures";
  auto r = run_convt(layer_with({"--format", "svg", "--out", dir}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, "wrote 17 files to " + dir + "; open " + dir + "/index.html\n");
  const std::vector<std::string> names = listing(dir);
  EXPECT_EQ(names.size(), 17u);
  for (const char* name : {"formula.svg", "padded_input.svg", "conv_matrix.svg", "output.svg",
                           "check.svg", "sliding.svg", "index.html"})
    EXPECT_TRUE(std::binary_search(names.begin(), names.end(), name)) << name;
}

TEST(SvgCli, StagesAndFramesChooseTheFiles) {
  TempFolder tmp;
  auto r = run_convt(
      layer_with({"--format", "svg", "--out", tmp / "f", "--stages", "direct_output", "--frames"}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> want = {"direct_output.svg", "index.html"};
  for (int i = 1; i <= 16; ++i)
    want.push_back((i < 10 ? "sliding-00" : "sliding-0") + std::to_string(i) + ".svg");
  std::sort(want.begin(), want.end());
  EXPECT_EQ(listing(tmp / "f"), want);
}

TEST(SvgCli, RefusesAFolderThatIsNotEmptyUnlessForced) {
  TempFolder tmp;
  const std::string dir = tmp / "figures";
  ASSERT_EQ(
      run_convt(layer_with({"--format", "svg", "--out", dir, "--stages", "formula"})).exit_code, 0);
  auto r = run_convt(layer_with({"--format", "svg", "--out", dir}));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "convt: --out: the folder '" + dir +
                       "' is not empty; add --force to write into it (files of the same name are "
                       "replaced)\n");
  EXPECT_EQ(listing(dir), (std::vector<std::string>{"formula.svg", "index.html"}));
  r = run_convt(layer_with({"--format", "svg", "--out", dir, "--force"}));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(listing(dir).size(), 17u);
}

TEST(SvgCli, AFileThatCannotBeWrittenExitsWithOneAndNamesOut) {
  TempFolder tmp;
  // The figure's place is taken by a folder, so writing it fails even as root.
  fs::create_directories(tmp / "figures/formula.svg");
  auto r = run_convt(layer_with({"--format", "svg", "--out", tmp / "figures", "--force"}));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err.rfind("convt: --out: cannot write '" + (tmp / "figures/formula.svg") + "': ", 0),
            0u)
      << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1);
  for (const std::string& name : listing(tmp / "figures"))
    EXPECT_EQ(name.find(".tmp-"), std::string::npos) << name;
}

}  // namespace
