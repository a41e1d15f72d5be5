// The catalog's listings and entries for people (see include/trainprint/format.hpp):
// `trainprint list` and `trainprint show`.

#include <functional>
#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "format_internal.hpp"
#include "trainprint/catalog_json.hpp"
#include "trainprint/format.hpp"

namespace trainprint::inline v0 {

namespace {

using json = nlohmann::json;

/// One column: its header for people (unit included), its CSV name (unit in the
/// name), right-aligned or not, and how to read it from the entry's JSON.
struct column {
  const char* header;
  const char* csv;
  bool right;
  std::function<std::string(const json&)> get;
};

std::string num(const json& v, const char* spec = "{:g}") {
  if (!v.is_number()) return {};
  return fmt::format(fmt::runtime(spec), v.get<double>());
}
std::string text(const json& v) { return v.is_string() ? v.get<std::string>() : v.is_number() ? num(v) : std::string{}; }
column field(const char* header, const char* csv, bool right, std::string key) {
  return {header, csv, right, [key](const json& e) { return text(e.value(key, json(nullptr))); }};
}
/// The value of the latest-year entry of a provider's list ("1.10 (2024)").
std::string latest(const json& list, bool with_year) {
  const json* best = nullptr;
  auto year = [](const json& c) { return c["year"].is_number() ? c["year"].get<int>() : 0; };
  for (const auto& c : list)
    if (!best || year(c) >= year(*best))
      best = &c;
  if (!best) return {};
  std::string s = num((*best)["value"]);
  if (with_year && (*best)["year"].is_number()) s += fmt::format(" ({})", (*best)["year"].get<int>());
  return s;
}
/// A number column read from the object member `key` (its CSV name) of a provider:
/// the latest year's value, with the year for people.
column latest_of(const char* header, const char* key, bool csv) {
  return {header, key, true, [key = std::string(key), csv](const json& e) { return latest(e[key], !csv); }};
}
/// A number column read at e[key][sub]; empty when e[key] is not an object.
column member(const char* header, const char* csv, std::string key, std::string sub) {
  return {header, csv, true,
          [key, sub](const json& e) { return e[key].is_object() ? num(e[key][sub]) : std::string{}; }};
}

std::vector<column> columns_of(const std::string& table, bool csv) {
  if (table == "hardware")
    return {field("id", "id", false, "id"),
            field("name", "name", false, "name"),
            field("TDP W", "tdp_w", true, "tdp_w"),
            {"bf16 TFLOP/s", "peak_bf16_tflops", true, [](const json& e) { return num(e["peak_tflops_dense"].value("bf16", json(nullptr))); }},
            field("memory GB", "memory_gb", true, "memory_gb"),
            field("year", "release_year", true, "release_year")};
  if (table == "systems") {
    // The list on-demand price (catalog_json.hpp), when the catalog has one: for people
    // the date is marked when the price is superseded; CSV says why in its own column.
    auto price = [](const char* header, const char* csv_name, bool right, std::function<std::string(const json&)> get) {
      return column{header, csv_name, right, [get](const json& e) {
                      const json& p = e.value("on_demand_price", json(nullptr));
                      return p.is_object() ? get(p) : std::string{};
                    }};
    };
    std::vector<column> c{field("id", "id", false, "id"), field("name", "name", false, "name"),
                          field("accelerator", "accelerator", false, "accelerator"),
                          field("count", "accelerators", true, "accelerators"),
                          field("max power W", "max_power_w", true, "max_power_w"),
                          price("list USD/h", "on_demand_usd_per_hour", true, [](const json& p) { return num(p["usd_per_hour"]); }),
                          price("per", "on_demand_per", false, [](const json& p) { return text(p["per"]); }),
                          price("USD/acc-h", "on_demand_usd_per_accelerator_hour", true,
                                [csv](const json& p) { return num(p["usd_per_accelerator_hour"], csv ? "{:g}" : "{:.4g}"); }),
                          price("as of", "on_demand_as_of", false,
                                [csv](const json& p) {
                                  return text(p["as_of"]) + (!csv && p["superseded"].is_string() ? " (superseded)" : "");
                                }),
                          price("price region", "on_demand_region", false, [](const json& p) { return text(p["region"]); }),
                          price("price source", "on_demand_source", false, [](const json& p) {
                            return p["provenance"]["source"].is_object() ? text(p["provenance"]["source"]["id"]) : std::string{};
                          })};
    if (csv)
      c.push_back(price("", "on_demand_superseded", false, [](const json& p) { return text(p["superseded"]); }));
    return c;
  }
  if (table == "regions")
    return {field("id", "id", false, "id"),
            field("kind", "kind", false, "kind"),
            field("name", "name", false, "name"),
            member("g CO2e/kWh", "intensity_g_co2e_per_kwh", "intensity", "gco2e_per_kwh"),
            member("year", "intensity_year", "intensity", "year"),
            member("PUE", "pue", "pue", "value"),
            member("WUE L/kWh", "wue_l_per_kwh", "wue_l_per_kwh", "value")};
  if (table == "providers")
    return {field("id", "id", false, "id"),
            field("name", "name", false, "name"),
            field("kind", "kind", false, "kind"),
            latest_of("PUE", "pue", csv),
            latest_of("WUE L/kWh", "wue_l_per_kwh", csv),
            latest_of("CFE", "cfe", csv)};
  if (table == "sources")
    return {field("id", "id", false, "id"),
            field("name", "name", false, "name"),
            {"g CO2e/kWh (median)", "lifecycle_median_g_co2e_per_kwh", true,
             [](const json& e) { return num(e["lifecycle_gco2e_per_kwh"]["median"]); }},
            {"min–max", "lifecycle_range_g_co2e_per_kwh", true,
             [](const json& e) {
               const auto& l = e["lifecycle_gco2e_per_kwh"];
               return num(l["min"]) + "–" + num(l["max"]);
             }},
            member("water L/kWh", "water_l_per_kwh", "water_l_per_kwh", "value")};
  if (table == "presets")
    return {field("id", "id", false, "id"),
            field("name", "name", false, "name"),
            field("year", "year", true, "year"),
            {"hardware", "hardware", false, [](const json& e) { return text(e["scenario"].value("hardware", json(nullptr))); }},
            {"count", "count", true, [](const json& e) { return text(e["scenario"].value("count", json(nullptr))); }},
            {"reported MWh", "reported_energy_mwh", true, [](const json& e) { return num(e["reported"]["energy_mwh"]); }},
            {"reported t CO2e", "reported_emissions_t_co2e", true,
             [](const json& e) { return num(e["reported"]["emissions_t_co2e"]); }}};
  // equivalents
  return {field("id", "id", false, "id"),
          field("applies to", "applies_to", false, "applies_to"),
          {"per unit", "per_unit", true,
           [](const json& e) {
             for (const char* k : {"per_unit_kg_co2e", "per_unit_kwh", "per_unit_l"})
               if (e.contains(k)) return num(e[k]) + (std::string(k) == "per_unit_kg_co2e" ? " kg CO2e" : std::string(k) == "per_unit_kwh" ? " kWh" : " L");
             return std::string{};
           }},
          field("unit", "unit", false, "unit"),
          field("name", "name", false, "name")};
}


/// Prints an entry's values one per line, each with a [n] reference to its source.
class printer {
 public:
  std::string out;

