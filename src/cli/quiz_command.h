// `convt quiz`: exercise sheets from a seed, their answer key and the grading of a filled sheet;
// its options as typed, their declaration and the run.
#pragma once

#include <string>

#include "cli/environment.h"

namespace CLI {
class App;
}

namespace convt::cli {

/// The options of `convt quiz`, as typed; empty: not given.
struct QuizCommandOptions {
  std::string seed, count, kinds;
  std::string format;   ///< --format: text (default), markdown, latex or json
  std::string width;    ///< --width
  std::string lang;     ///< --lang
  std::string answers;  ///< --answers FILE
  bool key = false;     ///< --key
  bool sheet = false;   ///< --sheet
};

/// What a quiz run prints and its exit status: 0, or 1 when --answers graded a wrong answer
/// (not an error: the report is on stdout).
struct QuizRun {
  std::string out;
  int status = 0;
};

/// The largest file --answers reads: an answer sheet is one short line per question.
inline constexpr int64_t kQuizMaxSheetBytes = 1'000'000;

/// Adds the subcommand "quiz" to `app` with its options, stored into `options` when parsed.
void setup_quiz(CLI::App& app, QuizCommandOptions& options);

/// Judges `options` (--seed, --count, --kinds, which of --key, --sheet, --answers and --format
/// go together, --format, --width, --lang), generates the sheet and renders it, or reads the
/// file of --answers and grades it. Throws Error for the first value that is wrong, for a file
/// that cannot be read and for a line of it that cannot be read.
QuizRun run_quiz(const QuizCommandOptions& options, const Environment& env);

}  // namespace convt::cli
