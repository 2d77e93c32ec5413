// The output formats and terminal behaviour through the executable: golden outputs of
// tests/golden/formats/cases.txt, colour decided from the environment when piping, and colour and
// width under a pseudo-terminal.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "run_convt.h"

namespace {

using convt::testing::read_file;
using convt::testing::run_convt;

const std::string kGoldenDir = std::string(CONVT_GOLDEN_DIR) + "/formats";
const std::vector<std::string> kArticle = {"explain", "--k", "3",   "--s", "1",
                                           "--p",     "1",   "--n", "3"};

std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string>& more) {
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

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

// --- Golden outputs --------------------------------------------------------------------------

struct GoldenCase {
  std::string file;
  std::vector<std::string> args;
};

void PrintTo(const GoldenCase& c, std::ostream* os) { *os << c.file; }

/// tests/golden/formats/cases.txt: "<file> <args...>" per line, '#' lines and blank lines skipped.
std::vector<GoldenCase> read_manifest() {
  std::vector<GoldenCase> cases;
  std::string text;
  try {
    text = read_file(kGoldenDir + "/cases.txt");
  } catch (const std::exception&) {
    return cases;
  }
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    std::istringstream words(line);
    GoldenCase c;
    if (!(words >> c.file) || c.file[0] == '#') continue;
    for (std::string word; words >> word;) c.args.push_back(word);
    cases.push_back(std::move(c));
  }
  return cases;
}

TEST(FormatsGolden, ManifestCoversEveryFormatOfTheArticleCases) {
  const std::vector<GoldenCase> cases = read_manifest();
  for (const char* name : {"k2_s1_p0_n2", "k2_s1_p1_n4", "k3_s1_p1_n3", "k2_s2_p1_n2"})
    for (const char* file : {"unicode/%.txt", "markdown/%.md", "latex/%.tex"}) {
      std::string path = file;
      path.replace(path.find('%'), 1, name);
      EXPECT_TRUE(std::any_of(cases.begin(), cases.end(), [&](const GoldenCase& c) {
        return c.file == path;
      })) << path;
    }
}

TEST(FormatsGolden, ListsEveryGoldenFileOnce) {
  std::set<std::string> listed;
  for (const GoldenCase& c : read_manifest())
    EXPECT_TRUE(listed.insert(c.file).second) << c.file << " is listed twice";
  for (const auto& entry : std::filesystem::recursive_directory_iterator(kGoldenDir)) {
    if (!entry.is_regular_file()) continue;
    const std::string name = std::filesystem::relative(entry.path(), kGoldenDir).string();
    if (name == "cases.txt" || name == "update.sh") continue;
    EXPECT_TRUE(listed.count(name)) << "tests/golden/formats/" << name << " is not in cases.txt";
  }
}

class FormatsGoldenOutput : public ::testing::TestWithParam<GoldenCase> {};

TEST_P(FormatsGoldenOutput, MatchesCommittedFileByteForByte) {
  const GoldenCase& c = GetParam();
  const auto r = run_convt(c.args);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string golden = read_file(kGoldenDir + "/" + c.file);
  EXPECT_TRUE(r.out == golden)
      << c.file << " differs; if intended, regenerate with: sh tests/golden/formats/update.sh "
      << "path/to/convt (then review `git diff tests/golden/formats`)";
}

INSTANTIATE_TEST_SUITE_P(Cases, FormatsGoldenOutput, ::testing::ValuesIn(read_manifest()),
                         [](const ::testing::TestParamInfo<GoldenCase>& case_info) {
                           std::string name = case_info.param.file;
                           for (char& ch : name)
                             if (!isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           return name;
                         });

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

TEST(FormatErrors, BadColorStandaloneAndFormatAreOneLineNamingTheOption) {
  auto r = run_convt(with(kArticle, {"--color", "sometimes"}));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "convt: --color: unknown value 'sometimes'; choose one of: auto, always, never\n");
  r = run_convt(with(kArticle, {"--standalone"}));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "convt: --standalone: only --format latex writes a complete document, got --format "
            "text\n");
  r = run_convt(with(kArticle, {"--format", "html"}));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err.rfind("convt: --format: unknown format 'html'; choose one of: text, unicode, "
                        "markdown, latex, json",
                        0),
            0u)
      << r.err;
}

TEST(FormatStages, OnlyTheNamedStagesInPipelineOrder) {
  const auto r = run_convt(with(kArticle, {"--format", "markdown", "--stages", "check,kernel"}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const size_t kernel = r.out.find("\n## 1. The kernel w");
  const size_t check = r.out.find("\n## 2. Check");
  EXPECT_NE(kernel, std::string::npos);
  EXPECT_NE(check, std::string::npos);
  EXPECT_LT(kernel, check);
  size_t headings = 0;
  for (size_t at = r.out.find("\n## "); at != std::string::npos; at = r.out.find("\n## ", at + 1))
    ++headings;
  EXPECT_EQ(headings, 2u);
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
