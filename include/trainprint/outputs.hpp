#pragma once
/// \file outputs.hpp
/// The one table of an estimate's outputs. Every interface reads it: the JSON
/// schema `trainprint.estimate/1` (group and key), CSV and sweep columns, Python's
/// flat dictionary and the trace (the flat name), the tables and the report
/// (label and unit), and the Monte Carlo (which outputs get an interval). A new
/// output is a new row here and a line of the formula (detail/model.hpp).

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace trainprint::inline v0 {

/// The outputs of the footprint formula, in the order of the JSON schema.
enum class output : unsigned char {
  flops,                ///< training FLOPs (FLOPs path only)
  accelerator_hours,    ///< accelerator-hours
  wall_hours,           ///< wall-clock hours (needs count)
  accelerator_power,    ///< average power per accelerator, W
  host_power,           ///< host share per accelerator, W
  energy_accelerators,  ///< kWh
  energy_host,          ///< kWh
  energy_it,            ///< accelerators + host, kWh
  energy_facility,      ///< IT × PUE, kWh
  emissions_location,   ///< operational, location-based, kg CO2e
  emissions_market,     ///< operational, market-based, kg CO2e
  emissions_embodied,   ///< amortised manufacturing, kg CO2e
  emissions_total,      ///< location-based + embodied, kg CO2e
  water_onsite,         ///< cooling, L
  water_offsite,        ///< electricity generation, L
  water_total,          ///< L
  cost_electricity,     ///< USD
  cost_compute,         ///< USD
};
/// Number of outputs.
inline constexpr std::size_t output_count = 18;

/// One row of the output table.
struct output_info {
  trainprint::output id;
  std::string_view name;   ///< flat name: CSV and sweep column, Python key, trace entry ("emissions_total_kg_co2e")
  std::string_view group;  ///< JSON object of trainprint.estimate/1 ("emissions_kg_co2e")
  std::string_view key;    ///< key inside it ("total")
  std::string_view path;   ///< group.key, the name of its uncertainty interval ("emissions_kg_co2e.total")
  std::string_view unit;   ///< "FLOP", "h", "W", "kWh", "kg CO2e", "L", "USD"
  std::string_view label;  ///< for people ("total (location + embodied)")
  bool headline;           ///< a column of CSV rows, sweeps and comparisons
  bool sampled;            ///< gets an interval from the Monte Carlo
  std::string_view formula;  ///< how it is computed (the trace's note)
};

/// The table, in enum order.
inline constexpr std::array<output_info, output_count> output_table{{
    {output::flops, "flops", "compute", "flops", "compute.flops", "FLOP", "training FLOPs", true, true,
     "k × active params × tokens (+ attention), or given"},
    {output::accelerator_hours, "accelerator_hours", "compute", "accelerator_hours", "compute.accelerator_hours", "h",
     "accelerator-hours", true, true, "flops / (peak_flop_per_s × precision_speedup × mfu) / 3600"},
    {output::wall_hours, "wall_time_h", "compute", "wall_hours", "compute.wall_hours", "h", "wall time", true, true,
     "accelerator_hours / count"},
    {output::accelerator_power, "accelerator_power_w", "power_w", "accelerator", "power_w.accelerator", "W",
     "accelerator", true, true, "tdp_w × power_fraction"},
    {output::host_power, "host_power_w", "power_w", "host", "power_w.host", "W", "host share", false, true,
     "host_max_power_w × host_utilisation"},
    {output::energy_accelerators, "energy_accelerators_kwh", "energy_kwh", "accelerators", "energy_kwh.accelerators",
     "kWh", "accelerators", false, true, "accelerator_hours × accelerator_power_w / 1000"},
    {output::energy_host, "energy_host_kwh", "energy_kwh", "host", "energy_kwh.host", "kWh", "host", false, true,
     "accelerator_hours × host_power_w / 1000"},
    {output::energy_it, "energy_it_kwh", "energy_kwh", "it", "energy_kwh.it", "kWh", "IT", true, true,
     "energy_accelerators + energy_host"},
    {output::energy_facility, "energy_facility_kwh", "energy_kwh", "facility", "energy_kwh.facility", "kWh",
     "facility (× PUE)", true, true, "energy_it × pue"},
    {output::emissions_location, "emissions_location_kg_co2e", "emissions_kg_co2e", "location_based",
     "emissions_kg_co2e.location_based", "kg CO2e", "operational, location", true, true,
     "energy_facility × intensity / 1000"},
    {output::emissions_market, "emissions_market_kg_co2e", "emissions_kg_co2e", "market_based",
     "emissions_kg_co2e.market_based", "kg CO2e", "operational, market", true, true,
     "emissions_location × (1 − cfe)"},
    {output::emissions_embodied, "emissions_embodied_kg_co2e", "emissions_kg_co2e", "embodied",
     "emissions_kg_co2e.embodied", "kg CO2e", "embodied", true, true,
     "accelerator_hours × (embodied_accelerator + embodied_host) / (lifetime_years × 8760)"},
    {output::emissions_total, "emissions_total_kg_co2e", "emissions_kg_co2e", "total", "emissions_kg_co2e.total",
     "kg CO2e", "total (location + embodied)", true, true, "emissions_location + emissions_embodied"},
    {output::water_onsite, "water_onsite_l", "water_l", "onsite", "water_l.onsite", "L", "on-site (cooling)", true, true,
     "energy_it × wue"},
    {output::water_offsite, "water_offsite_l", "water_l", "offsite", "water_l.offsite", "L", "off-site (generation)",
     true, true, "energy_facility × ewif"},
    {output::water_total, "water_total_l", "water_l", "total", "water_l.total", "L", "total", true, true,
     "water_onsite + water_offsite"},
    {output::cost_electricity, "cost_electricity_usd", "cost_usd", "electricity", "cost_usd.electricity", "USD",
     "electricity", true, true, "energy_facility × price_usd_per_kwh"},
    {output::cost_compute, "cost_compute_usd", "cost_usd", "compute", "cost_usd.compute", "USD", "compute", true, true,
     "accelerator_hours × hourly_price_usd"},
}};

/// The position of `o` in output_table.
constexpr std::size_t index_of(output o) noexcept { return static_cast<std::size_t>(o); }
/// The row of `o`.
constexpr const output_info& info(output o) noexcept { return output_table[index_of(o)]; }
/// The output whose flat name or JSON path is `name`; nullopt when none.
constexpr std::optional<output> find_output(std::string_view name) noexcept {
  for (const auto& r : output_table)
    if (r.name == name || r.path == name) return r.id;
  return std::nullopt;
}
/// The number of headline outputs (CSV rows, sweeps, comparisons).
constexpr std::size_t headline_count() noexcept {
  std::size_t n = 0;
  for (const auto& r : output_table) n += r.headline ? 1 : 0;
  return n;
}

static_assert([] {
  for (std::size_t i = 0; i < output_count; ++i)
    if (index_of(output_table[i].id) != i) return false;
  return true;
}(), "output_table is in enum order");

}  // namespace trainprint::inline v0
