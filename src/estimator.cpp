// The estimator's public entry points: resolve() (the resolution itself is in
// src/resolve/, one file per concern), make_estimate() and the derived outputs with
// their trace. See include/trainprint/estimator.hpp.

#include "trainprint/estimator.hpp"

#include "trainprint/calibration.hpp"
#include "estimator_internal.hpp"
#include "ranges.hpp"
#include "usual_ranges.hpp"
#include "resolve/resolver.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace trainprint::inline v0 {
namespace {

using resolving::record;
using path = model_inputs::workload_path;

void resolve_into(const scenario& given, const catalog& cat, resolved_scenario& r, record rec) {
  resolving::resolver(given, cat, r, rec).run();
}

}  // namespace

resolved_scenario resolve(const scenario& s, const catalog& cat) {
  resolved_scenario r;
  resolve_into(s, cat, r, {});
  return r;
}

model_inputs resolve_inputs(const scenario& s, const catalog& cat) {
  resolved_scenario r;
  resolve_into(s, cat, r, {.trace = false, .context = false, .ranges = false});
  return r.inputs;
}

estimate make_estimate(const scenario& s, const catalog& cat) {
  // Plain-language words and ranges always give a range: the Monte Carlo runs by itself.
  if (wants_ranges(s)) return make_estimate(s, cat, uncertainty_options{});
  return make_estimate(s, cat, trace_level::full);
}

namespace {
model_outputs outputs_of(const resolved_scenario& r);
}  // namespace

model_outputs estimate_outputs(const scenario& s, const catalog& cat) {
  if (wants_ranges(s)) return make_estimate(s, cat).outputs;  // the medians, as make_estimate() gives
  resolved_scenario r;
  resolve_into(s, cat, r, {.trace = false, .context = false, .ranges = false});
  return outputs_of(r);
}

namespace {
/// The estimate of a resolved scenario.
estimate finish(const scenario& s, const catalog& cat, resolved_scenario& r, bool traced);
}  // namespace

estimate make_estimate(const scenario& s, const catalog& cat, trace_level level) {
  if (wants_ranges(s)) return make_estimate(s, cat, uncertainty_options{});  // as make_estimate(s, cat)
  const bool traced = level == trace_level::full;
  resolved_scenario r;
  resolve_into(s, cat, r, {.trace = traced, .context = true, .ranges = false});
  return finish(s, cat, r, traced);
}

