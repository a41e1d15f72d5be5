#pragma once
/// \file detail/charts.hpp
/// Chart and markup helpers the report, the SVG charts and the CLI's sweep chart
/// share. Not part of the stable API: use render_svg() (svg.hpp), render_report()
/// (report.hpp) and render() (format.hpp).

#include <string>
#include <string_view>
#include <vector>

#include "../compare.hpp"
#include "../svg.hpp"

namespace trainprint::inline v0 {

/// `text` with &, <, >, " and ' escaped, for XML and HTML text and attributes.
std::string xml_escape(std::string_view text);

/// 3 significant digits without an exponent for 0.01 <= |x| < 1e6 ("6.35", "469",
/// "1240"); the way charts and reports print numbers.
std::string chart_number(double x);

/// The charts of a comparison, in report order: total emissions per option (with
/// whiskers where the rows carry uncertainty), emissions by component (operational
/// location-based and embodied, stacked) and water (on-site and off-site, stacked).
std::vector<bar_chart> comparison_charts(const comparison& c);

}  // namespace trainprint::inline v0
