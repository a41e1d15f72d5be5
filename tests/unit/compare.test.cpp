// compare.hpp: ranking, metrics, rank names and the text setter of inputs.
// Expected numbers worked out by hand from the shipped catalog (the CLI golden
// compare-csv.out runs the same scenario), and the differences from them.
#include <doctest/doctest.h>
#include <algorithm>
#include <trainprint/compare.hpp>
#include <trainprint/estimator.hpp>
#include <trainprint/format.hpp>
#include <trainprint/sweep.hpp>

using namespace trainprint;
using doctest::Approx;

namespace {
scenario base() {
  scenario s;
  s.params = 7e9;
  s.tokens = 2e12;
  s.hardware = "h100";
  s.count = 512;
  return s;
}
}  // namespace

TEST_CASE("compare: ranked best first by total emissions, with the difference to the best") {
  const comparison c = compare(base(), "region", {"FR", "PL", "SE"});
  CHECK(c.key == "region");
  CHECK(c.rank_by == rank_by::emissions);
  REQUIRE(c.rows.size() == 3);
  CHECK(c.rows[0].value == "SE");
  CHECK(c.rows[1].value == "FR");
  CHECK(c.rows[2].value == "PL");
  // Worked by hand (shipped catalog): 7B on H100 (989.4 TFLOP/s bf16), p = log10(989.4/312)
  // = 0.501217, n = log10(7) = 0.845098, fitted MFU (data/calibration.json)
  // exp(−1.189942 − 1.408625 × 0.501217 + 0.193469 × 0.845098 + 0.273503 × 0.845098 × 0.501217)
  // = exp(−1.189942 − 0.706027 + 0.163500 + 0.115850) = exp(−1.616619) = 0.1985689;
  // AH = 6 × 7e9 × 2e12 / (989.4e12 × 0.1985689) / 3600 = 118,766.41 h.
  // Power at the fitted MFU: 700 W × 0.75 = 525 W + host 575 W × 0.75 = 431.25 W → 956.25 W;
  // E = 118,766.41 h × 956.25 W / 1000 × PUE 1.56 = 177,169.79 kWh.
  // Embodied: (46.652 + 312.5) kg × 118,766.41 h / (5 × 8,760 h) = 973.8629 kg.
  // SE 35.8 g/kWh: 6,342.679 + 973.863 = 7,316.542 kg; FR 44.2: 7,830.905 + 973.863 = 8,804.768 kg;
  // PL 615: 108,959.423 + 973.863 = 109,933.286 kg.
  CHECK(*c.rows[0].metric == Approx(7316.5415).epsilon(1e-7));
  CHECK(*c.rows[1].metric == Approx(8804.7678).epsilon(1e-7));
  CHECK(*c.rows[2].metric == Approx(109933.286).epsilon(1e-7));
  CHECK(*c.rows[0].delta_to_best == 0);
  CHECK(*c.rows[1].delta_to_best == Approx(8804.7678 - 7316.5415).epsilon(1e-6));  // 1,488.226
  CHECK(*c.rows[2].delta_to_best == Approx(109933.286 - 7316.5415).epsilon(1e-7));  // 102,616.745
}

TEST_CASE("compare: the region changes emissions and water, not energy") {
  const comparison c = compare(base(), "region", {"FR", "PL"}, catalog::embedded(), rank_by::energy);
  REQUIRE(c.rows.size() == 2);
  // facility kWh, same for both: 118,766.41 h × 956.25 W / 1000 × 1.56 (previous test case).
  CHECK(*c.rows[0].metric == Approx(177169.794).epsilon(1e-8));
  CHECK(*c.rows[1].delta_to_best == Approx(0).epsilon(1e-12));
}

TEST_CASE("rank_metric: each metric is the output the docs name") {
  const estimate e = make_estimate([] {
    auto s = base();
    s.region = "FR";
    s.hourly_price_usd = 2;
    return s;
  }());
  CHECK(rank_metric(e, rank_by::energy) == e.energy_facility.in_kwh());
  CHECK(rank_metric(e, rank_by::emissions) == e.total->in_kg_co2e());
  CHECK(rank_metric(e, rank_by::water) == e.water_total->in_litres());
  // Compute plus electricity: FR's catalog price 0.2521 USD/kWh (Eurostat 2023, see cpu.test.cpp):
  // 118,766.41 h × 2 USD + 177,169.79 kWh × 0.2521 USD = 237,532.82 + 44,664.51 = 282,197.33 USD
  // (hours and energy worked in the first test case above).
  CHECK(*rank_metric(e, rank_by::cost) ==
        Approx(e.accelerator_hours * 2 + e.energy_facility.in_kwh() * 0.2521).epsilon(1e-12));
  CHECK(*rank_metric(e, rank_by::cost) == Approx(282197.33).epsilon(1e-6));
  CHECK(rank_metric(e, rank_by::time) == e.wall_hours);
}

