#include "convt/shape.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "convt/error.h"
#include "engine/checked.h"
#include "engine/formula_text.h"

namespace convt {
namespace {

const char* const kSizeOptions = "--n/--k/--s/--d";

[[noreturn]] void overflow(MessageArg what) {
  throw Error({MsgId::kErrOverflow, {{"option", kSizeOptions}, std::move(what)}});
}

/// `value`, or Error kErrOverflow naming the `formula` that overflowed ("(n-1)s").
int64_t must(std::optional<int64_t> value, const char* formula) {
  if (!value) overflow({"what", formula});
  return *value;
}

/// `value`, or Error kErrOverflow naming the `quantity` that overflowed (kWordGridSize).
int64_t must(std::optional<int64_t> value, MsgId quantity) {
  if (!value) overflow({"what", Message{quantity, {}}});
  return *value;
}

/// kTagRows / kTagCols (" (rows)") for messages about one axis when the axes differ; nothing
/// otherwise.
std::vector<Message> axis_suffix(const Params& params, size_t axis) {
  const bool same = std::all_of(params.axes.begin(), params.axes.end(),
                                [&](const AxisParams& a) { return a == params.axes[0]; });
  if (params.dims == 1 || same) return {};
  const size_t from_last = params.axes.size() - 1 - axis;  // 0: cols, 1: rows, 2: depth
  return {{from_last == 0   ? MsgId::kTagCols
           : from_last == 1 ? MsgId::kTagRows
                            : MsgId::kTagDepth,
           {}}};
}

/// The channel rules of nn.ConvTranspose: in_channels, out_channels, groups >= 1, and groups
/// divides both channel counts (each group joins in/groups input to out/groups output channels).
void validate_channels(const Params& params) {
  const std::pair<const char*, int64_t> counts[] = {{"--in-channels", params.in_channels},
                                                    {"--out-channels", params.out_channels},
                                                    {"--groups", params.groups}};
  for (const auto& [option, value] : counts)
    if (value < 1 || value > kMaxChannels)
      throw Error({MsgId::kErrChannelCount,
                   {{"option", option},
                    {"value", std::to_string(value)},
                    {"limit", std::to_string(kMaxChannels)}}});
  if (params.in_channels % params.groups != 0 || params.out_channels % params.groups != 0)
    throw Error({MsgId::kErrGroupsDivide,
                 {{"groups", std::to_string(params.groups)},
                  {"in", std::to_string(params.in_channels)},
                  {"out", std::to_string(params.out_channels)}}});
}

/// `field` of every element of `items`, in order.
template <typename T, typename F>
std::vector<int64_t> each(const std::vector<T>& items, F field) {
  std::vector<int64_t> out;
  for (const T& item : items) out.push_back(field(item));
  return out;
}

std::string signed_term(int64_t v) {
  return v < 0 ? "(" + std::to_string(v) + ")" : std::to_string(v);
}

}  // namespace

std::string size_text(const std::vector<int64_t>& values) {
  std::string out;
  for (size_t i = 0; i < values.size(); ++i) out += (i ? " x " : "") + std::to_string(values[i]);
  return out;
}

std::vector<int64_t> axis_values(const std::vector<AxisParams>& axes, int64_t AxisParams::*field) {
  return each(axes, [&](const AxisParams& a) { return a.*field; });
}

std::vector<AxisParams> axis_params(const std::vector<AxisShape>& shapes) {
  std::vector<AxisParams> out;
  for (const AxisShape& s : shapes) out.push_back(s.in);
  return out;
}

std::vector<int64_t> output_sizes(const std::vector<AxisShape>& shapes) {
  return each(shapes, [](const AxisShape& s) { return s.output; });
}

std::vector<int64_t> full_sizes(const std::vector<AxisShape>& shapes) {
  return each(shapes, [](const AxisShape& s) { return s.full; });
}

AxisShape axis_shape(const AxisParams& a) {
  AxisShape shape;
  shape.in = a;
  shape.inserted = must(checked_add(must(checked_mul(a.n - 1, a.s), "(n-1)s"), 1), "(n-1)s+1");
  shape.pad = must(checked_mul(a.d, a.k - 1), "d(k-1)");
  shape.dilated_k = must(checked_add(shape.pad, 1), "d(k-1)+1");
  shape.full = must(checked_add(shape.inserted, shape.pad), "F");
  shape.padded = must(checked_add(shape.full, shape.pad), MsgId::kWordPaddedInput);
  // m = F - 2p + op; p and op are below 2^31, so this cannot overflow once F fits.
  shape.output = shape.full - 2 * a.p + a.op;
  return shape;
}

int64_t largest_working_padding(const AxisShape& shape) {
  return std::max<int64_t>(0, (shape.full + shape.in.op - 1) / 2);
}

std::vector<AxisShape> validate_params(const Params& params, const Limits& limits) {
  if (params.dims < 1 || params.dims > 3)
    throw Error({MsgId::kErrDims, {{"value", std::to_string(params.dims)}}});
  validate_channels(params);
  if (params.axes.size() != static_cast<size_t>(params.dims))
    throw Error(
        {MsgId::kErrAxesMismatch,
         {{"dims", std::to_string(params.dims)}, {"count", std::to_string(params.axes.size())}}});
  std::vector<AxisShape> shapes;
  for (size_t i = 0; i < params.axes.size(); ++i) {
    const AxisParams& a = params.axes[i];
    AxisShape shape = axis_shape(a);
    int64_t limit = std::max(a.s, a.d);
    if (a.op >= limit)
      throw Error({MsgId::kErrOutputPadding,
                   {{"op", std::to_string(a.op)},
                    {"axis", axis_suffix(params, i)},
                    {"limit", std::to_string(limit)},
                    {"n", std::to_string(a.n)}}});
    if (shape.output < 1) {
      throw Error({MsgId::kErrNoOutput,
                   {{"p", std::to_string(a.p)},
                    {"axis", axis_suffix(params, i)},
                    {"equation", formula_text::output_sum(a)},
                    {"m", signed_term(shape.output)},
                    {"largest", std::to_string(largest_working_padding(shape))}}});
    }
    shapes.push_back(shape);
  }

  auto product = [&](auto field) {
    int64_t total = 1;
    for (const AxisShape& s : shapes)
      total = must(checked_mul(total, field(s)), MsgId::kWordGridSize);
    return total;
  };
  const int64_t taps = product([](const AxisShape& s) { return s.in.k; });
  const int64_t spatial_inputs = product([](const AxisShape& s) { return s.in.n; });
  // The whole tensors: the weight [in, out/groups, k...], the input [in, n...]; the F-grid,
  // padded input and output hold one grid per output (or input) channel.
  const int64_t per_group_out = params.out_channels / params.groups;
  const int64_t per_group_in = params.in_channels / params.groups;
  const int64_t kernel_cells = must(
      checked_mul(must(checked_mul(params.in_channels, per_group_out), MsgId::kWordGridSize), taps),
      MsgId::kWordGridSize);
  const int64_t input_cells =
      must(checked_mul(params.in_channels, spatial_inputs), MsgId::kWordGridSize);
  auto channels_times = [&](int64_t channels, int64_t cells) {
    return must(checked_mul(channels, cells), MsgId::kWordGridSize);
  };
  struct Stored {
    const char* stage;
    int64_t count;
    int64_t factor;  // of max_cells: Limits::kSparseFactor or kDenseFactor
  };
  // Every grid the engine allocates is at most one of these (inserted <= F <= padded; the
  // kernel, its flip and the input fit in the F-grid; C^T has C's non-zeros).
  const Stored stored[] = {
      // C's non-zeros: in * (out/groups) * prod(n) * prod(k).
      {"conv_matrix",
       must(checked_mul(kernel_cells, spatial_inputs), MsgId::kWordConvMatrixNonZeros),
       Limits::kSparseFactor},
      {"matrix_output",
       channels_times(params.out_channels, product([](const AxisShape& s) { return s.full; })),
       Limits::kDenseFactor},
      {"padded_input",
       channels_times(params.in_channels, product([](const AxisShape& s) { return s.padded; })),
       Limits::kDenseFactor},
      {"dilated_kernel",
       channels_times(params.out_channels * per_group_in,
                      product([](const AxisShape& s) { return s.dilated_k; })),
       Limits::kDenseFactor},
      {"output",
       channels_times(params.out_channels, product([](const AxisShape& s) { return s.output; })),
       Limits::kDenseFactor},
  };
  for (const Stored& s : stored) {
    const int64_t limit = limits.scaled(s.factor);
    if (s.count > limit)
      throw Error({MsgId::kErrTooManyEntries,
                   {{"option", kSizeOptions},
                    {"stage", s.stage},
                    {"count", std::to_string(s.count)},
                    {"limit", std::to_string(limit)},
                    {"factor", std::to_string(s.factor)},
                    {"max_cells", std::to_string(limits.max_cells)}}});
  }

  auto check_count = [&](const std::vector<double>& values, int64_t expected, const char* option,
                         const char* what, auto field) {
    if (values.empty() || static_cast<int64_t>(values.size()) == expected) return;
    std::vector<int64_t> per_axis;
    for (const AxisShape& s : shapes) per_axis.push_back(field(s));
    throw Error({MsgId::kErrValueCount,
                 {{"option", option},
                  {"expected", std::to_string(expected)},
                  {"got", std::to_string(values.size())},
                  {"shape", std::string(what) + " = " + size_text(per_axis)}}});
  };
  if (!params.whole_layer()) {
    check_count(params.kernel, kernel_cells, "--kernel", "k",
                [](const AxisShape& s) { return s.in.k; });
    check_count(params.input, input_cells, "--input", "n",
                [](const AxisShape& s) { return s.in.n; });
  } else {
    // The whole tensors, named with their shapes: "[in, out/groups, k] = [2, 1, 3 x 3]".
    auto tensor_count = [&](const std::vector<double>& values, int64_t expected, const char* option,
                            std::vector<int64_t> lead, const char* names,
                            int64_t AxisParams::*field) {
      if (values.empty() || static_cast<int64_t>(values.size()) == expected) return;
      for (const AxisShape& s : shapes) lead.push_back(s.in.*field);
      std::string list;
      for (int64_t v : lead) list += (list.empty() ? "" : ", ") + std::to_string(v);
      throw Error({MsgId::kErrValueCount,
                   {{"option", option},
                    {"expected", std::to_string(expected)},
                    {"got", std::to_string(values.size())},
                    {"shape", std::string(names) + " = [" + list + "]"}}});
    };
    tensor_count(params.kernel, kernel_cells, "--kernel", {params.in_channels, per_group_out},
                 "[in, out/groups, k...]", &AxisParams::k);
    tensor_count(params.input, input_cells, "--input", {params.in_channels}, "[in, n...]",
                 &AxisParams::n);
    if (params.bias && static_cast<int64_t>(params.bias->size()) != params.out_channels)
      throw Error({MsgId::kErrValueCount,
                   {{"option", "--bias"},
                    {"expected", std::to_string(params.out_channels)},
                    {"got", std::to_string(params.bias->size())},
                    {"shape", "[out] = [" + std::to_string(params.out_channels) + "]"}}});
  }
  // Every sum holds at most prod(k) products; keep them finite.
  auto largest = [](const std::vector<double>& values) {
    double m = 1.0;
    for (double v : values) m = std::max(m, std::fabs(v));
    return m;
  };
  // A sum holds at most (in/groups) * prod(k) products, plus the bias.
  double bound =
      largest(params.kernel) * largest(params.input) * static_cast<double>(per_group_in * taps);
  if (params.bias) bound += largest(*params.bias);
  if (!(bound < 1e300)) throw Error({MsgId::kErrValuesTooLarge, {}});
  return shapes;
}

}  // namespace convt
