// Colour and width as a terminal user meets them, through the real executable: piped output
// (run_convt.h: colour from --color, NO_COLOR and CLICOLOR_FORCE only; 100 columns) and output
// on a pseudo-terminal (auto colour, the terminal's width). These stay process tests: whether
// stdout is a terminal, and its size, belong to the process.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "run_convt.h"

namespace {

using convt::testing::with;

using convt::testing::run_convt;

const std::vector<std::string> kArticle = {"explain", "--k", "3",   "--s", "1",
                                           "--p",     "1",   "--n", "3"};

bool has_escape(const std::string& text) { return text.find('\x1b') != std::string::npos; }

/// Terminal columns of a line: code points, escape sequences not counted (every glyph convt
/// writes is narrow).
int64_t columns(const std::string& line) {
  int64_t count = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\x1b') {
      i = line.find('m', i);
      continue;
    }
    count += (static_cast<unsigned char>(line[i]) & 0xc0) != 0x80;
  }
  return count;
}

int64_t widest_line(const std::string& text) {
  int64_t widest = 0;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) widest = std::max(widest, columns(line));
  return widest;
}

// --- Piped output ----------------------------------------------------------------------------

TEST(PipedColor, NoEscapeByteWhenPipedEvenOnAColourTerm) {
  for (const char* format : {"text", "unicode", "markdown", "latex", "json"}) {
    const auto r = run_convt(with(kArticle, {"--format", format}), {"TERM=xterm-256color"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_FALSE(has_escape(r.out)) << format;
  }
}

TEST(PipedColor, ColorAlwaysAndClicolorForceColour) {
  EXPECT_TRUE(has_escape(run_convt(with(kArticle, {"--color", "always"})).out));
  EXPECT_TRUE(
      has_escape(run_convt(with(kArticle, {"--format", "unicode", "--color", "always"})).out));
  EXPECT_TRUE(has_escape(run_convt(kArticle, {"CLICOLOR_FORCE=1"}).out));
  EXPECT_FALSE(has_escape(run_convt(kArticle, {"CLICOLOR_FORCE=0"}).out));
}

TEST(PipedColor, TheFlagWinsOverTheEnvironment) {
  EXPECT_FALSE(
      has_escape(run_convt(with(kArticle, {"--color", "never"}), {"CLICOLOR_FORCE=1"}).out));
  EXPECT_TRUE(has_escape(run_convt(with(kArticle, {"--color", "always"}), {"NO_COLOR=1"}).out));
  EXPECT_FALSE(has_escape(run_convt(kArticle, {"NO_COLOR=1", "CLICOLOR_FORCE=1"}).out));
}

TEST(PipedColor, DocumentFormatsIgnoreColour) {
  for (const char* format : {"markdown", "latex", "json"})
    EXPECT_FALSE(
        has_escape(run_convt(with(kArticle, {"--format", format, "--color", "always"})).out))
        << format;
}

TEST(PipedWidth, DefaultsToOneHundredColumns) {
  const auto r = run_convt(kArticle);
  EXPECT_LE(widest_line(r.out), 100);
  EXPECT_GT(widest_line(r.out), 90);  // the paragraphs do fill the width
}

// --- Under a pseudo-terminal -----------------------------------------------------------------

struct PtyRun {
  int exit_code = -1;
  std::string out;  ///< what the terminal received, "\r\n" made "\n"
};

/// Runs convt with `args` on a new pseudo-terminal of `cols` columns (stdout and stderr are the
/// terminal), with only PATH and `env` in the environment.
PtyRun run_in_pty(const std::vector<std::string>& args, int cols,
                  const std::vector<std::string>& env) {
  PtyRun result;
  const int master = posix_openpt(O_RDWR | O_NOCTTY);
  if (master < 0 || grantpt(master) != 0 || unlockpt(master) != 0) return result;
  const std::string slave_name = ptsname(master);
  winsize size{};
  size.ws_row = 50;
  size.ws_col = static_cast<unsigned short>(cols);
  ioctl(master, TIOCSWINSZ, &size);

  std::string path = convt::testing::convt_path();
  std::vector<std::string> arg_copy = args, env_copy = env;
  env_copy.push_back("PATH=/usr/bin:/bin");
  std::vector<char*> argv{path.data()}, envp;
  for (std::string& a : arg_copy) argv.push_back(a.data());
  argv.push_back(nullptr);
  for (std::string& e : env_copy) envp.push_back(e.data());
  envp.push_back(nullptr);

  const pid_t pid = fork();
  if (pid == 0) {
    setsid();
    const int slave = open(slave_name.c_str(), O_RDWR);
    if (slave < 0) _exit(127);
    ioctl(slave, TIOCSCTTY, 0);
    dup2(slave, STDIN_FILENO);
    dup2(slave, STDOUT_FILENO);
    dup2(slave, STDERR_FILENO);
    close(slave);
    close(master);
    execve(path.c_str(), argv.data(), envp.data());
    _exit(127);
  }
  const auto start = std::chrono::steady_clock::now();
  char buffer[65536];
  while (true) {
    if (std::chrono::steady_clock::now() - start > std::chrono::seconds(20)) {
      kill(pid, SIGKILL);
      break;
    }
    pollfd fd{master, POLLIN, 0};
    if (poll(&fd, 1, 100) <= 0) {
      int status = 0;
      if (waitpid(pid, &status, WNOHANG) == pid) {  // exited with nothing left to read
        result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        close(master);
        result.out.erase(std::remove(result.out.begin(), result.out.end(), '\r'), result.out.end());
        return result;
      }
      continue;
    }
    const ssize_t n = read(master, buffer, sizeof buffer);
    if (n <= 0) break;  // EIO: the child closed the terminal
    result.out.append(buffer, static_cast<size_t>(n));
  }
  int status = 0;
  waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  close(master);
  result.out.erase(std::remove(result.out.begin(), result.out.end(), '\r'), result.out.end());
  return result;
}

TEST(Pty, AutoColourAndTheTerminalsWidth) {
  for (const char* format : {"text", "unicode"}) {
    const PtyRun r = run_in_pty(with(kArticle, {"--format", format}), 60, {"TERM=xterm"});
    ASSERT_EQ(r.exit_code, 0) << r.out;
    EXPECT_TRUE(has_escape(r.out)) << format;
    EXPECT_LE(widest_line(r.out), 60) << r.out;
    EXPECT_GT(widest_line(r.out), 50) << "the paragraphs fill the terminal";
  }
}

TEST(Pty, WidthFollowsAWideTerminal) {
  const PtyRun r = run_in_pty(kArticle, 150, {"TERM=xterm"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_GT(widest_line(r.out), 100);
  EXPECT_LE(widest_line(r.out), 150);
}

TEST(Pty, ExplicitWidthWinsOverTheTerminal) {
  const PtyRun r = run_in_pty(with(kArticle, {"--width", "80"}), 60, {"TERM=xterm"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_GT(widest_line(r.out), 60);
  EXPECT_LE(widest_line(r.out), 80);
}

TEST(Pty, DumbTermNoColorAndNeverTurnColourOff) {
  EXPECT_FALSE(has_escape(run_in_pty(kArticle, 80, {"TERM=dumb"}).out));
  EXPECT_FALSE(has_escape(run_in_pty(kArticle, 80, {}).out)) << "TERM unset";
  EXPECT_FALSE(has_escape(run_in_pty(kArticle, 80, {"TERM=xterm", "NO_COLOR=1"}).out));
  EXPECT_FALSE(
      has_escape(run_in_pty(with(kArticle, {"--color", "never"}), 80, {"TERM=xterm"}).out));
  EXPECT_TRUE(has_escape(run_in_pty(kArticle, 80, {"TERM=xterm", "NO_COLOR="}).out))
      << "an empty NO_COLOR does not count";
}

TEST(Pty, FullPrintsPastTheTerminalsWidth) {
  const PtyRun r =
      run_in_pty(with(kArticle, {"--stages", "conv_matrix", "--full"}), 40, {"TERM=xterm"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_GT(widest_line(r.out), 40);
  EXPECT_EQ(r.out.find("not shown"), std::string::npos);
}

}  // namespace
