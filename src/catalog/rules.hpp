#pragma once
// The table rules the C++ parsers enforce: the fields an entry must have and the
// range of each checked number. The parsers read them from here, and
// tests/unit/catalog_rules.test.cpp checks each against data/schema/*.schema.json:
// a field required here is required there, a lower bound is the schema's, and an
// upper bound is never tighter than the schema's (the schema describes the
// shipped files; an overlay may go up to the limit of the scenario input the
// value stands for). The schema asks more of the shipped files than the parser
// asks of an overlay (every field present, years in range), never less.

#include <algorithm>
#include <array>
#include <limits>
#include <string_view>

#include "trainprint/estimator.hpp"  // limits

namespace trainprint::inline v0::catalog_detail {

/// A field an object must have. `object` is its path in the schema's terms:
/// "/regions/*" is any entry of the "regions" array, "/sources/<key>" any member.
struct required_field {
  std::string_view schema;  ///< data/schema/<schema>.schema.json
  std::string_view object;
  std::string_view field;
  constexpr operator std::string_view() const noexcept { return field; }  // NOLINT: used as the key
};

/// The last token of a path ("/regions/*/pue" → "pue").
constexpr std::string_view leaf(std::string_view path) noexcept { return path.substr(path.rfind('/') + 1); }

/// lo <= v (lo < v when lo_exclusive) and v <= hi.
struct bound {
  std::string_view schema;
  std::string_view path;  ///< the number's path, as in required_field
  double lo;
  bool lo_exclusive;
  double hi = std::numeric_limits<double>::infinity();
  [[nodiscard]] constexpr bool admits(double v) const noexcept { return (lo_exclusive ? v > lo : v >= lo) && v <= hi; }
};

namespace rules {
inline constexpr double none = std::numeric_limits<double>::infinity();

// Every table entry: an id and its provenance.
inline constexpr std::array entry_fields{
    required_field{"hardware", "/accelerators/*", "id"},     required_field{"hardware", "/systems/*", "id"},
    required_field{"regions", "/regions/*", "id"},           required_field{"providers", "/providers/*", "id"},
    required_field{"energy_sources", "/sources_of_energy/*", "id"},
    required_field{"presets", "/presets/*", "id"},           required_field{"equivalents", "/equivalents/*", "id"},
    required_field{"hardware", "/accelerators/*", "source"}, required_field{"hardware", "/systems/*", "source"},
    required_field{"regions", "/regions/*", "source"},       required_field{"providers", "/providers/*", "source"},
    required_field{"energy_sources", "/sources_of_energy/*", "source"},
    required_field{"presets", "/presets/*", "source"},       required_field{"equivalents", "/equivalents/*", "source"},
    required_field{"hardware", "/accelerators/*", "confidence"},
    required_field{"hardware", "/systems/*", "confidence"},  required_field{"regions", "/regions/*", "confidence"},
    required_field{"providers", "/providers/*", "confidence"},
    required_field{"energy_sources", "/sources_of_energy/*", "confidence"},
    required_field{"presets", "/presets/*", "confidence"},   required_field{"equivalents", "/equivalents/*", "confidence"},
};
inline constexpr required_field source_title{"regions", "/sources/<key>", "title"};

// hardware.json
inline constexpr bound tdp_w{"hardware", "/accelerators/*/tdp_w", 0, true};
inline constexpr bound cpu_cores{"hardware", "/accelerators/*/cores", 1, false};
inline constexpr bound package_tdp_w{"hardware", "/accelerators/*/package_tdp_w", 0, true};
inline constexpr bound peak_tflops{"hardware", "/accelerators/*/peak_tflops_dense/<key>", 0, true};
inline constexpr required_field system_accelerators{"hardware", "/systems/*", "accelerators"};
inline constexpr bound system_count{"hardware", "/systems/*/accelerators", 1, false};
inline constexpr required_field die_process_nm{"hardware", "/embodied_factors/die_kgco2e_per_cm2/*", "process_nm"};
inline constexpr required_field die_value{"hardware", "/embodied_factors/die_kgco2e_per_cm2/*", "value"};
inline constexpr required_field memory_value{"hardware", "/embodied_factors/memory_kgco2e_per_gb", "value"};
inline constexpr required_field host_value{"hardware", "/embodied_factors/host_kgco2e_per_server", "value"};
inline constexpr required_field host_accelerators{"hardware", "/embodied_factors/host_kgco2e_per_server",
                                                  "accelerators_per_server"};
inline constexpr bound host_count{"hardware", "/embodied_factors/host_kgco2e_per_server/accelerators_per_server", 1,
                                  false};

// regions.json
inline constexpr required_field region_kind{"regions", "/regions/*", "kind"};
inline constexpr required_field intensity_field{"regions", "/regions/*/intensity", "gco2e_per_kwh"};
inline constexpr bound intensity{"regions", "/regions/*/intensity/gco2e_per_kwh", 0, false};
inline constexpr required_field mix_shares{"regions", "/regions/*/mix", "shares"};
inline constexpr bound share{"regions", "/regions/*/mix/shares/<key>", 0, false, 1};
inline constexpr std::array region_values{
    bound{"regions", "/regions/*/cfe/value", 0, false, 1},
    bound{"regions", "/regions/*/ewif_l_per_kwh/value", 0, false, limits::ewif_l_per_kwh},
    bound{"regions", "/regions/*/pue/value", 1, false, limits::pue},
    bound{"regions", "/regions/*/wue_l_per_kwh/value", 0, false, limits::wue_l_per_kwh},
    bound{"regions", "/regions/*/price_usd_per_kwh/value", 0, false, limits::price_usd_per_kwh},
};
inline constexpr std::array region_value_fields{
    required_field{"regions", "/regions/*/cfe", "value"},
    required_field{"regions", "/regions/*/ewif_l_per_kwh", "value"},
    required_field{"regions", "/regions/*/pue", "value"},
    required_field{"regions", "/regions/*/wue_l_per_kwh", "value"},
    required_field{"regions", "/regions/*/price_usd_per_kwh", "value"},
};

// providers.json: values by year
inline constexpr std::array provider_values{
    bound{"providers", "/providers/*/pue/*/value", 1, false, limits::pue},
    bound{"providers", "/providers/*/wue_l_per_kwh/*/value", 0, false, limits::wue_l_per_kwh},
    bound{"providers", "/providers/*/cfe/*/value", 0, false, 1},
};
inline constexpr std::array provider_value_fields{
    required_field{"providers", "/providers/*/pue/*", "value"},
    required_field{"providers", "/providers/*/wue_l_per_kwh/*", "value"},
    required_field{"providers", "/providers/*/cfe/*", "value"},
};

// energy_sources.json: 0 <= min <= median <= max <= limit, and the same for water
inline constexpr required_field lifecycle{"energy_sources", "/sources_of_energy/*", "lifecycle_gco2e_per_kwh"};
inline constexpr required_field lifecycle_median{"energy_sources", "/sources_of_energy/*/lifecycle_gco2e_per_kwh",
                                                 "median"};
inline constexpr std::array lifecycle_bounds{
    bound{"energy_sources", "/sources_of_energy/*/lifecycle_gco2e_per_kwh/min", 0, false, limits::intensity_g_per_kwh},
    bound{"energy_sources", "/sources_of_energy/*/lifecycle_gco2e_per_kwh/median", 0, false,
          limits::intensity_g_per_kwh},
    bound{"energy_sources", "/sources_of_energy/*/lifecycle_gco2e_per_kwh/max", 0, false, limits::intensity_g_per_kwh},
};
inline constexpr required_field water_value{"energy_sources", "/sources_of_energy/*/water_l_per_kwh", "value"};
inline constexpr std::array water_bounds{
    bound{"energy_sources", "/sources_of_energy/*/water_l_per_kwh/min", 0, false, limits::ewif_l_per_kwh},
    bound{"energy_sources", "/sources_of_energy/*/water_l_per_kwh/value", 0, false, limits::ewif_l_per_kwh},
    bound{"energy_sources", "/sources_of_energy/*/water_l_per_kwh/max", 0, false, limits::ewif_l_per_kwh},
};

// presets.json
inline constexpr required_field preset_scenario{"presets", "/presets/*", "scenario"};

// equivalents.json: the factor's key depends on what it applies to
inline constexpr required_field applies_to{"equivalents", "/equivalents/*", "applies_to"};
inline constexpr std::array per_unit{
    bound{"equivalents", "/equivalents/*/per_unit_kg_co2e", 0, true},
    bound{"equivalents", "/equivalents/*/per_unit_kwh", 0, true},
    bound{"equivalents", "/equivalents/*/per_unit_l", 0, true},
};

/// Every rule above, for the test against the schemas.
template <class T, std::size_t... N>
constexpr auto join(const std::array<T, N>&... parts) {
  std::array<T, (N + ...)> all{};
  std::size_t i = 0;
  ((std::copy(parts.begin(), parts.end(), all.begin() + i), i += N), ...);
  return all;
}
inline constexpr auto all_required =
    join(entry_fields, region_value_fields, provider_value_fields,
         std::array{source_title, system_accelerators, die_process_nm, die_value, memory_value, host_value,
                    host_accelerators, region_kind, intensity_field, mix_shares, lifecycle, lifecycle_median,
                    water_value, preset_scenario, applies_to});
inline constexpr auto all_bounds = join(region_values, provider_values, lifecycle_bounds, water_bounds, per_unit,
                                        std::array{tdp_w, cpu_cores, package_tdp_w, peak_tflops, system_count, host_count, intensity, share});
}  // namespace rules

}  // namespace trainprint::inline v0::catalog_detail
