// Comparisons and the text setter for scenario inputs (see compare.hpp).

#include "trainprint/compare.hpp"

#include "axis_values.hpp"

#include <algorithm>
#include <exception>
#include <functional>
#include <map>
#include <optional>

#include "trainprint/error.hpp"
#include "trainprint/estimator.hpp"
#include "trainprint/inputs.hpp"
#include "trainprint/parse.hpp"
#include "trainprint/plain.hpp"
#include "trainprint/typed_inputs.hpp"

namespace trainprint::inline v0 {
namespace {

/// Drops the time inputs of `s` (gpu_hours, duration_h and their ranges).
void replace_time(scenario& s) {
  s.gpu_hours.reset();
  s.duration_h.reset();
  s.ranges.erase("gpu_hours");
  s.ranges.erase("duration_h");
}

}  // namespace

void detail::refuse_same_entries(std::string_view key, const std::vector<std::string>& values, const catalog& cat,
                                 std::string_view what) {
  const std::string k = canonical_input_name(key);
  // The catalog entry a value names (its id and what kind of entry), or empty.
  auto entry = [&](const std::string& v) -> std::pair<std::string, std::string_view> {
    if (k == "region")
      if (const auto* r = cat.get_region(v)) return {r->id, "region"};
    if (k == "provider")
      if (const auto* p = cat.get_provider(v)) return {p->id, "provider"};
    if (k == "hardware") {
      if (const auto* a = cat.get_accelerator(v)) return {a->id, "accelerator"};
      if (const auto* x = cat.get_system(v)) return {x->id, "system"};
    }
    return {};
  };
  std::vector<std::pair<std::string, std::string_view>> seen;
  for (const auto& v : values) {
    auto e = entry(v);
    for (std::size_t i = 0; !e.first.empty() && i < seen.size(); ++i)
      if (seen[i] == e) {
        std::string text(key);
        for (std::size_t j = 0; j < values.size(); ++j) text += (j ? "," : "=") + values[j];
        throw input_error(std::string(what), "'" + text + "'",
                          "each value once: " + std::string(key) + " '" + values[i] + "' and '" + v +
                              "' name the same " + std::string(e.second) + ", " + e.first);
      }
    seen.push_back(std::move(e));
  }
}

const std::vector<std::string>& input_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> n;
    for (const auto& in : scenario_inputs) n.emplace_back(in.name);
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
    std::vector<std::string_view> typed;  // each part as typed, for the messages
    for (std::size_t start = 0;;) {
      const auto end = text.find(':', start);
      typed.push_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
      scenario one;
      set_input(one, k, typed.back());
      parts.push_back(*point_value(one, k));
      if (end == std::string_view::npos) break;
      start = end + 1;
    }
    if (parts.size() > 3)
      throw unit_error(k, "got '" + std::string(text) + "', expected a range low:high or low:mode:high");
    // Out of order: said in the units typed ('3w:1w'), not in the input's own (504:168 h).
    for (std::size_t i = 0; i + 1 < parts.size(); ++i)
      if (parts[i] > parts[i + 1])
        throw input_error(k, "'" + std::string(text) + "'",
                          "a range low:high or low:mode:high with low <= mode <= high ('" + std::string(typed[i]) +
                              "' is above '" + std::string(typed[i + 1]) + "')");
    const range r{parts.front(), parts.size() == 3 ? parts[1] : (parts.front() + parts.back()) / 2, parts.back()};
    if (k == "gpu_hours" || k == "duration_h") {
      replace_time(s);  // a time replaces the old time, as below
      set_range(s, k, r);
    } else {
      set_point_value(s, k, r.mode);
      s.ranges.insert_or_assign(k, r);
    }
    return;
  }
  for (const auto& in : scenario_inputs) {
    const std::string_view name = in.name;
    if (name != k) continue;
    s.ranges.erase(std::string(name));  // a single value is fixed
    // A time (gpu_hours or duration_h) replaces the old time and keeps the workload:
    // with both known, the estimate reports the run's implied MFU.
    if (name == "gpu_hours" || name == "duration_h") {
      replace_time(s);
      read_input_text(s, in, text);
      return;
    }
    // A new workload input replaces the old workload, as a preset's would; params,
    // active_params, trainable_params and tokens complete each other.
    if (in.group == "Workload" && name != "recompute" && name != "layers" && name != "d_model" && name != "seq_len") {
      const bool pair = name == "size" || name == "params" || name == "active_params" || name == "trainable_params" || name == "tokens";
      const bool had_pair = s.size || s.params || s.active_params || s.trainable_params || s.tokens;
      if (!(pair && had_pair)) {
        scenario w;
        read_input_text(w, in, text);
        s = merge(s, w);
        return;
      }
    }
    read_input_text(s, in, text);
    return;
  }
  auto close = closest_ids(k, input_names(), 1);
  throw input_error("key", "'" + std::string(key) + "'",
                    "a scenario input" + (close.empty() ? std::string{} : " (did you mean " + close[0] + "?)"));
}

bool is_accounting_input(std::string_view key) {
  const std::string k = canonical_input_name(key);
  for (const char* a : {"boundary", "convention", "energy_boundary", "embodied", "lifetime_years", "ownership", "cfe"})
    if (k == a) return true;
  return false;
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
      // A rented (cloud) run pays for its electricity inside the rental price: its cost is the
      // compute cost, unknown when the rental price is (never its electricity alone). An owned
      // run pays for its electricity and for owning the hardware (a price per accelerator-hour):
      // unknown when either part is, never one part alone (methodology §3.3).
      if (e.context.ownership == ownership::cloud) return e.compute_cost_usd;
      if (!e.electricity_cost_usd || !e.compute_cost_usd) return std::nullopt;
      return *e.electricity_cost_usd + *e.compute_cost_usd;
    case rank_by::time: return e.wall_hours;
  }
  return std::nullopt;
}

