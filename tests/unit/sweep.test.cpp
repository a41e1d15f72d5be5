// sweep_numbers() against sweep(): the same rows, numbers, CSV and JSON text and
// errors, over axes that take each of its paths (patched inputs, inputs resolved
// again in place, workload inputs and ranges through prefixes).
#include <doctest/doctest.h>
#include <trainprint/format.hpp>
#include <trainprint/render.hpp>
#include <trainprint/sweep.hpp>
#include <trainprint/detail/sweep_rows.hpp>
#include <trainprint/error.hpp>

#include <bit>
#include <cstring>
#include <string>
#include <vector>

using namespace trainprint;

namespace {

scenario flops_base() {
  scenario s;
  s.params = 7e9;
  s.tokens = 2e12;
  s.hardware = "h100";
  s.region = "aws:us-east-1";
  return s;
}

std::vector<sweep_axis> axes_of(std::initializer_list<const char*> texts) {
  std::vector<sweep_axis> axes;
  for (const char* t : texts) axes.push_back(parse_axis(t));
  return axes;
}

bool same(const std::optional<double>& a, const std::optional<double>& b) {
  return a.has_value() == b.has_value() && (!a || std::bit_cast<std::uint64_t>(*a) == std::bit_cast<std::uint64_t>(*b));
}

struct outcome {
  std::vector<std::string> csv, jsonl;
  std::vector<std::array<std::optional<double>, sweep_headline_count>> numbers;
  std::string error;
};

template <class Base>
outcome by_estimates(const Base& base, const std::vector<sweep_axis>& axes) {
  outcome o;
  try {
    sweep(
        base, axes,
        [&](const sweep_row& r) {
          o.csv.push_back(sweep_row_csv(r));
          o.jsonl.push_back(sweep_row_json_line(axes, r));
          std::array<std::optional<double>, sweep_headline_count> v;
          for (std::size_t c = 0; c < headline_columns().size(); ++c) v[c] = headline_columns()[c].get(r.result);
          o.numbers.push_back(v);
        },
        catalog::embedded(), trace_level::none);
  } catch (const error& e) {
    o.error = e.what();
  }
  return o;
}

template <class Base>
outcome by_numbers(const Base& base, const std::vector<sweep_axis>& axes) {
  outcome o;
  sweep_csv_writer w;
  std::uint64_t expected_index = 0;
  try {
    sweep_numbers(base, axes, [&](const sweep_numbers_row& r) {
      CHECK(r.index == expected_index++);
      REQUIRE(r.positions.size() == axes.size());
      for (std::size_t a = 0; a < axes.size(); ++a) CHECK(r.values[a] == axes[a].values[r.positions[a]]);
      std::string line;
      w.append(line, r);
      CHECK(line == sweep_row_csv(r));
      o.csv.push_back(line);
      o.jsonl.push_back(sweep_row_json_line(axes, r));
      o.numbers.push_back(headline_values(r));
    });
  } catch (const error& e) {
    o.error = e.what();
  }
  return o;
}

template <class Base>
void check_same(const Base& base, const std::vector<sweep_axis>& axes) {
  const outcome a = by_estimates(base, axes), b = by_numbers(base, axes);
  CHECK(a.error == "");
  CHECK(b.error == a.error);
  CHECK(a.csv.size() == sweep_size(axes));
  REQUIRE(b.csv.size() == a.csv.size());
  for (std::size_t i = 0; i < a.csv.size(); ++i) {
    CAPTURE(i);
    CHECK(b.csv[i] == a.csv[i]);
    CHECK(b.jsonl[i] == a.jsonl[i]);
    for (std::size_t c = 0; c < sweep_headline_count; ++c) CHECK(same(b.numbers[i][c], a.numbers[i][c]));
  }
}

}  // namespace

TEST_CASE("sweep_numbers: headline_values follows headline_columns") {
  const std::vector<std::string_view> names{"flops",
                                            "accelerator_hours",
                                            "wall_time_h",
                                            "accelerator_power_w",
                                            "energy_it_kwh",
                                            "energy_facility_kwh",
                                            "emissions_location_kg_co2e",
                                            "emissions_market_kg_co2e",
                                            "emissions_embodied_kg_co2e",
                                            "emissions_total_kg_co2e",
                                            "water_onsite_l",
                                            "water_offsite_l",
                                            "water_total_l",
                                            "cost_electricity_usd",
                                            "cost_compute_usd"};
  REQUIRE(headline_columns().size() == sweep_headline_count);
  for (std::size_t c = 0; c < names.size(); ++c) CHECK(headline_columns()[c].name == names[c]);
}

TEST_CASE("sweep_numbers: patched inputs give sweep()'s rows") {
  check_same(flops_base(), axes_of({"count=64,512,4096", "mfu=0.3,0.45", "pue=1.05,1.2,1.5"}));
  check_same(flops_base(), axes_of({"intensity=0,350.5", "cfe=0,0.25,1", "wue=0.2,1.8", "ewif=0.5,3"}));
  check_same(flops_base(), axes_of({"price=0.05,0.12", "hourly-price=2,2.5", "lifetime=3,6"}));
  scenario no_embodied = flops_base();
  no_embodied.embodied = false;
  check_same(no_embodied, axes_of({"lifetime_years=2,9", "count=8,9"}));
  check_same(flops_base(), axes_of({"embodied=true,false", "lifetime_years=2,9"}));
}

