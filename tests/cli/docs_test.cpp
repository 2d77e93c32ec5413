// Keeps the documentation honest: every example in docs/*.md and README.md that is a ```text
// fence whose first line is "$ convt ..." is run, and what the tool prints (stdout, then
// stderr) must equal the rest of the block exactly. Examples therefore cannot drift from the
// tool. After an intended change of the output, run the test once with CONVT_UPDATE_DOCS=1 in
// the environment: it then rewrites every example block with the real output (review the diff).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "run_convt.h"

namespace {

namespace fs = std::filesystem;
using convt::testing::read_file;
using convt::testing::run_convt;

const fs::path kSourceDir = CONVT_SOURCE_DIR;

/// One example block of a Markdown file.
struct DocExample {
  std::string file;      ///< path relative to the source dir, e.g. "docs/tutorial.md"
  int line = 0;          ///< 1-based line of the "$ convt" command
  std::string command;   ///< the command line without the leading "$ "
  std::string expected;  ///< the rest of the block, each line ending in '\n'
};

/// Splits a command on spaces; "double quoted" parts may hold spaces (no escapes).
/// Throws std::runtime_error on an unterminated quote or on shell syntax the test cannot run.
std::vector<std::string> split_command(const std::string& command) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false, quoted = false;
  for (char c : command) {
    if (c == '"') {
      quoted = !quoted;
      in_word = true;
    } else if (c == ' ' && !quoted) {
      if (in_word) words.push_back(word);
      word.clear();
      in_word = false;
    } else {
      if (!quoted && (c == '|' || c == '>' || c == '<' || c == ';' || c == '&' || c == '$'))
        throw std::runtime_error("shell syntax is not supported in doc examples: " + command);
      word += c;
      in_word = true;
    }
  }
  if (quoted) throw std::runtime_error("unterminated quote in: " + command);
  if (in_word) words.push_back(word);
  return words;
}

/// The example blocks of one Markdown file.
std::vector<DocExample> examples_in(const fs::path& path) {
  std::vector<DocExample> examples;
  std::istringstream in(read_file(path.string()));
  std::string line;
  int number = 0;
  bool in_fence = false;
  DocExample* current = nullptr;
  while (std::getline(in, line)) {
    ++number;
    if (!in_fence) {
      if (line.rfind("```", 0) == 0) {
        in_fence = true;
        current = nullptr;
        std::string info = line.substr(3);
        std::string next;
        if (info == "text" && std::getline(in, next)) {
          ++number;
          if (next.rfind("```", 0) == 0) {
            in_fence = false;
          } else if (next.rfind("$ convt ", 0) == 0 || next == "$ convt") {
            examples.push_back(
                {fs::relative(path, kSourceDir).string(), number, next.substr(2), ""});
            current = &examples.back();
          }
        }
      }
    } else if (line.rfind("```", 0) == 0) {
      in_fence = false;
      current = nullptr;
    } else if (current) {
      current->expected += line + "\n";
    }
  }
  return examples;
}

