// Checks over the shipped catalog (data/*.json, embedded in the library): unique
// names, provenance on every entry, plausible ranges, references that resolve,
// presets that estimate and short aliases. Spot checks of single values against the
// documents they come from: catalog_spot_checks.test.cpp.

#include <doctest/doctest.h>

#include <trainprint/catalog.hpp>
#include <trainprint/defaults.hpp>
#include <trainprint/error.hpp>
#include <trainprint/estimator.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>
#include "presets_json.hpp"

using namespace trainprint;

namespace {

const catalog& cat() { return catalog::embedded(); }

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

/// Every id and alias of `items`, lower-cased; CHECKs that none repeats.
template <class T>
std::set<std::string> names_of(const std::vector<T>& items, const char* table) {
  std::set<std::string> seen;
  for (const auto& it : items) {
    std::vector<std::string> names{it.id};
    names.insert(names.end(), it.aliases.begin(), it.aliases.end());
    for (const auto& n : names) {
      INFO(table << ": " << it.id << " names '" << n << "'");
      CHECK_FALSE(n.empty());
      CHECK(seen.insert(lower(n)).second);
    }
  }
  return seen;
}

/// CHECKs a provenance: a source with title, url, year and licence; a known confidence.
void check_provenance(const provenance& p, const std::string& where) {
  INFO(where);
  REQUIRE(p.source != nullptr);
  CHECK_FALSE(p.source->title.empty());
  CHECK_FALSE(p.source->url.empty());
  CHECK(p.source->year >= 1990);
  CHECK(p.source->year <= 2030);
  CHECK_FALSE(p.source->license.empty());
  CHECK_FALSE(p.source->retrieved.empty());
  CHECK((p.confidence == "high" || p.confidence == "medium" || p.confidence == "low"));
}

void check_cited(const std::optional<cited_value>& c, const std::string& where) {
  if (c) check_provenance(c->prov, where);
}

/// The licence ids the catalog may embed (DATA-SOURCES.md §8: no ODbL, CC BY-SA, NC or AGPL).
bool allowed_license(const std::string& l) {
  static const std::set<std::string> ok{"facts",     "public-domain", "CC-BY-4.0", "CC-BY-3.0",
                                        "Apache-2.0", "MIT",          "CC0-1.0"};
  if (ok.contains(l)) return true;
  // Combined notes such as "MIT + CC-BY-4.0" are fine when every part is.
  const std::string u = lower(l);
  for (const char* bad : {"odbl", "sa", "nc", "agpl", "gpl"})
    if (u.find(bad) != std::string::npos) return false;
  return true;
}

scenario new_user(std::string hardware, std::string region) {
  scenario s;
  s.params = 7e9;
  s.tokens = 2e12;
  s.hardware = std::move(hardware);
  s.count = 512;
  s.region = std::move(region);
  return s;
}

}  // namespace

// ---------------------------------------------------------------------------
// Sizes and names

TEST_CASE("catalog data: tables have the promised coverage") {
  CHECK(cat().accelerators().size() >= 72);
  CHECK(cat().systems().size() >= 40);
  CHECK(cat().presets().size() >= 15);
  CHECK(cat().energy_sources().size() >= 10);
  CHECK(cat().providers().size() >= 8);
  CHECK(cat().equivalents().size() >= 4);

  std::map<std::string, int> by_kind, by_provider;
  for (const auto& r : cat().regions()) {
    ++by_kind[r.kind];
    if (r.kind == "cloud") ++by_provider[r.provider];
  }
  // Counts of the 2026.11 catalog; a refresh may add entries, never silently drop them.
  CHECK(by_kind["country"] >= 214);      // every country OWID/Ember covers
  CHECK(by_kind["grid"] >= 29);          // 27 eGRID subregions + WORLD + EU-27
  CHECK(by_kind["subnational"] >= 72);   // 50 US states + DC, 13 CA, 8 AU
  CHECK(by_kind["cloud"] >= 120);        // the floor (141 today)
  CHECK(by_kind["cloud"] >= 141);
  CHECK(by_provider["aws"] >= 37);
  CHECK(by_provider["azure"] >= 59);
  CHECK(by_provider["gcp"] >= 45);
  CHECK(by_kind.size() == 4);

  int egrid = 0, us_states = 0, ca_provinces = 0;
  for (const auto& r : cat().regions()) {
    if (r.id.starts_with("egrid:")) ++egrid;
    if (r.kind == "subnational" && r.country == "US") ++us_states;
    if (r.kind == "subnational" && r.country == "CA") ++ca_provinces;
  }
  CHECK(egrid == 27);
  CHECK(us_states == 51);
  CHECK(ca_provinces == 13);
}

