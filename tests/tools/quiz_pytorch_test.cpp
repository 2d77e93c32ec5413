// convt quiz's answers against PyTorch: tests/fixtures/quiz_cases.json holds, for a few sheets,
// every answer recomputed by tests/fixtures/make_quiz_fixtures.py with torch from the
// question's parameters (and, for find_layer, every layer under the rule that torch maps n to
// m). A missing fixture fails (read_fixture_cases throws).
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "convt/quiz.h"
#include "convt/render_quiz.h"
#include "pytorch_fixture.h"

namespace convt {
namespace {

std::string layer_line(int number, const nlohmann::json& l) {
  return "Q" + std::to_string(number) + ": k=" + std::to_string(l["k"].get<int>()) +
         " s=" + std::to_string(l["s"].get<int>()) + " p=" + std::to_string(l["p"].get<int>()) +
         " d=" + std::to_string(l["d"].get<int>()) + " op=" + std::to_string(l["op"].get<int>()) +
         "\n";
}

TEST(QuizPytorch, AnswersAgreeWithPytorch) {
  const nlohmann::json cases = testing::read_fixture_cases("quiz_cases.json");
  ASSERT_GE(cases.size(), 5u);
  std::set<std::string> kinds_seen;
  for (const nlohmann::json& c : cases) {
    QuizRequest request;
    request.seed = c["seed"].get<uint64_t>();
    request.count = c["count"].get<int>();
    if (!c["kinds"].get<std::string>().empty())
      request.kinds = parse_quiz_kinds(c["kinds"].get<std::string>());
    const Quiz quiz = make_quiz(request);
    const nlohmann::json sheet = nlohmann::json::parse(render_quiz(quiz, QuizFormat::kJson, {}));
    ASSERT_EQ(sheet["questions"].size(), c["questions"].size());
    for (size_t i = 0; i < c["questions"].size(); ++i) {
      const nlohmann::json& expected = c["questions"][i];
      const nlohmann::json& actual = sheet["questions"][i];
      const std::string where =
          "seed " + std::to_string(request.seed) + " Q" + std::to_string(i + 1);
      ASSERT_EQ(actual["kind"], expected["kind"]) << where;
      ASSERT_EQ(actual["params"], expected["params"]) << where;  // the same question
      kinds_seen.insert(expected["kind"].get<std::string>());
      if (expected["kind"] != "find_layer") {
        EXPECT_EQ(actual["answer"], expected["answer"]) << where;
        continue;
      }
      // Any layer torch accepts is right, and convt's key is one of them.
      EXPECT_NE(std::find(expected["valid_layers"].begin(), expected["valid_layers"].end(),
                          actual["answer"]),
                expected["valid_layers"].end())
          << where << ": " << actual["answer"];
      const int number = static_cast<int>(i + 1);
      for (const nlohmann::json& layer : expected["valid_layers"])
        EXPECT_TRUE(grade_quiz(quiz, layer_line(number, layer)).questions[i].right)
            << where << ": " << layer;
    }
  }
  EXPECT_EQ(kinds_seen.size(), 5u);
}

}  // namespace
}  // namespace convt
