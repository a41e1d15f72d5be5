#pragma once
/// \file detail/model.hpp
/// The footprint formula of docs/methodology.md §1–3, written once. `compute<V>` runs on one
/// scenario (V = double: evaluate() in estimator.hpp) and on a block of Monte
/// Carlo samples (V = detail::block: uncertainty.cpp); both take the same IEEE
/// operations in the same order, so a sample equals evaluate() of its inputs bit
/// for bit (the library is built with -ffp-contract=off). Not part of the stable
/// API: use evaluate() and make_estimate().

#include <algorithm>
#include <array>
#include <cstddef>

#include "../outputs.hpp"

namespace trainprint::inline v0 {

/// The inputs of the formula that may vary: a user's range, a default's range or
/// a catalog value's spread (uncertainty.hpp), and what a sweep patches.
enum class uncertain_input : unsigned char {
  accelerator_hours,        ///< given accelerator-hours (gpu_hours)
  duration_h,               ///< given wall-clock duration
  mfu,                      ///< whole-run MFU against the reference (dense bf16) peak
  precision_speedup,        ///< throughput at the training precision over the reference (fp8: ~1.27)
  power_fraction,           ///< of TDP; the host's utilisation follows it
  accelerator_power_w,      ///< given average power; the host's utilisation follows it
  host_max_w,
  host_power_w,             ///< given host power per accelerator
  pue,
  wue_l_per_kwh,
  intensity_g_per_kwh,
  cfe,
  ewif_l_per_kwh,
  embodied_accelerator_kg,
  embodied_host_kg,
  lifetime_years,
  price_usd_per_kwh,
  hourly_price_usd,
  flops,                    ///< training FLOPs (a range when a model-size word gives the workload)
};
/// Number of uncertain_input values.
inline constexpr std::size_t uncertain_input_count = 19;

namespace detail {

/// The formula's variable inputs: the uncertain inputs in enum order, then the
/// host's utilisation (which may follow the accelerator's draw, see host_link).
inline constexpr std::size_t slot_count = uncertain_input_count + 1;
inline constexpr std::size_t host_utilisation_slot = uncertain_input_count;
constexpr std::size_t slot(uncertain_input i) noexcept { return static_cast<std::size_t>(i); }

/// How the host's utilisation is set (resolve() records which rule it used).
enum class host_link : unsigned char {
  none,      ///< a value of its own (slot host_utilisation_slot)
  fraction,  ///< = power_fraction
  power,     ///< = min(1, accelerator_power_w / tdp_w)
  /// = power_fraction in the model; beside a measured energy, min(1, P / tdp_w) for the
  /// accelerators' power P that the energy implies (host_power_at, accelerator_part).
  implied,
};

/// Where a measured energy replaces the modelled one (docs/methodology.md §7).
enum class measured_at : unsigned char { none, accelerators, servers, facility };

/// Which branch of the formula applies: the workload path and which inputs are
/// known. Fixed for a scenario; the numbers that vary are in the slots.
struct model_shape {
  enum class workload : unsigned char { flops, accelerator_hours, duration };
  workload path = workload::flops;
  double flops = 0;            ///< FLOPs (flops path; on a time path when the workload is known too)
  double peak_flop_per_s = 0;  ///< the reference peak (dense bf16)
  bool has_count = false;
  double count = 0;
  double tdp_w = 0;
  bool servers = true;
  bool given_accelerator_power = false, given_host_power = false;
  /// The accelerator's power follows its MFU: power fraction = idle + (typical − idle)
  /// × MFU / mfu_reference, within [idle, 1] (slot power_fraction holds the typical
  /// fraction). On a time path with a known workload the MFU is the run's implied one.
  bool power_follows_mfu = false;
  double mfu_reference = 0, idle_fraction = 0;
  host_link link = host_link::none;
  bool has_intensity = false, has_cfe = false, has_wue = false, has_ewif = false;
  bool embodied = true, has_embodied_accelerator = false;
  bool has_price = false, has_hourly_price = false;
  measured_at measured = measured_at::none;
  double measured_kwh = 0;  ///< the measured energy at `measured`'s boundary
};

template <class V>
using model_slots = std::array<V, slot_count>;

/// The outputs, in output_table order, and which are known.
template <class V>
struct model_results {
  std::array<V, output_count> value{};
  std::array<bool, output_count> known{};
  constexpr V& operator[](output o) noexcept { return value[index_of(o)]; }
  constexpr const V& operator[](output o) const noexcept { return value[index_of(o)]; }
};

inline constexpr double hours_per_year = 8760.0;

/// min(1, x) on a double; block has its own.
constexpr double min1(double x) noexcept { return std::min(1.0, x); }
/// a / b, or 1 where b is not positive; block has its own.
constexpr double ratio_or_one(double a, double b) noexcept { return b > 0 ? a / b : 1.0; }
/// x within [floor, 1]; block has its own.
constexpr double clamp_fraction(double x, double floor) noexcept { return std::min(1.0, std::max(floor, x)); }

/// The larger of a and b; block has its own.
constexpr double max_of(double a, double b) noexcept { return std::max(a, b); }

/// The host's power per accelerator beside an accelerator drawing `acc_w`: its maximum ×
/// min(1, acc_w / tdp_w) (docs/methodology.md §1.2). The one rule for a given power
/// (host_link::power) and for the power a measured energy implies (host_link::implied).
template <class V>
constexpr V host_power_at(const V& acc_w, const V& host_max_w, double tdp_w) {
  return host_max_w * min1(acc_w / tdp_w);
}
/// The accelerator's part of an IT power `it_w` per accelerator whose host follows
/// host_power_at: the P with P + host_power_at(P) = it_w, i.e. it_w × tdp / (tdp + host
/// max) up to the TDP and it_w − host max above it (§7.2). E.g. H100 in a DGX H100 (TDP
/// 700 W, host max 575 W): 637.5 W of IT power is 350 W + 287.5 W; 1,375 W is 800 W + 575 W.
template <class V>
constexpr V accelerator_part(const V& it_w, const V& host_max_w, double tdp_w) {
  return max_of(it_w * tdp_w / (tdp_w + host_max_w), it_w - host_max_w);
}

/// The formula (docs/methodology.md §1–3). V is double, detail::block, or the Monte Carlo's
/// lazy block (src/sample_block.hpp): whatever V's operators return is stored in a V.
template <class V>
constexpr void compute(const model_shape& s, const model_slots<V>& in, model_results<V>& out) {
  using enum uncertain_input;
  using wl = model_shape::workload;
  auto at = [&](uncertain_input i) -> const V& { return in[slot(i)]; };
  // Assigned in place: a block type may evaluate a lazy expression into the output's storage.
  auto set = [&](output o, const auto& v) {
    out[o] = v;
    out.known[index_of(o)] = true;
  };
  // §1.1 compute: AH = C / (peak · MFU) / 3600, or given, or T · count.
  if (s.path == wl::flops) {
    set(output::flops, at(flops));
    set(output::accelerator_hours, at(flops) / (s.peak_flop_per_s * at(precision_speedup) * at(mfu)) / 3600.0);
  } else if (s.path == wl::accelerator_hours) {
    set(output::accelerator_hours, at(accelerator_hours));
  } else {
    set(output::accelerator_hours, at(duration_h) * s.count);
  }
  if (s.path != wl::flops && s.flops > 0) set(output::flops, at(flops));  // a time path with the workload known
  const V& ah = out[output::accelerator_hours];
  if (s.path == wl::duration)
    set(output::wall_hours, at(duration_h));
  else if (s.has_count)
    set(output::wall_hours, ah / s.count);
  // §1.2 power and energy: the power fraction follows the MFU where resolve() tied them.
  auto follow = [&](const auto& run_mfu) {
    return clamp_fraction(s.idle_fraction + (at(power_fraction) - s.idle_fraction) * (run_mfu / s.mfu_reference),
                          s.idle_fraction);
  };
  const V fraction = [&]() -> V {
    if (!s.power_follows_mfu) return at(power_fraction);
    if (s.path == wl::flops) return follow(at(mfu));
    return follow(at(flops) / (s.peak_flop_per_s * at(precision_speedup)) / 3600.0 / ah);  // the run's implied MFU
  }();
  if (s.given_accelerator_power)
    set(output::accelerator_power, at(accelerator_power_w));
  else
    set(output::accelerator_power, s.tdp_w * fraction);
  if (!s.servers) {
    set(output::host_power, V(0.0));
  } else if (s.given_host_power) {
    set(output::host_power, at(host_power_w));
  } else if (s.link == host_link::fraction || s.link == host_link::implied) {
    set(output::host_power, at(host_max_w) * fraction);
  } else if (s.link == host_link::power) {
    set(output::host_power, host_power_at(at(accelerator_power_w), at(host_max_w), s.tdp_w));
  } else {
    set(output::host_power, at(host_max_w) * in[host_utilisation_slot]);
  }
  set(output::energy_accelerators, ah * out[output::accelerator_power] / 1000.0);
  set(output::energy_host, ah * out[output::host_power] / 1000.0);
  if (s.measured == measured_at::accelerators) {
    // The measured accelerators' energy; the host's is added from the model, following
    // the accelerators' measured power where nothing given sets it (host_link::implied).
    out[output::energy_accelerators] = V(s.measured_kwh);
    if (s.link == host_link::implied)
      out[output::energy_host] = ah * host_power_at<V>(V(s.measured_kwh) * 1000.0 / ah, at(host_max_w), s.tdp_w) / 1000.0;
  } else if (s.measured != measured_at::none) {
    // The measured IT energy (facility: less its overhead), split by the same rule (the
    // host follows the accelerators' implied power), or as a given power splits it.
    const V it = s.measured == measured_at::facility ? s.measured_kwh / at(pue) : V(s.measured_kwh);
    if (s.link == host_link::implied) {
      out[output::energy_accelerators] = ah * accelerator_part<V>(it * 1000.0 / ah, at(host_max_w), s.tdp_w) / 1000.0;
    } else {
      const V share = ratio_or_one(out[output::energy_accelerators],
                                   out[output::energy_accelerators] + out[output::energy_host]);
      out[output::energy_accelerators] = it * share;
    }
    out[output::energy_host] = it - out[output::energy_accelerators];
  }
  if (s.measured != measured_at::none) {  // the average powers the measured energy implies
    out[output::accelerator_power] = out[output::energy_accelerators] * 1000.0 / ah;
    out[output::host_power] = out[output::energy_host] * 1000.0 / ah;
  }
  set(output::energy_it, out[output::energy_accelerators] + out[output::energy_host]);
  if (s.measured == measured_at::facility)
    set(output::energy_facility, V(s.measured_kwh));
  else
    set(output::energy_facility, out[output::energy_it] * at(pue));
  const V& facility = out[output::energy_facility];
  // §1.3 carbon (kg CO2e).
  if (s.has_intensity) {
    set(output::emissions_location, facility * at(intensity_g_per_kwh) / 1000.0);
    if (s.has_cfe) set(output::emissions_market, out[output::emissions_location] * (1.0 - at(cfe)));
  }
  // Embodied left out (embodied=false, convention model-card) is not a known 0: it stays
  // unknown (JSON null, "left out" in print), and the total is the operational part.
  if (s.embodied && s.has_embodied_accelerator)
    // count · EMB · T / lifetime = AH · EMB / lifetime_hours, since count · T = AH.
    set(output::emissions_embodied, ah * (at(embodied_accelerator_kg) + at(embodied_host_kg)) /
                                        (at(lifetime_years) * hours_per_year));
  if (out.known[index_of(output::emissions_location)] && !s.embodied)
    set(output::emissions_total, out[output::emissions_location]);
  else if (out.known[index_of(output::emissions_location)] && out.known[index_of(output::emissions_embodied)])
    set(output::emissions_total, out[output::emissions_location] + out[output::emissions_embodied]);
  // §1.4 water: on-site on IT energy, off-site on facility energy.
  if (s.has_wue) set(output::water_onsite, out[output::energy_it] * at(wue_l_per_kwh));
  if (s.has_ewif) set(output::water_offsite, facility * at(ewif_l_per_kwh));
  if (s.has_wue && s.has_ewif) set(output::water_total, out[output::water_onsite] + out[output::water_offsite]);
  // §1.5 money.
  if (s.has_price) set(output::cost_electricity, facility * at(price_usd_per_kwh));
  if (s.has_hourly_price) set(output::cost_compute, ah * at(hourly_price_usd));
}

/// A block of Monte Carlo samples of one number: element-wise arithmetic, so that
/// compute<block> is compute<double> on each sample.
struct block {
  static constexpr std::size_t size = 1024;
  alignas(64) double x[size];
  block() = default;
  explicit block(double v) { std::fill(x, x + size, v); }

