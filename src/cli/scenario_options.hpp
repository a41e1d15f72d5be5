#pragma once
// Scenario flags shared by estimate, compare, sweep and report: each flag is kept
// as text so the library's parsers (SI suffixes, durations, ratios) read it and
// name the flag in their errors.

#include <CLI/CLI.hpp>

#include <array>
#include <exception>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "trainprint/catalog.hpp"
#include "trainprint/compare.hpp"
#include "trainprint/inputs.hpp"
#include "trainprint/scenario.hpp"
#include "trainprint/sweep.hpp"

namespace trainprint::cli {

/// The scenario flags as typed, one per row of trainprint::scenario_inputs (the two flag
/// inputs, --recompute and --no-embodied, in their own bools).
struct scenario_options {
  std::array<std::optional<std::string>, scenario_inputs.size()> values;  ///< by row of `inputs`
  bool recompute = false;
  bool no_embodied = false;
  std::optional<std::string> preset, scenario_file;
};

/// Adds every scenario flag to `app`.
void add_scenario_options(CLI::App& app, scenario_options& o);

/// The scenario the flags describe: the preset, then the scenario file, then the
/// flags, each overriding the one before (merge(): a workload or site input
/// replaces the earlier source's workload or site as a whole; a typed workload that
/// would leave part of the file's behind is refused: to_typed_scenario()).
scenario to_scenario(const scenario_options& o, const catalog& cat);

/// The same, with the flags kept as typed (for compare and report, whose --across
/// value is read as one more flag: with_typed_input()). `axes` are the --across or --vary
/// axes (`axis_flag`: "across" or "vary"), typed as flags are.
/// A workload typed over the scenario file's (a flag, or an axis key) must give every input
/// of the file's workload or none of them, since it replaces that workload as a whole
/// (merge()): otherwise an input_error names the typed input and the file's keys left over.
typed_scenario to_typed_scenario(const scenario_options& o, const catalog& cat, std::span<const sweep_axis> axes = {},
                                 std::string_view axis_flag = {});

/// The flags of a comparison, shared by compare and report: the scenario, the input
/// it varies and what ranks the options.
struct across_options {
  scenario_options scenario;
  std::string across;  ///< KEY=V1,V2,…
  std::string sort = "emissions";
};

/// The scenario flags, --across KEY=V1,V2,… (required) and --sort; `example` is the
/// --across example shown in --help.
void add_across_options(CLI::App& app, across_options& o, const std::string& example);

/// A comparison's inputs read from its flags: the axis first, then the scenario.
struct across_inputs {
  sweep_axis axis;
  typed_scenario base;
  rank_by sort;
};
across_inputs to_across(const across_options& o, const catalog& cat);
/// compare() of `in` (what compare and report run), an error of its first row as
/// rethrow_first_row() names it when no row can be estimated.
comparison compare_across(const across_inputs& in, const catalog& cat, rank_by by, const uncertainty_options* u);
/// parse_axis() of `--across` or `--vary` (`what`); an unknown key's error also lists the
/// keys, the inputs' flags without their "--".
sweep_axis parse_cli_axis(std::string_view text, std::string_view what);
/// The first error of a sweep or comparison none of whose rows could be estimated, `x` (the
/// row of `values`): an input error about an axis's input names the axis and its first value
/// (`--vary mfu=0`), not a flag the user never typed. Other errors are rethrown as they are.
[[noreturn]] void rethrow_first_row(std::exception_ptr x, std::span<const sweep_axis> axes,
                                    std::span<const std::string> values, std::string_view what);

/// Every row's notes and error as the command line shows them (typed_spelling.hpp: for_cli).
void spell_for_cli(comparison& c);

/// Global options (before the subcommand).
struct global_options {
  std::vector<std::string> data_files;
};

/// The catalog with the --data overlays applied.
const catalog& load_catalog(const global_options& g);

}  // namespace trainprint::cli
