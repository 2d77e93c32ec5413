// The one error type of convt: a user-facing, one-line message from the catalogue.
#pragma once

#include <exception>
#include <utility>

#include "convt/messages.h"

namespace convt {

/// An error caused by the user's input (an option value, a combination of options, or a size
/// limit). It carries a catalogue message, not text, so that the engine stays free of words and
/// the message can be shown in any language: `resolve(error.message(), lang)` gives the line,
/// e.g. "--s: stride must be a whole number >= 1, got '0'". `main` prints it and exits with 2;
/// nothing below `main` prints.
class Error : public std::exception {
 public:
  explicit Error(Message message) : message_(std::move(message)) {}

  const Message& message() const { return message_; }

  /// A fixed description of the type; the text is resolve(message(), lang).
  const char* what() const noexcept override {
    return "convt::Error (resolve message() in a language for its text)";
  }

 private:
  Message message_;
};

}  // namespace convt
