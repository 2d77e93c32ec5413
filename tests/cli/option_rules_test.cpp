// The option-combination rules of the command line (cli/option_rules.h), called directly,
// without CLI11: each rule accepts what it should, and refuses the rest with its message.
#include "cli/option_rules.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "convt/error.h"
#include "convt/messages.h"

namespace {

using convt::MsgId;
using convt::cli::ChainChoices;
using convt::cli::check_compare;
using convt::cli::check_option_rules;
using convt::cli::ExplainChoices;

/// What an Error says: its message id and its English text.
struct Refusal {
  MsgId id;
  std::string text;
};

/// The Error `f` throws, or nullopt when it returns normally.
std::optional<Refusal> refusal(const std::function<void()>& f) {
  try {
    f();
  } catch (const convt::Error& e) {
    return Refusal{e.message().id, convt::resolve(e.message(), convt::Lang::kEn)};
  }
  return std::nullopt;
}

std::optional<Refusal> explain_refusal(const ExplainChoices& choices) {
  return refusal([&] { check_option_rules(choices); });
}

std::optional<Refusal> chain_refusal(const ChainChoices& choices) {
  return refusal([&] { check_option_rules(choices); });
}

void expect_refused(const std::optional<Refusal>& got, MsgId id, const std::string& text) {
  ASSERT_TRUE(got.has_value()) << "accepted, expected: " << text;
  EXPECT_EQ(got->id, id) << got->text;
  EXPECT_EQ(got->text, text);
}

const std::vector<std::string> kFormats = {"text", "unicode", "markdown", "latex", "json", "svg"};

/// The choices of an accepted command line with --format `format` (svg gets its --out).
ExplainChoices with_format(const std::string& format) {
  ExplainChoices choices;
  choices.format = format;
  choices.has_out = format == "svg";
  return choices;
}

/// A rule about --format: `add` (an option, or an option's value) on top of with_format(format)
/// is accepted for each format of `accepted` and refused with `id` for every other, the English
/// text being `text` with "{format}" replaced by the format.
void expect_format_rule(const std::function<void(ExplainChoices&)>& add,
                        const std::vector<std::string>& accepted, MsgId id,
                        const std::string& text) {
  for (const std::string& format : kFormats) {
    SCOPED_TRACE("--format " + format);
    ExplainChoices choices = with_format(format);
    add(choices);
    if (std::find(accepted.begin(), accepted.end(), format) != accepted.end()) {
      EXPECT_FALSE(explain_refusal(choices));
    } else {
      std::string expected = text;
      if (const size_t at = expected.find("{format}"); at != std::string::npos)
        expected.replace(at, 8, format);
      expect_refused(explain_refusal(choices), id, expected);
    }
  }
}

TEST(ExplainOptionRules, DefaultsAreAccepted) {
  EXPECT_FALSE(explain_refusal(ExplainChoices{}));
  for (const std::string& format : kFormats)
    EXPECT_FALSE(explain_refusal(with_format(format))) << format;
}

TEST(ExplainOptionRules, StandaloneNeedsLatex) {
  expect_format_rule([](ExplainChoices& c) { c.standalone = true; }, {"latex"},
                     MsgId::kErrStandaloneFormat,
                     "--standalone: only --format latex writes a complete document, got --format "
                     "{format}");
}

TEST(ExplainOptionRules, PaperNeedsStandalone) {
  ExplainChoices choices = with_format("latex");
  choices.paper = true;
  expect_refused(explain_refusal(choices), MsgId::kErrPaperNeedsStandalone,
                 "--paper: sets the page of a complete document; it needs --format latex "
                 "--standalone");
  choices.standalone = true;
  EXPECT_FALSE(explain_refusal(choices));
  // With another format, --standalone is named first.
  choices.format = "markdown";
  expect_refused(explain_refusal(choices), MsgId::kErrStandaloneFormat,
                 "--standalone: only --format latex writes a complete document, got --format "
                 "markdown");
}

TEST(ExplainOptionRules, CompareTakesOnlyTf) {
  EXPECT_FALSE(refusal([] { check_compare(""); }));
  EXPECT_FALSE(refusal([] { check_compare("tf"); }));
  for (const std::string value : {"TF", "keras", "tf,tf"})
    expect_refused(refusal([&] { check_compare(value); }), MsgId::kErrUnknownCompare,
                   "--compare: unknown comparison '" + value + "'; choose one of: tf");
  expect_format_rule([](ExplainChoices& c) { c.compare = "torch"; }, {}, MsgId::kErrUnknownCompare,
                     "--compare: unknown comparison 'torch'; choose one of: tf");
}

TEST(ExplainOptionRules, CompareFormats) {
  expect_format_rule([](ExplainChoices& c) { c.compare = "tf"; },
                     {"text", "unicode", "markdown", "json"}, MsgId::kErrCompareFormat,
                     "--compare: the TensorFlow comparison is written in text, unicode, markdown "
                     "and json, not with --format {format}");
}

TEST(ExplainOptionRules, SvgNeedsOut) {
  const std::string text =
      "--out: --format svg writes one file per stage; name a folder for them with --out DIR";
  ExplainChoices svg = with_format("svg");
  svg.has_out = false;
  expect_refused(explain_refusal(svg), MsgId::kErrSvgNeedsOut, text);
  // Without --out, --frames and --force do not matter: the missing folder is named first.
  svg.frames = svg.force = true;
  expect_refused(explain_refusal(svg), MsgId::kErrSvgNeedsOut, text);
}

TEST(ExplainOptionRules, OutNeedsSvg) {
  expect_format_rule([](ExplainChoices& c) { c.has_out = true; }, {"svg"}, MsgId::kErrOutNeedsSvg,
                     "--out: only --format svg writes files, got --format {format}");
}

TEST(ExplainOptionRules, FramesNeedSvg) {
  expect_format_rule([](ExplainChoices& c) { c.frames = true; }, {"svg"}, MsgId::kErrSvgOnly,
                     "--frames: only with --format svg");
  // --frames is named before --force.
  expect_format_rule([](ExplainChoices& c) { c.frames = c.force = true; }, {"svg"},
                     MsgId::kErrSvgOnly, "--frames: only with --format svg");
}

TEST(ExplainOptionRules, ForceNeedsSvg) {
  expect_format_rule([](ExplainChoices& c) { c.force = true; }, {"svg"}, MsgId::kErrSvgOnly,
                     "--force: only with --format svg");
}

TEST(ExplainOptionRules, SymbolicRefusesValues) {
  // --symbolic with each format, alone and with values: the values would be ignored.
  expect_format_rule([](ExplainChoices& c) { c.symbolic = true; }, kFormats,
                     MsgId::kErrSymbolicValues, "");
  expect_format_rule([](ExplainChoices& c) { c.has_kernel = c.has_input = true; }, kFormats,
                     MsgId::kErrSymbolicValues, "");
  expect_format_rule(
      [](ExplainChoices& c) { c.symbolic = c.has_kernel = true; }, {}, MsgId::kErrSymbolicValues,
      "--symbolic: writes the kernel and the input as symbols, so --kernel would be ignored; "
      "leave out one of them");
  expect_format_rule(
      [](ExplainChoices& c) { c.symbolic = c.has_input = true; }, {}, MsgId::kErrSymbolicValues,
      "--symbolic: writes the kernel and the input as symbols, so --input would be ignored; "
      "leave out one of them");
  // Both given: --kernel is named first.
  ExplainChoices both;
  both.symbolic = both.has_kernel = both.has_input = true;
  EXPECT_NE(explain_refusal(both)->text.find("so --kernel"), std::string::npos);
}

TEST(ExplainOptionRules, SymbolicRefusesTheWholeLayer) {
  // --symbolic is the one-channel lesson: each option that makes a whole layer is named.
  const std::string rule_end = "; leave out one of them";
  auto expect_named = [&](const std::function<void(ExplainChoices&)>& add,
                          const std::string& option) {
    SCOPED_TRACE(option);
    ExplainChoices choices;
    add(choices);
    EXPECT_FALSE(explain_refusal(choices));  // without --symbolic the layer is derived
    choices.symbolic = true;
    expect_refused(explain_refusal(choices), MsgId::kErrSymbolicWholeLayer,
                   "--symbolic: writes only the one-channel layer without bias in 1-D or 2-D, so "
                   "it cannot go with " +
                       option + rule_end);
  };
  expect_named([](ExplainChoices& c) { c.in_channels = 2; }, "--in-channels");
  expect_named([](ExplainChoices& c) { c.out_channels = 3; }, "--out-channels");
  expect_named([](ExplainChoices& c) { c.groups = 2; }, "--groups");
  expect_named([](ExplainChoices& c) { c.has_bias = true; }, "--bias");
  expect_named([](ExplainChoices& c) { c.dims = 3; }, "--dims");
  // The first in that order is named.
  expect_named(
      [](ExplainChoices& c) {
        c.out_channels = 2;
        c.has_bias = true;
        c.dims = 3;
      },
      "--out-channels");
  // One channel, one group, dims 1 or 2: the lesson itself.
  for (int dims : {1, 2}) {
    ExplainChoices lesson;
    lesson.symbolic = true;
    lesson.dims = dims;
    EXPECT_FALSE(explain_refusal(lesson)) << dims;
  }
  // Values for --kernel are refused first (rule 8 before rule 10).
  ExplainChoices both;
  both.symbolic = both.has_kernel = true;
  both.in_channels = 2;
  EXPECT_EQ(explain_refusal(both)->id, MsgId::kErrSymbolicValues);
}

TEST(ExplainOptionRules, FirstBrokenRuleIsReported) {
  // Every rule broken at once: they are judged in the order option_rules.h lists.
  ExplainChoices all = with_format("text");
  all.standalone = all.has_out = all.frames = all.force = true;
  all.compare = "bogus";
  EXPECT_EQ(explain_refusal(all)->id, MsgId::kErrStandaloneFormat);
  all.standalone = false;
  EXPECT_EQ(explain_refusal(all)->id, MsgId::kErrUnknownCompare);
  all.compare = "tf";
  all.format = "latex";
  EXPECT_EQ(explain_refusal(all)->id, MsgId::kErrCompareFormat);
  all.compare.clear();
  EXPECT_EQ(explain_refusal(all)->id, MsgId::kErrOutNeedsSvg);
  all.has_out = false;
  EXPECT_EQ(explain_refusal(all)->text, "--frames: only with --format svg");
}

TEST(ChainOptionRules, OneWayOfGivingLayers) {
  EXPECT_FALSE(chain_refusal({.has_layer = true, .has_layers = false}));
  EXPECT_FALSE(chain_refusal({.has_layer = false, .has_layers = true}));
  expect_refused(chain_refusal({.has_layer = true, .has_layers = true}), MsgId::kErrLayerAndLayers,
                 "--layer/--layers: give the layers with one of them, not both");
  expect_refused(chain_refusal({.has_layer = false, .has_layers = false}), MsgId::kErrNoLayers,
                 "--layer: no layers given; add --layer k4s2p1 once per layer, or --layers "
                 "k4s1p0,k4s2p1");
}

TEST(ExplainOptionRules, PythonRefusesSymbolsStagesAndDigits) {
  auto expect_named = [](const std::function<void(ExplainChoices&)>& add,
                         const std::string& option) {
    SCOPED_TRACE(option);
    ExplainChoices choices;
    add(choices);
    EXPECT_FALSE(explain_refusal(choices));  // the text format takes it
    choices.format = "python";
    expect_refused(explain_refusal(choices), MsgId::kErrPythonExcludes,
                   "--format python: cannot be combined with " + option +
                       "; the script checks every stage's exact values against PyTorch");
  };
  expect_named([](ExplainChoices& c) { c.symbolic = true; }, "--symbolic");
  expect_named([](ExplainChoices& c) { c.has_stages = true; }, "--stages");
  expect_named([](ExplainChoices& c) { c.has_digits = true; }, "--digits");
  ExplainChoices layer;
  layer.format = "python";
  layer.in_channels = 2;
  layer.has_bias = true;
  layer.dims = 3;
  EXPECT_FALSE(explain_refusal(layer));  // whole layers are scripted too
}

}  // namespace
