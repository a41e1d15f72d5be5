// Checks over the shipped catalog (data/*.json, embedded in the library): unique
// names, provenance on every entry, plausible ranges, references that resolve,
// presets that estimate, short aliases, and spot checks of single values against
// the datasheet or report they come from (source title and URL beside each).

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

// ---------------------------------------------------------------------------
// Spot checks: one value each against the document it comes from.

TEST_CASE("catalog data: accelerator spot checks against datasheets") {
  const auto& h100 = cat().find_accelerator("nvidia-h100-sxm5-80gb");
  // NVIDIA H100 Tensor Core GPU datasheet, https://resources.nvidia.com/en-us-tensor-core/nvidia-tensor-core-gpu-datasheet:
  // SXM max TDP 700 W; BF16 Tensor 1,979 TFLOPS with sparsity = 989.4 dense.
  CHECK(*h100.tdp_w == 700);
  CHECK(*h100.peak_tflops(precision::bf16) == doctest::Approx(989.4));
  // Same datasheet: FP8 3,958 TFLOPS with sparsity = 1,978.9 dense; 80 GB, 3.35 TB/s.
  CHECK(*h100.peak_tflops(precision::fp8) == doctest::Approx(1978.9));
  CHECK(*h100.memory_bw_gb_s == doctest::Approx(3350));

  // NVIDIA H100 PCIe product brief PB-11133-001 (2022): "maximum thermal design power (TDP) level of 350 W",
  // https://resources.nvidia.com/en-us-tensor-core/nvidia-tensor-core-gpu-datasheet
  CHECK(*cat().find_accelerator("h100-pcie").tdp_w == 350);

  const auto& a100 = cat().find_accelerator("nvidia-a100-sxm4-80gb");
  // NVIDIA A100 Tensor Core GPU datasheet,
  // https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/a100/pdf/nvidia-a100-datasheet-us-nvidia-1758950-r4-web.pdf:
  // BF16 Tensor 312 TFLOPS (624 with sparsity), max TDP 400 W (SXM).
  CHECK(*a100.peak_tflops(precision::bf16) == doctest::Approx(312));
  CHECK(*a100.tdp_w == 400);

  const auto& v100 = cat().find_accelerator("nvidia-v100-sxm2-32gb");
  // NVIDIA Tesla V100 datasheet (r5),
  // https://images.nvidia.com/content/technologies/volta/pdf/volta-v100-datasheet-update-us-1165301-r5.pdf:
  // SXM2 Tensor performance 125 TFLOPS, 300 W; PCIe 112 TFLOPS, 250 W.
  CHECK(*v100.peak_tflops(precision::fp16) == doctest::Approx(125));
  CHECK(*v100.tdp_w == 300);
  CHECK(*cat().find_accelerator("v100-pcie").tdp_w == 250);

  const auto& h200 = cat().find_accelerator("h200");
  // NVIDIA H200 Tensor Core GPU datasheet, https://nvdam.widen.net/s/nb5zzzsjdf/hpc-datasheet-sc23-h200-datasheet-3002446:
  // 141 GB HBM3e at 4.8 TB/s.
  CHECK(*h200.memory_gb == 141);
  CHECK(*h200.memory_bw_gb_s == doctest::Approx(4800));

  // NVIDIA L4 Tensor Core GPU datasheet, https://nvdam.widen.net/s/rvq98gbwsw/l4-datasheet-2595652: max power 72 W.
  CHECK(*cat().find_accelerator("l4").tdp_w == 72);

  const auto& mi300x = cat().find_accelerator("mi300x");
  // AMD Instinct MI300X data sheet,
  // https://www.amd.com/content/dam/amd/en/documents/instinct-tech-docs/data-sheets/amd-instinct-mi300x-data-sheet.pdf:
  // peak BF16 1307.4 TFLOPS (dense), 750 W.
  CHECK(*mi300x.peak_tflops(precision::bf16) == doctest::Approx(1307.4));
  CHECK(*mi300x.tdp_w == 750);

  const auto& tpu4 = cat().find_accelerator("tpu-v4");
  // Google Cloud TPU documentation: TPU v4, https://cloud.google.com/tpu/docs/v4:
  // 275 TFLOPS bf16 per chip, 32 GiB HBM, 1200 GBps; measured mean power 170 W.
  CHECK(*tpu4.peak_tflops(precision::bf16) == doctest::Approx(275));
  CHECK(*tpu4.memory_bw_gb_s == doctest::Approx(1200));
  CHECK(*tpu4.tdp_w == 170);
  CHECK(tpu4.tdp_kind == "measured_avg");

  // Google Cloud TPU documentation: TPU v5e, https://cloud.google.com/tpu/docs/v5e: 197 TFLOPS bf16, 16 GB.
  CHECK(*cat().find_accelerator("tpu-v5e").peak_tflops(precision::bf16) == doctest::Approx(197));
  // Google Cloud TPU documentation: TPU v5p, https://cloud.google.com/tpu/docs/v5p: 459 TFLOPS bf16, 95 GB, 8960 chips per pod.
  CHECK(*cat().find_accelerator("tpu-v5p").peak_tflops(precision::bf16) == doctest::Approx(459));
  CHECK(cat().find_system("tpu-v5p-pod").accelerators == 8960);

  const auto& trn2 = cat().find_accelerator("trainium2");
  // AWS Neuron documentation: Trainium2 architecture,
  // https://awsdocs-neuron.readthedocs-hosted.com/en/latest/about-neuron/arch/neuron-hardware/trainium2.html:
  // 667 TFLOPS BF16, 1299 TFLOPS FP8 (dense) per chip.
  CHECK(*trn2.peak_tflops(precision::bf16) == doctest::Approx(667));
  CHECK(*trn2.peak_tflops(precision::fp8) == doctest::Approx(1299));

  // Patterson et al. 2021, Carbon Emissions and Large Neural Network Training, Table 3/4,
  // https://arxiv.org/abs/2104.10350: TPU v3 measured average system power 283 W per chip.
  CHECK(*cat().find_accelerator("tpu-v3").tdp_w == 283);
  CHECK(cat().find_accelerator("tpu-v3").tdp_kind == "measured_avg");
}