TEST_CASE("sweep_numbers: inputs resolved again give sweep()'s rows") {
  check_same(flops_base(), axes_of({"region=FR,PL,US-VA,aws:us-east-1", "hardware=h100,a100", "pue=1.1,1.3"}));
  check_same(flops_base(), axes_of({"pue=1.1,1.3", "region=FR,SE", "power-fraction=0.5,0.9", "boundary=servers,accelerators"}));
  // A grid region beside the provider axis: a cloud region (the base's aws:us-east-1)
  // belongs to one provider, and another one is an error.
  scenario grid = flops_base();
  grid.region = "US-VA";
  check_same(grid, axes_of({"mix=coal=1;wind=0.5,gas=0.5", "provider=aws,gcp", "precision=bf16,fp8"}));
  check_same(flops_base(), axes_of({"count=8,9,64", "power=500,650", "host-power=100,250"}));
}

TEST_CASE("sweep_numbers: workload inputs and ranges go through prefixes") {
  scenario hours;
  hours.gpu_hours = 1e5;
  hours.hardware = "h100";
  hours.region = "FR";
  check_same(hours, axes_of({"gpu-hours=1000,2e6", "mfu=0.2,0.6", "region=FR,PL"}));
  check_same(hours, axes_of({"pue=1.1:1.4,1.2", "count=64,65"}));
  check_same(flops_base(), axes_of({"params=1e9,7e9", "tokens=1e12,3e12", "pue=1.1,1.2"}));
  // 8.4e22 FLOP need 8.4e22 / (3600 × 989.4e12) = 23,583 H100-hours at MFU 1: every
  // duration × count here holds them (400 h × 64 = 25,600 h); fewer is bad input.
  check_same(flops_base(), axes_of({"duration=400,800", "count=64,128", "pue=1.1,1.2"}));
}

TEST_CASE("sweep_numbers: an error mid-sweep comes after the same rows") {
  // (1e9 params, 5e9 active) is invalid, but each value passes with the others' first.
  const auto axes = axes_of({"params=7e9,1e9", "active_params=1e9,5e9", "pue=1.1,1.2"});
  const outcome a = by_estimates(flops_base(), axes), b = by_numbers(flops_base(), axes);
  CHECK_FALSE(a.error.empty());
  CHECK(b.error == a.error);
  CHECK(b.csv == a.csv);
  CHECK(a.csv.size() == 6);
}

TEST_CASE("sweep: a site input swept over a preset replaces the preset's site inputs; a given pue stays") {
  const catalog& cat = catalog::embedded();
  const scenario p = cat.find_preset("llama-2-7b").scenario;
  // data/presets.json: llama-2-7b's published site is provider meta, PUE 1.1, 385 g CO2e/kWh.
  REQUIRE(p.intensity);
  REQUIRE(p.intensity->in_g_per_kwh() == 385);
  const auto regions = axes_of({"region=FR,PL"});
  std::vector<double> intensity, pue, location;
  sweep(layered_scenario{p, {}}, regions, [&](const sweep_row& r) {
    intensity.push_back(*r.result.inputs.intensity_g_per_kwh);
    pue.push_back(r.result.inputs.pue);
    location.push_back(r.result.location_based->in_kg_co2e());
  });
  // data/regions.json: FR 44.2, PL 615 g CO2e/kWh (compare's tests use the same values).
  CHECK(intensity == std::vector<double>{44.2, 615});
  // Each row is `estimate --preset llama-2-7b --region R`: merge() dropped the preset's PUE 1.1.
  for (const char* region : {"FR", "PL"}) {
    scenario r;
    r.region = region;
    const estimate e = make_estimate(merge(p, r), cat);
    CHECK(pue[region[0] == 'P'] == e.inputs.pue);
    CHECK(location[region[0] == 'P'] == e.location_based->in_kg_co2e());
  }
  CHECK(pue[0] != 1.1);
  // Same run, same energy: the emissions are in the ratio of the intensities.
  CHECK(location[0] / location[1] == doctest::Approx(44.2 / 615).epsilon(1e-12));

  // A pue given with the sweep (a typed --pue) stays over every region.
  scenario given;
  given.pue = 1.2;
  sweep(layered_scenario{p, given}, regions, [&](const sweep_row& r) { CHECK(r.result.inputs.pue == 1.2); });

  // A bare scenario is one source: its intensity stays beside a swept region (sweep.hpp).
  sweep(p, regions, [&](const sweep_row& r) { CHECK(*r.result.inputs.intensity_g_per_kwh == 385); });

  // sweep_numbers() gives sweep()'s rows over a layered scenario on each of its paths:
  // resolved again (region), patched (intensity, pue) and through prefixes (gpu-hours).
  check_same(layered_scenario{p, {}}, regions);
  check_same(layered_scenario{p, given}, axes_of({"intensity=50,100", "count=64,128"}));
  check_same(layered_scenario{p, {}}, axes_of({"pue=1.05,1.3", "region=SE,PL"}));
  check_same(layered_scenario{p, {}}, axes_of({"gpu-hours=1000,2e5", "region=FR,PL"}));
}

