// Writing one SVG document: XML escaping, the shared stylesheet (colours, hatching, fonts) and
// a few element helpers. Internal to convt_core; render_svg*.cpp draw with it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "convt/grid.h"

namespace convt::detail {

/// `text` safe inside XML character data and attribute values: & < > " ' become entities,
/// every non-ASCII character a numeric reference (&#xD7;), so the files are ASCII; control
/// characters that XML 1.0 forbids are dropped. Invalid UTF-8 bytes become U+FFFD.
std::string xml_escape(std::string_view text);

/// The CSS class of a cell of `kind` ("k-data", "k-stride", ...): its fill, hatching and
/// outline come from the stylesheet.
std::string_view kind_class(CellKind kind);

/// The number of tap colours; tap t of a kernel is painted with class "w{t % kTapColours}".
inline constexpr int64_t kTapColours = 12;

/// Font sizes (px) and the estimated advance of a character, for layout without a font engine.
/// Estimates err wide: DejaVu Sans digits are 0.64 em, average text about 0.55 em.
inline constexpr int64_t kCellFont = 24;
inline constexpr int64_t kLabelFont = 17;
inline constexpr int64_t kTitleFont = 28;
inline constexpr int64_t kTextFont = 20;
inline constexpr int64_t kSmallFont = 15;

/// The estimated width in px of `text` at `font_px`: 0.62 em per display column (display_width),
/// a digit's advance in DejaVu Sans (ample for prose, which averages 0.5 em).
int64_t text_width(std::string_view text, int64_t font_px);

/// An SVG document under construction: elements are appended to the body in drawing order
/// (later elements paint over earlier ones); finish() wraps them with the header, the
/// stylesheet, the hatching patterns and a white background.
class SvgDocument {
 public:
  /// Appends raw markup (already escaped).
  void raw(std::string_view markup) { body_ += markup; }

  /// <rect> with a class and optional extra attributes (already escaped).
  void rect(int64_t x, int64_t y, int64_t w, int64_t h, std::string_view css_class,
            std::string_view extra = "");

  /// <text> at (x, y) (y is the baseline) with the given class; `content` is escaped.
  void text(int64_t x, int64_t y, std::string_view css_class, std::string_view content,
            std::string_view extra = "");

  /// The whole document, width x height px, with `title` as its <title> (escaped).
  std::string finish(int64_t width, int64_t height, std::string_view title) const;

 private:
  std::string body_;
};

}  // namespace convt::detail
