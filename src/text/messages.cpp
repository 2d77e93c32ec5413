#include "convt/messages.h"

#include <algorithm>
#include <array>
#include <cstddef>

#include "text/messages_zh.h"
#include "text/number_format.h"

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
    {MsgId::kTitleScatterStamps, "The stamps: every input cell's own copy of the kernel"},
    {MsgId::kTitleScatterOutput, "Scatter: every input cell stamps the kernel"},
    {MsgId::kTitleZeroInserted, "Zeros inserted between input cells"},
    {MsgId::kTitlePaddedInput, "The zero-inserted input, padded"},
    {MsgId::kTitleFlippedKernel, "The kernel rotated 180 degrees"},
    {MsgId::kTitleDilatedKernel, "The flipped kernel, dilated"},
    {MsgId::kTitleDirectOutput, "Direct convolution with the flipped kernel"},
    {MsgId::kTitleOutput, "Crop to the output"},
    {MsgId::kTitleCheck, "Check"},

    {MsgId::kExplainFormula,
     "Each input cell spreads the kernel over a $k$-wide patch, and neighbouring patches start $s$ "
     "apart, so the uncropped result is $F = (n-1)s + k$ wide. Padding $p$ of the matching forward "
     "convolution is undone by removing $p$ cells from each end, which leaves $m = F - 2p$."},
    {MsgId::kExplainFormulaGeneral,
     "Each input cell spreads the kernel over a patch $d(k-1)+1$ wide ($d$ is the dilation), and "
     "neighbouring patches start $s$ apart, so the uncropped result is $F = (n-1)s + d(k-1) + 1$ "
     "wide. The crop removes $p$ cells at the start and $p - output_padding$ at the end. With "
     "$d = 1$ and $output_padding = 0$ this is $m = (n-1)s - 2p + k$, the size formula of "
     "Dumoulin & Visin, A guide to convolution arithmetic for deep learning (2016)."},
    {MsgId::kExplainStrideAmbiguity,
     "Why the shape does not always come back{axis}: a forward convolution with k={k}, s={s}, "
     "p={p}{dilation} maps every input size from {m} to {m_last} down to {n}, because it drops the "
     "remainder when dividing by the stride. Without output_padding the transposed convolution "
     "returns $m = {m}$, the smallest of them; $output_padding = j$ picks $m + j$."},
    {MsgId::kExplainKernel,
     "The weights of the layer, {shape}, row-major{default}. PyTorch stores them exactly like "
     "this; nothing is flipped yet."},
    {MsgId::kExplainInput, "The input feature map, {shape}, row-major{default}."},
    {MsgId::kExplainConvMatrix,
     "A transposed convolution is defined through an ordinary one: the convolution with the same "
     "kernel, stride $s$ and no padding that maps an F-grid down to the input's size. Written as a "
     "matrix, that convolution is $C$: one row per input cell, one column per F-grid cell, and row "
     "$(a,b)$ holds the kernel with its corner at $(a*s, b*s)$, taps $d$ apart."},
    {MsgId::kExplainTransposedMatrix,
     "The transposed convolution multiplies by C^T: every input cell is sent back along the "
     "connections it had in the forward convolution. This reverses the shapes, not the values: C^T "
     "is not the inverse of $C$."},
    {MsgId::kExplainMatrixOutput,
     "Multiply C^T by the input flattened row-major ({count} {count|value|values}), then fold the "
     "{full_count} {full_count|result|results} back into the F-grid, {shape}."},
    {MsgId::kExplainScatterStamps,
     "The scatter route one input cell at a time: input cell (a,b) multiplies the whole kernel by "
     "its value x(a,b) and writes the copy into its own F-grid ({shape}) with the corner at "
     "(a*s, b*s), taps d apart; every other cell stays 0. Added up cell by cell, these stamps are "
     "the scatter's F-grid."},
    {MsgId::kExplainScatterOutput,
     "The same F-grid without any matrix: each input cell $x(a,b)$ multiplies the whole kernel and "
     "adds it into the grid with its corner at $(a*s, b*s)$, taps $d$ apart. Where the stamps "
     "overlap, their values add up."},
    {MsgId::kExplainZeroInserted,
     "The third route is an ordinary convolution. First put $s-1 = {gap}$ {gap|zero|zeros} between "
     "neighbouring input cells, so that they lie $s$ apart as in the F-grid: {shape}."},
    {MsgId::kExplainZeroInsertedStrideOne,
     "The third route is an ordinary convolution. With stride 1 no zeros go between the input "
     "cells, so this grid is the input itself."},
    {MsgId::kExplainPaddedInput,
     "Add $d(k-1) = {pad}$ {pad|zero|zeros} on every side, so that the kernel can overhang the "
     "input by all "
     "but one tap: every partial overlap of the forward convolution gets its own output cell. "
     "Result: {shape}."},
    {MsgId::kExplainFlippedKernel,
     "In C^T, the F-cell at offset $u$ past an input cell receives $w[u]$. Seen from an output "
     "cell, the input cells to its left meet the kernel's far end, so a sliding window must hold "
     "the kernel in reverse on each axis: rotated 180 degrees."},
    {MsgId::kExplainDilatedKernel,
     "With dilation $d = {d}$, the taps of the flipped kernel sit $d$ apart: $d-1$ zeros go "
     "between neighbouring taps, giving {shape}."},
    {MsgId::kExplainDirectOutput,
     "Slide the flipped kernel over the padded input with stride 1 and no padding; each position "
     "gives one cell of the F-grid, {shape}. Every cell equals the matrix route."},
    {MsgId::kExplainOutputCrop,
     "Padding $p$ added $p$ layers around the forward convolution's input, so the transposed "
     "convolution removes them from the F-grid: {start} {start|cell|cells} at the start of each "
     "axis and {end} at the end, leaving {shape}."},
    {MsgId::kExplainOutputNoCrop,
     "With $p = 0$ the forward convolution added no padding, so nothing is cropped: the output is "
     "the F-grid itself, {shape}."},
    {MsgId::kExplainOutputNoCropPadded,
     "With $p = 0$ the forward convolution added no padding, so nothing is cropped from the "
     "F-grid."},
    {MsgId::kExplainOutputPaddingKept,
     "$output_padding = {op}${axis} keeps {count} more computed {count|cell|cells} at the end of "
     "the axis (marked {mark}): {count|it is a real sum|they are real sums}, not "
     "{count|a zero|zeros} added outside the output."},
    {MsgId::kExplainOutputPaddingAdded,
     "$output_padding = {op}${axis} is larger than $p = {p}$, so the output reaches {extra} "
     "{extra|cell|cells} past the F-grid; no input reaches {extra|it|them} and {extra|it is a "
     "zero|they are zeros} (marked {mark})."},
    {MsgId::kExplainCheck,
     "Three independent routes must give the same numbers: C^T times the input, the scatter of "
     "kernel stamps, and the direct convolution with the flipped kernel."},
    {MsgId::kExplainLayerChannels,
     "The layer has {in} input {in|channel|channels} and {out} output {out|channel|channels} in "
     "{groups} {groups|group|groups}: each output channel sums over the {per_in} input "
     "{per_in|channel|channels} of its group."},
    {MsgId::kExplainLayerParams,
     "The weight tensor has shape [{shape}] = [in, out/groups, {k}]: {weights} "
     "{weights|weight|weights}, and with {out} bias {out|value|values} {total} parameters in all."},
    {MsgId::kExplainLayerParamsNoBias,
     "The weight tensor has shape [{shape}] = [in, out/groups, {k}]: {weights} "
     "{weights|parameter|parameters}, with no bias (bias=False)."},
    {MsgId::kExplainLayerTransposeOf,
     "This layer is the transpose of {conv}: the same weight tensor, which Conv{dims}d reads as "
     "[out, in/groups, {k}], its own out_channels being {in} and in_channels {out}."},
    {MsgId::kExplainLayerDepthSlices,
     "Every 3-D grid below is shown as its depth slices z = 0, 1, ... (rows x columns each)."},
    {MsgId::kExplainLayerKernel,
     "The weight is stored as [in, out/groups, {k}] = [{shape}]{default}. Slice w[c][j] joins "
     "input channel c to output channel g*(out/groups) + j, where g is the group of c. A "
     "Conv{dims}d weight is stored the other way round, [out, in/groups, {k}]: output channels "
     "first."},
    {MsgId::kExplainLayerInput,
     "The input has shape [{shape}] = [in, {n}]: one grid per input channel{default}."},
    {MsgId::kExplainLayerConvMatrix,
     "C has in * prod(n) = {rows} rows and out * prod(F) = {cols} columns, channel-major: row "
     "{row_label} is input cell {cell} of input channel c, column {col_label} is cell {cell_out} "
     "of output channel o's F-grid. The block of rows of channel c and columns of channel o is the "
     "one-channel C of their weight slice."},
    {MsgId::kExplainLayerBlockDiagonal,
     "With {groups} groups, the blocks that join channels of different groups are zero: C is "
     "block-diagonal, with {groups} diagonal blocks of {per_in} x {per_out} channel "
     "{pairs|pair|pairs} each."},
    {MsgId::kExplainLayerOneGroup,
     "With one group every input channel reaches every output channel, so no block is zero."},
    {MsgId::kExplainLayerMatrixOutput,
     "C^T x gives out * prod(F) = {count} numbers: an F-grid of {full} for each output channel, "
     "the sum over the {per_in} input {per_in|channel|channels} of its group."},
    {MsgId::kExplainLayerScatter,
     "Each input cell of channel c stamps x times w[c][j] into output channel g*(out/groups) + j, "
     "for every output channel of the group g of c, and the stamps of all input channels of the "
     "group add up. (The stamps one by one are shown for one-channel layers.)"},
    {MsgId::kExplainLayerEachChannel, "Every input channel is treated alike."},
    {MsgId::kExplainLayerFlipped,
     "The equivalent stride-1 convolution reads the weight as W' of shape [out, in/groups, {k}] = "
     "[{shape}]: within each group the two channel axes are swapped, W'[o][j] coming from "
     "w[g*(in/groups) + j][o - g*(out/groups)], and every kernel slice is {turned}. So "
     "conv_transpose(x, w) = conv(pad(zero_insert(x)), W') with groups = {groups}."},
    {MsgId::kExplainLayerDirect,
     "Sliding W'[o][j] over padded input channel g*(in/groups) + j and summing over j gives the "
     "F-grid of output channel o, {full}, with stride 1 and no padding."},
    {MsgId::kExplainLayerBias,
     "Then the bias is added after the crop: b[o] to every cell of output channel o, with b = "
     "({values})."},
    {MsgId::kExplainLayerBiasAdded,
     "The cells added by output_padding get the bias too: they hold b[o], not 0."},
    {MsgId::kExplainLayerOverlap,
     "The counts are those of one channel pair; an output channel sums them over the {per_in} "
     "input {per_in|channel|channels} of its group."},
    {MsgId::kCheckLayerAdjoint,
     "adjoint identity $<C u, x> = <u, C^T x>$ with the test vector $u[j] = (5j mod 11) - 5$ over "
     "the cells $j$ of every output channel's F-grid (channel-major): ${left} = {right}$"},
    {MsgId::kCheckLayerPassed, "PASS: every route gives the same output of shape [{shape}]."},

    {MsgId::kCheckShape, "output shape {shape} equals the formula's {formula}"},
    {MsgId::kCheckMatrixScatter,
     "matrix route equals scatter route in {equal} of {cells} {cells|cell|cells}"},
    {MsgId::kCheckMatrixDirect,
     "matrix route equals direct route in {equal} of {cells} {cells|cell|cells}"},
    {MsgId::kCheckAdjoint,
     "adjoint identity $<C u, x> = <u, C^T x>$ with the test vector $u[j] = (5j mod 11) - 5$ over "
     "the F-grid cells $j$ (row-major): ${left} = {right}$"},
    {MsgId::kCheckAdjoint1d,
     "adjoint identity $<C u, x> = <u, C^T x>$ with the test vector $u[j] = (5j mod 11) - 5$ over "
     "the F-grid cells $j$: ${left} = {right}$"},
    {MsgId::kCheckPassed, "PASS: every route gives the same {shape} output."},
    {MsgId::kCheckFailed, "FAIL: the routes disagree (see above)."},
    {MsgId::kCheckOk, "ok"},
    {MsgId::kCheckMismatch, "MISMATCH"},
    {MsgId::kCheckSymbolicScatter,
     "matrix route and scatter route write the same sum in {equal} of {cells} {cells|cell|cells}"},
    {MsgId::kCheckSymbolicDirect,
     "matrix route and direct route write the same sum in {equal} of {cells} {cells|cell|cells}"},
    {MsgId::kExplainSymbolic,
     "Symbols: {w}, ... are the kernel taps and {x}, ... the input cells, indexed by row and "
     "column. Every computed cell is written as its sum of products x*w, ordered by input cell "
     "and then by tap, so that all routes write the same sum; the numbers come from the kernel "
     "and input values."},
    {MsgId::kExplainSymbolic1d,
     "Symbols: {w}, ... are the kernel taps and {x}, ... the input cells, indexed by position. "
     "Every computed cell is written as its sum of products x*w, ordered by input cell and then "
     "by tap, so that all routes write the same sum; the numbers come from the kernel and input "
     "values."},
    {MsgId::kTitleFlippedKernel1d, "The kernel reversed"},
    {MsgId::kExplainConvMatrix1d,
     "A transposed convolution is defined through an ordinary one: the convolution with the same "
     "kernel, stride $s$ and no padding that maps an F-grid down to the input's size. Written as a "
     "matrix, that convolution is $C$: one row per input cell, one column per F-grid cell, and row "
     "$a$ holds the kernel starting at column $a*s$, taps $d$ apart."},
    {MsgId::kExplainScatterStamps1d,
     "The scatter route one input cell at a time: input cell $a$ multiplies the whole kernel by "
     "its "
     "value $x(a)$ and writes the copy into its own F-grid ({shape}) starting at $a*s$, taps $d$ "
     "apart; every other cell stays 0. Added up cell by cell, these stamps are the scatter's "
     "F-grid."},
    {MsgId::kExplainScatterOutput1d,
     "The same F-grid without any matrix: each input cell $x[a]$ multiplies the whole kernel and "
     "adds it into the grid starting at $a*s$, taps $d$ apart. Where the stamps overlap, their "
     "values add up."},
    {MsgId::kExplainFlippedKernel1d,
     "In C^T, the F-cell at offset $u$ past an input cell receives $w[u]$. Seen from an output "
     "cell, the input cells to its left meet the kernel's far end, so a sliding window must hold "
     "the kernel in reverse order."},
    {MsgId::kExplainOutputCrop1d,
     "Padding $p$ added $p$ cells at each end of the forward convolution's input, so the "
     "transposed convolution removes them from the F-grid: {start} {start|cell|cells} at the start "
     "and {end} at the end, leaving {shape}."},
    {MsgId::kExplainKernel1d,
     "The {count} {count|weight|weights} of the layer, in order{default}. PyTorch stores them "
     "exactly like this; nothing is reversed yet."},
    {MsgId::kExplainInput1d, "The input, {count} {count|value|values} in order{default}."},
    {MsgId::kExplainMatrixOutput1d,
     "Multiply $C^T$ by the input ({count} {count|value|values}): the product is the F-grid, "
     "{shape}."},
    {MsgId::kCheckShape1d, "output size {shape} equals the formula's $m = {formula}$"},
    {MsgId::kCheckPassed1d, "PASS: every route gives the same {shape}."},
    {MsgId::kNoteSymbolicList,
     "the sums are too wide for a grid at this width, so every cell is listed as {form} = sum"},

    {MsgId::kLegendMatrixZero, "{mark} = 0, no kernel tap connects this row and column"},
    {MsgId::kLegendStrideZero, "{mark} = 0 inserted by the stride"},
    {MsgId::kLegendPaddingZero, "{mark} = 0 of the $d(k-1)$ padding"},
    {MsgId::kLegendDilationZero, "{mark} = 0 between dilated taps"},
    {MsgId::kLegendCropped, "{mark} = removed by the crop"},
    {MsgId::kLegendKeptByOutputPadding, "{mark} = computed, kept because of output_padding"},
    {MsgId::kLegendAddedZero, "{mark} = 0 added by output_padding past the F-grid"},
    {MsgId::kNoteElidedColumns,
     "columns {first} to {last} are not shown ({hidden} of {total}); --full prints them all"},
    {MsgId::kNoteElidedRows,
     "rows {first} to {last} are not shown ({hidden} of {total}); --full prints them all"},
    {MsgId::kNoteStampsHidden, "{count} more stamps not shown; --full shows all"},
    {MsgId::kNoteStampHidden, "1 more stamp not shown; --full shows all"},
    {MsgId::kNoteSlicesHidden, "{count} more slices not shown; --full shows all"},
    {MsgId::kNoteSliceHidden, "1 more slice not shown; --full shows all"},
    {MsgId::kNoteOverMaxCells,
     "this grid has {count} cells, over --max-cells {max_cells}, so it is cut to the width; raise "
     "--max-cells to show it whole"},
    {MsgId::kNoteFullGrid, "before the crop, the F-grid ({shape}):"},
    {MsgId::kNoteOutputGrid, "after the crop, the output ({shape}):"},
    {MsgId::kLegend, "legend: {items}"},
    {MsgId::kHeading, "Transposed convolution ({module}): {params}"},
    {MsgId::kAxisRows, "rows"},
    {MsgId::kAxisCols, "cols"},

    {MsgId::kErrWholeNumber, "{option}: {what} must be a whole number >= {min}, got '{value}'"},
    {MsgId::kErrTooLarge, "{option}: {what} must be at most 2147483647, got '{value}'"},
    {MsgId::kErrAxisCount,
     "{option}: expected one number, ROWSxCOLS such as 3x2, or DEPTHxROWSxCOLS such as 3x2x2 "
     "with --dims 3, got '{value}'"},
    {MsgId::kErrAxisCountOneDim, "{option}: --dims 1 takes a single number, got '{value}'"},
    {MsgId::kErrAxisCountThreeDim,
     "{option}: --dims 3 takes one number or DEPTHxROWSxCOLS such as 3x2x2, got '{value}'"},
    {MsgId::kErrNotNumber, "{option}: value {index} '{token}' is not a number"},
    {MsgId::kErrNotFinite,
     "{option}: value {index} '{token}' is not finite (NaN and infinities are refused)"},
    {MsgId::kErrEmptyList, "{option}: no values given"},
    {MsgId::kErrValueCount,
     "{option}: needs {expected} {expected|value|values} ({shape}), got {got}"},
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
     "({factor} x --max-cells {max_cells}); use smaller sizes or raise --max-cells"},
    {MsgId::kErrAxesMismatch,
     "--dims: {dims} {dims|axis needs|axes need} {dims} {dims|value|values} per size, got {count}"},
    {MsgId::kErrOutOfRange,
     "{option}: value {index} '{token}' is outside the range of a double (about 1e-308 to 1e308)"},
    {MsgId::kErrDims, "--dims: must be 1, 2 or 3, got '{value}'"},
    {MsgId::kErrChannelCount, "{option}: must be a whole number from 1 to {limit}, got {value}"},
    {MsgId::kErrGroupsDivide,
     "--groups: {groups} must divide both --in-channels {in} and --out-channels {out}"},
    {MsgId::kErrSymbolicLayer,
     "--symbolic: writes the one-channel layer without bias in 1-D or 2-D; leave out "
     "--in-channels, --out-channels, --groups, --bias and --dims 3"},
    {MsgId::kErrFullTooLarge,
     "--full: stage '{stage}' has {count} cells, over --max-cells {max_cells}; print it without "
     "--full, select other --stages, or raise --max-cells"},
    {MsgId::kErrSparseTooLarge,
     "--max-cells: stage '{stage}' has {cells} cells and {count} non-zeros, over the limit of "
     "{max_cells} even written sparsely in JSON; select other --stages or raise --max-cells"},
    {MsgId::kErrSymbolicTooLarge,
     "--symbolic: the sums would hold {count} products ({inputs} input {inputs|cell|cells} x "
     "{taps} kernel {taps|tap|taps}), over the limit of {limit}; use a smaller --n or --k"},
    {MsgId::kErrSymbolicValues,
     "--symbolic: writes the kernel and the input as symbols, so {option} would be ignored; leave "
     "out one of them"},
    {MsgId::kErrSymbolicWholeLayer,
     "--symbolic: writes only the one-channel layer without bias in 1-D or 2-D, so it cannot go "
     "with {option}; leave out one of them"},
    {MsgId::kErrOutOfMemory,
     "--max-cells: out of memory; use smaller sizes or a lower --max-cells"},
    {MsgId::kErrEmptyValue, "{option}: the value is empty; give a value or leave the option out"},
    {MsgId::kErrUnknownStage, "--stages: unknown stage id '{value}'; valid ids: {valid}"},
    {MsgId::kErrUnknownFormat, "--format: unknown format '{value}'; choose one of: {valid}"},
    {MsgId::kErrRange,
     "{option}: {what} must be a whole number from {min} to {max}, got '{value}'"},
    {MsgId::kErrUnknownSubcommand, "unknown subcommand '{value}'; available: {valid}"},
    {MsgId::kErrMissingSubcommand,
     "a subcommand is required, e.g. convt explain --k 3 --s 1 --p 1 --n 3 (see convt --help)"},
    {MsgId::kErrMissingValue, "{option}: needs a value"},
    {MsgId::kErrUnknownOption, "{option}: unknown option of {command}; see {command} --help"},
    {MsgId::kErrUnknownOptionNearest,
     "{option}: unknown option of {command}; did you mean {nearest}?"},
    {MsgId::kErrUnexpectedArgument,
     "unexpected argument '{value}'; every value follows its option, as in --n 3 (see {command} "
     "--help)"},
    {MsgId::kErrRepeated, "{option}: given more than once; give each option once"},
    {MsgId::kErrUnknownShell, "--completion: unknown shell '{value}'; choose one of: {valid}"},
    {MsgId::kManOneOf, "One of: {values}."},
    {MsgId::kManListOf, "A comma-separated list of: {values}."},
    {MsgId::kManRequired, "Required."},

    // Shape tools: the overlap stage, convt shape / solve / chain, the TensorFlow comparison.
    {MsgId::kTitleOverlap, "How many contributions each output cell receives"},
    {MsgId::kExplainOverlap,
     "For each output cell, the number of (input cell, kernel tap) pairs that write into it, "
     "after the crop. Where neighbouring cells receive different counts, every input paints "
     "some cells more often than others."},
    {MsgId::kOverlapEven,
     "Even overlap{axis}: the kernel size {k} is divisible by the stride {s}, so away from the "
     "borders every output cell receives {count} {count|contribution|contributions}; only cells "
     "near the edges "
     "receive fewer: {counts}."},
    {MsgId::kOverlapEvenDilated,
     "Even overlap{axis}: the kernel size {k} is divisible by the stride {s} and the dilation {d} "
     "shares no factor with it, so away from the borders every output cell receives {count} "
     "{count|contribution|contributions}; only cells near the edges receive fewer: {counts}."},
    {MsgId::kOverlapUneven,
     "Uneven overlap{axis}: the kernel size {k} is not divisible by the stride {s}, so "
     "neighbouring output cells receive different numbers of contributions: {counts}."},
    {MsgId::kOverlapUnevenDilation,
     "Uneven overlap{axis}: the dilation {d} and the stride {s} share the factor {g}, so the "
     "kernel taps land only on the cells of the uncropped grid whose index is a multiple of {g}, "
     "and the cells between receive nothing: {counts}."},
    {MsgId::kOverlap2d,
     "In 2-D a cell's count is its row's count times its column's count; the grid holds {values}."},
    {MsgId::kOverlap3d,
     "In 3-D a cell's count is the product of the counts of its depth, row and column; the grids "
     "hold {values}."},
    {MsgId::kOverlapVerdictEven,
     "Verdict: even. Away from the borders every output cell receives the same number of "
     "contributions, so the layer's shape adds no uneven pattern of its own; this does not rule "
     "out checkerboard artifacts that the weights of a trained layer can make."},
    {MsgId::kOverlapVerdictUneven,
     "Verdict: uneven. Some cells receive more contributions than their neighbours, in a pattern "
     "that repeats with the stride; this uneven overlap can show as the checkerboard artifacts of "
     "transposed convolutions. A kernel size divisible by the stride (with a dilation sharing no "
     "factor with it), e.g. k=4, s=2, p=1, makes the counts even away from the borders."},
    {MsgId::kWordEven, "even"},
    {MsgId::kWordUneven, "uneven"},
    {MsgId::kColLayer, "layer"},
    {MsgId::kColFormula, "formula"},
    {MsgId::kColOverlap, "overlap"},
    {MsgId::kColOutputSize, "output size"},
    {MsgId::kColKeeps, "keeps"},
    {MsgId::kColTransposed, "transposed convolution"},
    {MsgId::kColForward, "forward convolution ({m} -> {n})"},
    {MsgId::kColAxis, "axis"},
    {MsgId::kColMapsBack, "sizes the forward convolution maps back to n"},
    {MsgId::kColClaim, "claimed m"},
    {MsgId::kColChannels, "channels"},
    {MsgId::kColWeight, "weight"},
    {MsgId::kColParameters, "parameters"},
    {MsgId::kColActivation, "output values"},
    {MsgId::kTitleForwardCheck, "Forward check"},
    {MsgId::kTitleClaim, "Claimed output size"},
    {MsgId::kTitleLayer, "Weights and parameters"},
    {MsgId::kTitleTfCompare, "TensorFlow/Keras comparison"},
    {MsgId::kShapeForward,
     "{conv}, the forward convolution with the same k, s, p, d, maps every size from {first} to "
     "{last} back to n = {n}:"},
    {MsgId::kShapeForwardOne,
     "{conv}, the forward convolution with the same k, s, p, d, maps only the size {size} back to "
     "n = {n}:"},
    {MsgId::kShapeForwardNone,
     "{conv}, the forward convolution with the same k, s, p, d, maps no size back to n = {n}: "
     "the padding removes more than the kernel reaches."},
    {MsgId::kShapeWhyOutputPadding,
     "The forward convolution drops the remainder when dividing by the stride, so it cannot tell "
     "these {count} {count|size|sizes} apart. The transposed convolution returns the smallest, "
     "{base}, and "
     "output_padding (0 to {op_max}) picks another: a forward input of size {last} comes back as "
     "{base} unless output_padding = {op_last}."},
    {MsgId::kShapeStrideOne,
     "With stride 1 only one size maps back to n = {n}, so the shape always comes back."},
    {MsgId::kShapeOpBeyondStride,
     "output_padding = {op} is not smaller than the stride {s} (PyTorch allows it because the "
     "dilation is {d}), so the forward convolution maps m = {m} to {back}, not back to n = {n}."},
    {MsgId::kClaimReachable,
     "m = {claimed}{axis} is reachable with output_padding = {op}: m = {base} + {op}."},
    {MsgId::kClaimNotBack,
     "But the forward convolution maps {claimed} to {back}, not back to n = {n}: output_padding "
     "{op} is not smaller than the stride {s}."},
    {MsgId::kClaimUnreachable,
     "m = {claimed}{axis} is not reachable with p = {p}: output_padding 0 to {op_max} gives "
     "{first} to {last}."},
    {MsgId::kClaimOtherPadding,
     "padding = {p2} with output_padding = {op2} gives it (the same k, s, d)."},
    {MsgId::kClaimSolve,
     "No padding gives it with this k, s, d; convt solve --n {n} --m {claimed} lists the layers "
     "that do."},
    {MsgId::kLayerWeight,
     "weight {shape} ([in_channels, out_channels/groups, kernel size per axis]): {count} "
     "{count|weight|weights}"},
    {MsgId::kLayerBias,
     "bias [{count}]: {count} {count|value|values}, one per output channel (PyTorch's default "
     "bias=True)"},
    {MsgId::kLayerNoBias, "no bias (bias=False, --bias no)"},
    {MsgId::kLayerParameters,
     "{total} {total|parameter|parameters}: {weights} {weights|weight|weights} + {bias} bias "
     "{bias|value|values}"},
    {MsgId::kLayerParametersNoBias, "{total} {total|parameter|parameters}, all of them weights"},
    {MsgId::kLayerActivation,
     "output {shape} ([out_channels, output size per axis]): {count} {count|value|values} per "
     "example"},
    {MsgId::kLayerTransposeOf,
     "The layer is the transpose of {conv}: the same weight tensor {shape}. A convolution stores "
     "its weight as [its out_channels, its in_channels/groups, k...], so the transposed layer's "
     "in_channels come first."},
    {MsgId::kTfIntro,
     "Keras' {module} (TensorFlow) with the same kernel size, stride and input: the output sizes "
     "of padding='valid' and padding='same', and which cells of the uncropped grid each keeps "
     "(full[a:b] is cells a to b-1 of the F-grid, full[0:{full}])."},
    {MsgId::kTfDilated,
     "With dilation, k stands for the dilated kernel size d(k-1)+1 = {k_eff} in Keras' formulas."},
    {MsgId::kTfRowPytorch, "PyTorch p={p}, output_padding={op}"},
    {MsgId::kTfRowValid, "Keras padding='valid'"},
    {MsgId::kTfRowSame, "Keras padding='same'"},
    {MsgId::kTfCrops,
     "Keras 'same' crops floor((k-s)/2) = {start} {start|cell|cells} at the start and the rest, "
     "{end}, at "
     "the end; PyTorch crops p at the start and p - output_padding at the end."},
    {MsgId::kTfCropsNone,
     "Keras 'same' crops nothing when the kernel is smaller than the stride; PyTorch crops p at "
     "the start and p - output_padding at the end."},
    {MsgId::kTfZeros, "Cells at or past F = {full} are zeros: no input reaches them."},
    {MsgId::kTfMatch,
     "PyTorch's output equals Keras padding='{mode}': the same {size} {size|cell|cells}, "
     "full[{start}:{end}]."},
    {MsgId::kTfShift,
     "PyTorch's output has the size of Keras padding='{mode}' ({size}), but it keeps "
     "full[{start}:{end}] where Keras keeps full[{tf_start}:{tf_end}]: the result is shifted by "
     "{shift} {shift|pixel|pixels}."},
    {MsgId::kTfNoMatch,
     "PyTorch's m = {m} differs from both Keras sizes ({valid} for 'valid', {same} for 'same')."},
    {MsgId::kTfForValid,
     "In PyTorch, Keras padding='valid' is p={p}, output_padding={op}: the same cells."},
    {MsgId::kTfForSame,
     "In PyTorch, Keras padding='same' is p={p}, output_padding={op}: the same cells."},
    {MsgId::kTfForSameShifted,
     "In PyTorch, Keras padding='same' is at best p={p}, output_padding={op}: the same size, "
     "shifted by {shift} {shift|pixel|pixels}, because k - s = {diff} is odd and PyTorch never "
     "crops less "
     "at the start than at the end."},
    {MsgId::kTfForSameNone,
     "Keras padding='same' has no PyTorch equivalent here: it needs output_padding = {op}, and "
     "output_padding must be smaller than max(stride, dilation) = {limit}."},
    {MsgId::kSolveHeading,
     "Layers that map {n} to {m} ({module}{axes}; search box k <= {max_k}, s <= {max_s}, "
     "d <= {max_d}{filters}): {count} {count|solution|solutions}, most common first."},
    {MsgId::kSolveSameAxes, ", the same parameters on every axis"},
    {MsgId::kSolveFilterK, "; only k = {k}"},
    {MsgId::kSolveFilterS, "; only s = {s}"},
    {MsgId::kSolveFilterP, "; only p = {p}"},
    {MsgId::kSolveFilterD, "; only d = {d}"},
    {MsgId::kSolveFilterEven, "; only even overlap"},
    {MsgId::kSolveOrder,
     "Most common first: the stride nearest the ratio m/n, dilation 1, no output_padding and "
     "padding at most half the kernel (p <= k/2) come first, then smaller kernel, stride and "
     "padding. Even overlap (k divisible by s, and d sharing no factor with s) means that away "
     "from the borders every output cell receives the same number of contributions."},
    {MsgId::kSolveMoreOne, "1 more layer; --limit 0 shows all."},
    {MsgId::kSolveMoreMany, "{count} more layers; --limit 0 shows all."},
    {MsgId::kSolveForwardGives, "{call} gives {size}"},
    {MsgId::kSolveForwardNote,
     "Each layer's forward convolution is nn.{module} with the same k, s, p and d (no "
     "output_padding); it maps {m} back to {n} unless a line under the layer says what it gives."},
    {MsgId::kSolveNone, "No layer in the search box maps {n} to {m}{axis}."},
    {MsgId::kSolveNearestBelow, "Nearest reachable size below: {size}, e.g. {layer}."},
    {MsgId::kSolveNearestAbove, "Nearest reachable size above: {size}, e.g. {layer}."},
    {MsgId::kSolveNothingBelow, "No smaller size is reachable."},
    {MsgId::kSolveNothingAbove,
     "No larger size is reachable in the search box; raise --max-k, --max-s or --max-d."},
    {MsgId::kChainTotals,
     "In total: {parameters} {parameters|parameter|parameters} ({weights} {weights|weight|weights} "
     "+ {bias} bias {bias|value|values}); the outputs of all layers hold {activation} "
     "{activation|value|values} per example."},
    {MsgId::kChainTotalsNoBias,
     "In total: {parameters} {parameters|parameter|parameters}, all of them weights (no bias); the "
     "outputs of all layers hold {activation} {activation|value|values} per example."},
    {MsgId::kChainHeading,
     "Chain of {count} transposed {count|convolution|convolutions} ({module}): {sizes}"},
    {MsgId::kChainAllEven,
     "Every layer has even overlap (kernel size divisible by the stride): away from the borders "
     "every output cell of each layer receives the same number of contributions. This rules out "
     "uneven overlap, not every checkerboard artifact: trained weights can still make one."},
    {MsgId::kChainUneven,
     "Uneven overlap in {layer_count|layer|layers} {layers}: the kernel size is not divisible by "
     "the stride (or the "
     "dilation shares a factor with it), so neighbouring output cells receive different numbers "
     "of contributions, which can show as checkerboard artifacts; a kernel size divisible by the "
     "stride, e.g. k4s2p1, makes the counts even away from the borders."},
    {MsgId::kErrUnknownCompare, "--compare: unknown comparison '{value}'; choose one of: tf"},
    {MsgId::kErrCompareFormat,
     "--compare: the TensorFlow comparison is written in text, unicode, markdown and json, not "
     "with --format {value}"},
    {MsgId::kErrTooManySolutions,
     "--max-k/--max-s/--max-d: more than {limit} solutions; narrow the search with --k, --s, "
     "--p, --d, --even or a smaller box"},
    {MsgId::kErrLayerSyntax,
     "{option}: unexpected '{char}' at position {position}; write k, s, p, d, op, each followed "
     "by a number or ROWSxCOLS, and c (out_channels), g (groups), each followed by a number, "
     "e.g. k4s2p1c64"},
    {MsgId::kErrLayerRepeatedName, "{option}: {name} is given more than once"},
    {MsgId::kErrLayerMissingValue, "{option}: {name} needs a number after it, e.g. {name}2"},
    {MsgId::kErrLayerMissingKernel, "{option}: no kernel size; every layer needs k, e.g. k4s2p1"},
    {MsgId::kErrLayerEmpty,
     "{option}: empty layer; write layers such as k4s2p1, separated by single commas"},
    {MsgId::kErrLayerNoOutput,
     "{option}: padding {p}{axis} leaves no output for an input of size {n}: m = {equation} = "
     "{m} < 1; the largest padding that works here is {largest}"},
    {MsgId::kErrLayerOutputPadding,
     "{option}: output_padding {op}{axis} must be smaller than max(stride, dilation) = {limit}"},
    {MsgId::kErrLayerGroupsDivide,
     "{option}: groups {groups} must divide both the {in} channels coming in and out_channels "
     "{out}"},
    {MsgId::kErrNoLayers,
     "--layer: no layers given; add --layer k4s2p1 once per layer, or --layers k4s1p0,k4s2p1"},
    {MsgId::kErrLayerAndLayers, "--layer/--layers: give the layers with one of them, not both"},

    // Output formats and terminal behaviour.
    {MsgId::kErrUnknownChoice, "{option}: unknown value '{value}'; choose one of: {valid}"},
    {MsgId::kErrStandaloneFormat,
     "--standalone: only --format latex writes a complete document, got --format {value}"},
    {MsgId::kErrPaperNeedsStandalone,
     "--paper: sets the page of a complete document; it needs --format latex --standalone"},
    {MsgId::kLatexFragmentNote,
     "convt LaTeX fragment: needs \\usepackage{amsmath}, \\usepackage{graphicx} and "
     "\\usepackage{color} (or xcolor) in the preamble; redefine the \\convt... macros below to "
     "change the marks"},
    {MsgId::kLatexXelatexNote,
     "Chinese document: compile it with xelatex, which the ctex package needs for CJK fonts "
     "(Debian/Ubuntu: apt install texlive-xetex texlive-lang-chinese)"},

    {MsgId::kErrSvgNeedsOut,
     "--out: --format svg writes one file per stage; name a folder for them with --out DIR"},
    {MsgId::kErrOutNeedsSvg, "--out: only --format svg writes files, got --format {value}"},
    {MsgId::kErrSvgOnly, "{option}: only with --format svg"},
    {MsgId::kErrOutNotEmpty,
     "--out: the folder '{dir}' is not empty; add --force to write into it (files of the same "
     "name are replaced)"},
    {MsgId::kErrOutNotFolder, "--out: '{dir}' exists and is not a folder"},
    {MsgId::kErrOutCreate, "--out: cannot create the folder '{dir}': {reason}"},
    {MsgId::kErrOutWrite, "--out: cannot write '{path}': {reason}"},
    {MsgId::kSvgWrote, "wrote {count} {count|file|files} to {dir}; open {index}"},
    {MsgId::kSvgLegendData, "{mark} = a value"},
    {MsgId::kSvgLegendWeights,
     "{mark} = a kernel weight: each weight keeps its colour in every figure"},
    {MsgId::kSvgLegendBands,
     "{mark} = a kernel weight: each weight's colour runs along its own diagonal band"},
    {MsgId::kSvgLegendFootprint,
     "{mark} = the flipped kernel's footprint for F-grid cell {cell}; the small numbers are the "
     "weights that multiply the cells beneath"},
    {MsgId::kSvgLegendSliding,
     "{mark} = the flipped kernel at its current position, and the F-grid cell it writes"},
    {MsgId::kSvgLegendOverlap, "{mark} = darker cells receive more contributions"},
    {MsgId::kSvgLegendChannelBlocks,
     "{mark} = the border between two channel blocks: the first number of a row or column label "
     "is its channel"},
    {MsgId::kSvgKernelKey, "The kernel w, coloured by weight:"},
    {MsgId::kSvgProduct,
     "The transposed convolution multiplies: C^T times the flattened input x gives the "
     "flattened F-grid y."},
    {MsgId::kTitleSliding, "The flipped kernel sliding over the padded input"},
    {MsgId::kExplainSliding,
     "The flipped kernel moves over the padded input one cell at a time (stride 1). At each "
     "position its weights multiply the cells beneath them, and the sum of the products is one "
     "cell of the F-grid, written in turn from the top left."},
    {MsgId::kSvgSlidingStep, "F-grid cell {cell}{crop} = {terms} = {value}"},
    {MsgId::kSvgSlidingStepZero, "F-grid cell {cell}{crop} = 0: the kernel covers only zeros"},
    {MsgId::kSvgSlidingKept, " (output cell {cell} after the crop)"},
    {MsgId::kSvgSlidingCropped, " (removed by the crop)"},
    {MsgId::kSvgSlidingSkipped,
     "the animation shows {shown} of the {total} kernel {total|position|positions}: the others lie "
     "in rows or "
     "columns that are not shown"},
    {MsgId::kSvgSlidingCapped,
     "the animation shows the first {shown} of the {total} kernel positions"},
    {MsgId::kSvgSlidingOmitted,
     "The sliding-kernel animation is drawn only for a layer of one input channel, one output "
     "channel and one depth slice. In this layer an output cell sums the windows of every input "
     "channel of its group (and of every depth), which one 2-D window moving over one grid "
     "cannot show: the padded input, the flipped weight and the direct convolution show the same "
     "computation slice by slice."},
    {MsgId::kSvgFrame, "frame {frame} of {count}"},
    {MsgId::kSvgPanelsHidden, "{count} more {count|panel|panels} not shown; --full draws them all"},

    {MsgId::kWordInputSize, "input size"},
    {MsgId::kWordKernelSize, "kernel size"},
    {MsgId::kWordStride, "stride"},
    {MsgId::kWordPadding, "padding"},
    {MsgId::kWordDilation, "dilation"},
    {MsgId::kWordOutputPadding, "output_padding"},
    {MsgId::kWordDims, "dims"},
    {MsgId::kWordInChannels, "the number of input channels"},
    {MsgId::kWordOutChannels, "the number of output channels"},
    {MsgId::kWordGroups, "the number of groups"},
    {MsgId::kWordOutputWidth, "output width"},
    {MsgId::kWordCellLimit, "the cell limit"},
    {MsgId::kWordDecimalPlaces, "the number of decimals"},
    {MsgId::kWordLargestKernelSize, "the largest kernel size"},
    {MsgId::kWordLargestStride, "the largest stride"},
    {MsgId::kWordLargestDilation, "the largest dilation"},
    {MsgId::kWordSolutionLimit, "the number of layers shown"},
    {MsgId::kWordPaddedInput, "the padded input"},
    {MsgId::kWordGridSize, "a grid size"},
    {MsgId::kWordConvMatrixNonZeros, "the non-zeros of C"},
    {MsgId::kWordCellCount, "{count} {count|cell|cells}"},
    {MsgId::kWordWeightCount, "the number of weights"},
    {MsgId::kWordActivationSize, "the number of output values"},
    {MsgId::kWordParameterTotal, "the total number of parameters"},
    {MsgId::kWordReversed, "reversed"},
    {MsgId::kWordRotated180, "rotated 180 degrees"},
    {MsgId::kWordFlippedEveryAxis, "flipped along every axis"},
    {MsgId::kTagRows, " (rows)"},
    {MsgId::kTagCols, " (cols)"},
    {MsgId::kTagAlongEachAxis, " along each axis"},
    {MsgId::kTagAlongRows, " along the rows"},
    {MsgId::kTagAlongCols, " along the columns"},
    {MsgId::kTagAlongDepth, " along the depth"},
    {MsgId::kDefaultOne, ", the default 1"},
    {MsgId::kDefaultValues, ", the default values 1, 2, ..., {count}"},
    {MsgId::kAxisValues, "{rows} (rows) / {cols} (cols)"},
    {MsgId::kTagDepth, " (depth)"},
    {MsgId::kAxisValues3d, "{depth} (depth) / {rows} (rows) / {cols} (cols)"},
    {MsgId::kSliceWeight, "w[{c}][{j}]: input channel {c} to output channel {o}"},
    {MsgId::kSliceFlippedWeight, "w'[{o}][{j}]: input channel {c} to output channel {o}"},
    {MsgId::kSliceInputChannel, "input channel {c}"},
    {MsgId::kSliceOutputChannel, "output channel {o}"},
    {MsgId::kSliceAtDepth, "{what}, depth z = {z}"},
    {MsgId::kSliceDepth, "depth z = {z}"},
    {MsgId::kReasonNoSuchPath, "No such file or directory"},
    {MsgId::kReasonPermission, "Permission denied"},
    {MsgId::kReasonNotFolder, "Not a directory"},
    {MsgId::kReasonNoSpace, "No space left on device"},
    {MsgId::kReasonReadOnly, "Read-only file system"},
    {MsgId::kQuizTitle, "Exercises on transposed convolution"},
    {MsgId::kQuizSeedLine, "Seed {seed}: {command} prints this sheet again."},
    {MsgId::kQuizInstructions,
     "Answer each question on a line of its own, Q<number>: <answer>, as {sheet} prints the lines: "
     "a size as 5, or 5x7 (rows x cols) in 2-D; a grid row by row, numbers separated by spaces and "
     "rows by ';' (1 3 2; 4 10 6); cells counted from 0, as positions (0 6) or in 2-D as (row,col) "
     "pairs ((0,0) (0,4)); a layer as k=4 s=2 p=1, adding d= and op= when they are not 1 and 0; a "
     "weight shape as 4x2x3x3. {grade} grades the filled sheet."},
    {MsgId::kQuizPromptOutputSize,
     "The input of {call} has size {n}. What is the size of its output?"},
    {MsgId::kQuizPromptOutputGrid,
     "{call} has the kernel w = {kernel} and takes the input x = {input}. What is its output "
     "grid?"},
    {MsgId::kQuizPromptCrop1d,
     "{call} takes an input of size {n}. Number the cells of its uncropped result F from 0: which "
     "cells does the crop remove?"},
    {MsgId::kQuizPromptCrop2d,
     "{call} takes an input of size {n}. Number the cells of its uncropped result F by (row,col) "
     "from (0,0): which cells does the crop remove?"},
    {MsgId::kQuizPromptFindLayer,
     "Find a layer {module} that maps an input of size {n} to an output of size {m}, with stride "
     "{s}, a kernel size from 1 to {max_k}, dilation 1, any padding and an output padding below "
     "the stride."},
    {MsgId::kQuizPromptWeightShape, "What is the shape of the weight tensor of {call}?"},
    {MsgId::kQuizAnswersHeading, "Answers"},
    {MsgId::kQuizGradeRight, "right"},
    {MsgId::kQuizGradeWrong, "wrong: expected {expected}; see the \"{stage}\" stage of: {command}"},
    {MsgId::kQuizGradeUnanswered,
     "no answer: expected {expected}; see the \"{stage}\" stage of: {command}"},
    {MsgId::kQuizExpectedLayer, "a layer that keeps the rule, such as {layer}"},
    {MsgId::kQuizScore, "Score: {right} of {count} {count|answer|answers} right"},
    {MsgId::kErrQuizUnknownKind, "--kinds: unknown kind '{value}'; choose from: {valid}"},
    {MsgId::kErrQuizRepeatedKind,
     "--kinds: '{value}' is given more than once; give each kind once"},
    {MsgId::kErrQuizSheetLine, "--answers: line {line} cannot be read: {reason}"},
    {MsgId::kQuizReadLine,
     "a line of the sheet is Q<number>: <answer>, a blank line or a # comment"},
    {MsgId::kQuizReadNoSuchQuestion,
     "there is no question {number}; the sheet has questions 1 to {count}"},
    {MsgId::kQuizReadRepeated, "question {number} is answered on line {first} already"},
    {MsgId::kQuizReadSizes, "question {number} wants a size such as 5, or 5x7 in 2-D"},
    {MsgId::kQuizReadShape, "question {number} wants a shape such as 4x2x3x3"},
    {MsgId::kQuizReadGrid,
     "question {number} wants whole numbers, rows separated by ';', such as 1 3 2; 4 10 6"},
    {MsgId::kQuizReadCells1d, "question {number} wants cell positions such as 0 6"},
    {MsgId::kQuizReadCells2d, "question {number} wants (row,col) pairs such as (0,0) (0,4)"},
    {MsgId::kQuizReadLayer,
     "question {number} wants a layer such as k=4 s=2 p=1, with d= and op= when they are not 1 and "
     "0"},
    {MsgId::kErrQuizAnswersRead, "--answers: cannot read '{path}': {reason}"},
    {MsgId::kErrQuizAnswersTooLarge,
     "--answers: '{path}' is larger than {limit} bytes; an answer sheet is one short line per "
     "question"},
    {MsgId::kErrQuizNotTogether, "{option}: not with {other}; give one of them"},
    {MsgId::kErrQuizLinesFormat,
     "{option}: prints answer lines, which have no --format; leave out --format {value}"},
    {MsgId::kWordQuizSeed, "seed"},
    {MsgId::kQuizReasonNotFile, "Not a regular file"},
    {MsgId::kWordQuizCount, "number of questions"},
    // --format python (render_python.cpp) and the gradient identity of explain.
    {MsgId::kExplainGradientIdentity,
     "Read the other way, C also shows why the transposed convolution is the gradient of the "
     "convolution: the convolution with the same kernel, stride, padding and dilation takes z, a "
     "tensor of the output's size, to C times z padded by p, so its gradient with respect to z, "
     "given the incoming gradient x, is C^T x cropped by p, which is exactly the output of this "
     "transposed convolution (bias aside). It is what the backward pass of a convolution "
     "computes; --format python checks it with torch.autograd."},
    {MsgId::kErrPythonExcludes,
     "--format python: cannot be combined with {option}; the script checks every stage's exact "
     "values against PyTorch"},
    {MsgId::kErrPythonTooLarge,
     "--format python: stage '{stage}' has {count} cells, over --max-cells {max_cells}; the "
     "script embeds every value, so choose smaller sizes or raise --max-cells"},
    {MsgId::kPythonHeader,
     "convt's derivation of {layer}, recomputed stage by stage with PyTorch and compared with the "
     "numbers convt printed, which this script embeds."},
    {MsgId::kPythonHowToRun,
     "It needs only torch (Debian: python3-torch). Run it with python3: it prints one line per "
     "stage and a last line saying that all stages match; at the first number that differs it "
     "says what differs and exits with status 1."},
    {MsgId::kPythonTolerance,
     "check() compares in float64: whole numbers must be exactly equal; other values may differ by "
     "at most 1e-9 times the largest value of the stage, because convt prints exact decimals while "
     "float64 sums of decimals such as 0.1 are off in their last bits."},
    {MsgId::kPythonHelpers,
     "tensor() makes a float64 tensor; check() compares what PyTorch computed with what convt "
     "printed, prints one line, and stops the script at a mismatch."},
    {MsgId::kPythonParams,
     "The layer: one entry per spatial axis for n (input size), k (kernel size), s (stride), p "
     "(padding), d (dilation) and op (output_padding)."},
    {MsgId::kPythonStageOk, "ok  {stage}"},
    {MsgId::kPythonMismatch,
     "MISMATCH in {stage} at index {index}: PyTorch computes {got}, convt printed {expected}"},
    {MsgId::kPythonShapeMismatch,
     "MISMATCH in {stage}: PyTorch's shape is {got}, convt's is {expected}"},
    {MsgId::kPythonAllMatch, "all stages match PyTorch"},
    {MsgId::kPythonFormula,
     "The output size per axis, m = (n-1)s - 2p + d(k-1) + op + 1, must be the size convt "
     "derived; before the crop the F-grid has F = (n-1)s + d(k-1) + 1 cells per axis."},
    {MsgId::kPythonKernel,
     "The weight as convt printed it, in PyTorch's layout "
     "[in_channels][out_channels/groups][k...]: "
     "torch.nn.ConvTranspose{dims}d's weight has exactly this shape."},
    {MsgId::kPythonDefaultValues,
     "convt's default values are 1, 2, 3, ... in row-major order: torch.arange gives the same."},
    {MsgId::kPythonInput,
     "The input as convt printed it, [in_channels][n...]; PyTorch adds a batch axis of 1 in "
     "front."},
    {MsgId::kPythonConvMatrix,
     "C is the matrix of the ordinary convolution conv{dims}d with this weight, stride s, dilation "
     "d "
     "and no padding, from the F-grid (one per output channel) down to the input's size. Its "
     "column "
     "for F-cell j is that convolution applied to the basis tensor with a 1 at cell j and 0 "
     "elsewhere."},
    {MsgId::kPythonTransposedMatrix, "C^T is C with its rows and columns swapped."},
    {MsgId::kPythonMatrixOutput,
     "Route 1, the matrix: C^T times the flattened input, reshaped to the F-grid of every output "
     "channel."},
    {MsgId::kPythonScatterStamps,
     "Each input cell stamps the kernel, times its value, onto the F-grid with its corner at the "
     "cell's index times s, taps d apart; the stamps are built one by one."},
    {MsgId::kPythonScatterOutput,
     "Route 2, scatter: the stamps of all input cells added up; each output channel gathers the "
     "input channels of its group."},
    {MsgId::kPythonZeroInserted,
     "Route 3 first puts s - 1 zeros between neighbouring input cells: the input is written into a "
     "zero tensor with step s ([::s])."},
    {MsgId::kPythonPaddedInput,
     "Then d(k-1) zeros on both sides of every spatial axis (torch.nn.functional.pad)."},
    {MsgId::kPythonFlippedKernel,
     "The weight flipped along every spatial axis (torch.flip), with input and output channels "
     "swapped within each group: the weight of an ordinary convolution, "
     "[out_channels][in_channels/groups][k...]."},
    {MsgId::kPythonDilatedKernel, "d - 1 zeros between neighbouring taps of the flipped kernel."},
    {MsgId::kPythonDirectOutput,
     "The direct route: an ordinary stride-1 convolution, conv{dims}d, of the padded input with "
     "the dilated flipped kernel (in groups, like the layer) gives the F-grid again."},
    {MsgId::kPythonOutput,
     "The crop: p cells off the start of every axis and p - op off its end (op - p cells of zeros "
     "appended when op > p), then each output channel's bias added to all its cells."},
    {MsgId::kPythonConvTranspose,
     "PyTorch's own transposed convolution, torch.nn.functional.conv_transpose{dims}d with the "
     "same "
     "weight, bias, stride, padding, output_padding, groups and dilation, must give this output."},
    {MsgId::kPythonOverlap,
     "How many products land on each output cell: the transposed convolution of an all-ones input "
     "with an all-ones kernel counts them."},
    {MsgId::kPythonNoteSpatial, "the spatial axes of a batched tensor"},
    {MsgId::kPythonNoteEvery, "all of the batch and channel axes"},
    {MsgId::kPythonNoteReshape, "in convt's shape: no batch axis, no axis of one channel"},
    {MsgId::kPythonNotePadOrder,
     "fn.pad takes (before, after) pairs from the last axis to the first."},
    {MsgId::kPythonNoteBatches,
     "The basis tensors go through in batches of about 2^20 cells, so that memory stays small."},
    {MsgId::kPythonAutograd,
     "The transposed convolution is the gradient of the convolution: conv{dims}d with the same "
     "weight, stride, padding, dilation and groups takes z, of the output's size, to the input's "
     "size, and torch.autograd.grad of it with respect to z, given the incoming gradient x (zeros "
     "appended when op >= s makes that convolution's result larger), is conv_transpose{dims}d(x) "
     "without the bias."},
    {MsgId::kWebTitle, "convt: transposed convolution, step by step"},
    {MsgId::kWebParameters, "Sizes"},
    {MsgId::kWebLayer, "Channels and bias"},
    {MsgId::kWebValues, "Values"},
    {MsgId::kWebShow, "Show"},
    {MsgId::kWebControl, "{name}: {what}"},
    {MsgId::kWebKernelValues, "kernel: the weights [in][out/groups][k...], row-major"},
    {MsgId::kWebInputValues, "input: the input [in][n...], row-major"},
    {MsgId::kWebBiasValues, "bias: one value per output channel"},
    {MsgId::kWebLanguage, "language"},
    {MsgId::kWebLangEn, "English"},
    {MsgId::kWebLangZh, "Chinese"},
    {MsgId::kWebStages, "stages"},
    {MsgId::kWebStagesHint, "none ticked: every stage"},
    {MsgId::kWebValuesHint,
     "numbers separated by commas or spaces; empty: the default values 1, 2, ... (no bias)"},
    {MsgId::kWebLinkHint,
     "The address of this page opens exactly this case: copy it into slides or homework."},
    {MsgId::kWebAsText, "The derivation as text"},
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