TEST_CASE("rank_metric: a rented run's cost is its rent alone, unknown with the rent") {
  // The same run rented: the cloud's price already pays for the electricity, so the cost is
  // the compute cost alone, 118,766.41 h × 2 USD = 237,532.82 USD, not 282,197.33 as owned.
  auto s = base();
  s.region = "FR";
  s.hourly_price_usd = 2;
  s.ownership = ownership::cloud;
  const estimate rented = make_estimate(s);
  REQUIRE(rented.electricity_cost_usd);  // shown for comparison, not added
  CHECK(*rank_metric(rented, rank_by::cost) == Approx(rented.accelerator_hours * 2).epsilon(1e-12));
  CHECK(*rank_metric(rented, rank_by::cost) == Approx(237532.82).epsilon(1e-6));
  // With no rental price the cost is unknown, never the electricity alone.
  s.hourly_price_usd.reset();
  const estimate unpriced = make_estimate(s);
  REQUIRE(unpriced.electricity_cost_usd);
  CHECK_FALSE(rank_metric(unpriced, rank_by::cost));
}

TEST_CASE("rank_metric: an owned run's cost is unknown when a part of it is, never its electricity alone") {
  // Owned (no cloud provider) in FR with no price of owning: the electricity is known,
  // 177,169.79 kWh × 0.2521 USD/kWh = 44,664.51 USD (first test case), the compute cost is
  // not, so the run's cost is unknown.
  auto s = base();
  s.region = "FR";
  const estimate owned = make_estimate(s);
  REQUIRE(owned.context.ownership == ownership::owned);
  REQUIRE(owned.electricity_cost_usd);
  CHECK(*owned.electricity_cost_usd == Approx(44664.51).epsilon(1e-6));
  CHECK_FALSE(owned.compute_cost_usd);
  CHECK_FALSE(rank_metric(owned, rank_by::cost));
  // Its own note says why (before, only `ownership` owned given as such had one; issue 18).
  CHECK(std::any_of(owned.notes.begin(), owned.notes.end(), [](const std::string& n) {
    return n.rfind("compute cost unknown: no cloud provider named, so the run is taken as owned", 0) == 0 &&
           n.find("`hourly_price_usd`") != std::string::npos;
  }));
  // Given owned, the note it had; rented with a list price (aws:us-east-1): no "compute cost unknown".
  auto given = s;
  given.ownership = ownership::owned;
  const estimate g = make_estimate(given);
  CHECK(std::count_if(g.notes.begin(), g.notes.end(),
                      [](const std::string& n) { return n.rfind("compute cost unknown", 0) == 0; }) == 1);
  auto rented = base();
  rented.region = "aws:us-east-1";
  const estimate r = make_estimate(rented);
  CHECK(std::none_of(r.notes.begin(), r.notes.end(),
                     [](const std::string& n) { return n.rfind("compute cost unknown", 0) == 0; }));
  // The price of owning but no electricity price (no place given): unknown too, never the
  // compute cost alone (118,766.41 h × 2 USD = 237,532.82 USD).
  auto t = base();
  t.hourly_price_usd = 2;
  const estimate nowhere = make_estimate(t);
  REQUIRE(nowhere.compute_cost_usd);
  CHECK(*nowhere.compute_cost_usd == Approx(237532.82).epsilon(1e-6));
  CHECK_FALSE(nowhere.electricity_cost_usd);
  CHECK_FALSE(rank_metric(nowhere, rank_by::cost));
}

