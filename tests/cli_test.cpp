#include <gtest/gtest.h>

#include "run_convt.h"

namespace {

using convt::testing::run_convt;

TEST(Cli, ArticleCaseEndsWithPyTorchOutput) {
  auto r = run_convt({"explain", "--k", "3", "--s", "1", "--p", "1", "--n", "3"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "");
  EXPECT_NE(r.out.find("    0  26  56  54\n    1  84 165 144\n    2 134 236 186\n"), std::string::npos)
      << r.out;
}

}  // namespace
