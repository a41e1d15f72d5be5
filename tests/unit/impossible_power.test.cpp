// Issue 18: a power or a measured energy that no server can supply is an error that keeps
// its did-you-mean hint (resolver::power_ceiling_check); a value above the TDP but within the
// server's supply stays a note. Contradictions: intensity with mix is an error; a power beside
// a measured energy is a note. An input a measurement file gave is named as the file's.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include <trainprint/detail/measured.hpp>
#include <trainprint/measure.hpp>
#include <trainprint/pilot.hpp>
#include <trainprint/trainprint.hpp>

using namespace trainprint;

namespace {

bool any_note(const std::vector<std::string>& notes, const std::string& part) {
  return std::any_of(notes.begin(), notes.end(), [&](const std::string& n) { return n.find(part) != std::string::npos; });
}

scenario h100_hours() {
  scenario s;
  s.gpu_hours = 1000;
  s.hardware = "h100";
  s.region = "FR";
  return s;
}

std::string error_of(const scenario& s) {
  try {
    (void)make_estimate(s);
  } catch (const input_error& e) {
    return e.what();
  }
  return {};
}

}  // namespace

TEST_CASE("power ceiling: a power per accelerator above its server's maximum over its accelerators is an error") {
  // data/hardware.json: nvidia-dgx-h100 draws at most 10,200 W with its host, over 8 H100:
  // 10,200 / 8 = 1,275 W per accelerator is the most any H100 in it can average.
  scenario s = h100_hours();
  s.power_w = power::watts(1275);
  CHECK(error_of(s).empty());  // at the ceiling: a note (above the TDP of 700 W), not an error
  CHECK(any_note(make_estimate(s).notes, "above nvidia-h100-sxm5-80gb's TDP of 700 W"));
  s.power_w = power::watts(1276);
  CHECK(error_of(s).starts_with("[trainprint.input] power_w: got 1276 W per accelerator, expected at most 1275 W on "
                                "nvidia-h100-sxm5-80gb (nvidia-dgx-h100's maximum system power, 10200 W with its "
                                "host, over its 8 accelerators)"));
  // 8 × 700 W = 5,600 W typed per accelerator keeps its hint: 5,600 / 8 = 700 W.
  s.power_w = power::watts(5600);
  CHECK(error_of(s).ends_with("did you mean power_w 700 (5600 W over the 8 accelerators of nvidia-dgx-h100)? power_w "
                              "is per accelerator"));
  // The whole server's 10,200 W: the hint says so.
  s.power_w = power::watts(10200);
  CHECK(error_of(s).find("10200 W is about the whole of nvidia-dgx-h100") != std::string::npos);
}

TEST_CASE("power ceiling: a part without a server profile gets its TDP × the catalog servers' largest ratio") {
  // Over the catalog servers with a maximum power: DGX A100 6,500 W / 8 = 812.5 W over a 400 W TDP = 2.03125,
  // above DGX H100 1,275 / 700 = 1.82, DGX-1 V100 3,500 / 8 / 300 = 1.46, DGX B200 14,300 / 8 / 1,000 = 1.79.
  // RTX 4090, 450 W TDP: 450 × 2.03125 = 914.06 W.
  scenario s = h100_hours();
  s.hardware = "rtx-4090";
  s.power_w = power::watts(914);
  CHECK(error_of(s).empty());
  s.power_w = power::watts(915);
  CHECK(error_of(s).starts_with("[trainprint.input] power_w: got 915 W per accelerator, expected at most 914.1 W on "
                                "nvidia-rtx-4090 (2.03 × its TDP of 450 W"));
}

