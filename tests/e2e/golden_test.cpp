// Golden output tests: every case of tests/golden/cases.txt (and of tests/golden/symbolic/,
// the --symbolic goldens) is run through the convt executable and its stdout compared byte for
// byte with the committed file. The goldens were checked by
// hand against PyTorch's numbers (tests/fixtures/pytorch_cases.json) when they were made, so a
// mismatch means either a regression or an intended change that needs new, re-checked goldens.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "run_convt.h"

namespace {

using convt::testing::read_file;
using convt::testing::run_convt;

const std::string kGoldenDir = CONVT_GOLDEN_DIR;

/// One line of cases.txt: the golden file and the arguments that produce it.
struct GoldenCase {
  std::string dir;  ///< "" for tests/golden, "symbolic" for tests/golden/symbolic
  std::string file;
  std::vector<std::string> args;

  std::string path() const { return kGoldenDir + (dir.empty() ? "" : "/" + dir) + "/" + file; }
  std::string shown() const { return "tests/golden/" + (dir.empty() ? "" : dir + "/") + file; }
  std::string regenerate() const {
    const std::string folder = "tests/golden" + (dir.empty() ? "" : "/" + dir);
    return "if the change is intended, regenerate with: sh " + folder +
           "/update.sh path/to/convt (then review `git diff " + folder +
           "` and check the numbers against PyTorch)";
  }
};

/// gtest prints the parameter of a failing test with this: the file names the case.
void PrintTo(const GoldenCase& c, std::ostream* os) { *os << c.shown(); }

/// Reads the cases.txt of tests/golden/<dir>: "<file> <args...>" per line, split on spaces;
/// '#' lines and blank lines are skipped. Registration happens before main, so errors become an
/// empty list plus a failing test.
std::vector<GoldenCase> read_manifest(const std::string& dir = "") {
  std::vector<GoldenCase> cases;
  std::string text;
  try {
    text = read_file(kGoldenDir + (dir.empty() ? "" : "/" + dir) + "/cases.txt");
  } catch (const std::exception&) {
    return cases;
  }
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream words(line);
    GoldenCase c;
    c.dir = dir;
    if (!(words >> c.file) || c.file[0] == '#') continue;
    for (std::string word; words >> word;) c.args.push_back(word);
    cases.push_back(std::move(c));
  }
  return cases;
}

/// The first line where `expected` and `actual` differ, shown like a unified diff.
std::string diff_hint(const std::string& expected, const std::string& actual) {
  auto split = [](const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
  };
  std::vector<std::string> want = split(expected), got = split(actual);
  size_t i = 0;
  while (i < want.size() && i < got.size() && want[i] == got[i]) ++i;
  std::ostringstream hint;
  hint << "first difference at line " << i + 1 << " (golden has " << want.size()
       << " lines, output has " << got.size() << "):\n";
  for (size_t j = i >= 2 ? i - 2 : 0; j < i; ++j) hint << "  " << want[j] << "\n";
  hint << "- " << (i < want.size() ? want[i] : "<end of golden>") << "\n";
  hint << "+ " << (i < got.size() ? got[i] : "<end of output>") << "\n";
  if (i == want.size() && i == got.size()) hint << "(the files differ only in the final newline)\n";
  return hint.str();
}

/// A gtest-safe name for a golden file: "k2_s1_p0_n2.txt" -> "k2_s1_p0_n2_txt".
std::string test_name(const ::testing::TestParamInfo<GoldenCase>& info) {
  std::string name = info.param.file;
  std::replace_if(
      name.begin(), name.end(), [](char c) { return !std::isalnum(c); }, '_');
  return name;
}

class GoldenOutput : public ::testing::TestWithParam<GoldenCase> {};

TEST_P(GoldenOutput, MatchesCommittedFileByteForByte) {
  const GoldenCase& c = GetParam();
  std::string command = "convt";
  for (const std::string& a : c.args) command += " " + a;
  SCOPED_TRACE(command);

  std::string golden;
  ASSERT_NO_THROW(golden = read_file(c.path())) << c.shown() << " is missing; " << c.regenerate();
  auto r = run_convt(c.args);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  if (r.out != golden) {
    ADD_FAILURE() << "output differs from " << c.shown() << "\n"
                  << diff_hint(golden, r.out) << c.regenerate();
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, GoldenOutput, ::testing::ValuesIn(read_manifest()), test_name);
INSTANTIATE_TEST_SUITE_P(Symbolic, GoldenOutput, ::testing::ValuesIn(read_manifest("symbolic")),
                         test_name);

/// Every file of tests/golden/<dir> is listed in its cases.txt and every listed file exists.
/// Subfolders (zh/, svg/, symbolic/, formats/) are sets of goldens with their own manifests.
void expect_manifest_complete(const std::string& dir, size_t at_least) {
  std::vector<GoldenCase> cases = read_manifest(dir);
  const std::string folder = kGoldenDir + (dir.empty() ? "" : "/" + dir);
  ASSERT_GE(cases.size(), at_least) << "cannot read " << folder << "/cases.txt";
  std::set<std::string> listed;
  for (const GoldenCase& c : cases) {
    EXPECT_TRUE(listed.insert(c.file).second) << c.shown() << " is listed twice";
    EXPECT_TRUE(std::filesystem::exists(c.path())) << c.shown();
  }
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (!entry.is_regular_file()) continue;
    std::string name = entry.path().filename().string();
    if (name == "cases.txt" || name == "update.sh") continue;
    EXPECT_TRUE(listed.count(name)) << folder << "/" << name << " is not in cases.txt";
  }
}

TEST(GoldenManifest, ListsEveryGoldenFileAndNoMissingOne) { expect_manifest_complete("", 12); }

TEST(GoldenManifest, ListsEverySymbolicGoldenFile) { expect_manifest_complete("symbolic", 4); }

}  // namespace
