// --lang and the environment: Chinese output of convt in every subcommand and format, errors
// in the chosen language, and the Chinese golden outputs (tests/golden/zh/cases.txt).
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

const std::string kZhGoldenDir = std::string(CONVT_GOLDEN_DIR) + "/zh";

/// Whether `text` holds a CJK ideograph (U+4E00..U+9FFF: a three-byte UTF-8 sequence E4..E9).
bool has_chinese(const std::string& text) {
  for (size_t i = 0; i + 2 < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b >= 0xe4 && b <= 0xe9) return true;
  }
  return false;
}

const std::vector<std::string> kCase = {"explain", "--k", "3", "--s",     "2",  "--p",
                                        "1",       "--n", "2", "--width", "100"};

std::vector<std::string> with(std::vector<std::string> args, std::vector<std::string> more) {
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

TEST(LangCli, EnglishByDefault) {
  auto r = run_convt(kCase);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(has_chinese(r.out));
  EXPECT_NE(r.out.find("Output size"), std::string::npos);
}

TEST(LangCli, ChineseWithTheFlagInEveryTextFormat) {
  for (const char* format : {"text", "unicode", "markdown", "latex"}) {
    auto r = run_convt(with(kCase, {"--lang", "zh", "--format", format}));
    ASSERT_EQ(r.exit_code, 0) << format << ": " << r.err;
    EXPECT_TRUE(has_chinese(r.out)) << format;
    EXPECT_NE(r.out.find("转置卷积"), std::string::npos) << format;
    EXPECT_EQ(r.out.find("Output size"), std::string::npos) << format;
  }
}

TEST(LangCli, JsonKeepsKeysAndNumbersAndTranslatesTheProse) {
  auto en = run_convt(with(kCase, {"--format", "json"}));
  auto zh = run_convt(with(kCase, {"--format", "json", "--lang", "zh"}));
  ASSERT_EQ(en.exit_code, 0) << en.err;
  ASSERT_EQ(zh.exit_code, 0) << zh.err;
  EXPECT_FALSE(has_chinese(en.out));
  EXPECT_TRUE(has_chinese(zh.out));
  for (const char* key : {"\"stages\"", "\"conv_matrix\"", "\"values\"", "\"output\""})
    EXPECT_NE(zh.out.find(key), std::string::npos) << key;
}

TEST(LangCli, EnvironmentChoosesChineseAndTheFlagWins) {
  auto lang = run_convt(kCase, {"LANG=zh_CN.UTF-8"});
  ASSERT_EQ(lang.exit_code, 0) << lang.err;
  EXPECT_TRUE(has_chinese(lang.out));
  auto lc_all = run_convt(kCase, {"LC_ALL=zh_TW.UTF-8", "LANG=en_US.UTF-8"});
  EXPECT_TRUE(has_chinese(lc_all.out));
  auto overridden = run_convt(kCase, {"LANG=en_US.UTF-8", "LC_ALL=C.UTF-8"});
  EXPECT_FALSE(has_chinese(overridden.out));
  auto flag = run_convt(with(kCase, {"--lang", "en"}), {"LANG=zh_CN.UTF-8"});
  ASSERT_EQ(flag.exit_code, 0) << flag.err;
  EXPECT_FALSE(has_chinese(flag.out));
  // The same output with the flag as with the environment.
  EXPECT_EQ(run_convt(with(kCase, {"--lang", "zh"})).out, lang.out);
}

TEST(LangCli, ErrorsAreInTheChosenLanguage) {
  auto r = run_convt({"explain", "--k", "3", "--s", "0", "--n", "2", "--lang", "zh"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "convt: --s: 步幅必须是 >= 1 的整数，实际为 '0'\n");
  auto env = run_convt({"explain", "--k", "3", "--p", "5", "--n", "2"}, {"LANG=zh_CN.UTF-8"});
  EXPECT_EQ(env.exit_code, 2);
  EXPECT_EQ(env.err.rfind("convt: --p: 填充 5 使输出为空", 0), 0u) << env.err;
  auto en = run_convt({"explain", "--k", "3", "--s", "0", "--n", "2", "--lang", "en"},
                      {"LANG=zh_CN.UTF-8"});
  EXPECT_EQ(en.err, "convt: --s: stride must be a whole number >= 1, got '0'\n");
}

TEST(LangCli, UnknownLanguageIsRefused) {
  auto r = run_convt(with(kCase, {"--lang", "fr"}));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "convt: --lang: unknown value 'fr'; choose one of: en, zh\n");
}

TEST(LangCli, EveryShapeToolSpeaksChinese) {
  const std::vector<std::vector<std::string>> commands = {
      {"shape", "--k", "2", "--s", "2", "--p", "1", "--n", "2"},
      {"solve", "--n", "16", "--m", "32", "--even"},
      {"chain", "--n", "1", "--layers", "k4s1p0,k4s2p1"}};
  for (const auto& command : commands) {
    auto r = run_convt(with(command, {"--lang", "zh"}));
    ASSERT_EQ(r.exit_code, 0) << command[0] << ": " << r.err;
    EXPECT_TRUE(has_chinese(r.out)) << command[0];
  }
}

/// One line of tests/golden/zh/cases.txt.
struct ZhGolden {
  std::string file;
  std::vector<std::string> args;
};

std::vector<ZhGolden> read_zh_manifest() {
  std::vector<ZhGolden> cases;
  std::string text;
  try {
    text = read_file(kZhGoldenDir + "/cases.txt");
  } catch (const std::exception&) {
    return cases;
  }
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    std::istringstream words(line);
    ZhGolden c;
    if (!(words >> c.file) || c.file[0] == '#') continue;
    for (std::string word; words >> word;) c.args.push_back(word);
    cases.push_back(std::move(c));
  }
  return cases;
}

TEST(ZhGoldenOutput, MatchesCommittedFilesByteForByte) {
  const std::vector<ZhGolden> cases = read_zh_manifest();
  ASSERT_GE(cases.size(), 4u) << "cannot read " << kZhGoldenDir << "/cases.txt";
  for (const ZhGolden& c : cases) {
    SCOPED_TRACE(c.file);
    std::string golden;
    ASSERT_NO_THROW(golden = read_file(kZhGoldenDir + "/" + c.file))
        << "regenerate with: sh tests/golden/zh/update.sh path/to/convt";
    auto r = run_convt(c.args);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, golden) << "tests/golden/zh/" << c.file
                             << " differs; regenerate with: sh tests/golden/zh/update.sh "
                                "path/to/convt and review the diff";
  }
  for (const auto& entry : std::filesystem::directory_iterator(kZhGoldenDir)) {
    const std::string name = entry.path().filename().string();
    if (name == "cases.txt" || name == "update.sh") continue;
    EXPECT_TRUE(
        std::any_of(cases.begin(), cases.end(), [&](const ZhGolden& c) { return c.file == name; }))
        << "tests/golden/zh/" << name << " is not in cases.txt";
  }
}

TEST(ZhGoldenOutput, TextLinesFitTheWidthInDisplayColumns) {
  // Chinese characters take two columns: the text renderer must count them so.
  for (const ZhGolden& c : read_zh_manifest()) {
    if (c.file.size() < 4 || c.file.substr(c.file.size() - 4) != ".txt") continue;
    std::istringstream lines(read_file(kZhGoldenDir + "/" + c.file));
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
      EXPECT_LE(width, 100) << c.file << ": " << line;
    }
  }
}

}  // namespace
