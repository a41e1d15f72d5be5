// Validation against published training runs. See include/trainprint/validate.hpp
// and docs/methodology.md sec. 6.

#include "trainprint/validate.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <string_view>

#include "preset_extras.hpp"
#include "trainprint/error.hpp"
#include "trainprint/estimator.hpp"
#include "trainprint/json.hpp"

namespace trainprint::inline v0 {
namespace {

using json = nlohmann::json;

using detail::extras_of;

/// The power basis of a preset: its own, else read from its boundary text.
power_basis basis_of(const preset& p) {
  if (const auto* x = extras_of(p.id); x && x->basis) return *x->basis;
  return p.reported_boundary.rfind("servers", 0) == 0 ? power_basis::measured_system : power_basis::tdp;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const auto n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/// Runs one scenario and compares it with what the preset reported, on the
/// source's boundary: facility energy if the source included PUE, else IT energy.
validation_result compare(const scenario& s, const preset& p, bool includes_pue, const catalog& cat) {
  validation_result r;
  const estimate e = make_estimate(s, cat);
  const double facility = e.energy_facility.in_mwh();
  const double energy = includes_pue ? facility : e.energy_it.in_mwh();
  r.energy_mwh = energy;
  if (e.inputs.path == model_inputs::workload_path::flops) r.mfu = e.inputs.mfu;
  if (e.location_based)
    r.emissions_t_co2e = facility > 0 ? e.location_based->in_kg_co2e() / 1000.0 * energy / facility : 0.0;
  else
    r.note = "no carbon intensity for the place given";
  if (p.reported_energy_mwh && *p.reported_energy_mwh > 0)
    r.energy_error = energy / *p.reported_energy_mwh - 1.0;
  if (r.emissions_t_co2e && p.reported_emissions_t_co2e && *p.reported_emissions_t_co2e > 0)
    r.emissions_error = *r.emissions_t_co2e / *p.reported_emissions_t_co2e - 1.0;
  return r;
}

validation_summary summarise(const std::vector<validation_row>& rows, validation_result validation_row::*mode) {
  validation_summary s;
  std::vector<double> energy, emissions;
  for (const auto& row : rows) {
    const validation_result& r = row.*mode;
    if (r.energy_error) energy.push_back(std::abs(*r.energy_error));
    if (r.emissions_error) emissions.push_back(std::abs(*r.emissions_error));
    const bool any = r.energy_error || r.emissions_error;
    const bool ok = (!r.energy_error || std::abs(*r.energy_error) <= reproduce_tolerance) &&
                    (!r.emissions_error || std::abs(*r.emissions_error) <= reproduce_tolerance);
    if (any && ok) ++s.within_tolerance;
  }
  s.energy_n = static_cast<int>(energy.size());
  s.emissions_n = static_cast<int>(emissions.size());
  if (!energy.empty()) s.energy_mae = median(energy);
  if (!emissions.empty()) s.emissions_mae = median(emissions);
  return s;
}

}  // namespace

std::string_view to_string(power_basis b) noexcept {
  switch (b) {
    case power_basis::tdp: return "tdp";
    case power_basis::measured_system: return "measured_system";
    case power_basis::measured_accelerators: return "measured_accelerators";
  }
  return "tdp";
}

std::optional<scenario> predict_scenario(const preset& p) {
  const auto* x = extras_of(p.id);
  if (!x || !x->predict) return std::nullopt;
  scenario s = *x->predict;
  // The source's accounting convention defines the quantity compared; it is not an
  // input known or unknown before a run, so predict mode keeps it.
  switch (basis_of(p)) {
    case power_basis::tdp:
      s.boundary = boundary::accelerators;
      s.power_fraction = 1.0;  // the source counted TDP, by convention
      break;
    case power_basis::measured_accelerators: s.boundary = boundary::accelerators; break;
    case power_basis::measured_system: s.boundary = boundary::servers; break;
  }
  if (!p.reported_includes_pue.value_or(true)) s.pue = 1.0;
  s.embodied = false;  // no source's reported figure includes embodied emissions
  return s;
}

validation_report validate_presets(const catalog& cat) {
  validation_report rep;
  for (const preset& p : cat.presets()) {
    if (!p.reported_energy_mwh && !p.reported_emissions_t_co2e) continue;
    validation_row row;
    row.id = p.id;
    row.name = p.name;
    row.boundary = p.reported_boundary;
    row.basis = basis_of(p);
    row.includes_pue = p.reported_includes_pue.value_or(true);
    row.published_energy_mwh = p.reported_energy_mwh;
    row.published_emissions_t_co2e = p.reported_emissions_t_co2e;
    row.notes = p.reported_notes;
    if (const auto* x = extras_of(p.id)) row.reproducible = x->reproducible;

    if (row.reproducible) {
      row.reproduce = compare(p.scenario, p, row.includes_pue, cat);
      const bool off = (row.reproduce.energy_error && std::abs(*row.reproduce.energy_error) > reproduce_tolerance) ||
                       (row.reproduce.emissions_error && std::abs(*row.reproduce.emissions_error) > reproduce_tolerance);
      if (off) row.reproduce.note = fmt::format("outside ±{:g}%: {}", reproduce_tolerance * 100, p.reported_notes);
    } else {
      row.reproduce.note = "not reproducible: " + p.reported_notes;
    }

    row.predict_scenario = predict_scenario(p);
    if (row.predict_scenario)
      row.predict = compare(*row.predict_scenario, p, row.includes_pue, cat);
    else
      row.predict.note = "no predict view";
    rep.rows.push_back(std::move(row));
  }
  rep.reproduce = summarise(rep.rows, &validation_row::reproduce);
  rep.predict = summarise(rep.rows, &validation_row::predict);
  return rep;
}

}  // namespace trainprint::inline v0
