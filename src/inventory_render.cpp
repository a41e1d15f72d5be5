// An inventory as a table, CSV, JSON (trainprint.inventory/1) or Markdown (see
// include/trainprint/inventory.hpp); the HTML report is report_inventory.cpp.

#include "trainprint/inventory.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "format_internal.hpp"
#include "json_text.hpp"
#include "text.hpp"
#include "trainprint/format.hpp"
#include "trainprint/json.hpp"
#include "trainprint/report.hpp"
#include "trainprint/version.hpp"

namespace trainprint::inline v0 {

namespace {

using nlohmann::json;

/// Outputs whose sum over runs means something (not the average powers).
bool summable(output o) { return o != output::accelerator_power && o != output::host_power; }

std::string kg_text(std::optional<double> v) { return v ? readable(emissions::kg_co2e(*v)) : std::string("unknown"); }
std::string kwh_text(std::optional<double> v) { return v ? readable(energy::kwh(*v)) : std::string("unknown"); }
std::string l_text(std::optional<double> v) { return v ? readable(water_volume::litres(*v)) : std::string("unknown"); }

std::string market_cell(const inventory::row& r) {
  if (!r.result.market_based) return "unknown";
  return readable(*r.result.market_based) + " (" + r.ghg.market_claim + ")";
}

/// The tables a person reads, shared by the text table and Markdown.
struct inventory_view {
  std::string title;
  std::vector<std::string> run_header{"line", "run", "kind", "hardware", "region", "energy (facility)",
                                      "location-based", "market-based (claim)", "embodied", "total", "water"};
  std::vector<std::vector<std::string>> runs;
  std::vector<std::string> kind_header{"kind", "runs", "energy (facility)", "location-based", "embodied", "total",
                                       "share of total"};
  std::vector<std::vector<std::string>> kinds;
  std::vector<std::string> scope_header{"GHG Protocol line", "emissions", "runs"};  // each value with its unit
  std::vector<std::vector<std::string>> scopes;
  std::string development;
  std::vector<std::string> notes;
  std::string catalog;
};

std::string share_text(std::optional<double> part, std::optional<double> whole) {
  if (!part || !whole || *whole <= 0) return "—";
  return fmt::format("{:.1f}%", 100 * *part / *whole);
}

inventory_view view_of(const inventory& inv) {
  inventory_view v;
  std::vector<std::string> counts;
  for (auto k : all_run_kinds)
    if (const auto n = inv.by_kind[static_cast<std::size_t>(k)].runs; n > 0)
      counts.push_back(fmt::format("{} {}", n, to_string(k)));
  v.title = fmt::format("{} run{} ({})", inv.rows.size(), inv.rows.size() == 1 ? "" : "s", text::join(counts, ", "));
  for (const auto& r : inv.rows) {
    const auto& e = r.result;
    std::string hw = e.context.accelerator_id;
    if (e.inputs.count && !hw.empty()) hw = fmt::format("{:g} × {}", *e.inputs.count, hw);
    v.runs.push_back({r.run.line > 0 ? std::to_string(r.run.line) : std::string{}, r.run.name,
                      std::string(to_string(r.run.kind)), hw, e.context.region_id,
                      kwh_text(e.value(output::energy_facility)), kg_text(e.value(output::emissions_location)),
                      market_cell(r),
                      e.inputs.embodied ? kg_text(e.value(output::emissions_embodied)) : std::string("left out"),
                      kg_text(e.value(output::emissions_total)), l_text(e.value(output::water_total))});
  }
  const auto all_total = inv.total.value(output::emissions_total);
  auto kind_row = [&](std::string name, const inventory_total& t) {
    return std::vector<std::string>{std::move(name),
                                    std::to_string(t.runs),
                                    kwh_text(t.value(output::energy_facility)),
                                    kg_text(t.value(output::emissions_location)),
                                    embodied_text(t),
                                    kg_text(t.value(output::emissions_total)),
                                    share_text(t.value(output::emissions_total), all_total)};
  };
  for (auto k : all_run_kinds)
    if (const auto& t = inv.by_kind[static_cast<std::size_t>(k)]; t.runs > 0)
      v.kinds.push_back(kind_row(std::string(to_string(k)), t));
  v.kinds.push_back(kind_row("all runs", inv.total));
  for (const auto& s : inv.scopes)
    v.scopes.push_back({s.label, readable(emissions::kg_co2e(s.kg_co2e)), fmt::format("{} of {}", s.runs, inv.rows.size())});
  if (inv.development_share_emissions) {
    v.development = fmt::format("Development work (development and ablation runs): {:.1f}% of total emissions",
                                100 * *inv.development_share_emissions);
    if (inv.development_share_energy)
      v.development += fmt::format(", {:.1f}% of facility energy", 100 * *inv.development_share_energy);
    if (inv.development_per_final_emissions)
      v.development += fmt::format("; {:.2f} × the final run{}'s emissions", *inv.development_per_final_emissions,
                                   inv.by_kind[0].runs == 1 ? "" : "s");
    v.development += ".";
  }
  v.notes = inv.notes;
  if (!inv.rows.empty())
    v.catalog = fmt::format("catalog {} ({})", inv.rows.front().result.catalog_version,
                            inv.rows.front().result.catalog_date);
  return v;
}

std::string render_inventory_table(const inventory& inv) {
  const auto v = view_of(inv);
  std::string out = "trainprint inventory: " + v.title + "\n\nRuns\n";
  out += render_columns(v.run_header, v.runs, {true, false, false, false, false, true, true, true, true, true, true});
  out += "\nTotals by kind of run\n";
  out += render_columns(v.kind_header, v.kinds, {false, true, true, true, true, true, true});
  out += "\nGHG Protocol scopes, summed over the runs\n";
  out += render_columns(v.scope_header, v.scopes, {false, true, true});
  if (!v.development.empty()) out += "\n" + v.development + "\n";
  if (!v.notes.empty()) out += "\n";
  for (const auto& n : v.notes) out += "note: " + n + "\n";
  out += v.catalog + "\n";
  return out;
}

std::string render_inventory_markdown(const inventory& inv) {
  const auto v = view_of(inv);
  std::string out = "## trainprint inventory: " + text::md_escape(v.title) + "\n\n### Runs\n\n";
  out += render_markdown_table(v.run_header, v.runs,
                               {true, false, false, false, false, true, true, true, true, true, true});
  out += "\n### Totals by kind of run\n\n";
  out += render_markdown_table(v.kind_header, v.kinds, {false, true, true, true, true, true, true});
  out += "\n### GHG Protocol scopes, summed over the runs\n\n";
  out += render_markdown_table(v.scope_header, v.scopes, {false, true, true});
  if (!v.development.empty()) out += "\n" + text::md_escape(v.development) + "\n";
  if (!v.notes.empty()) out += "\n";
  for (const auto& n : v.notes) out += "- Note: " + text::md_escape(n) + "\n";
  out += "\n_" + text::md_escape(v.catalog) + "._\n";
  return out;
}

/// CSV: one row per run, then one row per kind of run present and one for all runs
/// (name "total"), with the headline outputs summed (average powers left empty). The
/// `embodied` column tells an embodied figure left out ("left out"; a total row: "all
/// left out" or "K of N left out") from an unknown one (an empty field either way).
std::string render_inventory_csv(const inventory& inv) {
  std::string out = "line,name,kind,hardware,count,region,ownership,market_claim,embodied";
  for (const auto& col : headline_columns()) out += "," + std::string(col.name);
  out += "\n";
  for (const auto& r : inv.rows) {
    const auto& e = r.result;
    out += (r.run.line > 0 ? std::to_string(r.run.line) : std::string{}) + "," + csv_field(r.run.name) + "," +
           std::string(to_string(r.run.kind)) + "," + csv_field(e.context.accelerator_id) + "," +
           csv_number(e.inputs.count) + "," + csv_field(e.context.region_id) + "," +
           std::string(to_string(e.context.ownership)) + "," + csv_field(e.context.market_claim) + "," +
           (e.inputs.embodied ? "included" : "left out");
    for (const auto& col : headline_columns()) out += "," + csv_number(col.get(e));
    out += "\n";
  }
  auto total_row = [&](std::string_view kind, const inventory_total& t) {
    out += ",total," + std::string(kind) + ",,,,,," +
           (t.embodied_left_out == 0      ? std::string("included")
            : t.embodied_left_out == t.runs ? std::string("all left out")
                                            : fmt::format("{} of {} left out", t.embodied_left_out, t.runs));
    for (const auto& col : headline_columns()) out += "," + (summable(col.id) ? csv_number(t.value(col.id)) : "");
    out += "\n";
  };
  for (auto k : all_run_kinds)
    if (const auto& t = inv.by_kind[static_cast<std::size_t>(k)]; t.runs > 0) total_row(to_string(k), t);
  total_row("all", inv.total);
  return out;
}

json total_json(const inventory_total& t) {
  json j = json::object();
  j["runs"] = t.runs;
  j["embodied_left_out_runs"] = t.embodied_left_out;
  for (const auto& row : output_table) {
    if (!summable(row.id)) continue;
    const auto v = t.value(row.id);
    j[std::string(row.group)][std::string(row.key)] = v ? json(*v) : json(nullptr);
  }
  return j;
}

json num(std::optional<double> v) { return v ? json(*v) : json(nullptr); }

}  // namespace

std::string embodied_text(const inventory_total& t) {
  if (t.runs > 0 && t.embodied_left_out == t.runs) return "left out";
  const auto v = t.value(output::emissions_embodied);
  if (!v) return "unknown";
  std::string s = readable(emissions::kg_co2e(*v));
  if (t.embodied_left_out > 0) s += fmt::format(" ({} of {} runs left out)", t.embodied_left_out, t.runs);
  return s;
}

void to_json(json& j, const inventory& inv) {
  j = json::object();
  j["schema"] = std::string(inventory_schema);
  json runs = json::array();
  for (const auto& r : inv.rows)
    runs.push_back({{"line", r.run.line > 0 ? json(r.run.line) : json(nullptr)},
                    {"name", r.run.name},
                    {"kind", std::string(to_string(r.run.kind))},
                    {"estimate", r.result}});
  j["runs"] = std::move(runs);
  j["totals"] = {{"all", total_json(inv.total)}, {"by_kind", json::object()}};
  for (auto k : all_run_kinds)
    if (const auto& t = inv.by_kind[static_cast<std::size_t>(k)]; t.runs > 0)
      j["totals"]["by_kind"][std::string(to_string(k))] = total_json(t);
  json scopes = json::array();
  for (const auto& s : inv.scopes) {
    json line = scope_line_json(s.scope, s.category, s.method, s.claim, s.label);
    line["kg_co2e"] = s.kg_co2e;
    line["runs"] = s.runs;
    scopes.push_back(std::move(line));
  }
  j["ghg_protocol"] = std::move(scopes);
  j["development"] = {{"kinds", {"development", "ablation"}},
                      {"share_of_emissions", num(inv.development_share_emissions)},
                      {"share_of_energy", num(inv.development_share_energy)},
                      {"per_final_emissions", num(inv.development_per_final_emissions)}};
  j["notes"] = inv.notes;
  if (!inv.rows.empty())
    j["catalog"] = {{"version", inv.rows.front().result.catalog_version},
                    {"date", inv.rows.front().result.catalog_date}};
  j["trainprint_version"] = std::string(version);
}

std::string render(const inventory& inv, output_format f, const catalog& cat) {
  switch (f) {
    case output_format::table: return render_inventory_table(inv);
    case output_format::json: return json(inv).dump(2) + "\n";
    case output_format::csv: return render_inventory_csv(inv);
    case output_format::md: return render_inventory_markdown(inv);
    case output_format::html: {
      report_options o;
      return render_inventory_report(inv, cat, o).text;
    }
    default: unsupported_format("an inventory", f, "table, json, csv, md, html");
  }
}

}  // namespace trainprint::inline v0
