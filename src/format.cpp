// Human-readable rendering of estimates (see include/trainprint/format.hpp).

#include "trainprint/format.hpp"

#include <array>
#include <cmath>

namespace trainprint::inline v0 {
namespace {

struct step {
  double factor;
  const char* unit;
};

/// Picks the largest unit in which |v| >= 1 and prints 3 significant digits.
template <std::size_t N>
std::string scaled(double v, const std::array<step, N>& steps, std::size_t zero_step = 1) {
  if (v == 0) return fmt::format("0 {}", steps[std::min(zero_step, N - 1)].unit);
  const step* chosen = &steps[0];
  for (const auto& s : steps)
    if (std::abs(v) >= s.factor) chosen = &s;
  const double x = v / chosen->factor;
  const double ax = std::abs(x);
  const char* spec = ax >= 100 ? "{:.0f} {}" : ax >= 10 ? "{:.1f} {}" : "{:.2f} {}";
  return fmt::format(fmt::runtime(spec), x, chosen->unit);
}

}  // namespace

std::string readable(energy e) {
  static constexpr std::array<step, 5> s{{{1e-3, "Wh"}, {1, "kWh"}, {1e3, "MWh"}, {1e6, "GWh"}, {1e9, "TWh"}}};
  return scaled(e.in_kwh(), s);
}
std::string readable(emissions m) {
  static constexpr std::array<step, 5> s{{{1e-3, "g CO2e"}, {1, "kg CO2e"}, {1e3, "t CO2e"}, {1e6, "kt CO2e"}, {1e9, "Mt CO2e"}}};
  return scaled(m.in_kg_co2e(), s);
}
std::string readable(water_volume w) {
  static constexpr std::array<step, 4> s{{{1, "L"}, {1e3, "m³"}, {1e6, "thousand m³"}, {1e9, "million m³"}}};
  return scaled(w.in_litres(), s);
}
std::string readable(power p) {
  static constexpr std::array<step, 3> s{{{1, "W"}, {1e3, "kW"}, {1e6, "MW"}}};
  return scaled(p.in_watts(), s);
}
std::string readable_hours(double h) {
  if (h < 48) return fmt::format("{:.1f} h", h);
  if (h < 24 * 365 * 2) return fmt::format("{:.1f} days", h / 24);
  return fmt::format("{:.1f} years", h / (24 * 365));
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
    wu = std::max(wu, t.unit.size());
  }
  std::string out = fmt::format("{:<{}}  {:>{}}  {:<{}}  {:<{}}  {}\n", "name", wn, "value", wv, "unit", wu, "origin", wo,
                                "note / source");
  for (std::size_t i = 0; i < e.trace.size(); ++i) {
    const auto& t = e.trace[i];
    std::string detail = t.note;
    if (!t.source.empty()) detail += (detail.empty() ? "" : " — ") + t.source;
    out += fmt::format("{:<{}}  {:>{}}  {:<{}}  {:<{}}  {}\n", t.name, wn, values[i], wv, t.unit, wu,
                       to_string(t.origin), wo, detail);
  }
  return out;
}