TEST_CASE("catalog data: ids and aliases are unique case-insensitively in each table") {
  names_of(cat().accelerators(), "accelerators");
  names_of(cat().systems(), "systems");
  names_of(cat().regions(), "regions");
  names_of(cat().providers(), "providers");
  names_of(cat().energy_sources(), "energy sources");
  names_of(cat().presets(), "presets");
  names_of(cat().equivalents(), "equivalents");
  // The hardware build keeps accelerators and systems apart too, so `show h100` is never ambiguous.
  const auto a = names_of(cat().accelerators(), "accelerators");
  for (const auto& s : cat().systems()) {
    INFO(s.id);
    CHECK_FALSE(a.contains(lower(s.id)));
  }
}

TEST_CASE("catalog data: ids follow the schema's spelling") {
  auto ok_id = [](const std::string& id, bool upper_ok) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [&](char c) {
      return std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) ||
             c == ':' || c == '.' || c == '_' || c == '-' || (upper_ok && std::isupper(static_cast<unsigned char>(c)));
    });
  };
  for (const auto& a : cat().accelerators()) CHECK_MESSAGE(ok_id(a.id, false), a.id);
  for (const auto& s : cat().systems()) CHECK_MESSAGE(ok_id(s.id, false), s.id);
  for (const auto& p : cat().presets()) CHECK_MESSAGE(ok_id(p.id, false), p.id);
  // Regions use ISO codes (FR, US-CA) and egrid:SRVC, so upper case is allowed there.
  for (const auto& r : cat().regions()) {
    CHECK_MESSAGE(ok_id(r.id, true), r.id);
    if (r.kind == "country") CHECK_MESSAGE((r.id.size() == 2 || r.id == "WORLD"), r.id);
    if (r.kind == "cloud") {
      INFO(r.id);
      CHECK(r.id.starts_with(r.provider + ":"));
    }
  }
}

// ---------------------------------------------------------------------------
// Provenance

TEST_CASE("catalog data: every entry and every cited value has provenance") {
  for (const auto& a : cat().accelerators()) {
    check_provenance(a.prov, "accelerator " + a.id);
    for (const auto& [field, p] : a.field_sources) check_provenance(p, a.id + " field " + field);
  }
  for (const auto& s : cat().systems()) check_provenance(s.prov, "system " + s.id);
  for (const auto& r : cat().regions()) {
    check_provenance(r.prov, "region " + r.id);
    if (r.intensity) check_provenance(r.intensity->prov, r.id + " intensity");
    if (r.mix) check_provenance(r.mix->prov, r.id + " mix");
    check_cited(r.cfe, r.id + " cfe");
    check_cited(r.ewif_l_per_kwh, r.id + " ewif");
    check_cited(r.pue, r.id + " pue");
    check_cited(r.wue_l_per_kwh, r.id + " wue");
    check_cited(r.price_usd_per_kwh, r.id + " price");
  }
  for (const auto& p : cat().providers()) {
    check_provenance(p.prov, "provider " + p.id);
    for (const auto* list : {&p.pue, &p.wue_l_per_kwh, &p.cfe})
      for (const auto& c : *list) {
        check_provenance(c.prov, p.id + " yearly value");
        CHECK(c.year.has_value());
      }
  }
  for (const auto& e : cat().energy_sources()) {
    check_provenance(e.prov, "energy source " + e.id);
    check_provenance(e.lifecycle_prov, e.id + " lifecycle");
    if (e.water_l_per_kwh) check_provenance(e.water_prov, e.id + " water");
  }
  for (const auto& p : cat().presets()) check_provenance(p.prov, "preset " + p.id);
  for (const auto& q : cat().equivalents()) check_provenance(q.prov, "equivalent " + q.id);
  const auto& emb = cat().embodied();
  for (const auto& d : emb.die) check_provenance(d.kgco2e_per_cm2.prov, "embodied die factor");
  REQUIRE(emb.memory_kgco2e_per_gb);
  check_provenance(emb.memory_kgco2e_per_gb->prov, "embodied memory factor");
  REQUIRE(emb.host_kgco2e_per_server);
  check_provenance(emb.host_kgco2e_per_server->prov, "embodied host factor");
}

