// Comparisons and the text setter for scenario inputs (see compare.hpp).

#include "trainprint/compare.hpp"

#include <algorithm>
#include <functional>
#include <map>

#include "trainprint/error.hpp"
#include "trainprint/estimator.hpp"
#include "trainprint/inputs.hpp"
#include "trainprint/parse.hpp"

namespace trainprint::inline v0 {
namespace {

using setter = std::function<void(scenario&, std::string_view)>;

bool parse_bool(std::string_view key, std::string_view t) {
  if (t == "true" || t == "yes" || t == "1" || t == "on") return true;
  if (t == "false" || t == "no" || t == "0" || t == "off") return false;
  throw unit_error(std::string(key), "got '" + std::string(t) + "', expected true or false");
}

const std::vector<std::pair<std::string, setter>>& setters() {
  auto number = [](std::optional<double> scenario::*m, const char* key) {
    return std::pair<std::string, setter>{key, [m, key](scenario& s, std::string_view t) { s.*m = parse_number(t, key); }};
  };
  auto ratio = [](std::optional<double> scenario::*m, const char* key) {
    return std::pair<std::string, setter>{key, [m, key](scenario& s, std::string_view t) { s.*m = parse_ratio(t, key); }};
  };
  static const std::vector<std::pair<std::string, setter>> all = {
      number(&scenario::params, "params"),
      number(&scenario::active_params, "active_params"),
      number(&scenario::tokens, "tokens"),
      number(&scenario::flops, "flops"),
      {"recompute", [](scenario& s, std::string_view t) { s.recompute = parse_bool("recompute", t); }},
      number(&scenario::layers, "layers"),
      number(&scenario::d_model, "d_model"),
      number(&scenario::seq_len, "seq_len"),
      number(&scenario::gpu_hours, "gpu_hours"),
      {"duration_h", [](scenario& s, std::string_view t) { s.duration_h = parse_duration(t, "duration_h"); }},
      {"hardware", [](scenario& s, std::string_view t) { s.hardware = std::string(t); }},
      {"count",
       [](scenario& s, std::string_view t) {
         const double c = parse_number(t, "count");
         if (!(c >= 1 && c <= limits::count) || std::floor(c) != c)
           throw input_error("count", detail::num(c), "a whole number 1 <= count <= " + detail::num(limits::count));
         s.count = static_cast<std::int64_t>(c);
       }},
      {"precision",
       [](scenario& s, std::string_view t) {
         s.precision = parse_precision(t);
         if (!s.precision) throw input_error("precision", "'" + std::string(t) + "'", "one of fp32, tf32, bf16, fp16, fp8");
       }},
      ratio(&scenario::mfu, "mfu"),
      ratio(&scenario::power_fraction, "power_fraction"),
      {"power_w", [](scenario& s, std::string_view t) { s.power_w = power::watts(parse_number(t, "power_w")); }},
      {"boundary",
       [](scenario& s, std::string_view t) {
         s.boundary = parse_boundary(t);
         if (!s.boundary) throw input_error("boundary", "'" + std::string(t) + "'", "accelerators or servers");
       }},
      {"host_power_w", [](scenario& s, std::string_view t) { s.host_power_w = power::watts(parse_number(t, "host_power_w")); }},
      {"region", [](scenario& s, std::string_view t) { s.region = std::string(t); }},
      {"provider", [](scenario& s, std::string_view t) { s.provider = std::string(t); }},
      number(&scenario::pue, "pue"),
      {"wue", [](scenario& s, std::string_view t) { s.wue = water_intensity::l_per_kwh(parse_number(t, "wue")); }},
      {"intensity",
       [](scenario& s, std::string_view t) { s.intensity = carbon_intensity::g_per_kwh(parse_number(t, "intensity")); }},
      {"mix", [](scenario& s, std::string_view t) { s.mix = parse_mix(t); }},
      {"ewif", [](scenario& s, std::string_view t) { s.ewif = water_intensity::l_per_kwh(parse_number(t, "ewif")); }},
      ratio(&scenario::cfe, "cfe"),
      {"embodied", [](scenario& s, std::string_view t) { s.embodied = parse_bool("embodied", t); }},
      number(&scenario::lifetime_years, "lifetime_years"),
      number(&scenario::price_usd_per_kwh, "price_usd_per_kwh"),
      number(&scenario::hourly_price_usd, "hourly_price_usd"),
  };
  return all;
}

}  // namespace

const std::vector<std::string>& input_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> n;
    for (const auto& [k, _] : setters()) n.push_back(k);
    return n;
  }();
  return names;
}

