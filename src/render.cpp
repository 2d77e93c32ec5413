#include "convt/render.h"

namespace convt {

std::optional<Format> format_from_name(std::string_view name) {
  if (name == "text") return Format::kText;
  if (name == "json") return Format::kJson;
  return std::nullopt;
}

std::string render(const Derivation& derivation, Format format, const RenderOptions& options) {
  switch (format) {
    case Format::kText:
      return render_text(derivation, options);
    case Format::kJson:
      return render_json(derivation, options);
  }
  return {};
}

}  // namespace convt
