#include "render/svg/svg_document.h"

#include <fmt/format.h>

#include "text/text_grid.h"

namespace convt::detail {
namespace {

// The palette is Okabe and Ito's (https://jfly.uni-koeln.de/color/), safe for the common forms
// of colour blindness; every kind also differs without colour, by hatching, dots or its outline:
//   stride zeros   sky blue, hatched /        dilation zeros  orange, hatched \   .
//   padding zeros  grey, dashed outline       removed by crop reddish purple, cross-hatched
//   kept by op     bluish green, thick line   added by op     bluish green, dotted, dashed line
//   footprint      vermillion, thick line     kernel weights  twelve light tints, one per tap
// Every font stack ends in CJK fonts before the generic family, so that Chinese words (--lang zh)
// are drawn where one is installed (Debian: fonts-noto-cjk) rather than as empty boxes.
// Cell numbers are 24 px with a white halo so that they stay legible on hatching and on a
// projector.
constexpr std::string_view kStyle = R"(
text{font-family:'DejaVu Sans',Verdana,Arial,'Noto Sans CJK SC','Source Han Sans SC','WenQuanYi Micro Hei','Microsoft YaHei','PingFang SC',sans-serif}
.c{stroke:#444;stroke-width:1.5}
.k-data{fill:#fff}
.k-matrix{fill:#f4f4f4;stroke:#d4d4d4}
.k-stride{fill:url(#hatch-stride)}
.k-dil{fill:url(#hatch-dil)}
.k-pad{fill:#e4e4e4;stroke:#555;stroke-dasharray:7 4}
.k-crop{fill:url(#hatch-crop);stroke:#8e3f6c}
.k-kept{fill:#cdeee2;stroke:#00785a;stroke-width:4}
.k-added{fill:url(#dots-added);stroke:#00785a;stroke-width:3;stroke-dasharray:7 4}
.w0{fill:#f8d58a}.w1{fill:#b3dcf5}.w2{fill:#94dbc2}.w3{fill:#f6ef9c}
.w4{fill:#9cc7e6}.w5{fill:#f4b996}.w6{fill:#ecc3da}.w7{fill:#d2d2d2}
.w8{fill:#d9c6f0}.w9{fill:#c8e6a0}.w10{fill:#f2a7a7}.w11{fill:#a8e0e0}
.v{font-size:24px;text-anchor:middle;fill:#111;paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}
.vz{fill:#5a5a5a}
.vm{fill:#b0b0b0;stroke:none}
.lab{font-size:17px;fill:#555;text-anchor:middle}
.labv{font-size:17px;fill:#555}
.labr{font-size:17px;fill:#555;text-anchor:end}
.gap{font-size:24px;fill:#555;text-anchor:middle}
.title{font-size:28px;font-weight:bold;fill:#111}
.sub{font-size:17px;fill:#555}
.txt{font-size:20px;fill:#222}
.cap{font-size:20px;fill:#222;font-style:italic}
.note{font-size:17px;font-style:italic;fill:#444}
.eq{font-size:24px;font-family:'DejaVu Sans Mono',Menlo,Consolas,'Noto Sans Mono CJK SC','Noto Sans CJK SC','Source Han Sans SC','WenQuanYi Micro Hei','Microsoft YaHei','PingFang SC',monospace;fill:#111}
.foot{fill:#d55e00;fill-opacity:.10;stroke:#d55e00;stroke-width:5}
.cur{fill:#d55e00;fill-opacity:.10;stroke:#d55e00;stroke-width:5}
.wt{font-size:13px;font-weight:bold;fill:#111}
.wb{stroke:#444;stroke-width:.8}
.op{font-size:44px;text-anchor:middle;fill:#333}
.ok{font-size:20px;font-weight:bold;fill:#00785a}
.bad{font-size:20px;font-weight:bold;fill:#b8321a}
.ov{fill:#0072b2;stroke:none}
)";

constexpr std::string_view kPatterns =
    R"(<pattern id="hatch-stride" width="10" height="10" patternUnits="userSpaceOnUse">)"
    R"(<rect width="10" height="10" fill="#d6ecfa"/>)"
    R"(<path d="M-1,1 l2,-2 M0,10 l10,-10 M9,11 l2,-2" stroke="#3b93c9" stroke-width="1.4"/>)"
    R"(</pattern>)"
    "\n"
    R"(<pattern id="hatch-dil" width="10" height="10" patternUnits="userSpaceOnUse">)"
    R"(<rect width="10" height="10" fill="#fbe8c2"/>)"
    R"(<path d="M-1,9 l2,2 M0,0 l10,10 M9,-1 l2,2" stroke="#c98a00" stroke-width="1.4"/>)"
    R"(</pattern>)"
    "\n"
    R"(<pattern id="hatch-crop" width="12" height="12" patternUnits="userSpaceOnUse">)"
    R"(<rect width="12" height="12" fill="#f6e1ed"/>)"
    R"(<path d="M0,0 l12,12 M12,0 l-12,12" stroke="#cc79a7" stroke-width="1.3"/>)"
    R"(</pattern>)"
    "\n"
    R"(<pattern id="dots-added" width="10" height="10" patternUnits="userSpaceOnUse">)"
    R"(<rect width="10" height="10" fill="#d5f1e7"/>)"
    R"(<circle cx="5" cy="5" r="1.8" fill="#009e73"/>)"
    R"(</pattern>)"
    "\n";

/// Decodes one UTF-8 sequence at text[i]; advances i. Returns U+FFFD for invalid bytes.
char32_t next_code_point(std::string_view text, size_t& i) {
  const auto byte = static_cast<unsigned char>(text[i]);
  const size_t length = byte >= 0xf0 && byte < 0xf8   ? 4
                        : byte >= 0xe0 && byte < 0xf0 ? 3
                        : byte >= 0xc0 && byte < 0xe0 ? 2
                                                      : 0;
  if (length == 0 || i + length > text.size()) {
    ++i;
    return 0xfffd;
  }
  char32_t cp = length == 4 ? byte & 0x07u : length == 3 ? byte & 0x0fu : byte & 0x1fu;
  for (size_t j = 1; j < length; ++j) {
    const auto next = static_cast<unsigned char>(text[i + j]);
    if ((next & 0xc0u) != 0x80u) {
      ++i;
      return 0xfffd;
    }
    cp = (cp << 6) | (next & 0x3fu);
  }
  i += length;
  return cp;
}

}  // namespace

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte >= 0x80) {
      const char32_t cp = next_code_point(text, i);
      fmt::format_to(std::back_inserter(out), "&#x{:X};", static_cast<uint32_t>(cp));
      continue;
    }
    ++i;
    switch (byte) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        // XML 1.0 allows tab, newline and carriage return among the control characters.
        if (byte >= 0x20 || byte == '\t' || byte == '\n' || byte == '\r')
          out += static_cast<char>(byte);
        break;
    }
  }
  return out;
}

std::string_view kind_class(CellKind kind) {
  switch (kind) {
    case CellKind::kData:
      return "k-data";
    case CellKind::kMatrixZero:
      return "k-matrix";
    case CellKind::kStrideZero:
      return "k-stride";
    case CellKind::kPaddingZero:
      return "k-pad";
    case CellKind::kDilationZero:
      return "k-dil";
    case CellKind::kCropped:
      return "k-crop";
    case CellKind::kKeptByOutputPadding:
      return "k-kept";
    case CellKind::kAddedZero:
      return "k-added";
  }
  return "k-data";
}

int64_t text_width(std::string_view text, int64_t font_px) {
  // display_width counts East Asian wide characters as two columns: about 1.2 em each here.
  return (display_width(text) * font_px * 62 + 99) / 100;
}

void SvgDocument::rect(int64_t x, int64_t y, int64_t w, int64_t h, std::string_view css_class,
                       std::string_view extra) {
  fmt::format_to(std::back_inserter(body_),
                 R"(<rect x="{}" y="{}" width="{}" height="{}" class="{}"{}{}/>)", x, y, w, h,
                 css_class, extra.empty() ? "" : " ", extra);
  body_ += '\n';
}

void SvgDocument::text(int64_t x, int64_t y, std::string_view css_class, std::string_view content,
                       std::string_view extra) {
  fmt::format_to(std::back_inserter(body_), R"(<text x="{}" y="{}" class="{}"{}{}>{}</text>)", x, y,
                 css_class, extra.empty() ? "" : " ", extra, xml_escape(content));
  body_ += '\n';
}

std::string SvgDocument::finish(int64_t width, int64_t height, std::string_view title) const {
  std::string out;
  out.reserve(body_.size() + 4096);
  out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  fmt::format_to(std::back_inserter(out),
                 R"(<svg xmlns="http://www.w3.org/2000/svg" width="{0}" height="{1}" )"
                 R"(viewBox="0 0 {0} {1}" font-family="DejaVu Sans, Verdana, Arial, )"
                 R"(Noto Sans CJK SC, Source Han Sans SC, WenQuanYi Micro Hei, Microsoft YaHei, )"
                 R"(PingFang SC, sans-serif">)",
                 width, height);
  out += "\n<title>" + xml_escape(title) + "</title>\n<style>";
  out += kStyle;
  out += "</style>\n<defs>\n";
  out += kPatterns;
  out += "</defs>\n";
  fmt::format_to(std::back_inserter(out), R"(<rect width="{}" height="{}" fill="#fff"/>)", width,
                 height);
  out += '\n';
  out += body_;
  out += "</svg>\n";
  return out;
}

}  // namespace convt::detail
