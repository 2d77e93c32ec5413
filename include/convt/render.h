// Renderers: turn a Derivation into text. They return strings and never print.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "convt/derivation.h"
#include "convt/messages.h"

namespace convt {

/// Output formats of `convt explain`.
enum class Format { kText, kJson };

/// "text" -> kText, "json" -> kJson; nullopt for anything else.
std::optional<Format> format_from_name(std::string_view name);

/// Options shared by every renderer.
struct RenderOptions {
  Lang lang = Lang::kEn;
  /// The widest line the text renderer may write (grids are elided, prose wrapped). Default: 100.
  int64_t width = 100;
  /// Print every row and column, however wide. Default: false.
  bool full = false;
  /// Grids with more cells are elided in text and written sparsely in JSON. Default: 1e6.
  int64_t max_cells = 1'000'000;
};

/// The ASCII derivation: a heading, then each stage with its explanation, grid and legend.
/// Throws Error when `full` is set and a grid has more than max_cells cells.
std::string render_text(const Derivation& derivation, const RenderOptions& options);

/// The JSON object documented in docs/json.md.
std::string render_json(const Derivation& derivation, const RenderOptions& options);

/// Dispatches on `format`.
std::string render(const Derivation& derivation, Format format, const RenderOptions& options);

}  // namespace convt
