// Uncertainty and sensitivity (uncertainty.hpp): distributions, Monte Carlo and
// one-at-a-time swings. Expected values are worked out by hand beside each check.
#include <doctest/doctest.h>
#include <trainprint/compare.hpp>
#include <trainprint/estimator.hpp>
#include <trainprint/json.hpp>
#include <trainprint/uncertainty.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "../../src/estimator_internal.hpp"

using namespace trainprint;
using doctest::Approx;

namespace {

/// A 7B run on 512 H100s in France with the shipped catalog: a dozen uncertain inputs.
scenario full_scenario() {
  scenario s;
  s.params = 7e9;
  s.tokens = 2e12;
  s.hardware = "h100";
  s.count = 512;
  s.region = "FR";
  s.price_usd_per_kwh = 0.1;
  return s;
}

/// Every input fixed by the user: no range anywhere.
scenario fixed_scenario() {
  scenario s;
  s.gpu_hours = 1e5;
  s.hardware = "h100";
  s.count = 64;
  s.power_fraction = 0.8;
  s.boundary = boundary::accelerators;
  s.pue = 1.2;
  s.wue = water_intensity::l_per_kwh(0.5);
  s.intensity = carbon_intensity::g_per_kwh(300);
  s.ewif = water_intensity::l_per_kwh(2);
  s.embodied = false;
  return s;
}

/// A bare model for hand-worked distributions: accelerator-hours given, 1000 W per
/// accelerator, accelerators boundary, PUE 1, so energy (kWh) = accelerator-hours
/// and location-based emissions (kg) = energy × intensity / 1000.
model_inputs bare_model() {
  model_inputs m;
  m.path = model_inputs::workload_path::accelerator_hours;
  m.accelerator_hours = 1;
  m.accelerator_power_w = 1000;
  m.servers = false;
  m.pue = 1;
  m.intensity_g_per_kwh = 1000;
  m.embodied = false;
  return m;
}

input_distribution dist(uncertain_input i, double low, double mode, double high) {
  return {i, "", {low, mode, high}, "test", ""};
}

}  // namespace

TEST_CASE("uncertainty: triangular quantiles and mean by hand") {
  // triangular(1, 2, 4): F(mode) = (2 − 1) / (4 − 1) = 1/3.
  // p < 1/3: x = 1 + √(p × 3 × 1);  p ≥ 1/3: x = 4 − √((1 − p) × 3 × 2).
  const triangular t{1, 2, 4};
  CHECK(t.quantile(0.05) == Approx(1 + std::sqrt(0.15)));  // 1.38730
  CHECK(t.quantile(0.5) == Approx(4 - std::sqrt(3.0)));    // 2.26795
  CHECK(t.quantile(0.95) == Approx(4 - std::sqrt(0.3)));   // 3.45228
  CHECK(t.quantile(1.0 / 3.0) == Approx(2));
  CHECK(t.mean() == Approx(7.0 / 3.0));
  CHECK(triangular{5, 5, 5}.quantile(0.9) == 5);

  // The same distribution through the Monte Carlo: 10⁶ samples of accelerator-hours.
  // Standard error of p5 = √(0.05 × 0.95 / 10⁶) / f(x5), f(x5) = 2 × 0.387 / 3 = 0.258:
  // 8.4e-4; of the mean, σ/√n = √(7/18)/1000 = 6.2e-4. Tolerances are ~5σ.
  const input_distribution in[] = {dist(uncertain_input::accelerator_hours, 1, 2, 4)};
  const auto r = propagate(bare_model(), in, {.samples = 1'000'000, .seed = 7, .threads = 2});
  const auto* ah = r.find("compute.accelerator_hours");
  REQUIRE(ah);
  CHECK(ah->p5 == Approx(1 + std::sqrt(0.15)).epsilon(4e-3));
  CHECK(ah->p50 == Approx(4 - std::sqrt(3.0)).epsilon(2e-3));
  CHECK(ah->p95 == Approx(4 - std::sqrt(0.3)).epsilon(2e-3));
  CHECK(ah->mean == Approx(7.0 / 3.0).epsilon(2e-3));
  CHECK(ah->central == 1);  // the point given to propagate (bare_model's 1 h), not the distribution's mode
}

