// Scenario and estimate JSON (trainprint.estimate/1).
#include <doctest/doctest.h>
#include <trainprint/estimator.hpp>
#include <trainprint/json.hpp>

#include <nlohmann/json.hpp>

#include "fixture.hpp"

using namespace trainprint;
using json = nlohmann::json;

TEST_CASE("json: scenario round-trips with the CLI's field names") {
  const auto s = parse_scenario(R"({"params": 7e9, "tokens": 2e12, "hardware": "h100", "count": 512,
    "precision": "fp8", "mfu": 0.4, "boundary": "accelerators", "region": "FR", "pue": 1.1, "wue": 0.2,
    "mix": {"coal": 0.5, "wind": 0.5}, "cfe": 0.3, "embodied": false, "lifetime_years": 4,
    "price_usd_per_kwh": 0.1, "hourly_price_usd": 2.5, "power_w": 500, "host_power_w": 100,
    "duration_h": null, "recompute": true})");
  CHECK(s.params == 7e9);
  CHECK(s.count == 512);
  CHECK(s.precision == precision::fp8);
  CHECK(s.boundary == boundary::accelerators);
  CHECK(s.power_w->in_watts() == 500);
  CHECK(s.recompute);
  CHECK_FALSE(s.duration_h);
  const json j = s;
  CHECK(j.at("power_w") == 500.0);
  CHECK(j.at("mix").at("coal") == 0.5);
  CHECK_FALSE(j.contains("duration_h"));
  CHECK(j.get<scenario>() == s);
}

TEST_CASE("json: scenario errors name the field") {
  CHECK_THROWS_WITH_AS(parse_scenario(R"({"paramz": 7e9})"),
                       "[trainprint.input] paramz: got an unknown field, expected a scenario field (did you mean params?)",
                       input_error);
  CHECK_THROWS_WITH_AS(parse_scenario(R"({"params": "7Q"})"),
                       "[trainprint.unit] params: got '7Q', expected a number with an optional suffix k, M, B (or G), T, P, E, e.g. "
                       "7B or 70e9",
                       unit_error);  // the CLI's message for --params 7Q
  CHECK_THROWS_WITH_AS(parse_scenario(R"({"count": 2.5})"),
                       "[trainprint.input] count: got 2.5, expected a whole number of accelerators", input_error);
  CHECK_THROWS_WITH_AS(parse_scenario(R"({"count": -1})"), "[trainprint.input] count: got -1, expected 1 <= count <= 1e+08",
                       input_error);
  CHECK_THROWS_WITH_AS(parse_scenario(R"({"precision": "fp4"})"),
                       "[trainprint.input] precision: got 'fp4', expected fp32, tf32, bf16, fp16 or fp8", input_error);
  CHECK_THROWS_WITH_AS(parse_scenario(R"({"boundary": "rack"})"),
                       "[trainprint.input] boundary: got 'rack', expected accelerators or servers", input_error);
  CHECK_THROWS_WITH_AS(parse_scenario(R"({"embodied": 0})"),
                       "[trainprint.input] embodied: got 0 (number), expected true or false", input_error);
  CHECK_THROWS_WITH_AS(parse_scenario(R"({"mix": [1, 2]})"),
                       "[trainprint.input] mix: got [1,2] (array), expected an object of source: share, e.g. {\"coal\": 0.3, \"gas\": 0.7}",
                       input_error);
  CHECK_THROWS_WITH_AS(parse_scenario(R"([1])"),
                       "[trainprint.input] scenario: got [1] (array), expected a JSON object of scenario fields", input_error);
  // A kebab-case key (JSON keys are snake_case): the hint is the snake_case key, never the key refused (#18).
  CHECK_THROWS_WITH_AS(parse_scenario(R"({"power-w": 400})"),
                       "[trainprint.input] power-w: got an unknown field, expected a scenario field (did you mean power_w?)",
                       input_error);
  CHECK_THROWS_WITH_AS(parse_scenario(R"({"gpu-hours": 1000})"),
                       "[trainprint.input] gpu-hours: got an unknown field, expected a scenario field (did you mean "
                       "gpu_hours?)",
                       input_error);
  // A key repeated exactly is refused as an input given twice (nlohmann would keep the last, 8B) (#18).
  CHECK_THROWS_WITH_AS(parse_scenario(R"({"params": "7B", "params": "8B"})"),
                       "[trainprint.input] params: got twice, expected one value per input (the key params is repeated)",
                       input_error);
  // The same key in two range objects is not a repeat: each object has its own keys.
  CHECK_NOTHROW(parse_scenario(R"({"mfu": {"low": 0.3, "high": 0.5}, "pue": {"low": 1.1, "high": 1.3}})"));
  CHECK_THROWS_AS(parse_scenario(R"({"params": )", "my.json"), data_error);
  try {
    (void)parse_scenario("{,}", "my.json");
  } catch (const data_error& e) {
    CHECK(std::string(e.what()).rfind("[trainprint.data] my.json: malformed JSON: ", 0) == 0);
  }
}

TEST_CASE("json: estimate follows trainprint.estimate/1 with null for unknowns") {
  scenario s;
  s.gpu_hours = 1000;
  s.hardware = "h100";
  s.count = 8;
  s.region = "FR";
  s.pue = 1.2;
  const estimate e = make_estimate(s, fixture::catalog());
  const json j = e;
  CHECK(j.at("schema") == "trainprint.estimate/1");
  CHECK(j.at("scenario").at("region") == "FR");
  for (const char* k : {"compute", "power_w", "energy_kwh", "emissions_kg_co2e", "water_l", "cost_usd", "trace"})
    CHECK(j.contains(k));
  CHECK(j.at("compute").at("flops").is_null());
  CHECK(j.at("compute").at("accelerator_hours") == 1000.0);
  CHECK(j.at("compute").at("wall_hours") == 125.0);  // 1000 h / 8
  CHECK(j.at("emissions_kg_co2e").at("market_based").is_null());  // FR states no CFE
  CHECK(j.at("cost_usd").at("electricity").is_null());
  CHECK(j.at("uncertainty").is_null());
  CHECK(j.at("energy_kwh").at("facility") == doctest::Approx(e.energy_facility.in_kwh()));
  const auto& t0 = j.at("trace").at(0);
  for (const char* k : {"name", "value", "unit", "origin", "source"}) CHECK(t0.contains(k));
  // Round trip.
  const estimate back = j.get<estimate>();
  CHECK(back.energy_facility.in_kwh() == doctest::Approx(e.energy_facility.in_kwh()));
  CHECK(back.trace == e.trace);
  CHECK(back.location_based->in_kg_co2e() == doctest::Approx(e.location_based->in_kg_co2e()));
  CHECK_FALSE(back.market_based);
}
