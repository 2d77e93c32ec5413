// The SVG figures of `convt explain --format svg --out DIR`: one picture per stage, an animation
// of the sliding kernel, and an index.html that shows them in order with their explanations.
// Pure: render_svg returns the files' names and contents; writing them is file_output.h's job.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "convt/derivation.h"
#include "convt/messages.h"

namespace convt {

/// One file of the output folder.
struct Figure {
  std::string name;     ///< a plain file name without folders: "padded_input.svg", "index.html"
  std::string content;  ///< the whole file: SVG (XML 1.0, ASCII) or HTML
};

/// What render_svg draws.
struct SvgOptions {
  Lang lang = Lang::kEn;
  /// Grids are elided like the text view at this width (same rows and columns shown).
  /// Default: 100, whatever the terminal, so that figures do not depend on where they are made.
  int64_t width = 100;
  /// Draw every row and column. Default: false.
  bool full = false;
  /// With `full`, a grid with more cells is refused (Error naming --full). Default: 1e6.
  int64_t max_cells = 1'000'000;
  /// Write the stages' explanations into index.html. Default: true.
  bool explanations = true;
  /// The stages to draw, in any order; empty means every stage of the derivation. A figure may
  /// also draw other stages of the derivation (conv_matrix shows C^T times the flattened
  /// input), so derive every stage and select here.
  std::vector<StageId> stages;
  /// Write the sliding kernel as one still SVG per position (sliding-001.svg, ...) instead of
  /// the animated sliding.svg. Default: false.
  bool frames = false;
};

/// The figures of `derivation`, in the order index.html shows them: "<stage-id>.svg" for every
/// selected stage present in the derivation, then "sliding.svg" (or the frames) when
/// direct_output is selected, then "index.html". Each SVG draws its grids as cells with their
/// numbers, row and column labels, a colour legend and notes for elided rows and columns; every
/// cell number is a <text class="v" data-r="R" data-c="C"> inside a <g class="grid"
/// data-stage="ID" data-grid="grid|full_view"> that names the stage value (JSON: stages[ID])
/// it shows. Deterministic.
/// Throws Error when `full` is set and a drawn grid has more than max_cells cells.
std::vector<Figure> render_svg(const Derivation& derivation, const SvgOptions& options);

}  // namespace convt
