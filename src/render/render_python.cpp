// --format python: the derivation as a PyTorch script that recomputes and checks every stage
// (render.h: render_python).
#include <algorithm>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "convt/error.h"
#include "convt/render.h"
#include "render/json_writer.h"
#include "text/number_format.h"
#include "text/text_grid.h"

namespace convt {
namespace {

/// "[3, 3]": a Python list of whole numbers.
std::string int_list(const std::vector<int64_t>& values) {
  std::string out = "[";
  for (size_t i = 0; i < values.size(); ++i) out += (i ? ", " : "") + std::to_string(values[i]);
  return out + "]";
}

/// The values of one axis parameter over the spatial axes.
std::vector<int64_t> per_axis(const Derivation& d, int64_t AxisParams::*field) {
  std::vector<int64_t> out;
  for (const AxisShape& s : d.shapes) out.push_back(s.in.*field);
  return out;
}

/// The stage's values, flattened row-major in the order of Stage::shape: the grid's cells, or
/// the slices' grids one after another (their leading indices run row-major too).
std::vector<double> flat_values(const Stage& s) {
  std::vector<double> out;
  auto append = [&out](const Grid& g) {
    for (int64_t r = 0; r < g.rows(); ++r)
      for (int64_t c = 0; c < g.cols(); ++c) out.push_back(g.value(r, c));
  };
  if (s.grid) append(*s.grid);
  for (const GridSlice& slice : s.slices) append(slice.grid);
  return out;
}

/// The cells a stage embeds: its grid, its slices or its stamps.
int64_t embedded_cells(const Stage& s) {
  int64_t cells = s.grid ? s.grid->cells() : 0;
  for (const GridSlice& slice : s.slices) cells += slice.grid.cells();
  if (s.stamps) cells += s.stamps->total_cells();
  return cells;
}

/// Writes the script of one derivation.
class PythonScript {
 public:
  PythonScript(const Derivation& d, const RenderOptions& options) : d_(d), options_(options) {}

  std::string run() {
    for (const Stage& s : d_.stages) {
      const int64_t cells = embedded_cells(s);
      if (cells > options_.max_cells)
        throw Error({MsgId::kErrPythonTooLarge,
                     {{"stage", std::string(stage_name(s.id))},
                      {"count", std::to_string(cells)},
                      {"max_cells", std::to_string(options_.max_cells)}}});
    }
    preamble();
    parameters();
    for (const Stage& s : d_.stages) stage(s);
    line("");
    line("print(" + say_literal({MsgId::kPythonAllMatch, {}}) + ")");
    return std::move(out_);
  }

 private:
  std::string say(const Message& m) const { return resolve(m, options_.lang); }
  std::string say_literal(const Message& m) const { return json::quoted(say(m)); }
  void line(const std::string& text) { out_ += text + "\n"; }

  /// `m` as "# " comment lines: at most min(--width, 80) columns, as Python's style asks.
  void comment(const Message& m) {
    const int64_t width = std::clamp<int64_t>(options_.width, 40, 80) - 2;
    for (const std::string& l : wrap(say(m), width, 0)) line("# " + l);
  }

  std::string dims() const { return std::to_string(d_.params.dims); }

  /// "torch.nn.ConvTranspose2d(2, 4, kernel_size=[2, 2], ...)": the layer this script checks.
  std::string layer_text() const {
    const Params& p = d_.params;
    std::string out =
        "ConvTranspose" + dims() + "d(" + std::to_string(p.in_channels) + ", " +
        std::to_string(p.out_channels) + ", kernel_size=" + int_list(per_axis(d_, &AxisParams::k)) +
        ", stride=" + int_list(per_axis(d_, &AxisParams::s)) +
        ", padding=" + int_list(per_axis(d_, &AxisParams::p)) +
        ", output_padding=" + int_list(per_axis(d_, &AxisParams::op)) +
        ", groups=" + std::to_string(p.groups) + ", bias=" + (p.bias ? "True" : "False") +
        ", dilation=" + int_list(per_axis(d_, &AxisParams::d)) + ")";
    return out;
  }

