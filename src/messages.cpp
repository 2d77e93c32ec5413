#include "convt/messages.h"

#include <array>
#include <cstddef>

namespace convt {
namespace {

struct CatalogueEntry {
  MsgId id;
  const char* en;
};

// The English catalogue. Sentences are written for a reader who knows ordinary convolution
// and meets the transposed one for the first time.
constexpr CatalogueEntry kCatalogue[] = {
    {MsgId::kTitleFormula, "Output size"},
    {MsgId::kTitleKernel, "The kernel w"},
    {MsgId::kTitleInput, "The input x"},
    {MsgId::kTitleConvMatrix, "The forward convolution as a matrix C"},
    {MsgId::kTitleTransposedMatrix, "The transpose C^T"},
    {MsgId::kTitleMatrixOutput, "C^T times the flattened input"},
    {MsgId::kTitleScatterOutput, "Scatter: every input cell stamps the kernel"},
    {MsgId::kTitleZeroInserted, "Zeros inserted between input cells"},
    {MsgId::kTitlePaddedInput, "The zero-inserted input, padded"},
    {MsgId::kTitleFlippedKernel, "The kernel rotated 180 degrees"},
    {MsgId::kTitleDilatedKernel, "The flipped kernel, dilated"},
    {MsgId::kTitleDirectOutput, "Direct convolution with the flipped kernel"},
    {MsgId::kTitleOutput, "Crop to the output"},
    {MsgId::kTitleCheck, "Check"},

    {MsgId::kExplainFormula,
     "Each input cell spreads the kernel over a k-wide patch, and neighbouring patches start s "
     "apart, so the uncropped result is F = (n-1)s + k wide. Padding p of the matching forward "
     "convolution is undone by removing p cells from each end, which leaves m = F - 2p."},
    {MsgId::kExplainFormulaGeneral,
     "Each input cell spreads the kernel over a patch d(k-1)+1 wide (d is the dilation), and "
     "neighbouring patches start s apart, so the uncropped result is F = (n-1)s + d(k-1) + 1 wide. "
     "The crop removes p cells at the start and p - output_padding at the end. With d = 1 and "
     "output_padding = 0 this is the article's m = (n-1)s - 2p + k."},
    {MsgId::kExplainStrideAmbiguity,
     "Why the shape does not always come back{axis}: a forward convolution with k={k}, s={s}, "
     "p={p}{dilation} maps every input size from {m} to {m_last} down to {n}, because it drops "
     "the remainder when dividing by the stride. The transposed convolution returns only "
     "m = {m}, the smallest of them; output_padding chooses a larger one."},
    {MsgId::kExplainKernel,
     "The weights of the layer, {shape}, row-major{default}. PyTorch stores them exactly like "
     "this; nothing is flipped yet."},
    {MsgId::kExplainInput, "The input feature map, {shape}, row-major{default}."},
    {MsgId::kExplainConvMatrix,
     "A transposed convolution is defined through an ordinary one: the convolution with the same "
     "kernel, stride s and no padding that maps an F-grid down to the input's size. Written as a "
     "matrix, that convolution is C: one row per input cell, one column per F-grid cell, and row "
     "(a,b) holds the kernel with its corner at (a*s, b*s), taps d apart."},
    {MsgId::kExplainTransposedMatrix,
     "The transposed convolution multiplies by C^T: every input cell is sent back along the "
     "connections it had in the forward convolution. This reverses the shapes, not the values: "
     "C^T is not the inverse of C."},
    {MsgId::kExplainMatrixOutput,
     "Multiply C^T by the input flattened row-major ({count} values), then fold the {full_count} "
     "results back into the F-grid, {shape}."},
    {MsgId::kExplainScatterOutput,
     "The same F-grid without any matrix: each input cell x(a,b) multiplies the whole kernel and "
     "adds it into the grid with its corner at (a*s, b*s), taps d apart. Where the stamps "
     "overlap, their values add up."},
    {MsgId::kExplainZeroInserted,
     "The third route is an ordinary convolution. First put s-1 = {gap} zero(s) between "
     "neighbouring input cells, so that they lie s apart as in the F-grid: {shape}."},
    {MsgId::kExplainZeroInsertedStrideOne,
     "The third route is an ordinary convolution. With stride 1 no zeros go between the input "
     "cells, so this grid is the input itself."},
    {MsgId::kExplainPaddedInput,
     "Add d(k-1) = {pad} zero(s) on every side, so that the kernel can overhang the input by all "
     "but one tap: every partial overlap of the forward convolution gets its own output cell. "
     "Result: {shape}."},
    {MsgId::kExplainFlippedKernel,
     "In C^T, the F-cell at offset u past an input cell receives w[u]. Seen from an output cell, "
     "the input cells to its left meet the kernel's far end, so a sliding window must hold the "
     "kernel in reverse on each axis: rotated 180 degrees."},
    {MsgId::kExplainDilatedKernel,
     "With dilation d = {d}, the taps of the flipped kernel sit d apart: d-1 zeros go between "
     "neighbouring taps, giving {shape}."},
    {MsgId::kExplainDirectOutput,
     "Slide the flipped kernel over the padded input with stride 1 and no padding; each position "
     "gives one cell of the F-grid, {shape}. Every cell equals the matrix route."},
    {MsgId::kExplainOutputCrop,
     "Padding p added p layers around the forward convolution's input, so the transposed "
     "convolution removes them from the F-grid: {start} cell(s) at the start of each axis and "
     "{end} at the end, leaving {shape}."},
    {MsgId::kExplainOutputPaddingKept,
     "output_padding = {op}{axis} keeps {op} more computed cell(s) at the end of the axis "
     "(marked {mark}): they are real sums, not zeros added outside the output."},
    {MsgId::kExplainOutputPaddingAdded,
     "output_padding = {op}{axis} is larger than p = {p}, so the output reaches {extra} cell(s) "
     "past the F-grid; no input reaches them and they are zeros (marked {mark})."},
    {MsgId::kExplainCheck,
     "Three independent routes must give the same numbers: C^T times the input, the scatter of "
     "kernel stamps, and the direct convolution with the flipped kernel."},

    {MsgId::kCheckShape, "output shape {shape} equals the formula's {formula}"},
    {MsgId::kCheckMatrixScatter, "matrix route equals scatter route in {equal} of {cells} cells"},
    {MsgId::kCheckMatrixDirect, "matrix route equals direct route in {equal} of {cells} cells"},
    {MsgId::kCheckAdjoint, "adjoint identity <C u, x> = <u, C^T x>: {left} = {right}"},
    {MsgId::kCheckPassed, "PASS: every route gives the same {shape} output."},
    {MsgId::kCheckFailed, "FAIL: the routes disagree (see above)."},
    {MsgId::kCheckOk, "ok"},
    {MsgId::kCheckMismatch, "MISMATCH"},

    {MsgId::kLegendMatrixZero, "{mark} = 0, no kernel tap connects this row and column"},
    {MsgId::kLegendStrideZero, "{mark} = 0 inserted by the stride"},
    {MsgId::kLegendPaddingZero, "{mark} = 0 of the d(k-1) padding"},
    {MsgId::kLegendDilationZero, "{mark} = 0 between dilated taps"},
    {MsgId::kLegendCropped, "{mark} = removed by the crop"},
    {MsgId::kLegendKeptByOutputPadding, "{mark} = computed, kept because of output_padding"},
    {MsgId::kLegendAddedZero, "{mark} = 0 added by output_padding past the F-grid"},
    {MsgId::kNoteElidedColumns,
     "columns {first} to {last} are not shown ({hidden} of {total}); --full prints them all"},
    {MsgId::kNoteElidedRows,
     "rows {first} to {last} are not shown ({hidden} of {total}); --full prints them all"},
    {MsgId::kNoteFullGrid, "before the crop, the F-grid ({shape}):"},
    {MsgId::kNoteOutputGrid, "after the crop, the output ({shape}):"},
    {MsgId::kLegend, "legend: {items}"},
    {MsgId::kHeading, "Transposed convolution ({module}): {params}"},
    {MsgId::kAxisRows, "rows"},
    {MsgId::kAxisCols, "cols"},

    {MsgId::kErrWholeNumber, "{option}: {what} must be a whole number >= {min}, got '{value}'"},
    {MsgId::kErrTooLarge, "{option}: {what} must be at most 2147483647, got '{value}'"},
    {MsgId::kErrAxisCount,
     "{option}: expected one number or ROWSxCOLS such as 3x2, got '{value}'"},
    {MsgId::kErrAxisCountOneDim, "{option}: --dims 1 takes a single number, got '{value}'"},
    {MsgId::kErrNotNumber, "{option}: value {index} '{token}' is not a number"},
    {MsgId::kErrNotFinite,
     "{option}: value {index} '{token}' is not finite (NaN and infinities are refused)"},
    {MsgId::kErrEmptyList, "{option}: no values given"},
    {MsgId::kErrValueCount, "{option}: needs {expected} values ({shape}), got {got}"},
    {MsgId::kErrNoOutput,
     "--p: padding {p}{axis} leaves no output: m = {equation} = {m} < 1; the largest padding "
     "that works here is {largest}"},
    {MsgId::kErrOutputPadding,
     "--op: output_padding {op}{axis} must be smaller than max(stride, dilation) = {limit}: "
     "it only picks among the output sizes that all map back to n = {n} under the forward "
     "convolution"},
    {MsgId::kErrOverflow, "{option}: sizes too large: {what} does not fit in 64 bits"},
    {MsgId::kErrValuesTooLarge,
     "--kernel/--input: values too large: a sum of products would overflow a double"},
    {MsgId::kErrTooManyEntries,
     "{option}: stage '{stage}' would hold {count} entries, over the limit of {limit} "
     "(8 x --max-cells {max_cells}); use smaller sizes or raise --max-cells"},
    {MsgId::kErrDims, "--dims: must be 1 or 2, got '{value}'"},
    {MsgId::kErrFullTooLarge,
     "--full: stage '{stage}' has {count} cells, over --max-cells {max_cells}; print it without "
     "--full, select other --stages, or raise --max-cells"},
    {MsgId::kErrUnknownStage, "--stages: unknown stage id '{value}'; valid ids: {valid}"},
    {MsgId::kErrUnknownFormat, "--format: unknown format '{value}'; choose one of: {valid}"},
    {MsgId::kErrRange, "{option}: {what} must be a whole number from {min} to {max}, got '{value}'"},
    {MsgId::kErrUnknownSubcommand, "unknown subcommand '{value}'; available: {valid}"},
    {MsgId::kErrMissingSubcommand,
     "a subcommand is required, e.g. convt explain --k 3 --s 1 --p 1 --n 3 (see convt --help)"},
    {MsgId::kErrRepeated, "{option}: given more than once; give each option once"},
};

static_assert(std::size(kCatalogue) == static_cast<size_t>(MsgId::kCount),
              "every MsgId needs exactly one catalogue entry");

/// The catalogue indexed by id, so that the table above can be kept in any order.
const std::array<const CatalogueEntry*, static_cast<size_t>(MsgId::kCount)>& by_id() {
  static const auto table = [] {
    std::array<const CatalogueEntry*, static_cast<size_t>(MsgId::kCount)> t{};
    for (const CatalogueEntry& e : kCatalogue) t[static_cast<size_t>(e.id)] = &e;
    return t;
  }();
  return table;
}

}  // namespace

bool catalogue_complete() {
  for (const CatalogueEntry* e : by_id())
    if (e == nullptr || e->en == nullptr || *e->en == '\0') return false;
  return true;
}

std::string_view message_template(MsgId id, Lang lang) {
  const CatalogueEntry& entry = *by_id()[static_cast<size_t>(id)];
  switch (lang) {
    case Lang::kEn:
      return entry.en;
  }
  return entry.en;
}

std::string resolve(const Message& message, Lang lang) { return resolve(message, lang, {}); }

std::string resolve(const Message& message, Lang lang,
                    const std::vector<std::pair<std::string, std::string>>& extra) {
  std::string_view text = message_template(message.id, lang);
  std::string out;
  out.reserve(text.size() + 16);
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '{') {
      size_t close = text.find('}', i);
      if (close != std::string_view::npos) {
        std::string_view name = text.substr(i + 1, close - i - 1);
        bool found = false;
        for (const auto* args : {&message.args, &extra}) {
          for (const auto& [key, value] : *args) {
            if (!found && key == name) {
              out += value;
              found = true;
            }
          }
        }
        if (found) {
          i = close + 1;
          continue;
        }
      }
    }
    out += text[i++];
  }
  return out;
}

}  // namespace convt
