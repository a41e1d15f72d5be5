// CPU-only jobs (src/cpu_path.hpp, issue 18): a catalog CPU is counted by cores and draws its
// package TDP / cores per core (Green Algorithms' method); no FLOPs path. And the catalog
// entries issue 18 part 4 added beside them: provincial intensities, US state prices, bidding
// zones. Every expected number is worked out by hand in the comment beside it or taken from the
// upstream file named there.
#include <doctest/doctest.h>
#include <trainprint/catalog.hpp>
#include <trainprint/error.hpp>
#include <trainprint/estimator.hpp>

#include <string>

#include "scenarios.hpp"

using namespace trainprint;
using scenarios::has_note;
using doctest::Approx;

namespace {
/// 40 cores of a Xeon Gold 6248 for 10 hours, PUE 1.2, 400 g CO2e/kWh.
scenario xeon_40_cores() {
  scenario s;
  s.hardware = "xeon-gold-6248";
  s.count = 40;
  s.duration_h = hours(10);
  s.pue = 1.2;
  s.intensity = carbon_intensity::g_per_kwh(400);
  return s;
}
}  // namespace

TEST_CASE("cpu: a Xeon Gold 6248 is counted by cores at its TDP per core") {
  // Green Algorithms TDP_cpu.csv: Xeon Gold 6248, TDP 150 W, 20 cores (Intel ARK 192446).
  const accelerator& a = catalog::embedded().find_accelerator("xeon-gold-6248");
  CHECK(a.id == "intel-xeon-gold-6248");
  CHECK(a.kind == "cpu");
  CHECK(a.variant == "20 cores, 150 W");
  CHECK(a.cores == 20);
  CHECK(a.package_tdp_w == 150.0);
  REQUIRE(a.tdp_w);
  CHECK(*a.tdp_w == Approx(7.5));  // 150 W / 20 cores
  CHECK_FALSE(a.peak_tflops(precision::bf16));
  CHECK_FALSE(a.peak_tflops(precision::fp32));
}

TEST_CASE("cpu: 40 cores for 10 hours draw 40 x 7.5 W, no host beside them") {
  const estimate e = make_estimate(xeon_40_cores(), catalog::embedded());
  // Usage factor 1 (Green Algorithms' default): 40 cores × 7.5 W = 300 W for 10 h = 3.0 kWh;
  // no host (the cores' power is the package's); facility 3.0 × PUE 1.2 = 3.6 kWh;
  // 3.6 kWh × 400 g/kWh = 1.44 kg CO2e.
  CHECK(e.find_trace("power_fraction")->value == 1.0);
  CHECK(e.find_trace("host_max_power_w")->value == 0.0);
  CHECK(e.accelerator_hours == Approx(400));  // 40 core-hours per hour × 10 h
  CHECK(e.energy_accelerators.in_kwh() == Approx(3.0));
  CHECK(e.energy_host.in_kwh() == 0.0);
  CHECK(e.energy_facility.in_kwh() == Approx(3.6));
  REQUIRE(e.location_based);
  CHECK(e.location_based->in_kg_co2e() == Approx(1.44));
  CHECK(has_note(e, "count 40 = 40 core(s) of intel-xeon-gold-6248 (a CPU is counted by cores; one package: 20 "
                    "cores, 150 W); 7.5 W per core = package TDP / cores"));
  CHECK(has_note(e, "CPU-only job on intel-xeon-gold-6248"));
}

TEST_CASE("cpu: the count note takes the package from the typed cores and package_tdp_w") {
  // A user's CPU whose variant text says nothing of its package: the note still names it,
  // from cores and package_tdp_w (64 cores, 280 W: 280 / 64 = 4.375 W per core); a CPU
  // without them gets no package part, not a guess.
  catalog cat;
  cat.overlay(R"j({"meta": {"table": "user", "schema_version": 1},
    "sources": {"ds": {"title": "A datasheet", "url": "https://example.org/ds", "year": 2024, "license": "facts"}},
    "accelerators": [
      {"id": "test-cpu", "name": "Test CPU (per core)", "kind": "cpu", "variant": "per core", "tdp_w": 4.375,
       "tdp_kind": "derived_estimate", "cores": 64, "package_tdp_w": 280, "source": "ds", "confidence": "low"},
      {"id": "bare-cpu", "name": "Bare CPU (per core)", "kind": "cpu", "tdp_w": 5, "tdp_kind": "derived_estimate",
       "source": "ds", "confidence": "low"}]})j",
              "user.json");
  scenario s = xeon_40_cores();
  s.hardware = "test-cpu";
  CHECK(has_note(make_estimate(s, cat), "count 40 = 40 core(s) of test-cpu (a CPU is counted by cores; one package: "
                                        "64 cores, 280 W); 4.375 W per core = package TDP / cores"));
  s.hardware = "bare-cpu";
  CHECK(has_note(make_estimate(s, cat),
                 "count 40 = 40 core(s) of bare-cpu (a CPU is counted by cores); 5 W per core = package TDP / cores"));
  // A package with zero cores is refused where the catalog is read.
  catalog bad;
  CHECK_THROWS_AS(bad.overlay(R"j({"meta": {"table": "user", "schema_version": 1},
    "sources": {"ds": {"title": "A datasheet", "url": "https://example.org/ds", "year": 2024, "license": "facts"}},
    "accelerators": [{"id": "zero-cpu", "kind": "cpu", "tdp_w": 5, "cores": 0, "package_tdp_w": 280,
                      "source": "ds", "confidence": "low"}]})j",
                              "bad.json"),
                  data_error);
}

