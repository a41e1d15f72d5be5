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

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog.hpp"
#include "compare.hpp"
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
/// With uncertainty: the uncertain inputs (low, mode, high, basis) and the
/// sensitivity ranking as a tornado table; "" without.
std::string render_sensitivity(const estimate& e);
/// The trace alone, one aligned line per entry.
std::string render_trace(const estimate& e);
/// The estimate as a Markdown section: a heading, the basis, a table of the
/// headline outputs, the equivalents and notes; with `explain`, the trace.
std::string render_markdown(const estimate& e, const catalog& cat, bool explain = false);

/// A headline output for machine-readable rows (outputs.hpp): its flat name, a
/// snake_case name ending in its unit ("energy_facility_kwh"), and its value.
struct headline_column {
  std::string_view name;
  output id;
  /// The value in `e`, nullopt when unknown.
  [[nodiscard]] std::optional<double> get(const estimate& e) const { return e.value(id); }
};
/// The headline outputs of an estimate (output_table's headline rows), in the
/// order CSV and JSON-lines rows use.
const std::vector<headline_column>& headline_columns();

/// A CSV field, quoted when it holds a comma, quote or line break (RFC 4180).
std::string csv_field(std::string_view text);
/// A number for CSV and JSON lines: up to 10 significant digits; "" when unknown.
std::string csv_number(std::optional<double> v);
/// The estimate as CSV: a header row (units in the column names) and one row.
std::string render_csv(const estimate& e);

/// A comparison as a ranked table for people: best first, one column per headline
/// output with the unit in its header, the difference to the best, the grid basis
/// of each row and what choosing the best over the worst saves in everyday terms.
std::string render_comparison_table(const comparison& c, const catalog& cat);
/// The same as a Markdown table.
std::string render_comparison_markdown(const comparison& c, const catalog& cat);
/// The comparison as CSV: rank, the varied value, the headline outputs, the grid
/// intensity and the difference to the best in the ranked metric's unit.
std::string render_comparison_csv(const comparison& c);
/// Aligned text columns under a header row, each line indented by two spaces;
/// columns with `right_aligned[i]` true are right-aligned (numbers).
std::string render_columns(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
                           const std::vector<bool>& right_aligned);
/// The same as a Markdown table.
std::string render_markdown_table(const std::vector<std::string>& header,
                                  const std::vector<std::vector<std::string>>& rows,
                                  const std::vector<bool>& right_aligned);
/// The unit of a rank metric: "kwh", "kg_co2e", "l", "usd", "h".
std::string_view rank_unit(rank_by r);

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
