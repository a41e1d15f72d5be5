// trainprint — the command-line tool. Each subcommand parses its flags, calls one
// library function and prints. Exit codes: 0 ok, 1 bad input or data, 2 usage.
// On failure nothing goes to stdout.

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <optional>
#include <string>

#include "command.hpp"
#include "run.hpp"
#include "typed_spelling.hpp"
#include "trainprint/catalog.hpp"
#include "trainprint/error.hpp"
#include "trainprint/inventory.hpp"
#include "trainprint/measure.hpp"
#include "trainprint/spelling.hpp"
#include "trainprint/version.hpp"

namespace {

/// The deepest subcommand that was parsed (the app itself if none).
const CLI::App* parsed_leaf(const CLI::App& app) {
  const CLI::App* sub = &app;
  for (bool found = true; found;) {
    found = false;
    for (const auto* s : sub->get_subcommands())
      if (s->parsed()) {
        sub = s;
        found = true;
        break;
      }
  }
  return sub;
}

/// "did you mean" for a flag or subcommand CLI11 did not expect.
std::string suggest(const CLI::App& app, int argc, char** argv) {
  const CLI::App* sub = parsed_leaf(app);
  std::vector<std::string> names;
  for (const CLI::App* a = sub; a; a = a->get_parent())
    for (const auto* opt : a->get_options())
      for (const auto& n : opt->get_lnames()) names.push_back("--" + n);
  std::vector<std::string> commands;
  for (const auto* s : sub->get_subcommands({})) commands.push_back(s->get_name());
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--") break;  // what follows is not an option
    if (a.rfind("--", 0) == 0) {
      a = a.substr(0, a.find('='));
      if (std::find(names.begin(), names.end(), a) != names.end()) continue;
      // The other command's axis flag: say which flag this command takes, not the nearest spelling.
      const std::string& cmd = sub->get_name();
      const std::string typed = argv[i];
      const std::string value = typed.find('=') != std::string::npos ? typed.substr(typed.find('=') + 1)
                                : i + 1 < argc                      ? std::string(argv[i + 1])
                                                                    : std::string("KEY=V1,V2,…");
      if (a == "--vary" && (cmd == "compare" || cmd == "report"))
        return "; " + cmd + " takes --across " + value + " (one input); --vary is sweep's";
      if (a == "--across" && cmd == "sweep")
        return "; sweep takes --vary " + value + " (repeatable); --across is compare's and report's";
      auto close = trainprint::closest_ids(a, names, 1);
      if (!close.empty()) return "; did you mean " + close[0] + "?";
    } else if (!commands.empty() && a.rfind('-', 0) != 0 &&
               std::find(commands.begin(), commands.end(), a) == commands.end()) {
      auto close = trainprint::closest_ids(a, commands, 1);
      if (!close.empty()) return "; did you mean " + close[0] + "?";
      return {};
    }
  }
  return {};
}

/// The word typed where the subcommand goes: the first argument that is not an option
/// or --data's value (or the one after "--"); nullopt when there is none.
std::optional<std::string> subcommand_word(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--") return i + 1 < argc ? std::optional<std::string>(argv[i + 1]) : std::nullopt;
    if (a == "--data") {
      ++i;
      continue;
    }
    if (a.rfind('-', 0) != 0) return a;
  }
  return std::nullopt;
}

/// "--params is given twice: 7B and 8B; give it once" for CLI11's "--params: At Most 1
/// required but received 2", with the values as typed (each with its spelling when
/// the option was given under two names); empty when `what` is no such message.
std::string given_twice(const CLI::App& app, std::string_view what, int argc, char** argv) {
  const auto colon = what.find(": At Most 1 required");
  if (colon == std::string_view::npos) return {};
  const std::string name(what.substr(0, colon));
  const CLI::Option* opt = nullptr;
  for (const CLI::App* a = parsed_leaf(app); a && !opt; a = a->get_parent()) opt = a->get_option_no_throw(name);
  if (!opt) return {};
  std::vector<std::string> spellings;
  for (const auto& n : opt->get_lnames()) spellings.push_back("--" + n);
  for (const auto& n : opt->get_snames()) spellings.push_back("-" + n);
  std::vector<std::pair<std::string, std::string>> given;  // spelling, value
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--") break;
    const auto eq = a.find('=');
    const std::string head = a.substr(0, eq);
    if (std::find(spellings.begin(), spellings.end(), head) == spellings.end()) continue;
    if (eq != std::string::npos)
      given.emplace_back(head, a.substr(eq + 1));
    else if (i + 1 < argc)
      given.emplace_back(head, argv[++i]);
  }
  if (given.size() < 2) return {};
  bool one_spelling = true;
  for (const auto& g : given) one_spelling = one_spelling && g.first == given[0].first;
  std::string values;
  for (std::size_t k = 0; k < given.size(); ++k) {
    values += k == 0 ? "" : k + 1 == given.size() ? " and " : ", ";
    values += one_spelling ? "'" + given[k].second + "'" : given[k].first + " '" + given[k].second + "'";
  }
  const std::string times = given.size() == 2 ? "twice" : std::to_string(given.size()) + " times";
  return given[0].first + " is given " + times + ": " + values + "; give it once";
}

/// Flags (--uncertainty, --explain, --recompute, ...) take no value: "--explain=0" or
/// "--uncertainty=3" is refused (flag_value_error()), not read as on or off.
void flags_take_no_value(CLI::App& app) {
  for (auto* opt : app.get_options())
    if (opt->get_expected_max() == 0) opt->disable_flag_override();
  for (auto* s : app.get_subcommands({})) flags_take_no_value(*s);
}