TEST_CASE("uncertainty: the interval of a product of two independent ranges matches the analytic value") {
  // X = accelerator-hours ~ triangular(0, 1, 1) and Y = intensity / 1000 ~
  // triangular(0, 1, 1) (g/kWh 0..1000): both have density 2x on [0, 1], CDF x².
  // Location-based kg = X × 1000 W / 1000 × 1000·Y / 1000 = XY = Z. By hand:
  //   P(Z ≤ z) = ∫₀¹ 2y · P(X ≤ z/y) dy
  //            = ∫₀ᶻ 2y dy + ∫ᶻ¹ 2y (z/y)² dy = z² + 2z² (−ln z) = z² (1 − 2 ln z),
  // so p5 ≈ 0.0935, p50 ≈ 0.432, p95 ≈ 0.837 (roots below), and E[Z] = (2/3)² = 4/9.
  auto cdf = [](double z) { return z * z * (1 - 2 * std::log(z)); };
  auto root = [&](double p) {
    double lo = 1e-9, hi = 1;
    for (int i = 0; i < 200; ++i) ((cdf((lo + hi) / 2) < p) ? lo : hi) = (lo + hi) / 2;
    return (lo + hi) / 2;
  };
  const double p5 = root(0.05), p50 = root(0.5), p95 = root(0.95);
  CHECK(p5 == Approx(0.0935).epsilon(0.01));
  CHECK(p50 == Approx(0.432).epsilon(0.01));
  CHECK(p95 == Approx(0.837).epsilon(0.01));
  // Monte Carlo error at 10⁶ samples: √(p(1 − p)/n) / f(z), f(z) = −4 z ln z:
  // p5: 2.2e-4 / 0.886 = 2.5e-4; p50: 5e-4 / 1.45 = 3.4e-4; p95: 2.2e-4 / 0.60 = 3.6e-4.
  // The tolerance, 2e-3, is about 5 standard errors.
  const input_distribution in[] = {dist(uncertain_input::accelerator_hours, 0, 1, 1),
                                   dist(uncertain_input::intensity_g_per_kwh, 0, 1000, 1000)};
  const auto r = propagate(bare_model(), in, {.samples = 1'000'000, .seed = 2026});
  const auto* z = r.find("emissions_kg_co2e.location_based");
  REQUIRE(z);
  CHECK(std::abs(z->p5 - p5) < 2e-3);
  CHECK(std::abs(z->p50 - p50) < 2e-3);
  CHECK(std::abs(z->p95 - p95) < 2e-3);
  CHECK(std::abs(z->mean - 4.0 / 9.0) < 2e-3);
}

