// The golden manifests: tests/golden/cases.txt and the cases.txt of its folders zh/, symbolic/,
// formats/ and svg/ list each golden output and the command line that produces it. Read here for
// the end-to-end golden tests (tests/e2e/golden_*_test.cpp); written by tests/update_goldens.sh.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

namespace convt::testing {

/// The golden folder, tests/golden (CONVT_GOLDEN_DIR), as an absolute path.
std::string golden_dir();

/// One line of a manifest: the golden (a file, or for svg/ a folder of figures) and the
/// arguments after `convt` that produce it.
struct GoldenCase {
  std::string folder;  ///< the manifest's folder in tests/golden: "", "zh", "symbolic", ...
  std::string name;    ///< the golden's path relative to that folder, e.g. "latex/k2_s1_p0_n2.tex"
  std::vector<std::string> args;  ///< after "convt"
  /// Empty for a case read from the manifest. Set only on the one stand-in case that
  /// read_manifest returns for a manifest that cannot be read or lists no case: it says what is
  /// wrong, and a test given this case must fail with it.
  std::string problem;

  std::string path() const;     ///< the golden's absolute path
  std::string shown() const;    ///< the golden's path from the repository root, for messages
  std::string command() const;  ///< "convt <args>", for messages
};

/// gtest prints a case as shown().
void PrintTo(const GoldenCase& c, std::ostream* os);

/// Reads tests/golden/<folder>/cases.txt: "<name> <args...>" per line, split on spaces (no
/// quoting); lines starting with '#' and blank lines are skipped.
/// Never returns an empty list: when the manifest cannot be read or lists no case, the result is
/// one case whose `problem` says so. Parameterised tests are registered before main, where
/// nothing can fail a test; with the stand-in case the instantiated test fails instead of
/// quietly running zero cases.
std::vector<GoldenCase> read_manifest(const std::string& folder);

/// A gtest-safe test name for a case: its name with every character but letters and digits
/// replaced by '_' ("latex/k2_s1_p0_n2.tex" -> "latex_k2_s1_p0_n2_tex").
std::string golden_test_name(const GoldenCase& c);

/// What the manifest of a folder must cover, for expect_manifest_complete.
enum class GoldenLayout {
  kFiles,           ///< every file directly in the folder (its subfolders are other manifests')
  kFilesRecursive,  ///< every file in the folder and its subfolders
  kFolders,         ///< every subfolder (each golden is a folder of figures)
};

/// Expects (gtest EXPECT/ADD_FAILURE, in the calling test) that the manifest of `folder` was read
/// and lists at least `at_least` cases, lists no golden twice, that every listed golden exists,
/// and that every golden on disk in the folder (per `layout`; cases.txt and update.sh aside) is
/// listed.
void expect_manifest_complete(const std::string& folder, size_t at_least, GoldenLayout layout);

/// The line every golden and doc-example failure ends with: how to regenerate them all
/// (tests/update_goldens.sh) and what to review afterwards.
std::string regenerate_hint();

/// The first line where `expected` and `actual` differ, with two lines of context, shown like a
/// unified diff ("- " expected, "+ " actual), for a failure message that does not print both
/// whole texts.
std::string diff_hint(const std::string& expected, const std::string& actual);

}  // namespace convt::testing
