// `convt solve`: every layer that maps one size to another; its options as typed, their
// declaration and the run.
#pragma once

#include <string>

#include "cli/common_options.h"
#include "cli/environment.h"

namespace CLI {
class App;
}

namespace convt::cli {

/// The options of `convt solve`, as typed; empty: not given.
struct SolveCommandOptions {
  std::string n, m, dims = "2";
  std::string max_k = "7", max_s = "4", max_d = "2";
  std::string k, s, p, d;  ///< --k, --s, --p, --d: only this kernel size / stride / ...
  std::string limit;       ///< --limit: empty: kSolveTextLimit for text and markdown, all for JSON
  bool even = false;
  ToolOutputText output;
};

/// Adds the subcommand "solve" to `app` with its options, stored into `options` when parsed.
void setup_solve(CLI::App& app, SolveCommandOptions& options);

/// How many layers text and markdown show without --limit (JSON shows all without it).
inline constexpr int64_t kSolveTextLimit = 20;

/// Judges `options` (--dims, --n, --m, --max-k, --max-s, --max-d, --k, --s, --p, --d, --limit,
/// then the output options), solves and renders. Throws Error for the first value that is wrong.
std::string run_solve(const SolveCommandOptions& options, const Environment& env);

}  // namespace convt::cli