/// The Chinese catalogue indexed by id; nullptr where an id has no translation yet.
const std::array<const char*, static_cast<size_t>(MsgId::kCount)>& zh_by_id() {
  static const auto table = [] {
    std::array<const char*, static_cast<size_t>(MsgId::kCount)> t{};
    for (const detail::ZhEntry& e : detail::zh_catalogue()) t[static_cast<size_t>(e.id)] = e.zh;
    return t;
  }();
  return table;
}

}  // namespace

bool catalogue_complete() {
  for (const CatalogueEntry* e : by_id())
    if (e == nullptr || e->en == nullptr || *e->en == '\0') return false;
  for (const char* zh : zh_by_id())
    if (zh == nullptr || *zh == '\0') return false;
  return true;
}

std::string_view message_template(MsgId id, Lang lang) {
  const CatalogueEntry& entry = *by_id()[static_cast<size_t>(id)];
  switch (lang) {
    case Lang::kEn:
      return entry.en;
    case Lang::kZh:
      // An id without a translation yet falls back to English (catalogue_complete() is false).
      if (const char* zh = zh_by_id()[static_cast<size_t>(id)]; zh != nullptr) return zh;
      return entry.en;
  }
  return entry.en;
}

MessageArg::MessageArg(std::string arg_name, std::string value)
    : name(std::move(arg_name)), text(std::move(value)) {}
