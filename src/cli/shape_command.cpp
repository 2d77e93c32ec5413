// `convt shape` (shape_command.h).
#include "cli/shape_command.h"

#include <CLI/CLI.hpp>

#include "cli/cli_describe.h"
#include "cli/option_rules.h"
#include "convt/params.h"
#include "convt/render_shape_tools.h"

namespace convt::cli {

void setup_shape(CLI::App& app, ShapeCommandOptions& o) {
  CLI::App* shape = app.add_subcommand(
      "shape",
      "The size arithmetic only: formula, forward-conv check, output_padding, weight shape and "
      "parameter count");
  add_size_options(*shape, o.sizes, 2);
  add_channel_options(*shape, o.channels);
  with_values(shape
                  ->add_option("--bias", o.bias,
                               "yes (default, PyTorch's bias=True) or no: whether the layer has "
                               "one bias value per output channel")
                  ->type_name("BOOL"),
              {"yes", "no"});
  shape->add_option("--m", o.m, "Check a claimed output size M or ROWSxCOLS: reachable, and how")
      ->type_name("SIZE");
  with_values(
      shape
          ->add_option("--compare", o.compare,
                       "tf: TensorFlow/Keras Conv2DTranspose's sizes and cells next to PyTorch's")
          ->type_name("NAME"),
      {"tf"});
  add_tool_output_options(*shape, o.output);
  shape->footer(
      "Examples:\n"
      "  convt shape --k 2 --s 2 --p 1 --n 2      why a 3x3 input of the conv does not come back\n"
      "  convt shape --k 3 --s 2 --p 1 --n 16 --m 32      which output_padding gives 32\n"
      "  convt shape --dims 1 --k 3 --s 2 --p 1 --op 1 --n 4 --compare tf      PyTorch vs Keras\n"
      "  convt shape --k 4 --s 2 --p 1 --n 8 --in-channels 16 --out-channels 32 --groups 4      "
      "weight [16, 8, 4, 4]\n");
}

std::string run_shape(const ShapeCommandOptions& o, const Environment& env) {
  Params params = parse_size_options(o.sizes, 2);
  parse_channel_options(o.channels, params);
  ShapeOptions options;
  options.bias = parse_yes_no(o.bias, "--bias");
  if (!o.m.empty())
    options.claimed = parse_axis_values(o.m, "--m", MsgId::kColOutputSize, 1, params.dims);
  check_compare(o.compare);
  options.compare_tf = !o.compare.empty();
  const ToolOutput output = tool_output(o.output, env);
  return render_shape(shape_report(params, options), output.format, output.render);
}

}  // namespace convt::cli
