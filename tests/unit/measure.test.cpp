// trainprint::measure: trapezoid integration, the file readers, bad input, and the
// real H200 log of tests/data/h200 (SOURCE.md there). Hand-made fixtures are in
// tests/data/measure (SOURCE.md there); each expected number is worked out below.
#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "trainprint/estimator.hpp"
#include "trainprint/measure.hpp"
#include "trainprint/pilot.hpp"
#include "trainprint/uncertainty.hpp"

using namespace trainprint;

namespace {
std::string data(const std::string& f) { return std::string(TRAINPRINT_SOURCE_DIR) + "/tests/data/" + f; }
nlohmann::json h200_phases() {
  std::ifstream f(data("h200/results.json"));
  return nlohmann::json::parse(f).at("phases");
}
const nlohmann::json& phase(const nlohmann::json& phases, const std::string& name) {
  for (const auto& p : phases)
    if (p.at("phase") == name) return p;
  throw std::runtime_error("no phase " + name);
}
measure_options window(double from, double to) {
  measure_options o;
  o.from = window_edge{from, false};
  o.to = window_edge{to, false};
  return o;
}
}  // namespace

TEST_CASE("measure: the trapezoid of two readings, and the Riemann sums either side") {
  // 100 W then 300 W one second later: trapezoid (100 + 300) / 2 × 1 = 200 J; left sum
  // 100 J, right 300 J; the sampling bound is half their gap, 100 J.
  const std::vector<power_sample> s{{0, 100, ""}, {1, 300, ""}};
  const auto m = integrate_power(s);
  CHECK(m.energy_j == 200);
  CHECK(m.devices.at(0).left_riemann_j == 100);
  CHECK(m.devices.at(0).right_riemann_j == 300);
  CHECK(m.sampling_bound_j == 100);
  CHECK(m.peak_w == 300);
  CHECK(m.average_w.value() == 200);
}

TEST_CASE("measure: samples given through the API are checked") {
  CHECK_THROWS_WITH_AS((void)integrate_power(std::vector<power_sample>{}),
                       "[trainprint.measure] <samples>: no power samples; expected at least two readings per device",
                       measure_error);
  const std::vector<power_sample> back{{2, 100, "0"}, {1, 100, "0"}};
  CHECK_THROWS_WITH_AS((void)integrate_power(back),
                       "[trainprint.measure] <samples>: time goes backwards on device 0: 1 s after 2 s; expected "
                       "readings in time order",
                       measure_error);
  const std::vector<power_sample> neg{{0, 100, ""}, {1, -1, ""}};
  CHECK_THROWS_WITH_AS((void)integrate_power(neg),
                       "[trainprint.measure] <samples>: watts: got -1, expected 0 <= watts <= 100000 (per device)",
                       measure_error);
}

TEST_CASE("measure: each H200 training phase integrates to within 2% of the GPU's energy counter") {
  // tests/data/h200: power.csv sampled every ~50 ms; results.json holds each phase's window
  // on the same clock and the GPU's cumulative energy counter over it (the reference).
  const auto phases = h200_phases();
  int training = 0;
  for (const auto& p : phases) {
    if (!p.contains("tokens")) continue;  // idle and the matmul loop are not training
    ++training;
    const auto m = read_measurement_file(data("h200/power.csv"),
                                         window(p.at("t_start").get<double>(), p.at("t_end").get<double>()));
    const double counter = p.at("energy_j").get<double>();
    INFO(p.at("phase").get<std::string>() << ": integrated " << m.energy_j << " J, counter " << counter << " J");
    CHECK(std::abs(m.energy_j / counter - 1) < 0.02);
    CHECK(m.duration_s.value() == doctest::Approx(p.at("seconds").get<double>()).epsilon(1e-9));
    CHECK(m.gaps == 0);
  }
  CHECK(training == 4);
}

