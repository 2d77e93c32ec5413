#include <string>
#include <vector>

#include "convt/error.h"
#include "convt/render.h"
#include "text/style.h"
#include "text/text_grid.h"
#include "render/render_common.h"
#include "render/terminal_writer.h"

namespace convt {
namespace detail {
namespace {

constexpr int64_t kIndent = 2;

class TextWriter {
 public:
  TextWriter(const Derivation& d, const RenderOptions& options, const TerminalFlavour& flavour)
      : d_(d), options_(options), flavour_(flavour) {}

  std::string run() {
    heading();
    int index = 1;
    for (const Stage& stage : d_.stages) {
      blank();
      stage_block(stage, index++);
    }
    return detail::join_lines(lines_);
  }

 private:
  std::string say(const Message& m) const {
    return flavour_.prose(resolve(m, options_.lang, {{"mark", mark_for(m.id)}}));
  }

  std::string mark_for(MsgId id) const {
    if (id == MsgId::kExplainOutputPaddingKept) return painted_mark(CellKind::kKeptByOutputPadding);
    if (id == MsgId::kExplainOutputPaddingAdded) return painted_mark(CellKind::kAddedZero);
    return "";
  }

  std::string painted_mark(CellKind kind) const {
    return paint(flavour_.mark(kind), tone_of(kind, false), options_.color);
  }

  void blank() { lines_.emplace_back(); }
  void paragraph(const std::string& text, int64_t indent = kIndent, Tone tone = Tone::kPlain) {
    for (std::string& line : wrap(text, options_.width, indent)) {
      // Paint after wrapping, so that the indent stays outside the escapes.
      if (tone != Tone::kPlain) {
        const size_t text_start = line.find_first_not_of(' ');
        line = line.substr(0, text_start) + paint(line.substr(text_start), tone, options_.color);
      }
      lines_.push_back(std::move(line));
    }
  }

  void heading() {
    paragraph(say({MsgId::kHeading,
                   {{"module", module_name(d_)}, {"params", heading_params(d_)}}}),
              0, Tone::kHeading);
  }

  void stage_block(const Stage& stage, int index) {
    std::string title = "[" + std::to_string(index) + "] " + std::string(stage_name(stage.id)) +
                        ": " + say(stage.title);
    if (stage.grid) title += " (" + flavour_.prose(grid_size(*stage.grid)) + ")";
    paragraph(title, 0, Tone::kHeading);
    if (options_.explanations)
      for (const Message& m : stage.explanation) paragraph(say(m));
    if (!stage.equations.empty()) {
      blank();
      for (const std::string& e : stage.equations)
        lines_.push_back(std::string(kIndent, ' ') + flavour_.equation(e));
    }
    if (stage.full_view) {
      blank();
      paragraph(say({MsgId::kNoteFullGrid, {{"shape", grid_size(*stage.full_view)}}}));
      grid_block(stage, *stage.full_view);
      blank();
      paragraph(say({MsgId::kNoteOutputGrid, {{"shape", grid_size(*stage.grid)}}}));
      grid_block(stage, *stage.grid);
    } else if (stage.grid) {
      blank();
      grid_block(stage, *stage.grid);
    }
    if (!stage.checks.empty()) {
      blank();
      for (size_t i = 0; i + 1 < stage.checks.size(); ++i) {
        const CheckLine& c = stage.checks[i];
        std::string verdict = paint(say({c.ok ? MsgId::kCheckOk : MsgId::kCheckMismatch, {}}),
                                    c.ok ? Tone::kPass : Tone::kFail, options_.color);
        paragraph(flavour_.verdict(c.ok, verdict) + " " + say(c.message));
      }
      const CheckLine& verdict = stage.checks.back();
      paragraph(say(verdict.message), kIndent, verdict.ok ? Tone::kPass : Tone::kFail);
    }
  }

  std::string grid_size(const Grid& g) const { return detail::grid_size(d_, g); }

  void grid_block(const Stage& stage, const Grid& grid) {
    if (options_.full && grid.cells() > options_.max_cells)
      throw Error({MsgId::kErrFullTooLarge,
                   {{"stage", std::string(stage_name(stage.id))},
                    {"count", std::to_string(grid.cells())},
                    {"max_cells", std::to_string(options_.max_cells)}}});
    TextGridOptions grid_options;
    grid_options.width = options_.width;
    grid_options.full = options_.full;
    grid_options.indent = kIndent;
    grid_options.color = options_.color;
    grid_options.footprint =
        stage.id == StageId::kConvMatrix || stage.id == StageId::kTransposedMatrix;
    set_symbol_options(d_, stage, grid, grid_options);
    TextGrid laid = flavour_.layout(grid, grid_options);
    for (std::string& line : laid.lines) lines_.push_back(std::move(line));
    std::string items;
    for (CellKind kind : laid.kinds) {
      if (auto id = kind_legend(kind)) {
        if (!items.empty()) items += "; ";
        items += flavour_.prose(
            resolve({*id, {}}, options_.lang, {{"mark", painted_mark(kind)}}));
      }
    }
    if (!items.empty()) paragraph(say({MsgId::kLegend, {{"items", items}}}));
    for (const Message& note : laid.notes) paragraph(say(note));
  }

  const Derivation& d_;
  const RenderOptions& options_;
  const TerminalFlavour& flavour_;
  std::vector<std::string> lines_;
};

std::string same(const std::string& text) { return text; }

std::string ascii_verdict(bool /*ok*/, const std::string& word) { return "[" + word + "]"; }

}  // namespace

std::string write_terminal(const Derivation& derivation, const RenderOptions& options,
                           const TerminalFlavour& flavour) {
  return TextWriter(derivation, options, flavour).run();
}

}  // namespace detail

std::string render_text(const Derivation& derivation, const RenderOptions& options) {
  static const detail::TerminalFlavour kAscii{layout_grid, kind_mark, detail::same, detail::same,
                                              detail::ascii_verdict};
  return detail::write_terminal(derivation, options, kAscii);
}

}  // namespace convt
