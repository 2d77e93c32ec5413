// The sliding kernel: the flipped kernel moving over the padded input with stride 1, writing
// each cell of the F-grid in turn, like the convolution arithmetic animations of Dumoulin and
// Visin but for any k, s, p, d and output_padding. Animated with SMIL only (no script): every
// animation is discrete, shares one duration and repeats, so all of them stay in step. A
// renderer without SMIL (rsvg-convert, print) shows the first position.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "render/svg/svg_context.h"
#include "render/svg/svg_figure.h"
#include "render/svg/svg_footprint.h"
#include "text/number_format.h"

namespace convt::detail {
namespace {

/// The most positions one animation (or set of frames) shows: beyond it, the loop would take
/// minutes and the frames would fill a folder.
constexpr size_t kMaxPositions = 256;
constexpr double kSecondsPerStep = 0.8;
constexpr int64_t kCaption = 34;   // px: a caption line above a grid
constexpr int64_t kArrow = 64;     // px: the column of the arrow between the grids
constexpr int64_t kStepLine = 40;  // px: the line that says what the current position adds
constexpr size_t kMostTerms = 6;   // products written out per position

struct Position {
  int64_t i = 0, j = 0;
};

/// Whether every index of [first, first + length) is among the shown `indices`.
bool all_shown(const std::vector<int64_t>& indices, int64_t first, int64_t length) {
  for (int64_t t = first; t < first + length; ++t)
    if (std::find(indices.begin(), indices.end(), t) == indices.end()) return false;
  return true;
}

/// "(-3)" for a negative factor after "×", the number otherwise.
std::string factor(double value) {
  const std::string text = format_number(value);
  return value < 0 ? "(" + text + ")" : text;
}

/// Everything the figures of the sliding kernel share.
class Sliding {
 public:
  Sliding(const SvgContext& ctx, const Grid& padded, const Grid& flipped, const Grid& direct)
      : ctx_(ctx),
        padded_(padded),
        flipped_(flipped),
        direct_(direct),
        padded_plan_(ctx.plan(padded, StageId::kPaddedInput)),
        direct_plan_(ctx.plan(direct, StageId::kDirectOutput)) {
    const Shape2& shape = ctx.shape();
    const int64_t span0 = shape[0].dilated_k, span1 = shape[1].dilated_k;
    // A position is animated when its F-grid cell and its whole window are shown.
    std::vector<int64_t> cols;
    for (int64_t j : direct_plan_.cols)
      if (j != kGap && all_shown(padded_plan_.cols, j, span1)) cols.push_back(j);
    for (int64_t i : direct_plan_.rows) {
      if (i == kGap || !all_shown(padded_plan_.rows, i, span0)) continue;
      for (int64_t j : cols) positions_.push_back({i, j});
    }
    const int64_t total = direct.cells();
    const auto shown = static_cast<int64_t>(positions_.size());
    if (positions_.size() > kMaxPositions) {
      positions_.resize(kMaxPositions);
      notes_.push_back(
          ctx.say({MsgId::kSvgSlidingCapped,
                   {{"shown", std::to_string(kMaxPositions)}, {"total", std::to_string(total)}}}));
    } else if (shown < total) {
      notes_.push_back(
          ctx.say({MsgId::kSvgSlidingSkipped,
                   {{"shown", std::to_string(shown)}, {"total", std::to_string(total)}}}));
    }
    for (size_t t = 0; t < positions_.size(); ++t)
      order_[key(positions_[t].i, positions_[t].j)] = static_cast<int64_t>(t);
  }

  size_t count() const { return positions_.size(); }