TEST_CASE("measure: a pilot of the first 20% of the H200 1.3B phase predicts the phase's energy within 5%") {
  const auto phases = h200_phases();
  const auto& p = phase(phases, "gpt-1.3b");
  const double t0 = p.at("t_start").get<double>(), t1 = p.at("t_end").get<double>();
  const double tokens = p.at("tokens").get<double>();
  // The pilot: the first fifth of the phase's time; the phase runs at a steady rate after
  // its warm-up (results.json: warmup_s is before t_start), so it trained a fifth of the tokens.
  const auto pilot = read_pilot_file(data("h200/power.csv"), window(t0, t0 + 0.2 * (t1 - t0)));
  CHECK(pilot.window_average_w.size() == 10);
  scenario run;
  run.params = p.at("params").get<double>();
  run.tokens = tokens;
  run.layers = p.at("layers").get<double>();
  run.d_model = p.at("d_model").get<double>();
  run.seq_len = p.at("seq").get<double>();
  run.hardware = "h200";
  run.boundary = boundary::accelerators;
  run.embodied = false;
  pilot_info info;
  info.tokens = 0.2 * tokens;
  const auto c = calibrate_from_pilot(run, pilot, info);
  REQUIRE(c.mfu);
  // The MFU on the model's FLOPs (6N + attention) is close to the run's own 0.501.
  CHECK(*c.mfu == doctest::Approx(p.at("mfu").get<double>()).epsilon(0.03));
  const auto e = make_estimate(c.run);
  const double predicted_j = e.energy_accelerators.in_kwh() * 3.6e6;
  const double counter = p.at("energy_j").get<double>();
  INFO("predicted " << predicted_j << " J, counter " << counter << " J");
  CHECK(std::abs(predicted_j / counter - 1) < 0.05);
  // With the pilot's power spread, the interval brackets the point estimate.
  const auto u = make_estimate(c.run, catalog::embedded(), uncertainty_options{.samples = 2000, .seed = 3, .threads = 1});
  REQUIRE(u.uncertainty);
  bool found = false;
  for (const auto& o : u.uncertainty->outputs)
    if (o.name == "energy_kwh.accelerators") {
      found = true;
      CHECK(o.p5 < e.energy_accelerators.in_kwh());
      CHECK(o.p95 > e.energy_accelerators.in_kwh());
    }
  CHECK(found);
}

