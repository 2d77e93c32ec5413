// What the terminal formats (text, unicode) share as document flavours: paragraphs wrapped and
// indented, headings and verdicts painted on a colour terminal, marks painted by kind.
#pragma once

#include <string>
#include <vector>

#include "render/document_writer.h"
#include "text/style.h"

namespace convt::detail {

/// The terminal formats' flavour; a format gives its typography, verdict and grid drawing.
class TerminalFlavour : public DocumentFlavour {
 public:
  /// The mark, painted by kind when options.color.
  std::string mark(CellKind kind, const RenderOptions& options) const override;
  std::string size(const std::string& text, const RenderOptions& options) const override;
  bool spaced() const override { return false; }
  int64_t indent() const override { return kIndent; }
  std::vector<std::string> heading(const std::string& text,
                                   const RenderOptions& options) const override;
  std::vector<std::string> stage_title(int index, StageId id, const std::string& title,
                                       const std::string& size,
                                       const RenderOptions& options) const override;
  std::vector<std::string> paragraph(const std::string& text,
                                     const RenderOptions& options) const override;
  std::vector<std::string> equations(const std::vector<std::string>& lines,
                                     const RenderOptions& options) const override;
  std::vector<std::string> checks(const std::vector<CheckItem>& items,
                                  const RenderOptions& options) const override;
  std::vector<std::string> verdict(const std::string& text, bool ok,
                                   const RenderOptions& options) const override;
  /// The caption with the format's typography (equation()).
  std::string stamp_caption(const std::string& cell, double x) const override;
  /// Side by side: as many grids to a row as fit options.width with kMultipleGap between them,
  /// each under its caption; a blank line between rows.
  std::vector<std::string> multiples(const std::vector<detail::Multiple>& items,
                                     const RenderOptions& options) const override;

 protected:
  /// The spaces before paragraphs, formulas and grids.
  static constexpr int64_t kIndent = 2;
  /// The columns between two small multiples.
  static constexpr int64_t kMultipleGap = 4;
  /// A formula line in the format's typography.
  virtual std::string equation(const std::string& line) const = 0;
  /// The verdict before a check line, given the catalogue word already painted: "[ok]".
  virtual std::string verdict_word(bool ok, const std::string& word) const = 0;

 private:
  /// `text` wrapped at options.width with `indent`, each line painted in `tone` after the indent.
  std::vector<std::string> painted(const std::string& text, int64_t indent, Tone tone,
                                   const RenderOptions& options) const;
};

}  // namespace convt::detail
