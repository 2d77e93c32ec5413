// convt quiz --answers (src/tools/quiz_grade.cpp): the key grades right, one changed number is
// named wrong, any correct layer is accepted for find_layer, and a line that cannot be read is
// refused naming its number.
#include <gtest/gtest.h>

#include <algorithm>

#include "convt/error.h"
#include "convt/quiz.h"
#include "convt/render_quiz.h"

namespace convt {
namespace {

Quiz quiz_of(uint64_t seed, int count, std::vector<QuizKind> kinds = {}) {
  return make_quiz({seed, count, std::move(kinds)});
}

/// The English text of the Error grade_quiz throws, or "" when it grades.
std::string refusal(const Quiz& quiz, const std::string& sheet) {
  try {
    grade_quiz(quiz, sheet);
    return "";
  } catch (const Error& e) {
    return resolve(e.message(), Lang::kEn);
  }
}

TEST(QuizGrade, TheKeyIsAllRight) {
  for (uint64_t seed = 0; seed < 50; ++seed) {
    const Quiz quiz = quiz_of(seed, 20);
    const QuizGrade grade = grade_quiz(quiz, render_quiz_lines(quiz, true, Lang::kEn));
    EXPECT_TRUE(grade.all_right()) << render_quiz_grade(quiz, grade, Lang::kEn);
    EXPECT_EQ(grade.right, 20);
  }
}

TEST(QuizGrade, OneChangedNumberIsNamedWrong) {
  const Quiz quiz = quiz_of(4, 10);
  for (const QuizQuestion& q : quiz.questions) {
    if (q.kind == QuizKind::kFindLayer) continue;  // a changed layer may still be right
    std::string sheet = render_quiz_lines(quiz, true, Lang::kEn);
    const std::string label = "Q" + std::to_string(q.number) + ": ";
    const size_t at = sheet.find(label) + label.size();
    // The first digit of the answer, one up (9 becomes 8).
    const size_t digit = sheet.find_first_of("0123456789", at);
    sheet[digit] = sheet[digit] == '9' ? '8' : static_cast<char>(sheet[digit] + 1);
    const QuizGrade grade = grade_quiz(quiz, sheet);
    EXPECT_FALSE(grade.all_right());
    EXPECT_EQ(grade.right, 9);
    EXPECT_FALSE(grade.questions[static_cast<size_t>(q.number - 1)].right);
    const std::string report = render_quiz_grade(quiz, grade, Lang::kEn);
    const std::string line = "Q" + std::to_string(q.number) + ": wrong: expected " +
                             answer_text(q.kind, q.answer) + "; see the \"";
    EXPECT_NE(report.find(line), std::string::npos) << report;
    EXPECT_NE(report.find("Score: 9 of 10 answers right\n"), std::string::npos) << report;
  }
}

TEST(QuizGrade, FindLayerAcceptsAnyCorrectLayer) {
  auto line = [](int64_t k, int64_t s, int64_t p, int64_t d, int64_t op) {
    return "Q1: k=" + std::to_string(k) + " s=" + std::to_string(s) + " p=" + std::to_string(p) +
           " d=" + std::to_string(d) + " op=" + std::to_string(op) + "\n";
  };
  int most_accepted = 0;
  for (uint64_t seed = 0; seed < 30; ++seed) {
    // One question: level 1 (stride 1); two: the second is level 3 (stride 2 or 3).
    const Quiz quiz = quiz_of(seed, 2, {QuizKind::kFindLayer});
    for (const QuizQuestion& q : quiz.questions) {
      const FindLayerRule& r = q.rule;
      const std::string other =
          q.number == 1 ? "" : "Q1: " + answer_text(q.kind, quiz.questions[0].answer) + "\n";
      auto right = [&](const std::string& answer) {
        const std::string sheet = q.number == 1 ? answer : other + "Q2" + answer.substr(2);
        return grade_quiz(quiz, sheet).questions[static_cast<size_t>(q.number - 1)].right;
      };
      // Every layer under the rule that maps n to m (m = (n-1)s - 2p + k + op, by hand).
      int accepted = 0;
      for (int64_t k = 1; k <= r.max_k; ++k)
        for (int64_t op = 0; op < r.s; ++op)
          for (int64_t p = 0; p < 20; ++p) {
            const bool maps = (r.n - 1) * r.s - 2 * p + k + op == r.m;
            EXPECT_EQ(right(line(k, r.s, p, 1, op)), maps) << line(k, r.s, p, 1, op);
            accepted += maps;
          }
      EXPECT_GE(accepted, 1);
      most_accepted = std::max(most_accepted, accepted);
      // Outside the rule: another stride, a kernel too large, a dilation, op >= s.
      const AxisParams key = *q.answer.layer;
      EXPECT_TRUE(right(line(key.k, key.s, key.p, 1, key.op)));
      EXPECT_FALSE(right(line(key.k, key.s + 1, key.p, 1, key.op)));
      EXPECT_FALSE(right(line(key.k + 2, key.s, key.p + 1, 1, key.op)) && key.k + 2 > r.max_k);
      EXPECT_FALSE(right(line(key.k, key.s, key.p, 2, key.op)));
      EXPECT_FALSE(right(line(key.k, key.s, key.p, 1, key.op + r.s)));
    }
  }
  EXPECT_GT(most_accepted, 1);  // more layers than the key's are right
}

TEST(QuizGrade, CommentsBlankLinesAndSpacingAreAccepted) {
  const Quiz quiz = quiz_of(9, 5);
  std::string sheet = "# my answers\n\n";
  for (const QuizQuestion& q : quiz.questions)
    sheet += "  q" + std::to_string(q.number) + " :  " + answer_text(q.kind, q.answer) + "  \r\n";
  // " :" is not "Q<number>:": the number must touch the colon.
  EXPECT_NE(refusal(quiz, sheet), "");
  sheet = "# my answers\n\n";
  for (const QuizQuestion& q : quiz.questions)
    sheet += "q" + std::to_string(q.number) + ":  " + answer_text(q.kind, q.answer) + "  \r\n";
  EXPECT_TRUE(grade_quiz(quiz, sheet).all_right());
}

TEST(QuizGrade, MissingAndEmptyAnswersAreWrongNotMalformed) {
  const Quiz quiz = quiz_of(9, 5);
  const QuizGrade grade = grade_quiz(quiz, "Q1:\n");
  EXPECT_EQ(grade.right, 0);
  EXPECT_FALSE(grade.questions[0].answered);
  const std::string report = render_quiz_grade(quiz, grade, Lang::kEn);
  EXPECT_EQ(report.rfind("Q1: no answer: expected ", 0), 0u) << report;
  EXPECT_NE(report.find("Score: 0 of 5 answers right\n"), std::string::npos) << report;
}

TEST(QuizGrade, UnreadableLinesAreNamed) {
  const Quiz quiz = quiz_of(1, 10);  // Q1 output_size, Q2 output_grid, Q3 crop, Q4 find_layer
  EXPECT_EQ(refusal(quiz, "Q1: 5\nhello\n"),
            "--answers: line 2 cannot be read: a line of the sheet is Q<number>: <answer>, a "
            "blank line or a # comment");
  EXPECT_EQ(refusal(quiz, "Q11: 5\n"),
            "--answers: line 1 cannot be read: there is no question 11; the sheet has questions "
            "1 to 10");
  EXPECT_EQ(refusal(quiz, "Q1: 5\n\nQ1: 6\n"),
            "--answers: line 3 cannot be read: question 1 is answered on line 1 already");
  EXPECT_EQ(refusal(quiz, "Q1: five\n"),
            "--answers: line 1 cannot be read: question 1 wants a size such as 5, or 5x7 in 2-D");
  EXPECT_EQ(
      refusal(quiz, "# x\nQ2: 1 a 3\n").rfind("--answers: line 2 cannot be read: question 2", 0),
      0u);
  EXPECT_EQ(refusal(quiz, "Q4: 4 2 1\n")
                .rfind("--answers: line 1 cannot be read: question 4 wants a layer", 0),
            0u);
  EXPECT_EQ(refusal(quiz, "Q4: k=4 k=3\n").rfind("--answers: line 1", 0), 0u);
  EXPECT_EQ(refusal(quiz, "Q4: s=2 p=1\n").rfind("--answers: line 1", 0), 0u);  // no k
  EXPECT_EQ(refusal(quiz, "Q: 4\n").rfind("--answers: line 1", 0), 0u);
  EXPECT_EQ(refusal(quiz, "Q99999999999: 4\n").rfind("--answers: line 1", 0), 0u);
  // A readable answer of the wrong dimension is wrong, not unreadable.
  EXPECT_EQ(refusal(quiz, "Q1: 5x5x5\n"), "");
}

}  // namespace
}  // namespace convt
