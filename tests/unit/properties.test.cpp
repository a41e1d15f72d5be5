// Properties of the model (issue 14) on the shipped catalog: energy is continuous in
// the accelerator count (no step at one node), monotone in tokens and parameters,
// invariant to splitting a run into parts; the Monte Carlo median of the MFU input
// agrees with the fitted distribution; and DeepSeek-V3's published GPU-hours lie in
// the 90% interval of a prediction made from its model and hardware alone.

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "trainprint/calibration.hpp"
#include "trainprint/catalog.hpp"
#include "trainprint/estimator.hpp"
#include "trainprint/uncertainty.hpp"

using namespace trainprint;
using doctest::Approx;

namespace {

bool close(double a, double b, double tol) { return std::abs(a - b) <= tol * std::max(std::abs(a), std::abs(b)); }

scenario small_a100(std::int64_t count) {
  scenario s;
  s.params = 1e9;
  s.tokens = 20e9;
  s.hardware = "a100";
  s.region = "DE";
  s.count = count;
  return s;
}

}  // namespace

TEST_CASE("properties: energy is continuous in the count (no step after one node)") {
  // The same work (6 × 1e9 × 20e9 = 1.2e20 FLOP) at the same fitted MFU draws the same
  // power at every count: the accelerator-hours, the energy and the emissions do not move.
  const estimate e8 = make_estimate(small_a100(8));
  const estimate e9 = make_estimate(small_a100(9));
  const estimate e16 = make_estimate(small_a100(16));
  CHECK(*e8.flops == Approx(1.2e20).epsilon(1e-12));
  for (const estimate* e : {&e9, &e16}) {
    CAPTURE(*e->scenario.count);
    CHECK(close(e->accelerator_hours, e8.accelerator_hours, 1e-9));
    CHECK(close(e->accelerator_power.in_watts(), e8.accelerator_power.in_watts(), 1e-9));
    CHECK(close(e->host_power.in_watts(), e8.host_power.in_watts(), 1e-9));
    CHECK(close(e->energy_facility.in_kwh(), e8.energy_facility.in_kwh(), 1e-9));
    REQUIRE(e->total);
    CHECK(close(e->total->in_kg_co2e(), e8.total->in_kg_co2e(), 1e-9));
    // Only the wall time divides by the count.
    CHECK(close(*e->wall_hours * static_cast<double>(*e->scenario.count), e8.accelerator_hours, 1e-9));
  }
  // The power fraction is the typical 0.75 at the fitted MFU, whatever the count.
  CHECK(e8.accelerator_power.in_watts() == Approx(0.75 * 400).epsilon(1e-12));  // A100 SXM4: 400 W TDP
  // The same holds on the time path: 96 accelerator-hours at 8 or 9 chips.
  scenario t = small_a100(8);
  t.params.reset();
  t.tokens.reset();
  t.gpu_hours = 96;
  const double at8 = make_estimate(t).energy_facility.in_kwh();
  t.count = 9;
  CHECK(close(make_estimate(t).energy_facility.in_kwh(), at8, 1e-9));
}

TEST_CASE("properties: energy is monotone non-decreasing in tokens and in parameters") {
  scenario s = small_a100(64);
  double last = 0;
  for (const double tokens : {1e9, 2e10, 3e11, 2e12, 1.5e13}) {
    CAPTURE(tokens);
    s.tokens = tokens;
    const double e = make_estimate(s).energy_facility.in_kwh();
    CHECK(e >= last);
    last = e;
  }
  // In the parameters the fitted MFU moves with the size (ln MFU has slope c2 + c3·p in
  // log10 N: rising on fast chips, falling on slow ones), but never as fast as the FLOPs, so
  // energy ∝ N^(1 − c2 − c3·p) at the typical power still rises, on every accelerator the
  // catalog has a reference peak and a TDP for, from 100M to 10T parameters.
  int accelerators = 0;
  for (const auto& a : catalog::embedded().accelerators()) {
    if (!a.tdp_w || !reference_peak_flop_per_s(a)) continue;
    CAPTURE(a.id);
    ++accelerators;
    scenario p;
    p.tokens = 1e12;
    p.hardware = a.id;
    p.count = 256;
    p.region = "DE";
    double prev = 0;
    for (const double params : {1e8, 1e9, 7e9, 7e10, 4e11, 1e13}) {
      CAPTURE(params);
      p.params = params;
      const estimate e = make_estimate(p);
      CHECK(e.energy_facility.in_kwh() >= prev);
      prev = e.energy_facility.in_kwh();
    }
    // More total parameters at the same active ones (MoE) never make a run cheaper.
    p.params = 4e11;
    p.active_params = 2e10;
    const double moe = make_estimate(p).energy_facility.in_kwh();
    p.params = 2e10;
    CHECK(make_estimate(p).energy_facility.in_kwh() <= moe);
  }
  CHECK(accelerators >= 10);
}