TEST_CASE("compare by cost: an owned option with an unknown cost ranks last and saves nothing; its electricity shows") {
  // The new-user trial: 7B × 2T on 512 H100s owned in FR against rented at AWS us-east-1.
  // AWS: 118,766.41 accelerator-hours × 12.29 USD (p5.48xlarge 98.32 USD / 8) = 1,459,639.18 USD.
  // FR: electricity 44,664.51 USD, owning unknown: before, ranked by its electricity alone,
  // "FR instead of aws:us-east-1 saves $1.31M".
  const comparison c = compare(base(), "region", {"FR", "aws:us-east-1"}, catalog::embedded(), rank_by::cost);
  REQUIRE(c.rows.size() == 2);
  CHECK(c.rows[0].value == "aws:us-east-1");
  REQUIRE(c.rows[0].metric);
  CHECK(*c.rows[0].metric == Approx(1459639.18).epsilon(1e-6));
  CHECK(c.rows[1].value == "FR");
  CHECK_FALSE(c.rows[1].metric);
  CHECK_FALSE(c.rows[1].delta_to_best);
  for (auto f : {output_format::table, output_format::md}) {
    const std::string text = render(c, f);
    CAPTURE(text);
    CHECK(text.find("saves") == std::string::npos);
    CHECK(text.find("electricity USD") != std::string::npos);  // the electricity cost, labelled as such
    CHECK(text.find("44665") != std::string::npos);
    CHECK(text.find("in rent") != std::string::npos);            // AWS's is in its rent
    CHECK(text.find("1459639") != std::string::npos);          // the run's cost
    CHECK(text.find("an owned run's cost is its electricity plus what owning") != std::string::npos);
  }
  // With the price of owning (3 USD per accelerator-hour) FR's cost is known:
  // 118,766.41 h × 3 = 356,299.23 + 44,664.51 = 400,963.74 USD.
  auto fr = base();
  fr.region = "FR";
  fr.hourly_price_usd = 3;
  CHECK(*rank_metric(make_estimate(fr), rank_by::cost) == Approx(400963.74).epsilon(1e-6));
}

TEST_CASE("compare by cost: with fewer than two costs known nothing is ranked, and every format says so") {
  // FR and PL owned with no price of owning: no cost known (each 7B × 2T on 512 H100s pays
  // its electricity, FR 44,664.51 USD, but owning is unknown). Before: "ranked by cost, best
  // first" with the rows numbered 1, 2 in input order.
  const comparison none = compare(base(), "region", {"FR", "PL"}, catalog::embedded(), rank_by::cost);
  REQUIRE(none.rows.size() == 2);
  CHECK_FALSE(none.rows[0].metric);
  CHECK_FALSE(none.rows[1].metric);
  const std::string table = render(none, output_format::table);
  CAPTURE(table);
  CHECK(table.find("not ranked: no option's cost is known") != std::string::npos);
  CHECK(table.find("ranked by cost") == std::string::npos);
  CHECK(table.find("vs best") == std::string::npos);  // no difference to a best that is not there
  CHECK(render(none, output_format::md).find("not ranked: no option's cost is known") != std::string::npos);
  const std::string json = render(none, output_format::json);
  CHECK(json.find("\"rank\": null") != std::string::npos);
  CHECK(json.find("\"rank\": 1") == std::string::npos);
  // The CSV's rank column is empty: the lines start with ",FR" and ",PL".
  const std::string csv = render(none, output_format::csv);
  CHECK(csv.find("\n,FR,") != std::string::npos);
  CHECK(csv.find("\n,PL,") != std::string::npos);

  // One known (aws:us-east-1, 1,459,639.18 USD of rent), FR unknown: not ranked either.
  const comparison one = compare(base(), "region", {"FR", "aws:us-east-1"}, catalog::embedded(), rank_by::cost);
  CHECK(render(one, output_format::table).find("not ranked: only the cost of aws:us-east-1 is known") !=
        std::string::npos);

  // Two known and one unknown: the known rank 1 and 2, the unknown one after them with no rank.
  auto priced = base();
  priced.hourly_price_usd = 3;  // read as the rent of both rented options
  const comparison some =
      compare(priced, "region", {"FR", "aws:us-east-1", "aws:us-west-2"}, catalog::embedded(), rank_by::cost);
  REQUIRE(some.rows.size() == 3);
  // FR owned: 356,299.23 + 44,664.51 = 400,963.74 USD; both AWS rows 118,766.41 h × 3 USD = 356,299.23 USD.
  CHECK(*some.rows[0].metric == Approx(356299.23).epsilon(1e-6));
  CHECK(*some.rows[1].metric == Approx(356299.23).epsilon(1e-6));
  CHECK(some.rows[2].value == "FR");
  CHECK(*some.rows[2].metric == Approx(400963.74).epsilon(1e-6));
  auto no_price = base();  // FR without a price of owning: unknown, listed last
  const comparison partly =
      compare(no_price, "region", {"FR", "aws:us-east-1", "aws:us-west-2"}, catalog::embedded(), rank_by::cost);
  REQUIRE(partly.rows.size() == 3);
  CHECK(partly.rows[2].value == "FR");
  const std::string partly_json = render(partly, output_format::json);
  CHECK(partly_json.find("\"rank\": 1") != std::string::npos);
  CHECK(partly_json.find("\"rank\": 2") != std::string::npos);
  CHECK(partly_json.find("\"rank\": null") != std::string::npos);
  CHECK(partly_json.find("\"rank\": 3") == std::string::npos);
}

