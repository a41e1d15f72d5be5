#pragma once
/// \file compare.hpp
/// One scenario across several values of one input ("512 H100s in Iowa or in
/// Finland?"), ranked best first, and the setter that reads an input from text
/// exactly as the CLI does.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "catalog.hpp"
#include "estimate.hpp"
#include "scenario.hpp"

namespace trainprint::inline v0 {

/// The scenario input names, as in the scenario JSON (and the CLI flags in kebab-case).
const std::vector<std::string>& input_names();

/// The canonical input name for a key as people spell it: kebab- or snake-case,
/// and the CLI's flag names ("gpu-hours", "accelerator_hours" → "gpu_hours",
/// "duration" → "duration_h", "power" → "power_w"). Unknown keys come back as given
/// (with '-' turned into '_').
std::string canonical_input_name(std::string_view key);

/// Sets input `key` of `s` from text as a person types it: numbers with SI
/// suffixes (params, tokens, flops, gpu_hours, count, ...), ratios as 0.4 or 40%
/// (mfu, power_fraction, cfe), durations as 30d (duration_h), ids (hardware,
/// region, provider), enums (precision, boundary), a mix (coal=0.3,gas=0.7),
/// booleans (recompute, embodied: true|false). Throws unit_error for text that
/// does not parse and input_error for an unknown key.
void set_input(scenario& s, std::string_view key, std::string_view text);

/// True for an input that changes the accounting, not the run: what is counted
/// (boundary, convention, energy_boundary, embodied, lifetime_years), whose scope
/// it falls in (ownership) or market- against location-based (cfe). A comparison
/// across such an input never says one option "saves" anything: it counts more or
/// less. `key` as canonical_input_name() reads it.
bool is_accounting_input(std::string_view key);

/// What a comparison ranks by.
enum class rank_by { energy, emissions, water, cost, time };
/// "energy", "emissions", "water", "cost", "time".
std::string_view to_string(rank_by r);
/// Parses a rank name; throws input_error naming the choices.
rank_by parse_rank_by(std::string_view s);

/// One option of a comparison.
struct comparison_row {
  std::string value;  ///< the varied input's value, as given
  estimate result;
  std::optional<double> metric;  ///< the ranked quantity (kWh, kg CO2e, L, USD or h)
  std::optional<double> delta_to_best;  ///< metric − best metric; nullopt when unknown
  /// Why this option could not be estimated (the error's message); then `result` is
  /// empty, every number of the row is unknown and the row ranks last.
  std::optional<std::string> error;
};

/// A ranked comparison (JSON schema `trainprint.compare/1`).
struct comparison {
  std::string key;
  trainprint::rank_by rank_by = rank_by::emissions;
  std::vector<comparison_row> rows;  ///< best first; rows with an unknown metric last
};

/// The metric a row is ranked by: energy = facility kWh, emissions = total kg CO2e
/// (location-based when embodied is unknown), water = total L, cost = USD: for a
/// rented (cloud) run its compute cost alone, whose rental price already pays for the
/// electricity (unknown when that price is), for an owned run electricity + compute
/// (the price of owning per accelerator-hour), unknown when either is (never the
/// electricity alone; docs/methodology.md §3.3), time = wall hours.
std::optional<double> rank_metric(const estimate& e, rank_by r);

/// Estimates `base` once for each of `values` of input `key` (set with set_input())
/// and ranks the results. `base` is one source: a region compared over it keeps its
/// given intensity; to lay options over a preset or a scenario file, whose site
/// inputs a compared region replaces, pass a layered_scenario. A value whose text does not parse, or that names an id the
/// catalog lacks, throws (its message names the input). An option that parses but
/// cannot be estimated (an input missing or contradictory for it) becomes a row with
/// `error` set, ranked last; when no option can be estimated the first one's error
/// is thrown.
comparison compare(const scenario& base, std::string_view key, const std::vector<std::string>& values,
                   const catalog& cat = catalog::embedded(), rank_by by = rank_by::emissions);
/// compare() with ranges: each row's estimate carries its uncertainty block, and its
/// numbers, the ranking and the differences to the best are the Monte Carlo medians.
/// Throws input_error for options out of range.
comparison compare(const scenario& base, std::string_view key, const std::vector<std::string>& values,
                   const catalog& cat, rank_by by, const uncertainty_options& options);

/// A scenario as its sources give it: `earlier` (a preset, then a scenario file,
/// merged) and `typed`, the inputs as typed (CLI flags, the page's fields: pairs of
/// name and text, read by scenario_from_text()), which override `earlier` by merge().
struct typed_scenario {
  scenario earlier;
  std::vector<std::pair<std::string, std::string>> typed;
};

/// The scenario of one option: `s` with input `key` typed as `value` (replacing a
/// typed value of the same input), i.e. merge(earlier, scenario_from_text(typed)):
/// exactly what `estimate` gets with `--key value` added to the same flags, so a
/// region compared over a preset replaces the preset's site inputs (merge()) while
/// a typed --pue stays.
[[nodiscard]] scenario with_typed_input(const typed_scenario& s, std::string_view key, std::string_view value);

/// A scenario in two sources, for options laid over it (compare(), sweep()):
/// `earlier` (a preset, then a scenario file or the C API's scenario JSON, merged)
/// and `given` (the inputs given with the call, read as one source: the CLI's flags
/// by scenario_from_text(), Python's keywords). An option's value is set into
/// `given` by set_input() and the option is merge(earlier, given), the one rule of
/// which input wins: a region varied over a preset replaces the preset's site inputs
/// (its published intensity and PUE), while a given --pue or --intensity stays.
struct layered_scenario {
  scenario earlier;
  scenario given;
};

/// The scenario of one option: merge(s.earlier, s.given with input `key` set to
/// `value` by set_input()). Throws set_input()'s errors.
[[nodiscard]] scenario with_input(const layered_scenario& s, std::string_view key, std::string_view value);

/// compare() over a layered scenario: each option's scenario is with_input(s, key,
/// value). Errors as compare().
comparison compare(const layered_scenario& s, std::string_view key, const std::vector<std::string>& values,
                   const catalog& cat = catalog::embedded(), rank_by by = rank_by::emissions);

/// compare() over a scenario and its typed inputs: each option's scenario is
/// with_typed_input(s, key, value). Errors as compare(); `options` non-null adds
/// the Monte Carlo intervals as compare() with ranges does.
comparison compare(const typed_scenario& s, std::string_view key, const std::vector<std::string>& values,
                   const catalog& cat, rank_by by, const uncertainty_options* options = nullptr);

}  // namespace trainprint::inline v0
