#pragma once
/// \file measure.hpp
/// Measured energy: power samples integrated over time, and the energy files people
/// already have (nvidia-smi power logs, a plain time/watts CSV, CodeCarbon's
/// emissions.csv, Slurm sacct's ConsumedEnergy). docs/methodology.md §7 gives the
/// method: trapezoid integration per device, gaps, restarts and the sampling bound.
///
///     std::vector<trainprint::power_sample> s{{0, 100, "0"}, {1, 300, "0"}};
///     auto m = trainprint::integrate_power(s);  // m.energy_j == 200 (trapezoid)

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "error.hpp"

namespace trainprint::inline v0 {

/// A measurement file or sample stream is malformed: names the file and the line
/// (0 when the fault is not on one line). Message:
/// "[trainprint.measure] power.csv:12: watts: got -5, expected 0 <= watts <= 100000".
class measure_error : public error {
 public:
  measure_error(std::string file, std::size_t line, const std::string& detail)
      : error("[trainprint.measure] " + file + (line ? ":" + std::to_string(line) : std::string{}) + ": " + detail),
        file_(std::move(file)),
        line_(line) {}
  /// The file ("<samples>" for samples given through the API).
  [[nodiscard]] const std::string& file() const noexcept { return file_; }
  /// The 1-based line, or 0.
  [[nodiscard]] std::size_t line() const noexcept { return line_; }

