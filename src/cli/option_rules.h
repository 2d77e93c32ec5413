// The rules about which options go together, apart from the parser: plain functions of plain
// structs, so that they can be tested without CLI11 and read in one place. Each throws the
// convt::Error the command line prints; the run functions call them after parsing the values
// they depend on, so a command line gets the same error whatever calls them.
#pragma once

#include <cstdint>
#include <string>

namespace convt::cli {

/// What the rules of `convt explain` look at, as typed. An empty string means "not given".
struct ExplainChoices {
  std::string format = "text";  ///< --format; the caller has refused unknown names already
  bool standalone = false;      ///< --standalone
  bool paper = false;           ///< --paper was given
  std::string compare;          ///< --compare
  bool has_out = false;         ///< --out DIR was given
  bool frames = false;          ///< --frames
  bool force = false;           ///< --force
  bool symbolic = false;        ///< --symbolic
  bool has_kernel = false;      ///< --kernel VALUES was given
  bool has_input = false;       ///< --input VALUES was given
  int64_t in_channels = 1;      ///< --in-channels, parsed
  int64_t out_channels = 1;     ///< --out-channels, parsed
  int64_t groups = 1;           ///< --groups, parsed
  bool has_bias = false;        ///< --bias VALUES was given
  int dims = 2;                 ///< --dims, parsed
  bool has_stages = false;      ///< --stages was given
  bool has_digits = false;      ///< --digits was given
};

/// Judges the options of `convt explain` that belong together, in this order, throwing Error at
/// the first rule broken:
///   1. --standalone needs --format latex             kErrStandaloneFormat {value: format}
///      --paper needs --standalone                     kErrPaperNeedsStandalone
///   2. --compare is empty or "tf" (check_compare)     kErrUnknownCompare {value: compare}
///   3. --compare needs text, unicode, markdown or json  kErrCompareFormat {value: format}
///   4. --format svg needs --out                       kErrSvgNeedsOut
///   5. --out needs --format svg                       kErrOutNeedsSvg {value: format}
///   6. --frames needs --format svg                    kErrSvgOnly {option: "--frames"}
///   7. --force needs --format svg                     kErrSvgOnly {option: "--force"}
///   8. --symbolic writes symbols, not --kernel values  kErrSymbolicValues {option: "--kernel"}
///   9. --symbolic writes symbols, not --input values   kErrSymbolicValues {option: "--input"}
///  10. --symbolic writes only the one-channel 1-D or 2-D layer without bias (the sums of a
///      whole layer are too long to read): not with in_channels, out_channels or groups other
///      than 1, --bias or --dims 3        kErrSymbolicWholeLayer {option: the first of
///      --in-channels,
///      --out-channels, --groups, --bias, --dims that breaks it}
///  11. --format python checks every stage's exact values: not with --symbolic, --stages or
///      --digits                          kErrPythonExcludes {option: the first of them given}
/// (So --compare with --format svg or python is refused by rule 3.) Returns normally when all hold.
void check_option_rules(const ExplainChoices& choices);

/// --compare of `explain` and `shape`: empty (not given) or "tf".
/// Throws Error kErrUnknownCompare {value: compare} for anything else.
void check_compare(const std::string& compare);

/// What the rules of `convt chain` look at: which of the two ways of giving layers was used.
struct ChainChoices {
  bool has_layer = false;   ///< --layer given at least once
  bool has_layers = false;  ///< --layers given
};

/// Judges the layer options of `convt chain`, in this order:
///   1. not both --layer and --layers   kErrLayerAndLayers
///   2. one of them                     kErrNoLayers
void check_option_rules(const ChainChoices& choices);

}  // namespace convt::cli
