// Plain-language words and ranges give ranges on every path (issue 14, "left open"):
// make_estimate at either trace level, estimate_outputs, estimate_many, sweep and the
// CSV; impossible Monte Carlo samples (an implied MFU above 1) are left out, and too
// many of them are bad input; a factor printed beside a median is the factor's median.
#include <doctest/doctest.h>
#include <trainprint/error.hpp>
#include <trainprint/estimator.hpp>
#include <trainprint/format.hpp>
#include <trainprint/json.hpp>
#include <trainprint/plain.hpp>
#include <trainprint/sweep.hpp>
#include <trainprint/table.hpp>
#include <trainprint/uncertainty.hpp>

#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

using namespace trainprint;
using doctest::Approx;

namespace {

/// trainprint estimate --size large --duration weeks --hardware gpu --count 256 --energy fossil
scenario words() {
  scenario s;
  s.size = "large";
  set_input(s, "duration", "weeks");
  s.hardware = "gpu";
  s.count = 256;
  s.energy = "fossil";
  return s;
}

/// 7.12368e18 FLOP on one H100 (dense bf16 peak 989.4 TFLOP/s, NVIDIA H100 datasheet,
/// the catalog's figure): 7.12368e18 / (3600 × 989.4e12) = 2 h at MFU 1 exactly.
scenario two_peak_hours(const std::string& duration) {
  scenario s;
  s.flops = 7.12368e18;
  s.hardware = "h100";
  s.count = 1;
  s.region = "FR";
  set_input(s, "duration", duration);
  return s;
}

bool has_note_with(const estimate& e, std::string_view part) {
  return std::any_of(e.notes.begin(), e.notes.end(), [&](const std::string& n) { return n.find(part) != n.npos; });
}

}  // namespace

TEST_CASE("ranges everywhere: words give the Monte Carlo medians on every library path") {
  const scenario s = words();
  REQUIRE(wants_ranges(s));
  const estimate e = make_estimate(s);
  REQUIRE(e.uncertainty);
  // trace_level::none (sweeps, Python) runs the same Monte Carlo: the same medians.
  const estimate lean = make_estimate(s, catalog::embedded(), trace_level::none);
  REQUIRE(lean.uncertainty);
  // estimate_outputs (estimate_many's path): bit for bit make_estimate's outputs.
  const model_outputs o = estimate_outputs(s);
  for (std::size_t k = 0; k < output_count; ++k) {
    CAPTURE(output_table[k].name);
    CHECK(lean.outputs.known[k] == e.outputs.known[k]);
    CHECK(o.known[k] == e.outputs.known[k]);
    if (!e.outputs.known[k]) continue;
    CHECK(lean.outputs.value[k] == e.outputs.value[k]);
    CHECK(o.value[k] == e.outputs.value[k]);
  }
  // The headline is the median, not the point at the modes.
  const auto* total = e.uncertainty->find("emissions_kg_co2e.total");
  REQUIRE(total);
  CHECK(*e.value(output::emissions_total) == total->p50);
  CHECK(total->p50 != total->central);

  // estimate_many: the medians, and the percentiles in p5/p95 (NaN in a row without ranges).
  const std::vector<std::string> hw{"gpu", "h100"};
  std::vector<input_column> cols(1);
  cols[0].key = "hardware";
  cols[0].texts = hw;
  const std::vector<std::int32_t> codes{0, 1};
  cols[0].codes = codes;
  scenario shared;
  shared.params = 7e9;
  shared.tokens = 2e12;
  shared.count = 256;
  shared.region = "FR";
  const table_estimates t = estimate_many({}, shared, cols);
  REQUIRE(t.errors.empty());
  REQUIRE(t.p5[0].size() == 2);
  scenario row0 = shared, row1 = shared;
  row0.hardware = "gpu";
  row1.hardware = "h100";
  const estimate e0 = make_estimate(row0);
  REQUIRE(e0.uncertainty);
  CHECK_FALSE(make_estimate(row1).uncertainty);
  const auto i = index_of(output::emissions_total);
  CHECK(t.values[i][0] == *e0.value(output::emissions_total));
  CHECK(t.p5[i][0] == e0.uncertainty->find("emissions_kg_co2e.total")->p5);
  CHECK(t.p95[i][0] == e0.uncertainty->find("emissions_kg_co2e.total")->p95);
  CHECK(std::isnan(t.p5[i][1]));
  CHECK(t.values[i][1] == *make_estimate(row1).value(output::emissions_total));

  // sweep(): each row as make_estimate gives it (the medians).
  const std::vector<sweep_axis> axes{parse_axis("count=128,256", "vary")};
  std::vector<double> swept;
  sweep(s, axes, [&](const sweep_row& r) {
    CHECK(r.result.uncertainty.has_value());
    swept.push_back(*r.result.value(output::emissions_total));
  });
  REQUIRE(swept.size() == 2);
  CHECK(swept[1] == *e.value(output::emissions_total));  // count 256 is `s` itself
}

