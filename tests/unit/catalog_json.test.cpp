// catalog_json.hpp: catalog entries as JSON, tables, ids and the table of an id.

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>

#include <trainprint/catalog_json.hpp>
#include <trainprint/error.hpp>

using namespace trainprint;

TEST_CASE("catalog_json: the tables, in search order") {
  const std::vector<std::string> expected{"hardware", "systems", "regions", "providers",
                                          "sources", "presets", "equivalents"};
  CHECK(catalog_tables() == expected);
}

TEST_CASE("catalog_json: one entry, by id or alias in any case") {
  const catalog& cat = catalog::embedded();
  const auto fr = catalog_entry_to_json(cat, "regions", "fr");
  CHECK(fr["id"] == "FR");
  CHECK(fr["table"] == "regions");
  CHECK(fr["kind"] == "country");
  const region& r = cat.find_region("FR");
  REQUIRE(r.intensity);
  CHECK(fr["intensity"]["gco2e_per_kwh"].get<double>() == r.intensity->gco2e_per_kwh);
  // provenance names the source with its citation fields
  const auto& prov = fr["intensity"]["provenance"];
  CHECK(prov["confidence"] == r.intensity->prov.confidence);
  REQUIRE(r.intensity->prov.source);
  CHECK(prov["source"]["title"] == r.intensity->prov.source->title);

  const auto h = catalog_entry_to_json(cat, "hardware", "H100");
  CHECK(h["id"] == cat.find_accelerator("h100").id);
  CHECK(h["table"] == "hardware");
  CHECK(h["peak_tflops_dense"]["bf16"].get<double>() == *cat.find_accelerator("h100").peak_tflops(precision::bf16));
}

TEST_CASE("catalog_json: an unknown table or id") {
  const catalog& cat = catalog::embedded();
  CHECK_THROWS_AS(catalog_entry_to_json(cat, "nope", "FR"), input_error);
  try {
    (void)catalog_entry_to_json(cat, "regions", "fr-nowhere");
    FAIL("expected unknown_key_error");
  } catch (const unknown_key_error& e) {
    CHECK(e.kind() == "region");
    CHECK(e.key() == "fr-nowhere");
  }
  CHECK_THROWS_AS(catalog_entry_to_json(cat, "equivalents", "no-such-equivalent"), unknown_key_error);
}

