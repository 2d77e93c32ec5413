// --help and --version through the real executable (run_convt.h): what a user types first,
// checked end to end. The version is the build's (convt/version.h, from CMake's project()).
// tests/e2e/install_test.sh (ctest install.help) checks the whole --help contract.
#include <gtest/gtest.h>

#include <string>

#include "convt/version.h"
#include "run_convt.h"

namespace {

using convt::testing::run_convt;

TEST(CliHelp, VersionPrintsNameVersionAndLicenseAndExitsZero) {
  auto r = run_convt({"--version"});
  EXPECT_EQ(r.exit_code, 0);
  // The license is the one of LICENSE at the top of the source tree (MIT).
  EXPECT_EQ(r.out, std::string("convt ") + convt::kVersion + "\nLicense: MIT\n");
  EXPECT_EQ(r.err, "");
}

TEST(CliHelp, HelpListsTheSubcommandAndExitsZero) {
  auto r = run_convt({"--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("explain"), std::string::npos) << r.out;
  EXPECT_EQ(r.err, "");
}

TEST(CliHelp, ExplainHelpListsEveryOptionAndExitsZero) {
  auto r = run_convt({"explain", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "");
  for (const char* option : {"--n", "--k", "--s", "--p", "--d", "--op", "--dims", "--kernel",
                             "--input", "--format", "--stages", "--width", "--full", "--max-cells"})
    EXPECT_NE(r.out.find(option), std::string::npos) << option;
}

}  // namespace