namespace {

/// A sweep_rows() or sweep_numbers_rows() run: the rows' CSV lines, the failed rows as
/// "index values: error", and what the whole sweep threw.
struct rows_outcome {
  std::vector<std::string> csv, failed;
  std::uint64_t estimated = 0;
  std::string error;
};

template <class Sweep>
rows_outcome rows_of(Sweep run) {
  rows_outcome o;
  const detail::sweep_error_callback on_error = [&](const detail::sweep_error_row& r) {
    std::string values;
    for (const auto& v : r.values) values += (values.empty() ? "" : ",") + v;
    o.failed.push_back(std::to_string(r.index) + " " + values + ": " + r.error);
    CHECK(r.exception != nullptr);
  };
  try {
    o.estimated = run(on_error);
  } catch (const error& e) {
    o.error = e.what();
  }
  return o;
}

}  // namespace

TEST_CASE("sweep_rows: a combination that cannot be estimated is a row with its error, the others stand") {
  const catalog& cat = catalog::embedded();
  scenario s = flops_base();
  s.count = 512;
  // 7B × 2T × 6 = 8.4e22 FLOP need 8.4e22 / (3600 × 989.4e12) = 23,583 H100-hours at MFU 1,
  // 23,583 / 512 = 46.06 h on 512: 720 h can be, 1 h cannot (an implied MFU of 46.1).
  const auto axes = axes_of({"duration=720,1", "pue=1.1,1.2"});
  const layered_scenario base{{}, s};
  for (const bool numbers : {false, true}) {
    CAPTURE(numbers);
    const rows_outcome o = rows_of([&](const detail::sweep_error_callback& on_error) {
      std::vector<std::string> csv;
      const auto n = numbers ? detail::sweep_numbers_rows(
                                   base, axes, [&](const sweep_numbers_row& r) { csv.push_back(sweep_row_csv(r)); },
                                   on_error, cat)
                             : detail::sweep_rows(
                                   base, axes, [&](const sweep_row& r) { csv.push_back(sweep_row_csv(r)); }, on_error,
                                   cat, trace_level::none);
      CHECK(csv.size() == 2);
      // The rows that were estimated are sweep()'s rows of the values that can be.
      const outcome whole = by_estimates(s, axes_of({"duration=720", "pue=1.1,1.2"}));
      CHECK(csv == whole.csv);
      return n;
    });
    CHECK(o.error == "");
    CHECK(o.estimated == 2);
    REQUIRE(o.failed.size() == 2);
    CHECK(o.failed[0].starts_with("2 1,1.1: [trainprint.input] duration_h: got 1 h on 512 accelerator(s)"));
    CHECK(o.failed[1].starts_with("3 1,1.2: "));
  }
  // sweep() itself still stops at the first row that cannot be estimated.
  CHECK_FALSE(by_estimates(s, axes).error.empty());
}

TEST_CASE("sweep_rows: a value resolved again that cannot be estimated fails its rows only; a typo fails the sweep") {
  const catalog& cat = catalog::embedded();
  scenario s = flops_base();
  s.hardware = "a100";
  s.count = 64;
  // The A100 has no fp8 (data/accelerators.json): precision=fp8 rows fail, bf16 rows stand.
  const auto axes = axes_of({"precision=fp8,bf16", "count=64,128"});
  const layered_scenario base{{}, s};
  std::vector<std::uint64_t> ok, bad;
  const auto n = detail::sweep_numbers_rows(
      base, axes, [&](const sweep_numbers_row& r) { ok.push_back(r.index); },
      [&](const detail::sweep_error_row& r) { bad.push_back(r.index); }, cat);
  CHECK(n == 2);
  CHECK(ok == std::vector<std::uint64_t>{2, 3});
  CHECK(bad == std::vector<std::uint64_t>{0, 1});
  // An id that names nothing is a typo, not a row: the whole sweep is an error.
  const auto typo = axes_of({"region=FR,XX-NOWHERE"});
  CHECK_THROWS_AS(detail::sweep_rows(
                      base, typo, [](const sweep_row&) {}, [](const detail::sweep_error_row&) {}, cat, trace_level::none),
                  unknown_key_error);
  // Every row failing: nothing estimated, each row passed to on_error (the CLI then throws the first).
  bad.clear();
  const auto none = detail::sweep_rows(
      base, axes_of({"precision=fp8", "count=64,128"}), [](const sweep_row&) { FAIL("no row can be estimated"); },
      [&](const detail::sweep_error_row& r) { bad.push_back(r.index); }, cat, trace_level::none);
  CHECK(none == 0);
  CHECK(bad == std::vector<std::uint64_t>{0, 1});
}