TEST_CASE("compare by cost: one hourly price read as rent and as owning cost is said, and saves nothing") {
  // The new-user trial: --hourly-price-usd 3 across FR (owned) and aws:us-east-1 (rented).
  // AWS: 118,766.41 h × 3 USD = 356,299.23 USD of rent; FR: 356,299.23 USD of owning +
  // 44,664.51 USD of electricity = 400,963.74 USD. The difference, 44,664.51 USD, is exactly
  // FR's electricity: the one price is read two ways, so "saves $44.7k" was not a saving.
  auto s = base();
  s.hourly_price_usd = 3;
  const comparison c = compare(s, "region", {"FR", "aws:us-east-1"}, catalog::embedded(), rank_by::cost);
  REQUIRE(c.rows.size() == 2);
  CHECK(c.rows[0].value == "aws:us-east-1");
  REQUIRE(c.rows[1].delta_to_best);
  CHECK(*c.rows[1].delta_to_best == Approx(44664.51).epsilon(1e-6));
  for (auto f : {output_format::table, output_format::md, output_format::json}) {
    const std::string text = render(c, f);
    CAPTURE(text);
    CHECK(text.find("the one hourly price given, 3 USD per accelerator-hour, is read two ways") != std::string::npos);
    CHECK(text.find("saves") == std::string::npos);
  }
  CHECK(render(c, output_format::table).find("not a saving until each has the price it really pays") !=
        std::string::npos);
  // Ranked by emissions the note stays (the costs are still shown), and the sentence is about emissions.
  const comparison e = compare(s, "region", {"FR", "aws:us-east-1"}, catalog::embedded(), rank_by::emissions);
  CHECK(render(e, output_format::table).find("read two ways") != std::string::npos);
  // One ownership (two owned regions at the same price): nothing is read two ways.
  const comparison owned = compare(s, "region", {"FR", "PL"}, catalog::embedded(), rank_by::cost);
  CHECK(render(owned, output_format::table).find("read two ways") == std::string::npos);
}

TEST_CASE("rank_by: names round-trip; an unknown name names the choices") {
  for (auto r : {rank_by::energy, rank_by::emissions, rank_by::water, rank_by::cost, rank_by::time})
    CHECK(parse_rank_by(to_string(r)) == r);
  CHECK_THROWS_AS(parse_rank_by("cheapest"), input_error);
}

TEST_CASE("set_input: text as the CLI reads it, under any spelling") {
  scenario s;
  set_input(s, "mfu", "40%");
  CHECK(s.mfu == Approx(0.4));
  set_input(s, "duration", "30d");  // alias of duration_h
  CHECK(s.duration_h->count() == 720);
  set_input(s, "--power", "500");  // CLI flag spelling of power_w
  CHECK(s.power_w->in_watts() == 500);
  set_input(s, "hourly-price", "2.5");
  CHECK(s.hourly_price_usd == 2.5);
  set_input(s, "pue", "1.1:1.3");  // a range: the value is its mode
  CHECK(*s.pue == Approx(1.2));
  const range r = s.ranges.at("pue");
  CHECK(r.low == 1.1);
  CHECK(r.mode == Approx(1.2));  // the mid-point (1.1 + 1.3) / 2
  CHECK(r.high == 1.3);
  CHECK_THROWS_AS(set_input(s, "powr", "500"), input_error);
  CHECK_THROWS_AS(set_input(s, "mfu", "forty"), unit_error);
}

// --- which input wins (issue 18, part 3; docs/inputs.md "Which input wins") ---