TEST_CASE("ranges everywhere: the CSV of a ranged estimate carries *_p5 and *_p95 columns after the others") {
  const estimate e = make_estimate(words());
  const std::string csv = render(e, output_format::csv);
  const auto nl = csv.find('\n');
  const std::string head = csv.substr(0, nl), row = csv.substr(nl + 1, csv.size() - nl - 2);
  // The columns before are those of an estimate without ranges, in their places.
  scenario point;
  point.params = 7e9;
  point.tokens = 2e12;
  point.hardware = "h100";
  point.count = 256;
  const std::string plain = render(make_estimate(point), output_format::csv);
  CHECK(head.starts_with(plain.substr(0, plain.find('\n')) + ","));
  CHECK(head.find(",emissions_total_kg_co2e_p5,emissions_total_kg_co2e_p95") != std::string::npos);
  CHECK(std::count(head.begin(), head.end(), ',') == std::count(row.begin(), row.end(), ','));
  const auto* total = e.uncertainty->find("emissions_kg_co2e.total");
  CHECK(row.find("," + fmt::format("{:.10g}", total->p5) + "," + fmt::format("{:.10g}", total->p95)) !=
        std::string::npos);
}

TEST_CASE("impossible samples: a duration range half below the workload's time at peak drops half the samples") {
  // Duration triangular(1 h, 2 h, 3 h) (a range's mode is its middle); the 7.12368e18 FLOP
  // need 2 h at MFU 1, so a sample is impossible when its duration is under 2 h:
  // P = (2 − 1)² / ((3 − 1)(2 − 1)) = 0.5, 5000 of 10000 (binomial sd 50).
  const scenario s = two_peak_hours("1h:3h");
  const estimate e = make_estimate(s);
  CHECK(e.inputs.peak_flop_per_s == 989.4e12);
  REQUIRE(e.uncertainty);
  const auto bad = e.uncertainty->impossible_samples;
  CHECK(bad >= 4750);
  CHECK(bad <= 5250);
  // The kept durations are the triangle's right half, CDF 1 − (3 − d)² on [2, 3]: median
  // 3 − √0.5 = 2.2929 h, p5 3 − √0.95 = 2.0253 h, p95 3 − √0.05 = 2.7764 h (count 1: AH = d).
  const auto* ah = e.uncertainty->find("compute.accelerator_hours");
  REQUIRE(ah);
  CHECK(ah->p50 == Approx(2.2929).epsilon(0.01));
  CHECK(ah->p5 == Approx(2.0253).epsilon(0.01));
  CHECK(ah->p95 == Approx(2.7764).epsilon(0.01));
  CHECK(ah->p5 >= 2.0 * (1 - 1e-3));  // nothing below the 2 h the FLOPs need (within a histogram bin)
  CHECK(has_note_with(e, fmt::format("{} of 10000 Monte Carlo samples put more FLOPs", bad)));
  CHECK(has_note_with(e, fmt::format("every range is over the other {}", 10000 - bad)));
  // Seeded: the same count on any thread count; the JSON says it.
  const estimate four = make_estimate(s, catalog::embedded(), uncertainty_options{10000, 42, 4});
  CHECK(four.uncertainty->impossible_samples == bad);
  CHECK(four.uncertainty->find("compute.accelerator_hours")->p50 == ah->p50);
  CHECK(nlohmann::json::parse(to_json_text(e, -1))["uncertainty"]["impossible_samples"] == bad);
  // A range that holds the workload everywhere drops none: 2 h to 4 h.
  CHECK(make_estimate(two_peak_hours("2h:4h")).uncertainty->impossible_samples == 0);
}

