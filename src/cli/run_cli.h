// The whole command line as a function: what `main` runs, callable without a process.
#pragma once

#include <string>
#include <vector>

#include "convt/render_svg.h"

namespace convt {

/// The files a run asks `main` to write (--format svg --out DIR): run_cli only renders them;
/// `main` writes them with write_figures (file_output.h), so that a run without `files` (the
/// fuzzer) never touches the disk.
struct CliFiles {
  std::string dir;
  std::vector<Figure> figures;
  Lang lang = Lang::kEn;  ///< the run's language, for the error of write_cli_files
};

/// Parses `argv` (argv[0] is the program name), runs the subcommand and puts what `main` would
/// print into `out` (stdout) and `err` (stderr) instead of printing it. Returns the exit status:
/// 0 on success (and for --help / --version), 1 when `convt quiz --answers` graded a wrong
/// answer (the report in `out`, not an error), 2 for bad input with one line in `err`.
/// The fuzzer (fuzz/) calls it with arbitrary
/// argv. Deterministic: it reads only argv, the environment, whether stdout is a terminal,
/// for --out, whether that folder exists and is empty, and the file of quiz --answers. With
/// --format svg the figures go to `files` when it is not null (and are dropped otherwise); `out`
/// gets the line saying where.
int run_cli(int argc, char** argv, std::string& out, std::string& err, CliFiles* files = nullptr);

/// Writes the figures of `files` (nothing when there are none). Returns 0, or 1 when they could
/// not be written: then `out` is cleared and `err` holds one line in the run's language.
int write_cli_files(const CliFiles& files, std::string& out, std::string& err);

}  // namespace convt
