// Numerical robustness (issue 10): across the realistic range — one chip for an
// hour to 10⁶ chips for a year, 10⁶ to 10¹³ parameters — every result is finite,
// non-negative and consistent with the formulas to rounding, and energy scales
// linearly with the tokens, the chips and the time (and with the parameters as the
// fitted MFU says: 6·N·D / MFU(N)).

#include <doctest/doctest.h>

#include <cmath>
#include <optional>
#include <string>

#include "trainprint/error.hpp"
#include "trainprint/estimator.hpp"
#include "trainprint/uncertainty.hpp"

using namespace trainprint;

namespace {

constexpr double rel = 1e-12;

bool close(double a, double b, double tol = rel) {
  return std::abs(a - b) <= tol * std::max(std::abs(a), std::abs(b));
}

void finite_non_negative(const char* what, double v) {
  CAPTURE(what);
  CHECK(std::isfinite(v));
  CHECK(v >= 0);
}

/// Every number finite and non-negative, and the §1 relations hold to rounding.
void check_consistent(const estimate& e) {
  finite_non_negative("accelerator_hours", e.accelerator_hours);
  finite_non_negative("energy_facility", e.energy_facility.in_kwh());
  finite_non_negative("energy_it", e.energy_it.in_kwh());
  CHECK(e.accelerator_hours > 0);
  CHECK(e.energy_facility.in_kwh() > 0);
  const auto& in = e.inputs;
  CHECK(close(e.energy_accelerators.in_kwh(), e.accelerator_hours * e.accelerator_power.in_watts() / 1000));
  CHECK(close(e.energy_host.in_kwh(), e.accelerator_hours * e.host_power.in_watts() / 1000));
  CHECK(close(e.energy_it.in_kwh(), e.energy_accelerators.in_kwh() + e.energy_host.in_kwh()));
  CHECK(close(e.energy_facility.in_kwh(), e.energy_it.in_kwh() * in.pue));
  REQUIRE(e.location_based);
  finite_non_negative("location", e.location_based->in_kg_co2e());
  CHECK(close(e.location_based->in_kg_co2e(), e.energy_facility.in_kwh() * *in.intensity_g_per_kwh / 1000));
  if (e.total) finite_non_negative("total", e.total->in_kg_co2e());
  if (e.embodied) finite_non_negative("embodied", e.embodied->in_kg_co2e());
  if (e.water_total) finite_non_negative("water", e.water_total->in_litres());
  if (e.wall_hours) finite_non_negative("wall_hours", *e.wall_hours);
  for (const auto& t : e.trace) {
    CAPTURE(t.name);
    CHECK(std::isfinite(t.value));
  }
}

scenario duration_run(double count, double hours) {
  scenario s;
  s.hardware = "h100";
  s.region = "FR";
  s.count = static_cast<std::int64_t>(count);
  s.duration_h = trainprint::hours(hours);
  // No power_fraction: the default (0.75, defaults.hpp) is the same at every count, so
  // the scaling with the count is exact without fixing it.
  return s;
}

scenario params_run(double params, double tokens) {
  scenario s;
  s.hardware = "h100";
  s.region = "US-VA";
  s.count = 1024;
  s.params = params;
  s.tokens = tokens;
  return s;
}

}  // namespace

TEST_CASE("robustness: one chip for an hour to a million chips for a year") {
  for (const double count : {1.0, 8.0, 1e3, 1e6})
    for (const double h : {1.0, 24.0, 720.0, 8760.0}) {
      CAPTURE(count);
      CAPTURE(h);
      const auto e = make_estimate(duration_run(count, h));
      check_consistent(e);
      CHECK(close(e.accelerator_hours, count * h));
      REQUIRE(e.wall_hours);
      CHECK(close(*e.wall_hours, h));
      // Energy scales linearly with the number of chips and with the time.
      const auto twice_chips = make_estimate(duration_run(2 * count, h));
      CHECK(close(twice_chips.energy_facility.in_kwh(), 2 * e.energy_facility.in_kwh()));
      CHECK(close(twice_chips.total->in_kg_co2e(), 2 * e.total->in_kg_co2e()));
      const auto twice_time = make_estimate(duration_run(count, 2 * h));
      CHECK(close(twice_time.energy_facility.in_kwh(), 2 * e.energy_facility.in_kwh()));
    }
  // The whole range spans 8.76e9 accelerator-hours; per chip-hour it is the same energy.
  const auto small = make_estimate(duration_run(1, 1));
  const auto large = make_estimate(duration_run(1e6, 8760));
  CHECK(close(large.energy_facility.in_kwh() / 8.76e9, small.energy_facility.in_kwh()));
}

