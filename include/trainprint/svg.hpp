#pragma once
/// \file svg.hpp
/// Accessible SVG bar charts for reports and `--format svg`: one horizontal bar
/// per option with its label and value in text, optional 90% whiskers, stacked
/// series told apart by lightness and hatching (readable in greyscale), and a
/// `<title>` and `<desc>` for screen readers. No scripts, fonts or links.
///
/// Example: examples/svg_chart.cpp (built and run by the tests).

#include <optional>
#include <string>
#include <vector>

namespace trainprint::inline v0 {

/// One bar: a label and its stacked values, in the chart's unit.
struct chart_bar {
  std::string label;                  ///< the option, e.g. "aws:eu-north-1"
  std::vector<std::optional<double>> values;  ///< one per series, stacked left to right; nullopt: unknown
  std::optional<double> low, high;    ///< a whisker over the bar's total (e.g. p5 and p95)
  std::string value_text;             ///< printed after the bar; "" prints the total (3 significant digits)
};

/// A horizontal bar chart. Bars are drawn in the given order, top to bottom.
struct bar_chart {
  std::string id = "chart";  ///< unique within a document: prefixes the SVG's own ids
  std::string title;         ///< the SVG's <title>, also drawn as its heading when `show_title`
  std::string description;   ///< the SVG's <desc>: what is drawn and every value, for screen readers
  std::string unit;          ///< the axis unit, e.g. "t CO2e"
  std::vector<std::string> series;  ///< one name per stacked value; more than one draws a legend
  std::vector<chart_bar> bars;
  bool show_title = false;   ///< draw the title above the chart (standalone files)
};

/// The chart as an SVG element (with xmlns, so it is also a valid .svg file).
/// Every drawn segment is a `<rect class="bar">` with a `<title>` naming its bar,
/// series and value; a bar with no known value draws the text "unknown" instead.
/// Throws input_error for an empty id or a bar whose value count differs from the
/// series count.
std::string render_svg(const bar_chart& c);

}  // namespace trainprint::inline v0
