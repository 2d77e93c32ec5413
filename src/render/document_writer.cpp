#include "render/document_writer.h"

#include <algorithm>
#include <utility>

#include "convt/error.h"
#include "convt/shape.h"
#include "text/number_format.h"
#include "text/style.h"

namespace convt::detail {
namespace {

class DocumentWriter {
 public:
  DocumentWriter(const Derivation& d, const RenderOptions& options, const DocumentFlavour& flavour)
      : d_(d), options_(options), flavour_(flavour) {}

  std::string run() {
    append(flavour_.prologue(options_));
    append(flavour_.heading(
        say({MsgId::kHeading, {{"module", module_name(d_)}, {"params", heading_params(d_)}}}),
        options_));
    int index = 1;
    for (const Stage& stage : d_.stages) {
      blank();
      stage_block(stage, index++);
    }
    append(flavour_.epilogue(options_));
    return join_lines(lines_);
  }

 private:
  /// `m` resolved in the run's language, its marks (and math spans, for a flavour that
  /// typesets them) as slots, written by the flavour.
  std::string say(const Message& m) const {
    return flavour_.prose(
        split_prose(resolve(m, options_.lang, mark_slot,
                            flavour_.typesets_math() ? kMathSlots : MathBounds{})),
        options_);
  }

  void blank() { lines_.emplace_back(); }
  void append(std::vector<std::string> lines) {
    for (std::string& line : lines) lines_.push_back(std::move(line));
  }
  /// A paragraph: after a blank line in the spaced (document) formats.
  void paragraph(const std::string& text) {
    if (flavour_.spaced()) blank();
    append(flavour_.paragraph(text, options_));
  }

  void stage_block(const Stage& stage, int index) {
    // A whole layer's stage names its tensor's full shape ("2 x 1 x 3 x 3"); a one-channel
    // stage the size of its grid.
    std::string size;
    if (d_.params.whole_layer() && !stage.shape.empty())
      size = flavour_.size(size_text(stage.shape), options_);
    else if (stage.grid)
      size = flavour_.size(grid_size(d_, *stage.grid), options_);
    append(flavour_.stage_title(index, stage.id, say(stage.title), size, options_));
    if (options_.explanations)
      for (const Message& m : stage.explanation) paragraph(say(m));
    if (!stage.equations.empty()) append(flavour_.equations(stage.equations, options_));
    if (stage.full_view) {
      note_and_grid(stage, MsgId::kNoteFullGrid, *stage.full_view);
      note_and_grid(stage, MsgId::kNoteOutputGrid, *stage.grid);
    } else if (stage.grid) {
      blank();
      grid_block(stage, *stage.grid);
    }
    if (!stage.slices.empty()) slices_block(stage);
    if (stage.stamps) stamps_block(stage, *stage.stamps);
    if (!stage.checks.empty()) {
      blank();
      std::vector<CheckItem> items;
      for (size_t i = 0; i + 1 < stage.checks.size(); ++i) {
        const CheckLine& c = stage.checks[i];
        items.push_back(
            {c.ok, say({c.ok ? MsgId::kCheckOk : MsgId::kCheckMismatch, {}}), say(c.message)});
      }
      append(flavour_.checks(items, options_));
      const CheckLine& verdict = stage.checks.back();
      if (flavour_.spaced()) blank();
      append(flavour_.verdict(say(verdict.message), verdict.ok, options_));
    }
  }

  /// The paragraph naming a grid of the output stage ("The F-grid (5 x 5) ..."), then the grid.
  void note_and_grid(const Stage& stage, MsgId note, const Grid& grid) {
    blank();
    append(flavour_.paragraph(flavour_.grid_note(say({note, {{"shape", grid_size(d_, grid)}}})),
                              options_));
    if (flavour_.spaced()) blank();
    grid_block(stage, grid);
  }

  /// The grid, its legend and its notes. The one --full size guard of the text-like formats.
  void grid_block(const Stage& stage, const Grid& grid) {
    check_full_fits(options_.full, stage.id, grid.cells(), options_.max_cells);
    DrawnGrid drawn = draw_grid(stage, grid);
    append(std::move(drawn.lines));
    legend(drawn.kinds);
    for (const Message& note : drawn.notes) paragraph(flavour_.small(say(note)));
    if (!drawn.notes.empty()) over_max_note(grid);
  }

