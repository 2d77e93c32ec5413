// `convt chain` (chain_command.h).
#include "cli/chain_command.h"

#include <CLI/CLI.hpp>
#include <cstdint>

#include "cli/cli_describe.h"
#include "cli/option_rules.h"
#include "convt/chain.h"
#include "convt/params.h"
#include "convt/render_shape_tools.h"

namespace convt::cli {

void setup_chain(CLI::App& app, ChainCommandOptions& o) {
  CLI::App* chain = app.add_subcommand(
      "chain", "The sizes through a stack of transposed convolutions, layer by layer");
  chain->add_option("-n,--n,--input-size", o.n, "Input size N or ROWSxCOLS (>= 1)")
      ->type_name("SIZE")
      ->required();
  chain->add_option("--dims", o.dims, "1 (ConvTranspose1d) or 2 (ConvTranspose2d, default)")
      ->type_name("INT");
  chain
      ->add_option("--layer", o.layer,
                   "One layer such as k4s2p1c64 (tokens k, s, p, d, op; per axis k3x1; c "
                   "out_channels, g groups); repeat it")
      ->type_name("LAYER");
  chain->add_option("--layers", o.layers, "All layers, comma-separated: k4s1p0,k4s2p1,...")
      ->type_name("LIST");
  chain
      ->add_option("--in-channels", o.in_channels,
                   "The input's channels, 1 to 4096 (default 1); a layer without c keeps its "
                   "input's channels")
      ->type_name("INT");
  with_values(chain
                  ->add_option("--bias", o.bias,
                               "yes (default, PyTorch's bias=True) or no: whether every layer has "
                               "one bias value per output channel")
                  ->type_name("BOOL"),
              {"yes", "no"});
  add_tool_output_options(*chain, o.output);
  chain->footer(
      "Examples:\n"
      "  convt chain --n 1 --layers k4s1p0,k4s2p1,k4s2p1,k4s2p1,k4s2p1      DCGAN's generator\n"
      "  convt chain --n 7 --layer k3s2p1op1 --layer k3s2p1op1      7 -> 14 -> 28\n"
      "  convt chain --n 1 --in-channels 100 --layers "
      "k4s1p0c512,k4s2p1c256,k4s2p1c128,k4s2p1c64,k4s2p1c3      DCGAN with its channels\n");
}

std::string run_chain(const ChainCommandOptions& o, const Environment& env) {
  const int dims = static_cast<int>(parse_bounded(o.dims, "--dims", MsgId::kWordDims, 1, 2));
  const std::vector<int64_t> n = parse_axis_values(o.n, "--n", MsgId::kWordInputSize, 1, dims);
  ChainChannels channels;
  if (!o.in_channels.empty())
    channels.in_channels =
        parse_channel_count(o.in_channels, "--in-channels", MsgId::kWordInChannels);
  channels.bias = parse_yes_no(o.bias, "--bias");
  check_option_rules(ChainChoices{.has_layer = !o.layer.empty(), .has_layers = !o.layers.empty()});
  std::vector<LayerSpec> layers;
  if (!o.layers.empty()) {
    layers = parse_layer_list(o.layers, dims);
  } else {
    for (size_t i = 0; i < o.layer.size(); ++i)
      layers.push_back(parse_layer(o.layer[i], "--layer", i + 1, dims));
  }
  const ToolOutput output = tool_output(o.output, env);
  return render_chain(convt::run_chain(dims, n, layers, channels), output.format, output.render);
}

}  // namespace convt::cli
