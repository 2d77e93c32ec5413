// Colour (text/style.h): the decision from --color, NO_COLOR, CLICOLOR_FORCE, TERM and whether
// stdout is a terminal, and painting with SGR escapes.
#include "text/style.h"

#include <gtest/gtest.h>

#include <optional>

namespace {

using convt::ColorMode;
using convt::TerminalFacts;

TerminalFacts tty(const char* term = "xterm-256color") {
  TerminalFacts facts;
  facts.stdout_is_tty = true;
  if (term) facts.term = term;
  return facts;
}

TEST(DecideColor, AutoColoursATerminalOnly) {
  EXPECT_TRUE(convt::decide_color(ColorMode::kAuto, tty()));
  TerminalFacts piped = tty();
  piped.stdout_is_tty = false;
  EXPECT_FALSE(convt::decide_color(ColorMode::kAuto, piped));
}

TEST(DecideColor, AutoNeedsATermThatIsNotDumb) {
  EXPECT_FALSE(convt::decide_color(ColorMode::kAuto, tty("dumb")));
  EXPECT_FALSE(convt::decide_color(ColorMode::kAuto, tty(nullptr)));
  EXPECT_FALSE(convt::decide_color(ColorMode::kAuto, tty("")));
}

TEST(DecideColor, NonEmptyNoColorTurnsAutoOff) {
  TerminalFacts facts = tty();
  facts.no_color = "1";
  EXPECT_FALSE(convt::decide_color(ColorMode::kAuto, facts));
  facts.no_color = "";  // https://no-color.org: only a non-empty value counts
  EXPECT_TRUE(convt::decide_color(ColorMode::kAuto, facts));
}

TEST(DecideColor, ClicolorForceColoursAPipe) {
  TerminalFacts piped;
  piped.clicolor_force = "1";
  EXPECT_TRUE(convt::decide_color(ColorMode::kAuto, piped));
  piped.clicolor_force = "0";
  EXPECT_FALSE(convt::decide_color(ColorMode::kAuto, piped));
  piped.clicolor_force = "";
  EXPECT_FALSE(convt::decide_color(ColorMode::kAuto, piped));
}

TEST(DecideColor, NoColorWinsOverClicolorForce) {
  TerminalFacts facts = tty();
  facts.no_color = "1";
  facts.clicolor_force = "1";
  EXPECT_FALSE(convt::decide_color(ColorMode::kAuto, facts));
}

TEST(DecideColor, TheFlagWinsOverTheEnvironment) {
  TerminalFacts off;  // piped, NO_COLOR set
  off.no_color = "1";
  EXPECT_TRUE(convt::decide_color(ColorMode::kAlways, off));
  TerminalFacts forced = tty();
  forced.clicolor_force = "1";
  EXPECT_FALSE(convt::decide_color(ColorMode::kNever, forced));
}

TEST(DecideColor, ModeNames) {
  EXPECT_EQ(convt::color_mode_from_name("auto"), ColorMode::kAuto);
  EXPECT_EQ(convt::color_mode_from_name("always"), ColorMode::kAlways);
  EXPECT_EQ(convt::color_mode_from_name("never"), ColorMode::kNever);
  EXPECT_EQ(convt::color_mode_from_name("yes"), std::nullopt);
}

TEST(Paint, WrapsInSgrAndResetOnlyWhenOn) {
  EXPECT_EQ(convt::paint(".", convt::Tone::kStructural, false), ".");
  EXPECT_EQ(convt::paint(".", convt::Tone::kStructural, true), "\x1b[90m.\x1b[0m");
  EXPECT_EQ(convt::paint("7", convt::Tone::kPlain, true), "7");
}

}  // namespace