  /// `grid` of `stage` drawn by the flavour, as every grid of a stage is drawn: documents show
  /// a grid whole unless it is over --max-cells; then it is cut to the width as on a terminal
  /// (and over_max_note says why).
  DrawnGrid draw_grid(const Stage& stage, const Grid& grid) const {
    TextGridOptions grid_options;
    grid_options.width = options_.width;
    grid_options.full = options_.full;
    grid_options.whole = flavour_.whole_grids() && grid.cells() <= options_.max_cells;
    grid_options.indent = flavour_.indent();
    grid_options.color = options_.color;
    grid_options.footprint =
        stage.id == StageId::kConvMatrix || stage.id == StageId::kTransposedMatrix;
    // C and C^T of a whole layer: a rule where the channel (the first coordinate) changes.
    grid_options.channel_blocks = grid_options.footprint && d_.params.whole_layer();
    set_symbol_options(d_, stage, grid, grid_options);
    return flavour_.draw(grid, grid_options, options_);
  }

  /// Under an elided grid of a document: the note that it was over --max-cells.
  void over_max_note(const Grid& grid) {
    if (flavour_.whole_grids() && grid.cells() > options_.max_cells)
      paragraph(flavour_.small(say({MsgId::kNoteOverMaxCells,
                                    {{"count", std::to_string(grid.cells())},
                                     {"max_cells", std::to_string(options_.max_cells)}}})));
  }

  /// The slices of a whole layer's tensor (Stage::slices), each its caption (the slice's
  /// label) over its grid, drawn as a stage's grid is: the first kShownSlices (every one with
  /// --full) and a note on the rest. The legend and the elision notes come once, under the
  /// last slice: every slice of a stage has the same shape. The --full guard counts the cells
  /// of all the slices, as the stamps' does.
  void slices_block(const Stage& stage) {
    int64_t total = 0;
    for (const GridSlice& slice : stage.slices) total += slice.grid.cells();
    check_full_fits(options_.full, stage.id, total, options_.max_cells);
    const auto count = static_cast<int64_t>(stage.slices.size());
    const int64_t shown = options_.full ? count : std::min(count, kShownSlices);
    std::set<CellKind> kinds;
    std::vector<std::string> notes;  // each elision note once
    const Grid* elided = nullptr;    // a slice that lost rows or columns
    for (int64_t i = 0; i < shown; ++i) {
      const GridSlice& slice = stage.slices[static_cast<size_t>(i)];
      blank();
      append(flavour_.slice_caption(say(slice.label), options_));
      if (flavour_.spaced()) blank();
      DrawnGrid drawn = draw_grid(stage, slice.grid);
      append(std::move(drawn.lines));
      kinds.insert(drawn.kinds.begin(), drawn.kinds.end());
      for (const Message& note : drawn.notes) {
        std::string text = flavour_.small(say(note));
        if (std::find(notes.begin(), notes.end(), text) == notes.end())
          notes.push_back(std::move(text));
        elided = &slice.grid;
      }
    }
    legend(kinds);
    for (const std::string& note : notes) paragraph(note);
    if (elided) over_max_note(*elided);
    const int64_t hidden = count - shown;
    if (hidden > 0)
      paragraph(flavour_.small(say(
          hidden == 1 ? Message{MsgId::kNoteSliceHidden, {}}
                      : Message{MsgId::kNoteSlicesHidden, {{"count", std::to_string(hidden)}}})));
  }

