// How each format writes a cell of each kind: a table per format instead of a switch per
// renderer. The ASCII table is here (text grids and the SVG lists use it); the other formats
// define theirs beside their drawing code.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "convt/grid.h"

namespace convt {

/// The number of CellKind values (kData .. kAddedZero).
inline constexpr size_t kCellKindCount = static_cast<size_t>(CellKind::kAddedZero) + 1;

/// How one kind of cell is written around its body (a number or a sum): `before` + body +
/// `after`, or `before` alone when the kind `replaces` the body with a fixed symbol.
struct CellStyle {
  std::string_view before;
  std::string_view after;
  bool replaces = false;
};

/// One format's cell styles, indexed by CellKind, and how its marks stand in running text.
struct CellMarks {
  std::array<CellStyle, kCellKindCount> styles;
  /// Around a mark in prose and legends ("$" ... "$" in LaTeX, where marks are math).
  std::string_view mark_before;
  std::string_view mark_after;

  /// The cell of `kind` whose body is `body`: "[12]" for a cropped 12 in ASCII.
  std::string decorate(std::string_view body, CellKind kind) const {
    const CellStyle& style = styles[static_cast<size_t>(kind)];
    std::string out(style.before);
    if (!style.replaces) {
      out += body;
      out += style.after;
    }
    return out;
  }

  /// The mark of `kind` as legends and explanations show it: the cell with "v" for its body
  /// ("[v]", "v*", "." ...).
  std::string mark(CellKind kind) const {
    return std::string(mark_before) + decorate("v", kind) + std::string(mark_after);
  }
};

/// Builds a table from the styles of the seven kinds, in CellKind order.
constexpr CellMarks make_cell_marks(CellStyle data, CellStyle matrix_zero, CellStyle stride_zero,
                                    CellStyle padding_zero, CellStyle dilation_zero,
                                    CellStyle cropped, CellStyle kept, CellStyle added,
                                    std::string_view mark_before = "",
                                    std::string_view mark_after = "") {
  return {{data, matrix_zero, stride_zero, padding_zero, dilation_zero, cropped, kept, added},
          mark_before,
          mark_after};
}

/// ASCII: "." structural zeros, "_" padding zeros, "[v]" cropped, "v*" kept by output_padding,
/// "0+" added zeros.
inline constexpr CellMarks kAsciiMarks =
    make_cell_marks({}, {".", "", true}, {".", "", true}, {"_", "", true}, {".", "", true},
                    {"[", "]"}, {"", "*"}, {"0+", "", true});

}  // namespace convt
