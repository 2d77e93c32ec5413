// Every user-facing sentence of convt, by id: the one place words live. The engine records
// message ids with their arguments; renderers and `main` resolve them in the chosen language.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "convt/grid.h"

namespace convt {

/// Output language: English (messages.cpp) or Simplified Chinese (messages_zh.cpp).
enum class Lang { kEn, kZh };

/// Message ids. Each has exactly one entry in the catalogue table of messages.cpp, in any order
/// (a static_assert checks the count, catalogue_complete() that none is missing), and one in the
/// Chinese table of messages_zh.cpp (tests/text/lang_zh_test.cpp names any id left untranslated).
enum class MsgId {
  // Stage titles.
  kTitleFormula,
  kTitleKernel,
  kTitleInput,
  kTitleConvMatrix,
  kTitleTransposedMatrix,
  kTitleMatrixOutput,
  kTitleScatterStamps,
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
  kExplainScatterStamps,
  kExplainScatterOutput,
  kExplainZeroInserted,
  kExplainZeroInsertedStrideOne,
  kExplainPaddedInput,
  kExplainFlippedKernel,
  kExplainDilatedKernel,
  kExplainDirectOutput,
  kExplainOutputCrop,
  kExplainOutputNoCrop,
  kExplainOutputNoCropPadded,
  kExplainOutputPaddingKept,
  kExplainOutputPaddingAdded,
  kExplainCheck,
  // The whole layer (channels, groups, bias, 3-D): layer_derivation.cpp.
  kExplainLayerChannels,
  kExplainLayerParams,
  kExplainLayerParamsNoBias,
  kExplainLayerTransposeOf,
  kExplainLayerDepthSlices,
  kExplainLayerKernel,
  kExplainLayerInput,
  kExplainLayerConvMatrix,
  kExplainLayerBlockDiagonal,
  kExplainLayerOneGroup,
  kExplainLayerMatrixOutput,
  kExplainLayerScatter,
  kExplainLayerEachChannel,
  kExplainLayerFlipped,
  kExplainLayerDirect,
  kExplainLayerBias,
  kExplainLayerBiasAdded,
  kExplainLayerOverlap,
  kCheckLayerAdjoint,
  kCheckLayerPassed,
  // Check lines.
  kCheckShape,
  kCheckMatrixScatter,
  kCheckMatrixDirect,
  kCheckAdjoint,
  kCheckAdjoint1d,
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
  kExplainScatterStamps1d,
  kExplainScatterOutput1d,
  kExplainFlippedKernel1d,
  kExplainOutputCrop1d,
  kExplainKernel1d,
  kExplainInput1d,
  kExplainMatrixOutput1d,
  kCheckShape1d,
  kCheckPassed1d,
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
  kNoteStampsHidden,
  kNoteStampHidden,
  kNoteSlicesHidden,
  kNoteSliceHidden,
  kNoteOverMaxCells,
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
  kErrAxisCountThreeDim,
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
  kErrChannelCount,
  kErrGroupsDivide,
  kErrSymbolicLayer,
  kErrAxesMismatch,
  kErrOutOfRange,
  kErrFullTooLarge,
  kErrSparseTooLarge,
  kErrSymbolicTooLarge,
  kErrSymbolicValues,
  kErrSymbolicWholeLayer,
  kErrOutOfMemory,
  kErrEmptyValue,
  kErrUnknownStage,
  kErrUnknownFormat,
  kErrRange,
  kErrUnknownSubcommand,
  kErrMissingSubcommand,
  kErrRepeated,
  kErrMissingValue,
  kErrUnknownOption,
  kErrUnknownOptionNearest,
  kErrUnexpectedArgument,
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
  kOverlap3d,
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
  kColChannels,
  kColWeight,
  kColParameters,
  kColActivation,
  kTitleForwardCheck,
  kTitleClaim,
  kTitleLayer,
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
  kLayerWeight,
  kLayerBias,
  kLayerNoBias,
  kLayerParameters,
  kLayerParametersNoBias,
  kLayerActivation,
  kLayerTransposeOf,
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
  kSolveFilterP,
  kSolveFilterD,
  kSolveFilterEven,
  kSolveOrder,
  kSolveMoreOne,
  kSolveMoreMany,
  kSolveForwardGives,
  kSolveForwardNote,
  kSolveNone,
  kSolveNearestBelow,
  kSolveNearestAbove,
  kSolveNothingBelow,
  kSolveNothingAbove,
  kChainHeading,
  kChainAllEven,
  kChainUneven,
  kChainTotals,
  kChainTotalsNoBias,
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
  kErrLayerGroupsDivide,
  kErrNoLayers,
  kErrLayerAndLayers,
  // Output formats and terminal behaviour (--format unicode/markdown/latex, --color).
  kErrUnknownChoice,
  kErrStandaloneFormat,
  kErrPaperNeedsStandalone,
  kLatexFragmentNote,
  kLatexXelatexNote,
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
  kSvgLegendChannelBlocks,
  kSvgKernelKey,
  kSvgProduct,
  kTitleSliding,
  kExplainSliding,
  kSvgSlidingStep,
  kSvgSlidingStepZero,
  kSvgSlidingKept,
  kSvgSlidingCropped,
  kSvgSlidingSkipped,
  kSvgSlidingCapped,
  kSvgSlidingOmitted,
  kSvgFrame,
  kSvgPanelsHidden,
  // Words and phrases that other messages take as arguments (nested ids).
  kWordInputSize,
  kWordKernelSize,
  kWordStride,
  kWordPadding,
  kWordDilation,
  kWordOutputPadding,
  kWordDims,
  kWordInChannels,
  kWordOutChannels,
  kWordGroups,
  kWordOutputWidth,
  kWordCellLimit,
  kWordDecimalPlaces,
  kWordLargestKernelSize,
  kWordLargestStride,
  kWordLargestDilation,
  kWordSolutionLimit,
  kWordPaddedInput,
  kWordGridSize,
  kWordConvMatrixNonZeros,
  kWordCellCount,
  kWordWeightCount,
  kWordActivationSize,
  kWordParameterTotal,
  kWordReversed,
  kWordRotated180,
  kWordFlippedEveryAxis,
  kTagRows,
  kTagCols,
  kTagAlongEachAxis,
  kTagAlongRows,
  kTagAlongCols,
  kTagAlongDepth,
  kDefaultOne,
  kDefaultValues,
  kAxisValues,
  kTagDepth,
  kAxisValues3d,
  // Slice headings of a whole-layer derivation (GridSlice::label).
  kSliceWeight,
  kSliceFlippedWeight,
  kSliceInputChannel,
  kSliceOutputChannel,
  kSliceAtDepth,
  kSliceDepth,
  // System errors a user meets when writing figures (the reason of kErrOutCreate / kErrOutWrite).
  kReasonNoSuchPath,
  kReasonPermission,
  kReasonNotFolder,
  kReasonNoSpace,
  kReasonReadOnly,
  // convt quiz: the sheet, the grading and its errors (quiz.h, render_quiz.h).
  kQuizTitle,
  kQuizSeedLine,
  kQuizInstructions,
  kQuizPromptOutputSize,
  kQuizPromptOutputGrid,
  kQuizPromptCrop1d,
  kQuizPromptCrop2d,
  kQuizPromptFindLayer,
  kQuizPromptWeightShape,
  kQuizAnswersHeading,
  kQuizGradeRight,
  kQuizGradeWrong,
  kQuizGradeUnanswered,
  kQuizExpectedLayer,
  kQuizScore,
  kErrQuizUnknownKind,
  kErrQuizRepeatedKind,
  kErrQuizSheetLine,
  kQuizReadLine,
  kQuizReadNoSuchQuestion,
  kQuizReadRepeated,
  kQuizReadSizes,
  kQuizReadShape,
  kQuizReadGrid,
  kQuizReadCells1d,
  kQuizReadCells2d,
  kQuizReadLayer,
  kErrQuizAnswersRead,
  kErrQuizAnswersTooLarge,
  kErrQuizNotTogether,
  kErrQuizLinesFormat,
  kWordQuizSeed,
  kQuizReasonNotFile,
  kWordQuizCount,
  // --format python (render_python.cpp) and the gradient identity of explain.
  kExplainGradientIdentity,
  kErrPythonExcludes,
  kErrPythonTooLarge,
  kPythonHeader,
  kPythonHowToRun,
  kPythonTolerance,
  kPythonHelpers,
  kPythonParams,
  kPythonStageOk,
  kPythonMismatch,
  kPythonShapeMismatch,
  kPythonAllMatch,
  kPythonFormula,
  kPythonKernel,
  kPythonDefaultValues,
  kPythonInput,
  kPythonConvMatrix,
  kPythonTransposedMatrix,
  kPythonMatrixOutput,
  kPythonScatterStamps,
  kPythonScatterOutput,
  kPythonZeroInserted,
  kPythonPaddedInput,
  kPythonFlippedKernel,
  kPythonDilatedKernel,
  kPythonDirectOutput,
  kPythonOutput,
  kPythonConvTranspose,
  kPythonOverlap,
  kPythonAutograd,
  kPythonNoteSpatial,
  kPythonNoteEvery,
  kPythonNoteReshape,
  kPythonNotePadOrder,
  kPythonNoteBatches,
  // The page of web/ (convt in the browser): its title, the labels of its controls, its notes.
  kWebTitle,
  kWebParameters,
  kWebLayer,
  kWebValues,
  kWebShow,
  kWebControl,
  kWebKernelValues,
  kWebInputValues,
  kWebBiasValues,
  kWebLanguage,
  kWebLangEn,
  kWebLangZh,
  kWebStages,
  kWebStagesHint,
  kWebValuesHint,
  kWebLinkHint,
  kWebAsText,
  kCount  // not a message
};

struct Message;

/// A number argument, written by format_number when the message is resolved ("0.5", "1e-05").
struct Number {
  double value;
};

/// One named argument of a Message: "{name}" in the catalogue text is replaced by it. It has one
/// of four forms, so that no English phrase is ever built outside the catalogue:
/// - text: put in as it is in every language (the user's own words, option names, integers,
///   shapes such as "3 x 3"): never translated;
/// - number: a value, written when resolved;
/// - parts: messages (nested ids) resolved in the same language and joined, e.g. an axis tag;
/// - mark: the mark of a cell kind, which each format writes its own way ("[v]", "~~v~~", ...).
struct MessageArg {
  enum class Form : uint8_t { kText, kNumber, kParts, kMark };

