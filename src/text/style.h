// Colour in terminal output: when to use it (decided once, in main) and how a span is painted.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "convt/grid.h"

namespace convt {

/// The value of --color.
enum class ColorMode { kAuto, kAlways, kNever };

/// "auto", "always", "never" -> the mode; nullopt for anything else.
std::optional<ColorMode> color_mode_from_name(std::string_view name);

/// What main knows about where the output goes. Renderers never look at the environment: main
/// fills this in (isatty, getenv) and passes the decision on in RenderOptions::color.
struct TerminalFacts {
  bool stdout_is_tty = false;
  std::optional<std::string> term;            ///< $TERM, if set
  std::optional<std::string> no_color;        ///< $NO_COLOR, if set
  std::optional<std::string> clicolor_force;  ///< $CLICOLOR_FORCE, if set
};

/// Whether to colour. The flag wins: kAlways / kNever decide alone. Under kAuto:
/// a non-empty NO_COLOR turns colour off (https://no-color.org); otherwise a CLICOLOR_FORCE that
/// is set, non-empty and not "0" turns it on even when piping; otherwise colour is used only when
/// stdout is a terminal and TERM is set and not "dumb".
bool decide_color(ColorMode mode, const TerminalFacts& facts);

/// What a coloured span means. The palette maps each to one SGR sequence; the marks and words
/// around it carry the same meaning without colour.
enum class Tone {
  kPlain,          ///< not coloured
  kStructural,     ///< zeros of C / C^T and zeros inserted by the stride or dilation: grey
  kPadding,        ///< the d(k-1) padding zeros: blue
  kFootprint,      ///< kernel taps in C and C^T: bold yellow
  kCrop,           ///< cells removed by the crop: red
  kOutputPadding,  ///< cells kept or zeros added by output_padding: magenta
  kPass,           ///< a check that held: bold green
  kFail,           ///< a check that failed: bold red
  kHeading,        ///< stage headings: bold
};

/// The tone of a cell of `kind`; data cells are kFootprint when `footprint` (the grid is C or
/// C^T, whose data cells are the kernel's taps), kPlain otherwise.
Tone tone_of(CellKind kind, bool footprint);

/// `text` wrapped in the SGR sequence of `tone` and a reset, when `on` and the tone is not kPlain;
/// `text` unchanged otherwise. The escape sequences take no columns (see display_width).
std::string paint(std::string_view text, Tone tone, bool on);

}  // namespace convt
