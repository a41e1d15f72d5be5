// An inventory as a table, CSV, JSON (trainprint.inventory/1) or Markdown (see
// include/trainprint/inventory.hpp); the HTML report is report_inventory.cpp.

#include "trainprint/inventory.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <array>
#include <string_view>
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

std::string usd_cell(std::optional<double> v) { return v ? usd_text(*v) : std::string("unknown"); }

/// A run's electricity cost as the cost columns count it: a rented run's is in its rent.
std::string electricity_cost_cell(const estimate& e) {
  return e.context.ownership == ownership::cloud ? std::string("in rent") : usd_cell(e.electricity_cost_usd);
}

std::string market_cell(const inventory::row& r) {
  if (!r.result.market_based) return "unknown";
  return readable(*r.result.market_based) + " (" + r.ghg.market_claim + ")";
}

/// The tables a person reads, shared by the text table and Markdown.
struct inventory_view {
  std::string title;
  std::vector<std::string> run_header{"line", "run", "kind", "hardware", "region", "energy (facility)",
                                      "location-based", "market-based (claim)", "embodied", "total", "water",
                                      "electricity cost", "compute cost", "cost"};
  std::vector<std::vector<std::string>> runs;
  std::vector<std::string> kind_header{"kind", "runs", "energy (facility)", "location-based", "embodied", "total",
                                       "share of total", "cost"};
  std::vector<std::vector<std::string>> kinds;
  std::vector<std::string> scope_header{"GHG Protocol line", "emissions", "runs"};  // each value with its unit
  std::vector<std::vector<std::string>> scopes;
  std::string development;
  std::vector<std::string> notes;
  std::string catalog;

  /// One of the three tables: its title, header, rows and which columns are numbers (right-aligned).
  struct table {
    std::string_view title;
    const std::vector<std::string>& header;
    const std::vector<std::vector<std::string>>& rows;
    std::vector<bool> right_aligned;
  };
  /// The tables in the order both writers print them.
  std::array<table, 3> tables() const {
    return {{{"Runs", run_header, runs,
              {true, false, false, false, false, true, true, true, true, true, true, true, true, true}},
             {"Totals by kind of run", kind_header, kinds, {false, true, true, true, true, true, true, true}},
             {"GHG Protocol scopes, summed over the runs", scope_header, scopes, {false, true, true}}}};
  }
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
                      kg_text(e.value(output::emissions_total)), l_text(e.value(output::water_total)),
                      electricity_cost_cell(e), usd_cell(e.compute_cost_usd), usd_cell(rank_metric(e, rank_by::cost))});
  }
  const auto all_total = inv.total.value(output::emissions_total);
  auto kind_row = [&](std::string name, const inventory_total& t, std::optional<run_kind> k) {
    return std::vector<std::string>{std::move(name),
                                    std::to_string(t.runs),
                                    kwh_text(t.value(output::energy_facility)),
                                    kg_text(t.value(output::emissions_location)),
                                    embodied_text(t),
                                    kg_text(t.value(output::emissions_total)),
                                    share_text(t.value(output::emissions_total), all_total),
                                    usd_cell(inventory_cost(inv, k))};
  };
  for (auto k : all_run_kinds)
    if (const auto& t = inv.by_kind[static_cast<std::size_t>(k)]; t.runs > 0)
      v.kinds.push_back(kind_row(std::string(to_string(k)), t, k));
  v.kinds.push_back(kind_row("all runs", inv.total, std::nullopt));
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
  std::string out = "trainprint inventory: " + v.title + "\n";
  for (const auto& t : v.tables())
    out += "\n" + std::string(t.title) + "\n" + render_columns(t.header, t.rows, t.right_aligned);
  if (!v.development.empty()) out += "\n" + v.development + "\n";
  if (!v.notes.empty()) out += "\n";
  for (const auto& n : v.notes) out += "note: " + n + "\n";
  out += v.catalog + "\n";
  return out;
}

