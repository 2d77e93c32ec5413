// The text format: the ASCII flavour of the document writer.
#include <string>
#include <vector>

#include "convt/render.h"
#include "render/terminal_flavour.h"
#include "text/text_grid.h"

namespace convt {
namespace {

class AsciiFlavour final : public detail::TerminalFlavour {
 public:
  const CellMarks& marks() const override { return kAsciiMarks; }

  /// The catalogue text as it is, marks in ASCII.
  std::string prose(const std::vector<detail::ProsePiece>& pieces,
                    const RenderOptions& options) const override {
    std::string out;
    for (const detail::ProsePiece& piece : pieces)
      out += piece.kind == detail::ProsePiece::Kind::kMark ? mark(piece.mark, options) : piece.text;
    return out;
  }

  detail::DrawnGrid draw(const Grid& grid, const TextGridOptions& grid_options,
                         const RenderOptions& /*options*/) const override {
    TextGrid laid = layout_grid(grid, grid_options);
    return {std::move(laid.lines), std::move(laid.kinds), std::move(laid.notes)};
  }

 protected:
  std::string equation(const std::string& line) const override { return line; }
  std::string verdict_word(bool /*ok*/, const std::string& word) const override {
    return "[" + word + "]";
  }
};

}  // namespace

std::string render_text(const Derivation& derivation, const RenderOptions& options) {
  static const AsciiFlavour kFlavour;
  return detail::write_document(derivation, options, kFlavour);
}

}  // namespace convt
