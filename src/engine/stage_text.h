// The sentences and sentence arguments both derivations share (the one-channel derive() and the
// whole layer's derive_layer()): per-axis values, sizes in prose, the formula's and the crop's
// explanations, the note on default values. Language-free: each returns message ids with
// arguments, resolved by the renderers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "convt/messages.h"
#include "convt/params.h"
#include "convt/shape.h"

namespace convt::stage_text {

/// True when some axis differs from the first in any parameter (always false in 1-D).
bool axes_differ(const Params& params);

/// The indices of the axes that need their own sentences: every axis when they differ, {0}
/// otherwise.
std::vector<size_t> distinct_axes(const Params& params);

/// kTagDepth / kTagRows / kTagCols (" (rows)") for a sentence about one axis when the axes
/// differ (`differ`); nothing otherwise.
std::vector<Message> axis_tag(const Params& params, size_t axis, bool differ);

/// The argument `name` for a per-axis quantity: "2" when every axis has it, otherwise
/// kAxisValues ("2 (rows) / 1 (cols)") or kAxisValues3d.
MessageArg axis_arg(std::string name, const std::vector<int64_t>& values);

/// The argument `name` for a size in prose: the text "3 x 3" for two or three axes,
/// kWordCellCount ("9 cells") for one, where a bare "9" would not say what it counts.
MessageArg prose_size(std::string name, const std::vector<int64_t>& sizes);

/// The formula stage's sentences: the rule, and for each axis with stride > 1 why the shape
/// does not always come back (the sizes a forward convolution maps to the same n).
std::vector<Message> formula_explanation(const Params& params,
                                         const std::vector<AxisShape>& shapes);

/// True when the crop removes nothing: p = 0 on every axis.
bool nothing_cropped(const Params& params);

/// The output stage's sentences: what the crop removes, and what output_padding keeps or adds.
std::vector<Message> output_explanation(const Params& params, const std::vector<AxisShape>& shapes);

/// The note after values the user did not give: kDefaultOne or kDefaultValues
/// ("the default values 1, 2, ..., N"); nothing for given values.
std::vector<Message> default_note(bool is_default, int64_t count);

}  // namespace convt::stage_text
