// Validation against published training runs. See include/trainprint/validate.hpp
// and docs/methodology.md sec. 6.

#include "trainprint/validate.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <string_view>

#include "estimator_internal.hpp"
#include "preset_extras.hpp"
#include "stats.hpp"
#include "trainprint/calibration.hpp"
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

/// The size class of a run by its active parameters.
std::string size_class(const std::optional<double>& n) {
  if (!n) return "size unknown";
  if (*n < 1e9) return "< 1B";
  if (*n < 1e10) return "1B-10B";
  if (*n < 1e11) return "10B-100B";
  return ">= 100B";
}

/// Runs one estimate and compares it with what the preset reported, on the source's
/// boundary: facility energy if the source included PUE, else IT energy. `reference`
/// is the energy the energy error is measured against.
validation_result compare(const estimate& e, const preset& p, bool includes_pue, std::optional<double> reference) {
  validation_result r;
  const double facility = e.energy_facility.in_mwh();
  const double energy = includes_pue ? facility : e.energy_it.in_mwh();
  r.energy_mwh = energy;
  if (e.inputs.path == model_inputs::workload_path::flops) r.mfu = e.inputs.mfu;
  if (e.location_based)
    r.emissions_t_co2e = facility > 0 ? e.location_based->in_kg_co2e() / 1000.0 * energy / facility : 0.0;
  else if (p.reported_emissions_t_co2e)
    r.note = "no carbon intensity for the place given";
  if (reference && *reference > 0) r.energy_error = energy / *reference - 1.0;
  if (r.emissions_t_co2e && p.reported_emissions_t_co2e && *p.reported_emissions_t_co2e > 0)
    r.emissions_error = *r.emissions_t_co2e / *p.reported_emissions_t_co2e - 1.0;
  if (e.uncertainty) {
    const auto* i = e.uncertainty->find(includes_pue ? "energy_kwh.facility" : "energy_kwh.it");
    if (i) {
      r.energy_p5_mwh = i->p5 / 1000.0;
      r.energy_p95_mwh = i->p95 / 1000.0;
      if (reference) r.covered = *r.energy_p5_mwh <= *reference && *reference <= *r.energy_p95_mwh;
    }
  }
  return r;
}