TEST_CASE("measure: a two-GPU nvidia-smi log") {
  // GPU 0: 100 W, 300 W at +1 s, 300 W at +3 s: (100+300)/2×1 + 300×2 = 800 J; left 100 + 600
  // = 700, right 300 + 600 = 900. GPU 1: 200, 200, 400 W: 200×1 + (200+400)/2×2 = 800 J; left
  // 200 + 400 = 600, right 200 + 800 = 1000. Total 1600 J over 3 s: 533.3 W; the highest
  // total draw is at +3 s, 300 + 400 = 700 W; bound (900−700)/2 + (1000−600)/2 = 300 J.
  const auto m = read_measurement_file(data("measure/smi-2gpu.csv"));
  CHECK(m.format == "nvidia-smi");
  REQUIRE(m.devices.size() == 2);
  CHECK(m.devices[0].device == "0");
  CHECK(m.devices[0].energy_j == doctest::Approx(800));
  CHECK(m.devices[1].energy_j == doctest::Approx(800));
  CHECK(m.devices[0].peak_w == 300);
  CHECK(m.energy_j == doctest::Approx(1600));
  CHECK(m.energy_kwh() == doctest::Approx(1600 / 3.6e6));
  CHECK(m.duration_s.value() == doctest::Approx(3));
  CHECK(m.average_w.value() == doctest::Approx(1600.0 / 3));
  CHECK(m.peak_w == doctest::Approx(700));
  CHECK(m.sampling_bound_j == doctest::Approx(300));
  CHECK(m.device_count == 2);
  // Window +0.5 s to +2 s: GPU 0 (200+300)/2×0.5 + 300×1 = 425 J (200 W interpolated at
  // +0.5 s); GPU 1 200×0.5 + (200+300)/2×1 = 350 J (300 W at +2 s): 775 J.
  CHECK(read_measurement_file(data("measure/smi-2gpu.csv"), window(0.5, 2)).energy_j == doctest::Approx(775));
  measure_options stamped;
  stamped.from = parse_window_edge("2024/05/01 12:00:00.500");
  stamped.to = parse_window_edge("2024-05-01T12:00:02");
  REQUIRE(stamped.from);
  CHECK(stamped.from->timestamp);
  CHECK(read_measurement_file(data("measure/smi-2gpu.csv"), stamped).energy_j == doctest::Approx(775));
  // An empty window on a timestamped log says its times as ISO 8601 (the log's own clock),
  // never as seconds since 1970 (1714564803 s); an edge typed in seconds counts from the first reading.
  measure_options reversed;
  reversed.from = parse_window_edge("2024/05/01 12:00:03");
  reversed.to = parse_window_edge("2024/05/01 12:00:00.5");
  CHECK_THROWS_WITH(read_measurement_file(data("measure/smi-2gpu.csv"), reversed),
                    doctest::Contains("empty window: from 2024-05-01T12:00:03 to 2024-05-01T12:00:00.5; expected from < to"));
  CHECK_THROWS_WITH(read_measurement_file(data("measure/smi-2gpu.csv"), window(20, 30)),
                    doctest::Contains("between 20 s after the first reading (2024-05-01T12:00:20) and 30 s after the "
                                      "first reading (2024-05-01T12:00:30) (the log spans 2024-05-01T12:00:00 to "
                                      "2024-05-01T12:00:03)"));
}

TEST_CASE("measure: a logger restart is counted and its gap reported") {
  // 100 W for 1 s (100 J), a 10 s gap from 100 W to 200 W ((100+200)/2×10 = 1500 J), 200 W
  // for 1 s (200 J): 1800 J. Median interval 1 s, so the 10 s interval is a gap.
  const auto m = read_measurement_file(data("measure/smi-restart.csv"));
  CHECK(m.restarts == 1);
  CHECK(m.energy_j == doctest::Approx(1800));
  CHECK(m.gaps == 1);
  CHECK(m.gap_s == doctest::Approx(10));
}

TEST_CASE("measure: CodeCarbon's emissions.csv") {
  // Two runs: 0.5 kWh in 3600 s and 0.25 kWh in 1800 s: 0.75 kWh = 2.7e6 J in 5400 s, 500 W.
  const auto m = read_measurement_file(data("measure/codecarbon.csv"));
  CHECK(m.format == "codecarbon");
  CHECK_FALSE(m.from_samples);
  REQUIRE(m.devices.size() == 2);
  CHECK(m.devices[0].device == "run-a");
  CHECK(m.energy_kwh() == doctest::Approx(0.75));
  CHECK(m.energy_j == doctest::Approx(2.7e6));
  CHECK(m.duration_s.value() == 5400);
  CHECK(m.average_w.value() == doctest::Approx(500));
  CHECK(m.location == "FRA/ile-de-france");
  CHECK(m.device_count == 4);  // gpu_count
  CHECK_THROWS_AS((void)read_measurement_file(data("measure/codecarbon.csv"), window(0, 1)), measure_error);
}

TEST_CASE("measure: Slurm sacct -P with ConsumedEnergy") {
  // The jobs' own rows: 4242 12.5M = 12.5e6 J in 02:00:00 (7200 s); 4243 864K = 864000 J in
  // 1-00:00:00 (86400 s). Their steps are parts of them and not added. 13.364e6 J in 93600 s.
  const auto m = read_measurement_file(data("measure/sacct.txt"));
  CHECK(m.format == "sacct");
  REQUIRE(m.devices.size() == 2);
  CHECK(m.devices[0].device == "4242");
  CHECK(m.devices[0].energy_j == doctest::Approx(12.5e6));
  CHECK(m.devices[1].energy_j == doctest::Approx(864e3));
  CHECK(m.energy_j == doctest::Approx(13.364e6));
  CHECK(m.duration_s.value() == 93600);
  CHECK_THROWS_WITH_AS((void)read_measurement_file(data("measure/sacct-zero.txt")),
                       doctest::Contains("ConsumedEnergy is 0 in every row"), measure_error);
}

