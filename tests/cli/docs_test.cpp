// Keeps the documentation honest: every example in docs/*.md and README.md that is a ```text
// fence whose first line is "$ convt ..." is run (in-process, run_in_process.h), and what the
// tool prints (stdout, then stderr) must equal the rest of the block exactly. Examples therefore
// cannot drift from the tool. After an intended change of the output, tests/update_goldens.sh
// rewrites every example block with the real output (with tests/cli/update_docs.sh; its own test
// is tests/e2e/update_docs_test.cpp).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "files.h"
#include "golden_manifest.h"
#include "run_in_process.h"

namespace {

namespace fs = std::filesystem;
using convt::testing::read_file;
using convt::testing::run_in_process;

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

/// What the tool prints for an example command: stdout, then stderr.
std::string run_example(const std::string& command) {
  std::vector<std::string> words = split_command(command);
  if (words.empty() || words[0] != "convt")
    throw std::runtime_error("doc example does not start with convt: " + command);
  words.erase(words.begin());
  auto r = run_in_process(words);
  return r.out + r.err;
}

TEST(Docs, SplitCommandHonoursDoubleQuotes) {
  EXPECT_EQ(split_command("convt explain  --k 3 --kernel \"1, 2,3\""),
            (std::vector<std::string>{"convt", "explain", "--k", "3", "--kernel", "1, 2,3"}));
  EXPECT_EQ(split_command("convt explain --stages \"\""),
            (std::vector<std::string>{"convt", "explain", "--stages", ""}));
  EXPECT_THROW(split_command("convt explain --k 3 | head"), std::runtime_error);
  EXPECT_THROW(split_command("convt explain --kernel \"1,2"), std::runtime_error);
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
  const std::vector<DocExample> examples = all_examples();
  ASSERT_GE(examples.size(), 40u) << "too few doc examples found under " << kSourceDir;
  for (const DocExample& e : examples) {
    SCOPED_TRACE(e.file + ":" + std::to_string(e.line) + ": $ " + e.command);
    std::string printed;
    ASSERT_NO_THROW(printed = run_example(e.command));
    EXPECT_TRUE(printed == e.expected)  // not EXPECT_EQ: it would print both whole outputs
        << convt::testing::diff_hint(e.expected, printed) << convt::testing::regenerate_hint();
  }
}

}  // namespace
