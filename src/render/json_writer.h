// The pieces every JSON document of convt is written with (docs/json.md for `convt explain`,
// docs/shape-tools.md for shape, solve, chain and --compare tf): string literals, arrays, the
// parameter objects, and the top-level object with one member a line. Pure: they return or
// append text; the layout (spaces, line breaks) is part of the documented output.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "convt/params.h"

namespace convt::json {

/// A JSON string literal (RFC 8259, section 7): `"` and `\` escaped with a backslash, newline
/// and tab as \n and \t, every other control character below 0x20 as \u00xx; all other bytes
/// (UTF-8 included) copied. **Example**: quoted("a\"b") == "\"a\\\"b\"".
std::string quoted(std::string_view text);

/// An array of whole numbers without spaces: "[1,2]"; "[]" when empty.
std::string ints(const std::vector<int64_t>& values);

/// An array of string literals (quoted) separated by ", ": "[\"a\", \"b\"]"; "[]" when empty.
std::string strings(const std::vector<std::string>& values);

/// "true" or "false".
std::string boolean(bool value);

/// The number, or "null" when there is none.
std::string optional_int(const std::optional<int64_t>& value);

/// The string literal of `sentences` joined by one space, as every "text" member holds its prose.
/// A space goes before each sentence once the text so far is not empty.
std::string sentences(const std::vector<std::string>& sentences);

/// A layer's parameters per axis as members, in this order:
/// "\"k\": [4,4], \"s\": [2,2], \"p\": [1,1], \"d\": [1,1], \"<op_key>\": [0,0]", where
/// `op_key` names output_padding ("output_padding" in "params", "op" in a tool's layer).
std::string layer_members(const std::vector<AxisParams>& axes, std::string_view op_key);

/// The "params" object of explain and `convt shape`: {"dims": 2, "n": [4,4], then
/// layer_members(params.axes, "output_padding")}.
std::string params_object(const Params& params);

/// The channel members of a layer: "\"in_channels\": 2, \"out_channels\": 4, \"groups\": 2,
/// \"bias\": [0.5,-1,0,2]", bias an array of numbers (format_number) or null without one.
std::string channel_members(const Params& params);

/// The "params" object of explain: params_object's members, then channel_members.
std::string explain_params_object(const Params& params);

/// The "params" object of solve and chain, the input alone: "{\"dims\": 2, \"n\": [4,4]}".
std::string input_object(int dims, const std::vector<int64_t>& n);

/// An array of a top-level member written one item a line: "[\n" + the items joined by ",\n" +
/// "\n  ]", or "[]" when there are none. Each item carries its own indent.
std::string item_lines(const std::vector<std::string>& items);

/// Writes one top-level object into a string, one member a line:
/// "{\n  \"a\": 1,\n  \"b\": [2]\n}\n". Appends to `out`; the caller owns the string.
class ObjectWriter {
 public:
  /// Starts the object: appends "{\n". `out` must outlive the writer.
  explicit ObjectWriter(std::string& out);

  /// Starts the next member: ",\n" before all but the first, then "  \"key\": "; returns the
  /// string for the caller to append the member's value to (`key` is not escaped).
  std::string& key(std::string_view key);

  /// A whole member: key(key) followed by `value` (already JSON).
  void member(std::string_view key, std::string_view value);

  /// Ends the object: appends "\n}\n". No member may follow.
  void close();

 private:
  std::string& out_;
  bool first_ = true;
};

}  // namespace convt::json
