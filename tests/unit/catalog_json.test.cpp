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
