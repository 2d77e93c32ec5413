// The page of convt in the browser (web/): from the text of its controls to the derivation as
// HTML, or to the engine's one-line message for the control that is wrong. Pure C++ over the
// public API; web/convt_web.cpp binds it for JavaScript, which only wires the controls to it.
#pragma once

#include <string>
#include <vector>

namespace convt::web {

/// The page's controls, in the order the page shows them. Each name is the control's `name`, its
/// `id` and its key in the page address (index.html?k=3&s=2): the command line's option without
/// its dashes (--in-channels: "in-channels").
std::vector<std::string> control_names();

/// Renders the page for `state_json`, a JSON object of control name -> text as typed
/// ({"k": "3", "s": "2", "stages": "output,check", "lang": "zh"}); a missing or empty control
/// takes the command line's default (n and k have none: empty is refused). Returns a JSON object:
///   "lang": the page's language tag ("en", "zh-Hans");
///   "words": control name (and "title", "sizes", "layer", "values", "show", "values_hint",
///            "stages_hint", "link_hint", "lang_en", "lang_zh") -> its label in that language;
///   "stage_names": the stage ids in pipeline order (the choices of "stages");
///   "ok": true with "html", the derivation: its heading, then per stage its title, explanation,
///         substituted formula and figure (each SVG figure an <img> with the SVG inside a data:
///         address, so the figures' styles stay apart and sliding.svg animates), then the whole
///         derivation as text (render_text, width 100) in a <details>;
///   "ok": false with "error": {"control": the control the message names ("" when none),
///         "message": the engine's one-line message (convt::resolve) in that language}.
/// Never throws: a malformed state is reported like a bad control.
std::string render_page(const std::string& state_json);

}  // namespace convt::web
