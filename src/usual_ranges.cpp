// Usual ranges of the numeric inputs and their notes (usual_ranges.hpp).

#include "usual_ranges.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <memory>
#include <mutex>

#include <fmt/format.h>

#include "catalog/memo.hpp"
#include "trainprint/defaults.hpp"

namespace trainprint::inline v0::detail {

namespace {

/// One row per numeric input: its example (in the input's unit) and, where the input
/// reads SI suffixes in practice (counts of parameters, tokens, FLOPs), a word on them.
struct example_row {
  std::string_view name, example;
  bool suffixes = false;
};
constexpr example_row examples[] = {
    {"params", "7B or 70e9", true},
    {"active_params", "13B", true},
    {"trainable_params", "4M", true},
    {"tokens", "2T", true},
    {"flops", "8.4e22", true},
    {"layers", "32"},
    {"d_model", "4096"},
    {"seq_len", "4096 or 8k", true},
    {"gpu_hours", "100k", true},
    {"duration_h", "30d"},
    {"count", "512"},
    {"mfu", "0.4 or 40%"},
    {"power_fraction", "0.75 or 75%"},
    {"power_w", "700"},
    {"host_power_w", "575"},
    {"pue", "1.2"},
    {"wue", "0.5"},
    {"intensity", "400"},
    {"ewif", "1.3"},
    {"cfe", "0.6 or 60%"},
    {"lifetime_years", "5"},
    {"price_usd_per_kwh", "0.12"},
    {"hourly_price_usd", "2.5"},
    {"energy_kwh", "120000 or 120k", true},
};

const example_row* example_of(std::string_view name) {
  for (const auto& e : examples)
    if (e.name == name) return &e;
  return nullptr;
}

}  // namespace

std::string short_number(double v) {
  // Whole digits up to a billion (20000, not 2e+04); 4 significant digits otherwise.
  const int digits = v >= 1 && v < 1e9 ? std::max(4, static_cast<int>(std::floor(std::log10(v))) + 1) : 4;
  std::string t = fmt::format("{:.{}g}", v, digits);
  t.erase(std::remove(t.begin(), t.end(), '+'), t.end());
  return t;
}

namespace {

std::string num(double v) { return short_number(v); }

/// Why an input has no usual range.
struct none_row {
  std::string_view name, why;
};
constexpr none_row no_range[] = {
    {"trainable_params", "any share of params may be trained; validate() refuses more than params"},
    {"layers", "only read with d_model and seq_len for attention FLOPs; the hard limits refuse the impossible"},
    {"d_model", "only read with layers and seq_len for attention FLOPs; the hard limits refuse the impossible"},
    {"seq_len", "contexts run from a few hundred to millions of tokens; the hard limits refuse the impossible"},
    {"count", "runs go from one accelerator to clusters of 100,000; no typing slip has a typical factor"},
    {"mfu", "the estimate refuses an implied MFU above 1, and low MFUs are real (small models, slow links)"},
    {"cfe", "any share from none to all can be bought"},
    {"hourly_price_usd", "the catalog's few list on-demand prices do not bound what people pay (reserved, "
                         "committed-use and spot prices are often far lower); a price that matches an instance's "
                         "list price, or is over twice the part's dearest list price per accelerator-hour, gets a "
                         "note (a price per instance typed per accelerator)"},
    {"energy_kwh", "a measured run spans a laptop's watt-hours to a cluster's gigawatt-hours; the estimate compares "
                   "it with the modelled energy in a note"},
};

/// A likely slip: the value meant is v × factor, typed in `as` (fmt, {} = the value typed).
struct slip {
  double factor;
  std::string as;
};

}  // namespace

std::string_view input_example(std::string_view name) {
  const auto* e = example_of(name);
  return e ? e->example : std::string_view{};
}

std::string input_expected(const input_info& i) {
  const auto* e = example_of(i.name);
  const std::string unit = i.unit.empty() ? "" : " of " + std::string(i.unit);
  if (!e) return "a number" + unit;
  return "a number" + unit + (e->suffixes ? " with an optional suffix k, M, B (or G), T, P, E" : "") + ", e.g. " + std::string(e->example);
}

std::string_view usual_range_none(std::string_view name) {
  for (const auto& n : no_range)
    if (n.name == name) return n.why;
  return {};
}

namespace {

/// The least and greatest value over a table's entries that have one, and their ids.
struct spread {
  double lo = std::numeric_limits<double>::infinity(), hi = 0;
  std::string lo_id, hi_id;
};

/// The spread of value(e) (a std::optional<double>) over the entries e of `table` that
/// have a value; the first entry wins a tie. hi stays 0 when no entry has a positive value.
template <class Table, class Value>
spread spread_of(const Table& table, Value value) {
  spread s;
  for (const auto& e : table) {
    const std::optional<double> v = value(e);
    if (!v) continue;
    if (*v < s.lo) s.lo = *v, s.lo_id = e.id;
    if (*v > s.hi) s.hi = *v, s.hi_id = e.id;
  }
  return s;
}

/// The usual range of `name`, worked out from the catalog's tables (usual_range_of keeps it).
std::optional<usual_range> compute_range(std::string_view name, const catalog& cat) {
  constexpr double inf = std::numeric_limits<double>::infinity();
  if (name == "params" || name == "active_params")
    // Below 10,000 the size notes of resolve/ speak (resolver.cpp); above, 10T is over six
    // times the largest published trained model, Switch-C at 1.571T parameters (Fedus,
    // Zoph and Shazeer 2021, "Switch Transformers", JMLR 23(120), Table 9).
    return usual_range{1e4, 1e13, "10T is six times Switch-C's 1.571T, the largest published trained model "
                                  "(Fedus et al. 2021)"};
  if (name == "tokens")
    // The largest published pre-training corpora are tens of trillions of tokens (Qwen3:
    // 36T, Qwen3 Technical Report, arXiv:2505.09388, section 3.1); 1e15 is 28 times that.
    return usual_range{1e5, 1e15, "1000T is 28 times Qwen3's 36T tokens, among the largest published corpora "
                                  "(arXiv:2505.09388)"};
  if (name == "flops")
    // Llama 3.1 405B, the largest run in the catalog by accelerator-hours, took 3.8e25 FLOP
    // (Llama 3 Herd of Models, arXiv:2407.21783, section 3.1); 1e27 is 26 times that.
    return usual_range{1e15, 1e27, "1e27 is 26 times Llama 3.1 405B's 3.8e25 FLOP (arXiv:2407.21783), the largest "
                                   "run in the catalog"};
  if (name == "gpu_hours") {
    const auto s = spread_of(cat.presets(), [](const preset& p) { return p.scenario.gpu_hours; });
    if (s.hi <= 0) return std::nullopt;
    return usual_range{0, 10 * s.hi,
                       fmt::format("ten times the catalog's largest published run, {} at {} h", s.hi_id, num(s.hi))};
  }
  if (name == "duration_h") {
    const auto s = spread_of(cat.presets(), [](const preset& p) {
      return p.scenario.duration_h ? std::optional<double>(p.scenario.duration_h->count()) : std::nullopt;
    });
    return usual_range{0, 8760, "a year; the longest published run in the catalog" +
                                    (s.hi_id.empty() ? std::string{} : fmt::format(", {}, took {} h", s.hi_id, num(s.hi)))};
  }
  if (name == "power_fraction")
    return usual_range{defaults::power_idle_fraction.value, 1,
                       "from what an idle accelerator draws (0.18 of TDP, measured on an H200) to its TDP"};
  if (name == "power_w") {
    const auto s = spread_of(cat.accelerators(), [](const accelerator& a) { return a.tdp_w; });
    if (s.hi <= 0) return std::nullopt;
    return usual_range{s.lo, s.hi,
                       fmt::format("the catalog's TDPs, {} {} W to {} {} W", s.lo_id, num(s.lo), s.hi_id, num(s.hi))};
  }
  if (name == "host_power_w") {
    // Per accelerator: at most a whole system's maximum over its accelerators; at least
    // the smallest personal machine's host (a laptop's).
    const auto s = spread_of(cat.systems(), [](const system_profile& sys) {
      return sys.max_power_w && sys.accelerators > 0 ? std::optional<double>(*sys.max_power_w / sys.accelerators)
                                                     : std::nullopt;
    });
    double lo = inf, hi = s.hi;
    const std::string& hi_id = s.hi_id;
    for (const auto& p : defaults::site_profiles)
      if (!p.servers() && p.accelerators_per_machine > 0) {
        lo = std::min(lo, p.machine_host_w.low / p.accelerators_per_machine);
        hi = std::max(hi, p.machine_host_w.high / p.accelerators_per_machine);
      }
    if (hi <= 0 || !std::isfinite(lo)) return std::nullopt;
    return usual_range{lo, hi, fmt::format("a laptop's host to a whole {} system per accelerator", hi_id)};
  }
  if (name == "pue" || name == "wue") {
    const bool pue = name == "pue";
    double lo = inf, hi = 0;
    auto see = [&](double v) { lo = std::min(lo, v), hi = std::max(hi, v); };
    for (const auto& p : cat.providers())
      for (const auto& c : pue ? p.pue : p.wue_l_per_kwh) see(c.value);
    for (const auto& r : cat.regions())
      if (const auto& c = pue ? r.pue : r.wue_l_per_kwh) see(c->value);
    for (const auto& p : defaults::site_profiles) {
      const auto& v = pue ? p.pue : p.wue_l_per_kwh;
      see(v.low), see(v.high);
    }
    if (hi <= 0) return std::nullopt;
    return usual_range{lo, hi, pue ? "the catalog's providers, regions and site kinds" : "the catalog's providers and site kinds"};
  }
  if (name == "intensity") {
    const auto s = spread_of(cat.regions(), [](const region& r) {
      return r.intensity ? std::optional<double>(r.intensity->gco2e_per_kwh) : std::nullopt;
    });
    if (s.hi <= 0) return std::nullopt;
    return usual_range{s.lo, s.hi, fmt::format("the catalog's grids, {} to {}", s.lo_id, s.hi_id)};
  }
  if (name == "ewif") {
    double lo = inf, hi = 0;
    for (const auto& e : cat.energy_sources()) {
      if (e.water_l_per_kwh) lo = std::min(lo, e.water_min.value_or(*e.water_l_per_kwh));
      if (e.water_l_per_kwh) hi = std::max(hi, e.water_max.value_or(*e.water_l_per_kwh));
    }
    if (hi <= 0) return std::nullopt;
    return usual_range{lo, hi, "the catalog's energy sources, least to most water per kWh"};
  }
  if (name == "lifetime_years")
    return usual_range{defaults::lifetime_years.low, defaults::lifetime_years.high,
                       "the range of the default's source (LLMCarbon, Faiz et al. 2024)"};
  if (name == "price_usd_per_kwh") {
    const auto s = spread_of(cat.regions(), [](const region& r) {
      return r.price_usd_per_kwh ? std::optional<double>(r.price_usd_per_kwh->value) : std::nullopt;
    });
    if (s.hi <= 0) return std::nullopt;
    // The catalog prices US states and European countries only: three times either way
    // leaves room for other countries' tariffs (a judgement, not a source).
    return usual_range{s.lo / 3, s.hi * 3,
                       fmt::format("a third of the catalog's cheapest ({} {}) to three times its dearest ({} {})", s.lo_id,
                                   num(s.lo), s.hi_id, num(s.hi))};
  }
  return std::nullopt;
}

/// One catalog's usual ranges, in scenario_inputs order, each worked out on first use and
/// kept while the catalog is unchanged (catalog/memo.hpp): a range over a table (every
/// region's intensity and price, every accelerator's TDP, every preset's duration) would
/// otherwise be scanned again for every input set on every estimate and sweep row. Only
/// the ranges asked for are worked out, so an estimate parses no table it does not read.
struct range_memo {
  std::mutex m;
  std::array<std::optional<std::optional<usual_range>>, scenario_inputs.size()> by_input;
};

/// The usual range of scenario_inputs[k] under `cat`, whose memo is `memo`. A slot is
/// written once, under the lock, and never again, so the reference stays valid.
const std::optional<usual_range>& range_at(std::size_t k, range_memo& memo, const catalog& cat) {
  const std::lock_guard lock(memo.m);
  auto& slot = memo.by_input[k];
  if (!slot) slot = compute_range(scenario_inputs[k].name, cat);
  return *slot;
}

}  // namespace

std::optional<usual_range> usual_range_of(std::string_view name, const catalog& cat) {
  for (std::size_t k = 0; k < scenario_inputs.size(); ++k)
    if (scenario_inputs[k].name == name) return range_at(k, *catalog_detail::memo<range_memo>(cat), cat);
  return compute_range(name, cat);
}

void unusual_value_notes(const scenario& s, const catalog& cat, const accelerator* acc, std::vector<std::string>& notes) {
  const double count = s.count ? static_cast<double>(*s.count) : 0;
  std::shared_ptr<range_memo> memo;
  for (std::size_t k = 0; k < scenario_inputs.size(); ++k) {
    const auto& i = scenario_inputs[k];
    if (!i.has_limits()) continue;
    const auto got = i.get(s);
    if (!got || !(*got > 0)) continue;  // 0 is a deliberate value (a carbon-free grid, no host)
    const double v = *got;
    // A part's own power is checked against its TDP (resolve/power.cpp).
    if (i.name == "power_w" && acc && acc->tdp_w) continue;
    if (!memo) memo = catalog_detail::memo<range_memo>(cat);
    const auto& r = range_at(k, *memo, cat);
    if (!r || (v >= r->lo && v <= r->hi)) continue;
    const bool below = v < r->lo;
    // Too few parameters or tokens: the size notes speak (resolver.cpp implausible_size_notes).
    if (below && (i.name == "params" || i.name == "active_params" || i.name == "tokens")) continue;
    std::vector<slip> slips;
    if (i.name == "intensity") {
      if (below) slips = {{1000, "{} kg/kWh"}};
      else slips = {{0.45359237, "{} lb/MWh"}};
    } else if (i.name == "price_usd_per_kwh") {
      if (!below) slips = {{0.01, "{} US cents/kWh"}, {0.001, "{} USD/MWh"}};
    } else if (i.name == "wue" || i.name == "ewif") {
      if (!below) slips = {{0.001, "{} L/MWh"}};
    } else if (i.name == "power_w" || i.name == "host_power_w") {
      if (below) slips = {{1000, "{} kW"}};
      else {
        if (count > 1) slips.push_back({1 / count, "{} W over all " + num(count) + " accelerators"});
        slips.push_back({1.0 / 8, "{} W for a server of 8"});
      }
    } else if (i.name == "duration_h") {
      if (!below) slips = {{1.0 / 60, "{} minutes"}, {1.0 / 3600, "{} seconds"}};
    } else if (i.name == "lifetime_years") {
      if (!below) slips = {{1.0 / 12, "{} months"}};
    }
    std::string meant;
    for (const auto& sl : slips) {
      const double m = v * sl.factor;
      if (m < r->lo || m > r->hi) continue;
      meant += fmt::format("{}{}={} ({})", meant.empty() ? "" : " or ", i.name, num(m),
                           fmt::format(fmt::runtime(sl.as), num(v)));
    }
    const std::string unit = i.unit.empty() ? "" : " " + std::string(i.unit);
    notes.push_back(fmt::format("{}={}{} is {} the usual {} to {}{} ({}): {}", i.name, num(v), unit,
                                below ? "below" : "above", num(r->lo), num(r->hi), unit, r->basis,
                                meant.empty() ? "check the value" : "did you mean " + meant + "?"));
  }
}

}  // namespace trainprint::inline v0::detail
