// Inventories of many runs (see include/trainprint/inventory.hpp).

#include "trainprint/inventory.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "trainprint/compare.hpp"
#include "trainprint/error.hpp"
#include "trainprint/estimator.hpp"
#include "trainprint/uncertainty.hpp"

namespace trainprint::inline v0 {

namespace {
std::string problems_message(const std::string& file, const std::vector<std::pair<std::size_t, std::string>>& p) {
  std::string m = fmt::format("[trainprint.input] {}: {} bad row{}", file, p.size(), p.size() == 1 ? "" : "s");
  for (const auto& [line, what] : p) m += fmt::format("\n  line {}: {}", line, what);
  return m;
}
}  // namespace

inventory_error::inventory_error(const std::string& file, std::vector<std::pair<std::size_t, std::string>> problems)
    : error(problems_message(file, problems)), problems_(std::move(problems)) {}

void inventory_total::add(const estimate& e) {
  ++runs;
  if (!e.inputs.embodied) ++embodied_left_out;
  for (const auto& row : output_table) {
    const auto v = row.id == output::flops ? e.flops : e.value(row.id);
    if (!v) continue;
    sum[index_of(row.id)] += *v;
    ++known[index_of(row.id)];
  }
}

inventory make_inventory(const std::vector<inventory_run>& runs, const catalog& cat) {
  inventory inv;
  std::vector<std::pair<std::size_t, std::string>> bad;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    try {
      estimate e = make_estimate(runs[i].scenario, cat);
      ghg_accounting g = ghg_scopes(e);
      inv.rows.push_back({runs[i], std::move(e), std::move(g)});
    } catch (const error& x) {
      bad.emplace_back(runs[i].line > 0 ? runs[i].line : i + 1, x.what());
    }
  }
  if (!bad.empty()) throw inventory_error("inventory", std::move(bad));
  if (inv.rows.empty()) throw input_error("inventory", "no runs", "at least one run");

  for (const auto& r : inv.rows) {
    inv.total.add(r.result);
    inv.by_kind[static_cast<std::size_t>(r.run.kind)].add(r.result);
    for (const auto& l : r.ghg.lines) {
      if (!l.kg_co2e) continue;
      std::string label = l.label();
      if (!l.claim.empty()) label += " (" + l.claim + ")";
      auto it = std::find_if(inv.scopes.begin(), inv.scopes.end(),
                             [&](const inventory_scope_line& s) { return s.label == label; });
      if (it == inv.scopes.end()) {
        inv.scopes.push_back({l.scope, l.category, l.method, l.claim, label, 0, 0});
        it = inv.scopes.end() - 1;
      }
      it->kg_co2e += *l.kg_co2e;
      ++it->runs;
    }
  }
  // Scope 2 before Scope 3, categories in order, location- before market-based before embodied.
  auto method_rank = [](const std::string& m) { return m == "location-based" ? 0 : m == "market-based" ? 1 : 2; };
  std::stable_sort(inv.scopes.begin(), inv.scopes.end(), [&](const auto& a, const auto& b) {
    if (a.scope != b.scope) return a.scope < b.scope;
    if (a.category != b.category) return a.category < b.category;
    return method_rank(a.method) < method_rank(b.method);
  });

  // Development work: development and ablation runs.
  const auto& fin = inv.by_kind[static_cast<std::size_t>(run_kind::final)];
  auto dev_sum = [&](output o) -> std::optional<double> {
    double s = 0;
    for (auto k : {run_kind::development, run_kind::ablation}) {
      const auto& t = inv.by_kind[static_cast<std::size_t>(k)];
      if (t.runs == 0) continue;
      const auto v = t.value(o);
      if (!v) return std::nullopt;
      s += *v;
    }
    return s;
  };
  const auto dev_em = dev_sum(output::emissions_total), dev_en = dev_sum(output::energy_facility);
  const auto all_em = inv.total.value(output::emissions_total), all_en = inv.total.value(output::energy_facility);
  if (dev_em && all_em && *all_em > 0) inv.development_share_emissions = *dev_em / *all_em;
  if (dev_en && all_en && *all_en > 0) inv.development_share_energy = *dev_en / *all_en;
  if (const auto f = fin.value(output::emissions_total); dev_em && f && *f > 0)
    inv.development_per_final_emissions = *dev_em / *f;

