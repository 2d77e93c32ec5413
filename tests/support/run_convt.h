// Runs the convt executable in a child process, for the CLI, golden and docs tests.
#pragma once

#include <string>
#include <vector>

namespace convt::testing {

/// What one run of the executable produced.
struct RunResult {
  int exit_code = -1;      ///< the exit status, or -1 when the process did not exit normally
  std::string out;         ///< everything written to stdout
  std::string err;         ///< everything written to stderr
  double seconds = 0.0;    ///< wall time of the run
};

/// The path of the convt executable under test (from CMake).
std::string convt_path();

/// Runs convt with `args` (no shell: each argument is passed as is), with `env` entries
/// ("NAME=value") added to the environment and `stdin_text` on standard input. Kills the
/// child after `timeout_seconds` (exit_code stays -1 then).
RunResult run_convt(const std::vector<std::string>& args, const std::vector<std::string>& env = {},
                    double timeout_seconds = 20.0);

/// Reads a whole file; throws std::runtime_error when it cannot.
std::string read_file(const std::string& path);

}  // namespace convt::testing
