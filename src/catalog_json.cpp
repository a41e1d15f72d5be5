// Catalog entries as JSON (see include/trainprint/catalog_json.hpp).

#include "trainprint/catalog_json.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <type_traits>

#include "trainprint/error.hpp"
#include "trainprint/json.hpp"

#include "catalog/entry_fields.hpp"
#include "catalog/prices.hpp"
#include "text.hpp"

namespace trainprint::inline v0 {
namespace {

using json = nlohmann::json;

using text::lower;

json str_or_null(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }
template <class T>
json opt(const std::optional<T>& v) {
  return v ? json(*v) : json(nullptr);
}

json to_json(const provenance& p) {
  json src = nullptr;
  if (p.source) {
    src = json{{"id", p.source->id},
               {"title", p.source->title},
               {"url", str_or_null(p.source->url)},
               {"year", p.source->year > 0 ? json(p.source->year) : json(nullptr)},
               {"license", str_or_null(p.source->license)},
               {"retrieved", str_or_null(p.source->retrieved)}};
  }
  return json{{"source", src}, {"confidence", str_or_null(p.confidence)}, {"notes", str_or_null(p.notes)}};
}

json to_json(const cited_value& c) {
  json j{{"value", c.value}, {"year", opt(c.year)}, {"provenance", to_json(c.prov)}};
  if (!c.kind.empty()) j["kind"] = c.kind;
  return j;
}

/// Writes each of `fields` (catalog/entry_fields.hpp): text as a string or null,
/// numbers as a number or null, a cited value as an object or null, values by year as
/// an array.
template <class T, std::size_t N>
void write_fields(json& j, const T& e, const std::array<catalog_fields::text<T>, N>& fields) {
  for (const auto& [key, member] : fields) j[std::string(key)] = str_or_null(e.*member);
}
template <class T, std::size_t N>
void write_fields(json& j, const T& e, const std::array<catalog_fields::number<T>, N>& fields) {
  for (const auto& [key, member] : fields) j[std::string(key)] = opt(e.*member);
}
template <class T, std::size_t N>
void write_fields(json& j, const T& e, const std::array<catalog_fields::cited_one<T>, N>& fields) {
  for (const auto& [key, member] : fields) j[std::string(key)] = e.*member ? to_json(*(e.*member)) : json(nullptr);
}
template <class T, std::size_t N>
void write_fields(json& j, const T& e, const std::array<catalog_fields::cited_by_year<T>, N>& fields) {
  for (const auto& [key, member] : fields) {
    json a = json::array();
    for (const auto& c : e.*member) a.push_back(to_json(c));
    j[std::string(key)] = std::move(a);
  }
}

json head(std::string_view table, const std::string& id, const std::string& kind, const std::string& name,
          const std::vector<std::string>& aliases) {
  return json{{"id", id}, {"table", table}, {"kind", str_or_null(kind)}, {"name", str_or_null(name)}, {"aliases", aliases}};
}

json to_json(const accelerator& a) {
  json j = head("hardware", a.id, a.kind, a.name, a.aliases);
  write_fields(j, a, catalog_fields::accelerator_names);
  j["release_year"] = opt(a.release_year);
  j["tdp_w"] = opt(a.tdp_w);
  j["tdp_kind"] = str_or_null(a.tdp_kind);
  json peak = json::object();
  for (auto p : all_precisions)
    if (auto t = a.peak_tflops(p)) peak[std::string(to_string(p))] = *t;
  j["peak_tflops_dense"] = peak;
  write_fields(j, a, catalog_fields::accelerator_sizes);
  write_fields(j, a, catalog_fields::accelerator_parts);
  j["provenance"] = to_json(a.prov);
  json fs = json::object();
  for (const auto& [field, p] : a.field_sources) fs[field] = to_json(p);
  j["field_sources"] = fs;
  return j;
}

/// A system's list on-demand price in `cat` (catalog/prices.hpp), or null: {"usd_per_hour",
/// "per": "instance" | "accelerator", "usd_per_accelerator_hour", "region", "as_of",
/// "superseded" (null unless the price is known to be out of date), "provenance"}.
json price_json(const catalog& cat, const system_profile& s) {
  for (const auto& p : catalog_detail::list_prices(cat)) {
    if (lower(p.system) != lower(s.id)) continue;
    const double per_acc = p.per_accelerator || s.accelerators < 1 ? p.usd_per_hour : p.usd_per_hour / s.accelerators;
    return json{{"usd_per_hour", p.usd_per_hour},
                {"per", p.per_accelerator ? "accelerator" : "instance"},
                {"usd_per_accelerator_hour", per_acc},
                {"region", p.region},
                {"as_of", p.as_of},
                {"superseded", str_or_null(p.superseded)},
                {"provenance", to_json(p.prov(cat))}};
  }
  return nullptr;
}

json to_json(const catalog& cat, const system_profile& s) {
  json j = head("systems", s.id, s.kind, s.name, s.aliases);
  j["accelerator"] = str_or_null(s.accelerator);
  j["accelerators"] = s.accelerators;
  j["max_power_w"] = opt(s.max_power_w);
  j["provider"] = str_or_null(s.provider);
  j["on_demand_price"] = price_json(cat, s);
  j["provenance"] = to_json(s.prov);
  return j;
}

json to_json(const region& r) {
  json j = head("regions", r.id, r.kind, r.name, r.aliases);
  write_fields(j, r, catalog_fields::region_places);
  if (r.intensity) {
    const auto& i = *r.intensity;
    j["intensity"] = json{{"gco2e_per_kwh", i.gco2e_per_kwh}, {"year", opt(i.year)},
                          {"basis", str_or_null(i.basis)},   {"mix_basis", str_or_null(i.mix_basis)},
                          {"accounting", str_or_null(i.accounting)}, {"provenance", to_json(i.prov)}};
  } else {
    j["intensity"] = nullptr;
  }
  if (r.mix) {
    json shares = json::object();
    for (const auto& [src, share] : r.mix->mix.shares) shares[src] = share;
    j["mix"] = json{{"shares", shares}, {"year", opt(r.mix->year)}, {"provenance", to_json(r.mix->prov)}};
  } else {
    j["mix"] = nullptr;
  }
  write_fields(j, r, catalog_fields::region_values);
  j["provenance"] = to_json(r.prov);
  return j;
}

json to_json(const provider& p) {
  json j = head("providers", p.id, p.kind, p.name, p.aliases);
  write_fields(j, p, catalog_fields::provider_values);
  j["provenance"] = to_json(p.prov);
  return j;
}

json to_json(const energy_source& e) {
  json j = head("sources", e.id, "energy_source", e.name, e.aliases);
  j["lifecycle_gco2e_per_kwh"] = json{{"min", e.lifecycle_min},
                                      {"median", e.lifecycle_median},
                                      {"max", e.lifecycle_max},
                                      {"provenance", to_json(e.lifecycle_prov)}};
  if (e.water_l_per_kwh) {
    j["water_l_per_kwh"] = json{{"value", *e.water_l_per_kwh},
                                {"min", opt(e.water_min)},
                                {"max", opt(e.water_max)},
                                {"provenance", to_json(e.water_prov)}};
  } else {
    j["water_l_per_kwh"] = nullptr;
  }
  j["provenance"] = to_json(e.prov);
  return j;
}

json to_json(const preset& p) {
  json j = head("presets", p.id, "training_run", p.name, p.aliases);
  j["year"] = opt(p.year);
  json sc;
  trainprint::to_json(sc, p.scenario);
  j["scenario"] = sc;
  j["published"] = p.published_json.empty() ? json(nullptr) : json::parse(p.published_json);
  j["reported"] = json{{"energy_mwh", opt(p.reported_energy_mwh)},
                       {"emissions_t_co2e", opt(p.reported_emissions_t_co2e)},
                       {"boundary", str_or_null(p.reported_boundary)},
                       {"includes_pue", opt(p.reported_includes_pue)},
                       {"notes", str_or_null(p.reported_notes)}};
  j["provenance"] = to_json(p.prov);
  return j;
}

json to_json(const equivalent& q) {
  json j = head("equivalents", q.id, "equivalent", q.name, q.aliases);
  j["applies_to"] = q.applies_to;
  const char* key = q.applies_to == "emissions" ? "per_unit_kg_co2e" : q.applies_to == "energy" ? "per_unit_kwh" : "per_unit_l";
  j[key] = q.per_unit;
  j["unit"] = str_or_null(q.unit);
  j["region"] = str_or_null(q.region);
  j["provenance"] = to_json(q.prov);
  return j;
}

enum class table_id { hardware, systems, regions, providers, sources, presets, equivalents };
constexpr std::array<std::string_view, 7> table_names{"hardware", "systems", "regions", "providers",
                                                     "sources",  "presets", "equivalents"};

table_id parse_table(std::string_view t) {
  const std::string l = lower(t);
  for (std::size_t i = 0; i < table_names.size(); ++i)
    if (table_names[i] == l) return static_cast<table_id>(i);
  // Other spellings people (and the data files) use.
  if (l == "accelerators" || l == "accelerator") return table_id::hardware;
  if (l == "energy_sources" || l == "sources_of_energy" || l == "energy-sources") return table_id::sources;
  throw input_error("table", "'" + std::string(t) + "'",
                    "one of hardware, systems, regions, providers, sources, presets, equivalents");
}

/// Calls f(table<T>'s items) for the table.
template <class F>
decltype(auto) with_items(const catalog& cat, table_id t, F&& f) {
  switch (t) {
    case table_id::hardware: return f(cat.accelerators());
    case table_id::systems: return f(cat.systems());
    case table_id::regions: return f(cat.regions());
    case table_id::providers: return f(cat.providers());
    case table_id::sources: return f(cat.energy_sources());
    case table_id::presets: return f(cat.presets());
    case table_id::equivalents: return f(cat.equivalents());
  }
  return f(cat.equivalents());
}

template <class T>
bool matches(const T& item, std::string_view filter) {
  if (filter.empty()) return true;
  const std::string f = lower(filter);
  auto has = [&](const std::string& s) { return lower(s).find(f) != std::string::npos; };
  if (has(item.id) || has(item.name)) return true;
  return std::any_of(item.aliases.begin(), item.aliases.end(), has);
}

template <class T>
bool is_named(const T& item, const std::string& key, bool aliases) {
  if (lower(item.id) == key) return true;
  return aliases && std::any_of(item.aliases.begin(), item.aliases.end(),
                                [&](const std::string& a) { return lower(a) == key; });
}

/// The closest ids among `names` (ids and aliases, each mapped to its entry's id).
std::vector<std::string> suggest(std::string_view key, const std::vector<std::pair<std::string, std::string>>& names) {
  std::vector<std::string> candidates;
  for (const auto& [n, _] : names) candidates.push_back(n);
  std::vector<std::string> out;
  for (const auto& n : closest_ids(key, candidates, 12)) {
    auto it = std::find_if(names.begin(), names.end(), [&](const auto& p) { return p.first == n; });
    if (std::find(out.begin(), out.end(), it->second) == out.end()) out.push_back(it->second);
    if (out.size() == 3) break;
  }
  return out;
}

}  // namespace

const std::vector<std::string>& catalog_tables() {
  static const std::vector<std::string> t(table_names.begin(), table_names.end());
  return t;
}

nlohmann::json catalog_entry_to_json(const catalog& cat, std::string_view table, std::string_view id) {
  switch (parse_table(table)) {
    case table_id::hardware: return to_json(cat.find_accelerator(id));
    case table_id::systems: return to_json(cat, cat.find_system(id));
    case table_id::regions: return to_json(cat.find_region(id));
    case table_id::providers: return to_json(cat.find_provider(id));
    case table_id::sources: return to_json(cat.find_energy_source(id));
    case table_id::presets: return to_json(cat.find_preset(id));
    case table_id::equivalents: {
      const std::string key = lower(id);
      std::vector<std::pair<std::string, std::string>> names;
      for (const auto& q : cat.equivalents()) {
        if (is_named(q, key, true)) return to_json(q);
        names.emplace_back(q.id, q.id);
        for (const auto& a : q.aliases) names.emplace_back(a, q.id);
      }
      throw unknown_key_error("equivalent", std::string(id), suggest(id, names));
    }
  }
  return nullptr;
}

nlohmann::json catalog_table_to_json(const catalog& cat, std::string_view table, std::string_view filter) {
  return with_items(cat, parse_table(table), [&](const auto& items) {
    json a = json::array();
    for (const auto& item : items) {
      if (!matches(item, filter)) continue;
      if constexpr (std::is_same_v<std::decay_t<decltype(item)>, system_profile>)
        a.push_back(to_json(cat, item));  // with its list price, kept beside the catalog's tables
      else
        a.push_back(to_json(item));
    }
    return a;
  });
}

std::vector<std::string> catalog_ids(const catalog& cat, std::string_view table) {
  return with_items(cat, parse_table(table), [&](const auto& items) {
    std::vector<std::string> ids;
    ids.reserve(items.size());
    for (const auto& item : items) ids.push_back(item.id);
    return ids;
  });
}

std::string_view find_table_of(const catalog& cat, std::string_view id) {
  const std::string key = lower(id);
  for (bool aliases : {false, true})
    for (std::size_t t = 0; t < table_names.size(); ++t) {
      const bool hit = with_items(cat, static_cast<table_id>(t), [&](const auto& items) {
        return std::any_of(items.begin(), items.end(), [&](const auto& item) { return is_named(item, key, aliases); });
      });
      if (hit) return table_names[t];
    }
  std::vector<std::pair<std::string, std::string>> names;
  for (std::size_t t = 0; t < table_names.size(); ++t)
    with_items(cat, static_cast<table_id>(t), [&](const auto& items) {
      for (const auto& item : items) {
        names.emplace_back(item.id, item.id);
        for (const auto& a : item.aliases) names.emplace_back(a, item.id);
      }
      return 0;
    });
  throw unknown_key_error("catalog id", std::string(id), suggest(id, names));
}

}  // namespace trainprint::inline v0
