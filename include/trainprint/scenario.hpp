#pragma once
/// \file scenario.hpp
/// A training scenario: everything a person may know before or after a run
/// (docs/inputs.md). Every field is optional; the estimator fills what is missing
/// from the catalog or from named defaults, and says which in the trace.

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "quantities.hpp"

namespace trainprint::inline v0 {

/// Numeric precision of the training math; selects the accelerator's dense peak.
enum class precision { fp32, tf32, bf16, fp16, fp8 };
/// Number of precisions (for tables indexed by precision).
inline constexpr std::size_t precision_count = 5;
/// All precisions, in enum order.
inline constexpr std::array<precision, precision_count> all_precisions{
    precision::fp32, precision::tf32, precision::bf16, precision::fp16, precision::fp8};

/// What the energy covers: the accelerators alone (GPU-hours × power, as many
/// model cards report), or whole servers (accelerators plus host CPUs, memory,
/// network and fans).
enum class boundary { accelerators, servers };

/// Who owns the hardware a run used, for greenhouse-gas accounting (ghg.hpp): the
/// reporter's own data centre or server room (electricity in Scope 2, hardware in
/// Scope 3 category 2), or a cloud or HPC service bought from someone else
/// (everything in Scope 3 category 1).
enum class ownership { owned, cloud };

/// What a measured energy covers: the accelerators alone (nvidia-smi, NVML, DCGM),
/// whole servers (node meters, IPMI, CodeCarbon's CPU + GPU + RAM), or the facility
/// (servers with cooling and power delivery, as a utility meter sees them).
enum class energy_boundary { accelerators, servers, facility };

/// The names of each enum's values, in enum order: what to_string() writes, what the
/// parse_* functions and the inputs table (inputs.hpp, input_kind::choice) read.
inline constexpr std::array<std::string_view, precision_count> precision_names{"fp32", "tf32", "bf16", "fp16", "fp8"};
inline constexpr std::array<std::string_view, 2> boundary_names{"accelerators", "servers"};
inline constexpr std::array<std::string_view, 2> ownership_names{"owned", "cloud"};
inline constexpr std::array<std::string_view, 3> energy_boundary_names{"accelerators", "servers", "facility"};

namespace detail {
/// Value `k` of enum E named in `names` (E's values in order), or nullopt when `s` is none of them.
template <class E, std::size_t N>
constexpr std::optional<E> enum_named(const std::array<std::string_view, N>& names, std::string_view s) {
  for (std::size_t k = 0; k < N; ++k)
    if (names[k] == s) return static_cast<E>(k);
  return std::nullopt;
}
}  // namespace detail

/// The name of a precision: "fp32", "tf32", "bf16", "fp16", "fp8".
constexpr std::string_view to_string(precision p) { return precision_names[static_cast<std::size_t>(p)]; }
/// The name of a boundary: "accelerators" or "servers".
constexpr std::string_view to_string(boundary b) { return boundary_names[static_cast<std::size_t>(b)]; }
/// An accounting convention: the boundary and power a published figure uses, so an
/// estimate can be compared with runs reported the same way (docs/publishing.md).
/// - `servers`: accelerators plus host, each at its modelled average power, plus
///   embodied emissions (trainprint's default; boundary servers).
/// - `accelerators`: the accelerators alone at their modelled average power, plus
///   embodied emissions (boundary accelerators).
/// - `model_card`: accelerator-hours × TDP × PUE × grid intensity, operational only
///   (the ML CO2 Impact calculator's and Hugging Face model cards' convention:
///   boundary accelerators, power fraction 1, no embodied emissions).
enum class convention { servers, accelerators, model_card };

/// Every convention, in enum order.
inline constexpr std::array<convention, 3> all_conventions{convention::servers, convention::accelerators,
                                                           convention::model_card};

/// The names of the conventions, in enum order.
inline constexpr std::array<std::string_view, 3> convention_names{"servers", "accelerators", "model-card"};
/// The name of a convention: "servers", "accelerators" or "model-card".
constexpr std::string_view to_string(convention c) { return convention_names[static_cast<std::size_t>(c)]; }
/// Parses a convention name ("model-card"; "model_card" is accepted too); nullopt when unknown.
constexpr std::optional<convention> parse_convention(std::string_view s) {
  if (s == "model_card") return convention::model_card;
  return detail::enum_named<convention>(convention_names, s);
}
/// The boundary a convention measures.
constexpr boundary boundary_of(convention c) {
  return c == convention::servers ? boundary::servers : boundary::accelerators;
}

/// The name of an ownership: "owned" or "cloud".
constexpr std::string_view to_string(ownership o) { return ownership_names[static_cast<std::size_t>(o)]; }
/// Parses an ownership name; nullopt when unknown.
constexpr std::optional<ownership> parse_ownership(std::string_view s) {
  return detail::enum_named<ownership>(ownership_names, s);
}
/// The name of an energy boundary: "accelerators", "servers" or "facility".
constexpr std::string_view to_string(energy_boundary b) {
  return energy_boundary_names[static_cast<std::size_t>(b)];
}
/// Parses an energy boundary name; nullopt when unknown.
constexpr std::optional<energy_boundary> parse_energy_boundary(std::string_view s) {
  return detail::enum_named<energy_boundary>(energy_boundary_names, s);
}
/// Parses a precision name (exact, lower case); nullopt when unknown.
constexpr std::optional<precision> parse_precision(std::string_view s) {
  return detail::enum_named<precision>(precision_names, s);
}
/// Parses a boundary name; nullopt when unknown.
constexpr std::optional<boundary> parse_boundary(std::string_view s) {
  return detail::enum_named<boundary>(boundary_names, s);
}

/// The site kinds (the values of scenario::site_kind), in the order of defaults.hpp's
/// site_profiles (which checks that its ids are these).
inline constexpr std::array<std::string_view, 5> site_kind_names{"data-centre", "server-room", "workstation", "desktop",
                                                                 "laptop"};

/// An electricity mix: shares by energy-source id (see energy_sources.json),
/// summing to 1 within ±0.001.
struct energy_mix {
  std::vector<std::pair<std::string, double>> shares;
  friend bool operator==(const energy_mix&, const energy_mix&) = default;
};

/// A person's range for an uncertain input: `0.35:0.45` (mode at the mid-point) or
/// `0.35:0.4:0.45`, drawn as triangular(low, mode, high) by uncertainty analysis
/// (docs/uncertainty.md). The scenario field itself holds the mode.
struct range {
  double low = 0, mode = 0, high = 0;
  friend bool operator==(const range&, const range&) = default;
};

/// The inputs of one estimate. Field names match the scenario JSON and, in
/// kebab-case, the CLI flags.
struct scenario {
  // --- workload: exactly one of (flops | params+tokens), gpu_hours, duration ---
  std::optional<double> params;         ///< total parameters
  std::optional<double> active_params;  ///< parameters active per token (MoE); defaults to params
  /// Parameters a parameter-efficient fine-tune trains (LoRA adapters, ...); the
  /// frozen rest gets no weight gradients: FLOPs = (4·N + 2·trainable)·D.
  std::optional<double> trainable_params;
  std::optional<double> tokens;         ///< training tokens
  std::optional<double> flops;          ///< total training FLOPs
  /// A model-size word, small|medium|large|very-large (plain.hpp): a band of
  /// parameters, with tokens from the compute-optimal rule when not given.
  std::optional<std::string> size;
  bool recompute = false;               ///< full activation recomputation: 8·N·D instead of 6·N·D
  std::optional<double> layers;         ///< with d_model and seq_len: adds the attention term
  std::optional<double> d_model;
  std::optional<double> seq_len;
  std::optional<double> gpu_hours;      ///< accelerator-hours
  std::optional<hours> duration_h;        ///< wall-clock duration (needs count)

