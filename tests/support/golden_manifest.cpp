#include "golden_manifest.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>
#include <sstream>

#include "files.h"

namespace convt::testing {

namespace fs = std::filesystem;

namespace {

std::string folder_path(const std::string& folder) {
  return golden_dir() + (folder.empty() ? "" : "/" + folder);
}

std::string folder_shown(const std::string& folder) {
  return "tests/golden" + (folder.empty() ? "" : "/" + folder);
}

/// The one case of a manifest that cannot be used (see read_manifest).
std::vector<GoldenCase> stand_in(const std::string& folder, const std::string& problem) {
  GoldenCase c;
  c.folder = folder;
  c.name = "manifest_problem";
  c.problem = problem;
  return {c};
}

}  // namespace

std::string golden_dir() { return CONVT_GOLDEN_DIR; }

std::string GoldenCase::path() const { return folder_path(folder) + "/" + name; }

std::string GoldenCase::shown() const { return folder_shown(folder) + "/" + name; }

std::string GoldenCase::command() const {
  std::string text = "convt";
  for (const std::string& a : args) text += " " + a;
  return text;
}

void PrintTo(const GoldenCase& c, std::ostream* os) { *os << c.shown(); }

std::vector<GoldenCase> read_manifest(const std::string& folder) {
  const std::string manifest = folder_shown(folder) + "/cases.txt";
  std::string text;
  try {
    text = read_file(folder_path(folder) + "/cases.txt");
  } catch (const std::exception& e) {
    return stand_in(folder, manifest + " cannot be read (" + e.what() + ")");
  }
  std::vector<GoldenCase> cases;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    std::istringstream words(line);
    GoldenCase c;
    c.folder = folder;
    if (!(words >> c.name) || c.name[0] == '#') continue;
    for (std::string word; words >> word;) c.args.push_back(word);
    cases.push_back(std::move(c));
  }
  if (cases.empty()) return stand_in(folder, manifest + " lists no case");
  return cases;
}

std::string golden_test_name(const GoldenCase& c) {
  std::string name = c.name;
  std::replace_if(
      name.begin(), name.end(),
      [](char ch) { return !std::isalnum(static_cast<unsigned char>(ch)); }, '_');
  return name;
}

void expect_manifest_complete(const std::string& folder, size_t at_least, GoldenLayout layout) {
  const std::vector<GoldenCase> cases = read_manifest(folder);
  if (!cases.front().problem.empty()) {
    ADD_FAILURE() << cases.front().problem;
    return;
  }
  EXPECT_GE(cases.size(), at_least) << folder_shown(folder) << "/cases.txt lists too few cases";
  std::set<std::string> listed;
  for (const GoldenCase& c : cases) {
    EXPECT_TRUE(listed.insert(c.name).second) << c.shown() << " is listed twice";
    if (layout == GoldenLayout::kFolders)
      EXPECT_TRUE(fs::is_directory(c.path())) << c.shown() << " is listed but missing";
    else
      EXPECT_TRUE(fs::is_regular_file(c.path())) << c.shown() << " is listed but missing";
  }
  const fs::path root = folder_path(folder);
  auto expect_listed = [&](const fs::directory_entry& entry) {
    const std::string name = fs::relative(entry.path(), root).string();
    if (name == "cases.txt" || name == "update.sh") return;
    EXPECT_TRUE(listed.count(name)) << folder_shown(folder) << "/" << name << " is not in "
                                    << folder_shown(folder) << "/cases.txt";
  };
  if (layout == GoldenLayout::kFilesRecursive) {
    for (const auto& entry : fs::recursive_directory_iterator(root))
      if (entry.is_regular_file()) expect_listed(entry);
  } else {
    for (const auto& entry : fs::directory_iterator(root))
      if (layout == GoldenLayout::kFolders ? entry.is_directory() : entry.is_regular_file())
        expect_listed(entry);
  }
}

std::string regenerate_hint() {
  return "if the change is intended, regenerate every golden and doc example with: sh "
         "tests/update_goldens.sh path/to/convt (then review `git diff`: the numbers must still "
         "match PyTorch, tests/fixtures/pytorch_cases.json)";
}

std::string diff_hint(const std::string& expected, const std::string& actual) {
  auto split = [](const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
  };
  const std::vector<std::string> want = split(expected), got = split(actual);
  size_t i = 0;
  while (i < want.size() && i < got.size() && want[i] == got[i]) ++i;
  std::ostringstream hint;
  hint << "first difference at line " << i + 1 << " (expected " << want.size() << " lines, got "
       << got.size() << "):\n";
  for (size_t j = i >= 2 ? i - 2 : 0; j < i; ++j) hint << "  " << want[j] << "\n";
  hint << "- " << (i < want.size() ? want[i] : "<end>") << "\n";
  hint << "+ " << (i < got.size() ? got[i] : "<end>") << "\n";
  if (i == want.size() && i == got.size()) hint << "(the texts differ only in the final newline)\n";
  return hint.str();
}

}  // namespace convt::testing