TEST_CASE("measure: bad lines name the file and line; skipped only when asked, and counted") {
  const std::string f = data("measure/bad-unparsable.csv");
  CHECK_THROWS_WITH_AS((void)read_measurement_file(f),
                       ("[trainprint.measure] " + f +
                        ":4: watts: got 'abc', expected watts such as 81.60 or 81.60 W (pass --skip-bad-lines to skip "
                        "such lines)")
                           .c_str(),
                       measure_error);
  measure_options skip;
  skip.skip_bad_lines = true;
  const auto m = read_measurement_file(f, skip);
  CHECK(m.skipped_lines == 1);
  CHECK(m.energy_j == doctest::Approx(300));  // 100 W from 0 to 3 s
  CHECK_THROWS_WITH_AS((void)read_measurement_file(data("measure/bad-backwards.csv")),
                       doctest::Contains(":4: time goes backwards: 0.5 after 1"), measure_error);
  CHECK_THROWS_WITH_AS((void)read_measurement_file(data("measure/bad-negative.csv")),
                       doctest::Contains(":3: watts: got -5, expected 0 <= watts <= 100000"), measure_error);
  CHECK_THROWS_WITH_AS((void)read_measurement_file(data("measure/bad-absurd.csv")),
                       doctest::Contains(":3: watts: got 5e+06, expected 0 <= watts <= 100000"), measure_error);
  CHECK_THROWS_WITH_AS((void)read_measurement_file(data("measure/bad-columns.csv")),
                       doctest::Contains(":1: unknown columns 'time,power_kw'"), measure_error);
  CHECK_THROWS_WITH_AS((void)read_measurement_file(data("measure/flat.csv"), window(5, 6)),
                       doctest::Contains("empty window: no device has readings between 5 s and 6 s"), measure_error);
  CHECK_THROWS_WITH_AS((void)read_measurement_file(data("measure/flat.csv"), window(2, 1)),
                       doctest::Contains("empty window: from 2 s to 1 s; expected from < to"), measure_error);
  CHECK_THROWS_WITH_AS((void)read_measurement("", "empty.csv"), doctest::Contains("empty.csv: empty file"),
                       measure_error);
  CHECK_THROWS_AS((void)read_measurement_file(data("measure/no-such-file.csv")), measure_error);
}

TEST_CASE("measure: timestamps") {
  // 2024-05-01 is day 19844 after 1970-01-01: 19844 × 86400 + 12 h = 1714564800 s.
  CHECK(*parse_timestamp("2024/05/01 12:00:00.250") == doctest::Approx(1714564800.25));
  CHECK(*parse_timestamp("2024-05-01T12:00:00") == 1714564800);
  CHECK_FALSE(parse_timestamp("2024/13/01 12:00:00"));
  CHECK_FALSE(parse_timestamp("yesterday"));
  CHECK_FALSE(parse_window_edge("soon"));
}