/// README.md and docs/*.md, in a stable order.
std::vector<std::string> doc_files() {
  std::vector<std::string> files;
  if (fs::exists(kSourceDir / "README.md")) files.push_back((kSourceDir / "README.md").string());
  if (fs::is_directory(kSourceDir / "docs"))
    for (const auto& entry : fs::directory_iterator(kSourceDir / "docs"))
      if (entry.path().extension() == ".md") files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

/// Every example of the doc files.
std::vector<DocExample> all_examples() {
  std::vector<DocExample> examples;
  for (const std::string& f : doc_files()) {
    std::vector<DocExample> more = examples_in(f);
    examples.insert(examples.end(), more.begin(), more.end());
  }
  return examples;
}

/// The first differing line, for a readable failure.
std::string first_difference(const std::string& expected, const std::string& actual) {
  std::istringstream a(expected), b(actual);
  std::string la, lb;
  for (int line = 1;; ++line) {
    bool more_a = static_cast<bool>(std::getline(a, la));
    bool more_b = static_cast<bool>(std::getline(b, lb));
    if (!more_a && !more_b) return "the texts differ only in their final newline";
    if (!more_a || !more_b || la != lb)
      return "output line " + std::to_string(line) + ":\n- " + (more_a ? la : "<end of doc>") +
             "\n+ " + (more_b ? lb : "<end of output>");
  }
}

/// What the tool prints for an example command: stdout, then stderr.
std::string run_example(const std::string& command) {
  std::vector<std::string> words = split_command(command);
  if (words.empty() || words[0] != "convt")
    throw std::runtime_error("doc example does not start with convt: " + command);
  words.erase(words.begin());
  auto r = run_convt(words);
  return r.out + r.err;
}

/// `text` with the body of every example block replaced by the real output of its command.
std::string with_real_outputs(const std::string& text) {
  std::istringstream in(text);
  std::string out, line;
  bool in_fence = false, replacing = false;
  while (std::getline(in, line)) {
    if (!in_fence && line.rfind("```", 0) == 0) {
      in_fence = true;
      out += line + "\n";
      if (line == "```text" && std::getline(in, line)) {
        if (line.rfind("```", 0) == 0) in_fence = false;
        out += line + "\n";
        replacing = line.rfind("$ convt ", 0) == 0;
        if (replacing) {
          std::string printed = run_example(line.substr(2));
          if (!printed.empty() && printed.back() != '\n') printed += '\n';
          out += printed;
        }
      }
      continue;
    }
    if (in_fence && line.rfind("```", 0) == 0) {
      in_fence = replacing = false;
      out += line + "\n";
      continue;
    }
    if (!replacing) out += line + "\n";
  }
  if (!text.empty() && text.back() != '\n' && !out.empty()) out.pop_back();
  return out;
}

TEST(Docs, SplitCommandHonoursDoubleQuotes) {
  EXPECT_EQ(split_command("convt explain  --k 3 --kernel \"1, 2,3\""),
            (std::vector<std::string>{"convt", "explain", "--k", "3", "--kernel", "1, 2,3"}));
  EXPECT_EQ(split_command("convt explain --stages \"\""),
            (std::vector<std::string>{"convt", "explain", "--stages", ""}));
  EXPECT_THROW(split_command("convt explain --k 3 | head"), std::runtime_error);
  EXPECT_THROW(split_command("convt explain --kernel \"1,2"), std::runtime_error);
}

TEST(Docs, RefreshReplacesOnlyTheBodiesOfExampleBlocks) {
  const std::string doc =
      "Intro\n```text\n$ convt --version\nstale output\n```\n```\n$ convt --version\nkept\n```\n"
      "```text\nnot an example\n```\n";
  EXPECT_EQ(with_real_outputs(doc),
            "Intro\n```text\n$ convt --version\nconvt 0.1.0\n```\n```\n$ convt --version\nkept\n"
            "```\n```text\nnot an example\n```\n");
}

TEST(Docs, TutorialAndJsonGuideHaveRunnableExamples) {
  std::vector<DocExample> examples = all_examples();
  auto count_in = [&](const std::string& file) {
    return std::count_if(examples.begin(), examples.end(),
                         [&](const DocExample& e) { return e.file == file; });
  };
  EXPECT_GE(count_in("docs/tutorial.md"), 8);
  EXPECT_GE(count_in("docs/json.md"), 1);
}

TEST(Docs, EveryExampleBlockShowsTheToolsRealOutput) {
  if (std::getenv("CONVT_UPDATE_DOCS")) {
    for (const std::string& name : doc_files()) {
      std::string text = read_file(name);
      std::string updated = with_real_outputs(text);
      if (updated != text) std::ofstream(name, std::ios::binary) << updated;
    }
  }
  for (const DocExample& e : all_examples()) {
    SCOPED_TRACE(e.file + ":" + std::to_string(e.line) + ": $ " + e.command);
    std::string printed;
    ASSERT_NO_THROW(printed = run_example(e.command));
    EXPECT_TRUE(printed == e.expected)  // not EXPECT_EQ: it would print both whole outputs
        << first_difference(e.expected, printed)
        << "\nafter an intended change, refresh the docs with: CONVT_UPDATE_DOCS=1 "
           "ctest -R Docs (then review `git diff docs README.md`)";
  }
}

}  // namespace
