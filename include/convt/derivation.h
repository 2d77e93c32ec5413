// The derivation engine: from Params to the list of stages a renderer shows. Pure: it returns
// data and never prints.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "convt/grid.h"
#include "convt/messages.h"
#include "convt/params.h"
#include "convt/shape.h"
#include "convt/symbolic.h"

namespace convt {

/// Stage ids, in pipeline order. Their names (stage_name) are part of the JSON contract.
enum class StageId {
  kFormula,
  kKernel,
  kInput,
  kConvMatrix,
  kTransposedMatrix,
  kMatrixOutput,
  kScatterOutput,
  kZeroInserted,
  kPaddedInput,
  kFlippedKernel,
  kDilatedKernel,  ///< present only when some axis has d > 1
  kDirectOutput,
  kOutput,
  kOverlap,  ///< contributions per output cell: the checkerboard map (overlap.h)
  kCheck,
  kCount  // not a stage
};

/// "formula", "conv_matrix", ...
std::string_view stage_name(StageId id);
/// The id named `name`, or nullopt.
std::optional<StageId> stage_from_name(std::string_view name);
/// Parses a comma-separated list of stage ids ("output,check"). Throws Error naming --stages
/// and listing the valid ids when one is unknown or the list is empty.
std::vector<StageId> parse_stage_list(const std::string& text);

/// Every stage id in pipeline order.
std::vector<StageId> all_stages();
/// The names of all_stages(), in pipeline order (for --help, the man page and completions).
std::vector<std::string> stage_names();

/// One line of the check stage.
struct CheckLine {
  Message message;
  bool ok = true;
};

/// One step of the derivation.
struct Stage {
  StageId id;
  Message title;
  std::vector<Message> explanation;    ///< one or more sentences, in order
  std::vector<std::string> equations;  ///< formula stage: language-neutral lines
  std::optional<Grid> grid;            ///< the stage's values (absent for formula and check)
  std::optional<Grid> full_view;       ///< output stage: the F-grid with the crop marked
  std::vector<CheckLine> checks;       ///< check stage
};

/// The whole derivation of one layer.
struct Derivation {
  Params params;
  std::vector<AxisShape> shapes;  ///< one per axis of params
  std::vector<Stage> stages;      ///< the selected stages, in pipeline order
  bool passed = true;             ///< every check of the check stage held
  /// Set when the derivation is symbolic: the names of its symbols. Every grid stage but
  /// overlap then carries an expression per cell (Grid::symbolic).
  std::optional<SymbolNames> symbols;

  std::vector<int64_t> output_size() const;  ///< m per axis
  std::vector<int64_t> full_size() const;    ///< F per axis
  const Stage* find(StageId id) const;
};

/// What to derive.
struct DeriveOptions {
  Limits limits;
  /// The stages to return, in any order; empty means all of them.
  std::vector<StageId> stages;
  /// Carry the symbols x_i and w_j through every route (--symbolic). Default: false.
  bool symbolic = false;
  /// Round every value the stages show (grids and the numbers of the check) to this many
  /// decimals, half away from zero, trailing zeros dropped (--digits). The routes and the check
  /// work on the unrounded values. REQUIRES: 0 <= digits. Default: none.
  std::optional<int> digits = std::nullopt;
};

/// Derives every selected stage of `params`. The three routes and the check are always computed
/// (the check compares them), so `passed` is meaningful even when the check stage is not selected.
/// The kernel and input values are exact decimals (0.1 is one tenth): when every sum fits in
/// 15 digits of their decimal units, the routes compute exactly, the check compares exactly,
/// and every value is the double nearest its exact decimal (0.1 * 0.1 gives 0.01). Otherwise
/// the routes compute with doubles, the check allows their rounding, and each sum is rounded
/// to the decimal place of its rounding bound, so that no binary noise is shown.
/// Throws Error when the parameters break a rule or a limit (see validate_params), or when a
/// symbolic derivation would write more than Limits::kMaxSymbolicProducts products.
Derivation derive(const Params& params, const DeriveOptions& options = {});

}  // namespace convt