  // --- hardware ---
  std::optional<std::string> hardware;  ///< accelerator id or alias
  std::optional<std::int64_t> count;    ///< number of accelerators
  std::optional<trainprint::precision> precision;
  std::optional<double> mfu;            ///< model-FLOPs utilisation, 0 < mfu <= 1
  std::optional<double> power_fraction; ///< average draw as a fraction of TDP
  std::optional<power> power_w;  ///< average power per accelerator (overrides TDP × fraction)
  std::optional<trainprint::boundary> boundary;
  /// An accounting convention (sets boundary, and for model_card the power and embodied
  /// emissions); an input that contradicts it is an input_error.
  std::optional<trainprint::convention> convention;
  std::optional<power> host_power_w;      ///< host power per accelerator

  // --- site ---
  std::optional<std::string> region;    ///< region id or alias
  std::optional<std::string> provider;  ///< provider id or alias
  /// data-centre | server-room | workstation | desktop | laptop (defaults.hpp site_profiles);
  /// unset: a cloud region or provider means a data centre, else the hardware's segment decides
  std::optional<std::string> site_kind;
  std::optional<double> pue;
  std::optional<water_intensity> wue;   ///< on-site water per IT kWh
  std::optional<carbon_intensity> intensity;  ///< grid carbon intensity
  std::optional<energy_mix> mix;        ///< electricity mix (for intensity and EWIF)
  std::optional<water_intensity> ewif;  ///< off-site water per facility kWh
  std::optional<double> cfe;            ///< carbon-free-energy share for market-based emissions
  /// Owned hardware or a bought service; default: cloud when the provider is a cloud
  /// or HPC service, else owned (ghg.hpp).
  std::optional<trainprint::ownership> ownership;
  /// An electricity word, renewable|fossil|mixed|unknown (plain.hpp): an equal-share
  /// mix of IPCC AR5 sources, or the world average.
  std::optional<std::string> energy;

  // --- embodied and money ---
  std::optional<bool> embodied;         ///< include embodied emissions (default true)
  std::optional<double> lifetime_years; ///< service life for amortising embodied emissions
  std::optional<double> price_usd_per_kwh;
  std::optional<double> hourly_price_usd;  ///< price per accelerator-hour

  // --- measured ---
  /// Measured energy of the run (replaces the modelled energy at its boundary; the
  /// site model applies on top: docs/methodology.md §7).
  std::optional<trainprint::energy> energy_kwh;
  /// What energy_kwh covers (required with it).
  std::optional<trainprint::energy_boundary> energy_boundary;

  // --- uncertainty ---
  /// Ranges by input name (one of rangeable_inputs); each field above holds its
  /// range's mode. Set both with set_range(). Inputs without a range are fixed.
  std::map<std::string, range, std::less<>> ranges;

  friend bool operator==(const scenario&, const scenario&) = default;

  /// True if any workload input (flops, size, params, tokens, gpu_hours, duration) is set.
  [[nodiscard]] bool has_workload() const {
    return flops || size || params || active_params || trainable_params || tokens || gpu_hours || duration_h;
  }

  /// True if any input that says where the run is (region, provider, site_kind) or what
  /// its grid is (intensity, mix, energy) is set: such an input replaces an earlier
  /// source's site inputs as a whole (merge(), docs/inputs.md "Which input wins").
  [[nodiscard]] bool has_site() const { return region || provider || site_kind || intensity || mix || energy; }
};

}  // namespace trainprint::inline v0

// The table of inputs, the range setter and merge() (they need the full scenario).
#include "inputs.hpp"  // IWYU pragma: export