  /// The animated figure.
  std::string animated() const {
    const auto slots = static_cast<int64_t>(positions_.size()) + 1;  // the last one holds
    const std::string timing =
        fmt::format(R"(dur="{:.1f}s" calcMode="discrete" repeatCount="indefinite")",
                    kSecondsPerStep * static_cast<double>(slots));
    auto at = [slots](int64_t t) {
      return fmt::format("{:.5f}", static_cast<double>(t) / static_cast<double>(slots));
    };
    SvgGridStyle output_style;
    output_style.decorate = [this, timing, at](int64_t r, int64_t c) {
      const int64_t t = order_.at(key(r, c));
      if (t == 0) return std::make_pair(std::string(), std::string());
      return std::make_pair(
          std::string(R"(opacity="0")"),
          fmt::format(R"(<animate attributeName="opacity" values="0;1" keyTimes="0;{}" {}/>)",
                      at(t), timing));
    };
    return figure(
        ctx_.say({MsgId::kTitleSliding, {}}), output_style,
        [this, timing, at, slots](SvgDocument& doc, const Layout& layout) {
          if (positions_.empty()) return;
          // The footprint and the current output cell, moved by one translation each.
          auto moves = [&](auto&& box_of) {
            std::string values;
            const Box first = box_of(positions_[0]);
            for (int64_t t = 0; t < slots; ++t) {
              const Box box = box_of(
                  positions_[std::min<size_t>(static_cast<size_t>(t), positions_.size() - 1)]);
              values += fmt::format("{}{} {}", t == 0 ? "" : ";", box.x - first.x, box.y - first.y);
            }
            return fmt::format(
                R"(<animateTransform attributeName="transform" type="translate" values="{}" {}/>)",
                values, timing);
          };
          doc.raw("<g class=\"footprint\">\n");
          draw_footprint(doc, ctx_, *layout.padded, &flipped_, layout.padded_x, layout.y,
                         positions_[0].i, positions_[0].j, "foot");
          doc.raw(moves([&](const Position& p) { return window(layout, p); }) + "\n</g>\n");
          const Box cell = output_cell(layout, positions_[0]);
          doc.raw("<g class=\"current\">\n");
          doc.rect(cell.x, cell.y, cell.w, cell.h, "cur");
          doc.raw(moves([&](const Position& p) { return output_cell(layout, p); }) + "\n</g>\n");
          // One line per position, shown while the kernel is there.
          for (size_t t = 0; t < positions_.size(); ++t) {
            const auto ti = static_cast<int64_t>(t);
            const bool last = t + 1 == positions_.size();
            std::string animation =
                t == 0
                    ? fmt::format(
                          R"(<animate attributeName="opacity" values="1;0" keyTimes="0;{}" {}/>)",
                          at(1), timing)
                : last
                    ? fmt::format(
                          R"(<animate attributeName="opacity" values="0;1" keyTimes="0;{}" {}/>)",
                          at(ti), timing)
                    : fmt::format(
                          R"(<animate attributeName="opacity" values="0;1;0" keyTimes="0;{};{}" {}/>)",
                          at(ti), at(ti + 1), timing);
            if (positions_.size() == 1) animation.clear();
            doc.raw(fmt::format(R"(<text x="{}" y="{}" class="txt"{}>{}{}</text>)", layout.padded_x,
                                layout.step_y, t == 0 ? "" : R"( opacity="0")",
                                xml_escape(step_text(positions_[t])), animation) +
                    "\n");
          }
        });
  }

  /// The still of position `t` (0-based).
  std::string frame(size_t t) const {
    SvgGridStyle output_style;
    output_style.written = [this, t](int64_t r, int64_t c) {
      const auto found = order_.find(key(r, c));
      return found != order_.end() && found->second <= static_cast<int64_t>(t);
    };
    const std::string title = ctx_.say({MsgId::kTitleSliding, {}}) + " (" +
                              ctx_.say({MsgId::kSvgFrame,
                                        {{"frame", std::to_string(t + 1)},
                                         {"count", std::to_string(positions_.size())}}}) +
                              ")";
    return figure(title, output_style, [this, t](SvgDocument& doc, const Layout& layout) {
      const Position& p = positions_[t];
      draw_footprint(doc, ctx_, *layout.padded, &flipped_, layout.padded_x, layout.y, p.i, p.j,
                     "foot");
      const Box cell = output_cell(layout, p);
      doc.rect(cell.x, cell.y, cell.w, cell.h, "cur");
      doc.text(layout.padded_x, layout.step_y, "txt", step_text(p));
    });
  }

