#include "run_in_process.h"

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <map>
#include <optional>
#include <stdexcept>

#include "cli/run_cli.h"

namespace convt::testing {
namespace {

/// Sets environment variables for its lifetime: the destructor gives every variable it touched
/// its old value back (or unsets it again).
class ScopedEnvironment {
 public:
  ScopedEnvironment() = default;
  ScopedEnvironment(const ScopedEnvironment&) = delete;
  ScopedEnvironment& operator=(const ScopedEnvironment&) = delete;
  ~ScopedEnvironment() {
    for (const auto& [name, value] : saved_) {
      if (value)
        setenv(name.c_str(), value->c_str(), 1);
      else
        unsetenv(name.c_str());
    }
  }

  void unset(const std::string& name) {
    remember(name);
    unsetenv(name.c_str());
  }

  /// `entry` is "NAME=value"; throws std::invalid_argument without a '='.
  void set(const std::string& entry) {
    const size_t eq = entry.find('=');
    if (eq == std::string::npos || eq == 0)
      throw std::invalid_argument("environment entry without NAME=: " + entry);
    const std::string name = entry.substr(0, eq);
    remember(name);
    setenv(name.c_str(), entry.c_str() + eq + 1, 1);
  }

 private:
  void remember(const std::string& name) {
    if (saved_.count(name)) return;
    const char* value = std::getenv(name.c_str());
    saved_[name] = value ? std::optional<std::string>(value) : std::nullopt;
  }

  std::map<std::string, std::optional<std::string>> saved_;
};

/// Points file descriptor 1 at /dev/null for its lifetime (stdio flushed on both sides).
class StdoutToDevNull {
 public:
  StdoutToDevNull() {
    std::fflush(stdout);
    saved_ = dup(STDOUT_FILENO);
    const int null = open("/dev/null", O_WRONLY);
    if (saved_ < 0 || null < 0 || dup2(null, STDOUT_FILENO) < 0)
      throw std::runtime_error("cannot point stdout at /dev/null");
    close(null);
  }
  StdoutToDevNull(const StdoutToDevNull&) = delete;
  StdoutToDevNull& operator=(const StdoutToDevNull&) = delete;
  ~StdoutToDevNull() {
    std::fflush(stdout);
    dup2(saved_, STDOUT_FILENO);
    close(saved_);
  }

 private:
  int saved_ = -1;
};

}  // namespace

RunResult run_in_process(const std::vector<std::string>& args,
                         const std::vector<std::string>& env) {
  std::vector<std::string> words = {"convt"};
  words.insert(words.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& word : words) argv.push_back(word.data());
  argv.push_back(nullptr);

  RunResult result;
  ScopedEnvironment environment;
  for (const char* name : kOutputVariables) environment.unset(name);
  for (const std::string& entry : env) environment.set(entry);
  const StdoutToDevNull quiet;

  const auto start = std::chrono::steady_clock::now();
  CliFiles files;
  result.exit_code =
      run_cli(static_cast<int>(words.size()), argv.data(), result.out, result.err, &files);
  if (result.exit_code == 0) result.exit_code = write_cli_files(files, result.out, result.err);
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace convt::testing