TEST_CASE("catalog data: no embedded source has a share-alike, non-commercial or AGPL licence") {
  auto check = [](const provenance& p) {
    if (!p.source) return;
    INFO(p.source->id << ": " << p.source->license);
    CHECK(allowed_license(p.source->license));
  };
  for (const auto& a : cat().accelerators()) check(a.prov);
  for (const auto& r : cat().regions()) {
    check(r.prov);
    if (r.intensity) check(r.intensity->prov);
    if (r.mix) check(r.mix->prov);
  }
  for (const auto& p : cat().providers()) check(p.prov);
  for (const auto& p : cat().presets()) check(p.prov);
  for (const auto& e : cat().energy_sources()) check(e.water_prov);
  for (const auto& q : cat().equivalents()) check(q.prov);
}

TEST_CASE("catalog data: the catalog has a version and a date") {
  CHECK(cat().version() != "unknown");
  CHECK(cat().version().size() >= 5);
  CHECK(cat().date().size() == 10);  // YYYY-MM-DD
}

// ---------------------------------------------------------------------------
// Plausible ranges

TEST_CASE("catalog data: accelerator values are in plausible ranges") {
  for (const auto& a : cat().accelerators()) {
    INFO(a.id);
    // CPUs (power per core) and Apple machines (wall power) are estimated from power and hours
    // only: no peak FLOP/s is sourced for them (src/cpu_path.hpp).
    const bool hours_only = a.kind == "cpu" || a.kind == "soc";
    CHECK((a.kind == "gpu" || a.kind == "tpu" || a.kind == "asic" || hours_only));
    CHECK_FALSE(a.family.empty());
    CHECK_FALSE(a.name.empty());
    CHECK_FALSE(a.vendor.empty());
    CHECK((a.tdp_kind == "datasheet_max" || a.tdp_kind == "measured_avg" || a.tdp_kind == "derived_estimate"));
    if (a.tdp_w) {
      CHECK(*a.tdp_w >= (a.kind == "cpu" ? 1 : 10));  // a CPU's is per core (EPYC 7552: 200 W / 48 = 4.2 W)
      CHECK(*a.tdp_w <= 2000);
    }
    if (a.release_year) {
      CHECK(*a.release_year >= 2014);
      CHECK(*a.release_year <= 2027);
    }
    bool any_peak = false;
    for (auto p : all_precisions)
      if (auto t = a.peak_tflops(p)) {
        any_peak = true;
        CHECK(*t > 0);
        CHECK(*t < 20000);  // dense; no single chip is near 20 PFLOP/s dense
      }
    CHECK(any_peak != hours_only);
    const auto bf16 = a.peak_tflops(precision::bf16), fp8 = a.peak_tflops(precision::fp8),
               fp32 = a.peak_tflops(precision::fp32), fp16 = a.peak_tflops(precision::fp16);
    if (bf16 && fp8) CHECK(*bf16 <= *fp8);
    if (fp32 && bf16) CHECK(*fp32 <= *bf16);
    if (fp32 && fp16) CHECK(*fp32 <= *fp16);
    if (a.memory_gb) CHECK((*a.memory_gb >= 8 && *a.memory_gb <= 512));
    if (a.memory_bw_gb_s) CHECK((*a.memory_bw_gb_s >= 100 && *a.memory_bw_gb_s <= 20000));
    if (a.die_area_mm2) CHECK((*a.die_area_mm2 >= 50 && *a.die_area_mm2 <= 2000));
    if (a.process_nm) CHECK((*a.process_nm >= 2 && *a.process_nm <= 28));
  }
}