std::string render_inventory_markdown(const inventory& inv) {
  const auto v = view_of(inv);
  std::string out = "## trainprint inventory: " + text::md_escape(v.title) + "\n";
  for (const auto& t : v.tables())
    out += "\n### " + std::string(t.title) + "\n\n" + render_markdown_table(t.header, t.rows, t.right_aligned);
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
  out += ",cost_usd";  // the run's cost counted once (inventory_cost)
  // Runs with words or ranges: their 5th and 95th percentiles after the other columns
  // (empty in the other runs and in the totals, which add medians).
  const bool ranged = std::any_of(inv.rows.begin(), inv.rows.end(), [](const auto& r) { return r.result.uncertainty.has_value(); });
  if (ranged) out += range_csv_header();
  out += "\n";
  for (const auto& r : inv.rows) {
    const auto& e = r.result;
    out += (r.run.line > 0 ? std::to_string(r.run.line) : std::string{}) + "," + csv_field(r.run.name) + "," +
           std::string(to_string(r.run.kind)) + "," + csv_field(e.context.accelerator_id) + "," +
           csv_number(e.inputs.count) + "," + csv_field(e.context.region_id) + "," +
           std::string(to_string(e.context.ownership)) + "," + csv_field(e.context.market_claim) + "," +
           (e.inputs.embodied ? "included" : "left out");
    for (const auto& col : headline_columns()) out += "," + csv_number(col.get(e));
    out += "," + csv_number(rank_metric(e, rank_by::cost));
    if (ranged) out += range_csv_cells(e);
    out += "\n";
  }
  auto total_row = [&](std::string_view kind, const inventory_total& t, std::optional<run_kind> k) {
    out += ",total," + std::string(kind) + ",,,,,," +
           (t.embodied_left_out == 0      ? std::string("included")
            : t.embodied_left_out == t.runs ? std::string("all left out")
                                            : fmt::format("{} of {} left out", t.embodied_left_out, t.runs));
    for (const auto& col : headline_columns()) out += "," + (summable(col.id) ? csv_number(t.value(col.id)) : "");
    out += "," + csv_number(inventory_cost(inv, k));
    if (ranged) out += range_csv_cells(estimate{});
    out += "\n";
  };
  for (auto k : all_run_kinds)
    if (const auto& t = inv.by_kind[static_cast<std::size_t>(k)]; t.runs > 0) total_row(to_string(k), t, k);
  total_row("all", inv.total, std::nullopt);
  return out;
}

json num(std::optional<double> v) { return v ? json(*v) : json(nullptr); }

json total_json(const inventory& inv, const inventory_total& t, std::optional<run_kind> k) {
  json j = json::object();
  j["runs"] = t.runs;
  j["embodied_left_out_runs"] = t.embodied_left_out;
  for (const auto& row : output_table) {
    if (!summable(row.id)) continue;
    const auto v = t.value(row.id);
    j[std::string(row.group)][std::string(row.key)] = v ? json(*v) : json(nullptr);
  }
  const auto cost = inventory_cost(inv, k);  // each run's counted once: a rented run's rent alone
  j["cost_usd"]["counted_once"] = cost ? json(*cost) : json(nullptr);
  return j;
}

}  // namespace

std::optional<double> inventory_cost(const inventory& inv, std::optional<run_kind> kind) {
  double sum = 0;
  for (const auto& r : inv.rows) {
    if (kind && r.run.kind != *kind) continue;
    const auto c = rank_metric(r.result, rank_by::cost);
    if (!c) return std::nullopt;
    sum += *c;
  }
  return sum;
}

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
                    {"cost_usd", num(rank_metric(r.result, rank_by::cost))},
                    {"estimate", r.result}});
  j["runs"] = std::move(runs);
  j["totals"] = {{"all", total_json(inv, inv.total, std::nullopt)}, {"by_kind", json::object()}};
  for (auto k : all_run_kinds)
    if (const auto& t = inv.by_kind[static_cast<std::size_t>(k)]; t.runs > 0)
      j["totals"]["by_kind"][std::string(to_string(k))] = total_json(inv, t, k);
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
