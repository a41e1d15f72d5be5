// Human- and machine-readable rendering of estimates and comparisons (see
// include/trainprint/format.hpp).

#include "trainprint/format.hpp"

#include "format_internal.hpp"
#include "trainprint/spelling.hpp"
#include "hardware_units.hpp"
#include "trainprint/plain.hpp"

#include "trainprint/error.hpp"
#include "trainprint/ghg.hpp"
#include "text.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <span>

namespace trainprint::inline v0 {
namespace {

using text::join;
using text::pad_left;
using text::pad_right;
using text::pick;
using text::width;
using text::md_escape;
using text::emission_steps;
using text::energy_steps;
using text::hour_steps;
using text::step;
using text::three_digits;

constexpr std::array<step, 4> water_steps{{{1, "L"}, {1e3, "m³"}, {1e6, "thousand m³"}, {1e9, "million m³"}}};
constexpr std::array<step, 3> power_steps{{{1, "W"}, {1e3, "kW"}, {1e6, "MW"}}};

/// Picks the largest unit in which |v| >= 1 and prints 3 significant digits; below 1 of
/// the smallest unit too ("0.530 g CO2e", "0.00096 L"), so a positive value never prints as 0.
std::string scaled(double v, std::span<const step> steps, std::size_t zero_step = 1) {
  if (v == 0) return fmt::format("0 {}", pick(v, steps, zero_step).unit);
  const step& s = pick(v, steps, zero_step);
  const double x = v / s.factor;
  const double ax = std::abs(x);
  if (ax < 1) return fmt::format("{} {}", three_digits(x), s.unit);
  const char* spec = ax >= 100 ? "{:.0f} {}" : ax >= 10 ? "{:.1f} {}" : "{:.2f} {}";
  return fmt::format(fmt::runtime(spec), x, s.unit);
}

std::string usd(double v) {
  if (std::abs(v) >= 1e6) return fmt::format("${:.3g}M", v / 1e6);
  if (std::abs(v) >= 1e3) return fmt::format("${:.3g}k", v / 1e3);
  return fmt::format("${:.3g}", v);
}

/// "(lo–hi)" in the unit and decimals `central` prints in (hi's when central is 0); an end
/// those decimals would print as 0 gets three significant digits ("(0.0004–500)", not "(0–500)").
std::string scaled_range(double central, double lo, double hi, std::span<const step> steps, std::size_t zero_step) {
  const step& s = pick(central != 0 ? central : hi, steps, zero_step);
  const double ax = std::abs((central != 0 ? central : hi) / s.factor);
  const int decimals = ax >= 100 ? 0 : ax >= 10 ? 1 : 2;
  auto end = [&](double v) {
    const double x = v / s.factor;
    if (x != 0 && (ax < 1 || std::abs(x) < 0.5 * std::pow(10.0, -decimals))) return three_digits(x);
    return fmt::format("{:.{}f}", x, decimals);
  };
  return "(" + end(lo) + "–" + end(hi) + ")";
}

/// The unit a duration of `h` hours prints in: seconds below a minute, minutes below an
/// hour, hours below 48, days below two years, then years.
step hours_step(double h) {
  if (h >= 24 * 365 * 2) return {24 * 365, "years"};
  if (h >= 48) return {24, "days"};
  if (h >= 1 || h == 0) return {1, "h"};
  if (h >= 1.0 / 60) return {1.0 / 60, "min"};
  return {1.0 / 3600, "s"};
}
/// A duration in a unit: one decimal from `from` up (1 for a headline, 0.05 for a range's
/// ends, "(0.8–2.6)"), three significant digits below, so a positive value never prints as
/// 0.0 (0.04 h is "2.4 min", 1e-4 h "0.360 s").
std::string hours_in(double h, const step& u, double from = 1) {
  const double x = h / u.factor;
  return std::abs(x) >= from || x == 0 ? fmt::format("{:.1f}", x) : three_digits(x);
}


// --- the estimate summary shared by the table and Markdown renderers ---

struct summary_row {
  std::string label, value, detail;
};
struct summary_section {
  std::string title;
  std::vector<summary_row> rows;
};
struct summary {
  std::string title;   // "512 × nvidia-h100-sxm5-80gb in FR"
  std::string basis;   // boundary and grid basis
  std::string ranges;  // what the ranges are, with --uncertainty
  std::vector<summary_section> sections;
  std::vector<std::string> equivalents;
  std::vector<std::string> notes;
  std::string catalog;
};

std::string boundary_text(const estimate_context& c) {
  return fmt::format("{} ({}); convention {}", to_string(c.boundary),
                     c.convention == convention::model_card ? "accelerators at TDP, operational emissions only"
                     : c.boundary == boundary::servers       ? "accelerators + host"
                                                             : "accelerators only",
                     to_string(c.convention));
}

/// A factor printed beside a median: with ranges, its own median and 90% range (the
/// point value stays in the trace), else the point value; `spec` formats value × scale.
std::string factor_text(const estimate& e, uncertain_input i, double point, double scale, std::string_view spec) {
  const input_distribution* d = drawn_input(e, i);
  auto f = [&](double v) { return fmt::format(fmt::runtime(spec), v * scale); };
  if (!d) return f(point);
  return f(d->dist.quantile(0.5)) + " (" + f(d->dist.quantile(0.05)) + "–" + f(d->dist.quantile(0.95)) + ")";
}

std::string grid_text(const estimate& e) {
  const auto& c = e.context;
  if (!e.inputs.intensity_g_per_kwh) return "grid intensity unknown";
  std::string g =
      factor_text(e, uncertain_input::intensity_g_per_kwh, *e.inputs.intensity_g_per_kwh, 1, "{:.4g}") + " g CO2e/kWh";
  if (!c.grid_region_id.empty()) g += " from " + c.grid_region_id;
  if (!c.intensity_basis.empty()) g += " (" + c.intensity_basis + ")";
  return g;
}

std::vector<std::string> equivalents_of(const estimate& e, const catalog& cat) {
  // The first entry of each kind in the catalog.
  std::vector<std::string> eq;
  for (const char* kind : {"emissions", "energy", "water"}) {
    for (const auto& q : cat.equivalents()) {
      if (q.applies_to != kind) continue;
      std::optional<double> amount;
      if (q.applies_to == "emissions" && e.total) amount = e.total->in_kg_co2e();
      if (q.applies_to == "energy") amount = e.energy_facility.in_kwh();
      if (q.applies_to == "water" && e.water_total) amount = e.water_total->in_litres();
      if (amount) {
        if (auto t = equivalent_text(*amount, q)) eq.push_back(std::move(*t));
      }
      break;
    }
  }
  return eq;
}

}  // namespace

std::string hardware_text(const estimate& e, const catalog& cat, bool with_count) {
  const auto& c = e.context;
  if (c.accelerator_id.empty()) return {};
  if (!e.inputs.count) return c.accelerator_id;
  const bool chips = counted_in_chips(c.accelerator_id);
  const hardware_unit* unit = nullptr;
  hardware_unit u;
  if (e.scenario.hardware && !find_hardware_word(*e.scenario.hardware)) try {
      u = find_hardware(cat, *e.scenario.hardware);
      if (!u.kind.empty() && u.acc->id == c.accelerator_id) unit = &u;
    } catch (const error&) {  // a catalog without the id (the estimate was read back): no unit
    }
  if (!with_count)  // what one counted unit is, for a subtitle beside a count column
    return unit ? fmt::format("{} {}s ({}{}{}{} each)", unit->id, unit->kind, unit->accelerators, chips ? " " : " × ",
                              c.accelerator_id, chips ? " chips" : "")
                : c.accelerator_id;
  if (unit) {
    const auto units = e.scenario.count.value_or(1);
    return fmt::format("{} × {} {}{} ({:g}{}{}{})", units, unit->id, unit->kind, units == 1 ? "" : "s",
                       *e.inputs.count, chips ? " " : " × ", c.accelerator_id, chips ? " chips" : "");
  }
  return fmt::format("{:g} × {}{}", *e.inputs.count, c.accelerator_id, chips ? " chips" : "");
}

namespace {

summary summarise(const estimate& e, const catalog& cat) {
  summary s;
  const auto& c = e.context;
  const std::string unknown = "unknown";
  std::string what = c.accelerator_id.empty() ? std::string("accelerators") : c.accelerator_id;
  if (e.inputs.count) what = c.accelerator_id.empty() ? fmt::format("{:g} × {}", *e.inputs.count, what) : hardware_text(e, cat);
  s.title = what;
  if (!c.region_id.empty()) s.title += " in " + c.region_id;
  s.basis = "boundary: " + boundary_text(c) + "; grid: " + grid_text(e);
  if (e.uncertainty) {
    const auto& u = *e.uncertainty;
    s.ranges = u.impossible_samples == 0
                   ? fmt::format("ranges: 5th–95th percentile of {} Monte Carlo samples (seed {})", u.samples, u.seed)
                   : fmt::format("ranges: 5th–95th percentile of the {} possible of {} Monte Carlo samples (seed {})",
                                 u.samples - u.impossible_samples, u.samples, u.seed);
  }
  auto factor = [&](uncertain_input i, double point, double scale, std::string_view spec) {
    return factor_text(e, i, point, scale, spec);
  };
  // " (lo–hi)" after a value, in its unit, when the output has an interval.
  auto R = [&](std::string_view name, std::span<const step> steps, std::size_t zero_step = 1) -> std::string {
    const auto* o = interval(e, name);
    return o ? " " + scaled_range(o->p50, o->p5, o->p95, steps, zero_step) : std::string{};  // the headline's unit
  };
  auto R_count = [&](std::string_view name) -> std::string {
    const auto* o = interval(e, name);
    return o ? " (" + readable_count(o->p5) + "–" + readable_count(o->p95) + ")" : std::string{};
  };
  auto R_hours = [&](std::string_view name) -> std::string {
    const auto* o = interval(e, name);
    if (!o) return {};
    const step u = hours_step(o->p50);  // the headline's unit
    return " (" + hours_in(o->p5, u, 0.05) + "–" + hours_in(o->p95, u, 0.05) + ")";
  };
  auto R_usd = [&](std::string_view name) -> std::string {
    const auto* o = interval(e, name);
    return o ? " (" + usd(o->p5) + "–" + usd(o->p95) + ")" : std::string{};
  };

  // One row per output of the table (outputs.hpp), in its order, under its group's
  // heading; what a row prints beside its value (PUE, intensity basis, ...) is below.
  auto heading = [](std::string_view group) -> std::string_view {
    if (group == "compute") return "Compute";
    if (group == "power_w") return "Power (average, per accelerator)";
    if (group == "energy_kwh") return "Energy";
    if (group == "emissions_kg_co2e") return "Emissions";
    if (group == "water_l") return "Water";
    return "Cost";
  };
  auto shown = [&](output o) {
    switch (o) {
      case output::flops: return e.flops.has_value();
      case output::host_power:
      case output::energy_host: return c.boundary == boundary::servers;
      case output::cost_electricity:
      case output::cost_compute: return e.value(o).has_value();
      default: return true;
    }
  };
  auto value_text = [&](const output_info& row) -> std::string {
    const auto v = row.id == output::flops ? e.flops : e.value(row.id);
    if (row.id == output::emissions_embodied && !e.inputs.embodied) return "left out";
    if (!v) return unknown;
    const std::string path(row.path);
    if (row.group == "compute") {
      if (row.id == output::wall_hours) return readable_hours(*v) + R_hours(path);
      return readable_count(*v) + R_count(path);
    }
    if (row.group == "power_w") return readable(power::watts(*v)) + R(path, power_steps, 0);
    if (row.group == "energy_kwh") return readable(energy::kwh(*v)) + R(path, energy_steps);
    if (row.group == "emissions_kg_co2e") return readable(emissions::kg_co2e(*v)) + R(path, emission_steps);
    if (row.group == "water_l") return readable(water_volume::litres(*v)) + R(path, water_steps, 0);
    return usd(*v) + R_usd(path);
  };
  auto detail_text = [&](output o) -> std::string {
    const auto& in = e.inputs;
    switch (o) {
      case output::flops: return "FLOP";
      case output::accelerator_hours: return "h";
      case output::energy_facility:
        // A facility-boundary measurement already holds the cooling: no PUE is applied to it.
        return in.measured_energy_kwh && in.measured_boundary == energy_boundary::facility
                   ? std::string("measured at the facility")
                   : "PUE " + factor(uncertain_input::pue, in.pue, 1, "{:.3g}");
      case output::emissions_location:
        return in.intensity_g_per_kwh
                   ? factor(uncertain_input::intensity_g_per_kwh, *in.intensity_g_per_kwh, 1, "{:.4g}") +
                         " g CO2e/kWh" + (c.intensity_basis.empty() ? "" : "; " + c.intensity_basis)
                   : std::string{};
      case output::emissions_market:
        return in.cfe ? "carbon-free share " + factor(uncertain_input::cfe, *in.cfe, 100, "{:.0f}") + "%" : std::string{};
      case output::emissions_embodied:
        if (in.embodied) return "amortised over " + factor(uncertain_input::lifetime_years, in.lifetime_years, 1, "{:.3g}") + " years";
        return c.convention == convention::model_card && !e.scenario.embodied ? "convention model-card"
                                                                               : "embodied=false";
      case output::water_onsite:
        return in.wue_l_per_kwh ? "WUE " + factor(uncertain_input::wue_l_per_kwh, *in.wue_l_per_kwh, 1, "{:.3g}") + " L/kWh"
                                : std::string{};
      case output::water_offsite:
        return in.ewif_l_per_kwh
                   ? "EWIF " + factor(uncertain_input::ewif_l_per_kwh, *in.ewif_l_per_kwh, 1, "{:.3g}") + " L/kWh"
                   : std::string{};
      default: return {};
    }
  };
  for (const auto& row : output_table) {
    if (!shown(row.id)) continue;
    if (s.sections.empty() || s.sections.back().title != heading(row.group))
      s.sections.push_back({std::string(heading(row.group)), {}});
    s.sections.back().rows.push_back({std::string(row.label), value_text(row), detail_text(row.id)});
  }
  {  // The emissions in GHG Protocol scopes (ghg.hpp).
    const ghg_accounting g = ghg_scopes(e);
    s.sections.push_back({g.ownership == ownership::owned ? "GHG Protocol scopes (owned hardware)"
                                                          : "GHG Protocol scopes (bought cloud service)",
                          {}});
    for (const auto& l : g.lines) {
      std::string detail = l.scope == 3 ? scope3_category_name(l.category) + (l.method.empty() ? ": hardware manufacturing"
                                                                                               : ": electricity")
                                        : std::string("purchased electricity");
      if (!l.claim.empty()) detail += "; claim: " + l.claim;
      std::string label = l.label();  // "-based" left out, as in the emissions rows above
      if (auto k = label.find("-based"); k != std::string::npos) label.erase(k, 6);
      s.sections.back().rows.push_back({std::move(label),
                                        l.left_out  ? std::string("left out")
                                        : l.kg_co2e ? readable(emissions::kg_co2e(*l.kg_co2e))
                                                    : unknown,
                                        std::move(detail)});
    }
  }
  s.equivalents = equivalents_of(e, cat);
  for (const auto& n : e.notes) s.notes.push_back(spell_inputs(n, spelling::json));  // `id` marks: the ids
  s.catalog = fmt::format("catalog {} ({})", e.catalog_version, e.catalog_date);
  return s;
}

/// Every cell of a plain-text table escaped for Markdown, as a Markdown table.
std::string md_plain_table(std::vector<std::string> header, std::vector<std::vector<std::string>> rows,
                           const std::vector<bool>& right) {
  for (auto& h : header) h = md_escape(h);
  for (auto& r : rows)
    for (auto& c : r) c = md_escape(c);
  return text::md_table(header, rows, right);
}

}  // namespace

std::string readable(energy e) { return scaled(e.in_kwh(), energy_steps); }
std::string readable(emissions m) { return scaled(m.in_kg_co2e(), emission_steps); }
std::string readable(water_volume w) { return scaled(w.in_litres(), water_steps, 0); }
std::string readable(power p) { return scaled(p.in_watts(), power_steps, 0); }
std::string readable_hours(double h) {
  const step u = hours_step(h);
  return hours_in(h, u) + " " + u.unit;
}
std::string readable_count(double v) {
  if (std::abs(v) >= 1e15) return fmt::format("{:.3g}", v);
  static constexpr std::array<step, 5> s{{{1, ""}, {1e3, "k"}, {1e6, "M"}, {1e9, "B"}, {1e12, "T"}}};
  auto r = scaled(v, s, 0);
  // "84.0 T" → "84.0T"
  if (auto sp = r.rfind(' '); sp != std::string::npos) r.erase(sp, 1);
  return r;
}

std::string render_trace(const estimate& e) {
  std::size_t wn = 4, wv = 5, wu = 4, wo = 6;
  std::vector<std::string> values;
  for (const auto& t : e.trace) {
    values.push_back(fmt::format("{:.6g}", t.value));
    wn = std::max(wn, t.name.size());
    wv = std::max(wv, values.back().size());
    wu = std::max(wu, width(t.unit));
  }
  std::string out = fmt::format("{:<{}}  {:>{}}  {}  {:<{}}  {}\n", "name", wn, "value", wv, pad_right("unit", wu), "origin",
                                wo, "note / source");
  for (std::size_t i = 0; i < e.trace.size(); ++i) {
    const auto& t = e.trace[i];
    std::string detail = t.note;
    if (!t.source.empty()) detail += (detail.empty() ? "" : " — ") + t.source;
    std::string l = fmt::format("{:<{}}  {:>{}}  {}  {:<{}}  {}", t.name, wn, values[i], wv, pad_right(t.unit, wu),
                                to_string(t.origin), wo, detail);
    while (!l.empty() && l.back() == ' ') l.pop_back();
    out += l + "\n";
  }
  return out;
}

const output_interval* interval(const estimate& e, std::string_view name) {
  if (!e.uncertainty) return nullptr;
  const auto* o = e.uncertainty->find(name);
  return o && o->p5 != o->p95 ? o : nullptr;
}

std::string render_table(const estimate& e, const catalog& cat, bool explain) {
  const summary s = summarise(e, cat);
  std::string out = "trainprint estimate: " + s.title + "\n" + s.basis + "\n";
  if (!s.ranges.empty()) out += s.ranges + "\n";
  for (const auto& sec : s.sections) {
    out += "\n" + sec.title + "\n";
    for (const auto& r : sec.rows) {
      std::string l = "  " + pad_right(r.label, 28) + " " + pad_left(r.value, 14);
      if (!r.detail.empty()) l += "   " + r.detail;
      out += l + "\n";
    }
  }
  if (!s.equivalents.empty()) out += "\nAbout as much as: " + join(s.equivalents, "; ") + "\n";
  if (!s.notes.empty()) out += "\n";
  for (const auto& n : s.notes) out += "note: " + n + "\n";
  out += s.catalog + "\n";
  if (explain) out += "\nTrace\n" + render_trace(e);
  if (explain && e.uncertainty) out += "\n" + render_sensitivity(e);
  return out;
}

std::string render_sensitivity(const estimate& e) {
  if (!e.uncertainty) return {};
  const auto& u = *e.uncertainty;
  std::vector<std::vector<std::string>> rows;
  for (const auto& i : u.inputs)
    rows.push_back({std::string(to_string(i.input)), fmt::format("{:.4g}", i.dist.low), fmt::format("{:.4g}", i.dist.mode),
                    fmt::format("{:.4g}", i.dist.high), i.unit, i.basis});
  std::string out = "Uncertain inputs (triangular low, mode, high)\n" +
                    text::table({"input", "low", "mode", "high", "unit", "basis"}, rows,
                               {false, true, true, true, false, false});
  const bool by_emissions = u.sensitivity_metric == "emissions_kg_co2e.total";
  const double widest = u.sensitivity.empty() ? 0 : u.sensitivity.front().swing;
  rows.clear();
  for (const auto& t : u.sensitivity) {
    const double lo = by_emissions ? t.emissions_at_p5.value_or(0) : t.energy_at_p5;
    const double hi = by_emissions ? t.emissions_at_p95.value_or(0) : t.energy_at_p95;
    auto show = [&](double v) { return by_emissions ? readable(emissions::kg_co2e(v)) : readable(energy::kwh(v)); };
    const auto bar = widest > 0 ? static_cast<std::size_t>(std::lround(20.0 * t.swing / widest)) : 0;
    std::string b;
    for (std::size_t k = 0; k < bar; ++k) b += "█";
    rows.push_back({std::string(to_string(t.input)), fmt::format("{:.4g}", t.input_p5), fmt::format("{:.4g}", t.input_p95),
                    show(lo), show(hi), show(t.swing), b});
  }
  out += fmt::format("\nSensitivity: {} as each input goes from its p5 to its p95, the others at their point values\n",
                     by_emissions ? "total emissions" : "facility energy");
  out += text::table({"input", "p5", "p95", "result at p5", "at p95", "swing", ""}, rows,
                    {false, true, true, true, true, true, false});
  return out;
}

std::string render_markdown(const estimate& e, const catalog& cat, bool explain) {
  const summary s = summarise(e, cat);
  std::string out = "## trainprint estimate: " + md_escape(s.title) + "\n\n";
  out += "Boundary: " + boundary_text(e.context) + ". Grid: " + md_escape(grid_text(e)) + ".\n\n";
  if (!s.ranges.empty()) out += "Ranges: " + s.ranges.substr(8) + ".\n\n";
  std::vector<std::vector<std::string>> rows;
  for (const auto& sec : s.sections) {
    rows.push_back({"**" + md_escape(sec.title) + "**", "", ""});
    for (const auto& r : sec.rows) rows.push_back({md_escape(r.label), md_escape(r.value), md_escape(r.detail)});
  }
  out += text::md_table({"Quantity", "Value", "Basis"}, rows, {false, true, false});
  if (!s.equivalents.empty()) out += "\nAbout as much as: " + md_escape(join(s.equivalents, "; ")) + ".\n";
  if (!s.notes.empty()) out += "\n";
  for (const auto& n : s.notes) out += "- Note: " + md_escape(n) + "\n";
  out += "\n_" + md_escape(s.catalog) + "._\n";
  if (explain) {
    std::vector<std::vector<std::string>> t;
    for (const auto& x : e.trace) {
      std::string detail = x.note;
      if (!x.source.empty()) detail += (detail.empty() ? "" : " — ") + x.source;
      t.push_back({x.name, fmt::format("{:.6g}", x.value), x.unit, std::string(to_string(x.origin)), detail});
    }
    out += "\n### Trace\n\n" + md_plain_table({"Name", "Value", "Unit", "Origin", "Note / source"}, t, {false, true, false, false, false});
  }
  return out;
}

// --- comparisons ---

std::string render_columns(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
                           const std::vector<bool>& right_aligned) {
  return text::table(header, rows, right_aligned);
}
std::string render_markdown_table(const std::vector<std::string>& header,
                                  const std::vector<std::vector<std::string>>& rows,
                                  const std::vector<bool>& right_aligned) {
  return md_plain_table(header, rows, right_aligned);
}

std::vector<std::string> intensity_kinds(const comparison& c) {
  std::vector<std::string> kinds;
  for (const auto& r : c.rows) {
    const auto& basis = r.result.context.intensity_basis;
    const std::string first = basis.substr(0, basis.find(','));
    if (!first.empty() && std::find(kinds.begin(), kinds.end(), first) == kinds.end()) kinds.push_back(first);
  }
  return kinds;
}

std::string mixed_bases_note(const std::vector<std::string>& kinds) {
  return "the rows mix " + join(kinds, " and ") +
         " intensities; direct intensities leave out upstream (fuel-chain) emissions, so the rows' emissions do "
         "not compare like for like.";
}

std::string_view rank_unit(rank_by r) {
  switch (r) {
    case rank_by::energy: return "kwh";
    case rank_by::emissions: return "kg_co2e";
    case rank_by::water: return "l";
    case rank_by::cost: return "usd";
    case rank_by::time: return "h";
  }
  return "";
}

namespace {

std::string readable_metric(rank_by r, double v) {
  switch (r) {
    case rank_by::energy: return readable(energy::kwh(v));
    case rank_by::emissions: return readable(emissions::kg_co2e(v));
    case rank_by::water: return readable(water_volume::litres(v));
    case rank_by::cost: return usd(v);
    case rank_by::time: return readable_hours(v);
  }
  return {};
}

/// One column of a comparison: header with the unit chosen for the largest value.
struct metric_column {
  std::string header;
  std::vector<std::string> cells;
};

metric_column scaled_column(std::string_view name, const std::vector<std::optional<double>>& v, std::span<const step> steps,
                            std::size_t zero_step = 1, const std::vector<const output_interval*>& intervals = {}) {
  double m = 0;
  for (const auto& x : v)
    if (x) m = std::max(m, std::abs(*x));
  const step& s = pick(m, steps, zero_step);
  metric_column c{fmt::format("{} {}", name, s.unit), {}};
  for (std::size_t i = 0; i < v.size(); ++i) {
    const auto& x = v[i];
    std::string cell = x ? three_digits(*x / s.factor) : "unknown";
    // With --uncertainty: the 90% interval after the point estimate, in the column's unit.
    if (x && i < intervals.size() && intervals[i])
      cell += " (" + three_digits(intervals[i]->p5 / s.factor, 1e6) + "–" + three_digits(intervals[i]->p95 / s.factor, 1e6) + ")";
    c.cells.push_back(std::move(cell));
  }
  return c;
}

/// The interval called `name` of a row's uncertainty block, or nullptr.
const output_interval* row_interval(const comparison_row& r, std::string_view name) {
  return !r.error && r.result.uncertainty ? r.result.uncertainty->find(name) : nullptr;
}

/// " (lo–hi)" in whole USD after a cost cell, with --uncertainty; empty without an interval.
std::string usd_range_text(const output_interval* o) {
  return o ? fmt::format(" ({:.0f}–{:.0f})", o->p5, o->p95) : std::string{};
}

struct comparison_view {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<bool> right;
  std::string subtitle;
  std::vector<std::string> bases;
  std::string mixed_bases;  ///< the note when rows rest on different intensity bases (under the table)
  std::vector<std::string> cost_notes;  ///< cost_notes(): under the table, each "Note: ..."
  std::vector<std::string> not_estimated;  ///< "value: why", for the options that could not be estimated
  std::vector<std::string> notes;  ///< the rows' notes: one on every row once, the others "value: note"
  std::string saving;
};

/// The notes of a comparison's rows, as the JSON rows carry them: a note every estimated
/// row has, once; another one once, after the options it belongs to ("PL, SE: ...").
std::vector<std::string> row_notes(const comparison& c) {
  std::vector<const comparison_row*> estimated;
  for (const auto& r : c.rows)
    if (!r.error) estimated.push_back(&r);
  std::vector<std::string> all;
  for (const auto* r : estimated)
    for (const auto& n : r->result.notes)
      if (std::find(all.begin(), all.end(), n) == all.end()) all.push_back(n);
  std::vector<std::string> out;
  for (const auto& n : all) {
    std::vector<std::string> which;
    for (const auto* r : estimated)
      if (std::find(r->result.notes.begin(), r->result.notes.end(), n) != r->result.notes.end()) which.push_back(r->value);
    const std::string t = spell_inputs(n, spelling::json);  // `id` marks: the ids
    out.push_back(which.size() == estimated.size() ? t : join(which, ", ") + ": " + t);
  }
  return out;
}

comparison_view view_of(const comparison& c, const catalog& cat) {
  comparison_view v;
  std::vector<std::optional<double>> en, em, wa, co, ti;
  std::vector<factor_cells> in;
  std::vector<const output_interval*> en_i, em_i, wa_i, ti_i, co_i;
  std::vector<std::string> el;  // electricity cost cells: a rented run's is in its rent
  bool any_cost = false, any_time = false, owned_electricity = false;
  for (const auto& r : c.rows) {
    const auto& e = r.result;
    const bool ok = !r.error;  // a row that could not be estimated has no numbers
    const bool owned = ok && e.context.ownership != ownership::cloud;
    el.push_back(!ok                                            ? std::string("unknown")
                 : e.context.ownership == ownership::cloud      ? std::string("in rent")
                 : e.electricity_cost_usd ? fmt::format("{:.0f}", *e.electricity_cost_usd) +
                                                usd_range_text(row_interval(r, "cost_usd.electricity"))
                                          : std::string("unknown"));
    owned_electricity = owned_electricity || (owned && e.electricity_cost_usd);
    en.push_back(ok ? std::optional(e.energy_facility.in_kwh()) : std::nullopt);
    em.push_back(ok ? rank_metric(e, rank_by::emissions) : std::nullopt);
    wa.push_back(ok ? rank_metric(e, rank_by::water) : std::nullopt);
    co.push_back(ok ? rank_metric(e, rank_by::cost) : std::nullopt);
    ti.push_back(ok ? e.wall_hours : std::nullopt);
    // With ranges, the intensity's own median and 90% range, as the medians beside it.
    in.push_back(ok ? factor_of(e, uncertain_input::intensity_g_per_kwh, e.inputs.intensity_g_per_kwh)
                    : factor_cells{});
    en_i.push_back(row_interval(r, "energy_kwh.facility"));
    em_i.push_back(row_interval(r, e.total ? "emissions_kg_co2e.total" : "emissions_kg_co2e.location_based"));
    wa_i.push_back(row_interval(r, "water_l.total"));
    ti_i.push_back(row_interval(r, "compute.wall_hours"));
    // A rented run's cost is its rent alone, whose interval it has; an owned run's is a sum of
    // two parts, whose median is not the sum of theirs: no interval (as the report's table).
    co_i.push_back(ok && e.context.ownership == ownership::cloud ? row_interval(r, "cost_usd.compute") : nullptr);
    any_cost = any_cost || co.back().has_value();
    any_time = any_time || ti.back().has_value();
  }
  std::vector<metric_column> cols;
  cols.push_back(scaled_column("energy", en, energy_steps, 1, en_i));
  cols.push_back(scaled_column("emissions", em, emission_steps, 1, em_i));
  cols.push_back(scaled_column("water", wa, water_steps, 0, wa_i));
  // The electricity cost on its own (an owned run's is a part of its cost, never all of it),
  // then the run's cost (rank_metric).
  if (owned_electricity) cols.push_back(metric_column{"electricity USD", el});
  if (any_cost || c.rank_by == rank_by::cost) {  // ranked by cost: the column, even when every cell is unknown
    metric_column m{"cost USD", {}};
    for (std::size_t i = 0; i < co.size(); ++i)
      m.cells.push_back(co[i] ? fmt::format("{:.0f}", *co[i]) + usd_range_text(co_i[i]) : "unknown");
    cols.push_back(std::move(m));
  }
  if (any_time) cols.push_back(scaled_column("wall time", ti, hour_steps, 0, ti_i));
  {
    metric_column m{"g CO2e/kWh", {}};
    for (const auto& x : in)
      m.cells.push_back(!x.value ? std::string("unknown")
                        : x.p5 && *x.p5 != *x.p95
                            ? fmt::format("{:.4g} ({:.4g}–{:.4g})", *x.value, *x.p5, *x.p95)
                            : fmt::format("{:.4g}", *x.value));
    cols.push_back(std::move(m));
  }
  // Ranked (two or more metrics known): a rank per known option ("—" for the unknown ones,
  // listed after them) and the difference to the best; else neither (ranking_text() says why).
  const bool ranked = known_metrics(c) >= 2;
  v.header = ranked ? std::vector<std::string>{"#", c.key} : std::vector<std::string>{c.key};
  v.right = ranked ? std::vector<bool>{true, false} : std::vector<bool>{false};
  for (const auto& m : cols) {
    v.header.push_back(m.header);
    v.right.push_back(true);
  }
  if (ranked) {
    v.header.push_back(fmt::format("vs best ({})", to_string(c.rank_by)));
    v.right.push_back(false);
  }
  for (std::size_t i = 0; i < c.rows.size(); ++i) {
    const auto& r = c.rows[i];
    std::vector<std::string> row;
    if (ranked) row.push_back(rank_of(c, i) ? std::to_string(*rank_of(c, i)) : std::string("—"));
    row.push_back(r.value);
    for (const auto& m : cols) row.push_back(m.cells[i]);
    if (!ranked) {
      v.rows.push_back(std::move(row));
      continue;
    }
    std::string delta = r.error ? "not estimated" : "unknown";
    if (r.delta_to_best) {
      const double best = *c.rows.front().metric;
      if (i == 0 || *r.delta_to_best == 0)
        delta = i == 0 ? "best" : "same";
      else
        delta = "+" + readable_metric(c.rank_by, *r.delta_to_best) +
                (best > 0 ? fmt::format(" (+{:.0f}%)", *r.delta_to_best / best * 100) : std::string{});
    }
    row.push_back(delta);
    v.rows.push_back(std::move(row));
  }
  // What stays the same: the first row's resolved hardware, count, region, boundary.
  if (!c.rows.empty()) {
    std::string key = c.key;
    std::replace(key.begin(), key.end(), '-', '_');
    const auto& e = c.rows.front().result;
    std::vector<std::string> same;
    if (key != "hardware" && !e.context.accelerator_id.empty()) {
      same.push_back(hardware_text(e, cat, key != "count"));
    } else if (key != "count" && e.inputs.count) {
      same.push_back(fmt::format("{:g} accelerators", *e.inputs.count));
    }
    if (key != "region" && !e.context.region_id.empty()) {
      if (same.empty()) same.emplace_back("in " + e.context.region_id);
      else same.back() += " in " + e.context.region_id;
    }
    if (e.flops) same.push_back(readable_count(*e.flops) + " FLOP");
    if (key != "boundary" && key != "convention") same.push_back("boundary: " + boundary_text(e.context));
    v.subtitle = join(same, ", ");
    for (const auto& r : c.rows) {
      const auto& x = r.result;
      std::string b = r.value + ": ";
      if (r.error) {
        v.not_estimated.push_back(r.value + ": " + *r.error);
        continue;
      }
      if (!x.inputs.intensity_g_per_kwh) {
        b += "grid intensity unknown";
      } else {
        b += x.context.grid_region_id.empty() ? std::string("given intensity") : x.context.grid_region_id;
        if (!x.context.intensity_basis.empty()) b += ", " + x.context.intensity_basis;
      }
      v.bases.push_back(b);
    }
    v.notes = row_notes(c);
    // Direct (combustion-only) and lifecycle intensities do not compare like for like.
    if (const auto kinds = intensity_kinds(c); kinds.size() > 1) v.mixed_bases = "Note: " + mixed_bases_note(kinds);
    for (const auto& n : cost_notes(c)) v.cost_notes.push_back("Note: " + n);
  }
  // Best against worst, in everyday terms.
  const comparison_row* worst = nullptr;
  for (const auto& r : c.rows)
    if (r.delta_to_best) worst = &r;
  if (worst && worst != &c.rows.front() && *worst->delta_to_best > 0 && is_accounting_input(c.key)) {
    // An accounting choice changes what is counted, not the run: nothing is saved.
    v.saving = fmt::format("{} counts {} more than {} ({} is an accounting choice: it changes what is counted, not the "
                           "footprint)",
                           worst->value, readable_metric(c.rank_by, *worst->delta_to_best), c.rows.front().value, c.key);
  } else if (worst && worst != &c.rows.front() && *worst->delta_to_best > 0 && c.rank_by == rank_by::cost &&
             price_read_both_ways(c.rows.front(), *worst)) {
    // One given hourly price read as rent for one and as owning cost for the other: the
    // difference comes from that reading, not a saving (price_reading_note()).
    v.saving = fmt::format("{} costs {} less than {} with one hourly price read as rent for one and as owning cost "
                           "for the other (see the note): not a saving until each has the price it really pays",
                           c.rows.front().value, readable_metric(c.rank_by, *worst->delta_to_best), worst->value);
  } else if (worst && worst != &c.rows.front() && *worst->delta_to_best > 0) {
    const double d = *worst->delta_to_best;
    v.saving = fmt::format("{} instead of {} saves {}", c.rows.front().value, worst->value, readable_metric(c.rank_by, d));
    // With ranges the two are medians: the saving is their difference, not a median of its own.
    if (c.rows.front().result.uncertainty && worst->result.uncertainty) v.saving += " (the difference of the medians)";
    const char* kind = c.rank_by == rank_by::emissions ? "emissions"
                       : c.rank_by == rank_by::energy  ? "energy"
                       : c.rank_by == rank_by::water   ? "water"
                                                       : nullptr;
    if (kind)
      for (const auto& q : cat.equivalents())
        if (q.applies_to == kind) {
          if (auto t = equivalent_text(d, q)) v.saving += ", about as much as " + *t;
          break;
        }
  }
  return v;
}

}  // namespace

std::string render_comparison_table(const comparison& c, const catalog& cat) {
  const auto v = view_of(c, cat);
  std::string out = fmt::format("trainprint compare: {} ({} values), {}\n", c.key, c.rows.size(), ranking_text(c));
  if (!v.subtitle.empty()) out += v.subtitle + "\n";
  out += "\n" + text::table(v.header, v.rows, v.right);
  if (!v.mixed_bases.empty()) out += v.mixed_bases + "\n";
  for (const auto& n : v.cost_notes) out += n + "\n";
  if (!v.not_estimated.empty()) {
    out += "\nNot estimated\n";
    for (const auto& n : v.not_estimated) out += "  " + n + "\n";
  }
  out += "\nGrid basis\n";
  for (const auto& b : v.bases) out += "  " + b + "\n";
  if (!v.notes.empty()) out += "\nNotes\n";
  for (const auto& n : v.notes) out += "  " + n + "\n";
  if (!v.saving.empty()) out += "\n" + v.saving + ".\n";
  if (!c.rows.empty())
    out += fmt::format("catalog {} ({})\n", c.rows.front().result.catalog_version, c.rows.front().result.catalog_date);
  return out;
}

std::string render_comparison_markdown(const comparison& c, const catalog& cat) {
  const auto v = view_of(c, cat);
  std::string out = fmt::format("## trainprint compare: {}, {}\n\n", md_escape(c.key), ranking_text(c));
  if (!v.subtitle.empty()) out += md_escape(v.subtitle) + ".\n\n";
  out += md_plain_table(v.header, v.rows, v.right);
  if (!v.mixed_bases.empty()) out += "\n" + md_escape(v.mixed_bases) + "\n";
  for (const auto& n : v.cost_notes) out += "\n" + md_escape(n) + "\n";
  if (!v.not_estimated.empty()) {
    out += "\nNot estimated:\n\n";
    for (const auto& n : v.not_estimated) out += "- " + md_escape(n) + "\n";
  }
  out += "\nGrid basis:\n\n";
  for (const auto& b : v.bases) out += "- " + md_escape(b) + "\n";
  if (!v.notes.empty()) out += "\nNotes:\n\n";
  for (const auto& n : v.notes) out += "- " + md_escape(n) + "\n";
  if (!v.saving.empty()) out += "\n" + md_escape(v.saving) + ".\n";
  if (!c.rows.empty())
    out += fmt::format("\n_catalog {} ({})._\n", c.rows.front().result.catalog_version, c.rows.front().result.catalog_date);
  return out;
}

std::string usd_text(double v) { return usd(v); }

}  // namespace trainprint::inline v0
