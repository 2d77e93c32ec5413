// Renderers of the shape tools: `convt shape`, `convt solve`, `convt chain` and the
// TensorFlow/Keras comparison, each as text, Markdown or JSON (docs/shape-tools.md documents the
// JSON). They return strings and never print.
#pragma once

#include <string>

#include "convt/chain.h"
#include "convt/render.h"
#include "convt/shape_report.h"
#include "convt/solve.h"
#include "convt/tf_compare.h"

namespace convt {

/// Output formats of the shape tools.
enum class ToolFormat { kText, kMarkdown, kJson };

/// "text", "markdown" or "json" -> the format. Throws Error
/// "--format: unknown format 'x'; choose one of: text, markdown, json".
ToolFormat tool_format_from_name(const std::string& name);

/// `convt shape`: the formula per axis, the forward-convolution check, the claim (--m) and the
/// TensorFlow comparison (--compare tf). Text prose wraps at options.width.
std::string render_shape(const ShapeReport& report, ToolFormat format,
                         const RenderOptions& options);

/// `convt solve`: one solution per line (a table row in Markdown, an object in JSON), or the
/// nearest reachable sizes when there is none.
std::string render_solve(const SolveResult& result, ToolFormat format,
                         const RenderOptions& options);

/// `convt chain`: the size after each layer with its formula and overlap verdict.
std::string render_chain(const ChainResult& chain, ToolFormat format, const RenderOptions& options);

/// The TensorFlow comparison as a section of text or Markdown (ending in a newline), or as the
/// JSON value of the "compare_tf" member.
std::string render_tf_compare(const TfComparison& tf, ToolFormat format,
                              const RenderOptions& options);

/// `convt explain --compare tf`: explain's output with the comparison added, as a last section
/// (text, Markdown) or as a "compare_tf" member of the top-level object (JSON).
std::string append_tf_compare(std::string explain_output, const TfComparison& tf, ToolFormat format,
                              const RenderOptions& options);

}  // namespace convt
