// Compute cost at the catalog's list on-demand prices (issue 18, part 4 "Cost";
// docs/methodology.md §1.5): cost = accelerator-hours × price per accelerator-hour, the
// price per accelerator-hour being the instance price / accelerators per instance, or a
// chip-hour price as such. Expected numbers are worked out in the comments from the
// catalog rows they cite (data/upstream/cloud-ondemand-prices/prices.csv):
//   aws-p5.48xlarge    98.32 USD per instance-hour, aws:us-east-1, as of 2023-11-16
//                      (vantage export in boaviztapi, /work/shared/upstream-data/aws-ec2-gpu-prices-2023)
//   google-tpu-v6e-pod 2.70 USD per chip-hour, gcp:us-east1, as of 2024-10-30 (SkyPilot PR #4218,
//                      quoting cloud.google.com/tpu/pricing)
//   google-tpu-v4-pod  3.22 USD per chip-hour, gcp:us-central2, as of 2025-03-03, and
//   google-tpu-v5e-pod 1.20 USD per chip-hour, gcp:us-central1, as of 2025-03-03 (Epoch AI's
//                      Hardware prices.csv, from the Wayback copy of cloud.google.com/tpu/pricing)
#include <doctest/doctest.h>
#include <trainprint/catalog.hpp>
#include <trainprint/estimator.hpp>

#include <string>

#include "../../src/catalog/prices.hpp"
#include "scenarios.hpp"

using namespace trainprint;
using scenarios::has_note;
using doctest::Approx;

namespace {
const catalog& cat() { return catalog::embedded(); }
/// A timed run: `count` units of `hw` for `h` hours in `region`.
scenario timed(const char* hw, std::int64_t count, double h, const char* region) {
  scenario s;
  s.hardware = hw;
  s.count = count;
  s.duration_h = hours(h);
  if (region) s.region = region;
  return s;
}
}  // namespace

TEST_CASE("prices: the embedded list prices as the source prints them, cited in the catalog") {
  const catalog_detail::list_price* p5 = nullptr;
  const catalog_detail::list_price* v6e = nullptr;
  for (const auto& p : catalog_detail::embedded_list_prices()) {
    if (p.system == "aws-p5.48xlarge") p5 = &p;
    if (p.system == "google-tpu-v6e-pod") v6e = &p;
    CHECK(cat().find_system(p.system).provider == p.region.substr(0, p.region.find(':')));
  }
  CHECK(catalog_detail::embedded_list_prices().size() == 22);  // prices.csv has 22 rows
  REQUIRE(p5);
  CHECK(p5->usd_per_hour == 98.32);  // "p5.48xlarge,8,NVIDIA H100,640 GiB,98.3200,..."
  CHECK_FALSE(p5->per_accelerator);
  CHECK(p5->region == "aws:us-east-1");
  CHECK(p5->as_of == "2023-11-16");
  const provenance pv = p5->prov(cat());
  CHECK(pv.confidence == "low");
  REQUIRE(pv.source);
  CHECK(pv.source->year == 2023);
  REQUIRE(v6e);
  CHECK(v6e->usd_per_hour == 2.7);  // "region2price = {'us-east1': 2.7, ...}"
  CHECK(v6e->per_accelerator);
  CHECK(v6e->region == "gcp:us-east1");
}

TEST_CASE("prices: an instance with a catalog price gives the compute cost, cited and dated") {
  // 2 × p5.48xlarge for 24 h: 2 × 8 × 24 = 384 accelerator-hours; 98.32 / 8 = 12.29 USD per
  // accelerator-hour; 384 × 12.29 = 4,719.36 USD.
  const estimate e = make_estimate(timed("p5.48xlarge", 2, 24, "aws:us-east-1"), cat());
  CHECK(e.accelerator_hours == Approx(384));
  REQUIRE(e.compute_cost_usd);
  CHECK(*e.compute_cost_usd == Approx(4719.36));
  const auto* t = e.find_trace("hourly_price_usd");
  REQUIRE(t);
  CHECK(t->value == Approx(12.29));
  CHECK(t->origin == origin::catalog);
  CHECK(t->confidence == "low");
  CHECK(t->source.find("vantage") != std::string::npos);
  CHECK(t->note.find("aws:us-east-1") != std::string::npos);
  CHECK(t->note.find("2023-11-16") != std::string::npos);
  CHECK(has_note(e, "list on-demand price of aws-p5.48xlarge in aws:us-east-1 as of 2023-11-16"));
  CHECK_FALSE(has_note(e, "not in aws:us-east-1"));
}

