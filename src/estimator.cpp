// The resolution step of the estimator: every input from the scenario, the
// catalog or a named default, with its trace. See include/trainprint/estimator.hpp.

#include "trainprint/estimator.hpp"

#include "trainprint/calibration.hpp"
#include "trainprint/plain.hpp"
#include "estimator_internal.hpp"
#include "hardware_units.hpp"
#include "ranges.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace trainprint::inline v0 {
namespace {

using detail::around;
using detail::intensity_bounds;
using detail::ranger;
using detail::spread;
using detail::spread_basis;
using detail::spread_of;
using detail::water_bounds;

using path = model_inputs::workload_path;

/// Records trace entries; with no vector (the lean path) it records nothing, and
/// TRAINPRINT_TRACE does not even build the entry's strings.
struct tracer {
  std::vector<trace_entry>* entries = nullptr;
  explicit operator bool() const { return entries != nullptr; }
  void add(std::string name, double value, std::string unit, origin o, std::string source = {},
           std::string note = {}) {
    entries->push_back({std::move(name), value, std::move(unit), o, std::move(source), std::move(note), {}});
  }
  /// Sets the confidence mark of the entry added last.
  void confidence(const std::string& c) {
    if (entries && !entries->empty()) entries->back().confidence = c;
  }
};
#define TRAINPRINT_TRACE(tr, ...) \
  do {                            \
    if (tr) (tr).add(__VA_ARGS__); \
  } while (false)

/// What resolution records besides model_inputs: the trace, and the context and notes.
struct record {
  bool trace = true;
  bool context = true;
  bool ranges = true;  ///< the distributions of the uncertain inputs
  const mfu_model* model = nullptr;  ///< the MFU model; nullptr: the shipped fit
};

std::string g(double v) { return fmt::format("{:g}", v); }

/// Equal ids, ASCII case ignored (the catalog's lookups ignore case).
bool same_id(std::string_view a, std::string_view b) {
  auto low = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [&](char x, char y) { return low(x) == low(y); });
}

/// Intensity and water of an electricity mix from the energy-source table.
struct mix_result {
  double intensity_g_per_kwh = 0;
  std::optional<double> ewif_l_per_kwh;
  std::string intensity_source, water_source;
};

mix_result from_mix(const energy_mix& mix, const catalog& cat, bool sources = true) {
  mix_result r;
  double water = 0;
  bool water_known = true;
  for (const auto& [id, share] : mix.shares) {
    const auto& src = cat.find_energy_source(id);
    r.intensity_g_per_kwh += share * src.lifecycle_median;
    if (sources && r.intensity_source.empty()) r.intensity_source = src.lifecycle_prov.citation();
    if (src.water_l_per_kwh) {
      water += share * *src.water_l_per_kwh;
      if (sources && r.water_source.empty()) r.water_source = src.water_prov.citation();
    } else if (share > 0) {
      water_known = false;
    }
  }
  if (water_known) r.ewif_l_per_kwh = water;
  return r;
}

std::string mix_text(const energy_mix& mix) {
  std::string t;
  for (const auto& [id, share] : mix.shares) t += (t.empty() ? "" : ", ") + id + "=" + g(share);
  return t;
}

std::string supported_precisions(const accelerator& a) {
  std::string t;
  for (auto p : all_precisions)
    if (a.peak_tflops(p)) t += (t.empty() ? "" : ", ") + std::string(to_string(p));
  return t;
}

/// The die factor of the nearest process node (ties go to the smaller node).
const embodied_factors::die_factor* nearest_node(const embodied_factors& f, double nm) {
  const embodied_factors::die_factor* best = nullptr;
  for (const auto& d : f.die) {
    if (!best) { best = &d; continue; }
    const double dd = std::abs(d.process_nm - nm), db = std::abs(best->process_nm - nm);
    if (dd < db || (dd == db && d.process_nm < best->process_nm)) best = &d;
  }
  return best;
}

std::string basis_text(const intensity_value& iv) {
  std::string t = iv.basis + ", " + iv.mix_basis + ", " + iv.accounting;
  if (iv.year) t += " (" + std::to_string(*iv.year) + ")";
  return t;
}

/// Notes for a parameter or token count far below any training run, naming what was
/// probably meant: a plain number is a count, so "--tokens 20" is twenty tokens.
void implausible_size_notes(const scenario& s, std::vector<std::string>& notes) {
  // Below these no model is trained: 10,000 parameters is under a one-layer MLP on
  // MNIST (784 × 10 + 10 = 7,850 is the smallest such model; any hidden layer passes
  // 10,000), and 100,000 tokens is under one batch of a typical run (e.g. 512
  // sequences × 2,048 tokens = 1,048,576).
  constexpr double few_params = 1e4, few_tokens = 1e5;
  struct suffix {
    const char* name;
    double factor;
  };
  constexpr suffix suffixes[] = {{"K", 1e3}, {"M", 1e6}, {"B", 1e9}, {"T", 1e12}};
  const std::optional<double> n = s.active_params ? s.active_params : s.params;
  if (n && *n < few_params)
    notes.push_back(fmt::format("params {:g} is fewer than 10,000 parameters, smaller than any trained network: a "
                                "plain number is a count; did you mean {:g}M or {:g}B?",
                                *n, *n, *n));
  if (s.tokens && *s.tokens < few_tokens && !s.size) {
    // The suffix that brings tokens per parameter nearest the compute-optimal ratio
    // (plain.hpp compute_optimal_tokens), or B without a plausible parameter count.
    const suffix* best = &suffixes[2];
    if (n && *n >= few_params) {
      double best_gap = INFINITY;
      for (const auto& x : suffixes) {
        const double gap = std::abs(std::log(*s.tokens * x.factor / *n / compute_optimal_tokens.mode));
        if (gap < best_gap) best_gap = gap, best = &x;
      }
    }
    notes.push_back(fmt::format("tokens {:g} is fewer than 100,000 tokens, less than one batch of a training run: a "
                                "plain number is a count; did you mean {:g}{} ({:g} tokens)?",
                                *s.tokens, *s.tokens, best->name, *s.tokens * best->factor));
  }
}

}  // namespace

