// Site kinds (defaults.hpp site_profiles, docs/methodology.md §4.3): the PUE, on-site WUE and host
// power of where a run trains, chosen by the user or implied by the hardware's segment.
// Every expected number is worked out by hand in the comment beside it.
#include <doctest/doctest.h>
#include <trainprint/catalog.hpp>
#include <trainprint/defaults.hpp>
#include <trainprint/error.hpp>
#include <trainprint/estimator.hpp>

#include <string>

#include "scenarios.hpp"

using namespace trainprint;
using scenarios::has_note;
using doctest::Approx;

namespace {
/// One RTX 4090 for 100 h at half its TDP, on the shipped catalog.
scenario one_4090() {
  scenario s;
  s.hardware = "rtx-4090";
  s.count = 1;
  s.gpu_hours = 100;
  s.power_fraction = 0.5;
  s.intensity = carbon_intensity::g_per_kwh(400);
  return s;
}
}  // namespace

TEST_CASE("sites: a single consumer GPU trains in a desktop, not a data centre") {
  const estimate e = make_estimate(one_4090(), catalog::embedded());
  // Desktop (the RTX 4090 is a consumer part): PUE 1 and no on-site water (Green Algorithms'
  // personal computer), not the data-centre 1.56 and 1.8 L/kWh.
  CHECK(e.find_trace("pue")->value == 1.0);
  REQUIRE(e.find_trace("wue_l_per_kwh"));
  CHECK(e.find_trace("wue_l_per_kwh")->value == 0.0);
  // Host: one desktop's CPU and memory, 125 W + 32 GB × 0.3725 W/GB = 136.92 W, shared by its
  // one accelerator, at the power fraction 0.5: 68.46 W (the DGX H100 ratio gave
  // 450 × 4600/5600 = 369.6 W at full load).
  CHECK(e.find_trace("host_max_power_w")->value == Approx(136.92));
  CHECK(e.host_power.in_watts() == Approx(68.46));
  // Accelerator 450 W × 0.5 = 225 W; E = 100 h × (225 + 68.46) W = 29.346 kWh, × PUE 1.
  CHECK(e.energy_facility.in_kwh() == Approx(29.346));
  REQUIRE(e.water_onsite);
  CHECK(e.water_onsite->in_litres() == 0.0);
  CHECK(has_note(e, "site: desktop PC (nvidia-rtx-4090 is a consumer part)"));
  // Embodied host: one desktop's other devices, 225.682 kg (Green Algorithms / ADEME), not a
  // DGX server's eighth (2,500 / 8 = 312.5 kg).
  CHECK(e.find_trace("embodied_host_kg")->value == Approx(225.682));
}

TEST_CASE("sites: two consumer GPUs share one desktop host; five share three") {
  scenario s = one_4090();
  s.count = 2;
  s.gpu_hours = 200;
  // ceil(2 / 2) = 1 machine: 136.92 W / 2 = 68.46 W per accelerator at full load.
  CHECK(make_estimate(s, catalog::embedded()).find_trace("host_max_power_w")->value == Approx(68.46));
  s.count = 5;
  // ceil(5 / 2) = 3 machines: 136.92 × 3 / 5 = 82.152 W per accelerator, and 225.682 × 3 / 5 =
  // 135.4092 kg of host embodied.
  const estimate five = make_estimate(s, catalog::embedded());
  CHECK(five.find_trace("host_max_power_w")->value == Approx(82.152));
  CHECK(five.find_trace("embodied_host_kg")->value == Approx(135.4092));
}