TEST_CASE("prices: the user's --hourly-price-usd wins over the catalog's") {
  scenario s = timed("p5.48xlarge", 2, 24, "aws:us-east-1");
  s.hourly_price_usd = 2.0;
  const estimate e = make_estimate(s, cat());
  // 384 accelerator-hours × 2 USD = 768 USD.
  REQUIRE(e.compute_cost_usd);
  CHECK(*e.compute_cost_usd == Approx(768));
  REQUIRE(e.find_trace("hourly_price_usd"));
  CHECK(e.find_trace("hourly_price_usd")->origin == origin::user);
  CHECK_FALSE(has_note(e, "list on-demand price"));
}

TEST_CASE("prices: an accelerator at a provider with one priced instance of it takes that price") {
  // 16 H100 for 24 h in AWS: 384 accelerator-hours × 12.29 (p5.48xlarge's 98.32 / 8) = 4,719.36 USD.
  const estimate e = make_estimate(timed("h100", 16, 24, "aws:us-east-1"), cat());
  REQUIRE(e.compute_cost_usd);
  CHECK(*e.compute_cost_usd == Approx(4719.36));
  CHECK(has_note(e, "aws-p5.48xlarge"));
}

TEST_CASE("prices: a TPU priced per chip-hour") {
  // 8 TPU v6e chips for 10 h in gcp:us-east1: 80 chip-hours × 2.70 USD = 216 USD.
  const estimate e = make_estimate(timed("tpu-v6e", 8, 10, "gcp:us-east1"), cat());
  REQUIRE(e.compute_cost_usd);
  CHECK(*e.compute_cost_usd == Approx(216));
  REQUIRE(e.find_trace("hourly_price_usd"));
  CHECK(e.find_trace("hourly_price_usd")->value == Approx(2.7));
}

TEST_CASE("prices: TPU v4 and v5e priced per chip-hour (before: cost unknown)") {
  // 64 TPU v4 chips for 100 h in gcp:us-central2: 6,400 chip-hours x 3.22 USD = 20,608 USD.
  const estimate v4 = make_estimate(timed("tpu-v4", 64, 100, "gcp:us-central2"), cat());
  REQUIRE(v4.compute_cost_usd);
  CHECK(*v4.compute_cost_usd == Approx(20608));
  CHECK(has_note(v4, "list on-demand price of google-tpu-v4-pod in gcp:us-central2 as of 2025-03-03"));
  // 8 TPU v5e chips for 10 h in gcp:us-central1: 80 chip-hours x 1.20 USD = 96 USD (Google publishes
  // no v5e or v5p TDP, so the run gives its power; it does not enter the compute cost).
  scenario s5e = timed("tpu-v5e", 8, 10, "gcp:us-central1");
  s5e.power_w = power::watts(200);
  const estimate v5e = make_estimate(s5e, cat());
  REQUIRE(v5e.compute_cost_usd);
  CHECK(*v5e.compute_cost_usd == Approx(96));
  REQUIRE(v5e.find_trace("hourly_price_usd"));
  CHECK(v5e.find_trace("hourly_price_usd")->value == Approx(1.2));
  CHECK(v5e.find_trace("hourly_price_usd")->source.find("Epoch") != std::string::npos);
  // TPU v5p: no dated list price was found, so its cost stays unknown.
  scenario s5p = timed("tpu-v5p", 8, 10, "gcp:us-east5");
  s5p.power_w = power::watts(200);
  CHECK_FALSE(make_estimate(s5p, cat()).compute_cost_usd);
}

