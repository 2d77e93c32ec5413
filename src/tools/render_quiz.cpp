// Renderers of `convt quiz` (render_quiz.h).
#include "convt/render_quiz.h"

#include <algorithm>

#include "convt/derivation.h"
#include "convt/error.h"
#include "render/json_writer.h"
#include "render/render_common.h"
#include "text/text_grid.h"
#include "tools/tool_output.h"

namespace convt {
namespace {

std::string str(int64_t v) { return std::to_string(v); }

/// Text with code spans: the message's code arguments are markers ("\x01" index "\x02") that
/// each format replaces by its own code span once the prose around them is escaped.
struct Prose {
  Message message;
  std::vector<std::string> code;

  /// The marker of a new code span holding `text`.
  std::string add_code(std::string text) {
    code.push_back(std::move(text));
    return "\x01" + str(static_cast<int64_t>(code.size() - 1)) + "\x02";
  }
};

/// `text` with each marker replaced by span(code[index]).
template <typename Span>
std::string fill_code(const std::string& text, const std::vector<std::string>& code, Span span) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\x01') {
      out += text[i];
      continue;
    }
    const size_t end = text.find('\x02', i);
    out += span(code.at(std::stoul(text.substr(i + 1, end - i - 1))));
    i = end;
  }
  return out;
}

/// Plain words for Markdown (CommonMark, GFM, pandoc): markup characters backslash-escaped.
std::string markdown_escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (std::string_view("\\`*_[]<>|~^$#").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

/// A space that text wrapping does not break at (one column wide, like a space); render_quiz
/// writes it as a space once the text is wrapped.
constexpr char kKeptSpace = '\x03';

/// Values as the sheet writes a grid: "[1 2 3]", or rows separated by ';' ("[1 2; 3 4]"), kept
/// on one line (kKeptSpace).
std::string values_text(const std::vector<double>& values, int64_t cols) {
  std::string out = "[";
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0)
      out += i % static_cast<size_t>(cols) == 0 ? std::string(";") + kKeptSpace
                                                : std::string(1, kKeptSpace);
    out += str(static_cast<int64_t>(values[i]));
  }
  return out + "]";
}

std::string module_call(const QuizQuestion& q) {
  if (q.kind == QuizKind::kWeightShape)
    return torch_module_call(q.params.axes, true,
                             {q.params.in_channels, q.params.out_channels, q.params.groups, true});
  return torch_module_call(q.params.axes, true);
}

/// The question's sentence.
Prose prompt(const QuizQuestion& q) {
  Prose prose;
  const std::string n = size_text(axis_values(q.params.axes, &AxisParams::n));
  switch (q.kind) {
    case QuizKind::kOutputSize:
      prose.message = {MsgId::kQuizPromptOutputSize,
                       {{"call", prose.add_code(module_call(q))}, {"n", n}}};
      break;
    case QuizKind::kOutputGrid: {
      const int64_t k_cols = q.params.axes.back().k, n_cols = q.params.axes.back().n;
      prose.message = {MsgId::kQuizPromptOutputGrid,
                       {{"call", prose.add_code(module_call(q))},
                        {"kernel", prose.add_code(values_text(q.params.kernel, k_cols))},
                        {"input", prose.add_code(values_text(q.params.input, n_cols))}}};
      break;
    }
    case QuizKind::kCrop:
      prose.message = {q.params.dims == 1 ? MsgId::kQuizPromptCrop1d : MsgId::kQuizPromptCrop2d,
                       {{"call", prose.add_code(module_call(q))}, {"n", n}}};
      break;
    case QuizKind::kFindLayer:
      prose.message = {MsgId::kQuizPromptFindLayer,
                       {{"module", prose.add_code("nn.ConvTranspose1d")},
                        {"n", str(q.rule.n)},
                        {"m", str(q.rule.m)},
                        {"s", str(q.rule.s)},
                        {"max_k", str(q.rule.max_k)}}};
      break;
    case QuizKind::kWeightShape:
      prose.message = {MsgId::kQuizPromptWeightShape, {{"call", prose.add_code(module_call(q))}}};
      break;
  }
  return prose;
}

