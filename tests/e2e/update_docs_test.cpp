// tests/cli/update_docs.sh, the refresh of the doc examples that tests/update_goldens.sh runs:
// on a sample README it replaces the bodies of "$ convt" example blocks with the real output of
// the real executable, and leaves every other block and line alone.
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "convt/version.h"
#include "files.h"
#include "run_convt.h"

namespace {

using convt::testing::read_file;
using convt::testing::TempFolder;

TEST(Docs, RefreshReplacesOnlyTheBodiesOfExampleBlocks) {
  const TempFolder root;
  const std::string doc =
      "Intro\n```text\n$ convt --version\nstale output\n```\n```\n$ convt --version\nkept\n```\n"
      "```text\nnot an example\n```\n```text\n$ convt explain --k 3 --n 3 --stages kernal\n```\n";
  std::ofstream(root / "README.md", std::ios::binary) << doc;
  const auto r = convt::testing::run_program(
      "/bin/sh", {std::string(CONVT_SOURCE_DIR) + "/tests/cli/update_docs.sh",
                  convt::testing::convt_path(), root.path()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(
      read_file(root / "README.md"),
      "Intro\n```text\n$ convt --version\nconvt " + std::string(convt::kVersion) +
          "\nLicense: MIT\n```\n```\n$ convt --version\nkept\n```\n```text\nnot an example\n```\n"
          "```text\n$ convt explain --k 3 --n 3 --stages kernal\nconvt: --stages: unknown "
          "stage id 'kernal'; valid ids: formula, kernel, input, conv_matrix, "
          "transposed_matrix, matrix_output, scatter_stamps, scatter_output, zero_inserted, "
          "padded_input, "
          "flipped_kernel, dilated_kernel, direct_output, output, overlap, check\n```\n");
}

}  // namespace
