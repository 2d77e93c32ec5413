// A stage of a whole layer (Stage::slices) as small multiples: one panel per 2-D slice under
// its label ("output channel 1, depth z = 0"), drawn like the grid of a one-channel stage (the
// same colours, elision and legend). Panels that share every leading index but the last varying
// one stand in one row: the depth slices z = 0, 1, ... of one channel side by side, the output
// channels of one input channel's weights side by side.
#include <algorithm>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "render/render_common.h"
#include "render/svg/svg_context.h"
#include "render/svg/svg_figure.h"
#include "render/svg/svg_stage_paint.h"

namespace convt::detail {
namespace {

constexpr int64_t kCaptionLine = 26;    // px per line of a panel's caption
constexpr int64_t kCaptionGap = 10;     // px between the caption and its grid
constexpr int64_t kMinCaption = 380;    // px: a caption may be this wide over a narrower grid
constexpr int64_t kPanelGap = 36;       // px between two panels of a row
constexpr int64_t kRowGap = 22;         // px between two rows of panels
constexpr int64_t kMaxRowWidth = 1600;  // px: a row takes more panels while it fits
/// px: without --full, rows of panels stop before the figure's panels pass this height (at least
/// one row is drawn), so that a figure of large slices stays below the 32767 px that librsvg
/// (rsvg-convert) renders; the note counts the panels left out.
constexpr int64_t kMaxPanelsHeight = 20000;

/// One slice laid out: its drawn grid, its caption in lines, its size.
struct Panel {
  std::shared_ptr<const SvgGrid> grid;
  std::vector<std::string> caption;
  std::vector<int64_t> row_key;  ///< the leading indices its row of panels shares (row_key)
  int64_t width = 0;
  int64_t height = 0;
};

/// The leading indices that a row of panels shares: all of them before the last one that
/// varies (whose axis in Stage::shape has more than one index), so that the panels along that
/// axis stand side by side; the flipped weight [out, 1, k, k] of a depthwise layer is then one
/// row of output channels rather than a column of single panels.
std::vector<int64_t> row_key(const Stage& stage, const GridSlice& slice) {
  const size_t leading = slice.index.size();
  size_t varying = leading;  // the position of the last varying leading axis
  if (stage.shape.size() >= leading) {
    for (size_t a = 0; a < leading; ++a)
      if (stage.shape[a] > 1) varying = a;
  } else if (leading > 0) {
    varying = leading - 1;
  }
  if (varying == leading) return {};
  return {slice.index.begin(), slice.index.begin() + static_cast<std::ptrdiff_t>(varying)};
}

}  // namespace

std::string slices_figure(const SvgContext& ctx, const Stage& stage) {
  const std::vector<GridSlice>& slices = stage.slices;
  const SvgOptions& options = ctx.options();
  int64_t total_cells = 0;
  std::vector<const Grid*> grids;
  for (const GridSlice& slice : slices) {
    total_cells += slice.grid.cells();
    grids.push_back(&slice.grid);
  }
  check_full_fits(options.full, stage.id, total_cells, options.max_cells);
  const auto count = static_cast<int64_t>(slices.size());
  const int64_t shown = options.full ? count : std::min(count, kShownPanels);
  const double most = stage.id == StageId::kOverlap ? largest_value(grids) : 0.0;
  // The depth of a 3-D slice is its last leading index (kernel taps are coloured by it).
  const bool has_depth = ctx.derivation().params.dims == 3;

  std::vector<Panel> panels;
  std::vector<LegendItem> legend = stage_legend(ctx, stage);
  std::vector<std::string> notes;
  for (int64_t i = 0; i < shown; ++i) {
    const GridSlice& slice = slices[static_cast<size_t>(i)];
    const GridPlan plan = ctx.plan(slice.grid, stage.id);
    const int64_t z = has_depth && !slice.index.empty() ? slice.index.back() : 0;
    SvgGridStyle style = stage_grid_style(ctx, stage, slice.grid, z, most);
    style.name = "slice-" + std::to_string(i);  // JSON: the stage's slice i in row-major order
    Panel panel;
    panel.grid = std::make_shared<const SvgGrid>(slice.grid, plan.rows, plan.cols, style);
    // A tensor of one slice without leading indices (a 2-D layer's overlap map) has no label.
    if (count > 1 || !slice.index.empty())
      panel.caption =
          wrap_px(ctx.say(slice.label), std::max(panel.grid->width(), kMinCaption), kTextFont);
    panel.width = panel.grid->width();
    for (const std::string& line : panel.caption)
      panel.width = std::max(panel.width, text_width(line, kTextFont));
    const auto lines = static_cast<int64_t>(panel.caption.size());
    panel.height = (lines > 0 ? lines * kCaptionLine + kCaptionGap : 0) + panel.grid->height();
    panel.row_key = row_key(stage, slice);
    merge_legend(legend, ctx.kind_legend(plan));
    for (std::string& note : ctx.notes(plan))
      if (std::find(notes.begin(), notes.end(), note) == notes.end())
        notes.push_back(std::move(note));
    panels.push_back(std::move(panel));
  }

  // Rows of panels: a new row where the row key changes (row_key), or where the next
  // panel would pass kMaxRowWidth; each row as high as its highest panel.
  struct Row {
    size_t first = 0, last = 0;
    int64_t height = 0;
  };
  std::vector<Row> rows;
  int64_t width = 0, height = 0;
  for (size_t first = 0; first < panels.size();) {
    Row row{first, first + 1, 0};
    int64_t used = panels[first].width;
    while (row.last < panels.size() && panels[row.last].row_key == panels[first].row_key &&
           used + kPanelGap + panels[row.last].width <= kMaxRowWidth)
      used += kPanelGap + panels[row.last++].width;
    for (size_t i = row.first; i < row.last; ++i)
      row.height = std::max(row.height, panels[i].height);
    if (!rows.empty() && !options.full && height + kRowGap + row.height > kMaxPanelsHeight) {
      panels.resize(first);
      break;
    }
    width = std::max(width, used);
    height += (rows.empty() ? 0 : kRowGap) + row.height;
    rows.push_back(row);
    first = row.last;
  }
  const int64_t hidden = count - static_cast<int64_t>(panels.size());
  Block block{width, height,
              [panels = std::move(panels), rows](SvgDocument& doc, int64_t x, int64_t y) {
                int64_t top = y;
                for (const Row& row : rows) {
                  int64_t left = x;
                  for (size_t i = row.first; i < row.last; ++i) {
                    const Panel& panel = panels[i];
                    int64_t at = top;
                    for (const std::string& line : panel.caption) {
                      doc.text(left + panel.grid->cells_left(), at + 20, "cap", line);
                      at += kCaptionLine;
                    }
                    if (!panel.caption.empty()) at += kCaptionGap;
                    panel.grid->draw(doc, left, at);
                    left += panel.width + kPanelGap;
                  }
                  top += row.height + kRowGap;
                }
              }};

  if (hidden > 0)
    notes.push_back(ctx.say({MsgId::kSvgPanelsHidden, {{"count", std::to_string(hidden)}}}));

  FigureBuilder figure(ctx.title(stage), ctx.heading());
  figure.block(std::move(block));
  figure.legend(std::move(legend));
  for (const std::string& note : notes) figure.text(note, "note", kLabelFont);
  return figure.finish();
}

}  // namespace convt::detail
