// The message catalogue: complete, ASCII, and resolved by named placeholders.
#include "convt/messages.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

namespace {

using convt::CellKind;
using convt::Lang;
using convt::Message;
using convt::MessageArg;
using convt::MsgId;
using convt::Number;
using convt::resolve;

std::vector<MsgId> all_ids() {
  std::vector<MsgId> ids;
  for (int i = 0; i < static_cast<int>(MsgId::kCount); ++i) ids.push_back(static_cast<MsgId>(i));
  return ids;
}

TEST(Messages, CatalogueIsComplete) { EXPECT_TRUE(convt::catalogue_complete()); }

TEST(Messages, EveryIdResolvesToNonEmptyText) {
  for (MsgId id : all_ids()) {
    EXPECT_FALSE(convt::message_template(id, Lang::kEn).empty()) << static_cast<int>(id);
    EXPECT_FALSE(resolve({id, {}}, Lang::kEn).empty()) << static_cast<int>(id);
  }
}

TEST(Messages, EveryIdHasItsOwnText) {
  // Two ids sharing one entry would mean one of them lost its sentence.
  std::set<std::string> texts;
  for (MsgId id : all_ids()) texts.insert(std::string(convt::message_template(id, Lang::kEn)));
  EXPECT_EQ(texts.size(), static_cast<size_t>(MsgId::kCount));
}

TEST(Messages, CatalogueIsPrintableAsciiOnOneLine) {
  for (MsgId id : all_ids())
    for (char ch : convt::message_template(id, Lang::kEn)) {
      const auto c = static_cast<unsigned char>(ch);
      EXPECT_TRUE(c >= 0x20 && c < 0x7f) << static_cast<int>(id) << " has byte " << int(c);
    }
}

TEST(Messages, ResolveSubstitutesNamedArguments) {
  Message m{MsgId::kErrWholeNumber,
            {{"value", "0"}, {"min", "1"}, {"what", "kernel size"}, {"option", "--k"}}};
  EXPECT_EQ(resolve(m, Lang::kEn), "--k: kernel size must be a whole number >= 1, got '0'");
}

TEST(Messages, ResolveSubstitutesEveryOccurrenceOfAPlaceholder) {
  // "{dims}" appears twice in this sentence, besides its choice of words.
  ASSERT_EQ(convt::message_template(MsgId::kErrAxesMismatch, Lang::kEn),
            "--dims: {dims} {dims|axis needs|axes need} {dims} {dims|value|values} per size, "
            "got {count}");
  EXPECT_EQ(resolve({MsgId::kErrAxesMismatch, {{"dims", "2"}, {"count", "1"}}}, Lang::kEn),
            "--dims: 2 axes need 2 values per size, got 1");
}

TEST(Messages, NoCatalogueTextWritesAPluralInParentheses) {
  // "cell(s)" is what a teacher would not write: a {count|cell|cells} choice picks the word.
  for (MsgId id : all_ids())
    for (Lang lang : {Lang::kEn, Lang::kZh}) {
      const std::string_view text = convt::message_template(id, lang);
      EXPECT_EQ(text.find("(s)"), std::string_view::npos) << static_cast<int>(id) << ": " << text;
      EXPECT_EQ(text.find("(es)"), std::string_view::npos) << static_cast<int>(id) << ": " << text;
    }
}

TEST(Messages, SourcesAreCitedByNameNotAsTheArticle) {
  for (MsgId id : all_ids()) {
    const std::string_view text = convt::message_template(id, Lang::kEn);
    EXPECT_EQ(text.find("article"), std::string_view::npos) << static_cast<int>(id) << ": " << text;
  }
  EXPECT_NE(convt::message_template(MsgId::kExplainFormulaGeneral, Lang::kEn).find("Dumoulin"),
            std::string_view::npos);
}

TEST(Messages, ChoicePicksTheSingularForOneAndThePluralOtherwise) {
  auto cells = [](MessageArg count) {
    return resolve({MsgId::kWordCellCount, {std::move(count)}}, Lang::kEn);
  };
  EXPECT_EQ(cells({"count", "1"}), "1 cell");
  EXPECT_EQ(cells({"count", "-1"}), "-1 cell");
  EXPECT_EQ(cells({"count", Number{1.0}}), "1 cell");
  EXPECT_EQ(cells({"count", "0"}), "0 cells");
  EXPECT_EQ(cells({"count", "2"}), "2 cells");
  EXPECT_EQ(cells({"count", "11"}), "11 cells");
  EXPECT_EQ(cells({"count", "10"}), "10 cells");
  EXPECT_EQ(cells({"count", Number{1.5}}), "1.5 cells");
  EXPECT_EQ(cells({"count", Number{0.1}}), "0.1 cells");
}

TEST(Messages, ChoiceOverPerAxisValuesIsSingularOnlyWhenEveryValueIsOne) {
  auto gap = [](const char* rows, const char* cols) {
    return Message{MsgId::kAxisValues, {{"rows", rows}, {"cols", cols}}};
  };
  auto zeros = [](MessageArg arg) {
    const std::string text = resolve({MsgId::kExplainZeroInserted, {std::move(arg)}}, Lang::kEn);
    const size_t at = text.find("s-1 = ");
    return text.substr(at, text.find(" between") - at);
  };
  EXPECT_EQ(zeros({"gap", gap("2", "1")}), "s-1 = 2 (rows) / 1 (cols) zeros");
  EXPECT_EQ(zeros({"gap", gap("1", "0")}), "s-1 = 1 (rows) / 0 (cols) zeros");
  EXPECT_EQ(zeros({"gap", gap("1", "1")}), "s-1 = 1 (rows) / 1 (cols) zero");
  EXPECT_EQ(zeros({"gap", "1"}), "s-1 = 1 zero");
  EXPECT_EQ(zeros({"gap", "3"}), "s-1 = 3 zeros");
}

TEST(Messages, ChoiceWithoutItsArgumentIsLeftAsItIs) {
  EXPECT_EQ(resolve({MsgId::kWordCellCount, {}}, Lang::kEn), "{count} {count|cell|cells}");
}

TEST(Messages, ChineseWritesOneFormForEveryCount) {
  EXPECT_EQ(resolve({MsgId::kWordCellCount, {{"count", "1"}}}, Lang::kZh), "1 个元素");
  EXPECT_EQ(resolve({MsgId::kWordCellCount, {{"count", "3"}}}, Lang::kZh), "3 个元素");
}

TEST(Messages, OutputPaddingSentencesCountTheirCells) {
  Message kept{MsgId::kExplainOutputPaddingKept,
               {{"op", "2"}, {"axis", " (rows)"}, {"count", "1"}, {"mark", "v*"}}};
  EXPECT_EQ(resolve(kept, Lang::kEn),
            "output_padding = 2 (rows) keeps 1 more computed cell at the end of the axis "
            "(marked v*): it is a real sum, not a zero added outside the output.");
  Message added{MsgId::kExplainOutputPaddingAdded,
                {{"op", "3"}, {"axis", ""}, {"p", "1"}, {"extra", "2"}, {"mark", "0+"}}};
  EXPECT_EQ(resolve(added, Lang::kEn),
            "output_padding = 3 is larger than p = 1, so the output reaches 2 cells past the "
            "F-grid; no input reaches them and they are zeros (marked 0+).");
}

TEST(Messages, ResolveLeavesUnknownPlaceholdersAsTheyAre) {
  Message m{MsgId::kErrWholeNumber, {{"option", "--k"}, {"unused", "x"}}};
  EXPECT_EQ(resolve(m, Lang::kEn), "--k: {what} must be a whole number >= {min}, got '{value}'");
}

TEST(Messages, ArgumentValuesAreNotResolvedAgain) {
  // A value that looks like a placeholder is inserted literally.
  Message m{MsgId::kErrEmptyList, {{"option", "{option}"}}};
  EXPECT_EQ(resolve(m, Lang::kEn), "{option}: no values given");
}

TEST(Messages, EmptyArgumentRemovesThePlaceholder) {
  Message m{MsgId::kErrNoOutput,
            {{"p", "3"},
             {"axis", ""},
             {"equation", "(1-1)*1 - 2*3 + 3"},
             {"m", "(-3)"},
             {"largest", "1"}}};
  EXPECT_EQ(resolve(m, Lang::kEn),
            "--p: padding 3 leaves no output: m = (1-1)*1 - 2*3 + 3 = (-3) < 1; the largest "
            "padding that works here is 1");
}

TEST(Messages, MarkArgumentsAreWrittenByTheCallersMarkWriter) {
  const Message m{MsgId::kLegendCropped, {{"mark", CellKind::kCropped}}};
  EXPECT_EQ(resolve(m, Lang::kEn,
                    [](CellKind kind) {
                      return kind == CellKind::kCropped ? std::string("[v]") : std::string("?");
                    }),
            "[v] = removed by the crop");
  // Without a mark writer the mark is left out.
  EXPECT_EQ(resolve(m, Lang::kEn), " = removed by the crop");
}

TEST(Messages, NestedMessagesResolveInTheSameLanguage) {
  const Message m{
      MsgId::kErrWholeNumber,
      {{"option", "--s"}, {"what", Message{MsgId::kWordStride, {}}}, {"min", "1"}, {"value", "0"}}};
  EXPECT_EQ(resolve(m, Lang::kEn), "--s: stride must be a whole number >= 1, got '0'");
  EXPECT_EQ(resolve(m, Lang::kZh), "--s: 步幅必须是 >= 1 的整数，实际为 '0'");
}

TEST(Messages, TextArgumentsAreNeverTranslated) {
  // The user's own word "stride" stays as typed, in every language.
  const Message m{MsgId::kErrUnknownFormat, {{"value", "stride"}, {"valid", "text, json"}}};
  EXPECT_EQ(resolve(m, Lang::kZh), "--format: 未知的格式 'stride'；可选：text, json");
}

TEST(Messages, NumberArgumentsAreWrittenWithoutBinaryNoise) {
  const Message m{MsgId::kCheckAdjoint, {{"left", Number{0.5}}, {"right", Number{1e-5}}}};
  const std::string text = resolve(m, Lang::kEn);
  EXPECT_NE(text.find("0.5"), std::string::npos) << text;
  EXPECT_NE(text.find("1e-05"), std::string::npos) << text;
}

TEST(Messages, MathSpansAreBalancedAndBoundedOnlyWhenAsked) {
  // Every catalogue text opens and closes its math spans, in both languages.
  for (int i = 0; i < static_cast<int>(MsgId::kCount); ++i)
    for (Lang lang : {Lang::kEn, Lang::kZh}) {
      const std::string_view text = convt::message_template(static_cast<MsgId>(i), lang);
      EXPECT_EQ(std::count(text.begin(), text.end(), '$') % 2, 0) << "MsgId #" << i << ": " << text;
    }
  const Message m{MsgId::kExplainPaddedInput, {{"pad", "2"}, {"shape", "$x"}}};
  // Plain: the dollars are dropped, the user's own "$x" stays.
  EXPECT_EQ(resolve(m, Lang::kEn).rfind("Add d(k-1) = 2 zeros", 0), 0u);
  EXPECT_NE(resolve(m, Lang::kEn).find("Result: $x."), std::string::npos);
  // Bounded: the span between the format's bounds, arguments substituted inside.
  const std::string bounded = resolve(m, Lang::kEn, {}, convt::MathBounds{"<m>", "</m>"});
  EXPECT_EQ(bounded.rfind("Add <m>d(k-1) = 2</m> zeros", 0), 0u) << bounded;
  EXPECT_NE(bounded.find("Result: $x."), std::string::npos);
}

TEST(Messages, PartsAreJoinedInOrder) {
  const Message m{MsgId::kAxisValues, {{"rows", "1"}, {"cols", "2"}}};
  EXPECT_EQ(resolve(m, Lang::kEn), "1 (rows) / 2 (cols)");
  EXPECT_EQ(resolve(m, Lang::kZh), "1（行）/ 2（列）");
}

}  // namespace
