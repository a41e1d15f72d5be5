#pragma once
// Invariants shared by the fuzz targets: any failure aborts, so libFuzzer reports it.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <optional>
#include <string>

#include "trainprint/error.hpp"
#include "trainprint/estimate.hpp"
#include "trainprint/uncertainty.hpp"

namespace trainprint::fuzz {

[[noreturn]] inline void fail(const std::string& what) {
  std::fprintf(stderr, "fuzz invariant violated: %s\n", what.c_str());
  std::abort();
}

inline void finite_non_negative(const char* name, double v) {
  if (!std::isfinite(v) || v < 0) fail(std::string(name) + " = " + std::to_string(v));
}
inline void finite_non_negative(const char* name, const std::optional<double>& v) {
  if (v) finite_non_negative(name, *v);
}

/// Every number of a successful estimate is finite and non-negative.
inline void check_estimate(const estimate& e) {
  finite_non_negative("accelerator_hours", e.accelerator_hours);
  finite_non_negative("wall_hours", e.wall_hours);
  finite_non_negative("flops", e.flops);
  finite_non_negative("accelerator_power", e.accelerator_power.in_watts());
  finite_non_negative("host_power", e.host_power.in_watts());
  finite_non_negative("energy_accelerators", e.energy_accelerators.in_kwh());
  finite_non_negative("energy_host", e.energy_host.in_kwh());
  finite_non_negative("energy_it", e.energy_it.in_kwh());
  finite_non_negative("energy_facility", e.energy_facility.in_kwh());
  for (const auto* q : {&e.location_based, &e.market_based, &e.embodied, &e.total})
    if (*q) finite_non_negative("emissions", (*q)->in_kg_co2e());
  for (const auto* q : {&e.water_onsite, &e.water_offsite, &e.water_total})
    if (*q) finite_non_negative("water", (*q)->in_litres());
  finite_non_negative("electricity_cost_usd", e.electricity_cost_usd);
  finite_non_negative("compute_cost_usd", e.compute_cost_usd);
  for (const auto& t : e.trace)
    if (!std::isfinite(t.value)) fail("trace " + t.name + " not finite");
  if (e.energy_facility.in_kwh() + 1e-9 < e.energy_it.in_kwh()) fail("facility energy below IT energy");
  if (e.uncertainty)
    for (const auto& o : e.uncertainty->outputs) {
      for (double v : {o.central, o.p5, o.p50, o.p95, o.mean})
        if (!std::isfinite(v)) fail("uncertainty " + o.name + " not finite");
      if (!(o.p5 <= o.p50 && o.p50 <= o.p95)) fail("uncertainty " + o.name + " quantiles out of order");
    }
}

/// Runs `f`; a trainprint::error is an accepted outcome, any other exception aborts.
template <class F>
bool only_trainprint_errors(F&& f) {
  try {
    f();
    return true;
  } catch (const trainprint::error& e) {
    const std::string m = e.what();
    if (m.rfind("[trainprint.", 0) != 0) fail("error message without prefix: " + m);
    return false;
  } catch (const std::exception& e) {
    fail(std::string("non-trainprint exception: ") + e.what());
  } catch (...) {
    fail("non-standard exception");
  }
}

}  // namespace trainprint::fuzz