TEST_CASE("power ceiling: a measured energy above the ceiling (× PUE 5 at the facility) over the hours given is an error") {
  // Below the facility no PUE is on top: 1,000 H100-hours × 1,275 W / 1,000 = 1,275 kWh at
  // the accelerators or servers boundary.
  for (auto b : {energy_boundary::accelerators, energy_boundary::servers}) {
    scenario below = h100_hours();
    below.energy_boundary = b;
    below.energy_kwh = energy::kwh(1275);
    CHECK(error_of(below).empty());
    below.energy_kwh = energy::kwh(1276);
    CHECK(error_of(below).starts_with("[trainprint.input] energy_kwh: got 1276 kWh at the " + std::string(to_string(b)) +
                                      " boundary over 1000 accelerator-hours, 1276 W per accelerator, expected at most "
                                      "1275 kWh: 1275 W per accelerator on nvidia-h100-sxm5-80gb"));
  }
  // At the facility: 1,000 H100-hours × 1,275 W × PUE 5 (limits::pue) / 1,000 = 6,375 kWh.
  scenario s = h100_hours();
  s.energy_boundary = energy_boundary::facility;
  s.energy_kwh = energy::kwh(6375);
  CHECK(error_of(s).empty());
  s.energy_kwh = energy::kwh(1.5e6);  // 1.5 MWh typed as 1.5M kWh: 1.5 MW per accelerator
  CHECK(error_of(s) ==
        "[trainprint.input] energy_kwh: got 1.5e+06 kWh at the facility boundary over 1000 accelerator-hours, 1.5e+06 W "
        "per accelerator, expected at most 6375 kWh: 1275 W per accelerator on nvidia-h100-sxm5-80gb (nvidia-dgx-h100's "
        "maximum system power, 10200 W with its host, over its 8 accelerators), × PUE 5, the largest trainprint takes; "
        "did you mean energy_kwh 1500 (the figure in Wh, or M meant as MWh)?");
  // Hours the model derives (from an MFU) are not checked: the MFU could be far off.
  scenario modelled;
  modelled.params = 7e9;
  modelled.tokens = 2e12;
  modelled.hardware = "h100";
  modelled.count = 512;
  modelled.region = "FR";
  modelled.energy_boundary = energy_boundary::servers;
  modelled.energy_kwh = energy::kwh(1e9);
  CHECK(error_of(modelled).empty());
}

TEST_CASE("contradictions: intensity with mix is an error; a power beside a measured energy is a note") {
  scenario s = h100_hours();
  s.intensity = carbon_intensity::g_per_kwh(50);
  s.mix = energy_mix{{{"coal", 1.0}}};
  CHECK(error_of(s) == "[trainprint.input] intensity: got 50 g CO2e/kWh with mix, expected intensity or mix, not both "
                       "(a mix sets the intensity and the off-site water; with intensity, give ewif for the water)");
  scenario m = h100_hours();
  m.energy_boundary = energy_boundary::servers;
  m.energy_kwh = energy::kwh(1000);
  m.power_w = power::watts(300);
  CHECK(any_note(make_estimate(m).notes, "power_w 300 W does not set the energy: the measured energy replaces the "
                                         "modelled one, and power_w only splits it between the accelerators and their host"));
}

TEST_CASE("measured file: an error about an input the file gave names the file") {
  measurement m;
  m.file = "run.csv";
  m.format = "codecarbon";
  m.energy_j = 3.6e6;  // 1 kWh
  m.duration_s = 3600;
  m.device_count = 4;
  scenario given;
  given.params = 7e9;
  given.tokens = 2e12;
  given.hardware = "h100";
  given.region = "FR";
  const scenario s = with_measurement(given, m);
  // 8.4e22 FLOP need 23,583 H100-hours at MFU 1; the file's 1 h on 4 cannot hold them.
  try {
    (void)make_estimate(s);
    FAIL("expected an error");
  } catch (const input_error& e) {
    CHECK(e.field() == "duration_h");
    const auto as_file = detail::as_measured_error(e, given, s, m.file);
    REQUIRE(as_file);
    CHECK(as_file->field() == "measured");
    CHECK(std::string(as_file->what()).starts_with("[trainprint.input] measured: got run.csv, its span (1 h on 4 "
                                                   "accelerator(s)), expected at least 5896 h on 4 accelerator(s)"));
    // A duration the user gave is the user's: no rewording.
    scenario typed = given;
    typed.duration_h = hours(1);
    CHECK_FALSE(detail::as_measured_error(e, typed, s, m.file));
  }
}
