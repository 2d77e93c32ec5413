// What one run of convt produced, whether in a child process (run_convt.h) or in this process
// (run_in_process.h): the two runners return the same struct, so a test can switch between them
// without changing its body.
#pragma once

#include <string>
#include <vector>

namespace convt::testing {

/// What one run of convt produced.
struct RunResult {
  int exit_code = -1;    ///< the exit status, or -1 when the process did not exit normally
  std::string out;       ///< everything written to stdout
  std::string err;       ///< everything written to stderr
  double seconds = 0.0;  ///< wall time of the run
};

/// The environment variables that change what convt prints. Both runners clear them for the
/// run, so that a test's outcome does not depend on the shell it is started from; a test that
/// wants one passes it in `env`.
inline constexpr const char* kOutputVariables[] = {"NO_COLOR", "CLICOLOR_FORCE", "COLUMNS",
                                                   "LANG",     "LC_ALL",         "LANGUAGE"};

/// `args` followed by `more`: a base command line with options added.
inline std::vector<std::string> with(std::vector<std::string> args,
                                     const std::vector<std::string>& more) {
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

}  // namespace convt::testing