TEST_CASE("cpu: core-hours and a given usage work; power_fraction scales the cores") {
  scenario s = xeon_40_cores();
  s.duration_h.reset();
  s.gpu_hours = 400;  // core-hours
  s.power_fraction = 0.5;
  // 400 core-h × 7.5 W × 0.5 = 1.5 kWh.
  CHECK(make_estimate(s, catalog::embedded()).energy_accelerators.in_kwh() == Approx(1.5));
}

TEST_CASE("cpu: without hours or with a precision a CPU estimate is refused") {
  scenario s = xeon_40_cores();
  s.duration_h.reset();
  s.params = 1e9;
  s.tokens = 2e10;
  CHECK_THROWS_WITH_AS(make_estimate(s, catalog::embedded()),
                       "[trainprint.input] duration_h: missing; give duration_h with `count` (cores), or gpu_hours "
                       "(core-hours): the catalog has no peak FLOP/s for intel-xeon-gold-6248, so its hours cannot "
                       "come from FLOPs",
                       input_error);
  s = xeon_40_cores();
  s.precision = precision::bf16;
  CHECK_THROWS_WITH_AS(make_estimate(s, catalog::embedded()),
                       "[trainprint.input] precision: got bf16, expected none: intel-xeon-gold-6248 is a CPU, "
                       "estimated from its power and the hours, not from FLOPs",
                       input_error);
}

TEST_CASE("cpu: an Apple M2 Ultra is one machine at Apple's wall power, no host added") {
  scenario s;
  s.hardware = "m2-ultra";
  s.count = 1;
  s.duration_h = hours(100);
  s.power_fraction = 0.5;
  s.intensity = carbon_intensity::g_per_kwh(400);
  const estimate e = make_estimate(s, catalog::embedded());
  CHECK(e.context.accelerator_id == "apple-m2-ultra-mac-studio");
  // Apple (support article 102027): Mac Studio 2023 M2 Ultra, max 295 W at the wall. A consumer
  // part, so a desktop (PUE 1); no host beside the wall power:
  // 295 W × 0.5 × 100 h = 14.75 kWh, × PUE 1 = 14.75 kWh facility.
  CHECK(e.find_trace("host_max_power_w")->value == 0.0);
  CHECK(e.find_trace("pue")->value == 1.0);
  CHECK(e.energy_facility.in_kwh() == Approx(14.75));
  CHECK(has_note(e, "Apple's maximum power at the wall covers the whole machine"));
  s.duration_h.reset();
  s.params = 1e9;
  s.tokens = 2e10;
  CHECK_THROWS_WITH_AS(make_estimate(s, catalog::embedded()),
                       "[trainprint.input] duration_h: missing; give duration_h with `count` (machines), or gpu_hours "
                       "(machine-hours): the catalog has no peak FLOP/s for apple-m2-ultra-mac-studio, so its hours "
                       "cannot come from FLOPs",
                       input_error);
}

TEST_CASE("catalog: every CPU's power per core is its package TDP over its cores") {
  int cpus = 0;
  for (const auto& a : catalog::embedded().accelerators()) {
    if (a.kind != "cpu") continue;
    ++cpus;
    // The package's cores and TDP are typed fields (hardware.json cores, package_tdp_w;
    // scripts/data/cpus.py), which the variant text repeats for people.
    REQUIRE_MESSAGE(a.cores, a.id);
    REQUIRE_MESSAGE(a.package_tdp_w, a.id);
    REQUIRE(a.tdp_w);
    CHECK_MESSAGE(*a.tdp_w == Approx(*a.package_tdp_w / *a.cores).epsilon(1e-3), a.id);
    CHECK_MESSAGE(a.segment == "data-centre", a.id);
  }
  // TDP_cpu.csv's server rows: 9 AMD EPYC (7251, 7343, 7513, 7552, 7642, 7763, 7773X, 7H12,
  // 7V73X) and 30 Xeon (the Xeon Phi 5110P coprocessor left out).
  CHECK(cpus == 39);
}

