// Renderers: turn a Derivation into text. They return strings and never print.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "convt/derivation.h"
#include "convt/messages.h"

namespace convt {

/// Output formats of `convt explain`.
/// kSvg is a folder of figures, not one text: see render_svg.h.
enum class Format { kText, kJson, kUnicode, kMarkdown, kLatex, kSvg, kPython };

/// "text" -> kText, "json" -> kJson, "unicode", "markdown", "latex"; nullopt for anything else.
std::optional<Format> format_from_name(std::string_view name);
/// Every name format_from_name accepts, in the order --help lists them (for the error message,
/// the man page and the shell completions).
std::vector<std::string> format_names();

/// The page of a standalone LaTeX document (--paper): LaTeX's own default (US letter), A4 or
/// US letter named in geometry's options.
enum class Paper { kDefault, kA4, kLetter };

/// Options shared by every renderer.
struct RenderOptions {
  Lang lang = Lang::kEn;
  /// The widest line the text renderer may write (grids are elided, prose wrapped). Default: 100.
  int64_t width = 100;
  /// Print every row and column, however wide. Default: false.
  bool full = false;
  /// Grids with more cells are elided in text and written sparsely in JSON. Default: 1e6.
  int64_t max_cells = 1'000'000;
  /// Colour the terminal formats (text, unicode) with ANSI escapes. main decides it (see
  /// style.h: decide_color); renderers never look at the environment. Default: false.
  bool color = false;
  /// Write the stages' explanation paragraphs (--quiet-text turns them off for slides).
  /// Headings, formulas, grids, legends, notes and the check stay. Default: true.
  bool explanations = true;
  /// LaTeX: a complete document (\documentclass ... \end{document}) instead of a fragment.
  /// Default: false.
  bool standalone = false;
  /// LaTeX with `standalone`: the page size. Default: kDefault (the document class's).
  Paper paper = Paper::kDefault;
};

/// The ASCII derivation: a heading, then each stage with its explanation, grid and legend.
/// Throws Error when `full` is set and a grid has more than max_cells cells.
std::string render_text(const Derivation& derivation, const RenderOptions& options);

/// The derivation with Unicode typography (box-drawing grids, "·" for structural zeros, "×",
/// "−", "ᵀ"); otherwise like render_text. Columns are aligned by display width.
std::string render_unicode(const Derivation& derivation, const RenderOptions& options);

/// GitHub-flavoured Markdown: a "##" heading per stage, explanations as paragraphs, formulas as
/// $$...$$ display math, each grid as a pipe table. Catalogue text is escaped.
std::string render_markdown(const Derivation& derivation, const RenderOptions& options);

/// LaTeX: each grid an amsmath bmatrix, stage titles \subsection*, formulas in math mode.
/// A fragment (needs amsmath and color) unless `standalone`. All text is escaped.
std::string render_latex(const Derivation& derivation, const RenderOptions& options);

/// The JSON object documented in docs/json.md.
std::string render_json(const Derivation& derivation, const RenderOptions& options);

/// A Python script that needs only torch (docs/formats.md): it embeds every stage's numbers as
/// convt prints them, recomputes each stage with PyTorch (C from conv on basis tensors, C^T x,
/// the scatter, zero insertion, padding, the flipped and dilated kernel, the direct convolution,
/// the crop, conv_transpose1d/2d/3d, the overlap counts), checks with torch.autograd that the
/// transposed convolution is the gradient of the convolution, and exits 1 at the first
/// mismatch. Comments and printed lines in options.lang; code the same in every language.
/// REQUIRES: a numeric derivation of every stage (no symbols, no --stages, no --digits).
/// Throws Error (kErrPythonTooLarge) when a stage has more than options.max_cells cells.
std::string render_python(const Derivation& derivation, const RenderOptions& options);

/// Judges from the parameters alone, before derive(params, derive_options) runs, what
/// render(derivation, format, options) would refuse for its size, and throws the same Error:
/// with --full (options.full) in text, unicode, markdown and latex a grid of more than
/// options.max_cells cells (kErrFullTooLarge), in JSON a grid over options.max_cells cells whose
/// non-zeros also exceed it (kErrSparseTooLarge); the first such grid in the order the renderer
/// writes them. Throws validate_params' Error for parameters derive would refuse. JSON non-zeros
/// are known without deriving when the kernel and input values are each of one sign (the
/// defaults are): other values, --format svg and symbolic derivations are left to the renderer.
/// Never refuses what render would accept. Costs O(n*k + F) per axis, no grid allocated.
void check_render_limits(const Params& params, const DeriveOptions& derive_options, Format format,
                         const RenderOptions& options);

/// Dispatches on `format`. kSvg writes several files (render_svg.h): this throws Error naming
/// --out for it.
std::string render(const Derivation& derivation, Format format, const RenderOptions& options);

}  // namespace convt
