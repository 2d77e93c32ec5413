// Private helpers of the shape tools' renderers (not part of the public API).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "convt/messages.h"
#include "convt/params.h"
#include "convt/render.h"

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

/// The axes that need their own lines: {0} when every axis is the same, {0, 1} otherwise.
std::vector<size_t> distinct_axes(const std::vector<AxisParams>& axes);

/// " (rows)" / " (cols)" when the axes differ (`differ`), "" otherwise.
std::string axis_tag(size_t axis, bool differ, const RenderOptions& options);

/// "rows: " / "cols: " when the axes differ, "" otherwise: the prefix of an axis's equations.
std::string axis_prefix(size_t axis, bool differ, const RenderOptions& options);

/// "`text`" for a Markdown cell or paragraph.
std::string code(const std::string& text);

}  // namespace convt::tool_text