TEST_CASE("properties: splitting a run into two parts gives the energy of the whole") {
  scenario whole;
  whole.params = 7e9;
  whole.hardware = "h100";
  whole.count = 512;
  whole.region = "FR";
  whole.tokens = 2e12;
  scenario first = whole, second = whole;
  first.tokens = 0.7e12;
  second.tokens = 1.3e12;
  const estimate w = make_estimate(whole), a = make_estimate(first), b = make_estimate(second);
  CHECK(close(a.accelerator_hours + b.accelerator_hours, w.accelerator_hours, 1e-9));
  CHECK(close(a.energy_facility.in_kwh() + b.energy_facility.in_kwh(), w.energy_facility.in_kwh(), 1e-9));
  CHECK(close(a.total->in_kg_co2e() + b.total->in_kg_co2e(), w.total->in_kg_co2e(), 1e-9));
  CHECK(close(a.water_total->in_litres() + b.water_total->in_litres(), w.water_total->in_litres(), 1e-9));
  // The same on the time path: 1,000 + 3,000 accelerator-hours are 4,000.
  scenario h;
  h.hardware = "h100";
  h.region = "FR";
  h.gpu_hours = 4000;
  const double all = make_estimate(h).energy_facility.in_kwh();
  h.gpu_hours = 1000;
  const double part1 = make_estimate(h).energy_facility.in_kwh();
  h.gpu_hours = 3000;
  const double part2 = make_estimate(h).energy_facility.in_kwh();
  CHECK(close(part1 + part2, all, 1e-9));
}

TEST_CASE("properties: the Monte Carlo median of accelerator-hours is the fitted MFU distribution's") {
  // 7B on H100 in bf16 (speed-up 1): AH = C / (peak × MFU) / 3600 falls as the MFU rises,
  // so its median is C / (peak × MFU median) / 3600, with the MFU's median the prediction
  // times the median of the held-out factor F (a triangular distribution).
  scenario s;
  s.params = 7e9;
  s.tokens = 2e12;
  s.hardware = "h100";
  s.count = 512;
  s.region = "FR";
  const estimate e = make_estimate(s, catalog::embedded(), uncertainty_options{.samples = 100'000, .seed = 7});
  REQUIRE(e.uncertainty);
  const mfu_model& m = fitted_mfu_model();
  const double peak = 989.4e12;
  const double predicted = predict_mfu(m, {peak, 7e9, 7e9});
  CHECK(e.inputs.peak_flop_per_s == peak);
  CHECK(e.inputs.precision_speedup == 1);
  // The MFU input is the prediction scaled by F, and never clipped here (0.2151 × high < 1).
  const input_distribution* mfu = nullptr;
  for (const auto& d : e.uncertainty->inputs)
    if (d.input == uncertain_input::mfu) mfu = &d;
  REQUIRE(mfu);
  REQUIRE(predicted * m.factor.high < 1);
  CHECK(mfu->dist.low == Approx(predicted * m.factor.low).epsilon(1e-12));
  CHECK(mfu->dist.mode == Approx(predicted * m.factor.mode).epsilon(1e-12));
  CHECK(mfu->dist.high == Approx(predicted * m.factor.high).epsilon(1e-12));
  const double flops = 6 * 7e9 * 2e12;
  auto hours_at = [&](double f) { return flops / (peak * 1.0 * (predicted * f)) / 3600; };
  const auto* ah = e.uncertainty->find("compute.accelerator_hours");
  REQUIRE(ah);
  // Sampling error of a median at 10⁵ samples is well under 1% here; the histogram bins
  // are about 0.2% wide.
  CHECK(ah->p50 == Approx(hours_at(m.factor.quantile(0.5))).epsilon(0.01));
  // The tails too: AH's 5th percentile is at F's 95th, and its 95th at F's 5th.
  CHECK(ah->p5 == Approx(hours_at(m.factor.quantile(0.95))).epsilon(0.01));
  CHECK(ah->p95 == Approx(hours_at(m.factor.quantile(0.05))).epsilon(0.01));
  // The headline is that median.
  CHECK(e.accelerator_hours == ah->p50);
}

TEST_CASE("properties: DeepSeek-V3's published GPU-hours lie in the predicted 90% interval") {
  // arXiv:2412.19437, Table 1: 2.788M H800 GPU hours in total; 671B total / 37B active
  // parameters, 14.8T tokens, 2,048 H800, fp8 mixed precision.
  scenario s;
  s.params = 671e9;
  s.active_params = 37e9;
  s.tokens = 14.8e12;
  s.hardware = "nvidia-h800-sxm5-80gb";
  s.count = 2048;
  s.precision = precision::fp8;
  const estimate e = make_estimate(s, catalog::embedded(), uncertainty_options{.samples = 100'000, .seed = 42});
  REQUIRE(e.uncertainty);
  // 6 × 37e9 × 14.8e12 = 3.2856e24 FLOP, against the bf16 peak (989.4 TFLOP/s) × 1.27 for fp8.
  CHECK(*e.flops == Approx(3.2856e24).epsilon(1e-12));
  CHECK(e.inputs.peak_flop_per_s == 989.4e12);
  CHECK(e.inputs.precision_speedup == 1.27);
  const auto* ah = e.uncertainty->find("compute.accelerator_hours");
  REQUIRE(ah);
  INFO("DeepSeek-V3 accelerator-hours: p5 " << ah->p5 << ", p50 " << ah->p50 << ", p95 " << ah->p95
                                               << " (published 2.788e6)");
  CHECK(ah->p5 <= 2.788e6);
  CHECK(2.788e6 <= ah->p95);
}
