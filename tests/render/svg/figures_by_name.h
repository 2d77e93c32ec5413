// The figures of one render_svg call by file name, for the SVG tests.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "convt/render_svg.h"

namespace convt::testing {

/// Each figure's content under its file name ("output.svg", "index.html", ...).
inline std::map<std::string, std::string> by_name(const std::vector<Figure>& figures) {
  std::map<std::string, std::string> out;
  for (const Figure& f : figures) out[f.name] = f.content;
  return out;
}

}  // namespace convt::testing