namespace {
/// Each value's estimate (`make` of the scenario `build` gives for it), ranked best first.
template <class Build, class Make>
comparison ranked(std::string_view key, const std::vector<std::string>& values, rank_by by, const catalog& cat,
                  Build build, Make make) {
  if (values.empty()) throw input_error("across", "no values", "at least one value, e.g. region=FR,SE,US-VA");
  detail::refuse_same_entries(key, values, cat, "across");
  comparison c;
  c.key = std::string(key);
  c.rank_by = by;
  std::exception_ptr first_error;
  for (const auto& v : values) {
    const scenario s = build(v);  // text that does not parse: bad input for the whole comparison
    comparison_row row{v, {}, std::nullopt, std::nullopt, std::nullopt};
    try {
      row.result = make(s);
      row.metric = rank_metric(row.result, by);
    } catch (const unknown_key_error&) {
      throw;  // a typo in an id: bad input, with its suggestions
    } catch (const error& e) {
      // This option cannot be estimated: its row says why, the others stand.
      if (!first_error) first_error = std::current_exception();
      row.error = e.what();
    }
    c.rows.push_back(std::move(row));
  }
  if (std::none_of(c.rows.begin(), c.rows.end(), [](const comparison_row& r) { return !r.error; }))
    std::rethrow_exception(first_error);
  std::stable_sort(c.rows.begin(), c.rows.end(), [](const comparison_row& a, const comparison_row& b) {
    if (a.metric && b.metric) return *a.metric < *b.metric;
    if (a.metric.has_value() != b.metric.has_value()) return a.metric.has_value();
    return !a.error && b.error;  // unknown metric before no estimate at all
  });
  // Ranked only when two or more options' metrics are known (rank_of()): else there is no
  // best, and no difference to it.
  const auto known = std::count_if(c.rows.begin(), c.rows.end(), [](const comparison_row& r) { return r.metric.has_value(); });
  if (known >= 2)
    for (auto& r : c.rows)
      if (r.metric) r.delta_to_best = *r.metric - *c.rows.front().metric;
  return c;
}
}  // namespace

namespace {
/// Without uncertainty options, an option whose scenario has a range (wants_ranges) is a
/// Monte Carlo run; then every option is, with the default options, so that medians are
/// ranked against medians, never against a point estimate (`--across power=400,300:2000`).
/// Nullopt when no option has a range; an option that does not build is its row's error.
template <class Build>
std::optional<uncertainty_options> ranges_for_every_option(const std::vector<std::string>& values, Build build) {
  for (const auto& v : values) {
    try {
      if (wants_ranges(build(v))) return uncertainty_options{};
    } catch (const error&) {
    }
  }
  return std::nullopt;
}
}  // namespace

comparison compare(const scenario& base, std::string_view key, const std::vector<std::string>& values,
                   const catalog& cat, rank_by by) {
  auto build = [&](const std::string& v) {
    scenario s = base;
    set_input(s, key, v);
    return s;
  };
  if (const auto all = ranges_for_every_option(values, build))
    return ranked(key, values, by, cat, build, [&](const scenario& s) { return make_estimate(s, cat, *all); });
  return ranked(key, values, by, cat, build, [&](const scenario& s) { return make_estimate(s, cat); });
}

comparison compare(const scenario& base, std::string_view key, const std::vector<std::string>& values,
                   const catalog& cat, rank_by by, const uncertainty_options& options) {
  validate(options);
  auto build = [&](const std::string& v) {
    scenario s = base;
    set_input(s, key, v);
    return s;
  };
  return ranked(key, values, by, cat, build, [&](const scenario& s) { return make_estimate(s, cat, options); });
}

scenario with_input(const layered_scenario& s, std::string_view key, std::string_view value) {
  scenario given = s.given;
  set_input(given, key, value);
  return merge(s.earlier, given);
}

comparison compare(const layered_scenario& s, std::string_view key, const std::vector<std::string>& values,
                   const catalog& cat, rank_by by) {
  auto build = [&](const std::string& v) { return with_input(s, key, v); };
  if (const auto all = ranges_for_every_option(values, build))
    return ranked(key, values, by, cat, build, [&](const scenario& x) { return make_estimate(x, cat, *all); });
  return ranked(key, values, by, cat, build, [&](const scenario& x) { return make_estimate(x, cat); });
}

scenario with_typed_input(const typed_scenario& s, std::string_view key, std::string_view value) {
  const std::string k = canonical_input_name(key);
  auto typed = s.typed;
  std::erase_if(typed, [&](const auto& t) { return canonical_input_name(t.first) == k; });
  typed.emplace_back(k, std::string(value));
  return merge(s.earlier, scenario_from_text(std::move(typed)));
}

comparison compare(const typed_scenario& s, std::string_view key, const std::vector<std::string>& values,
                   const catalog& cat, rank_by by, const uncertainty_options* options) {
  if (options) validate(*options);
  auto build = [&](const std::string& v) { return with_typed_input(s, key, v); };
  const auto all = options ? std::optional(*options) : ranges_for_every_option(values, build);
  return ranked(key, values, by, cat, build, [&](const scenario& x) {
    return all ? make_estimate(x, cat, *all) : make_estimate(x, cat);
  });
}

}  // namespace trainprint::inline v0
