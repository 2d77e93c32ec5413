// `convt chain`: the sizes through a stack of layers; its options as typed, their declaration
// and the run.
#pragma once

#include <string>
#include <vector>

#include "cli/common_options.h"
#include "cli/environment.h"

namespace CLI {
class App;
}

namespace convt::cli {

/// The options of `convt chain`, as typed; empty: not given.
struct ChainCommandOptions {
  std::string n, dims = "2";
  std::vector<std::string> layer;  ///< --layer, once per layer
  std::string layers;              ///< --layers: all layers, comma-separated
  std::string in_channels;         ///< --in-channels: the input's channels; empty: 1
  std::string bias = "yes";        ///< --bias yes|no: every layer's bias (PyTorch's default)
  ToolOutputText output;
};

/// Adds the subcommand "chain" to `app` with its options, stored into `options` when parsed.
void setup_chain(CLI::App& app, ChainCommandOptions& options);

/// Judges `options` (--dims, --n, --in-channels, --bias, the layer rules of
/// check_option_rules(ChainChoices), the layers, then the output options), runs the chain and
/// renders it. Throws Error for the first value or combination that is wrong.
std::string run_chain(const ChainCommandOptions& options, const Environment& env);

}  // namespace convt::cli
