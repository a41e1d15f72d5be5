// The workload section of resolve() (§1.1): FLOPs, the reference peak, precision speed-up, the fitted MFU, and the path (FLOPs, accelerator-hours or duration) (resolver.hpp).

#include "resolver.hpp"
#include "../usual_ranges.hpp"

namespace trainprint::inline v0::resolving {

void resolver::workload_section() {
  // --- workload (§1.1) ---
  workload = s.flops || s.params || s.active_params || s.tokens;
  timed = s.gpu_hours || s.duration_h;
  if (workload && !acc && !timed)
    throw input_error("hardware", "",
                      "the flops path needs an accelerator for its peak FLOP/s, e.g. hardware=h100 "
                      "(or give gpu_hours)");
  if (workload) {
    if (s.flops) {
      in.flops = *s.flops;
      TRAINPRINT_TRACE(tr, "flops", in.flops, "FLOP", origin::user);
    } else {
      const double n = s.active_params ? *s.active_params : *s.params;
      if (words.size) {
        TRAINPRINT_TRACE(tr, "params", *s.params, "parameters", origin::fallback, {},
                         text::format("size {}: {}; √(low·high) of the band", words.size->word, words.size->meaning));
      } else if (s.params) {
        TRAINPRINT_TRACE(tr, "params", *s.params, "parameters", origin::user);
      }
      if (s.active_params) TRAINPRINT_TRACE(tr, "active_params", *s.active_params, "parameters", origin::user);
      if (words.tokens_from_rule)
        TRAINPRINT_TRACE(tr, "tokens", *s.tokens, "tokens", origin::fallback, std::string(compute_optimal_tokens.source),
                         text::format("{:g} tokens per parameter (compute-optimal); range {:.3g}–{:.3g}",
                                      compute_optimal_tokens.mode, words.tokens.low, words.tokens.high));
      else
        TRAINPRINT_TRACE(tr, "tokens", *s.tokens, "tokens", origin::user);
      const auto& k = s.recompute ? defaults::flops_per_param_token_recompute : defaults::flops_per_param_token;
      TRAINPRINT_TRACE(tr, "flops_per_param_token", k.value, "FLOP", origin::fallback, std::string(k.source),
             s.recompute ? "full activation recomputation" : "forward + backward");
      in.flops = k.value * n * *s.tokens;
      std::string note;  // the trace's formula: written only when there is a trace (the lean path skips it)
      if (tr) note = g(k.value) + " × " + g(n) + " × " + g(*s.tokens);
      if (s.trainable_params) {
        // Parameter-efficient fine-tuning: the frozen weights get no weight gradients, so
        // their share of the backward pass (2·N of the 6·N) is spent only on the trainable ones.
        const auto& wg = defaults::weight_gradient_flops_per_param_token;
        TRAINPRINT_TRACE(tr, "trainable_params", *s.trainable_params, "parameters", origin::user);
        TRAINPRINT_TRACE(tr, "weight_gradient_flops_per_param_token", wg.value, "FLOP", origin::fallback,
                         std::string(wg.source), "only the trainable parameters get weight gradients");
        in.flops = (k.value - wg.value) * n * *s.tokens + wg.value * *s.trainable_params * *s.tokens;
        if (tr)
          note = text::format("({:g} − {:g}) × {:g} × {:g} + {:g} × {:g} trainable × {:g}", k.value, wg.value, n,
                              *s.tokens, wg.value, *s.trainable_params, *s.tokens);
      }
      if (s.layers) {
        // PaLM's 12·L·d·S per token scales with k/6 under recomputation.
        const double per_token = k.value / 6.0 * defaults::attention_flops_factor.value * *s.layers *
                                 *s.d_model * *s.seq_len;
        TRAINPRINT_TRACE(tr, "attention_flops_per_token", per_token, "FLOP", origin::derived,
               std::string(defaults::attention_flops_factor.source),
               text::format("{:g}/6 × 12 × {:g} layers × {:g} d_model × {:g} seq_len", k.value, *s.layers,
                            *s.d_model, *s.seq_len));
        in.flops += per_token * *s.tokens;
        if (tr) note += " + attention × tokens";
      }
      TRAINPRINT_TRACE(tr, "flops", in.flops, "FLOP", origin::derived, {}, note);
    }
    r.flops = in.flops;
    if (words.size && rg.out) {
      const range f = words.flops_range(in.flops);
      rg.add(ui::flops, "FLOP", {f.low, f.mode, f.high},
             text::format("size {}: parameters {:.3g}–{:.3g}, tokens {:.3g}–{:.3g}", words.size->word,
                          words.params.low, words.params.high, words.tokens.low, words.tokens.high),
             words.tokens_from_rule ? std::string(compute_optimal_tokens.source) : std::string{});
    }
  }
  if (workload && acc) {
    // The reference peak (dense bf16, else fp16, else fp32) and the speed-up of the
    // training precision over it (calibration.hpp).
    const auto ref = reference_peak_flop_per_s(*acc);
    if (!ref) throw input_error("hardware", acc->id, "an accelerator with a published dense peak (or give gpu_hours)");
    in.peak_flop_per_s = *ref;
    const precision ref_p = acc->peak_tflops(precision::bf16)   ? precision::bf16
                            : acc->peak_tflops(precision::fp16) ? precision::fp16
                                                                : precision::fp32;
    TRAINPRINT_TRACE(tr, "peak_flop_per_s", in.peak_flop_per_s, "FLOP/s", origin::catalog,
           acc->provenance_of("peak_tflops_dense." + std::string(to_string(ref_p))).citation(),
           text::format("{} dense {} peak, {:g} TFLOP/s: the reference MFU is measured against", acc->id,
                        to_string(ref_p), *ref / 1e12));
    if (ctx.precision == precision::fp8) {
      in.precision_speedup = defaults::fp8_speedup.value;
      TRAINPRINT_TRACE(tr, "precision_speedup", in.precision_speedup, "1", origin::fallback,
             std::string(defaults::fp8_speedup.source), "fp8 over bf16, end to end");
      rg.fallback(ui::precision_speedup, "1", in.precision_speedup, defaults::fp8_speedup);
    } else if (ctx.precision != ref_p) {
      in.precision_speedup = *acc->peak_tflops(ctx.precision) * 1e12 / *ref;
      TRAINPRINT_TRACE(tr, "precision_speedup", in.precision_speedup, "1", origin::derived,
             acc->provenance_of("peak_tflops_dense." + std::string(to_string(ctx.precision))).citation(),
             text::format("{} dense {} peak / {} peak", acc->id, to_string(ctx.precision), to_string(ref_p)));
    }
    // The fitted MFU for this model and accelerator: the median, and the held-out factor.
    const mfu_model& model = rec.model ? *rec.model : fitted_mfu_model();
    mfu_features f{*ref, std::nullopt, std::nullopt};
    if (s.params || s.active_params) {
      f.active_params = s.active_params ? *s.active_params : *s.params;
      f.total_params = s.params ? *s.params : *f.active_params;
    }
    const double predicted = predict_mfu(model, f);
    in.mfu_reference = predicted;
    r.mfu_band = {std::min(1.0, predicted * std::exp(model.residual_p5)),
                  std::min(1.0, predicted * std::exp(model.residual_p95))};
    // Beyond the runs the model was fitted on, its MFU and range are an extrapolation:
    // said where the fitted MFU is used (it sets the hours, or holds the implied MFU).
    if (rec.context && (timed || !s.mfu)) {
      const mfu_domain& d = model.domain;
      std::vector<std::string> beyond;
      if (f.active_params && d.active_max > 0 && *f.active_params > d.active_max)
        beyond.push_back(text::format("{:g}B active parameters (the largest fitted run, {}, has {:g}B)",
                                      *f.active_params / 1e9, d.active_max_run, d.active_max / 1e9));
      if (f.active_params && d.active_min > 0 && *f.active_params < d.active_min)
        beyond.push_back(text::format("{:g}B active parameters (the smallest fitted run, {}, has {:g}B)",
                                      *f.active_params / 1e9, d.active_min_run, d.active_min / 1e9));
      if (s.count && d.count_max > 0 && static_cast<double>(*s.count) > d.count_max)
        beyond.push_back(text::format("{} accelerators (the most in a fitted run, {}, is {:g})", *s.count,
                                      d.count_max_run, d.count_max));
      if (!beyond.empty())
        r.notes.push_back(text::format(
            "the fitted MFU is an extrapolation: this run's {} are beyond the {} published runs it was fitted on, "
            "so its median and 90% range may be off by more than the range says",
            beyond.size() == 1 ? beyond[0] : beyond[0] + " and " + beyond[1],
            model.runs));
    }
    if (timed) {
      // The time sets the hours; make_estimate reports the implied MFU.
    } else if (s.mfu) {
      from_user(in.mfu, "mfu", *s.mfu, "1", ui::mfu, "mfu");
    } else {
      in.mfu = in.mfu_reference;
      TRAINPRINT_TRACE(tr, "mfu", in.mfu, "1", origin::fallback, model.source,
             text::format("fitted median for {} on {}{}; 90% range {:.3g}–{:.3g}",
                          f.active_params ? text::format("{:g}B active parameters", *f.active_params / 1e9)
                                          : std::string("a model of unknown size"),
                          acc->id,
                          f.total_params && f.active_params && *f.total_params > *f.active_params
                              ? text::format(" (MoE, {:g}B total)", *f.total_params / 1e9)
                              : std::string{},
                          r.mfu_band->first, r.mfu_band->second));
      if (rg.out)
        rg.add(ui::mfu, "1",
               {std::min(1.0, predicted * model.factor.low), std::min(1.0, predicted * model.factor.mode),
                std::min(1.0, predicted * model.factor.high)},
               text::format("fitted model, leave-one-organisation-out residuals (5th-95th percentile ×{:.3g} to ×{:.3g} "
                            "of the median)",
                            std::exp(model.residual_p5), std::exp(model.residual_p95)),
               model.source);
    }
  }
  if (s.gpu_hours) {
    in.path = path::accelerator_hours;
    in.accelerator_hours = *s.gpu_hours;
    rg.user(ui::accelerator_hours, "gpu_hours", in.accelerator_hours, "h");
  } else if (s.duration_h) {
    in.path = path::duration;
    in.duration_h = s.duration_h->count();
    TRAINPRINT_TRACE(tr, "duration_h", in.duration_h, "h", origin::user);
    rg.user(ui::duration_h, "duration_h", in.duration_h, "h");
  } else {
    in.path = path::flops;
  }
  if (timed && workload && acc && in.peak_flop_per_s > 0) impossible_time_check();
  if (timed && s.mfu && !workload && rec.context)  // with a workload, finish() says it with the implied MFU
    r.notes.push_back(text::format("`mfu` {:g} is not used: the accelerator-hours come from {}, and without a workload "
                                   "(`flops`, or `params` and `tokens`) nothing else needs an MFU; give the workload "
                                   "without the time to have the MFU set the hours",
                                   *s.mfu, s.gpu_hours ? "`gpu_hours`" : "`duration_h` × `count`"));
  // Sizes far below any training run: most often a unit left off (20 meant 20B).
  if (rec.context) implausible_size_notes(given, r.notes);
  if (rec.context) detail::unusual_value_notes(s, cat, acc, r.notes);  // values outside their usual range
}

void resolver::impossible_time_check() const {
  // The workload and the time both given: the hours come from the time, and the FLOPs must
  // fit in them at the accelerators' dense peak at the training precision (its own peak where
  // the catalog has one, as fp8's; else the reference peak × the precision's speed-up). More
  // would be an MFU above 1, which no run reaches: bad input, not a note. An MFU that is
  // possible but outside the fitted range stays a note (finish() in estimator.cpp).
  // A workload or time given as a range (or a plain word's band) is checked at no single
  // point: its central combination is one of many, and finish() notes it when it is above 1.
  for (const char* k : {"flops", "params", "active_params", "tokens", "gpu_hours", "duration_h"})
    if (s.ranges.contains(k)) return;
  if (words.size) return;
  const double hours =
      in.path == path::accelerator_hours ? in.accelerator_hours : in.duration_h * in.count.value_or(1.0);
  if (!(hours > 0)) return;
  const auto own = acc->peak_tflops(ctx.precision);
  const double peak = own ? *own * 1e12 : in.peak_flop_per_s * in.precision_speedup;
  const double utilisation = in.flops / (hours * 3600.0 * peak);
  if (utilisation <= 1) return;
  const double needed = in.flops / (3600.0 * peak);           // accelerator-hours at MFU 1
  const double typical = in.flops / (3600.0 * in.peak_flop_per_s * in.precision_speedup * in.mfu_reference);
  const std::string what = text::format(
      "at least {:.4g} accelerator-hours for {:.3g} FLOP on {} (its dense {} peak, {:g} TFLOP/s, at MFU 1; the fitted "
      "MFU {:.3g} needs {:.4g} h), or a smaller workload (`params`, `tokens`, `flops`): the time given would need an MFU of "
      "{:.3g}, and no run exceeds 1",
      needed, in.flops, acc->id, to_string(ctx.precision), peak / 1e12, in.mfu_reference, typical, utilisation);
  if (in.path == path::accelerator_hours) throw input_error("gpu_hours", g(in.accelerator_hours), what);
  const double n = in.count.value_or(1.0);
  throw input_error("duration_h", text::format("{:g} h on {:g} accelerator(s)", in.duration_h, n),
                    text::format("at least {:.4g} h on {:g} accelerator(s): {}", needed / n, n, what));
}

}  // namespace trainprint::inline v0::resolving
