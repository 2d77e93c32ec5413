// The contract of bad input, checked for one command line (tests/cli/).
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "run_in_process.h"

namespace convt::testing {

/// Bad input: exit 2, nothing on stdout, and exactly the one line "convt: <message>" on stderr.
inline void expect_usage_error(const std::vector<std::string>& args, const std::string& message) {
  std::string command = "convt";
  for (const std::string& a : args) command += " " + a;
  SCOPED_TRACE(command);
  RunResult r = run_in_process(args);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "convt: " + message + "\n");
}

}  // namespace convt::testing
