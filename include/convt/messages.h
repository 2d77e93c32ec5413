// Every user-facing sentence of convt, by id: the one place words live. The engine records
// message ids with their arguments; renderers and `main` resolve them in the chosen language.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace convt {

/// Output language: English (messages.cpp) or Simplified Chinese (messages_zh.cpp).
enum class Lang { kEn, kZh };

/// Message ids. Each has exactly one entry in the catalogue table of messages.cpp, in any order
/// (a static_assert checks the count, catalogue_complete() that none is missing), and one in the
/// Chinese table of messages_zh.cpp (tests/lang_zh_test.cpp names any id left untranslated).
enum class MsgId {
  // Stage titles.
  kTitleFormula,
  kTitleKernel,
  kTitleInput,
  kTitleConvMatrix,
  kTitleTransposedMatrix,
  kTitleMatrixOutput,
  kTitleScatterOutput,
  kTitleZeroInserted,
  kTitlePaddedInput,
  kTitleFlippedKernel,
  kTitleDilatedKernel,
  kTitleDirectOutput,
  kTitleOutput,
  kTitleCheck,
  // Stage explanations.
  kExplainFormula,
  kExplainFormulaGeneral,
  kExplainStrideAmbiguity,
  kExplainKernel,
  kExplainInput,
  kExplainConvMatrix,
  kExplainTransposedMatrix,
  kExplainMatrixOutput,
  kExplainScatterOutput,
  kExplainZeroInserted,
  kExplainZeroInsertedStrideOne,
  kExplainPaddedInput,
  kExplainFlippedKernel,
  kExplainDilatedKernel,
  kExplainDirectOutput,
  kExplainOutputCrop,
  kExplainOutputPaddingKept,
  kExplainOutputPaddingAdded,
  kExplainCheck,
  // Check lines.
  kCheckShape,
  kCheckMatrixScatter,
  kCheckMatrixDirect,
  kCheckAdjoint,
  kCheckPassed,
  kCheckFailed,
  kCheckOk,
  kCheckMismatch,
  kCheckSymbolicScatter,
  kCheckSymbolicDirect,
  kExplainSymbolic,
  kExplainSymbolic1d,
  kTitleFlippedKernel1d,
  kExplainConvMatrix1d,
  kExplainScatterOutput1d,
  kExplainFlippedKernel1d,
  kExplainOutputCrop1d,
  kNoteSymbolicList,
  // Legends and notes.
  kLegendMatrixZero,
  kLegendStrideZero,
  kLegendPaddingZero,
  kLegendDilationZero,
  kLegendCropped,
  kLegendKeptByOutputPadding,
  kLegendAddedZero,
  kNoteElidedColumns,
  kNoteElidedRows,
  kNoteFullGrid,
  kNoteOutputGrid,
  kLegend,
  kHeading,
  kAxisRows,
  kAxisCols,
  // Errors.
  kErrWholeNumber,
  kErrTooLarge,
  kErrAxisCount,
  kErrAxisCountOneDim,
  kErrNotNumber,
  kErrNotFinite,
  kErrEmptyList,
  kErrValueCount,
  kErrNoOutput,
  kErrOutputPadding,
  kErrOverflow,
  kErrValuesTooLarge,
  kErrTooManyEntries,
  kErrDims,
  kErrAxesMismatch,
  kErrOutOfRange,
  kErrFullTooLarge,
  kErrSparseTooLarge,
  kErrSymbolicTooLarge,
  kErrOutOfMemory,
  kErrEmptyValue,
  kErrUnknownStage,
  kErrUnknownFormat,
  kErrRange,
  kErrUnknownSubcommand,
  kErrMissingSubcommand,
  kErrRepeated,
  kErrMissingValue,
  kErrUnknownShell,
  // The man page (convt --man).
  kManOneOf,
  kManListOf,
  kManRequired,
  // Shape tools: the overlap stage, convt shape / solve / chain, the TensorFlow comparison.
  kTitleOverlap,
  kExplainOverlap,
  kOverlapEven,
  kOverlapEvenDilated,
  kOverlapUneven,
  kOverlapUnevenDilation,
  kOverlap2d,
  kOverlapVerdictEven,
  kOverlapVerdictUneven,
  kWordEven,
  kWordUneven,
  kColLayer,
  kColFormula,
  kColOverlap,
  kColOutputSize,
  kColKeeps,
  kColTransposed,
  kColForward,
  kColAxis,
  kColMapsBack,
  kColClaim,
  kTitleForwardCheck,
  kTitleClaim,
  kTitleTfCompare,
  kShapeForward,
  kShapeForwardOne,
  kShapeForwardNone,
  kShapeWhyOutputPadding,
  kShapeStrideOne,
  kShapeOpBeyondStride,
  kClaimReachable,
  kClaimNotBack,
  kClaimUnreachable,
  kClaimOtherPadding,
  kClaimSolve,
  kTfIntro,
  kTfDilated,
  kTfRowPytorch,
  kTfRowValid,
  kTfRowSame,
  kTfCrops,
  kTfCropsNone,
  kTfZeros,
  kTfMatch,
  kTfShift,
  kTfNoMatch,
  kTfForValid,
  kTfForSame,
  kTfForSameShifted,
  kTfForSameNone,
  kSolveHeading,
  kSolveSameAxes,
  kSolveFilterK,
  kSolveFilterS,
  kSolveFilterEven,
  kSolveOrder,
  kSolveForwardGives,
  kSolveNone,
  kSolveNearestBelow,
  kSolveNearestAbove,
  kSolveNothingBelow,
  kSolveNothingAbove,
  kChainHeading,
  kChainAllEven,
  kChainUneven,
  kErrUnknownCompare,
  kErrCompareFormat,
  kErrTooManySolutions,
  kErrLayerSyntax,
  kErrLayerRepeatedName,
  kErrLayerMissingValue,
  kErrLayerMissingKernel,
  kErrLayerEmpty,
  kErrLayerNoOutput,
  kErrLayerOutputPadding,
  kErrNoLayers,
  kErrLayerAndLayers,
  // Output formats and terminal behaviour (--format unicode/markdown/latex, --color).
  kErrUnknownChoice,
  kErrStandaloneFormat,
  kLatexFragmentNote,
  // SVG figures (--format svg --out DIR).
  kErrSvgNeedsOut,
  kErrOutNeedsSvg,
  kErrSvgOnly,
  kErrOutNotEmpty,
  kErrOutNotFolder,
  kErrOutCreate,
  kErrOutWrite,
  kSvgWrote,
  kSvgLegendData,
  kSvgLegendWeights,
  kSvgLegendBands,
  kSvgLegendFootprint,
  kSvgLegendSliding,
  kSvgLegendOverlap,
  kSvgKernelKey,
  kSvgProduct,
  kTitleSliding,
  kExplainSliding,
  kSvgSlidingStep,
  kSvgSlidingStepZero,
  kSvgSlidingSkipped,
  kSvgSlidingCapped,
  kSvgFrame,
  kCount  // not a message
};

/// A message id with its named arguments: "{n}" in the text is replaced by the value of "n".
struct Message {
  MsgId id;
  std::vector<std::pair<std::string, std::string>> args;
};

/// True when every MsgId has a non-empty text in every language (the tests check this).
bool catalogue_complete();

/// The raw catalogue text of `id` in `lang`, with its {name} placeholders.
std::string_view message_template(MsgId id, Lang lang);

/// The text of `message` in `lang` with every {name} placeholder replaced by its argument.
/// Placeholders without an argument are left as they are.
std::string resolve(const Message& message, Lang lang);

/// Like resolve, with `extra` arguments supplied by the caller (e.g. a renderer's marks).
std::string resolve(const Message& message, Lang lang,
                    const std::vector<std::pair<std::string, std::string>>& extra);

}  // namespace convt
