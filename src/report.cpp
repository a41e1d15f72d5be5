// Sustainability reports: a comparison as a self-contained HTML or Markdown
// document (see include/trainprint/report.hpp).

#include "trainprint/report.hpp"

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
#include "trainprint/version.hpp"

namespace trainprint::inline v0 {
namespace {

using text::join;
using text::md_row;
using text::md_rule;
using text::pick;
using text::emission_steps;
using text::energy_steps;
using text::hour_steps;
using text::step;
/// Plain text escaped for Markdown.
std::string md(std::string_view s) { return text::md_escape(s); }
/// Inline code for Markdown.
std::string code(std::string_view s) { return text::md_code(s); }

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
  std::string output;  // the JSON path in trainprint.estimate/1 ("cost_usd" = electricity + compute)
  double factor = 1;
  std::vector<std::optional<double>> central;
  std::vector<const output_interval*> interval;
};

struct cell {
  std::string text, range;  // "6.35", "(4.06–9.96)" or ""
};

struct source_ref {
  std::string citation, title, year, url;
};

/// Splits "title (year), url" (the year and url optional) for a citation list.
source_ref parse_citation(const std::string& c) {
  source_ref r{c, c, {}, {}};
  if (auto p = r.title.rfind(", http"); p != std::string::npos) {
    r.url = r.title.substr(p + 2);
    r.title.resize(p);
  } else if (r.title.rfind("http", 0) == 0) {
    r.url = r.title;
    r.title.clear();
  }
  // "(2023)" at the end of the title, else the last year-like number in it.
  const auto n = r.title.size();
  if (n >= 7 && r.title[n - 1] == ')' && r.title[n - 6] == '(' &&
      std::all_of(r.title.begin() + static_cast<std::ptrdiff_t>(n - 5), r.title.end() - 1,
                  [](char ch) { return ch >= '0' && ch <= '9'; })) {
    r.year = r.title.substr(n - 5, 4);
    r.title.resize(n - 7);
  } else {
    for (std::size_t i = 0; i + 4 <= r.title.size(); ++i) {
      const auto y = r.title.substr(i, 4);
      const bool digits = std::all_of(y.begin(), y.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
      const bool alone = (i == 0 || !std::isdigit(static_cast<unsigned char>(r.title[i - 1]))) &&
                         (i + 4 == r.title.size() || !std::isdigit(static_cast<unsigned char>(r.title[i + 4])));
      if (digits && alone && (y.rfind("19", 0) == 0 || y.rfind("20", 0) == 0)) r.year = y;
    }
  }
  return r;
}

struct input_row {
  std::string name, unit;
  std::vector<std::string> values;  // one per option (one for a shared input)
  std::vector<std::string> origins;
  std::vector<int> sources;  // 1-based source numbers; 0 = none
  std::string note;
};

struct equivalent_col {
  std::string title;
  std::vector<std::string> cells;
  int source = 0;
  std::string per_unit;
};

struct document {
  std::string title, subtitle, summary, ranges;
  std::string key;
  std::vector<std::string> options;
  std::vector<input_row> shared, varying;
  std::vector<std::string> grid_basis;  // one per option
  std::string basis_note;
  std::vector<std::string> header_titles, header_units;
  std::vector<std::vector<cell>> rows;  // one per option, one cell per column
  std::vector<std::string> outputs;     // per column
  std::vector<double> factors;          // per column
  std::vector<bar_chart> charts;
  std::vector<std::string> chart_ids;   // file suffixes
  std::vector<std::string> captions;
  std::vector<equivalent_col> equivalents;
  std::string saving;
  std::vector<std::string> notes;
  std::vector<std::string> sensitivity;
  std::vector<source_ref> sources;
  std::string catalog_version, catalog_date, boundary, methodology_url;
  double lifetime_years = 5;
};

/// Numbers sources by first use.
struct source_list {
  std::string methodology_url;  // for defaults whose citation is trainprint's own methodology
  std::vector<source_ref> list;
  std::map<std::string, int, std::less<>> index;
  int add(const std::string& citation) {
    if (citation.empty()) return 0;
    auto [it, fresh] = index.try_emplace(citation, static_cast<int>(list.size()) + 1);
    if (fresh) {
      list.push_back(parse_citation(citation));
      if (list.back().url.empty() && citation.find("docs/methodology.md") != std::string::npos)
        list.back().url = methodology_url;
    }
    return it->second;
  }
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
      if (e.electricity_cost_usd && e.compute_cost_usd) return nullptr;
      return interval_of(e, e.compute_cost_usd ? "cost_usd.compute" : "cost_usd.electricity");
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
      if (auto rg = r.result.scenario.ranges.find(canonical_range_name(name)); rg != r.result.scenario.ranges.end())
        row.values.back() += fmt::format(" (range {:.4g}–{:.4g})", rg->second.low, rg->second.high);
      row.origins.emplace_back(to_string(t->origin));
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
  d.lifetime_years = first.inputs.lifetime_years;
  d.methodology_url = o.methodology_url;

  // Subtitle: what stays the same.
  {
    std::string key = canonical_input_name(c.key);
    std::vector<std::string> same;
    if (key != "hardware" && !first.context.accelerator_id.empty())
      same.push_back(key != "count" && first.inputs.count
                         ? fmt::format("{:g} × {}", *first.inputs.count, first.context.accelerator_id)
                         : first.context.accelerator_id);
    if (first.scenario.params && first.scenario.tokens && key != "params" && key != "tokens")
      same.push_back(readable_count(*first.scenario.params) + " parameters, " + readable_count(*first.scenario.tokens) +
                     " tokens");
    if (first.flops && key != "flops") same.push_back(fmt::format("{:.3g} FLOP", *first.flops));
    if (key != "region" && !first.context.region_id.empty()) same.push_back("in " + first.context.region_id);
    if (key != "boundary") same.push_back(d.boundary + " boundary");
    d.subtitle = fmt::format("{} compared across {} values of {}, ranked by {}", join(same, ", "), c.rows.size(), c.key,
                             metric_name(c.rank_by));
  }

  const bool uncertain = std::any_of(c.rows.begin(), c.rows.end(), [](const auto& r) { return r.result.uncertainty; });
  if (uncertain) {
    const auto& u = *std::find_if(c.rows.begin(), c.rows.end(), [](const auto& r) { return r.result.uncertainty; })
                         ->result.uncertainty;
    d.ranges = fmt::format(
        "Ranges are 90% intervals: the 5th to 95th percentile of {} Monte Carlo samples (seed {}) over every uncertain "
        "input, each drawn from a triangular distribution (low, mode, high) set by the user's range, a documented "
        "default range or the catalog value's confidence.",
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
      d.summary = fmt::format("{} = {} gives {} of {}.", c.key, best.value, metric_name(c.rank_by), with_range(best));
    } else {
      const double diff = *worst->delta_to_best;
      d.summary = fmt::format("Of the {} values of {} compared, {} has the lowest {}, {}, and {} the highest, {}.",
                              c.rows.size(), c.key, best.value, metric_name(c.rank_by), with_range(best), worst->value,
                              with_range(*worst));
      if (diff > 0) {
        d.summary += fmt::format(" Choosing {} over {} saves {} ({:.0f}% of the highest", best.value, worst->value,
                                 metric_text(c.rank_by, diff), 100 * diff / *worst->metric);
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
  }

  // Scenario: the inputs with their origins (sources numbered after the
  // equivalents', which the document cites first).
  for (const char* kind : {"emissions", "energy", "water"})
    for (const auto& q : cat.equivalents())
      if (q.applies_to == kind) {
        sources.add(q.prov.citation());
        break;
      }
  collect_inputs(c, sources, d);
  for (const auto& r : c.rows) {
    const auto& x = r.result;
    std::string b;
    if (!x.inputs.intensity_g_per_kwh) b = "grid intensity unknown";
    else {
      b = x.context.grid_region_id.empty() ? std::string("given intensity") : "grid " + x.context.grid_region_id;
      if (!x.context.intensity_basis.empty()) b += "; " + x.context.intensity_basis;
    }
    d.grid_basis.push_back(b);
  }
  {
    std::vector<std::string> kinds;
    for (const auto& r : c.rows) {
      const auto& basis = r.result.context.intensity_basis;
      const std::string k = basis.substr(0, basis.find(','));
      if (!k.empty() && std::find(kinds.begin(), kinds.end(), k) == kinds.end()) kinds.push_back(k);
    }
    if (kinds.size() > 1)
      d.basis_note = "The options mix " + join(kinds, " and ") +
                     " grid intensities: direct intensities leave out upstream (fuel-chain) emissions, so those "
                     "options look somewhat better than a lifecycle figure would show.";
  }

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
      if (!col.central[i]) row.push_back({"unknown", {}});
      else row.push_back({chart_number(*col.central[i] / col.factor), range_text(col.interval[i], col.factor)});
      if (col.central[i] && col.interval[i] &&
          (*col.central[i] < col.interval[i]->p5 || *col.central[i] > col.interval[i]->p95))
        outside = true;
    }
    d.rows.push_back(std::move(row));
  }
  if (outside)
    d.notes.push_back("Where a value lies outside its interval, an input sits at the end of its range (for example a "
                      "carbon-free-energy share of 100%, which the samples can only lower).");

  // Charts.
  d.charts = comparison_charts(c);
  d.chart_ids = {"emissions", "components", "water"};
  d.captions = {
      uncertain ? "Bars: location-based operational plus embodied emissions; whiskers: 90% interval."
                : "Bars: location-based operational plus embodied emissions.",
      "Operational emissions (location-based: facility energy × grid intensity) and embodied emissions (manufacturing, "
      "amortised over the hardware's life).",
      "On-site water evaporated for cooling (IT energy × WUE) and off-site water consumed to generate the electricity "
      "(facility energy × EWIF)."};

  // Everyday equivalents: the first of each kind in the catalog.
  for (const char* kind : {"emissions", "energy", "water"}) {
    const auto& eqs = cat.equivalents();
    auto q = std::find_if(eqs.begin(), eqs.end(), [&](const equivalent& e) { return e.applies_to == kind; });
    if (q == eqs.end()) continue;
    equivalent_col col{q->name, {}, sources.add(q->prov.citation()), {}};
    const char* base = std::string_view(kind) == "emissions" ? "kg CO2e" : std::string_view(kind) == "energy" ? "kWh" : "L";
    col.per_unit = fmt::format("1 {} = {:g} {}", q->unit, q->per_unit, base);
    for (const auto& r : c.rows) {
      std::optional<double> amount;
      if (q->applies_to == "emissions") amount = emissions_of(r.result);
      if (q->applies_to == "energy") amount = r.result.energy_facility.in_kwh();
      if (q->applies_to == "water") amount = litres(r.result.water_total);
      col.cells.push_back(amount ? readable_count(*amount / q->per_unit) : "unknown");
    }
    if (c.rank_by == rank_by::emissions && std::string_view(kind) == "emissions" && c.rows.size() > 1) {
      const comparison_row* worst = nullptr;
      for (const auto& r : c.rows)
        if (r.delta_to_best) worst = &r;
      if (worst && *worst->delta_to_best > 0)
        d.saving = fmt::format("{} instead of {} avoids {}, about as much as {} {}.", c.rows.front().value, worst->value,
                               metric_text(rank_by::emissions, *worst->delta_to_best),
                               readable_count(*worst->delta_to_best / q->per_unit), q->name);
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
      d.notes.push_back(which.size() == c.rows.size() ? n : join(which, ", ") + ": " + n);
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
  d.sources = std::move(sources.list);
  return d;
}

/// An http(s) address without spaces or brackets: safe to link.
bool web_url(std::string_view u) {
  return (u.rfind("https://", 0) == 0 || u.rfind("http://", 0) == 0) &&
         u.find_first_of(" <>\"'\\`") == std::string_view::npos;
}

// --- HTML ---

std::string esc(std::string_view s) { return xml_escape(s); }
/// Escaped, with a line break allowed only after each ':' and ',' (long ids in
/// narrow columns break as "aws:" / "eu-north-1", never at a hyphen).
std::string esc_ids(std::string_view s) {
  std::string out;
  std::size_t start = 0;
  while (start <= s.size()) {
    const auto end = s.find_first_of(":,", start);
    const auto part = s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start + 1);
    out += "<span class=\"nb\">" + xml_escape(part) + "</span>";
    if (end == std::string_view::npos) break;
    out += "<wbr>";
    start = end + 1;
  }
  return out;
}

std::string html_link(const std::string& url, const std::string& text) {
  return "<a href=\"" + esc(url) + "\">" + esc(text) + "</a>";
}

std::string ref_html(int n) { return n > 0 ? fmt::format(" <a class=\"ref\" href=\"#source-{0}\">[{0}]</a>", n) : ""; }

constexpr std::string_view css = R"css(
@page { size: auto; margin: 12mm 12mm 14mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
       font-size: 10.5pt; line-height: 1.45; color: #111; background: #fff;
       max-width: 186mm; margin: 0 auto; padding: 10mm 0; }
h1 { font-size: 19pt; line-height: 1.2; margin: 0 0 4pt; }
h2 { font-size: 13pt; margin: 16pt 0 5pt; padding-bottom: 2pt; border-bottom: 1.5pt solid #2b5d8a;
     break-after: avoid; page-break-after: avoid; }
h3 { font-size: 11pt; margin: 10pt 0 4pt; break-after: avoid; page-break-after: avoid; }
p { margin: 4pt 0 6pt; }
.subtitle { color: #333; margin: 0 0 8pt; }
.summary { font-size: 11.5pt; border-left: 4pt solid #2b5d8a; background: #f1f5f9; padding: 6pt 10pt; margin: 8pt 0; }
table { border-collapse: collapse; width: 100%; font-size: 8.4pt; margin: 4pt 0 6pt;
        break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { text-align: left; vertical-align: top; padding: 2.5pt 4pt; border-bottom: 0.6pt solid #bbb; }
thead th { background: #e8eef4; font-weight: 600; border-bottom: 1pt solid #555; }
tbody th { font-weight: 600; }
table.ranked { font-size: 7.6pt; }
table.ranked th, table.ranked td { padding: 2.5pt 2.5pt; }
table.ranked thead th:first-child { padding-left: 0; }
table.ranked tbody th { padding-left: 1.5em; text-indent: -1.5em; }
.nb { white-space: nowrap; }
table.equivalents tbody th { white-space: nowrap; width: 30%; }
.rank { display: inline-block; min-width: 1.5em; text-indent: 0; font-weight: normal; color: #444; }
td.origin-cell { white-space: nowrap; }
th .unit { display: block; font-weight: normal; color: #333; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
td .range { display: block; color: #444; font-size: 0.9em; }
td.best { font-weight: 600; }
.origin { color: #444; font-size: 0.92em; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.95em; }
figure { margin: 4pt 0 8pt; break-inside: avoid; page-break-inside: avoid; }
figure svg { display: block; width: 100%; max-width: 760px; height: auto; }
figcaption { font-size: 9pt; color: #333; margin-top: 2pt; }
section.chart { break-inside: avoid; page-break-inside: avoid; }
ol.sources { font-size: 8.6pt; padding-left: 18pt; }
ol.sources li { margin-bottom: 2pt; overflow-wrap: anywhere; }
ul.notes { font-size: 9pt; }
a { color: #1f4e79; }
a.ref { text-decoration: none; font-size: 0.85em; }
footer { margin-top: 14pt; padding-top: 4pt; border-top: 0.6pt solid #999; font-size: 8.6pt; color: #333; }
@media print { body { max-width: none; padding: 0; } a { color: inherit; } }
)css";

std::string render_html(const document& d) {
  std::string o;
  o += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  o += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  o += fmt::format("<meta name=\"generator\" content=\"trainprint {}\">\n", version);
  o += "<title>" + esc(d.title) + "</title>\n<style>" + std::string(css) + "</style>\n</head>\n<body>\n";
  o += "<header>\n<h1>" + esc(d.title) + "</h1>\n<p class=\"subtitle\">" + esc(d.subtitle) + ".</p>\n</header>\n";

  o += "<section id=\"summary\">\n<h2>Summary</h2>\n<p class=\"summary\">" + esc(d.summary) + "</p>\n";
  if (!d.ranges.empty()) o += "<p>" + esc(d.ranges) + "</p>\n";
  o += "</section>\n";

  // Ranked table.
  o += "<section id=\"ranking\">\n<h2>Ranked options</h2>\n";
  o += "<table class=\"ranked\">\n<thead><tr><th scope=\"col\"><span class=\"rank\">#</span>" + esc(d.key) + "</th>";
  for (std::size_t j = 0; j < d.header_titles.size(); ++j)
    o += fmt::format("<th class=\"num\" scope=\"col\" data-output=\"{}\" data-unit=\"{}\" data-factor=\"{:g}\">{}<span "
                     "class=\"unit\">{}</span></th>",
                     esc(d.outputs[j]), esc(d.header_units[j]), d.factors[j], esc(d.header_titles[j]),
                     esc(d.header_units[j]));
  o += "</tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < d.rows.size(); ++i) {
    o += fmt::format("<tr data-option=\"{}\"><th scope=\"row\"><span class=\"rank\">{}</span>{}</th>", esc(d.options[i]),
                     i + 1, esc_ids(d.options[i]));
    for (std::size_t j = 0; j < d.rows[i].size(); ++j) {
      const auto& c = d.rows[i][j];
      o += fmt::format("<td class=\"num\" data-output=\"{}\">{}{}</td>", esc(d.outputs[j]), esc(c.text),
                       c.range.empty() ? std::string{} : " <span class=\"range\">" + esc(c.range) + "</span>");
    }
    o += "</tr>\n";
  }
  o += "</tbody>\n</table>\n";
  o += "<p>Total emissions = location-based operational + embodied. Market-based emissions count the provider's "
       "carbon-free-energy purchases and are shown for reference, not ranked.</p>\n";
  if (!d.notes.empty()) {
    o += "<ul class=\"notes\">\n";
    for (const auto& n : d.notes) o += "<li>" + esc(n) + "</li>\n";
    o += "</ul>\n";
  }
  o += "</section>\n";

  // Charts, one per section.
  const std::array<const char*, 3> headings{"Total emissions", "Emissions by component", "Water"};
  for (std::size_t k = 0; k < d.charts.size(); ++k) {
    o += fmt::format("<section class=\"chart\" id=\"section-{}\">\n<h2>{}</h2>\n<figure>\n", d.chart_ids[k], headings[k]);
    o += render_svg(d.charts[k]);
    o += "<figcaption>" + esc(d.captions[k]) + "</figcaption>\n</figure>\n</section>\n";
  }

  // Equivalents.
  o += "<section id=\"equivalents\">\n<h2>In everyday terms</h2>\n";
  if (!d.saving.empty()) o += "<p>" + esc(d.saving) + "</p>\n";
  o += "<table class=\"equivalents\">\n<thead><tr><th scope=\"col\">" + esc(d.key) + "</th>";
  for (const auto& q : d.equivalents) o += "<th class=\"num\" scope=\"col\">" + esc(q.title) + ref_html(q.source) + "</th>";
  o += "</tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < d.options.size(); ++i) {
    o += "<tr><th scope=\"row\">" + esc(d.options[i]) + "</th>";
    for (const auto& q : d.equivalents) o += "<td class=\"num\">" + esc(q.cells[i]) + "</td>";
    o += "</tr>\n";
  }
  o += "</tbody>\n</table>\n<p class=\"origin\">";
  std::vector<std::string> per;
  for (const auto& q : d.equivalents) per.push_back(esc(q.per_unit));
  o += join(per, "; ") + ". Emissions: total; energy: facility; water: on-site + off-site.</p>\n</section>\n";

  // Scenario.
  o += "<section id=\"scenario\">\n<h2>Scenario</h2>\n";
  o += "<p>Compared: <strong>" + esc(d.key) + "</strong> = ";
  std::vector<std::string> opts;
  for (const auto& v : d.options) opts.push_back("<code>" + esc(v) + "</code>");
  o += join(opts, ", ") + ". Every other input is the same for each option, or is looked up for it in the catalog. "
       "Origin: <em>user</em> = given, <em>catalog</em> = the catalog entry for the option, <em>default</em> = a "
       "documented default; numbers in brackets are sources below.</p>\n";
  o += "<h3>Inputs shared by every option</h3>\n<table class=\"inputs\">\n<thead><tr><th scope=\"col\">Input</th>"
       "<th class=\"num\" scope=\"col\">Value</th><th scope=\"col\">Unit</th><th scope=\"col\">Origin</th>"
       "<th scope=\"col\">Note</th></tr></thead>\n<tbody>\n";
  for (const auto& r : d.shared)
    o += "<tr><td><code>" + esc(r.name) + "</code></td><td class=\"num\">" + esc(r.values[0]) + "</td><td>" +
         esc(r.unit) + "</td><td class=\"origin-cell\">" + esc(r.origins[0]) + ref_html(r.sources[0]) + "</td><td>" + esc(r.note) +
         "</td></tr>\n";
  o += "</tbody>\n</table>\n";
  if (!d.varying.empty()) {
    o += "<h3>Inputs that differ by option</h3>\n<table class=\"inputs varying\">\n<thead><tr><th scope=\"col\">Input</th>";
    for (const auto& v : d.options) o += "<th class=\"num\" scope=\"col\">" + esc_ids(v) + "</th>";
    o += "</tr></thead>\n<tbody>\n";
    for (const auto& r : d.varying) {
      o += "<tr><td><code>" + esc(r.name) + "</code>" + (r.unit.empty() ? "" : " <span class=\"origin\">" + esc(r.unit) + "</span>") + "</td>";
      for (std::size_t i = 0; i < r.values.size(); ++i)
        o += "<td class=\"num\">" + esc(r.values[i]) + "<span class=\"range\"><span class=\"origin\">" + esc(r.origins[i]) +
             "</span>" + ref_html(r.sources[i]) + "</span></td>";
      o += "</tr>\n";
    }
    o += "<tr><td>grid basis</td>";
    for (const auto& b : d.grid_basis) o += "<td class=\"num origin\" style=\"white-space: normal\">" + esc(b) + "</td>";
    o += "</tr>\n</tbody>\n</table>\n";
  }
  if (!d.basis_note.empty()) o += "<p>" + esc(d.basis_note) + "</p>\n";
  o += "</section>\n";

  // Methodology.
  o += "<section id=\"methodology\">\n<h2>Method in brief</h2>\n<ul>\n";
  o += "<li><strong>Compute.</strong> Accelerator-hours = 6 × parameters × tokens ÷ (the accelerator's dense peak "
       "FLOP/s × model-FLOPs utilisation), or as given; wall time = accelerator-hours ÷ count.</li>\n";
  o += "<li><strong>Energy.</strong> Accelerator-hours × (average accelerator power + its share of the host) × PUE. "
       "Boundary: <em>" + esc(d.boundary) + "</em>.</li>\n";
  o += "<li><strong>Operational emissions.</strong> Location-based = facility energy × the carbon intensity of the "
       "region's grid; market-based = location-based × (1 − the provider's carbon-free-energy share).</li>\n";
  o += fmt::format("<li><strong>Embodied emissions.</strong> Manufacturing emissions of the accelerators and their "
                   "host servers, amortised over {:g} years in proportion to the accelerator-hours used.</li>\n",
                   d.lifetime_years);
  o += "<li><strong>Water.</strong> On-site = IT energy × WUE (cooling); off-site = facility energy × EWIF (water "
       "consumed generating the electricity).</li>\n";
  if (!d.ranges.empty()) {
    o += "<li><strong>Uncertainty.</strong> " + esc(d.ranges);
    if (!d.sensitivity.empty())
      o += " For " + esc(d.options.front()) + ", the inputs whose ranges move total emissions most are " +
           esc(join(d.sensitivity, ", ")) + ".";
    o += "</li>\n";
  }
  o += "</ul>\n<p>The full methodology, with every equation, default and its source: " +
       html_link(d.methodology_url, d.methodology_url) + ".</p>\n";
  o += "</section>\n";

  // Sources.
  o += "<section id=\"sources\">\n<h2>Sources</h2>\n<ol class=\"sources\">\n";
  for (std::size_t i = 0; i < d.sources.size(); ++i) {
    const auto& s = d.sources[i];
    o += fmt::format("<li id=\"source-{}\">", i + 1);
    o += s.title.empty() ? std::string{} : "<cite>" + esc(s.title) + "</cite>";
    o += s.year.empty() ? std::string(" (n.d.)") : " (" + esc(s.year) + ")";
    if (!s.url.empty()) o += ". " + (web_url(s.url) ? html_link(s.url, s.url) : esc(s.url));
    o += "</li>\n";
  }
  o += "</ol>\n</section>\n";
  o += fmt::format("<footer>Generated by trainprint {} with catalog {} ({}). Every number can be reproduced with "
                   "<code>trainprint compare</code> or <code>trainprint estimate --explain</code> and the same inputs."
                   "</footer>\n</body>\n</html>\n",
                   version, esc(d.catalog_version), esc(d.catalog_date));
  return o;
}

// --- Markdown ---

std::string ref_md(int n) { return n > 0 ? fmt::format(" [{}]", n) : ""; }

std::string base64(std::string_view in) {
  static constexpr char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    const unsigned v = static_cast<unsigned char>(in[i]) << 16 | static_cast<unsigned char>(in[i + 1]) << 8 |
                       static_cast<unsigned char>(in[i + 2]);
    for (int k = 18; k >= 0; k -= 6) out += digits[(v >> k) & 63];
  }
  if (i < in.size()) {
    unsigned v = static_cast<unsigned char>(in[i]) << 16;
    if (i + 1 < in.size()) v |= static_cast<unsigned char>(in[i + 1]) << 8;
    out += digits[(v >> 18) & 63];
    out += digits[(v >> 12) & 63];
    out += i + 1 < in.size() ? digits[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

report render_markdown_report(const document& d, const report_options& opt) {
  report rep;
  std::string o;
  o += "# " + md(d.title) + "\n\n_" + md(d.subtitle) + "._\n\n";
  o += "## Summary\n\n**" + md(d.summary) + "**\n\n";
  if (!d.ranges.empty()) o += md(d.ranges) + "\n\n";

  o += "## Ranked options\n\n";
  std::vector<std::string> head{"#", md(d.key)};
  std::vector<bool> right{true, false};
  for (std::size_t j = 0; j < d.header_titles.size(); ++j) {
    head.push_back(md(d.header_titles[j]) + " (" + md(d.header_units[j]) + ")");
    right.push_back(true);
  }
  o += md_row(head) + md_rule(right);
  for (std::size_t i = 0; i < d.rows.size(); ++i) {
    std::vector<std::string> cells{std::to_string(i + 1), code(d.options[i])};
    for (const auto& c : d.rows[i]) cells.push_back(md(c.text) + (c.range.empty() ? "" : " " + md(c.range)));
    o += md_row(cells);
  }
  o += "\nTotal emissions = location-based operational + embodied. Market-based emissions count the provider's "
       "carbon-free-energy purchases and are shown for reference, not ranked.\n";
  if (!d.notes.empty()) o += "\n";
  for (const auto& n : d.notes) o += "- " + md(n) + "\n";

  const std::array<const char*, 3> headings{"Total emissions", "Emissions by component", "Water"};
  for (std::size_t k = 0; k < d.charts.size(); ++k) {
    o += fmt::format("\n## {}\n\n", headings[k]);
    std::string svg = render_svg(d.charts[k]);
    std::string target;
    if (opt.svg_prefix.empty()) {
      target = "data:image/svg+xml;base64," + base64(svg);
    } else {
      target = opt.svg_prefix + "-" + d.chart_ids[k] + ".svg";
      rep.files.push_back({target, std::move(svg)});
    }
    // The image's alt text is the chart's description: every value, for screen readers.
    o += "![" + md(d.charts[k].description) + "](" + target + ")\n\n_" + md(d.captions[k]) + "_\n";
  }

  o += "\n## In everyday terms\n\n";
  if (!d.saving.empty()) o += md(d.saving) + "\n\n";
  head = {md(d.key)};
  right = {false};
  for (const auto& q : d.equivalents) {
    head.push_back(md(q.title) + ref_md(q.source));
    right.push_back(true);
  }
  o += md_row(head) + md_rule(right);
  for (std::size_t i = 0; i < d.options.size(); ++i) {
    std::vector<std::string> cells{code(d.options[i])};
    for (const auto& q : d.equivalents) cells.push_back(md(q.cells[i]));
    o += md_row(cells);
  }
  std::vector<std::string> per;
  for (const auto& q : d.equivalents) per.push_back(md(q.per_unit));
  o += "\n" + join(per, "; ") + ". Emissions: total; energy: facility; water: on-site + off-site.\n";

  o += "\n## Scenario\n\nCompared: **" + md(d.key) + "** = ";
  std::vector<std::string> opts;
  for (const auto& v : d.options) opts.push_back(code(v));
  o += join(opts, ", ") + ". Every other input is the same for each option, or is looked up for it in the catalog. "
       "Origin: _user_ = given, _catalog_ = the catalog entry for the option, _default_ = a documented default; "
       "numbers in brackets are sources below.\n\n### Inputs shared by every option\n\n";
  o += md_row({"Input", "Value", "Unit", "Origin", "Note"}) + md_rule({false, true, false, false, false});
  for (const auto& r : d.shared)
    o += md_row({code(r.name), md(r.values[0]), md(r.unit), md(r.origins[0]) + ref_md(r.sources[0]), md(r.note)});
  if (!d.varying.empty()) {
    o += "\n### Inputs that differ by option\n\n";
    head = {"Input"};
    right = {false};
    for (const auto& v : d.options) {
      head.push_back(code(v));
      right.push_back(true);
    }
    o += md_row(head) + md_rule(right);
    for (const auto& r : d.varying) {
      std::vector<std::string> cells{code(r.name) + (r.unit.empty() ? "" : " " + md(r.unit))};
      for (std::size_t i = 0; i < r.values.size(); ++i)
        cells.push_back(md(r.values[i]) + " _" + md(r.origins[i]) + "_" + ref_md(r.sources[i]));
      o += md_row(cells);
    }
    std::vector<std::string> cells{"grid basis"};
    for (const auto& b : d.grid_basis) cells.push_back(md(b));
    o += md_row(cells);
  }
  if (!d.basis_note.empty()) o += "\n" + md(d.basis_note) + "\n";

  o += "\n## Method in brief\n\n";
  o += "- **Compute.** Accelerator-hours = 6 × parameters × tokens ÷ (the accelerator's dense peak FLOP/s × "
       "model-FLOPs utilisation), or as given; wall time = accelerator-hours ÷ count.\n";
  o += "- **Energy.** Accelerator-hours × (average accelerator power + its share of the host) × PUE. Boundary: _" +
       md(d.boundary) + "_.\n";
  o += "- **Operational emissions.** Location-based = facility energy × the carbon intensity of the region's grid; "
       "market-based = location-based × (1 − the provider's carbon-free-energy share).\n";
  o += fmt::format("- **Embodied emissions.** Manufacturing emissions of the accelerators and their host servers, "
                   "amortised over {:g} years in proportion to the accelerator-hours used.\n",
                   d.lifetime_years);
  o += "- **Water.** On-site = IT energy × WUE (cooling); off-site = facility energy × EWIF (water consumed generating "
       "the electricity).\n";
  if (!d.ranges.empty()) {
    o += "- **Uncertainty.** " + md(d.ranges);
    if (!d.sensitivity.empty())
      o += " For " + code(d.options.front()) + ", the inputs whose ranges move total emissions most are " +
           md(join(d.sensitivity, ", ")) + ".";
    o += "\n";
  }
  o += "\nThe full methodology, with every equation, default and its source: <" + d.methodology_url + ">.\n";

  o += "\n## Sources\n\n";
  for (std::size_t i = 0; i < d.sources.size(); ++i) {
    const auto& s = d.sources[i];
    o += fmt::format("{}. ", i + 1) + (s.title.empty() ? std::string{} : md(s.title)) +
         (s.year.empty() ? std::string(" (n.d.)") : " (" + s.year + ")");
    if (!s.url.empty()) o += ". " + (web_url(s.url) ? "<" + s.url + ">" : md(s.url));
    o += "\n";
  }
  o += fmt::format("\n---\n\n_Generated by trainprint {} with catalog {} ({}). Every number can be reproduced with "
                   "`trainprint compare` or `trainprint estimate --explain` and the same inputs._\n",
                   version, md(d.catalog_version), md(d.catalog_date));
  rep.text = std::move(o);
  return rep;
}

}  // namespace

std::string_view to_string(report_format f) { return f == report_format::html ? "html" : "md"; }

report_format parse_report_format(std::string_view s) {
  if (s == "html") return report_format::html;
  if (s == "md" || s == "markdown") return report_format::markdown;
  throw input_error("format", "'" + std::string(s) + "'", "html or md");
}

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

    chart_bar p{r.value, {scaled(kg(e.location_based), es.factor), scaled(kg(e.embodied), es.factor)}, {}, {}, {}};
    if (p.values[0] || p.values[1]) {
      const double t = p.values[0].value_or(0) + p.values[1].value_or(0);
      p.value_text = chart_number(t) + " = " + (p.values[0] ? chart_number(*p.values[0]) : "?") + " + " +
                     (p.values[1] ? chart_number(*p.values[1]) : "?");
    }
    dp.push_back(r.value + ": " + (p.value_text.empty() ? "unknown" : p.value_text));
    parts.bars.push_back(std::move(p));

    chart_bar w{r.value, {scaled(litres(e.water_onsite), ws.factor), scaled(litres(e.water_offsite), ws.factor)}, {}, {}, {}};
    if (w.values[0] || w.values[1]) {
      const double t = w.values[0].value_or(0) + w.values[1].value_or(0);
      w.value_text = chart_number(t) + " = " + (w.values[0] ? chart_number(*w.values[0]) : "?") + " + " +
                     (w.values[1] ? chart_number(*w.values[1]) : "?");
    }
    dw.push_back(r.value + ": " + (w.value_text.empty() ? "unknown" : w.value_text));
    water.bars.push_back(std::move(w));
  }
  total.description = fmt::format(
      "Horizontal bar chart, one bar per {}, best first: total emissions (location-based operational + embodied) in "
      "{}{}. {}.",
      c.key, es.unit, uncertain ? ", with whiskers for the 90% interval" : "", join(dt, "; "));
  parts.description = fmt::format(
      "Stacked horizontal bar chart, one bar per {}: operational location-based emissions (dark, solid) then embodied "
      "emissions (light, hatched), in {}; each value reads total = operational + embodied. {}.",
      c.key, es.unit, join(dp, "; "));
  water.description = fmt::format(
      "Stacked horizontal bar chart, one bar per {}: on-site water for cooling (dark, solid) then off-site water for "
      "electricity generation (light, hatched), in {}; each value reads total = on-site + off-site. {}.",
      c.key, ws.unit, join(dw, "; "));
  charts.push_back(std::move(total));
  charts.push_back(std::move(parts));
  charts.push_back(std::move(water));
  return charts;
}

std::string render_comparison_svg(const comparison& c) {
  auto chart = comparison_charts(c).front();
  chart.show_title = true;
  return render_svg(chart);
}

report render_report(const comparison& c, const catalog& cat, const report_options& o) {
  const document d = build(c, cat, o);
  if (o.format == report_format::markdown) return render_markdown_report(d, o);
  return {render_html(d), {}};
}

report make_report(const scenario& base, std::string_view key, const std::vector<std::string>& values, const catalog& cat,
                   const report_options& o) {
  if (o.uncertainty) validate(*o.uncertainty);
  comparison c = compare(base, key, values, cat, o.rank_by);
  if (o.uncertainty)
    for (auto& row : c.rows) {
      scenario s = base;
      set_input(s, key, row.value);
      row.result = make_estimate(s, cat, *o.uncertainty);  // the same central values, with intervals
    }
  return render_report(c, cat, o);
}

}  // namespace trainprint::inline v0
