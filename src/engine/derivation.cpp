#include "convt/derivation.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <utility>

#include "convt/error.h"
#include "engine/exact_decimal.h"
#include "engine/formula_text.h"
#include "engine/layer_derivation.h"
#include "engine/overlap.h"
#include "engine/route_check.h"
#include "engine/routes.h"
#include "engine/stage_text.h"

namespace convt {
namespace {

using stage_text::axis_arg;
using stage_text::default_note;
using stage_text::nothing_cropped;
using stage_text::prose_size;

constexpr std::array<std::string_view, static_cast<size_t>(StageId::kCount)> kStageNames = {
    "formula",           "kernel",        "input",          "conv_matrix",
    "transposed_matrix", "matrix_output", "scatter_stamps", "scatter_output",
    "zero_inserted",     "padded_input",  "flipped_kernel", "dilated_kernel",
    "direct_output",     "output",        "overlap",        "check"};

constexpr std::array<MsgId, static_cast<size_t>(StageId::kCount)> kStageTitles = {
    MsgId::kTitleFormula,       MsgId::kTitleKernel,           MsgId::kTitleInput,
    MsgId::kTitleConvMatrix,    MsgId::kTitleTransposedMatrix, MsgId::kTitleMatrixOutput,
    MsgId::kTitleScatterStamps, MsgId::kTitleScatterOutput,    MsgId::kTitleZeroInserted,
    MsgId::kTitlePaddedInput,   MsgId::kTitleFlippedKernel,    MsgId::kTitleDilatedKernel,
    MsgId::kTitleDirectOutput,  MsgId::kTitleOutput,           MsgId::kTitleOverlap,
    MsgId::kTitleCheck};

std::string str(int64_t v) { return std::to_string(v); }

/// Per-axis sizes picked by `field`, over the real axes of the problem.
template <typename F>
std::vector<int64_t> sizes(const std::vector<AxisShape>& shapes, F field) {
  std::vector<int64_t> out;
  for (const AxisShape& s : shapes) out.push_back(field(s));
  return out;
}

/// Rounds each cell of a dense grid of double sums to the decimal place its rounding bound
/// leaves certain (round_to_error), so that no binary noise is shown.
void round_to_bounds(Grid& g, const Grid& scale, int64_t terms) {
  for (int64_t r = 0; r < g.rows(); ++r)
    for (int64_t c = 0; c < g.cols(); ++c)
      g.at(r, c) = round_to_error(g.value(r, c), rounding_bound(scale.value(r, c), terms));
}

/// Labels a matrix whose rows enumerate `row_grid` cells and columns `col_grid` cells.
void label_matrix(Grid& m, int dims, int64_t row_width, int64_t col_width) {
  if (dims == 1) return;
  m.row_labels = {AxisLabels::Style::kCoords, {row_width}};
  m.col_labels = {AxisLabels::Style::kCoords, {col_width}};
}

/// The number of cells of a and b whose expressions are the same sum, term for term.
int64_t count_same_sums(const Grid& a, const Grid& b) {
  if (a.rows() != b.rows() || a.cols() != b.cols()) return 0;
  int64_t equal = 0;
  for (int64_t r = 0; r < a.rows(); ++r)
    for (int64_t c = 0; c < a.cols(); ++c) equal += a.expr(r, c) == b.expr(r, c);
  return equal;
}

/// Sorts every sum of a dense symbolic grid into the fixed order (input cell, then tap).
void normalize_sums(Grid& g) {
  for (int64_t r = 0; r < g.rows(); ++r)
    for (int64_t c = 0; c < g.cols(); ++c) normalize(g.expr_at(r, c));
}

/// Refuses a symbolic derivation whose sums would hold more than kMaxSymbolicProducts terms.
void check_symbolic_size(const Params& params) {
  int64_t inputs = 1, taps = 1;
  for (const AxisParams& a : params.axes) {
    // validate_params has bounded the F-grid (which holds both the input and the kernel) by
    // a few million cells, so these products cannot overflow.
    inputs *= a.n;
    taps *= a.k;
  }
  if (inputs * taps > Limits::kMaxSymbolicProducts)
    throw Error({MsgId::kErrSymbolicTooLarge,
                 {{"count", str(inputs * taps)},
                  {"inputs", str(inputs)},
                  {"taps", str(taps)},
                  {"limit", str(Limits::kMaxSymbolicProducts)}}});
}

/// The sentence that introduces the symbols: the first two names of each kind.
Message symbolic_explanation(const Params& params, const SymbolNames& names, int64_t taps,
                             int64_t inputs) {
  auto first_two = [](auto name, int64_t count) {
    std::string out = name(0);
    if (count > 1) out += ", " + name(1);
    return out;
  };
  return {params.dims == 1 ? MsgId::kExplainSymbolic1d : MsgId::kExplainSymbolic,
          {{"w", first_two([&](int64_t i) { return names.kernel(i, Notation::kAscii); }, taps)},
           {"x", first_two([&](int64_t i) { return names.input(i, Notation::kAscii); }, inputs)}}};
}

}  // namespace

std::string_view stage_name(StageId id) { return kStageNames[static_cast<size_t>(id)]; }

MsgId stage_title(StageId id) { return kStageTitles[static_cast<size_t>(id)]; }

std::optional<StageId> stage_from_name(std::string_view name) {
  for (size_t i = 0; i < kStageNames.size(); ++i)
    if (kStageNames[i] == name) return static_cast<StageId>(i);
  return std::nullopt;
}

std::vector<StageId> parse_stage_list(const std::string& text) {
  std::vector<StageId> ids;
  std::string valid;
  for (std::string_view name : kStageNames)
    valid += (valid.empty() ? "" : ", ") + std::string(name);
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    std::string name = text.substr(start, end - start);
    const size_t first = name.find_first_not_of(' ');
    name = first == std::string::npos ? ""
                                      : name.substr(first, name.find_last_not_of(' ') + 1 - first);
    std::optional<StageId> id = stage_from_name(name);
    if (!id) throw Error({MsgId::kErrUnknownStage, {{"value", name}, {"valid", valid}}});
    ids.push_back(*id);
    start = end + 1;
  }
  return ids;
}

