// The derivation engine: from Params to the list of stages a renderer shows. Pure: it returns
// data and never prints.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
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
  kScatterStamps,  ///< the scatter route's copies of the kernel, one per input cell (Stamps)
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
/// The title of stage `id` (kTitleFormula, ...): for a 1-D flipped_kernel derive() uses
/// kTitleFlippedKernel1d instead.
MsgId stage_title(StageId id);
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

/// One stamp of the scatter route: what input cell `cell` adds to the F-grid.
struct Stamp {
  std::vector<int64_t> cell;  ///< [a, b], or [a] in 1-D
  double x = 0.0;             ///< the input value x(a,b)
  /// The F-grid holding x(a,b) * w[u][v] at (a*s0 + u*d0, b*s1 + v*d1) and 0 elsewhere (all of
  /// kind kData); symbolic (the one product x_ab * w_uv per reached cell) when the input is.
  Grid values;
};

/// The stamps of the scatter route, one per input cell in row-major order: summed, they are the
/// scatter_output grid. Held as the input, the kernel and the geometry instead of as prod(n)
/// F-grids, which would take prod(n) times the memory of one F-grid: stamp(i) builds one F-grid
/// when it is shown, and for_each_tap() visits a stamp's prod(k) reached cells without building
/// anything (docs/limits.md).
class Stamps {
 public:
  /// How the stored values become the values shown: derive() computes in whole decimal units
  /// (10^-Dx for the input, 10^-Dk for the kernel; 1 when it computes in doubles), so a shown
  /// input value is input / input_unit and a shown product x*w is (x*w) / (input_unit *
  /// kernel_unit), exact; with `digits` (--digits) both are then rounded to that many decimals.
  struct Units {
    double input_unit = 1.0;
    double kernel_unit = 1.0;
    std::optional<int> digits;
  };

  Stamps() = default;
  /// REQUIRES: `input` is n0 x n1 and `kernel` k0 x k1 of `shape` (rows axis, cols axis; a 1-D
  /// problem has the trivial row axis), in `units`; both symbolic or neither.
  Stamps(int dims, Grid input, Grid kernel, std::array<AxisShape, 2> shape, Units units);
  /// The same with values in plain numbers (unit 1, no rounding).
  Stamps(int dims, Grid input, Grid kernel, std::array<AxisShape, 2> shape)
      : Stamps(dims, std::move(input), std::move(kernel), shape, Units{1.0, 1.0, std::nullopt}) {}

  int dims() const { return dims_; }
  /// prod(n): one stamp per input cell.
  int64_t count() const { return input_.cells(); }
  /// The F-grid's rows and columns (rows = 1 in 1-D).
  int64_t rows() const { return shape_[0].full; }
  int64_t cols() const { return shape_[1].full; }
  /// The cells of all stamps together, prod(n) * prod(F): what showing them all densely takes.
  int64_t total_cells() const { return count() * rows() * cols(); }
  /// The cell of stamp i: [a, b] (i = a*n1 + b), or [i] in 1-D.
  std::vector<int64_t> cell(int64_t i) const;
  /// x(a,b), the input value of stamp i.
  double x(int64_t i) const {
    return shown(input_.value(i / input_.cols(), i % input_.cols()) / units_.input_unit);
  }
  /// Stamp i with its F-grid built (rows() x cols() cells).
  Stamp stamp(int64_t i) const;
  /// The kernel tap (u*k1 + v) that stamp i puts at F-cell (r, c), or -1 for a cell it does not
  /// reach.
  int64_t tap_at(int64_t i, int64_t r, int64_t c) const;
  /// Calls f(row, col, value, tap) for each cell stamp i reaches, by tap (row-major), where
  /// value = x(a,b) * w[u][v], exactly the number stamp(i) holds there.
  template <typename F>
  void for_each_tap(int64_t i, F&& f) const {
    const int64_t a = i / input_.cols(), b = i % input_.cols();
    const double xv = input_.value(a, b);
    const double unit = units_.input_unit * units_.kernel_unit;
    for (int64_t u = 0; u < kernel_.rows(); ++u)
      for (int64_t v = 0; v < kernel_.cols(); ++v)
        f(a * shape_[0].in.s + u * shape_[0].in.d, b * shape_[1].in.s + v * shape_[1].in.d,
          shown(xv * kernel_.value(u, v) / unit), u * kernel_.cols() + v);
  }
  /// The number of cells over all stamps whose value is not zero (at most prod(n) * prod(k)).
  int64_t nonzeros() const;
  /// Whether the stamps carry expressions (the derivation is symbolic).
  bool symbolic() const { return input_.symbolic(); }
  const Grid& input() const { return input_; }
  const Grid& kernel() const { return kernel_; }

 private:
  /// `value` rounded to units_.digits decimals when set.
  double shown(double value) const;

  int dims_ = 2;
  Grid input_, kernel_;
  std::array<AxisShape, 2> shape_{};
  Units units_;
};

/// One 2-D slice of a stage's tensor (a whole-layer derivation): the grid of the last two axes
/// (one row of the last axis in 1-D) at fixed leading indices.
struct GridSlice {
  /// The indices of the leading axes of Stage::shape this slice sits at, e.g. {o, z} for output
  /// channel o, depth z of a 3-D output; slices come in row-major order of these indices.
  std::vector<int64_t> index;
  /// What the slice is, for headings: "output channel 1, z = 0", "w[0][1]".
  Message label;
  Grid grid;
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
  std::optional<Stamps> stamps;        ///< scatter_stamps stage (no grid)
  /// The full shape of the tensor the stage holds (every grid stage): {k0, k1} for a 2-D kernel,
  /// {in, out/groups, k...} for a layer's weight, {out, m...} for a layer's output, {rows, cols}
  /// for C and C^T. Empty for formula, scatter_stamps and check.
  std::vector<int64_t> shape;
  /// A whole-layer derivation (Params::whole_layer()): the tensor as 2-D slices, and no `grid`,
  /// except C and C^T, which are one `grid` whose rows and columns are labelled (c,a,b) and
  /// (o,i,j). The slices' grids hold shape[L..] with L = shape.size() - min(dims, 2) leading
  /// axes.
  std::vector<GridSlice> slices;
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