TEST_CASE("sites: the user's site kind wins over the hardware's") {
  scenario s = one_4090();
  s.site_kind = "data-centre";
  const estimate dc = make_estimate(s, catalog::embedded());
  // Uptime 2024 industry average PUE and LBNL WUE, host from the DGX H100 ratio:
  // 450 × 4600 / 5600 = 369.64 W.
  CHECK(dc.find_trace("pue")->value == Approx(1.56));
  CHECK(dc.find_trace("wue_l_per_kwh")->value == Approx(1.8));
  CHECK(dc.find_trace("host_max_power_w")->value == Approx(450.0 * 4600 / 5600));
  CHECK_FALSE(has_note(dc, "site: "));

  s.site_kind = "Server_Room";  // spelling is forgiving: case, '_' or ' ' for '-'
  const estimate room = make_estimate(s, catalog::embedded());
  // LBNL small server rooms measured PUE 1.5–2.1: midpoint 1.8; no cooling towers: WUE 0.
  CHECK(room.find_trace("pue")->value == Approx(1.8));
  CHECK(room.find_trace("wue_l_per_kwh")->value == 0.0);

  s.site_kind = "laptop";
  const estimate lap = make_estimate(s, catalog::embedded());
  // 28 W + 16 GB × 0.3725 W/GB = 33.96 W.
  CHECK(lap.find_trace("host_max_power_w")->value == Approx(33.96));

  s.site_kind = "workstation";
  // 280 W + 128 GB × 0.3725 W/GB = 327.68 W.
  CHECK(make_estimate(s, catalog::embedded()).find_trace("host_max_power_w")->value == Approx(327.68));
}

TEST_CASE("sites: a data-centre part, a cloud region or a provider means a data centre") {
  scenario s = one_4090();
  s.hardware = "h100";
  CHECK(make_estimate(s, catalog::embedded()).find_trace("pue")->value == Approx(1.56));
  s.hardware = "rtx-a6000";  // a workstation part
  CHECK(make_estimate(s, catalog::embedded()).find_trace("pue")->value == 1.0);
  CHECK(make_estimate(s, catalog::embedded()).find_trace("host_max_power_w")->value == Approx(327.68));
  s.hardware = "rtx-4090";
  s.provider = "aws";  // AWS fleet PUE 1.14 (2025), not a desktop
  CHECK(make_estimate(s, catalog::embedded()).find_trace("pue")->value == Approx(1.14));
  s.provider.reset();
  s.region = "gcp:europe-west4";
  CHECK(make_estimate(s, catalog::embedded()).find_trace("pue")->value > 1.0);
}

TEST_CASE("sites: a personal site with a cloud provider keeps its own PUE, with a note") {
  scenario s = one_4090();
  s.site_kind = "desktop";
  s.provider = "aws";
  const estimate e = make_estimate(s, catalog::embedded());
  CHECK(e.find_trace("pue")->value == 1.0);
  CHECK(has_note(e, "site_kind desktop: the region's and provider's data-centre PUE and WUE are not used"));
}

TEST_CASE("sites: an unknown site kind is an error naming the kinds") {
  scenario s = one_4090();
  s.site_kind = "garage";
  CHECK_THROWS_AS(make_estimate(s, catalog::embedded()), unknown_key_error);
}

TEST_CASE("sites: every site kind's defaults lie in their own ranges and cite a source") {
  for (const auto& p : defaults::site_profiles) {
    CAPTURE(p.id);
    CHECK(&defaults::site_profile_of(p.kind) == &p);
    CHECK(defaults::find_site_profile(p.id) == &p);
    for (const auto* v : {&p.pue, &p.wue_l_per_kwh, &p.machine_host_w, &p.machine_embodied_kg}) {
      CHECK(v->low <= v->value);
      CHECK(v->value <= v->high);
      CHECK_FALSE(v->source.empty());
    }
    CHECK(p.pue.value >= 1.0);
    CHECK(p.servers() == (p.accelerators_per_machine == 0));
  }
}

TEST_CASE("sites: a TPU v5e (no published TDP) estimates on the servers boundary from --power alone") {
  scenario s;
  s.hardware = "tpu-v5e";
  s.count = 8;
  s.gpu_hours = 100;
  s.power_w = power::watts(200);
  // Host from the DGX H100 ratio on the given average power: 200 × 4600 / 5600 = 164.29 W at
  // full load, × min(1, 200 / 200) = 164.29 W.
  const estimate e = make_estimate(s, catalog::embedded());
  CHECK(e.host_power.in_watts() == Approx(200.0 * 4600 / 5600));
}
