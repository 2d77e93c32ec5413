// Pieces the document formats share: the heading's parameter list, grid sizes, and the split
// of catalogue text into plain words and the few tokens each format typesets its own way.
// Internal to convt_core.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "convt/derivation.h"
#include "convt/grid.h"
#include "text/text_grid.h"

namespace convt::detail {

/// "ConvTranspose1d", "ConvTranspose2d" or "ConvTranspose3d".
std::string module_name(const Derivation& derivation);

/// "n=3, k=3, s=1, p=1, d=1, output_padding=0 -> 3 x 3": a value per parameter, "3x2" when the
/// axes differ. A whole layer (Params::whole_layer) adds its channels, groups and whether it
/// has a bias, and its output size leads with the output channels: "..., in_channels=2,
/// out_channels=4, groups=2, bias=True -> 4 x 5 x 5".
std::string heading_params(const Derivation& derivation);

/// The one --full size guard: throws Error kErrFullTooLarge naming `stage` when `full` is set
/// and a grid (or all stamps together) of `cells` cells is over `max_cells`. Every format that
/// draws grids (the document writer, the SVG figures) and the check before deriving
/// (render_limits.cpp) call it, so they refuse alike.
void check_full_fits(bool full, StageId stage, int64_t cells, int64_t max_cells);

/// The lines joined into one text, each ending in a newline.
std::string join_lines(const std::vector<std::string>& lines);

/// The size of a stage's grid: "5" for a 1-D row, "3 x 3" otherwise.
std::string grid_size(const Derivation& derivation, const Grid& grid);

/// Sets the symbol fields of `options` for `grid` of `stage` (the stage's grid or its
/// full_view): the names when the derivation is symbolic, and the list name of a grid of sums,
/// "y" for the output and "z" for the F-grids before the crop.
void set_symbol_options(const Derivation& derivation, const Stage& stage, const Grid& grid,
                        TextGridOptions& options);

/// Starts a mark in resolved catalogue text until a format puts its own mark there: the byte
/// after it is the CellKind. resolve(message, lang, mark_slot) writes them; split_prose reads
/// them as kMark pieces.
inline constexpr std::string_view kMarkSlot = "\x01";

/// The mark slot of `kind` (a MarkWriter for resolve).
std::string mark_slot(CellKind kind);

/// The bounds of a catalogue math span in resolved text, for the formats that typeset math
/// (resolve's MathBounds): split_prose reads the text between them as one kMath piece.
inline constexpr std::string_view kMathOpen = "\x02";
inline constexpr std::string_view kMathClose = "\x03";
inline constexpr MathBounds kMathSlots{kMathOpen, kMathClose};

/// A run of catalogue text, as split_prose finds it.
struct ProsePiece {
  enum class Kind {
    kText,       ///< plain words: the format escapes them
    kTranspose,  ///< "C^T"
    kTimes,      ///< the "x" of a size "3 x 2"
    kArrow,      ///< "->"
    kOption,     ///< a command-line option such as "--full"
    kMark,       ///< a mark slot (mark_slot)
    kMath,       ///< a catalogue math span ("F = (n-1)s + k"), between math slots
  };
  Kind kind;
  std::string text;                 ///< the original characters (kMath: without the slots)
  CellKind mark = CellKind::kData;  ///< kMark: the kind whose mark goes here
};

/// How a document format spells each kind of prose piece: a table, so that the formats share
/// one loop over the pieces.
struct ProseSpelling {
  std::string (*escape)(std::string_view text);  ///< plain words
  std::string_view transpose;                    ///< "C^T"
  std::string_view times;                        ///< the "x" of a size
  std::string_view arrow;                        ///< "->"
  std::string_view option_before;                ///< around an option such as "--full"
  std::string_view option_after;
  bool escape_option = false;  ///< the option's own characters are escaped too
  /// A math span, from its catalogue text ("(a*s, b*s)"); null: written as plain prose.
  std::string (*math)(std::string_view text) = nullptr;
};

/// `pieces` written as `spelling` says, each mark slot replaced by `mark` of its kind.
std::string spell_prose(const std::vector<ProsePiece>& pieces, const ProseSpelling& spelling,
                        const std::function<std::string(CellKind)>& mark);

/// Splits resolved catalogue text into pieces; concatenating their texts gives `text` back,
/// but for the math slots around each kMath piece. Inside a math span nothing else is split.
std::vector<ProsePiece> split_prose(const std::string& text);

/// A formula line of the formula stage ("m = (3-1)*1 - 2*1 + 3 = 3", "rows: F = ...") as
/// LaTeX math: products as \cdot, words of two or more letters as \text{...}, a "rows: "
/// prefix as text. With `align`, an "&" goes before the first "=" (for align*).
std::string equation_latex(const std::string& line, bool align);

/// A number in LaTeX math: format_number, with an exponent as "1.5\times 10^{-5}".
std::string number_latex(double value);

/// What latex_escape escapes: running prose, or the content of a \texttt code span.
enum class LatexText { kProse, kCode };

/// Plain words for LaTeX: TeX's special characters escaped, safe in OT1 (< > | as text
/// commands or math, not the OT1 glyphs in their slots) and "--" kept from becoming an en dash.
/// In prose the sign of a number ("-2" after a space or "(") is written as a math minus; in
/// code it stays the hyphen a reader types. The latex format's and the quiz sheets' escape.
std::string latex_escape(std::string_view text, LatexText kind = LatexText::kProse);

/// A catalogue math span as LaTeX math (without the $): a product "a*s" as juxtaposition
/// "a s" (but "2\cdot 1" between digits), "<C u, x>" as "\langle C u, x\rangle", words of two
/// or more letters as \text{...} (max, min and mod as the operators), numbers with an exponent
/// as number_latex writes them, TeX's special characters escaped.
std::string math_latex(std::string_view text);

}  // namespace convt::detail
