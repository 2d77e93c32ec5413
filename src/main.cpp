// convt: the command line. CLI11 wiring only: parse -> derive -> render -> print.
#include <sys/ioctl.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "convt/derivation.h"
#include "convt/error.h"
#include "convt/params.h"
#include "convt/render.h"
#include "convt/version.h"

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
};

constexpr const char* kExamples =
    "Examples:\n"
    "  convt explain --k 3 --s 1 --p 1 --n 3      the article's 3x3 kernel, 1..9\n"
    "  convt explain --k 2 --s 2 --p 1 --n 2      why the shape does not come back\n"
    "  convt explain --k 3 --s 2 --p 1 --op 1 --n 2 --format json\n"
    "  convt explain --dims 1 --k 3 --s 2 --n 4 --kernel 1,0,-1\n";

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
  explain->add_option("--format", o.format, "text (default) or json");
  explain->add_option("--stages", o.stages, "Only these stage ids, comma-separated");
  explain->add_option("--width", o.width, "Widest output line (default: terminal, or 100)");
  explain->add_flag("--full", o.full, "Print every row and column of every grid");
  explain->add_option("--max-cells", o.max_cells,
                      "Grids with more cells are elided or written sparsely (default 1000000)");
  explain->footer(kExamples);
}

/// The width of the terminal on stdout, or 100 when stdout is not a terminal.
int64_t default_width() {
  winsize ws{};
  if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20)
    return ws.ws_col;
  return 100;
}

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& part : parts) out += part + " ";
  return out;
}

std::string run_explain(const ExplainOptions& o) {
  using convt::parse_axis_values;
  convt::Params params;
  params.dims = static_cast<int>(convt::parse_bounded(o.dims, "--dims", "dims", 1, 2));
  const int dims = params.dims;
  auto n = parse_axis_values(o.n, "--n", "input size", 1, dims);
  auto k = parse_axis_values(o.k, "--k", "kernel size", 1, dims);
  auto s = parse_axis_values(o.s, "--s", "stride", 1, dims);
  auto p = parse_axis_values(o.p, "--p", "padding", 0, dims);
  auto d = parse_axis_values(o.d, "--d", "dilation", 1, dims);
  auto op = parse_axis_values(o.op, "--op", "output_padding", 0, dims);
  params.axes.clear();
  for (size_t i = 0; i < static_cast<size_t>(dims); ++i)
    params.axes.push_back({n[i], k[i], s[i], p[i], d[i], op[i]});
  if (!o.kernel.empty()) params.kernel = convt::parse_value_list(join(o.kernel), "--kernel");
  if (!o.input.empty()) params.input = convt::parse_value_list(join(o.input), "--input");

  std::optional<convt::Format> format = convt::format_from_name(o.format);
  if (!format)
    throw convt::Error({convt::MsgId::kErrUnknownFormat, {{"value", o.format}, {"valid", "text, json"}}});
  convt::DeriveOptions derive_options;
  derive_options.limits.max_cells =
      convt::parse_bounded(o.max_cells, "--max-cells", "the cell limit", 1, 1'000'000'000);
  if (!o.stages.empty()) derive_options.stages = convt::parse_stage_list(o.stages);
  convt::RenderOptions render_options;
  render_options.width = o.width.empty()
                             ? default_width()
                             : convt::parse_bounded(o.width, "--width", "output width", 20, 100000);
  render_options.full = o.full;
  render_options.max_cells = derive_options.limits.max_cells;

  convt::Derivation derivation = convt::derive(params, derive_options);
  return convt::render(derivation, *format, render_options);
}

int fail(const std::string& message) {
  std::cerr << "convt: " << message << "\n";
  return 2;
}

/// CLI11's messages, made one line that names the option where CLI11 does not.
std::string parse_error_text(const CLI::ParseError& e) {
  std::string what = e.what();
  if (e.get_name() == "ArgumentMismatch" && what.rfind("--", 0) == 0) {
    std::string option = what.substr(0, what.find(':'));
    return convt::resolve({convt::MsgId::kErrRepeated, {{"option", option}}}, convt::Lang::kEn);
  }
  for (char& c : what)
    if (c == '\n') c = ' ';
  return what;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"convt: transposed convolution, explained step by step"};
  app.set_version_flag("--version", std::string("convt ") + convt::kVersion);
  app.footer(kExamples);
  app.require_subcommand(1);
  ExplainOptions explain;
  setup_explain(app, explain);

  if (argc < 2) {
    std::cerr << "usage: convt explain --n N --k K [--s S] [--p P] [options]\n" << kExamples;
    return 2;
  }
  const std::string first = argv[1];
  if (first.empty() || (first[0] != '-' && first != "explain"))
    return fail(convt::resolve({convt::MsgId::kErrUnknownSubcommand, {{"value", first}, {"valid", "explain"}}},
                               convt::Lang::kEn));
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    if (app.get_subcommands().empty() && e.get_name() == "RequiredError" &&
        std::string(e.what()).find("subcommand") != std::string::npos)
      return fail(convt::resolve({convt::MsgId::kErrMissingSubcommand, {}}, convt::Lang::kEn));
    return fail(parse_error_text(e));
  }
  try {
    std::string text = run_explain(explain);
    std::fwrite(text.data(), 1, text.size(), stdout);
    return std::fflush(stdout) == 0 ? 0 : 1;
  } catch (const convt::Error& e) {
    return fail(e.what());
  }
}
