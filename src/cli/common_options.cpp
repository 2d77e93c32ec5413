// The options several subcommands share (common_options.h).
#include "cli/common_options.h"

#include <CLI/CLI.hpp>

#include "cli/cli_describe.h"
#include "convt/error.h"

namespace convt::cli {

void add_size_options(CLI::App& command, SizeOptionText& o, int max_dims) {
  const bool three = max_dims == 3;
  command
      .add_option("-n,--n,--input-size", o.n,
                  three ? "Input size N, ROWSxCOLS or DEPTHxROWSxCOLS (>= 1)"
                        : "Input size N or ROWSxCOLS (>= 1)")
      ->type_name("SIZE")
      ->required();
  command.add_option("-k,--k,--kernel-size", o.k, "Kernel size (>= 1)")
      ->type_name("SIZE")
      ->required();
  command.add_option("-s,--s,--stride", o.s, "Stride (>= 1, default 1)")->type_name("SIZE");
  command.add_option("-p,--p,--padding", o.p, "Padding (>= 0, default 0)")->type_name("SIZE");
  command.add_option("-d,--d,--dilation", o.d, "Dilation (>= 1, default 1)")->type_name("SIZE");
  command
      .add_option("--op,--output-padding", o.op,
                  "output_padding (>= 0, < max(stride, dilation), default 0)")
      ->type_name("SIZE");
  command
      .add_option("--dims", o.dims,
                  three ? "1 (ConvTranspose1d), 2 (ConvTranspose2d, default) or 3 "
                          "(ConvTranspose3d: sizes DEPTHxROWSxCOLS)"
                        : "1 (ConvTranspose1d) or 2 (ConvTranspose2d, default)")
      ->type_name("INT");
}

void add_channel_options(CLI::App& command, ChannelOptionText& o) {
  command.add_option("--in-channels", o.in, "in_channels, 1 to 4096 (default 1)")->type_name("INT");
  command.add_option("--out-channels", o.out, "out_channels, 1 to 4096 (default 1)")
      ->type_name("INT");
  command
      .add_option("--groups", o.groups,
                  "groups, 1 to 4096, dividing both channel counts (default 1)")
      ->type_name("INT");
}

void parse_channel_options(const ChannelOptionText& text, Params& params) {
  if (!text.in.empty())
    params.in_channels = parse_channel_count(text.in, "--in-channels", MsgId::kWordInChannels);
  if (!text.out.empty())
    params.out_channels = parse_channel_count(text.out, "--out-channels", MsgId::kWordOutChannels);
  if (!text.groups.empty())
    params.groups = parse_channel_count(text.groups, "--groups", MsgId::kWordGroups);
}

bool parse_yes_no(const std::string& text, const std::string& option) {
  if (text == "yes") return true;
  if (text == "no") return false;
  throw Error(
      {MsgId::kErrUnknownChoice, {{"option", option}, {"value", text}, {"valid", "yes, no"}}});
}

void add_lang_option(CLI::App& command, std::string& lang) {
  with_values(command
                  .add_option("--lang", lang,
                              "Language of the prose: en or zh (default: zh when LC_ALL/LANG "
                              "start with zh, else en)")
                  ->type_name("LANG"),
              {"en", "zh"});
}

void add_tool_output_options(CLI::App& command, ToolOutputText& text) {
  with_values(command.add_option("--format", text.format, "text (default), markdown or json")
                  ->type_name("FORMAT"),
              {"text", "markdown", "json"});
  command.add_option("--width", text.width, "Widest line of prose (default: terminal, or 100)")
      ->type_name("INT");
  add_lang_option(command, text.lang);
}

ToolOutput tool_output(const ToolOutputText& text, const Environment& env) {
  ToolOutput output;
  output.format = tool_format_from_name(text.format);
  output.render.width = output_width(text.width, env);
  output.render.lang = choose_lang(text.lang, env);
  return output;
}

}  // namespace convt::cli