namespace {

/// resolve() into `r`, recording what `rec` asks for.
void resolve_into(const scenario& given, const catalog& cat, resolved_scenario& r, record rec) {
  // A hardware id may name several accelerators (an instance, a server, a pod, a TPU
  // slice: hardware_units.hpp); count then counts those units, 1 when not given.
  // A failed lookup is reported after validate(), as before.
  std::optional<hardware_unit> hw_unit;
  if (given.hardware && !find_hardware_word(*given.hardware)) try {
      hw_unit = find_hardware(cat, *given.hardware);
    } catch (const error&) {
    }
  const bool several = hw_unit && !hw_unit->kind.empty();
  if (several && !given.count) {
    scenario one = given;
    one.count = 1;
    validate(one);
  } else {
    validate(given);
  }
  if (given.hardware && !find_hardware_word(*given.hardware) && !hw_unit) (void)find_hardware(cat, *given.hardware);
  detail::check_plain_ids(given, cat);
  // Plain-language words (plain.hpp) read into the inputs they stand for.
  plain_reading words = read_plain(given);
  if (words.part) hw_unit = find_hardware(cat, *words.s.hardware);  // the word's part: one accelerator
  const std::int64_t units = given.count.value_or(1);
  // The provider the hardware implies: an instance's or a pod's, and Google Cloud for
  // any TPU (Cloud TPUs are sold only there); a different provider given is an error.
  std::string hw_provider, hw_why;
  if (hw_unit) {
    words.s.hardware = hw_unit->acc->id;
    if (several) words.s.count = units * hw_unit->accelerators;
    if (!hw_unit->provider.empty()) {
      hw_provider = hw_unit->provider;
      hw_why = fmt::format("hardware {} is {} {} of {}", *given.hardware,
                           hw_unit->kind == "slice"      ? "a Cloud TPU slice"
                           : hw_unit->kind == "instance" ? "an instance"
                                                      : "a " + hw_unit->kind,
                           hw_unit->id, hw_unit->provider);
    } else if (counted_in_chips(hw_unit->acc->id)) {
      hw_provider = "gcp";
      hw_why = fmt::format("hardware {} is a Cloud TPU, sold only by Google Cloud", *given.hardware);
    }
  }
  if (!hw_provider.empty()) {
    if (given.provider && cat.find_provider(*given.provider).id != hw_provider)
      throw input_error("provider", *given.provider, fmt::format("{} ({}), or no provider", hw_provider, hw_why));
    words.s.provider = hw_provider;
  }
  const scenario& s = words.s;
  model_inputs& in = r.inputs;
  estimate_context& ctx = r.context;
  tracer tr{rec.trace ? &r.trace : nullptr};
  ranger rg{s, rec.ranges ? &r.distributions : nullptr};
  using ui = uncertain_input;
  // A user's value of an uncertain input: the model input, its trace entry and its range.
  auto from_user = [&](auto& field, const char* name, double v, const char* unit, ui input, std::string_view key) {
    field = v;
    TRAINPRINT_TRACE(tr, name, v, unit, origin::user);
    rg.user(input, key, v, unit);
  };
  // A catalog value: the same, with its citation and the spread of its confidence mark.
  auto from_catalog = [&](auto& field, const char* name, const cited_value& c, const char* unit, ui input,
                          std::string note) {
    field = c.value;
    TRAINPRINT_TRACE(tr, name, c.value, unit, origin::catalog, c.prov.citation(), std::move(note));
    tr.confidence(c.prov.confidence);
    rg.from_catalog(input, unit, c.value, c.prov);
  };

  // --- hardware ---
  const accelerator* acc = hw_unit ? hw_unit->acc : s.hardware ? &cat.find_accelerator(*s.hardware) : nullptr;
  const bool tpu = acc && counted_in_chips(acc->id);
  if (words.part && rec.context)
    r.notes.push_back("hardware " + *given.hardware + ": " + std::string(words.part->why));
  if (acc) {
    if (rec.context) ctx.accelerator_id = acc->id;
    if (acc->tdp_w) {
      in.tdp_w = *acc->tdp_w;
      TRAINPRINT_TRACE(tr, "tdp_w", in.tdp_w, "W", origin::catalog, acc->provenance_of("tdp_w").citation(),
             acc->name + " (" + acc->tdp_kind + ")");
    }
  }
  auto need_tdp = [&](const char* why) {
    if (!acc->tdp_w)
      throw input_error("power_w", "", acc->id + " has no published TDP; give power_w (average watts per "
                                       "accelerator)" + std::string(why));
  };
  if (s.count) {
    in.count = static_cast<double>(*s.count);
    if (several) {
      TRAINPRINT_TRACE(tr, "count", *in.count, "accelerators", given.count ? origin::user : origin::catalog, hw_unit->basis,
                       fmt::format("{} × {} {}{}, {} {} each (count counts {}s{})", units, hw_unit->id, hw_unit->kind,
                                   units == 1 ? "" : "s", hw_unit->accelerators, tpu ? "chips" : "accelerators",
                                   hw_unit->kind, given.count ? "" : "; 1 when not given"));
    } else if (tpu) {
      TRAINPRINT_TRACE(tr, "count", *in.count, "accelerators", origin::user, {},
                       fmt::format("{:g} TPU chips (a slice named {}-N holds N/2 chips on v2, v3, v4 and v5p, N on "
                                   "v5e and v6e; give the slice name as hardware to count slices)",
                                   *in.count, acc->id.substr(acc->id.rfind('-') + 1)));
    } else {
      TRAINPRINT_TRACE(tr, "count", *in.count, "accelerators", origin::user);
    }
  }
  if (s.precision) {
    ctx.precision = *s.precision;
    if (acc && !acc->peak_tflops(*s.precision))
      throw input_error("precision", std::string(to_string(*s.precision)),
                        "a precision " + acc->id + " supports: " + supported_precisions(*acc));
  } else {
    ctx.precision = defaults::precision_preference.front();
    if (acc)
      for (auto p : defaults::precision_preference)
        if (acc->peak_tflops(p)) {
          ctx.precision = p;
          break;
        }
  }

  // --- workload (§1.1) ---
  const bool workload = s.flops || s.params || s.active_params || s.tokens;
  const bool timed = s.gpu_hours || s.duration_h;
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
                         fmt::format("size {}: {}; √(low·high) of the band", words.size->word, words.size->meaning));
      } else if (s.params) {
        TRAINPRINT_TRACE(tr, "params", *s.params, "parameters", origin::user);
      }
      if (s.active_params) TRAINPRINT_TRACE(tr, "active_params", *s.active_params, "parameters", origin::user);
      if (words.tokens_from_rule)
        TRAINPRINT_TRACE(tr, "tokens", *s.tokens, "tokens", origin::fallback, std::string(compute_optimal_tokens.source),
                         fmt::format("{:g} tokens per parameter (compute-optimal); range {:.3g}–{:.3g}",
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
          note = fmt::format("({:g} − {:g}) × {:g} × {:g} + {:g} × {:g} trainable × {:g}", k.value, wg.value, n,
                             *s.tokens, wg.value, *s.trainable_params, *s.tokens);
      }
      if (s.layers) {
        // PaLM's 12·L·d·S per token scales with k/6 under recomputation.
        const double per_token = k.value / 6.0 * defaults::attention_flops_factor.value * *s.layers *
                                 *s.d_model * *s.seq_len;
        TRAINPRINT_TRACE(tr, "attention_flops_per_token", per_token, "FLOP", origin::derived,
               std::string(defaults::attention_flops_factor.source),
               fmt::format("{:g}/6 × 12 × {:g} layers × {:g} d_model × {:g} seq_len", k.value, *s.layers,
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
             fmt::format("size {}: parameters {:.3g}–{:.3g}, tokens {:.3g}–{:.3g}", words.size->word,
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
           fmt::format("{} dense {} peak, {:g} TFLOP/s: the reference MFU is measured against", acc->id,
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
             fmt::format("{} dense {} peak / {} peak", acc->id, to_string(ctx.precision), to_string(ref_p)));
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
    if (timed) {
      // The time sets the hours; make_estimate reports the implied MFU.
    } else if (s.mfu) {
      from_user(in.mfu, "mfu", *s.mfu, "1", ui::mfu, "mfu");
    } else {
      in.mfu = in.mfu_reference;
      TRAINPRINT_TRACE(tr, "mfu", in.mfu, "1", origin::fallback, model.source,
             fmt::format("fitted median for {} on {}{}; 90% range {:.3g}–{:.3g}",
                         f.active_params ? fmt::format("{:g}B active parameters", *f.active_params / 1e9)
                                         : std::string("a model of unknown size"),
                         acc->id,
                         f.total_params && f.active_params && *f.total_params > *f.active_params
                             ? fmt::format(" (MoE, {:g}B total)", *f.total_params / 1e9)
                             : std::string{},
                         r.mfu_band->first, r.mfu_band->second));
      if (rg.out)
        rg.add(ui::mfu, "1",
               {std::min(1.0, predicted * model.factor.low), std::min(1.0, predicted * model.factor.mode),
                std::min(1.0, predicted * model.factor.high)},
               fmt::format("fitted model, leave-one-organisation-out residuals (5th-95th percentile ×{:.3g} to ×{:.3g} "
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
  if (timed && s.mfu && !workload && rec.context)  // with a workload, finish() says it with the implied MFU
    r.notes.push_back(fmt::format("mfu {:g} is not used: the accelerator-hours come from {}, and without a workload "
                                  "(flops, or params and tokens) nothing else needs an MFU; give the workload without "
                                  "the time to have the MFU set the hours",
                                  *s.mfu, s.gpu_hours ? "gpu_hours" : "duration × count"));
  // Sizes far below any training run: most often a unit left off (20 meant 20B).
  if (rec.context) implausible_size_notes(given, r.notes);

  // --- site kind (§1.6): the user's, or a data centre beside a cloud region or provider, or
  // what the hardware's segment implies (with a note when that is not a data centre) ---
  const region* reg = s.region ? &cat.find_region(*s.region) : nullptr;
  const provider* prov = s.provider ? &cat.find_provider(*s.provider)
                         : (reg && !reg->provider.empty()) ? cat.get_provider(reg->provider)
                                                           : nullptr;
  // A cloud region belongs to one provider: another one, given or implied by the
  // hardware, contradicts it.
  if (reg && prov && !reg->provider.empty() && prov->id != reg->provider) {
    if (given.provider)
      throw input_error("provider", *given.provider,
                        fmt::format("{} (region {} belongs to {}), or no provider", reg->provider, reg->id, reg->provider));
    throw input_error("region", *given.region,
                      fmt::format("a region of {} ({}:…) or a grid region (e.g. FR, US-CA): {}", hw_provider,
                                  hw_provider, hw_why));
  }
  // A region or provider given by an alias: say what it was read as (FRA is FR).
  if (rec.context && reg && given.region && !same_id(*given.region, reg->id))
    r.notes.push_back(fmt::format("region {} read as {} ({})", *given.region, reg->id, reg->name));
  if (rec.context && prov && given.provider && !same_id(*given.provider, prov->id))
    r.notes.push_back(fmt::format("provider {} read as {} ({})", *given.provider, prov->id, prov->name));
  const defaults::site_profile* site = nullptr;
  if (s.site_kind) {
    site = defaults::find_site_profile(*s.site_kind);
    if (!site) {
      std::vector<std::string> ids;
      for (const auto& p : defaults::site_profiles) ids.emplace_back(p.id);
      throw unknown_key_error("site_kind", *s.site_kind, ids);
    }
    if (!site->servers() && rec.context && (prov || (reg && !reg->provider.empty())))
      r.notes.push_back(fmt::format("site_kind {}: the region's and provider's data-centre PUE and WUE are not used",
                                    site->id));
    // A data-centre part (or several accelerators) at a personal site: kept, but said.
    if ((site->kind == defaults::site_kind::desktop || site->kind == defaults::site_kind::laptop) && rec.context && acc &&
        acc->segment == "data-centre")
      r.notes.push_back(fmt::format("site_kind {} with {} (a data-centre part): a {} does not hold it; the {}'s PUE "
                                    "and host are used as given, check site_kind (data-centre or server-room)",
                                    site->id, acc->id, site->name, site->name));
    else if (!site->servers() && rec.context && s.count && *s.count > 2 * site->accelerators_per_machine)
      r.notes.push_back(fmt::format("site_kind {} with {} accelerators: {:g} machines of {}; check site_kind "
                                    "(data-centre or server-room)",
                                    site->id, *s.count, std::ceil(static_cast<double>(*s.count) / site->accelerators_per_machine),
                                    site->accelerators_per_machine));
  } else if (prov || (reg && !reg->provider.empty()) || !acc) {
    site = &defaults::site_profile_of(defaults::site_kind::data_centre);
  } else {
    site = &defaults::site_profile_of(defaults::site_kind_for_segment(acc->segment));
    if (!site->servers() && rec.context)
      r.notes.push_back(fmt::format("site: {} ({} is a {} part): PUE {:g}, no on-site water, the host of one {}; give "
                                    "site_kind (data-centre, server-room, workstation, desktop, laptop) to change it",
                                    site->name, acc->id, acc->segment, site->pue.value, site->name));
  }
  const bool site_servers = site->servers();
  // The hardware's provider beside no region of its own: its fleet figures, said once.
  if (rec.context && !hw_provider.empty() && !given.provider && (!reg || reg->provider.empty()) && !s.pue &&
      site->kind == defaults::site_kind::data_centre)
    r.notes.push_back(fmt::format("provider {} from the hardware ({}): {}'s fleet PUE{} used; a {}: region gives "
                                  "the region's own",
                                  hw_provider, hw_why, prov->name, prov->cfe.empty() ? " is" : " and carbon-free share are",
                                  hw_provider));
  const std::string site_note = std::string(site->name) + (s.site_kind ? " (given)" : " site");

  // --- measured energy (§7) ---
  const bool measured = s.energy_kwh.has_value();
  if (measured) {
    in.measured_energy_kwh = s.energy_kwh->in_kwh();
    in.measured_boundary = *s.energy_boundary;
    TRAINPRINT_TRACE(tr, "energy_measured_kwh", *in.measured_energy_kwh, "kWh", origin::user, {},
                     fmt::format("measured at the {} boundary; replaces the modelled energy{}",
                                 to_string(in.measured_boundary),
                                 in.measured_boundary == energy_boundary::facility ? " (PUE not applied to it)"
                                 : in.measured_boundary == energy_boundary::servers ? " (PUE applied on top)"
                                     : " (host from the model and PUE applied on top)"));
  }
  // Without hardware or power_w a measured energy of servers or the facility needs no
  // power model: the energy is not split between accelerators and host.
  const bool unmodelled = measured && !acc && !s.power_w;

  // --- power (§1.2) ---
  // A convention (scenario.hpp) sets the boundary; model-card also the power (TDP) and
  // leaves embodied emissions out (check_convention has refused inputs that disagree).
  ctx.boundary = s.boundary ? *s.boundary : s.convention ? boundary_of(*s.convention) : boundary::servers;
  in.servers = ctx.boundary == boundary::servers;
  ctx.convention = s.convention ? *s.convention : in.servers ? convention::servers : convention::accelerators;
  const bool at_tdp = ctx.convention == convention::model_card;
  TRAINPRINT_TRACE(tr, "boundary_servers", in.servers ? 1 : 0, "bool",
                   s.boundary || s.convention ? origin::user : origin::fallback, {},
                   std::string(in.servers ? "servers: accelerators + host" : "accelerators only") +
                       (s.convention ? "; convention " + std::string(to_string(*s.convention)) : ""));
  // One utilisation model (defaults.hpp): without a given power, the accelerator draws the
  // typical whole-run fraction at the fitted MFU and follows the run's MFU from there (the
  // host with it); a catalog power that is already a measured average is used as it is.
  const bool measured_avg = acc && acc->tdp_kind == "measured_avg";
  const auto& pf_default = measured_avg ? defaults::power_fraction_measured_avg : defaults::power_fraction_typical;
  if (s.power_fraction) {
    in.power_fraction = *s.power_fraction;
  } else if (at_tdp) {
    in.power_fraction = 1;
  } else if (!s.power_w) {
    in.power_fraction = pf_default.value;
    in.power_follows_mfu = !measured_avg && in.mfu_reference > 0;
    in.idle_fraction = defaults::power_idle_fraction.value;
  }
  if (s.power_w) {
    in.accelerator_power_w = s.power_w->in_watts();
    TRAINPRINT_TRACE(tr, "accelerator_power_w", *in.accelerator_power_w, "W", origin::user, {}, "average per accelerator");
    rg.user(ui::accelerator_power_w, "power_w", *in.accelerator_power_w, "W");
    if (acc && acc->tdp_w && *in.accelerator_power_w > *acc->tdp_w && rec.context)
      r.notes.push_back(fmt::format("power_w {:g} W is above {}'s TDP of {:g} W: an average above TDP is unusual; check "
                                    "the value (or the hardware)",
                                    *in.accelerator_power_w, acc->id, *acc->tdp_w));
  } else if (unmodelled) {
    if (rec.context)
      r.notes.emplace_back("no hardware or power_w: the measured energy is not split between accelerators and host "
                           "(all of it is shown under accelerators), and no modelled estimate is shown beside it");
  } else {
    if (!acc) throw input_error("hardware", "", "give hardware (e.g. h100) or power_w");
    need_tdp("");
    if (s.power_fraction) {
      rg.user(ui::power_fraction, "power_fraction", in.power_fraction, "1");
      TRAINPRINT_TRACE(tr, "power_fraction", in.power_fraction, "1", origin::user);
    } else if (at_tdp) {
      rg.user(ui::power_fraction, "power_fraction", in.power_fraction, "1");
      TRAINPRINT_TRACE(tr, "power_fraction", in.power_fraction, "1", origin::user, {},
                       "convention model-card: accelerators at TDP (accelerator-hours × TDP × PUE)");
    } else {
      rg.fallback(ui::power_fraction, "1", in.power_fraction, pf_default);
      TRAINPRINT_TRACE(tr, "power_fraction", in.power_fraction, "1", origin::fallback, std::string(pf_default.source),
             measured_avg ? acc->id + "'s catalog power is a measured average under load"
             : in.power_follows_mfu
                 ? fmt::format("typical whole-run fraction at the fitted MFU {:.3g}; follows the run's MFU: idle {:.3g} + "
                               "(fraction − idle) × MFU / {:.3g}, at most 1",
                               in.mfu_reference, in.idle_fraction, in.mfu_reference)
                 : std::string("typical whole-run fraction (the MFU is not known)"));
    }
  }
  if (in.servers) {
    if (s.host_power_w) {
      in.host_power_w = s.host_power_w->in_watts();
      TRAINPRINT_TRACE(tr, "host_power_w", *in.host_power_w, "W", origin::user, {}, "per accelerator");
      rg.user(ui::host_power_w, "host_power_w", *in.host_power_w, "W");
    } else if (unmodelled && in.measured_boundary != energy_boundary::accelerators) {
      in.host_max_w = 0;  // inside the measured energy
    } else {
      if (!acc)
        throw input_error("host_power_w", "",
                          measured ? "energy_boundary=accelerators at boundary servers adds the host's energy from the "
                                     "model: give hardware or host_power_w (or boundary=accelerators)"
                                   : "boundary servers needs hardware or host_power_w (or boundary=accelerators)");
      // Without a published TDP a given average power stands in for it (TPU v5e: --power alone is enough).
      if (!s.power_w) need_tdp(", host_power_w, or boundary=accelerators");
      const double tdp = acc->tdp_w ? *acc->tdp_w : s.power_w->in_watts();
      const system_profile* sys = acc->system.empty() ? nullptr : cat.get_system(acc->system);
      if (defaults::host_included(acc->family)) {
        in.host_max_w = 0;
        const std::string src(defaults::host_included_source_of(acc->family));
        TRAINPRINT_TRACE(tr, "host_max_power_w", 0, "W", origin::fallback, src,
               fmt::format("{}'s catalog power ({:g} W) {}", acc->id, tdp,
                           acc->family == "grace-hopper" ? "is the module's, its CPU and memory included"
                                                         : "is measured system power per chip, host included"));
        rg.add(ui::host_max_w, "W", {0, 0, 0}, "fixed: host included in the catalog's power", src);
      } else if (!site_servers) {
        // One machine of the site holds up to accelerators_per_machine accelerators; each takes
        // an equal share of its host.
        const double n = in.count.value_or(1.0);
        const double machines = std::ceil(n / site->accelerators_per_machine);
        const double share = machines / n;
        in.host_max_w = site->machine_host_w.value * share;
        TRAINPRINT_TRACE(tr, "host_max_power_w", in.host_max_w, "W", origin::fallback,
               std::string(site->machine_host_w.source),
               fmt::format("{}: one machine's host {:.4g} W × {:g} machine(s) / {:g} accelerator(s)", site_note,
                           site->machine_host_w.value, machines, n));
        rg.fallback(ui::host_max_w, "W", in.host_max_w, site->machine_host_w, share);
      } else if (sys && sys->max_power_w && sys->accelerators > 0) {
        // The server's non-accelerator budget, with the accelerators it was specified with
        // (the shipped catalog's TDP): capping the accelerator does not grow the host.
        const double n = sys->accelerators;
        const accelerator* stock = &cat == &catalog::embedded() ? nullptr : catalog::embedded().get_accelerator(sys->accelerator);
        const double stock_tdp = stock && stock->tdp_w ? *stock->tdp_w : tdp;
        in.host_max_w = std::max(0.0, (*sys->max_power_w - n * stock_tdp) / n);
        TRAINPRINT_TRACE(tr, "host_max_power_w", in.host_max_w, "W", origin::catalog, sys->prov.citation(),
               fmt::format("{}: ({:g} W − {:g} × {:g} W) / {:g}", sys->id, *sys->max_power_w, n, stock_tdp, n));
        rg.from_catalog(ui::host_max_w, "W", in.host_max_w, sys->prov);
      } else {
        in.host_max_w = tdp * defaults::host_max_fraction_of_tdp.value;
        TRAINPRINT_TRACE(tr, "host_max_power_w", in.host_max_w, "W", origin::fallback,
               std::string(defaults::host_max_fraction_of_tdp.source),
               fmt::format("no server profile with a published maximum for {}: TDP × 4600/5600", acc->id));
        rg.fallback(ui::host_max_w, "W", in.host_max_w, defaults::host_max_fraction_of_tdp, tdp);
      }
      if (s.power_fraction) {
        in.host_utilisation = *s.power_fraction;
        in.host_link = detail::host_link::fraction;
        TRAINPRINT_TRACE(tr, "host_utilisation", in.host_utilisation, "1", origin::derived, {}, "= power_fraction");
      } else if (s.power_w) {
        in.host_utilisation = std::min(1.0, s.power_w->in_watts() / tdp);
        in.host_link = detail::host_link::power;
        TRAINPRINT_TRACE(tr, "host_utilisation", in.host_utilisation, "1", origin::derived, {}, "= min(1, power_w / tdp_w)");
      } else {
        // The host runs as busy as the accelerators (host_link fraction); beside a catalog
        // power that is a measured average it keeps the typical fraction.
        in.host_utilisation = defaults::power_fraction_typical.value;
        if (!measured_avg) in.host_link = detail::host_link::fraction;
        TRAINPRINT_TRACE(tr, "host_utilisation", in.host_utilisation, "1", origin::fallback,
               std::string(defaults::power_fraction_typical.source),
               measured_avg ? "typical whole-run fraction (the accelerator's power is a measured average)"
                            : "the host is taken to run at the accelerators' power fraction");
      }
    }
  }

  // --- site ---
  if (reg && rec.context) ctx.region_id = reg->id;
  if (prov && rec.context) ctx.provider_id = prov->id;
  if (rec.context) {
    // GHG Protocol scopes (ghg.hpp): a bought cloud or HPC service, or one's own hardware.
    if (s.ownership) {
      ctx.ownership = *s.ownership;
      ctx.ownership_basis = "given";
    } else if (prov && (prov->kind == "cloud" || prov->kind == "hpc")) {
      ctx.ownership = ownership::cloud;
      ctx.ownership_basis = "provider " + prov->id + " is a" + (prov->kind == "hpc" ? "n HPC" : " cloud") + " service";
    } else {
      ctx.ownership = ownership::owned;
      ctx.ownership_basis = prov ? "provider " + prov->id + " is not a cloud service: taken as owned"
                                 : "no cloud provider named: taken as owned";
    }
  }
  // A personal site (workstation, desktop, laptop) takes its own PUE and WUE, never the
  // data-centre figures of its region or provider.
  const region* site_reg = site_servers ? reg : nullptr;
  const provider* site_prov = site_servers ? prov : nullptr;
  const cited_value* prov_pue = site_prov ? provider::latest(site_prov->pue) : nullptr;
  const cited_value* prov_wue = site_prov ? provider::latest(site_prov->wue_l_per_kwh) : nullptr;
  const cited_value* prov_cfe = prov ? provider::latest(prov->cfe) : nullptr;
  auto year_note = [](const std::string& what, const cited_value& c) {
    return what + (c.year ? " (" + std::to_string(*c.year) + ")" : std::string{});
  };
  const bool data_centre = site->kind == defaults::site_kind::data_centre;

  if (s.pue) {
    from_user(in.pue, "pue", *s.pue, "1", ui::pue, "pue");
  } else if (site_reg && site_reg->pue) {
    in.pue = reg->pue->value;
    TRAINPRINT_TRACE(tr, "pue", in.pue, "1", origin::catalog, reg->pue->prov.citation(), year_note(reg->id, *reg->pue));
    tr.confidence(reg->pue->prov.confidence);
  } else if (prov_pue) {
    in.pue = prov_pue->value;
    TRAINPRINT_TRACE(tr, "pue", in.pue, "1", origin::catalog, prov_pue->prov.citation(), year_note(prov->id + " fleet", *prov_pue));
    tr.confidence(prov_pue->prov.confidence);
  } else {
    in.pue = site->pue.value;
    TRAINPRINT_TRACE(tr, "pue", in.pue, "1", origin::fallback, std::string(site->pue.source),
                     data_centre ? std::string("industry average") : site_note);
    rg.fallback(ui::pue, "1", in.pue, site->pue);
  }
  if (rg.out && !s.pue && (site_reg && site_reg->pue ? &reg->pue->prov : prov_pue ? &prov_pue->prov : nullptr)) {
    // The spread of a catalog PUE applies to the overhead PUE − 1.
    const provenance& p = site_reg && site_reg->pue ? reg->pue->prov : prov_pue->prov;
    const spread sp = spread_of(p);
    rg.add(ui::pue, "1", {1 + (in.pue - 1) / sp.factor, in.pue, 1 + (in.pue - 1) * sp.factor},
           spread_basis(sp) + " on PUE − 1", p.citation());
  }

  // Carbon intensity (§1.3): user value, user mix, region (own or its grid's), region mix.
  std::optional<mix_result> user_mix;
  if (s.mix) user_mix = from_mix(*s.mix, cat, rec.trace);
  const region* grid = reg ? cat.grid_of(*reg) : nullptr;
  // The mix along the region's chain, worked out only when it is used (a dozen lookups).
  const region* mix_region = nullptr;
  std::optional<mix_result> region_mix;
  bool region_mix_done = false;
  auto has_region_mix = [&] {
    if (!region_mix_done) {
      region_mix_done = true;
      mix_region = reg ? cat.along_chain(*reg, [](const region& x) { return x.mix.has_value(); }) : nullptr;
      if (mix_region) region_mix = from_mix(mix_region->mix->mix, cat, rec.trace);
    }
    return region_mix.has_value();
  };
  if (s.intensity) {
    from_user(in.intensity_g_per_kwh, "intensity_g_per_kwh", s.intensity->in_g_per_kwh(), "g CO2e/kWh",
              ui::intensity_g_per_kwh, "intensity");
  } else if (user_mix) {
    in.intensity_g_per_kwh = user_mix->intensity_g_per_kwh;
    TRAINPRINT_TRACE(tr, "intensity_g_per_kwh", *in.intensity_g_per_kwh, "g CO2e/kWh", origin::derived,
           user_mix->intensity_source, "Σ share × lifecycle median: " + mix_text(*s.mix));
    if (rec.context) ctx.intensity_basis = "lifecycle, mix given";
    if (rg.out)
      rg.bounds(ui::intensity_g_per_kwh, "g CO2e/kWh", *in.intensity_g_per_kwh, intensity_bounds(*s.mix, cat),
                "Σ share × lifecycle min and max per source (IPCC AR5)");
  } else if (grid) {
    const auto& iv = *grid->intensity;
    in.intensity_g_per_kwh = iv.gco2e_per_kwh;
    if (rec.context) {
      ctx.grid_region_id = grid->id;
      ctx.intensity_basis = basis_text(iv);
    }
    TRAINPRINT_TRACE(tr, "intensity_g_per_kwh", iv.gco2e_per_kwh, "g CO2e/kWh", origin::catalog, iv.prov.citation(),
           grid->id + (grid != reg ? " (grid of " + reg->id + ")" : std::string{}) + ": " + ctx.intensity_basis);
    tr.confidence(iv.prov.confidence);
    rg.from_catalog(ui::intensity_g_per_kwh, "g CO2e/kWh", iv.gco2e_per_kwh, iv.prov);
  } else if (has_region_mix()) {
    in.intensity_g_per_kwh = region_mix->intensity_g_per_kwh;
    if (rec.context) ctx.intensity_basis = "lifecycle, from " + mix_region->id + " mix";
    TRAINPRINT_TRACE(tr, "intensity_g_per_kwh", *in.intensity_g_per_kwh, "g CO2e/kWh", origin::derived,
           region_mix->intensity_source, "Σ share × lifecycle median of " + mix_region->id + "'s mix");
    if (rg.out)
      rg.bounds(ui::intensity_g_per_kwh, "g CO2e/kWh", *in.intensity_g_per_kwh,
                intensity_bounds(mix_region->mix->mix, cat), "Σ share × lifecycle min and max per source (IPCC AR5)");
  } else {
    if (rec.context) r.notes.emplace_back(reg ? "emissions unknown: region " + reg->id + " has no carbon intensity; give intensity or mix"
                             : "emissions unknown: give region, intensity, mix or energy (energy=unknown: the "
                               "world average)");
  }
  if (words.energy && rec.context) {
    if (words.world)
      r.notes.push_back(fmt::format("{}: the world-average grid ({}, {:g} g CO2e/kWh); its range runs from a "
                                    "wind-and-solar grid to a coal-and-gas grid",
                                    given.energy ? "energy unknown" : "no place given", world_region,
                                    in.intensity_g_per_kwh.value_or(0)));
    else if (given.region && words.energy->world)
      r.notes.push_back("energy unknown: the grid of region " + *given.region + " is used");
    else if (!words.energy->world)
      r.notes.push_back("energy " + std::string(words.energy->word) + ": " + std::string(words.energy->meaning) +
                        " (IPCC AR5 lifecycle factors)");
  }
  if (words.world && rg.out && in.intensity_g_per_kwh) {
    // An unknown place: the world average, between the IPCC minimum of a wind-and-solar
    // grid and the maximum of a coal-and-gas grid (plain.hpp).
    const auto low = intensity_bounds(mix_of(*find_energy_word("renewable")), cat);
    const auto high = intensity_bounds(mix_of(*find_energy_word("fossil")), cat);
    for (auto& d : r.distributions)
      if (d.input == ui::intensity_g_per_kwh) {
        d.dist = around(*in.intensity_g_per_kwh, low.low, high.high);
        d.basis = "world average for an unknown place: renewable (wind, solar) IPCC minimum to fossil (coal, gas) "
                  "IPCC maximum";
        d.source = low.source;
      }
  }
  if (s.cfe) {
    from_user(in.cfe, "cfe", *s.cfe, "1", ui::cfe, "cfe");
    if (rec.context) ctx.market_claim = "stated by the user";
  } else if (reg && reg->cfe) {
    in.cfe = reg->cfe->value;
    if (rec.context) ctx.market_claim = reg->cfe->kind.empty() ? "not stated by the source" : reg->cfe->kind;
    TRAINPRINT_TRACE(tr, "cfe", *in.cfe, "1", origin::catalog, reg->cfe->prov.citation(), year_note(reg->id, *reg->cfe));
    tr.confidence(reg->cfe->prov.confidence);
  } else if (prov_cfe) {
    in.cfe = prov_cfe->value;
    if (rec.context) ctx.market_claim = prov_cfe->kind.empty() ? "not stated by the source" : prov_cfe->kind;
    TRAINPRINT_TRACE(tr, "cfe", *in.cfe, "1", origin::catalog, prov_cfe->prov.citation(), year_note(prov->id, *prov_cfe));
    tr.confidence(prov_cfe->prov.confidence);
  } else if (in.intensity_g_per_kwh) {
    if (rec.context) r.notes.emplace_back("market-based emissions unknown: no carbon-free-energy share stated; give cfe");
  }
  if (rg.out && in.cfe && !s.cfe) {
    const provenance& p = reg && reg->cfe ? reg->cfe->prov : prov_cfe->prov;
    const spread sp = spread_of(p);
    const double v = *in.cfe;
    rg.add(ui::cfe, "1", {v / sp.factor, v, std::min(1.0, v * sp.factor)}, spread_basis(sp) + ", at most 1",
           p.citation());
  }

  // Water (§1.4).
  if (s.wue) {
    from_user(in.wue_l_per_kwh, "wue_l_per_kwh", s.wue->in_l_per_kwh(), "L/kWh", ui::wue_l_per_kwh, "wue");
  } else if (site_reg && site_reg->wue_l_per_kwh) {
    from_catalog(in.wue_l_per_kwh, "wue_l_per_kwh", *reg->wue_l_per_kwh, "L/kWh", ui::wue_l_per_kwh,
                 year_note(reg->id, *reg->wue_l_per_kwh));
  } else if (prov_wue) {
    from_catalog(in.wue_l_per_kwh, "wue_l_per_kwh", *prov_wue, "L/kWh", ui::wue_l_per_kwh,
                 year_note(prov->id + " fleet", *prov_wue));
  } else {
    in.wue_l_per_kwh = site->wue_l_per_kwh.value;
    TRAINPRINT_TRACE(tr, "wue_l_per_kwh", *in.wue_l_per_kwh, "L/kWh", origin::fallback,
           std::string(site->wue_l_per_kwh.source), data_centre ? std::string("industry average, low confidence") : site_note);
    if (data_centre) tr.confidence("low");
    rg.fallback(ui::wue_l_per_kwh, "L/kWh", *in.wue_l_per_kwh, site->wue_l_per_kwh);
  }
  const region* ewif_region =
      reg ? cat.along_chain(*reg, [](const region& x) { return x.ewif_l_per_kwh.has_value(); }) : nullptr;
  if (s.ewif) {
    from_user(in.ewif_l_per_kwh, "ewif_l_per_kwh", s.ewif->in_l_per_kwh(), "L/kWh", ui::ewif_l_per_kwh, "ewif");
  } else if (user_mix && user_mix->ewif_l_per_kwh) {
    in.ewif_l_per_kwh = user_mix->ewif_l_per_kwh;
    TRAINPRINT_TRACE(tr, "ewif_l_per_kwh", *in.ewif_l_per_kwh, "L/kWh", origin::derived, user_mix->water_source,
           "Σ share × water consumption per source: " + mix_text(*s.mix));
    if (rg.out)
      rg.bounds(ui::ewif_l_per_kwh, "L/kWh", *in.ewif_l_per_kwh, water_bounds(*s.mix, cat),
                "Σ share × water min and max per source (Macknick et al. 2012; ×÷ by confidence where none)");
  } else if (ewif_region) {
    from_catalog(in.ewif_l_per_kwh, "ewif_l_per_kwh", *ewif_region->ewif_l_per_kwh, "L/kWh", ui::ewif_l_per_kwh,
                 ewif_region->id);
  } else if (has_region_mix() && region_mix->ewif_l_per_kwh) {
    in.ewif_l_per_kwh = region_mix->ewif_l_per_kwh;
    TRAINPRINT_TRACE(tr, "ewif_l_per_kwh", *in.ewif_l_per_kwh, "L/kWh", origin::derived, region_mix->water_source,
           "Σ share × water consumption per source of " + mix_region->id + "'s mix");
    if (rg.out)
      rg.bounds(ui::ewif_l_per_kwh, "L/kWh", *in.ewif_l_per_kwh, water_bounds(mix_region->mix->mix, cat),
                "Σ share × water min and max per source (Macknick et al. 2012; ×÷ by confidence where none)");
  } else {
    if (rec.context) r.notes.emplace_back("off-site water unknown: give region, mix or ewif");
  }

  // Embodied (§1.3).
  in.embodied = s.embodied.value_or(!at_tdp);
  if (at_tdp && rec.context)
    r.notes.emplace_back("convention model-card: operational emissions only (embodied left out), accelerators at TDP");
  if (in.embodied) {
    if (s.lifetime_years) {
      in.lifetime_years = *s.lifetime_years;
      TRAINPRINT_TRACE(tr, "lifetime_years", in.lifetime_years, "years", origin::user);  // range recorded below
    } else {
      in.lifetime_years = defaults::lifetime_years.value;
      TRAINPRINT_TRACE(tr, "lifetime_years", in.lifetime_years, "years", origin::fallback,
             std::string(defaults::lifetime_years.source));
    }
    const auto& f = cat.embodied();
    const auto* die = acc && acc->process_nm ? nearest_node(f, *acc->process_nm) : nullptr;
    if (acc && acc->die_area_mm2 && die && acc->memory_gb && f.memory_kgco2e_per_gb) {
      const double die_kg = *acc->die_area_mm2 / 100.0 * die->kgco2e_per_cm2.value;
      const double mem_kg = *acc->memory_gb * f.memory_kgco2e_per_gb->value;
      in.embodied_accelerator_kg = die_kg + mem_kg;
      TRAINPRINT_TRACE(tr, "embodied_die_kg", die_kg, "kg CO2e", origin::derived, die->kgco2e_per_cm2.prov.citation(),
             fmt::format("{:g} mm² / 100 × {:g} kg/cm² ({:g} nm factor for {:g} nm)", *acc->die_area_mm2,
                         die->kgco2e_per_cm2.value, die->process_nm, *acc->process_nm));
      TRAINPRINT_TRACE(tr, "embodied_memory_kg", mem_kg, "kg CO2e", origin::derived, f.memory_kgco2e_per_gb->prov.citation(),
             fmt::format("{:g} GB × {:g} kg/GB", *acc->memory_gb, f.memory_kgco2e_per_gb->value));
      TRAINPRINT_TRACE(tr, "embodied_accelerator_kg", *in.embodied_accelerator_kg, "kg CO2e", origin::derived, {},
             "die + memory, per accelerator");
      if (rg.out) {
        const spread sd = spread_of(die->kgco2e_per_cm2.prov), sm = spread_of(f.memory_kgco2e_per_gb->prov);
        rg.add(ui::embodied_accelerator_kg, "kg CO2e",
               around(*in.embodied_accelerator_kg, die_kg / sd.factor + mem_kg / sm.factor,
                      die_kg * sd.factor + mem_kg * sm.factor),
               fmt::format("die ×÷{:g} (confidence {}) + memory ×÷{:g} (confidence {}) (no published range)",
                           sd.factor, sd.mark, sm.factor, sm.mark),
               die->kgco2e_per_cm2.prov.citation());
      }
    } else {
      if (rec.context) r.notes.emplace_back(acc ? "embodied emissions unknown: " + acc->id +
                                     " lacks a public die area, process node or memory size; set embodied=false to leave them out"
                               : "embodied emissions unknown: no hardware given; set embodied=false to leave them out");
    }
    if (in.servers && !site_servers) {
      // One machine's host at a personal site, shared like its power.
      const double n = in.count.value_or(1.0);
      const double machines = std::ceil(n / site->accelerators_per_machine);
      in.embodied_host_kg = site->machine_embodied_kg.value * machines / n;
      TRAINPRINT_TRACE(tr, "embodied_host_kg", in.embodied_host_kg, "kg CO2e", origin::fallback,
             std::string(site->machine_embodied_kg.source),
             fmt::format("{}: {:g} kg per machine × {:g} machine(s) / {:g} accelerator(s)", site_note,
                         site->machine_embodied_kg.value, machines, n));
      if (in.embodied_accelerator_kg)
        rg.fallback(ui::embodied_host_kg, "kg CO2e", in.embodied_host_kg, site->machine_embodied_kg, machines / n);
    } else if (in.servers && f.host_kgco2e_per_server && f.host_accelerators_per_server > 0) {
      in.embodied_host_kg = f.host_kgco2e_per_server->value / f.host_accelerators_per_server;
      TRAINPRINT_TRACE(tr, "embodied_host_kg", in.embodied_host_kg, "kg CO2e", origin::catalog,
             f.host_kgco2e_per_server->prov.citation(),
             fmt::format("{:g} kg per server / {} accelerators", f.host_kgco2e_per_server->value,
                         f.host_accelerators_per_server));
      if (in.embodied_accelerator_kg)
        rg.from_catalog(ui::embodied_host_kg, "kg CO2e", in.embodied_host_kg, f.host_kgco2e_per_server->prov);
    }
  }

  if (in.embodied && in.embodied_accelerator_kg) {
    if (s.lifetime_years)
      rg.user(ui::lifetime_years, "lifetime_years", in.lifetime_years, "years");
    else
      rg.fallback(ui::lifetime_years, "years", in.lifetime_years, defaults::lifetime_years);
  }

  // Money (§1.5).
  if (s.price_usd_per_kwh) {
    from_user(in.price_usd_per_kwh, "price_usd_per_kwh", *s.price_usd_per_kwh, "USD/kWh", ui::price_usd_per_kwh,
              "price_usd_per_kwh");
  } else if (reg && reg->price_usd_per_kwh) {
    from_catalog(in.price_usd_per_kwh, "price_usd_per_kwh", *reg->price_usd_per_kwh, "USD/kWh", ui::price_usd_per_kwh,
                 year_note(reg->id, *reg->price_usd_per_kwh));
  }
  if (s.hourly_price_usd) {
    from_user(in.hourly_price_usd, "hourly_price_usd", *s.hourly_price_usd, "USD per accelerator-hour",
              ui::hourly_price_usd, "hourly_price_usd");
  }
  // The distributions in uncertain_input order (the order the Monte Carlo draws them).
  std::stable_sort(r.distributions.begin(), r.distributions.end(),
                   [](const input_distribution& a, const input_distribution& b) { return a.input < b.input; });
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
  resolved_scenario r;
  resolve_into(s, cat, r, {.trace = false, .context = false, .ranges = false});
  return outputs_of(r);
}

namespace {
/// The estimate of a resolved scenario.
estimate finish(const scenario& s, const catalog& cat, resolved_scenario& r, bool traced);
}  // namespace

estimate make_estimate(const scenario& s, const catalog& cat, trace_level level) {
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
  estimate e = finish(s, cat, r, true);
  if (!options) return e;
  e.uncertainty = propagate(central, distributions, *options);
  // With ranges the headline is the median of the samples (the point at the inputs'
  // modes stays in uncertainty.outputs[].central and in the trace).
  model_outputs median = e.outputs;
  for (const auto& interval : e.uncertainty->outputs)
    if (const auto o = find_output(interval.name)) median[*o] = interval.p50;
  set_outputs(e, median);
  if (wants_ranges(s))
    if (auto why = range_summary(*e.uncertainty); !why.empty()) e.notes.push_back(std::move(why));
  e.notes.push_back(fmt::format("with ranges, every headline number is the median of {} Monte Carlo samples; the "
                                "trace (and uncertainty.outputs[].central) is the plain point estimate",
                                options->samples));
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
  if (!o.known[index_of(output::wall_hours)]) e.notes.emplace_back("wall time unknown: give count");
  // Both the workload and the time known: the run's implied MFU, against the fitted range.
  const auto& in = r.inputs;
  if (in.path != path::flops && r.flops && in.peak_flop_per_s > 0) {
    const double implied = *r.flops / (o[output::accelerator_hours] * 3600.0 * in.peak_flop_per_s * in.precision_speedup);
    if (traced)
      e.trace.push_back({"implied_mfu", implied, "1", origin::derived, {},
                         "flops / (accelerator_hours × 3600 × peak_flop_per_s × precision_speedup)", {}});
    if (s.mfu)  // the user's MFU beside a time: the time wins; say what MFU the time implies
      e.notes.push_back(fmt::format("mfu {:g} is not used: the accelerator-hours come from {}; the run's implied MFU "
                                    "is {:.3g} (flops / (accelerator-hours × peak)); give mfu without {} to have it "
                                    "set the hours",
                                    *s.mfu, in.path == path::accelerator_hours ? "gpu_hours" : "duration × count",
                                    implied, in.path == path::accelerator_hours ? "gpu_hours" : "duration"));
    if (implied > 1)  // more FLOPs than the accelerators' peak could do in the hours given
      e.notes.push_back(fmt::format(
          "the run's implied MFU {:.3g} is above 1, which no run can reach: {:.3g} FLOP do not fit in {:.4g} "
          "accelerator-hours at {}'s peak; the hours are too few or the workload too large",
          implied, *r.flops, o[output::accelerator_hours], e.context.accelerator_id));
    else if (r.mfu_band && (implied < r.mfu_band->first || implied > r.mfu_band->second))
      e.notes.push_back(fmt::format(
          "the run's implied MFU {:.2g} is {} the fitted 90% range {:.2g}–{:.2g} for this model on {}: check the "
          "hours and the workload{}",
          implied, implied < r.mfu_band->first ? "below" : "above", r.mfu_band->first, r.mfu_band->second,
          e.context.accelerator_id,
          implied < r.mfu_band->first ? ", or expect a run that waits on data, communication or restarts" : ""));
  }
  // A measured energy beside the model's estimate from the run's other inputs.
  std::optional<double> modelled_facility;
  if (in.measured_energy_kwh && (in.tdp_w > 0 || in.accelerator_power_w)) {
    model_inputs m = in;
    m.measured_energy_kwh.reset();
    modelled_facility = evaluate(m)[output::energy_facility];
    const double ratio = o[output::energy_facility] / *modelled_facility;
    e.notes.push_back(fmt::format("measured energy: {:.4g} kWh at the facility, ×{:.3g} the modelled estimate of {:.4g} "
                                  "kWh from the run's other inputs (energy_facility_modelled in the trace)",
                                  o[output::energy_facility], ratio, *modelled_facility));
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
                             fmt::format("min(1, max({0:.3g}, {0:.3g} + (power_fraction − {0:.3g}) × MFU / {1:.3g}))",
                                         in.idle_fraction, in.mfu_reference), {}});
          note = "tdp_w × power_fraction_effective";
        }
        break;
      case output::host_power:
        if (in.measured_energy_kwh && in.measured_boundary != energy_boundary::accelerators && in.servers) {
          note = "energy_host × 1000 / accelerator_hours (from the measured energy)";
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
          note = "the measured IT energy split as the model splits it between accelerators and host";
        }
        break;
      default: break;
    }
    e.trace.push_back({std::string(row.name), *v, std::string(row.unit), from, {}, std::move(note), {}});
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
}

}  // namespace trainprint::inline v0