  MessageArg(std::string arg_name, std::string value);
  MessageArg(std::string arg_name, const char* value);
  MessageArg(std::string arg_name, Number value);
  MessageArg(std::string arg_name, Message part);
  /// Parts joined by `joiner`, punctuation such as "; " that every language writes the same.
  MessageArg(std::string arg_name, std::vector<Message> joined_parts, std::string joiner = "");
  MessageArg(std::string arg_name, CellKind kind);

  std::string name;
  Form form = Form::kText;
  std::string text;                 ///< kText
  double number = 0.0;              ///< kNumber
  std::vector<Message> parts;       ///< kParts: resolved and joined, in order
  std::string joiner;               ///< kParts: between two parts
  CellKind mark = CellKind::kData;  ///< kMark
};

/// A message id with its named arguments.
struct Message {
  MsgId id;
  std::vector<MessageArg> args;
};

/// How a format writes the mark of a cell kind inside resolved text (see MessageArg).
using MarkWriter = std::function<std::string(CellKind)>;

/// True when every MsgId has a non-empty text in every language (the tests check this).
bool catalogue_complete();

/// The raw catalogue text of `id` in `lang`, with its {name} placeholders.
std::string_view message_template(MsgId id, Lang lang);

/// How resolved text shows the math spans of the catalogue: the text between two "$" of a
/// catalogue sentence ("the uncropped result is $F = (n-1)s + k$ wide") is math, which the
/// document formats typeset. `open` and `close` take the place of the two dollars; the default
/// drops them, so that the span reads as plain text ("F = (n-1)s + k"). Only the catalogue's own
/// dollars are bounds: a "$" inside an argument (the user's words) is plain text.
struct MathBounds {
  std::string_view open;
  std::string_view close;
};

/// The text of `message` in `lang` with every {name} placeholder replaced by its argument
/// (nested messages resolved in `lang`, numbers by format_number, marks by `mark`, or left out
/// when `mark` is empty) and its math spans bounded by `math` (nested messages too).
/// Placeholders without an argument are left as they are.
///
/// A placeholder {name|singular|plural} is replaced not by the argument but by one of the two
/// words: `singular` when the argument, as written, counts one thing, i.e. it holds at least one
/// number and every number in it is 1 or -1 ("1", "-1", "1 (rows) / 1 (cols)"), and `plural`
/// otherwise ("0", "2", "1.5", "2 (rows) / 1 (cols)"). So "{count} {count|cell|cells}" writes
/// "1 cell" and "3 cells", and the catalogue never needs "cell(s)". Languages without plural
/// forms (Chinese) write the one form and need no such placeholder.
std::string resolve(const Message& message, Lang lang, const MarkWriter& mark = {},
                    const MathBounds& math = {});

}  // namespace convt
