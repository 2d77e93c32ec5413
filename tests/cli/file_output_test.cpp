// Writing the figures (file_output.h): the folder checks of --out and --force, atomic writes
// that leave no temporary files, and errors that name --out and the path.
#include "cli/file_output.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "error_text.h"
#include "files.h"

namespace {

namespace fs = std::filesystem;

using convt::testing::error_text;
using convt::testing::listing;
using convt::testing::TempFolder;

std::string read(const std::string& path) { return convt::testing::read_file(path); }

TEST(FileOutput, CreatesTheFolderAndWritesEveryFigure) {
  TempFolder tmp;
  const std::string dir = tmp / "a/b/figures";
  convt::write_figures(dir, {{"one.svg", "<svg/>\n"}, {"index.html", "<p>hi</p>\n"}});
  EXPECT_EQ(listing(dir), (std::vector<std::string>{"index.html", "one.svg"}));
  EXPECT_EQ(read(dir + "/one.svg"), "<svg/>\n");
  EXPECT_EQ(read(dir + "/index.html"), "<p>hi</p>\n");
}

TEST(FileOutput, ReplacesFilesOfTheSameNameAndKeepsOthers) {
  TempFolder tmp;
  convt::write_figures(tmp.path(), {{"one.svg", "old"}, {"mine.txt", "keep"}});
  convt::write_figures(tmp.path(), {{"one.svg", "new"}});
  EXPECT_EQ(read(tmp / "one.svg"), "new");
  EXPECT_EQ(read(tmp / "mine.txt"), "keep");
  EXPECT_EQ(listing(tmp.path()), (std::vector<std::string>{"mine.txt", "one.svg"}));
}

TEST(FileOutput, NewFilesAreReadableByOthersUnderTheUsualUmask) {
  TempFolder tmp;
  const mode_t old = umask(022);
  convt::write_figures(tmp.path(), {{"one.svg", "x"}});
  umask(old);
  EXPECT_EQ(fs::status(tmp / "one.svg").permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                fs::perms::others_read);
}

TEST(FileOutput, AFailedWriteNamesOutAndThePathAndLeavesNoTemporaryFile) {
  TempFolder tmp;
  // A folder where the figure should go: the rename over it fails.
  fs::create_directory(tmp / "two.svg");
  const std::string what = error_text([&] {
    convt::write_figures(tmp.path(), {{"one.svg", "1"}, {"two.svg", "2"}});
  });
  EXPECT_EQ(what.rfind("--out: cannot write '" + (tmp / "two.svg") + "': ", 0), 0u) << what;
  // The figure before the failing one is complete; no ".two.svg.tmp-*" is left behind.
  EXPECT_EQ(read(tmp / "one.svg"), "1");
  EXPECT_EQ(listing(tmp.path()), (std::vector<std::string>{"one.svg", "two.svg"}));
}

TEST(FileOutput, AFolderThatCannotBeCreatedIsAnErrorNamingOut) {
  TempFolder tmp;
  convt::write_figures(tmp.path(), {{"file", "x"}});
  EXPECT_EQ(error_text([&] {
              convt::write_figures(tmp / "file/sub", {{"one.svg", "1"}});
            }),
            "--out: cannot create the folder '" + (tmp / "file/sub") + "': Not a directory");
}

TEST(FileOutput, CheckAcceptsAMissingOrEmptyFolder) {
  TempFolder tmp;
  EXPECT_NO_THROW(convt::check_output_folder(tmp / "missing", false));
  EXPECT_NO_THROW(convt::check_output_folder(tmp.path(), false));
}

TEST(FileOutput, CheckRefusesAFolderThatIsNotEmptyUnlessForced) {
  TempFolder tmp;
  convt::write_figures(tmp.path(), {{"old.svg", "x"}});
  EXPECT_EQ(error_text([&] { convt::check_output_folder(tmp.path(), false); }),
            "--out: the folder '" + tmp.path() +
                "' is not empty; add --force to write into it (files of the same name are "
                "replaced)");
  EXPECT_NO_THROW(convt::check_output_folder(tmp.path(), true));
}

TEST(FileOutput, CheckRefusesAFileEvenWhenForced) {
  TempFolder tmp;
  convt::write_figures(tmp.path(), {{"file", "x"}});
  EXPECT_EQ(error_text([&] { convt::check_output_folder(tmp / "file", true); }),
            "--out: '" + (tmp / "file") + "' exists and is not a folder");
}

}  // namespace