TEST_CASE("catalog data: the parts users asked for (issue 18) resolve with sourced values") {
  struct part {
    const char* alias;
    const char* id;
    double tdp_w, fp32, reference;  // reference = the dense bf16/fp16 rate the MFU is defined on; 0 = fp32 only
    const char* segment;
  };
  // Epoch AI, Data on Machine Learning Hardware (CC BY 4.0), TDP and FP32 per row; tensor rates from
  // the vendor: RTX A5000/A4000 datasheets 222.2/153.4 sparse → /2; GA102 whitepaper RTX 3080 59.5
  // (FP32 accumulate); Turing whitepaper RTX 2080 Ti 56.9 (FP32 accumulate); NVIDIA TITAN RTX 130 and
  // TITAN V 110 Tensor TFLOPS; RTX 5090 838.4 sparse FP16-accumulate → 209.6 FP32-accumulate dense;
  // GH200 as Epoch (989.5), module power 1,000 W from NVIDIA's GH200 datasheet.
  const part parts[] = {
      {"rtx-a5000", "nvidia-rtx-a5000", 230, 27.8, 111.1, "workstation"},
      {"a4000", "nvidia-rtx-a4000", 140, 19.2, 76.7, "workstation"},
      {"3080", "nvidia-rtx-3080", 320, 29.8, 59.5, "consumer"},
      {"3080-ti", "nvidia-rtx-3080-ti", 350, 34.1, 68.0, "consumer"},
      {"2080-ti", "nvidia-rtx-2080-ti", 250, 13.4, 56.9, "consumer"},
      {"titan-rtx", "nvidia-titan-rtx", 280, 16.3, 130, "consumer"},
      {"titan-v", "nvidia-titan-v", 250, 14.9, 110, "consumer"},
      {"1080-ti", "nvidia-gtx-1080-ti", 250, 11.3, 0, "consumer"},
      {"k80", "nvidia-k80", 300, 8.1, 0, "data-centre"},
      {"p40", "nvidia-p40", 250, 11.8, 0, "data-centre"},
      {"m40", "nvidia-m40", 250, 6.8, 0, "data-centre"},
      {"rtx-5090", "nvidia-rtx-5090", 575, 104.8, 209.6, "consumer"},
      {"gh200", "nvidia-gh200", 1000, 66.9, 989.5, "data-centre"},
  };
  for (const auto& p : parts) {
    CAPTURE(p.alias);
    const accelerator& a = cat().find_accelerator(p.alias);
    CHECK(a.id == p.id);
    CHECK(a.tdp_w == p.tdp_w);
    CHECK(a.peak_tflops(precision::fp32) == p.fp32);
    CHECK(a.segment == p.segment);
    if (p.reference > 0) {
      CHECK(a.peak_tflops(precision::fp16) == p.reference);
    } else {
      CHECK_FALSE(a.peak_tflops(precision::fp16));  // fp16 at 1/64 rate or none: trained in fp32
      CHECK_FALSE(a.peak_tflops(precision::bf16));
    }
    CHECK(a.prov.source != nullptr);
  }
  // Turing has no bf16 (Turing whitepaper): the RTX 2080 Ti trains in fp16.
  CHECK_FALSE(cat().find_accelerator("2080-ti").peak_tflops(precision::bf16));
}