/// The sheet's opening sentences: the seed with the command that prints the sheet again, and
/// how to write and grade the answers.
std::vector<Prose> opening(const Quiz& quiz, Lang lang) {
  std::vector<Prose> out(2);
  const std::string command = quiz_command(quiz, lang);
  out[0].message = {MsgId::kQuizSeedLine,
                    {{"seed", str(static_cast<int64_t>(quiz.request.seed))},
                     {"command", out[0].add_code(command)}}};
  out[1].message = {MsgId::kQuizInstructions,
                    {{"sheet", out[1].add_code(command + " --sheet")},
                     {"grade", out[1].add_code(command + " --answers FILE")}}};
  return out;
}

std::string label(const QuizQuestion& q) { return "Q" + str(q.number); }

std::string text_sheet(const Quiz& quiz, const RenderOptions& options) {
  auto plain = [&](const Prose& p) {
    return fill_code(resolve(p.message, options.lang), p.code,
                     [](const std::string& c) { return c; });
  };
  std::string out = resolve({MsgId::kQuizTitle, {}}, options.lang) + "\n\n";
  const std::vector<Prose> opening_text = opening(quiz, options.lang);
  for (const Prose& p : opening_text) {
    if (&p != &opening_text.front()) out += "\n";
    for (const std::string& line : wrap(plain(p), options.width, 0)) out += line + "\n";
  }
  for (const QuizQuestion& q : quiz.questions) {
    out += "\n";
    std::vector<std::string> lines = wrap(label(q) + ". " + plain(prompt(q)), options.width, 4);
    for (std::string& line : lines) out += line.substr(&line == &lines.front() ? 4 : 0) + "\n";
  }
  return out;
}

std::string markdown_sheet(const Quiz& quiz, const RenderOptions& options) {
  auto md = [&](const Prose& p) {
    return fill_code(markdown_escape(resolve(p.message, options.lang)), p.code,
                     [](const std::string& c) { return "`" + c + "`"; });
  };
  std::string out = "# " + markdown_escape(resolve({MsgId::kQuizTitle, {}}, options.lang)) + "\n";
  for (const Prose& p : opening(quiz, options.lang)) out += "\n" + md(p) + "\n";
  for (const QuizQuestion& q : quiz.questions)
    out += "\n**" + label(q) + ".** " + md(prompt(q)) + "\n";
  return out;
}

std::string latex_sheet(const Quiz& quiz, const RenderOptions& options) {
  const Lang lang = options.lang;
  auto tex = [&](const Prose& p) {
    return fill_code(detail::latex_escape(resolve(p.message, lang)), p.code,
                     [](const std::string& c) {
                       return "\\texttt{" + detail::latex_escape(c, detail::LatexText::kCode) + "}";
                     });
  };
  std::string out;
  if (lang == Lang::kZh)
    for (const std::string& line : wrap(resolve({MsgId::kLatexXelatexNote, {}}, lang), 98, 0))
      out += "% " + line + "\n";
  out += "\\documentclass{article}\n";
  if (lang == Lang::kZh) out += "\\usepackage{ctex}\n";
  out += "\\usepackage[margin=2cm]{geometry}\n\\begin{document}\n\\sloppy\n";
  out += "\\section*{" + detail::latex_escape(resolve({MsgId::kQuizTitle, {}}, lang)) + "}\n";
  for (const Prose& p : opening(quiz, lang)) out += "\n" + tex(p) + "\n";
  out += "\n\\begin{description}\n";
  for (const QuizQuestion& q : quiz.questions)
    out += "\\item[" + label(q) + ".] " + tex(prompt(q)) + "\n";
  out += "\\end{description}\n\n\\newpage\n";
  out +=
      "\\section*{" + detail::latex_escape(resolve({MsgId::kQuizAnswersHeading, {}}, lang)) + "}\n";
  out += "\\begin{description}\n";
  for (const QuizQuestion& q : quiz.questions)
    out += "\\item[" + label(q) + ":] \\texttt{" +
           detail::latex_escape(answer_text(q.kind, q.answer), detail::LatexText::kCode) + "}\n";
  out += "\\end{description}\n\\end{document}\n";
  return out;
}

/// A list of whole numbers as JSON, from the doubles of Params.
std::string whole_values(const std::vector<double>& values) {
  std::vector<int64_t> ints;
  for (double v : values) ints.push_back(static_cast<int64_t>(v));
  return json::ints(ints);
}