TEST_CASE("prices: a price known only for another region of the provider is used with a note, low") {
  // Same arithmetic as in aws:us-east-1: 4,719.36 USD, and a note that the price is us-east-1's.
  const estimate e = make_estimate(timed("p5.48xlarge", 2, 24, "aws:eu-west-1"), cat());
  REQUIRE(e.compute_cost_usd);
  CHECK(*e.compute_cost_usd == Approx(4719.36));
  CHECK(has_note(e, "prices aws-p5.48xlarge only in aws:us-east-1, not in aws:eu-west-1"));
  CHECK(e.find_trace("hourly_price_usd")->confidence == "low");
}

TEST_CASE("prices: a provider known from the hardware or --provider, with no region of it: its price, low") {
  // TPU v6e is sold only by Google Cloud: 8 chips × 10 h = 80 chip-hours × 2.70 USD = 216 USD.
  const estimate t = make_estimate(timed("tpu-v6e", 8, 10, "FR"), cat());
  REQUIRE(t.compute_cost_usd);
  CHECK(*t.compute_cost_usd == Approx(216));
  CHECK(has_note(t, "no gcp region given; the price of google-tpu-v6e-pod in gcp:us-east1 is used"));
  CHECK(t.find_trace("hourly_price_usd")->confidence == "low");
  // H100 at AWS in a grid region: 8 × 10 h = 80 accelerator-hours × 12.29 USD = 983.2 USD.
  scenario s = timed("h100", 8, 10, "US-VA");
  s.provider = "aws";
  const estimate a = make_estimate(s, cat());
  REQUIRE(a.compute_cost_usd);
  CHECK(*a.compute_cost_usd == Approx(983.2));
  CHECK(has_note(a, "no aws region given; the price of aws-p5.48xlarge in aws:us-east-1 is used"));
}

TEST_CASE("prices: Azure and Google Cloud instances at their dated list prices (before: cost unknown)") {
  // H100 at Azure: ND96isr H100 v5 is the one priced Azure H100 system, 98.32 USD per instance-hour
  // (East US, 2024-03-25) / 8 = 12.29 USD; 16 H100 × 24 h = 384 accelerator-hours × 12.29 = 4,719.36 USD.
  const estimate az = make_estimate(timed("h100", 16, 24, "azure:eastus"), cat());
  REQUIRE(az.compute_cost_usd);
  CHECK(*az.compute_cost_usd == Approx(4719.36));
  CHECK(has_note(az, "list on-demand price of azure-nd96isr-h100-v5 in azure:eastus as of 2024-03-25"));
  // A100 80GB at Azure: ND96amsr A100 v4, 32.77 / 8 = 4.09625 USD; 8 × 10 h = 80 h × 4.09625 = 327.70 USD.
  const estimate am = make_estimate(timed("nd96amsr-a100-v4", 1, 10, "azure:eastus"), cat());
  REQUIRE(am.compute_cost_usd);
  CHECK(*am.compute_cost_usd == Approx(327.7));
  // 2 × a3-highgpu-8g × 24 h in us-central1: 384 H100-hours × 88.4899999025753 / 8 (= 11.0612499878)
  // = 4,247.5199953 USD.
  const estimate g = make_estimate(timed("a3-highgpu-8g", 2, 24, "gcp:us-central1"), cat());
  REQUIRE(g.compute_cost_usd);
  CHECK(*g.compute_cost_usd == Approx(4247.5199953));
  REQUIRE(g.find_trace("hourly_price_usd"));
  CHECK(g.find_trace("hourly_price_usd")->value == Approx(11.0612499878));
  // L4 at GCP: g2-standard-96 (8 × L4) is the one priced GCP L4 machine, 8.003330296 / 8 = 1.000416287 USD;
  // 8 × 100 h = 800 h × 1.000416287 = 800.3330296 USD.
  const estimate l4 = make_estimate(timed("l4", 8, 100, "gcp:us-central1"), cat());
  REQUIRE(l4.compute_cost_usd);
  CHECK(*l4.compute_cost_usd == Approx(800.3330296));
  // H100 at GCP: a3-highgpu-8g and a3-megagpu-8g both priced; which is rented is not known.
  const estimate two = make_estimate(timed("h100", 16, 24, "gcp:us-central1"), cat());
  CHECK_FALSE(two.compute_cost_usd);
  CHECK(has_note(two, "prices several gcp systems of nvidia-h100-sxm5-80gb (gcp-a3-highgpu-8g, gcp-a3-megagpu-8g)"));
}