TEST_CASE("catalog data: TPUs never claim a datasheet TDP") {
  // Google publishes no TPU TDP as such; values are measured averages or derivations.
  for (const auto& a : cat().accelerators())
    if (a.kind == "tpu") {
      INFO(a.id);
      CHECK(a.tdp_kind != "datasheet_max");
    }
}

TEST_CASE("catalog data: systems are consistent with their accelerators") {
  for (const auto& s : cat().systems()) {
    INFO(s.id);
    CHECK((s.kind == "server" || s.kind == "pod" || s.kind == "cloud_instance"));
    const accelerator* a = cat().get_accelerator(s.accelerator);
    REQUIRE(a != nullptr);
    CHECK(s.accelerators >= 1);
    CHECK(s.accelerators <= 10000);
    if (s.kind == "cloud_instance") CHECK(cat().get_provider(s.provider) != nullptr);
    if (s.max_power_w && a->tdp_w) {
      // A server draws more than its accelerators at TDP, and not absurdly more.
      CHECK(*s.max_power_w > s.accelerators * *a->tdp_w);
      CHECK(*s.max_power_w < 3 * s.accelerators * *a->tdp_w);
    }
  }
  for (const auto& a : cat().accelerators()) {
    if (a.system.empty()) continue;
    INFO(a.id << " -> " << a.system);
    const system_profile* s = cat().get_system(a.system);
    REQUIRE(s != nullptr);
    // The default profile holds this accelerator or a memory variant of the same model.
    const accelerator* held = cat().get_accelerator(s->accelerator);
    REQUIRE(held != nullptr);
    CHECK(held->model == a.model);
  }
}

TEST_CASE("catalog data: region values are in plausible ranges and bases are recorded") {
  std::set<std::string> energy_ids;
  for (const auto& e : cat().energy_sources()) energy_ids.insert(e.id);
  for (const auto& r : cat().regions()) {
    INFO(r.id);
    CHECK_FALSE(r.name.empty());
    if (r.kind != "grid" || (r.id != "WORLD" && r.id != "EU-27")) CHECK_FALSE(r.country.empty());  // aggregates have none
    if (r.intensity) {
      const auto& iv = *r.intensity;
      CHECK(iv.gco2e_per_kwh >= 0);
      CHECK(iv.gco2e_per_kwh <= 1500);
      CHECK((iv.basis == "lifecycle" || iv.basis == "direct"));
      CHECK((iv.mix_basis == "production" || iv.mix_basis == "consumption"));
      CHECK((iv.accounting == "location" || iv.accounting == "market" || iv.accounting == "marginal"));
      REQUIRE(iv.year.has_value());
      CHECK(*iv.year >= 2000);
      CHECK(*iv.year <= 2026);
    }
    if (r.cfe) CHECK((r.cfe->value >= 0 && r.cfe->value <= 1));
    if (r.pue) CHECK((r.pue->value >= 1.0 && r.pue->value <= 3.0));
    if (r.wue_l_per_kwh) CHECK((r.wue_l_per_kwh->value >= 0 && r.wue_l_per_kwh->value <= 10));
    if (r.mix) {
      double sum = 0;
      for (const auto& [id, share] : r.mix->mix.shares) {
        INFO("mix key " << id);
        CHECK(energy_ids.contains(id));
        CHECK((share >= 0 && share <= 1));
        sum += share;
      }
      CHECK(sum == doctest::Approx(1.0).epsilon(0.001));
    }
    if (r.kind == "cloud") {
      CHECK(cat().get_provider(r.provider) != nullptr);
      CHECK_FALSE(r.location.empty());
    }
  }
}