/// The "params" object: explain's (json::explain_params_object), with "kernel" and "input" for
/// output_grid; for find_layer {"dims", "n", "m", "s", "max_k", "d"}.
std::string params_json(const QuizQuestion& q) {
  if (q.kind == QuizKind::kFindLayer)
    return "{\"dims\": 1, \"n\": [" + str(q.rule.n) + "], \"m\": [" + str(q.rule.m) +
           "], \"s\": [" + str(q.rule.s) + "], \"max_k\": " + str(q.rule.max_k) + ", \"d\": [1]}";
  std::string out = json::explain_params_object(q.params);
  if (q.kind == QuizKind::kOutputGrid) {
    out.pop_back();  // the closing brace
    out += ", \"kernel\": " + whole_values(q.params.kernel) +
           ", \"input\": " + whole_values(q.params.input) + "}";
  }
  return out;
}

std::string answer_json(const QuizQuestion& q) {
  const QuizAnswer& a = q.answer;
  auto nested = [](const std::vector<std::vector<int64_t>>& rows) {
    std::string out = "[";
    for (size_t i = 0; i < rows.size(); ++i) out += (i ? "," : "") + json::ints(rows[i]);
    return out + "]";
  };
  switch (q.kind) {
    case QuizKind::kOutputSize:
    case QuizKind::kWeightShape:
      return json::ints(a.sizes);
    case QuizKind::kOutputGrid:
      return q.params.dims == 1 ? json::ints(a.grid.at(0)) : nested(a.grid);
    case QuizKind::kCrop: {
      if (q.params.dims != 1) return nested(a.cells);
      std::vector<int64_t> positions;
      for (const std::vector<int64_t>& cell : a.cells) positions.push_back(cell[0]);
      return json::ints(positions);
    }
    case QuizKind::kFindLayer: {
      const AxisParams& l = *a.layer;
      return "{\"k\": " + str(l.k) + ", \"s\": " + str(l.s) + ", \"p\": " + str(l.p) +
             ", \"d\": " + str(l.d) + ", \"op\": " + str(l.op) + "}";
    }
  }
  return "null";
}

std::string json_sheet(const Quiz& quiz, const RenderOptions& options) {
  std::vector<std::string> kinds, questions;
  for (QuizKind kind : quiz.request.kinds) kinds.emplace_back(quiz_kind_name(kind));
  for (const QuizQuestion& q : quiz.questions) {
    const Prose p = prompt(q);
    std::string text =
        fill_code(resolve(p.message, options.lang), p.code, [](const std::string& c) { return c; });
    std::replace(text.begin(), text.end(), kKeptSpace, ' ');
    questions.push_back("    {\"number\": " + str(q.number) +
                        ", \"kind\": " + json::quoted(quiz_kind_name(q.kind)) +
                        ", \"level\": " + str(q.level) + ",\n     \"params\": " + params_json(q) +
                        ",\n     \"prompt\": " + json::quoted(text) +
                        ",\n     \"answer\": " + answer_json(q) + "}");
  }
  std::string out;
  json::ObjectWriter document(out);
  document.member("seed", str(static_cast<int64_t>(quiz.request.seed)));
  document.member("count", str(quiz.request.count));
  document.member("kinds", json::strings(kinds));
  document.member("command", json::quoted(quiz_command(quiz, options.lang)));
  document.member("questions", json::item_lines(questions));
  document.close();
  return out;
}

/// The stage of `convt explain` that shows the answer of a question of `kind`.
StageId answer_stage(QuizKind kind) {
  switch (kind) {
    case QuizKind::kOutputGrid:
    case QuizKind::kCrop:
      return StageId::kOutput;
    case QuizKind::kWeightShape:
      return StageId::kKernel;
    case QuizKind::kOutputSize:
    case QuizKind::kFindLayer:
      break;
  }
  return StageId::kFormula;
}

/// Values as explain's --kernel and --input take them: "1,2,3".
std::string value_list(const std::vector<double>& values) {
  std::string out;
  for (size_t i = 0; i < values.size(); ++i)
    out += (i ? "," : "") + str(static_cast<int64_t>(values[i]));
  return out;
}

}  // namespace

QuizFormat quiz_format_from_name(const std::string& name) {
  if (name == "text") return QuizFormat::kText;
  if (name == "markdown") return QuizFormat::kMarkdown;
  if (name == "latex") return QuizFormat::kLatex;
  if (name == "json") return QuizFormat::kJson;
  throw Error(
      {MsgId::kErrUnknownFormat, {{"value", name}, {"valid", "text, markdown, latex, json"}}});
}