TEST_CASE("prices: no catalog price, no provider or another provider: cost stays unknown") {
  // No provider: a country's grid says nothing about whose price applies.
  CHECK_FALSE(make_estimate(timed("h100", 16, 24, "FR"), cat()).compute_cost_usd);
  // A provider without a sourced price for the part (Azure's ND H200 v5; GCP's a3-ultragpu-8g).
  CHECK_FALSE(make_estimate(timed("h200", 16, 24, "azure:eastus"), cat()).compute_cost_usd);
  CHECK_FALSE(make_estimate(timed("a3-ultragpu-8g", 2, 24, "gcp:us-central1"), cat()).compute_cost_usd);
  // A server one buys, not rents; and an instance without a price of its own never takes
  // another instance's (p5e.48xlarge is H200 like the priced p5en.48xlarge).
  CHECK_FALSE(make_estimate(timed("dgx-h100", 2, 24, nullptr), cat()).compute_cost_usd);
  CHECK_FALSE(make_estimate(timed("p5e.48xlarge", 2, 24, "aws:us-east-1"), cat()).compute_cost_usd);
  // A part with no priced instance at its provider: the H200 at GCP (a3-ultragpu-8g, no price).
  CHECK_FALSE(make_estimate(timed("h200", 16, 24, "gcp:us-central1"), cat()).compute_cost_usd);
}

// --- prices from overlay files: a system brings its own price, or none ---------------------

namespace {
/// An overlay of one cloud instance of 8 H100 at AWS, priced `price` (a JSON member or "").
std::string priced_overlay(const std::string& id, const std::string& price, bool replace = false) {
  return R"({"sources": {"quote": {"title": "A made-up quote, for tests only", "year": 2026, "license": "facts"}},
             "systems": [{"id": ")" + id + R"(", "name": "test instance", "kind": "cloud_instance",
               "accelerator": "nvidia-h100-sxm5-80gb", "accelerators": 8, "provider": "aws",
               "source": "quote", "confidence": "medium")" + (replace ? R"(, "replace": true)" : "") +
         (price.empty() ? "" : ", " + price) + "}]}";
}
const std::string price_50 = R"("on_demand_price": {"usd_per_hour": 50, "per": "instance", "region": "aws:us-east-1",
                                 "as_of": "2026-11-01", "source": "quote", "confidence": "medium"})";
}  // namespace

TEST_CASE("prices: an overlay system with a price is priced, and makes its part ambiguous at its provider") {
  catalog c = catalog::with_overlays({});
  c.overlay(priced_overlay("test-h100x8", price_50), "quote.json");
  // 2 instances × 8 × 24 h = 384 accelerator-hours × 50 / 8 = 6.25 USD = 2,400 USD.
  const estimate e = make_estimate(timed("test-h100x8", 2, 24, "aws:us-east-1"), c);
  REQUIRE(e.compute_cost_usd);
  CHECK(*e.compute_cost_usd == Approx(2400));
  REQUIRE(e.find_trace("hourly_price_usd"));
  CHECK(e.find_trace("hourly_price_usd")->value == Approx(6.25));
  CHECK(e.find_trace("hourly_price_usd")->source.find("A made-up quote") != std::string::npos);
  CHECK(e.find_trace("hourly_price_usd")->confidence == "medium");
  // The named p5.48xlarge keeps its own price: 384 × 12.29 = 4,719.36 USD.
  CHECK(*make_estimate(timed("p5.48xlarge", 2, 24, "aws:us-east-1"), c).compute_cost_usd == Approx(4719.36));
  // H100 at AWS: two priced systems now, so which one is rented is not known.
  const estimate a = make_estimate(timed("h100", 16, 24, "aws:us-east-1"), c);
  CHECK_FALSE(a.compute_cost_usd);
  CHECK(has_note(a, "several aws systems of nvidia-h100-sxm5-80gb (aws-p5.48xlarge, test-h100x8)"));
  // The embedded catalog is untouched: H100 at AWS still takes p5.48xlarge's price.
  CHECK(*make_estimate(timed("h100", 16, 24, "aws:us-east-1"), cat()).compute_cost_usd == Approx(4719.36));
}