estimate detail::make_estimate_with(const scenario& s, const catalog& cat, const mfu_model& model,
                                    const uncertainty_options* options) {
  if (options) validate(*options);
  resolved_scenario r;
  resolve_into(s, cat, r, {.trace = true, .context = true, .ranges = options != nullptr, .model = &model});
  const model_inputs central = r.inputs;
  auto distributions = std::move(r.distributions);
  // With the workload and the time both given, a sample whose FLOPs do not fit in its
  // hours at the accelerators' peak at the training precision (the catalog's own, else
  // the reference × the speed-up, as resolver::impossible_time_check) is left out.
  detail::sample_limit limit;
  if (options && central.path != path::flops && r.flops && central.peak_flop_per_s > 0) {
    const accelerator* a = cat.get_accelerator(r.context.accelerator_id);
    const auto own = a ? a->peak_tflops(r.context.precision) : std::nullopt;
    limit.peak_flop_per_s = own ? *own * 1e12 : central.peak_flop_per_s * central.precision_speedup;
    limit.speedup_central = central.precision_speedup;
    for (const auto& d : distributions)
      if (d.input == uncertain_input::precision_speedup && !d.dist.fixed() &&
          d.basis.starts_with(detail::across_parts_basis))
        limit.peak_follows_speedup = true;
  }
  estimate e = finish(s, cat, r, true);
  if (!options) return e;
  e.uncertainty = detail::propagate(central, distributions, *options, limit);
  if (const std::uint64_t bad = e.uncertainty->impossible_samples; bad > 0) {
    const std::uint64_t n = e.uncertainty->samples, kept = n - bad;
    const std::string why = text::format(
        "{} of {} Monte Carlo samples put more FLOPs into their accelerator-hours than {}'s dense {} peak ({:g} "
        "TFLOP/s{}) can do, an implied MFU above 1",
        bad, n, e.context.accelerator_id, to_string(e.context.precision), limit.peak_flop_per_s / 1e12,
        limit.peak_follows_speedup ? ", or each sample's part's own" : "");
    // Two rules, each said as applied: the share of possible samples (the ranges given
    // contradict each other; the same at any sample count), then enough of them for the
    // 5th and 95th percentiles (more samples fix that).
    const double share = static_cast<double>(kept) / static_cast<double>(n);
    if (share < detail::min_possible_share)
      throw input_error(
          s.gpu_hours ? "gpu_hours" : "duration_h", why,
          text::format("ranges of the workload (`params`, `tokens`, `flops`, `size`) and the time (`gpu_hours`, `duration_h`) of "
                       "which at least {:g}% of combinations can run at that peak (here {:.3g}%): at the workload's "
                       "central {:.3g} FLOP, at least {:.4g} accelerator-hours",
                       detail::min_possible_share * 100, share * 100, *r.flops, *r.flops / (3600.0 * limit.peak_flop_per_s)));
    if (kept < min_uncertainty_samples) {
      // The share of possible samples varies with the draw, so the proportional count
      // (min × n / kept) may fall short when followed: each count from it up is drawn
      // (same seed) until one gives enough possible samples, and that one is suggested.
      std::uint64_t enough = (min_uncertainty_samples * n + std::max<std::uint64_t>(kept, 1) - 1) /
                             std::max<std::uint64_t>(kept, 1);
      for (int tries = 0; tries < 1000; ++tries, ++enough) {
        uncertainty_options at = *options;
        at.samples = enough;
        const auto u = detail::propagate(central, distributions, at, limit);
        if (u.samples - u.impossible_samples >= min_uncertainty_samples) break;
      }
      throw input_error("samples", text::format("{}, of which {} possible ({})", n, kept, why),
                        text::format("at least {} possible samples, as the 5th and 95th percentiles need: {} samples or "
                                     "more (the first count, from {} × {} / {} up, whose draw with this seed has "
                                     "at least {} possible)",
                                     min_uncertainty_samples, enough, min_uncertainty_samples, n, kept,
                                     min_uncertainty_samples));
    }
    e.notes.push_back(why + text::format(": they are left out, and every range is over the other {}", kept));
  }
  // With ranges the headline is the median of the samples (the point at the inputs'
  // modes stays in uncertainty.outputs[].central and in the trace).
  model_outputs median = e.outputs;
  for (const auto& interval : e.uncertainty->outputs)
    if (const auto o = find_output(interval.name)) median[*o] = interval.p50;
  set_outputs(e, median);
  if (wants_ranges(s))
    if (auto why = range_summary(*e.uncertainty); !why.empty()) e.notes.push_back(std::move(why));
  const std::uint64_t n_all = e.uncertainty->samples, possible = n_all - e.uncertainty->impossible_samples;
  e.notes.push_back(text::format("with ranges, every headline number is the median of {} Monte Carlo samples; the "
                                 "trace (and uncertainty.outputs[].central) is the plain point estimate",
                                 possible == n_all ? text::format("{}", n_all)
                                                   : text::format("the {} possible of {}", possible, n_all)));
  return e;
}

