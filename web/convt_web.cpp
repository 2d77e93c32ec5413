// The page's engine for JavaScript: web_page.h's render_page bound with embind, so that
// page.js calls ConvtWeb().then(engine => engine.render_page(JSON.stringify(state))).
#include <emscripten/bind.h>

#include "web_page.h"

EMSCRIPTEN_BINDINGS(convt_web) { emscripten::function("render_page", &convt::web::render_page); }
