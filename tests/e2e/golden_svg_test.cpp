// The golden figures of the article's four cases (tests/golden/svg/cases.txt) through the real
// executable: every SVG it writes to disk equals the committed one byte for byte.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "files.h"
#include "golden_manifest.h"
#include "run_convt.h"

namespace {

namespace fs = std::filesystem;
using convt::testing::GoldenCase;
using convt::testing::listing;
using convt::testing::read_file;
using convt::testing::read_manifest;
using convt::testing::run_convt;
using convt::testing::TempFolder;

const std::string kGoldenDir = CONVT_SVG_GOLDEN_DIR;

/// The regeneration hint, with what to look at for figures.
std::string regenerate() {
  return convt::testing::regenerate_hint() +
         "; and look at the figures: render them with rsvg-convert and view the PNGs";
}

std::string test_name(const ::testing::TestParamInfo<GoldenCase>& info) {
  return convt::testing::golden_test_name(info.param);
}

class GoldenSvg : public ::testing::TestWithParam<GoldenCase> {};

TEST_P(GoldenSvg, EveryFileMatchesTheCommittedOneByteForByte) {
  const GoldenCase& c = GetParam();
  ASSERT_TRUE(c.problem.empty()) << c.problem;
  SCOPED_TRACE(c.command());
  TempFolder tmp;
  std::vector<std::string> args = c.args;
  args.push_back("--out");
  args.push_back(tmp / c.name);
  auto r = run_convt(args);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string golden = c.path();
  ASSERT_TRUE(fs::is_directory(golden)) << c.shown() << " is missing; " << regenerate();
  // index.html repeats every explanation of the catalogue; svg_index_test.cpp checks it instead.
  std::vector<std::string> written = listing(tmp / c.name);
  written.erase(std::remove(written.begin(), written.end(), "index.html"), written.end());
  ASSERT_EQ(written, listing(golden)) << regenerate();
  for (const std::string& name : listing(golden))
    EXPECT_TRUE(read_file(tmp / (c.name + "/" + name)) == read_file(golden + "/" + name))
        << c.shown() << "/" << name << " differs; " << regenerate();
}

INSTANTIATE_TEST_SUITE_P(Cases, GoldenSvg, ::testing::ValuesIn(read_manifest("svg")), test_name);

TEST(GoldenSvgManifest, ListsTheArticlesFourCasesAndEveryFolder) {
  convt::testing::expect_manifest_complete("svg", 4, convt::testing::GoldenLayout::kFolders);
  std::vector<std::string> folders;
  for (const GoldenCase& c : read_manifest("svg")) folders.push_back(c.name);
  std::sort(folders.begin(), folders.end());
  EXPECT_EQ(folders,
            (std::vector<std::string>{"k2_s1_p0_n2", "k2_s1_p1_n4", "k2_s2_p1_n2", "k3_s1_p1_n3"}));
  std::vector<std::string> on_disk;
  for (const std::string& name : listing(kGoldenDir))
    if (fs::is_directory(kGoldenDir + "/" + name)) on_disk.push_back(name);
  EXPECT_EQ(on_disk, folders);
}

}  // namespace