  void entry(const json& e) {
    std::string head = e["id"].get<std::string>();
    if (e["name"].is_string()) head += " — " + e["name"].get<std::string>();
    std::string kind = e["table"].get<std::string>();
    if (e["kind"].is_string()) kind += ", " + e["kind"].get<std::string>();
    out += head + " (" + kind + ")\n";
    if (!e["aliases"].empty()) {
      std::string a;
      for (const auto& x : e["aliases"]) a += (a.empty() ? "" : ", ") + x.get<std::string>();
      out += "aliases: " + a + "\n";
    }
    const std::string entry_ref = ref(e["provenance"]);
    out += "source: " + entry_ref + describe(e["provenance"], false) + "\n\n";
    for (const auto& [k, v] : e.items()) {
      if (k == "id" || k == "table" || k == "kind" || k == "name" || k == "aliases" || k == "provenance") continue;
      value(k, v, entry_ref);
    }
    if (!sources_.empty()) {
      out += "\nSources\n";
      for (const auto& [n, s] : by_number_) {
        std::string line = fmt::format("  [{}] {}", n, s["title"].get<std::string>());
        if (s["year"].is_number()) line += fmt::format(" ({})", s["year"].get<int>());
        if (s["url"].is_string()) line += ", " + s["url"].get<std::string>();
        std::vector<std::string> extra;
        if (s["license"].is_string()) extra.push_back("license " + s["license"].get<std::string>());
        if (s["retrieved"].is_string()) extra.push_back("retrieved " + s["retrieved"].get<std::string>());
        if (!extra.empty()) line += "; " + extra[0] + (extra.size() > 1 ? ", " + extra[1] : "");
        out += line + "\n";
      }
    }
  }