TEST_CASE("merge: a site input replaces the preset's site inputs as a whole; pue alone refines them") {
  const scenario p = catalog::embedded().find_preset("llama-2-7b").scenario;
  // data/presets.json: llama-2-7b's published site is provider meta, PUE 1.1, 385 g CO2e/kWh.
  REQUIRE(p.provider == "meta");
  REQUIRE(p.intensity);
  CHECK(p.intensity->in_g_per_kwh() == 385);
  scenario region;
  region.region = "FR";
  const scenario s = merge(p, region);
  CHECK(s.region == "FR");
  CHECK_FALSE(s.intensity);  // the preset's published intensity does not stay behind the new region
  CHECK_FALSE(s.pue);
  CHECK_FALSE(s.provider);
  CHECK(s.gpu_hours == p.gpu_hours);  // the workload is not a site input
  CHECK(s.hardware == p.hardware);
  for (const auto& [name, text] : std::vector<std::pair<std::string, std::string>>{
           {"provider", "aws"}, {"site_kind", "desktop"}, {"intensity", "50"}, {"mix", "wind=1"}, {"energy", "fossil"}}) {
    CAPTURE(name);
    scenario o;
    set_input(o, name, text);
    const scenario m = merge(p, o);
    CHECK_FALSE(m.pue);  // each of them replaces the whole site
    CHECK((name == "provider" ? m.provider == "aws" : !m.provider));
  }
  scenario pue;
  pue.pue = 1.2;
  const scenario r = merge(p, pue);  // pue alone refines the preset's site
  CHECK(r.pue == 1.2);
  CHECK(r.provider == "meta");
  CHECK(r.intensity->in_g_per_kwh() == 385);
}

TEST_CASE("compare: across regions over a preset, each region's own grid (one number per region)") {
  const scenario p = catalog::embedded().find_preset("llama-2-7b").scenario;
  const typed_scenario t{p, {}};
  const comparison c = compare(t, "region", {"FR", "PL"}, catalog::embedded(), rank_by::emissions);
  REQUIRE(c.rows.size() == 2);
  CHECK(c.rows[0].value == "FR");
  // data/regions.json: FR 44.2, PL 615 g CO2e/kWh (the values compare's first test uses).
  CHECK(*c.rows[0].result.inputs.intensity_g_per_kwh == 44.2);
  CHECK(*c.rows[1].result.inputs.intensity_g_per_kwh == 615);
  // Same run, same energy: the location-based emissions are in the ratio of the intensities.
  CHECK(c.rows[0].result.energy_facility.in_kwh() == Approx(c.rows[1].result.energy_facility.in_kwh()).epsilon(1e-12));
  CHECK(c.rows[0].result.location_based->in_kg_co2e() / c.rows[1].result.location_based->in_kg_co2e() ==
        Approx(44.2 / 615).epsilon(1e-12));
}

TEST_CASE("compare: the across value is one more typed input; a typed --pue stays, a typed value of the key is replaced") {
  const scenario p = catalog::embedded().find_preset("llama-2-7b").scenario;
  const typed_scenario t{p, {{"pue", "1.2"}, {"region", "SE"}}};
  const scenario s = with_typed_input(t, "region", "FR");
  CHECK(s.region == "FR");
  CHECK(s.pue == 1.2);
  CHECK_FALSE(s.intensity);
  const comparison c = compare(t, "region", {"FR", "PL"}, catalog::embedded(), rank_by::emissions);
  for (const auto& r : c.rows) CHECK(r.result.inputs.pue == 1.2);
}

TEST_CASE("compare: over a layered scenario, a compared region replaces the earlier source's site; the given inputs stay") {
  const scenario p = catalog::embedded().find_preset("llama-2-7b").scenario;
  const comparison c = compare(layered_scenario{p, {}}, "region", {"PL", "FR"}, catalog::embedded(), rank_by::emissions);
  REQUIRE(c.rows.size() == 2);
  // data/regions.json: FR 44.2, PL 615 g CO2e/kWh; the preset's 385 g does not stay.
  CHECK(c.rows[0].value == "FR");
  CHECK(*c.rows[0].result.inputs.intensity_g_per_kwh == 44.2);
  CHECK(*c.rows[1].result.inputs.intensity_g_per_kwh == 615);
  // Given inputs are one source: a given intensity stays beside the compared region,
  // as `--intensity 50 --across region=…` keeps it.
  scenario given;
  given.intensity = carbon_intensity::g_per_kwh(50);
  const scenario s = with_input(layered_scenario{p, given}, "region", "FR");
  CHECK(s.region == "FR");
  CHECK(s.intensity->in_g_per_kwh() == 50);
  CHECK_FALSE(s.pue);  // the preset's PUE 1.1 went with its site
  // A bare scenario is one source too: the preset's intensity stays (compare.hpp).
  scenario bare = p;
  set_input(bare, "region", "FR");
  CHECK(bare.intensity->in_g_per_kwh() == 385);
}