TEST_CASE("catalog data: provider and energy-source values are in plausible ranges") {
  for (const auto& p : cat().providers()) {
    INFO(p.id);
    CHECK((p.kind == "cloud" || p.kind == "hpc" || p.kind == "self" || p.kind == "average"));
    for (const auto& c : p.pue) CHECK((c.value >= 1.0 && c.value <= 3.0));
    for (const auto& c : p.wue_l_per_kwh) CHECK((c.value >= 0 && c.value <= 10));
    for (const auto& c : p.cfe) CHECK((c.value >= 0 && c.value <= 1));
  }
  for (const auto& e : cat().energy_sources()) {
    INFO(e.id);
    CHECK(e.lifecycle_min >= 0);
    CHECK(e.lifecycle_min <= e.lifecycle_median);
    CHECK(e.lifecycle_median <= e.lifecycle_max);
    CHECK(e.lifecycle_max <= 2500);
    if (e.water_l_per_kwh) {
      CHECK((*e.water_l_per_kwh >= 0 && *e.water_l_per_kwh <= 20));
      if (e.water_min) CHECK(*e.water_min <= *e.water_l_per_kwh);
      if (e.water_max) CHECK(*e.water_l_per_kwh <= *e.water_max);
    }
  }
  // The mix keys the schema promises.
  for (const char* id : {"coal", "gas", "oil", "nuclear", "hydro", "wind", "solar", "biomass", "geothermal", "other"})
    CHECK_MESSAGE(cat().get_energy_source(id) != nullptr, id);
  for (const auto& q : cat().equivalents()) {
    INFO(q.id);
    CHECK((q.applies_to == "emissions" || q.applies_to == "energy" || q.applies_to == "water"));
    CHECK(q.per_unit > 0);
    CHECK_FALSE(q.unit.empty());
  }
}

TEST_CASE("catalog data: every cloud region resolves to a grid intensity") {
  for (const auto& r : cat().regions()) {
    INFO(r.id);
    const region* g = cat().grid_of(r);
    REQUIRE(g != nullptr);
    REQUIRE(g->intensity.has_value());
    CHECK(g->intensity->prov.source != nullptr);
    if (r.kind == "cloud" && !r.intensity) CHECK(g != &r);
  }
}

TEST_CASE("catalog data: references between tables resolve") {
  for (const auto& r : cat().regions()) {
    INFO(r.id);
    if (!r.grid.empty()) CHECK(cat().get_region(r.grid) != nullptr);
    if (!r.parent.empty()) CHECK(cat().get_region(r.parent) != nullptr);
    if (!r.country.empty() && r.country != "XK") CHECK(cat().get_region(r.country) != nullptr);
  }
}

// ---------------------------------------------------------------------------
// Presets

using presets_json::reported_accelerator_hours;

