// Renderers of `convt quiz` (quiz.h): the exercise sheet as text, Markdown, LaTeX or JSON, the
// answer lines of --key and --sheet, and the report of --answers. They return strings and never
// print; docs/quiz.md shows them and documents the JSON.
#pragma once

#include <string>

#include "convt/quiz.h"
#include "convt/render.h"

namespace convt {

/// Output formats of the quiz sheet.
enum class QuizFormat { kText, kMarkdown, kLatex, kJson };

/// "text", "markdown", "latex" or "json" -> the format. Throws Error kErrUnknownFormat naming
/// --format and the four.
QuizFormat quiz_format_from_name(const std::string& name);

/// The command line that prints this sheet again: "convt quiz --seed 1", with --count and
/// --kinds when they are not the defaults and " --lang zh" for Chinese.
std::string quiz_command(const Quiz& quiz, Lang lang);

/// The sheet: a title, the seed with the command that prints the sheet again, how to write the
/// answers, then one question a paragraph. Text and Markdown end there (the key is --key), LaTeX
/// is a whole document with the key on a page of its own (\newpage), JSON is
/// {"seed", "count", "kinds", "command", "questions": [{"number", "kind", "level", "params",
/// "prompt", "answer"}]} (docs/quiz.md). Text wraps its paragraphs at options.width.
std::string render_quiz(const Quiz& quiz, QuizFormat format, const RenderOptions& options);

/// The answer sheet: a comment line "# <quiz_command>", then "Q<number>: <answer>" per
/// question, the answer written by answer_text (`filled`, --key) or left out ("Q3:", --sheet).
std::string render_quiz_lines(const Quiz& quiz, bool filled, Lang lang);

/// The explain command that shows question q's answer, and the stage that shows it: "convt
/// explain --dims 1 --n 4 --k 3 --s 2 --p 1 --stages formula" (find_layer: the key's layer).
std::string quiz_explain_command(const QuizQuestion& q, Lang lang);

/// The report of --answers: "Q<number>: right", or wrong (or unanswered) with the expected answer
/// and the explain stage and command that show it, one line per question; then the score.
std::string render_quiz_grade(const Quiz& quiz, const QuizGrade& grade, Lang lang);

}  // namespace convt