TEST_CASE("prices: a system an overlay replaces has the overlay's price, or none") {
  catalog c = catalog::with_overlays({});
  c.overlay(priced_overlay("aws-p5.48xlarge", "", true), "replace.json");
  CHECK_FALSE(make_estimate(timed("aws-p5.48xlarge", 2, 24, "aws:us-east-1"), c).compute_cost_usd);
  CHECK_FALSE(make_estimate(timed("h100", 16, 24, "aws:us-east-1"), c).compute_cost_usd);
  c.overlay(priced_overlay("aws-p5.48xlarge", price_50, true), "replace-priced.json");
  // 384 accelerator-hours × 6.25 USD = 2,400 USD, now also for H100 at AWS (the one priced system again).
  CHECK(*make_estimate(timed("aws-p5.48xlarge", 2, 24, "aws:us-east-1"), c).compute_cost_usd == Approx(2400));
  CHECK(*make_estimate(timed("h100", 16, 24, "aws:us-east-1"), c).compute_cost_usd == Approx(2400));
}

TEST_CASE("prices: a bad price in an overlay is a data_error at its pointer, and the catalog is unchanged") {
  auto problem = [](const std::string& price) {
    catalog c = catalog::with_overlays({});
    std::string what;
    try {
      c.overlay(priced_overlay("test-h100x8", price), "bad.json");
    } catch (const data_error& e) {
      what = e.what();
    }
    CHECK_FALSE(c.get_system("test-h100x8"));  // all or nothing
    CHECK(c.overlay_problems(priced_overlay("test-h100x8", price), "bad.json").size() == 1);
    return what;
  };
  auto with = [](const std::string& from, const std::string& to) {
    std::string p = price_50;
    p.replace(p.find(from), from.size(), to);
    return p;
  };
  CHECK(problem(with("50", "-50")).find("bad.json#/systems/0/on_demand_price/usd_per_hour: expected a positive") !=
        std::string::npos);
  CHECK(problem(with("\"instance\"", "\"hour\"")).find("/on_demand_price/per: expected \"instance\"") !=
        std::string::npos);
  CHECK(problem(with("aws:us-east-1", "gcp:us-east1")).find("not a region of aws") != std::string::npos);
  CHECK(problem(with("aws:us-east-1", "nowhere")).find("unknown region 'nowhere'") != std::string::npos);
  CHECK(problem(with("2026-11-01", "Nov 2026")).find("/as_of: expected the date") != std::string::npos);
  CHECK(problem(with("\"source\": \"quote\"", "\"source\": \"other\"")).find("unknown source 'other'") !=
        std::string::npos);
  CHECK(problem(with("\"medium\"", "\"sure\"")).find("/confidence: expected high, medium or low") !=
        std::string::npos);
}

TEST_CASE("prices: a catalog built from files alone has only those files' prices") {
  catalog c;  // empty: no embedded tables, so no embedded prices
  CHECK(catalog_detail::list_prices(c).empty());
  CHECK(catalog_detail::list_prices(cat()).size() == 22);
}

// --- an electricity price the catalog lacks, and a price per instance typed per accelerator ---

namespace {
/// 1,000 H100-hours in `region` (nullptr: none), at the catalog's price unless `price`.
scenario h100_hours(const char* region, std::optional<double> hourly = std::nullopt) {
  scenario s;
  s.hardware = "h100";
  s.gpu_hours = 1000;
  if (region) s.region = region;
  s.hourly_price_usd = hourly;
  return s;
}
}  // namespace

