// The SVG figure of each stage (render_svg.h). The sliding kernel is in
// render_svg_sliding.cpp, index.html in svg_index_html.cpp.
#include "convt/render_svg.h"

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "render/render_common.h"
#include "render/svg/svg_context.h"
#include "render/svg/svg_figure.h"
#include "render/svg/svg_footprint.h"

namespace convt {
namespace detail {
namespace {

using GridPtr = std::shared_ptr<const SvgGrid>;

constexpr int64_t kCaption = 34;   // px: a caption line above a grid
constexpr int64_t kOperator = 64;  // px: the column of an operator between grids (x, =, ->)

/// A grid drawn as a block of the figure.
Block grid_block(const GridPtr& grid) {
  return {grid->width(), grid->height(),
          [grid](SvgDocument& doc, int64_t x, int64_t y) { grid->draw(doc, x, y); }};
}

/// An operator symbol centred in a column of kOperator px at height `y` (its middle).
void draw_operator(SvgDocument& doc, int64_t x, int64_t y, std::string_view symbol) {
  doc.text(x + kOperator / 2, y + 15, "op", symbol);
}

LegendItem data_item(const SvgContext& ctx) {
  return {{Swatch::Style::kKind, CellKind::kData}, ctx.legend_text({MsgId::kSvgLegendData, {}})};
}

LegendItem weights_item(const SvgContext& ctx, MsgId id) {
  return {{Swatch::Style::kWeights, CellKind::kData}, ctx.legend_text({id, {}})};
}

/// Appends the items of `more` that `items` does not have yet.
void merge(std::vector<LegendItem>& items, const std::vector<LegendItem>& more) {
  for (const LegendItem& item : more)
    if (std::none_of(items.begin(), items.end(),
                     [&](const LegendItem& have) { return have.text == item.text; }))
      items.push_back(item);
}

void add_notes(FigureBuilder& figure, const std::vector<std::string>& notes) {
  for (const std::string& note : notes) figure.text(note, "note", kLabelFont);
}

/// The formula stage: its equations, one per line, in a monospaced font.
std::string formula_figure(const SvgContext& ctx, const Stage& stage) {
  FigureBuilder figure(ctx.title(stage), ctx.heading());
  for (const std::string& line : stage.equations) figure.text(line, "eq", kCellFont);
  return figure.finish();
}

/// The check stage: a mark and a verdict per comparison, then PASS or FAIL.
std::string check_figure(const SvgContext& ctx, const Stage& stage) {
  FigureBuilder figure(ctx.title(stage), ctx.heading());
  for (size_t i = 0; i < stage.checks.size(); ++i) {
    const CheckLine& check = stage.checks[i];
    if (i + 1 == stage.checks.size()) {
      figure.space(6);
      figure.text(ctx.say(check.message), check.ok ? "ok" : "bad");
      break;
    }
    const std::string verdict = ctx.say({check.ok ? MsgId::kCheckOk : MsgId::kCheckMismatch, {}});
    figure.text(
        std::string(check.ok ? "\u2713 " : "\u2717 ") + verdict + ": " + ctx.say(check.message),
        check.ok ? "txt" : "bad");
  }
  return figure.finish();
}

/// One grid stage: the kernels coloured by weight, the overlap map shaded by its counts, the
/// padded input with the kernel's first footprint, every other grid plain.
std::string grid_figure(const SvgContext& ctx, const Stage& stage) {
  const Grid& grid = *stage.grid;
  const GridPlan plan = ctx.plan(grid, stage.id);
  SvgGridStyle style;
  style.stage = std::string(stage_name(stage.id));
  style.symbols = ctx.symbols();
  std::vector<LegendItem> legend;
  switch (stage.id) {
    case StageId::kKernel:
      style.tap = [&ctx](int64_t r, int64_t c) { return ctx.kernel_tap(r, c); };
      break;
    case StageId::kFlippedKernel:
      style.tap = [&ctx](int64_t r, int64_t c) { return ctx.flipped_tap(r, c); };
      break;
    case StageId::kDilatedKernel:
      style.tap = [&ctx](int64_t r, int64_t c) { return ctx.dilated_tap(r, c); };
      break;
    case StageId::kOverlap: {
      double most = 0.0;
      grid.for_each_entry([&](int64_t, int64_t, double v) { most = std::max(most, v); });
      if (most > 0.0)
        style.shade = [&grid, most](int64_t r, int64_t c) {
          return 0.06 + 0.5 * grid.value(r, c) / most;
        };
      legend.push_back({{Swatch::Style::kShade, CellKind::kData},
                        ctx.legend_text({MsgId::kSvgLegendOverlap, {}})});
      break;
    }
    default:
      break;
  }
  if (style.tap)
    legend.push_back(weights_item(ctx, MsgId::kSvgLegendWeights));
  else if (stage.id != StageId::kOverlap)
    legend.push_back(data_item(ctx));
  merge(legend, ctx.kind_legend(plan));

  auto drawn = std::make_shared<const SvgGrid>(grid, plan.rows, plan.cols, style);
  Block block = grid_block(drawn);
  const Grid* flipped = ctx.grid_of(StageId::kFlippedKernel);
  if (stage.id == StageId::kPaddedInput) {
    block.draw = [drawn, &ctx, flipped](SvgDocument& doc, int64_t x, int64_t y) {
      drawn->draw(doc, x, y);
      draw_footprint(doc, ctx, *drawn, flipped, x, y, 0, 0, "foot");
    };
    legend.insert(legend.begin() + 1,
                  {{Swatch::Style::kFootprint, CellKind::kData},
                   ctx.legend_text({MsgId::kSvgLegendFootprint, {{"cell", ctx.cell_name(0, 0)}}})});
  }
  FigureBuilder figure(ctx.title(stage), ctx.heading());
  figure.block(std::move(block));
  figure.legend(std::move(legend));
  add_notes(figure, ctx.notes(plan));
  return figure.finish();
}

/// The kernel coloured by weight, under a caption: the key to the bands of C and C^T.
void kernel_key(const SvgContext& ctx, FigureBuilder& figure) {
  const Grid* kernel = ctx.grid_of(StageId::kKernel);
  if (!kernel) return;
  const GridPlan plan = ctx.plan(*kernel, StageId::kKernel);
  SvgGridStyle style;
  style.stage = "kernel";
  style.symbols = ctx.symbols();
  style.tap = [&ctx](int64_t r, int64_t c) { return ctx.kernel_tap(r, c); };
  figure.text(ctx.say({MsgId::kSvgKernelKey, {}}), "cap");
  figure.block(grid_block(std::make_shared<const SvgGrid>(*kernel, plan.rows, plan.cols, style)));
}

/// C^T times the flattened input equals the flattened F-grid, as three grids side by side:
/// the rows of y line up with the rows of C^T, x stands beside C^T's columns.
struct ProductBlock {
  Grid x_flat, y_flat;  // the vectors, kept alive while the figure is drawn
  Block block;
  std::vector<LegendItem> legend;
  std::vector<std::string> notes;
};

std::unique_ptr<ProductBlock> product_block(const SvgContext& ctx) {
  const Grid* ct = ctx.grid_of(StageId::kTransposedMatrix);
  const Grid* input = ctx.grid_of(StageId::kInput);
  const Grid* folded = ctx.grid_of(StageId::kMatrixOutput);
  if (!ct || !input || !folded) return nullptr;
  auto out = std::make_unique<ProductBlock>();
  const GridPlan plan = ctx.plan(*ct, StageId::kTransposedMatrix);
  auto flatten = [](const Grid& grid, const AxisLabels& labels) {
    Grid flat(grid.cells(), 1);
    if (grid.symbolic()) flat.make_symbolic();
    for (int64_t r = 0; r < grid.rows(); ++r)
      for (int64_t c = 0; c < grid.cols(); ++c) {
        flat.set(r * grid.cols() + c, 0, grid.value(r, c));
        if (grid.symbolic()) flat.expr_at(r * grid.cols() + c, 0) = grid.expr(r, c);
      }
    flat.row_labels = labels;
    return flat;
  };
  out->x_flat = flatten(*input, ct->col_labels);
  out->y_flat = flatten(*folded, ct->row_labels);

  SvgGridStyle ct_style;
  ct_style.stage = "transposed_matrix";
  ct_style.symbols = ctx.symbols();
  ct_style.tap = [&ctx](int64_t r, int64_t c) { return ctx.matrix_tap(c, r); };
  // y shows its sums only when the text view can show them as a grid; else its numbers.
  const Stage matrix_output{StageId::kMatrixOutput, {}, {}, {}, {}, {}, {}, {}, {}, {}};
  const bool y_sums = !ctx.lists_sums(matrix_output, *folded);
  auto vector_style = [&ctx, y_sums](const char* stage, int64_t cols) {
    SvgGridStyle style;
    style.stage = stage;
    style.symbols = std::string_view(stage) == "matrix_output" && !y_sums ? nullptr : ctx.symbols();
    style.col_labels = false;
    style.source = [cols](int64_t r, int64_t) { return std::make_pair(r / cols, r % cols); };
    return style;
  };
  auto gct = std::make_shared<const SvgGrid>(*ct, plan.rows, plan.cols, ct_style);
  auto gx = std::make_shared<const SvgGrid>(out->x_flat, plan.cols, std::vector<int64_t>{0},
                                            vector_style("input", input->cols()));
  auto gy = std::make_shared<const SvgGrid>(out->y_flat, plan.rows, std::vector<int64_t>{0},
                                            vector_style("matrix_output", folded->cols()));
  // The cells of C^T and y start at the same height; x is centred on C^T's cells.
  const int64_t cells_top = kCaption + gct->cells_top();
  const int64_t x_top = std::max(cells_top, cells_top + (gct->cells_height() - gx->height()) / 2);
  const int64_t middle = cells_top + gct->cells_height() / 2;
  const int64_t height =
      std::max({kCaption + gct->height(), x_top + gx->height(), cells_top + gy->height()});
  const int64_t width = gct->width() + kOperator + gx->width() + kOperator + gy->width();
  out->block = {width, height, [=](SvgDocument& doc, int64_t x, int64_t y) {
                  int64_t at = x;
                  doc.text(at + gct->cells_left(), y + 24, "cap", "C\u1d40");
                  gct->draw(doc, at, y + kCaption);
                  at += gct->width();
                  draw_operator(doc, at, y + middle, "\u00d7");
                  at += kOperator;
                  doc.text(at + gx->cells_left(), y + x_top - 10, "cap", "x");
                  gx->draw(doc, at, y + x_top);
                  at += gx->width();
                  draw_operator(doc, at, y + middle, "=");
                  at += kOperator;
                  doc.text(at + gy->cells_left(), y + cells_top - 10, "cap", "y");
                  gy->draw(doc, at, y + cells_top);
                }};
  out->legend = ctx.kind_legend(plan);
  out->notes = ctx.notes(plan);
  return out;
}

/// conv_matrix: C with the weights' diagonal bands, the kernel as their key, and C^T beside
/// the flattened input. transposed_matrix: the product with the key.
std::string matrix_figure(const SvgContext& ctx, const Stage& stage) {
  FigureBuilder figure(ctx.title(stage), ctx.heading());
  std::vector<LegendItem> legend{weights_item(ctx, MsgId::kSvgLegendBands)};
  std::vector<std::string> notes;
  std::unique_ptr<ProductBlock> product = product_block(ctx);
  if (stage.id == StageId::kConvMatrix || !product) {
    const GridPlan plan = ctx.plan(*stage.grid, stage.id);
    SvgGridStyle style;
    style.stage = std::string(stage_name(stage.id));
    style.symbols = ctx.symbols();
    style.tap = stage.id == StageId::kConvMatrix
                    ? std::function<int64_t(int64_t, int64_t)>(
                          [&ctx](int64_t r, int64_t c) { return ctx.matrix_tap(r, c); })
                    : [&ctx](int64_t r, int64_t c) { return ctx.matrix_tap(c, r); };
    figure.block(
        grid_block(std::make_shared<const SvgGrid>(*stage.grid, plan.rows, plan.cols, style)));
    merge(legend, ctx.kind_legend(plan));
    notes = ctx.notes(plan);
  }
  kernel_key(ctx, figure);
  if (product) {
    figure.space(10);
    figure.text(ctx.say({MsgId::kSvgProduct, {}}), "cap");
    figure.block(product->block);
    merge(legend, product->legend);
    if (stage.id == StageId::kTransposedMatrix) notes = product->notes;
  }
  figure.legend(std::move(legend));
  add_notes(figure, notes);
  return figure.finish();
}

/// The output: the F-grid with the crop marked, an arrow, the output PyTorch returns.
std::string output_figure(const SvgContext& ctx, const Stage& stage) {
  const GridPlan full_plan = ctx.plan(*stage.full_view, stage.id);
  const GridPlan out_plan = ctx.plan(*stage.grid, stage.id);
  SvgGridStyle full_style, out_style;
  full_style.stage = out_style.stage = "output";
  full_style.name = "full_view";
  full_style.symbols = out_style.symbols = ctx.symbols();
  auto full =
      std::make_shared<const SvgGrid>(*stage.full_view, full_plan.rows, full_plan.cols, full_style);
  auto out = std::make_shared<const SvgGrid>(*stage.grid, out_plan.rows, out_plan.cols, out_style);
  const std::string before =
      ctx.say({MsgId::kNoteFullGrid,
               {{"shape", ctx.prose(grid_size(ctx.derivation(), *stage.full_view))}}});
  const std::string after = ctx.say(
      {MsgId::kNoteOutputGrid, {{"shape", ctx.prose(grid_size(ctx.derivation(), *stage.grid))}}});
  const int64_t left_w = std::max(full->width(), text_width(before, kTextFont));
  const int64_t right_w = std::max(out->width(), text_width(after, kTextFont));
  const int64_t middle = kCaption + full->cells_top() + full->cells_height() / 2;
  Block block{left_w + kOperator + right_w, kCaption + std::max(full->height(), out->height()),
              [=](SvgDocument& doc, int64_t x, int64_t y) {
                doc.text(x, y + 24, "cap", before);
                full->draw(doc, x, y + kCaption);
                draw_operator(doc, x + left_w, y + middle, "\u2192");
                doc.text(x + left_w + kOperator, y + 24, "cap", after);
                out->draw(doc, x + left_w + kOperator, y + kCaption);
              }};
  std::vector<LegendItem> legend{data_item(ctx)};
  merge(legend, ctx.kind_legend(full_plan));
  merge(legend, ctx.kind_legend(out_plan));
  std::vector<std::string> notes = ctx.notes(full_plan);
  for (std::string& note : ctx.notes(out_plan)) notes.push_back(std::move(note));

  FigureBuilder figure(ctx.title(stage), ctx.heading());
  figure.block(std::move(block));
  figure.legend(std::move(legend));
  add_notes(figure, notes);
  return figure.finish();
}

/// A stage of sums too wide for a grid (SvgContext::lists_sums): its cells listed one per line
/// as the text view lists them; for the output, the F-grid's list and then the output's.
std::string sums_figure(const SvgContext& ctx, const Stage& stage) {
  FigureBuilder figure(ctx.title(stage), ctx.heading());
  GridPlan kinds;  // only its kinds: the legend of the marks the lists show
  auto list = [&](const Grid& grid) {
    for (std::string& line : ctx.sum_list(stage, grid)) figure.text(std::move(line), "txt");
    for (int64_t r = 0; r < grid.rows(); ++r)
      for (int64_t c = 0; c < grid.cols(); ++c)
        if (grid.kind(r, c) != CellKind::kData) kinds.kinds.insert(grid.kind(r, c));
  };
  if (stage.full_view) {
    figure.text(ctx.say({MsgId::kNoteFullGrid,
                         {{"shape", ctx.prose(grid_size(ctx.derivation(), *stage.full_view))}}}),
                "cap");
    list(*stage.full_view);
    figure.space(10);
    figure.text(ctx.say({MsgId::kNoteOutputGrid,
                         {{"shape", ctx.prose(grid_size(ctx.derivation(), *stage.grid))}}}),
                "cap");
  }
  list(*stage.grid);
  std::vector<LegendItem> legend{data_item(ctx)};
  merge(legend, ctx.kind_legend(kinds));
  figure.legend(std::move(legend));
  TextGridOptions options;
  set_symbol_options(ctx.derivation(), stage, *stage.grid, options);
  add_notes(figure, {ctx.say(symbolic_list_note(options))});
  return figure.finish();
}

/// Whether a stage's figure lists its sums instead of drawing its grids.
bool lists_sums(const SvgContext& ctx, const Stage& stage) {
  if (!stage.grid) return false;
  return ctx.lists_sums(stage, *stage.grid) ||
         (stage.full_view && ctx.lists_sums(stage, *stage.full_view));
}

std::string stage_figure(const SvgContext& ctx, const Stage& stage) {
  if (lists_sums(ctx, stage)) return sums_figure(ctx, stage);
  switch (stage.id) {
    case StageId::kFormula:
      return formula_figure(ctx, stage);
    case StageId::kCheck:
      return check_figure(ctx, stage);
    case StageId::kScatterStamps:
      if (stage.stamps) return stamps_figure(ctx, stage);
      break;
    case StageId::kConvMatrix:
    case StageId::kTransposedMatrix:
      return matrix_figure(ctx, stage);
    case StageId::kOutput:
      if (stage.full_view) return output_figure(ctx, stage);
      break;
    default:
      break;
  }
  if (stage.grid) return grid_figure(ctx, stage);
  FigureBuilder figure(ctx.title(stage), ctx.heading());
  return figure.finish();
}

}  // namespace
}  // namespace detail

std::vector<Figure> render_svg(const Derivation& derivation, const SvgOptions& options) {
  const detail::SvgContext ctx(derivation, options);
  std::vector<Figure> figures;
  for (const Stage& stage : derivation.stages) {
    if (!ctx.selected(stage.id)) continue;
    figures.push_back(
        {std::string(stage_name(stage.id)) + ".svg", detail::stage_figure(ctx, stage)});
  }
  if (ctx.selected(StageId::kDirectOutput) && derivation.find(StageId::kDirectOutput))
    for (Figure& figure : detail::sliding_figures(ctx)) figures.push_back(std::move(figure));
  figures.push_back({"index.html", detail::index_html(ctx, figures)});
  return figures;
}

}  // namespace convt
