// convt's command line as a function (run_cli.h): CLI11 wiring, parse -> derive -> render.
#include <sys/ioctl.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <new>
#include <sstream>
#include <string>
#include <vector>

#include "convt/chain.h"
#include "convt/derivation.h"
#include "convt/error.h"
#include "cli/file_output.h"
#include "convt/params.h"
#include "convt/render.h"
#include "convt/render_svg.h"
#include "convt/render_shape_tools.h"
#include "convt/shape_report.h"
#include "convt/solve.h"
#include "tools/tool_output.h"
#include "text/style.h"
#include "convt/version.h"
#include "cli/cli_describe.h"
#include "cli/run_cli.h"

namespace {

/// The options of `convt explain`, as typed; parsed and judged by the library.
struct ExplainOptions {
  std::string n, k, s = "1", p = "0", d = "1", op = "0", dims = "2";
  std::vector<std::string> kernel, input;
  std::string format = "text";
  std::string stages;
  std::string width;
  std::string max_cells = "1000000";
  bool full = false;
  std::string color = "auto";
  bool standalone = false;
  bool quiet_text = false;
  bool symbolic = false;  ///< --symbolic: write the cells as sums of x*w
  std::string compare;  ///< --compare tf: add the TensorFlow/Keras comparison
  std::string out;      ///< --out DIR: the folder of --format svg
  bool force = false;   ///< --force: write into a folder that is not empty
  bool frames = false;  ///< --frames: the sliding kernel as one SVG per position
  std::string lang;     ///< --lang en|zh; empty: from LC_ALL / LANG
};

/// The options of `convt shape`, as typed.
struct ShapeCommandOptions {
  convt::SizeOptionText sizes;
  std::string m;  ///< --m: a claimed output size to check
  std::string compare;
  std::string format = "text";
  std::string width;
  std::string lang;
};

/// The options of `convt solve`, as typed.
struct SolveCommandOptions {
  std::string n, m, dims = "2";
  std::string max_k = "7", max_s = "4", max_d = "2";
  std::string k, s;
  bool even = false;
  std::string format = "text";
  std::string width;
  std::string lang;
};

/// The options of `convt chain`, as typed.
struct ChainCommandOptions {
  std::string n, dims = "2";
  std::vector<std::string> layer;
  std::string layers;
  std::string format = "text";
  std::string width;
  std::string lang;
};

// Footers: "Title:" then "  TERM  TEXT" lines; the man page is built from them (cli_describe.h).
constexpr const char* kExamples =
    "Examples:\n"
    "  convt explain --k 2 --s 1 --p 0 --n 2      2x2 kernel, 2x2 input: a 3x3 output\n"
    "  convt explain --k 2 --s 1 --p 1 --n 4      padding 1 crops a 5x5 result to 3x3\n"
    "  convt explain --k 3 --s 1 --p 1 --n 3      the 3x3 kernel 1..9: the shape comes back\n"
    "  convt explain --k 2 --s 2 --p 1 --n 2      stride 2: why the shape does not come back\n"
    "  convt explain --k 3 --s 2 --p 1 --op 1 --n 2 --format json      the same as JSON\n"
    "  convt explain --dims 1 --k 3 --s 2 --n 4 --kernel 1,0,-1      ConvTranspose1d\n"
    "  convt explain --k 2 --s 2 --p 1 --n 2 --symbolic      every cell as a sum x00*w11 + ...\n";

constexpr const char* kExitStatus =
    "Exit status:\n"
    "  0  success\n"
    "  1  the output could not be written\n"
    "  2  bad input: one line on stderr names the option and the rule\n";

/// --lang of every subcommand.
void add_lang_option(CLI::App* command, std::string& lang) {
  convt::cli::with_values(
      command->add_option("--lang", lang,
                          "Language of the prose: en or zh (default: zh when LC_ALL/LANG start "
                          "with zh, else en)"),
      {"en", "zh"});
}

void setup_explain(CLI::App& app, ExplainOptions& o) {
  CLI::App* explain = app.add_subcommand(
      "explain", "Derive a transposed convolution step by step (nn.ConvTranspose1d/2d)");
  explain->add_option("-n,--n,--input-size", o.n, "Input size N or ROWSxCOLS (>= 1)")->required();
  explain->add_option("-k,--k,--kernel-size", o.k, "Kernel size (>= 1)")->required();
  explain->add_option("-s,--s,--stride", o.s, "Stride (>= 1, default 1)");
  explain->add_option("-p,--p,--padding", o.p, "Padding (>= 0, default 0)");
  explain->add_option("-d,--d,--dilation", o.d, "Dilation (>= 1, default 1)");
  explain->add_option("--op,--output-padding", o.op,
                      "output_padding (>= 0, < max(stride, dilation), default 0)");
  explain->add_option("--dims", o.dims, "1 (ConvTranspose1d) or 2 (ConvTranspose2d, default)");
  explain->add_option("--kernel", o.kernel, "Kernel values, row-major (default 1, 2, ...)");
  explain->add_option("--input", o.input, "Input values, row-major (default 1, 2, ...)");
  convt::cli::with_values(
      explain->add_option("--format", o.format,
                          "text (default), unicode, markdown, latex, json, or svg with --out "
                          "(see docs/formats.md, docs/figures.md)"),
      convt::format_names());
  convt::cli::with_values(
      explain->add_option("--stages", o.stages, "Only these stage ids, comma-separated"),
      convt::stage_names(), /*list=*/true);
  explain->add_option("--width", o.width, "Widest output line (default: terminal, or 100)");
  explain->add_flag("--full", o.full, "Print every row and column of every grid");
  convt::cli::with_values(
      explain->add_option("--color", o.color,
                          "Colour text/unicode output: auto (default: on a terminal, unless "
                          "NO_COLOR), always or never"),
      {"auto", "always", "never"});
  explain->add_flag("--standalone", o.standalone,
                    "With --format latex: a complete document for pdflatex, not a fragment");
  explain->add_flag("--quiet-text", o.quiet_text,
                    "Leave out the explanation paragraphs (for slides)");
  explain->add_flag("--symbolic", o.symbolic,
                    "Write kernel and input as symbols w00, x00, ... and every cell as its sum "
                    "of products");
  explain->add_option("--out", o.out,
                      "With --format svg: the folder for the figures and index.html");
  explain->add_flag("--force", o.force, "With --out: write into a folder that is not empty");
  add_lang_option(explain, o.lang);
  explain->add_flag("--frames", o.frames,
                    "With --format svg: the sliding kernel as one SVG per position, not animated");
  explain->add_option("--max-cells", o.max_cells,
                      "Grids with more cells are elided or written sparsely (default 1000000)");
  convt::cli::with_values(
      explain->add_option("--compare", o.compare,
                          "tf: add TensorFlow/Keras Conv2DTranspose's sizes and cells"),
      {"tf"});
  explain->footer(kExamples);
}

constexpr const char* kShapeExamples =
    "Examples:\n"
    "  convt shape --k 2 --s 2 --p 1 --n 2      why a 3x3 input of the conv does not come back\n"
    "  convt shape --k 3 --s 2 --p 1 --n 16 --m 32      which output_padding gives 32\n"
    "  convt shape --dims 1 --k 3 --s 2 --p 1 --op 1 --n 4 --compare tf      PyTorch vs Keras\n";

constexpr const char* kSolveExamples =
    "Examples:\n"
    "  convt solve --n 16 --m 32      every layer that doubles 16\n"
    "  convt solve --n 16 --m 32 --even      only checkerboard-free ones\n"
    "  convt solve --n 7 --m 28 --s 4 --max-k 9      stride 4, kernels up to 9\n";

constexpr const char* kChainExamples =
    "Examples:\n"
    "  convt chain --n 1 --layers k4s1p0,k4s2p1,k4s2p1,k4s2p1,k4s2p1      DCGAN's generator\n"
    "  convt chain --n 7 --layer k3s2p1op1 --layer k3s2p1op1      7 -> 14 -> 28\n";

/// The size options shared by `explain` and `shape`.
void add_size_options(CLI::App* command, convt::SizeOptionText& o) {
  command->add_option("-n,--n,--input-size", o.n, "Input size N or ROWSxCOLS (>= 1)")->required();
  command->add_option("-k,--k,--kernel-size", o.k, "Kernel size (>= 1)")->required();
  command->add_option("-s,--s,--stride", o.s, "Stride (>= 1, default 1)");
  command->add_option("-p,--p,--padding", o.p, "Padding (>= 0, default 0)");
  command->add_option("-d,--d,--dilation", o.d, "Dilation (>= 1, default 1)");
  command->add_option("--op,--output-padding", o.op,
                      "output_padding (>= 0, < max(stride, dilation), default 0)");
  command->add_option("--dims", o.dims, "1 (ConvTranspose1d) or 2 (ConvTranspose2d, default)");
}

/// --format and --width of the shape tools.
void add_tool_output_options(CLI::App* command, std::string& format, std::string& width) {
  convt::cli::with_values(
      command->add_option("--format", format, "text (default), markdown or json"),
      {"text", "markdown", "json"});
  command->add_option("--width", width, "Widest line of prose (default: terminal, or 100)");
}

void setup_shape(CLI::App& app, ShapeCommandOptions& o) {
  CLI::App* shape = app.add_subcommand(
      "shape", "The size arithmetic only: formula, forward-conv check, output_padding");
  add_size_options(shape, o.sizes);
  shape->add_option("--m", o.m, "Check a claimed output size M or ROWSxCOLS: reachable, and how");
  convt::cli::with_values(
      shape->add_option("--compare", o.compare,
                        "tf: TensorFlow/Keras Conv2DTranspose's sizes and cells next to PyTorch's"),
      {"tf"});
  add_tool_output_options(shape, o.format, o.width);
  add_lang_option(shape, o.lang);
  shape->footer(kShapeExamples);
}

void setup_solve(CLI::App& app, SolveCommandOptions& o) {
  CLI::App* solve = app.add_subcommand(
      "solve", "Every layer (k, s, p, d, output_padding) that maps size n to size m");
  solve->add_option("-n,--n,--input-size", o.n, "Input size N or ROWSxCOLS (>= 1)")->required();
  solve->add_option("--m,--output-size", o.m, "Wanted output size M or ROWSxCOLS (>= 1)")
      ->required();
  solve->add_option("--dims", o.dims, "1 (ConvTranspose1d) or 2 (ConvTranspose2d, default)");
  solve->add_option("--max-k", o.max_k, "Search kernel sizes up to this (1-64, default 7)");
  solve->add_option("--max-s", o.max_s, "Search strides up to this (1-64, default 4)");
  solve->add_option("--max-d", o.max_d, "Search dilations up to this (1-16, default 2)");
  solve->add_option("-k,--k,--kernel-size", o.k, "Only this kernel size (1-64; N or ROWSxCOLS)");
  solve->add_option("-s,--s,--stride", o.s, "Only this stride (1-64; N or ROWSxCOLS)");
  solve->add_flag("--even", o.even, "Only layers with even overlap (no checkerboard artifacts)");
  add_tool_output_options(solve, o.format, o.width);
  add_lang_option(solve, o.lang);
  solve->footer(kSolveExamples);
}

void setup_chain(CLI::App& app, ChainCommandOptions& o) {
  CLI::App* chain = app.add_subcommand(
      "chain", "The sizes through a stack of transposed convolutions, layer by layer");
  chain->add_option("-n,--n,--input-size", o.n, "Input size N or ROWSxCOLS (>= 1)")->required();
  chain->add_option("--dims", o.dims, "1 (ConvTranspose1d) or 2 (ConvTranspose2d, default)");
  chain->add_option("--layer", o.layer,
                    "One layer such as k4s2p1 (tokens k, s, p, d, op; per axis k3x1); repeat it");
  chain->add_option("--layers", o.layers, "All layers, comma-separated: k4s1p0,k4s2p1,...");
  add_tool_output_options(chain, o.format, o.width);
  add_lang_option(chain, o.lang);
  chain->footer(kChainExamples);
}

/// The width of the terminal on stdout, or 100 when stdout is not a terminal.
int64_t default_width() {
  winsize ws{};
  if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20)
    return ws.ws_col;
  return 100;
}