TEST_CASE("uncertainty: same seed, same numbers, whatever the thread count") {
  const auto& cat = catalog::embedded();
  const auto a = make_estimate(full_scenario(), cat, {.samples = 50'000, .seed = 11, .threads = 1});
  const auto b = make_estimate(full_scenario(), cat, {.samples = 50'000, .seed = 11, .threads = 1});
  const auto c = make_estimate(full_scenario(), cat, {.samples = 50'000, .seed = 11, .threads = 3});
  REQUIRE(a.uncertainty);
  const nlohmann::json ja = *a.uncertainty, jb = *b.uncertainty, jc = *c.uncertainty;
  CHECK(ja == jb);
  CHECK(ja == jc);
  const auto d = make_estimate(full_scenario(), cat, {.samples = 50'000, .seed = 12, .threads = 1});
  CHECK(ja != nlohmann::json(*d.uncertainty));
  // With ranges the headline numbers are the Monte Carlo medians, and a note says so.
  CHECK(a.energy_facility.in_kwh() == a.uncertainty->find("energy_kwh.facility")->p50);
  CHECK(a.total->in_kg_co2e() == a.uncertainty->find("emissions_kg_co2e.total")->p50);
  CHECK(a.accelerator_hours == a.uncertainty->find("compute.accelerator_hours")->p50);
  CHECK(a.outputs[output::energy_facility] == a.uncertainty->find("energy_kwh.facility")->p50);
  CHECK(std::find(a.notes.begin(), a.notes.end(),
                  "with ranges, every headline number is the median of 50000 Monte Carlo samples; the trace (and "
                  "uncertainty.outputs[].central) is the plain point estimate") != a.notes.end());
  // The central values are the plain point estimate: the estimate without ranges (the
  // fitted MFU at its median, every other input at its point value).
  const auto point = make_estimate(full_scenario(), cat);
  CHECK(a.uncertainty->find("energy_kwh.facility")->central == Approx(point.energy_facility.in_kwh()).epsilon(1e-12));
  CHECK(a.uncertainty->find("emissions_kg_co2e.total")->central == Approx(point.total->in_kg_co2e()).epsilon(1e-12));
}

TEST_CASE("uncertainty: p5 <= p50 <= p95 for every output, and every known output is there") {
  const auto e = make_estimate(full_scenario(), catalog::embedded(), uncertainty_options{});
  REQUIRE(e.uncertainty);
  const auto& u = *e.uncertainty;
  CHECK(u.samples == 10000);
  CHECK(u.seed == 42);
  for (const auto& o : u.outputs) {
    INFO(o.name);
    CHECK(o.p5 <= o.p50);
    CHECK(o.p50 <= o.p95);
    // FLOPs from given params and tokens are fixed (only a size word gives them a range).
    if (o.name == "compute.flops")
      CHECK(o.p5 == o.p95);
    else
      CHECK(o.p5 < o.p95);
  }
  for (const char* name : {"compute.accelerator_hours", "compute.wall_hours", "energy_kwh.accelerators",
                           "energy_kwh.host", "energy_kwh.it", "energy_kwh.facility",
                           "emissions_kg_co2e.location_based", "emissions_kg_co2e.embodied",
                           "emissions_kg_co2e.total", "water_l.onsite", "water_l.offsite", "water_l.total",
                           "cost_usd.electricity"})
    CHECK_MESSAGE(u.find(name), name);
  CHECK_FALSE(u.find("emissions_kg_co2e.market_based"));  // no cfe for FR
  CHECK_FALSE(u.find("cost_usd.compute"));                // no hourly price
  // The price was given without a range: fixed, named as such.
  bool price_fixed = false;
  for (const auto& i : u.inputs)
    if (i.input == uncertain_input::price_usd_per_kwh) price_fixed = i.dist.fixed() && i.basis == "fixed (user value)";
  CHECK(price_fixed);
}

TEST_CASE("uncertainty: a fixed input yields a zero-width interval") {
  const auto e = make_estimate(fixed_scenario(), catalog::embedded(), {.samples = 5000});
  REQUIRE(e.uncertainty);
  CHECK(e.uncertainty->sensitivity.empty());
  for (const auto& o : e.uncertainty->outputs) {
    INFO(o.name);
    CHECK(o.p5 == o.central);
    CHECK(o.p50 == o.central);
    CHECK(o.p95 == o.central);
    CHECK(o.mean == o.central);
  }
  // One range: only what depends on it moves. PUE 1.1:1.3 moves facility energy, not IT energy.
  scenario s = fixed_scenario();
  set_input(s, "pue", "1.1:1.3");
  const auto f = make_estimate(s, catalog::embedded(), {.samples = 5000});
  const auto* it = f.uncertainty->find("energy_kwh.it");
  const auto* fac = f.uncertainty->find("energy_kwh.facility");
  CHECK(it->p5 == it->p95);
  CHECK(fac->p5 < fac->p95);
  // 1e5 h × 560 W / 1000 = 56,000 kWh IT; × PUE triangular(1.1, 1.2, 1.3), symmetric:
  // median 1.2 → 67,200 kWh, p5 = 1.1 + √(0.05 × 0.2 × 0.1) = 1.13162 → 63,371 kWh.
  CHECK(fac->p50 == Approx(67200).epsilon(5e-3));
  CHECK(fac->p5 == Approx(56000 * (1.1 + std::sqrt(0.001))).epsilon(5e-3));
}

TEST_CASE("uncertainty: sensitivity ranks a dominant input first") {
  scenario s = fixed_scenario();
  set_input(s, "intensity", "100:900");
  set_input(s, "power_fraction", "0.78:0.82");
  const auto e = make_estimate(s, catalog::embedded(), {.samples = 2000});
  const auto& sens = e.uncertainty->sensitivity;
  REQUIRE(sens.size() == 2);
  CHECK(e.uncertainty->sensitivity_metric == "emissions_kg_co2e.total");
  CHECK(sens[0].input == uncertain_input::intensity_g_per_kwh);
  CHECK(sens[1].input == uncertain_input::power_fraction);
  CHECK(sens[0].swing > sens[1].swing);
  // Intensity p5 = 100 + √(0.05 × 800 × 400) = 226.49, p95 = 900 − √(0.05 × 800 × 400) = 773.51;
  // the swing is 67,200 kWh × (773.51 − 226.49) / 1000 = 36,760 kg.
  CHECK(sens[0].input_p5 == Approx(100 + std::sqrt(16000.0)));
  CHECK(sens[0].swing == Approx(67200 * (800 - 2 * std::sqrt(16000.0)) / 1000));
}

TEST_CASE("uncertainty: ranges as text, JSON and through merge and validate") {
  scenario s;
  set_input(s, "mfu", "0.35:0.45");
  CHECK(*s.mfu == Approx(0.4));
  CHECK(s.ranges.at("mfu") == range{0.35, 0.4, 0.45});
  set_input(s, "mfu", "30%:35%:50%");
  CHECK(s.ranges.at("mfu") == range{0.3, 0.35, 0.5});
  set_input(s, "duration", "20d:30d");
  CHECK(s.duration_h->count() == Approx(600));
  CHECK(s.ranges.at("duration_h").high == Approx(720));
  set_input(s, "mfu", "0.4");  // a single value is fixed
  CHECK_FALSE(s.ranges.contains("mfu"));

  // JSON: objects, arrays and text; written back as objects.
  const scenario j = parse_scenario(
      R"({"gpu_hours": 1000, "hardware": "h100", "pue": {"low": 1.1, "high": 1.3},
          "mfu": [0.3, 0.5], "intensity": "100:200:400", "lifetime_years": [3, 4, 6]})");
  CHECK(*j.pue == Approx(1.2));
  CHECK(j.ranges.at("intensity") == range{100, 200, 400});
  CHECK(j.ranges.at("lifetime_years") == range{3, 4, 6});
  const nlohmann::json back = j;
  CHECK(back.at("pue").at("mode") == Approx(1.2));
  CHECK(back.at("gpu_hours") == 1000);
  CHECK(back.get<scenario>() == j);

  // merge: a plain value replaces a range.
  scenario o;
  o.pue = 1.5;
  const scenario m = merge(j, o);
  CHECK(*m.pue == 1.5);
  CHECK_FALSE(m.ranges.contains("pue"));
  CHECK(m.ranges.contains("intensity"));

  // validate: both ends checked as values of the input, and the order.
  scenario bad;
  bad.gpu_hours = 1000;
  bad.hardware = "h100";
  // As text, each end is checked where it is read, and the message shows it as typed.
  CHECK_THROWS_WITH_AS(set_input(bad, "mfu", "0.3:170%"), "[trainprint.input] mfu: got '170%' (1.7), expected 0 < mfu <= 1",
                       input_error);
  set_range(bad, "mfu", range{0.3, 1.0, 1.7});
  CHECK_THROWS_WITH_AS(validate(bad), "[trainprint.input] mfu: got 1.7 (the high end of the range 0.3:1.7), expected 0 < mfu <= 1", input_error);
  scenario rev;
  rev.gpu_hours = 1000;
  // Out of order as text: refused where it is read, in the units typed (3w, not 504 h).
  CHECK_THROWS_WITH_AS(set_input(rev, "pue", "1.5:1.2"),
                       "[trainprint.input] pue: got '1.5:1.2', expected a range low:high or low:mode:high with "
                       "low <= mode <= high ('1.5' is above '1.2')",
                       input_error);
  CHECK_THROWS_WITH_AS(set_input(rev, "duration", "3w:1w"),
                       "[trainprint.input] duration_h: got '3w:1w', expected a range low:high or low:mode:high with "
                       "low <= mode <= high ('3w' is above '1w')",
                       input_error);
  set_range(rev, "pue", range{1.5, 1.35, 1.2});
  CHECK_THROWS_WITH_AS(validate(rev),
                       "[trainprint.input] pue: got 1.5:1.35:1.2, expected a range low:high or low:mode:high with "
                       "low <= mode <= high",
                       input_error);
  CHECK_THROWS_AS(set_input(rev, "pue", "1:2:3:4"), unit_error);
  CHECK_THROWS_AS(parse_scenario(R"({"gpu_hours": 1000, "hardware": [1, 2]})"), input_error);
}

TEST_CASE("uncertainty: options out of range and the JSON block round trip") {
  CHECK_THROWS_WITH_AS(validate(uncertainty_options{.samples = 0}),
                       "[trainprint.input] samples: got 0, expected 20 <= samples <= 1e+09 (the 5th and 95th percentiles need at least 20)", input_error);
  CHECK_THROWS_AS(validate(uncertainty_options{.threads = 0}), input_error);
  const auto e = make_estimate(full_scenario(), catalog::embedded(), {.samples = 3000, .seed = 5});
  const nlohmann::json j = e;
  CHECK(j.at("uncertainty").at("samples") == 3000);
  CHECK(j.at("uncertainty").at("outputs").contains("emissions_kg_co2e.total"));
  CHECK(j.at("uncertainty").at("sensitivity").at(0).at("input") == "mfu");
  const estimate back = j.get<estimate>();
  REQUIRE(back.uncertainty);
  CHECK(nlohmann::json(*back.uncertainty) == j.at("uncertainty"));
  // Without uncertainty_options the block stays null.
  CHECK(nlohmann::json(make_estimate(full_scenario())).at("uncertainty").is_null());
}

TEST_CASE("uncertainty: the wide (AVX2) Monte Carlo gives the portable one's numbers bit for bit") {
  // propagate() runs its blocks four samples an operation with AVX2 where the CPU has it
  // (src/uncertainty.cpp), else two with SSE2: the same IEEE operations in the same order,
  // so every quantile, mean and count must be equal. Four paths: FLOPs; accelerator-hours
  // with the workload known and a range reaching impossible samples (the sample_limit
  // check and the packing of the possible ones); duration; a measured energy.
  const auto& cat = catalog::embedded();
  scenario timed;
  timed.params = 7e9;
  timed.tokens = 2e12;
  timed.hardware = "h100";
  timed.count = 512;
  timed.region = "DE";
  // 7e9 × 2e12 × 6 = 8.4e22 FLOPs; at the H100's ~9.9e14 FLOP/s dense peak that is
  // ~23,600 h at MFU 1: hours below that are impossible.
  REQUIRE(set_range(timed, "gpu_hours", range{15'000, 40'000, 100'000}));
  scenario duration;
  duration.hardware = "a100";
  duration.count = 64;
  duration.duration_h = hours(120);
  duration.region = "US-CA";
  REQUIRE(set_range(duration, "pue", range{1.1, 1.2, 1.5}));
  scenario measured = full_scenario();
  measured.energy_kwh = energy::kwh(250'000);
  measured.energy_boundary = energy_boundary::servers;
  for (const scenario& s : {full_scenario(), timed, duration, measured}) {
    const resolved_scenario r = resolve(s, cat);
    const auto in = input_distributions(r);
    detail::sample_limit limit;
    if (s.gpu_hours) {
      limit.peak_flop_per_s = r.inputs.peak_flop_per_s;
      limit.speedup_central = r.inputs.precision_speedup;
    }
    const uncertainty_options o{.samples = 30'000, .seed = 5, .threads = 2};
    const auto wide = detail::propagate(r.inputs, in, o, limit, detail::simd::wide);
    const auto portable = detail::propagate(r.inputs, in, o, limit, detail::simd::portable);
    CHECK(nlohmann::json(wide) == nlohmann::json(portable));
    REQUIRE(wide.outputs.size() == portable.outputs.size());
    for (std::size_t k = 0; k < wide.outputs.size(); ++k) {
      const auto& a = wide.outputs[k];
      const auto& b = portable.outputs[k];
      CHECK(std::memcmp(&a.p5, &b.p5, sizeof a.p5) == 0);
      CHECK(std::memcmp(&a.p50, &b.p50, sizeof a.p50) == 0);
      CHECK(std::memcmp(&a.p95, &b.p95, sizeof a.p95) == 0);
      CHECK(std::memcmp(&a.mean, &b.mean, sizeof a.mean) == 0);
    }
    CHECK(wide.impossible_samples == portable.impossible_samples);
    if (s.gpu_hours) CHECK(wide.impossible_samples > 0);  // the check and the packing ran
  }
  MESSAGE("the wide path ran on this CPU: ", detail::wide_simd_available());
}