  /// The stamps as small multiples, each captioned with its input cell and value: the first
  /// kShownStamps (every one with --full) and a note on the rest. Each stamp's F-grid is built
  /// only to be drawn, one at a time.
  void stamps_block(const Stage& stage, const Stamps& stamps) {
    check_full_fits(options_.full, stage.id, stamps.total_cells(), options_.max_cells);
    const int64_t shown = options_.full ? stamps.count() : std::min(stamps.count(), kShownStamps);
    std::vector<Multiple> items;
    std::set<CellKind> kinds;
    std::vector<std::string> notes;  // each elision note once: every stamp has the same shape
    for (int64_t i = 0; i < shown; ++i) {
      const Stamp stamp = stamps.stamp(i);
      TextGridOptions grid_options;
      grid_options.width = options_.width - flavour_.indent();
      grid_options.full = options_.full;
      grid_options.indent = 0;
      grid_options.color = options_.color;
      set_symbol_options(d_, stage, stamp.values, grid_options);
      DrawnGrid drawn = flavour_.draw(stamp.values, grid_options, options_);
      kinds.insert(drawn.kinds.begin(), drawn.kinds.end());
      for (const Message& note : drawn.notes) {
        std::string text = flavour_.small(say(note));
        if (std::find(notes.begin(), notes.end(), text) == notes.end())
          notes.push_back(std::move(text));
      }
      std::string cell;
      for (int64_t index : stamp.cell) cell += (cell.empty() ? "" : ",") + std::to_string(index);
      items.push_back({flavour_.stamp_caption(cell, stamp.x), std::move(drawn.lines)});
    }
    blank();
    append(flavour_.multiples(items, options_));
    legend(kinds);
    for (const std::string& note : notes) paragraph(note);
    const int64_t hidden = stamps.count() - shown;
    if (hidden > 0)
      paragraph(flavour_.small(say(
          hidden == 1 ? Message{MsgId::kNoteStampHidden, {}}
                      : Message{MsgId::kNoteStampsHidden, {{"count", std::to_string(hidden)}}})));
  }

  /// "Legend: [v] = removed by the crop; ..." for the marked kinds shown, if any.
  void legend(const std::set<CellKind>& kinds) {
    std::vector<Message> items;
    for (CellKind kind : kinds)
      if (auto id = kind_legend(kind)) items.push_back({*id, {{"mark", kind}}});
    if (!items.empty())
      paragraph(flavour_.small(say({MsgId::kLegend, {{"items", std::move(items), "; "}}})));
  }

  const Derivation& d_;
  const RenderOptions& options_;
  const DocumentFlavour& flavour_;
  std::vector<std::string> lines_;
};

}  // namespace

std::string DocumentFlavour::mark(CellKind kind, const RenderOptions& /*options*/) const {
  return marks().mark(kind);
}

std::string DocumentFlavour::stamp_caption(const std::string& cell, double x) const {
  return "x(" + cell + ") = " + format_number(x);
}

std::vector<std::string> DocumentFlavour::slice_caption(const std::string& text,
                                                        const RenderOptions& options) const {
  return paragraph(text, options);
}

std::vector<std::string> DocumentFlavour::multiples(const std::vector<Multiple>& items,
                                                    const RenderOptions& /*options*/) const {
  std::vector<std::string> out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out.emplace_back();
    out.push_back(items[i].caption);
    out.emplace_back();
    out.insert(out.end(), items[i].lines.begin(), items[i].lines.end());
  }
  return out;
}

std::vector<std::string> DocumentFlavour::prologue(const RenderOptions& /*options*/) const {
  return {};
}

std::vector<std::string> DocumentFlavour::epilogue(const RenderOptions& /*options*/) const {
  return {};
}

std::string write_document(const Derivation& derivation, const RenderOptions& options,
                           const DocumentFlavour& flavour) {
  return DocumentWriter(derivation, options, flavour).run();
}

DrawnGrid list_of_sums(
    const Grid& grid, const TextGridOptions& grid_options, Notation notation,
    const std::function<std::string(const ListedSum&, const std::string& mark)>& entry,
    const std::function<std::string(CellKind)>& mark) {
  DrawnGrid out;
  for (const ListedSum& cell : listed_sums(grid, grid_options, notation)) {
    std::string cell_mark;
    if (cell.kind != CellKind::kData) {
      out.kinds.insert(cell.kind);
      cell_mark = mark(cell.kind);
    }
    out.lines.push_back(entry(cell, cell_mark));
  }
  out.notes.push_back(symbolic_list_note(grid_options));
  return out;
}

}  // namespace convt::detail
