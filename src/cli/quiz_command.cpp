// `convt quiz` (quiz_command.h).
#include "cli/quiz_command.h"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <optional>

#include "cli/cli_describe.h"
#include "cli/common_options.h"
#include "convt/error.h"
#include "convt/params.h"
#include "convt/quiz.h"
#include "convt/render_quiz.h"

namespace convt::cli {
namespace {

/// The text of the answer sheet `path`, at most kQuizMaxSheetBytes. Throws Error naming
/// --answers when it cannot be read or is larger.
std::string read_sheet(const std::string& path) {
  std::error_code ignored;
  const std::filesystem::file_status status = std::filesystem::status(path, ignored);
  std::optional<MsgId> reason;
  if (!std::filesystem::exists(status))
    reason = MsgId::kReasonNoSuchPath;
  else if (!std::filesystem::is_regular_file(status))
    reason = MsgId::kQuizReasonNotFile;
  std::ifstream file;
  if (!reason) {
    file.open(path, std::ios::binary);
    if (!file) reason = MsgId::kReasonPermission;
  }
  if (reason)
    throw Error({MsgId::kErrQuizAnswersRead, {{"path", path}, {"reason", Message{*reason, {}}}}});
  std::string text(static_cast<size_t>(kQuizMaxSheetBytes) + 1, '\0');
  file.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<size_t>(file.gcount()));
  if (static_cast<int64_t>(text.size()) > kQuizMaxSheetBytes)
    throw Error({MsgId::kErrQuizAnswersTooLarge,
                 {{"path", path}, {"limit", std::to_string(kQuizMaxSheetBytes)}}});
  return text;
}

/// Refuses the options that do not go together: two of --key, --sheet and --answers, and
/// --format (other than text) with any of them.
void check_together(const QuizCommandOptions& o) {
  const std::vector<std::pair<bool, const char*>> modes = {
      {o.key, "--key"}, {o.sheet, "--sheet"}, {!o.answers.empty(), "--answers"}};
  const char* first = nullptr;
  for (const auto& [given, name] : modes) {
    if (!given) continue;
    if (first != nullptr)
      throw Error({MsgId::kErrQuizNotTogether, {{"option", std::string(name)}, {"other", first}}});
    first = name;
  }
  if (first != nullptr && !o.format.empty() && o.format != "text")
    throw Error({MsgId::kErrQuizLinesFormat, {{"option", first}, {"value", o.format}}});
}

}  // namespace

void setup_quiz(CLI::App& app, QuizCommandOptions& o) {
  CLI::App* quiz = app.add_subcommand(
      "quiz",
      "An exercise sheet with its answer key, the same for the same seed; grades a filled sheet");
  quiz->add_option("--seed", o.seed, "The sheet's seed, 0 to 999999999 (default 1)")
      ->type_name("INT");
  quiz->add_option("--count", o.count, "How many questions, 1 to 50 (default 10)")
      ->type_name("INT");
  with_values(quiz->add_option("--kinds", o.kinds,
                               "Only these kinds, comma-separated, in turn (default: all five)")
                  ->type_name("LIST"),
              quiz_kind_names(), true);
  with_values(quiz->add_option("--format", o.format,
                               "text (default), markdown, latex (a whole document, the key on "
                               "its last page) or json")
                  ->type_name("FORMAT"),
              {"text", "markdown", "latex", "json"});
  quiz->add_flag("--key", o.key, "Print the answer key: one line Q<number>: <answer> per question");
  quiz->add_flag("--sheet", o.sheet,
                 "Print the empty answer sheet: one line Q<number>: per question");
  with_path(quiz->add_option("--answers", o.answers,
                             "Grade this filled answer sheet (exit 0: all right, 1: some wrong)")
                ->type_name("FILE"));
  quiz->add_option("--width", o.width, "Widest line of prose (default: terminal, or 100)")
      ->type_name("INT");
  add_lang_option(*quiz, o.lang);
  quiz->footer(
      "Examples:\n"
      "  convt quiz      ten questions, seed 1\n"
      "  convt quiz --seed 7 --count 5 --format latex      a sheet to print, the key on its last "
      "page\n"
      "  convt quiz --seed 7 --count 5 --sheet      the lines a student fills in\n"
      "  convt quiz --seed 7 --count 5 --key      the key; grade a filled sheet with --answers "
      "FILE\n"
      "  convt quiz --kinds crop,find_layer --count 4      only these kinds\n");
}

QuizRun run_quiz(const QuizCommandOptions& o, const Environment& env) {
  QuizRequest request;
  if (!o.seed.empty())
    request.seed = static_cast<uint64_t>(parse_bounded(o.seed, "--seed", MsgId::kWordQuizSeed, 0,
                                                       static_cast<int64_t>(kQuizMaxSeed)));
  if (!o.count.empty())
    request.count = static_cast<int>(
        parse_bounded(o.count, "--count", MsgId::kWordQuizCount, 1, kQuizMaxCount));
  if (!o.kinds.empty()) request.kinds = parse_quiz_kinds(o.kinds);
  check_together(o);
  const QuizFormat format = quiz_format_from_name(o.format.empty() ? "text" : o.format);
  RenderOptions render;
  render.width = output_width(o.width, env);
  render.lang = choose_lang(o.lang, env);
  std::string sheet;
  if (!o.answers.empty()) sheet = read_sheet(o.answers);
  const Quiz quiz = make_quiz(request);
  if (o.key || o.sheet) return {render_quiz_lines(quiz, o.key, render.lang), 0};
  if (!o.answers.empty()) {
    const QuizGrade grade = grade_quiz(quiz, sheet);
    return {render_quiz_grade(quiz, grade, render.lang), grade.all_right() ? 0 : 1};
  }
  return {render_quiz(quiz, format, render), 0};
}

}  // namespace convt::cli
