#pragma once
/// \file scenario.hpp
/// A training scenario: everything a person may know before or after a run
/// (DESIGN.md §1). Every field is optional; the estimator fills what is missing
/// from the catalog or from named defaults, and says which in the trace.

#include <array>
#include <cstdint>
#include <functional>
#include <map>
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

/// A person's range for an uncertain input: `0.35:0.45` (mode at the mid-point) or
/// `0.35:0.4:0.45`, drawn as triangular(low, mode, high) by uncertainty analysis
/// (docs/uncertainty.md). The scenario field itself holds the mode.
struct range {
  double low = 0, mode = 0, high = 0;
  friend bool operator==(const range&, const range&) = default;
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
  std::optional<hours> duration_h;        ///< wall-clock duration (needs count)

  // --- hardware ---
  std::optional<std::string> hardware;  ///< accelerator id or alias
  std::optional<std::int64_t> count;    ///< number of accelerators
  std::optional<trainprint::precision> precision;
  std::optional<double> mfu;            ///< model-FLOPs utilisation, 0 < mfu <= 1
  std::optional<double> power_fraction; ///< average draw as a fraction of TDP
  std::optional<power> power_w;  ///< average power per accelerator (overrides TDP × fraction)
  std::optional<trainprint::boundary> boundary;
  std::optional<power> host_power_w;      ///< host power per accelerator

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

  // --- uncertainty ---
  /// Ranges by input name (one of rangeable_inputs); each field above holds its
  /// range's mode. Set both with set_range(). Inputs without a range are fixed.
  std::map<std::string, range, std::less<>> ranges;

  friend bool operator==(const scenario&, const scenario&) = default;

  /// True if any workload input (flops, params, tokens, gpu_hours, duration) is set.
  [[nodiscard]] bool has_workload() const {
    return flops || params || active_params || tokens || gpu_hours || duration_h;
  }
};

/// The inputs that take a range (scenario names; units as in the scenario JSON).
inline constexpr std::array<std::string_view, 14> rangeable_inputs{
    "gpu_hours", "duration_h", "mfu", "power_fraction", "power_w", "host_power_w", "pue", "wue",
    "intensity", "ewif", "cfe", "lifetime_years", "price_usd_per_kwh", "hourly_price_usd"};

/// True if `name` is one of rangeable_inputs.
constexpr bool is_rangeable(std::string_view name) {
  for (auto n : rangeable_inputs)
    if (n == name) return true;
  return false;
}

/// The value of rangeable input `name` in its scenario-JSON unit; nullopt when
/// unset or not rangeable.
inline std::optional<double> point_value(const scenario& s, std::string_view name) {
  auto q = [](const auto& v, auto get) -> std::optional<double> {
    if (!v) return std::nullopt;
    return get(*v);
  };
  if (name == "gpu_hours") return s.gpu_hours;
  if (name == "duration_h") return q(s.duration_h, [](hours h) { return h.count(); });
  if (name == "mfu") return s.mfu;
  if (name == "power_fraction") return s.power_fraction;
  if (name == "power_w") return q(s.power_w, [](power p) { return p.in_watts(); });
  if (name == "host_power_w") return q(s.host_power_w, [](power p) { return p.in_watts(); });
  if (name == "pue") return s.pue;
  if (name == "wue") return q(s.wue, [](water_intensity w) { return w.in_l_per_kwh(); });
  if (name == "intensity") return q(s.intensity, [](carbon_intensity c) { return c.in_g_per_kwh(); });
  if (name == "ewif") return q(s.ewif, [](water_intensity w) { return w.in_l_per_kwh(); });
  if (name == "cfe") return s.cfe;
  if (name == "lifetime_years") return s.lifetime_years;
  if (name == "price_usd_per_kwh") return s.price_usd_per_kwh;
  if (name == "hourly_price_usd") return s.hourly_price_usd;
  return std::nullopt;
}

/// Sets rangeable input `name` to `v` (scenario-JSON unit); false if not rangeable.
inline bool set_point_value(scenario& s, std::string_view name, double v) {
  if (name == "gpu_hours") s.gpu_hours = v;
  else if (name == "duration_h") s.duration_h = hours(v);
  else if (name == "mfu") s.mfu = v;
  else if (name == "power_fraction") s.power_fraction = v;
  else if (name == "power_w") s.power_w = power::watts(v);
  else if (name == "host_power_w") s.host_power_w = power::watts(v);
  else if (name == "pue") s.pue = v;
  else if (name == "wue") s.wue = water_intensity::l_per_kwh(v);
  else if (name == "intensity") s.intensity = carbon_intensity::g_per_kwh(v);
  else if (name == "ewif") s.ewif = water_intensity::l_per_kwh(v);
  else if (name == "cfe") s.cfe = v;
  else if (name == "lifetime_years") s.lifetime_years = v;
  else if (name == "price_usd_per_kwh") s.price_usd_per_kwh = v;
  else if (name == "hourly_price_usd") s.hourly_price_usd = v;
  else return false;
  return true;
}

/// Gives input `name` the range `r`: the field takes r.mode, the range is recorded.
/// False (and `s` unchanged) if `name` is not rangeable. validate() checks the range.
inline bool set_range(scenario& s, std::string_view name, const range& r) {
  if (!set_point_value(s, name, r.mode)) return false;
  s.ranges.insert_or_assign(std::string(name), r);
  return true;
}

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
    base.duration_h.reset();
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
  take(base.duration_h, overrides.duration_h);
  take(base.hardware, overrides.hardware);
  take(base.count, overrides.count);
  take(base.precision, overrides.precision);
  take(base.mfu, overrides.mfu);
  take(base.power_fraction, overrides.power_fraction);
  take(base.power_w, overrides.power_w);
  take(base.boundary, overrides.boundary);
  take(base.host_power_w, overrides.host_power_w);
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
  // A value set by `overrides` replaces base's range for it (a plain value is fixed);
  // overrides' own ranges come with their values.
  for (auto it = base.ranges.begin(); it != base.ranges.end();) {
    const bool workload = it->first == "gpu_hours" || it->first == "duration_h";
    if ((workload && overrides.has_workload()) || point_value(overrides, it->first))
      it = base.ranges.erase(it);
    else
      ++it;
  }
  for (const auto& [name, r] : overrides.ranges) base.ranges.insert_or_assign(name, r);
  return base;
}

}  // namespace trainprint::inline v0
