// convt's command line as a function (run_cli.h): builds the CLI11 parser from the subcommands'
// setup functions, parses, runs the chosen subcommand and turns every error into one line.
#include "cli/run_cli.h"

#include <CLI/CLI.hpp>
#include <new>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/chain_command.h"
#include "cli/cli_describe.h"
#include "cli/environment.h"
#include "cli/explain_command.h"
#include "cli/file_output.h"
#include "cli/nearest_name.h"
#include "cli/quiz_command.h"
#include "cli/shape_command.h"
#include "cli/solve_command.h"
#include "convt/error.h"
#include "convt/version.h"

namespace {

constexpr const char* kExitStatus =
    "Exit status:\n"
    "  0  success; also --help, --version, convt help [COMMAND] and convt alone (this overview)\n"
    "  1  the output could not be written; convt quiz --answers: an answer is wrong\n"
    "  2  bad input: one line on stderr names the option and the rule\n";

/// `message` as one line of printable text: the values it quotes come from the command line
/// and may hold newlines or terminal escapes, which are written as \n, \r, \t or \xNN.
std::string one_line(const std::string& message) {
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (char ch : message) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (c >= 0x20 && c != 0x7f) {
      out += ch;
    } else if (c == '\n' || c == '\r' || c == '\t') {
      out += c == '\n' ? "\\n" : c == '\r' ? "\\r" : "\\t";
    } else {
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

/// CLI11's messages, made one line that names the option where CLI11 does not.
std::string parse_error_text(const CLI::ParseError& e, convt::Lang lang) {
  std::string what = e.what();
  if (e.get_name() == "ArgumentMismatch" && what.rfind("--", 0) == 0) {
    std::string option = what.substr(0, what.find(':'));
    // CLI11 reports both "given twice" and "given without its value" as a mismatch.
    const bool missing = what.find("missing") != std::string::npos;
    return convt::resolve({missing ? convt::MsgId::kErrMissingValue : convt::MsgId::kErrRepeated,
                           {{"option", option}}},
                          lang);
  }
  for (char& c : what)
    if (c == '\n') c = ' ';
  return what;
}

/// Refuses what CLI11 lets through but convt's rules do not: an option given an empty value
/// (the commands read an empty string as "not given", so `--width ""` would be silently
/// ignored) and a flag given twice (options given twice are refused by CLI11 already).
void check_given_options(const CLI::App& app) {
  for (const CLI::App* command : app.get_subcommands())
    for (const CLI::Option* option : command->get_options()) {
      if (option->count() == 0) continue;
      if (option->get_expected_min() == 0 && option->count() > 1)  // a flag
        throw convt::Error({convt::MsgId::kErrRepeated, {{"option", option->get_name()}}});
      for (const std::string& value : option->results())
        if (value.empty())
          throw convt::Error({convt::MsgId::kErrEmptyValue, {{"option", option->get_name()}}});
    }
}

/// Refuses a value list given twice (`--kernel 1,2 --kernel 3`, also --input and --bias), as a
/// repeated single option
/// is refused (kErrRepeated), instead of joining the lists. CLI11 keeps only the values of a
/// list option, not how often it was named, so the names are counted in `args`: `--kernel`
/// and `--kernel=...`. `--layer` of chain is given once per layer and is not such a list.
/// Not inlined: inlined into run_cli, it makes GCC 12 misread help_spelled_out's vector
/// (a false -Wfree-nonheap-object).
[[gnu::noinline]] void check_lists_given_once(const std::vector<const char*>& args) {
  for (const std::string_view name : {"--kernel", "--input", "--bias"}) {
    int given = 0;
    for (std::size_t i = 1; i < args.size(); ++i) {
      const std::string_view arg = args[i];
      if (arg == "--") break;  // what follows is an argument, not an option
      if (arg == name || (arg.size() > name.size() && arg.substr(0, name.size()) == name &&
                          arg[name.size()] == '='))
        ++given;
    }
    if (given > 1)
      throw convt::Error({convt::MsgId::kErrRepeated, {{"option", std::string(name)}}});
  }
}

/// Every name of every option of `command`, as typed: "-k", "--k", "--kernel-size", ...
std::vector<std::string> option_names(const CLI::App& command) {
  std::vector<std::string> names;
  for (const CLI::Option* option : command.get_options()) {
    for (const std::string& l : option->get_lnames()) names.push_back("--" + l);
    for (const std::string& s : option->get_snames()) names.push_back("-" + s);
  }
  return names;
}

/// Refuses what CLI11 left over (the parser allows extras so that they can be named here, before
/// any "--k is required"): the first unknown option, with the nearest real option of its
/// command when one is close (nearest_name.h), else the first unexpected argument. With
/// `near_misses_only`, only an unknown option that has a nearest real one (so that
/// `convt --k 3` asks for a subcommand, but `convt --versoin` suggests --version).
void check_leftovers(const CLI::App& app, bool near_misses_only = false) {
  std::vector<std::pair<const CLI::App*, std::string>> commands = {{&app, "convt"}};
  for (const CLI::App* sub : app.get_subcommands())
    commands.push_back({sub, "convt " + sub->get_name()});
  for (const auto& [command, name] : commands)
    for (const std::string& arg : command->remaining()) {
      if (arg.size() < 2 || arg[0] != '-') continue;
      const std::string option = arg.substr(0, arg.find('='));  // --formt=json
      if (std::optional<std::string> nearest =
              convt::cli::nearest_name(option, option_names(*command)))
        throw convt::Error({convt::MsgId::kErrUnknownOptionNearest,
                            {{"option", option}, {"command", name}, {"nearest", *nearest}}});
      if (near_misses_only) continue;
      throw convt::Error(
          {convt::MsgId::kErrUnknownOption, {{"option", option}, {"command", name}}});
    }
  if (near_misses_only) return;
  for (const auto& [command, name] : commands)
    for (const std::string& arg : command->remaining())
      throw convt::Error(
          {convt::MsgId::kErrUnexpectedArgument, {{"value", arg}, {"command", name}}});
}

/// `argv` with the help requests spelled the way CLI11 answers them: `convt` alone and
/// `convt help` become `convt --help` (the overview), `convt help COMMAND` becomes
/// `convt COMMAND --help`. Anything else is returned as it is. Not inlined: inlined into
/// run_cli, GCC 12 misreads its vector (a false -Wfree-nonheap-object).
[[gnu::noinline]] std::vector<const char*> help_spelled_out(int argc, char** argv) {
  std::vector<const char*> args(argv, argv + argc);
  if (args.empty()) args.push_back("convt");
  if (args.size() == 1) return {args[0], "--help"};
  if (std::string_view(args[1]) != "help") return args;
  if (args.size() == 2) return {args[0], "--help"};
  if (args.size() == 3) return {args[0], args[2], "--help"};
  throw convt::Error({convt::MsgId::kErrUnexpectedArgument,
                      {{"value", std::string(args[3])}, {"command", "convt"}}});
}

}  // namespace

int convt::run_cli(int argc, char** argv, std::string& out, std::string& err, CliFiles* files) {
  using namespace convt::cli;
  auto fail = [&err](const std::string& message) {
    err += "convt: " + one_line(message) + "\n";
    return 2;
  };
  const Environment env = probe_environment();
  // Errors before --lang is parsed are in the environment's language; later ones in --lang's.
  convt::Lang lang = env.lang;
  std::vector<const char*> args;
  try {
    args = help_spelled_out(argc, argv);
  } catch (const convt::Error& e) {
    return fail(convt::resolve(e.message(), lang));
  }
  argc = static_cast<int>(args.size());
  // Named, so that usage lines say "convt" whatever path it was started by (not argv[0]).
  CLI::App app{"convt: transposed convolution, explained step by step", "convt"};
  // Unknown options and stray arguments are left over and named by check_leftovers, before
  // CLI11 would report a missing required option.
  app.allow_extras();
  // Two lines: "convt 0.1.0", then "License: MIT" (first line alone for scripts: head -n 1).
  app.set_version_flag("--version",
                       std::string("convt ") + convt::kVersion + "\nLicense: " + convt::kLicense);
  app.footer(std::string(kExitStatus) + "\n" + kExplainExamples);
  app.require_subcommand(1);
  // Declaring the options of every subcommand is a fifth of a classroom run's work, so a run
  // that names its subcommand first declares only that one; --help without one, --man and
  // --completion see them all.
  const std::string first = args[1];
  const bool known = first == "explain" || first == "shape" || first == "solve" ||
                     first == "chain" || first == "quiz";
  auto wanted = [&](const char* command) { return !known || first == command; };
  ExplainOptions explain;
  if (wanted("explain")) setup_explain(app, explain);
  ShapeCommandOptions shape;
  if (wanted("shape")) setup_shape(app, shape);
  SolveCommandOptions solve;
  if (wanted("solve")) setup_solve(app, solve);
  ChainCommandOptions chain;
  if (wanted("chain")) setup_chain(app, chain);
  QuizCommandOptions quiz;
  if (wanted("quiz")) setup_quiz(app, quiz);

  // Hidden, for the build: `--man` and `--completion bash|zsh` print documents read from `app`.
  try {
    if (std::optional<std::string> doc = generated_document(app, argc, args.data())) {
      out = std::move(*doc);
      return 0;
    }
  } catch (const convt::Error& e) {
    return fail(convt::resolve(e.message(), lang));
  }

  if (first.empty() || (first[0] != '-' && !known))
    return fail(
        convt::resolve({convt::MsgId::kErrUnknownSubcommand,
                        {{"value", first}, {"valid", "explain, shape, solve, chain, quiz"}}},
                       lang));
  // CLI11 prints --help and --version itself; collect what it prints.
  auto cli_exit = [&](const CLI::Error& e) {
    std::ostringstream cli_out, cli_err;
    const int status = app.exit(e, cli_out, cli_err);
    out += cli_out.str();
    err += cli_err.str();
    return status;
  };
  try {
    app.parse(argc, args.data());
    check_leftovers(app);
  } catch (const convt::Error& e) {
    return fail(convt::resolve(e.message(), lang));
  } catch (const CLI::CallForHelp& e) {
    return cli_exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return cli_exit(e);
  } catch (const CLI::CallForVersion& e) {
    return cli_exit(e);
  } catch (const CLI::ParseError& e) {
    const bool no_subcommand = app.get_subcommands().empty() && e.get_name() == "RequiredError" &&
                               std::string(e.what()).find("subcommand") != std::string::npos;
    try {
      check_leftovers(app, no_subcommand);  // an unknown option explains the error after it
    } catch (const convt::Error& leftover) {
      return fail(convt::resolve(leftover.message(), lang));
    }
    if (no_subcommand) return fail(convt::resolve({convt::MsgId::kErrMissingSubcommand, {}}, lang));
    return fail(parse_error_text(e, lang));
  }
  try {
    // require_subcommand(1): exactly one was parsed (only it may be declared, see above).
    const std::string chosen = app.get_subcommands().front()->get_name();
    lang = choose_lang(chosen == "shape"   ? shape.output.lang
                       : chosen == "solve" ? solve.output.lang
                       : chosen == "chain" ? chain.output.lang
                       : chosen == "quiz"  ? quiz.lang
                                           : explain.lang,
                       env);
    check_given_options(app);
    if (chosen == "explain") check_lists_given_once(args);
    if (chosen == "quiz") {  // exit 1 when --answers graded a wrong answer
      QuizRun run = run_quiz(quiz, env);
      out = std::move(run.out);
      return run.status;
    }
    out = chosen == "shape"   ? run_shape(shape, env)
          : chosen == "solve" ? run_solve(solve, env)
          : chosen == "chain" ? run_chain(chain, env)
                              : run_explain(explain, env, files);
    return 0;
  } catch (const convt::Error& e) {
    return fail(convt::resolve(e.message(), lang));
  } catch (const std::bad_alloc&) {
    return fail(convt::resolve({convt::MsgId::kErrOutOfMemory, {}}, lang));
  }
}

int convt::write_cli_files(const CliFiles& files, std::string& out, std::string& err) {
  if (files.figures.empty()) return 0;
  try {
    convt::write_figures(files.dir, files.figures);
  } catch (const convt::Error& e) {
    out.clear();
    err = "convt: " + one_line(convt::resolve(e.message(), files.lang)) + "\n";
    return 1;  // the output could not be written
  }
  return 0;
}