MessageArg::MessageArg(std::string arg_name, const char* value)
    : name(std::move(arg_name)), text(value) {}
MessageArg::MessageArg(std::string arg_name, Number value)
    : name(std::move(arg_name)), form(Form::kNumber), number(value.value) {}
MessageArg::MessageArg(std::string arg_name, Message part)
    : name(std::move(arg_name)), form(Form::kParts), parts{std::move(part)} {}
MessageArg::MessageArg(std::string arg_name, std::vector<Message> joined_parts,
                       std::string part_joiner)
    : name(std::move(arg_name)),
      form(Form::kParts),
      parts(std::move(joined_parts)),
      joiner(std::move(part_joiner)) {}
MessageArg::MessageArg(std::string arg_name, CellKind kind)
    : name(std::move(arg_name)), form(Form::kMark), mark(kind) {}

namespace {

/// The text of `arg` as resolve() puts it in.
std::string arg_text(const MessageArg& arg, Lang lang, const MarkWriter& mark,
                     const MathBounds& math) {
  std::string out;
  switch (arg.form) {
    case MessageArg::Form::kText:
      out = arg.text;
      break;
    case MessageArg::Form::kNumber:
      out = format_number(arg.number);
      break;
    case MessageArg::Form::kParts:
      for (size_t p = 0; p < arg.parts.size(); ++p)
        out += (p ? arg.joiner : "") + resolve(arg.parts[p], lang, mark, math);
      break;
    case MessageArg::Form::kMark:
      if (mark) out = mark(arg.mark);
      break;
  }
  return out;
}

/// True when the written argument counts one thing: it holds at least one number and every
/// number in it is 1 or -1 ("1", "1 (rows) / 1 (cols)"); "0", "2", "1.5", "2 (rows) / 1 (cols)"
/// and text without digits count as many.
bool counts_one(std::string_view written) {
  bool any = false;
  size_t i = 0;
  while (i < written.size()) {
    if (written[i] < '0' || written[i] > '9') {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < written.size() && written[end] >= '0' && written[end] <= '9') ++end;
    const bool after_point = i > 0 && written[i - 1] == '.';
    if (after_point || written.substr(i, end - i) != "1") return false;
    any = true;
    i = end;
  }
  return any;
}

}  // namespace