namespace {
/// The outputs of a resolved scenario, as the estimate holds them: evaluate(), the
/// FLOPs on a time path whose workload is known too, and the overflow check.
model_outputs outputs_of(const resolved_scenario& r) {
  model_outputs o = evaluate(r.inputs);
  if (!detail::all_finite(o))
    throw input_error("scenario", "inputs whose results overflow a double",
                      "inputs within realistic ranges (see trainprint::limits)");
  return o;
}

estimate finish(const scenario& s, const catalog& cat, resolved_scenario& r, bool traced) {
  const model_outputs o = outputs_of(r);

  estimate e;
  e.scenario = s;
  e.context = std::move(r.context);
  e.inputs = r.inputs;
  e.flops = r.flops;
  e.trace = std::move(r.trace);
  e.notes = std::move(r.notes);
  e.catalog_version = cat.version();
  e.catalog_date = cat.date();
  set_outputs(e, o);
  if (!o.known[index_of(output::wall_hours)]) e.notes.emplace_back("wall time unknown: give `count`");
  // Both the workload and the time known: the run's implied MFU, against the fitted range.
  const auto& in = r.inputs;
  if (in.path != path::flops && r.flops && in.peak_flop_per_s > 0) {
    const double implied = *r.flops / (o[output::accelerator_hours] * 3600.0 * in.peak_flop_per_s * in.precision_speedup);
    // A time given as a range: the implied MFU is at its mode (the samples' spread is in the intervals).
    const std::string at_time_mode =
        s.ranges.count("gpu_hours") || s.ranges.count("duration_h") ? " at the time range's mode" : "";
    if (traced)
      e.trace.push_back({"implied_mfu", implied, "1", origin::derived, {},
                         "flops / (accelerator_hours × 3600 × peak_flop_per_s × precision_speedup)", {}});
    if (s.mfu)  // the user's MFU beside a time: the time wins; say what MFU the time implies
      e.notes.push_back(text::format("`mfu` {:g} is not used: the accelerator-hours come from {}; the run's implied "
                                     "MFU is {:.3g} (flops / (accelerator-hours × peak)); give `mfu` without {} to have "
                                     "it set the hours",
                                     *s.mfu, in.path == path::accelerator_hours ? "`gpu_hours`" : "`duration_h` × `count`",
                                     implied, in.path == path::accelerator_hours ? "`gpu_hours`" : "`duration_h`"));
    if (implied > 1) {
      // Above the precision's own peak only where the workload or time is a range (resolve()
      // refuses exact inputs: resolver::impossible_time_check); below it with fp8, whose
      // end-to-end speed-up is less than its peak ratio.
      const accelerator* a = cat.get_accelerator(e.context.accelerator_id);
      const auto own = a ? a->peak_tflops(e.context.precision) : std::nullopt;
      const double of_peak = own ? *r.flops / (o[output::accelerator_hours] * 3600.0 * *own * 1e12) : implied;
      e.notes.push_back(
          of_peak > 1
              ? text::format("the run's implied MFU {:.3g} is above 1, which no run reaches: at the central values of "
                             "the ranges given, {:.3g} FLOP do not fit in {:.4g} accelerator-hours at {}'s peak; the ranges "
                             "leave out every such combination (the note on impossible samples)",
                             implied, *r.flops, o[output::accelerator_hours], e.context.accelerator_id)
              : text::format("the run's implied MFU {:.3g} is above 1 on the reference scale ({}'s dense bf16/fp16 peak "
                             "× the precision's speed-up {:.3g}), {:.2g} of its {} peak: the run went faster than the "
                             "speed-up assumes at full utilisation; check the hours and the workload",
                             implied, e.context.accelerator_id, in.precision_speedup, of_peak,
                             to_string(e.context.precision)));
    }
    else if (r.mfu_band && (implied < r.mfu_band->first || implied > r.mfu_band->second))
      e.notes.push_back(text::format(
          "the run's implied MFU {:.3g}{} is {} the fitted 90% range {:.3g}–{:.3g} for this model on {}: check the "
          "hours and the workload{}",
          implied, at_time_mode, implied < r.mfu_band->first ? "below" : "above", r.mfu_band->first, r.mfu_band->second,
          e.context.accelerator_id,
          implied < r.mfu_band->first ? ", or expect a run that waits on data, communication or restarts" : ""));
    else if (!s.mfu)  // inside the range (or no range to hold it to): said, neutrally, where a reader looks
      e.notes.push_back(
          r.mfu_band ? text::format("the run's implied MFU{} is {:.3g} (flops / (accelerator-hours × peak)), inside the "
                                    "fitted 90% range {:.3g}–{:.3g} for this model on {}",
                                    at_time_mode, implied, r.mfu_band->first, r.mfu_band->second, e.context.accelerator_id)
                     : text::format("the run's implied MFU{} is {:.3g} (flops / (accelerator-hours × peak))", at_time_mode,
                                    implied));
  }
  // A measured energy beside the model's estimate from the run's other inputs.
  std::optional<double> modelled_facility;
  if (in.measured_energy_kwh && (in.tdp_w > 0 || in.accelerator_power_w)) {
    model_inputs m = in;
    m.measured_energy_kwh.reset();
    modelled_facility = evaluate(m)[output::energy_facility];
    const double ratio = o[output::energy_facility] / *modelled_facility;
    // A factor near 1,000 is a unit slip (Wh or MWh for kWh); any factor of 10 or more asks for a check.
    const double kwh = *in.measured_energy_kwh;
    const std::string slip =
        ratio >= 300 && ratio <= 3000      ? ": " + detail::energy_unit_hint(kwh, true)
        : ratio >= 1 / 3000. && ratio <= 1 / 300. ? ": " + detail::energy_unit_hint(kwh, false)
        : ratio >= 10 || ratio <= 0.1      ? std::string(": check the value, its unit (kWh) and energy_boundary, or the run's "
                                                         "other inputs")
                                           : std::string();
    e.notes.push_back(text::format("measured energy: {:.4g} kWh at the facility, ×{:.3g} the modelled estimate of {:.4g} "
                                   "kWh from the run's other inputs (energy_facility_modelled in the trace){}",
                                   o[output::energy_facility], ratio, *modelled_facility, slip));
  }
  if (!traced) return e;
  if (modelled_facility) {
    e.trace.push_back({"energy_facility_modelled", *modelled_facility, "kWh", origin::derived, {},
                       "the model's estimate from the run's other inputs, without the measured energy", {}});
    e.trace.push_back({"measured_over_modelled", o[output::energy_facility] / *modelled_facility, "1", origin::derived,
                       {}, "energy_facility / energy_facility_modelled", {}});
  }

  // The trace of every derived output (the inputs were traced by resolve()).
  for (const auto& row : output_table) {
    const auto v = o.get(row.id);
    if (!v || row.id == output::flops) continue;
    std::string note(row.formula);
    origin from = origin::derived;
    switch (row.id) {
      case output::accelerator_hours:
        if (in.path == path::accelerator_hours) from = origin::user, note.clear();
        if (in.path == path::duration) note = "duration_h × count";
        break;
      case output::wall_hours:
        if (in.path == path::duration) continue;
        break;
      case output::accelerator_power:
        if (in.measured_energy_kwh) {
          note = "energy_accelerators × 1000 / accelerator_hours (from the measured energy)";
          break;
        }
        if (in.accelerator_power_w) continue;
        if (in.power_follows_mfu) {  // the fraction the run's MFU sets (detail/model.hpp)
          e.trace.push_back({"power_fraction_effective", *v / in.tdp_w, "1", origin::derived, {},
                             text::format("min(1, max({0:.3g}, {0:.3g} + (power_fraction − {0:.3g}) × MFU / {1:.3g}))",
                                          in.idle_fraction, in.mfu_reference), {}});
          note = "tdp_w × power_fraction_effective";
        }
        break;
      case output::host_power:
        if (in.measured_energy_kwh && in.measured_boundary != energy_boundary::accelerators && in.servers) {
          note = "energy_host × 1000 / accelerator_hours (from the measured energy)";
          break;
        }
        if (in.measured_energy_kwh && in.host_link == detail::host_link::implied) {
          note = "host_max_power_w × min(1, accelerator_power / tdp_w): follows the measured accelerators' power";
          break;
        }
        if (!in.servers || in.host_power_w) continue;
        break;
      case output::emissions_embodied:
        if (!in.embodied)
          note = e.context.convention == convention::model_card && !e.scenario.embodied
                     ? "embodied emissions left out (convention model-card)"
                     : "embodied emissions left out (embodied=false)";
        break;
      case output::energy_accelerators:
      case output::energy_host:
      case output::energy_it:
      case output::energy_facility:
        if (!in.measured_energy_kwh) break;
        if ((row.id == output::energy_accelerators && in.measured_boundary == energy_boundary::accelerators) ||
            (row.id == output::energy_it && in.measured_boundary == energy_boundary::servers) ||
            (row.id == output::energy_facility && in.measured_boundary == energy_boundary::facility)) {
          from = origin::user;
          note = "measured (energy_measured_kwh)";
        } else if (row.id == output::energy_it && in.measured_boundary == energy_boundary::facility) {
          note = "energy_measured_kwh / pue";
        } else if ((row.id == output::energy_accelerators || row.id == output::energy_host) &&
                   in.measured_boundary != energy_boundary::accelerators) {
          note = in.host_link == detail::host_link::implied
                     ? "the measured IT energy split so that the host draws host_max_power_w × min(1, "
                       "accelerator_power / tdp_w), as beside a given power_w"
                     : "the measured IT energy split as the model splits it between accelerators and host";
        }
        break;
      default: break;
    }
    trace_entry& t = e.trace.emplace_back();  // in place, field by field (see resolving::tracer::add)
    t.name = row.name;
    t.value = *v;
    t.unit = row.unit;
    t.origin = from;
    t.note = std::move(note);
  }
  return e;
}

}  // namespace

