// The stamps of the scatter route as a figure of small multiples: one F-grid per input cell,
// each under its caption "x(a,b) = v", its reached cells painted in the colours of the kernel
// taps they hold, so that the reader sees the copies that add up to the scatter's F-grid.
#include <algorithm>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "convt/error.h"
#include "render/document_writer.h"
#include "render/render_common.h"
#include "render/svg/svg_context.h"
#include "render/svg/svg_figure.h"
#include "text/number_format.h"

namespace convt::detail {
namespace {

constexpr int64_t kCaption = 34;        // px: the caption line above a stamp
constexpr int64_t kStampGap = 36;       // px between two stamps of a row
constexpr int64_t kRowGap = 18;         // px between two rows of stamps
constexpr int64_t kMaxRowWidth = 1600;  // px: a row takes more stamps while it fits

/// One stamp laid out: its F-grid (kept alive while the figure is drawn), the drawn grid and
/// its caption.
struct DrawnStamp {
  Stamp stamp;
  std::shared_ptr<const SvgGrid> grid;
  std::string caption;
  int64_t width = 0;
};

}  // namespace

std::string stamps_figure(const SvgContext& ctx, const Stage& stage) {
  const Stamps& stamps = *stage.stamps;
  const SvgOptions& options = ctx.options();
  detail::check_full_fits(options.full, stage.id, stamps.total_cells(), options.max_cells);
  const int64_t shown = options.full ? stamps.count() : std::min(stamps.count(), kShownStamps);

  std::vector<std::shared_ptr<DrawnStamp>> drawn;
  std::vector<LegendItem> kinds;
  std::vector<std::string> notes;
  for (int64_t i = 0; i < shown; ++i) {
    auto item = std::make_shared<DrawnStamp>();
    item->stamp = stamps.stamp(i);
    const GridPlan plan = ctx.plan(item->stamp.values, stage.id);
    SvgGridStyle style;
    style.stage = std::string(stage_name(stage.id));
    style.name = "stamp-" + std::to_string(i);  // JSON: the stage's stamps[i]
    style.symbols = ctx.symbols();
    style.tap = [&stamps, i](int64_t r, int64_t c) { return stamps.tap_at(i, r, c); };
    item->grid = std::make_shared<const SvgGrid>(item->stamp.values, plan.rows, plan.cols, style);
    std::string cell;
    for (int64_t index : item->stamp.cell)
      cell += (cell.empty() ? "" : ",") + std::to_string(index);
    item->caption = "x(" + cell + ") = " + ctx.prose(format_number(item->stamp.x));
    item->width = std::max(item->grid->width(), text_width(item->caption, kTextFont));
    for (LegendItem& legend_item : ctx.kind_legend(plan))
      if (std::none_of(kinds.begin(), kinds.end(),
                       [&](const LegendItem& have) { return have.text == legend_item.text; }))
        kinds.push_back(std::move(legend_item));
    for (std::string& note : ctx.notes(plan))
      if (std::find(notes.begin(), notes.end(), note) == notes.end())
        notes.push_back(std::move(note));
    drawn.push_back(std::move(item));
  }

  // Rows of stamps: as many as fit kMaxRowWidth (at least one), the rows one under another.
  // In 2-D, when a whole row of the input fits, the stamps are laid out like the input cells
  // they come from: a row of stamps per input row.
  const int64_t input_cols = stamps.input().cols();
  int64_t widest = 0;
  for (const auto& item : drawn) widest = std::max(widest, item->width);
  const bool like_input =
      stamps.dims() == 2 && input_cols * widest + (input_cols - 1) * kStampGap <= kMaxRowWidth;
  struct Row {
    size_t first = 0, last = 0;
    int64_t height = 0;
  };
  std::vector<Row> rows;
  int64_t width = 0, height = 0;
  for (size_t first = 0; first < drawn.size();) {
    Row row{first, first + 1, 0};
    int64_t used = drawn[first]->width;
    while (row.last < drawn.size() && used + kStampGap + drawn[row.last]->width <= kMaxRowWidth &&
           !(like_input && static_cast<int64_t>(row.last) % input_cols == 0))
      used += kStampGap + drawn[row.last++]->width;
    for (size_t i = row.first; i < row.last; ++i)
      row.height = std::max(row.height, kCaption + drawn[i]->grid->height());
    width = std::max(width, used);
    height += (rows.empty() ? 0 : kRowGap) + row.height;
    rows.push_back(row);
    first = row.last;
  }
  Block block{width, height, [drawn, rows](SvgDocument& doc, int64_t x, int64_t y) {
                int64_t top = y;
                for (const Row& row : rows) {
                  int64_t left = x;
                  for (size_t i = row.first; i < row.last; ++i) {
                    doc.text(left + drawn[i]->grid->cells_left(), top + 24, "cap",
                             drawn[i]->caption);
                    drawn[i]->grid->draw(doc, left, top + kCaption);
                    left += drawn[i]->width + kStampGap;
                  }
                  top += row.height + kRowGap;
                }
              }};

  std::vector<LegendItem> legend{
      {{Swatch::Style::kWeights, CellKind::kData}, ctx.legend_text({MsgId::kSvgLegendWeights, {}})},
      {{Swatch::Style::kKind, CellKind::kData}, ctx.legend_text({MsgId::kSvgLegendData, {}})}};
  for (LegendItem& item : kinds) legend.push_back(std::move(item));
  const int64_t hidden = stamps.count() - shown;
  if (hidden > 0)
    notes.push_back(ctx.say(
        hidden == 1 ? Message{MsgId::kNoteStampHidden, {}}
                    : Message{MsgId::kNoteStampsHidden, {{"count", std::to_string(hidden)}}}));

  FigureBuilder figure(ctx.title(stage), ctx.heading());
  figure.block(std::move(block));
  figure.legend(std::move(legend));
  for (const std::string& note : notes) figure.text(note, "note", kLabelFont);
  return figure.finish();
}

}  // namespace convt::detail
