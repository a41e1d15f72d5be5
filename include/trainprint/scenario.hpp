#pragma once
/// \file scenario.hpp
/// A training scenario: everything a person may know before or after a run
/// (DESIGN.md §1). Every field is optional; the estimator fills what is missing
/// from the catalog or from named defaults, and says which in the trace.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "quantities.hpp"

namespace trainprint::inline v0 {

/// Numeric precision of the training math; selects the accelerator's dense peak.
enum class precision { fp32, tf32, bf16, fp16, fp8 };
/// Number of precisions (for tables indexed by precision).
inline constexpr std::size_t precision_count = 5;
/// All precisions, in enum order.
inline constexpr std::array<precision, precision_count> all_precisions{
    precision::fp32, precision::tf32, precision::bf16, precision::fp16, precision::fp8};

/// What the energy covers: the accelerators alone (GPU-hours × power, as many
/// model cards report), or whole servers (accelerators plus host CPUs, memory,
/// network and fans).
enum class boundary { accelerators, servers };

/// The name of a precision: "fp32", "tf32", "bf16", "fp16", "fp8".
constexpr std::string_view to_string(precision p) {
  constexpr std::array<std::string_view, precision_count> names{"fp32", "tf32", "bf16", "fp16", "fp8"};
  return names[static_cast<std::size_t>(p)];
}
/// The name of a boundary: "accelerators" or "servers".
constexpr std::string_view to_string(boundary b) {
  return b == boundary::accelerators ? "accelerators" : "servers";
}
/// Parses a precision name (exact, lower case); nullopt when unknown.
constexpr std::optional<precision> parse_precision(std::string_view s) {
  for (auto p : all_precisions)
    if (to_string(p) == s) return p;
  return std::nullopt;
}
/// Parses a boundary name; nullopt when unknown.
constexpr std::optional<boundary> parse_boundary(std::string_view s) {
  if (s == "accelerators") return boundary::accelerators;
  if (s == "servers") return boundary::servers;
  return std::nullopt;
}

/// An electricity mix: shares by energy-source id (see energy_sources.json),
/// summing to 1 within ±0.001.
struct energy_mix {
  std::vector<std::pair<std::string, double>> shares;
  friend bool operator==(const energy_mix&, const energy_mix&) = default;
};

/// The inputs of one estimate. Field names match the scenario JSON and, in
/// kebab-case, the CLI flags.
struct scenario {
  // --- workload: exactly one of (flops | params+tokens), gpu_hours, duration ---
  std::optional<double> params;         ///< total parameters
  std::optional<double> active_params;  ///< parameters active per token (MoE); defaults to params
  std::optional<double> tokens;         ///< training tokens
  std::optional<double> flops;          ///< total training FLOPs
  bool recompute = false;               ///< full activation recomputation: 8·N·D instead of 6·N·D
  std::optional<double> layers;         ///< with d_model and seq_len: adds the attention term
  std::optional<double> d_model;
  std::optional<double> seq_len;
  std::optional<double> gpu_hours;      ///< accelerator-hours
  std::optional<hours> duration;        ///< wall-clock duration (needs count)

  // --- hardware ---
  std::optional<std::string> hardware;  ///< accelerator id or alias
  std::optional<std::int64_t> count;    ///< number of accelerators
  std::optional<trainprint::precision> precision;
  std::optional<double> mfu;            ///< model-FLOPs utilisation, 0 < mfu <= 1
  std::optional<double> power_fraction; ///< average draw as a fraction of TDP
  std::optional<power> accelerator_power;  ///< average power per accelerator (overrides TDP × fraction)
  std::optional<trainprint::boundary> boundary;
  std::optional<power> host_power;      ///< host power per accelerator

  // --- site ---
  std::optional<std::string> region;    ///< region id or alias
  std::optional<std::string> provider;  ///< provider id or alias
  std::optional<double> pue;
  std::optional<water_intensity> wue;   ///< on-site water per IT kWh
  std::optional<carbon_intensity> intensity;  ///< grid carbon intensity
  std::optional<energy_mix> mix;        ///< electricity mix (for intensity and EWIF)
  std::optional<water_intensity> ewif;  ///< off-site water per facility kWh
  std::optional<double> cfe;            ///< carbon-free-energy share for market-based emissions

  // --- embodied and money ---
  std::optional<bool> embodied;         ///< include embodied emissions (default true)
  std::optional<double> lifetime_years; ///< service life for amortising embodied emissions
  std::optional<double> price_usd_per_kwh;
  std::optional<double> hourly_price_usd;  ///< price per accelerator-hour

  friend bool operator==(const scenario&, const scenario&) = default;

  /// True if any workload input (flops, params, tokens, gpu_hours, duration) is set.
  [[nodiscard]] bool has_workload() const {
    return flops || params || active_params || tokens || gpu_hours || duration;
  }
};

/// `base` with every input that `overrides` sets replaced. When `overrides` sets
/// any workload input, all of `base`'s workload inputs are dropped first, so a
/// preset's GPU-hours never conflict with a user's --flops.
inline scenario merge(scenario base, const scenario& overrides) {
  if (overrides.has_workload()) {
    base.params.reset();
    base.active_params.reset();
    base.tokens.reset();
    base.flops.reset();
    base.gpu_hours.reset();
    base.duration.reset();
    base.layers.reset();
    base.d_model.reset();
    base.seq_len.reset();
    base.recompute = false;
  }
  auto take = [](auto& into, const auto& from) {
    if (from) into = from;
  };
  take(base.params, overrides.params);
  take(base.active_params, overrides.active_params);
  take(base.tokens, overrides.tokens);
  take(base.flops, overrides.flops);
  if (overrides.recompute) base.recompute = true;
  take(base.layers, overrides.layers);
  take(base.d_model, overrides.d_model);
  take(base.seq_len, overrides.seq_len);
  take(base.gpu_hours, overrides.gpu_hours);
  take(base.duration, overrides.duration);
  take(base.hardware, overrides.hardware);
  take(base.count, overrides.count);
  take(base.precision, overrides.precision);
  take(base.mfu, overrides.mfu);
  take(base.power_fraction, overrides.power_fraction);
  take(base.accelerator_power, overrides.accelerator_power);
  take(base.boundary, overrides.boundary);
  take(base.host_power, overrides.host_power);
  take(base.region, overrides.region);
  take(base.provider, overrides.provider);
  take(base.pue, overrides.pue);
  take(base.wue, overrides.wue);
  take(base.intensity, overrides.intensity);
  take(base.mix, overrides.mix);
  take(base.ewif, overrides.ewif);
  take(base.cfe, overrides.cfe);
  take(base.embodied, overrides.embodied);
  take(base.lifetime_years, overrides.lifetime_years);
  take(base.price_usd_per_kwh, overrides.price_usd_per_kwh);
  take(base.hourly_price_usd, overrides.hourly_price_usd);
  return base;
}

}  // namespace trainprint::inline v0