TEST_CASE("measure: a measured energy replaces the modelled one at its boundary, the site model on top") {
  scenario s;
  s.gpu_hours = 10;
  s.hardware = "h100";
  s.count = 1;
  s.pue = 1.2;
  s.intensity = carbon_intensity::g_per_kwh(100);
  s.wue = water_intensity::l_per_kwh(1);
  s.host_power_w = power::watts(200);
  s.energy_kwh = energy::kwh(5);
  // servers: IT = 5 kWh, facility = 5 × 1.2 = 6 kWh, location-based 6 × 100 g = 0.6 kg.
  s.energy_boundary = energy_boundary::servers;
  auto e = make_estimate(s);
  CHECK(e.energy_it.in_kwh() == doctest::Approx(5));
  CHECK(e.energy_facility.in_kwh() == doctest::Approx(6));
  CHECK(e.location_based->in_kg_co2e() == doctest::Approx(0.6));
  CHECK(e.water_onsite->in_litres() == doctest::Approx(5));  // IT × WUE 1 L/kWh
  // facility: facility = 5 kWh exactly (no PUE on it), IT = 5 / 1.2.
  s.energy_boundary = energy_boundary::facility;
  e = make_estimate(s);
  CHECK(e.energy_facility.in_kwh() == 5);
  CHECK(e.energy_it.in_kwh() == doctest::Approx(5 / 1.2));
  // accelerators: 5 kWh + host 200 W × 10 h = 2 kWh: IT 7, facility 8.4; power 5 kWh / 10 h = 500 W.
  s.energy_boundary = energy_boundary::accelerators;
  e = make_estimate(s);
  CHECK(e.energy_accelerators.in_kwh() == 5);
  CHECK(e.energy_host.in_kwh() == doctest::Approx(2));
  CHECK(e.energy_facility.in_kwh() == doctest::Approx(8.4));
  CHECK(e.accelerator_power.in_watts() == doctest::Approx(500));
  bool traced = false, beside = false;
  for (const auto& t : e.trace) {
    traced = traced || (t.name == "energy_measured_kwh" && t.value == 5 && t.origin == origin::user);
    beside = beside || t.name == "energy_facility_modelled";
  }
  CHECK(traced);
  CHECK(beside);
  // Without hardware, a facility measurement needs no power model.
  scenario bare;
  bare.gpu_hours = 10;
  bare.pue = 1.2;
  bare.energy_kwh = energy::kwh(6);
  bare.energy_boundary = energy_boundary::facility;
  e = make_estimate(bare);
  CHECK(e.energy_facility.in_kwh() == 6);
  CHECK(e.energy_accelerators.in_kwh() == doctest::Approx(5));
  // No silent default boundary.
  bare.energy_boundary.reset();
  CHECK_THROWS_WITH_AS((void)make_estimate(bare), doctest::Contains("energy_boundary: missing"), input_error);
}

TEST_CASE("measure: with_measurement takes energy, boundary and time from a file") {
  const auto m = read_measurement_file(data("measure/smi-2gpu.csv"));
  scenario s;
  s.hardware = "h100";
  s.pue = 1.0;
  std::vector<std::string> notes;
  const scenario t = with_measurement(s, m, &notes);
  CHECK(t.energy_kwh->in_kwh() == doctest::Approx(1600 / 3.6e6));
  CHECK(t.energy_boundary == energy_boundary::accelerators);
  CHECK(t.count == 2);
  CHECK(t.duration_h->count() == doctest::Approx(3.0 / 3600));
  CHECK(notes.size() == 1);
  const auto cc = with_measurement(s, read_measurement_file(data("measure/codecarbon.csv")));
  CHECK(cc.energy_boundary == energy_boundary::servers);
  CHECK(cc.count == 4);
}

