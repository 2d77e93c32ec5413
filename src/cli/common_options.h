// The options several subcommands share, declared once: the size options of explain and shape,
// --lang of every subcommand, and the output options of the shape tools (shape, solve, chain).
#pragma once

#include <cstdint>
#include <string>

#include "cli/environment.h"
#include "convt/render.h"
#include "convt/render_shape_tools.h"
#include "convt/shape_report.h"

namespace CLI {
class App;
}

namespace convt::cli {

/// Declares -n/--n, -k/--k, -s/--s, -p/--p, -d/--d, --op and --dims on `command` (n and k
/// required), in that order, storing the text as typed into `sizes`.
void add_size_options(CLI::App& command, SizeOptionText& sizes);

/// Declares --lang (en or zh) on `command`, storing it into `lang`; empty when not given.
void add_lang_option(CLI::App& command, std::string& lang);

/// The output options of the shape tools, as typed; empty: not given.
struct ToolOutputText {
  std::string format = "text";  ///< --format: text, markdown or json
  std::string width;            ///< --width
  std::string lang;             ///< --lang
};

/// Declares --format, --width and --lang on `command`, in that order, storing into `text`.
void add_tool_output_options(CLI::App& command, ToolOutputText& text);

/// The output options of a shape tool, judged.
struct ToolOutput {
  ToolFormat format = ToolFormat::kText;
  RenderOptions render;  ///< width and lang set, the rest default
};

/// Judges `text` in this order: --format (tool_format_from_name), --width (output_width), --lang
/// (choose_lang). Throws the Error of the first one that is wrong.
ToolOutput tool_output(const ToolOutputText& text, const Environment& env);

}  // namespace convt::cli
