// `convt explain`: its options as typed, their declaration, and the run that derives and
// renders (text, unicode, markdown, latex, json, or the figures of --format svg).
#pragma once

#include <string>
#include <vector>

#include "cli/common_options.h"
#include "cli/environment.h"
#include "cli/run_cli.h"
#include "convt/shape_report.h"

namespace CLI {
class App;
}

namespace convt::cli {

/// The options of `convt explain`, as typed; parsed and judged by run_explain. An empty string
/// or vector means "not given" (run_cli refuses empty values).
struct ExplainOptions {
  SizeOptionText sizes;        ///< --n, --k, --s, --p, --d, --op, --dims
  ChannelOptionText channels;  ///< --in-channels, --out-channels, --groups
  std::vector<std::string> kernel, input;
  std::vector<std::string> bias;  ///< --bias V,V,...: one value per output channel; empty: none
  std::string format = "text";
  std::string stages;
  std::string width;
  std::string max_cells = "1000000";
  std::string digits;  ///< --digits N: decimals shown; empty: every digit of the exact value
  bool full = false;
  std::string color = "auto";
  bool standalone = false;
  std::string paper;  ///< --paper a4|letter: the page of --standalone; empty: not given
  bool quiet_text = false;
  bool symbolic = false;  ///< --symbolic: write the cells as sums of x*w
  std::string compare;    ///< --compare tf: add the TensorFlow/Keras comparison
  std::string out;        ///< --out DIR: the folder of --format svg
  bool force = false;     ///< --force: write into a folder that is not empty
  bool frames = false;    ///< --frames: the sliding kernel as one SVG per position
  std::string lang;       ///< --lang en|zh; empty: from the environment
};

/// The "Examples:" footer of `convt explain --help`, also the end of `convt --help` and of the
/// usage printed without arguments.
extern const char* const kExplainExamples;

/// Adds the subcommand "explain" to `app` with its options, stored into `options` when parsed
/// (`options` must outlive the parse).
void setup_explain(CLI::App& app, ExplainOptions& options);

/// Parses and judges `options`, derives and renders. Returns what goes to stdout: the rendered
/// document, or with --format svg the line naming the folder; the figures then go to `files`
/// (when not null) for `main` to write, after check_output_folder passed.
/// Judges in this order: the size options, --kernel, --input, --in-channels, --out-channels,
/// --groups, --bias, --format, --max-cells, --digits,
/// --stages, --width, --color, --lang, --paper, check_option_rules (option_rules.h),
/// check_render_limits (render.h: what the renderer would refuse for its size, before deriving),
/// the --out folder.
/// Throws Error for the first value or combination that is wrong.
std::string run_explain(const ExplainOptions& options, const Environment& env, CliFiles* files);

}  // namespace convt::cli
