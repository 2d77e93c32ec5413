// The nearest real name to a mistyped option (cli/nearest_name.h): the edit distance against
// values worked by hand, and which names are close enough to suggest.
#include "cli/nearest_name.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using convt::cli::edit_distance;
using convt::cli::nearest_name;

TEST(EditDistance, CountsInsertionsDeletionsAndSubstitutions) {
  EXPECT_EQ(edit_distance("", ""), 0u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
  EXPECT_EQ(edit_distance("abc", ""), 3u);
  EXPECT_EQ(edit_distance("--k", "--k"), 0u);
  EXPECT_EQ(edit_distance("--kk", "--k"), 1u);          // one deletion
  EXPECT_EQ(edit_distance("--formt", "--format"), 1u);  // one insertion
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);    // k->s, e->i, +g
  EXPECT_EQ(edit_distance("flaw", "lawn"), 2u);         // -f, +n
  EXPECT_EQ(edit_distance("widht", "width"), 2u);       // a swap is two substitutions
  EXPECT_EQ(edit_distance("abc", "cba"), edit_distance("cba", "abc"));
}

const std::vector<std::string> kExplain = {
    "--help", "-n",       "--n",      "--input-size", "-k",     "--k",     "--kernel-size", "-s",
    "--s",    "--stride", "--format", "--force",      "--full", "--width", "--max-cells"};

TEST(NearestName, SuggestsTheCloseOnes) {
  EXPECT_EQ(nearest_name("--kk", kExplain), "--k");
  EXPECT_EQ(nearest_name("--formt", kExplain), "--format");
  EXPECT_EQ(nearest_name("--widht", kExplain), "--width");
  EXPECT_EQ(nearest_name("--max-cell", kExplain), "--max-cells");
  EXPECT_EQ(nearest_name("--strides", kExplain), "--stride");
}

TEST(NearestName, StaysQuietWhenNothingIsClose) {
  EXPECT_EQ(nearest_name("--x", kExplain), std::nullopt);  // one letter: anything is 1 edit away
  EXPECT_EQ(nearest_name("--verbose", kExplain), std::nullopt);
  EXPECT_EQ(nearest_name("--k", kExplain), std::nullopt);  // a real name is not mistyped
  EXPECT_EQ(nearest_name("--kk", {}), std::nullopt);
}

TEST(NearestName, TiesGoToTheNameListedFirst) {
  // "--ab" is one deletion from "--a" and from "--b".
  EXPECT_EQ(nearest_name("--ab", {"--a", "--b"}), "--a");
  EXPECT_EQ(nearest_name("--ab", {"--b", "--a"}), "--b");
}

}  // namespace
