// Calibrating a run from a measured pilot. See include/trainprint/pilot.hpp and
// docs/methodology.md §7.3.

#include "trainprint/pilot.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "trainprint/calibration.hpp"
#include "trainprint/detail/measured.hpp"
#include "trainprint/estimator.hpp"

namespace trainprint::inline v0 {

measurement read_pilot_file(const std::string& path, measure_options options) {
  measurement m = read_measurement_file(path, options);
  if (m.from_samples && m.duration_s.value_or(0) > 0) {
    options.window_s = *m.duration_s / pilot_windows;
    m = read_measurement_file(path, options);
  }
  return m;
}

scenario with_measurement(scenario s, const measurement& m, std::vector<std::string>* notes) {
  if (s.energy_kwh) throw input_error("energy_kwh", "given with a measurement file", "energy_kwh or a measurement file, not both");
  if (!(m.energy_j > 0)) throw input_error("measured", m.file, "a measurement with a positive energy");
  s.energy_kwh = energy::kwh(m.energy_kwh());
  if (!s.energy_boundary) s.energy_boundary = m.from_samples ? energy_boundary::accelerators : energy_boundary::servers;
  std::string note = fmt::format("energy_kwh {:.6g} from {} ({}, {} boundary{})", m.energy_kwh(), m.file, m.format,
                                 to_string(*s.energy_boundary),
                                 m.from_samples ? fmt::format(", bound ±{:.2g}% (sampling{})",
                                                              100 * m.bound_j() / m.energy_j,
                                                              m.gaps ? " and gaps" : "")
                                                : std::string{});
  // The measured energy is the energy of the file's own span on its own devices: a time or a
  // count that disagrees with them would put that energy on another run (a part of a run is a
  // pilot). Rounding is allowed: within 2% (a 1.5 h run given as 1.47 h).
  if (const double file_h = m.duration_s.value_or(0) / 3600.0; file_h > 0) {
    using detail::num;
    const auto off = [](double given, double file) { return std::abs(given / file - 1) > 0.02; };
    const std::string part = "; if the file covers only part of the run, give it as a pilot (--pilot) instead";
    if (s.count && m.device_count > 0 && static_cast<std::size_t>(*s.count) != m.device_count)
      throw input_error("count", std::to_string(*s.count),
                        fmt::format("the measurement's own device count: {} logs {} accelerators{}", m.file,
                                    m.device_count, part));
    if (s.duration_h && off(s.duration_h->count(), file_h))
      throw input_error("duration_h", num(s.duration_h->count()) + " h",
                        fmt::format("the measurement's own length: {} spans {:.4g} h; cut it with --from/--to, or "
                                    "leave duration_h out{}",
                                    m.file, file_h, part));
    if (s.gpu_hours && m.device_count > 0 && off(*s.gpu_hours, file_h * static_cast<double>(m.device_count)))
      throw input_error("gpu_hours", num(*s.gpu_hours),
                        fmt::format("the measurement's own accelerator-hours: {} spans {:.4g} h on {} accelerators, "
                                    "{:.4g} accelerator-hours; cut it with --from/--to, or leave gpu_hours out{}",
                                    m.file, file_h, m.device_count, file_h * static_cast<double>(m.device_count),
                                    part));
  }
  if (s.duration_h && !s.count && m.device_count > 0) {
    s.count = static_cast<std::int64_t>(m.device_count);
    note += fmt::format("; count {} from the file", *s.count);
  }
  if (!s.gpu_hours && !s.duration_h && m.duration_s.value_or(0) > 0) {
    if (!s.count && m.device_count > 0) s.count = static_cast<std::int64_t>(m.device_count);
    if (s.count) {
      s.duration_h = hours(*m.duration_s / 3600.0);
      note += fmt::format("; duration_h {:.4g} h from the file, with `count` {}", *m.duration_s / 3600.0, *s.count);
    } else if (!s.has_workload()) {
      throw input_error("count", "", m.file + " does not say how many accelerators ran: give `count`");
    }
  }
  if (notes) notes->push_back(std::move(note));
  return s;
}

std::optional<input_error> detail::as_measured_error(const input_error& e, const scenario& before,
                                                    const scenario& after, const std::string& file) {
  const std::string& f = e.field();
  const char* what = f == "energy_kwh"                                         ? "its energy"
                     : f == "energy_boundary" && !before.energy_boundary       ? "its energy's boundary"
                     : f == "duration_h" && !before.duration_h && after.duration_h ? "its span"
                     : f == "count" && !before.count && after.count           ? "its device count"
                                                                               : nullptr;
  if (!what) return std::nullopt;
  return input_error("measured", fmt::format("{}, {} ({})", file, what, e.value().empty() ? "missing" : e.value()),
                     e.expected());
}

pilot_calibration calibrate_from_pilot(const scenario& run, const measurement& pilot, const pilot_info& info,
                                       const catalog& cat) {
  using detail::num;
  if (run.power_w || run.power_fraction)
    throw input_error(run.power_w ? "power_w" : "power_fraction", "given with a pilot",
                      "the pilot's measured power alone (leave power_w and power_fraction out)");
  if (run.energy_kwh) throw input_error("energy_kwh", "given with a pilot", "a measured energy or a pilot, not both");
  if (!(pilot.energy_j > 0)) throw input_error("pilot", pilot.file, "a pilot with a positive energy");
  if (info.hours && !(*info.hours > 0 && std::isfinite(*info.hours)))
    throw input_error("pilot_hours", num(*info.hours), "a positive wall time (90min, 2h, 1.5)");
  pilot_calibration c;
  c.run = run;
  // The pilot's wall time: its file's, checked against pilot_hours, or pilot_hours.
  if (pilot.duration_s.value_or(0) > 0) {
    c.pilot_hours = *pilot.duration_s / 3600.0;
    if (info.hours && std::abs(*info.hours / c.pilot_hours - 1) > 0.01)
      throw input_error("pilot_hours", num(*info.hours),
                        fmt::format("the pilot's own length: {} spans {:.4g} h; cut it to the pilot with --from/--to, "
                                    "or leave --pilot-hours out",
                                    pilot.file, c.pilot_hours));
  } else if (info.hours) {
    c.pilot_hours = *info.hours;
  } else {
    throw input_error("pilot_hours", "",
                      pilot.file + " states no duration: give the pilot's wall time (--pilot-hours 2h)");
  }
  const double pilot_s = c.pilot_hours * 3600.0;
  if (info.count && *info.count < 1)
    throw input_error("pilot_count", std::to_string(*info.count), "a whole number of accelerators >= 1");
  c.pilot_count = info.count ? *info.count : static_cast<std::int64_t>(pilot.device_count);
  if (c.pilot_count < 1)
    throw input_error("pilot_count", "",
                      pilot.file + " does not say how many accelerators the pilot ran on; give the pilot's count");
  const double n = static_cast<double>(c.pilot_count);

  // Power per accelerator: the pilot's mean, and the range of its tenths.
  c.power_w = pilot.energy_j / pilot_s / n;
  c.power_low_w = c.power_high_w = c.power_w;
  for (double w : pilot.window_average_w) {
    c.power_low_w = std::min(c.power_low_w, w / n);
    c.power_high_w = std::max(c.power_high_w, w / n);
  }
  // A pilot that averages well below what an idle accelerator draws did not run on the
  // accelerators it is divided by: its file holds other jobs' time (sacct rows added up) or
  // the count is wrong. Half the idle draw leaves room for parts that idle lower than the H200.
  if (run.hardware) {
    scenario part;  // the run's accelerator alone, for its TDP
    part.hardware = run.hardware;
    part.precision = run.precision;
    part.gpu_hours = 1;
    const resolved_scenario p = resolve(part, cat);
    const double idle_w = defaults::power_idle_fraction.value * p.inputs.tdp_w;
    if (p.inputs.tdp_w > 0 && c.power_w < idle_w / 2)
      throw input_error(
          "pilot", pilot.file,
          fmt::format("a pilot whose power per accelerator is at least half an idle one's ({:.3g} W: {:.2g} × the "
                      "TDP of {:g} W): it gives {:.4g} W ({:.4g} J over {:.4g} h on {} accelerator(s)). Check the "
                      "pilot's count (--pilot-count), its hours, and that the file holds only the pilot{}",
                      idle_w / 2, defaults::power_idle_fraction.value / 2, p.inputs.tdp_w, c.power_w, pilot.energy_j,
                      c.pilot_hours, c.pilot_count,
                      pilot.devices.size() > 1 && !pilot.from_samples
                          ? fmt::format(" ({} records were added up: cut the file to the pilot's job)",
                                        pilot.devices.size())
                          : std::string{}));
  }
  c.run.power_w = power::watts(c.power_w);
  if (c.power_high_w > c.power_low_w)
    set_range(c.run, "power_w", {c.power_low_w, c.power_w, c.power_high_w});
  c.calibrated.emplace_back("power_w");
  c.notes.push_back(fmt::format("power_w {:.4g} W: the pilot's {:.4g} J over {:.4g} s{} on {} accelerator(s){}",
                                c.power_w, pilot.energy_j, pilot_s,
                                pilot.duration_s.value_or(0) > 0 ? "" : " (--pilot-hours)", c.pilot_count,
                                pilot.window_average_w.size() > 1
                                    ? fmt::format("; range {:.4g}–{:.4g} W, the lowest and highest of its {} windows",
                                                  c.power_low_w, c.power_high_w, pilot.window_average_w.size())
                                    : std::string{}));
  if (!pilot.from_samples && !run.host_power_w) {
    // An energy file (CodeCarbon, sacct) already holds the host's energy.
    c.run.host_power_w = power::watts(0);
    c.notes.push_back("host_power_w 0: the pilot's energy file covers whole servers, host included");
  }
  if (!c.run.count) c.run.count = c.pilot_count;

  // MFU: the pilot's model FLOPs over its time and the accelerators' peak.
  if (info.steps && !info.tokens_per_step)
    throw input_error("tokens_per_step", "", "pilot steps need tokens per step (global batch × sequence length)");
  if (info.tokens && info.steps)
    throw input_error("pilot_steps", "given with pilot_tokens", "pilot tokens or pilot steps, not both");
  if (info.tokens) c.pilot_tokens = *info.tokens;
  if (info.steps) c.pilot_tokens = *info.steps * *info.tokens_per_step;
  if (c.pilot_tokens && !(*c.pilot_tokens > 0 && std::isfinite(*c.pilot_tokens)))
    throw input_error("pilot_tokens", num(*c.pilot_tokens), "a positive number of tokens");
  if (c.pilot_tokens && !run.gpu_hours && !run.duration_h) {
    if (run.mfu) throw input_error("mfu", "given with a pilot's tokens", "the pilot's MFU alone (leave mfu out)");
    if (!run.tokens)
      throw input_error("tokens", "", "the run's tokens (with params), to scale the pilot's tokens to the run");
    scenario probe = c.run;
    probe.ranges.clear();
    const resolved_scenario r = resolve(probe, cat);
    if (!r.flops || !(r.inputs.peak_flop_per_s > 0))
      throw input_error("hardware", "", "the run's accelerator (for its peak FLOP/s), to turn the pilot into an MFU");
    c.pilot_flops = *r.flops / *run.tokens * *c.pilot_tokens;
    const double mfu = *c.pilot_flops / (pilot_s * n * r.inputs.peak_flop_per_s * r.inputs.precision_speedup);
    if (!(mfu > 0 && mfu <= 1))
      throw input_error("pilot_tokens", num(*c.pilot_tokens),
                        fmt::format("tokens that give an MFU of at most 1 (they give {:.3g} on {} accelerator(s) in "
                                    "{:.4g} s): check pilot_tokens and pilot_count",
                                    mfu, c.pilot_count, pilot_s));
    c.mfu = mfu;
    c.run.mfu = mfu;
    c.calibrated.emplace_back("mfu");
    if (r.mfu_band && (mfu < r.mfu_band->first || mfu > r.mfu_band->second))
      c.notes.push_back(fmt::format(
          "the pilot's MFU {:.3g} lies {} the fitted model's 90% range for this run ({:.3g}–{:.3g}): check the "
          "pilot's tokens, count and hours: pilot_tokens, pilot_count and pilot_hours ({})",
          mfu, mfu < r.mfu_band->first ? "below" : "above", r.mfu_band->first, r.mfu_band->second,
          mfu < r.mfu_band->first ? "a pilot that spends its time starting up or evaluating is slower than the run"
                                  : "a short pilot on few accelerators can be faster than a whole run, which also "
                                    "loses time to communication, checkpoints and restarts"));
    c.notes.push_back(fmt::format("`mfu` {:.3g}: {:.4g} model FLOPs ({:.4g} tokens × {:.4g} FLOP/token) / ({:.4g} s × {} "
                                  "× {:.4g} FLOP/s peak)",
                                  mfu, *c.pilot_flops, *c.pilot_tokens, *r.flops / *run.tokens, pilot_s,
                                  c.pilot_count, r.inputs.peak_flop_per_s * r.inputs.precision_speedup));
    if (*c.run.count != c.pilot_count) {
      // Another scale: communication changes the MFU; the fitted model's held-out spread bounds it.
      const auto& f = fitted_mfu_model().factor;
      set_range(c.run, "mfu",
                {std::min(1.0, mfu * f.low / f.mode), mfu, std::min(1.0, std::max(mfu, mfu * f.high / f.mode))});
      c.notes.push_back(fmt::format("the run uses {} accelerators, the pilot {}: the MFU range is the fitted MFU "
                                    "model's held-out spread (×{:.3g} to ×{:.3g}) around the pilot's",
                                    *c.run.count, c.pilot_count, f.low / f.mode, f.high / f.mode));
    }
  }
  // What the pilot calibrated, first among the notes.
  std::string what;
  if (c.mfu) {
    what = "calibrated from the pilot: power_w and `mfu` (its tokens over its hours)";
  } else if (run.gpu_hours || run.duration_h) {
    what = fmt::format("calibrated from the pilot: power_w only; `mfu` is not needed: the run's given hours set its "
                       "accelerator-hours, so its energy is the pilot's power × those hours{}",
                       c.pilot_tokens ? " (the pilot's tokens are not used)" : "");
  } else if (run.flops || run.has_workload()) {
    if (run.mfu) {
      what = "calibrated from the pilot: power_w only; `mfu` is the run's own (given), not the pilot's";
    } else {
      what = "calibrated from the pilot: power_w only; `mfu` is NOT calibrated (the pilot's tokens or steps are "
             "unknown): the run's hours come from its FLOPs at the fitted MFU default; give pilot_tokens or "
             "pilot_steps to calibrate it, or the run's duration_h";
    }
  } else {
    throw input_error("pilot_tokens", "",
                      "something that gives the run's hours: the pilot gives its power, not how long the run takes. "
                      "Give the run's duration_h or gpu_hours, or its workload (`params` and `tokens`; with "
                      "pilot_tokens or pilot_steps the pilot then calibrates its MFU too)");
  }
  c.notes.insert(c.notes.begin(), std::move(what));
  return c;
}

}  // namespace trainprint::inline v0