TEST_CASE("measure: with_measurement refuses a time or a count that disagrees with the file's own") {
  // smi-2gpu.csv: 2 devices over 3 s, so 3 / 3600 h of wall time and 2 × 3 / 3600 = 1/600
  // accelerator-hours. Within 2% is rounding; beyond it, the measured energy would be put on
  // another run.
  const auto m = read_measurement_file(data("measure/smi-2gpu.csv"));
  scenario s;
  s.hardware = "h100";
  s.gpu_hours = 1.0 / 600 * 1.019;  // +1.9%: kept
  CHECK(with_measurement(s, m).gpu_hours == s.gpu_hours);
  s.gpu_hours = 1.0 / 600 * 1.021;  // +2.1%: refused
  CHECK_THROWS_WITH_AS((void)with_measurement(s, m), doctest::Contains("the measurement's own accelerator-hours"),
                       input_error);
  s.gpu_hours = 1;
  CHECK_THROWS_WITH_AS((void)with_measurement(s, m),
                       doctest::Contains("spans 0.0008333 h on 2 accelerators, 0.001667 accelerator-hours"),
                       input_error);
  s.gpu_hours.reset();
  s.duration_h = hours(3.05 / 3600);  // +1.7%: kept, and the count (2) comes from the file
  const scenario d = with_measurement(s, m);
  CHECK(d.count == 2);
  CHECK(d.duration_h->count() == doctest::Approx(3.05 / 3600));
  s.duration_h = hours(1.0);
  CHECK_THROWS_WITH_AS((void)with_measurement(s, m), doctest::Contains("the measurement's own length"), input_error);
  s.duration_h.reset();
  s.count = 3;  // the file logs 2 devices
  CHECK_THROWS_WITH_AS((void)with_measurement(s, m), doctest::Contains("logs 2 accelerators"), input_error);
  s.count = 2;
  CHECK(with_measurement(s, m).count == 2);
}

TEST_CASE("measure: gaps add their own bound, from the readings around them") {
  // smi-restart.csv: 100 W at 0 and 1 s, 200 W at 11 and 12 s. The 10 s interval is a gap
  // (median interval 1 s). Readings within one gap length (10 s) either side of it, from
  // 1 − 10 to 11 + 10 s: all four, 100 to 200 W, so the gap could hide 10 s × 100 W = 1000 J.
  // Sampling bound: left 100 + 100×10 + 200 = 1300 J, right 100 + 200×10 + 200 = 2300 J: 500 J.
  const auto m = read_measurement_file(data("measure/smi-restart.csv"));
  CHECK(m.gaps == 1);
  CHECK(m.gap_bound_j == doctest::Approx(1000));
  CHECK(m.devices.at(0).gap_bound_j == doctest::Approx(1000));
  CHECK(m.sampling_bound_j == doctest::Approx(500));
  CHECK(m.bound_j() == doctest::Approx(1500));
  const auto j = nlohmann::json::parse(measurement_json(m));
  CHECK(j.at("total").at("gap_bound_j").get<double>() == doctest::Approx(1000));
  CHECK(j.at("total").at("bound_j").get<double>() == doctest::Approx(1500));
  CHECK(j.at("devices").at(0).at("gap_bound_j").get<double>() == doctest::Approx(1000));
  CHECK(measurement_table(m).find("gap bound: ±1000 J (±56%) over 1 gap(s), 10.0 s") != std::string::npos);
  // A log without gaps: no gap bound.
  CHECK(read_measurement_file(data("measure/smi-2gpu.csv")).gap_bound_j == 0);
}

TEST_CASE("measure: the whole H200 log has 7 gaps, all in the idle wait while the compiled 350M model compiled") {
  // power.csv's intervals over 5 × its 0.05 s median (file lines; watts of the readings
  // within one gap length either side, min–max): 3175–3176 161.131→161.522 s (0.391 s,
  // 128.1–128.1 W), 3327–3328 170.250→170.538 (0.288 s, 127.6–127.8), 3332–3333
  // 170.831→171.176 (0.345 s, 127.6–127.7), 3385–3386 174.782→175.209 (0.427 s,
  // 127.6–127.7), 3454–3455 180.890→181.311 (0.421 s, 127.5–127.6), 3583–3584
  // 189.906→190.419 (0.513 s, 127.5–127.6), 3618–3619 192.851→193.338 (0.487 s,
  // 127.5–127.5). Gap time 2.872 s; bound 0.391×0 + 0.288×0.2 + 0.345×0.1 + 0.427×0.1 +
  // 0.421×0.1 + 0.513×0.1 + 0.487×0 = 0.2282 J: the GPU sat at idle power on both sides.
  const auto m = read_measurement_file(data("h200/power.csv"));
  CHECK(m.gaps == 7);
  CHECK(m.gap_s == doctest::Approx(2.872).epsilon(1e-9));
  CHECK(m.gap_bound_j == doctest::Approx(0.2282).epsilon(1e-6));
}