TEST_CASE("prices: owned hardware where the catalog has no electricity price says so and how to give one") {
  // JP has a grid but no price (regions.json: EIA covers US states, Eurostat Europe).
  const estimate jp = make_estimate(h100_hours("JP"), cat());
  CHECK_FALSE(jp.electricity_cost_usd);
  CHECK(has_note(jp, "electricity cost unknown: the catalog has no electricity price for JP (Japan); give "
                     "`price_usd_per_kwh` (USD per kWh)"));
  // No place at all: the world average has no price either.
  const estimate world = make_estimate(h100_hours(nullptr), cat());
  CHECK_FALSE(world.electricity_cost_usd);
  CHECK(has_note(world, "electricity cost unknown: no place given"));
  // A given price: 1,000 h × (525 W + 525 × 4600/5600 = 431.25 W host) = 956.25 kWh × PUE 1.56
  // = 1,491.75 kWh × 0.20 USD = 298.35 USD, and no note.
  scenario given = h100_hours("JP");
  given.price_usd_per_kwh = 0.2;
  const estimate g = make_estimate(given, cat());
  REQUIRE(g.electricity_cost_usd);
  CHECK(*g.electricity_cost_usd == Approx(298.35));
  CHECK_FALSE(has_note(g, "electricity cost unknown"));
  // A priced place (FR, Eurostat 2023): no note.
  CHECK_FALSE(has_note(make_estimate(h100_hours("FR"), cat()), "electricity cost unknown"));
  // A rented run's electricity is in its rent: no electricity note, whatever the region (the
  // rent has its own notes); the same region owned gets the note.
  CHECK_FALSE(has_note(make_estimate(timed("p5.48xlarge", 2, 24, "aws:us-east-1"), cat()), "electricity cost"));
  scenario owned = h100_hours("aws:us-east-1");
  owned.ownership = ownership::owned;
  CHECK(has_note(make_estimate(owned, cat()), "no electricity price for aws:us-east-1"));
}

TEST_CASE("prices: an instance's price given per accelerator-hour gets a did-you-mean, the value kept") {
  // 98.32 USD is p5.48xlarge's price per instance-hour (8 H100): per accelerator 98.32 / 8 = 12.29.
  const estimate e = make_estimate(h100_hours("FR", 98.32), cat());
  CHECK(has_note(e, "hourly_price_usd 98.32 USD is the list on-demand price of aws-p5.48xlarge (8 × "
                    "nvidia-h100-sxm5-80gb, in aws:us-east-1 as of 2023-11-16) per instance-hour"));
  CHECK(has_note(e, "did you mean hourly_price_usd 12.29 (98.32 / 8)?"));
  // A note, not a correction: 1,000 accelerator-hours × 98.32 USD = 98,320 USD.
  REQUIRE(e.compute_cost_usd);
  CHECK(*e.compute_cost_usd == Approx(98320));
  // Within 5%: 95 / 98.32 = 0.966 matches (did you mean 95 / 8 = 11.88?); 90 / 98.32 = 0.915 does not.
  CHECK(has_note(make_estimate(h100_hours("FR", 95), cat()), "did you mean hourly_price_usd 11.88 (95 / 8)?"));
  // T4: g4dn.12xlarge, 4 × T4 at 3.912 USD per instance-hour; 3.9 / 3.912 = 0.997; 3.9 / 4 = 0.975.
  scenario t4 = h100_hours("FR", 3.9);
  t4.hardware = "t4";
  CHECK(has_note(make_estimate(t4, cat()), "aws-g4dn.12xlarge (4 × nvidia-t4, in aws:us-east-1 as of 2023-11-16) "
                                           "per instance-hour: hourly_price_usd is per accelerator-hour; did you "
                                           "mean hourly_price_usd 0.975 (3.9 / 4)?"));
}