 private:
  std::map<std::string, int> sources_;     // source id → reference number
  std::map<int, json> by_number_;

  /// "[n, confidence]" for a provenance object.
  std::string ref(const json& p) {
    if (!p.is_object() || !p["source"].is_object()) return p.is_object() && p["confidence"].is_string()
                                                              ? "[" + p["confidence"].get<std::string>() + "]"
                                                              : std::string{};
    const std::string id = p["source"]["id"].get<std::string>();
    auto [it, added] = sources_.emplace(id, static_cast<int>(sources_.size()) + 1);
    if (added) by_number_[it->second] = p["source"];
    std::string r = fmt::format("[{}", it->second);
    if (p["confidence"].is_string()) r += ", " + p["confidence"].get<std::string>();
    return r + "]";
  }
  static std::string describe(const json& p, bool with_notes) {
    if (!with_notes || !p.is_object() || !p["notes"].is_string()) return {};
    return " " + p["notes"].get<std::string>();
  }

  static std::string scalar(const json& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_number_integer()) return std::to_string(v.get<long long>());
    if (v.is_number()) return fmt::format("{:g}", v.get<double>());
    if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
    return v.dump();
  }

  void line(const std::string& name, const std::string& text, const std::string& r, const json& prov) {
    std::string l = fmt::format("  {:<34} {}", name, text);
    if (!r.empty()) l += "  " + r;
    while (!l.empty() && l.back() == ' ') l.pop_back();
    out += l + "\n";
    if (prov.is_object() && prov["notes"].is_string()) out += "  " + std::string(36, ' ') + "note: " + prov["notes"].get<std::string>() + "\n";
  }

