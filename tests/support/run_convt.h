// Runs the convt executable (or a script) in a child process, for the end-to-end tests (e2e/):
// golden outputs through the real binary, figures written to disk, --help, the update scripts.
// Tests that only check what a command line prints use run_in_process.h instead.
#pragma once

#include <string>
#include <vector>

#include "run_result.h"

namespace convt::testing {

/// The path of the convt executable under test (from CMake).
std::string convt_path();

/// Runs convt with `args` (no shell: each argument is passed as is), with `env` entries
/// ("NAME=value") added to the environment; see run_program for the environment and stdin.
RunResult run_convt(const std::vector<std::string>& args, const std::vector<std::string>& env = {},
                    double timeout_seconds = 20.0);

/// Runs the program at `path` with `args`, standard input from /dev/null and stdout and stderr
/// captured. `path` is not looked up in PATH (give "/bin/sh", not "sh"). The environment is this
/// process's minus kOutputVariables (run_result.h), plus the `env` entries ("NAME=value"). Kills
/// the child after `timeout_seconds` (exit_code stays -1 then). Throws std::runtime_error when the
/// program cannot be started.
RunResult run_program(const std::string& path, const std::vector<std::string>& args,
                      const std::vector<std::string>& env = {}, double timeout_seconds = 20.0);

}  // namespace convt::testing