 private:
  /// Where the two grids of a figure were drawn.
  struct Layout {
    std::shared_ptr<const SvgGrid> padded, direct;
    int64_t padded_x = 0, direct_x = 0, y = 0, step_y = 0;
  };

  static int64_t key(int64_t r, int64_t c) { return r * (int64_t{1} << 32) + c; }

  Box window(const Layout& layout, const Position& p) const {
    const Shape2& shape = ctx_.shape();
    return *layout.padded->span(layout.padded_x, layout.y, p.i, p.i + shape[0].dilated_k - 1, p.j,
                                p.j + shape[1].dilated_k - 1);
  }

  Box output_cell(const Layout& layout, const Position& p) const {
    return *layout.direct->span(layout.direct_x, layout.y, p.i, p.i, p.j, p.j);
  }

  /// What the crop does to F-grid cell p: " (output cell (0,1) after the crop)" for a cell that
  /// survives it (p <= i < p + m on every axis), " (removed by the crop)" otherwise.
  Message crop_note(const Position& p) const {
    const Shape2& shape = ctx_.shape();
    const int64_t oi = p.i - shape[0].in.p, oj = p.j - shape[1].in.p;
    if (oi < 0 || oj < 0 || oi >= shape[0].output || oj >= shape[1].output)
      return {MsgId::kSvgSlidingCropped, {}};
    return {MsgId::kSvgSlidingKept, {{"cell", ctx_.cell_name(oi, oj)}}};
  }

  /// "F-grid cell (1,2) (output cell (0,1) after the crop) = 5×9 + 6×8 = 93": the products that
  /// are not zero, then the sum. Every position writes a cell of the F-grid, before the crop.
  std::string step_text(const Position& p) const {
    const Shape2& shape = ctx_.shape();
    std::vector<std::string> terms;
    for (int64_t u = 0; u < shape[0].in.k; ++u)
      for (int64_t v = 0; v < shape[1].in.k; ++v) {
        const double x = padded_.value(p.i + u * shape[0].in.d, p.j + v * shape[1].in.d);
        const double w = flipped_.value(u, v);
        if (x != 0.0 && w != 0.0) terms.push_back(format_number(x) + "\u00d7" + factor(w));
      }
    const std::string cell = ctx_.cell_name(p.i, p.j);
    if (terms.empty())
      return ctx_.say({MsgId::kSvgSlidingStepZero, {{"cell", cell}, {"crop", crop_note(p)}}});
    std::string sum;
    for (size_t i = 0; i < terms.size() && i < kMostTerms; ++i)
      sum += (i == 0 ? "" : " + ") + terms[i];
    if (terms.size() > kMostTerms) sum += " + \u2026";
    return ctx_.say({MsgId::kSvgSlidingStep,
                     {{"cell", cell},
                      {"crop", crop_note(p)},
                      {"terms", sum},
                      {"value", format_number(direct_.value(p.i, p.j))}}});
  }

