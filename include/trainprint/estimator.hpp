#pragma once
/// \file estimator.hpp
/// The estimator: a pure function from a scenario (and the catalog entries it
/// names) to an estimate. Three steps, each usable alone:
///   validate(scenario)            – range checks, throws input_error;
///   resolve(scenario, catalog)    – fills every input from the scenario, the catalog
///                                   or a named default, recording the trace;
///   evaluate(model_inputs)        – the formulas of docs/methodology.md §1–3, plain arithmetic.
/// make_estimate() runs all three.
///
/// \code
/// auto s = trainprint::scenario{};
/// s.params = 7e9; s.tokens = 2e12; s.hardware = "h100"; s.count = 512; s.region = "aws:us-east-1";
/// auto e = trainprint::make_estimate(s);
/// fmt::print("{:.0f} MWh\n", e.energy_facility.in_mwh());
/// \endcode

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <string>
#include <string_view>
#include <system_error>

#include "catalog.hpp"
#include "defaults.hpp"
#include "error.hpp"
#include "estimate.hpp"
#include "inputs.hpp"
#include "scenario.hpp"
#include "detail/charconv.hpp"

namespace trainprint::inline v0 {

namespace detail {

/// A number as messages print it: 15 significant digits, so unit round trips
/// do not show ("-1", not "-0.9999999999999999"); large whole numbers in their
/// shortest form ("1e+13", "8e+09"); "nan", "inf".
inline std::string num(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  char buf[64];
  const bool large_whole = std::abs(v) >= 1e7 && std::floor(v) == v;
  char* end = large_whole ? to_chars_shortest(buf, buf + sizeof buf, v) : to_chars_general(buf, buf + sizeof buf, v, 15);
  return std::string(buf, end);
}

/// Checks lo (<|<=) v <= hi; throws input_error naming the field and the range, each
/// number with `unit` (the input's unit in inputs.hpp, "" for a pure number):
/// "got -5 W, expected 0 W < power_w <= 100000 W".
inline void check_range(std::string_view field, double v, double lo, double hi,
                        bool lo_inclusive, std::string_view unit = {}) {
  const bool ok = std::isfinite(v) && (lo_inclusive ? v >= lo : v > lo) && v <= hi;
  if (!ok) {
    const std::string u = unit.empty() ? std::string() : " " + std::string(unit);
    throw input_error(std::string(field), num(v) + u,
                      num(lo) + u + (lo_inclusive ? " <= " : " < ") + std::string(field) +
                          " <= " + num(hi) + u);
  }
}
inline void check_positive(std::string_view field, const std::optional<double>& v, double hi,
                           std::string_view unit = {}) {
  if (v) check_range(field, *v, 0, hi, false, unit);
}
inline void check_closed(std::string_view field, const std::optional<double>& v, double lo,
                         double hi, std::string_view unit = {}) {
  if (v) check_range(field, *v, lo, hi, true, unit);
}
inline void check_id(std::string_view field, const std::optional<std::string>& v,
                     std::string_view example) {
  if (v && v->find_first_not_of(" \t") == std::string::npos)
    throw input_error(std::string(field), "''",
                      "a catalog id such as " + std::string(example));
}
inline bool is_whole(double v) { return std::floor(v) == v; }

/// The inputs a convention fixes must not say otherwise: its boundary, and for
/// model-card the power (TDP) and the embodied emissions (left out).
inline void check_convention(const scenario& s) {
  if (!s.convention) return;
  const convention c = *s.convention;
  const std::string named = "convention " + std::string(to_string(c));
  if (s.boundary && *s.boundary != boundary_of(c))
    throw input_error("boundary", std::string(to_string(*s.boundary)),
                      std::string(to_string(boundary_of(c))) + " under " + named + " (or leave one of them out)");
  if (c != convention::model_card) return;
  const std::string instead =
      " under convention model-card, which counts accelerator-hours × TDP × PUE (convention accelerators takes a "
      "given power)";
  if (s.power_fraction) throw input_error("power_fraction", num(*s.power_fraction), "no power_fraction" + instead);
  if (s.power_w) throw input_error("power_w", num(s.power_w->in_watts()), "no power_w" + instead);
  if (s.host_power_w)
    throw input_error("host_power_w", num(s.host_power_w->in_watts()),
                      "no host_power_w under convention model-card (accelerators only)");
  if (s.embodied.value_or(false))
    throw input_error("embodied", "true",
                      "embodied=false or unset under convention model-card (operational emissions only; convention "
                      "accelerators or servers adds embodied emissions)");
}

}  // namespace detail


namespace detail {
/// The plain-language words of `s` (plain.hpp): each a known word, an energy word
/// not beside a given intensity or mix, and no energy word where a place or a
/// source belongs (--region renewable, --mix fossil=1), which names --energy.
void check_plain_words(const scenario& s);
}  // namespace detail

/// Checks every given input for range and consistency (not catalog ids).
/// Throws input_error with the field, the value and what is expected.
inline void validate(const scenario& s) {
  using namespace detail;
  // Ranges (uncertainty) first: a rangeable input, low <= mode <= high, the field set to
  // the mode, and both ends valid values of the input. An end out of its limits is
  // named as that end ("got 0.5 (the low end of 0.5:1.2)"), not by the mode between.
  for (const auto& [name, r] : s.ranges) {
    const std::string shown = num(r.low) + ":" + num(r.mode) + ":" + num(r.high);
    if (!is_rangeable(name)) throw input_error(name, "a range " + shown, "a single value (a range is taken only by an uncertain input)");
    if (!(std::isfinite(r.low) && std::isfinite(r.high) && r.low <= r.mode && r.mode <= r.high))
      throw input_error(name, shown, "a range low:high or low:mode:high with low <= mode <= high");
    const auto v = point_value(s, name);
    if (!v || std::abs(*v - r.mode) > 1e-12 * std::abs(r.mode))
      throw input_error(name, v ? num(*v) + " with range " + shown : "a range " + shown + " without a value",
                        "the value equal to its range's mode (set both with set_range)");
    for (const double end : {r.low, r.high}) {
      scenario t = s;
      t.ranges.clear();
      set_point_value(t, name, end);
      try {
        validate(t);
      } catch (const input_error& e) {
        if (e.field() != name || e.value().empty()) throw;
        throw input_error(name,
                          e.value() + " (the " + (end == r.low ? "low" : "high") + " end of the range " + num(r.low) +
                              ":" + num(r.high) + ")",
                          e.expected());
      }
    }
  }
  // Each numeric input within its row of scenario_inputs (inputs.hpp): the one place
  // its limits are written. Then the rules between inputs.
  check_input_limits(s);
  if (s.params && s.active_params && *s.active_params > *s.params)
    throw input_error("active_params", num(*s.active_params),
                      "`active_params` <= `params` (" + num(*s.params) + ")");
  if (s.trainable_params) {
    const auto n = s.active_params ? s.active_params : s.params;
    if (!n || !s.tokens)
      throw input_error("trainable_params", num(*s.trainable_params),
                        "`trainable_params` with `params` and `tokens` (a parameter-efficient fine-tune of that model)");
    if (*s.trainable_params > *n)
      throw input_error("trainable_params", num(*s.trainable_params),
                        "`trainable_params` <= the parameters active per token (" + num(*n) + ")");
  }
  const int attention_inputs = (s.layers ? 1 : 0) + (s.d_model ? 1 : 0) + (s.seq_len ? 1 : 0);
  if (attention_inputs != 0 && attention_inputs != 3)
    throw input_error(!s.layers ? "layers" : !s.d_model ? "d_model" : "seq_len", "",
                      "the attention term needs all three of `layers`, `d_model` and `seq_len`");
  if (s.energy_kwh && !s.energy_boundary)
    throw input_error("energy_boundary", "",
                      "what energy_kwh covers: accelerators (GPU counters), servers (node meters, CodeCarbon) or "
                      "facility (with cooling)");
  if (s.energy_boundary && !s.energy_kwh) throw input_error("energy_kwh", "", "`energy_boundary` goes with `energy_kwh`");
  if (s.energy_boundary && *s.energy_boundary != energy_boundary::accelerators && s.boundary == boundary::accelerators)
    throw input_error("boundary", "accelerators with energy_boundary=" + std::string(to_string(*s.energy_boundary)),
                      "`boundary=servers` (the measured energy includes the host)");
  check_plain_words(s);
  if (s.mix) {
    if (s.mix->shares.empty())
      throw input_error("mix", "{}", "at least one source=share, e.g. coal=0.3,gas=0.7");
    double sum = 0;
    for (const auto& [id, share] : s.mix->shares) {
      check_range("mix." + id, share, 0, 1, true);
      sum += share;
    }
    for (std::size_t i = 0; i < s.mix->shares.size(); ++i)
      for (std::size_t j = i + 1; j < s.mix->shares.size(); ++j)
        if (s.mix->shares[i].first == s.mix->shares[j].first)
          throw input_error("mix", s.mix->shares[i].first + " twice", "each source once");
    if (std::abs(sum - 1.0) > limits::mix_tolerance)
      throw input_error("mix", "shares summing to " + num(sum), "shares summing to 1 (±0.001)");
  }
  check_convention(s);
  check_id("hardware", s.hardware, "h100");
  check_id("region", s.region, "aws:us-east-1");
  check_id("provider", s.provider, "aws");

  // At most one workload (flops, or params with tokens) and at most one time (gpu_hours
  // or duration); when both are given the time sets the hours and the estimate reports
  // the run's implied MFU.
  auto only_one = [](const char* a, bool has_a, const char* b, bool has_b, const char* expected) {
    if (has_a && has_b) throw input_error("workload", std::string(a) + " and " + b, expected);
  };
  only_one("`flops`", s.flops.has_value(), "`params`/`tokens`", s.params || s.active_params || s.tokens,
           "`flops` or `params` with `tokens`, not both");
  only_one("`gpu_hours`", s.gpu_hours.has_value(), "`duration_h`", s.duration_h.has_value(),
           "`gpu_hours` or `duration_h` with `count`, not both");
  const bool timed = s.gpu_hours || s.duration_h;
  if (s.size && (s.flops || s.params || s.active_params))
    throw input_error("size", "'" + *s.size + "' with " + (s.flops ? "`flops`" : "`params`"),
                      "`size` or `" + std::string(s.flops ? "flops" : "params") + "`, not both (`size` stands for `params`)");
  if (!s.flops && (s.params || s.active_params) && !s.tokens)
    throw input_error("tokens", "", "`params` needs `tokens` (or give `flops` instead)");
  if (!s.flops && s.tokens && !s.params && !s.active_params && !s.size)
    throw input_error("params", "", "`tokens` needs `params`, `active_params` or `size` (or give `flops` instead)");
  if (attention_inputs == 3 && !(s.tokens && (s.params || s.active_params)))
    throw input_error("layers", "given without `params` and `tokens`",
                      "`layers`, `d_model` and `seq_len` only with `params` and `tokens`");
  if (!timed && !s.flops && !s.tokens && !s.size)
    throw input_error("workload", "",
                      "give `tokens` with `params`, or `flops`, or `size`, or `gpu_hours`, or `duration_h` with `count`");
  if (s.duration_h && !s.count)
    throw input_error("count", "", "`duration_h` needs `count` (accelerator-hours = duration × count)");

}

namespace detail {
/// The branch of the formula that `in` takes (detail/model.hpp).
constexpr model_shape shape_of(const model_inputs& in) noexcept {
  using path = model_inputs::workload_path;
  model_shape s;
  s.path = in.path == path::flops               ? model_shape::workload::flops
           : in.path == path::accelerator_hours ? model_shape::workload::accelerator_hours
                                                : model_shape::workload::duration;
  s.flops = in.flops;
  s.peak_flop_per_s = in.peak_flop_per_s;
  s.has_count = in.count.has_value();
  s.count = in.count.value_or(0);
  s.tdp_w = in.tdp_w;
  s.servers = in.servers;
  s.given_accelerator_power = in.accelerator_power_w.has_value();
  s.given_host_power = in.host_power_w.has_value();
  s.power_follows_mfu = in.power_follows_mfu;
  s.mfu_reference = in.mfu_reference;
  s.idle_fraction = in.idle_fraction;
  s.link = in.host_link;
  s.has_intensity = in.intensity_g_per_kwh.has_value();
  s.has_cfe = in.cfe.has_value();
  s.has_wue = in.wue_l_per_kwh.has_value();
  s.has_ewif = in.ewif_l_per_kwh.has_value();
  s.embodied = in.embodied;
  s.has_embodied_accelerator = in.embodied_accelerator_kg.has_value();
  s.has_price = in.price_usd_per_kwh.has_value();
  s.has_hourly_price = in.hourly_price_usd.has_value();
  if (in.measured_energy_kwh) {
    s.measured = in.measured_boundary == energy_boundary::accelerators ? measured_at::accelerators
                 : in.measured_boundary == energy_boundary::servers    ? measured_at::servers
                                                                       : measured_at::facility;
    s.measured_kwh = *in.measured_energy_kwh;
  }
  return s;
}
/// The variable numbers of `in`, one per slot (0 where unknown).
constexpr model_slots<double> slots_of(const model_inputs& in) noexcept {
  using enum uncertain_input;
  model_slots<double> v{};
  v[slot(accelerator_hours)] = in.accelerator_hours;
  v[slot(duration_h)] = in.duration_h;
  v[slot(mfu)] = in.mfu;
  v[slot(precision_speedup)] = in.precision_speedup;
  v[slot(power_fraction)] = in.power_fraction;
  v[slot(accelerator_power_w)] = in.accelerator_power_w.value_or(0);
  v[slot(host_max_w)] = in.host_max_w;
  v[slot(host_power_w)] = in.host_power_w.value_or(0);
  v[slot(pue)] = in.pue;
  v[slot(wue_l_per_kwh)] = in.wue_l_per_kwh.value_or(0);
  v[slot(intensity_g_per_kwh)] = in.intensity_g_per_kwh.value_or(0);
  v[slot(ewif_l_per_kwh)] = in.ewif_l_per_kwh.value_or(0);
  v[slot(cfe)] = in.cfe.value_or(0);
  v[slot(embodied_accelerator_kg)] = in.embodied_accelerator_kg.value_or(0);
  v[slot(embodied_host_kg)] = in.embodied_host_kg;
  v[slot(lifetime_years)] = in.lifetime_years;
  v[slot(price_usd_per_kwh)] = in.price_usd_per_kwh.value_or(0);
  v[slot(hourly_price_usd)] = in.hourly_price_usd.value_or(0);
  v[slot(flops)] = in.flops;
  v[host_utilisation_slot] = in.host_utilisation;
  return v;
}
/// True when every known output of `o` is finite (make_estimate's overflow check).
constexpr bool all_finite(const model_results<double>& o) noexcept {
  // Branch-free (a sweep checks every row): x − x is 0 for a finite x and NaN for an
  // infinite or NaN one; an unknown output's slot counts as 0.
  double sum = 0;
  for (std::size_t k = 0; k < output_count; ++k) {
    const double v = o.known[k] ? o.value[k] : 0.0;
    sum += v - v;
  }
  return sum == 0;
}
}  // namespace detail

/// The formulas of docs/methodology.md §1–3 on resolved numbers (detail::compute). Plain
/// arithmetic: no allocation, no exceptions; the caller checks the results are
/// finite.
constexpr model_outputs evaluate(const model_inputs& in) noexcept {
  model_outputs out;
  detail::compute(detail::shape_of(in), detail::slots_of(in), out);
  return out;
}

/// A resolved scenario: the model inputs, the trace of how each was chosen, and
/// the catalog entries used.
struct resolved_scenario {
  model_inputs inputs;
  estimate_context context;
  std::optional<double> flops;
  std::vector<trace_entry> trace;
  std::vector<std::string> notes;
  /// Each uncertain input's distribution, recorded by the rule that chose its value
  /// (in uncertain_input order); uncertainty.hpp propagates them.
  std::vector<input_distribution> distributions;
  /// The fitted 90% range of the run's MFU (5th and 95th percentile), where the
  /// workload and the accelerator are known.
  std::optional<std::pair<double, double>> mfu_band;
};

/// Fills every input of `s` from the scenario itself, the catalog or a named
/// default, and records each choice in the trace. Throws input_error for missing
/// or inconsistent inputs and unknown_key_error for unknown ids.
resolved_scenario resolve(const scenario& s, const catalog& cat);

/// The lean path for callers that weigh many placements (schedulers): resolve()
/// without the trace, the context strings or the notes — the same lookups, choices
/// and errors, only the numbers. With evaluate() it is a whole estimate in well
/// under a microsecond (bench/RESULTS.md); the caller checks the outputs are finite.
///
/// \code
/// const auto& cat = trainprint::catalog::embedded();
/// const trainprint::model_outputs o = trainprint::evaluate(trainprint::resolve_inputs(s, cat));
/// if (o.total_kg) fmt::print("{:.0f} kg CO2e\n", *o.total_kg);
/// \endcode
model_inputs resolve_inputs(const scenario& s, const catalog& cat);

/// The numbers of make_estimate(s, cat).outputs, bit for bit, with the same errors
/// (input_error, unknown_key_error, the overflow check), and nothing else: no
/// trace, context or notes. The lean path of estimate_many() (table.hpp); a scenario
/// with plain-language words or ranges (wants_ranges(), plain.hpp) runs the Monte
/// Carlo as make_estimate() does, so its numbers are the medians (about 0.3 ms).
model_outputs estimate_outputs(const scenario& s, const catalog& cat = catalog::embedded());

/// Validates, resolves and evaluates `s`: the whole estimate with its trace.
/// Every number in the result is finite; an input that would overflow throws
/// input_error.
estimate make_estimate(const scenario& s, const catalog& cat = catalog::embedded());

/// Whether make_estimate records the trace.
enum class trace_level {
  full,  ///< every input and intermediate with its origin and source (the default)
  none,  ///< no trace entries; every number, the context and the notes as with `full`
};
/// make_estimate() with the trace at `level`: `none` for sweeps that keep only the numbers.
/// As make_estimate(s, cat), a scenario with plain-language words or ranges
/// (wants_ranges(), plain.hpp) gets the Monte Carlo (default uncertainty_options): its
/// numbers are the medians with their intervals in `uncertainty`, at either level.
estimate make_estimate(const scenario& s, const catalog& cat, trace_level level);

}  // namespace trainprint::inline v0