  void preamble() {
    line("#!/usr/bin/env python3");
    comment({MsgId::kPythonHeader, {{"layer", layer_text()}}});
    line("#");
    comment({MsgId::kPythonHowToRun, {}});
    line("");
    line("import itertools");
    line("import sys");
    line("");
    line("import torch");
    line("import torch.nn.functional as fn");
    line("");
    line("OK = " + say_literal({MsgId::kPythonStageOk, {{"stage", "{stage}"}}}));
    line("MISMATCH = " + say_literal({MsgId::kPythonMismatch,
                                      {{"stage", "{stage}"},
                                       {"index", "{index}"},
                                       {"got", "{got}"},
                                       {"expected", "{expected}"}}}));
    line("SHAPE_MISMATCH = " +
         say_literal({MsgId::kPythonShapeMismatch,
                      {{"stage", "{stage}"}, {"got", "{got}"}, {"expected", "{expected}"}}}));
    line("");
    line("");
    comment({MsgId::kPythonHelpers, {}});
    line("def tensor(values):");
    line("    return torch.tensor(values, dtype=torch.float64)");
    line("");
    line("");
    comment({MsgId::kPythonTolerance, {}});
    line("def check(stage, got, expected):");
    line("    expected = torch.as_tensor(expected, dtype=torch.float64)");
    line("    got = got.detach().to(torch.float64)");
    line("    if got.numel() != expected.numel():");
    line("        print(SHAPE_MISMATCH.format(stage=stage, got=list(got.shape),");
    line("                                    expected=list(expected.shape)))");
    line("        sys.exit(1)");
    line("    got = got.reshape(expected.shape)  # " + say({MsgId::kPythonNoteReshape, {}}));
    line("    whole = bool(torch.all(expected == expected.round())) and bool(");
    line("        torch.all(got == got.round()))");
    line("    tolerance = 0.0 if whole else 1e-9 * max(1.0, float(expected.abs().max()))");
    line("    differs = (got - expected).abs() > tolerance");
    line("    if bool(differs.any()):");
    line("        index = tuple(int(i) for i in differs.nonzero()[0])");
    line("        print(MISMATCH.format(stage=stage, index=list(index), got=float(got[index]),");
    line("                              expected=float(expected[index])))");
    line("        sys.exit(1)");
    line("    print(OK.format(stage=stage))");
    line("");
    line("");
  }

  void parameters() {
    const Params& p = d_.params;
    comment({MsgId::kPythonParams, {}});
    line("dims = " + dims());
    line("n = " + int_list(per_axis(d_, &AxisParams::n)));
    line("k = " + int_list(per_axis(d_, &AxisParams::k)));
    line("s = " + int_list(per_axis(d_, &AxisParams::s)));
    line("p = " + int_list(per_axis(d_, &AxisParams::p)));
    line("d = " + int_list(per_axis(d_, &AxisParams::d)));
    line("op = " + int_list(per_axis(d_, &AxisParams::op)));
    line("in_channels, out_channels, groups = " + std::to_string(p.in_channels) + ", " +
         std::to_string(p.out_channels) + ", " + std::to_string(p.groups));
    line("per_in, per_out = in_channels // groups, out_channels // groups");
    if (p.bias) {
      std::string values = "[";
      for (size_t i = 0; i < p.bias->size(); ++i) {
        if (i) values += ", ";
        append_number(values, (*p.bias)[i]);
      }
      line("bias = tensor(" + values + "])");
    } else {
      line("bias = None");
    }
    line("conv = fn.conv" + dims() + "d");
    line("conv_transpose = fn.conv_transpose" + dims() + "d");
    line("spatial = tuple(range(2, 2 + dims))  # " + say({MsgId::kPythonNoteSpatial, {}}));
    line("every = (slice(None), slice(None))  # " + say({MsgId::kPythonNoteEvery, {}}));
    line("F = [(n[i] - 1) * s[i] + d[i] * (k[i] - 1) + 1 for i in range(dims)]");
    line("m = [F[i] - 2 * p[i] + op[i] for i in range(dims)]");
  }

  /// `name = [...]`: the stage's numbers as convt printed them, nested to `shape`.
  void literal(const std::string& name, const std::vector<int64_t>& shape,
               const std::vector<double>& values) {
    std::string text = name + " = ";
    size_t at = 0;
    std::function<void(size_t, size_t)> nest = [&](size_t level, size_t indent) {
      text += '[';
      if (level + 1 == shape.size()) {
        for (int64_t i = 0; i < shape[level]; ++i) {
          if (i) text += ", ";
          append_number(text, values[at++]);
        }
        text += ']';
        return;
      }
      for (int64_t i = 0; i < shape[level]; ++i) {
        text += "\n" + std::string(indent + 4, ' ');
        nest(level + 1, indent + 4);
        text += ',';
      }
      text += "\n" + std::string(indent, ' ') + "]";
    };
    nest(0, 0);
    line(text);
  }

  /// The heading comment of a stage and its explanation (unless --quiet-text).
  void heading(const Stage& s, MsgId explanation, std::vector<MessageArg> args = {}) {
    line("");
    line("# " + std::string(72, '-'));
    line("# " + std::string(stage_name(s.id)) + ": " + say(s.title));
    if (options_.explanations) comment({explanation, std::move(args)});
  }

