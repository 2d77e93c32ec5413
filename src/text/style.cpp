#include "text/style.h"

namespace convt {

std::optional<ColorMode> color_mode_from_name(std::string_view name) {
  if (name == "auto") return ColorMode::kAuto;
  if (name == "always") return ColorMode::kAlways;
  if (name == "never") return ColorMode::kNever;
  return std::nullopt;
}

bool decide_color(ColorMode mode, const TerminalFacts& facts) {
  switch (mode) {
    case ColorMode::kAlways:
      return true;
    case ColorMode::kNever:
      return false;
    case ColorMode::kAuto:
      break;
  }
  if (facts.no_color && !facts.no_color->empty()) return false;
  if (facts.clicolor_force && !facts.clicolor_force->empty() && *facts.clicolor_force != "0")
    return true;
  return facts.stdout_is_tty && facts.term && !facts.term->empty() && *facts.term != "dumb";
}

Tone tone_of(CellKind kind, bool footprint) {
  switch (kind) {
    case CellKind::kData:
      return footprint ? Tone::kFootprint : Tone::kPlain;
    case CellKind::kMatrixZero:
    case CellKind::kStrideZero:
    case CellKind::kDilationZero:
      return Tone::kStructural;
    case CellKind::kPaddingZero:
      return Tone::kPadding;
    case CellKind::kCropped:
      return Tone::kCrop;
    case CellKind::kKeptByOutputPadding:
    case CellKind::kAddedZero:
      return Tone::kOutputPadding;
  }
  return Tone::kPlain;
}

std::string paint(std::string_view text, Tone tone, bool on) {
  const char* sgr = nullptr;
  switch (tone) {
    case Tone::kPlain:
      break;
    case Tone::kStructural:
      sgr = "\x1b[90m";
      break;
    case Tone::kPadding:
      sgr = "\x1b[34m";
      break;
    case Tone::kFootprint:
      sgr = "\x1b[1;33m";
      break;
    case Tone::kCrop:
      sgr = "\x1b[31m";
      break;
    case Tone::kOutputPadding:
      sgr = "\x1b[35m";
      break;
    case Tone::kPass:
      sgr = "\x1b[1;32m";
      break;
    case Tone::kFail:
      sgr = "\x1b[1;31m";
      break;
    case Tone::kHeading:
      sgr = "\x1b[1m";
      break;
  }
  if (!on || sgr == nullptr || text.empty()) return std::string(text);
  return sgr + std::string(text) + "\x1b[0m";
}

}  // namespace convt
