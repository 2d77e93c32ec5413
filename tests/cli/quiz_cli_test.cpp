// `convt quiz` on the command line (src/cli/quiz_command.cpp): byte-identical sheets for a seed,
// --key graded by --answers gives exit 0, one changed number exit 1 naming that question, a
// malformed sheet exit 2 with one line, and the options that do not go together refused.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "expect_usage_error.h"
#include "files.h"
#include "run_in_process.h"

namespace convt::testing {
namespace {

void write(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

TEST(QuizCli, TheSameSeedPrintsTheSameBytes) {
  for (const char* format : {"text", "markdown", "latex", "json"}) {
    const RunResult a = run_in_process({"quiz", "--seed", "17", "--format", format});
    const RunResult b = run_in_process({"quiz", "--seed", "17", "--format", format});
    EXPECT_EQ(a.exit_code, 0) << a.err;
    EXPECT_EQ(a.out, b.out);
    EXPECT_NE(a.out, run_in_process({"quiz", "--seed", "18", "--format", format}).out);
  }
  // Without --seed: the documented default seed, printed on the sheet.
  const RunResult plain = run_in_process({"quiz"});
  EXPECT_EQ(plain.out, run_in_process({"quiz", "--seed", "1"}).out);
  EXPECT_NE(plain.out.find("convt quiz --seed 1 "), std::string::npos) << plain.out;
}

TEST(QuizCli, TheKeyGradesRightAndOneChangedNumberIsWrong) {
  TempFolder dir;
  const RunResult key = run_in_process({"quiz", "--seed", "5", "--count", "6", "--key"});
  ASSERT_EQ(key.exit_code, 0);
  EXPECT_EQ(key.out.rfind("# convt quiz --seed 5 --count 6\nQ1: ", 0), 0u) << key.out;
  write(dir / "key.txt", key.out);
  const RunResult right =
      run_in_process({"quiz", "--seed", "5", "--count", "6", "--answers", dir / "key.txt"});
  EXPECT_EQ(right.exit_code, 0);
  EXPECT_EQ(right.err, "");
  EXPECT_EQ(right.out,
            "Q1: right\nQ2: right\nQ3: right\nQ4: right\nQ5: right\nQ6: right\n"
            "Score: 6 of 6 answers right\n");
  // Q1 (output_size): its answer one larger.
  std::string changed = key.out;
  const size_t at = changed.find("Q1: ") + 4;
  const size_t end = changed.find('\n', at);
  const std::string answer = changed.substr(at, end - at);
  const std::string bigger = std::to_string(std::stoi(answer) + 1);
  changed.replace(at, end - at, bigger);
  write(dir / "changed.txt", changed);
  const RunResult wrong =
      run_in_process({"quiz", "--seed", "5", "--count", "6", "--answers", dir / "changed.txt"});
  EXPECT_EQ(wrong.exit_code, 1);
  EXPECT_EQ(wrong.err, "");
  EXPECT_EQ(wrong.out.rfind("Q1: wrong: expected " + answer +
                                "; see the \"Output size\" stage of: convt explain --dims 1 ",
                            0),
            0u)
      << wrong.out;
  EXPECT_NE(wrong.out.find("--stages formula\nQ2: right\n"), std::string::npos) << wrong.out;
  EXPECT_NE(wrong.out.find("Score: 5 of 6 answers right\n"), std::string::npos);
}

TEST(QuizCli, TheHintCommandShowsTheAnswer) {
  // The command a wrong answer names runs, and its stage shows the expected answer.
  TempFolder dir;
  write(dir / "empty.txt", "");
  const RunResult report =
      run_in_process({"quiz", "--seed", "3", "--count", "5", "--answers", dir / "empty.txt"});
  EXPECT_EQ(report.exit_code, 1);
  size_t start = 0;
  int commands = 0;
  while ((start = report.out.find("convt explain ", start)) != std::string::npos) {
    const size_t end = report.out.find('\n', start);
    std::vector<std::string> args;
    size_t word = start + 6;
    while (word < end) {
      const size_t space = std::min(report.out.find(' ', word), end);
      args.push_back(report.out.substr(word, space - word));
      word = space + 1;
    }
    const RunResult explain = run_in_process(args);
    EXPECT_EQ(explain.exit_code, 0) << report.out.substr(start, end - start) << explain.err;
    ++commands;
    start = end;
  }
  EXPECT_EQ(commands, 5);
}

TEST(QuizCli, AMalformedSheetIsOneLineAndExit2) {
  TempFolder dir;
  write(dir / "bad.txt", "# mine\nQ1: 4\nQ2 1 2 3\n");
  expect_usage_error({"quiz", "--answers", dir / "bad.txt"},
                     "--answers: line 3 cannot be read: a line of the sheet is Q<number>: "
                     "<answer>, a blank line or a # comment");
  expect_usage_error(
      {"quiz", "--answers", dir / "none.txt"},
      "--answers: cannot read '" + (dir / "none.txt") + "': No such file or directory");
  expect_usage_error({"quiz", "--answers", dir.path()},
                     "--answers: cannot read '" + dir.path() + "': Not a regular file");
}

TEST(QuizCli, OptionsAreJudged) {
  expect_usage_error({"quiz", "--seed", "-1"},
                     "--seed: seed must be a whole number from 0 to 999999999, got '-1'");
  expect_usage_error({"quiz", "--count", "51"},
                     "--count: number of questions must be a whole number from 1 to 50, got '51'");
  expect_usage_error({"quiz", "--kinds", "crop,cropp"},
                     "--kinds: unknown kind 'cropp'; choose from: output_size, output_grid, "
                     "crop, find_layer, weight_shape");
  expect_usage_error({"quiz", "--key", "--sheet"}, "--sheet: not with --key; give one of them");
  expect_usage_error({"quiz", "--key", "--answers", "x"},
                     "--answers: not with --key; give one of them");
  expect_usage_error({"quiz", "--key", "--format", "json"},
                     "--key: prints answer lines, which have no --format; leave out --format json");
  expect_usage_error({"quiz", "--format", "svg"},
                     "--format: unknown format 'svg'; choose one of: text, markdown, latex, json");
  expect_usage_error({"quiz", "--cout", "3"},
                     "--cout: unknown option of convt quiz; did you mean --count?");
}

TEST(QuizCli, ChineseSheetsAndReports) {
  const RunResult zh = run_in_process({"quiz", "--seed", "2", "--count", "5", "--lang", "zh"});
  EXPECT_EQ(zh.exit_code, 0);
  EXPECT_NE(zh.out.find("转置卷积练习"), std::string::npos);
  EXPECT_NE(zh.out.find("convt quiz --seed 2 --count 5 --lang zh"), std::string::npos);
  TempFolder dir;
  write(dir / "a.txt", "Q1: 1\n");
  const RunResult report = run_in_process(
      {"quiz", "--seed", "2", "--count", "5", "--lang", "zh", "--answers", dir / "a.txt"});
  EXPECT_EQ(report.exit_code, 1);
  EXPECT_NE(report.out.find("得分：5 题中答对 0 题"), std::string::npos) << report.out;
  EXPECT_NE(report.out.find("--lang zh"), std::string::npos);
}

TEST(QuizCli, TheGradingExamplesOfTheDocsAreReal) {
  // docs/quiz.md pastes these reports (they need a file, which docs_test's examples cannot).
  const std::string doc = read_file(std::string(CONVT_SOURCE_DIR) + "/docs/quiz.md");
  TempFolder dir;
  const std::string key = run_in_process({"quiz", "--seed", "7", "--count", "5", "--key"}).out;
  auto report = [&](const std::string& sheet) {
    write(dir / "a.txt", sheet);
    const RunResult r =
        run_in_process({"quiz", "--seed", "7", "--count", "5", "--answers", dir / "a.txt"});
    return r.out + r.err;
  };
  auto replaced = [&](const std::string& label, const std::string& answer) {
    std::string sheet = key;
    const size_t at = sheet.find(label);
    sheet.replace(at, sheet.find('\n', at) - at, label + answer);
    return sheet;
  };
  EXPECT_NE(doc.find("```\n" + report(key) + "```"), std::string::npos) << report(key);
  EXPECT_NE(doc.find("```\n" + report(replaced("Q1: ", "10")) + "```"), std::string::npos)
      << report(replaced("Q1: ", "10"));
  EXPECT_EQ(report(replaced("Q4: ", "k=4 s=2 p=1")), report(key));
  EXPECT_NE(doc.find("```\n" + report(replaced("Q2: ", "6 15, 12 x")) + "```"), std::string::npos)
      << report(replaced("Q2: ", "6 15, 12 x"));
}

TEST(QuizCli, JsonParses) {
  const RunResult r = run_in_process({"quiz", "--seed", "9", "--format", "json"});
  const nlohmann::json doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["seed"], 9);
  EXPECT_EQ(doc["questions"].size(), 10u);
}

}  // namespace
}  // namespace convt::testing
