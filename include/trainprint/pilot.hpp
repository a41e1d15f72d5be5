#pragma once
/// \file pilot.hpp
/// Calibrating a run from a measured pilot (docs/methodology.md §7.3): the pilot's
/// MFU (model FLOPs done over its time and the accelerators' peak) and its mean power
/// per accelerator replace the fitted defaults, with ranges from the pilot's own
/// variability (mean power per tenth of the pilot) and, when the run uses another
/// number of accelerators than the pilot, the fitted MFU model's held-out spread.
///
///     auto m = trainprint::read_measurement_file("pilot.csv");
///     trainprint::pilot_info info;
///     info.tokens = 2e8;
///     auto c = trainprint::calibrate_from_pilot(run, m, info);
///     auto e = trainprint::make_estimate(c.run, catalog::embedded(), uncertainty_options{});

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "catalog.hpp"
#include "measure.hpp"
#include "scenario.hpp"

namespace trainprint::inline v0 {

/// How much of the run's work the pilot did, and on how many accelerators.
struct pilot_info {
  std::optional<double> tokens;           ///< tokens the pilot trained
  std::optional<double> steps;            ///< or optimizer steps, with tokens_per_step
  std::optional<double> tokens_per_step;
  std::optional<std::int64_t> count;      ///< accelerators in the pilot; default: the log's devices
  /// The pilot's wall time, hours: needed when its file states none (sacct without
  /// Elapsed); where the file states one, the two must agree within 1%.
  std::optional<double> hours;
};

/// What a pilot gives: the run's scenario calibrated, and the numbers behind it.
struct pilot_calibration {
  scenario run;                ///< the run with mfu (when the pilot's tokens are known), power_w and count set
  std::optional<double> mfu;   ///< the pilot's MFU against the reference peak
  double power_w = 0;          ///< the pilot's mean power per accelerator, W
  double power_low_w = 0, power_high_w = 0;  ///< lowest and highest tenth of the pilot
  double pilot_hours = 0;      ///< the pilot's wall time
  std::int64_t pilot_count = 0;
  std::optional<double> pilot_tokens, pilot_flops;
  /// The inputs of `run` the pilot set: "power_w", and "mfu" when the pilot's tokens
  /// (or steps) are known and the run's hours are not given. Without the pilot's tokens
  /// the MFU is not calibrated: the run's given hours, or its FLOPs at the fitted MFU,
  /// set its accelerator-hours (a note says which).
  std::vector<std::string> calibrated;
  std::vector<std::string> notes;  ///< what was calibrated, and how each number was derived
};

/// Windows the pilot is cut into for its power spread.
inline constexpr int pilot_windows = 10;

/// Calibrates `run` from measured pilot `pilot` (read with window_s = its duration /
/// pilot_windows for the power spread). Power per accelerator = the pilot's energy /
/// (its hours × its accelerators); MFU from the pilot's tokens (or steps) over its hours.
/// Throws input_error when the run or the pilot lacks what the calibration needs (the
/// pilot's hours, the run's tokens to scale the pilot's, a device count, an MFU above 1),
/// when nothing gives the run's hours (no pilot tokens, no run hours, no run workload),
/// when info.hours disagrees with the file's own duration, or when run already sets
/// what the pilot gives (mfu, power_w, power_fraction).
[[nodiscard]] pilot_calibration calibrate_from_pilot(const scenario& run, const measurement& pilot,
                                                     const pilot_info& info, const catalog& cat = catalog::embedded());

/// `s` with measurement `m` as its measured energy (docs/methodology.md §7.2):
/// energy_kwh from m; energy_boundary, unless s sets it, accelerators for a power log
/// and servers for an energy file (CodeCarbon, sacct); and, when s gives no time, the
/// measured duration with m's device count (or s's count); with s's duration_h and no
/// count, m's device count. Notes say what was taken. Throws input_error when s already
/// sets energy_kwh, and when s's count, duration_h or gpu_hours disagrees with m's own
/// device count, span or accelerator-hours (by more than 2%): the measured energy is that
/// of m's span on m's devices, and a file that covers part of a run is a pilot.
[[nodiscard]] scenario with_measurement(scenario s, const measurement& m, std::vector<std::string>* notes = nullptr);

/// Reads a pilot file for calibrate_from_pilot: the measurement with its power spread
/// over pilot_windows windows.
[[nodiscard]] measurement read_pilot_file(const std::string& path, measure_options options = {});

}  // namespace trainprint::inline v0