TEST_CASE("catalog_json: a whole table, filtered") {
  const catalog& cat = catalog::embedded();
  const auto all = catalog_table_to_json(cat, "providers");
  REQUIRE(all.is_array());
  CHECK(all.size() == cat.providers().size());
  for (std::size_t i = 0; i < all.size(); ++i) CHECK(all[i]["id"] == cat.providers()[i].id);
  const auto aws = catalog_table_to_json(cat, "regions", "AWS:US-EAST");
  REQUIRE_FALSE(aws.empty());
  CHECK(aws.size() < cat.regions().size());
  for (const auto& e : aws) {
    std::string hay = e["id"].get<std::string>() + " " + (e["name"].is_string() ? e["name"].get<std::string>() : "");
    for (const auto& a : e["aliases"]) hay += " " + a.get<std::string>();
    std::transform(hay.begin(), hay.end(), hay.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    CHECK(hay.find("aws:us-east") != std::string::npos);
  }
  CHECK(catalog_table_to_json(cat, "regions", "zzz-no-match-zzz").empty());
}

TEST_CASE("catalog_json: ids in catalog order, and the table of an id") {
  const catalog& cat = catalog::embedded();
  const auto ids = catalog_ids(cat, "sources");
  REQUIRE(ids.size() == cat.energy_sources().size());
  CHECK(ids.front() == cat.energy_sources().front().id);
  CHECK(find_table_of(cat, "FR") == "regions");
  CHECK(find_table_of(cat, "aws") == "providers");
  CHECK(find_table_of(cat, "h100") == "hardware");
  CHECK(find_table_of(cat, cat.presets().front().id) == "presets");
  try {
    (void)find_table_of(cat, "h100-sxm6");
    FAIL("expected unknown_key_error");
  } catch (const unknown_key_error& e) {
    CHECK(e.kind() == "catalog id");
    CHECK_FALSE(e.suggestions().empty());
  }
}

TEST_CASE("catalog_json: a system carries its list on-demand price, dated and cited, or null") {
  const catalog& cat = catalog::embedded();
  // data/upstream/cloud-ondemand-prices/prices.csv: p5.48xlarge 98.32 USD per instance-hour,
  // aws:us-east-1, 2023-11-16 (vantage export, low), superseded; 98.32 / 8 H100 = 12.29.
  const auto p5 = catalog_entry_to_json(cat, "systems", "p5.48xlarge")["on_demand_price"];
  REQUIRE(p5.is_object());
  CHECK(p5["usd_per_hour"].get<double>() == 98.32);
  CHECK(p5["per"] == "instance");
  CHECK(p5["usd_per_accelerator_hour"].get<double>() == doctest::Approx(12.29));
  CHECK(p5["region"] == "aws:us-east-1");
  CHECK(p5["as_of"] == "2023-11-16");
  CHECK(p5["superseded"] == "AWS cut P5 prices in 2025, no dated current figure found");
  CHECK(p5["provenance"]["confidence"] == "low");
  CHECK(p5["provenance"]["source"]["id"] == "vantage-ec2-2023");
  // TPU v6e: 2.70 USD per chip-hour, so per accelerator-hour the same; not superseded.
  const auto v6e = catalog_entry_to_json(cat, "systems", "google-tpu-v6e-pod")["on_demand_price"];
  CHECK(v6e["per"] == "accelerator");
  CHECK(v6e["usd_per_accelerator_hour"].get<double>() == 2.7);
  CHECK(v6e["superseded"].is_null());
  // No sourced price: null (Azure's ND H200 v5), also in the table's listing.
  CHECK(catalog_entry_to_json(cat, "systems", "azure-nd96isr-h200-v5")["on_demand_price"].is_null());
  // Azure's ND H100 v5: 98.32 USD per instance-hour (East US, 2024-03-25) / 8 = 12.29 per accelerator-hour.
  const nlohmann::json nd = catalog_entry_to_json(cat, "systems", "azure-nd96isr-h100-v5")["on_demand_price"];
  REQUIRE(nd.is_object());
  CHECK(nd["usd_per_accelerator_hour"].get<double>() == doctest::Approx(12.29));
  CHECK(nd["region"] == "azure:eastus");
  int priced = 0;
  for (const auto& s : catalog_table_to_json(cat, "systems")) priced += s["on_demand_price"].is_object();
  CHECK(priced == 22);  // prices.csv's 22 rows
}

TEST_CASE("catalog_json: an overlay system's own price is listed with it") {
  catalog c = catalog::with_overlays({});
  c.overlay(R"({"sources": {"quote": {"title": "A made-up quote, for tests only", "year": 2026, "license": "facts"}},
               "systems": [{"id": "test-h100x4", "name": "test", "kind": "cloud_instance",
                 "accelerator": "nvidia-h100-sxm5-80gb", "accelerators": 4, "provider": "aws", "source": "quote",
                 "confidence": "medium",
                 "on_demand_price": {"usd_per_hour": 20, "per": "instance", "region": "aws:us-east-1",
                                     "as_of": "2026-11-01", "source": "quote", "confidence": "medium"}}]})",
            "quote.json");
  const auto p = catalog_entry_to_json(c, "systems", "test-h100x4")["on_demand_price"];
  REQUIRE(p.is_object());
  CHECK(p["usd_per_accelerator_hour"].get<double>() == 5);  // 20 USD / 4 accelerators
  CHECK(p["provenance"]["source"]["title"] == "A made-up quote, for tests only");
}
