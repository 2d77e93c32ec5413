// The nearest real name to a mistyped one ("--kk" -> "--k", "--formt" -> "--format"), by edit
// distance. Plain functions, no CLI11: run_cli offers the suggestion in its unknown-option error.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace convt::cli {

/// The Levenshtein distance of `a` and `b`: the fewest single-character insertions, deletions
/// and substitutions that turn one into the other. O(|a| * |b|) time, O(|b|) memory.
size_t edit_distance(std::string_view a, std::string_view b);

/// The name of `names` nearest to `typed` by edit_distance, when it is reasonably close: at most
/// 2 edits, and at most half the length of the longer of the two names without their leading
/// dashes (so "--x" suggests nothing, "--kk" suggests "--k"). Ties go to the name listed first.
/// nullopt when none is that close, or when `typed` is one of `names`.
std::optional<std::string> nearest_name(std::string_view typed,
                                        const std::vector<std::string>& names);

}  // namespace convt::cli