std::string render_table(const estimate& e, const catalog& cat, bool explain) {
  std::string out;
  auto row = [&](std::string_view label, const std::string& value, const std::string& detail = {}) {
    out += fmt::format("  {:<26} {:>16}{}\n", label, value, detail.empty() ? "" : "   " + detail);
  };
  auto unknown = std::string("unknown");
  const auto& c = e.context;

  std::string what = c.accelerator_id.empty() ? std::string("accelerators") : c.accelerator_id;
  if (e.inputs.count) what = fmt::format("{:g} × {}", *e.inputs.count, what);
  out += fmt::format("trainprint estimate: {}", what);
  if (!c.region_id.empty()) out += " in " + c.region_id;
  out += fmt::format(" (boundary: {}{})\n\n", to_string(c.boundary),
                     c.boundary == boundary::servers ? ", accelerators + host" : " only");

  out += "Compute\n";
  if (e.flops) row("training FLOPs", readable_count(*e.flops), fmt::format("{:.3g} FLOP", *e.flops));
  row("accelerator-hours", readable_count(e.accelerator_hours), "h");
  row("wall time", e.wall_hours ? readable_hours(*e.wall_hours) : unknown);
  out += "Power (average, per accelerator)\n";
  row("accelerator", readable(e.accelerator_power));
  if (c.boundary == boundary::servers) row("host share", readable(e.host_power));
  out += "Energy\n";
  row("accelerators", readable(e.energy_accelerators));
  if (c.boundary == boundary::servers) row("host", readable(e.energy_host));
  row("IT", readable(e.energy_it));
  row("facility (× PUE)", readable(e.energy_facility), fmt::format("PUE {:.3g}", e.inputs.pue));
  out += "Emissions\n";
  auto em = [&](const std::optional<emissions>& m) { return m ? readable(*m) : unknown; };
  row("operational, location", em(e.location_based),
      e.inputs.intensity_g_per_kwh
          ? fmt::format("{:.4g} g CO2e/kWh{}", *e.inputs.intensity_g_per_kwh,
                        c.intensity_basis.empty() ? "" : "; " + c.intensity_basis)
          : std::string{});
  row("operational, market", em(e.market_based),
      e.inputs.cfe ? fmt::format("carbon-free share {:.0f}%", *e.inputs.cfe * 100) : std::string{});
  row("embodied", em(e.embodied),
      e.inputs.embodied ? fmt::format("amortised over {:g} years", e.inputs.lifetime_years) : "left out");
  row("total (location + embodied)", em(e.total));
  out += "Water\n";
  auto wa = [&](const std::optional<water_volume>& w) { return w ? readable(*w) : unknown; };
  row("on-site (cooling)", wa(e.water_onsite),
      e.inputs.wue_l_per_kwh ? fmt::format("WUE {:.3g} L/kWh", *e.inputs.wue_l_per_kwh) : std::string{});
  row("off-site (generation)", wa(e.water_offsite),
      e.inputs.ewif_l_per_kwh ? fmt::format("EWIF {:.3g} L/kWh", *e.inputs.ewif_l_per_kwh) : std::string{});
  row("total", wa(e.water_total));
  if (e.electricity_cost_usd || e.compute_cost_usd) {
    out += "Cost\n";
    if (e.electricity_cost_usd) row("electricity", fmt::format("${:.3g}", *e.electricity_cost_usd));
    if (e.compute_cost_usd) row("compute", fmt::format("${:.3g}", *e.compute_cost_usd));
  }

  // Everyday equivalents: the first entry of each kind in the catalog.
  std::vector<std::string> eq;
  for (const char* kind : {"emissions", "energy", "water"}) {
    for (const auto& q : cat.equivalents()) {
      if (q.applies_to != kind) continue;
      std::optional<double> amount;
      if (q.applies_to == "emissions" && e.total) amount = e.total->in_kg_co2e();
      if (q.applies_to == "energy") amount = e.energy_facility.in_kwh();
      if (q.applies_to == "water" && e.water_total) amount = e.water_total->in_litres();
      if (amount) eq.push_back(fmt::format("{} {}", readable_count(*amount / q.per_unit), q.name));
      break;
    }
  }
  if (!eq.empty()) {
    out += "\nAbout as much as: ";
    for (std::size_t i = 0; i < eq.size(); ++i) out += (i ? "; " : "") + eq[i];
    out += "\n";
  }
  for (const auto& n : e.notes) out += "note: " + n + "\n";
  out += fmt::format("catalog {} ({})\n", e.catalog_version, e.catalog_date);
  if (explain) out += "\nTrace\n" + render_trace(e);
  return out;
}

}  // namespace trainprint::inline v0
