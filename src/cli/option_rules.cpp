// The option-combination rules (option_rules.h).
#include "cli/option_rules.h"

#include "convt/error.h"

namespace convt::cli {

void check_compare(const std::string& compare) {
  if (!compare.empty() && compare != "tf")
    throw Error({MsgId::kErrUnknownCompare, {{"value", compare}}});
}

void check_option_rules(const ExplainChoices& c) {
  if (c.standalone && c.format != "latex")
    throw Error({MsgId::kErrStandaloneFormat, {{"value", c.format}}});
  if (c.paper && !c.standalone) throw Error({MsgId::kErrPaperNeedsStandalone, {}});
  check_compare(c.compare);
  if (!c.compare.empty() && c.format != "text" && c.format != "unicode" && c.format != "markdown" &&
      c.format != "json")
    throw Error({MsgId::kErrCompareFormat, {{"value", c.format}}});
  // --out, --force and --frames belong to --format svg, which needs --out.
  const bool svg = c.format == "svg";
  if (svg && !c.has_out) throw Error({MsgId::kErrSvgNeedsOut, {}});
  if (!svg && c.has_out) throw Error({MsgId::kErrOutNeedsSvg, {{"value", c.format}}});
  if (!svg && c.frames) throw Error({MsgId::kErrSvgOnly, {{"option", "--frames"}}});
  if (!svg && c.force) throw Error({MsgId::kErrSvgOnly, {{"option", "--force"}}});
  // --symbolic names every value (x00, w00), so values given for them would be ignored.
  if (c.symbolic && c.has_kernel)
    throw Error({MsgId::kErrSymbolicValues, {{"option", "--kernel"}}});
  if (c.symbolic && c.has_input) throw Error({MsgId::kErrSymbolicValues, {{"option", "--input"}}});
  // --symbolic is the one-channel lesson: a whole layer (Params::whole_layer) is refused.
  if (c.symbolic) {
    const char* layer_option = c.in_channels != 1    ? "--in-channels"
                               : c.out_channels != 1 ? "--out-channels"
                               : c.groups != 1       ? "--groups"
                               : c.has_bias          ? "--bias"
                               : c.dims == 3         ? "--dims"
                                                     : nullptr;
    if (layer_option != nullptr)
      throw Error({MsgId::kErrSymbolicWholeLayer, {{"option", layer_option}}});
  }
  // --format python recomputes every stage and compares exact values: symbols, a subset of
  // the stages or rounded values would leave it nothing to compare, or numbers that differ.
  if (c.format == "python") {
    const char* excluded = c.symbolic     ? "--symbolic"
                           : c.has_stages ? "--stages"
                           : c.has_digits ? "--digits"
                                          : nullptr;
    if (excluded != nullptr) throw Error({MsgId::kErrPythonExcludes, {{"option", excluded}}});
  }
}

void check_option_rules(const ChainChoices& c) {
  if (c.has_layer && c.has_layers) throw Error({MsgId::kErrLayerAndLayers, {}});
  if (!c.has_layer && !c.has_layers) throw Error({MsgId::kErrNoLayers, {}});
}

}  // namespace convt::cli