void set_outputs(estimate& e, const model_outputs& o) {
  auto kg = [&](output k) -> std::optional<emissions> {
    if (auto v = o.get(k)) return emissions::kg_co2e(*v);
    return std::nullopt;
  };
  auto litres = [&](output k) -> std::optional<water_volume> {
    if (auto v = o.get(k)) return water_volume::litres(*v);
    return std::nullopt;
  };
  e.outputs = o;
  e.accelerator_hours = o[output::accelerator_hours];
  e.wall_hours = o.get(output::wall_hours);
  e.accelerator_power = power::watts(o[output::accelerator_power]);
  e.host_power = power::watts(o[output::host_power]);
  e.energy_accelerators = energy::kwh(o[output::energy_accelerators]);
  e.energy_host = energy::kwh(o[output::energy_host]);
  e.energy_it = energy::kwh(o[output::energy_it]);
  e.energy_facility = energy::kwh(o[output::energy_facility]);
  e.location_based = kg(output::emissions_location);
  e.market_based = kg(output::emissions_market);
  e.embodied = kg(output::emissions_embodied);
  e.total = kg(output::emissions_total);
  e.water_onsite = litres(output::water_onsite);
  e.water_offsite = litres(output::water_offsite);
  e.water_total = litres(output::water_total);
  e.electricity_cost_usd = o.get(output::cost_electricity);
  e.compute_cost_usd = o.get(output::cost_compute);
  // The FLOPs are known on the FLOPs path (and on a time path whose workload is known):
  // the same headline as every other output (with ranges, the median).
  if (e.flops)
    if (const auto f = o.get(output::flops)) e.flops = *f;
}

}  // namespace trainprint::inline v0
