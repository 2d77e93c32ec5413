// Golden output tests: every case of tests/golden/cases.txt (and of tests/golden/symbolic/, the
// --symbolic goldens) is run through the real convt executable and its stdout compared byte for
// byte with the committed file. The goldens were checked by hand against PyTorch's numbers
// (tests/fixtures/pytorch_cases.json) when they were made, so a mismatch means either a
// regression or an intended change that needs new, re-checked goldens (tests/update_goldens.sh).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "files.h"
#include "golden_manifest.h"
#include "run_convt.h"

namespace {

using convt::testing::diff_hint;
using convt::testing::GoldenCase;
using convt::testing::GoldenLayout;
using convt::testing::read_file;
using convt::testing::read_manifest;
using convt::testing::regenerate_hint;
using convt::testing::run_convt;

class GoldenOutput : public ::testing::TestWithParam<GoldenCase> {};

TEST_P(GoldenOutput, MatchesCommittedFileByteForByte) {
  const GoldenCase& c = GetParam();
  ASSERT_TRUE(c.problem.empty()) << c.problem;
  SCOPED_TRACE(c.command());

  std::string golden;
  ASSERT_NO_THROW(golden = read_file(c.path()))
      << c.shown() << " is missing; " << regenerate_hint();
  auto r = run_convt(c.args);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  if (r.out != golden) {
    ADD_FAILURE() << "output differs from " << c.shown() << "\n"
                  << diff_hint(golden, r.out) << regenerate_hint();
  }
}

std::string test_name(const ::testing::TestParamInfo<GoldenCase>& info) {
  return convt::testing::golden_test_name(info.param);
}

INSTANTIATE_TEST_SUITE_P(Cases, GoldenOutput, ::testing::ValuesIn(read_manifest("")), test_name);
INSTANTIATE_TEST_SUITE_P(Symbolic, GoldenOutput, ::testing::ValuesIn(read_manifest("symbolic")),
                         test_name);

// Every file of tests/golden (and of symbolic/) is listed in its cases.txt and every listed file
// exists. The other subfolders (zh/, svg/, formats/) are checked with their goldens.

TEST(GoldenManifest, ListsEveryGoldenFileAndNoMissingOne) {
  convt::testing::expect_manifest_complete("", 12, GoldenLayout::kFiles);
}

TEST(GoldenManifest, ListsEverySymbolicGoldenFile) {
  convt::testing::expect_manifest_complete("symbolic", 4, GoldenLayout::kFiles);
}

// A manifest that cannot be read must not yield zero cases (a parameterised test would then
// pass without checking anything) but one stand-in case that fails with the reason.
TEST(GoldenManifest, AMissingManifestGivesOneFailingStandInCase) {
  const std::vector<GoldenCase> cases = read_manifest("no-such-folder");
  ASSERT_EQ(cases.size(), 1u);
  EXPECT_EQ(cases[0].problem.rfind("tests/golden/no-such-folder/cases.txt cannot be read", 0), 0u)
      << cases[0].problem;
  EXPECT_EQ(convt::testing::golden_test_name(cases[0]), "manifest_problem");
}

}  // namespace
