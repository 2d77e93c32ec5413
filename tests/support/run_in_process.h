// Runs convt's command line in this process (convt::run_cli, src/cli/run_cli.h), for the tests of
// tests/cli/ that check what a command line prints: the same RunResult as run_convt, without
// starting a process per command.
#pragma once

#include <string>
#include <vector>

#include "run_result.h"

namespace convt::testing {

/// Runs `convt <args>` as `main` does (run_cli, then write_cli_files for --format svg --out) and
/// returns its exit status and what it would have written to stdout and stderr.
///
/// The run sees what a run_convt child would see: kOutputVariables (run_result.h) are unset and
/// the `env` entries ("NAME=value") set for the call only, and stdout is /dev/null during the
/// call, so that run_cli finds a pipe, not a terminal, even when the tests run in one. Everything
/// is restored before returning, also when run_cli throws. Not thread-safe: it changes the
/// process's environment and file descriptor 1.
RunResult run_in_process(const std::vector<std::string>& args,
                         const std::vector<std::string>& env = {});

}  // namespace convt::testing