  // Notes a reader of the totals needs.
  std::vector<std::string> claims, ownerships;
  std::size_t no_market = 0;
  for (const auto& r : inv.rows) {
    if (!r.ghg.market_claim.empty() && std::find(claims.begin(), claims.end(), r.ghg.market_claim) == claims.end())
      claims.push_back(r.ghg.market_claim);
    const std::string o(to_string(r.ghg.ownership));
    if (std::find(ownerships.begin(), ownerships.end(), o) == ownerships.end()) ownerships.push_back(o);
    if (!r.result.market_based) ++no_market;
  }
  if (claims.size() > 1) {
    std::string list;
    for (const auto& c : claims) list += (list.empty() ? "" : ", ") + c;
    inv.notes.push_back("The runs' market-based figures rest on different kinds of claim (" + list +
                        "): they are summed separately, one scope line per kind, and never added together.");
  }
  if (no_market > 0)
    inv.notes.push_back(fmt::format("Runs without a market-based figure (no carbon-free-energy share): {} of {}; the "
                                    "market-based lines leave them out.",
                                    no_market, inv.rows.size()));
  if (ownerships.size() > 1)
    inv.notes.push_back("Some runs are on owned hardware and some on bought cloud services: their operational "
                        "emissions fall in Scope 2 and Scope 3 category 1 respectively.");
  for (const auto& row : output_table) {
    const auto i = index_of(row.id);
    // FLOPs are unknown on the time paths, market-based emissions have their note above.
    if (row.id == output::flops || row.id == output::emissions_market) continue;
    // Embodied emissions a run left out are not unknown: the total sums the runs that count them.
    const std::size_t counted =
        row.id == output::emissions_embodied ? inv.total.runs - inv.total.embodied_left_out : inv.total.runs;
    if (row.headline && inv.total.known[i] > 0 && inv.total.known[i] < counted)
      inv.notes.push_back(fmt::format("{}{} is known for {} of {} runs, so its total is unknown.", row.label,
                                      row.group == "cost_usd" ? " cost" : "",  // "electricity cost", not "electricity"
                                      inv.total.known[i], counted));
  }
  // The cost columns count each run's cost once, as compare does (rank_metric, compare.hpp).
  std::size_t rented = 0, cost_known = 0;
  for (const auto& r : inv.rows) {
    rented += r.result.context.ownership == ownership::cloud;
    cost_known += rank_metric(r.result, rank_by::cost).has_value();
  }
  if (rented > 0)
    inv.notes.push_back(fmt::format("Cost counts each run once: a rented run's is its compute cost (its rent, which "
                                    "pays for its electricity: \"in rent\"), an owned run's is its electricity + "
                                    "compute cost ({} of {} runs rented).",
                                    rented, inv.rows.size()));
  if (cost_known > 0 && cost_known < inv.rows.size())
    inv.notes.push_back(fmt::format("Cost is known for {} of {} runs, so its total is unknown.", cost_known,
                                    inv.rows.size()));
  if (inv.total.embodied_left_out > 0 && inv.total.embodied_left_out < inv.total.runs)
    inv.notes.push_back(fmt::format("Embodied emissions are left out of {} of {} runs (no_embodied or the model-card "
                                    "convention); their totals sum the other runs.",
                                    inv.total.embodied_left_out, inv.total.runs));
  if (fin.runs == 0) inv.notes.push_back("No final run in the inventory: development work cannot be set against one.");
  // Runs in plain-language words or with ranges were estimated with the Monte Carlo
  // (make_estimate): their figures are medians, and a total adds medians.
  std::vector<std::string> ranged;
  const uncertainty_result* mc = nullptr;
  for (const auto& r : inv.rows)
    if (r.result.uncertainty) {
      ranged.push_back(r.run.line > 0 ? fmt::format("line {}", r.run.line) : r.run.name);
      if (!mc) mc = &*r.result.uncertainty;
    }
  if (mc) {
    std::string list;
    for (std::size_t i = 0; i < ranged.size() && i < 5; ++i) list += (i ? ", " : "") + ranged[i];
    if (ranged.size() > 5) list += fmt::format(" and {} more", ranged.size() - 5);
    inv.notes.push_back(fmt::format(
        "{} of {} runs ({}) are given in plain-language words or ranges: their figures are Monte Carlo medians ({} "
        "samples, seed {}), with each run's 5th–95th percentiles in the JSON (runs[].estimate.uncertainty) and the "
        "CSV (*_p5, *_p95); the totals add those medians, which is not the median of the total.",
        ranged.size(), inv.rows.size(), list, mc->samples, mc->seed));
  }
  return inv;
}

}  // namespace trainprint::inline v0