TEST_CASE("catalog data: every accelerator names its market segment") {
  for (const accelerator& a : cat().accelerators()) {
    CAPTURE(a.id);
    CHECK((a.segment == "data-centre" || a.segment == "workstation" || a.segment == "consumer" || a.segment == "laptop"));
  }
  CHECK(cat().find_accelerator("rtx-4090").segment == "consumer");
  CHECK(cat().find_accelerator("rtx-a6000").segment == "workstation");
  CHECK(cat().find_accelerator("h100").segment == "data-centre");
}

TEST_CASE("catalog data: EU-27 is Ember's generation-weighted aggregate") {
  // OWID carbon-intensity-electricity.csv, "EU (Ember)" 2024: 213.3101 g/kWh (lifecycle); 2023 equals
  // OWID's "European Union (27)" (237.49).
  const region& eu = cat().find_region("EU");
  CHECK(eu.id == "EU-27");
  REQUIRE(eu.intensity);
  CHECK(eu.intensity->gco2e_per_kwh == doctest::Approx(213.3));
  CHECK(eu.intensity->year == 2024);
  CHECK(eu.intensity->basis == "lifecycle");
}

TEST_CASE("catalog data: system spot checks against user guides") {
  // NVIDIA DGX H100/H200 user guide, https://docs.nvidia.com/dgx/dgxh100-user-guide/introduction-to-dgxh100.html:
  // 8 H100 GPUs, 10.2 kW max system power.
  const auto& dgx = cat().find_system("dgx-h100");
  CHECK(dgx.accelerators == 8);
  CHECK(*dgx.max_power_w == 10200);
  // NVIDIA DGX A100 user guide, https://docs.nvidia.com/dgx/dgxa100-user-guide/introduction-to-dgxa100.html: 6.5 kW max.
  CHECK(*cat().find_system("dgx-a100").max_power_w == 6500);
  // NVIDIA DGX B200 user guide, https://docs.nvidia.com/dgx/dgxb200-user-guide/introduction-to-dgxb200.html: ~14.3 kW max.
  CHECK(*cat().find_system("dgx-b200").max_power_w == 14300);
}

TEST_CASE("catalog data: region spot checks against OWID/Ember, eGRID and Google") {
  auto intensity = [](const char* id) {
    const region& r = cat().find_region(id);
    REQUIRE(r.intensity.has_value());
    return *r.intensity;
  };
  // Our World in Data, Carbon intensity of electricity generation (Ember 2025; Energy Institute 2024),
  // https://ourworldindata.org/grapher/carbon-intensity-electricity: France 2024 44.2 g/kWh (lifecycle).
  const auto fr = intensity("FR");
  CHECK(fr.gco2e_per_kwh == doctest::Approx(44.2));
  CHECK(fr.year == 2024);
  CHECK(fr.basis == "lifecycle");
  CHECK(fr.mix_basis == "production");
  // Same source: Germany 2024 344.1, Sweden 2024 35.8, United States 2024 383.5, World 2024 473.0.
  CHECK(intensity("DE").gco2e_per_kwh == doctest::Approx(344.1));
  CHECK(intensity("SE").gco2e_per_kwh == doctest::Approx(35.8));
  CHECK(intensity("US").gco2e_per_kwh == doctest::Approx(383.5));
  CHECK(intensity("WORLD").gco2e_per_kwh == doctest::Approx(473.0));

  // US EPA eGRID2022 subregion total output emission rates, https://www.epa.gov/egrid/download-data:
  // SRVC 284.0, NYUP 125.0, ERCT 351.2 g CO2e/kWh (direct, combustion).
  const auto srvc = intensity("egrid:SRVC");
  CHECK(srvc.gco2e_per_kwh == doctest::Approx(284.0));
  CHECK(srvc.year == 2022);
  CHECK(srvc.basis == "direct");
  CHECK(intensity("egrid:NYUP").gco2e_per_kwh == doctest::Approx(125.0));
  CHECK(intensity("egrid:ERCT").gco2e_per_kwh == doctest::Approx(351.2));

  // Google Cloud region carbon info 2024,
  // https://github.com/GoogleCloudPlatform/region-carbon-info/blob/49f3f26bfd68/data/yearly/2024.csv:
  // us-east4 323.05 g/kWh, CFE 62%; europe-west4 208.81, 83%; europe-north1 39.32, 98%.
  const region& east4 = cat().find_region("gcp:us-east4");
  REQUIRE(east4.intensity);
  REQUIRE(east4.cfe);
  CHECK(east4.intensity->gco2e_per_kwh == doctest::Approx(323.05));
  CHECK(east4.intensity->mix_basis == "consumption");
  CHECK(east4.cfe->value == doctest::Approx(0.62));
  const region& west4 = cat().find_region("gcp:europe-west4");
  REQUIRE(west4.cfe);
  CHECK(intensity("gcp:europe-west4").gco2e_per_kwh == doctest::Approx(208.81));
  CHECK(west4.cfe->value == doctest::Approx(0.83));
  CHECK(intensity("gcp:europe-north1").gco2e_per_kwh == doctest::Approx(39.32));
}

