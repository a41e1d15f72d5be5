#pragma once
/// \file format.hpp
/// fmt formatters for the quantity types, readable magnitudes, and the one render
/// entry per subject (estimate, comparison, catalog table, catalog entry) taking
/// an output_format. Opt-in: include it to use fmt.
///
/// Example: examples/render.cpp (built and run by the tests).

#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog.hpp"
#include "compare.hpp"
#include "estimate.hpp"
#include "output_format.hpp"
#include "detail/quantity_formatter.hpp"
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

/// "1.23k years of electricity of an average US home": `amount` (in the equivalent's
/// base unit: kg CO2e, kWh or L) as a count of `q`, in words. A count that would
/// print as 0.00 moves to a smaller unit of time when the name starts with one
/// ("years of …" → "days of …" → "hours of …"); nullopt when it is still below 0.01
/// (or the amount is not above 0), so that no "0.00 years" is ever printed.
std::optional<std::string> equivalent_text(double amount, const equivalent& q);

/// An estimate in format `f`: table (for people: headline outputs with units,
/// the boundary and region basis, equivalents, notes), json (trainprint.estimate/1,
/// indented by 2), csv (a header row with units in the names, one row) or md (a
/// Markdown section). With `explain`, table and md add the trace (and the
/// sensitivity table when the estimate has uncertainty). Throws input_error for
/// another format. Example: examples/render.cpp.
std::string render(const estimate& e, output_format f, const catalog& cat = catalog::embedded(), bool explain = false);

/// A comparison in format `f`: table (ranked, best first, units in the headers,
/// difference to the best, grid basis, what the best saves), json
/// (trainprint.compare/1), csv, md or svg (the emissions chart). Throws
/// input_error for another format.
std::string render(const comparison& c, output_format f, const catalog& cat = catalog::embedded());

/// A catalog table (catalog_json.hpp's catalog_tables(): "hardware", "regions",
/// ...) whose id, name or an alias contains `filter` (case-insensitive; "": every
/// entry), in format `f`: table (aligned columns with units in the headers and a
/// count line), json (catalog_table_to_json(), indented by 2) or csv (units in the
/// column names). What `trainprint list` prints. Throws input_error for an unknown
/// table or another format.
std::string render_catalog_table(const catalog& cat, std::string_view table, output_format f,
                                 std::string_view filter = {});

/// One catalog entry by id or alias (any table) in format `f`: table (every value
/// on its own line with a [n] reference, then the numbered sources) or json
/// (catalog_entry_to_json(), indented by 2). What `trainprint show` prints. Throws
/// unknown_key_error for an unknown id and input_error for another format.
std::string render_catalog_entry(const catalog& cat, std::string_view id, output_format f);

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

}  // namespace trainprint::inline v0

/// `{}` prints the value in the quantity's base unit with the unit: "1500 kWh".
/// Format specs apply to the number: `{:.1f}` → "1500.0 kWh".
template <>
struct fmt::formatter<trainprint::energy> : trainprint::detail::quantity_formatter<trainprint::energy> {};
template <>
struct fmt::formatter<trainprint::power> : trainprint::detail::quantity_formatter<trainprint::power> {};
template <>
struct fmt::formatter<trainprint::emissions> : trainprint::detail::quantity_formatter<trainprint::emissions> {};
template <>
struct fmt::formatter<trainprint::carbon_intensity>
    : trainprint::detail::quantity_formatter<trainprint::carbon_intensity> {};
template <>
struct fmt::formatter<trainprint::water_volume> : trainprint::detail::quantity_formatter<trainprint::water_volume> {};
template <>
struct fmt::formatter<trainprint::water_intensity>
    : trainprint::detail::quantity_formatter<trainprint::water_intensity> {};