TEST_CASE("catalog: Canadian provinces use the 2023 mix at IPCC AR5 lifecycle medians") {
  const region& qc = catalog::embedded().find_region("CA-QC");
  REQUIRE(qc.intensity);
  // CodeCarbon canada_energy_mix_2023 Quebec, normalised: gas 0.002, oil 0.003, hydro 0.920908,
  // wind 0.066993, solar 0.0001, biomass 0.006999; IPCC AR5 medians 490, 650, 24, 11, 48, 230:
  // 0.98 + 1.95 + 22.1018 + 0.7369 + 0.0048 + 1.6098 = 27.383 → 27.4 g.
  CHECK(qc.intensity->gco2e_per_kwh == Approx(27.4));
  CHECK(qc.intensity->year == 2023);
  CHECK(qc.intensity->basis == "lifecycle");
  CHECK(qc.intensity->prov.notes.find("derived: sum of share x IPCC AR5 lifecycle median") != std::string::npos);
}

TEST_CASE("catalog: US states carry EIA 2023 commercial electricity prices") {
  // EIA Electric Power Annual 2023: Texas commercial 8.82 cents/kWh, California 23.91.
  const region& tx = catalog::embedded().find_region("US-TX");
  REQUIRE(tx.price_usd_per_kwh);
  CHECK(tx.price_usd_per_kwh->value == Approx(0.0882));
  CHECK(tx.price_usd_per_kwh->year == 2023);
  CHECK(catalog::embedded().find_region("US-CA").price_usd_per_kwh->value == Approx(0.2391));
  // Wyoming is missing from the transcribed table: no price rather than a guess.
  CHECK_FALSE(catalog::embedded().find_region("US-WY").price_usd_per_kwh);

  scenario s;
  s.hardware = "h100";
  s.count = 8;
  s.gpu_hours = 1000;
  s.region = "US-TX";
  const estimate e = make_estimate(s, catalog::embedded());
  REQUIRE(e.electricity_cost_usd);
  // The cost is the facility energy at 0.0882 USD/kWh.
  CHECK(*e.electricity_cost_usd == Approx(e.energy_facility.in_kwh() * 0.0882));
}

TEST_CASE("catalog: European countries carry Eurostat 2023 non-household prices in USD") {
  // data/upstream/eurostat-nrg-pc-205-nonhousehold: band IC, excl. VAT, EUR/kWh, 2023-S1 and 2023-S2;
  // mean of the two x 1.0817 USD/EUR (Federal Reserve G.5A, 2023 average), 4 decimals.
  const catalog& cat = catalog::embedded();
  // France: (0.2529 + 0.2133) / 2 = 0.2331 EUR; x 1.0817 = 0.25214427 -> 0.2521 USD/kWh.
  const region& fr = cat.find_region("FR");
  REQUIRE(fr.price_usd_per_kwh);
  CHECK(fr.price_usd_per_kwh->value == Approx(0.2521));
  CHECK(fr.price_usd_per_kwh->year == 2023);
  REQUIRE(fr.price_usd_per_kwh->prov.source);
  CHECK(fr.price_usd_per_kwh->prov.source->id == "eurostat-nrg-pc-205");
  CHECK(fr.price_usd_per_kwh->prov.source->license == "CC-BY-4.0");
  // Germany: (0.2192 + 0.2175) / 2 = 0.21835 EUR; x 1.0817 = 0.23618920 -> 0.2362.
  CHECK(cat.find_region("DE").price_usd_per_kwh->value == Approx(0.2362));
  // Sweden: (0.1069 + 0.0901) / 2 = 0.0985 EUR; x 1.0817 = 0.10654745 -> 0.1065; the bidding
  // zone SE3 (grid SE) takes the national figure at low confidence.
  CHECK(cat.find_region("SE").price_usd_per_kwh->value == Approx(0.1065));
  const region& se3 = cat.find_region("SE3");
  REQUIRE(se3.price_usd_per_kwh);
  CHECK(se3.price_usd_per_kwh->value == Approx(0.1065));
  CHECK(se3.price_usd_per_kwh->prov.confidence == "low");
  // Outside Eurostat's coverage and the EIA states nothing is guessed.
  CHECK_FALSE(cat.find_region("JP").price_usd_per_kwh);
  CHECK_FALSE(cat.find_region("US").price_usd_per_kwh);

  scenario s;
  s.hardware = "h100";
  s.count = 8;
  s.gpu_hours = 1000;
  s.region = "FR";
  const estimate e = make_estimate(s, cat);
  REQUIRE(e.electricity_cost_usd);
  CHECK(*e.electricity_cost_usd == Approx(e.energy_facility.in_kwh() * 0.2521));
}