/// Whether to colour: --color decides, then NO_COLOR / CLICOLOR_FORCE, then whether stdout is
/// a terminal whose TERM is not dumb (convt::decide_color). The only place that reads them.
bool use_color(const std::string& flag) {
  std::optional<convt::ColorMode> mode = convt::color_mode_from_name(flag);
  if (!mode)
    throw convt::Error({convt::MsgId::kErrUnknownChoice,
                        {{"option", "--color"}, {"value", flag}, {"valid", "auto, always, never"}}});
  auto env = [](const char* name) -> std::optional<std::string> {
    const char* value = std::getenv(name);
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  };
  convt::TerminalFacts facts;
  facts.stdout_is_tty = isatty(STDOUT_FILENO) != 0;
  facts.term = env("TERM");
  facts.no_color = env("NO_COLOR");
  facts.clicolor_force = env("CLICOLOR_FORCE");
  return convt::decide_color(*mode, facts);
}

/// The language of the environment: zh when LC_ALL (or, when LC_ALL is unset or empty, LANG)
/// starts with "zh", else en. The only place that reads them; renderers get RenderOptions.lang.
convt::Lang environment_lang() {
  const char* value = std::getenv("LC_ALL");
  if (value == nullptr || *value == '\0') value = std::getenv("LANG");
  if (value != nullptr && std::string_view(value).rfind("zh", 0) == 0) return convt::Lang::kZh;
  return convt::Lang::kEn;
}

