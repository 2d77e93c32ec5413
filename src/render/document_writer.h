// The one document writer of the text-like formats (text, unicode, markdown, latex): the
// heading, then per stage its title, explanation paragraphs, formula lines, grids with their
// legends and notes, and the check. A DocumentFlavour says how one format writes each of these
// parts; the order of the parts, the words (from the catalogue), the marks carried as CellKind
// arguments and the --full size guard are the writer's alone.
#pragma once

#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "convt/derivation.h"
#include "convt/render.h"
#include "render/render_common.h"
#include "text/cell_marks.h"
#include "text/text_grid.h"

namespace convt::detail {

/// A grid as one format draws it: its lines, the non-data kinds shown (for the legend) and the
/// notes of what elision hid.
struct DrawnGrid {
  std::vector<std::string> lines;
  std::set<CellKind> kinds;
  std::vector<Message> notes;
};

/// One of a row of small multiples: a stamp of scatter_stamps as one format draws it.
struct Multiple {
  std::string caption;             ///< the caption in the format ("x(0,1) = 2")
  std::vector<std::string> lines;  ///< the drawn grid, without indent
};

/// One comparison of the check stage, in prose: whether it held, its verdict word ("ok",
/// "MISMATCH") and its sentence.
struct CheckItem {
  bool ok = true;
  std::string word;
  std::string sentence;
};

/// What one document format does its own way. Every function returns text in the format;
/// `prose` gets resolved catalogue text in which marks stand as mark slots (split_prose).
class DocumentFlavour {
 public:
  virtual ~DocumentFlavour() = default;

  /// The format's cell decorations and marks (a table, see cell_marks.h).
  virtual const CellMarks& marks() const = 0;
  /// The mark of `kind` in running text: marks().mark(kind), painted where the format paints.
  virtual std::string mark(CellKind kind, const RenderOptions& options) const;
  /// Catalogue text as the format writes it (escaping, typography); mark slots become mark().
  virtual std::string prose(const std::vector<ProsePiece>& pieces,
                            const RenderOptions& options) const = 0;
  /// A grid's size ("3 x 3") in a stage title.
  virtual std::string size(const std::string& text, const RenderOptions& options) const = 0;

  /// Whether every paragraph is set off by a blank line (documents), or only sections
  /// (the terminal formats).
  virtual bool spaced() const = 0;
  /// Whether grids are shown whole, every row and column, up to options.max_cells cells
  /// (documents), or cut to options.width (the terminal formats).
  virtual bool whole_grids() const { return false; }
  /// Whether catalogue math spans ("$F = (n-1)s + k$") reach prose() as kMath pieces
  /// (documents typeset them); otherwise the dollars are dropped when the text is resolved.
  virtual bool typesets_math() const { return false; }
  /// The indent of paragraphs and grids.
  virtual int64_t indent() const = 0;

  /// Lines before the heading (a LaTeX preamble) and after the last stage.
  virtual std::vector<std::string> prologue(const RenderOptions& options) const;
  virtual std::vector<std::string> epilogue(const RenderOptions& options) const;
  /// The document heading, from its prose.
  virtual std::vector<std::string> heading(const std::string& text,
                                           const RenderOptions& options) const = 0;
  /// A stage's title: number, stage id, title prose and (for grid stages) its size.
  virtual std::vector<std::string> stage_title(int index, StageId id, const std::string& title,
                                               const std::string& size,
                                               const RenderOptions& options) const = 0;
  /// A paragraph of prose, wrapped to options.width.
  virtual std::vector<std::string> paragraph(const std::string& text,
                                             const RenderOptions& options) const = 0;
  /// The text of a paragraph that introduces a grid (the F-grid and output notes).
  virtual std::string grid_note(const std::string& text) const { return text; }
  /// The text of a paragraph under a grid (legend, elision notes).
  virtual std::string small(const std::string& text) const { return text; }
  /// The formula stage's lines, with the blank lines around them.
  virtual std::vector<std::string> equations(const std::vector<std::string>& lines,
                                             const RenderOptions& options) const = 0;
  /// The check lines, one item per comparison.
  virtual std::vector<std::string> checks(const std::vector<CheckItem>& items,
                                          const RenderOptions& options) const = 0;
  /// The closing verdict ("PASS: ...").
  virtual std::vector<std::string> verdict(const std::string& text, bool ok,
                                           const RenderOptions& options) const = 0;
  /// Draws one grid. `grid_options` holds the width, the elision and the symbols.
  virtual DrawnGrid draw(const Grid& grid, const TextGridOptions& grid_options,
                         const RenderOptions& options) const = 0;
  /// The caption of a stamp: input cell `cell` ("0,1", or "3" in 1-D) holds `x`. Default: the
  /// plain "x(0,1) = 2".
  virtual std::string stamp_caption(const std::string& cell, double x) const;
  /// The caption line(s) above one slice of a whole-layer tensor ("output channel 1"), from
  /// its prose. Default: a plain paragraph line.
  virtual std::vector<std::string> slice_caption(const std::string& text,
                                                 const RenderOptions& options) const;
  /// Small multiples (the stamps of scatter_stamps), drawn with indent 0. Default: one after
  /// another, each caption a paragraph above its grid (documents); the terminal formats set
  /// them side by side, as many to a row as fit options.width.
  virtual std::vector<std::string> multiples(const std::vector<Multiple>& items,
                                             const RenderOptions& options) const;
};

/// How many stamps scatter_stamps shows without --full: a 3 x 3 input's worth.
inline constexpr int64_t kShownStamps = 9;

/// How many slices of a whole-layer tensor a stage shows without --full: the 2-D grids of four
/// output channels of a 4-deep 3-D tensor, or a 4 x 4 weight's worth of channel pairs.
inline constexpr int64_t kShownSlices = 16;

/// The derivation in `flavour`. Throws Error when options.full is set and a grid (or all the
/// slices of a stage together) has more than options.max_cells cells.
std::string write_document(const Derivation& derivation, const RenderOptions& options,
                           const DocumentFlavour& flavour);

/// The cells of a symbolic grid as a list, one entry a line made by `entry` from the cell's
/// name, its sum (in `notation`) and its mark ("" for data cells), with the note on the form.
DrawnGrid list_of_sums(
    const Grid& grid, const TextGridOptions& grid_options, Notation notation,
    const std::function<std::string(const ListedSum&, const std::string& mark)>& entry,
    const std::function<std::string(CellKind)>& mark);

}  // namespace convt::detail
