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
/// required), in that order, storing the text as typed into `sizes`. `max_dims` (2 or 3) is the
/// largest --dims the command takes, as its help says (parse_size_options judges it).
void add_size_options(CLI::App& command, SizeOptionText& sizes, int max_dims);

/// The channel options as typed; empty: not given (1 each).
struct ChannelOptionText {
  std::string in;      ///< --in-channels
  std::string out;     ///< --out-channels
  std::string groups;  ///< --groups
};

/// Declares --in-channels, --out-channels and --groups on `command`, in that order.
void add_channel_options(CLI::App& command, ChannelOptionText& channels);

/// Parses the channel options into `params` (in_channels, out_channels, groups), each a whole
/// number from 1 to kMaxChannels (parse_channel_count), in that order. Does not judge whether
/// groups divides the channels (validate_params does). Throws Error naming the option.
void parse_channel_options(const ChannelOptionText& text, Params& params);

/// Declares --lang (en or zh) on `command`, storing it into `lang`; empty when not given.
void add_lang_option(CLI::App& command, std::string& lang);

/// --bias of the shape tools: "yes" (true) or "no" (false).
/// Throws Error kErrUnknownChoice naming `option` for anything else.
bool parse_yes_no(const std::string& text, const std::string& option);

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