TEST_CASE("compare: an option that cannot be estimated is a row with its reason; a typo is still an error") {
  scenario s = base();
  s.precision = precision::fp8;
  s.region = "FR";
  // The A100 has no fp8 peak (data/hardware.json): that option cannot be estimated, the H100 can.
  const comparison c = compare(s, "hardware", {"a100", "h100"});
  REQUIRE(c.rows.size() == 2);
  CHECK(c.rows[0].value == "h100");
  CHECK_FALSE(c.rows[0].error);
  CHECK(c.rows[0].metric);
  CHECK(c.rows[1].value == "a100");
  REQUIRE(c.rows[1].error);
  CHECK(c.rows[1].error->find("[trainprint.input] precision: got fp8") == 0);
  CHECK_FALSE(c.rows[1].metric);
  CHECK_FALSE(c.rows[1].delta_to_best);
  // No option can be estimated: the first one's error.
  CHECK_THROWS_AS(compare(s, "hardware", {"a100", "v100"}), input_error);
  // An unknown id is a typo, not an option: bad input for the whole comparison.
  CHECK_THROWS_AS(compare(s, "hardware", {"h100", "h1000"}), unknown_key_error);
}

TEST_CASE("is_accounting_input: choices that change what is counted, not the run") {
  for (const char* k : {"boundary", "convention", "energy-boundary", "embodied", "lifetime", "ownership", "cfe"})
    CHECK(is_accounting_input(k));
  for (const char* k : {"region", "hardware", "count", "mfu", "pue", "energy"}) CHECK_FALSE(is_accounting_input(k));
}

TEST_CASE("compare and sweep: two spellings of one catalog entry are one value given twice") {
  // France is an alias of FR, h100 of nvidia-h100-sxm5-80gb, p5 of aws-p5.48xlarge (data/):
  // two rows of one option, refused naming both spellings and the entry.
  CHECK_THROWS_WITH_AS(compare(base(), "region", {"France", "FR"}),
                       "[trainprint.input] across: got 'region=France,FR', expected each value once: region 'France' "
                       "and 'FR' name the same region, FR",
                       input_error);
  CHECK_THROWS_WITH_AS(compare(base(), "hardware", {"h100", "a100", "nvidia-h100-sxm5-80gb"}),
                       "[trainprint.input] across: got 'hardware=h100,a100,nvidia-h100-sxm5-80gb', expected each value "
                       "once: hardware 'h100' and 'nvidia-h100-sxm5-80gb' name the same accelerator, "
                       "nvidia-h100-sxm5-80gb",
                       input_error);
  scenario run = base();
  run.count.reset();
  run.params.reset();
  run.tokens.reset();
  run.gpu_hours = 100;
  const std::vector<sweep_axis> axes{parse_axis("hardware=p5.48xlarge,p5")};
  CHECK_THROWS_WITH_AS(sweep(run, axes, [](const sweep_row&) {}),
                       "[trainprint.input] vary: got 'hardware=p5.48xlarge,p5', expected each value once: hardware "
                       "'p5.48xlarge' and 'p5' name the same system, aws-p5.48xlarge",
                       input_error);
  // Different entries stay different rows.
  CHECK(compare(base(), "region", {"France", "PL"}).rows.size() == 2);
}

TEST_CASE("compare: not ranked (fewer than two metrics known) has no best, so no difference to it (#18)") {
  // By cost over FR and aws:us-east-1: FR is owned with no price of owning, so its cost is
  // unknown; only aws:us-east-1's rent is known. One known metric: nothing is ranked, and no
  // row is "best", so every delta_to_best is unknown (the known metric stays).
  const auto c = compare(base(), "region", {"FR", "aws:us-east-1"}, catalog::embedded(), rank_by::cost);
  REQUIRE(c.rows.size() == 2);
  CHECK(c.rows[0].value == "aws:us-east-1");  // the known metric first
  CHECK(c.rows[0].metric.has_value());
  CHECK_FALSE(c.rows[1].metric.has_value());
  for (const auto& r : c.rows) CHECK_FALSE(r.delta_to_best.has_value());
  // One option alone: not ranked either.
  const auto one = compare(base(), "region", {"FR"}, catalog::embedded(), rank_by::emissions);
  REQUIRE(one.rows.size() == 1);
  CHECK(one.rows[0].metric.has_value());
  CHECK_FALSE(one.rows[0].delta_to_best.has_value());
}
