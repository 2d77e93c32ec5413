#include "engine/layer_derivation.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <utility>

#include "convt/error.h"
#include "engine/exact_decimal.h"
#include "engine/formula_text.h"
#include "engine/layer_routes.h"
#include "engine/overlap.h"
#include "engine/route_check.h"
#include "engine/routes.h"
#include "engine/stage_text.h"

namespace convt {
namespace {

using stage_text::axis_arg;
using stage_text::prose_size;

std::string str(int64_t v) { return std::to_string(v); }

/// "3 x 3" of the real axes picked by `field`.
std::vector<int64_t> axis_sizes(const std::vector<AxisShape>& shapes, int64_t AxisShape::*field) {
  std::vector<int64_t> out;
  for (const AxisShape& s : shapes) out.push_back(s.*field);
  return out;
}
std::vector<int64_t> axis_params(const std::vector<AxisShape>& shapes, int64_t AxisParams::*field) {
  std::vector<int64_t> out;
  for (const AxisShape& s : shapes) out.push_back(s.in.*field);
  return out;
}

/// "2, 1, 3, 3": a shape as the inside of a bracketed list.
std::string list_text(const std::vector<int64_t>& values) {
  std::string out;
  for (int64_t v : values) out += (out.empty() ? "" : ", ") + str(v);
  return out;
}

/// The spatial axes' names in a shape: "k", "k, k" or "k, k, k" (the same for n, m).
std::string axis_names(const char* name, int dims) {
  std::string out;
  for (int i = 0; i < dims; ++i) out += (i ? ", " : "") + std::string(name);
  return out;
}

/// PyTorch's per-axis argument: "3" when every axis has it, "(3, 2)" otherwise.
std::string torch_arg(const std::vector<int64_t>& values) {
  if (std::all_of(values.begin(), values.end(), [&](int64_t v) { return v == values[0]; }))
    return str(values[0]);
  return "(" + list_text(values) + ")";
}

/// The forward convolution this layer is the transpose of, in PyTorch's spelling:
/// "Conv2d(4, 2, kernel_size=3, stride=2, padding=1, groups=2)": in_channels = this layer's
/// out, out_channels = its in, the same kernel size, stride, padding, dilation and groups.
std::string transpose_of(const Params& params, const std::vector<AxisShape>& shapes) {
  std::string out = "Conv" + str(params.dims) + "d(" + str(params.out_channels) + ", " +
                    str(params.in_channels) +
                    ", kernel_size=" + torch_arg(axis_params(shapes, &AxisParams::k));
  const std::vector<int64_t> s = axis_params(shapes, &AxisParams::s);
  const std::vector<int64_t> p = axis_params(shapes, &AxisParams::p);
  const std::vector<int64_t> d = axis_params(shapes, &AxisParams::d);
  auto all_are = [](const std::vector<int64_t>& v, int64_t x) {
    return std::all_of(v.begin(), v.end(), [&](int64_t e) { return e == x; });
  };
  if (!all_are(s, 1)) out += ", stride=" + torch_arg(s);
  if (!all_are(p, 0)) out += ", padding=" + torch_arg(p);
  if (!all_are(d, 1)) out += ", dilation=" + torch_arg(d);
  if (params.groups != 1) out += ", groups=" + str(params.groups);
  if (!params.bias) out += ", bias=False";
  return out + ")";
}

/// A stage with its id's title and `explanation`, and nothing else yet.
Stage new_stage(StageId id, std::vector<Message> explanation) {
  Stage stage;
  stage.id = id;
  stage.title = {stage_title(id), {}};
  stage.explanation = std::move(explanation);
  return stage;
}

void divide(Tensor& t, double unit) {
  if (unit == 1.0) return;
  for (double& v : t.values) v /= unit;
}

}  // namespace

Derivation derive_layer(const Params& params, const DeriveOptions& options) {
  if (options.symbolic) throw Error({MsgId::kErrSymbolicLayer, {}});
  Derivation d;
  d.params = params;
  d.shapes = validate_params(params, options.limits);
  const LayerGeometry g = layer_geometry(params, d.shapes);
  const int dims = params.dims;
  auto wanted = [&](StageId id) {
    if (id == StageId::kScatterStamps) return false;  // shown for one-channel layers only
    if (id == StageId::kDilatedKernel &&
        std::all_of(d.shapes.begin(), d.shapes.end(),
                    [](const AxisShape& s) { return s.in.d == 1; }))
      return false;
    return options.stages.empty() ||
           std::find(options.stages.begin(), options.stages.end(), id) != options.stages.end();
  };

  // The values, as exact decimals in whole units when every sum fits (see derive()).
  Tensor weight = weight_tensor(g, params.kernel);
  Tensor input = input_tensor(g, params.input);
  const std::optional<DecimalUnits> units = decimal_units(weight.values, input.values);
  if (units) {
    weight.values = units->kernel;
    input.values = units->input;
  }

  // Route 1: C, C^T and C^T x. Rows (c, a...) and columns (o, i...), channel-major.
  const std::vector<int64_t> n_sizes = axis_params(d.shapes, &AxisParams::n);
  const std::vector<int64_t> f_sizes = axis_sizes(d.shapes, &AxisShape::full);
  Grid c = layer_conv_matrix(weight, g);
  c.row_labels = {AxisLabels::Style::kCoords, n_sizes};
  c.col_labels = {AxisLabels::Style::kCoords, f_sizes};
  Grid ct = transpose_sparse(c);
  ct.row_labels = c.col_labels;
  ct.col_labels = c.row_labels;
  const std::vector<int64_t> f_extents = {g.out, g.axes[0].full, g.axes[1].full, g.axes[2].full};
  Tensor matrix_out = layer_multiply(ct, input, f_extents);
  // Route 2: scatter. Route 3: zero insertion, padding, W', a stride-1 convolution.
  Tensor scatter_out = layer_scatter(input, weight, g);
  Tensor inserted = layer_insert_zeros(input, g);
  Tensor padded = layer_pad(inserted, g);
  Tensor flipped = layer_flip(weight, g);
  Tensor direct = layer_slide(padded, flipped, g);

  // The check: the shape from the direct route against the formula, then every value.
  Stage check = new_stage(StageId::kCheck, {{MsgId::kExplainCheck, {}}});
  {
    std::vector<int64_t> route_m, formula_m;
    for (size_t i = 0; i < d.shapes.size(); ++i) {
      const AxisParams& a = d.shapes[i].in;
      const int64_t f = direct.extents[direct.extents.size() - d.shapes.size() + i];
      route_m.push_back(f - a.p - (a.p - a.op));
      formula_m.push_back((a.n - 1) * a.s - 2 * a.p + a.d * (a.k - 1) + a.op + 1);
    }
    check.checks.push_back({{dims == 1 ? MsgId::kCheckShape1d : MsgId::kCheckShape,
                             {{"shape", size_text(route_m)}, {"formula", size_text(formula_m)}}},
                            route_m == formula_m});
    const std::optional<Tensor> scale =
        units ? std::nullopt : std::optional<Tensor>(layer_magnitude(input, weight, g));
    const std::vector<double>* scale_values = scale ? &scale->values : nullptr;
    const int64_t terms = g.in_per_group() * g.spatial_in(&AxisParams::k);
    check.checks.push_back(route_agreement(MsgId::kCheckMatrixScatter, matrix_out.values,
                                           scatter_out.values, scale_values, terms));
    check.checks.push_back(route_agreement(MsgId::kCheckMatrixDirect, matrix_out.values,
                                           direct.values, scale_values, terms));
    // u runs over every output channel's F-grid, channel-major.
    check.checks.push_back(adjoint_check(MsgId::kCheckLayerAdjoint, c, input.values,
                                         matrix_out.values, scale_values, terms, units,
                                         options.digits));
    d.passed = std::all_of(check.checks.begin(), check.checks.end(),
                           [](const CheckLine& l) { return l.ok; });

    // Back from units to the decimals, or the double sums rounded to their certain digits.
    if (units) {
      const double kernel_unit = power_of_ten(units->kernel_places);
      const double input_unit = power_of_ten(units->input_places);
      const double product_unit = power_of_ten(units->kernel_places + units->input_places);
      auto divide_grid = [](Grid& grid, double unit) {
        if (unit != 1.0) grid.update_values([unit](double v) { return v / unit; });
      };
      divide_grid(c, kernel_unit);
      divide_grid(ct, kernel_unit);
      for (Tensor* t : {&weight, &flipped}) divide(*t, kernel_unit);
      for (Tensor* t : {&input, &inserted, &padded}) divide(*t, input_unit);
      for (Tensor* t : {&matrix_out, &scatter_out, &direct}) divide(*t, product_unit);
    } else {
      for (Tensor* t : {&matrix_out, &scatter_out, &direct})
        for (size_t i = 0; i < t->values.size(); ++i)
          t->values[i] = round_to_error(t->values[i], rounding_bound(scale->values[i], terms));
    }
  }

  // The output: the crop of every output channel, then the bias (exact decimal sums).
  Tensor output = layer_crop(matrix_out, g);
  if (params.bias) {
    const int64_t block = output.block();
    for (int64_t i = 0; i < output.size(); ++i) {
      double& v = output.values[static_cast<size_t>(i)];
      v = decimal_add(v, (*params.bias)[static_cast<size_t>(i / block)]);
    }
  }
  const std::vector<int64_t> m_sizes = axis_sizes(d.shapes, &AxisShape::output);
  std::vector<int64_t> out_shape = {g.out};
  out_shape.insert(out_shape.end(), m_sizes.begin(), m_sizes.end());
  {
    const MsgId passed = MsgId::kCheckLayerPassed;
    check.checks.push_back(
        {{d.passed ? passed : MsgId::kCheckFailed, {{"shape", list_text(out_shape)}}}, d.passed});
  }

  // Slice headings.
  auto weight_label = [&](const std::vector<int64_t>& index) {
    const int64_t channel = index[0], j = index[1];
    const int64_t o = channel / g.in_per_group() * g.out_per_group() + j;
    return Message{MsgId::kSliceWeight, {{"c", str(channel)}, {"j", str(j)}, {"o", str(o)}}};
  };
  auto flipped_label = [&](const std::vector<int64_t>& index) {
    const int64_t o = index[0], j = index[1];
    const int64_t channel = o / g.out_per_group() * g.in_per_group() + j;
    return Message{MsgId::kSliceFlippedWeight, {{"o", str(o)}, {"j", str(j)}, {"c", str(channel)}}};
  };
  auto input_label = [](const std::vector<int64_t>& index) {
    return Message{MsgId::kSliceInputChannel, {{"c", str(index[0])}}};
  };
  auto output_label = [](const std::vector<int64_t>& index) {
    return Message{MsgId::kSliceOutputChannel, {{"o", str(index[0])}}};
  };

  auto add = [&](StageId id, std::vector<Message> explanation, const Tensor& t,
                 const std::function<Message(const std::vector<int64_t>&)>& label) {
    if (!wanted(id)) return;
    Stage stage = new_stage(id, std::move(explanation));
    if (id == StageId::kFlippedKernel && dims == 1)
      stage.title = {MsgId::kTitleFlippedKernel1d, {}};  // a 1-D kernel is reversed
    stage.shape = public_shape(t, dims);
    stage.slices = slices_of(t, dims, label);
    d.stages.push_back(std::move(stage));
  };
  auto add_matrix = [&](StageId id, std::vector<Message> explanation, Grid grid) {
    if (!wanted(id)) return;
    Stage stage = new_stage(id, std::move(explanation));
    stage.shape = {grid.rows(), grid.cols()};
    stage.grid = std::move(grid);
    d.stages.push_back(std::move(stage));
  };

  const std::string k_names = axis_names("k", dims);
  const std::vector<int64_t> k_sizes = axis_params(d.shapes, &AxisParams::k);
  const int64_t weights = weight.size();
  const MessageArg full_size = prose_size("full", f_sizes);
  if (wanted(StageId::kFormula)) {
    std::vector<Message> explanation = stage_text::formula_explanation(params, d.shapes);
    explanation.push_back({MsgId::kExplainLayerChannels,
                           {{"in", str(g.in)},
                            {"out", str(g.out)},
                            {"groups", str(g.groups)},
                            {"per_in", str(g.in_per_group())}}});
    std::vector<int64_t> weight_shape = {g.in, g.out_per_group()};
    weight_shape.insert(weight_shape.end(), k_sizes.begin(), k_sizes.end());
    if (params.bias)
      explanation.push_back({MsgId::kExplainLayerParams,
                             {{"shape", list_text(weight_shape)},
                              {"k", k_names},
                              {"weights", str(weights)},
                              {"out", str(g.out)},
                              {"total", str(weights + g.out)}}});
    else
      explanation.push_back(
          {MsgId::kExplainLayerParamsNoBias,
           {{"shape", list_text(weight_shape)}, {"k", k_names}, {"weights", str(weights)}}});
    explanation.push_back({MsgId::kExplainLayerTransposeOf,
                           {{"conv", transpose_of(params, d.shapes)},
                            {"dims", str(dims)},
                            {"k", k_names},
                            {"in", str(g.in)},
                            {"out", str(g.out)}}});
    if (dims == 3) explanation.push_back({MsgId::kExplainLayerDepthSlices, {}});
    Stage stage = new_stage(StageId::kFormula, std::move(explanation));
    stage.equations = formula_text::stage_equations(d.shapes);
    d.stages.push_back(std::move(stage));
  }
  add(StageId::kKernel,
      {{MsgId::kExplainLayerKernel,
        {{"k", k_names},
         {"shape", list_text(public_shape(weight, dims))},
         {"dims", str(dims)},
         {"default", stage_text::default_note(params.kernel.empty(), weights)}}}},
      weight, weight_label);
  add(StageId::kInput,
      {{MsgId::kExplainLayerInput,
        {{"n", axis_names("n", dims)},
         {"shape", list_text(public_shape(input, dims))},
         {"default", stage_text::default_note(params.input.empty(), input.size())}}}},
      input, input_label);
  {
    std::vector<Message> explanation = {{MsgId::kExplainLayerConvMatrix,
                                         {{"rows", str(c.rows())},
                                          {"cols", str(c.cols())},
                                          {"row_label", dims == 1   ? "(c,a)"
                                                        : dims == 2 ? "(c,a,b)"
                                                                    : "(c,a,b,e)"},
                                          {"cell", dims == 1   ? "a"
                                                   : dims == 2 ? "(a,b)"
                                                               : "(a,b,e)"},
                                          {"col_label", dims == 1   ? "(o,i)"
                                                        : dims == 2 ? "(o,i,j)"
                                                                    : "(o,i,j,l)"},
                                          {"cell_out", dims == 1   ? "i"
                                                       : dims == 2 ? "(i,j)"
                                                                   : "(i,j,l)"}}}};
    if (g.groups > 1)
      explanation.push_back({MsgId::kExplainLayerBlockDiagonal,
                             {{"groups", str(g.groups)},
                              {"per_in", str(g.in_per_group())},
                              {"per_out", str(g.out_per_group())},
                              {"pairs", str(g.in_per_group() * g.out_per_group())}}});
    else
      explanation.push_back({MsgId::kExplainLayerOneGroup, {}});
    explanation.push_back({MsgId::kExplainGradientIdentity, {}});
    add_matrix(StageId::kConvMatrix, std::move(explanation), std::move(c));
  }
  add_matrix(StageId::kTransposedMatrix, {{MsgId::kExplainTransposedMatrix, {}}}, std::move(ct));
  add(StageId::kMatrixOutput,
      {{MsgId::kExplainLayerMatrixOutput,
        {{"count", str(matrix_out.size())}, full_size, {"per_in", str(g.in_per_group())}}}},
      matrix_out, output_label);
  add(StageId::kScatterOutput, {{MsgId::kExplainLayerScatter, {}}}, scatter_out, output_label);
  const bool strided =
      std::any_of(d.shapes.begin(), d.shapes.end(), [](const AxisShape& s) { return s.in.s > 1; });
  std::vector<int64_t> gaps;
  for (const AxisShape& s : d.shapes) gaps.push_back(s.in.s - 1);
  add(StageId::kZeroInserted,
      {strided ? Message{MsgId::kExplainZeroInserted,
                         {axis_arg("gap", gaps),
                          prose_size("shape", axis_sizes(d.shapes, &AxisShape::inserted))}}
               : Message{MsgId::kExplainZeroInsertedStrideOne, {}},
       {MsgId::kExplainLayerEachChannel, {}}},
      inserted, input_label);
  add(StageId::kPaddedInput,
      {{MsgId::kExplainPaddedInput,
        {axis_arg("pad", axis_sizes(d.shapes, &AxisShape::pad)),
         prose_size("shape", axis_sizes(d.shapes, &AxisShape::padded))}},
       {MsgId::kExplainLayerEachChannel, {}}},
      padded, input_label);
  const MsgId turned = dims == 1   ? MsgId::kWordReversed
                       : dims == 2 ? MsgId::kWordRotated180
                                   : MsgId::kWordFlippedEveryAxis;
  add(StageId::kFlippedKernel,
      {{MsgId::kExplainLayerFlipped,
        {{"k", k_names},
         {"shape", list_text(public_shape(flipped, dims))},
         {"turned", Message{turned, {}}},
         {"groups", str(g.groups)}}}},
      flipped, flipped_label);
  if (wanted(StageId::kDilatedKernel)) {
    Tensor dilated = layer_dilate(flipped, g);
    add(StageId::kDilatedKernel,
        {{MsgId::kExplainDilatedKernel,
          {axis_arg("d", axis_params(d.shapes, &AxisParams::d)),
           prose_size("shape", axis_sizes(d.shapes, &AxisShape::dilated_k))}}},
        dilated, flipped_label);
  }
  add(StageId::kDirectOutput, {{MsgId::kExplainLayerDirect, {full_size}}}, direct, output_label);
  {
    std::vector<Message> explanation = stage_text::output_explanation(params, d.shapes);
    if (params.bias) {
      std::string values;
      for (double b : *params.bias)
        values += (values.empty() ? "" : ", ") + fmt::format("{}", to_double(shown_decimal(b)));
      explanation.push_back({MsgId::kExplainLayerBias, {{"values", values}}});
      if (std::any_of(d.shapes.begin(), d.shapes.end(),
                      [](const AxisShape& s) { return s.in.op > s.in.p; }))
        explanation.push_back({MsgId::kExplainLayerBiasAdded, {}});
    }
    add(StageId::kOutput, std::move(explanation), output, output_label);
  }
  if (wanted(StageId::kOverlap)) {
    std::vector<Message> explanation = overlap_explanation(params, d.shapes);
    explanation.push_back({MsgId::kExplainLayerOverlap, {{"per_in", str(g.in_per_group())}}});
    Stage stage = new_stage(StageId::kOverlap, std::move(explanation));
    stage.shape = m_sizes;
    if (dims <= 2) {
      stage.grid = overlap_grid(params, d.shapes);
    } else {
      // 3-D: the product of the three axes' counts, as depth slices.
      std::vector<std::vector<int64_t>> counts;
      for (const AxisShape& s : d.shapes) counts.push_back(axis_overlap_counts(s));
      Tensor t({m_sizes[0], m_sizes[1], m_sizes[2]});
      int64_t i = 0;
      for (int64_t z = 0; z < m_sizes[0]; ++z)
        for (int64_t y = 0; y < m_sizes[1]; ++y)
          for (int64_t x = 0; x < m_sizes[2]; ++x, ++i) {
            const int64_t at[3] = {z, y, x};
            bool past = false;
            for (size_t a = 0; a < 3; ++a)
              past = past || at[a] + d.shapes[a].in.p >= d.shapes[a].full;
            t.values[static_cast<size_t>(i)] = static_cast<double>(
                counts[0][static_cast<size_t>(z)] * counts[1][static_cast<size_t>(y)] *
                counts[2][static_cast<size_t>(x)]);
            if (past) t.kinds[static_cast<size_t>(i)] = CellKind::kAddedZero;
          }
      stage.slices = slices_of(t, dims, [](const std::vector<int64_t>&) { return Message{}; });
    }
    d.stages.push_back(std::move(stage));
  }
  if (wanted(StageId::kCheck)) d.stages.push_back(std::move(check));
  if (options.digits) {
    auto round = [places = *options.digits](double v) { return round_to_places(v, places); };
    for (Stage& stage : d.stages) {
      if (stage.id == StageId::kOverlap) continue;  // counts, not values
      if (stage.grid) stage.grid->update_values(round);
      for (GridSlice& slice : stage.slices) slice.grid.update_values(round);
    }
  }
  return d;
}

}  // namespace convt
