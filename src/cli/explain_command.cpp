// `convt explain` (explain_command.h).
#include "cli/explain_command.h"

#include <CLI/CLI.hpp>
#include <optional>
#include <utility>

#include "cli/cli_describe.h"
#include "cli/common_options.h"
#include "cli/file_output.h"
#include "cli/option_rules.h"
#include "convt/derivation.h"
#include "convt/error.h"
#include "convt/params.h"
#include "convt/render.h"
#include "convt/render_shape_tools.h"
#include "convt/render_svg.h"
#include "convt/tf_compare.h"

namespace convt::cli {

// Footers: "Title:" then "  TERM  TEXT" lines; the man page is built from them (cli_describe.h).
const char* const kExplainExamples =
    "Examples:\n"
    "  convt explain --k 2 --s 1 --p 0 --n 2      2x2 kernel, 2x2 input: a 3x3 output\n"
    "  convt explain --k 2 --s 1 --p 1 --n 4      padding 1 crops a 5x5 result to 3x3\n"
    "  convt explain --k 3 --s 1 --p 1 --n 3      the 3x3 kernel 1..9: the shape comes back\n"
    "  convt explain --k 2 --s 2 --p 1 --n 2      stride 2: why the shape does not come back\n"
    "  convt explain --k 3 --s 2 --p 1 --op 1 --n 2 --format json      the same as JSON\n"
    "  convt explain --dims 1 --k 3 --s 2 --n 4 --kernel 1,0,-1      ConvTranspose1d\n"
    "  convt explain --k 2 --s 2 --n 2 --in-channels 2 --out-channels 4 --groups 2 --bias "
    "0.5,0,0,-1      a whole layer: channels, groups, bias\n"
    "  convt explain --dims 3 --k 2 --n 2x3x3      ConvTranspose3d, shown as depth slices\n"
    "  convt explain --k 2 --s 2 --p 1 --n 2 --symbolic      every cell as a sum x00*w11 + ...\n"
    "  convt explain --k 3 --s 2 --p 1 --n 2 --format python      a PyTorch script "
    "that recomputes every stage\n";

void setup_explain(CLI::App& app, ExplainOptions& o) {
  CLI::App* explain = app.add_subcommand(
      "explain", "Derive a transposed convolution step by step (nn.ConvTranspose1d/2d/3d)");
  add_size_options(*explain, o.sizes, 3);
  add_channel_options(*explain, o.channels);
  explain
      ->add_option("--kernel", o.kernel,
                   "Weight values [in][out/groups][k...], row-major (default 1, 2, ...)")
      ->type_name("LIST");
  explain->add_option("--input", o.input, "Input values [in][n...], row-major (default 1, 2, ...)")
      ->type_name("LIST");
  explain
      ->add_option("--bias", o.bias,
                   "One bias value per output channel, added after the crop (default: no bias)")
      ->type_name("LIST");
  with_values(explain
                  ->add_option("--format", o.format,
                               "text (default), unicode, markdown, latex, json, python (a "
                               "PyTorch script that checks every stage), or svg with --out "
                               "(see docs/formats.md, docs/figures.md)")
                  ->type_name("FORMAT"),
              format_names());
  with_values(explain->add_option("--stages", o.stages, "Only these stage ids, comma-separated")
                  ->type_name("LIST"),
              stage_names(), /*list=*/true);
  explain->add_option("--width", o.width, "Widest output line (default: terminal, or 100)")
      ->type_name("INT");
  explain->add_flag("--full", o.full, "Print every row and column of every grid");
  with_values(explain
                  ->add_option("--color", o.color,
                               "Colour text/unicode output: auto (default: on a terminal, "
                               "unless NO_COLOR), always or never")
                  ->type_name("WHEN"),
              {"auto", "always", "never"});
  explain->add_flag("--standalone", o.standalone,
                    "With --format latex: a complete document for pdflatex, not a fragment");
  with_values(explain
                  ->add_option("--paper", o.paper,
                               "With --standalone: the page size, a4 or letter (default: "
                               "LaTeX's, letter)")
                  ->type_name("PAPER"),
              {"a4", "letter"});
  explain->add_flag("--quiet-text", o.quiet_text,
                    "Leave out the explanation paragraphs (for slides)");
  explain->add_flag("--symbolic", o.symbolic,
                    "Write kernel and input as symbols w00, x00, ... and every cell as its sum "
                    "of products");
  explain
      ->add_option("--out", o.out, "With --format svg: the folder for the figures and index.html")
      ->type_name("DIR");
  explain->add_flag("--force", o.force, "With --out: write into a folder that is not empty");
  add_lang_option(*explain, o.lang);
  explain->add_flag("--frames", o.frames,
                    "With --format svg: the sliding kernel as one SVG per position, not animated");
  explain
      ->add_option("--max-cells", o.max_cells,
                   "Grids with more cells are elided or written sparsely (default 1000000)")
      ->type_name("INT");
  explain
      ->add_option("--digits", o.digits,
                   "Round every number shown to N decimals, 0 to 15 (the check still runs "
                   "on the exact values)")
      ->type_name("INT");
  with_values(explain
                  ->add_option("--compare", o.compare,
                               "tf: add TensorFlow/Keras Conv2DTranspose's sizes and cells")
                  ->type_name("NAME"),
              {"tf"});
  explain->footer(kExplainExamples);
}

namespace {

/// The most decimals --digits may ask for: kShownDigits, the most any value is shown with.
constexpr int64_t kMaxDigits = 15;

/// The words of a value list given as several arguments, each followed by a space.
std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& part : parts) out += part + " ";
  return out;
}

