// The options several subcommands share (common_options.h).
#include "cli/common_options.h"

#include <CLI/CLI.hpp>

#include "cli/cli_describe.h"

namespace convt::cli {

void add_size_options(CLI::App& command, SizeOptionText& o) {
  command.add_option("-n,--n,--input-size", o.n, "Input size N or ROWSxCOLS (>= 1)")
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
  command.add_option("--dims", o.dims, "1 (ConvTranspose1d) or 2 (ConvTranspose2d, default)")
      ->type_name("INT");
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
