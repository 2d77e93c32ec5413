// `convt explain --format svg --out DIR` as a user runs it: the option rules and their
// messages, the folder it writes, --force, exit status 1 when a file cannot be written, and the
// golden figures of the article's four cases (tests/golden/svg/cases.txt).
#include <gtest/gtest.h>
#include <stdlib.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "run_convt.h"

namespace {

namespace fs = std::filesystem;
using convt::testing::read_file;
using convt::testing::run_convt;

const std::string kGoldenDir = CONVT_SVG_GOLDEN_DIR;
const std::string kRegenerate =
    "if the change is intended, regenerate with: sh tests/golden/svg/update.sh path/to/convt "
    "(then look at the figures: render them with rsvg-convert and view the PNGs)";

/// A fresh empty folder under the system's temporary folder, removed at the end of the test.
class TempFolder {
 public:
  TempFolder() {
    std::string pattern = (fs::temp_directory_path() / "convt-svg-cli-XXXXXX").string();
    path_ = mkdtemp(pattern.data());
  }
  ~TempFolder() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  std::string operator/(const std::string& name) const { return (fs::path(path_) / name).string(); }

 private:
  std::string path_;
};

std::vector<std::string> listing(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

const std::vector<std::string> kLayer = {"explain", "--k", "2", "--s", "2", "--p", "1", "--n", "2"};

std::vector<std::string> layer_with(std::vector<std::string> more) {
  std::vector<std::string> args = kLayer;
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

TEST(SvgCli, WritesOneFilePerStageTheSlidingKernelAndTheIndex) {
  TempFolder tmp;
  const std::string dir = tmp / "figures";
  auto r = run_convt(layer_with({"--format", "svg", "--out", dir}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, "wrote 16 files to " + dir + "; open " + dir + "/index.html\n");
  const std::vector<std::string> names = listing(dir);
  EXPECT_EQ(names.size(), 16u);
  for (const char* name : {"formula.svg", "padded_input.svg", "conv_matrix.svg", "output.svg",
                           "check.svg", "sliding.svg", "index.html"})
    EXPECT_TRUE(std::binary_search(names.begin(), names.end(), name)) << name;
}

TEST(SvgCli, StagesAndFramesChooseTheFiles) {
  TempFolder tmp;
  auto r = run_convt(
      layer_with({"--format", "svg", "--out", tmp / "f", "--stages", "direct_output", "--frames"}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> want = {"direct_output.svg", "index.html"};
  for (int i = 1; i <= 16; ++i)
    want.push_back((i < 10 ? "sliding-00" : "sliding-0") + std::to_string(i) + ".svg");
  std::sort(want.begin(), want.end());
  EXPECT_EQ(listing(tmp / "f"), want);
}

TEST(SvgCli, RefusesAFolderThatIsNotEmptyUnlessForced) {
  TempFolder tmp;
  const std::string dir = tmp / "figures";
  ASSERT_EQ(
      run_convt(layer_with({"--format", "svg", "--out", dir, "--stages", "formula"})).exit_code, 0);
  auto r = run_convt(layer_with({"--format", "svg", "--out", dir}));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "convt: --out: the folder '" + dir +
                       "' is not empty; add --force to write into it (files of the same name are "
                       "replaced)\n");
  EXPECT_EQ(listing(dir), (std::vector<std::string>{"formula.svg", "index.html"}));
  r = run_convt(layer_with({"--format", "svg", "--out", dir, "--force"}));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(listing(dir).size(), 16u);
}

TEST(SvgCli, AFileThatCannotBeWrittenExitsWithOneAndNamesOut) {
  TempFolder tmp;
  // The figure's place is taken by a folder, so writing it fails even as root.
  fs::create_directories(tmp / "figures/formula.svg");
  auto r = run_convt(layer_with({"--format", "svg", "--out", tmp / "figures", "--force"}));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err.rfind("convt: --out: cannot write '" + (tmp / "figures/formula.svg") + "': ", 0),
            0u)
      << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1);
  for (const std::string& name : listing(tmp / "figures"))
    EXPECT_EQ(name.find(".tmp-"), std::string::npos) << name;
}

TEST(SvgCli, OptionRulesAreOneLineErrorsNamingTheOption) {
  struct Case {
    std::vector<std::string> more;
    std::string err;
  };
  const std::vector<Case> cases = {
      {{"--format", "svg"},
       "convt: --out: --format svg writes one file per stage; name a folder for them with --out "
       "DIR\n"},
      {{"--out", "figs"}, "convt: --out: only --format svg writes files, got --format text\n"},
      {{"--format", "json", "--out", "figs"},
       "convt: --out: only --format svg writes files, got --format json\n"},
      {{"--frames"}, "convt: --frames: only with --format svg\n"},
      {{"--force"}, "convt: --force: only with --format svg\n"},
      {{"--format", "svg", "--out", "/dev/null"},
       "convt: --out: '/dev/null' exists and is not a folder\n"},
      {{"--format", "svg", "--out", "figs", "--compare", "tf"},
       "convt: --compare: the TensorFlow comparison is written in text, unicode, markdown and "
       "json, not with --format svg\n"},
  };
  for (const Case& c : cases) {
    auto r = run_convt(layer_with(c.more));
    EXPECT_EQ(r.exit_code, 2) << c.err;
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, c.err);
  }
}

// --- Golden figures ---------------------------------------------------------------------------

/// One line of tests/golden/svg/cases.txt: the folder and the arguments that produce it.
struct GoldenCase {
  std::string folder;
  std::vector<std::string> args;
};

void PrintTo(const GoldenCase& c, std::ostream* os) { *os << c.folder; }

std::vector<GoldenCase> read_manifest() {
  std::vector<GoldenCase> cases;
  std::string text;
  try {
    text = read_file(kGoldenDir + "/cases.txt");
  } catch (const std::exception&) {
    return cases;
  }
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream words(line);
    GoldenCase c;
    if (!(words >> c.folder) || c.folder[0] == '#') continue;
    for (std::string word; words >> word;) c.args.push_back(word);
    cases.push_back(std::move(c));
  }
  return cases;
}

std::string test_name(const ::testing::TestParamInfo<GoldenCase>& info) {
  std::string name = info.param.folder;
  std::replace_if(
      name.begin(), name.end(), [](char c) { return !std::isalnum(c); }, '_');
  return name;
}

class GoldenSvg : public ::testing::TestWithParam<GoldenCase> {};

TEST_P(GoldenSvg, EveryFileMatchesTheCommittedOneByteForByte) {
  const GoldenCase& c = GetParam();
  TempFolder tmp;
  std::vector<std::string> args = c.args;
  args.push_back("--out");
  args.push_back(tmp / c.folder);
  auto r = run_convt(args);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string golden = kGoldenDir + "/" + c.folder;
  ASSERT_TRUE(fs::is_directory(golden)) << golden << " is missing; " << kRegenerate;
  // index.html repeats every explanation of the catalogue; svg_test.cpp checks it instead.
  std::vector<std::string> written = listing(tmp / c.folder);
  written.erase(std::remove(written.begin(), written.end(), "index.html"), written.end());
  ASSERT_EQ(written, listing(golden)) << kRegenerate;
  for (const std::string& name : listing(golden))
    EXPECT_TRUE(read_file(tmp / (c.folder + "/" + name)) == read_file(golden + "/" + name))
        << "tests/golden/svg/" << c.folder << "/" << name << " differs; " << kRegenerate;
}

INSTANTIATE_TEST_SUITE_P(Cases, GoldenSvg, ::testing::ValuesIn(read_manifest()), test_name);

TEST(GoldenSvgManifest, ListsTheArticlesFourCasesAndEveryFolder) {
  const std::vector<GoldenCase> cases = read_manifest();
  std::vector<std::string> folders;
  for (const GoldenCase& c : cases) folders.push_back(c.folder);
  std::sort(folders.begin(), folders.end());
  EXPECT_EQ(folders,
            (std::vector<std::string>{"k2_s1_p0_n2", "k2_s1_p1_n4", "k2_s2_p1_n2", "k3_s1_p1_n3"}));
  std::vector<std::string> on_disk;
  for (const std::string& name : listing(kGoldenDir))
    if (fs::is_directory(kGoldenDir + "/" + name)) on_disk.push_back(name);
  EXPECT_EQ(on_disk, folders);
}

}  // namespace
