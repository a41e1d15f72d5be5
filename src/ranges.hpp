#pragma once
// How resolve() records the distribution of each uncertain input where it chooses
// the value (typed provenance for uncertainty.hpp, docs/uncertainty.md). Private.

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "trainprint/catalog.hpp"
#include "trainprint/defaults.hpp"
#include "trainprint/scenario.hpp"
#include "trainprint/uncertainty.hpp"

namespace trainprint::inline v0::detail {

/// The documented spread of a catalog value with no published range: ×÷ factor by
/// its confidence mark (docs/uncertainty.md).
struct spread {
  double factor;
  std::string mark;
};
inline spread spread_of(const provenance& p) {
  if (p.confidence == "high") return {1.1, "high"};
  if (p.confidence == "medium") return {1.25, "medium"};
  if (p.confidence == "low") return {1.5, "low"};
  return {1.5, "none (taken as low)"};
}
inline std::string spread_basis(const spread& s) {
  return fmt::format("catalog value, confidence {}: ×÷{:g} (no published range)", s.mark, s.factor);
}
inline triangular around(double v, double lo, double hi) { return {std::min(lo, v), v, std::max(hi, v)}; }

/// Σ share × (min, max) of the mix's lifecycle intensity (IPCC AR5) or water.
struct mix_bounds {
  double low = 0, high = 0;
  std::string source;
};
inline mix_bounds intensity_bounds(const energy_mix& mix, const catalog& cat) {
  mix_bounds b;
  for (const auto& [id, share] : mix.shares) {
    const auto& src = cat.find_energy_source(id);
    b.low += share * std::min(src.lifecycle_min, src.lifecycle_median);
    b.high += share * std::max(src.lifecycle_max, src.lifecycle_median);
    if (b.source.empty()) b.source = src.lifecycle_prov.citation();
  }
  return b;
}
inline mix_bounds water_bounds(const energy_mix& mix, const catalog& cat) {
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

/// Records the distribution of each uncertain input where resolve() chooses its
/// value (typed provenance for uncertainty.hpp); records nothing on the lean path.
struct ranger {
  const scenario& s;
  std::vector<input_distribution>* out = nullptr;
  void add(uncertain_input i, const char* unit, triangular d, std::string basis, std::string source = {}) {
    if (out) out->push_back({i, unit, d, std::move(basis), std::move(source)});
  }
  /// A user's value: their range (scenario units are the model's), or fixed.
  void user(uncertain_input i, std::string_view key, double v, const char* unit) {
    if (!out) return;
    if (auto it = s.ranges.find(key); it != s.ranges.end())
      add(i, unit, around(v, it->second.low, it->second.high), "user range");
    else
      add(i, unit, {v, v, v}, "fixed (user value)");
  }
  void fallback(uncertain_input i, const char* unit, double v, const defaults::sourced& d, double scale = 1) {
    if (out) add(i, unit, around(v, d.low * scale, d.high * scale), "default range", std::string(d.source));
  }
  void from_catalog(uncertain_input i, const char* unit, double v, const provenance& p) {
    if (!out) return;
    const spread sp = spread_of(p);
    add(i, unit, {v / sp.factor, v, v * sp.factor}, spread_basis(sp), p.citation());
  }
  void bounds(uncertain_input i, const char* unit, double v, const mix_bounds& b, std::string basis) {
    if (out) add(i, unit, around(v, b.low, b.high), std::move(basis), b.source);
  }
};

}  // namespace trainprint::inline v0::detail
