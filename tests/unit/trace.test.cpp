// The trace: every input and intermediate with value, unit, origin and source,
// so a reader can check any number back to inputs and sources.
#include <doctest/doctest.h>
#include <trainprint/calibration.hpp>
#include <trainprint/estimator.hpp>

#include "fixture.hpp"

using namespace trainprint;

TEST_CASE("trace: origins of inputs") {
  scenario s;
  s.params = 7e9;
  s.tokens = 2e12;
  s.hardware = "h100";
  s.count = 512;
  s.pue = 1.2;
  const estimate e = make_estimate(s, fixture::catalog());
  auto origin_of = [&](const char* name) {
    const auto* t = e.find_trace(name);
    REQUIRE_MESSAGE(t, name);
    return t->origin;
  };
  CHECK(origin_of("params") == origin::user);
  CHECK(origin_of("pue") == origin::user);
  CHECK(origin_of("tdp_w") == origin::catalog);
  CHECK(origin_of("peak_flop_per_s") == origin::catalog);
  CHECK(origin_of("mfu") == origin::fallback);
  CHECK(origin_of("power_fraction") == origin::fallback);
  CHECK(origin_of("host_max_power_w") == origin::catalog);
  CHECK(origin_of("wue_l_per_kwh") == origin::fallback);
  CHECK(origin_of("flops") == origin::derived);
  CHECK(origin_of("accelerator_hours") == origin::derived);
  CHECK(origin_of("energy_facility_kwh") == origin::derived);
  // Catalog and default values carry their sources.
  CHECK(e.find_trace("tdp_w")->source ==
        "NVIDIA H100 Tensor Core GPU datasheet (2023), https://resources.nvidia.com/en-us-tensor-core/nvidia-tensor-core-gpu-datasheet");
  // The MFU default is the fitted model's median, cited to the fit and its data.
  CHECK(e.find_trace("mfu")->source == fitted_mfu_model().source);
  CHECK(e.find_trace("mfu")->source.find("trainprint fit of whole-run MFU") == 0);
  CHECK(e.find_trace("mfu")->source.find("data/calibration.json") != std::string::npos);
  CHECK(e.find_trace("mfu")->note.find("fitted median for 7B active parameters on nvidia-h100-sxm5-80gb") == 0);
  CHECK(e.find_trace("power_fraction")->source.find("Dodge et al. 2022") != std::string::npos);
  CHECK(e.find_trace("host_max_power_w")->note == "nvidia-dgx-h100: (10200 W − 8 × 700 W) / 8");
  CHECK(e.find_trace("flops")->note == "6 × 7e+09 × 2e+12");
  // Derived values in the trace agree with the estimate.
  CHECK(e.find_trace("energy_facility_kwh")->value == e.energy_facility.in_kwh());
  CHECK(e.find_trace("accelerator_hours")->value == e.accelerator_hours);
  // Derived outputs are traced under their flat output names (outputs.hpp).
  REQUIRE(e.find_trace("wall_time_h"));
  CHECK(e.find_trace("wall_time_h")->value == *e.wall_hours);
  CHECK(e.find_trace("energy_it_kwh")->value == e.energy_it.in_kwh());
  CHECK(e.find_trace("accelerator_power_w")->value == e.accelerator_power.in_watts());
  CHECK_FALSE(e.find_trace("wall_hours"));
}

TEST_CASE("trace: the PUE chain: user, region, provider, default") {
  scenario s;
  s.gpu_hours = 10;
  s.hardware = "h100";
  s.region = "aws:us-east-1";
  const estimate e = make_estimate(s, fixture::catalog());
  const auto* pue = e.find_trace("pue");
  CHECK(pue->origin == origin::catalog);
  CHECK(pue->value == 1.14);
  CHECK(pue->note == "aws fleet (2025)");
  CHECK(pue->source == "Amazon sustainability, data centers (2025), https://sustainability.aboutamazon.com/");
  s.region = "FR";
  const estimate fr = make_estimate(s, fixture::catalog());  // find_trace points into it
  const auto* d = fr.find_trace("pue");
  CHECK(d->origin == origin::fallback);
  CHECK(d->value == 1.56);
}

TEST_CASE("trace: every entry is finite and names a unit") {
  scenario s;
  s.params = 70e9;
  s.tokens = 2e12;
  s.layers = 80;
  s.d_model = 8192;
  s.seq_len = 4096;
  s.hardware = "h100";
  s.count = 2048;
  s.region = "aws:us-east-1";
  s.price_usd_per_kwh = 0.08;
  s.hourly_price_usd = 2;
  const estimate e = make_estimate(s, fixture::catalog());
  for (const auto& t : e.trace) {
    CAPTURE(t.name);
    CHECK(std::isfinite(t.value));
    CHECK_FALSE(t.unit.empty());
  }
  // cost = E × 0.08 and AH × 2.
  CHECK(*e.electricity_cost_usd == doctest::Approx(e.energy_facility.in_kwh() * 0.08));
  CHECK(*e.compute_cost_usd == doctest::Approx(e.accelerator_hours * 2));
}