  /// The embedded values of stage `s` as `convt_<id>` and the check of `got` against them.
  void checked(const Stage& s, const std::string& got) {
    const std::string name = "convt_" + std::string(stage_name(s.id));
    literal(name, s.shape, flat_values(s));
    line("check(" + json::quoted(stage_name(s.id)) + ", " + got + ", " + name + ")");
  }

  bool simple() const { return !d_.params.whole_layer(); }

  void stage(const Stage& s) {
    const MessageArg dims_arg{"dims", dims()};
    switch (s.id) {
      case StageId::kFormula:
        heading(s, MsgId::kPythonFormula);
        for (const std::string& e : s.equations) line("#   " + e);
        line("check(\"formula\", tensor([m, F]), [" + int_list(d_.output_size()) + ", " +
             int_list(d_.full_size()) + "])");
        return;
      case StageId::kKernel:
        heading(s, MsgId::kPythonKernel, {dims_arg});
        literal("w", s.shape, flat_values(s));
        line("weight = tensor(w).reshape(in_channels, per_out, *k)");
        line("module = torch.nn.ConvTranspose" + dims() +
             "d(in_channels, out_channels, k, groups=groups)");
        line("check(\"weight_shape\", tensor(list(weight.shape)), list(module.weight.shape))");
        if (d_.params.kernel.empty()) {
          if (options_.explanations) comment({MsgId::kPythonDefaultValues, {}});
          line("check(\"kernel\", torch.arange(1, weight.numel() + 1), w)");
        }
        return;
      case StageId::kInput:
        heading(s, MsgId::kPythonInput);
        literal("x", s.shape, flat_values(s));
        line("X = tensor(x).reshape(1, in_channels, *n)");
        if (d_.params.input.empty()) {
          if (options_.explanations) comment({MsgId::kPythonDefaultValues, {}});
          line("check(\"input\", torch.arange(1, X.numel() + 1), x)");
        }
        return;
      case StageId::kConvMatrix:
        heading(s, MsgId::kPythonConvMatrix, {dims_arg});
        line("cells = out_channels * torch.Size(F).numel()");
        if (options_.explanations) comment({MsgId::kPythonNoteBatches, {}});
        line("batch = max(1, 2**20 // cells)");
        line("columns = []");
        line("for first in range(0, cells, batch):");
        line("    count = min(batch, cells - first)");
        line("    basis = torch.zeros(count, cells, dtype=torch.float64)");
        line("    basis[range(count), range(first, first + count)] = 1");
        line("    basis = basis.reshape(count, out_channels, *F)");
        line("    columns.append(conv(basis, weight, stride=s, dilation=d, groups=groups)");
        line("                   .reshape(count, -1))");
        line("C = torch.cat(columns).T");
        checked(s, "C");
        return;
      case StageId::kTransposedMatrix:
        heading(s, MsgId::kPythonTransposedMatrix);
        line("CT = C.T");
        checked(s, "CT");
        return;
      case StageId::kMatrixOutput:
        heading(s, MsgId::kPythonMatrixOutput);
        line("y_matrix = (CT @ X.reshape(-1)).reshape(1, out_channels, *F)");
        checked(s, "y_matrix");
        return;
      case StageId::kScatterStamps:
        if (!s.stamps) return;
        heading(s, MsgId::kPythonScatterStamps);
        stamps(s);
        line("stamps = []");
        line("for cell in itertools.product(*(range(size) for size in n)):");
        line("    stamp = torch.zeros(*F, dtype=torch.float64)");
        line("    corner = tuple(slice(a * s[i], a * s[i] + d[i] * (k[i] - 1) + 1, d[i])");
        line("                   for i, a in enumerate(cell))");
        line("    stamp[corner] = X[(0, 0) + cell] * weight[0, 0]");
        line("    stamps.append(stamp)");
        line("check(\"scatter_stamps\", torch.stack(stamps), convt_scatter_stamps)");
        return;
      case StageId::kScatterOutput:
        heading(s, MsgId::kPythonScatterOutput);
        line("y_scatter = torch.zeros(1, out_channels, *F, dtype=torch.float64)");
        line("for c in range(in_channels):");
        line("    group = slice(c // per_in * per_out, (c // per_in + 1) * per_out)");
        line("    for cell in itertools.product(*(range(size) for size in n)):");
        line("        corner = tuple(slice(a * s[i], a * s[i] + d[i] * (k[i] - 1) + 1, d[i])");
        line("                       for i, a in enumerate(cell))");
        line("        y_scatter[(0, group) + corner] += X[(0, c) + cell] * weight[c]");
        checked(s, "y_scatter");
        return;
      case StageId::kZeroInserted:
        heading(s, MsgId::kPythonZeroInserted);
        line(
            "inserted = torch.zeros(1, in_channels, *[(n[i] - 1) * s[i] + 1 for i in "
            "range(dims)],");
        line("                       dtype=torch.float64)");
        line("inserted[every + tuple(slice(None, None, step) for step in s)] = X");
        checked(s, "inserted");
        return;
      case StageId::kPaddedInput:
        heading(s, MsgId::kPythonPaddedInput);
        line("# " + say({MsgId::kPythonNotePadOrder, {}}));
        line("borders = [d[i] * (k[i] - 1) for i in reversed(range(dims)) for _ in (0, 1)]");
        line("padded = fn.pad(inserted, borders)");
        checked(s, "padded");
        return;
      case StageId::kFlippedKernel:
        heading(s, MsgId::kPythonFlippedKernel);
        line("flipped = (weight.reshape(groups, per_in, per_out, *k).transpose(1, 2)");
        line("           .reshape(out_channels, per_in, *k).flip(spatial))");
        checked(s, "flipped");
        return;
      case StageId::kDilatedKernel:
        heading(s, MsgId::kPythonDilatedKernel);
        dilated();
        checked(s, "dilated");
        return;
      case StageId::kDirectOutput:
        heading(s, MsgId::kPythonDirectOutput, {dims_arg});
        if (!has(StageId::kDilatedKernel)) dilated();
        line("y_direct = conv(padded, dilated, groups=groups)");
        checked(s, "y_direct");
        return;
      case StageId::kOutput:
        heading(s, MsgId::kPythonOutput);
        line(
            "grown = fn.pad(y_direct, [max(0, op[i] - p[i]) * side for i in "
            "reversed(range(dims))");
        line("                          for side in (0, 1)])");
        line("y = grown[every + tuple(slice(p[i], p[i] + m[i]) for i in range(dims))]");
        line("if bias is not None:");
        line("    y = y + bias.reshape(1, out_channels, *[1] * dims)");
        checked(s, "y");
        line("");
        if (options_.explanations) comment({MsgId::kPythonConvTranspose, {dims_arg}});
        line("y_torch = conv_transpose(X, weight, bias, stride=s, padding=p, output_padding=op,");
        line("                         groups=groups, dilation=d)");
        line("check(\"conv_transpose" + dims() + "d\", y_torch, convt_output)");
        return;
      case StageId::kOverlap:
        heading(s, MsgId::kPythonOverlap);
        line("ones = torch.ones(1, 1, *n, dtype=torch.float64)");
        line("ones_kernel = torch.ones(1, 1, *k, dtype=torch.float64)");
        line("counts = conv_transpose(ones, ones_kernel, stride=s, padding=p, output_padding=op,");
        line("                        dilation=d)");
        checked(s, "counts");
        return;
      case StageId::kCheck:
        heading(s, MsgId::kPythonAutograd, {dims_arg});
        line("z = torch.zeros(1, out_channels, *m, dtype=torch.float64, requires_grad=True)");
        line("forward = conv(z, weight, stride=s, padding=p, dilation=d, groups=groups)");
        line("incoming = torch.zeros_like(forward)");
        line("incoming[every + tuple(slice(0, size) for size in n)] = X");
        line("(gradient,) = torch.autograd.grad(forward, z, grad_outputs=incoming)");
        line("check(\"autograd\", gradient,");
        line(
            "      conv_transpose(X, weight, stride=s, padding=p, output_padding=op, "
            "groups=groups,");
        line("                     dilation=d))");
        return;
      default:
        return;
    }
  }