TEST_CASE("catalog data: no lifecycle intensity is below what its own mix implies at IPCC AR5's lowest factors") {
  // The rule of scripts/data/build_regions.py (apply_lifecycle_floor), held over every region:
  // sum of share x IPCC AR5 lifecycle minimum <= the intensity. A source without an IPCC row
  // (oil, other: Electricity Maps defaults, whose "min" the loader sets to the median) adds 0.
  int checked = 0;
  for (const region& r : cat().regions()) {
    if (!r.intensity || !r.mix || r.intensity->basis != "lifecycle") continue;
    double floor = 0;
    for (const auto& [source, share] : r.mix->mix.shares) {
      const energy_source& es = cat().find_energy_source(source);
      if (es.lifecycle_prov.source && es.lifecycle_prov.source->id == "ipcc-ar5") floor += share * es.lifecycle_min;
    }
    CAPTURE(r.id);
    CHECK(r.intensity->gco2e_per_kwh >= floor - 0.05);
    ++checked;
  }
  CHECK(checked > 150);  // every country with a mix
  // The Central African Republic's mix is all hydro (CodeCarbon/OWID 2022); Ember's 0 g was a
  // direct figure. Lifecycle: 1.0 x IPCC AR5 hydro median 24 g CO2e/kWh.
  const region& cf = cat().find_region("CF");
  REQUIRE(cf.intensity);
  CHECK(cf.intensity->gco2e_per_kwh == doctest::Approx(24.0));
  CHECK(cf.intensity->basis == "lifecycle");
  // Portugal's 2024 value (112.3 g) is below the floor of its 2023 mix (114.3 g): OWID's 2023 value,
  // 158.3 g (carbon-intensity-electricity.csv, Portugal 2023 = 158.25937), goes with that mix.
  const region& pt = cat().find_region("PT");
  REQUIRE(pt.intensity);
  CHECK(pt.intensity->gco2e_per_kwh == doctest::Approx(158.3));
  CHECK(pt.intensity->year == 2023);
}

TEST_CASE("catalog data: energy-source spot checks against IPCC AR5") {
  // IPCC AR5 WGIII Annex III, Table A.III.2 (Schloemer et al. 2014),
  // https://www.ipcc.ch/site/assets/uploads/2018/02/ipcc_wg3_ar5_annex-iii.pdf#page=7:
  // lifecycle g CO2e/kWh min / median / max.
  const auto& coal = cat().find_energy_source("coal");
  CHECK(coal.lifecycle_min == 740);
  CHECK(coal.lifecycle_median == 820);
  CHECK(coal.lifecycle_max == 910);
  CHECK(cat().find_energy_source("gas").lifecycle_median == 490);      // combined cycle
  CHECK(cat().find_energy_source("nuclear").lifecycle_median == 12);
  CHECK(cat().find_energy_source("wind").lifecycle_median == 11);      // onshore
  CHECK(cat().find_energy_source("solar").lifecycle_median == 48);     // PV utility
  CHECK(cat().find_energy_source("hydro").lifecycle_median == 24);
}