/// --lang decides; without it, the environment (environment_lang).
convt::Lang choose_lang(const std::string& flag) {
  if (flag.empty()) return environment_lang();
  if (flag == "zh") return convt::Lang::kZh;
  if (flag == "en") return convt::Lang::kEn;
  throw convt::Error(
      {convt::MsgId::kErrUnknownChoice, {{"option", "--lang"}, {"value", flag}, {"valid", "en, zh"}}});
}

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& part : parts) out += part + " ";
  return out;
}

/// `message` as one line of printable text: the values it quotes come from the command line
/// and may hold newlines or terminal escapes, which are written as \n, \r, \t or \xNN.
std::string one_line(const std::string& message) {
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (char ch : message) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (c >= 0x20 && c != 0x7f) {
      out += ch;
    } else if (c == '\n' || c == '\r' || c == '\t') {
      out += c == '\n' ? "\\n" : c == '\r' ? "\\r" : "\\t";
    } else {
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

/// "text, json"
std::string comma_list(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

/// --out, --force and --frames belong to --format svg, which needs --out; no TensorFlow
/// comparison in figures.
void check_svg_options(const ExplainOptions& o, bool svg) {
  if (svg && o.out.empty()) throw convt::Error({convt::MsgId::kErrSvgNeedsOut, {}});
  if (!svg && !o.out.empty())
    throw convt::Error({convt::MsgId::kErrOutNeedsSvg, {{"value", o.format}}});
  if (!svg && o.frames) throw convt::Error({convt::MsgId::kErrSvgOnly, {{"option", "--frames"}}});
  if (!svg && o.force) throw convt::Error({convt::MsgId::kErrSvgOnly, {{"option", "--force"}}});
  if (svg && !o.compare.empty())
    throw convt::Error({convt::MsgId::kErrCompareFormat, {{"value", o.format}}});
}

/// --format svg: renders the figures for `main` to write (run_cli.h: CliFiles) and returns the
/// line that says where they went.
std::string run_svg(const ExplainOptions& o, const convt::Params& params,
                    convt::DeriveOptions derive_options, const convt::RenderOptions& render_options,
                    convt::CliFiles* files) {
  convt::check_output_folder(o.out, o.force);
  convt::SvgOptions svg;
  svg.width = o.width.empty() ? 100 : render_options.width;  // figures ignore the terminal
  svg.full = render_options.full;
  svg.max_cells = render_options.max_cells;
  svg.explanations = render_options.explanations;
  svg.stages = derive_options.stages;
  svg.frames = o.frames;
  svg.lang = render_options.lang;
  derive_options.stages.clear();  // a figure may draw other stages too (render_svg.h)
  std::vector<convt::Figure> figures = convt::render_svg(convt::derive(params, derive_options), svg);
  std::string index = o.out + (o.out.back() == '/' ? "" : "/") + "index.html";
  std::string line = convt::resolve({convt::MsgId::kSvgWrote,
                                     {{"count", std::to_string(figures.size())},
                                      {"dir", o.out},
                                      {"index", index}}},
                                    render_options.lang);
  if (files != nullptr) {
    files->dir = o.out;
    files->figures = std::move(figures);
    files->lang = render_options.lang;
  }
  return line + "\n";
}

std::string run_explain(const ExplainOptions& o, convt::CliFiles* files) {
  using convt::parse_axis_values;
  convt::Params params;
  params.dims = static_cast<int>(convt::parse_bounded(o.dims, "--dims", convt::MsgId::kWordDims, 1, 2));
  const int dims = params.dims;
  auto n = parse_axis_values(o.n, "--n", convt::MsgId::kWordInputSize, 1, dims);
  auto k = parse_axis_values(o.k, "--k", convt::MsgId::kWordKernelSize, 1, dims);
  auto s = parse_axis_values(o.s, "--s", convt::MsgId::kWordStride, 1, dims);
  auto p = parse_axis_values(o.p, "--p", convt::MsgId::kWordPadding, 0, dims);
  auto d = parse_axis_values(o.d, "--d", convt::MsgId::kWordDilation, 1, dims);
  auto op = parse_axis_values(o.op, "--op", convt::MsgId::kWordOutputPadding, 0, dims);
  params.axes.clear();
  for (size_t i = 0; i < static_cast<size_t>(dims); ++i)
    params.axes.push_back({n[i], k[i], s[i], p[i], d[i], op[i]});
  if (!o.kernel.empty()) params.kernel = convt::parse_value_list(join(o.kernel), "--kernel");
  if (!o.input.empty()) params.input = convt::parse_value_list(join(o.input), "--input");

  std::optional<convt::Format> format = convt::format_from_name(o.format);
  if (!format)
    throw convt::Error({convt::MsgId::kErrUnknownFormat,
                        {{"value", o.format}, {"valid", comma_list(convt::format_names())}}});
  convt::DeriveOptions derive_options;
  derive_options.limits.max_cells =
      convt::parse_bounded(o.max_cells, "--max-cells", convt::MsgId::kWordCellLimit, 1,
                           convt::Limits::kMaxCellsCap);
  if (!o.stages.empty()) derive_options.stages = convt::parse_stage_list(o.stages);
  derive_options.symbolic = o.symbolic;
  convt::RenderOptions render_options;
  render_options.width = o.width.empty()
                             ? default_width()
                             : convt::parse_bounded(o.width, "--width", convt::MsgId::kWordOutputWidth, 20, 100000);
  render_options.full = o.full;
  render_options.max_cells = derive_options.limits.max_cells;
  render_options.explanations = !o.quiet_text;
  render_options.color = use_color(o.color);
  if (o.standalone && *format != convt::Format::kLatex)
    throw convt::Error({convt::MsgId::kErrStandaloneFormat, {{"value", o.format}}});
  render_options.standalone = o.standalone;
  render_options.lang = choose_lang(o.lang);

  if (!o.compare.empty() && o.compare != "tf")
    throw convt::Error({convt::MsgId::kErrUnknownCompare, {{"value", o.compare}}});
  if (!o.compare.empty() && o.format != "text" && o.format != "unicode" &&
      o.format != "markdown" && o.format != "json")
    throw convt::Error({convt::MsgId::kErrCompareFormat, {{"value", o.format}}});

  check_svg_options(o, *format == convt::Format::kSvg);
  if (*format == convt::Format::kSvg)
    return run_svg(o, params, derive_options, render_options, files);

  convt::Derivation derivation = convt::derive(params, derive_options);
  std::string text = convt::render(derivation, *format, render_options);
  if (o.compare.empty()) return text;
  // The comparison is written as text for the text-like formats, else in the format itself.
  const convt::ToolFormat tool_format = o.format == "json"       ? convt::ToolFormat::kJson
                                        : o.format == "markdown" ? convt::ToolFormat::kMarkdown
                                                                 : convt::ToolFormat::kText;
  return convt::append_tf_compare(std::move(text),
                                  convt::compare_tf(params, derivation.shapes), tool_format,
                                  render_options);
}

/// --width of the shape tools: the terminal's, or 100 when piped.
int64_t tool_width(const std::string& width) {
  return width.empty() ? default_width()
                       : convt::parse_bounded(width, "--width", convt::MsgId::kWordOutputWidth, 20, 100000);
}

std::string run_shape(const ShapeCommandOptions& o) {
  convt::Params params = convt::parse_size_options(o.sizes);
  convt::ShapeOptions options;
  if (!o.m.empty())
    options.claimed = convt::parse_axis_values(o.m, "--m", convt::MsgId::kColOutputSize, 1, params.dims);
  if (!o.compare.empty() && o.compare != "tf")
    throw convt::Error({convt::MsgId::kErrUnknownCompare, {{"value", o.compare}}});
  options.compare_tf = !o.compare.empty();
  const convt::ToolFormat format = convt::tool_format_from_name(o.format);
  convt::RenderOptions render_options;
  render_options.width = tool_width(o.width);
  render_options.lang = choose_lang(o.lang);
  return convt::render_shape(convt::shape_report(params, options), format, render_options);
}

std::string run_solve(const SolveCommandOptions& o) {
  convt::SolveQuery query;
  query.dims = static_cast<int>(convt::parse_bounded(o.dims, "--dims", convt::MsgId::kWordDims, 1, 2));
  query.n = convt::parse_axis_values(o.n, "--n", convt::MsgId::kWordInputSize, 1, query.dims);
  query.m = convt::parse_axis_values(o.m, "--m", convt::MsgId::kColOutputSize, 1, query.dims);
  query.max_k = convt::parse_bounded(o.max_k, "--max-k", convt::MsgId::kWordLargestKernelSize, 1,
                                     convt::kSolveMaxK);
  query.max_s = convt::parse_bounded(o.max_s, "--max-s", convt::MsgId::kWordLargestStride, 1,
                                     convt::kSolveMaxS);
  query.max_d = convt::parse_bounded(o.max_d, "--max-d", convt::MsgId::kWordLargestDilation, 1,
                                     convt::kSolveMaxD);
  if (!o.k.empty()) query.k = convt::parse_axis_values(o.k, "--k", convt::MsgId::kWordKernelSize, 1, query.dims);
  if (!o.s.empty()) query.s = convt::parse_axis_values(o.s, "--s", convt::MsgId::kWordStride, 1, query.dims);
  query.even_only = o.even;
  const convt::ToolFormat format = convt::tool_format_from_name(o.format);
  convt::RenderOptions render_options;
  render_options.width = tool_width(o.width);
  render_options.lang = choose_lang(o.lang);
  return convt::render_solve(convt::solve(query), format, render_options);
}

std::string run_chain(const ChainCommandOptions& o) {
  const int dims = static_cast<int>(convt::parse_bounded(o.dims, "--dims", convt::MsgId::kWordDims, 1, 2));
  const std::vector<int64_t> n = convt::parse_axis_values(o.n, "--n", convt::MsgId::kWordInputSize, 1, dims);
  if (!o.layer.empty() && !o.layers.empty())
    throw convt::Error({convt::MsgId::kErrLayerAndLayers, {}});
  std::vector<convt::LayerSpec> layers;
  if (!o.layers.empty()) {
    layers = convt::parse_layer_list(o.layers, dims);
  } else {
    for (size_t i = 0; i < o.layer.size(); ++i)
      layers.push_back(convt::parse_layer(o.layer[i], "--layer", i + 1, dims));
  }
  if (layers.empty()) throw convt::Error({convt::MsgId::kErrNoLayers, {}});
  const convt::ToolFormat format = convt::tool_format_from_name(o.format);
  convt::RenderOptions render_options;
  render_options.width = tool_width(o.width);
  render_options.lang = choose_lang(o.lang);
  return convt::render_chain(convt::run_chain(dims, n, layers), format, render_options);
}

/// CLI11's messages, made one line that names the option where CLI11 does not.
std::string parse_error_text(const CLI::ParseError& e, convt::Lang lang) {
  std::string what = e.what();
  if (e.get_name() == "ArgumentMismatch" && what.rfind("--", 0) == 0) {
    std::string option = what.substr(0, what.find(':'));
    // CLI11 reports both "given twice" and "given without its value" as a mismatch.
    const bool missing = what.find("missing") != std::string::npos;
    return convt::resolve(
        {missing ? convt::MsgId::kErrMissingValue : convt::MsgId::kErrRepeated, {{"option", option}}},
        lang);
  }
  for (char& c : what)
    if (c == '\n') c = ' ';
  return what;
}

/// Refuses what CLI11 lets through but convt's rules do not: an option given an empty value
/// (the commands read an empty string as "not given", so `--width ""` would be silently
/// ignored) and a flag given twice (options given twice are refused by CLI11 already).
void check_given_options(const CLI::App& app) {
  for (const CLI::App* command : app.get_subcommands())
    for (const CLI::Option* option : command->get_options()) {
      if (option->count() == 0) continue;
      if (option->get_expected_min() == 0 && option->count() > 1)  // a flag
        throw convt::Error({convt::MsgId::kErrRepeated, {{"option", option->get_name()}}});
      for (const std::string& value : option->results())
        if (value.empty())
          throw convt::Error({convt::MsgId::kErrEmptyValue, {{"option", option->get_name()}}});
    }
}

}  // namespace

int convt::run_cli(int argc, char** argv, std::string& out, std::string& err, CliFiles* files) {
  auto fail = [&err](const std::string& message) {
    err += "convt: " + one_line(message) + "\n";
    return 2;
  };
  // Errors before --lang is parsed are in the environment's language; later ones in --lang's.
  convt::Lang lang = environment_lang();
  CLI::App app{"convt: transposed convolution, explained step by step"};
  app.set_version_flag("--version", std::string("convt ") + convt::kVersion);
  app.footer(std::string(kExitStatus) + "\n" + kExamples);
  app.require_subcommand(1);
  // Declaring the options of every subcommand is a fifth of a classroom run's work, so a run
  // that names its subcommand first declares only that one; --help without one, --man and
  // --completion see them all.
  const std::string first = argc > 1 ? argv[1] : "";
  const bool known = first == "explain" || first == "shape" || first == "solve" || first == "chain";
  auto wanted = [&](const char* command) { return !known || first == command; };
  ExplainOptions explain;
  if (wanted("explain")) setup_explain(app, explain);
  ShapeCommandOptions shape;
  if (wanted("shape")) setup_shape(app, shape);
  SolveCommandOptions solve;
  if (wanted("solve")) setup_solve(app, solve);
  ChainCommandOptions chain;
  if (wanted("chain")) setup_chain(app, chain);

  // Hidden, for the build: `--man` and `--completion bash|zsh` print documents read from `app`.
  try {
    if (std::optional<std::string> doc = convt::cli::generated_document(app, argc, argv)) {
      out = std::move(*doc);
      return 0;
    }
  } catch (const convt::Error& e) {
    return fail(convt::resolve(e.message(), lang));
  }

  if (argc < 2) {
    err += std::string("usage: convt explain --n N --k K [--s S] [--p P] [options]\n") +
           kExamples;
    return 2;
  }
  if (first.empty() || (first[0] != '-' && !known))
    return fail(convt::resolve({convt::MsgId::kErrUnknownSubcommand,
                                {{"value", first}, {"valid", "explain, shape, solve, chain"}}},
                               lang));
  // CLI11 prints --help and --version itself; collect what it prints.
  auto cli_exit = [&](const CLI::Error& e) {
    std::ostringstream cli_out, cli_err;
    const int status = app.exit(e, cli_out, cli_err);
    out += cli_out.str();
    err += cli_err.str();
    return status;
  };
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return cli_exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return cli_exit(e);
  } catch (const CLI::CallForVersion& e) {
    return cli_exit(e);
  } catch (const CLI::ParseError& e) {
    if (app.get_subcommands().empty() && e.get_name() == "RequiredError" &&
        std::string(e.what()).find("subcommand") != std::string::npos)
      return fail(convt::resolve({convt::MsgId::kErrMissingSubcommand, {}}, lang));
    return fail(parse_error_text(e, lang));
  }
  try {
    // require_subcommand(1): exactly one was parsed (only it may be declared, see above).
    const std::string chosen = app.get_subcommands().front()->get_name();
    lang = choose_lang(chosen == "shape"   ? shape.lang
                       : chosen == "solve" ? solve.lang
                       : chosen == "chain" ? chain.lang
                                           : explain.lang);
    check_given_options(app);
    std::string text = chosen == "shape"   ? run_shape(shape)
                       : chosen == "solve" ? run_solve(solve)
                       : chosen == "chain" ? run_chain(chain)
                                           : run_explain(explain, files);
    out = std::move(text);
    return 0;
  } catch (const convt::Error& e) {
    return fail(convt::resolve(e.message(), lang));
  } catch (const std::bad_alloc&) {
    return fail(convt::resolve({convt::MsgId::kErrOutOfMemory, {}}, lang));
  }
}


int convt::write_cli_files(const CliFiles& files, std::string& out, std::string& err) {
  if (files.figures.empty()) return 0;
  try {
    convt::write_figures(files.dir, files.figures);
  } catch (const convt::Error& e) {
    out.clear();
    err = "convt: " + one_line(convt::resolve(e.message(), files.lang)) + "\n";
    return 1;  // the output could not be written
  }
  return 0;
}