  void dilated() {
    line(
        "dilated = torch.zeros(out_channels, per_in, *[d[i] * (k[i] - 1) + 1 for i in "
        "range(dims)],");
    line("                      dtype=torch.float64)");
    line("dilated[every + tuple(slice(None, None, step) for step in d)] = flipped");
  }

  /// convt_scatter_stamps: one F-grid per input cell, row-major.
  void stamps(const Stage& s) {
    const Stamps& st = *s.stamps;
    std::vector<int64_t> shape = {st.count()};
    for (int64_t f : d_.full_size()) shape.push_back(f);
    std::vector<double> values;
    values.reserve(static_cast<size_t>(st.total_cells()));
    for (int64_t i = 0; i < st.count(); ++i) {
      const Grid g = st.stamp(i).values;
      for (int64_t r = 0; r < g.rows(); ++r)
        for (int64_t c = 0; c < g.cols(); ++c) values.push_back(g.value(r, c));
    }
    literal("convt_scatter_stamps", shape, values);
  }

  bool has(StageId id) const { return d_.find(id) != nullptr; }

  const Derivation& d_;
  const RenderOptions& options_;
  std::string out_;
};

}  // namespace

std::string render_python(const Derivation& derivation, const RenderOptions& options) {
  return PythonScript(derivation, options).run();
}

}  // namespace convt
