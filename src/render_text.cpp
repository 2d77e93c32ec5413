#include <string>
#include <vector>

#include "convt/error.h"
#include "convt/render.h"
#include "convt/text_grid.h"

namespace convt {
namespace {

constexpr int64_t kIndent = 2;

/// "3" when every axis agrees, "3x2" otherwise.
std::string axis_values(const Params& params, int64_t AxisParams::*field) {
  std::string out;
  for (size_t i = 0; i < params.axes.size(); ++i) {
    std::string v = std::to_string(params.axes[i].*field);
    if (i == 0) {
      out = v;
    } else if (v != out) {
      out += "x" + v;
    }
  }
  return out;
}

class TextWriter {
 public:
  TextWriter(const Derivation& d, const RenderOptions& options) : d_(d), options_(options) {}

  std::string run() {
    heading();
    int index = 1;
    for (const Stage& stage : d_.stages) {
      blank();
      stage_block(stage, index++);
    }
    std::string text;
    for (const std::string& line : lines_) text += line + "\n";
    return text;
  }

 private:
  std::string say(const Message& m) const {
    return resolve(m, options_.lang, {{"mark", mark_for(m.id)}});
  }

  static std::string mark_for(MsgId id) {
    if (id == MsgId::kExplainOutputPaddingKept) return kind_mark(CellKind::kKeptByOutputPadding);
    if (id == MsgId::kExplainOutputPaddingAdded) return kind_mark(CellKind::kAddedZero);
    return "";
  }

  void blank() { lines_.emplace_back(); }
  void paragraph(const std::string& text, int64_t indent = kIndent) {
    for (std::string& line : wrap(text, options_.width, indent)) lines_.push_back(std::move(line));
  }

  void heading() {
    const Params& p = d_.params;
    std::string params = "n=" + axis_values(p, &AxisParams::n) +
                         ", k=" + axis_values(p, &AxisParams::k) +
                         ", s=" + axis_values(p, &AxisParams::s) +
                         ", p=" + axis_values(p, &AxisParams::p) +
                         ", d=" + axis_values(p, &AxisParams::d) +
                         ", output_padding=" + axis_values(p, &AxisParams::op) +
                         " -> " + size_text(d_.output_size());
    paragraph(say({MsgId::kHeading,
                   {{"module", p.dims == 1 ? "ConvTranspose1d" : "ConvTranspose2d"},
                    {"params", params}}}),
              0);
  }

  void stage_block(const Stage& stage, int index) {
    std::string title = "[" + std::to_string(index) + "] " + std::string(stage_name(stage.id)) +
                        ": " + say(stage.title);
    if (stage.grid) title += " (" + grid_size(*stage.grid) + ")";
    paragraph(title, 0);
    for (const Message& m : stage.explanation) paragraph(say(m));
    if (!stage.equations.empty()) {
      blank();
      for (const std::string& e : stage.equations) lines_.push_back(std::string(kIndent, ' ') + e);
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
        std::string verdict = say({c.ok ? MsgId::kCheckOk : MsgId::kCheckMismatch, {}});
        paragraph("[" + verdict + "] " + say(c.message));
      }
      paragraph(say(stage.checks.back().message));
    }
  }

  std::string grid_size(const Grid& g) const {
    return d_.params.dims == 1 && g.rows() == 1 ? size_text({g.cols()})
                                                : size_text({g.rows(), g.cols()});
  }

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
    TextGrid laid = layout_grid(grid, grid_options);
    for (std::string& line : laid.lines) lines_.push_back(std::move(line));
    std::string items;
    for (CellKind kind : laid.kinds) {
      if (auto id = kind_legend(kind)) {
        if (!items.empty()) items += "; ";
        items += resolve({*id, {}}, options_.lang, {{"mark", kind_mark(kind)}});
      }
    }
    if (!items.empty()) paragraph(say({MsgId::kLegend, {{"items", items}}}));
    for (const Message& note : laid.notes) paragraph(say(note));
  }

  const Derivation& d_;
  const RenderOptions& options_;
  std::vector<std::string> lines_;
};

}  // namespace

std::string render_text(const Derivation& derivation, const RenderOptions& options) {
  return TextWriter(derivation, options).run();
}

}  // namespace convt
