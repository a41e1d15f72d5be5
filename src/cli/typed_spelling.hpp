#pragma once
// Messages in the words the user typed. The library names inputs by id and the CLI
// rewrites them as flags (spelling.hpp); this goes one step further, to the spelling
// on the command line: `--duration 5d` gets "--duration: ...", not "--duration-h: ...",
// and a CLI-only option's id (pilot_tokens, interval_ms) becomes its flag (--pilot-tokens).

#include <CLI/CLI.hpp>

#include <map>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace trainprint::cli {

/// Records the flags of `app` (every subcommand) and how argv spells the scenario
/// flags (an alias such as --duration, --power, --price). Call once before parsing.
void remember_typed(const CLI::App& app, int argc, char** argv);

/// Records that the scenario file `path` gave the inputs in `keys` (each input's
/// canonical name -> the key as the file spells it, an alias such as "duration" kept).
/// Call after remember_typed(), once per scenario file read.
void remember_file_inputs(std::string_view path, std::vector<std::pair<std::string, std::string>> keys);

/// Records that reading the scenario file remembered last threw: the error is about the
/// file, whatever flags were typed.
void remember_file_refused();

/// `message` (JSON spelling: spell_inputs(), spelling::json) with each input id that
/// `keys` maps (input name -> the key or column as a file spells it) written as that
/// key, as a whole word; the user's quoted text is left as it is.
[[nodiscard]] std::string with_keys(std::string_view message,
                                    const std::map<std::string, std::string, std::less<>>& keys);

/// `message` with each canonical flag the user typed under another spelling written as
/// typed, and each snake_case id of a CLI option written as its flag.
[[nodiscard]] std::string as_typed(std::string_view message);

/// A library message (an error's text, a note) as the command line shows it: its inputs
/// as flags (spell_inputs(), spelling::cli), spelt as typed (as_typed()). An input or unit
/// error about an input that only the scenario file gave (no flag, --across or --vary key
/// named it) names the file and the key as the file spells it, and its other inputs as
/// JSON keys: "[trainprint.input] run.json: power_w: got ...".
[[nodiscard]] std::string for_cli(std::string_view message);

}  // namespace trainprint::cli
