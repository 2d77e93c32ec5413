// libFuzzer target: arbitrary command lines through convt::run_cli, the function `main` runs,
// in-process. It reaches every subcommand, the parsers of sizes and value lists, the limits,
// the engine and every renderer. Crashes, sanitizer reports, leaks and timeouts are bugs; a
// refused command line (exit 2) is not.
//
// Input format: the arguments after "convt", separated by NUL bytes when the input holds one,
// else by newlines (so that the seed corpus in fuzz/corpus/ is readable text).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "cli/run_cli.h"
#include "convt/params.h"

namespace {

constexpr size_t kMaxArgs = 64;

/// A --max-cells value above the default only buys memory (up to ~1 GB at the cap, more under
/// AddressSanitizer) without reaching new code, so the harness lowers it to the default and
/// the fuzzer stays inside libFuzzer's RSS limit. Values that are not whole numbers, or are
/// above the cap, are left alone: their error paths are fuzzed as they are.
void lower_max_cells(std::string& value) {
  if (value.empty() || value.find_first_not_of("0123456789") != std::string::npos) return;
  const size_t first = value.find_first_not_of('0');  // "0002500000" is 2500000
  if (first == std::string::npos || value.size() - first > 9) return;
  const long long cells = std::atoll(value.c_str() + first);
  if (cells > 1'000'000 && cells <= convt::Limits::kMaxCellsCap) value = "1000000";
}

std::vector<std::string> split_arguments(std::string_view data) {
  const char separator = data.find('\0') != std::string_view::npos ? '\0' : '\n';
  std::vector<std::string> args;
  while (args.size() < kMaxArgs) {
    const size_t end = data.find(separator);
    args.emplace_back(data.substr(0, end));
    if (end == std::string_view::npos) break;
    data.remove_prefix(end + 1);
  }
  constexpr std::string_view kFlag = "--max-cells";
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == kFlag && i + 1 < args.size()) {
      lower_max_cells(args[i + 1]);
    } else if (args[i].rfind(std::string(kFlag) + "=", 0) == 0) {
      std::string value = args[i].substr(kFlag.size() + 1);
      lower_max_cells(value);
      args[i] = std::string(kFlag) + "=" + value;
    }
  }
  return args;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::vector<std::string> args =
      split_arguments(std::string_view(reinterpret_cast<const char*>(data), size));
  std::string program = "convt";
  std::vector<char*> argv{program.data()};
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::string out, err;
  const int status = convt::run_cli(static_cast<int>(argv.size() - 1), argv.data(), out, err);
  // The contract of every run: success, or bad input with nothing on stdout and one line on
  // stderr. (argv always holds an argument here, so the several-line usage text never shows.)
  if (status != 0 && status != 2) std::abort();
  if (status == 2 && (!out.empty() || err.empty() || err.find('\n') != err.size() - 1))
    std::abort();
  return 0;
}
