// Golden output tests: every case of tests/golden/cases.txt is run through the convt executable
// and its stdout compared byte for byte with the committed file. The goldens were checked by
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
const std::string kRegenerate =
    "if the change is intended, regenerate with: sh tests/golden/update.sh path/to/convt "
    "(then review `git diff tests/golden` and check the numbers against PyTorch)";

/// One line of cases.txt: the golden file and the arguments that produce it.
struct GoldenCase {
  std::string file;
  std::vector<std::string> args;
};

/// gtest prints the parameter of a failing test with this: the file names the case.
void PrintTo(const GoldenCase& c, std::ostream* os) { *os << c.file; }

/// Reads cases.txt: "<file> <args...>" per line, split on spaces; '#' lines and blank lines are
/// skipped. Registration happens before main, so errors become an empty list plus a failing test.
std::vector<GoldenCase> read_manifest() {
  std::vector<GoldenCase> cases;
  std::string text;
  try {
    text = read_file(kGoldenDir + "/cases.txt");
  } catch (const std::exception&) {
    return cases;
  }
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream words(line);
    GoldenCase c;
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
  ASSERT_NO_THROW(golden = read_file(kGoldenDir + "/" + c.file))
      << c.file << " is missing; " << kRegenerate;
  auto r = run_convt(c.args);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  if (r.out != golden) {
    ADD_FAILURE() << "output differs from tests/golden/" << c.file << "\n"
                  << diff_hint(golden, r.out) << kRegenerate;
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, GoldenOutput, ::testing::ValuesIn(read_manifest()), test_name);

TEST(GoldenManifest, ListsEveryGoldenFileAndNoMissingOne) {
  std::vector<GoldenCase> cases = read_manifest();
  ASSERT_GE(cases.size(), 12u) << "cannot read " << kGoldenDir << "/cases.txt";
  std::set<std::string> listed;
  for (const GoldenCase& c : cases) {
    EXPECT_TRUE(listed.insert(c.file).second) << c.file << " is listed twice";
    EXPECT_TRUE(std::filesystem::exists(kGoldenDir + "/" + c.file)) << c.file;
  }
  for (const auto& entry : std::filesystem::directory_iterator(kGoldenDir)) {
    if (!entry.is_regular_file()) continue;  // e.g. zh/, the goldens of another language
    std::string name = entry.path().filename().string();
    if (name == "cases.txt" || name == "update.sh") continue;
    if (entry.is_directory()) continue;  // svg/: golden figures with their own manifest
    if (entry.is_directory()) continue;  // e.g. zh/: a set of goldens with its own cases.txt
    EXPECT_TRUE(listed.count(name)) << "tests/golden/" << name << " is not in cases.txt";
  }
}

}  // namespace
