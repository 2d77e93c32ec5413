#include "engine/layer_routes.h"

#include <cmath>
#include <string>
#include <utility>

namespace convt {
namespace {

using Extents3 = std::array<int64_t, 3>;

/// The extents of the three axes picked by `field`: {n0, n1, n2}, {F0, F1, F2}, ...
Extents3 pick(const LayerGeometry& g, int64_t AxisShape::*field) {
  return {g.axes[0].*field, g.axes[1].*field, g.axes[2].*field};
}
Extents3 pick_in(const LayerGeometry& g, int64_t AxisParams::*field) {
  return {g.axes[0].in.*field, g.axes[1].in.*field, g.axes[2].in.*field};
}

int64_t volume(const Extents3& e) { return e[0] * e[1] * e[2]; }

/// The row-major index of spatial cell (z, y, x) in a block of extents e.
int64_t flat(const Extents3& e, int64_t z, int64_t y, int64_t x) {
  return (z * e[1] + y) * e[2] + x;
}

/// Calls f(z, y, x, flat index) for every cell of a block of extents e, row-major.
template <typename F>
void for_each_cell(const Extents3& e, F&& f) {
  int64_t i = 0;
  for (int64_t z = 0; z < e[0]; ++z)
    for (int64_t y = 0; y < e[1]; ++y)
      for (int64_t x = 0; x < e[2]; ++x) f(z, y, x, i++);
}

std::vector<int64_t> extents_of(std::vector<int64_t> lead, const Extents3& e) {
  lead.insert(lead.end(), e.begin(), e.end());
  return lead;
}

Tensor filled(std::vector<int64_t> extents, const std::vector<double>& values) {
  Tensor t(std::move(extents));
  for (int64_t i = 0; i < t.size(); ++i)
    t.values[static_cast<size_t>(i)] =
        values.empty() ? static_cast<double>(i + 1) : values[static_cast<size_t>(i)];
  return t;
}

/// The scatter of |x| |w| (magnitude) or x w over every channel pair of each group.
Tensor scatter_products(const Tensor& input, const Tensor& weight, const LayerGeometry& g,
                        bool magnitude) {
  const Extents3 n = pick_in(g, &AxisParams::n), k = pick_in(g, &AxisParams::k);
  const Extents3 s = pick_in(g, &AxisParams::s), d = pick_in(g, &AxisParams::d);
  const Extents3 full = pick(g, &AxisShape::full);
  Tensor out(extents_of({g.out}, full));
  const int64_t taps = volume(k), cells = volume(n), fcells = volume(full);
  for (int64_t c = 0; c < g.in; ++c) {
    const int64_t group = c / g.in_per_group();
    for (int64_t j = 0; j < g.out_per_group(); ++j) {
      const int64_t o = group * g.out_per_group() + j;
      const double* w = &weight.values[static_cast<size_t>((c * g.out_per_group() + j) * taps)];
      for_each_cell(n, [&](int64_t az, int64_t ay, int64_t ax, int64_t a) {
        double xv = input.values[static_cast<size_t>(c * cells + a)];
        if (magnitude) xv = std::fabs(xv);
        for_each_cell(k, [&](int64_t uz, int64_t uy, int64_t ux, int64_t u) {
          const double wv = magnitude ? std::fabs(w[u]) : w[u];
          const int64_t at =
              flat(full, az * s[0] + uz * d[0], ay * s[1] + uy * d[1], ax * s[2] + ux * d[2]);
          out.values[static_cast<size_t>(o * fcells + at)] += xv * wv;
        });
      });
    }
  }
  return out;
}

}  // namespace

int64_t LayerGeometry::spatial(int64_t AxisShape::*field) const {
  return axes[0].*field * axes[1].*field * axes[2].*field;
}

int64_t LayerGeometry::spatial_in(int64_t AxisParams::*field) const {
  return axes[0].in.*field * axes[1].in.*field * axes[2].in.*field;
}

LayerGeometry layer_geometry(const Params& params, const std::vector<AxisShape>& shapes) {
  LayerGeometry g;
  g.dims = params.dims;
  const AxisShape trivial = axis_shape(AxisParams{});
  const size_t missing = 3 - shapes.size();
  for (size_t i = 0; i < 3; ++i) g.axes[i] = i < missing ? trivial : shapes[i - missing];
  g.in = params.in_channels;
  g.out = params.out_channels;
  g.groups = params.groups;
  return g;
}

Tensor::Tensor(std::vector<int64_t> e, double fill, CellKind kind) : extents(std::move(e)) {
  int64_t cells = 1;
  for (int64_t v : extents) cells *= v;
  values.assign(static_cast<size_t>(cells), fill);
  kinds.assign(static_cast<size_t>(cells), kind);
}

int64_t Tensor::block() const {
  const size_t r = extents.size();
  return extents[r - 3] * extents[r - 2] * extents[r - 1];
}

Tensor weight_tensor(const LayerGeometry& g, const std::vector<double>& values) {
  return filled(extents_of({g.in, g.out_per_group()}, pick_in(g, &AxisParams::k)), values);
}

Tensor input_tensor(const LayerGeometry& g, const std::vector<double>& values) {
  return filled(extents_of({g.in}, pick_in(g, &AxisParams::n)), values);
}

Grid layer_conv_matrix(const Tensor& weight, const LayerGeometry& g) {
  const Extents3 n = pick_in(g, &AxisParams::n), k = pick_in(g, &AxisParams::k);
  const Extents3 s = pick_in(g, &AxisParams::s), d = pick_in(g, &AxisParams::d);
  const Extents3 full = pick(g, &AxisShape::full);
  const int64_t taps = volume(k), cells = volume(n), fcells = volume(full);
  const int64_t rows = g.in * cells;
  std::vector<int64_t> row_start(static_cast<size_t>(rows + 1));
  std::vector<int64_t> col_index;
  std::vector<double> values;
  col_index.reserve(static_cast<size_t>(rows * g.out_per_group() * taps));
  values.reserve(static_cast<size_t>(rows * g.out_per_group() * taps));
  for (int64_t c = 0; c < g.in; ++c) {
    const int64_t group = c / g.in_per_group();
    for_each_cell(n, [&](int64_t az, int64_t ay, int64_t ax, int64_t a) {
      row_start[static_cast<size_t>(c * cells + a)] = static_cast<int64_t>(values.size());
      // Columns increase with j (the output channel), then with the tap u: a*s + u*d grows
      // lexicographically with u on every axis, as in the one-channel C.
      for (int64_t j = 0; j < g.out_per_group(); ++j) {
        const int64_t o = group * g.out_per_group() + j;
        const double* w = &weight.values[static_cast<size_t>((c * g.out_per_group() + j) * taps)];
        for_each_cell(k, [&](int64_t uz, int64_t uy, int64_t ux, int64_t u) {
          col_index.push_back(o * fcells + flat(full, az * s[0] + uz * d[0], ay * s[1] + uy * d[1],
                                                ax * s[2] + ux * d[2]));
          values.push_back(w[u]);
        });
      }
    });
  }
  row_start[static_cast<size_t>(rows)] = static_cast<int64_t>(values.size());
  return Grid::sparse(rows, g.out * fcells, std::move(row_start), std::move(col_index),
                      std::move(values));
}

Tensor layer_multiply(const Grid& matrix, const Tensor& x, std::vector<int64_t> extents) {
  Tensor y(std::move(extents));
  matrix.for_each_entry([&](int64_t r, int64_t c, double v) {
    y.values[static_cast<size_t>(r)] += v * x.values[static_cast<size_t>(c)];
  });
  return y;
}

Tensor layer_scatter(const Tensor& input, const Tensor& weight, const LayerGeometry& g) {
  return scatter_products(input, weight, g, false);
}

Tensor layer_magnitude(const Tensor& input, const Tensor& weight, const LayerGeometry& g) {
  return scatter_products(input, weight, g, true);
}

Tensor layer_insert_zeros(const Tensor& input, const LayerGeometry& g) {
  const Extents3 n = pick_in(g, &AxisParams::n), s = pick_in(g, &AxisParams::s);
  const Extents3 ins = pick(g, &AxisShape::inserted);
  Tensor out(extents_of({g.in}, ins), 0.0, CellKind::kStrideZero);
  const int64_t cells = volume(n), icells = volume(ins);
  for (int64_t c = 0; c < g.in; ++c)
    for_each_cell(n, [&](int64_t z, int64_t y, int64_t x, int64_t a) {
      const auto at = static_cast<size_t>(c * icells + flat(ins, z * s[0], y * s[1], x * s[2]));
      out.values[at] = input.values[static_cast<size_t>(c * cells + a)];
      out.kinds[at] = CellKind::kData;
    });
  return out;
}

Tensor layer_pad(const Tensor& inserted, const LayerGeometry& g) {
  const Extents3 ins = pick(g, &AxisShape::inserted), pad = pick(g, &AxisShape::pad);
  const Extents3 padded = pick(g, &AxisShape::padded);
  Tensor out(extents_of({g.in}, padded), 0.0, CellKind::kPaddingZero);
  const int64_t icells = volume(ins), pcells = volume(padded);
  for (int64_t c = 0; c < g.in; ++c)
    for_each_cell(ins, [&](int64_t z, int64_t y, int64_t x, int64_t a) {
      const auto at =
          static_cast<size_t>(c * pcells + flat(padded, z + pad[0], y + pad[1], x + pad[2]));
      out.values[at] = inserted.values[static_cast<size_t>(c * icells + a)];
      out.kinds[at] = inserted.kinds[static_cast<size_t>(c * icells + a)];
    });
  return out;
}

Tensor layer_flip(const Tensor& weight, const LayerGeometry& g) {
  const Extents3 k = pick_in(g, &AxisParams::k);
  const int64_t taps = volume(k);
  Tensor out(extents_of({g.out, g.in_per_group()}, k));
  for (int64_t o = 0; o < g.out; ++o) {
    const int64_t group = o / g.out_per_group(), j = o % g.out_per_group();
    for (int64_t i = 0; i < g.in_per_group(); ++i) {
      const int64_t c = group * g.in_per_group() + i;
      const double* w = &weight.values[static_cast<size_t>((c * g.out_per_group() + j) * taps)];
      for_each_cell(k, [&](int64_t uz, int64_t uy, int64_t ux, int64_t u) {
        out.values[static_cast<size_t>((o * g.in_per_group() + i) * taps + u)] =
            w[flat(k, k[0] - 1 - uz, k[1] - 1 - uy, k[2] - 1 - ux)];
      });
    }
  }
  return out;
}

Tensor layer_dilate(const Tensor& flipped, const LayerGeometry& g) {
  const Extents3 k = pick_in(g, &AxisParams::k), d = pick_in(g, &AxisParams::d);
  const Extents3 dk = pick(g, &AxisShape::dilated_k);
  Tensor out(extents_of({g.out, g.in_per_group()}, dk), 0.0, CellKind::kDilationZero);
  const int64_t taps = volume(k), dcells = volume(dk);
  for (int64_t slice = 0; slice < g.out * g.in_per_group(); ++slice)
    for_each_cell(k, [&](int64_t uz, int64_t uy, int64_t ux, int64_t u) {
      const auto at =
          static_cast<size_t>(slice * dcells + flat(dk, uz * d[0], uy * d[1], ux * d[2]));
      out.values[at] = flipped.values[static_cast<size_t>(slice * taps + u)];
      out.kinds[at] = CellKind::kData;
    });
  return out;
}

Tensor layer_slide(const Tensor& padded, const Tensor& flipped, const LayerGeometry& g) {
  const Extents3 k = pick_in(g, &AxisParams::k), d = pick_in(g, &AxisParams::d);
  const Extents3 full = pick(g, &AxisShape::full), pext = pick(g, &AxisShape::padded);
  const int64_t taps = volume(k), pcells = volume(pext), fcells = volume(full);
  Tensor out(extents_of({g.out}, full));
  for (int64_t o = 0; o < g.out; ++o) {
    const int64_t group = o / g.out_per_group();
    for (int64_t i = 0; i < g.in_per_group(); ++i) {
      const int64_t c = group * g.in_per_group() + i;
      const double* w = &flipped.values[static_cast<size_t>((o * g.in_per_group() + i) * taps)];
      const double* x = &padded.values[static_cast<size_t>(c * pcells)];
      for_each_cell(full, [&](int64_t z, int64_t y, int64_t xi, int64_t at) {
        double sum = 0.0;
        for_each_cell(k, [&](int64_t uz, int64_t uy, int64_t ux, int64_t u) {
          sum += x[flat(pext, z + uz * d[0], y + uy * d[1], xi + ux * d[2])] * w[u];
        });
        out.values[static_cast<size_t>(o * fcells + at)] += sum;
      });
    }
  }
  return out;
}

Tensor layer_crop(const Tensor& full, const LayerGeometry& g) {
  const Extents3 f = pick(g, &AxisShape::full), m = pick(g, &AxisShape::output);
  const Extents3 p = pick_in(g, &AxisParams::p), op = pick_in(g, &AxisParams::op);
  Tensor out(extents_of({g.out}, m));
  const int64_t fcells = volume(f), mcells = volume(m);
  for (int64_t o = 0; o < g.out; ++o)
    for_each_cell(m, [&](int64_t z, int64_t y, int64_t x, int64_t at) {
      const std::array<int64_t, 3> src = {z + p[0], y + p[1], x + p[2]};
      bool past = false, kept = false;
      for (size_t a = 0; a < 3; ++a) {
        past = past || src[a] >= f[a];
        // Cells beyond F - p would be cropped without output_padding.
        kept = kept || (op[a] > 0 && src[a] >= f[a] - p[a] && src[a] < f[a]);
      }
      const auto to = static_cast<size_t>(o * mcells + at);
      if (past) {
        out.kinds[to] = CellKind::kAddedZero;
        return;
      }
      out.values[to] =
          full.values[static_cast<size_t>(o * fcells + flat(f, src[0], src[1], src[2]))];
      if (kept) out.kinds[to] = CellKind::kKeptByOutputPadding;
    });
  return out;
}

std::vector<int64_t> public_shape(const Tensor& t, int dims) {
  const size_t lead = t.extents.size() - 3;
  std::vector<int64_t> shape(t.extents.begin(), t.extents.begin() + static_cast<long>(lead));
  shape.insert(shape.end(), t.extents.end() - dims, t.extents.end());
  return shape;
}

std::vector<GridSlice> slices_of(const Tensor& t, int dims,
                                 const std::function<Message(const std::vector<int64_t>&)>& label) {
  const size_t lead = t.extents.size() - 3;
  const int64_t depth = t.extents[lead], rows = t.extents[lead + 1], cols = t.extents[lead + 2];
  int64_t leading = 1;
  for (size_t i = 0; i < lead; ++i) leading *= t.extents[i];
  std::vector<GridSlice> out;
  for (int64_t l = 0; l < leading; ++l) {
    std::vector<int64_t> index(lead);
    for (size_t i = lead, rest = static_cast<size_t>(l); i > 0; --i) {
      index[i - 1] = static_cast<int64_t>(rest % static_cast<size_t>(t.extents[i - 1]));
      rest /= static_cast<size_t>(t.extents[i - 1]);
    }
    const Message channel_label = label(index);
    for (int64_t z = 0; z < depth; ++z) {
      GridSlice slice;
      slice.index = index;
      slice.label = channel_label;
      if (dims == 3) {
        slice.index.push_back(z);
        slice.label =
            Message{MsgId::kSliceAtDepth, {{"what", channel_label}, {"z", std::to_string(z)}}};
        if (lead == 0) slice.label = Message{MsgId::kSliceDepth, {{"z", std::to_string(z)}}};
      }
      slice.grid = Grid(rows, cols);
      const int64_t base = (l * depth + z) * rows * cols;
      for (int64_t r = 0; r < rows; ++r)
        for (int64_t c = 0; c < cols; ++c) {
          const auto at = static_cast<size_t>(base + r * cols + c);
          slice.grid.set(r, c, t.values[at], t.kinds[at]);
        }
      out.push_back(std::move(slice));
    }
  }
  return out;
}

}  // namespace convt
