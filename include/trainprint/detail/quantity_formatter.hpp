#pragma once
/// \file detail/quantity_formatter.hpp
/// The machinery behind format.hpp's fmt formatters for the quantity types. Not
/// part of the stable API: include format.hpp and use `{}` on a quantity.

#include <fmt/format.h>

#include <utility>

#include "../quantities.hpp"

namespace trainprint::inline v0::detail {
/// The number and unit a quantity prints in: its base unit.
constexpr auto base_unit(energy e) { return std::pair{e.in_kwh(), "kWh"}; }
constexpr auto base_unit(power p) { return std::pair{p.in_watts(), "W"}; }
constexpr auto base_unit(emissions m) { return std::pair{m.in_kg_co2e(), "kg CO2e"}; }
constexpr auto base_unit(carbon_intensity c) { return std::pair{c.in_g_per_kwh(), "g CO2e/kWh"}; }
constexpr auto base_unit(water_volume w) { return std::pair{w.in_litres(), "L"}; }
constexpr auto base_unit(water_intensity w) { return std::pair{w.in_l_per_kwh(), "L/kWh"}; }

/// fmt formatter of a quantity: the number formatted as a double, then the unit.
template <class Q>
struct quantity_formatter : fmt::formatter<double> {
  auto format(Q q, fmt::format_context& ctx) const -> decltype(ctx.out()) {
    const auto [value, unit] = base_unit(q);
    auto out = fmt::formatter<double>::format(value, ctx);
    return fmt::format_to(out, " {}", unit);
  }
};
}  // namespace trainprint::inline v0::detail
