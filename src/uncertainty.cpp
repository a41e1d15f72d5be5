// Uncertainty and sensitivity (see include/trainprint/uncertainty.hpp and
// docs/uncertainty.md). Compiled with -ffp-contract=off (CMakeLists.txt) so no
// multiply-add is fused on any platform: the same seed gives the same numbers.

#include "trainprint/uncertainty.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <memory>
#include <thread>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "trainprint/catalog.hpp"
#include "trainprint/defaults.hpp"
#include "trainprint/error.hpp"
#include "trainprint/estimator.hpp"

namespace trainprint::inline v0 {

std::string_view to_string(uncertain_input i) {
  static constexpr std::array<std::string_view, uncertain_input_count> names{
      "accelerator_hours", "duration_h",       "mfu",
      "power_fraction",    "accelerator_power_w", "host_max_power_w",
      "host_power_w",      "pue",              "wue_l_per_kwh",
      "intensity_g_per_kwh", "ewif_l_per_kwh", "cfe",
      "embodied_accelerator_kg", "embodied_host_kg", "lifetime_years",
      "price_usd_per_kwh", "hourly_price_usd"};
  return names[static_cast<std::size_t>(i)];
}

double triangular::quantile(double p) const noexcept {
  if (low == high) return low;
  const double w = high - low;
  const double fc = (mode - low) / w;
  if (p < fc) return low + std::sqrt(p * w * (mode - low));
  return high - std::sqrt((1.0 - p) * w * (high - mode));
}

void validate(const uncertainty_options& o) {
  if (o.samples < 1 || o.samples > 1'000'000'000)
    throw input_error("samples", std::to_string(o.samples), "1 <= samples <= 1e+09");
  if (o.threads < 1 || o.threads > 256)
    throw input_error("threads", std::to_string(o.threads), "1 <= threads <= 256");
}

// --- distributions --------------------------------------------------------

namespace {

/// The documented spread of a catalog value with no published range: ×÷ factor by
/// its confidence mark (docs/uncertainty.md).
struct spread {
  double factor;
  std::string mark;
};
spread spread_of(const provenance& p) {
  if (p.confidence == "high") return {1.1, "high"};
  if (p.confidence == "medium") return {1.25, "medium"};
  if (p.confidence == "low") return {1.5, "low"};
  return {1.5, "none (taken as low)"};
}
std::string spread_basis(const spread& s) {
  return fmt::format("catalog value, confidence {}: ×÷{:g} (no published range)", s.mark, s.factor);
}

triangular around(double v, double lo, double hi) { return {std::min(lo, v), v, std::max(hi, v)}; }

const trace_entry* traced(const resolved_scenario& r, std::string_view name) {
  for (const auto& t : r.trace)
    if (t.name == name) return &t;
  return nullptr;
}

/// Σ share × (min, max) of the mix's lifecycle intensity (IPCC AR5) or water.
struct mix_bounds {
  double low = 0, high = 0;
  std::string source;
};
mix_bounds intensity_bounds(const energy_mix& mix, const catalog& cat) {
  mix_bounds b;
  for (const auto& [id, share] : mix.shares) {
    const auto& src = cat.find_energy_source(id);
    b.low += share * std::min(src.lifecycle_min, src.lifecycle_median);
    b.high += share * std::max(src.lifecycle_max, src.lifecycle_median);
    if (b.source.empty()) b.source = src.lifecycle_prov.citation();
  }
  return b;
}
mix_bounds water_bounds(const energy_mix& mix, const catalog& cat) {
  mix_bounds b;
  for (const auto& [id, share] : mix.shares) {
    const auto& src = cat.find_energy_source(id);
    if (!src.water_l_per_kwh) continue;
    const double v = *src.water_l_per_kwh;
    const double f = spread_of(src.water_prov).factor;
    b.low += share * std::min(v, src.water_min.value_or(v / f));
    b.high += share * std::max(v, src.water_max.value_or(v * f));
    if (b.source.empty()) b.source = src.water_prov.citation();
  }
  return b;
}

const embodied_factors::die_factor* nearest_node(const embodied_factors& f, double nm) {
  const embodied_factors::die_factor* best = nullptr;
  for (const auto& d : f.die) {
    if (!best) { best = &d; continue; }
    const double dd = std::abs(d.process_nm - nm), db = std::abs(best->process_nm - nm);
    if (dd < db || (dd == db && d.process_nm < best->process_nm)) best = &d;
  }
  return best;
}

}  // namespace

std::vector<input_distribution> input_distributions(const scenario& s, const resolved_scenario& r,
                                                    const catalog& cat) {
  const model_inputs& in = r.inputs;
  std::vector<input_distribution> out;
  auto add = [&](uncertain_input i, const char* unit, triangular d, std::string basis, std::string source = {}) {
    out.push_back({i, unit, d, std::move(basis), std::move(source)});
  };
  // A user's input: their range (scenario units are the model's), or fixed.
  auto user = [&](uncertain_input i, std::string_view key, double v, const char* unit) {
    if (auto it = s.ranges.find(key); it != s.ranges.end())
      add(i, unit, around(v, it->second.low, it->second.high), "user range");
    else
      add(i, unit, {v, v, v}, "fixed (user value)");
  };
  auto from_default = [&](uncertain_input i, const char* unit, double v, const defaults::sourced& d, double scale = 1) {
    add(i, unit, around(v, d.low * scale, d.high * scale), "default range", std::string(d.source));
  };
  auto from_catalog = [&](uncertain_input i, const char* unit, double v, const provenance& p) {
    const spread sp = spread_of(p);
    add(i, unit, {v / sp.factor, v, v * sp.factor}, spread_basis(sp), p.citation());
  };
  auto is_user = [&](std::string_view name) {
    const trace_entry* t = traced(r, name);
    return t && t->origin == origin::user;
  };
  const accelerator* acc = r.context.accelerator_id.empty() ? nullptr : cat.get_accelerator(r.context.accelerator_id);
  const region* reg = r.context.region_id.empty() ? nullptr : cat.get_region(r.context.region_id);
  const provider* prov = r.context.provider_id.empty() ? nullptr : cat.get_provider(r.context.provider_id);

  // Workload (§1.1).
  using path = model_inputs::workload_path;
  switch (in.path) {
    case path::accelerator_hours:
      user(uncertain_input::accelerator_hours, "gpu_hours", in.accelerator_hours, "h");
      break;
    case path::duration: user(uncertain_input::duration_h, "duration_h", in.duration_h, "h"); break;
    case path::flops:
      if (is_user("mfu")) {
        user(uncertain_input::mfu, "mfu", in.mfu, "1");
      } else if (acc) {
        const auto d = defaults::mfu_for_family(acc->family);
        add(uncertain_input::mfu, "1", around(in.mfu, d.low, d.high), "default range for family " + acc->family,
            std::string(d.source));
      }
      break;
  }

  // Power (§1.2). The host's utilisation follows the accelerator's draw (propagate).
  if (in.accelerator_power_w) {
    user(uncertain_input::accelerator_power_w, "power_w", *in.accelerator_power_w, "W");
  } else if (s.power_fraction) {
    user(uncertain_input::power_fraction, "power_fraction", in.power_fraction, "1");
  } else {
    const bool single_node = in.count && *in.count <= defaults::single_node_max_accelerators;
    from_default(uncertain_input::power_fraction, "1", in.power_fraction,
                 single_node ? defaults::power_fraction_single_node : defaults::power_fraction_multi_node);
  }
  if (in.servers) {
    if (in.host_power_w) {
      user(uncertain_input::host_power_w, "host_power_w", *in.host_power_w, "W");
    } else if (const trace_entry* t = traced(r, "host_max_power_w")) {
      const system_profile* sys = acc && !acc->system.empty() ? cat.get_system(acc->system) : nullptr;
      if (t->origin == origin::catalog && sys)
        from_catalog(uncertain_input::host_max_w, "W", in.host_max_w, sys->prov);
      else
        from_default(uncertain_input::host_max_w, "W", in.host_max_w, defaults::host_max_fraction_of_tdp, in.tdp_w);
    }
  }

  // Site: PUE (the spread applies to the overhead PUE − 1), WUE.
  const cited_value* prov_pue = prov ? provider::latest(prov->pue) : nullptr;
  const cited_value* prov_wue = prov ? provider::latest(prov->wue_l_per_kwh) : nullptr;
  if (is_user("pue")) {
    user(uncertain_input::pue, "pue", in.pue, "1");
  } else if (const trace_entry* t = traced(r, "pue"); t && t->origin == origin::catalog) {
    const provenance& p = reg && reg->pue ? reg->pue->prov : prov_pue->prov;
    const spread sp = spread_of(p);
    add(uncertain_input::pue, "1", {1 + (in.pue - 1) / sp.factor, in.pue, 1 + (in.pue - 1) * sp.factor},
        spread_basis(sp) + " on PUE − 1", p.citation());
  } else {
    from_default(uncertain_input::pue, "1", in.pue, defaults::pue);
  }
  if (in.wue_l_per_kwh) {
    if (is_user("wue_l_per_kwh"))
      user(uncertain_input::wue_l_per_kwh, "wue", *in.wue_l_per_kwh, "L/kWh");
    else if (const trace_entry* t = traced(r, "wue_l_per_kwh"); t && t->origin == origin::catalog)
      from_catalog(uncertain_input::wue_l_per_kwh, "L/kWh", *in.wue_l_per_kwh,
                   reg && reg->wue_l_per_kwh ? reg->wue_l_per_kwh->prov : prov_wue->prov);
    else
      from_default(uncertain_input::wue_l_per_kwh, "L/kWh", *in.wue_l_per_kwh, defaults::wue_l_per_kwh);
  }

  // Carbon intensity (§1.3): user value, user mix, grid, region mix — as resolve().
  const region* mix_region = reg ? cat.along_chain(*reg, [](const region& x) { return x.mix.has_value(); }) : nullptr;
  if (in.intensity_g_per_kwh) {
    const double v = *in.intensity_g_per_kwh;
    const region* grid = !r.context.grid_region_id.empty() ? cat.get_region(r.context.grid_region_id) : nullptr;
    if (s.intensity) {
      user(uncertain_input::intensity_g_per_kwh, "intensity", v, "g CO2e/kWh");
    } else if (s.mix || (!grid && mix_region)) {
      const auto b = intensity_bounds(s.mix ? *s.mix : mix_region->mix->mix, cat);
      add(uncertain_input::intensity_g_per_kwh, "g CO2e/kWh", around(v, b.low, b.high),
          "Σ share × lifecycle min and max per source (IPCC AR5)", b.source);
    } else if (grid && grid->intensity) {
      from_catalog(uncertain_input::intensity_g_per_kwh, "g CO2e/kWh", v, grid->intensity->prov);
    }
  }
  if (in.cfe) {
    const double v = *in.cfe;
    if (s.cfe) {
      user(uncertain_input::cfe, "cfe", v, "1");
    } else {
      const provenance* p = reg && reg->cfe ? &reg->cfe->prov
                            : prov && provider::latest(prov->cfe) ? &provider::latest(prov->cfe)->prov
                                                                  : nullptr;
      if (p) {
        const spread sp = spread_of(*p);
        add(uncertain_input::cfe, "1", {v / sp.factor, v, std::min(1.0, v * sp.factor)},
            spread_basis(sp) + ", at most 1", p->citation());
      }
    }
  }

  // Water off-site (§1.4).
  if (in.ewif_l_per_kwh) {
    const double v = *in.ewif_l_per_kwh;
    const trace_entry* t = traced(r, "ewif_l_per_kwh");
    const region* ewif_region =
        reg ? cat.along_chain(*reg, [](const region& x) { return x.ewif_l_per_kwh.has_value(); }) : nullptr;
    if (s.ewif) {
      user(uncertain_input::ewif_l_per_kwh, "ewif", v, "L/kWh");
    } else if (t && t->origin == origin::catalog && ewif_region) {
      from_catalog(uncertain_input::ewif_l_per_kwh, "L/kWh", v, ewif_region->ewif_l_per_kwh->prov);
    } else if (s.mix || mix_region) {
      const auto b = water_bounds(s.mix ? *s.mix : mix_region->mix->mix, cat);
      add(uncertain_input::ewif_l_per_kwh, "L/kWh", around(v, b.low, b.high),
          "Σ share × water min and max per source (Macknick et al. 2012; ×÷ by confidence where none)", b.source);
    }
  }

  // Embodied (§1.3).
  if (in.embodied && in.embodied_accelerator_kg) {
    const auto& f = cat.embodied();
    const trace_entry* die_t = traced(r, "embodied_die_kg");
    const trace_entry* mem_t = traced(r, "embodied_memory_kg");
    const auto* die = acc && acc->process_nm ? nearest_node(f, *acc->process_nm) : nullptr;
    if (die_t && mem_t && die && f.memory_kgco2e_per_gb) {
      const spread sd = spread_of(die->kgco2e_per_cm2.prov), sm = spread_of(f.memory_kgco2e_per_gb->prov);
      add(uncertain_input::embodied_accelerator_kg, "kg CO2e",
          around(*in.embodied_accelerator_kg, die_t->value / sd.factor + mem_t->value / sm.factor,
                 die_t->value * sd.factor + mem_t->value * sm.factor),
          fmt::format("die ×÷{:g} (confidence {}) + memory ×÷{:g} (confidence {}) (no published range)", sd.factor,
                      sd.mark, sm.factor, sm.mark),
          die->kgco2e_per_cm2.prov.citation());
    }
    if (in.servers && f.host_kgco2e_per_server && traced(r, "embodied_host_kg"))
      from_catalog(uncertain_input::embodied_host_kg, "kg CO2e", in.embodied_host_kg, f.host_kgco2e_per_server->prov);
    if (is_user("lifetime_years"))
      user(uncertain_input::lifetime_years, "lifetime_years", in.lifetime_years, "years");
    else
      from_default(uncertain_input::lifetime_years, "years", in.lifetime_years, defaults::lifetime_years);
  }

  // Money (§1.5).
  if (in.price_usd_per_kwh) {
    if (s.price_usd_per_kwh)
      user(uncertain_input::price_usd_per_kwh, "price_usd_per_kwh", *in.price_usd_per_kwh, "USD/kWh");
    else if (reg && reg->price_usd_per_kwh)
      from_catalog(uncertain_input::price_usd_per_kwh, "USD/kWh", *in.price_usd_per_kwh, reg->price_usd_per_kwh->prov);
  }
  if (in.hourly_price_usd)
    user(uncertain_input::hourly_price_usd, "hourly_price_usd", *in.hourly_price_usd, "USD per accelerator-hour");
  return out;
}

// --- Monte Carlo ----------------------------------------------------------

namespace {

constexpr std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

/// splitmix64 (Steele, Lea, Flood 2014): seeds the block streams.
constexpr std::uint64_t splitmix64(std::uint64_t& x) {
  std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

/// xoshiro256** 1.0 (Blackman and Vigna 2018).
struct xoshiro256ss {
  std::uint64_t s[4];
  /// The stream of block `block` for `seed`.
  xoshiro256ss(std::uint64_t seed, std::uint64_t block) {
    std::uint64_t x = seed;
    std::uint64_t k = splitmix64(x) ^ (0xd1b54a32d192ed03ULL * (block + 1));
    for (auto& w : s) w = splitmix64(k);
  }
  std::uint64_t next() {
    const std::uint64_t result = rotl(s[1] * 5, 7) * 9;
    const std::uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
  }
  /// Uniform on (0, 1): the top 53 bits, centred in their interval.
  double uniform() { return (static_cast<double>(next() >> 11) + 0.5) * 0x1.0p-53; }
};

constexpr std::size_t output_count = 17;
struct output_def {
  const char* name;
  const char* unit;
};
constexpr std::array<output_def, output_count> output_defs{{
    {"compute.accelerator_hours", "h"},
    {"compute.wall_hours", "h"},
    {"power_w.accelerator", "W"},
    {"power_w.host", "W"},
    {"energy_kwh.accelerators", "kWh"},
    {"energy_kwh.host", "kWh"},
    {"energy_kwh.it", "kWh"},
    {"energy_kwh.facility", "kWh"},
    {"emissions_kg_co2e.location_based", "kg CO2e"},
    {"emissions_kg_co2e.market_based", "kg CO2e"},
    {"emissions_kg_co2e.embodied", "kg CO2e"},
    {"emissions_kg_co2e.total", "kg CO2e"},
    {"water_l.onsite", "L"},
    {"water_l.offsite", "L"},
    {"water_l.total", "L"},
    {"cost_usd.electricity", "USD"},
    {"cost_usd.compute", "USD"},
}};
constexpr std::size_t total_emissions = 11, facility_energy = 7;

/// The outputs in output_defs order (0 where unknown; `known` says which are).
inline void flatten(const model_outputs& o, double* v) {
  v[0] = o.accelerator_hours;
  v[1] = o.wall_hours.value_or(0);
  v[2] = o.accelerator_power_w;
  v[3] = o.host_power_w;
  v[4] = o.energy_accelerators_kwh;
  v[5] = o.energy_host_kwh;
  v[6] = o.energy_it_kwh;
  v[7] = o.energy_facility_kwh;
  v[8] = o.location_kg.value_or(0);
  v[9] = o.market_kg.value_or(0);
  v[10] = o.embodied_kg.value_or(0);
  v[11] = o.total_kg.value_or(0);
  v[12] = o.onsite_l.value_or(0);
  v[13] = o.offsite_l.value_or(0);
  v[14] = o.water_total_l.value_or(0);
  v[15] = o.electricity_usd.value_or(0);
  v[16] = o.compute_usd.value_or(0);
}
std::array<bool, output_count> known_outputs(const model_outputs& o) {
  return {true, o.wall_hours.has_value(), true, true, true, true, true, true,
          o.location_kg.has_value(), o.market_kg.has_value(), o.embodied_kg.has_value(), o.total_kg.has_value(),
          o.onsite_l.has_value(), o.offsite_l.has_value(), o.water_total_l.has_value(),
          o.electricity_usd.has_value(), o.compute_usd.has_value()};
}

/// The field of `m` an input feeds; nullptr when the model does not use it.
double* field_of(model_inputs& m, uncertain_input i) {
  auto opt = [](std::optional<double>& v) { return v ? &*v : nullptr; };
  switch (i) {
    case uncertain_input::accelerator_hours: return &m.accelerator_hours;
    case uncertain_input::duration_h: return &m.duration_h;
    case uncertain_input::mfu: return &m.mfu;
    case uncertain_input::power_fraction: return &m.power_fraction;
    case uncertain_input::accelerator_power_w: return opt(m.accelerator_power_w);
    case uncertain_input::host_max_w: return &m.host_max_w;
    case uncertain_input::host_power_w: return opt(m.host_power_w);
    case uncertain_input::pue: return &m.pue;
    case uncertain_input::wue_l_per_kwh: return opt(m.wue_l_per_kwh);
    case uncertain_input::intensity_g_per_kwh: return opt(m.intensity_g_per_kwh);
    case uncertain_input::ewif_l_per_kwh: return opt(m.ewif_l_per_kwh);
    case uncertain_input::cfe: return opt(m.cfe);
    case uncertain_input::embodied_accelerator_kg: return opt(m.embodied_accelerator_kg);
    case uncertain_input::embodied_host_kg: return &m.embodied_host_kg;
    case uncertain_input::lifetime_years: return &m.lifetime_years;
    case uncertain_input::price_usd_per_kwh: return opt(m.price_usd_per_kwh);
    case uncertain_input::hourly_price_usd: return opt(m.hourly_price_usd);
  }
  return nullptr;
}

/// How the host's utilisation follows the accelerator (as resolve() sets it).
enum class host_link { none, fraction, power };

/// One sampled input: inverse-CDF constants of its triangular distribution.
struct sampler {
  std::size_t index;  // into the distributions
  double a, b, c, fc, k1, k2;
  explicit sampler(std::size_t i, const triangular& t)
      : index(i), a(t.low), b(t.high), c(t.mode), fc((t.mode - t.low) / (t.high - t.low)),
        k1((t.high - t.low) * (t.mode - t.low)), k2((t.high - t.low) * (t.high - t.mode)) {}
  /// The inverse CDF at u, without a branch (u < fc picks the left side by a bit mask).
  [[nodiscard]] double draw(double u) const {
    const std::uint64_t left = 0 - static_cast<std::uint64_t>(u < fc);
    const double s = std::sqrt(pick(left, u * k1, (1.0 - u) * k2));
    return pick(left, a + s, b - s);
  }
  static double pick(std::uint64_t mask, double x, double y) {
    return std::bit_cast<double>((std::bit_cast<std::uint64_t>(x) & mask) | (std::bit_cast<std::uint64_t>(y) & ~mask));
  }
  /// x[i] = draw(u[i]) for a block, the u drawn from `rng` two per number (the
  /// high half first): (r + 0.5) · 2^-32 for each 32-bit half r. Drawing and
  /// transforming in one pass lets the integer work of the generator overlap the
  /// square roots. Two at a time with SSE2, by the same IEEE operations: r + 0.5
  /// is formed exactly as (2^52 + r) − (2^52 − 0.5) from the bits of 2^52 + r.
  void fill(xoshiro256ss& rng, double* x) const {
#if defined(__SSE2__)
    const __m128d vfc = _mm_set1_pd(fc), vk1 = _mm_set1_pd(k1), vk2 = _mm_set1_pd(k2), va = _mm_set1_pd(a),
                  vb = _mm_set1_pd(b), one = _mm_set1_pd(1.0);
    const __m128i low_dwords = _mm_set_epi32(0, -1, 0, -1);
    const __m128i two52 = _mm_set_epi32(0x43300000, 0, 0x43300000, 0);
    const __m128d two52_less_half = _mm_set1_pd(0x1.0p52 - 0.5), scale = _mm_set1_pd(0x1.0p-32);
    for (std::size_t i = 0; i < uncertainty_block; i += 2) {
      const __m128i r = _mm_cvtsi64_si128(static_cast<long long>(rng.next()));
      // dword 0 ← the high half, dword 2 ← the low half; the exponent of 2^52 above each
      const __m128i halves = _mm_or_si128(_mm_and_si128(_mm_shuffle_epi32(r, _MM_SHUFFLE(1, 0, 1, 1)), low_dwords), two52);
      const __m128d vu = _mm_mul_pd(_mm_sub_pd(_mm_castsi128_pd(halves), two52_less_half), scale);
      const __m128d left = _mm_cmplt_pd(vu, vfc);
      const __m128d t = _mm_or_pd(_mm_and_pd(left, _mm_mul_pd(vu, vk1)),
                                  _mm_andnot_pd(left, _mm_mul_pd(_mm_sub_pd(one, vu), vk2)));
      const __m128d sq = _mm_sqrt_pd(t);
      _mm_store_pd(x + i, _mm_or_pd(_mm_and_pd(left, _mm_add_pd(va, sq)), _mm_andnot_pd(left, _mm_sub_pd(vb, sq))));
    }
#else
    for (std::size_t i = 0; i < uncertainty_block; i += 2) {
      const std::uint64_t r = rng.next();
      x[i] = draw((static_cast<double>(r >> 32) + 0.5) * 0x1.0p-32);
      x[i + 1] = draw((static_cast<double>(r & 0xffffffffULL) + 0.5) * 0x1.0p-32);
    }
#endif
  }
};

/// The model's inputs with a few of them set: the working copy of one thread.
struct model {
  model_inputs m;
  std::vector<double*> fields;  // per distribution; a dummy for unused ones
  double dummy = 0;
  host_link link = host_link::none;
  model(const model_inputs& central, std::span<const input_distribution> inputs, host_link l) : m(central), link(l) {
    for (const auto& d : inputs) {
      double* f = field_of(m, d.input);
      fields.push_back(f ? f : &dummy);
    }
  }
  model(const model&) = delete;
  void set(std::size_t i, double v) { *fields[i] = v; }
  void follow() {
    if (link == host_link::fraction) m.host_utilisation = m.power_fraction;
    else if (link == host_link::power) m.host_utilisation = std::min(1.0, *m.accelerator_power_w / m.tdp_w);
  }
  void reset(std::span<const input_distribution> inputs) {
    for (std::size_t i = 0; i < inputs.size(); ++i) set(i, inputs[i].dist.mode);
    follow();
  }
};

/// A histogram of one output between hard bounds (see uncertainty_histogram_bins).
struct binning {
  bool fixed = false, linear = false;
  double low = 0, high = 0, scale = 0;  // linear
  std::int64_t base = 0;                // pseudo-log: bit pattern of `low`
  int shift = 0;
  [[nodiscard]] std::size_t bin(double v) const {
    constexpr auto top = static_cast<std::int64_t>(uncertainty_histogram_bins - 1);
    std::int64_t i = linear ? static_cast<std::int64_t>((v - low) * scale)
                            : (std::bit_cast<std::int64_t>(v) - base) >> shift;
    return static_cast<std::size_t>(std::clamp<std::int64_t>(i, 0, top));
  }
  /// Counts the first `n` values of `v` (16-byte aligned) into `h` and returns
  /// their sum, added in four interleaved partial sums in a fixed order. Two values
  /// at a time with SSE2: the same sums, lane by lane, and the same bin indices.
  template <bool Linear>
  double count_as(const double* v, std::size_t n, std::uint32_t* h) const {
    constexpr std::uint64_t top = uncertainty_histogram_bins - 1;
    // Locals, so the stores into `h` do not make the compiler reload them.
    const double lo = low, sc = scale;
    const std::int64_t bs = base;
    const int sh = shift;
    auto idx = [&](double x) {
      if constexpr (Linear) return std::min(static_cast<std::uint64_t>(static_cast<std::int64_t>((x - lo) * sc)), top);
      else return std::min(static_cast<std::uint64_t>(std::bit_cast<std::int64_t>(x) - bs) >> sh, top);
    };
    std::size_t i = 0;
    double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
#if defined(__SSE2__)
    __m128d s01 = _mm_setzero_pd(), s23 = _mm_setzero_pd();
    const __m128i vbase = _mm_set1_epi64x(bs), vshift = _mm_cvtsi32_si128(sh);
    const __m128d vlow = _mm_set1_pd(lo), vscale = _mm_set1_pd(sc);
    auto two = [&](__m128d x) {
      if constexpr (Linear) {
        const __m128d t = _mm_mul_pd(_mm_sub_pd(x, vlow), vscale);
        ++h[std::min(static_cast<std::uint64_t>(static_cast<std::int64_t>(_mm_cvtsd_f64(t))), top)];
        ++h[std::min(static_cast<std::uint64_t>(static_cast<std::int64_t>(_mm_cvtsd_f64(_mm_unpackhi_pd(t, t)))), top)];
      } else {
        const __m128i d = _mm_srl_epi64(_mm_sub_epi64(_mm_castpd_si128(x), vbase), vshift);
        ++h[std::min(static_cast<std::uint64_t>(_mm_cvtsi128_si64(d)), top)];
        ++h[std::min(static_cast<std::uint64_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(d, d))), top)];
      }
    };
    for (; i + 4 <= n; i += 4) {
      const __m128d x01 = _mm_load_pd(v + i), x23 = _mm_load_pd(v + i + 2);
      s01 = _mm_add_pd(s01, x01);
      s23 = _mm_add_pd(s23, x23);
      two(x01);
      two(x23);
    }
    a0 = _mm_cvtsd_f64(s01);
    a1 = _mm_cvtsd_f64(_mm_unpackhi_pd(s01, s01));
    a2 = _mm_cvtsd_f64(s23);
    a3 = _mm_cvtsd_f64(_mm_unpackhi_pd(s23, s23));
#else
    for (; i + 4 <= n; i += 4) {
      a0 += v[i];
      a1 += v[i + 1];
      a2 += v[i + 2];
      a3 += v[i + 3];
      ++h[idx(v[i])];
      ++h[idx(v[i + 1])];
      ++h[idx(v[i + 2])];
      ++h[idx(v[i + 3])];
    }
#endif
    for (; i < n; ++i) {
      a0 += v[i];
      ++h[idx(v[i])];
    }
    return (a0 + a1) + (a2 + a3);
  }
  double count(const double* v, std::size_t n, std::uint32_t* h) const {
    return linear ? count_as<true>(v, n, h) : count_as<false>(v, n, h);
  }
  [[nodiscard]] double edge(std::size_t i) const {
    if (linear) return low + static_cast<double>(i) / scale;
    return std::bit_cast<double>(base + (static_cast<std::int64_t>(i) << shift));
  }
};

binning make_binning(double low, double high) {
  binning b;
  b.low = low;
  b.high = high;
  if (!(high > low)) {
    b.fixed = true;
    return b;
  }
  if (low <= 0) {
    b.linear = true;
    b.scale = static_cast<double>(uncertainty_histogram_bins) / (high - low);
    return b;
  }
  b.base = std::bit_cast<std::int64_t>(low);
  const std::int64_t span = std::bit_cast<std::int64_t>(high) - b.base;
  while ((span >> b.shift) >= static_cast<std::int64_t>(uncertainty_histogram_bins)) ++b.shift;
  return b;
}

/// The value at fraction p of `n` samples counted in `h`, linear within its bin.
double quantile_of(const std::uint64_t* h, const binning& b, std::uint64_t n, double p) {
  const double target = p * static_cast<double>(n);
  std::uint64_t before = 0;
  for (std::size_t i = 0; i < uncertainty_histogram_bins; ++i) {
    if (h[i] == 0) continue;
    if (static_cast<double>(before + h[i]) >= target) {
      const double f = (target - static_cast<double>(before)) / static_cast<double>(h[i]);
      const double lo = b.edge(i), hi = std::min(b.edge(i + 1), std::max(b.high, lo));
      return std::clamp(lo + f * (hi - lo), b.low, b.high);
    }
    before += h[i];
  }
  return b.high;
}

constexpr std::size_t block_size = uncertainty_block;

/// The model's inputs that may vary, one column each.
enum col : std::size_t {
  c_ah, c_dur, c_mfu, c_pf, c_pacc, c_host_max, c_host_given, c_pue, c_wue, c_ci, c_ewif, c_cfe, c_emb_acc,
  c_emb_host, c_life, c_price, c_hourly, c_host_util, column_count
};
/// uncertain_input is in column order.
std::size_t column_of(uncertain_input i) { return static_cast<std::size_t>(i); }
static_assert(c_hourly + 1 == uncertain_input_count && c_host_util == uncertain_input_count);

/// One block of samples: input columns (the central value where fixed) and the
/// outputs of evaluate(), computed column by column (divisions by constants folded
/// into products, so within a few ulps of evaluate(); values a rounding outside an
/// output's bounds fall in its edge bin).
struct columns {
  alignas(64) double in[column_count][block_size];
  alignas(64) double out[output_count][block_size];

  void fill(const model_inputs& c) {
    const double v[column_count] = {c.accelerator_hours, c.duration_h, c.mfu, c.power_fraction,
                                    c.accelerator_power_w.value_or(0), c.host_max_w, c.host_power_w.value_or(0),
                                    c.pue, c.wue_l_per_kwh.value_or(0), c.intensity_g_per_kwh.value_or(0),
                                    c.ewif_l_per_kwh.value_or(0), c.cfe.value_or(0),
                                    c.embodied_accelerator_kg.value_or(0), c.embodied_host_kg, c.lifetime_years,
                                    c.price_usd_per_kwh.value_or(0), c.hourly_price_usd.value_or(0),
                                    c.host_utilisation};
    for (std::size_t k = 0; k < column_count; ++k) std::fill(in[k], in[k] + block_size, v[k]);
    for (auto& o : out) std::fill(o, o + block_size, 0.0);
  }
  void follow(const model_inputs& c, host_link link) {
    double* util = in[c_host_util];
    if (link == host_link::fraction) {
      std::copy(in[c_pf], in[c_pf] + block_size, util);
    } else if (link == host_link::power) {
      const double tdp = c.tdp_w;
      const double* p = in[c_pacc];
      for (std::size_t i = 0; i < block_size; ++i) util[i] = std::min(1.0, p[i] / tdp);
    }
  }
  void evaluate(const model_inputs& c) {
    using path = model_inputs::workload_path;
    double* ah = out[0];
    switch (c.path) {
      case path::flops: {
        const double f = c.flops / c.peak_flop_per_s / 3600.0;
        const double* mfu = in[c_mfu];
        for (std::size_t i = 0; i < block_size; ++i) ah[i] = f / mfu[i];
        break;
      }
      case path::accelerator_hours: std::copy(in[c_ah], in[c_ah] + block_size, ah); break;
      case path::duration: {
        const double count = c.count.value_or(0);
        const double* d = in[c_dur];
        for (std::size_t i = 0; i < block_size; ++i) ah[i] = d[i] * count;
        break;
      }
    }
    if (c.path == path::duration) {
      std::copy(in[c_dur], in[c_dur] + block_size, out[1]);
    } else if (c.count) {
      const double per = 1.0 / *c.count;
      for (std::size_t i = 0; i < block_size; ++i) out[1][i] = ah[i] * per;
    }
    double* pacc = out[2];
    if (c.accelerator_power_w) {
      std::copy(in[c_pacc], in[c_pacc] + block_size, pacc);
    } else {
      const double tdp = c.tdp_w;
      const double* pf = in[c_pf];
      for (std::size_t i = 0; i < block_size; ++i) pacc[i] = tdp * pf[i];
    }
    double* phost = out[3];
    if (!c.servers) {
      std::fill(phost, phost + block_size, 0.0);
    } else if (c.host_power_w) {
      std::copy(in[c_host_given], in[c_host_given] + block_size, phost);
    } else {
      const double *mx = in[c_host_max], *ut = in[c_host_util];
      for (std::size_t i = 0; i < block_size; ++i) phost[i] = mx[i] * ut[i];
    }
    double *eacc = out[4], *ehost = out[5], *eit = out[6], *efac = out[7];
    const double* pue = in[c_pue];
    for (std::size_t i = 0; i < block_size; ++i) {
      eacc[i] = ah[i] * pacc[i] * 1e-3;
      ehost[i] = ah[i] * phost[i] * 1e-3;
      eit[i] = eacc[i] + ehost[i];
      efac[i] = eit[i] * pue[i];
    }
    if (c.intensity_g_per_kwh) {
      const double* ci = in[c_ci];
      for (std::size_t i = 0; i < block_size; ++i) out[8][i] = efac[i] * ci[i] * 1e-3;
      if (c.cfe) {
        const double* cfe = in[c_cfe];
        for (std::size_t i = 0; i < block_size; ++i) out[9][i] = out[8][i] * (1.0 - cfe[i]);
      }
    }
    if (c.embodied && c.embodied_accelerator_kg) {
      const double *ea = in[c_emb_acc], *eh = in[c_emb_host], *life = in[c_life];
      for (std::size_t i = 0; i < block_size; ++i)
        out[10][i] = ah[i] * (ea[i] + eh[i]) / (life[i] * defaults::hours_per_year);
    }
    for (std::size_t i = 0; i < block_size; ++i) out[11][i] = out[8][i] + out[10][i];
    if (c.wue_l_per_kwh) {
      const double* w = in[c_wue];
      for (std::size_t i = 0; i < block_size; ++i) out[12][i] = eit[i] * w[i];
    }
    if (c.ewif_l_per_kwh) {
      const double* w = in[c_ewif];
      for (std::size_t i = 0; i < block_size; ++i) out[13][i] = efac[i] * w[i];
    }
    for (std::size_t i = 0; i < block_size; ++i) out[14][i] = out[12][i] + out[13][i];
    if (c.price_usd_per_kwh) {
      const double* p = in[c_price];
      for (std::size_t i = 0; i < block_size; ++i) out[15][i] = efac[i] * p[i];
    }
    if (c.hourly_price_usd) {
      const double* p = in[c_hourly];
      for (std::size_t i = 0; i < block_size; ++i) out[16][i] = ah[i] * p[i];
    }
  }
};

}  // namespace

uncertainty_result propagate(const model_inputs& central, std::span<const input_distribution> inputs,
                             const uncertainty_options& options) {
  validate(options);
  uncertainty_result res;
  res.samples = options.samples;
  res.seed = options.seed;
  res.inputs.assign(inputs.begin(), inputs.end());

  // The host's utilisation follows the accelerator's draw where resolve() tied them.
  host_link link = host_link::none;
  if (central.servers && !central.host_power_w) {
    if (central.accelerator_power_w && central.tdp_w > 0 &&
        central.host_utilisation == std::min(1.0, *central.accelerator_power_w / central.tdp_w))
      link = host_link::power;
    else if (!central.accelerator_power_w && central.host_utilisation == central.power_fraction)
      link = host_link::fraction;
  }

  model work(central, inputs, link);
  work.reset(inputs);
  const model_outputs mid = evaluate(work.m);
  const auto known = known_outputs(mid);
  double mid_v[output_count];
  flatten(mid, mid_v);

  std::vector<sampler> samplers;
  for (std::size_t i = 0; i < inputs.size(); ++i)
    if (!inputs[i].dist.fixed() && work.fields[i] != &work.dummy) samplers.emplace_back(i, inputs[i].dist);

  // Sensitivity and the outputs' hard bounds: each output is monotone in each input
  // (products, sums and quotients of positive numbers), so its extremes are at the
  // corner where every input sits at the end that lowers (raises) it.
  std::vector<std::array<double, output_count>> at_low(samplers.size()), at_high(samplers.size());
  for (std::size_t j = 0; j < samplers.size(); ++j) {
    const auto& d = inputs[samplers[j].index].dist;
    for (int end = 0; end < 2; ++end) {
      work.reset(inputs);
      work.set(samplers[j].index, end == 0 ? d.low : d.high);
      work.follow();
      flatten(evaluate(work.m), end == 0 ? at_low[j].data() : at_high[j].data());
    }
  }
  std::array<binning, output_count> bins{};
  std::vector<std::size_t> tracked;  // outputs with a histogram
  for (std::size_t k = 0; k < output_count; ++k) {
    if (!known[k]) continue;
    double v[2][output_count];
    for (int side = 0; side < 2; ++side) {
      work.reset(inputs);
      for (std::size_t j = 0; j < samplers.size(); ++j) {
        const bool rises = at_high[j][k] >= at_low[j][k];
        const auto& d = inputs[samplers[j].index].dist;
        work.set(samplers[j].index, (rises == (side == 0)) ? d.low : d.high);
      }
      work.follow();
      flatten(evaluate(work.m), v[side]);
    }
    bins[k] = make_binning(std::min({v[0][k], v[1][k], mid_v[k]}), std::max({v[0][k], v[1][k], mid_v[k]}));
    if (!bins[k].fixed) tracked.push_back(k);
  }

  // Monte Carlo: fixed blocks, each with its own stream; per-block sums added in
  // block order and integer histograms, so the thread count changes nothing.
  const std::uint64_t n = options.samples;
  const std::uint64_t blocks = (n + uncertainty_block - 1) / uncertainty_block;
  const std::size_t nt = tracked.size();
  std::vector<double> block_sums(blocks * nt, 0.0);
  const unsigned threads = static_cast<unsigned>(std::min<std::uint64_t>(options.threads, blocks));
  std::vector<std::vector<std::uint64_t>> hists(threads);
  std::vector<std::size_t> sampled_cols;
  for (const auto& smp : samplers) sampled_cols.push_back(column_of(inputs[smp.index].input));

  auto run = [&](unsigned t) {
    std::vector<std::uint32_t> h(nt * uncertainty_histogram_bins, 0);
    auto cols = std::make_unique<columns>();
    cols->fill(central);
    const std::uint64_t first = blocks * t / threads, last = blocks * (t + 1) / threads;
    for (std::uint64_t blk = first; blk < last; ++blk) {
      xoshiro256ss rng(options.seed, blk);
      const auto count = static_cast<std::size_t>(std::min<std::uint64_t>(uncertainty_block, n - blk * uncertainty_block));
      for (std::size_t j = 0; j < samplers.size(); ++j) samplers[j].fill(rng, cols->in[sampled_cols[j]]);
      cols->follow(central, link);
      cols->evaluate(central);
      for (std::size_t q = 0; q < nt; ++q) {
        block_sums[blk * nt + q] =
            bins[tracked[q]].count(cols->out[tracked[q]], count, h.data() + q * uncertainty_histogram_bins);
      }
    }
    hists[t].assign(h.begin(), h.end());
  };
  if (threads <= 1) {
    run(0);
  } else {
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(run, t);
    run(0);
    for (auto& th : pool) th.join();
  }
  std::vector<std::uint64_t> hist(nt * uncertainty_histogram_bins, 0);
  for (const auto& h : hists)
    for (std::size_t i = 0; i < h.size(); ++i) hist[i] += h[i];

  for (std::size_t k = 0; k < output_count; ++k) {
    if (!known[k]) continue;
    output_interval o{output_defs[k].name, output_defs[k].unit, mid_v[k], mid_v[k], mid_v[k], mid_v[k], mid_v[k]};
    const auto it = std::find(tracked.begin(), tracked.end(), k);
    if (it != tracked.end()) {
      const auto q = static_cast<std::size_t>(it - tracked.begin());
      const std::uint64_t* h = hist.data() + q * uncertainty_histogram_bins;
      o.p5 = quantile_of(h, bins[k], n, 0.05);
      o.p50 = quantile_of(h, bins[k], n, 0.50);
      o.p95 = quantile_of(h, bins[k], n, 0.95);
      double total = 0;
      for (std::uint64_t blk = 0; blk < blocks; ++blk) total += block_sums[blk * nt + q];
      o.mean = total / static_cast<double>(n);
    }
    res.outputs.push_back(std::move(o));
  }

  // One-at-a-time swings from each input's p5 to its p95, the rest at their modes.
  const bool by_emissions = known[total_emissions];
  res.sensitivity_metric = output_defs[by_emissions ? total_emissions : facility_energy].name;
  for (const auto& s : samplers) {
    const auto& d = inputs[s.index].dist;
    sensitivity_entry e;
    e.input = inputs[s.index].input;
    e.input_p5 = d.quantile(0.05);
    e.input_p95 = d.quantile(0.95);
    double v5[output_count], v95[output_count];
    for (int end = 0; end < 2; ++end) {
      work.reset(inputs);
      work.set(s.index, end == 0 ? e.input_p5 : e.input_p95);
      work.follow();
      flatten(evaluate(work.m), end == 0 ? v5 : v95);
    }
    if (by_emissions) {
      e.emissions_at_p5 = v5[total_emissions];
      e.emissions_at_p95 = v95[total_emissions];
    }
    e.energy_at_p5 = v5[facility_energy];
    e.energy_at_p95 = v95[facility_energy];
    const std::size_t k = by_emissions ? total_emissions : facility_energy;
    e.swing = std::abs(v95[k] - v5[k]);
    res.sensitivity.push_back(e);
  }
  std::stable_sort(res.sensitivity.begin(), res.sensitivity.end(),
                   [](const sensitivity_entry& a, const sensitivity_entry& b) { return a.swing > b.swing; });
  return res;
}

estimate make_estimate(const scenario& s, const catalog& cat, const uncertainty_options& options) {
  validate(options);
  const resolved_scenario r = resolve(s, cat);
  const auto inputs = input_distributions(s, r, cat);
  estimate e = make_estimate(s, cat);
  e.uncertainty = propagate(r.inputs, inputs, options);
  return e;
}

}  // namespace trainprint::inline v0
