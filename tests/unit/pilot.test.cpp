// trainprint::calibrate_from_pilot: what a pilot calibrates when its tokens are known and
// when only its energy and wall time are (docs/methodology.md §7.3). Fixtures: tests/data
// (SOURCE.md in each folder); every expected number is worked out below.
#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "trainprint/estimator.hpp"
#include "trainprint/pilot.hpp"

using namespace trainprint;

namespace {
std::string data(const std::string& f) { return std::string(TRAINPRINT_SOURCE_DIR) + "/tests/data/" + f; }
bool has(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }
}  // namespace

TEST_CASE("pilot: an energy file without a duration needs the pilot's hours") {
  // sacct-no-elapsed.txt: job 5001 used 7.2M = 7.2e6 J (its step is part of it); no Elapsed.
  const auto m = read_pilot_file(data("measure/sacct-no-elapsed.txt"));
  CHECK(m.energy_j == doctest::Approx(7.2e6));
  CHECK_FALSE(m.duration_s.has_value());  // unknown, not 0 s
  CHECK_FALSE(m.average_w.has_value());
  scenario run;
  run.hardware = "h100";
  run.count = 4;
  run.duration_h = hours(100);
  pilot_info info;
  info.count = 4;
  CHECK_THROWS_WITH_AS((void)calibrate_from_pilot(run, m, info),
                       doctest::Contains("states no duration: give the pilot's wall time (--pilot-hours 2h)"),
                       input_error);
  // 2 h: 7.2e6 J / (7200 s × 4) = 250 W per accelerator. The run's 100 h × 4 = 400
  // accelerator-hours at 250 W = 100 kWh; the file covers whole servers, so host 0.
  info.hours = 2;
  const auto c = calibrate_from_pilot(run, m, info);
  CHECK(c.power_w == doctest::Approx(250));
  CHECK(c.calibrated == std::vector<std::string>{"power_w"});
  CHECK_FALSE(c.mfu);
  REQUIRE_FALSE(c.notes.empty());
  CHECK(c.notes.front().find("calibrated from the pilot: power_w only; `mfu` is not needed") == 0);
  const auto e = make_estimate(c.run);
  CHECK(e.energy_accelerators.in_kwh() == doctest::Approx(100));
  CHECK(e.energy_host.in_kwh() == doctest::Approx(0));
  CHECK(e.energy_it.in_kwh() == doctest::Approx(100));
}

TEST_CASE("pilot: the pilot's hours must agree with its file's own") {
  // flat.csv: 100 W from 0 to 2 s, 2 s = 0.0005556 h.
  const auto m = read_pilot_file(data("measure/flat.csv"));
  scenario run;
  run.hardware = "h100";
  run.gpu_hours = 10;
  pilot_info info;
  info.hours = 1;
  CHECK_THROWS_WITH_AS((void)calibrate_from_pilot(run, m, info),
                       doctest::Contains("pilot_hours: got 1, expected the pilot's own length:"), input_error);
  info.hours = 2.01 / 3600;  // within 1%: the file's 2 s is used
  CHECK(calibrate_from_pilot(run, m, info).pilot_hours == doctest::Approx(2.0 / 3600));
  info.hours = -1;
  CHECK_THROWS_WITH_AS((void)calibrate_from_pilot(run, m, info), doctest::Contains("pilot_hours: got -1"),
                       input_error);
}

TEST_CASE("pilot: without its tokens a pilot calibrates power, not MFU; with nothing to time the run, it refuses") {
  const auto m = read_pilot_file(data("measure/flat.csv"));
  scenario run;
  run.hardware = "h100";
  run.params = 7e9;
  run.tokens = 2e12;
  run.count = 1;
  auto c = calibrate_from_pilot(run, m, {});
  CHECK(c.calibrated == std::vector<std::string>{"power_w"});
  CHECK(c.power_w == doctest::Approx(100));  // 200 J over 2 s on one device
  CHECK(c.notes.front().find("`mfu` is NOT calibrated") != std::string::npos);
  CHECK_FALSE(c.run.mfu);
  // With the pilot's tokens, MFU too.
  pilot_info info;
  info.tokens = 1000;
  c = calibrate_from_pilot(run, m, info);
  CHECK(has(c.calibrated, "mfu"));
  CHECK(c.notes.front() == "calibrated from the pilot: power_w and `mfu` (its tokens over its hours)");
  // Nothing gives the run's hours: no pilot tokens, no run hours, no run workload.
  scenario bare;
  bare.hardware = "h100";
  CHECK_THROWS_WITH_AS((void)calibrate_from_pilot(bare, m, {}),
                       doctest::Contains("something that gives the run's hours"), input_error);
}