TEST_CASE("catalog data: every preset estimates without error and names real hardware") {
  const auto hours = reported_accelerator_hours();
  CHECK(cat().presets().size() == 76);
  for (const auto& p : cat().presets()) {
    INFO(p.id);
    REQUIRE(p.scenario.hardware.has_value());
    CHECK(cat().get_accelerator(*p.scenario.hardware) != nullptr);
    if (p.scenario.region) CHECK(cat().get_region(*p.scenario.region) != nullptr);
    if (p.scenario.provider) CHECK(cat().get_provider(*p.scenario.provider) != nullptr);
    // Something published to compare with: energy, emissions or accelerator-hours.
    const auto h = hours.find(p.id);
    CHECK((p.reported_energy_mwh || p.reported_emissions_t_co2e || h != hours.end()));
    if (h != hours.end()) CHECK(h->second > 0);
    CHECK_FALSE(p.reported_boundary.empty());
    CHECK_FALSE(p.published_json.empty());
    estimate e;
    REQUIRE_NOTHROW(e = make_estimate(p.scenario));
    CHECK(e.energy_facility.in_kwh() > 0);
    CHECK(e.catalog_version == cat().version());
  }
}

TEST_CASE("catalog data: presets with published hours and energy reproduce it within 10%") {
  // Where a source published accelerator-hours (or duration and count), power and PUE,
  // the sums must land on its published energy; a large gap means a mistyped input.
  // Presets given as params and tokens (OLMo) depend on the MFU default instead.
  int checked = 0;
  for (const auto& p : cat().presets()) {
    if (!p.reported_energy_mwh || !(p.scenario.gpu_hours || p.scenario.duration_h)) continue;
    INFO(p.id);
    const auto e = make_estimate(p.scenario);
    CHECK(e.energy_facility.in_mwh() == doctest::Approx(*p.reported_energy_mwh).epsilon(0.10));
    ++checked;
  }
  CHECK(checked >= 10);
}

// ---------------------------------------------------------------------------
// Short aliases

TEST_CASE("catalog data: short aliases pick the common training variant") {
  const std::vector<std::pair<const char*, const char*>> expected{
      {"h100", "nvidia-h100-sxm5-80gb"},   {"H100", "nvidia-h100-sxm5-80gb"},
      {"h100-pcie", "nvidia-h100-pcie-80gb"}, {"h100-nvl", "nvidia-h100-nvl-94gb"},
      {"a100", "nvidia-a100-sxm4-80gb"},   {"a100-80gb", "nvidia-a100-sxm4-80gb"},
      {"a100-40gb", "nvidia-a100-sxm4-40gb"}, {"a100-pcie", "nvidia-a100-pcie-80gb"},
      {"v100", "nvidia-v100-sxm2-32gb"},   {"p100", "nvidia-p100-sxm2-16gb"},
      {"h200", "nvidia-h200-sxm-141gb"},   {"b200", "nvidia-b200-hgx-180gb"},
      {"gb200", "nvidia-gb200-per-gpu"},   {"l4", "nvidia-l4"},
      {"l40s", "nvidia-l40s"},             {"t4", "nvidia-t4"},
      {"a10g", "nvidia-a10g"},             {"rtx-4090", "nvidia-rtx-4090"},
      {"mi250x", "amd-mi250x"},            {"mi300x", "amd-mi300x"},
      {"mi325x", "amd-mi325x"},            {"mi355x", "amd-mi355x"},
      {"tpu-v2", "google-tpu-v2"},         {"tpu-v3", "google-tpu-v3"},
      {"tpu-v4", "google-tpu-v4"},         {"tpu-v5e", "google-tpu-v5e"},
      {"tpu-v5p", "google-tpu-v5p"},       {"tpu-v6e", "google-tpu-v6e"},
      {"gaudi2", "intel-gaudi2"},          {"gaudi3", "intel-gaudi3"},
      {"trainium", "aws-trainium1"},       {"trainium2", "aws-trainium2"},
      // The names nvidia-smi prints.
      {"NVIDIA H100 80GB HBM3", "nvidia-h100-sxm5-80gb"}, {"NVIDIA A100-SXM4-80GB", "nvidia-a100-sxm4-80gb"},
      {"NVIDIA A100-SXM4-40GB", "nvidia-a100-sxm4-40gb"}, {"Tesla V100-SXM2-32GB", "nvidia-v100-sxm2-32gb"},
  };
  for (const auto& [alias, id] : expected) {
    INFO(alias);
    const accelerator* a = cat().get_accelerator(alias);
    REQUIRE(a != nullptr);
    CHECK(a->id == id);
  }
}