std::string canonical_input_name(std::string_view key) {
  if (const auto* i = find_input(key)) return std::string(i->name);  // names and aliases: inputs.hpp
  std::string k(key);
  std::replace(k.begin(), k.end(), '-', '_');
  return k;
}

void set_input(scenario& s, std::string_view key, std::string_view text) {
  const std::string k = canonical_input_name(key);
  if (is_rangeable(k) && text.find(':') != std::string_view::npos) {
    // A range "low:high" or "low:mode:high": each part read as a single value.
    std::vector<double> parts;
    for (std::size_t start = 0;;) {
      const auto end = text.find(':', start);
      scenario one;
      set_input(one, k, text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
      parts.push_back(*point_value(one, k));
      if (end == std::string_view::npos) break;
      start = end + 1;
    }
    if (parts.size() > 3)
      throw unit_error(k, "got '" + std::string(text) + "', expected a range low:high or low:mode:high");
    const range r{parts.front(), parts.size() == 3 ? parts[1] : (parts.front() + parts.back()) / 2, parts.back()};
    scenario w;
    set_range(w, k, r);
    if (k == "gpu_hours" || k == "duration_h") {
      s = merge(s, w);  // a workload replaces the old one, as below
    } else {
      set_point_value(s, k, r.mode);
      s.ranges.insert_or_assign(k, r);
    }
    return;
  }
  for (const auto& [name, set] : setters()) {
    if (name != k) continue;
    s.ranges.erase(name);  // a single value is fixed
    // A new workload input replaces the old workload, as a preset's would.
    if (name == "params" || name == "active_params" || name == "tokens" || name == "flops" ||
        name == "gpu_hours" || name == "duration_h") {
      // params, active_params and tokens complete each other; the other workload
      // inputs replace whatever workload was there.
      const bool pair = name == "params" || name == "active_params" || name == "tokens";
      const bool had_pair = s.params || s.active_params || s.tokens;
      if (!(pair && had_pair)) {
        scenario w;
        set(w, text);
        s = merge(s, w);
        return;
      }
    }
    set(s, text);
    return;
  }
  auto close = closest_ids(k, input_names(), 1);
  throw input_error("key", "'" + std::string(key) + "'",
                    "a scenario input" + (close.empty() ? std::string{} : " (did you mean " + close[0] + "?)"));
}

std::string_view to_string(rank_by r) {
  switch (r) {
    case rank_by::energy: return "energy";
    case rank_by::emissions: return "emissions";
    case rank_by::water: return "water";
    case rank_by::cost: return "cost";
    case rank_by::time: return "time";
  }
  return "emissions";
}

rank_by parse_rank_by(std::string_view s) {
  for (auto r : {rank_by::energy, rank_by::emissions, rank_by::water, rank_by::cost, rank_by::time})
    if (to_string(r) == s) return r;
  throw input_error("sort", "'" + std::string(s) + "'", "one of energy, emissions, water, cost, time");
}

std::optional<double> rank_metric(const estimate& e, rank_by r) {
  switch (r) {
    case rank_by::energy: return e.energy_facility.in_kwh();
    case rank_by::emissions:
      if (e.total) return e.total->in_kg_co2e();
      if (e.location_based) return e.location_based->in_kg_co2e();
      return std::nullopt;
    case rank_by::water: return e.water_total ? std::optional(e.water_total->in_litres()) : std::nullopt;
    case rank_by::cost:
      if (!e.electricity_cost_usd && !e.compute_cost_usd) return std::nullopt;
      return e.electricity_cost_usd.value_or(0) + e.compute_cost_usd.value_or(0);
    case rank_by::time: return e.wall_hours;
  }
  return std::nullopt;
}

comparison compare(const scenario& base, std::string_view key, const std::vector<std::string>& values,
                   const catalog& cat, rank_by by) {
  if (values.empty()) throw input_error("across", "no values", "at least one value, e.g. region=FR,SE,US-VA");
  comparison c;
  c.key = std::string(key);
  c.rank_by = by;
  for (const auto& v : values) {
    scenario s = base;
    set_input(s, key, v);
    comparison_row row{v, make_estimate(s, cat), std::nullopt, std::nullopt};
    row.metric = rank_metric(row.result, by);
    c.rows.push_back(std::move(row));
  }
  std::stable_sort(c.rows.begin(), c.rows.end(), [](const comparison_row& a, const comparison_row& b) {
    if (a.metric && b.metric) return *a.metric < *b.metric;
    return a.metric.has_value() && !b.metric.has_value();
  });
  if (!c.rows.empty() && c.rows.front().metric)
    for (auto& r : c.rows)
      if (r.metric) r.delta_to_best = *r.metric - *c.rows.front().metric;
  return c;
}

}  // namespace trainprint::inline v0
