// A strict little XML reader for the SVG tests: it checks that a document is well-formed
// (one root, tags nest, attributes quoted and unique, only the five named entities and numeric
// references, ASCII only) and lists its elements with their text and the grid they belong to.
// Not a general XML parser: no DOCTYPE, CDATA or processing instructions but the XML
// declaration.
#pragma once

#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace convt::testing {

/// One element of a document.
struct XmlElement {
  std::string name;
  std::map<std::string, std::string> attributes;  ///< values with entities decoded
  std::string text;                               ///< its own character data, decoded
  std::string grid_stage;  ///< data-stage of the nearest enclosing <g class="grid">, or ""
  std::string grid_name;   ///< data-grid of that group, or ""

  std::string attribute(const std::string& key) const {
    auto it = attributes.find(key);
    return it == attributes.end() ? std::string() : it->second;
  }
  /// Whether the class attribute holds `token` as one of its space-separated words.
  bool has_class(const std::string& token) const {
    const std::string classes = " " + attribute("class") + " ";
    return classes.find(" " + token + " ") != std::string::npos;
  }
};

namespace detail {

inline bool name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == ':' || c == '.';
}

/// Decodes the entities of `raw`; throws on an unknown or unterminated one.
inline std::string decode(const std::string& raw) {
  std::string out;
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '<') throw std::runtime_error("raw '<' in text or attribute");
    if (raw[i] != '&') {
      out += raw[i];
      continue;
    }
    const size_t end = raw.find(';', i);
    if (end == std::string::npos) throw std::runtime_error("unterminated entity");
    const std::string name = raw.substr(i + 1, end - i - 1);
    if (name == "amp")
      out += '&';
    else if (name == "lt")
      out += '<';
    else if (name == "gt")
      out += '>';
    else if (name == "quot")
      out += '"';
    else if (name == "apos")
      out += '\'';
    else if (name.size() > 1 && name[0] == '#') {
      const bool hex = name[1] == 'x';
      const std::string digits = name.substr(hex ? 2 : 1);
      if (digits.empty() || digits.find_first_not_of(hex ? "0123456789abcdefABCDEF"
                                                         : "0123456789") != std::string::npos)
        throw std::runtime_error("bad character reference &" + name + ";");
      const unsigned long cp = std::stoul(digits, nullptr, hex ? 16 : 10);
      // UTF-8, so that tests can compare decoded text with the catalogue's words.
      if (cp < 0x80) {
        out += static_cast<char>(cp);
      } else if (cp < 0x800) {
        out += static_cast<char>(0xc0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3f));
      } else if (cp < 0x10000) {
        out += static_cast<char>(0xe0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (cp & 0x3f));
      } else {
        out += static_cast<char>(0xf0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3f));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (cp & 0x3f));
      }
    } else {
      throw std::runtime_error("unknown entity &" + name + ";");
    }
    i = end;
  }
  return out;
}

}  // namespace detail

/// The elements of `xml` in document order. Throws std::runtime_error (with the byte offset)
/// when the document is not well-formed or holds a byte outside printable ASCII, tab or newline.
inline std::vector<XmlElement> read_xml(const std::string& xml) {
  for (size_t i = 0; i < xml.size(); ++i) {
    const auto c = static_cast<unsigned char>(xml[i]);
    if (!(c == '\n' || c == '\t' || (c >= 0x20 && c < 0x7f)))
      throw std::runtime_error("byte " + std::to_string(c) + " at " + std::to_string(i));
  }
  std::vector<XmlElement> elements;
  std::vector<size_t> open;  // indices into elements
  bool root_seen = false;
  size_t i = 0;
  auto fail = [&](const std::string& what) {
    throw std::runtime_error(what + " at offset " + std::to_string(i));
  };
  if (xml.rfind("<?xml ", 0) == 0) {
    i = xml.find("?>");
    if (i == std::string::npos) fail("unterminated XML declaration");
    i += 2;
  }
  while (i < xml.size()) {
    if (xml[i] != '<') {
      const size_t end = xml.find('<', i);
      const std::string raw = xml.substr(i, end == std::string::npos ? std::string::npos : end - i);
      if (open.empty()) {
        if (raw.find_first_not_of(" \n\t") != std::string::npos) fail("text outside the root");
      } else {
        elements[open.back()].text += detail::decode(raw);
      }
      if (end == std::string::npos) break;
      i = end;
      continue;
    }
    if (xml.compare(i, 4, "<!--") == 0) {
      const size_t end = xml.find("-->", i);
      if (end == std::string::npos) fail("unterminated comment");
      i = end + 3;
      continue;
    }
    if (xml.compare(i, 2, "</") == 0) {
      size_t j = i + 2;
      while (j < xml.size() && detail::name_char(xml[j])) ++j;
      const std::string name = xml.substr(i + 2, j - i - 2);
      if (j >= xml.size() || xml[j] != '>') fail("bad end tag");
      if (open.empty() || elements[open.back()].name != name) fail("mismatched </" + name + ">");
      open.pop_back();
      i = j + 1;
      continue;
    }
    // A start tag.
    size_t j = i + 1;
    while (j < xml.size() && detail::name_char(xml[j])) ++j;
    XmlElement element;
    element.name = xml.substr(i + 1, j - i - 1);
    if (element.name.empty()) fail("empty tag name");
    if (open.empty()) {
      if (root_seen) fail("a second root element");
      root_seen = true;
    }
    bool self_closing = false;
    while (true) {
      while (j < xml.size() && (xml[j] == ' ' || xml[j] == '\n' || xml[j] == '\t')) ++j;
      if (j >= xml.size()) fail("unterminated start tag");
      if (xml[j] == '>') {
        ++j;
        break;
      }
      if (xml.compare(j, 2, "/>") == 0) {
        self_closing = true;
        j += 2;
        break;
      }
      const size_t key_start = j;
      while (j < xml.size() && detail::name_char(xml[j])) ++j;
      const std::string key = xml.substr(key_start, j - key_start);
      if (key.empty() || j + 1 >= xml.size() || xml[j] != '=' || xml[j + 1] != '"')
        fail("attribute without a quoted value");
      const size_t value_end = xml.find('"', j + 2);
      if (value_end == std::string::npos) fail("unterminated attribute value");
      if (element.attributes.count(key)) fail("repeated attribute " + key);
      element.attributes[key] = detail::decode(xml.substr(j + 2, value_end - j - 2));
      j = value_end + 1;
      if (j < xml.size() && xml[j] != ' ' && xml[j] != '\n' && xml[j] != '>' && xml[j] != '/')
        fail("no space between attributes");
    }
    if (!open.empty()) {
      element.grid_stage = elements[open.back()].grid_stage;
      element.grid_name = elements[open.back()].grid_name;
    }
    if (element.name == "g" && element.has_class("grid")) {
      element.grid_stage = element.attribute("data-stage");
      element.grid_name = element.attribute("data-grid");
    }
    elements.push_back(std::move(element));
    if (!self_closing) open.push_back(elements.size() - 1);
    i = j;
  }
  if (!open.empty()) throw std::runtime_error("unclosed <" + elements[open.back()].name + ">");
  if (!root_seen) throw std::runtime_error("no root element");
  return elements;
}

}  // namespace convt::testing