  /// A figure of the two grids side by side, the moving parts drawn by `overlay`.
  template <typename Overlay>
  std::string figure(const std::string& title, SvgGridStyle output_style, Overlay overlay) const {
    SvgGridStyle padded_style;
    padded_style.stage = "padded_input";
    output_style.stage = "direct_output";
    // The window's output cells show their sums only when the text view can show them as a
    // grid; else their numbers (the padded input and the weights keep their symbols).
    const Stage direct_output{StageId::kDirectOutput, {}, {}, {}, {}, {}, {}, {}, {}, {}};
    padded_style.symbols = ctx_.symbols();
    output_style.symbols = ctx_.lists_sums(direct_output, direct_) ? nullptr : ctx_.symbols();
    if (!output_style.written)
      output_style.written = [this](int64_t r, int64_t c) { return order_.count(key(r, c)) > 0; };
    Layout layout;
    layout.padded = std::make_shared<const SvgGrid>(padded_, padded_plan_.rows, padded_plan_.cols,
                                                    padded_style);
    layout.direct = std::make_shared<const SvgGrid>(direct_, direct_plan_.rows, direct_plan_.cols,
                                                    output_style);
    const Derivation& d = ctx_.derivation();
    const std::string left_caption = caption(d.find(StageId::kPaddedInput));
    const std::string right_caption = caption(d.find(StageId::kDirectOutput));
    const int64_t left_w = std::max(layout.padded->width(), text_width(left_caption, kTextFont));
    const int64_t right_w = std::max(layout.direct->width(), text_width(right_caption, kTextFont));
    const int64_t grids_h = std::max(layout.padded->height(), layout.direct->height());
    int64_t step_w = 0;
    for (const Position& p : positions_)
      step_w = std::max(step_w, text_width(step_text(p), kTextFont));
    const int64_t middle =
        kCaption + layout.padded->cells_top() + layout.padded->cells_height() / 2;

    Block block{std::max(left_w + kArrow + right_w, step_w), kCaption + grids_h + kStepLine,
                [=, &overlay](SvgDocument& doc, int64_t x, int64_t y) mutable {
                  doc.text(x, y + 24, "cap", left_caption);
                  doc.text(x + left_w + kArrow, y + 24, "cap", right_caption);
                  layout.padded_x = x;
                  layout.direct_x = x + left_w + kArrow;
                  layout.y = y + kCaption;
                  layout.step_y = y + kCaption + grids_h + 30;
                  layout.padded->draw(doc, layout.padded_x, layout.y);
                  doc.text(x + left_w + kArrow / 2, y + middle + 15, "op", "\u2192");
                  layout.direct->draw(doc, layout.direct_x, layout.y);
                  overlay(doc, layout);
                }};
    std::vector<LegendItem> legend{
        {{Swatch::Style::kFootprint, CellKind::kData},
         ctx_.legend_text({MsgId::kSvgLegendSliding, {}})},
        {{Swatch::Style::kWeights, CellKind::kData},
         ctx_.legend_text({MsgId::kSvgLegendWeights, {}})},
        {{Swatch::Style::kKind, CellKind::kData}, ctx_.legend_text({MsgId::kSvgLegendData, {}})}};
    for (const GridPlan* plan : {&padded_plan_, &direct_plan_})
      for (LegendItem& item : ctx_.kind_legend(*plan))
        if (std::none_of(legend.begin(), legend.end(),
                         [&](const LegendItem& have) { return have.text == item.text; }))
          legend.push_back(std::move(item));

    FigureBuilder builder(title, ctx_.heading());
    builder.block(std::move(block));
    builder.legend(std::move(legend));
    for (const GridPlan* plan : {&padded_plan_, &direct_plan_})
      for (const std::string& note : ctx_.notes(*plan)) builder.text(note, "note", kLabelFont);
    for (const std::string& note : notes_) builder.text(note, "note", kLabelFont);
    return builder.finish();
  }

  std::string caption(const Stage* stage) const { return stage ? ctx_.title(*stage) : ""; }

  const SvgContext& ctx_;
  const Grid& padded_;
  const Grid& flipped_;
  const Grid& direct_;
  GridPlan padded_plan_, direct_plan_;
  std::vector<Position> positions_;
  std::map<int64_t, int64_t> order_;  // key(i, j) -> the position's turn
  std::vector<std::string> notes_;
};

}  // namespace

std::vector<Figure> sliding_figures(const SvgContext& ctx) {
  const Grid* padded = ctx.grid_of(StageId::kPaddedInput);
  const Grid* flipped = ctx.grid_of(StageId::kFlippedKernel);
  const Grid* direct = ctx.grid_of(StageId::kDirectOutput);
  if (!padded || !flipped || !direct) return {};
  const Sliding sliding(ctx, *padded, *flipped, *direct);
  if (!ctx.options().frames) return {{"sliding.svg", sliding.animated()}};
  std::vector<Figure> frames;
  const size_t digits = std::max<size_t>(3, std::to_string(sliding.count()).size());
  for (size_t t = 0; t < sliding.count(); ++t) {
    std::string number = std::to_string(t + 1);
    number.insert(0, digits - number.size(), '0');
    frames.push_back({"sliding-" + number + ".svg", sliding.frame(t)});
  }
  return frames;
}

}  // namespace convt::detail
