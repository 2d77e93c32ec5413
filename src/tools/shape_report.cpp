#include "convt/shape_report.h"

#include <algorithm>
#include <limits>
#include <optional>

#include "convt/error.h"
#include "engine/checked.h"
#include "engine/formula_text.h"

namespace convt {
namespace {

std::string str(int64_t v) { return std::to_string(v); }

/// floor(a / b) for b > 0.
int64_t floor_div(int64_t a, int64_t b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

/// At most 8 sizes of first..last with their images: all, or the first 6 and the last 2.
std::vector<ForwardImage> listed_images(const AxisParams& a, int64_t first, int64_t last) {
  constexpr int64_t kAll = 8, kHead = 6, kTail = 2;
  std::vector<ForwardImage> out;
  auto add = [&](int64_t size) { out.push_back({size, *forward_conv_size(a, size)}); };
  if (last - first + 1 <= kAll) {
    for (int64_t size = first; size <= last; ++size) add(size);
  } else {
    for (int64_t size = first; size < first + kHead; ++size) add(size);
    for (int64_t size = last - kTail + 1; size <= last; ++size) add(size);
  }
  return out;
}

/// The shape of every axis of a report.
std::vector<AxisShape> shapes_of(const std::vector<ShapeAxis>& axes) {
  std::vector<AxisShape> out;
  for (const ShapeAxis& a : axes) out.push_back(a.shape);
  return out;
}

ClaimCheck check_claim(const ShapeAxis& axis, int64_t m) {
  const AxisParams& a = axis.shape.in;
  ClaimCheck claim;
  claim.m = m;
  const int64_t op = m - axis.base;
  claim.reachable = op >= 0 && op < axis.op_limit;
  if (claim.reachable) claim.op = op;
  claim.forward = forward_conv_size(a, m);
  if (!claim.reachable) {
    // m = F - 2p' + op' with p' >= 0 and 0 <= op' < max(s, d): the smallest such p'.
    const int64_t gap = axis.shape.full - m;  // 2p' - op'
    const int64_t p = std::max<int64_t>(0, (gap + 1) / 2);
    const int64_t other_op = 2 * p - gap;
    if (other_op >= 0 && other_op < axis.op_limit) {
      claim.other_p = p;
      claim.other_op = other_op;
    }
  }
  return claim;
}

/// The product of `factors`, or kErrOverflow naming `option` and `what` when it does not fit.
int64_t checked_product(const std::vector<int64_t>& factors, const char* option, MsgId what) {
  int64_t product = 1;
  for (int64_t factor : factors) {
    const std::optional<int64_t> next = checked_mul(product, factor);
    if (!next)
      throw Error({MsgId::kErrOverflow, {{"option", option}, {"what", Message{what, {}}}}});
    product = *next;
  }
  return product;
}

}  // namespace

int64_t parse_channel_count(const std::string& text, const std::string& option, MsgId what) {
  return parse_bounded(text, option, what, 1, kMaxChannels);
}

LayerCount count_layer(const LayerChannels& channels, const std::vector<AxisShape>& shapes) {
  // The channel rules are explain's (validate_params), judged on a layer of one cell without
  // explain's grid limits (the shape tools build no grids).
  Params rules;
  rules.dims = 1;
  rules.axes = {AxisParams{}};
  rules.in_channels = channels.in_channels;
  rules.out_channels = channels.out_channels;
  rules.groups = channels.groups;
  Limits unlimited;
  unlimited.max_cells = std::numeric_limits<int64_t>::max();
  validate_params(rules, unlimited);

  LayerCount count;
  count.channels = channels;
  // weight [in, out/groups, k...]: PyTorch's ConvTranspose weight, whose in_channels come first.
  count.weight_shape = {channels.in_channels, channels.out_channels / channels.groups};
  // output [out, m...] for one example.
  count.output_shape = {channels.out_channels};
  for (const AxisShape& shape : shapes) {
    count.weight_shape.push_back(shape.in.k);
    count.output_shape.push_back(shape.output);
  }
  count.weights = checked_product(count.weight_shape, "--k", MsgId::kWordWeightCount);
  count.bias_values = channels.bias ? channels.out_channels : 0;
  const std::optional<int64_t> parameters = checked_add(count.weights, count.bias_values);
  if (!parameters)
    throw Error({MsgId::kErrOverflow,
                 {{"option", "--k"}, {"what", Message{MsgId::kWordParameterTotal, {}}}}});
  count.parameters = *parameters;
  count.output_values = checked_product(count.output_shape, "--n", MsgId::kWordActivationSize);
  return count;
}

Params parse_size_options(const SizeOptionText& text, int max_dims) {
  Params params;
  params.dims = static_cast<int>(parse_bounded(text.dims, "--dims", MsgId::kWordDims, 1, max_dims));
  const int dims = params.dims;
  const auto n = parse_axis_values(text.n, "--n", MsgId::kWordInputSize, 1, dims);
  const auto k = parse_axis_values(text.k, "--k", MsgId::kWordKernelSize, 1, dims);
  const auto s = parse_axis_values(text.s, "--s", MsgId::kWordStride, 1, dims);
  const auto p = parse_axis_values(text.p, "--p", MsgId::kWordPadding, 0, dims);
  const auto d = parse_axis_values(text.d, "--d", MsgId::kWordDilation, 1, dims);
  const auto op = parse_axis_values(text.op, "--op", MsgId::kWordOutputPadding, 0, dims);
  params.axes.clear();
  for (size_t i = 0; i < static_cast<size_t>(dims); ++i)
    params.axes.push_back({n[i], k[i], s[i], p[i], d[i], op[i]});
  return params;
}

std::vector<AxisShape> validate_sizes(const Params& params) {
  Limits unlimited;
  unlimited.max_cells = std::numeric_limits<int64_t>::max();
  std::vector<AxisShape> shapes;
  for (size_t i = 0; i < params.axes.size(); ++i) {
    Params one;
    one.dims = 1;
    one.axes = {params.axes[i]};
    try {
      shapes.push_back(validate_params(one, unlimited).front());
    } catch (const Error& e) {
      const bool same = std::all_of(params.axes.begin(), params.axes.end(),
                                    [&](const AxisParams& a) { return a == params.axes[0]; });
      if (same) throw;
      // One axis alone is named nowhere; name it as explain does when the axes differ: rows,
      // cols, and depth first for dims 3.
      const size_t axis = params.dims == 3 ? i : i + 1;
      const MsgId tag = axis == 0   ? MsgId::kTagDepth
                        : axis == 1 ? MsgId::kTagRows
                                    : MsgId::kTagCols;
      Message message = e.message();
      for (MessageArg& arg : message.args)
        if (arg.name == "axis") arg = MessageArg("axis", Message{tag, {}});
      throw Error(message);
    }
  }
  return shapes;
}

std::optional<int64_t> forward_conv_size(const AxisParams& a, int64_t size) {
  const int64_t reach = size + 2 * a.p - a.d * (a.k - 1) - 1;
  if (reach < 0) return std::nullopt;
  return floor_div(reach, a.s) + 1;
}

bool needs_general_form(const std::vector<AxisParams>& axes) {
  return formula_text::general_form(axes);
}

std::string output_rule(bool general) { return formula_text::output_rule(general); }

std::string output_equation(const AxisShape& shape, bool general) {
  return formula_text::output_equation(shape, general);
}

std::string full_equation(const AxisShape& shape, bool general) {
  return formula_text::full_equation(shape, general);
}

std::string forward_rule(bool general) {
  return general ? "n = floor((m + 2p - d(k-1) - 1)/s) + 1" : "n = floor((m + 2p - k)/s) + 1";
}

std::string forward_equation(const AxisParams& a, int64_t size, bool general) {
  const std::string kernel_span = general ? str(a.d) + "*(" + str(a.k) + "-1) - 1" : str(a.k);
  return "floor((" + str(size) + " + 2*" + str(a.p) + " - " + kernel_span + ")/" + str(a.s) +
         ") + 1 = " + str(*forward_conv_size(a, size));
}

std::vector<int64_t> ShapeReport::output_size() const { return output_sizes(shapes_of(axes)); }

std::vector<int64_t> ShapeReport::full_size() const { return full_sizes(shapes_of(axes)); }

ShapeReport shape_report(const Params& params, const ShapeOptions& options) {
  ShapeReport report;
  report.params = params;
  const std::vector<AxisShape> shapes = validate_sizes(params);
  for (size_t i = 0; i < shapes.size(); ++i) {
    const AxisParams& a = shapes[i].in;
    ShapeAxis axis;
    axis.shape = shapes[i];
    axis.base = shapes[i].output - a.op;
    axis.op_limit = std::max(a.s, a.d);
    // forward(x) = n  <=>  (n-1)s <= x + 2p - d(k-1) - 1 <= (n-1)s + s-1  <=>  base <= x <=
    // base+s-1.
    axis.back_first = std::max<int64_t>(axis.base, 1);
    axis.back_last = axis.base + a.s - 1;
    axis.listed = listed_images(a, axis.back_first, axis.back_last);
    axis.forward_of_m = forward_conv_size(a, shapes[i].output);
    if (!options.claimed.empty()) axis.claim = check_claim(axis, options.claimed[i]);
    report.axes.push_back(std::move(axis));
  }
  report.layer =
      count_layer({params.in_channels, params.out_channels, params.groups, options.bias}, shapes);
  if (options.compare_tf) report.tf = compare_tf(params, shapes);
  return report;
}

}  // namespace convt
