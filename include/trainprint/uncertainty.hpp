#pragma once
/// \file uncertainty.hpp
/// Uncertainty and sensitivity (docs/uncertainty.md). Every
/// uncertain input of model_inputs gets a triangular distribution (low, mode,
/// high): from the user's range, a default's range (defaults.hpp), published
/// min/max (IPCC lifecycle factors of an energy mix) or a documented spread by the
/// catalog value's confidence mark. Monte Carlo with its own generator
/// (xoshiro256** seeded by splitmix64) and its own inverse-CDF sampling gives the
/// same p5/p50/p95/mean on every platform, build and thread count; one-at-a-time
/// swings rank the inputs by how much they move total emissions.
///
/// \code
/// trainprint::scenario s;
/// s.params = 7e9; s.tokens = 2e12; s.hardware = "h100"; s.count = 512; s.region = "FR";
/// trainprint::set_range(s, "mfu", {0.35, 0.4, 0.45});
/// const auto e = trainprint::make_estimate(s, trainprint::catalog::embedded(), {.samples = 10000, .seed = 42});
/// const auto* total = e.uncertainty->find("emissions_kg_co2e.total");
/// fmt::print("{:.0f} kg ({:.0f}–{:.0f})\n", total->central, total->p5, total->p95);
/// \endcode

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "detail/model.hpp"

namespace trainprint::inline v0 {

struct scenario;
struct model_inputs;
struct estimate;
struct resolved_scenario;
class catalog;

/// The trace name of an input ("mfu", "pue", "intensity_g_per_kwh", ...).
std::string_view to_string(uncertain_input i);

/// A triangular distribution on [low, high] with its peak at `mode`; low == high
/// is a fixed value.
struct triangular {
  double low = 0, mode = 0, high = 0;
  /// The value below which a fraction `p` (0..1) of draws falls (inverse CDF).
  [[nodiscard]] double quantile(double p) const noexcept;
  /// (low + mode + high) / 3.
  [[nodiscard]] double mean() const noexcept { return (low + mode + high) / 3.0; }
  [[nodiscard]] bool fixed() const noexcept { return low == high; }
  friend bool operator==(const triangular&, const triangular&) = default;
};

/// One input of the model with its distribution and where the range came from.
struct input_distribution {
  uncertain_input input = uncertain_input::mfu;
  std::string unit;   ///< as in the trace: "1", "W", "g CO2e/kWh", ...
  triangular dist;    ///< mode = the value the estimate uses
  std::string basis;  ///< "user range", "fixed (user value)", "default range", "catalog confidence medium: ×÷1.25", ...
  std::string source; ///< citation of the range, "" for the user's
};

/// How to run the Monte Carlo.
struct uncertainty_options {
  std::uint64_t samples = 10000;  ///< min_uncertainty_samples ..= 10⁹
  std::uint64_t seed = 42;
  unsigned threads = 1;           ///< 1 ..= 256; the numbers do not depend on it
};

/// The interval of one output.
struct output_interval {
  std::string name;  ///< the JSON path in trainprint.estimate/1: "energy_kwh.facility", ...
  std::string unit;  ///< "kWh", "kg CO2e", "L", "h", "W", "USD"
  double central = 0;  ///< the plain point estimate (every input at the value resolve() chose)
  double p5 = 0, p50 = 0, p95 = 0, mean = 0;
};

/// One input swung from its p5 to its p95 with every other input at its mode.
struct sensitivity_entry {
  uncertain_input input = uncertain_input::mfu;
  double input_p5 = 0, input_p95 = 0;
  std::optional<double> emissions_at_p5, emissions_at_p95;  ///< total kg CO2e (nullopt when unknown)
  double energy_at_p5 = 0, energy_at_p95 = 0;                ///< facility kWh
  double swing = 0;  ///< |metric at p95 − metric at p5| in the result's sensitivity_metric
};

/// The uncertainty block of an estimate (JSON `uncertainty` of trainprint.estimate/1).
struct uncertainty_result {
  std::uint64_t samples = 0, seed = 0;
  /// Samples left out of every interval as physically impossible: with the workload
  /// and the time both given, a sample whose FLOPs exceed its accelerator-hours at the
  /// accelerators' dense peak (an implied MFU above 1; docs/uncertainty.md). The
  /// quantiles and means are over the samples − impossible_samples others.
  std::uint64_t impossible_samples = 0;
  std::vector<input_distribution> inputs;   ///< every input the model uses, fixed ones too
  std::vector<output_interval> outputs;     ///< every known output, in JSON order
  std::string sensitivity_metric;           ///< "emissions_kg_co2e.total", or "energy_kwh.facility" when emissions are unknown
  std::vector<sensitivity_entry> sensitivity;  ///< uncertain inputs, largest swing first
  /// The interval called `name` ("emissions_kg_co2e.total"), or nullptr.
  [[nodiscard]] const output_interval* find(std::string_view name) const noexcept {
    for (const auto& o : outputs)
      if (o.name == name) return &o;
    return nullptr;
  }
};

/// The fewest samples a Monte Carlo takes: the 5th and 95th percentiles are only
/// distinct from the smallest and largest sample with at least 20.
inline constexpr std::uint64_t min_uncertainty_samples = 20;

/// Quantiles come from a histogram of this many bins per output between the
/// output's hard bounds, pseudo-logarithmic (the top bits of the IEEE-754 pattern):
/// a bin spans at most log2(max/min)/2048 of its value, about 0.2% for bounds a
/// factor 20 apart (docs/uncertainty.md). Linear bins when the lower bound is 0.
inline constexpr std::size_t uncertainty_histogram_bins = 4096;
/// Samples per block: each block draws from its own stream seeded by (seed, block).
inline constexpr std::size_t uncertainty_block = 1024;

/// The distribution of every input the model uses, as resolve() recorded it with
/// the rule that chose the value: the scenario's ranges, defaults.hpp, the
/// catalog's published ranges or its confidence marks (docs/uncertainty.md).
std::vector<input_distribution> input_distributions(const resolved_scenario& r);

/// Monte Carlo of evaluate() over `inputs` around `central` (the point estimate: each
/// sample replaces the inputs that have a distribution), and the one-at-a-time
/// sensitivity from the point estimate. Throws input_error for options out of
/// range. No allocation per sample.
uncertainty_result propagate(const model_inputs& central, std::span<const input_distribution> inputs,
                             const uncertainty_options& options);

/// make_estimate() with the uncertainty block filled.
estimate make_estimate(const scenario& s, const catalog& cat, const uncertainty_options& options);

/// Throws input_error unless 20 (min_uncertainty_samples) <= samples <= 10⁹ and
/// 1 <= threads <= 256.
void validate(const uncertainty_options& options);

}  // namespace trainprint::inline v0
