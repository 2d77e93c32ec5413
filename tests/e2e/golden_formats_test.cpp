// The golden outputs of the formats (tests/golden/formats/cases.txt: unicode, markdown, latex,
// colour) through the real executable, byte for byte. The numbers in them are the engine's,
// checked against PyTorch by tests/render/formats_pytorch_test.cpp.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "files.h"
#include "golden_manifest.h"
#include "run_convt.h"

namespace {

using convt::testing::GoldenCase;
using convt::testing::read_file;
using convt::testing::read_manifest;
using convt::testing::regenerate_hint;
using convt::testing::run_convt;

TEST(FormatsGolden, ManifestCoversEveryFormatOfTheArticleCases) {
  const std::vector<GoldenCase> cases = read_manifest("formats");
  ASSERT_TRUE(cases.front().problem.empty()) << cases.front().problem;
  for (const char* name : {"k2_s1_p0_n2", "k2_s1_p1_n4", "k3_s1_p1_n3", "k2_s2_p1_n2"})
    for (const char* file : {"unicode/%.txt", "markdown/%.md", "latex/%.tex"}) {
      std::string path = file;
      path.replace(path.find('%'), 1, name);
      EXPECT_TRUE(std::any_of(cases.begin(), cases.end(), [&](const GoldenCase& c) {
        return c.name == path;
      })) << path;
    }
}

TEST(FormatsGolden, ListsEveryGoldenFileOnce) {
  convt::testing::expect_manifest_complete("formats", 19,
                                           convt::testing::GoldenLayout::kFilesRecursive);
}

std::string test_name(const ::testing::TestParamInfo<GoldenCase>& info) {
  return convt::testing::golden_test_name(info.param);
}

class FormatsGoldenOutput : public ::testing::TestWithParam<GoldenCase> {};

TEST_P(FormatsGoldenOutput, MatchesCommittedFileByteForByte) {
  const GoldenCase& c = GetParam();
  ASSERT_TRUE(c.problem.empty()) << c.problem;
  SCOPED_TRACE(c.command());
  const auto r = run_convt(c.args);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string golden;
  ASSERT_NO_THROW(golden = read_file(c.path()))
      << c.shown() << " is missing; " << regenerate_hint();
  if (r.out != golden)
    ADD_FAILURE() << c.shown() << " differs\n"
                  << convt::testing::diff_hint(golden, r.out) << regenerate_hint();
}

INSTANTIATE_TEST_SUITE_P(Cases, FormatsGoldenOutput, ::testing::ValuesIn(read_manifest("formats")),
                         test_name);

}  // namespace
