// The one error type of convt: a user-facing, one-line message.
#pragma once

#include <stdexcept>
#include <string>
#include <utility>

#include "convt/messages.h"

namespace convt {

/// An error caused by the user's input (an option value, a combination of options, or a size
/// limit). It carries a catalogue message so it can be shown in any language; `what()` is the
/// English line, already naming the option and the rule it broke, e.g.
/// "--s: stride must be a whole number >= 1, got '0'". `main` prints it and exits with 2;
/// nothing below `main` prints.
class Error : public std::runtime_error {
 public:
  explicit Error(Message message)
      : std::runtime_error(resolve(message, Lang::kEn)), message_(std::move(message)) {}

  const Message& message() const { return message_; }

 private:
  Message message_;
};

}  // namespace convt
