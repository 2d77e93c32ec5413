// The man page writer (man_page.h), on small hand-made CommandSpecs (sample_spec.h). The generated
// page of the real convt is checked end to end by tests/e2e/install_test.sh (groff, man -l).
#include "cli/man_page.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "sample_spec.h"

namespace {

using convt::CommandSpec;
using convt::ValueKind;
using convt::testing::option;
using convt::testing::tool;

size_t count(const std::string& text, const std::string& part) {
  size_t n = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

TEST(ManPage, ParseFooterSplitsTitledSectionsIntoTermAndText) {
  auto sections = convt::parse_footer(tool().subcommands[0].footer);
  ASSERT_EQ(sections.size(), 2u);
  EXPECT_EQ(sections[0].title, "Examples");
  ASSERT_EQ(sections[0].items.size(), 2u);
  EXPECT_EQ(sections[0].items[0].term, "tool run --x 1");
  EXPECT_EQ(sections[0].items[0].text, "first");
  EXPECT_EQ(sections[0].items[1].term, "tool run --x 2 --mode slow");
  EXPECT_EQ(sections[0].items[1].text, "");
  EXPECT_EQ(sections[1].title, "Exit status");
  EXPECT_EQ(sections[1].items[0].term, "0");
  EXPECT_EQ(sections[1].items[0].text, "success");
}

TEST(ManPage, HasTheStandardSectionsWithExamplesLast) {
  const std::string page = convt::man_page(tool(), "1.2.3");
  EXPECT_EQ(page.find(".TH TOOL 1 \"\" \"tool 1.2.3\""), page.find(".TH"));
  EXPECT_NE(page.find(".SH NAME\ntool \\- does things\n"), std::string::npos);
  const size_t synopsis = page.find(".SH SYNOPSIS"), options = page.find(".SH OPTIONS");
  const size_t status = page.find(".SH \"EXIT STATUS\""), examples = page.find(".SH EXAMPLES");
  ASSERT_NE(examples, std::string::npos);
  EXPECT_LT(synopsis, options);
  EXPECT_LT(options, status);
  EXPECT_LT(status, examples);
  // The root's and the subcommand's footers both list "tool run --x 1": it is shown once.
  EXPECT_EQ(count(page, "\\fBtool run \\-\\-x 1\\fR"), 1u);
  EXPECT_NE(page.find("\\fBtool run\\fR \\fB\\-\\-x\\fR \\fIX\\fR [\\fIOPTIONS\\fR]"),
            std::string::npos);
}

TEST(ManPage, ListsValueSetsAndRequiredOptions) {
  const std::string page = convt::man_page(tool(), "1");
  EXPECT_NE(page.find("\\fB\\-\\-x\\fR \\fIX\\fR\nThe x. Required.\n"), std::string::npos);
  EXPECT_NE(page.find("How. One of: fast, slow.\n"), std::string::npos);
  EXPECT_NE(page.find("Which. A comma\\-separated list of: a, b.\n"), std::string::npos);
}

TEST(ManPage, EscapesWhatRoffWouldReadAsMarkup) {
  CommandSpec root{"tool", "does things", {}, {}, ""};
  root.options.push_back(
      option({"--odd"}, "", ".starts like a request, has a \\ and caf\xC3\xA9", ValueKind::kNone));
  const std::string page = convt::man_page(root, "1");
  EXPECT_NE(page.find("\n\\&.starts like a request, has a \\e and caf\\[u00E9].\n"),
            std::string::npos);
  for (char c : page) EXPECT_LT(static_cast<unsigned char>(c), 0x80u);
}

}  // namespace