/// "text, json"
std::string comma_list(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

/// --format svg: renders the figures for `main` to write (run_cli.h: CliFiles) and returns the
/// line that says where they went.
std::string run_svg(const ExplainOptions& o, const Params& params, DeriveOptions derive_options,
                    const RenderOptions& render_options, CliFiles* files) {
  check_output_folder(o.out, o.force);
  SvgOptions svg;
  svg.width = o.width.empty() ? 100 : render_options.width;  // figures ignore the terminal
  svg.full = render_options.full;
  svg.max_cells = render_options.max_cells;
  svg.explanations = render_options.explanations;
  svg.stages = derive_options.stages;
  svg.frames = o.frames;
  svg.lang = render_options.lang;
  derive_options.stages.clear();  // a figure may draw other stages too (render_svg.h)
  std::vector<Figure> figures = render_svg(derive(params, derive_options), svg);
  std::string index = o.out + (o.out.back() == '/' ? "" : "/") + "index.html";
  std::string line =
      resolve({MsgId::kSvgWrote,
               {{"count", std::to_string(figures.size())}, {"dir", o.out}, {"index", index}}},
              render_options.lang);
  if (files != nullptr) {
    files->dir = o.out;
    files->figures = std::move(figures);
    files->lang = render_options.lang;
  }
  return line + "\n";
}

/// --paper: empty (not given), "a4" or "letter".
Paper parse_paper(const std::string& paper) {
  if (paper.empty()) return Paper::kDefault;
  if (paper == "a4") return Paper::kA4;
  if (paper == "letter") return Paper::kLetter;
  throw Error({MsgId::kErrUnknownChoice,
               {{"option", "--paper"}, {"value", paper}, {"valid", "a4, letter"}}});
}

}  // namespace

std::string run_explain(const ExplainOptions& o, const Environment& env, CliFiles* files) {
  Params params = parse_size_options(o.sizes);
  if (!o.kernel.empty()) params.kernel = parse_value_list(join(o.kernel), "--kernel");
  if (!o.input.empty()) params.input = parse_value_list(join(o.input), "--input");
  parse_channel_options(o.channels, params);
  if (!o.bias.empty()) params.bias = parse_value_list(join(o.bias), "--bias");

  const std::optional<Format> format = format_from_name(o.format);
  if (!format)
    throw Error(
        {MsgId::kErrUnknownFormat, {{"value", o.format}, {"valid", comma_list(format_names())}}});
  DeriveOptions derive_options;
  derive_options.limits.max_cells =
      parse_bounded(o.max_cells, "--max-cells", MsgId::kWordCellLimit, 1, Limits::kMaxCellsCap);
  if (!o.digits.empty())
    derive_options.digits = static_cast<int>(
        parse_bounded(o.digits, "--digits", MsgId::kWordDecimalPlaces, 0, kMaxDigits));
  if (!o.stages.empty()) derive_options.stages = parse_stage_list(o.stages);
  derive_options.symbolic = o.symbolic;
  RenderOptions render_options;
  render_options.width = output_width(o.width, env);
  render_options.full = o.full;
  render_options.max_cells = derive_options.limits.max_cells;
  render_options.explanations = !o.quiet_text;
  render_options.color = use_color(o.color, env);
  render_options.standalone = o.standalone;
  render_options.lang = choose_lang(o.lang, env);
  render_options.paper = parse_paper(o.paper);
  check_option_rules(ExplainChoices{.format = o.format,
                                    .standalone = o.standalone,
                                    .paper = !o.paper.empty(),
                                    .compare = o.compare,
                                    .has_out = !o.out.empty(),
                                    .frames = o.frames,
                                    .force = o.force,
                                    .symbolic = o.symbolic,
                                    .has_kernel = !o.kernel.empty(),
                                    .has_input = !o.input.empty(),
                                    .in_channels = params.in_channels,
                                    .out_channels = params.out_channels,
                                    .groups = params.groups,
                                    .has_bias = params.bias.has_value(),
                                    .dims = params.dims,
                                    .has_stages = !o.stages.empty(),
                                    .has_digits = !o.digits.empty()});
  // What the renderer would refuse for its size is refused before deriving (render.h).
  check_render_limits(params, derive_options, *format, render_options);
  if (*format == Format::kSvg) return run_svg(o, params, derive_options, render_options, files);

  const Derivation derivation = derive(params, derive_options);
  std::string text = render(derivation, *format, render_options);
  if (o.compare.empty()) return text;
  // The comparison is written as text for the text-like formats, else in the format itself.
  const ToolFormat tool_format = o.format == "json"       ? ToolFormat::kJson
                                 : o.format == "markdown" ? ToolFormat::kMarkdown
                                                          : ToolFormat::kText;
  return append_tf_compare(std::move(text), compare_tf(params, derivation.shapes), tool_format,
                           render_options);
}

}  // namespace convt::cli
