// `convt quiz`: exercise sheets on transposed convolution, generated from a seed, with their
// answers computed by the engine (derive(), solve()) and never by a second formula, and the
// grading of a filled answer sheet. Pure: it returns data and never prints (render_quiz.h writes
// the sheets; docs/quiz.md documents them).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "convt/params.h"

namespace convt {

/// The kinds of question, in the order --kinds lists them by default.
enum class QuizKind {
  kOutputSize,   ///< given n, k, s, p, d, op: the output size
  kOutputGrid,   ///< given the kernel and input values: the output grid
  kCrop,         ///< which cells of the uncropped F-grid the crop removes
  kFindLayer,    ///< a layer that maps n to m under stated constraints (any correct one)
  kWeightShape,  ///< given channels and groups: the weight tensor's shape
};

/// "output_size", "output_grid", "crop", "find_layer" or "weight_shape".
std::string_view quiz_kind_name(QuizKind kind);
/// Every kind's name, in QuizKind order (for --help, the man page and completions).
std::vector<std::string> quiz_kind_names();
/// Parses --kinds: a comma-separated list of kind names, each at most once, in the order given.
/// Throws Error naming --kinds and the known kinds for an unknown, repeated or empty name.
std::vector<QuizKind> parse_quiz_kinds(const std::string& text);

/// The seed a sheet uses when --seed is not given; printed on every sheet.
inline constexpr uint64_t kQuizDefaultSeed = 1;
/// The largest --seed (seeds are 0 to this).
inline constexpr uint64_t kQuizMaxSeed = 999'999'999;
/// The questions of a sheet when --count is not given, and the most --count allows.
inline constexpr int kQuizDefaultCount = 10;
inline constexpr int kQuizMaxCount = 50;
/// The levels of difficulty: question i of N has level 1 + floor(3 (i-1) / N).
inline constexpr int kQuizLevels = 3;

/// What a sheet asks for.
struct QuizRequest {
  uint64_t seed = kQuizDefaultSeed;
  int count = kQuizDefaultCount;  ///< 1 to kQuizMaxCount
  /// The kinds, used in turn: question i is of kind kinds[(i-1) % kinds.size()]. Empty means
  /// every kind in QuizKind order.
  std::vector<QuizKind> kinds;
};

/// The constraints of a find_layer question: stride `s`, kernel size 1 to `max_k`, dilation 1,
/// any padding >= 0 and output padding 0 <= op < s.
struct FindLayerRule {
  int64_t n = 1;  ///< the input size
  int64_t m = 1;  ///< the wanted output size
  int64_t s = 1;  ///< the stride the layer must have
  int64_t max_k = 1;
};

/// An answer: the member of its kind is set, the others are empty.
struct QuizAnswer {
  /// output_size: m per axis; weight_shape: [in, out/groups, k...].
  std::vector<int64_t> sizes;
  /// output_grid: the rows of the output (one row in 1-D), whole numbers.
  std::vector<std::vector<int64_t>> grid;
  /// crop: the removed cells of the F-grid, row-major: [i] in 1-D, [row, col] in 2-D.
  std::vector<std::vector<int64_t>> cells;
  /// find_layer: the layer (n is the question's n).
  std::optional<AxisParams> layer;

  friend bool operator==(const QuizAnswer&, const QuizAnswer&) = default;
};

/// One question with its answer.
struct QuizQuestion {
  int number = 1;  ///< 1-based
  QuizKind kind = QuizKind::kOutputSize;
  int level = 1;  ///< 1 to kQuizLevels
  /// The layer the question is about, with its kernel and input values for output_grid and its
  /// channels and groups for weight_shape. find_layer: dims 1 and n only (see `rule`).
  Params params;
  FindLayerRule rule;  ///< find_layer only
  QuizAnswer answer;   ///< computed by the engine
};

/// A whole sheet.
struct Quiz {
  QuizRequest request;  ///< kinds filled in
  std::vector<QuizQuestion> questions;
};

/// Generates the sheet of `request`: the same request gives the same sheet on every platform
/// (a splitmix64 generator with explicit modulo mapping, no std distribution). Every value is a
/// small whole number, so every answer is a whole number. REQUIRES: request.seed <=
/// kQuizMaxSeed, 1 <= request.count <= kQuizMaxCount.
Quiz make_quiz(const QuizRequest& request);

/// The answer as a line of an answer sheet writes it (after "Q<number>: "): sizes "5" or "5x7"
/// (weight_shape "4x2x3x3"), a grid's rows "1 3 2; 4 10 6", crop cells "0 6" in 1-D and
/// "(0,0) (0,1)" in 2-D, a layer "k=4 s=2 p=1" with " d=D" and " op=OP" when not 1 and 0.
std::string answer_text(QuizKind kind, const QuizAnswer& answer);

/// How one question of a filled sheet was graded.
struct QuestionGrade {
  int number = 1;
  bool answered = false;  ///< the sheet had a non-empty answer for it
  bool right = false;
};

/// A graded sheet: one grade per question, in order.
struct QuizGrade {
  std::vector<QuestionGrade> questions;
  int right = 0;  ///< how many are right
  bool all_right() const { return right == static_cast<int>(questions.size()); }
};

/// Grades the filled answer sheet `sheet` (the text of the file given to --answers, named
/// `file` in errors) against `quiz`. Lines are "Q<number>: <answer>" in the forms of
/// answer_text (spaces and commas both separate values); blank lines and lines starting with '#'
/// are skipped; a question without a line, or with nothing after the colon, is unanswered
/// (wrong). A find_layer answer is right when the engine derives m from n with it and it keeps
/// the rule, whatever layer the key gives. Throws Error naming --answers and the line number for
/// a line that cannot be read (not "Q<number>:", a number not on the sheet or given twice, or an
/// answer not in its kind's form).
QuizGrade grade_quiz(const Quiz& quiz, const std::string& sheet);

}  // namespace convt
