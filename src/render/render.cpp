#include "convt/render.h"

#include <utility>

#include "convt/error.h"

namespace convt {

namespace {

/// The format names: the one list format_from_name and format_names read.
constexpr std::pair<std::string_view, Format> kFormatNames[] = {
    {"text", Format::kText},     {"unicode", Format::kUnicode}, {"markdown", Format::kMarkdown},
    {"latex", Format::kLatex},   {"json", Format::kJson},       {"svg", Format::kSvg},
    {"python", Format::kPython},
};

}  // namespace

std::optional<Format> format_from_name(std::string_view name) {
  for (const auto& [known, format] : kFormatNames)
    if (known == name) return format;
  return std::nullopt;
}

std::vector<std::string> format_names() {
  std::vector<std::string> names;
  for (const auto& entry : kFormatNames) names.emplace_back(entry.first);
  return names;
}

std::string render(const Derivation& derivation, Format format, const RenderOptions& options) {
  switch (format) {
    case Format::kText:
      return render_text(derivation, options);
    case Format::kJson:
      return render_json(derivation, options);
    case Format::kUnicode:
      return render_unicode(derivation, options);
    case Format::kMarkdown:
      return render_markdown(derivation, options);
    case Format::kLatex:
      return render_latex(derivation, options);
    case Format::kPython:
      return render_python(derivation, options);
    case Format::kSvg:
      throw Error({MsgId::kErrSvgNeedsOut, {}});
  }
  return {};
}

}  // namespace convt
