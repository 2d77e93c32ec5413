// convt quiz (src/tools/quiz.cpp, render_quiz.cpp): sheets from a seed are deterministic, every
// kind appears, difficulty grows with the question number, answers are the engine's and the
// JSON has the documented shape.
#include "convt/quiz.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <nlohmann/json.hpp>
#include <set>

#include "convt/error.h"
#include "convt/render_quiz.h"

namespace convt {
namespace {

Quiz quiz_of(uint64_t seed, int count, std::vector<QuizKind> kinds = {}) {
  return make_quiz({seed, count, std::move(kinds)});
}

std::string json_of(const Quiz& quiz) { return render_quiz(quiz, QuizFormat::kJson, {}); }

TEST(Quiz, TheSameSeedGivesTheSameSheetInEveryFormat) {
  for (QuizFormat format :
       {QuizFormat::kText, QuizFormat::kMarkdown, QuizFormat::kLatex, QuizFormat::kJson})
    for (uint64_t seed : {0ULL, 1ULL, 77ULL, 999999999ULL})
      EXPECT_EQ(render_quiz(quiz_of(seed, 10), format, {}),
                render_quiz(quiz_of(seed, 10), format, {}));
}

TEST(Quiz, DifferentSeedsGiveDifferentSheets) {
  std::set<std::string> sheets;
  for (uint64_t seed = 0; seed < 20; ++seed)
    sheets.insert(render_quiz_lines(quiz_of(seed, 10), true, Lang::kEn));
  EXPECT_EQ(sheets.size(), 20u);
}

TEST(Quiz, EveryKindAppearsInTurn) {
  const Quiz quiz = quiz_of(3, 10);
  ASSERT_EQ(quiz.questions.size(), 10u);
  for (size_t i = 0; i < quiz.questions.size(); ++i) {
    EXPECT_EQ(quiz.questions[i].number, static_cast<int>(i + 1));
    EXPECT_EQ(quiz.questions[i].kind, static_cast<QuizKind>(i % 5));
  }
  const Quiz some = quiz_of(3, 4, {QuizKind::kFindLayer, QuizKind::kCrop});
  EXPECT_EQ(some.questions[0].kind, QuizKind::kFindLayer);
  EXPECT_EQ(some.questions[1].kind, QuizKind::kCrop);
  EXPECT_EQ(some.questions[2].kind, QuizKind::kFindLayer);
}

TEST(Quiz, DifficultyGrowsWithTheQuestionNumber) {
  for (uint64_t seed = 0; seed < 40; ++seed) {
    const Quiz quiz = quiz_of(seed, 15);
    for (size_t i = 1; i < quiz.questions.size(); ++i)
      EXPECT_LE(quiz.questions[i - 1].level, quiz.questions[i].level);
    EXPECT_EQ(quiz.questions.front().level, 1);
    EXPECT_EQ(quiz.questions.back().level, kQuizLevels);
    // Each kind's last question (level 3) is harder than its first (level 1): 2-D instead of
    // 1-D, a stride above 1 to keep (find_layer), groups (weight_shape).
    for (size_t k = 0; k < 5; ++k) {
      const QuizQuestion& first = quiz.questions[k];
      const QuizQuestion& last = quiz.questions[10 + k];
      ASSERT_EQ(first.kind, last.kind);
      if (first.kind == QuizKind::kFindLayer) {
        EXPECT_EQ(first.rule.s, 1);
        EXPECT_GE(last.rule.s, 2);
        EXPECT_GT(last.rule.max_k, first.rule.max_k);
      } else if (first.kind == QuizKind::kWeightShape) {
        EXPECT_EQ(first.params.groups, 1);
        EXPECT_GE(last.params.groups, 2);
      } else {
        EXPECT_EQ(first.params.dims, 1);
        EXPECT_EQ(last.params.dims, 2);
      }
    }
  }
}

TEST(Quiz, CasesStaySmallEnoughToDoByHand) {
  for (uint64_t seed = 0; seed < 200; ++seed)
    for (const QuizQuestion& q : quiz_of(seed, 20).questions) {
      for (const AxisParams& a : q.params.axes) {
        EXPECT_LE(a.n, 8);
        EXPECT_LE(a.k, 7);
      }
      if (q.kind == QuizKind::kOutputGrid) {
        EXPECT_LE(q.params.kernel.size() * q.params.input.size(), 16u);
        for (const auto& row : q.answer.grid)
          for (int64_t v : row) EXPECT_LE(std::abs(v), 40);
      }
      if (q.kind == QuizKind::kCrop) {
        EXPECT_FALSE(q.answer.cells.empty());
        EXPECT_LE(q.answer.cells.size(), 12u);
      }
    }
}

TEST(Quiz, AnswersAreTheWorkedValues) {
  // Worked by hand from the questions of seed 1 (see also quiz_pytorch_test.cpp).
  const Quiz quiz = quiz_of(1, 10);
  for (const QuizQuestion& q : quiz.questions) {
    if (q.kind == QuizKind::kOutputSize) {
      // m = (n-1)s - 2p + d(k-1) + op + 1, per axis.
      for (size_t i = 0; i < q.params.axes.size(); ++i) {
        const AxisParams& a = q.params.axes[i];
        EXPECT_EQ(q.answer.sizes[i], (a.n - 1) * a.s - 2 * a.p + a.d * (a.k - 1) + a.op + 1);
      }
    }
    if (q.kind == QuizKind::kWeightShape) {
      EXPECT_EQ(q.answer.sizes[0], q.params.in_channels);
      EXPECT_EQ(q.answer.sizes[1], q.params.out_channels / q.params.groups);
    }
  }
}

TEST(Quiz, KindsAreParsedAndUnknownOnesRefused) {
  EXPECT_EQ(parse_quiz_kinds("crop,find_layer"),
            (std::vector<QuizKind>{QuizKind::kCrop, QuizKind::kFindLayer}));
  for (const char* bad : {"", "crop,", "cropp", "crop,crop"}) {
    try {
      parse_quiz_kinds(bad);
      ADD_FAILURE() << bad;
    } catch (const Error& e) {
      const std::string text = resolve(e.message(), Lang::kEn);
      EXPECT_EQ(text.rfind("--kinds: ", 0), 0u) << text;
    }
  }
}

TEST(QuizJson, HasTheDocumentedShape) {
  const nlohmann::json doc = nlohmann::json::parse(json_of(quiz_of(5, 10)));
  EXPECT_EQ(doc["seed"], 5);
  EXPECT_EQ(doc["count"], 10);
  ASSERT_EQ(doc["questions"].size(), 10u);
  for (const nlohmann::json& q : doc["questions"]) {
    for (const char* key : {"number", "kind", "level", "params", "prompt", "answer"})
      EXPECT_TRUE(q.contains(key)) << key;
    const std::string kind = q["kind"];
    const nlohmann::json& params = q["params"];
    EXPECT_TRUE(params.contains("dims"));
    EXPECT_TRUE(params.contains("n"));
    if (kind == "output_grid") {
      EXPECT_TRUE(params["kernel"].is_array());
      EXPECT_TRUE(params["input"].is_array());
      EXPECT_TRUE(q["answer"].is_array());
    } else {
      EXPECT_FALSE(params.contains("kernel"));
    }
    if (kind == "find_layer") {
      EXPECT_TRUE(q["answer"].is_object());
      for (const char* key : {"k", "s", "p", "d", "op"}) EXPECT_TRUE(q["answer"].contains(key));
      EXPECT_TRUE(params.contains("m"));
      EXPECT_TRUE(params.contains("max_k"));
    } else {
      EXPECT_TRUE(params.contains("output_padding"));
      EXPECT_TRUE(params.contains("groups"));
      EXPECT_TRUE(q["answer"].is_array());
    }
  }
}

TEST(QuizRender, LatexPutsTheKeyOnItsOwnPageAfterTheQuestions) {
  const std::string tex = render_quiz(quiz_of(2, 5), QuizFormat::kLatex, {});
  const size_t page = tex.find("\\newpage");
  ASSERT_NE(page, std::string::npos);
  EXPECT_LT(tex.find("\\item[Q5.]"), page);
  EXPECT_GT(tex.find("\\item[Q1:]"), page);
  EXPECT_EQ(tex.rfind("\\documentclass{article}", 0), 0u);
  EXPECT_NE(tex.find("\\end{document}\n"), std::string::npos);
  RenderOptions zh;
  zh.lang = Lang::kZh;
  EXPECT_NE(render_quiz(quiz_of(2, 5), QuizFormat::kLatex, zh).find("\\usepackage{ctex}"),
            std::string::npos);
}

TEST(QuizRender, SheetsPrintTheSeedAndTheCommandThatRegeneratesThem) {
  const Quiz quiz = quiz_of(31, 4, {QuizKind::kCrop});
  EXPECT_EQ(quiz_command(quiz, Lang::kEn), "convt quiz --seed 31 --count 4 --kinds crop");
  for (QuizFormat format : {QuizFormat::kText, QuizFormat::kMarkdown, QuizFormat::kLatex})
    EXPECT_NE(render_quiz(quiz, format, {}).find("31"), std::string::npos);
  EXPECT_EQ(render_quiz_lines(quiz, false, Lang::kEn),
            "# convt quiz --seed 31 --count 4 --kinds crop\nQ1:\nQ2:\nQ3:\nQ4:\n");
}

TEST(QuizRender, TextStaysWithinTheWidthAndIsAscii) {
  RenderOptions options;
  options.width = 60;
  const std::string text = render_quiz(quiz_of(8, 10), QuizFormat::kText, options);
  size_t start = 0;
  while (start < text.size()) {
    const size_t end = text.find('\n', start);
    EXPECT_LE(end - start, 60u) << text.substr(start, end - start);
    start = end + 1;
  }
  for (char c : text) EXPECT_TRUE(c == '\n' || (c >= 0x20 && c < 0x7f));
}

}  // namespace
}  // namespace convt
