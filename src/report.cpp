// Sustainability reports: a comparison as a self-contained HTML or Markdown
// document (see include/trainprint/report.hpp).

#include "trainprint/report.hpp"

#include "format_internal.hpp"
#include "report_document.hpp"
#include "text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <span>

#include "trainprint/error.hpp"
#include "trainprint/estimator.hpp"
#include "trainprint/format.hpp"
#include "trainprint/ghg.hpp"
#include "trainprint/spelling.hpp"
#include "trainprint/inventory.hpp"
#include "trainprint/version.hpp"

namespace trainprint::inline v0 {
namespace {

using namespace report_detail;

using text::join;
using text::pick;
using text::emission_steps;
using text::energy_steps;
using text::hour_steps;
using text::step;

// --- units and numbers ---

constexpr std::array<step, 3> water_steps{{{1, "L"}, {1e3, "m³"}, {1e9, "million m³"}}};
constexpr std::array<step, 3> usd_steps{{{1, "USD"}, {1e3, "thousand USD"}, {1e6, "million USD"}}};

/// A trace value for people: counts with k/M/B/T, others with 4 significant digits.
std::string trace_value(const trace_entry& t) {
  if (t.unit == "bool") return t.value != 0 ? "yes" : "no";
  if (std::abs(t.value) >= 1e5) return readable_count(t.value);
  return fmt::format("{:.4g}", t.value);
}
std::string trace_unit(const trace_entry& t) { return t.unit == "1" || t.unit == "bool" ? std::string{} : t.unit; }

// --- what the report says, before it is written as HTML or Markdown ---

/// A table column of the ranked table: an output of the estimate in one unit.
struct column {
  std::string title, unit;
  std::string output;  // the JSON path in trainprint.estimate/1 ("cost_usd": rank_metric(e, rank_by::cost), compare.hpp)
  double factor = 1;
  std::vector<std::optional<double>> central;
  std::vector<const output_interval*> interval;
};

const output_interval* interval_of(const estimate& e, std::string_view name) {
  if (!e.uncertainty) return nullptr;
  const auto* o = e.uncertainty->find(name);
  return o && o->p5 != o->p95 ? o : nullptr;
}

std::optional<double> kg(const std::optional<emissions>& m) {
  return m ? std::optional(m->in_kg_co2e()) : std::nullopt;
}
std::optional<double> litres(const std::optional<water_volume>& w) {
  return w ? std::optional(w->in_litres()) : std::nullopt;
}

/// Total emissions as a comparison ranks them: total, else location-based.
std::optional<double> emissions_of(const estimate& e) { return rank_metric(e, rank_by::emissions); }
const output_interval* emissions_interval(const estimate& e) {
  return interval_of(e, e.total ? "emissions_kg_co2e.total" : "emissions_kg_co2e.location_based");
}

std::string metric_name(rank_by r) {
  switch (r) {
    case rank_by::energy: return "facility energy";
    case rank_by::emissions: return "total emissions";
    case rank_by::water: return "total water consumption";
    case rank_by::cost: return "cost";
    case rank_by::time: return "wall-clock time";
  }
  return {};
}

std::string metric_text(rank_by r, double v) {
  auto with = [](double x, std::span<const step> steps) {
    const step& s = pick(x, steps);
    return chart_number(x / s.factor) + " " + s.unit;
  };
  switch (r) {
    case rank_by::energy: return with(v, energy_steps);
    case rank_by::emissions: return with(v, emission_steps);
    case rank_by::water: return with(v, water_steps);
    case rank_by::cost: return with(v, usd_steps);
    case rank_by::time: return with(v, hour_steps);
  }
  return {};
}

/// The interval of a row's ranked metric, when it has one.
const output_interval* metric_interval(const estimate& e, rank_by r) {
  switch (r) {
    case rank_by::energy: return interval_of(e, "energy_kwh.facility");
    case rank_by::emissions: return emissions_interval(e);
    case rank_by::water: return interval_of(e, "water_l.total");
    case rank_by::cost:
      // A rented run's cost is its rent (compute) alone; an owned run's a sum of two parts,
      // whose median is not the sum of theirs: no interval (rank_metric, compare.hpp).
      return e.context.ownership == ownership::cloud ? interval_of(e, "cost_usd.compute") : nullptr;
    case rank_by::time: return interval_of(e, "compute.wall_hours");
  }
  return nullptr;
}

std::string range_text(const output_interval* o, double factor) {
  return o ? "(" + chart_number(o->p5 / factor) + "–" + chart_number(o->p95 / factor) + ")" : std::string{};
}

/// The columns of the ranked table; columns of one quantity (emissions, water)
/// share the unit that suits the largest of them.
std::vector<column> columns_of(const comparison& c) {
  std::vector<column> cols;
  std::vector<std::span<const step>> col_steps;
  auto add = [&](std::string title, std::string output, std::span<const step> steps, auto get) {
    column col{std::move(title), {}, std::move(output), 1, {}, {}};
    for (const auto& r : c.rows) {
      col.central.push_back(get(r.result));
      col.interval.push_back(col.output == "cost_usd" ? metric_interval(r.result, rank_by::cost)
                                                      : interval_of(r.result, col.output));
    }
    cols.push_back(std::move(col));
    col_steps.push_back(steps);
  };
  add("Energy (facility)", "energy_kwh.facility", energy_steps,
      [](const estimate& e) -> std::optional<double> { return e.energy_facility.in_kwh(); });
  add("Emissions, location-based", "emissions_kg_co2e.location_based", emission_steps,
      [](const estimate& e) { return kg(e.location_based); });
  add("Emissions, market-based", "emissions_kg_co2e.market_based", emission_steps,
      [](const estimate& e) { return kg(e.market_based); });
  add("Embodied emissions", "emissions_kg_co2e.embodied", emission_steps, [](const estimate& e) { return kg(e.embodied); });
  add("Total emissions", "emissions_kg_co2e.total", emission_steps, [](const estimate& e) { return kg(e.total); });
  add("Water, on-site", "water_l.onsite", water_steps, [](const estimate& e) { return litres(e.water_onsite); });
  add("Water, off-site", "water_l.offsite", water_steps, [](const estimate& e) { return litres(e.water_offsite); });
  // The electricity cost on its own (a rented run's is in its rent: "in rent"), then the run's
  // cost as compare counts it: an owned run's electricity + owning, unknown when either is.
  add("Electricity cost", "cost_usd.electricity", usd_steps, [](const estimate& e) { return e.electricity_cost_usd; });
  add("Cost", "cost_usd", usd_steps, [](const estimate& e) { return rank_metric(e, rank_by::cost); });
  add("Wall time", "compute.wall_hours", hour_steps, [](const estimate& e) { return e.wall_hours; });
  for (std::size_t i = 0; i < cols.size(); ++i) {
    double m = 0;
    for (std::size_t j = 0; j < cols.size(); ++j)
      if (col_steps[j].data() == col_steps[i].data())
        for (const auto& v : cols[j].central)
          if (v) m = std::max(m, std::abs(*v));
    const step& s = pick(m, col_steps[i]);
    cols[i].unit = s.unit;
    cols[i].factor = s.factor;
  }
  return cols;
}

/// The scenario range name of a trace entry ("accelerator_power_w" → "power_w").
std::string canonical_range_name(std::string_view trace_name) {
  if (trace_name == "accelerator_power_w") return "power_w";
  if (trace_name == "pue" || trace_name == "mfu" || trace_name == "cfe" || trace_name == "lifetime_years" ||
      trace_name == "power_fraction" || trace_name == "host_power_w" || trace_name == "gpu_hours" ||
      trace_name == "duration_h" || trace_name == "price_usd_per_kwh" || trace_name == "hourly_price_usd")
    return std::string(trace_name);
  if (trace_name == "wue_l_per_kwh") return "wue";
  if (trace_name == "ewif_l_per_kwh") return "ewif";
  if (trace_name == "intensity_g_per_kwh") return "intensity";
  if (trace_name == "accelerator_hours") return "gpu_hours";
  return {};
}

/// Trace entries that are inputs (not derived), by name in first-seen order.
void collect_inputs(const comparison& c, source_list& sources, document& d) {
  std::vector<std::string> names;
  for (const auto& r : c.rows)
    for (const auto& t : r.result.trace)
      if (t.origin != origin::derived && std::find(names.begin(), names.end(), t.name) == names.end())
        names.push_back(t.name);
  for (const auto& name : names) {
    input_row row{name, {}, {}, {}, {}, {}};
    bool same = true;
    const trace_entry* first = nullptr;
    for (const auto& r : c.rows) {
      const trace_entry* t = r.result.find_trace(name);
      if (!t) {
        row.values.emplace_back("—");
        row.origins.emplace_back("not used");
        row.sources.push_back(0);
        same = false;
        continue;
      }
      if (row.unit.empty()) row.unit = trace_unit(*t);
      row.values.push_back(trace_value(*t));
      // With ranges, the numbers are medians: the input drawn beside them says its own
      // median and 90% range (the trace's value is the point estimate's).
      const input_distribution* drawn = nullptr;
      if (r.result.uncertainty)
        for (const auto& x : r.result.uncertainty->inputs)
          if (to_string(x.input) == name && !x.dist.fixed()) drawn = &x;
      if (drawn)
        row.values.back() += fmt::format(" (point value; drawn: median {:.4g}, 90% {:.4g}–{:.4g})",
                                         drawn->dist.quantile(0.5), drawn->dist.quantile(0.05),
                                         drawn->dist.quantile(0.95));
      else if (auto rg = r.result.scenario.ranges.find(canonical_range_name(name)); rg != r.result.scenario.ranges.end())
        row.values.back() += fmt::format(" (range {:.4g}–{:.4g})", rg->second.low, rg->second.high);
      row.origins.emplace_back(to_string(t->origin));
      if (t->confidence == "low") {
        row.low = true;
        row.origins.back() += " (low confidence)";
      }
      row.sources.push_back(sources.add(t->source));
      if (!first) first = t;
      else if (!(t->value == first->value && t->origin == first->origin && t->source == first->source)) same = false;
    }
    if (same && first) {
      row.values.resize(1);
      row.origins.resize(1);
      row.sources.resize(1);
      row.note = first->note;
      d.shared.push_back(std::move(row));
    } else {
      d.varying.push_back(std::move(row));
    }
  }
}

/// A region's place for people ("Hamina, Finland" for gcp:europe-north1, "France" for
/// FR); "" when the id is not a region or its name is its id.
std::string place_name(const catalog& cat, const std::string& id) {
  const region* r = id.empty() ? nullptr : cat.get_region(id);
  if (!r) return {};
  const std::string& n = !r->location.empty() ? r->location : r->name;
  return n == r->id ? std::string{} : n;
}

/// "FR (France)", or the id alone when it has no place name.
std::string with_place(const catalog& cat, const std::string& id) {
  const auto p = place_name(cat, id);
  return p.empty() ? id : id + " (" + p + ")";
}

/// The emissions of each option in GHG Protocol scopes, and what a reader must know.
void add_scopes(const comparison& c, document& d) {
  d.scope_titles = {"Operational, location-based", "Operational, market-based (claim)", "Embodied"};
  std::vector<std::string> claims;
  for (const auto& r : c.rows) {
    const ghg_accounting g = ghg_scopes(r.result);
    scope_row row{std::string(to_string(g.ownership)), {}};
    for (const auto& l : g.lines) {
      std::string cell = l.label() + ": " + (l.left_out   ? std::string("left out")
                                             : l.kg_co2e ? readable(emissions::kg_co2e(*l.kg_co2e))
                                                         : std::string("unknown"));
      if (!l.claim.empty() && l.kg_co2e) cell += " (" + l.claim + ")";
      // The method is the column's; the cell keeps the scope and category.
      for (const char* m : {", location-based", ", market-based", ", embodied"})
        if (auto k = cell.find(m); k != std::string::npos) cell.erase(k, std::string_view(m).size());
      row.cells.push_back(std::move(cell));
    }
    d.scopes.push_back(std::move(row));
    if (!g.market_claim.empty() && r.result.market_based &&
        std::find(claims.begin(), claims.end(), g.market_claim) == claims.end())
      claims.push_back(g.market_claim);
    for (const auto& n : g.notes)
      if (std::find(d.scope_notes.begin(), d.scope_notes.end(), n) == d.scope_notes.end()) d.scope_notes.push_back(n);
  }
  if (claims.size() > 1)
    d.scope_notes.insert(d.scope_notes.begin(),
                         "The market-based column mixes kinds of claim (" + join(claims, ", ") +
                             "): each cell names its own; figures of different kinds do not compare like for like.");
}

/// What the reader must keep in mind: the model's limits and this report's weak inputs.
void add_limitations(const comparison& c, const document& d, document& out, rank_by by) {
  auto& l = out.limitations;
  l.push_back("An estimate from public figures, not a measurement: measured energy (a meter or the accelerators' "
              "energy counters) beats every number here.");
  for (const auto& r : d.shared)
    if (r.low)
      l.push_back("Low confidence: " + r.name + " (" + r.values[0] + (r.unit.empty() ? "" : " " + r.unit) + ", " +
                  r.origins[0] + ") is an estimate marked low confidence in its source or the catalog.");
  for (const auto& r : d.varying)
    if (r.low) {
      std::vector<std::string> which;
      for (std::size_t i = 0; i < c.rows.size() && i < r.values.size(); ++i) {
        const auto* t = c.rows[i].result.find_trace(r.name);
        if (t && t->confidence == "low") which.push_back(c.rows[i].value);
      }
      l.push_back("Low confidence: " + r.name + " for " + join(which, ", ") +
                  " is an estimate marked low confidence in its source or the catalog.");
    }
  // Does on-site water (IT energy × WUE) alone decide the water ranking, with a weak WUE?
  if (c.rows.size() > 1) {
    bool weak_wue = false;
    for (const auto& r : c.rows)
      if (const auto* t = r.result.find_trace("wue_l_per_kwh"); t && (t->confidence == "low" || t->origin == origin::fallback))
        weak_wue = true;
    std::vector<std::pair<double, std::size_t>> total, offsite;
    for (std::size_t i = 0; i < c.rows.size(); ++i) {
      const auto& e = c.rows[i].result;
      if (e.water_total && e.water_offsite) {
        total.emplace_back(e.water_total->in_litres(), i);
        offsite.emplace_back(e.water_offsite->in_litres(), i);
      }
    }
    std::sort(total.begin(), total.end());
    std::sort(offsite.begin(), offsite.end());
    bool decided = false;
    for (std::size_t k = 0; k < total.size(); ++k) decided = decided || total[k].second != offsite[k].second;
    if (weak_wue && decided)
      l.push_back(std::string("On-site water decides the order of the water ") +
                  (by == rank_by::water ? "ranking" : "column") +
                  " (off-site water alone would order the options differently), and the WUE behind it is an "
                  "estimate (a low-confidence catalog value or the industry-average default): the water order may "
                  "not hold.");
  }
  l.push_back("Embodied emissions rest on manufacturing estimates (carbon per die area and memory, or per-device "
              "figures), amortised linearly over the service life; vendors publish few product carbon footprints.");
  l.push_back("Grid intensities are annual averages: a run's own hours may be cleaner or dirtier, and hourly "
              "matching claims cannot be checked from annual figures.");
  l.push_back("Water counts consumption (evaporated), not withdrawal, and says nothing about local water stress.");
  l.push_back("Networking, storage, data preparation, failed runs not listed, inference and the people's travel are "
              "outside the boundary.");
}

document build(const comparison& c, const catalog& cat, const report_options& o) {
  if (c.rows.empty()) throw input_error("across", "no values", "at least one value, e.g. region=FR,SE,US-VA");
  document d;
  source_list sources;
  sources.methodology_url = o.methodology_url;
  const auto& first = c.rows.front().result;
  d.key = c.key;
  for (const auto& r : c.rows) d.options.push_back(r.value);
  d.title = o.title.empty() ? "Training footprint by " + c.key : o.title;
  d.catalog_version = first.catalog_version;
  d.catalog_date = first.catalog_date;
  d.boundary = std::string(to_string(first.context.boundary));
  d.convention = std::string(to_string(first.context.convention));
  d.lifetime_years = first.inputs.lifetime_years;
  d.methodology_url = o.methodology_url;
  d.author = o.author;
  d.organisation = o.organisation;
  d.date = o.date;
  for (const auto& r : c.rows)
    d.place_names.push_back(canonical_input_name(c.key) == "region" ? place_name(cat, r.result.context.region_id)
                                                                    : std::string{});

  // Subtitle: what stays the same.
  {
    std::string key = canonical_input_name(c.key);
    std::vector<std::string> same;
    if (key != "hardware" && !first.context.accelerator_id.empty())
      same.push_back(hardware_text(first, cat, key != "count"));
    if (first.scenario.params && first.scenario.tokens && key != "params" && key != "tokens")
      same.push_back(readable_count(*first.scenario.params) + " parameters, " + readable_count(*first.scenario.tokens) +
                     " tokens");
    if (first.flops && key != "flops") same.push_back(fmt::format("{:.3g} FLOP", *first.flops));
    if (key != "region" && !first.context.region_id.empty()) same.push_back("in " + with_place(cat, first.context.region_id));
    if (key != "boundary" && key != "convention")
      same.push_back(d.boundary + " boundary (convention " + d.convention + ")");
    d.ranked = known_metrics(c) >= 2;  // else no rank numbers, and the subtitle says why (ranking_text())
    d.subtitle = fmt::format("{} compared across {} values of {}, {}", join(same, ", "), c.rows.size(), c.key,
                             d.ranked ? "ranked by " + metric_name(c.rank_by) : ranking_text(c));
    for (std::size_t i = 0; i < c.rows.size(); ++i)
      d.ranks.push_back(rank_of(c, i) ? std::to_string(*rank_of(c, i)) : std::string("—"));
  }

  const bool uncertain = std::any_of(c.rows.begin(), c.rows.end(), [](const auto& r) { return r.result.uncertainty; });
  if (uncertain) {
    const auto& u = *std::find_if(c.rows.begin(), c.rows.end(), [](const auto& r) { return r.result.uncertainty; })
                         ->result.uncertainty;
    d.ranges = fmt::format(
        "Each number is the median of {} Monte Carlo samples (seed {}) with its 90% interval, the 5th to 95th "
        "percentile, over every uncertain input, each drawn from a triangular distribution (low, mode, high) set by "
        "the user's range, a documented default range, the fitted model's held-out residuals or the catalog value's "
        "confidence.",
        u.samples, u.seed);
  }

  // Summary sentence.
  {
    const comparison_row& best = c.rows.front();
    const comparison_row* worst = nullptr;
    for (const auto& r : c.rows)
      if (r.metric) worst = &r;
    auto with_range = [&](const comparison_row& r) {
      std::string t = metric_text(c.rank_by, *r.metric);
      if (const auto* i = metric_interval(r.result, c.rank_by)) {
        const step& s = pick(*r.metric, c.rank_by == rank_by::emissions ? std::span<const step>(emission_steps)
                                        : c.rank_by == rank_by::energy  ? std::span<const step>(energy_steps)
                                        : c.rank_by == rank_by::water   ? std::span<const step>(water_steps)
                                        : c.rank_by == rank_by::cost    ? std::span<const step>(usd_steps)
                                                                        : std::span<const step>(hour_steps));
        t += fmt::format(" (90% interval {}–{})", chart_number(i->p5 / s.factor), chart_number(i->p95 / s.factor));
      }
      return t;
    };
    if (!best.metric) {
      d.summary = fmt::format("The {} of every option is unknown; the table below shows what is known.",
                              metric_name(c.rank_by));
    } else if (c.rows.size() == 1 || !worst || worst == &best) {
      d.summary = fmt::format("With {} = {}, the {} {} {}.", c.key, best.value, metric_name(c.rank_by),
                              c.rank_by == rank_by::emissions ? "are" : "is", with_range(best));
    } else {
      const double diff = *worst->delta_to_best;
      d.summary = fmt::format("Of the {} values of {} compared, {} has the lowest {}, {}, and {} the highest, {}.",
                              c.rows.size(), c.key, best.value, metric_name(c.rank_by), with_range(best), worst->value,
                              with_range(*worst));
      if (diff > 0 && is_accounting_input(c.key)) {
        // An accounting choice changes what is counted, not the run: nothing is saved.
        d.summary += fmt::format(" {} counts {} more than {}: {} is an accounting choice, it changes what is counted, "
                                 "not the footprint.",
                                 worst->value, metric_text(c.rank_by, diff), best.value, c.key);
      } else if (diff > 0 && c.rank_by == rank_by::cost && price_read_both_ways(best, *worst)) {
        d.summary += fmt::format(" {} costs {} less with one hourly price read as rent for one and as owning cost for "
                                 "the other (see the notes): not a saving until each has the price it really pays.",
                                 best.value, metric_text(c.rank_by, diff));
      } else if (diff > 0) {
        // With ranges both are medians: the saving is their difference, not a median of its own.
        d.summary += fmt::format(" Choosing {} over {} saves {} ({}{:.0f}% of the highest", best.value, worst->value,
                                 metric_text(c.rank_by, diff),
                                 best.result.uncertainty && worst->result.uncertainty ? "the difference of the medians; "
                                                                                      : "",
                                 100 * diff / *worst->metric);
        if (*best.metric > 0) d.summary += fmt::format("; the highest is {:.3g} times the lowest", *worst->metric / *best.metric);
        d.summary += ").";
        const auto* bi = metric_interval(best.result, c.rank_by);
        const auto* wi = metric_interval(worst->result, c.rank_by);
        if (bi && wi)
          d.summary += bi->p95 < wi->p5 ? " Their 90% intervals do not overlap."
                                        : " Their 90% intervals overlap, so the order of these two is uncertain.";
      } else {
        d.summary += " They are the same.";
      }
    }
    // Options whose metric is unknown are not ranked against the others: say which.
    std::vector<std::string> unknown;
    for (const auto& r : c.rows)
      if (!r.metric) unknown.push_back(r.value);
    if (best.metric && !unknown.empty())
      d.summary += fmt::format(" The {} of {} is unknown, so {} not ranked against the others.", metric_name(c.rank_by),
                               join(unknown, ", "), unknown.size() == 1 ? "it is" : "they are");
  }

  // Scenario: the inputs with their origins (sources numbered after the
  // equivalents', which the document cites first).
  const auto picked = pick_equivalents(cat, o.equivalents);
  for (const auto* q : picked) sources.add(q->prov.citation());
  collect_inputs(c, sources, d);
  for (const auto& r : c.rows) {
    const auto& x = r.result;
    std::string b;
    if (!x.inputs.intensity_g_per_kwh) b = "grid intensity unknown";
    else {
      b = x.context.grid_region_id.empty() ? std::string("given intensity")
                                           : "grid " + with_place(cat, x.context.grid_region_id);
      if (!x.context.intensity_basis.empty()) b += "; " + x.context.intensity_basis;
    }
    d.grid_basis.push_back(b);
  }
  if (const auto kinds = intensity_kinds(c); kinds.size() > 1)
    d.basis_note = "The options mix " + join(kinds, " and ") +
                   " grid intensities: direct intensities leave out upstream (fuel-chain) emissions, so those "
                   "options look somewhat better than a lifecycle figure would show.";

  // Ranked table.
  const auto cols = columns_of(c);
  for (const auto& col : cols) {
    d.header_titles.push_back(col.title);
    d.header_units.push_back(col.unit);
    d.outputs.push_back(col.output);
    d.factors.push_back(col.factor);
  }
  bool outside = false;
  for (std::size_t i = 0; i < c.rows.size(); ++i) {
    std::vector<cell> row;
    for (const auto& col : cols) {
      // Embodied emissions the user left out (--no-embodied) read so, not as unknown.
      if (!col.central[i] && col.output == "emissions_kg_co2e.embodied" && !c.rows[i].error &&
          !c.rows[i].result.inputs.embodied)
        row.push_back({"left out", {}});
      else if (col.output == "cost_usd.electricity" && !c.rows[i].error &&
               c.rows[i].result.context.ownership == ownership::cloud)
        row.push_back({"in rent", {}});  // the rent pays for it: not a part of the run's cost
      else if (!col.central[i]) row.push_back({"unknown", {}});
      else row.push_back({chart_number(*col.central[i] / col.factor), range_text(col.interval[i], col.factor)});
      if (col.central[i] && col.interval[i] &&
          (*col.central[i] < col.interval[i]->p5 || *col.central[i] > col.interval[i]->p95))
        outside = true;
    }
    d.rows.push_back(std::move(row));
  }
  for (auto& n : cost_notes(c)) d.notes.push_back(text::capitalised(std::move(n)));  // compare's words (compare_notes.cpp)
  if (outside)
    d.notes.push_back("Where a value lies outside its interval, an input sits at the end of its range (for example a "
                      "carbon-free-energy share of 100%, which the samples can only lower).");

  // Charts. With ranges the stacked parts are each a median, whose sum is not the median of
  // the total: the captions say so, as the charts' labels.
  d.charts = comparison_charts(c);
  constexpr std::string_view medians_caption =
      " Each part is its own median; medians need not add up, so a bar's length can differ from the median of the "
      "total printed beside it (the table's).";
  d.chart_ids = {"emissions", "components", "water"};
  d.captions = {
      uncertain ? "Bars: location-based operational plus embodied emissions; whiskers: 90% interval."
                : "Bars: location-based operational plus embodied emissions.",
      "Operational emissions (location-based: facility energy × grid intensity) and embodied emissions (manufacturing, "
      "amortised over the hardware's life)." + std::string(uncertain ? medians_caption : ""),
      "On-site water evaporated for cooling (IT energy × WUE) and off-site water consumed to generate the electricity "
      "(facility energy × EWIF)." + std::string(uncertain ? medians_caption : "")};

  // Everyday equivalents: the first of each kind in the catalog.
  for (const auto* q : picked) {
    const std::string kind = q->applies_to;
    equivalent_col col{q->name, {}, sources.add(q->prov.citation()), {}};
    const char* base = kind == "emissions" ? "kg CO2e" : kind == "energy" ? "kWh" : "L";
    col.per_unit = fmt::format("1 {} = {:g} {}", q->unit, q->per_unit, base);
    for (const auto& r : c.rows) {
      std::optional<double> amount;
      if (q->applies_to == "emissions") amount = emissions_of(r.result);
      if (q->applies_to == "energy") amount = r.result.energy_facility.in_kwh();
      if (q->applies_to == "water") amount = litres(r.result.water_total);
      col.cells.push_back(amount ? equivalent_cell(*amount, *q) : "unknown");
    }
    if (c.rank_by == rank_by::emissions && kind == "emissions" && c.rows.size() > 1) {
      const comparison_row* worst = nullptr;
      for (const auto& r : c.rows)
        if (r.delta_to_best) worst = &r;
      if (worst && *worst->delta_to_best > 0 && !is_accounting_input(c.key)) {
        d.saving = fmt::format("{} instead of {} avoids {}", c.rows.front().value, worst->value,
                               metric_text(rank_by::emissions, *worst->delta_to_best));
        if (c.rows.front().result.uncertainty && worst->result.uncertainty)
          d.saving += " (the difference of the medians)";  // not a median of its own
        if (auto t = equivalent_text(*worst->delta_to_best, *q)) d.saving += ", about as much as " + *t;
        d.saving += ".";
      }
    }
    d.equivalents.push_back(std::move(col));
  }

  // Notes: shared ones once, the others by option.
  {
    std::vector<std::string> all;
    for (const auto& r : c.rows)
      for (const auto& n : r.result.notes)
        if (std::find(all.begin(), all.end(), n) == all.end()) all.push_back(n);
    for (const auto& n : all) {
      std::vector<std::string> which;
      for (const auto& r : c.rows)
        if (std::find(r.result.notes.begin(), r.result.notes.end(), n) != r.result.notes.end()) which.push_back(r.value);
      const std::string t = spell_inputs(n, spelling::json);  // `id` marks: the ids
      d.notes.push_back(which.size() == c.rows.size() ? t : join(which, ", ") + ": " + t);
    }
  }

  // Sensitivity of the best option, and the sources of the ranges.
  if (uncertain && first.uncertainty) {
    const auto& u = *first.uncertainty;
    for (const auto& s : u.sensitivity) {
      if (d.sensitivity.size() == 4 || s.swing <= 0) break;
      d.sensitivity.push_back(fmt::format("{} ({}–{})", to_string(s.input), fmt::format("{:.3g}", s.input_p5),
                                          fmt::format("{:.3g}", s.input_p95)));
    }
    for (const auto& r : c.rows)
      if (r.result.uncertainty)
        for (const auto& in : r.result.uncertainty->inputs) sources.add(in.source);
  }
  add_scopes(c, d);
  add_limitations(c, d, d, c.rank_by);
  if (o.equivalents == "eu" && std::none_of(picked.begin(), picked.end(), [](const equivalent* q) { return q->applies_to == "energy"; }))
    d.limitations.push_back("No European household-electricity equivalent is in the catalog with a source, so the "
                            "EU equivalents leave energy out.");
  d.sources = std::move(sources.list);
  return d;
}

/// A report is HTML or Markdown; input_error for another format.
void check_format(output_format f) {
  if (f != output_format::html && f != output_format::md)
    throw input_error("format", "'" + std::string(to_string(f)) + "'", "html or md");
}

}  // namespace

std::vector<bar_chart> comparison_charts(const comparison& c) {
  std::vector<bar_chart> charts;
  double em_max = 0, wa_max = 0;
  bool uncertain = false;
  for (const auto& r : c.rows) {
    const auto& e = r.result;
    if (auto m = emissions_of(e)) em_max = std::max(em_max, *m);
    if (e.water_total) wa_max = std::max(wa_max, e.water_total->in_litres());
    uncertain = uncertain || emissions_interval(e) != nullptr;
  }
  const step& es = pick(em_max, emission_steps);
  const step& ws = pick(wa_max, water_steps);

  bar_chart total{"chart-emissions", "Total emissions per " + c.key, {}, es.unit, {}, {}, false};
  bar_chart parts{"chart-components", "Emissions by component per " + c.key, {}, es.unit,
                  {"operational (location-based)", "embodied"}, {}, false};
  bar_chart water{"chart-water", "Water consumption per " + c.key, {}, ws.unit,
                  {"on-site (cooling)", "off-site (electricity generation)"}, {}, false};
  std::vector<std::string> dt, dp, dw;
  for (const auto& r : c.rows) {
    const auto& e = r.result;
    auto scaled = [](std::optional<double> v, double f) { return v ? std::optional(*v / f) : std::nullopt; };
    chart_bar b{r.value, {scaled(emissions_of(e), es.factor)}, {}, {}, {}};
    if (const auto* i = emissions_interval(e); i && b.values[0]) {
      b.low = i->p5 / es.factor;
      b.high = i->p95 / es.factor;
      b.value_text = chart_number(*b.values[0]) + " (" + chart_number(*b.low) + "–" + chart_number(*b.high) + ")";
    }
    dt.push_back(r.value + ": " + (b.values[0] ? (b.value_text.empty() ? chart_number(*b.values[0]) : b.value_text) : "unknown"));
    total.bars.push_back(std::move(b));

    // A stacked bar of two parts, labelled "total = first + second" ("?" for an unknown part;
    // `second_left_out`: the second part was left out by the user, which the label says).
    // With ranges each part is its own median, and medians do not add up: the label gives the
    // median of the total (`whole`, the table's) and then the parts' medians, never their sum
    // as a total ("8.67 (median); parts' medians 7.52 + 1.07").
    auto stacked = [&](bar_chart& chart, std::vector<std::string>& described, std::optional<double> first,
                       std::optional<double> second, std::optional<double> whole, double factor,
                       bool second_left_out = false) {
      chart_bar p{r.value, {scaled(first, factor), scaled(second, factor)}, {}, {}, {}};
      if (p.values[0] || p.values[1]) {
        const std::string sum = (p.values[0] ? chart_number(*p.values[0]) : "?") + " + " +
                                (p.values[1] ? chart_number(*p.values[1]) : second_left_out ? "0 (left out)" : "?");
        if (e.uncertainty && whole)
          p.value_text = chart_number(*whole / factor) + " (median); parts' medians " + sum;
        else
          p.value_text = chart_number(p.values[0].value_or(0) + p.values[1].value_or(0)) + " = " + sum;
      }
      described.push_back(r.value + ": " + (p.value_text.empty() ? "unknown" : p.value_text));
      chart.bars.push_back(std::move(p));
    };
    stacked(parts, dp, kg(e.location_based), kg(e.embodied), emissions_of(e), es.factor,
            !r.error && !e.inputs.embodied);
    stacked(water, dw, litres(e.water_onsite), litres(e.water_offsite), litres(e.water_total), ws.factor);
  }
  total.description = fmt::format(
      "Horizontal bar chart, one bar per {}, {}: total emissions (location-based operational + embodied) in "
      "{}{}. {}.",
      c.key,
      // The bars keep the table's order: by the ranked quantity when ranked, which need not be emissions.
      known_metrics(c) >= 2 ? fmt::format("ordered by {}, lowest first", metric_name(c.rank_by))
                            : std::string("in the table's order"),
      es.unit, uncertain ? ", with whiskers for the 90% interval" : "", join(dt, "; "));
  // With ranges, the parts are medians, which need not add up to the median of the total.
  const bool ranged = std::any_of(c.rows.begin(), c.rows.end(), [](const auto& r) { return r.result.uncertainty.has_value(); });
  const std::string_view medians_read =
      "each value reads the median of the total (as in the table), then the medians of the two parts, which the bar "
      "stacks: medians need not add up, so a bar's length can differ from its total's median";
  parts.description = fmt::format(
      "Stacked horizontal bar chart, one bar per {}: operational location-based emissions (dark, solid) then embodied "
      "emissions (light, hatched), in {}; {}. {}.",
      c.key, es.unit, ranged ? medians_read : "each value reads total = operational + embodied", join(dp, "; "));
  water.description = fmt::format(
      "Stacked horizontal bar chart, one bar per {}: on-site water for cooling (dark, solid) then off-site water for "
      "electricity generation (light, hatched), in {}; {}. {}.",
      c.key, ws.unit, ranged ? medians_read : "each value reads total = on-site + off-site", join(dw, "; "));
  charts.push_back(std::move(total));
  charts.push_back(std::move(parts));
  charts.push_back(std::move(water));
  return charts;
}

/// `c` without the options that could not be estimated (they have no numbers to draw).
comparison estimated_only(const comparison& c) {
  comparison out = c;
  std::erase_if(out.rows, [](const comparison_row& r) { return r.error.has_value(); });
  return out;
}

std::string render_comparison_svg(const comparison& c) {
  auto chart = comparison_charts(estimated_only(c)).front();
  chart.show_title = true;
  return render_svg(chart);
}

report render_report(const comparison& c, const catalog& cat, const report_options& o) {
  check_format(o.format);
  // The options that could not be estimated are left out of the tables and charts
  // and named, with the reason, in the notes.
  const comparison estimated = estimated_only(c);
  if (estimated.rows.empty() && !c.rows.empty()) throw input_error(c.key, "no option that could be estimated", *c.rows.front().error);
  document d = build(estimated, cat, o);
  for (const auto& r : c.rows)
    if (r.error) d.notes.push_back(fmt::format("{} = {} could not be estimated: {}", c.key, r.value, *r.error));
  if (o.format == output_format::md) return render_markdown_report(d, o);
  return {render_html(d), {}};
}

report render_inventory_report(const inventory& inv, const catalog& cat, const report_options& o) {
  check_format(o.format);
  if (inv.rows.empty()) throw input_error("inventory", "no runs", "at least one run");
  comparison c;
  c.key = "run";
  c.rank_by = rank_by::emissions;
  for (const auto& r : inv.rows) {
    comparison_row row{r.run.name, r.result, std::nullopt, std::nullopt, std::nullopt};
    row.metric = rank_metric(r.result, rank_by::emissions);
    c.rows.push_back(std::move(row));
  }
  report_options opt = o;
  if (opt.title.empty()) opt.title = "Training footprint inventory";
  document d = build(c, cat, opt);
  d.inventory = true;
  d.saving.clear();
  for (const auto& r : inv.rows) d.run_kinds.emplace_back(to_string(r.run.kind));
  std::vector<std::string> counts;
  for (auto k : all_run_kinds)
    if (const auto n = inv.by_kind[static_cast<std::size_t>(k)].runs; n > 0)
      counts.push_back(fmt::format("{} {}", n, to_string(k)));
  d.subtitle = fmt::format("{} runs ({}), in the order of the runs file", inv.rows.size(), join(counts, ", "));
  const auto total = inv.total.value(output::emissions_total);
  const auto energy_total = inv.total.value(output::energy_facility);
  d.summary = fmt::format("The {} runs used {} of facility energy and emitted {} (location-based operational + "
                          "embodied).",
                          inv.rows.size(), energy_total ? readable(energy::kwh(*energy_total)) : "an unknown amount",
                          total ? readable(emissions::kg_co2e(*total)) : "an unknown amount");
  if (inv.development_share_emissions) {
    d.development = fmt::format("Development work (development and ablation runs) is {:.1f}% of the total emissions",
                                100 * *inv.development_share_emissions);
    if (inv.development_per_final_emissions)
      d.development += fmt::format(", {:.2f} times the final run{}'s", *inv.development_per_final_emissions,
                                   inv.by_kind[0].runs == 1 ? "" : "s");
    d.development += ".";
    d.summary += " " + d.development;
  }
  d.totals_header = {"Kind of run", "Runs", "Energy (facility)", "Emissions, location-based", "Embodied",
                     "Total emissions", "Share of total", "Cost"};
  auto row_of = [&](std::string name, const inventory_total& t, std::optional<run_kind> k) {
    auto kg = [](std::optional<double> v) { return v ? readable(emissions::kg_co2e(*v)) : std::string("unknown"); };
    const auto te = t.value(output::emissions_total);
    const auto en = t.value(output::energy_facility);
    return std::vector<std::string>{std::move(name), std::to_string(t.runs), en ? readable(energy::kwh(*en)) : "unknown",
                                    kg(t.value(output::emissions_location)), embodied_text(t),
                                    kg(te), te && total && *total > 0 ? fmt::format("{:.1f}%", 100 * *te / *total) : "—",
                                    // each run's cost counted once (inventory_cost), as the runs' Cost column
                                    inventory_cost_text(inventory_cost(inv, k))};
  };
  for (auto k : all_run_kinds)
    if (const auto& t = inv.by_kind[static_cast<std::size_t>(k)]; t.runs > 0) d.totals.push_back(row_of(std::string(to_string(k)), t, k));
  d.totals.push_back(row_of("all runs", inv.total, std::nullopt));
  // The scope table of the whole inventory, summed over the runs, after each run's.
  for (const auto& l : inv.scopes)
    d.scope_notes.push_back(fmt::format("Inventory total, {}: {} over {} of {} runs.", l.label,
                                        readable(emissions::kg_co2e(l.kg_co2e)), l.runs, inv.rows.size()));
  for (const auto& n : inv.notes) d.notes.push_back(n);
  if (o.format == output_format::md) return render_markdown_report(d, o);
  return {render_html(d), {}};
}

report make_report(const scenario& base, std::string_view key, const std::vector<std::string>& values, const catalog& cat,
                   const report_options& o) {
  check_format(o.format);
  if (o.uncertainty) validate(*o.uncertainty);
  // With ranges every number of the report, the ranking and the savings included, is a
  // median of its samples.
  const comparison c = o.uncertainty ? compare(base, key, values, cat, o.rank_by, *o.uncertainty)
                                     : compare(base, key, values, cat, o.rank_by);
  return render_report(c, cat, o);
}

}  // namespace trainprint::inline v0