std::string resolve(const Message& message, Lang lang, const MarkWriter& mark,
                    const MathBounds& math) {
  std::string_view text = message_template(message.id, lang);
  std::string out;
  out.reserve(text.size() + 16);
  bool in_math = false;
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '$') {
      out += in_math ? math.close : math.open;
      in_math = !in_math;
      ++i;
      continue;
    }
    if (text[i] == '{') {
      const size_t close = text.find('}', i);
      if (close != std::string_view::npos) {
        std::string_view name = text.substr(i + 1, close - i - 1);
        // {name|singular|plural}: a word chosen by the argument's count, not the argument.
        std::string_view singular;
        std::string_view plural;
        const size_t bar = name.find('|');
        const size_t bar2 =
            bar == std::string_view::npos ? std::string_view::npos : name.find('|', bar + 1);
        const bool choice = bar2 != std::string_view::npos;
        if (choice) {
          singular = name.substr(bar + 1, bar2 - bar - 1);
          plural = name.substr(bar2 + 1);
          name = name.substr(0, bar);
        }
        const auto arg = std::find_if(message.args.begin(), message.args.end(),
                                      [&](const MessageArg& a) { return a.name == name; });
        if (arg != message.args.end()) {
          const std::string written = arg_text(*arg, lang, mark, math);
          if (choice)
            out += counts_one(written) ? singular : plural;
          else
            out += written;
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
