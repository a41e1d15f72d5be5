// Issue 18: a power or a measured energy that no server can supply is an error that keeps
// its did-you-mean hint (resolver::power_ceiling_check); a value above the TDP but within the
// server's supply stays a note. Contradictions: intensity with mix is an error; a power beside
// a measured energy is a note. An input a measurement file gave is named as the file's.
#include <doctest/doctest.h>
#include <fmt/format.h>

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

TEST_CASE("power ceiling: a measured energy above the ceiling (× the run's PUE at the facility) over the hours given is an error") {
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
  // At the facility: × the top of the run's own PUE. FR has no PUE of its own: the industry
  // default 1.56, range 1.25-1.67 (defaults::pue), so 1,000 H100-hours × 1,275 W × 1.67 /
  // 1,000 = 2,129.25 kWh (PUE 5 would let 6,375 kWh, 4 kW per H100 at IT, through).
  scenario s = h100_hours();
  s.energy_boundary = energy_boundary::facility;
  s.energy_kwh = energy::kwh(2129.25);
  CHECK(error_of(s).empty());
  s.energy_kwh = energy::kwh(2130);
  // Both sides without the PUE (#18): 2130 kWh × 1000 / 1000 h = 2130 W, / 1.67 = 1275.4 W.
  CHECK(error_of(s).starts_with("[trainprint.input] energy_kwh: got 2130 kWh at the facility boundary over 1000 "
                                "accelerator-hours, 1275 W per accelerator once the PUE (1.67) is taken out, expected "
                                "at most 2129 kWh: 1275 W per "
                                "accelerator on nvidia-h100-sxm5-80gb (nvidia-dgx-h100's maximum system power, 10200 W "
                                "with its host, over its 8 accelerators), × PUE 1.67, the top of the run's PUE range"));
  s.energy_kwh = energy::kwh(6375);
  CHECK_FALSE(error_of(s).empty());
  // A given PUE: 1,000 × 1,275 W × 1.2 / 1,000 = 1,530 kWh.
  s.pue = 1.2;
  s.energy_kwh = energy::kwh(1530);
  CHECK(error_of(s).empty());
  s.energy_kwh = energy::kwh(1531);
  CHECK(error_of(s).find("expected at most 1530 kWh") != std::string::npos);
  CHECK(error_of(s).find("× the given PUE 1.2;") != std::string::npos);
  // A given PUE range 1.1:1.4: its top, 1,000 × 1,275 W × 1.4 / 1,000 = 1,785 kWh.
  set_range(s, "pue", {1.1, 1.25, 1.4});
  s.energy_kwh = energy::kwh(1785);
  CHECK(error_of(s).empty());
  s.energy_kwh = energy::kwh(1786);
  CHECK(error_of(s).find("expected at most 1785 kWh") != std::string::npos);
  s = h100_hours();
  s.energy_boundary = energy_boundary::facility;
  // 1.5 MWh typed as 1.5M kWh: 1.5 MW per accelerator, / 1.67 = 898,204 W, to 4 digits 898200 (plain, #18)
  s.energy_kwh = energy::kwh(1.5e6);
  CHECK(error_of(s) ==
        "[trainprint.input] energy_kwh: got 1500000 kWh at the facility boundary over 1000 accelerator-hours, 898200 W "
        "per accelerator once the PUE (1.67) is taken out, expected at most 2129 kWh: 1275 W per accelerator on nvidia-h100-sxm5-80gb (nvidia-dgx-h100's "
        "maximum system power, 10200 W with its host, over its 8 accelerators), × PUE 1.67, the top of the run's PUE "
        "range (give `pue` for your site's own); did you give Wh? 1.5M Wh is 1500 kWh: energy_kwh 1500");
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

TEST_CASE("idle floor: the accelerators' part of a measured energy below half their idle draw is an error") {
  // An idle H100 is taken to draw 0.18 × 700 W = 126.6 W (defaults::power_idle_fraction, an
  // idle H200); half of it is 63.3 W. The bound is on the accelerators' part, as the estimate
  // shows it and as --power is held (issue 18): the host of a DGX H100 draws 575 W × P / 700
  // beside P ((10,200 − 8 × 700) / 8 = 575 W), so P = 63.3 W is 63.3 × 1275 / 700 = 115.296 W
  // of IT power, and × PUE 1.56 (FR: the default data centre's) = 179.86 W at the facility.
  // Over 1,000 H100-hours: 63.3 kWh (accelerators), 115.3 kWh (servers), 179.9 kWh (facility).
  struct row {
    energy_boundary b;
    double ok_kwh, bad_kwh, note_kwh, note_w;
    const char* got;
  };
  // The notes' powers: 100 W; 200 × 700 / 1275 = 109.8 W; 300 / 1.56 × 700 / 1275 = 105.6 W.
  for (const row& r : {row{energy_boundary::accelerators, 63.3, 63.2, 100, 100, "63.2 W per accelerator, expected"},
                       row{energy_boundary::servers, 115.3, 115.2, 200, 109.8,
                           "63.25 W per accelerator once the host's share (51.95 W) is taken out"},
                       row{energy_boundary::facility, 179.9, 179.8, 300, 105.6,
                           "63.28 W per accelerator once the PUE (1.56) and the host's share (51.98 W) are taken out"}}) {
    scenario s = h100_hours();
    s.energy_boundary = r.b;
    s.energy_kwh = energy::kwh(r.note_kwh);  // below 126.6 W, above 63.3 W: a note
    const auto e = make_estimate(s);
    CHECK(e.accelerator_power.in_watts() == doctest::Approx(r.note_w).epsilon(0.001));
    CHECK(any_note(e.notes, fmt::format("the measured energy, {:g} kWh over 1000 accelerator-hours, is", r.note_kwh)));
    CHECK(any_note(e.notes, "below what an idle nvidia-h100-sxm5-80gb draws, about 127 W"));
    s.energy_kwh = energy::kwh(r.ok_kwh);
    CHECK(error_of(s).empty());
    s.energy_kwh = energy::kwh(r.bad_kwh);
    const std::string err = error_of(s);
    CHECK(err.starts_with(fmt::format("[trainprint.input] energy_kwh: got {:g} kWh at the {} boundary over 1000 "
                                      "accelerator-hours, ",
                                      r.bad_kwh, to_string(r.b))));
    CHECK(err.find(r.got) != std::string::npos);
    CHECK(err.find("63.3 W per accelerator on nvidia-h100-sxm5-80gb") != std::string::npos);
  }
  // 1.5 kWh: 1.5 MWh typed as kWh (1,500 W per H100 is possible at the facility, × PUE 1.67).
  scenario s = h100_hours();
  s.energy_boundary = energy_boundary::facility;
  s.energy_kwh = energy::kwh(1.5);
  CHECK(error_of(s).ends_with("did you give MWh? 1.5 MWh is 1500 kWh: energy_kwh 1500"));
  s.energy_kwh = energy::kwh(400);  // 400 / 1.56 × 700 / 1275 = 140.8 W per H100: no note
  CHECK_FALSE(any_note(make_estimate(s).notes, "idle"));
  // The facility example of issue 18: 700 kWh over 10,000 H100-hours at PUE 1.2 is 58.33 W of
  // IT power, 32.03 W per H100: refused as --power 32 is; the bound 63.3 W + 52.0 W host, × 1.2
  // × 10,000 h = 1,383.6 kWh.
  s.gpu_hours = 10000;
  s.pue = 1.2;
  s.energy_kwh = energy::kwh(700);
  CHECK(error_of(s).find("32.03 W per accelerator once the PUE (1.2) and the host's share (26.31 W) are taken out, "
                         "expected at least 1384 kWh") != std::string::npos);
  s.energy_kwh.reset();
  s.energy_boundary.reset();
  s.power_w = power::watts(32);
  CHECK(error_of(s).starts_with("[trainprint.input] power_w: got 32 W per accelerator, expected at least 63.3 W"));
}

TEST_CASE("host rule: the host follows the accelerators' implied power as it follows a given power") {
  // DGX H100: host max 575 W; beside P the host draws 575 × min(1, P / 700) (detail::host_power_at).
  scenario given = h100_hours();
  given.power_w = power::watts(100);
  const auto g = make_estimate(given);
  CHECK(g.host_power.in_watts() == doctest::Approx(575.0 * 100 / 700));  // 82.142857 W
  scenario m = h100_hours();
  m.energy_boundary = energy_boundary::accelerators;
  m.energy_kwh = energy::kwh(100);  // 100 W per H100 over 1,000 h
  const auto e = make_estimate(m);
  CHECK(e.accelerator_power.in_watts() == doctest::Approx(100));
  CHECK(e.host_power.in_watts() == doctest::Approx(575.0 * 100 / 700));
  // Facility (FR, PUE 1.56): 2,028 kWh over 1,000 h is 2,028 / 1.56 = 1,300 W of IT power
  // (within 1,275 W × 1.67 = 2,129 kWh): above 700 + 575 W, so 1,300 − 575 = 725 W + 575 W.
  m.energy_boundary = energy_boundary::facility;
  m.energy_kwh = energy::kwh(2028);
  const auto s = make_estimate(m);
  CHECK(s.accelerator_power.in_watts() == doctest::Approx(725));
  CHECK(s.host_power.in_watts() == doctest::Approx(575));
  // Servers, below the TDP: 637.5 W of IT power is 637.5 × 700 / 1275 = 350 W + 287.5 W (575 × 350 / 700).
  m.energy_boundary = energy_boundary::servers;
  m.energy_kwh = energy::kwh(637.5);
  const auto h = make_estimate(m);
  CHECK(h.accelerator_power.in_watts() == doctest::Approx(350));
  CHECK(h.host_power.in_watts() == doctest::Approx(287.5));
  CHECK(detail::accelerator_part(637.5, 575.0, 700.0) == doctest::Approx(350));
  CHECK(detail::host_power_at(350.0, 575.0, 700.0) == doctest::Approx(287.5));
}

TEST_CASE("above TDP: a measured energy whose accelerators' part is above the TDP gets --power's note") {
  // 704 kWh over 1,000 H100-hours at the accelerators boundary: 704 W, above 700 W.
  scenario s = h100_hours();
  s.energy_boundary = energy_boundary::accelerators;
  s.energy_kwh = energy::kwh(704);
  CHECK(any_note(make_estimate(s).notes, "is 704 W per accelerator, above nvidia-h100-sxm5-80gb's TDP of 700 W"));
  // The facility (FR, PUE 1.56): 1,995 kWh is 1,278.8 W of IT power, 1,278.8 − 575 = 703.8 W.
  s.energy_boundary = energy_boundary::facility;
  s.energy_kwh = energy::kwh(1995);
  CHECK(any_note(make_estimate(s).notes, "is 703.8 W per accelerator once the PUE (1.56) and the host's share (575 W) "
                                         "are taken out, above nvidia-h100-sxm5-80gb's TDP of 700 W"));
  s.energy_kwh = energy::kwh(1500);  // 961.5 W of IT power: 527.9 W per H100, no note
  CHECK_FALSE(any_note(make_estimate(s).notes, "TDP"));
}

TEST_CASE("contradictions: intensity with mix is an error; a power beside a measured energy is a note") {
  scenario s = h100_hours();
  s.intensity = carbon_intensity::g_per_kwh(50);
  s.mix = energy_mix{{{"coal", 1.0}}};
  CHECK(error_of(s) == "[trainprint.input] intensity: got 50 g CO2e/kWh with `mix`, expected `intensity` or `mix`, not "
                       "both (a mix sets the intensity and the off-site water; with `intensity`, give `ewif` for the water)");
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
