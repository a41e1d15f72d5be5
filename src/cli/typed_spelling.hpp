#pragma once
// Messages in the words the user typed. The library names inputs by id and the CLI
// rewrites them as flags (spelling.hpp); this goes one step further, to the spelling
// on the command line: `--duration 5d` gets "--duration: ...", not "--duration-h: ...",
// and a CLI-only option's id (pilot_tokens, interval_ms) becomes its flag (--pilot-tokens).

#include <CLI/CLI.hpp>

#include <string>
#include <string_view>

namespace trainprint::cli {

/// Records the flags of `app` (every subcommand) and how argv spells the scenario
/// flags (an alias such as --duration, --power, --price). Call once before parsing.
void remember_typed(const CLI::App& app, int argc, char** argv);

/// `message` with each canonical flag the user typed under another spelling written as
/// typed, and each snake_case id of a CLI option written as its flag.
[[nodiscard]] std::string as_typed(std::string_view message);

/// A library message (an error's text, a note) as the command line shows it: its inputs
/// as flags (spell_inputs(), spelling::cli), spelt as typed (as_typed()).
[[nodiscard]] std::string for_cli(std::string_view message);

}  // namespace trainprint::cli