TEST_CASE("catalog: four Canadian provinces carry Hydro-Québec's 2022 city prices in USD (before: none)") {
  // data/upstream/hydroquebec-2022-price-comparison: average prices excluding taxes, CAD cents/kWh,
  // rates in effect April 1, 2022, level 100,000 kWh/month at 500 kW; / 100 / 1.3014 CAD per USD
  // (Federal Reserve G.5A, 2022 average), 4 decimals.
  const catalog& cat = catalog::embedded();
  // Québec (Montréal): 12.67 / 100 / 1.3014 = 0.097357 -> 0.0974 USD/kWh.
  const region& qc = cat.find_region("CA-QC");
  REQUIRE(qc.price_usd_per_kwh);
  CHECK(qc.price_usd_per_kwh->value == Approx(0.0974));
  CHECK(qc.price_usd_per_kwh->year == 2022);
  CHECK(qc.price_usd_per_kwh->prov.confidence == "medium");
  REQUIRE(qc.price_usd_per_kwh->prov.source);
  CHECK(qc.price_usd_per_kwh->prov.source->id == "hydroquebec-2022");
  // Manitoba (Winnipeg): 11.14 / 100 / 1.3014 = 0.085600 -> 0.0856.
  CHECK(cat.find_region("CA-MB").price_usd_per_kwh->value == Approx(0.0856));
  // British Columbia (Vancouver): 11.99 / 100 / 1.3014 = 0.092132 -> 0.0921.
  CHECK(cat.find_region("CA-BC").price_usd_per_kwh->value == Approx(0.0921));
  // Ontario (Toronto): 16.26 / 100 / 1.3014 = 0.124942 -> 0.1249; one distributor among many: low.
  const region& on = cat.find_region("CA-ON");
  REQUIRE(on.price_usd_per_kwh);
  CHECK(on.price_usd_per_kwh->value == Approx(0.1249));
  CHECK(on.price_usd_per_kwh->prov.confidence == "low");
  // Provinces without a city in the table, and the country, stay unpriced.
  CHECK_FALSE(cat.find_region("CA-AB").price_usd_per_kwh);
  CHECK_FALSE(cat.find_region("CA").price_usd_per_kwh);

  scenario s;
  s.hardware = "h100";
  s.count = 8;
  s.gpu_hours = 1000;
  s.region = "CA-QC";
  const estimate e = make_estimate(s, cat);
  REQUIRE(e.electricity_cost_usd);
  CHECK(*e.electricity_cost_usd == Approx(e.energy_facility.in_kwh() * 0.0974));
}

TEST_CASE("catalog: US states carry eGRID2022 state rates, on the eGRID subregions' basis") {
  const catalog& cat = catalog::embedded();
  // data/upstream/epa-egrid2022-states (EPA eGRID2022, sheet ST22), total output rates in lb/MWh,
  // CO2e with AR5 GWP100 as the egrid:* subregions: (CO2 + 28 CH4 + 265 N2O) x 0.45359237 g/kWh.
  // Texas: 818.537 + 28 x 0.052 + 265 x 0.007 = 821.848 lb/MWh x 0.45359237 = 372.78 -> 372.8 g.
  // Wyoming: 1804.487 + 28 x 0.192 + 265 x 0.028 = 1817.283 lb/MWh -> 824.30 -> 824.3 g.
  const region& tx = cat.find_region("US-TX");
  REQUIRE(tx.intensity);
  CHECK(tx.intensity->gco2e_per_kwh == Approx(372.8));
  CHECK(cat.find_region("US-WY").intensity->gco2e_per_kwh == Approx(824.3));
  // Beside egrid:ERCT (the ERCOT part of Texas, 351.2 g), same year and basis.
  const region& erct = cat.find_region("egrid:ERCT");
  CHECK(erct.intensity->gco2e_per_kwh == Approx(351.2));
  // Every US state and DC: 2022, direct, from the eGRID state table (51 entries).
  int states = 0;
  for (const auto& r : cat.regions()) {
    if (r.kind != "subnational" || r.country != "US") continue;
    ++states;
    REQUIRE_MESSAGE(r.intensity, r.id);
    CHECK_MESSAGE(r.intensity->year == erct.intensity->year, r.id);
    CHECK_MESSAGE(r.intensity->basis == erct.intensity->basis, r.id);
    REQUIRE_MESSAGE(r.intensity->prov.source, r.id);
    CHECK_MESSAGE(r.intensity->prov.source->id == "epa-egrid2022-states", r.id);
  }
  CHECK(states == 51);
}

TEST_CASE("catalog: a Nordic bidding zone resolves to its country's grid") {
  const catalog& cat = catalog::embedded();
  const region& se3 = cat.find_region("SE-SE3");
  CHECK(se3.id == "SE3");
  CHECK_FALSE(se3.intensity);
  const region* grid = cat.grid_of(se3);
  REQUIRE(grid);
  CHECK(grid->id == "SE");
  CHECK(cat.grid_of(cat.find_region("NO4"))->id == "NO");
}
