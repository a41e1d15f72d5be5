#pragma once
/// \file format.hpp
/// fmt formatters for the quantity types, readable magnitudes, and the
/// human-readable rendering of an estimate. Opt-in: include it to use fmt.
///
/// \code
/// fmt::print("{}\n", trainprint::energy::kwh(1500));          // "1500 kWh"
/// fmt::print("{}\n", trainprint::readable(energy::kwh(1500))); // "1.50 MWh"
/// \endcode

#include <fmt/format.h>

#include <string>

#include "catalog.hpp"
#include "estimate.hpp"
#include "quantities.hpp"

namespace trainprint::inline v0 {

/// Energy with the unit chosen for its size: Wh, kWh, MWh, GWh, TWh.
std::string readable(energy e);
/// Emissions: g, kg, t, kt, Mt CO2e.
std::string readable(emissions m);
/// Water: L, m³ (and thousands of m³).
std::string readable(water_volume w);
/// Power: W, kW, MW.
std::string readable(power p);
/// A duration in hours as h, days or years.
std::string readable_hours(double h);
/// A plain number with 3 significant digits and k/M/B/T suffixes ("84.0T").
std::string readable_count(double v);

/// The estimate as a table for people: headline outputs with units, the boundary
/// and the region basis, everyday equivalents, notes; with `explain`, the trace.
std::string render_table(const estimate& e, const catalog& cat, bool explain = false);
/// The trace alone, one aligned line per entry.
std::string render_trace(const estimate& e);

}  // namespace trainprint::inline v0

/// `{}` prints the value in the quantity's base unit with the unit: "1500 kWh".
/// Format specs apply to the number: `{:.1f}` → "1500.0 kWh".
template <>
struct fmt::formatter<trainprint::energy> : fmt::formatter<double> {
  auto format(trainprint::energy e, format_context& ctx) const -> decltype(ctx.out()) {
    auto out = fmt::formatter<double>::format(e.in_kwh(), ctx);
    return fmt::format_to(out, " kWh");
  }
};
template <>
struct fmt::formatter<trainprint::power> : fmt::formatter<double> {
  auto format(trainprint::power p, format_context& ctx) const -> decltype(ctx.out()) {
    auto out = fmt::formatter<double>::format(p.in_watts(), ctx);
    return fmt::format_to(out, " W");
  }
};
template <>
struct fmt::formatter<trainprint::emissions> : fmt::formatter<double> {
  auto format(trainprint::emissions m, format_context& ctx) const -> decltype(ctx.out()) {
    auto out = fmt::formatter<double>::format(m.in_kg_co2e(), ctx);
    return fmt::format_to(out, " kg CO2e");
  }
};
template <>
struct fmt::formatter<trainprint::carbon_intensity> : fmt::formatter<double> {
  auto format(trainprint::carbon_intensity c, format_context& ctx) const -> decltype(ctx.out()) {
    auto out = fmt::formatter<double>::format(c.in_g_per_kwh(), ctx);
    return fmt::format_to(out, " g CO2e/kWh");
  }
};
template <>
struct fmt::formatter<trainprint::water_volume> : fmt::formatter<double> {
  auto format(trainprint::water_volume w, format_context& ctx) const -> decltype(ctx.out()) {
    auto out = fmt::formatter<double>::format(w.in_litres(), ctx);
    return fmt::format_to(out, " L");
  }
};
template <>
struct fmt::formatter<trainprint::water_intensity> : fmt::formatter<double> {
  auto format(trainprint::water_intensity w, format_context& ctx) const -> decltype(ctx.out()) {
    auto out = fmt::formatter<double>::format(w.in_l_per_kwh(), ctx);
    return fmt::format_to(out, " L/kWh");
  }
};
