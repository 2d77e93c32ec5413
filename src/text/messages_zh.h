// The Simplified Chinese message catalogue, looked up by message_template for Lang::kZh.
// Internal to convt_core; the tests read it to find ids without a translation.
#pragma once

#include <span>
#include <string>

#include "convt/messages.h"

namespace convt::detail {

/// One translated message: the id and its Simplified Chinese text, with the same {name}
/// placeholders as the English text.
struct ZhEntry {
  MsgId id;
  const char* zh;
};

/// Every Chinese entry, in no particular order. An id missing here falls back to English at
/// run time and makes catalogue_complete() false.
std::span<const ZhEntry> zh_catalogue();

}  // namespace convt::detail
