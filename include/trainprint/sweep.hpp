#pragma once
/// \file sweep.hpp
/// Sweeps: one scenario over the cartesian product of several inputs' values
/// ("every count from 64 to 4096 in three regions"). Rows stream to a callback,
/// so a million combinations never hold a million estimates in memory.
///
/// \code
/// std::vector<trainprint::sweep_axis> axes{trainprint::parse_axis("count=64,512"),
///                                          trainprint::parse_axis("region=FR,PL")};
/// trainprint::sweep(base, axes, [](const trainprint::sweep_row& r) {
///   fmt::print("{} {} {:.0f} kWh\n", r.values[0], r.values[1], r.result.energy_facility.in_kwh());
/// });
/// \endcode
///
/// sweep_numbers() is the fast path for callers that keep only the numbers (CSV,
/// JSON lines, a plot): no estimate per row, each value parsed once, the catalog
/// consulted only when an input that needs it turns (10^6 rows to CSV in well
/// under a second; bench/RESULTS.md).
///
/// \code
/// // sweep_csv_header and sweep_csv_writer are in render.hpp
/// std::string csv = trainprint::sweep_csv_header(axes) + "\n";
/// trainprint::sweep_csv_writer w;
/// trainprint::sweep_numbers(base, axes, [&](const trainprint::sweep_numbers_row& r) { w.append(csv, r); csv += '\n'; });
/// \endcode

#include <array>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "catalog.hpp"
#include "compare.hpp"
#include "estimate.hpp"
#include "estimator.hpp"
#include "scenario.hpp"

namespace trainprint::inline v0 {

/// One input and the values it takes, as text (read by set_input).
struct sweep_axis {
  std::string key;                  ///< the input's name as given ("region", "count", "gpu-hours")
  std::vector<std::string> values;  ///< at least one
};

/// Parses `KEY=V1,V2,…` (for the key `mix`, whose values contain commas, the
/// values are separated by `;`). `what` names the flag in errors ("across",
/// "vary"). Checks that the key is a scenario input and every value parses;
/// throws input_error or unit_error.
sweep_axis parse_axis(std::string_view text, std::string_view what = "vary");

/// The most combinations a sweep runs.
inline constexpr std::uint64_t max_sweep_combinations = 1'000'000'000;

/// The number of combinations; throws input_error ("vary") for no axes, a key
/// given twice, or more than max_sweep_combinations.
std::uint64_t sweep_size(std::span<const sweep_axis> axes);

/// One combination and its estimate; valid only during the callback.
struct sweep_row {
  std::uint64_t index = 0;                ///< 0-based, in output order
  std::span<const std::string> values;    ///< one per axis, in axis order
  const estimate& result;
};

/// Called once per combination, in order: the first axis varies slowest.
using sweep_callback = std::function<void(const sweep_row&)>;

/// Estimates `base` with every combination of the axes' values and passes each
/// to `on_row`. Before the first row, each value is tried once (with the other
/// axes at their first value), so an unknown id or a bad number fails before any
/// row is produced. Throws the first error; rows already passed stay passed.
/// With `trace_level::none` the rows' estimates carry no trace (a callback that
/// keeps only the numbers, such as CSV or JSON lines, runs several times faster).
/// `base` is one source: a region swept over it keeps its given intensity (as
/// set_input() does); to sweep over a preset or a scenario file, pass a
/// layered_scenario.
void sweep(const scenario& base, std::span<const sweep_axis> axes, const sweep_callback& on_row,
           const catalog& cat = catalog::embedded(), trace_level level = trace_level::full);

/// sweep() over a layered scenario: each row is merge(base.earlier, base.given with
/// the row's values set by set_input()), as compare() over a layered_scenario gives
/// each option, so a region swept over a preset replaces the preset's site inputs
/// (its published intensity and PUE; docs/inputs.md "Which input wins").
void sweep(const layered_scenario& base, std::span<const sweep_axis> axes, const sweep_callback& on_row,
           const catalog& cat = catalog::embedded(), trace_level level = trace_level::full);

/// sweep() with the Monte Carlo for every row at `options` (samples, seed, threads), as
/// compare() with ranges: each row's estimate carries its uncertainty block and its
/// numbers are the medians; the values tried before the first row, and the check that
/// leaves out impossible samples (or refuses a row with too few possible ones), use the
/// same options. Throws input_error for options out of range (validate()), then sweep()'s
/// errors.
void sweep(const scenario& base, std::span<const sweep_axis> axes, const sweep_callback& on_row, const catalog& cat,
           const uncertainty_options& options);
/// sweep() with ranges over a layered scenario.
void sweep(const layered_scenario& base, std::span<const sweep_axis> axes, const sweep_callback& on_row,
           const catalog& cat, const uncertainty_options& options);

/// One combination's numbers (sweep_numbers()); valid only during the callback.
struct sweep_numbers_row {
  std::uint64_t index = 0;                  ///< 0-based, in output order
  std::span<const std::string> values;      ///< one per axis, in axis order, as given
  std::span<const std::size_t> positions;   ///< per axis, the index of its value in sweep_axis::values
  const model_inputs& inputs;               ///< the resolved inputs, as resolve_inputs() gives them
  const model_outputs& outputs;             ///< evaluate(inputs); every number is finite

  /// Training FLOPs as the estimate has them: on the flops path only.
  [[nodiscard]] std::optional<double> flops() const {
    if (inputs.path == model_inputs::workload_path::flops) return inputs.flops;
    return std::nullopt;
  }
};

/// Called once per combination by sweep_numbers(), in order.
using sweep_numbers_callback = std::function<void(const sweep_numbers_row&)>;

/// sweep() without an estimate per row: the same combinations in the same order,
/// the same numbers (each row's inputs and outputs are exactly those of the
/// estimate sweep() would pass), and the same errors before and during the rows.
/// Each value is parsed once; an input that only sets one model input (pue, mfu,
/// wue, intensity, ewif, cfe, lifetime_years, price_usd_per_kwh, hourly_price_usd)
/// is patched into the resolved inputs, so the catalog is consulted only when
/// another axis turns.
void sweep_numbers(const scenario& base, std::span<const sweep_axis> axes, const sweep_numbers_callback& on_row,
                   const catalog& cat = catalog::embedded());
/// sweep_numbers() over a layered scenario: the rows of sweep() over it.
void sweep_numbers(const layered_scenario& base, std::span<const sweep_axis> axes,
                   const sweep_numbers_callback& on_row, const catalog& cat = catalog::embedded());
/// The numbers of sweep() with ranges at `options`: every row's are the Monte Carlo
/// medians at those options (no fast path). Errors as that sweep().
void sweep_numbers(const scenario& base, std::span<const sweep_axis> axes, const sweep_numbers_callback& on_row,
                   const catalog& cat, const uncertainty_options& options);
/// The same over a layered scenario.
void sweep_numbers(const layered_scenario& base, std::span<const sweep_axis> axes,
                   const sweep_numbers_callback& on_row, const catalog& cat, const uncertainty_options& options);

/// The number of headline outputs (output_table's headline rows).
inline constexpr std::size_t sweep_headline_count = headline_count();

/// A row's headline outputs in the order of headline_columns(), each equal to what
/// that column reads from the row's estimate (nullopt when unknown).
std::array<std::optional<double>, sweep_headline_count> headline_values(const sweep_numbers_row& row);

}  // namespace trainprint::inline v0