TEST_CASE("prices: a price per accelerator-hour above twice the part's dearest list price gets a note") {
  // H100's dearest list price per accelerator-hour: p5.48xlarge, 12.29 (Azure's ND96isr H100 v5 is the
  // same 98.32 / 8; the first listed is named); twice that is 24.58. 80 USD is within 5% of no
  // instance's price (a3-highgpu-8g 88.49: 0.904; a3-megagpu-8g 92.94: 0.861; 98.32: 0.814), so no
  // did-you-mean: 80 / 12.29 = 6.51 times.
  const estimate hi = make_estimate(h100_hours("FR", 80), cat());
  CHECK(has_note(hi, "hourly_price_usd 80 USD is 6.51 times the dearest list on-demand price per accelerator-hour "
                     "of nvidia-h100-sxm5-80gb in the catalog (12.29 USD, aws-p5.48xlarge in aws:us-east-1 as of "
                     "2023-11-16)"));
  CHECK_FALSE(has_note(hi, "did you mean"));
  CHECK(has_note(make_estimate(h100_hours("FR", 25), cat()), "2.03 times the dearest"));  // 25 / 12.29 = 2.034
  for (double ok : {0.5, 2.5, 12.29, 24.5}) {
    INFO(ok);
    CHECK_FALSE(has_note(make_estimate(h100_hours("FR", ok), cat()), "hourly_price_usd"));
  }
  // TPU v6e, priced per chip-hour (2.70): a v6e-8 slice's 8 × 2.70 = 21.6 USD is 8 times it.
  scenario v6e = h100_hours("gcp:us-east1", 21.6);
  v6e.hardware = "tpu-v6e";
  CHECK(has_note(make_estimate(v6e, cat()), "hourly_price_usd 21.6 USD is 8 times the dearest list on-demand price "
                                            "per accelerator-hour of google-tpu-v6e"));
  // A part with no list price (L40S: g6e.48xlarge is unpriced) is set against the dearest of any
  // part, p5.48xlarge's 12.29: 30 / 12.29 = 2.44 times.
  scenario l40s = h100_hours("FR", 30);
  l40s.hardware = "l40s";
  CHECK(has_note(make_estimate(l40s, cat()), "30 USD is 2.44 times the dearest list on-demand price per "
                                             "accelerator-hour of any part in the catalog (12.29 USD, aws-p5.48xlarge "
                                             "in aws:us-east-1 as of 2023-11-16; none for nvidia-l40s)"));
}

// --- a superseded price is a typed field, read as such (never found in the notes' text) ---

TEST_CASE("prices: superseded is a field of the price, printed in a note; the notes' text is not searched") {
  const catalog_detail::list_price* p5 = nullptr;
  for (const auto& p : catalog_detail::embedded_list_prices()) {
    INFO(p.system);
    CHECK(p.notes.find("superseded") == std::string::npos);  // where in the source, only
    if (p.system == "aws-p5.48xlarge") p5 = &p;
    // Only the AWS P4/P5 rows of 2023 are marked (prices.csv, SOURCE.md: cut in June 2025).
    const bool stale = p.system == "aws-p4d.24xlarge" || p.system == "aws-p4de.24xlarge" || p.system == "aws-p5.48xlarge";
    CHECK(p.superseded.empty() == !stale);
  }
  REQUIRE(p5);
  CHECK(p5->superseded == "AWS cut P5 prices in 2025, no dated current figure found");
  CHECK(has_note(make_estimate(timed("p5.48xlarge", 2, 24, "aws:us-east-1"), cat()),
                 "compute cost: the list price of aws-p5.48xlarge is superseded: AWS cut P5 prices in 2025, no dated "
                 "current figure found; it likely overstates today's price"));
  CHECK_FALSE(has_note(make_estimate(timed("p5en.48xlarge", 2, 24, "aws:us-east-1"), cat()), "superseded"));

  // An overlay's price: the typed field gives the note; the same words in its notes do not.
  auto note_of = [](const std::string& extra) {
    std::string price = price_50;
    price.insert(price.rfind('}'), extra);
    catalog c = catalog::with_overlays({});
    c.overlay(priced_overlay("test-h100x8", price), "quote.json");
    const estimate e = make_estimate(timed("test-h100x8", 1, 10, "aws:us-east-1"), c);
    return has_note(e, "compute cost: the list price of test-h100x8 is superseded: cut in 2026");
  };
  CHECK(note_of(R"(, "superseded": "cut in 2026")"));
  CHECK_FALSE(note_of(R"(, "notes": "superseded: cut in 2026")"));
  // An empty reason is a data error at its pointer.
  std::string empty = price_50;
  empty.insert(empty.rfind('}'), R"(, "superseded": "")");
  catalog c = catalog::with_overlays({});
  CHECK_THROWS_WITH_AS(c.overlay(priced_overlay("test-h100x8", empty), "bad.json"),
                       doctest::Contains("bad.json#/systems/0/on_demand_price/superseded: expected why"), data_error);
}
