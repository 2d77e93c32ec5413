// Private helpers of the shape tools' renderers (not part of the public API).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "convt/messages.h"
#include "convt/render.h"
#include "convt/shape_report.h"

namespace convt::tool_text {

/// The English (or options.lang) text of `message`.
inline std::string say(const Message& message, const RenderOptions& options) {
  return resolve(message, options.lang);
}

/// Lines being built into one output.
class Lines {
 public:
  explicit Lines(const RenderOptions& options) : options_(options) {}
  void line(std::string text) { lines_.push_back(std::move(text)); }
  void blank() { lines_.emplace_back(); }
  /// `text` word-wrapped to the width, each line indented.
  void paragraph(const std::string& text, int64_t indent);
  void add(const std::vector<std::string>& lines);
  std::string text() const;

 private:
  const RenderOptions& options_;
  std::vector<std::string> lines_;
};

/// "ConvTranspose2d" / "Conv1d" ... for `dims` axes.
std::string module_name(int dims, bool transposed);

/// " (rows)" / " (cols)" when the axes differ (`differ`), "" otherwise. The axes that need lines
/// of their own are engine/formula_text.h's distinct_axes.
std::string axis_tag(size_t axis, bool differ, const RenderOptions& options);

/// "rows: " / "cols: " when the axes differ, "" otherwise: the prefix of an axis's equations.
std::string axis_prefix(size_t axis, bool differ, const RenderOptions& options);

/// The overlap verdict of a layer, "even" or "uneven" in options.lang (see engine/overlap.h).
std::string verdict(bool even, const RenderOptions& options);

/// "2080 parameters: 2048 weights + 32 bias values", or "2048 parameters, all of them weights"
/// without bias, in options.lang.
std::string parameters_text(const LayerCount& count, const RenderOptions& options);

/// "`text`" for a Markdown cell or paragraph.
std::string code(const std::string& text);

}  // namespace convt::tool_text
