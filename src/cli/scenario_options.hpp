#pragma once
// Scenario flags shared by estimate, compare, sweep and report: each flag is kept
// as text so the library's parsers (SI suffixes, durations, ratios) read it and
// name the flag in their errors.

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

#include "trainprint/catalog.hpp"
#include "trainprint/scenario.hpp"
#include "trainprint/uncertainty.hpp"

namespace trainprint::cli {

struct scenario_options {
  std::optional<std::string> params, active_params, tokens, flops, layers, d_model, seq_len, gpu_hours, duration;
  bool recompute = false;
  std::optional<std::string> hardware, count, precision, mfu, power_fraction, power, boundary, host_power;
  std::optional<std::string> region, provider, pue, wue, intensity, mix, ewif, cfe;
  bool no_embodied = false;
  std::optional<std::string> lifetime, price, hourly_price;
  std::optional<std::string> preset, scenario_file;
};

/// Adds every scenario flag to `app`.
void add_scenario_options(CLI::App& app, scenario_options& o);

/// The scenario the flags describe: the preset, then the scenario file, then the
/// flags, each overriding the one before.
scenario to_scenario(const scenario_options& o, const catalog& cat);

/// The Monte Carlo options of --uncertainty, --samples, --seed and --threads (any of
/// them turns it on), or nullopt when none is given. Throws input_error for counts
/// out of range.
std::optional<uncertainty_options> uncertainty_options_of(bool on, const std::optional<std::string>& samples,
                                                          const std::optional<std::string>& seed,
                                                          const std::optional<std::string>& threads);

/// --across KEY=V1,V2,… (required) and --sort, shared by compare and report;
/// `example` is the --across example shown in --help.
void add_across_options(CLI::App& app, std::string& across, std::string& sort, const std::string& example);

/// Global options (before the subcommand).
struct global_options {
  std::vector<std::string> data_files;
};

/// The catalog with the --data overlays applied.
const catalog& load_catalog(const global_options& g);

}  // namespace trainprint::cli