TEST_CASE("pilot: the first 20% of the H200 1.3B phase, by its wall time, with the phase's duration") {
  // The pilot as its energy and time only (no tokens): its power, 5563 J / 8.066 s = 689.7 W
  // (README), times the whole phase's 40.33 s (results.json) gives 27,815 J against the GPU
  // counter's 27,885 J (−0.25%); the issue asks 5%.
  std::ifstream f(data("h200/results.json"));
  const auto phases = nlohmann::json::parse(f).at("phases");
  const nlohmann::json* p = nullptr;
  for (const auto& x : phases)
    if (x.at("phase") == "gpt-1.3b") p = &x;
  REQUIRE(p);
  const double t0 = p->at("t_start").get<double>(), t1 = p->at("t_end").get<double>();
  measure_options o;
  o.from = window_edge{t0, false};
  o.to = window_edge{t0 + 0.2 * (t1 - t0), false};
  const auto pilot = read_pilot_file(data("h200/power.csv"), o);
  scenario run;
  run.hardware = "h200";
  run.count = 1;
  run.boundary = boundary::accelerators;
  run.embodied = false;
  run.duration_h = hours(p->at("seconds").get<double>() / 3600);
  pilot_info info;
  info.hours = 0.2 * (t1 - t0) / 3600;
  const auto c = calibrate_from_pilot(run, pilot, info);
  CHECK(c.calibrated == std::vector<std::string>{"power_w"});
  CHECK(c.power_w == doctest::Approx(689.7).epsilon(0.001));
  const double predicted_j = make_estimate(c.run).energy_accelerators.in_kwh() * 3.6e6;
  const double counter = p->at("energy_j").get<double>();
  INFO("predicted " << predicted_j << " J, counter " << counter << " J");
  CHECK(std::abs(predicted_j / counter - 1) < 0.05);
}

TEST_CASE("pilot: a pilot far below an idle accelerator's power is refused; one below the run's MFU range is noted") {
  // sacct.txt: job 4242 (2 h, 12.5M J) and job 4243 (24 h, 864K J) are added up:
  // 13.364e6 J / 93600 s = 142.78 W, / 8 accelerators = 17.85 W per H100. Half an idle
  // H100's draw is 0.5 × (126.6 / 700) × 700 W = 63.3 W (defaults::power_idle_fraction).
  const auto m = read_pilot_file(data("measure/sacct.txt"));
  REQUIRE(m.duration_s.has_value());
  CHECK(*m.duration_s == 93600);
  scenario run;
  run.hardware = "h100";
  run.count = 8;
  run.duration_h = hours(100);
  pilot_info info;
  info.count = 8;
  CHECK_THROWS_WITH_AS((void)calibrate_from_pilot(run, m, info),
                       doctest::Contains("at least half an idle one's (63.3 W: 0.09 × the TDP of 700 W): it gives "
                                         "17.85 W"),
                       input_error);
  // On one accelerator the same file is 142.78 W (above 63.3 W): accepted. With 1M pilot
  // tokens of a 1B-parameter model (6e15 FLOPs at 6·N·D) over 93600 s on an H100's dense
  // bf16 peak of 9.894e14 FLOP/s: MFU = 6e15 / (93600 × 9.894e14) = 6.48e-5, far below the
  // fitted range, which the notes say.
  info.count = 1;
  run.duration_h.reset();
  run.params = 1e9;
  run.tokens = 1e11;
  info.tokens = 1e6;
  const auto c = calibrate_from_pilot(run, m, info);
  REQUIRE(c.mfu);
  CHECK(*c.mfu == doctest::Approx(6e15 / (93600 * 9.894e14)).epsilon(1e-3));
  CHECK(std::any_of(c.notes.begin(), c.notes.end(), [](const std::string& n) {
    return n.find("the pilot's MFU 6.48e-05 lies below the fitted model's 90% range") == 0;
  }));
}
