// Scenario validation: every bad input names the field, the value and what is expected.
#include <doctest/doctest.h>
#include <trainprint/estimator.hpp>

#include <limits>

using namespace trainprint;

namespace {
scenario valid() {
  scenario s;
  s.gpu_hours = 100;
  s.hardware = "h100";
  return s;
}
constexpr double nan_v = std::numeric_limits<double>::quiet_NaN();
constexpr double inf_v = std::numeric_limits<double>::infinity();
}  // namespace

TEST_CASE("scenario: a valid scenario passes validation") { CHECK_NOTHROW(validate(valid())); }

TEST_CASE("scenario: a workload with a time is valid (the time sets the hours)") {
  scenario s = valid();
  s.params = 7e9;
  s.tokens = 1e12;
  CHECK_NOTHROW(validate(s));
  s.params.reset();
  s.tokens.reset();
  s.flops = 1e21;
  CHECK_NOTHROW(validate(s));
  s.gpu_hours.reset();
  s.duration_h = hours(10);
  s.count = 8;
  CHECK_NOTHROW(validate(s));
}

TEST_CASE("scenario: out-of-range numbers are refused with exact messages") {
  struct bad_case {
    void (*set)(scenario&);
    const char* message;
  };
  const bad_case cases[] = {
      {[](scenario& s) { s.gpu_hours = -5; }, "[trainprint.input] gpu_hours: got -5 h, expected 0 h < gpu_hours <= 1e+13 h"},
      {[](scenario& s) { s.gpu_hours = 0; }, "[trainprint.input] gpu_hours: got 0 h, expected 0 h < gpu_hours <= 1e+13 h"},
      {[](scenario& s) { s.gpu_hours = nan_v; }, "[trainprint.input] gpu_hours: got nan h, expected 0 h < gpu_hours <= 1e+13 h"},
      {[](scenario& s) { s.gpu_hours = inf_v; }, "[trainprint.input] gpu_hours: got inf h, expected 0 h < gpu_hours <= 1e+13 h"},
      {[](scenario& s) { s.gpu_hours = 1e308; }, "[trainprint.input] gpu_hours: got 1e+308 h, expected 0 h < gpu_hours <= 1e+13 h"},
      {[](scenario& s) { s.mfu = 1.7; }, "[trainprint.input] mfu: got 1.7, expected 0 < mfu <= 1"},
      {[](scenario& s) { s.mfu = 0; }, "[trainprint.input] mfu: got 0, expected 0 < mfu <= 1"},
      {[](scenario& s) { s.power_fraction = 1.2; }, "[trainprint.input] power_fraction: got 1.2, expected 0 < power_fraction <= 1"},
      {[](scenario& s) { s.pue = 0.9; }, "[trainprint.input] pue: got 0.9, expected 1 <= pue <= 5"},
      {[](scenario& s) { s.cfe = -0.1; }, "[trainprint.input] cfe: got -0.1, expected 0 <= cfe <= 1"},
      {[](scenario& s) { s.count = 0; }, "[trainprint.input] count: got 0, expected 1 <= count <= 1e+08"},
      {[](scenario& s) { s.count = -4; }, "[trainprint.input] count: got -4, expected 1 <= count <= 1e+08"},
      {[](scenario& s) { s.power_w = power::watts(-1); }, "[trainprint.input] power_w: got -1 W, expected 0 W < power_w <= 100000 W"},
      {[](scenario& s) { s.host_power_w = power::watts(nan_v); }, "[trainprint.input] host_power_w: got nan W, expected 0 W <= host_power_w <= 100000 W"},
      {[](scenario& s) { s.wue = water_intensity::l_per_kwh(-1); }, "[trainprint.input] wue: got -1 L/kWh, expected 0 L/kWh <= wue <= 100 L/kWh"},
      {[](scenario& s) { s.intensity = carbon_intensity::g_per_kwh(-3); }, "[trainprint.input] intensity: got -3 g CO2e/kWh, expected 0 g CO2e/kWh <= intensity <= 5000 g CO2e/kWh"},
      {[](scenario& s) { s.ewif = water_intensity::l_per_kwh(inf_v); }, "[trainprint.input] ewif: got inf L/kWh, expected 0 L/kWh <= ewif <= 1000 L/kWh"},
      {[](scenario& s) { s.lifetime_years = 0; }, "[trainprint.input] lifetime_years: got 0 years, expected 0 years < lifetime_years <= 100 years"},
      {[](scenario& s) { s.price_usd_per_kwh = -0.1; }, "[trainprint.input] price_usd_per_kwh: got -0.1 USD/kWh, expected 0 USD/kWh <= price_usd_per_kwh <= 100 USD/kWh"},
      {[](scenario& s) { s.hourly_price_usd = nan_v; }, "[trainprint.input] hourly_price_usd: got nan USD, expected 0 USD <= hourly_price_usd <= 1000000 USD"},
      {[](scenario& s) { s.hardware = ""; }, "[trainprint.input] hardware: got '', expected a catalog id such as h100"},
      {[](scenario& s) { s.region = "  "; }, "[trainprint.input] region: got '', expected a catalog id such as aws:us-east-1"},
      {[](scenario& s) { s.mix = energy_mix{{{"coal", 0.5}, {"gas", 0.4}}}; },
       "[trainprint.input] mix: got shares summing to 0.9, expected shares summing to 1 (±0.001)"},
      {[](scenario& s) { s.mix = energy_mix{{{"coal", 1.5}, {"gas", -0.5}}}; },
       "[trainprint.input] mix.coal: got 1.5, expected 0 <= mix.coal <= 1"},
      {[](scenario& s) { s.mix = energy_mix{}; },
       "[trainprint.input] mix: got {}, expected at least one source=share, e.g. coal=0.3,gas=0.7"},
      {[](scenario& s) { s.mix = energy_mix{{{"coal", 0.5}, {"coal", 0.5}}}; },
       "[trainprint.input] mix: got coal twice, expected each source once"},
      {[](scenario& s) { s.layers = 32; }, "[trainprint.input] d_model: missing; the attention term needs all three of `layers`, `d_model` and `seq_len`"},
      {[](scenario& s) { s.layers = 1.5; s.d_model = 8; s.seq_len = 8; }, "[trainprint.input] layers: got 1.5, expected a whole number of layers"},
      {[](scenario& s) { s.params = 7e9; s.active_params = 8e9; s.gpu_hours.reset(); s.tokens = 1e12; },
       "[trainprint.input] active_params: got 8e+09, expected `active_params` <= `params` (7e+09)"},
      {[](scenario& s) { s.tokens = 1e12; }, "[trainprint.input] params: missing; `tokens` needs `params`, `active_params` or `size` (or give `flops` instead)"},
      {[](scenario& s) { s.flops = 1e21; s.params = 7e9; s.tokens = 1e12; }, "[trainprint.input] workload: got `flops` and `params`/`tokens`, expected `flops` or `params` with `tokens`, not both"},
      {[](scenario& s) { s.duration_h = hours(10); s.count = 8; }, "[trainprint.input] workload: got `gpu_hours` and `duration_h`, expected `gpu_hours` or `duration_h` with `count`, not both"},
      {[](scenario& s) { s.duration_h = hours(-72); }, "[trainprint.input] duration_h: got -72 h, expected 0 h < duration_h <= 1000000 h"},
  };
  for (const auto& c : cases) {
    scenario s = valid();
    c.set(s);
    CAPTURE(c.message);
    CHECK_THROWS_WITH_AS(validate(s), c.message, input_error);
  }
}

TEST_CASE("scenario: errors carry the field, the value and the expectation") {
  scenario s = valid();
  s.mfu = 1.5;
  try {
    validate(s);
    FAIL("expected input_error");
  } catch (const input_error& e) {
    CHECK(e.field() == "mfu");
    CHECK(e.value() == "1.5");
    CHECK(e.expected() == "0 < mfu <= 1");
  }
}

TEST_CASE("scenario: merge overrides inputs and replaces the whole workload") {
  scenario base;
  base.gpu_hours = 100;
  base.hardware = "a100";
  base.pue = 1.2;
  scenario over;
  over.flops = 1e21;
  over.pue = 1.1;
  const scenario m = merge(base, over);
  CHECK_FALSE(m.gpu_hours);
  CHECK(m.flops == 1e21);
  CHECK(m.hardware == "a100");
  CHECK(m.pue == 1.1);
  scenario only_site;
  only_site.region = "FR";
  const scenario m2 = merge(base, only_site);
  CHECK(m2.gpu_hours == 100);
  CHECK(m2.region == "FR");
}
