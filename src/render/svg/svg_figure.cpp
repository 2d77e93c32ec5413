#include "render/svg/svg_figure.h"

#include <algorithm>
#include <utility>

namespace convt::detail {
namespace {

constexpr int64_t kPartGap = 14;  // px between parts

/// The px between baselines of wrapped lines at `font` px.
int64_t line_height(int64_t font) { return font * 14 / 10; }

/// Monospaced equations must not wrap inside a formula: they are measured, not wrapped.
bool is_monospace(const std::string& css) { return css == "eq"; }

}  // namespace

FigureBuilder::FigureBuilder(std::string title, std::string subtitle) : title_(title) {
  text(std::move(title), "title", kTitleFont);
  text(std::move(subtitle), "sub", kLabelFont);
  space(8);
}

void FigureBuilder::text(std::string text, std::string css, int64_t font) {
  Part part{Part::Kind::kText, std::move(text), std::move(css), font, {}, {}};
  parts_.push_back(std::move(part));
}

void FigureBuilder::space(int64_t px) {
  Part part{Part::Kind::kSpace, {}, {}, px, {}, {}};
  parts_.push_back(std::move(part));
}

void FigureBuilder::block(Block block) {
  Part part{Part::Kind::kBlock, {}, {}, 0, std::move(block), {}};
  parts_.push_back(std::move(part));
}

void FigureBuilder::legend(std::vector<LegendItem> items) {
  if (items.empty()) return;
  Part part{Part::Kind::kLegend, {}, {}, 0, {}, std::move(items)};
  parts_.push_back(std::move(part));
}

std::string FigureBuilder::finish() const {
  int64_t width = kMinWidth - 2 * kMargin;
  for (const Part& part : parts_) {
    if (part.kind == Part::Kind::kBlock) width = std::max(width, part.block.width);
    if (part.kind == Part::Kind::kText && is_monospace(part.css))
      width = std::max(width, text_width(part.text, part.font) * 60 / 62);
  }
  auto lines_of = [&](const Part& part) {
    return is_monospace(part.css)
               ? std::vector<std::string>{part.text}
               : wrap_px(part.text, width, part.font,
                         part.css == "title" || part.css == "ok" || part.css == "bad");
  };

  SvgDocument doc;
  int64_t y = kMargin;
  for (const Part& part : parts_) {
    switch (part.kind) {
      case Part::Kind::kText: {
        if (part.text.empty()) break;
        const int64_t step = line_height(part.font);
        for (const std::string& line : lines_of(part)) {
          doc.text(kMargin, y + part.font, part.css, line);
          y += step;
        }
        y += kPartGap / 2;
        break;
      }
      case Part::Kind::kSpace:
        y += part.font;
        break;
      case Part::Kind::kBlock:
        part.block.draw(doc, kMargin, y);
        y += part.block.height + kPartGap;
        break;
      case Part::Kind::kLegend:
        y += draw_legend(doc, part.items, kMargin, y, width) + kPartGap / 2;
        break;
    }
  }
  return doc.finish(width + 2 * kMargin, y + kMargin - kPartGap / 2, title_);
}

}  // namespace convt::detail
