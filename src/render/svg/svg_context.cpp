#include "render/svg/svg_context.h"

#include <algorithm>

#include "convt/error.h"
#include "render/render_common.h"

namespace convt::detail {

SvgContext::SvgContext(const Derivation& derivation, const SvgOptions& options)
    : d_(derivation),
      o_(options),
      shape_(derivation.shapes.size() >= 2
                 ? Shape2{derivation.shapes[derivation.shapes.size() - 2], derivation.shapes.back()}
                 : Shape2{trivial_axis_shape(), derivation.shapes[0]}) {}

std::string SvgContext::say(const Message& message) const {
  // A {mark} the message does not fill (the legends) is a slot too: the figure draws a swatch.
  const bool has_mark = std::any_of(message.args.begin(), message.args.end(),
                                    [](const MessageArg& arg) { return arg.name == "mark"; });
  if (has_mark) return prose(resolve(message, o_.lang, mark_slot));
  Message with_slot = message;
  with_slot.args.emplace_back("mark", CellKind::kData);
  return prose(resolve(with_slot, o_.lang, mark_slot));
}

std::string SvgContext::prose(const std::string& text) const {
  // Sizes "3 x 3" become "3 × 3" with no-break spaces, so that wrapping never splits them.
  constexpr std::string_view kNoBreak = "\u00a0";
  std::string out;
  bool glue = false;  // the space after a "×" is a no-break space
  for (ProsePiece piece : split_prose(text)) {
    if (glue && piece.kind == ProsePiece::Kind::kText && !piece.text.empty() &&
        piece.text[0] == ' ')
      piece.text.replace(0, 1, kNoBreak);
    glue = false;
    switch (piece.kind) {
      case ProsePiece::Kind::kTranspose:
        out += "C\u1d40";  // Cᵀ
        break;
      case ProsePiece::Kind::kTimes:
        if (!out.empty() && out.back() == ' ') out.replace(out.size() - 1, 1, kNoBreak);
        out += "\u00d7";  // ×
        glue = true;
        break;
      case ProsePiece::Kind::kArrow:
        out += "\u2192";  // →
        break;
      case ProsePiece::Kind::kMark:
        break;
      case ProsePiece::Kind::kText:
      case ProsePiece::Kind::kOption:
      case ProsePiece::Kind::kMath:  // not in this text: resolve dropped the dollars
        out += piece.text;
        break;
    }
  }
  return out;
}

std::string SvgContext::legend_text(const Message& message) const {
  std::string text = say(message);
  const size_t first = text.find_first_not_of(' ');
  return first == std::string::npos ? std::string() : text.substr(first);
}

std::string SvgContext::heading() const {
  return say({MsgId::kHeading, {{"module", module_name(d_)}, {"params", heading_params(d_)}}});
}

std::string SvgContext::title(const Stage& stage) const {
  std::string out = say(stage.title);
  if (stage.grid)
    out += " (" + prose(grid_size(d_, *stage.grid)) + ")";
  else if (!stage.slices.empty() && !stage.shape.empty())
    out += " (" + prose(size_text(stage.shape)) + ")";
  return out;
}

std::string SvgContext::cell_name(int64_t r, int64_t c) const {
  if (d_.params.dims == 1) return std::to_string(c);
  return "(" + std::to_string(r) + "," + std::to_string(c) + ")";
}

GridPlan SvgContext::plan(const Grid& grid, StageId stage) const {
  detail::check_full_fits(o_.full, stage, grid.cells(), o_.max_cells);
  // The text view's options (render_text.cpp), so that the same rows and columns are shown.
  TextGridOptions options;
  options.width = o_.width;
  options.full = o_.full;
  options.indent = 2;
  return plan_grid(grid, options, GridGeometry{}, cell_text);
}

namespace {

/// The text view's options for `grid` of `stage` (render_text.cpp), with its symbol fields.
TextGridOptions text_view_options(const Derivation& d, const SvgOptions& o, const Stage& stage,
                                  const Grid& grid) {
  TextGridOptions options;
  options.width = o.width;
  options.full = o.full;
  options.indent = 2;
  set_symbol_options(d, stage, grid, options);
  return options;
}

}  // namespace

bool SvgContext::lists_sums(const Stage& stage, const Grid& grid) const {
  if (!d_.symbols || !grid.symbolic()) return false;
  const TextGridOptions options = text_view_options(d_, o_, stage, grid);
  if (options.list_name.empty()) return false;
  const GridPlan plan =
      plan_grid(grid, options, GridGeometry{}, cell_text,
                [&](int64_t r, int64_t c) { return symbolic_cell_text(grid, r, c, *d_.symbols); });
  return convt::lists_sums(grid, options, plan);
}

std::vector<std::string> SvgContext::sum_list(const Stage& stage, const Grid& grid) const {
  const TextGridOptions options = text_view_options(d_, o_, stage, grid);
  std::vector<std::string> lines;
  for (const ListedSum& cell : listed_sums(grid, options, Notation::kUnicode)) {
    std::string line = cell.name + " = " + cell.sum;
    if (cell.kind != CellKind::kData) line += "  " + kind_mark(cell.kind);
    lines.push_back(std::move(line));
  }
  return lines;
}

int64_t SvgContext::kernel_tap(int64_t r, int64_t c, int64_t z) const {
  return (z * shape_[0].in.k + r) * shape_[1].in.k + c;
}

int64_t SvgContext::flipped_tap(int64_t r, int64_t c, int64_t z) const {
  const int64_t depth_k = d_.shapes.size() == 3 ? d_.shapes[0].in.k : 1;
  return kernel_tap(shape_[0].in.k - 1 - r, shape_[1].in.k - 1 - c, depth_k - 1 - z);
}

int64_t SvgContext::dilated_tap(int64_t r, int64_t c, int64_t z) const {
  const int64_t d0 = shape_[0].in.d, d1 = shape_[1].in.d;
  const int64_t dz = d_.shapes.size() == 3 ? d_.shapes[0].in.d : 1;
  if (r % d0 != 0 || c % d1 != 0 || z % dz != 0) return -1;
  return flipped_tap(r / d0, c / d1, z / dz);
}

int64_t SvgContext::matrix_tap(int64_t r, int64_t c) const {
  // C[flat(a)][flat(a*s + u*d)] = w[u] per axis (routes.h: conv_matrix); a whole layer's C is
  // channel-major, so the spatial cells are the indices within one channel block.
  int64_t cells_in = 1, cells_full = 1;
  for (const AxisShape& axis : d_.shapes) {
    cells_in *= axis.in.n;
    cells_full *= axis.full;
  }
  int64_t a = r % cells_in, i = c % cells_full, tap = 0, tap_stride = 1;
  for (size_t t = d_.shapes.size(); t-- > 0;) {
    const AxisShape& axis = d_.shapes[t];
    const int64_t du = i % axis.full - (a % axis.in.n) * axis.in.s;
    a /= axis.in.n;
    i /= axis.full;
    if (du < 0 || du % axis.in.d != 0 || du / axis.in.d >= axis.in.k) return -1;
    tap += du / axis.in.d * tap_stride;
    tap_stride *= axis.in.k;
  }
  return tap;
}

std::vector<LegendItem> SvgContext::kind_legend(const GridPlan& plan) const {
  std::vector<LegendItem> items;
  for (CellKind kind : plan.kinds)
    if (std::optional<MsgId> id = convt::kind_legend(kind))
      items.push_back({{Swatch::Style::kKind, kind}, legend_text({*id, {}})});
  return items;
}

std::vector<std::string> SvgContext::notes(const GridPlan& plan) const {
  std::vector<std::string> out;
  for (const Message& note : plan.notes) out.push_back(say(note));
  return out;
}

bool SvgContext::selected(StageId stage) const {
  return o_.stages.empty() ||
         std::find(o_.stages.begin(), o_.stages.end(), stage) != o_.stages.end();
}

const Grid* SvgContext::grid_of(StageId stage) const {
  const Stage* found = d_.find(stage);
  return found && found->grid ? &*found->grid : nullptr;
}

}  // namespace convt::detail
