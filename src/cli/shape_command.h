// `convt shape`: the size arithmetic of one layer, its options as typed, their declaration and
// the run.
#pragma once

#include <string>

#include "cli/common_options.h"
#include "cli/environment.h"
#include "convt/shape_report.h"

namespace CLI {
class App;
}

namespace convt::cli {

/// The options of `convt shape`, as typed; empty: not given.
struct ShapeCommandOptions {
  SizeOptionText sizes;        ///< --n, --k, --s, --p, --d, --op, --dims
  ChannelOptionText channels;  ///< --in-channels, --out-channels, --groups
  std::string bias = "yes";    ///< --bias yes|no: PyTorch's default bias=True
  std::string m;               ///< --m: a claimed output size to check
  std::string compare;         ///< --compare tf
  ToolOutputText output;
};

/// Adds the subcommand "shape" to `app` with its options, stored into `options` when parsed.
void setup_shape(CLI::App& app, ShapeCommandOptions& options);

/// Judges `options` (the sizes, the channels, --bias, --m, --compare, then the output options)
/// and renders the shape report. Throws Error for the first value that is wrong.
std::string run_shape(const ShapeCommandOptions& options, const Environment& env);

}  // namespace convt::cli