TEST_CASE("catalog data: provider spot checks") {
  // AWS Sustainable Infrastructure: data centers, https://aws.amazon.com/sustainability/data-centers/:
  // global PUE 1.15 in 2024.
  const auto& aws = cat().find_provider("aws");
  const auto it = std::find_if(aws.pue.begin(), aws.pue.end(), [](const cited_value& c) { return c.year == 2024; });
  REQUIRE(it != aws.pue.end());
  CHECK(it->value == doctest::Approx(1.15));
  // Uptime Institute Global Data Center Survey 2024,
  // https://datacenter.uptimeinstitute.com/rs/711-RIA-145/images/2024.GlobalDataCenterSurvey.Report.pdf:
  // industry average PUE 1.56.
  const auto* avg = provider::latest(cat().find_provider("industry-average").pue);
  REQUIRE(avg);
  CHECK(avg->value == doctest::Approx(1.56));
  CHECK(avg->year == 2024);
}

TEST_CASE("catalog data: preset spot checks against the papers") {
  // Patterson et al. 2021, Carbon Emissions and Large Neural Network Training, Table 4,
  // https://arxiv.org/abs/2104.10350: GPT-3: 10,000 V100, 14.8 days, 330 W, PUE 1.1,
  // 0.429 kg CO2e/kWh, 1,287 MWh, 552.1 t CO2e.
  const auto& gpt3 = cat().find_preset("gpt-3");
  CHECK(*gpt3.reported_energy_mwh == doctest::Approx(1287));
  CHECK(*gpt3.reported_emissions_t_co2e == doctest::Approx(552.1));
  CHECK(*gpt3.scenario.count == 10000);
  CHECK(gpt3.scenario.duration_h->count() == doctest::Approx(14.8 * 24));
  CHECK(gpt3.scenario.power_w->in_watts() == doctest::Approx(330));
  const auto e = make_estimate(gpt3.scenario);
  CHECK(e.energy_facility.in_mwh() == doctest::Approx(1287).epsilon(0.01));
  REQUIRE(e.location_based);
  CHECK(e.location_based->in_t_co2e() == doctest::Approx(552.1).epsilon(0.01));

  // Thoppilan et al. 2022, LaMDA, section 10, https://arxiv.org/abs/2201.08239:
  // 1024 TPU v3 for 57.7 days at 289 W, PUE 1.10, 451 MWh, 25.2 t CO2e.
  const auto& lamda = cat().find_preset("lamda");
  CHECK(*lamda.reported_energy_mwh == doctest::Approx(451));
  CHECK(*lamda.reported_emissions_t_co2e == doctest::Approx(25.2));
  CHECK(*lamda.scenario.count == 1024);

  // Touvron et al. 2023, LLaMA, Table 15, https://arxiv.org/abs/2302.13971:
  // LLaMA-65B 1,022,362 GPU-hours, 449 MWh, 173 t CO2e.
  const auto& llama65 = cat().find_preset("llama-65b");
  CHECK(*llama65.scenario.gpu_hours == doctest::Approx(1022362));
  CHECK(*llama65.reported_energy_mwh == doctest::Approx(449));
  CHECK(*llama65.reported_emissions_t_co2e == doctest::Approx(173));

  // Meta Llama 2 model card, Carbon Footprint table, https://github.com/meta-llama/llama/blob/main/MODEL_CARD.md:
  // Llama 2 70B 1,720,320 GPU-hours at 400 W, 291.42 t CO2e.
  const auto& llama2 = cat().find_preset("llama-2-70b");
  CHECK(*llama2.scenario.gpu_hours == doctest::Approx(1720320));
  CHECK(*llama2.reported_emissions_t_co2e == doctest::Approx(291.42));
}

TEST_CASE("catalog data: equivalent spot checks") {
  // US EIA FAQ, How much electricity does an American home use?, https://www.eia.gov/tools/faqs/faq.php?id=97&t=3:
  // 10,715 kWh per residential customer in 2020.
  const auto& eq = cat().equivalents();
  const auto it = std::find_if(eq.begin(), eq.end(), [](const equivalent& q) { return q.id == "household-year-us"; });
  REQUIRE(it != eq.end());
  CHECK(it->per_unit == doctest::Approx(10715));
  CHECK(it->applies_to == "energy");
}