TEST_CASE("impossible samples: fewer than 5% possible is bad input, as an impossible point is") {
  // 0.5–1.5 h: every sample is under the 2 h at peak.
  CHECK_THROWS_AS(make_estimate(two_peak_hours("0.5h:1.5h")), input_error);
  // 1–2.05 h, mode 1.525 h: possible only above 2 h, P = 0.05² / (1.05 × 0.525) = 0.45%.
  CHECK_THROWS_WITH_AS(make_estimate(two_peak_hours("1h:2.05h")),
                       doctest::Contains("at least 5% of combinations can run at that peak"), input_error);
  // 1–2.5 h, mode 1.75 h: P = 0.5² / (1.5 × 0.75) = 22.2% possible: an estimate, with its note.
  const estimate ok = make_estimate(two_peak_hours("1h:2.5h"));
  CHECK(ok.uncertainty->impossible_samples == Approx(7778).epsilon(0.03));
  // estimate_outputs and estimate_many refuse it too (their numbers are make_estimate's).
  CHECK_THROWS_AS(estimate_outputs(two_peak_hours("0.5h:1.5h")), input_error);
}

TEST_CASE("impossible samples: the samples suggested when too few are possible are enough when followed") {
  // Duration 1–3 h around 2 h at peak: half the samples possible (the test above), so 30
  // samples keep about 15 < 20. The share varies with the draw (#18: 29 suggested, 29 failed),
  // so for every seed that fails the suggested count, with the same seed, must succeed.
  const scenario s = two_peak_hours("1h:3h");
  int refused = 0;
  for (std::uint64_t seed = 1; seed <= 40; ++seed) {
    try {
      (void)make_estimate(s, catalog::embedded(), uncertainty_options{30, seed, 1});
    } catch (const input_error& e) {
      const std::string m = e.what();
      const auto colon = m.find("need: ");
      REQUIRE(colon != std::string::npos);
      const std::uint64_t suggested = std::stoull(m.substr(colon + 6));
      CHECK(suggested > 30);
      CHECK_NOTHROW((void)make_estimate(s, catalog::embedded(), uncertainty_options{suggested, seed, 1}));
      ++refused;
    }
  }
  CHECK(refused > 10);  // P(at most 19 of 30 possible at p = 0.5) = 0.95: most seeds refuse 30
}

TEST_CASE("impossible samples: the last note says the median is over the possible samples") {
  const estimate e = make_estimate(two_peak_hours("1h:3h"));
  const auto kept = e.uncertainty->samples - e.uncertainty->impossible_samples;
  CHECK(has_note_with(e, fmt::format("every headline number is the median of the {} possible of 10000 Monte Carlo "
                                     "samples",
                                     kept)));
  CHECK(has_note_with(make_estimate(two_peak_hours("2h:4h")),
                      "every headline number is the median of 10000 Monte Carlo samples"));
}

TEST_CASE("ranges: a factor beside a median is the factor's median and 90% range") {
  // WUE triangular(0.2, 0.3, 0.8): the mode 0.3 is under a sixth of the way ((0.3 − 0.2) / 0.6),
  // so the median is 0.8 − √(0.5 × 0.6 × 0.5) = 0.8 − √0.15 = 0.41270, p5 0.2 + √(0.05 × 0.6 × 0.1)
  // = 0.25477, p95 0.8 − √(0.05 × 0.6 × 0.5) = 0.67753 L/kWh.
  const scenario s = parse_scenario(
      R"({"gpu_hours": 100000, "hardware": "h100", "count": 64, "region": "FR", "wue": {"low": 0.2, "mode": 0.3, "high": 0.8}})",
      "<test>");
  const estimate e = make_estimate(s);
  REQUIRE(e.uncertainty);
  const std::string table = render(e, output_format::table);
  CHECK(table.find("WUE 0.413 (0.255–0.678) L/kWh") != std::string::npos);
  CHECK(table.find("WUE 0.3 L/kWh") == std::string::npos);  // the point value, no longer beside the median
  const auto j = nlohmann::json::parse(to_json_text(e, -1));
  bool found = false;
  for (const auto& in : j["uncertainty"]["inputs"])
    if (in["name"] == "wue_l_per_kwh") {
      found = true;
      CHECK(in["p50"].get<double>() == Approx(0.412702).epsilon(1e-5));
      CHECK(in["p5"].get<double>() == Approx(0.254772).epsilon(1e-5));
      CHECK(in["p95"].get<double>() == Approx(0.677526).epsilon(1e-5));
    }
  CHECK(found);
}
