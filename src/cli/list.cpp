// trainprint list: browse one catalog table.

#include "command.hpp"

#include <functional>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "trainprint/catalog_json.hpp"
#include "trainprint/detail/columns.hpp"

namespace trainprint::cli {

namespace {
struct list_options {
  std::string table;  ///< hardware|systems|regions|providers|sources|presets|equivalents
  std::string filter;
  output_format format = output_format::table;
};
}  // namespace

void setup_list(CLI::App& app, list_options& o) {
  app.add_option("table", o.table, "hardware|systems|regions|providers|sources|presets|equivalents")
      ->required()
      ->check(CLI::IsMember(catalog_tables()));
  app.add_option("--filter", o.filter, "Only entries whose id, name or alias contains TEXT (case-insensitive)");
  add_format_option(app, o.format, {output_format::table, output_format::json, output_format::csv});
}

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
  if (table == "systems")
    return {field("id", "id", false, "id"), field("name", "name", false, "name"),
            field("accelerator", "accelerator", false, "accelerator"), field("count", "accelerators", true, "accelerators"),
            field("max power W", "max_power_w", true, "max_power_w")};
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

}  // namespace

std::string run_list(const list_options& o, const global_options& g) {
  const catalog& cat = load_catalog(g);
  const json entries = catalog_table_to_json(cat, o.table, o.filter);
  if (o.format == output_format::json) return entries.dump(2) + "\n";
  const bool csv = o.format == output_format::csv;
  const auto cols = columns_of(o.table, csv);
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
                     o.filter.empty() ? std::string{} : " matching '" + o.filter + "'");
  return out;
}

void add_list(CLI::App& app, context& ctx) {
  add_command<list_options>(app, ctx, "list", "List a catalog table: hardware, regions, providers, sources, presets, ...", setup_list, run_list);
}

}  // namespace trainprint::cli
