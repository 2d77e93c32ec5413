#include "engine/stage_text.h"

#include <algorithm>
#include <utility>

namespace convt::stage_text {
namespace {

std::string str(int64_t v) { return std::to_string(v); }

/// Per-axis values picked by `field`, over the real axes of the problem.
template <typename F>
std::vector<int64_t> sizes(const std::vector<AxisShape>& shapes, F field) {
  std::vector<int64_t> out;
  for (const AxisShape& s : shapes) out.push_back(field(s));
  return out;
}

bool general_form(const Params& params) {
  return std::any_of(params.axes.begin(), params.axes.end(),
                     [](const AxisParams& a) { return a.d != 1 || a.op != 0; });
}

}  // namespace

bool axes_differ(const Params& params) {
  return std::any_of(params.axes.begin(), params.axes.end(),
                     [&](const AxisParams& a) { return !(a == params.axes[0]); });
}

std::vector<size_t> distinct_axes(const Params& params) {
  if (!axes_differ(params)) return {0};
  std::vector<size_t> all;
  for (size_t i = 0; i < params.axes.size(); ++i) all.push_back(i);
  return all;
}

std::vector<Message> axis_tag(const Params& params, size_t axis, bool differ) {
  if (params.dims == 1 || !differ) return {};
  const size_t from_last = params.axes.size() - 1 - axis;  // 0: cols, 1: rows, 2: depth
  return {{from_last == 0   ? MsgId::kTagCols
           : from_last == 1 ? MsgId::kTagRows
                            : MsgId::kTagDepth,
           {}}};
}

MessageArg axis_arg(std::string name, const std::vector<int64_t>& values) {
  if (std::all_of(values.begin(), values.end(), [&](int64_t v) { return v == values[0]; }))
    return {std::move(name), str(values[0])};
  if (values.size() == 3)
    return {
        std::move(name),
        Message{MsgId::kAxisValues3d,
                {{"depth", str(values[0])}, {"rows", str(values[1])}, {"cols", str(values[2])}}}};
  return {std::move(name),
          Message{MsgId::kAxisValues, {{"rows", str(values[0])}, {"cols", str(values[1])}}}};
}

MessageArg prose_size(std::string name, const std::vector<int64_t>& sizes) {
  if (sizes.size() == 1)
    return {std::move(name), Message{MsgId::kWordCellCount, {{"count", str(sizes[0])}}}};
  return {std::move(name), size_text(sizes)};
}

std::vector<Message> formula_explanation(const Params& params,
                                         const std::vector<AxisShape>& shapes) {
  std::vector<Message> out;
  out.push_back(
      {general_form(params) ? MsgId::kExplainFormulaGeneral : MsgId::kExplainFormula, {}});
  const bool differ = axes_differ(params);
  for (size_t i : distinct_axes(params)) {
    const AxisShape& s = shapes[i];
    const AxisParams& a = s.in;
    if (a.s <= 1) continue;
    const int64_t m = s.output - a.op;  // the size without output_padding
    out.push_back({MsgId::kExplainStrideAmbiguity,
                   {{"axis", axis_tag(params, i, differ)},
                    {"k", str(a.k)},
                    {"s", str(a.s)},
                    {"p", str(a.p)},
                    {"dilation", a.d != 1 ? ", d=" + str(a.d) : ""},
                    {"m", str(m)},
                    {"m_last", str(m + a.s - 1)},
                    {"n", str(a.n)}}});
  }
  return out;
}

bool nothing_cropped(const Params& params) {
  return std::all_of(params.axes.begin(), params.axes.end(),
                     [](const AxisParams& a) { return a.p == 0; });
}

std::vector<Message> output_explanation(const Params& params,
                                        const std::vector<AxisShape>& shapes) {
  std::vector<int64_t> start = sizes(shapes, [](const AxisShape& s) { return s.in.p; });
  std::vector<int64_t> end =
      sizes(shapes, [](const AxisShape& s) { return std::max<int64_t>(0, s.in.p - s.in.op); });
  const std::vector<int64_t> output = sizes(shapes, [](const AxisShape& s) { return s.output; });
  std::vector<Message> out;
  if (!nothing_cropped(params))
    out.push_back({params.dims == 1 ? MsgId::kExplainOutputCrop1d : MsgId::kExplainOutputCrop,
                   {axis_arg("start", start), axis_arg("end", end), prose_size("shape", output)}});
  else if (std::any_of(params.axes.begin(), params.axes.end(),
                       [](const AxisParams& a) { return a.op != 0; }))
    out.push_back({MsgId::kExplainOutputNoCropPadded, {}});  // the zeros added: said below
  else
    out.push_back({MsgId::kExplainOutputNoCrop, {prose_size("shape", output)}});
  const bool differ = axes_differ(params);
  for (size_t i : distinct_axes(params)) {
    const AxisParams& a = shapes[i].in;
    if (a.op == 0) continue;
    const int64_t kept = std::min(a.op, a.p);
    if (kept > 0)
      out.push_back({MsgId::kExplainOutputPaddingKept,
                     {{"op", str(a.op)},
                      {"axis", axis_tag(params, i, differ)},
                      {"count", str(kept)},
                      {"mark", CellKind::kKeptByOutputPadding}}});
    if (a.op > a.p)
      out.push_back({MsgId::kExplainOutputPaddingAdded,
                     {{"op", str(a.op)},
                      {"axis", axis_tag(params, i, differ)},
                      {"p", str(a.p)},
                      {"extra", str(a.op - a.p)},
                      {"mark", CellKind::kAddedZero}}});
  }
  return out;
}

std::vector<Message> default_note(bool is_default, int64_t count) {
  if (!is_default) return {};
  if (count == 1) return {{MsgId::kDefaultOne, {}}};
  return {{MsgId::kDefaultValues, {{"count", str(count)}}}};
}

}  // namespace convt::stage_text