 private:
  std::string file_;
  std::size_t line_;
};

/// One power reading: seconds on any clock that only moves forward, watts, and the
/// device ("" or "0" for a single one).
struct power_sample {
  double t_s = 0;
  double watts = 0;
  std::string device;
  std::size_t line = 0;  ///< the file line it came from (0: none), for errors
};

/// The most watts one reading may show (a whole 8-accelerator server is ~10 kW; a
/// reading above this is a unit or parsing fault).
inline constexpr double max_sample_watts = 100000.0;

/// One edge of a window: seconds, or a timestamp (seconds since 1970 on the log's
/// own naive clock). On a timestamped log (nvidia-smi) plain seconds count from the
/// log's first sample; on any other clock they are the clock's own seconds.
struct window_edge {
  double value = 0;
  bool timestamp = false;
};

/// How samples are integrated.
struct measure_options {
  std::optional<window_edge> from;  ///< window start (inclusive)
  std::optional<window_edge> to;    ///< window end (inclusive)
  /// An interval longer than gap_factor × the device's median interval is a gap:
  /// still integrated (linearly), but counted and reported.
  double gap_factor = 5.0;
  /// Skip unparsable or impossible lines of a file (they are counted) instead of failing.
  bool skip_bad_lines = false;
  /// Windows of this many seconds for the spread of mean power (pilot variability).
  std::optional<double> window_s;
  /// Seconds between readings, for a log that has no times (dcgmi dmon: the -d/--delay it
  /// ran with, in seconds). Required for such a log; refused for one with times.
  std::optional<double> interval_s;
};

/// What one device (or one accounting record of an energy file) used.
struct device_energy {
  std::string device;
  std::size_t samples = 0;   ///< readings integrated (0 for an energy record)
  double start_s = 0, end_s = 0;
  /// Seconds in the window; nullopt for a record that states no time (sacct without Elapsed).
  std::optional<double> duration_s;
  double energy_j = 0;       ///< trapezoid (or the record's own energy)
  std::optional<double> average_w;  ///< energy / duration; nullopt where the duration is unknown
  double peak_w = 0;         ///< highest reading (for a record: the average)
  double median_interval_s = 0;
  double left_riemann_j = 0, right_riemann_j = 0;  ///< the sums the trapezoid averages
  std::size_t gaps = 0;      ///< intervals longer than gap_factor × the median
  double gap_s = 0;          ///< time inside those intervals
  /// What the gaps could hide: Σ over gaps of its length × (max − min) of the device's
  /// readings within one gap length either side of it (docs/methodology.md §7.1).
  double gap_bound_j = 0;
};

/// The integrated (or read) energy of a measurement, per device and in total.
struct measurement {
  std::string file;    ///< "<samples>" for samples given through the API
  std::string format;  ///< "samples", "nvidia-smi", "csv", "dcgmi-dmon", "codecarbon", "sacct"
  std::vector<device_energy> devices;
  double energy_j = 0;          ///< sum over devices
  double start_s = 0, end_s = 0;
  /// end − start (wall time of the window); nullopt when an energy file states no time
  /// (sacct without Elapsed: give the pilot's time with --pilot-hours).
  std::optional<double> duration_s;
  std::optional<double> average_w;  ///< energy / duration (all devices together); nullopt as duration_s
  double peak_w = 0;            ///< highest total draw at any sample time (all devices)
  /// Half the spread between the left and right Riemann sums, summed over devices:
  /// how far the energy could move with the sampling interval (docs/methodology.md §7).
  double sampling_bound_j = 0;
  std::size_t gaps = 0;
  std::size_t restarts = 0;  ///< logger restarts: a header repeated inside the file
  double gap_s = 0;
  /// The gaps' share of the uncertainty, summed over devices (device_energy::gap_bound_j):
  /// the energy could be this much higher or lower over the gaps than the straight lines say.
  double gap_bound_j = 0;
  std::size_t skipped_lines = 0;  ///< bad lines skipped (skip_bad_lines)
  /// Mean total power of each window_s window (pilot variability); empty without window_s.
  std::vector<double> window_average_w;
  std::optional<std::string> location;  ///< country/region an energy file states (CodeCarbon)
  std::vector<std::string> notes;
  /// sampling_bound_j + gap_bound_j: the whole ± the readings leave open.
  [[nodiscard]] double bound_j() const { return sampling_bound_j + gap_bound_j; }
  /// True when `devices` are power-log devices; false for energy records (CodeCarbon, sacct).
  bool from_samples = true;
  /// Number of devices (power logs) or of accelerators an energy file states (0: unknown).
  std::size_t device_count = 0;
  [[nodiscard]] double energy_kwh() const { return energy_j / 3.6e6; }
};

/// Integrates samples (any order of devices; each device's times must not go back)
/// with the trapezoid rule over the options' window, interpolating at its edges.
/// Throws measure_error for no samples, non-finite or negative watts, watts above
/// max_sample_watts, time going backwards, or a window with no samples in it.
[[nodiscard]] measurement integrate_power(std::span<const power_sample> samples, const measure_options& options = {},
                                          const std::string& file = "<samples>");

/// Reads a measurement file, detecting its kind from the header: nvidia-smi
/// `--query-gpu=timestamp,index,power.draw --format=csv` (units in values such as
/// "81.60 W"), a CSV with time in seconds and watts (t_s|time_s|seconds, watts|power_w),
/// `dcgmi dmon -e 155` output (a "#Entity ... POWER" header; it has no times, so
/// options.interval_s must give dmon's --delay),
/// CodeCarbon's emissions.csv (energy_consumed kWh, duration s), or Slurm `sacct -P`
/// with ConsumedEnergy (K/M/G/T suffixes are ×1000) or ConsumedEnergyRaw (J).
/// `text` is the file's contents; `file` names it in errors.
[[nodiscard]] measurement read_measurement(std::string_view text, const std::string& file,
                                           const measure_options& options = {});

/// read_measurement of the file at `path` (throws measure_error when unreadable).
[[nodiscard]] measurement read_measurement_file(const std::string& path, const measure_options& options = {});

/// Parses a timestamp ("2024/05/01 12:00:05.5", "2024-05-01 12:00:05", "2024-05-01T12:00:05")
/// into seconds since 1970 on the log's own (naive, local) clock; nullopt when malformed.
[[nodiscard]] std::optional<double> parse_timestamp(std::string_view text);

/// Parses a window edge: seconds ("12.5") or a timestamp; nullopt when neither.
[[nodiscard]] std::optional<window_edge> parse_window_edge(std::string_view text);

/// The measurement as JSON text (per device and total).
[[nodiscard]] std::string measurement_json(const measurement& m);
/// The measurement as a table for people.
[[nodiscard]] std::string measurement_table(const measurement& m);

}  // namespace trainprint::inline v0
