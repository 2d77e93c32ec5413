// The environment of a run (environment.h): getenv, isatty and the terminal's size.
#include "cli/environment.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <optional>
#include <string_view>

#include "convt/error.h"
#include "convt/params.h"

namespace convt::cli {

namespace {

/// The value of the variable `name`, or nullopt when it is not set.
std::optional<std::string> env_value(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr) return std::nullopt;
  return std::string(value);
}

/// The width of the terminal on stdout, or 100 when stdout is not a terminal (or one narrower
/// than 20 columns, or one that does not say).
int64_t terminal_width() {
  winsize ws{};
  if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20)
    return ws.ws_col;
  return 100;
}

/// zh when LC_ALL (or, when LC_ALL is unset or empty, LANG) starts with "zh", else en.
Lang locale_lang() {
  const char* value = std::getenv("LC_ALL");
  if (value == nullptr || *value == '\0') value = std::getenv("LANG");
  if (value != nullptr && std::string_view(value).rfind("zh", 0) == 0) return Lang::kZh;
  return Lang::kEn;
}

}  // namespace

Environment probe_environment() {
  Environment env;
  env.terminal.stdout_is_tty = isatty(STDOUT_FILENO) != 0;
  env.terminal.term = env_value("TERM");
  env.terminal.no_color = env_value("NO_COLOR");
  env.terminal.clicolor_force = env_value("CLICOLOR_FORCE");
  env.width = terminal_width();
  env.lang = locale_lang();
  return env;
}

Lang choose_lang(const std::string& flag, const Environment& env) {
  if (flag.empty()) return env.lang;
  if (flag == "zh") return Lang::kZh;
  if (flag == "en") return Lang::kEn;
  throw Error(
      {MsgId::kErrUnknownChoice, {{"option", "--lang"}, {"value", flag}, {"valid", "en, zh"}}});
}

bool use_color(const std::string& flag, const Environment& env) {
  const std::optional<ColorMode> mode = color_mode_from_name(flag);
  if (!mode)
    throw Error({MsgId::kErrUnknownChoice,
                 {{"option", "--color"}, {"value", flag}, {"valid", "auto, always, never"}}});
  return decide_color(*mode, env.terminal);
}

int64_t output_width(const std::string& flag, const Environment& env) {
  return flag.empty() ? env.width
                      : parse_bounded(flag, "--width", MsgId::kWordOutputWidth, 20, 100000);
}

}  // namespace convt::cli