std::vector<StageId> all_stages() {
  std::vector<StageId> ids;
  for (size_t i = 0; i < kStageNames.size(); ++i) ids.push_back(static_cast<StageId>(i));
  return ids;
}

std::vector<std::string> stage_names() {
  std::vector<std::string> names;
  for (StageId id : all_stages()) names.emplace_back(stage_name(id));
  return names;
}

std::vector<int64_t> Derivation::output_size() const {
  return sizes(shapes, [](const AxisShape& s) { return s.output; });
}

std::vector<int64_t> Derivation::full_size() const {
  return sizes(shapes, [](const AxisShape& s) { return s.full; });
}

const Stage* Derivation::find(StageId id) const {
  for (const Stage& s : stages)
    if (s.id == id) return &s;
  return nullptr;
}

Derivation derive(const Params& params, const DeriveOptions& options) {
  if (params.whole_layer()) return derive_layer(params, options);
  Derivation d;
  d.params = params;
  d.shapes = validate_params(params, options.limits);
  const Shape2 shape = params.dims == 2 ? Shape2{d.shapes[0], d.shapes[1]}
                                        : Shape2{trivial_axis_shape(), d.shapes[0]};
  const AxisParams& A = shape[0].in;
  const AxisParams& B = shape[1].in;
  const int dims = params.dims;
  auto grid_dims = [&](const Grid& g) {
    return dims == 1 ? std::vector<int64_t>{g.cols()} : std::vector<int64_t>{g.rows(), g.cols()};
  };
  auto grid_size = [&](const Grid& g) { return size_text(grid_dims(g)); };
  /// A grid's size in prose: "3 x 3", or "9 cells" in 1-D.
  auto shape_arg = [&](const Grid& g) { return prose_size("shape", grid_dims(g)); };

  // The values.
  Grid kernel = value_grid(A.k, B.k, params.kernel);
  Grid input = value_grid(A.n, B.n, params.input);
  // The values are exact decimals. When every sum fits (decimal_units), the routes compute with
  // whole numbers of the units 10^-Dk (kernel) and 10^-Dx (input), so that every sum is exact
  // and the check compares exactly; each grid is divided back by its unit at the end. Else
  // they compute with the doubles, compare within rounding bounds, and round the sums to the
  // digits those bounds leave certain.
  const std::optional<DecimalUnits> units =
      decimal_units(kernel.dense_values(), input.dense_values());
  if (units) {
    kernel = value_grid(A.k, B.k, units->kernel);
    input = value_grid(A.n, B.n, units->input);
  }
  if (options.symbolic) {
    check_symbolic_size(params);
    d.symbols = SymbolNames(dims, A.k, B.k, A.n, B.n);
    attach_symbols(kernel, SymbolRole::kKernel);
    attach_symbols(input, SymbolRole::kInput);
  }
  // The stamps keep the values in units (the kernel and input grids are divided back below).
  std::optional<Stamps> stamps;
  const bool stamps_wanted =
      options.stages.empty() || std::find(options.stages.begin(), options.stages.end(),
                                          StageId::kScatterStamps) != options.stages.end();
  if (stamps_wanted) {
    Stamps::Units stamp_units{1.0, 1.0, options.digits};
    if (units) {
      stamp_units.input_unit = power_of_ten(units->input_places);
      stamp_units.kernel_unit = power_of_ten(units->kernel_places);
    }
    stamps.emplace(dims, input, kernel, shape, stamp_units);
  }

  // Route 1: the matrix view.
  Grid c = conv_matrix(kernel, shape);
  label_matrix(c, dims, B.n, shape[1].full);
  Grid ct = transpose_sparse(c);
  label_matrix(ct, dims, shape[1].full, B.n);
  Grid matrix_out = multiply_sparse(ct, input, shape[0].full, shape[1].full);
  // Route 2: scatter.
  Grid scatter_out = scatter(input, kernel, shape);
  // Route 3: zero insertion, padding, the flipped kernel, a direct convolution.
  Grid inserted = insert_zeros(input, shape);
  Grid padded = pad(inserted, shape);
  Grid flipped = flip(kernel);
  Grid dilated = dilate(flipped, shape);
  Grid direct = slide(padded, flipped, shape);
  if (options.symbolic) {
    // Each route sums in its own order (C^T by row entry, scatter by input cell, the window by
    // tap); sorted, the three sums must be the same list of products.
    for (Grid* g : {&matrix_out, &scatter_out, &direct}) normalize_sums(*g);
  }

  // The check: shapes from the direct route's grid against the formula, then values.
  Stage check{StageId::kCheck,
              {MsgId::kTitleCheck, {}},
              {{MsgId::kExplainCheck, {}}},
              {},
              {},
              {},
              {},
              {},
              {},
              {}};
  {
    std::vector<int64_t> route_m, formula_m;
    const std::array<int64_t, 2> direct_size = {direct.rows(), direct.cols()};
    for (size_t i = 0; i < d.shapes.size(); ++i) {
      const AxisParams& a = d.shapes[i].in;
      const size_t axis = dims == 2 ? i : 1;
      route_m.push_back(direct_size[axis] - a.p - (a.p - a.op));
      formula_m.push_back((a.n - 1) * a.s - 2 * a.p + a.d * (a.k - 1) + a.op + 1);
    }
    check.checks.push_back({{dims == 1 ? MsgId::kCheckShape1d : MsgId::kCheckShape,
                             {{"shape", size_text(route_m)}, {"formula", size_text(formula_m)}}},
                            route_m == formula_m});
    // Exact sums need no scale; double sums are compared within their rounding bounds.
    const std::optional<Grid> scale =
        units ? std::nullopt : std::optional<Grid>(magnitude(input, kernel, shape));
    const std::vector<double>* scale_values = scale ? &scale->dense_values() : nullptr;
    const int64_t terms = A.k * B.k;
    const int64_t cells = matrix_out.cells();
    // Route agreement needs equal grid sizes, not only equal cell counts.
    auto same_size = [&](const Grid& g) {
      return g.rows() == matrix_out.rows() && g.cols() == matrix_out.cols();
    };
    const std::vector<double> none;
    check.checks.push_back(route_agreement(
        MsgId::kCheckMatrixScatter, matrix_out.dense_values(),
        same_size(scatter_out) ? scatter_out.dense_values() : none, scale_values, terms));
    check.checks.push_back(route_agreement(MsgId::kCheckMatrixDirect, matrix_out.dense_values(),
                                           same_size(direct) ? direct.dense_values() : none,
                                           scale_values, terms));
    if (options.symbolic) {
      const int64_t scatter_sums = count_same_sums(matrix_out, scatter_out);
      check.checks.push_back(
          {{MsgId::kCheckSymbolicScatter, {{"equal", str(scatter_sums)}, {"cells", str(cells)}}},
           scatter_sums == cells});
      const int64_t direct_sums = count_same_sums(matrix_out, direct);
      check.checks.push_back(
          {{MsgId::kCheckSymbolicDirect, {{"equal", str(direct_sums)}, {"cells", str(cells)}}},
           direct_sums == cells});
    }
    // matrix_out and scale are dense F-grids: index j is cell (j / F1, j % F1).
    check.checks.push_back(adjoint_check(dims == 1 ? MsgId::kCheckAdjoint1d : MsgId::kCheckAdjoint,
                                         c, input.dense_values(), matrix_out.dense_values(),
                                         scale_values, terms, units, options.digits));
    d.passed = std::all_of(check.checks.begin(), check.checks.end(),
                           [](const CheckLine& l) { return l.ok; });
    const MsgId passed = dims == 1 ? MsgId::kCheckPassed1d : MsgId::kCheckPassed;
    check.checks.push_back(
        {{d.passed ? passed : MsgId::kCheckFailed, {prose_size("shape", d.output_size())}},
         d.passed});

    // Back from units to the decimals (an integer divided by an exact power of ten is the
    // double nearest the decimal), or the double sums rounded to their certain digits.
    if (units) {
      auto divide_by = [](double unit) { return [unit](double v) { return v / unit; }; };
      const double kernel_unit = power_of_ten(units->kernel_places);
      const double input_unit = power_of_ten(units->input_places);
      const double product_unit = power_of_ten(units->kernel_places + units->input_places);
      if (kernel_unit != 1.0)
        for (Grid* g : {&kernel, &c, &ct, &flipped, &dilated})
          g->update_values(divide_by(kernel_unit));
      if (input_unit != 1.0)
        for (Grid* g : {&input, &inserted, &padded}) g->update_values(divide_by(input_unit));
      if (product_unit != 1.0)
        for (Grid* g : {&matrix_out, &scatter_out, &direct})
          g->update_values(divide_by(product_unit));
    } else {
      for (Grid* g : {&matrix_out, &scatter_out, &direct}) round_to_bounds(*g, *scale, terms);
    }
  }
  Grid output = crop(matrix_out, shape);

  const bool dilated_any = A.d > 1 || B.d > 1;
  auto wanted = [&](StageId id) {
    if (id == StageId::kDilatedKernel && !dilated_any) return false;
    return options.stages.empty() ||
           std::find(options.stages.begin(), options.stages.end(), id) != options.stages.end();
  };
  auto add = [&](StageId id, std::vector<Message> explanation, std::optional<Grid> grid) {
    if (!wanted(id)) return;
    // A 1-D kernel is reversed, not rotated.
    const MsgId title = id == StageId::kFlippedKernel && dims == 1
                            ? MsgId::kTitleFlippedKernel1d
                            : kStageTitles[static_cast<size_t>(id)];
    Stage stage{id, {title, {}}, std::move(explanation), {}, std::move(grid), {}, {}, {}, {}, {}};
    // The tensor's shape: a matrix is rows x cols in every dimension, a 1-D grid its one row.
    const bool matrix = id == StageId::kConvMatrix || id == StageId::kTransposedMatrix;
    if (stage.grid)
      stage.shape = matrix ? std::vector<int64_t>{stage.grid->rows(), stage.grid->cols()}
                           : grid_dims(*stage.grid);
    d.stages.push_back(std::move(stage));
  };
  // Sizes in prose, taken before the grids move into their stages.
  const int64_t full_count = matrix_out.cells();
  const MessageArg full_size = shape_arg(matrix_out);
  const MessageArg inserted_size = shape_arg(inserted);
  const MessageArg padded_size = shape_arg(padded);
  const MessageArg dilated_size = shape_arg(dilated);
  const MessageArg direct_prose_size = shape_arg(direct);
  // The output stage's view of the crop, taken before matrix_out moves into its stage; none when
  // nothing is cropped, so that the grid is shown once.
  std::optional<Grid> full_view;
  if (wanted(StageId::kOutput) && !nothing_cropped(params))
    full_view = mark_crop(matrix_out, shape);

  if (wanted(StageId::kFormula)) {
    std::vector<Message> explanation = stage_text::formula_explanation(params, d.shapes);
    if (d.symbols)
      explanation.push_back(
          symbolic_explanation(params, *d.symbols, kernel.cells(), input.cells()));
    Stage stage{StageId::kFormula,
                {MsgId::kTitleFormula, {}},
                std::move(explanation),
                formula_text::stage_equations(d.shapes),
                {},
                {},
                {},
                {},
                {},
                {}};
    d.stages.push_back(std::move(stage));
  }
  const bool one_d = dims == 1;
  add(StageId::kKernel,
      {{one_d ? MsgId::kExplainKernel1d : MsgId::kExplainKernel,
        {{"shape", grid_size(kernel)},
         {"count", str(kernel.cells())},
         {"default", default_note(params.kernel.empty(), kernel.cells())}}}},
      kernel);
  add(StageId::kInput,
      {{one_d ? MsgId::kExplainInput1d : MsgId::kExplainInput,
        {{"shape", grid_size(input)},
         {"count", str(input.cells())},
         {"default", default_note(params.input.empty(), input.cells())}}}},
      input);
  add(StageId::kConvMatrix,
      {{one_d ? MsgId::kExplainConvMatrix1d : MsgId::kExplainConvMatrix, {}},
       {MsgId::kExplainGradientIdentity, {}}},
      std::move(c));
  add(StageId::kTransposedMatrix, {{MsgId::kExplainTransposedMatrix, {}}}, std::move(ct));
  add(StageId::kMatrixOutput,
      {{one_d ? MsgId::kExplainMatrixOutput1d : MsgId::kExplainMatrixOutput,
        {{"count", str(input.cells())}, {"full_count", str(full_count)}, full_size}}},
      std::move(matrix_out));
  if (wanted(StageId::kScatterStamps)) {
    // No F-grid is built here: the stamps hold the input and the kernel (a few cells each) and
    // build one F-grid when a renderer shows it, so this stage adds no prod(n) x prod(F) memory.
    Stage stage{
        StageId::kScatterStamps,
        {MsgId::kTitleScatterStamps, {}},
        {{one_d ? MsgId::kExplainScatterStamps1d : MsgId::kExplainScatterStamps, {full_size}}},
        {},
        {},
        {},
        {},
        std::move(stamps),
        {},
        {}};
    d.stages.push_back(std::move(stage));
  }
  add(StageId::kScatterOutput,
      {{one_d ? MsgId::kExplainScatterOutput1d : MsgId::kExplainScatterOutput, {}}},
      std::move(scatter_out));
  add(StageId::kZeroInserted,
      {A.s > 1 || B.s > 1
           ? Message{MsgId::kExplainZeroInserted,
                     {axis_arg("gap",
                               sizes(d.shapes, [](const AxisShape& s) { return s.in.s - 1; })),
                      inserted_size}}
           : Message{MsgId::kExplainZeroInsertedStrideOne, {}}},
      std::move(inserted));
  add(StageId::kPaddedInput,
      {{MsgId::kExplainPaddedInput,
        {axis_arg("pad", sizes(d.shapes, [](const AxisShape& s) { return s.pad; })), padded_size}}},
      std::move(padded));
  add(StageId::kFlippedKernel,
      {{one_d ? MsgId::kExplainFlippedKernel1d : MsgId::kExplainFlippedKernel, {}}},
      std::move(flipped));
  add(StageId::kDilatedKernel,
      {{MsgId::kExplainDilatedKernel,
        {axis_arg("d", sizes(d.shapes, [](const AxisShape& s) { return s.in.d; })), dilated_size}}},
      std::move(dilated));
  add(StageId::kDirectOutput, {{MsgId::kExplainDirectOutput, {direct_prose_size}}},
      std::move(direct));
  if (wanted(StageId::kOutput)) {
    Stage stage{StageId::kOutput,
                {MsgId::kTitleOutput, {}},
                stage_text::output_explanation(params, d.shapes),
                {},
                std::move(output),
                std::move(full_view),
                {},
                {},
                {},
                {}};
    stage.shape = grid_dims(*stage.grid);
    d.stages.push_back(std::move(stage));
  }
  if (wanted(StageId::kOverlap))
    add(StageId::kOverlap, overlap_explanation(params, d.shapes), overlap_grid(params, d.shapes));
  if (wanted(StageId::kCheck)) d.stages.push_back(std::move(check));
  if (options.digits) {
    // --digits: what is shown is rounded; the check above ran on the exact values.
    auto round = [places = *options.digits](double v) { return round_to_places(v, places); };
    for (Stage& stage : d.stages) {
      if (stage.id == StageId::kOverlap) continue;  // counts, not values
      if (stage.grid) stage.grid->update_values(round);
      if (stage.full_view) stage.full_view->update_values(round);
    }
  }
  return d;
}

}  // namespace convt
