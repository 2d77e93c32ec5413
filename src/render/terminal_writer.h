// The document the terminal formats share (text and unicode): a heading, then each stage with
// its wrapped explanation, formula lines, grids with legends and notes, and the check. A flavour
// supplies the format's marks, typography and grid drawing. Internal to convt_core.
#pragma once

#include <string>

#include "convt/derivation.h"
#include "convt/render.h"
#include "text/text_grid.h"

namespace convt::detail {

/// What distinguishes one terminal format from another.
struct TerminalFlavour {
  /// Lays out one grid (ASCII columns, or box drawing).
  TextGrid (*layout)(const Grid& grid, const TextGridOptions& options);
  /// The mark of a cell kind in legends and explanations.
  std::string (*mark)(CellKind kind);
  /// The format's typography for resolved catalogue text and headings (identity for ASCII).
  std::string (*prose)(const std::string& text);
  /// The format's typography for formula lines (identity for ASCII).
  std::string (*equation)(const std::string& line);
  /// The verdict before a check line, given the catalogue word ("ok" / "MISMATCH") already
  /// painted: "[ok]".
  std::string (*verdict)(bool ok, const std::string& word);
};

/// The derivation in `flavour`. Throws Error when options.full is set and a grid has more than
/// options.max_cells cells.
std::string write_terminal(const Derivation& derivation, const RenderOptions& options,
                           const TerminalFlavour& flavour);

}  // namespace convt::detail
