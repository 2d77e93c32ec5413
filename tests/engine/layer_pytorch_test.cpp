// Every case of tests/fixtures/layer_cases.json (whole layers computed by PyTorch: channels,
// groups, bias, 1-D to 3-D; see tests/fixtures/README.md) against the engine: the weight and
// input stages, the output with its bias, the uncropped grid of every route, the conv matrix C
// and its transpose entry by entry, and the flipped weight W'. Every grid stage of a whole layer
// is read from its slices (derivation.h: Stage::slices), checked against Stage::shape.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "convt/derivation.h"
#include "convt/error.h"
#include "layer_fixture.h"

namespace {

using convt::Derivation;
using convt::Grid;
using convt::Params;
using convt::Stage;
using convt::StageId;
using convt::testing::compare_values;
using convt::testing::describe_layer;
using convt::testing::layer_cases;
using convt::testing::layer_params;
using convt::testing::layer_tolerance;
using convt::testing::unravel;
using nlohmann::json;

std::vector<int64_t> ints(const json& c, const char* key) {
  return c.at(key).get<std::vector<int64_t>>();
}
std::vector<double> numbers(const json& c, const char* key) {
  return c.at(key).get<std::vector<double>>();
}

int64_t product(const std::vector<int64_t>& v) {
  int64_t p = 1;
  for (int64_t x : v) p *= x;
  return p;
}

std::string text(const std::vector<int64_t>& v) {
  std::string out = "[";
  for (size_t i = 0; i < v.size(); ++i) out += (i ? "," : "") + std::to_string(v[i]);
  return out + "]";
}

/// A stage's tensor read from its slices, flattened row-major, or the reason it cannot be.
struct SliceRead {
  std::vector<double> values;
  std::string error;  ///< "" when the slices are laid out as derivation.h says
};

/// Reads stage `id` of a whole-layer derivation of `dims` spatial axes: checks that it has no
/// `grid`, that Stage::shape is `shape`, and that its slices are prod(shape[..L]) grids of
/// shape[L..] (1 x shape.back() in 1-D), L = shape.size() - min(dims, 2), in row-major order of
/// their `index`; returns their values concatenated (the tensor, row-major).
SliceRead read_slices(const Derivation& d, StageId id, const std::vector<int64_t>& shape) {
  SliceRead read;
  const std::string name(convt::stage_name(id));
  const Stage* stage = d.find(id);
  if (stage == nullptr) {
    read.error = "no stage " + name;
    return read;
  }
  if (stage->shape != shape) {
    read.error = name + ": Stage::shape " + text(stage->shape) + ", expected " + text(shape);
    return read;
  }
  if (stage->grid) {
    read.error = name + ": a whole-layer stage has a `grid` beside its slices";
    return read;
  }
  const int dims = d.params.dims;
  const size_t lead = shape.size() - static_cast<size_t>(std::min(dims, 2));
  const std::vector<int64_t> leading(shape.begin(), shape.begin() + static_cast<ptrdiff_t>(lead));
  const int64_t rows = dims == 1 ? 1 : shape[shape.size() - 2], cols = shape.back();
  const int64_t count = product(leading);
  if (static_cast<int64_t>(stage->slices.size()) != count) {
    read.error = name + ": " + std::to_string(stage->slices.size()) + " slices, expected " +
                 std::to_string(count);
    return read;
  }
  for (int64_t i = 0; i < count; ++i) {
    const convt::GridSlice& slice = stage->slices[static_cast<size_t>(i)];
    if (slice.index != unravel(i, leading)) {
      read.error = name + ": slice " + std::to_string(i) + " has index " + text(slice.index) +
                   ", expected " + text(unravel(i, leading));
      return read;
    }
    if (slice.grid.rows() != rows || slice.grid.cols() != cols) {
      read.error = name + ": slice " + text(slice.index) + " is " +
                   std::to_string(slice.grid.rows()) + " x " + std::to_string(slice.grid.cols()) +
                   ", expected " + std::to_string(rows) + " x " + std::to_string(cols);
      return read;
    }
    for (int64_t r = 0; r < rows; ++r)
      for (int64_t c = 0; c < cols; ++c) read.values.push_back(slice.grid.value(r, c));
  }
  return read;
}

/// Derives every case and calls f(case, index, derivation). A case the engine refuses fails.
template <typename F>
void for_each_case(F&& f) {
  const json& cases = layer_cases();
  for (size_t i = 0; i < cases.size(); ++i) {
    const json& c = cases[i];
    const Params p = layer_params(c);
    ASSERT_TRUE(p.whole_layer()) << describe_layer(c, i);
    Derivation d;
    try {
      d = convt::derive(p);
    } catch (const convt::Error& e) {
      ADD_FAILURE() << describe_layer(c, i)
                    << ": derive refused: " << convt::resolve(e.message(), convt::Lang::kEn);
      continue;
    }
    f(c, i, d);
  }
}

/// Expects stage `id` to hold `key` of the case (shape `key`_shape) within `tolerance`.
void expect_stage(const json& c, size_t i, const Derivation& d, StageId id, const char* key,
                  const std::vector<int64_t>& shape, double tolerance) {
  const SliceRead read = read_slices(d, id, shape);
  EXPECT_EQ(read.error, "") << describe_layer(c, i);
  if (!read.error.empty()) return;
  EXPECT_EQ(compare_values(read.values, numbers(c, key), tolerance), "")
      << convt::stage_name(id) << " against PyTorch's " << key << ", " << describe_layer(c, i);
}

TEST(LayerFixture, CoversTheRequiredKindsOfCases) {
  const json& cases = layer_cases();
  EXPECT_GE(cases.size(), 150u);
  std::map<int, int> by_dims;
  int depthwise = 0, partial_groups = 0, channels = 0, bias = 0, dilated = 0, output_padding = 0,
      given = 0, decimal = 0, asymmetric = 0, matrices = 0;
  for (const json& c : cases) {
    const int64_t in = c.at("in_channels"), out = c.at("out_channels"), g = c.at("groups");
    ++by_dims[c.at("dims").get<int>()];
    depthwise += g > 1 && g == in && g == out;
    partial_groups += g > 1 && (g != in || g != out);
    channels += in > 1 && out > 1 && in != out;
    bias += !c.at("bias").is_null();
    for (int64_t v : ints(c, "d")) dilated += v > 1;
    for (int64_t v : ints(c, "op")) output_padding += v > 0;
    given += !c.at("default_values").get<bool>();
    decimal += layer_tolerance(c) > 0;
    for (const char* key : {"n", "k", "s", "p", "d", "op"}) {
      const std::vector<int64_t> v = ints(c, key);
      asymmetric += std::adjacent_find(v.begin(), v.end(), std::not_equal_to<>()) != v.end();
    }
    matrices += c.contains("conv_matrix");
  }
  for (int dims : {1, 2, 3}) EXPECT_GE(by_dims[dims], 10) << "dims " << dims;
  EXPECT_GT(depthwise, 5);
  EXPECT_GT(partial_groups, 5);
  EXPECT_GT(channels, 5);
  EXPECT_GT(bias, 5);
  EXPECT_GT(dilated, 5);
  EXPECT_GT(output_padding, 5);
  EXPECT_GT(given, 5);
  EXPECT_GT(decimal, 5);
  EXPECT_GT(asymmetric, 5);
  EXPECT_GT(matrices, 100);
}

TEST(LayerFixture, DefaultValuesAreOneToCountOverTheWholeTensor) {
  for (size_t i = 0; i < layer_cases().size(); ++i) {
    const json& c = layer_cases()[i];
    const std::vector<double> weight = numbers(c, "weight"), input = numbers(c, "input");
    ASSERT_EQ(static_cast<int64_t>(weight.size()), product(ints(c, "weight_shape")));
    ASSERT_EQ(static_cast<int64_t>(input.size()), product(ints(c, "input_shape")));
    if (!c.at("default_values").get<bool>()) continue;
    for (size_t j = 0; j < weight.size(); ++j)
      ASSERT_EQ(weight[j], static_cast<double>(j + 1)) << describe_layer(c, i);
    for (size_t j = 0; j < input.size(); ++j)
      ASSERT_EQ(input[j], static_cast<double>(j + 1)) << describe_layer(c, i);
  }
}

TEST(LayerPyTorch, WeightAndInputStagesHoldTheWholeTensors) {
  for_each_case([](const json& c, size_t i, const Derivation& d) {
    // Default or given, the engine shows exactly the fixture's values.
    expect_stage(c, i, d, StageId::kKernel, "weight", ints(c, "weight_shape"), 0.0);
    expect_stage(c, i, d, StageId::kInput, "input", ints(c, "input_shape"), 0.0);
  });
}

TEST(LayerPyTorch, OutputWithBiasMatchesPyTorch) {
  int checked = 0;
  for_each_case([&](const json& c, size_t i, const Derivation& d) {
    EXPECT_TRUE(d.passed) << describe_layer(c, i);
    const std::vector<int64_t> shape = ints(c, "output_shape");
    EXPECT_EQ(d.output_size(), std::vector<int64_t>(shape.begin() + 1, shape.end()))
        << describe_layer(c, i);
    expect_stage(c, i, d, StageId::kOutput, "output", shape, layer_tolerance(c));
    ++checked;
  });
  EXPECT_EQ(checked, static_cast<int>(layer_cases().size()));
}

TEST(LayerPyTorch, EveryRouteGivesTheUncroppedGrid) {
  for_each_case([](const json& c, size_t i, const Derivation& d) {
    const std::vector<int64_t> shape = ints(c, "full_shape");
    EXPECT_EQ(d.full_size(), std::vector<int64_t>(shape.begin() + 1, shape.end()))
        << describe_layer(c, i);
    for (StageId id : {StageId::kMatrixOutput, StageId::kScatterOutput, StageId::kDirectOutput})
      expect_stage(c, i, d, id, "full", shape, layer_tolerance(c));
  });
}

TEST(LayerPyTorch, FlippedKernelIsTheWeightSwappedPerGroupAndFlipped) {
  for_each_case([](const json& c, size_t i, const Derivation& d) {
    // A permutation of the weight's values: exact.
    expect_stage(c, i, d, StageId::kFlippedKernel, "flipped_weight",
                 ints(c, "flipped_weight_shape"), 0.0);
  });
}

/// The tensor of `shape` whose cell at `index` is source[source_index] when map(index) gives a
/// source index, else 0: zero insertion, padding and dilation spread a tensor's cells apart.
template <typename Map>
std::vector<double> spread(const std::vector<double>& source, const std::vector<int64_t>& shape,
                           Map map) {
  std::vector<double> out(static_cast<size_t>(product(shape)), 0.0);
  for (int64_t i = 0; i < product(shape); ++i) {
    const int64_t from = map(unravel(i, shape));
    if (from >= 0) out[static_cast<size_t>(i)] = source[static_cast<size_t>(from)];
  }
  return out;
}

/// The flat index of `index` in a tensor of `shape`, or -1 when it lies outside.
int64_t ravel(const std::vector<int64_t>& index, const std::vector<int64_t>& shape) {
  int64_t flat = 0;
  for (size_t a = 0; a < shape.size(); ++a) {
    if (index[a] < 0 || index[a] >= shape[a]) return -1;
    flat = flat * shape[a] + index[a];
  }
  return flat;
}

TEST(LayerPyTorch, DirectRouteTensorsFollowFromTheInputAndTheFlippedWeight) {
  // zero_inserted [in, (n-1)s+1 ...]: x at multiples of s; padded_input: d(k-1) zeros more on
  // every side; dilated_kernel [out, in/g, d(k-1)+1 ...] (only when some d > 1): W' with taps d
  // apart. PyTorch's conv over these gives `full` (asserted by the generator).
  for_each_case([](const json& c, size_t i, const Derivation& d) {
    const std::vector<int64_t> n = ints(c, "n"), k = ints(c, "k"), s = ints(c, "s"),
                               dil = ints(c, "d");
    const size_t dims = n.size();
    const std::vector<int64_t> input_shape = ints(c, "input_shape");
    const std::vector<int64_t> flipped_shape = ints(c, "flipped_weight_shape");
    std::vector<int64_t> inserted = {input_shape[0]}, padded = {input_shape[0]},
                         dilated = {flipped_shape[0], flipped_shape[1]};
    for (size_t a = 0; a < dims; ++a) {
      inserted.push_back((n[a] - 1) * s[a] + 1);
      padded.push_back(inserted.back() + 2 * dil[a] * (k[a] - 1));
      dilated.push_back(dil[a] * (k[a] - 1) + 1);
    }
    const std::vector<double> input = numbers(c, "input");
    auto at_stride = [&](std::vector<int64_t> index, int64_t border) {
      for (size_t a = 0; a < dims; ++a) {
        const int64_t at = index[a + 1] - border * dil[a] * (k[a] - 1);
        if (at < 0 || at % s[a] != 0) return int64_t{-1};
        index[a + 1] = at / s[a];
      }
      return ravel(index, input_shape);
    };
    auto check = [&](StageId id, const std::vector<int64_t>& shape,
                     const std::vector<double>& expected) {
      const SliceRead read = read_slices(d, id, shape);
      EXPECT_EQ(read.error, "") << describe_layer(c, i);
      if (!read.error.empty()) return;
      EXPECT_EQ(compare_values(read.values, expected, 0.0), "")
          << convt::stage_name(id) << ", " << describe_layer(c, i);
    };
    check(StageId::kZeroInserted, inserted,
          spread(input, inserted, [&](auto index) { return at_stride(index, 0); }));
    check(StageId::kPaddedInput, padded,
          spread(input, padded, [&](auto index) { return at_stride(index, 1); }));
    const bool any_dilation = std::any_of(dil.begin(), dil.end(), [](int64_t v) { return v > 1; });
    if (!any_dilation) {
      EXPECT_EQ(d.find(StageId::kDilatedKernel), nullptr) << describe_layer(c, i);
      return;
    }
    check(StageId::kDilatedKernel, dilated,
          spread(numbers(c, "flipped_weight"), dilated, [&](std::vector<int64_t> index) {
            for (size_t a = 0; a < dims; ++a) {
              if (index[a + 2] % dil[a] != 0) return int64_t{-1};
              index[a + 2] /= dil[a];
            }
            return ravel(index, flipped_shape);
          }));
  });
}

TEST(LayerPyTorch, OverlapIsSpatialOnly) {
  for_each_case([](const json& c, size_t i, const Derivation& d) {
    const std::vector<int64_t> shape = ints(c, "output_shape");
    const Stage* overlap = d.find(StageId::kOverlap);
    ASSERT_NE(overlap, nullptr) << describe_layer(c, i);
    EXPECT_EQ(overlap->shape, std::vector<int64_t>(shape.begin() + 1, shape.end()))
        << describe_layer(c, i);
    EXPECT_EQ(d.find(StageId::kScatterStamps), nullptr) << describe_layer(c, i);
  });
}

/// The (row, col) -> value map of the case's C (its non-zero triples).
std::map<std::pair<int64_t, int64_t>, double> conv_matrix_entries(const json& c) {
  std::map<std::pair<int64_t, int64_t>, double> entries;
  for (const json& t : c.at("conv_matrix"))
    entries[{t.at(0).get<int64_t>(), t.at(1).get<int64_t>()}] = t.at(2).get<double>();
  return entries;
}

/// "" when `grid` (C, or C^T when `transposed`) holds exactly `expected` and zeros elsewhere,
/// else the first difference as "(row, col): expected e, got a" in C's coordinates.
std::string compare_matrix(const Grid& grid,
                           const std::map<std::pair<int64_t, int64_t>, double>& expected,
                           bool transposed) {
  std::string error;
  auto report = [&](int64_t r, int64_t col, double want, double got) {
    if (!error.empty()) return;
    std::ostringstream out;
    out.precision(17);
    out << "C(" << r << ", " << col << "): expected " << want << ", got " << got;
    error = out.str();
  };
  // Every entry the grid holds is PyTorch's (or a zero PyTorch leaves out) ...
  grid.for_each_entry([&](int64_t r, int64_t col, double v) {
    if (transposed) std::swap(r, col);
    const auto it = expected.find({r, col});
    const double want = it == expected.end() ? 0.0 : it->second;
    if (v != want) report(r, col, want, v);
  });
  // ... and every entry of PyTorch's C is in the grid.
  for (const auto& [cell, want] : expected) {
    const double got =
        transposed ? grid.value(cell.second, cell.first) : grid.value(cell.first, cell.second);
    if (got != want) report(cell.first, cell.second, want, got);
  }
  return error;
}

/// "" when labels numbers index i as the cell unravel(i, shape) of a tensor of `shape`.
std::string compare_labels(const convt::AxisLabels& labels, int64_t count,
                           const std::vector<int64_t>& shape) {
  for (int64_t i = 0; i < count; ++i)
    if (labels.coords(i) != unravel(i, shape))
      return "index " + std::to_string(i) + " labelled " + text(labels.coords(i)) + ", expected " +
             text(unravel(i, shape));
  return "";
}

TEST(LayerPyTorch, ConvMatrixMatchesTheForwardConvolutionOnBasisTensors) {
  int with_matrix = 0;
  for_each_case([&](const json& c, size_t i, const Derivation& d) {
    const std::vector<int64_t> shape = ints(c, "conv_matrix_shape");
    const int64_t rows = shape[0], cols = shape[1];
    const Stage* cm = d.find(StageId::kConvMatrix);
    const Stage* ct = d.find(StageId::kTransposedMatrix);
    ASSERT_TRUE(cm != nullptr && cm->grid) << describe_layer(c, i);
    ASSERT_TRUE(ct != nullptr && ct->grid) << describe_layer(c, i);
    EXPECT_EQ(cm->shape, shape) << describe_layer(c, i);
    EXPECT_EQ(ct->shape, (std::vector<int64_t>{cols, rows})) << describe_layer(c, i);
    EXPECT_TRUE(cm->slices.empty() && ct->slices.empty()) << describe_layer(c, i);
    ASSERT_EQ(cm->grid->rows(), rows) << describe_layer(c, i);
    ASSERT_EQ(cm->grid->cols(), cols) << describe_layer(c, i);
    ASSERT_EQ(ct->grid->rows(), cols) << describe_layer(c, i);
    ASSERT_EQ(ct->grid->cols(), rows) << describe_layer(c, i);
    // Rows are the input cells (c, a...), columns the F-grid cells (o, i...), channel-major.
    const std::vector<int64_t> input_shape = ints(c, "input_shape");
    const std::vector<int64_t> full_shape = ints(c, "full_shape");
    EXPECT_EQ(compare_labels(cm->grid->row_labels, rows, input_shape), "")
        << "conv_matrix rows, " << describe_layer(c, i);
    EXPECT_EQ(compare_labels(cm->grid->col_labels, cols, full_shape), "")
        << "conv_matrix columns, " << describe_layer(c, i);
    EXPECT_EQ(compare_labels(ct->grid->row_labels, cols, full_shape), "")
        << "transposed_matrix rows, " << describe_layer(c, i);
    EXPECT_EQ(compare_labels(ct->grid->col_labels, rows, input_shape), "")
        << "transposed_matrix columns, " << describe_layer(c, i);
    // C's non-zeros are in * (out/groups) * prod(n) * prod(k) (fewer when a weight is 0).
    const int64_t nonzeros = c.at("in_channels").get<int64_t>() *
                             (c.at("out_channels").get<int64_t>() / c.at("groups").get<int64_t>()) *
                             product(ints(c, "n")) * product(ints(c, "k"));
    EXPECT_LE(cm->grid->nonzeros(), nonzeros) << describe_layer(c, i);
    if (!c.contains("conv_matrix")) return;
    ++with_matrix;
    EXPECT_EQ(c.at("conv_matrix_nonzeros").get<int64_t>(), nonzeros) << describe_layer(c, i);
    const auto expected = conv_matrix_entries(c);
    EXPECT_EQ(compare_matrix(*cm->grid, expected, false), "")
        << "conv_matrix, " << describe_layer(c, i);
    EXPECT_EQ(compare_matrix(*ct->grid, expected, true), "")
        << "transposed_matrix, " << describe_layer(c, i);
  });
  EXPECT_GT(with_matrix, 100);
}

}  // namespace
