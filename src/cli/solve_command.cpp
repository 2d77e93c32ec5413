// `convt solve` (solve_command.h).
#include "cli/solve_command.h"

#include <CLI/CLI.hpp>

#include "convt/params.h"
#include "convt/render_shape_tools.h"
#include "convt/solve.h"

namespace convt::cli {

void setup_solve(CLI::App& app, SolveCommandOptions& o) {
  CLI::App* solve = app.add_subcommand(
      "solve", "Every layer (k, s, p, d, output_padding) that maps size n to size m");
  solve->add_option("-n,--n,--input-size", o.n, "Input size N or ROWSxCOLS (>= 1)")
      ->type_name("SIZE")
      ->required();
  solve->add_option("--m,--output-size", o.m, "Wanted output size M or ROWSxCOLS (>= 1)")
      ->type_name("SIZE")
      ->required();
  solve->add_option("--dims", o.dims, "1 (ConvTranspose1d) or 2 (ConvTranspose2d, default)")
      ->type_name("INT");
  solve->add_option("--max-k", o.max_k, "Search kernel sizes up to this (1-64, default 7)")
      ->type_name("INT");
  solve->add_option("--max-s", o.max_s, "Search strides up to this (1-64, default 4)")
      ->type_name("INT");
  solve->add_option("--max-d", o.max_d, "Search dilations up to this (1-16, default 2)")
      ->type_name("INT");
  solve->add_option("-k,--k,--kernel-size", o.k, "Only this kernel size (1-64; N or ROWSxCOLS)")
      ->type_name("SIZE");
  solve->add_option("-s,--s,--stride", o.s, "Only this stride (1-64; N or ROWSxCOLS)")
      ->type_name("SIZE");
  solve->add_option("-p,--p,--padding", o.p, "Only this padding (>= 0; N or ROWSxCOLS)")
      ->type_name("SIZE");
  solve->add_option("-d,--d,--dilation", o.d, "Only this dilation (1-16; N or ROWSxCOLS)")
      ->type_name("SIZE");
  solve->add_flag(
      "--even", o.even,
      "Only layers with even overlap (every cell away from the borders gets the same number of "
      "contributions)");
  solve
      ->add_option("--limit", o.limit,
                   "Show the first N layers, 0 for all (default: 20 in text and markdown, all "
                   "in json)")
      ->type_name("INT");
  add_tool_output_options(*solve, o.output);
  solve->footer(
      "Examples:\n"
      "  convt solve --n 16 --m 32      every layer that doubles 16\n"
      "  convt solve --n 16 --m 32 --even      only layers with even overlap\n"
      "  convt solve --n 7 --m 28 --s 4 --max-k 9      stride 4, kernels up to 9\n"
      "  convt solve --n 16 --m 32 --limit 0      all of them, not only the first 20\n");
}

std::string run_solve(const SolveCommandOptions& o, const Environment& env) {
  SolveQuery query;
  query.dims = static_cast<int>(parse_bounded(o.dims, "--dims", MsgId::kWordDims, 1, 2));
  query.n = parse_axis_values(o.n, "--n", MsgId::kWordInputSize, 1, query.dims);
  query.m = parse_axis_values(o.m, "--m", MsgId::kColOutputSize, 1, query.dims);
  query.max_k = parse_bounded(o.max_k, "--max-k", MsgId::kWordLargestKernelSize, 1, kSolveMaxK);
  query.max_s = parse_bounded(o.max_s, "--max-s", MsgId::kWordLargestStride, 1, kSolveMaxS);
  query.max_d = parse_bounded(o.max_d, "--max-d", MsgId::kWordLargestDilation, 1, kSolveMaxD);
  if (!o.k.empty()) query.k = parse_axis_values(o.k, "--k", MsgId::kWordKernelSize, 1, query.dims);
  if (!o.s.empty()) query.s = parse_axis_values(o.s, "--s", MsgId::kWordStride, 1, query.dims);
  if (!o.p.empty()) query.p = parse_axis_values(o.p, "--p", MsgId::kWordPadding, 0, query.dims);
  if (!o.d.empty()) query.d = parse_axis_values(o.d, "--d", MsgId::kWordDilation, 1, query.dims);
  if (!o.limit.empty())
    query.limit =
        parse_bounded(o.limit, "--limit", MsgId::kWordSolutionLimit, 0, kSolveMaxSolutions);
  query.even_only = o.even;
  const ToolOutput output = tool_output(o.output, env);
  if (o.limit.empty() && output.format != ToolFormat::kJson) query.limit = kSolveTextLimit;
  return render_solve(solve(query), output.format, output.render);
}

}  // namespace convt::cli
