// The nearest real name to a mistyped one (nearest_name.h).
#include "cli/nearest_name.h"

#include <algorithm>
#include <numeric>

namespace convt::cli {

namespace {

/// `name` without its leading dashes: "--max-cells" -> "max-cells".
std::string_view bare(std::string_view name) {
  const size_t first = name.find_first_not_of('-');
  return first == std::string_view::npos ? std::string_view() : name.substr(first);
}

}  // namespace

size_t edit_distance(std::string_view a, std::string_view b) {
  // row[j] = distance(a[0, i), b[0, j)) for the current i, updated in place.
  std::vector<size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), size_t{0});
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];  // distance(a[0, i-1), b[0, j-1))
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::optional<std::string> nearest_name(std::string_view typed,
                                        const std::vector<std::string>& names) {
  std::optional<std::string> best;
  size_t best_distance = 0;
  for (const std::string& name : names) {
    const size_t distance = edit_distance(typed, name);
    if (distance == 0) return std::nullopt;
    const size_t longer = std::max(bare(typed).size(), bare(name).size());
    if (distance > 2 || 2 * distance > longer) continue;
    if (!best || distance < best_distance) {
      best = name;
      best_distance = distance;
    }
  }
  return best;
}

}  // namespace convt::cli