  void value(const std::string& name, const json& v, const std::string& inherited) {
    if (v.is_null()) return;
    if (name == "on_demand_price" && v.is_object() && v["usd_per_hour"].is_number()) {
      // A system's list price (catalog_json.hpp) as a person reads it, on one line.
      const bool per_acc = v["per"] == "accelerator";
      std::string t = fmt::format("{:g} USD per {}-hour", v["usd_per_hour"].get<double>(), per_acc ? "accelerator" : "instance");
      if (!per_acc) t += fmt::format(" ({:.4g} per accelerator-hour)", v["usd_per_accelerator_hour"].get<double>());
      t += ", list on-demand, " + scalar(v["region"]) + ", as of " + scalar(v["as_of"]);
      line(name, t, ref(v["provenance"]), v["provenance"]);
      if (v["superseded"].is_string()) out += std::string(38, ' ') + "superseded: " + v["superseded"].get<std::string>() + "\n";
      return;
    }
    if (v.is_object() && v.contains("provenance")) {
      // A cited value: its scalar fields on one line, with its own source.
      const json& p = v["provenance"];
      std::string r = ref(p);
      if (v.contains("value") && v.size() <= 3 + (v.contains("kind") ? 1 : 0)) {  // value, year, provenance (, kind)
        std::string t = scalar(v["value"]);
        if (v.contains("year") && v["year"].is_number()) t += fmt::format(" ({})", v["year"].get<int>());
        if (v.contains("kind") && v["kind"].is_string()) t += ", " + v["kind"].get<std::string>();
        line(name, t, r, p);
        return;
      }
      // Numbers first, then the year, then the words that qualify them.
      std::string t;
      for (int pass = 0; pass < 3; ++pass)
        for (const auto& [k, x] : v.items()) {
          if (k == "provenance" || x.is_null() || x.is_object()) continue;
          const int kind = k == "year" ? 1 : x.is_number() ? 0 : 2;
          if (kind == pass) t += (t.empty() ? "" : ", ") + k + " " + scalar(x);
        }
      line(name, t, r, p);
      for (const auto& [k, x] : v.items())
        if (k != "provenance" && x.is_object()) value(name + "." + k, x, r);
      return;
    }
    if (v.is_object()) {
      if (v.empty()) return;
      if (name == "field_sources") {
        for (const auto& [k, p] : v.items()) line("source of " + k, "", ref(p), p);
        return;
      }
      bool flat = true;
      for (const auto& [k, x] : v.items()) flat = flat && !x.is_structured();
      if (flat) {
        std::string t;
        for (const auto& [k, x] : v.items())
          if (!x.is_null()) t += (t.empty() ? "" : ", ") + k + " " + scalar(x);
        line(name, t, {}, json(nullptr));
        return;
      }
      for (const auto& [k, x] : v.items()) value(name + "." + k, x, inherited);
      return;
    }
    if (v.is_array()) {
      if (v.empty()) return;
      for (std::size_t i = 0; i < v.size(); ++i) value(fmt::format("{}[{}]", name, i), v[i], inherited);
      return;
    }
    line(name, scalar(v), {}, json(nullptr));
  }
};

}  // namespace

std::string render_catalog_table(const catalog& cat, std::string_view table, output_format f, std::string_view filter) {
  const json entries = catalog_table_to_json(cat, table, filter);
  if (f == output_format::json) return entries.dump(2) + "\n";
  if (f != output_format::table && f != output_format::csv) unsupported_format("a catalog table", f, "table, json, csv");
  const bool csv = f == output_format::csv;
  const auto cols = columns_of(std::string(table), csv);
  if (csv) {
    std::string out;
    for (std::size_t i = 0; i < cols.size(); ++i) out += (i ? "," : "") + std::string(cols[i].csv);
    out += "\n";
    for (const auto& e : entries) {
      for (std::size_t i = 0; i < cols.size(); ++i) out += (i ? "," : "") + csv_field(cols[i].get(e));
      out += "\n";
    }
    return out;
  }
  std::vector<std::string> header;
  std::vector<bool> right;
  for (const auto& c : cols) {
    header.push_back(c.header);
    right.push_back(c.right);
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& e : entries) {
    std::vector<std::string> r;
    for (const auto& c : cols) {
      std::string v = c.get(e);
      r.push_back(v.empty() ? "-" : v);
    }
    rows.push_back(std::move(r));
  }
  std::string out = render_columns(header, rows, right);
  out += fmt::format("{} {}{}; `trainprint show ID` prints an entry with its sources\n", entries.size(),
                     entries.size() == 1 ? "entry" : "entries",
                     filter.empty() ? std::string{} : " matching '" + std::string(filter) + "'");
  return out;
}

std::string render_catalog_entry(const catalog& cat, std::string_view id, output_format f) {
  const std::string_view table = find_table_of(cat, id);
  const json e = catalog_entry_to_json(cat, table, id);
  if (f == output_format::json) return e.dump(2) + "\n";
  if (f != output_format::table) unsupported_format("a catalog entry", f, "table, json");
  printer p;
  p.entry(e);
  return p.out;
}

}  // namespace trainprint::inline v0