TEST_CASE("catalog data: region ids people guess resolve") {
  const std::vector<std::pair<const char*, const char*>> expected{
      {"FR", "FR"},           {"fr", "FR"},           {"FRA", "FR"},
      {"France", "FR"},       {"US-CA", "US-CA"},     {"California", "US-CA"},
      {"CA-QC", "CA-QC"},     {"egrid:SRVC", "egrid:SRVC"}, {"SRVC", "egrid:SRVC"},
      {"aws:us-east-1", "aws:us-east-1"}, {"us-east-1", "aws:us-east-1"},
      {"gcp:europe-west4", "gcp:europe-west4"}, {"europe-west4", "gcp:europe-west4"},
      {"azure:swedencentral", "azure:swedencentral"}, {"swedencentral", "azure:swedencentral"},
      {"WORLD", "WORLD"},
  };
  for (const auto& [alias, id] : expected) {
    INFO(alias);
    const region* r = cat().get_region(alias);
    REQUIRE(r != nullptr);
    CHECK(r->id == id);
  }
}

// ---------------------------------------------------------------------------
// Tried as a new user would

TEST_CASE("catalog data: a new user's first estimates resolve with a sourced intensity") {
  struct tried {
    const char* hardware;
    const char* region;
    const char* grid;  // the region whose intensity applies
  };
  const std::vector<tried> cases{
      {"h100", "aws:us-east-1", "egrid:SRVC"},     {"h100", "gcp:europe-west4", "gcp:europe-west4"},
      {"h100", "FR", "FR"},                        {"h100", "US-CA", "US-CA"},
      {"h100", "azure:swedencentral", "SE"},       {"tpu-v5p", "gcp:us-central1", "gcp:us-central1"},
  };
  for (const auto& t : cases) {
    INFO(t.hardware << " in " << t.region);
    estimate e;
    REQUIRE_NOTHROW(e = make_estimate(new_user(t.hardware, t.region)));
    CHECK(e.context.grid_region_id == t.grid);
    const trace_entry* iv = e.find_trace("intensity_g_per_kwh");
    REQUIRE(iv != nullptr);
    CHECK(iv->origin == origin::catalog);
    CHECK_FALSE(iv->source.empty());
    CHECK(iv->value > 0);
    CHECK(e.location_based.has_value());
    CHECK(e.energy_facility.in_mwh() > 0);
    const trace_entry* pue = e.find_trace("pue");
    REQUIRE(pue != nullptr);
    CHECK_FALSE(pue->source.empty());
  }
}

TEST_CASE("catalog data: defaults.hpp agrees with the catalog's industry average") {
  const provider& avg = cat().find_provider("industry-average");
  const cited_value* pue = provider::latest(avg.pue);
  const cited_value* wue = provider::latest(avg.wue_l_per_kwh);
  REQUIRE(pue != nullptr);
  REQUIRE(wue != nullptr);
  CHECK(defaults::pue.value == doctest::Approx(pue->value));
  CHECK(defaults::wue_l_per_kwh.value == doctest::Approx(wue->value));
  // defaults.hpp cites the same survey year as the catalog's latest entry.
  CHECK(pue->year == 2024);
  // The host fraction default is DGX H100's: (max power - 8 x TDP) / (8 x TDP).
  const system_profile& dgx = cat().find_system("nvidia-dgx-h100");
  const accelerator& h100 = cat().find_accelerator("h100");
  REQUIRE(dgx.max_power_w);
  REQUIRE(h100.tdp_w);
  CHECK(defaults::host_max_fraction_of_tdp.value ==
        doctest::Approx((*dgx.max_power_w - 8 * *h100.tdp_w) / (8 * *h100.tdp_w)));
}
