// The Chinese golden outputs (tests/golden/zh/cases.txt) through the real executable: every case
// byte for byte, and every line of the text goldens within the width in display columns.
#include <gtest/gtest.h>

#include <cstdint>
#include <sstream>
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

TEST(ZhGoldenOutput, MatchesCommittedFilesByteForByte) {
  const std::vector<GoldenCase> cases = read_manifest("zh");
  ASSERT_TRUE(cases.front().problem.empty()) << cases.front().problem;
  ASSERT_GE(cases.size(), 4u) << "tests/golden/zh/cases.txt lists too few cases";
  for (const GoldenCase& c : cases) {
    SCOPED_TRACE(c.command());
    std::string golden;
    ASSERT_NO_THROW(golden = read_file(c.path()))
        << c.shown() << " is missing; " << regenerate_hint();
    const auto r = run_convt(c.args);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    if (r.out != golden)
      ADD_FAILURE() << c.shown() << " differs\n"
                    << convt::testing::diff_hint(golden, r.out) << regenerate_hint();
  }
}

TEST(GoldenManifest, ListsEveryChineseGoldenFile) {
  convt::testing::expect_manifest_complete("zh", 8, convt::testing::GoldenLayout::kFiles);
}

TEST(ZhGoldenOutput, TextLinesFitTheWidthInDisplayColumns) {
  // Chinese characters take two columns: the text renderer must count them so.
  const std::vector<GoldenCase> cases = read_manifest("zh");
  ASSERT_TRUE(cases.front().problem.empty()) << cases.front().problem;
  int text_goldens = 0;
  for (const GoldenCase& c : cases) {
    if (c.name.size() < 4 || c.name.substr(c.name.size() - 4) != ".txt") continue;
    ++text_goldens;
    std::istringstream lines(read_file(c.path()));
    for (std::string line; std::getline(lines, line);) {
      int64_t width = 0;
      for (size_t i = 0; i < line.size();) {
        const auto b = static_cast<unsigned char>(line[i]);
        const size_t n = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
        char32_t cp = n == 4 ? b & 0x07u : n == 3 ? b & 0x0fu : n == 2 ? b & 0x1fu : b;
        for (size_t j = 1; j < n && i + j < line.size(); ++j)
          cp = (cp << 6) | (static_cast<unsigned char>(line[i + j]) & 0x3fu);
        // CJK ideographs and punctuation, full-width forms: two columns (as wcwidth).
        const bool wide = (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xff00 && cp <= 0xff60);
        width += wide ? 2 : 1;
        i += n;
      }
      EXPECT_LE(width, 100) << c.name << ": " << line;
    }
  }
  EXPECT_GT(text_goldens, 0) << "tests/golden/zh/cases.txt lists no .txt golden";
}

}  // namespace