/// "--uncertainty takes no value: got '--uncertainty=3'; give --uncertainty alone" for
/// CLI11's "uncertainty was given a disallowed flag override"; empty when `what` is no such message.
std::string flag_value_error(std::string_view what, int argc, char** argv) {
  constexpr std::string_view tail = " was given a disallowed flag override";
  if (!what.ends_with(tail)) return {};
  std::string flag(what.substr(0, what.size() - tail.size()));
  if (!flag.starts_with("-")) flag = "--" + flag;
  std::string typed = flag + "=…";
  for (int i = 1; i < argc; ++i)
    if (std::string_view(argv[i]).starts_with(flag + "=")) typed = argv[i];
  return flag + " takes no value: got '" + typed + "'; give " + flag + " alone";
}

/// Lets global options follow every subcommand, at any depth.
void fallthrough_all(CLI::App& app) {
  for (auto* s : app.get_subcommands({})) {
    s->fallthrough();
    fallthrough_all(*s);
  }
}

/// Each line of a message, prefixed with "trainprint: ".
void print_error(std::string& err, std::string_view message, std::string_view suffix = {}) {
  std::string out;
  std::size_t start = 0;
  while (start <= message.size()) {
    const auto end = message.find('\n', start);
    const auto line = message.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    out += "trainprint: " + std::string(line);
    if (end == std::string_view::npos) break;
    out += "\n";
    start = end + 1;
  }
  // CLI11's messages echo arguments as typed: escape invalid UTF-8 as the library's do.
  err += trainprint::printable_utf8(out + std::string(suffix)) + "\n";
}

}  // namespace

int trainprint::cli::run_cli(int argc, char** argv, std::string& out, std::string& err, std::FILE* stream) {
  namespace cli = trainprint::cli;
  CLI::App app{"trainprint — energy, carbon and water of training ML models"};
  app.set_version_flag("--version", std::string("trainprint ") + trainprint::version);
  app.require_subcommand(1);
  cli::context ctx{{}, &out, stream};
  app.add_option("--data", ctx.global.data_files, "Overlay a catalog file on the embedded data (repeatable)");

  cli::add_estimate(app, ctx);
  cli::add_compare(app, ctx);
  cli::add_sweep(app, ctx);
  cli::add_report(app, ctx);
  cli::add_list(app, ctx);
  cli::add_show(app, ctx);
  cli::add_validate(app, ctx);
  cli::add_data(app, ctx);
  cli::add_inventory(app, ctx);
  cli::add_measure(app, ctx);
  fallthrough_all(app);  // global options may follow any subcommand
  flags_take_no_value(app);
  cli::remember_typed(app, argc, argv);

  try {
    app.parse(argc, argv);  // the parsed subcommand's callback runs and writes `out`
  } catch (const CLI::CallForHelp&) {
    out = app.help();
    return 0;
  } catch (const CLI::CallForAllHelp&) {
    out = app.help("", CLI::AppFormatMode::All);
    return 0;
  } catch (const CLI::CallForVersion&) {
    out = app.version() + "\n";
    return 0;
  } catch (const CLI::ArgumentMismatch& e) {
    // One value given twice is bad input, not a usage slip: say which and both values.
    if (auto twice = given_twice(app, e.what(), argc, argv); !twice.empty()) {
      print_error(err, twice);
      return 1;
    }
    if (auto value = flag_value_error(e.what(), argc, argv); !value.empty()) {
      print_error(err, value);
      return 2;
    }
    print_error(err, e.what(), suggest(app, argc, argv));
    return 2;
  } catch (const CLI::ExtrasError& e) {
    print_error(err, e.what(), suggest(app, argc, argv));
    return 2;
  } catch (const CLI::ParseError& e) {
    // No subcommand, or an unknown one: also point to the list.
    const bool top = parsed_leaf(app) == &app;
    // An unknown subcommand is named as one (CLI11 says only that one is required).
    const auto word = top ? subcommand_word(argc, argv) : std::nullopt;
    print_error(err, word ? "unknown subcommand '" + *word + "'" : std::string(e.what()),
                suggest(app, argc, argv) + (top ? " (run 'trainprint --help' for the list of subcommands)" : ""));
    return 2;
  } catch (const trainprint::measure_error& e) {
    print_error(err, e.what());  // about a file's columns and lines, not the inputs: as it is
    return 1;
  } catch (const trainprint::inventory_error& e) {
    print_error(err, e.what());  // about a runs file's rows: its columns as the file spells them (inventory.cpp)
    return 1;
  } catch (const trainprint::data_error& e) {
    print_error(err, e.what());  // about a data or scenario file's keys: as the file spells them
    return 1;
  } catch (const trainprint::error& e) {
    // Inputs as flags (spelling.hpp), spelt as typed (typed_spelling.hpp).
    print_error(err, cli::for_cli(e.what()));
    return 1;
  } catch (const std::exception& e) {
    print_error(err, std::string("internal error: ") + e.what());
    return 1;
  }
  return 0;
}

#ifndef TRAINPRINT_CLI_NO_MAIN
int main(int argc, char** argv) {
  std::string out, err;
  const int code = trainprint::cli::run_cli(argc, argv, out, err, stdout);
  if (code != 0) out.clear();  // on failure nothing goes to stdout
  std::fwrite(err.data(), 1, err.size(), stderr);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return std::fflush(stdout) == 0 ? code : 1;
}
#endif
