// Runs a callable and returns the message of the convt::Error it throws, for exact-wording tests.
#pragma once

#include <string>

#include "convt/error.h"

namespace convt::testing {

/// The what() of the convt::Error that `f` throws, or "<no error>" when it returns normally.
/// Other exception types propagate, so a wrong exception type fails the test loudly.
template <typename F>
std::string error_text(F&& f) {
  try {
    f();
  } catch (const convt::Error& e) {
    return convt::resolve(e.message(), convt::Lang::kEn);
  }
  return "<no error>";
}

}  // namespace convt::testing
