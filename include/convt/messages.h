// Every user-facing sentence of convt, by id: the one place words live. The engine records
// message ids with their arguments; renderers and `main` resolve them in the chosen language.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace convt {

/// Output language. English is the only catalogue today; the table has room for more.
enum class Lang { kEn };

/// Message ids. Each has exactly one entry in the catalogue table of messages.cpp, in any order
/// (a static_assert checks the count, catalogue_complete() that none is missing).
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
  kErrFullTooLarge,
  kErrUnknownStage,
  kErrUnknownFormat,
  kErrRange,
  kErrUnknownSubcommand,
  kErrMissingSubcommand,
  kErrRepeated,
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