validation_summary summarise(const std::vector<const validation_row*>& rows, validation_result validation_row::*mode) {
  validation_summary s;
  std::vector<double> energy, emissions;
  int covered = 0;
  for (const auto* row : rows) {
    const validation_result& r = row->*mode;
    if (r.energy_error) energy.push_back(std::abs(*r.energy_error));
    if (r.emissions_error) emissions.push_back(std::abs(*r.emissions_error));
    const bool any = r.energy_error || r.emissions_error;
    const bool ok = (!r.energy_error || std::abs(*r.energy_error) <= reproduce_tolerance) &&
                    (!r.emissions_error || std::abs(*r.emissions_error) <= reproduce_tolerance);
    if (any && ok) ++s.within_tolerance;
    if (r.covered) {
      ++s.coverage_n;
      covered += *r.covered ? 1 : 0;
    }
  }
  s.energy_n = static_cast<int>(energy.size());
  s.emissions_n = static_cast<int>(emissions.size());
  std::sort(energy.begin(), energy.end());
  std::sort(emissions.begin(), emissions.end());
  if (!energy.empty()) {
    s.energy_mae = detail::quantile_sorted(energy, 0.5);
    s.energy_p90 = detail::quantile_sorted(energy, 0.9);
  }
  if (!emissions.empty()) s.emissions_mae = detail::quantile_sorted(emissions, 0.5);
  if (s.coverage_n > 0) s.coverage = static_cast<double>(covered) / s.coverage_n;
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
  const auto runs = calibration_runs(cat);
  std::map<std::string, mfu_model> held_out_models;  // by organisation left out
  auto held_out_model = [&](const std::string& org) -> const mfu_model& {
    auto it = held_out_models.find(org);
    if (it == held_out_models.end()) {
      std::vector<calibration_run> train;
      for (const auto& r : runs)
        if (r.organisation != org) train.push_back(r);
      it = held_out_models.emplace(org, fit_mfu_model(train)).first;
    }
    return it->second;
  };
  std::vector<std::string> organisations;
  for (const preset& p : cat.presets()) {
    const auto* x = extras_of(p.id);
    if (!p.reported_energy_mwh && !p.reported_emissions_t_co2e && !(x && x->reported_accelerator_hours)) continue;
    validation_row row;
    row.id = p.id;
    row.name = p.name;
    row.boundary = p.reported_boundary;
    row.basis = basis_of(p);
    row.includes_pue = p.reported_includes_pue.value_or(true);
    row.published_energy_mwh = p.reported_energy_mwh;
    row.published_emissions_t_co2e = p.reported_emissions_t_co2e;
    row.notes = p.reported_notes;
    if (x) {
      row.reproducible = x->reproducible;
      row.organisation = x->organisation;
      row.in_fit = x->calibration_use;
      if (x->predict && (x->predict->params || x->predict->active_params)) {
        row.active_params = x->predict->active_params ? x->predict->active_params : x->predict->params;
        row.moe = x->predict->params && x->predict->active_params && *x->predict->active_params < *x->predict->params;
      }
    }
    if (const auto* a = cat.get_accelerator(p.scenario.hardware.value_or(""))) row.family = a->family;
    if (std::find(organisations.begin(), organisations.end(), row.organisation) == organisations.end())
      organisations.push_back(row.organisation);

    row.reference_energy_mwh = p.reported_energy_mwh;
    row.reference_published = p.reported_energy_mwh.has_value();
    if (row.reproducible) {
      row.reproduce = compare(make_estimate(p.scenario, cat), p, row.includes_pue, p.reported_energy_mwh);
      const bool off = (row.reproduce.energy_error && std::abs(*row.reproduce.energy_error) > reproduce_tolerance) ||
                       (row.reproduce.emissions_error && std::abs(*row.reproduce.emissions_error) > reproduce_tolerance);
      if (off) row.reproduce.note = fmt::format("outside ±{:g}%: {}", reproduce_tolerance * 100, p.reported_notes);
      // No published energy: the energy of the source's own inputs, where they reproduce it.
      if (!row.reference_energy_mwh && !off) row.reference_energy_mwh = row.reproduce.energy_mwh;
    } else {
      row.reproduce.note = "not reproducible: " + p.reported_notes;
    }

    row.predict_scenario = predict_scenario(p);
    if (row.predict_scenario) {
      row.predict = compare(make_estimate(*row.predict_scenario, cat), p, row.includes_pue, row.reference_energy_mwh);
      const uncertainty_options opts{.samples = validation_samples, .seed = 42, .threads = 1};
      row.held_out = compare(detail::make_estimate_with(*row.predict_scenario, cat, held_out_model(row.organisation), &opts),
                             p, row.includes_pue, row.reference_energy_mwh);
    } else {
      row.predict.note = row.held_out.note = "no predict view";
    }
    rep.rows.push_back(std::move(row));
  }
  std::vector<const validation_row*> all;
  for (const auto& r : rep.rows) all.push_back(&r);
  rep.reproduce = summarise(all, &validation_row::reproduce);
  rep.predict = summarise(all, &validation_row::predict);
  rep.held_out = summarise(all, &validation_row::held_out);
  rep.organisations = static_cast<int>(organisations.size());
  // Held-out error and coverage by family, size and architecture.
  auto group_by = [&](const std::string& dimension, auto key) {
    std::map<std::string, std::vector<const validation_row*>> groups;
    for (const auto* r : all)
      if (r->held_out.energy_error) groups[key(*r)].push_back(r);
    for (const auto& [value, rows] : groups)
      rep.breakdown.push_back({dimension, value, summarise(rows, &validation_row::held_out)});
  };
  group_by("family", [](const validation_row& r) { return r.family; });
  group_by("size", [](const validation_row& r) { return size_class(r.active_params); });
  group_by("architecture", [](const validation_row& r) {
    return !r.active_params ? std::string("unknown") : r.moe ? std::string("MoE") : std::string("dense");
  });
  // Whether the published figure was measured or computed at TDP (the power model is only
  // tested by the measured ones; under a TDP convention the error is the hours' error).
  group_by("power", [](const validation_row& r) {
    return r.basis == power_basis::tdp ? std::string("TDP convention") : std::string("measured");
  });
  return rep;
}

}  // namespace trainprint::inline v0
