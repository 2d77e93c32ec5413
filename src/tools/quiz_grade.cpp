// `convt quiz`: the answer lines of a sheet, written (answer_text) and read back and graded
// (grade_quiz), quiz.h.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>
#include <optional>

#include "convt/derivation.h"
#include "convt/error.h"
#include "convt/quiz.h"

namespace convt {
namespace {

std::string str(int64_t v) { return std::to_string(v); }

std::string joined(const std::vector<int64_t>& values, const std::string& separator) {
  std::string out;
  for (size_t i = 0; i < values.size(); ++i) out += (i ? separator : "") + str(values[i]);
  return out;
}

/// `text` without white space at either end.
std::string trimmed(const std::string& text) {
  const size_t first = text.find_first_not_of(" \t\r");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t\r") - first + 1);
}

/// The pieces of `text` between the separators (any of `separators`), empty pieces dropped.
std::vector<std::string> split(const std::string& text, const std::string& separators) {
  std::vector<std::string> out;
  std::string piece;
  for (char c : text) {
    if (separators.find(c) != std::string::npos) {
      if (!piece.empty()) out.push_back(piece);
      piece.clear();
    } else {
      piece += c;
    }
  }
  if (!piece.empty()) out.push_back(piece);
  return out;
}

/// A whole number written with an optional '-' and at most 9 digits (every quiz value is
/// smaller), or nullopt.
std::optional<int64_t> whole(const std::string& text) {
  const size_t digits_at = !text.empty() && text[0] == '-' ? 1 : 0;
  if (text.size() == digits_at || text.size() - digits_at > 9) return std::nullopt;
  for (size_t i = digits_at; i < text.size(); ++i)
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
  int64_t value = 0;
  std::from_chars(text.data() + digits_at, text.data() + text.size(), value);
  return digits_at ? -value : value;
}

/// Whole numbers separated by white space and/or commas, or nullopt when one is not.
std::optional<std::vector<int64_t>> whole_list(const std::string& text) {
  std::vector<int64_t> out;
  for (const std::string& token : split(text, " \t,")) {
    const std::optional<int64_t> value = whole(token);
    if (!value) return std::nullopt;
    out.push_back(*value);
  }
  return out;
}

/// "5x7": sizes separated by 'x' (white space allowed around them).
std::optional<std::vector<int64_t>> read_sizes(const std::string& text) {
  std::string compact;
  for (char c : text)
    if (c != ' ' && c != '\t') compact += c == 'X' ? 'x' : c;
  if (compact.empty() || compact.front() == 'x' || compact.back() == 'x' ||
      compact.find("xx") != std::string::npos)
    return std::nullopt;
  std::vector<int64_t> out;
  for (const std::string& token : split(compact, "x")) {
    const std::optional<int64_t> value = whole(token);
    if (!value || *value < 0) return std::nullopt;
    out.push_back(*value);
  }
  return out;
}

/// "1 3 2; 4 10 6": rows separated by ';'.
std::optional<std::vector<std::vector<int64_t>>> read_grid(const std::string& text) {
  std::vector<std::vector<int64_t>> rows;
  for (const std::string& row : split(text, ";")) {
    std::optional<std::vector<int64_t>> values = whole_list(row);
    if (!values) return std::nullopt;
    if (!values->empty()) rows.push_back(std::move(*values));
  }
  if (rows.empty()) return std::nullopt;
  return rows;
}

/// "0 6" (1-D) or "(0,0) (0,4)" (2-D): sorted, repeats dropped.
std::optional<std::vector<std::vector<int64_t>>> read_cells(const std::string& text, int dims) {
  std::vector<std::vector<int64_t>> cells;
  if (dims == 1) {
    std::optional<std::vector<int64_t>> values = whole_list(text);
    if (!values) return std::nullopt;
    for (int64_t v : *values) cells.push_back({v});
  } else {
    std::string compact;
    for (char c : text)
      if (c != ' ' && c != '\t') compact += c;
    size_t i = 0;
    while (i < compact.size()) {
      if (compact[i] == ',') {
        ++i;
        continue;
      }
      const size_t close = compact.find(')', i);
      if (compact[i] != '(' || close == std::string::npos) return std::nullopt;
      const std::vector<std::string> pair = split(compact.substr(i + 1, close - i - 1), ",");
      if (pair.size() != 2) return std::nullopt;
      const std::optional<int64_t> r = whole(pair[0]), c = whole(pair[1]);
      if (!r || !c) return std::nullopt;
      cells.push_back({*r, *c});
      i = close + 1;
    }
  }
  std::sort(cells.begin(), cells.end());
  cells.erase(std::unique(cells.begin(), cells.end()), cells.end());
  return cells;
}

/// "k=4 s=2 p=1" with optional d= and op=, in any order; s, p, d, op default to PyTorch's 1,
/// 0, 1, 0. nullopt for anything else (no k, a name twice, an unknown name, a negative value).
std::optional<AxisParams> read_layer(const std::string& text, int64_t n) {
  std::map<std::string, int64_t> given;
  for (const std::string& token : split(text, " \t,")) {
    const size_t eq = token.find('=');
    if (eq == std::string::npos) return std::nullopt;
    const std::string name = token.substr(0, eq);
    const std::optional<int64_t> value = whole(token.substr(eq + 1));
    if (name != "k" && name != "s" && name != "p" && name != "d" && name != "op")
      return std::nullopt;
    if (!value || *value < 0 || given.count(name)) return std::nullopt;
    given[name] = *value;
  }
  if (!given.count("k")) return std::nullopt;
  auto value = [&](const char* name, int64_t fallback) {
    return given.count(name) ? given[name] : fallback;
  };
  return AxisParams{n, value("k", 1), value("s", 1), value("p", 0), value("d", 1), value("op", 0)};
}

/// Whether the layer keeps `rule` and the engine derives m from n with it.
bool layer_right(const AxisParams& layer, const FindLayerRule& rule) {
  if (layer.s != rule.s || layer.k < 1 || layer.k > rule.max_k || layer.d != 1) return false;
  if (layer.op >= layer.s || layer.p > rule.m + rule.max_k * rule.s * rule.n) return false;
  Params params;
  params.dims = 1;
  params.axes = {layer};
  try {
    DeriveOptions options;
    options.stages = {StageId::kFormula};
    return derive(params, options).output_size() == std::vector<int64_t>{rule.m};
  } catch (const Error&) {
    return false;  // a layer the engine refuses (m < 1)
  }
}

[[noreturn]] void unreadable(int line, Message reason) {
  throw Error({MsgId::kErrQuizSheetLine, {{"line", str(line)}, {"reason", std::move(reason)}}});
}

/// Grades one answer, or throws naming `line` when it is not in the form of its kind.
bool right_answer(const QuizQuestion& q, const std::string& text, int line) {
  const MessageArg number("number", str(q.number));
  switch (q.kind) {
    case QuizKind::kOutputSize:
    case QuizKind::kWeightShape: {
      const std::optional<std::vector<int64_t>> sizes = read_sizes(text);
      if (!sizes)
        unreadable(line,
                   {q.kind == QuizKind::kOutputSize ? MsgId::kQuizReadSizes : MsgId::kQuizReadShape,
                    {number}});
      return *sizes == q.answer.sizes;
    }
    case QuizKind::kOutputGrid: {
      const auto grid = read_grid(text);
      if (!grid) unreadable(line, {MsgId::kQuizReadGrid, {number}});
      return *grid == q.answer.grid;
    }
    case QuizKind::kCrop: {
      const auto cells = read_cells(text, q.params.dims);
      if (!cells)
        unreadable(line, {q.params.dims == 1 ? MsgId::kQuizReadCells1d : MsgId::kQuizReadCells2d,
                          {number}});
      return *cells == q.answer.cells;
    }
    case QuizKind::kFindLayer: {
      const std::optional<AxisParams> layer = read_layer(text, q.rule.n);
      if (!layer) unreadable(line, {MsgId::kQuizReadLayer, {number}});
      return layer_right(*layer, q.rule);
    }
  }
  return false;
}

}  // namespace

std::string answer_text(QuizKind kind, const QuizAnswer& answer) {
  switch (kind) {
    case QuizKind::kOutputSize:
    case QuizKind::kWeightShape:
      return joined(answer.sizes, "x");
    case QuizKind::kOutputGrid: {
      std::string out;
      for (size_t r = 0; r < answer.grid.size(); ++r)
        out += (r ? "; " : "") + joined(answer.grid[r], " ");
      return out;
    }
    case QuizKind::kCrop: {
      std::string out;
      for (const std::vector<int64_t>& cell : answer.cells) {
        if (!out.empty()) out += ' ';
        out += cell.size() == 1 ? str(cell[0]) : "(" + joined(cell, ",") + ")";
      }
      return out;
    }
    case QuizKind::kFindLayer: {
      const AxisParams& a = *answer.layer;
      std::string out = "k=" + str(a.k) + " s=" + str(a.s) + " p=" + str(a.p);
      if (a.d != 1) out += " d=" + str(a.d);
      if (a.op != 0) out += " op=" + str(a.op);
      return out;
    }
  }
  return {};
}

QuizGrade grade_quiz(const Quiz& quiz, const std::string& sheet) {
  const int count = static_cast<int>(quiz.questions.size());
  std::vector<std::optional<std::string>> answers(static_cast<size_t>(count));
  std::vector<int> line_of(static_cast<size_t>(count), 0);
  int line = 0;
  size_t start = 0;
  while (start < sheet.size()) {
    const size_t end = std::min(sheet.find('\n', start), sheet.size());
    const std::string text = trimmed(sheet.substr(start, end - start));
    start = end + 1;
    ++line;
    if (text.empty() || text[0] == '#') continue;
    const size_t colon = text.find(':');
    const std::optional<int64_t> number =
        colon == std::string::npos || (text[0] != 'Q' && text[0] != 'q')
            ? std::nullopt
            : whole(text.substr(1, colon - 1));
    if (!number) unreadable(line, {MsgId::kQuizReadLine, {}});
    if (*number < 1 || *number > count)
      unreadable(line, {MsgId::kQuizReadNoSuchQuestion,
                        {{"number", str(*number)}, {"count", str(count)}}});
    const size_t index = static_cast<size_t>(*number - 1);
    if (answers[index])
      unreadable(line, {MsgId::kQuizReadRepeated,
                        {{"number", str(*number)}, {"first", str(line_of[index])}}});
    answers[index] = trimmed(text.substr(colon + 1));
    line_of[index] = line;
  }
  QuizGrade grade;
  for (int i = 0; i < count; ++i) {
    const QuizQuestion& q = quiz.questions[static_cast<size_t>(i)];
    QuestionGrade g;
    g.number = q.number;
    const std::optional<std::string>& text = answers[static_cast<size_t>(i)];
    g.answered = text && !text->empty();
    g.right = g.answered && right_answer(q, *text, line_of[static_cast<size_t>(i)]);
    grade.right += g.right ? 1 : 0;
    grade.questions.push_back(g);
  }
  return grade;
}

}  // namespace convt
