// convt: parse -> run -> print. The command line lives in src/cli/ (run_cli), the work in the
// libraries below it; this is the only file that writes to stdout and stderr.
#include <cstdio>
#include <string>

#include "cli/run_cli.h"

int main(int argc, char** argv) {
  std::string out, err;
  convt::CliFiles files;
  int status = convt::run_cli(argc, argv, out, err, &files);
  if (status == 0) status = convt::write_cli_files(files, out, err);  // --format svg --out DIR
  std::fwrite(err.data(), 1, err.size(), stderr);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return std::fflush(stdout) == 0 ? status : 1;
}
