// --lang and the environment: Chinese output of convt in every subcommand and format, and errors
// in the chosen language. Run in-process (run_in_process.h sets the LANG or LC_ALL a test gives
// for the call only). The Chinese golden outputs: tests/e2e/golden_zh_test.cpp.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "run_in_process.h"

namespace {

using convt::testing::with;

using convt::testing::run_in_process;

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

TEST(LangCli, EnglishByDefault) {
  auto r = run_in_process(kCase);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(has_chinese(r.out));
  EXPECT_NE(r.out.find("Output size"), std::string::npos);
}

TEST(LangCli, ChineseWithTheFlagInEveryTextFormat) {
  for (const char* format : {"text", "unicode", "markdown", "latex"}) {
    auto r = run_in_process(with(kCase, {"--lang", "zh", "--format", format}));
    ASSERT_EQ(r.exit_code, 0) << format << ": " << r.err;
    EXPECT_TRUE(has_chinese(r.out)) << format;
    EXPECT_NE(r.out.find("转置卷积"), std::string::npos) << format;
    EXPECT_EQ(r.out.find("Output size"), std::string::npos) << format;
  }
}

TEST(LangCli, JsonKeepsKeysAndNumbersAndTranslatesTheProse) {
  auto en = run_in_process(with(kCase, {"--format", "json"}));
  auto zh = run_in_process(with(kCase, {"--format", "json", "--lang", "zh"}));
  ASSERT_EQ(en.exit_code, 0) << en.err;
  ASSERT_EQ(zh.exit_code, 0) << zh.err;
  EXPECT_FALSE(has_chinese(en.out));
  EXPECT_TRUE(has_chinese(zh.out));
  for (const char* key : {"\"stages\"", "\"conv_matrix\"", "\"values\"", "\"output\""})
    EXPECT_NE(zh.out.find(key), std::string::npos) << key;
}

TEST(LangCli, EnvironmentChoosesChineseAndTheFlagWins) {
  auto lang = run_in_process(kCase, {"LANG=zh_CN.UTF-8"});
  ASSERT_EQ(lang.exit_code, 0) << lang.err;
  EXPECT_TRUE(has_chinese(lang.out));
  auto lc_all = run_in_process(kCase, {"LC_ALL=zh_TW.UTF-8", "LANG=en_US.UTF-8"});
  EXPECT_TRUE(has_chinese(lc_all.out));
  auto overridden = run_in_process(kCase, {"LANG=en_US.UTF-8", "LC_ALL=C.UTF-8"});
  EXPECT_FALSE(has_chinese(overridden.out));
  auto flag = run_in_process(with(kCase, {"--lang", "en"}), {"LANG=zh_CN.UTF-8"});
  ASSERT_EQ(flag.exit_code, 0) << flag.err;
  EXPECT_FALSE(has_chinese(flag.out));
  // The same output with the flag as with the environment.
  EXPECT_EQ(run_in_process(with(kCase, {"--lang", "zh"})).out, lang.out);
}

TEST(LangCli, ErrorsAreInTheChosenLanguage) {
  auto r = run_in_process({"explain", "--k", "3", "--s", "0", "--n", "2", "--lang", "zh"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "convt: --s: 步幅必须是 >= 1 的整数，实际为 '0'\n");
  auto env = run_in_process({"explain", "--k", "3", "--p", "5", "--n", "2"}, {"LANG=zh_CN.UTF-8"});
  EXPECT_EQ(env.exit_code, 2);
  EXPECT_EQ(env.err.rfind("convt: --p: 填充 5 使输出为空", 0), 0u) << env.err;
  auto en = run_in_process({"explain", "--k", "3", "--s", "0", "--n", "2", "--lang", "en"},
                           {"LANG=zh_CN.UTF-8"});
  EXPECT_EQ(en.err, "convt: --s: stride must be a whole number >= 1, got '0'\n");
}

// The English words that used to leak into --lang zh around per-axis values.
bool has_english_axis_words(const std::string& text) {
  for (const char* word : {"(rows)", "(cols)", "along the", "the default", "rows axis"})
    if (text.find(word) != std::string::npos) return true;
  return false;
}

TEST(LangCli, PerAxisValuesAreNamedInChinese) {
  auto r = run_in_process({"explain", "--k", "2x3", "--s", "1x2", "--n", "2x3", "--lang", "zh"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("s-1 = 0（行）/ 1（列）"), std::string::npos) << r.out;
  EXPECT_FALSE(has_english_axis_words(r.out)) << r.out;
  // Every stage with two different axes, in every format.
  for (const char* format : {"text", "unicode", "markdown", "latex", "json"}) {
    auto all = run_in_process({"explain", "--n", "4x3", "--k", "3x2", "--s", "2", "--p", "1x0",
                               "--d", "1x2", "--op", "1x0", "--format", format, "--lang", "zh"});
    ASSERT_EQ(all.exit_code, 0) << format << ": " << all.err;
    EXPECT_FALSE(has_english_axis_words(all.out)) << format << ":\n" << all.out;
  }
}

TEST(LangCli, TheUsersOwnWordsAreNeverTranslated) {
  auto r =
      run_in_process({"explain", "--k", "3", "--n", "3", "--format", "stride", "--lang", "zh"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "convt: --format: 未知的格式 'stride'；可选：text, unicode, markdown, latex, json, "
            "svg, python\n");
  // The quantity an error names is the catalogue's, in the chosen language.
  auto s = run_in_process({"explain", "--k", "3", "--n", "3", "--s", "0", "--lang", "zh"});
  EXPECT_EQ(s.exit_code, 2);
  EXPECT_NE(s.err.find("步幅"), std::string::npos) << s.err;
  EXPECT_EQ(s.err.find("stride"), std::string::npos) << s.err;
}

TEST(LangCli, AFailedWriteIsReportedInTheRunsLanguage) {
  auto r = run_in_process({"explain", "--k", "3", "--n", "3", "--format", "svg", "--out",
                           "/proc/nonexistent/x", "--lang", "zh"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "convt: --out: 无法创建文件夹 '/proc/nonexistent/x'：没有那个文件或目录\n");
  auto en = run_in_process(
      {"explain", "--k", "3", "--n", "3", "--format", "svg", "--out", "/proc/nonexistent/x"});
  EXPECT_EQ(en.err,
            "convt: --out: cannot create the folder '/proc/nonexistent/x': No such file or "
            "directory\n");
}

TEST(LangCli, UnknownLanguageIsRefused) {
  auto r = run_in_process(with(kCase, {"--lang", "fr"}));
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
    auto r = run_in_process(with(command, {"--lang", "zh"}));
    ASSERT_EQ(r.exit_code, 0) << command[0] << ": " << r.err;
    EXPECT_TRUE(has_chinese(r.out)) << command[0];
  }
}

}  // namespace
