// The Chinese catalogue (--lang zh): every id translated once, placeholders kept, and Chinese
// prose wrapped and aligned by display width.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <string_view>

#include "convt/messages.h"
#include "text/messages_zh.h"
#include "text/text_grid.h"

namespace {

using convt::Lang;
using convt::MsgId;

/// The {name} placeholders of `text`.
std::multiset<std::string> placeholders(std::string_view text) {
  std::multiset<std::string> out;
  for (size_t open = text.find('{'); open != std::string_view::npos;
       open = text.find('{', open + 1)) {
    const size_t close = text.find('}', open);
    if (close == std::string_view::npos) break;
    const std::string_view name = text.substr(open + 1, close - open - 1);
    // LaTeX's \usepackage{amsmath} is text, not a placeholder: names are lower-case words.
    if (!name.empty() && name.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") == std::string::npos)
      out.insert(std::string(name));
  }
  return out;
}

TEST(ChineseCatalogue, EveryMessageIdHasATranslation) {
  std::set<int> translated;
  for (const convt::detail::ZhEntry& e : convt::detail::zh_catalogue())
    if (e.zh != nullptr && *e.zh != '\0') translated.insert(static_cast<int>(e.id));
  for (int i = 0; i < static_cast<int>(MsgId::kCount); ++i)
    EXPECT_TRUE(translated.count(i)) << "MsgId #" << i << " has no Chinese text in "
                                     << "src/messages_zh.cpp; its English is: "
                                     << convt::message_template(static_cast<MsgId>(i), Lang::kEn);
  EXPECT_TRUE(convt::catalogue_complete());
}

TEST(ChineseCatalogue, NoIdIsTranslatedTwice) {
  std::map<int, int> count;
  for (const convt::detail::ZhEntry& e : convt::detail::zh_catalogue())
    ++count[static_cast<int>(e.id)];
  for (const auto& [id, n] : count) EXPECT_EQ(n, 1) << "MsgId #" << id;
}

TEST(ChineseCatalogue, KeepsThePlaceholdersOfTheEnglishText) {
  for (int i = 0; i < static_cast<int>(MsgId::kCount); ++i) {
    const auto id = static_cast<MsgId>(i);
    EXPECT_EQ(placeholders(convt::message_template(id, Lang::kZh)),
              placeholders(convt::message_template(id, Lang::kEn)))
        << "MsgId #" << i << ": " << convt::message_template(id, Lang::kZh);
  }
}

TEST(ChineseCatalogue, TextsAreChineseAndDifferFromEnglish) {
  // Ids whose text is a code-like label, identical in both languages.
  const std::set<MsgId> same = {MsgId::kTfRowPytorch, MsgId::kTfRowValid, MsgId::kTfRowSame};
  for (int i = 0; i < static_cast<int>(MsgId::kCount); ++i) {
    const auto id = static_cast<MsgId>(i);
    if (same.count(id)) continue;
    const std::string_view zh = convt::message_template(id, Lang::kZh);
    EXPECT_NE(zh, convt::message_template(id, Lang::kEn)) << "MsgId #" << i;
    bool wide = false;
    for (size_t at = 0; at < zh.size(); ++at)
      if (static_cast<unsigned char>(zh[at]) >= 0xe0 && convt::display_width(zh.substr(at, 3)) == 2)
        wide = true;
    EXPECT_TRUE(wide) << "MsgId #" << i << " has no wide (CJK) character: " << zh;
  }
}

TEST(ChineseCatalogue, FollowsTheGlossaryOfTheTutorial) {
  // docs/tutorial.zh.md, 术语表: a grid cell is 元素, a kernel tap 卷积核元素 or 权重; the older
  // 单元 and 抽头 are not used. The text cites sources by name, never as "the article".
  for (int i = 0; i < static_cast<int>(MsgId::kCount); ++i) {
    const std::string_view zh = convt::message_template(static_cast<MsgId>(i), Lang::kZh);
    for (std::string_view banned : {"单元", "抽头", "文章", "原文", "博客"})
      EXPECT_EQ(zh.find(banned), std::string_view::npos)
          << "MsgId #" << i << " uses " << banned << ": " << zh;
  }
}

TEST(ChineseCatalogue, ProseUsesFullWidthCommasAndParenthesesNextToChinese) {
  // An ASCII comma, semicolon or parenthesis written right after a Chinese character is prose
  // punctuation that should be full-width (，；（）); ASCII ones stay inside formulas and code,
  // such as max(步幅, 膨胀率), which is left out of the search.
  for (int i = 0; i < static_cast<int>(MsgId::kCount); ++i) {
    std::string zh(convt::message_template(static_cast<MsgId>(i), Lang::kZh));
    for (size_t f = zh.find("max("); f != std::string::npos; f = zh.find("max(", f))
      zh.erase(f, zh.find(')', f) + 1 - f);
    for (size_t at = 3; at < zh.size(); ++at) {
      const char c = zh[at];
      if (c != ',' && c != ';' && c != '(' && c != ')') continue;
      const std::string_view before = std::string_view(zh).substr(at - 3, 3);
      const bool after_cjk = static_cast<unsigned char>(before[0]) >= 0xe4 &&
                             static_cast<unsigned char>(before[0]) <= 0xe9;
      EXPECT_FALSE(after_cjk) << "MsgId #" << i << " has ASCII '" << c
                              << "' after a Chinese character: " << zh;
    }
  }
}

TEST(ChineseCatalogue, ResolvesArgumentsAndEngineTermsInChinese) {
  convt::Message m{MsgId::kErrWholeNumber,
                   {{"value", "0"},
                    {"min", "1"},
                    {"what", convt::Message{MsgId::kWordStride, {}}},
                    {"option", "--s"}}};
  EXPECT_EQ(convt::resolve(m, Lang::kZh), "--s: 步幅必须是 >= 1 的整数，实际为 '0'");
  EXPECT_EQ(convt::resolve(m, Lang::kEn), "--s: stride must be a whole number >= 1, got '0'");
  convt::Message kept{MsgId::kExplainOutputPaddingKept,
                      {{"op", "1"},
                       {"axis", convt::Message{MsgId::kTagRows, {}}},
                       {"count", "1"},
                       {"mark", convt::CellKind::kKeptByOutputPadding}}};
  EXPECT_EQ(convt::resolve(kept, Lang::kZh, convt::kind_mark),
            "output_padding = 1（行） 在轴的末尾多保留 1 个计算出的元素（标记为 v*）："
            "它们是真实的求和结果，而不是在输出外补的零。");
}

TEST(DisplayWidth, CountsChineseCharactersAsTwoColumns) {
  EXPECT_EQ(convt::display_width("转置卷积"), 8);
  EXPECT_EQ(convt::display_width("步幅 s"), 6);
  EXPECT_EQ(convt::display_width("（3 x 3）。"), 11);
}

TEST(Wrap, BreaksChineseBetweenCharactersWithoutSpaces) {
  const std::string text = "转置卷积乘的是转置矩阵，每个输入单元沿着原来的连接被送回去。";
  const auto lines = convt::wrap(text, 20, 2);
  ASSERT_GT(lines.size(), 2u);
  std::string joined;
  for (const std::string& line : lines) {
    EXPECT_LE(convt::display_width(line), 20) << line;
    ASSERT_EQ(line.substr(0, 2), "  ");
    joined += line.substr(2);
  }
  EXPECT_EQ(joined, text);  // nothing added or lost: no spaces between Chinese characters
}

TEST(Wrap, NeverStartsALineWithClosingPunctuation) {
  // Width 8 would end the first line after "一二三四"; the comma must stay with "四".
  const auto lines = convt::wrap("一二三四，五六七八。", 8, 0);
  for (const std::string& line : lines) {
    EXPECT_NE(line.rfind("，", 0), 0u) << line;
    EXPECT_NE(line.rfind("。", 0), 0u) << line;
  }
  EXPECT_EQ(lines.front(), "一二三");
}

TEST(Wrap, MixedChineseAndLatinKeepsTheSpaces) {
  EXPECT_EQ(convt::wrap("步幅 s 为 2 时插入零", 80, 0),
            (std::vector<std::string>{"步幅 s 为 2 时插入零"}));
  EXPECT_EQ(convt::wrap("步幅 s 为 2 时插入零", 8, 0),
            (std::vector<std::string>{"步幅 s", "为 2 时", "插入零"}));
}

}  // namespace