TEST_CASE("measure: dcgmi dmon output, on a clock rebuilt from its --delay") {
  // dcgm-2gpu.txt at 1000 ms: GPU 0 100, 300, 300 W at 0, 1, 2 s: (100+300)/2 + 300 = 500 J;
  // GPU 1 200, 200, 400 W: 200 + (200+400)/2 = 500 J. 1000 J over 2 s, 500 W; the highest
  // total draw is at 2 s, 300 + 400 = 700 W. TMPTR is not used.
  measure_options o;
  o.interval_s = 1.0;
  const auto m = read_measurement_file(data("measure/dcgm-2gpu.txt"), o);
  CHECK(m.format == "dcgmi-dmon");
  REQUIRE(m.devices.size() == 2);
  CHECK(m.devices[0].device == "GPU 0");
  CHECK(m.devices[0].energy_j == doctest::Approx(500));
  CHECK(m.devices[1].energy_j == doctest::Approx(500));
  CHECK(m.energy_j == doctest::Approx(1000));
  CHECK(m.duration_s.value() == doctest::Approx(2));
  CHECK(m.peak_w == doctest::Approx(700));
  CHECK(m.device_count == 2);
  // At 500 ms the same readings span 1 s: half the energy.
  o.interval_s = 0.5;
  CHECK(read_measurement_file(data("measure/dcgm-2gpu.txt"), o).energy_j == doctest::Approx(500));
  // A window in seconds after the first reading, 0.5 s to the end (2 s), at 1000 ms: GPU 0
  // (200+300)/2×0.5 + 300×1 = 425 J (200 W interpolated at 0.5 s); GPU 1 200×0.5 +
  // (200+400)/2×1 = 400 J: 825 J.
  o.interval_s = 1.0;
  o.from = window_edge{0.5, false};
  CHECK(read_measurement_file(data("measure/dcgm-2gpu.txt"), o).energy_j == doctest::Approx(825));
  // The header dmon prints again every 14 samples is skipped; "N/A" is a bad line.
  const std::string repeated =
      "#Entity   POWER             \nID        W                 \nGPU 0     100.000           \n"
      "#Entity   POWER             \nID        W                 \nGPU 0     100.000           \n";
  measure_options one;
  one.interval_s = 2.0;
  CHECK(read_measurement(repeated, "dmon.txt", one).energy_j == doctest::Approx(200));  // 100 W × 2 s
  CHECK_THROWS_WITH_AS((void)read_measurement_file(data("measure/bad-dcgm-na.txt"), one),
                       doctest::Contains("bad-dcgm-na.txt:4: POWER: got 'N/A', expected watts such as 69.452 (DCGM "
                                         "had no reading)"),
                       measure_error);
  CHECK_THROWS_WITH_AS((void)read_measurement_file(data("measure/dcgm-2gpu.txt")),
                       doctest::Contains("dcgm-2gpu.txt: dcgmi dmon output has no times: give the interval"),
                       measure_error);
  CHECK_THROWS_WITH_AS((void)read_measurement("#Entity   TMPTR\nID        C\nGPU 0     35\n", "t.txt", one),
                       doctest::Contains("t.txt:1: dcgmi dmon output without a POWER column"), measure_error);
  CHECK_THROWS_WITH_AS((void)read_measurement("#Entity   POWER\nGPU 0     1.0   2.0\n", "w.txt", one),
                       doctest::Contains("w.txt:2: 4 words, expected 3"), measure_error);
  // --interval-ms is refused for a log with its own times.
  CHECK_THROWS_WITH_AS((void)read_measurement_file(data("measure/flat.csv"), one),
                       doctest::Contains("--interval-ms is for dcgmi dmon output"), measure_error);
}
