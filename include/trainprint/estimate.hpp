#pragma once
/// \file estimate.hpp
/// The result of an estimate: compute, power, energy, emissions, water, cost and
/// the trace that lets a reader check every number back to its inputs and sources.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "detail/model.hpp"
#include "outputs.hpp"
#include "quantities.hpp"
#include "scenario.hpp"
#include "uncertainty.hpp"

namespace trainprint::inline v0 {

/// Where a number in the trace came from.
enum class origin {
  user,      ///< given in the scenario
  catalog,   ///< taken from a catalog entry (the trace names its source)
  fallback,  ///< a named default of defaults.hpp (printed "default")
  derived    ///< computed from other trace entries
};

/// "user", "catalog", "default" or "derived".
constexpr std::string_view to_string(origin o) {
  switch (o) {
    case origin::user: return "user";
    case origin::catalog: return "catalog";
    case origin::fallback: return "default";
    case origin::derived: return "derived";
  }
  return "derived";
}
/// Parses an origin name; nullopt when unknown.
constexpr std::optional<origin> parse_origin(std::string_view s) {
  for (auto o : {origin::user, origin::catalog, origin::fallback, origin::derived})
    if (to_string(o) == s) return o;
  return std::nullopt;
}

/// One input or intermediate of an estimate.
struct trace_entry {
  std::string name;    ///< e.g. "pue", "energy_facility"
  double value = 0;
  std::string unit;    ///< e.g. "kWh", "g CO2e/kWh", "1" for ratios
  trainprint::origin origin = origin::derived;
  std::string source;  ///< citation for catalog and default values; "" otherwise
  std::string note;    ///< the formula for derived values, the entry used, caveats
  friend bool operator==(const trace_entry&, const trace_entry&) = default;
};

/// The plain numbers the footprint formula reads (docs/methodology.md §1–3), after every
/// input has been resolved. Units are in the names. Monte Carlo samples these.
struct model_inputs {
  enum class workload_path : unsigned char { flops, accelerator_hours, duration };
  workload_path path = workload_path::flops;
  double flops = 0;               ///< FLOP (flops path)
  double peak_flop_per_s = 0;     ///< reference peak: dense bf16 (else fp16, else fp32) (flops path)
  double mfu = 0;                 ///< whole-run MFU against the reference peak (flops path)
  double precision_speedup = 1;   ///< throughput at the training precision over the reference
  double accelerator_hours = 0;   ///< (accelerator-hours path)
  double duration_h = 0;          ///< (duration path)
  std::optional<double> count;    ///< accelerators; unknown leaves wall time unknown
  std::optional<double> accelerator_power_w;  ///< given average power; else tdp × fraction
  double tdp_w = 0;
  double power_fraction = 0;      ///< of TDP; with power_follows_mfu, the typical fraction at mfu_reference
  /// The power fraction follows the run's MFU (detail/model.hpp): idle + (power_fraction
  /// − idle) × MFU / mfu_reference, within [idle, 1].
  bool power_follows_mfu = false;
  double mfu_reference = 0;       ///< the fitted MFU the typical power fraction belongs to
  double idle_fraction = 0;       ///< an idle accelerator's power over TDP
  bool servers = true;            ///< boundary servers (true) or accelerators
  std::optional<double> host_power_w;  ///< given host power per accelerator; else max × util
  double host_max_w = 0;          ///< host's maximum power per accelerator
  double host_utilisation = 0;
  double pue = 1;
  std::optional<double> intensity_g_per_kwh;
  std::optional<double> cfe;
  std::optional<double> wue_l_per_kwh;
  std::optional<double> ewif_l_per_kwh;
  bool embodied = true;
  std::optional<double> embodied_accelerator_kg;  ///< per accelerator, manufacturing
  double embodied_host_kg = 0;                    ///< host share per accelerator
  double lifetime_years = 5;
  std::optional<double> price_usd_per_kwh;
  std::optional<double> hourly_price_usd;
  /// How the host's utilisation was set: its own value, = power_fraction, or
  /// = min(1, accelerator_power_w / tdp_w) (resolve() records the rule it used).
  detail::host_link host_link = detail::host_link::none;
  /// Measured energy (kWh) at measured_boundary; replaces the modelled energy there.
  std::optional<double> measured_energy_kwh;
  trainprint::energy_boundary measured_boundary = energy_boundary::facility;
};

/// The numbers the formula gives, in output_table order (outputs.hpp), and which
/// are known: `o[output::energy_facility]`, or `o.get(output::emissions_total)`
/// (nullopt where an input is unknown).
struct model_outputs : detail::model_results<double> {
  [[nodiscard]] constexpr std::optional<double> get(output o) const noexcept {
    if (!known[index_of(o)]) return std::nullopt;
    return (*this)[o];
  }
};

/// What the estimate was resolved against, for reports.
struct estimate_context {
  std::string accelerator_id;  ///< "" when no hardware was named
  std::string region_id, grid_region_id, provider_id;
  std::string intensity_basis;  ///< e.g. "lifecycle, production, location (2024)"
  trainprint::precision precision = precision::bf16;
  trainprint::boundary boundary = boundary::servers;
};

/// An estimate (JSON schema `trainprint.estimate/1`).
struct estimate {
  trainprint::scenario scenario;  ///< the scenario as given
  estimate_context context;
  model_inputs inputs;            ///< the resolved numbers
  std::optional<double> flops;    ///< training FLOPs (flops path only)
  double accelerator_hours = 0;
  std::optional<double> wall_hours;
  power accelerator_power, host_power;  ///< average, per accelerator
  energy energy_accelerators, energy_host, energy_it, energy_facility;
  std::optional<emissions> location_based, market_based, embodied, total;
  std::optional<water_volume> water_onsite, water_offsite, water_total;
  std::optional<double> electricity_cost_usd, compute_cost_usd;
  /// Every output as a plain number in its table unit (outputs.hpp); the typed
  /// fields above hold the same numbers. Set both with set_outputs().
  model_outputs outputs;
  std::vector<trace_entry> trace;
  /// Why an output is unknown, and other caveats a reader should see.
  std::vector<std::string> notes;
  std::string catalog_version, catalog_date;
  /// p5/p50/p95/mean of every output and the sensitivity ranking, when asked for
  /// (make_estimate with uncertainty_options); JSON null otherwise.
  std::optional<uncertainty_result> uncertainty;

  /// Output `o` in its table unit (outputs.hpp); nullopt when unknown.
  [[nodiscard]] std::optional<double> value(output o) const noexcept { return outputs.get(o); }

  /// The trace entry called `name`, or nullptr.
  [[nodiscard]] const trace_entry* find_trace(std::string_view name) const {
    for (const auto& t : trace)
      if (t.name == name) return &t;
    return nullptr;
  }
};

/// Sets e.outputs and the typed fields (energy_facility, total, ...) from `o`.
void set_outputs(estimate& e, const model_outputs& o);

}  // namespace trainprint::inline v0
