// Helpers of the renderer tests (tests/render/): a derivation of a square layer, and text
// measured and cleaned independently of the renderers' own code.
#pragma once

#include <algorithm>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "convt/derivation.h"

namespace convt::testing {

/// The derivation of a square 2-D layer n, k, s, p (d = 1, op = 0), of the selected `stages`
/// (every stage when empty), with the kernel values `kernel` (1..k*k when empty).
inline Derivation derive_square(int64_t n, int64_t k, int64_t s, int64_t p,
                                std::vector<StageId> stages = {}, std::vector<double> kernel = {}) {
  Params params;
  params.dims = 2;
  params.axes = {{n, k, s, p, 1, 0}, {n, k, s, p, 1, 0}};
  params.kernel = std::move(kernel);
  DeriveOptions options;
  options.stages = std::move(stages);
  return derive(params, options);
}

/// The lines of `text`, without their '\n'.
inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

/// Terminal columns of UTF-8 text without escapes, counted independently of display_width:
/// one per code point (every glyph convt writes is narrow).
inline int64_t code_points(const std::string& text) {
  int64_t count = 0;
  for (unsigned char c : text) count += (c & 0xc0) != 0x80;
  return count;
}

/// `text` without ANSI SGR sequences.
inline std::string strip_escapes(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\x1b' && i + 1 < text.size() && text[i + 1] == '[') {
      i = text.find('m', i);
      continue;
    }
    out += text[i];
  }
  return out;
}

/// Whether `text` contains `part`.
inline bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

/// `text` with its line breaks as spaces: wrapped prose, read as sentences.
inline std::string joined(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

}  // namespace convt::testing