TEST_CASE("robustness: a million to ten trillion parameters") {
  for (const double params : {1e6, 1e8, 7e9, 1e11, 1e12, 1e13})
    for (const double tokens : {1e9, 1e12, 1e14}) {
      CAPTURE(params);
      CAPTURE(tokens);
      const auto e = make_estimate(params_run(params, tokens));
      check_consistent(e);
      REQUIRE(e.flops);
      // Compute is 6·N·D; accelerator-hours follow from it.
      CHECK(close(*e.flops, 6 * params * tokens, 1e-9));
      CHECK(close(e.accelerator_hours, *e.flops / (e.inputs.peak_flop_per_s * e.inputs.mfu) / 3600, 1e-9));
      // Energy is linear in the tokens (the MFU and the power do not depend on them).
      const auto more_tokens = make_estimate(params_run(params, 10 * tokens));
      CHECK(close(more_tokens.energy_facility.in_kwh(), 10 * e.energy_facility.in_kwh(), 1e-9));
      // In the parameters, the fitted MFU grows with the size: on H100 (p = log10(989.4/312)
      // = 0.501217) ln MFU moves by (c2 + c3·p) · log10(2) = (0.193469 + 0.273503 × 0.501217)
      // × 0.301030 = 0.330553 × 0.301030 = 0.099506 per doubling, × 1.104626; the power stays at
      // 0.75 of TDP (the run is at the fitted MFU). So twice the parameters take
      // 2 / 1.104626 = 1.810568 times the energy (no MFU reaches the cap of 1: at 2e13, n = 4.301,
      // ln MFU = −1.189942 − 0.706027 + 0.193469 × 4.301030 + 0.273503 × 4.301030 × 0.501217
      // = −1.189942 − 0.706027 + 0.832115 + 0.589604 = −0.474250 → 0.622).
      const auto more_params = make_estimate(params_run(2 * params, tokens));
      CHECK(close(more_params.inputs.mfu / e.inputs.mfu, 1.104626, 1e-6));
      CHECK(close(more_params.energy_facility.in_kwh(), 1.810568 * e.energy_facility.in_kwh(), 1e-6));
    }
}

TEST_CASE("robustness: every input at its upper limit stays finite") {
  scenario s;
  // A part with no power ceiling (google-tpu-v4: no datasheet TDP, no server maximum), so
  // that power_w may sit at its limit (an H100 is refused above 1,275 W: power_ceiling_check).
  s.hardware = "tpu-v4";
  s.region = "FR";
  s.gpu_hours = limits::gpu_hours;
  s.count = static_cast<std::int64_t>(limits::count);
  s.power_w = power::watts(limits::power_w);
  s.host_power_w = power::watts(limits::power_w);
  s.pue = limits::pue;
  s.intensity = carbon_intensity::g_per_kwh(limits::intensity_g_per_kwh);
  s.wue = water_intensity::l_per_kwh(limits::wue_l_per_kwh);
  s.ewif = water_intensity::l_per_kwh(limits::ewif_l_per_kwh);
  s.price_usd_per_kwh = limits::price_usd_per_kwh;
  s.hourly_price_usd = limits::hourly_price_usd;
  s.lifetime_years = 1e-3;
  const auto e = make_estimate(s);
  check_consistent(e);
  finite_non_negative("electricity", *e.electricity_cost_usd);
  finite_non_negative("compute", *e.compute_cost_usd);

  // The largest model and data: the flops path at the limits.
  scenario big = params_run(limits::params, limits::tokens);
  big.mfu = 1e-6;
  try {
    check_consistent(make_estimate(big));
  } catch (const input_error& err) {
    // Refusing an overflow is allowed; a silent inf is not.
    CHECK(std::string(err.what()).rfind("[trainprint.input] ", 0) == 0);
  }
}

TEST_CASE("robustness: the smallest inputs give small, positive, finite results") {
  scenario s;
  s.hardware = "h100";
  s.region = "FR";
  s.gpu_hours = 1e-6;
  s.count = 1;
  const auto e = make_estimate(s);
  check_consistent(e);
  CHECK(e.energy_facility.in_kwh() < 1e-5);
}

TEST_CASE("robustness: uncertainty at the extremes stays finite and ordered") {
  for (const auto& s : {duration_run(1, 1), duration_run(1e6, 8760), params_run(1e13, 1e14), params_run(1e6, 1e9)}) {
    // The point estimate is consistent; with ranges the headline numbers are medians of
    // each output (a median of a sum is not the sum of the medians), and the centrals are
    // the plain point estimate.
    check_consistent(make_estimate(s));
    const auto e = make_estimate(s, catalog::embedded(), uncertainty_options{.samples = 2000, .seed = 3});
    REQUIRE(e.uncertainty);
    const auto point = make_estimate(s);  // the central values are the plain point estimate
    check_consistent(point);
    finite_non_negative("accelerator_hours", e.accelerator_hours);
    finite_non_negative("energy_facility", e.energy_facility.in_kwh());
    REQUIRE(e.total);
    finite_non_negative("total", e.total->in_kg_co2e());
    const auto* facility = e.uncertainty->find("energy_kwh.facility");
    REQUIRE(facility);
    // The headline is the median, stored as energy::kwh(p50) and read back with in_kwh(): the
    // × 3.6e6 / 3.6e6 round trip may move the last bit (0.043141 kWh for params_run(1e6, 1e9)).
    CHECK(close(e.energy_facility.in_kwh(), facility->p50, 1e-14));
    CHECK(close(facility->central, point.energy_facility.in_kwh()));
    CHECK(e.total->in_kg_co2e() == e.uncertainty->find("emissions_kg_co2e.total")->p50);
    CHECK(close(e.uncertainty->find("emissions_kg_co2e.total")->central, point.total->in_kg_co2e()));
    for (const auto& o : e.uncertainty->outputs) {
      CAPTURE(o.name);
      CHECK(std::isfinite(o.central));
      CHECK(std::isfinite(o.p5));
      CHECK(std::isfinite(o.p95));
      CHECK(std::isfinite(o.mean));
      CHECK(o.p5 <= o.p50);
      CHECK(o.p50 <= o.p95);
      CHECK(o.p5 >= 0);
    }
  }
}
