// The resolution step of the estimator: every input from the scenario, the
// catalog or a named default, with its trace. See include/trainprint/estimator.hpp.

#include "trainprint/estimator.hpp"

#include <fmt/format.h>

#include <cmath>

namespace trainprint::inline v0 {
namespace {

using path = model_inputs::workload_path;

/// Records trace entries; with no vector (the lean path) it records nothing, and
/// TRAINPRINT_TRACE does not even build the entry's strings.
struct tracer {
  std::vector<trace_entry>* entries = nullptr;
  explicit operator bool() const { return entries != nullptr; }
  void add(std::string name, double value, std::string unit, origin o, std::string source = {},
           std::string note = {}) {
    entries->push_back({std::move(name), value, std::move(unit), o, std::move(source), std::move(note)});
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
};

std::string g(double v) { return fmt::format("{:g}", v); }

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

}  // namespace

namespace {

/// resolve() into `r`, recording what `rec` asks for.
void resolve_into(const scenario& s, const catalog& cat, resolved_scenario& r, record rec) {
  validate(s);
  model_inputs& in = r.inputs;
  estimate_context& ctx = r.context;
  tracer tr{rec.trace ? &r.trace : nullptr};

  // --- hardware ---
  const accelerator* acc = s.hardware ? &cat.find_accelerator(*s.hardware) : nullptr;
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
    TRAINPRINT_TRACE(tr, "count", *in.count, "accelerators", origin::user);
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
  if (s.flops || s.params || s.active_params || s.tokens) {
    in.path = path::flops;
    if (!acc)
      throw input_error("hardware", "",
                        "the flops path needs an accelerator for its peak FLOP/s, e.g. hardware=h100 "
                        "(or give gpu_hours)");
    if (s.flops) {
      in.flops = *s.flops;
      TRAINPRINT_TRACE(tr, "flops", in.flops, "FLOP", origin::user);
    } else {
      const double n = s.active_params ? *s.active_params : *s.params;
      if (s.params) TRAINPRINT_TRACE(tr, "params", *s.params, "parameters", origin::user);
      if (s.active_params) TRAINPRINT_TRACE(tr, "active_params", *s.active_params, "parameters", origin::user);
      TRAINPRINT_TRACE(tr, "tokens", *s.tokens, "tokens", origin::user);
      const auto& k = s.recompute ? defaults::flops_per_param_token_recompute : defaults::flops_per_param_token;
      TRAINPRINT_TRACE(tr, "flops_per_param_token", k.value, "FLOP", origin::fallback, std::string(k.source),
             s.recompute ? "full activation recomputation" : "forward + backward");
      in.flops = k.value * n * *s.tokens;
      std::string note = g(k.value) + " × " + g(n) + " × " + g(*s.tokens);
      if (s.layers) {
        // PaLM's 12·L·d·S per token scales with k/6 under recomputation.
        const double per_token = k.value / 6.0 * defaults::attention_flops_factor.value * *s.layers *
                                 *s.d_model * *s.seq_len;
        TRAINPRINT_TRACE(tr, "attention_flops_per_token", per_token, "FLOP", origin::derived,
               std::string(defaults::attention_flops_factor.source),
               fmt::format("{:g}/6 × 12 × {:g} layers × {:g} d_model × {:g} seq_len", k.value, *s.layers,
                           *s.d_model, *s.seq_len));
        in.flops += per_token * *s.tokens;
        note += " + attention × tokens";
      }
      TRAINPRINT_TRACE(tr, "flops", in.flops, "FLOP", origin::derived, {}, note);
    }
    r.flops = in.flops;
    const double peak_tflops = *acc->peak_tflops(ctx.precision);
    in.peak_flop_per_s = peak_tflops * 1e12;
    TRAINPRINT_TRACE(tr, "peak_flop_per_s", in.peak_flop_per_s, "FLOP/s", origin::catalog,
           acc->provenance_of("peak_tflops_dense." + std::string(to_string(ctx.precision))).citation(),
           fmt::format("{} dense {} peak, {:g} TFLOP/s{}", acc->id, to_string(ctx.precision), peak_tflops,
                       s.precision ? "" : " (precision defaults to bf16, else fp16, else fp32)"));
    if (s.mfu) {
      in.mfu = *s.mfu;
      TRAINPRINT_TRACE(tr, "mfu", in.mfu, "1", origin::user);
    } else {
      const auto d = defaults::mfu_for_family(acc->family);
      in.mfu = d.value;
      TRAINPRINT_TRACE(tr, "mfu", in.mfu, "1", origin::fallback, std::string(d.source), "default for family " + acc->family);
    }
  } else if (s.gpu_hours) {
    in.path = path::accelerator_hours;
    in.accelerator_hours = *s.gpu_hours;
  } else {
    in.path = path::duration;
    in.duration_h = s.duration_h->count();
    TRAINPRINT_TRACE(tr, "duration_h", in.duration_h, "h", origin::user);
  }

  // --- power (§1.2) ---
  ctx.boundary = s.boundary.value_or(boundary::servers);
  in.servers = ctx.boundary == boundary::servers;
  TRAINPRINT_TRACE(tr, "boundary_servers", in.servers ? 1 : 0, "bool", s.boundary ? origin::user : origin::fallback, {},
         in.servers ? "servers: accelerators + host" : "accelerators only");
  const bool single_node = in.count && *in.count <= defaults::single_node_max_accelerators;
  // The host runs at the count-based fraction; the accelerator too, unless its
  // catalog power is already a measured average under load (used as it is).
  const auto& pf_default =
      single_node ? defaults::power_fraction_single_node : defaults::power_fraction_multi_node;
  const bool measured_avg = acc && acc->tdp_kind == "measured_avg";
  const auto& acc_pf_default = measured_avg ? defaults::power_fraction_measured_avg : pf_default;
  if (s.power_fraction) {
    in.power_fraction = *s.power_fraction;
  } else if (!s.power_w) {
    in.power_fraction = acc_pf_default.value;
  }
  if (s.power_w) {
    in.accelerator_power_w = s.power_w->in_watts();
    TRAINPRINT_TRACE(tr, "accelerator_power_w", *in.accelerator_power_w, "W", origin::user, {}, "average per accelerator");
  } else {
    if (!acc) throw input_error("hardware", "", "give hardware (e.g. h100) or power_w");
    need_tdp("");
    if (s.power_fraction)
      TRAINPRINT_TRACE(tr, "power_fraction", in.power_fraction, "1", origin::user);
    else
      TRAINPRINT_TRACE(tr, "power_fraction", in.power_fraction, "1", origin::fallback, std::string(acc_pf_default.source),
             measured_avg  ? acc->id + "'s catalog power is a measured average under load"
             : single_node ? std::string("one node (count <= 8)")
                           : std::string("multi-node or count unknown"));
  }
  if (in.servers) {
    if (s.host_power_w) {
      in.host_power_w = s.host_power_w->in_watts();
      TRAINPRINT_TRACE(tr, "host_power_w", *in.host_power_w, "W", origin::user, {}, "per accelerator");
    } else {
      if (!acc)
        throw input_error("host_power_w", "",
                          "boundary servers needs hardware or host_power_w (or boundary=accelerators)");
      need_tdp(", host_power_w, or boundary=accelerators");
      const double tdp = *acc->tdp_w;
      const system_profile* sys = acc->system.empty() ? nullptr : cat.get_system(acc->system);
      if (defaults::host_included(acc->family)) {
        in.host_max_w = 0;
        TRAINPRINT_TRACE(tr, "host_max_power_w", 0, "W", origin::fallback, std::string(defaults::host_included_source),
               fmt::format("{}'s catalog power ({:g} W) is measured system power per chip, host included", acc->id, tdp));
      } else if (sys && sys->max_power_w && sys->accelerators > 0) {
        const double n = sys->accelerators;
        in.host_max_w = std::max(0.0, (*sys->max_power_w - n * tdp) / n);
        TRAINPRINT_TRACE(tr, "host_max_power_w", in.host_max_w, "W", origin::catalog, sys->prov.citation(),
               fmt::format("{}: ({:g} W − {:g} × {:g} W) / {:g}", sys->id, *sys->max_power_w, n, tdp, n));
      } else {
        in.host_max_w = tdp * defaults::host_max_fraction_of_tdp.value;
        TRAINPRINT_TRACE(tr, "host_max_power_w", in.host_max_w, "W", origin::fallback,
               std::string(defaults::host_max_fraction_of_tdp.source),
               fmt::format("no server profile with a published maximum for {}: TDP × 4600/5600", acc->id));
      }
      if (s.power_fraction) {
        in.host_utilisation = *s.power_fraction;
        TRAINPRINT_TRACE(tr, "host_utilisation", in.host_utilisation, "1", origin::derived, {}, "= power_fraction");
      } else if (s.power_w) {
        in.host_utilisation = std::min(1.0, s.power_w->in_watts() / tdp);
        TRAINPRINT_TRACE(tr, "host_utilisation", in.host_utilisation, "1", origin::derived, {}, "= min(1, power_w / tdp_w)");
      } else {
        in.host_utilisation = pf_default.value;
        TRAINPRINT_TRACE(tr, "host_utilisation", in.host_utilisation, "1", origin::fallback, std::string(pf_default.source),
               "the host is taken to run at the accelerators' power fraction");
      }
    }
  }

  // --- site ---
  const region* reg = s.region ? &cat.find_region(*s.region) : nullptr;
  const provider* prov = s.provider ? &cat.find_provider(*s.provider)
                         : (reg && !reg->provider.empty()) ? cat.get_provider(reg->provider)
                                                           : nullptr;
  if (reg && rec.context) ctx.region_id = reg->id;
  if (prov && rec.context) ctx.provider_id = prov->id;
  const cited_value* prov_pue = prov ? provider::latest(prov->pue) : nullptr;
  const cited_value* prov_wue = prov ? provider::latest(prov->wue_l_per_kwh) : nullptr;
  const cited_value* prov_cfe = prov ? provider::latest(prov->cfe) : nullptr;
  auto year_note = [](const std::string& what, const cited_value& c) {
    return what + (c.year ? " (" + std::to_string(*c.year) + ")" : std::string{});
  };

  if (s.pue) {
    in.pue = *s.pue;
    TRAINPRINT_TRACE(tr, "pue", in.pue, "1", origin::user);
  } else if (reg && reg->pue) {
    in.pue = reg->pue->value;
    TRAINPRINT_TRACE(tr, "pue", in.pue, "1", origin::catalog, reg->pue->prov.citation(), year_note(reg->id, *reg->pue));
  } else if (prov_pue) {
    in.pue = prov_pue->value;
    TRAINPRINT_TRACE(tr, "pue", in.pue, "1", origin::catalog, prov_pue->prov.citation(), year_note(prov->id + " fleet", *prov_pue));
  } else {
    in.pue = defaults::pue.value;
    TRAINPRINT_TRACE(tr, "pue", in.pue, "1", origin::fallback, std::string(defaults::pue.source), "industry average");
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
    in.intensity_g_per_kwh = s.intensity->in_g_per_kwh();
    TRAINPRINT_TRACE(tr, "intensity_g_per_kwh", *in.intensity_g_per_kwh, "g CO2e/kWh", origin::user);
  } else if (user_mix) {
    in.intensity_g_per_kwh = user_mix->intensity_g_per_kwh;
    TRAINPRINT_TRACE(tr, "intensity_g_per_kwh", *in.intensity_g_per_kwh, "g CO2e/kWh", origin::derived,
           user_mix->intensity_source, "Σ share × lifecycle median: " + mix_text(*s.mix));
    if (rec.context) ctx.intensity_basis = "lifecycle, mix given";
  } else if (grid) {
    const auto& iv = *grid->intensity;
    in.intensity_g_per_kwh = iv.gco2e_per_kwh;
    if (rec.context) {
      ctx.grid_region_id = grid->id;
      ctx.intensity_basis = basis_text(iv);
    }
    TRAINPRINT_TRACE(tr, "intensity_g_per_kwh", iv.gco2e_per_kwh, "g CO2e/kWh", origin::catalog, iv.prov.citation(),
           grid->id + (grid != reg ? " (grid of " + reg->id + ")" : std::string{}) + ": " + ctx.intensity_basis);
  } else if (has_region_mix()) {
    in.intensity_g_per_kwh = region_mix->intensity_g_per_kwh;
    if (rec.context) ctx.intensity_basis = "lifecycle, from " + mix_region->id + " mix";
    TRAINPRINT_TRACE(tr, "intensity_g_per_kwh", *in.intensity_g_per_kwh, "g CO2e/kWh", origin::derived,
           region_mix->intensity_source, "Σ share × lifecycle median of " + mix_region->id + "'s mix");
  } else {
    if (rec.context) r.notes.emplace_back(reg ? "emissions unknown: region " + reg->id + " has no carbon intensity; give intensity or mix"
                             : "emissions unknown: give region, intensity or mix");
  }
  if (s.cfe) {
    in.cfe = *s.cfe;
    TRAINPRINT_TRACE(tr, "cfe", *in.cfe, "1", origin::user);
  } else if (reg && reg->cfe) {
    in.cfe = reg->cfe->value;
    TRAINPRINT_TRACE(tr, "cfe", *in.cfe, "1", origin::catalog, reg->cfe->prov.citation(), year_note(reg->id, *reg->cfe));
  } else if (prov_cfe) {
    in.cfe = prov_cfe->value;
    TRAINPRINT_TRACE(tr, "cfe", *in.cfe, "1", origin::catalog, prov_cfe->prov.citation(), year_note(prov->id, *prov_cfe));
  } else if (in.intensity_g_per_kwh) {
    if (rec.context) r.notes.emplace_back("market-based emissions unknown: no carbon-free-energy share stated; give cfe");
  }

  // Water (§1.4).
  if (s.wue) {
    in.wue_l_per_kwh = s.wue->in_l_per_kwh();
    TRAINPRINT_TRACE(tr, "wue_l_per_kwh", *in.wue_l_per_kwh, "L/kWh", origin::user);
  } else if (reg && reg->wue_l_per_kwh) {
    in.wue_l_per_kwh = reg->wue_l_per_kwh->value;
    TRAINPRINT_TRACE(tr, "wue_l_per_kwh", *in.wue_l_per_kwh, "L/kWh", origin::catalog, reg->wue_l_per_kwh->prov.citation(),
           year_note(reg->id, *reg->wue_l_per_kwh));
  } else if (prov_wue) {
    in.wue_l_per_kwh = prov_wue->value;
    TRAINPRINT_TRACE(tr, "wue_l_per_kwh", *in.wue_l_per_kwh, "L/kWh", origin::catalog, prov_wue->prov.citation(),
           year_note(prov->id + " fleet", *prov_wue));
  } else {
    in.wue_l_per_kwh = defaults::wue_l_per_kwh.value;
    TRAINPRINT_TRACE(tr, "wue_l_per_kwh", *in.wue_l_per_kwh, "L/kWh", origin::fallback,
           std::string(defaults::wue_l_per_kwh.source), "industry average, low confidence");
  }
  const region* ewif_region =
      reg ? cat.along_chain(*reg, [](const region& x) { return x.ewif_l_per_kwh.has_value(); }) : nullptr;
  if (s.ewif) {
    in.ewif_l_per_kwh = s.ewif->in_l_per_kwh();
    TRAINPRINT_TRACE(tr, "ewif_l_per_kwh", *in.ewif_l_per_kwh, "L/kWh", origin::user);
  } else if (user_mix && user_mix->ewif_l_per_kwh) {
    in.ewif_l_per_kwh = user_mix->ewif_l_per_kwh;
    TRAINPRINT_TRACE(tr, "ewif_l_per_kwh", *in.ewif_l_per_kwh, "L/kWh", origin::derived, user_mix->water_source,
           "Σ share × water consumption per source: " + mix_text(*s.mix));
  } else if (ewif_region) {
    in.ewif_l_per_kwh = ewif_region->ewif_l_per_kwh->value;
    TRAINPRINT_TRACE(tr, "ewif_l_per_kwh", *in.ewif_l_per_kwh, "L/kWh", origin::catalog,
           ewif_region->ewif_l_per_kwh->prov.citation(), ewif_region->id);
  } else if (has_region_mix() && region_mix->ewif_l_per_kwh) {
    in.ewif_l_per_kwh = region_mix->ewif_l_per_kwh;
    TRAINPRINT_TRACE(tr, "ewif_l_per_kwh", *in.ewif_l_per_kwh, "L/kWh", origin::derived, region_mix->water_source,
           "Σ share × water consumption per source of " + mix_region->id + "'s mix");
  } else {
    if (rec.context) r.notes.emplace_back("off-site water unknown: give region, mix or ewif");
  }

  // Embodied (§1.3).
  in.embodied = s.embodied.value_or(true);
  if (in.embodied) {
    if (s.lifetime_years) {
      in.lifetime_years = *s.lifetime_years;
      TRAINPRINT_TRACE(tr, "lifetime_years", in.lifetime_years, "years", origin::user);
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
    } else {
      if (rec.context) r.notes.emplace_back(acc ? "embodied emissions unknown: " + acc->id +
                                     " lacks a public die area, process node or memory size; set embodied=false to leave them out"
                               : "embodied emissions unknown: no hardware given; set embodied=false to leave them out");
    }
    if (in.servers && f.host_kgco2e_per_server && f.host_accelerators_per_server > 0) {
      in.embodied_host_kg = f.host_kgco2e_per_server->value / f.host_accelerators_per_server;
      TRAINPRINT_TRACE(tr, "embodied_host_kg", in.embodied_host_kg, "kg CO2e", origin::catalog,
             f.host_kgco2e_per_server->prov.citation(),
             fmt::format("{:g} kg per server / {} accelerators", f.host_kgco2e_per_server->value,
                         f.host_accelerators_per_server));
    }
  }

  // Money (§1.5).
  if (s.price_usd_per_kwh) {
    in.price_usd_per_kwh = *s.price_usd_per_kwh;
    TRAINPRINT_TRACE(tr, "price_usd_per_kwh", *in.price_usd_per_kwh, "USD/kWh", origin::user);
  } else if (reg && reg->price_usd_per_kwh) {
    in.price_usd_per_kwh = reg->price_usd_per_kwh->value;
    TRAINPRINT_TRACE(tr, "price_usd_per_kwh", *in.price_usd_per_kwh, "USD/kWh", origin::catalog,
           reg->price_usd_per_kwh->prov.citation(), year_note(reg->id, *reg->price_usd_per_kwh));
  }
  if (s.hourly_price_usd) {
    in.hourly_price_usd = *s.hourly_price_usd;
    TRAINPRINT_TRACE(tr, "hourly_price_usd", *in.hourly_price_usd, "USD per accelerator-hour", origin::user);
  }
}

}  // namespace

resolved_scenario resolve(const scenario& s, const catalog& cat) {
  resolved_scenario r;
  resolve_into(s, cat, r, {});
  return r;
}

model_inputs resolve_inputs(const scenario& s, const catalog& cat) {
  resolved_scenario r;
  resolve_into(s, cat, r, {.trace = false, .context = false});
  return r.inputs;
}

estimate make_estimate(const scenario& s, const catalog& cat) { return make_estimate(s, cat, trace_level::full); }

estimate make_estimate(const scenario& s, const catalog& cat, trace_level level) {
  const bool traced = level == trace_level::full;
  resolved_scenario r;
  resolve_into(s, cat, r, {.trace = traced, .context = true});
  const model_outputs o = evaluate(r.inputs);

  auto finite = [](const std::optional<double>& v) { return !v || std::isfinite(*v); };
  const bool ok = std::isfinite(o.accelerator_hours) && finite(o.wall_hours) && std::isfinite(o.energy_facility_kwh) &&
                  std::isfinite(o.energy_it_kwh) && finite(o.location_kg) && finite(o.market_kg) &&
                  finite(o.embodied_kg) && finite(o.total_kg) && finite(o.onsite_l) && finite(o.offsite_l) &&
                  finite(o.water_total_l) && finite(o.electricity_usd) && finite(o.compute_usd);
  if (!ok)
    throw input_error("scenario", "inputs whose results overflow a double",
                      "inputs within realistic ranges (see trainprint::limits)");

  estimate e;
  e.scenario = s;
  e.context = std::move(r.context);
  e.inputs = r.inputs;
  e.flops = r.flops;
  e.trace = std::move(r.trace);
  e.notes = std::move(r.notes);
  e.catalog_version = cat.version();
  e.catalog_date = cat.date();
  tracer tr{traced ? &e.trace : nullptr};
  const auto& in = r.inputs;

  e.accelerator_hours = o.accelerator_hours;
  switch (in.path) {
    case path::flops:
      TRAINPRINT_TRACE(tr, "accelerator_hours", o.accelerator_hours, "h", origin::derived, {},
             "flops / (peak_flop_per_s × mfu) / 3600");
      break;
    case path::accelerator_hours: TRAINPRINT_TRACE(tr, "accelerator_hours", o.accelerator_hours, "h", origin::user); break;
    case path::duration:
      TRAINPRINT_TRACE(tr, "accelerator_hours", o.accelerator_hours, "h", origin::derived, {}, "duration_h × count");
      break;
  }
  e.wall_hours = o.wall_hours;
  if (o.wall_hours && in.path != path::duration)
    TRAINPRINT_TRACE(tr, "wall_hours", *o.wall_hours, "h", origin::derived, {}, "accelerator_hours / count");
  else if (!o.wall_hours)
    e.notes.emplace_back("wall time unknown: give count");

  e.accelerator_power = power::watts(o.accelerator_power_w);
  e.host_power = power::watts(o.host_power_w);
  if (!in.accelerator_power_w)
    TRAINPRINT_TRACE(tr, "accelerator_power_w", o.accelerator_power_w, "W", origin::derived, {}, "tdp_w × power_fraction");
  if (in.servers && !in.host_power_w)
    TRAINPRINT_TRACE(tr, "host_power_w", o.host_power_w, "W", origin::derived, {}, "host_max_power_w × host_utilisation");

  e.energy_accelerators = energy::kwh(o.energy_accelerators_kwh);
  e.energy_host = energy::kwh(o.energy_host_kwh);
  e.energy_it = energy::kwh(o.energy_it_kwh);
  e.energy_facility = energy::kwh(o.energy_facility_kwh);
  TRAINPRINT_TRACE(tr, "energy_accelerators_kwh", o.energy_accelerators_kwh, "kWh", origin::derived, {},
         "accelerator_hours × accelerator_power_w / 1000");
  TRAINPRINT_TRACE(tr, "energy_host_kwh", o.energy_host_kwh, "kWh", origin::derived, {}, "accelerator_hours × host_power_w / 1000");
  TRAINPRINT_TRACE(tr, "energy_it_kwh", o.energy_it_kwh, "kWh", origin::derived, {}, "energy_accelerators + energy_host");
  TRAINPRINT_TRACE(tr, "energy_facility_kwh", o.energy_facility_kwh, "kWh", origin::derived, {}, "energy_it × pue");

  auto kg = [](const std::optional<double>& v) -> std::optional<emissions> {
    if (!v) return std::nullopt;
    return emissions::kg_co2e(*v);
  };
  auto litres = [](const std::optional<double>& v) -> std::optional<water_volume> {
    if (!v) return std::nullopt;
    return water_volume::litres(*v);
  };
  e.location_based = kg(o.location_kg);
  e.market_based = kg(o.market_kg);
  e.embodied = kg(o.embodied_kg);
  e.total = kg(o.total_kg);
  if (o.location_kg)
    TRAINPRINT_TRACE(tr, "emissions_location_kg", *o.location_kg, "kg CO2e", origin::derived, {},
           "energy_facility × intensity / 1000");
  if (o.market_kg)
    TRAINPRINT_TRACE(tr, "emissions_market_kg", *o.market_kg, "kg CO2e", origin::derived, {}, "emissions_location × (1 − cfe)");
  if (o.embodied_kg)
    TRAINPRINT_TRACE(tr, "emissions_embodied_kg", *o.embodied_kg, "kg CO2e", origin::derived, {},
           in.embodied ? "accelerator_hours × (embodied_accelerator + embodied_host) / (lifetime_years × 8760)"
                       : "embodied emissions left out (embodied=false)");
  if (o.total_kg)
    TRAINPRINT_TRACE(tr, "emissions_total_kg", *o.total_kg, "kg CO2e", origin::derived, {}, "emissions_location + emissions_embodied");

  e.water_onsite = litres(o.onsite_l);
  e.water_offsite = litres(o.offsite_l);
  e.water_total = litres(o.water_total_l);
  if (o.onsite_l) TRAINPRINT_TRACE(tr, "water_onsite_l", *o.onsite_l, "L", origin::derived, {}, "energy_it × wue");
  if (o.offsite_l) TRAINPRINT_TRACE(tr, "water_offsite_l", *o.offsite_l, "L", origin::derived, {}, "energy_facility × ewif");
  if (o.water_total_l) TRAINPRINT_TRACE(tr, "water_total_l", *o.water_total_l, "L", origin::derived, {}, "water_onsite + water_offsite");

  e.electricity_cost_usd = o.electricity_usd;
  e.compute_cost_usd = o.compute_usd;
  if (o.electricity_usd)
    TRAINPRINT_TRACE(tr, "cost_electricity_usd", *o.electricity_usd, "USD", origin::derived, {}, "energy_facility × price_usd_per_kwh");
  if (o.compute_usd)
    TRAINPRINT_TRACE(tr, "cost_compute_usd", *o.compute_usd, "USD", origin::derived, {}, "accelerator_hours × hourly_price_usd");
  return e;
}

}  // namespace trainprint::inline v0