  template <class F>
  static block map(F f, const block& a, const block& b) {
    block r;
    for (std::size_t i = 0; i < size; ++i) r.x[i] = f(a.x[i], b.x[i]);
    return r;
  }
  template <class F>
  static block map(F f, const block& a, double b) {
    block r;
    for (std::size_t i = 0; i < size; ++i) r.x[i] = f(a.x[i], b);
    return r;
  }
  template <class F>
  static block map(F f, double a, const block& b) {
    block r;
    for (std::size_t i = 0; i < size; ++i) r.x[i] = f(a, b.x[i]);
    return r;
  }
};
#define TRAINPRINT_BLOCK_OP(op)                                                                               \
  inline block operator op(const block& a, const block& b) {                                                 \
    return block::map([](double p, double q) { return p op q; }, a, b);                                      \
  }                                                                                                          \
  inline block operator op(const block& a, double b) {                                                       \
    return block::map([](double p, double q) { return p op q; }, a, b);                                      \
  }                                                                                                          \
  inline block operator op(double a, const block& b) {                                                       \
    return block::map([](double p, double q) { return p op q; }, a, b);                                      \
  }
TRAINPRINT_BLOCK_OP(+)
TRAINPRINT_BLOCK_OP(-)
TRAINPRINT_BLOCK_OP(*)
TRAINPRINT_BLOCK_OP(/)
#undef TRAINPRINT_BLOCK_OP
inline block min1(const block& a) {
  return block::map([](double p, double q) { return std::min(q, p); }, a, 1.0);
}
inline block ratio_or_one(const block& a, const block& b) {
  return block::map([](double p, double q) { return q > 0 ? p / q : 1.0; }, a, b);
}
inline block max_of(const block& a, const block& b) {
  return block::map([](double p, double q) { return std::max(p, q); }, a, b);
}
inline block clamp_fraction(const block& a, double floor) {
  return block::map([](double p, double q) { return std::min(1.0, std::max(q, p)); }, a, floor);
}

}  // namespace detail
}  // namespace trainprint::inline v0
