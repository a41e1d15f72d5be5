#pragma once
/// \file validate.hpp
/// Validation against published training runs: for every preset with reported
/// outputs, two estimates compared with what the source reported.
///  - reproduce: the preset's scenario, i.e. every input the source published (its
///    accelerator-hours, power per chip, PUE, intensity and boundary). It checks the
///    arithmetic: it lands within `reproduce_tolerance` wherever the source's own
///    arithmetic is consistent.
///  - predict: only what is known before a run (params and tokens, or FLOPs; the
///    hardware, the count and the place), everything else from trainprint's defaults.
///    It measures how far to trust an estimate made before the run.
/// docs/methodology.md sec. 6 describes both modes and prints the table.
///
/// \code
/// auto r = trainprint::validate_presets();
/// fmt::print("predict energy MAE {:.0f}%\n", 100 * *r.predict.energy_mae);
/// \endcode

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "catalog.hpp"
#include "scenario.hpp"

namespace trainprint::inline v0 {

/// The reproduce mode must land within this fraction of what the source reported.
inline constexpr double reproduce_tolerance = 0.02;

/// How the source counted power: the compared quantity, kept in both modes.
enum class power_basis {
  tdp,                    ///< accelerator-hours × TDP (a convention, not a measurement)
  measured_system,        ///< measured average power per accelerator, host included
  measured_accelerators,  ///< measured accelerator power only
};
/// "tdp" | "measured_system" | "measured_accelerators".
std::string_view to_string(power_basis b) noexcept;

/// One mode's estimate of one preset, with signed errors (estimate / published − 1).
struct validation_result {
  std::optional<double> energy_mwh;          ///< on the source's boundary (with PUE if it had it)
  std::optional<double> emissions_t_co2e;    ///< location-based operational, same boundary
  std::optional<double> energy_error;        ///< signed fraction; nullopt if either side is unknown
  std::optional<double> emissions_error;
  std::optional<double> mfu;                 ///< the MFU the estimate used (nullopt: hours given)
  std::optional<double> energy_p5_mwh, energy_p95_mwh;  ///< 90% interval (held-out mode only)
  std::optional<bool> covered;               ///< the reference energy lies in the 90% interval
  std::string note;                          ///< why a value is missing or off
};

/// One preset: what the source reported and the two estimates.
struct validation_row {
  std::string id, name;
  std::string boundary;                      ///< the source's boundary, as it says it
  power_basis basis = power_basis::tdp;
  bool includes_pue = false;
  std::optional<double> published_energy_mwh;
  std::optional<double> published_emissions_t_co2e;
  bool reproducible = true;                  ///< false where the source's inputs are not all published
  std::string organisation;                  ///< who trained it: the unit left out in held-out mode
  std::string family;                        ///< the accelerator's family ("hopper", "tpu-v3", ...)
  std::optional<double> active_params;       ///< parameters active per token, when published
  bool moe = false;                          ///< fewer active than total parameters
  bool in_fit = false;                       ///< enters the MFU fit (data/presets.json calibration.use)
  /// The energy the errors are measured against, on the source's boundary: the published
  /// energy, else the energy of the source's own inputs (reproduce mode), e.g. its
  /// accelerator-hours at TDP when it published only hours or emissions.
  std::optional<double> reference_energy_mwh;
  bool reference_published = false;          ///< the reference is a published energy
  validation_result reproduce;
  validation_result predict;                 ///< the shipped MFU model (in sample for runs in the fit)
  validation_result held_out;                ///< the model fitted without this organisation's runs, with its interval
  std::optional<scenario> predict_scenario;  ///< the scenario predict mode ran (nullopt: no predict view)
  std::string notes;                         ///< the preset's reported notes
};

/// Median absolute errors of one mode and how many presets each rests on.
struct validation_summary {
  std::optional<double> energy_mae, emissions_mae;  ///< median |signed error|
  std::optional<double> energy_p90;          ///< 90th percentile of |energy error|
  int energy_n = 0, emissions_n = 0;
  int within_tolerance = 0;                  ///< rows whose every compared value is within reproduce_tolerance
  std::optional<double> coverage;            ///< share of rows whose reference lies in the 90% interval
  int coverage_n = 0;
};

/// Held-out error and coverage of one group of runs ("family" = "hopper", ...).
struct validation_group {
  std::string dimension, value;
  validation_summary summary;
};

/// Every preset with reported outputs, in catalog order, and the summaries.
struct validation_report {
  std::vector<validation_row> rows;
  validation_summary reproduce, predict, held_out;
  std::vector<validation_group> breakdown;   ///< held-out by family, size, dense/MoE and measured/TDP power
  int organisations = 0;                     ///< distinct organisations among the rows
};

/// Monte Carlo samples per run for the held-out intervals.
inline constexpr std::uint64_t validation_samples = 2000;

/// The predict-mode scenario of a preset: its predict view (from data/presets.json)
/// with the source's accounting convention (boundary, TDP or measured power, PUE
/// in or out) and nothing else; nullopt where the preset has no predict view.
std::optional<scenario> predict_scenario(const preset& p);

/// Runs both modes for every preset of `cat` with reported outputs. Throws only
/// for a catalog whose preset scenarios do not estimate (a data error).
validation_report validate_presets(const catalog& cat = catalog::embedded());

}  // namespace trainprint::inline v0