std::string quiz_command(const Quiz& quiz, Lang lang) {
  std::string out = "convt quiz --seed " + str(static_cast<int64_t>(quiz.request.seed));
  if (quiz.request.count != kQuizDefaultCount) out += " --count " + str(quiz.request.count);
  std::string kinds;
  bool every_kind = quiz.request.kinds.size() == quiz_kind_names().size();
  for (size_t i = 0; i < quiz.request.kinds.size(); ++i) {
    every_kind = every_kind && quiz.request.kinds[i] == static_cast<QuizKind>(i);
    kinds += (i ? "," : "") + std::string(quiz_kind_name(quiz.request.kinds[i]));
  }
  if (!every_kind) out += " --kinds " + kinds;
  if (lang == Lang::kZh) out += " --lang zh";
  return out;
}

std::string render_quiz(const Quiz& quiz, QuizFormat format, const RenderOptions& options) {
  std::string out;
  switch (format) {
    case QuizFormat::kText:
      out = text_sheet(quiz, options);
      break;
    case QuizFormat::kMarkdown:
      out = markdown_sheet(quiz, options);
      break;
    case QuizFormat::kLatex:
      out = latex_sheet(quiz, options);
      break;
    case QuizFormat::kJson:
      out = json_sheet(quiz, options);
      break;
  }
  std::replace(out.begin(), out.end(), kKeptSpace, ' ');
  return out;
}

std::string render_quiz_lines(const Quiz& quiz, bool filled, Lang lang) {
  std::string out = "# " + quiz_command(quiz, lang) + "\n";
  for (const QuizQuestion& q : quiz.questions)
    out += label(q) + ":" + (filled ? " " + answer_text(q.kind, q.answer) : "") + "\n";
  return out;
}

std::string quiz_explain_command(const QuizQuestion& q, Lang lang) {
  std::vector<AxisParams> axes = q.params.axes;
  if (q.kind == QuizKind::kFindLayer) axes = {*q.answer.layer};
  auto option = [&](const char* name, int64_t AxisParams::*field, int64_t fallback) {
    const std::vector<int64_t> values = axis_values(axes, field);
    for (int64_t v : values)
      if (v != fallback) return std::string(" ") + name + " " + axis_value_text(values);
    return std::string();
  };
  std::string out = "convt explain";
  if (q.params.dims != 2) out += " --dims " + str(q.params.dims);
  out += " --n " + axis_value_text(axis_values(axes, &AxisParams::n));
  out += " --k " + axis_value_text(axis_values(axes, &AxisParams::k));
  out += option("--s", &AxisParams::s, 1) + option("--p", &AxisParams::p, 0) +
         option("--d", &AxisParams::d, 1) + option("--op", &AxisParams::op, 0);
  if (q.kind == QuizKind::kOutputGrid)
    out += " --kernel " + value_list(q.params.kernel) + " --input " + value_list(q.params.input);
  if (q.kind == QuizKind::kWeightShape)
    out += " --in-channels " + str(q.params.in_channels) + " --out-channels " +
           str(q.params.out_channels) + " --groups " + str(q.params.groups);
  out += " --stages " + std::string(stage_name(answer_stage(q.kind)));
  if (lang == Lang::kZh) out += " --lang zh";
  return out;
}

std::string render_quiz_grade(const Quiz& quiz, const QuizGrade& grade, Lang lang) {
  std::string out;
  for (size_t i = 0; i < grade.questions.size(); ++i) {
    const QuestionGrade& g = grade.questions[i];
    const QuizQuestion& q = quiz.questions[i];
    out += label(q) + ": ";
    if (g.right) {
      out += resolve({MsgId::kQuizGradeRight, {}}, lang) + "\n";
      continue;
    }
    const std::string key = answer_text(q.kind, q.answer);
    const MessageArg expected =
        q.kind == QuizKind::kFindLayer
            ? MessageArg("expected", Message{MsgId::kQuizExpectedLayer, {{"layer", key}}})
            : MessageArg("expected", key);
    out += resolve({g.answered ? MsgId::kQuizGradeWrong : MsgId::kQuizGradeUnanswered,
                    {expected,
                     {"stage", Message{stage_title(answer_stage(q.kind)), {}}},
                     {"command", quiz_explain_command(q, lang)}}},
                   lang) +
           "\n";
  }
  out += resolve({MsgId::kQuizScore,
                  {{"right", str(grade.right)},
                   {"count", str(static_cast<int64_t>(grade.questions.size()))}}},
                 lang) +
         "\n";
  return out;
}

}  // namespace convt
