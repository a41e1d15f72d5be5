#pragma once
/// \file report.hpp
/// A sustainability report: one scenario compared across the values of one input
/// (regions, providers, hardware, ...) as a document people can read, print and
/// cite: a summary, the scenario and where each input came from, the ranked
/// table (with 90% intervals under uncertainty), inline SVG charts, everyday
/// equivalents, the emissions in GHG Protocol scopes (ghg.hpp), the limitations
/// (low-confidence inputs marked where they are used), the method in brief and every
/// source, with the catalog and trainprint versions and who prepared it. HTML is one self-contained file (no scripts, no network);
/// Markdown carries the same content with the charts as SVG files or data URIs.
///
/// Example: examples/report.cpp (built and run by the tests).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog.hpp"
#include "compare.hpp"
#include "output_format.hpp"
#include "scenario.hpp"
#include "uncertainty.hpp"

namespace trainprint::inline v0 {

struct inventory;  // inventory.hpp

/// What a report contains and how it is written.
struct report_options {
  std::string title;  ///< "" gives "Training footprint by <key>"
  /// output_format::html or output_format::md; render_report() and make_report()
  /// throw input_error for another format.
  output_format format = output_format::html;
  /// Monte Carlo for every option: 90% intervals in the table and whiskers on the chart.
  std::optional<uncertainty_options> uncertainty;
  trainprint::rank_by rank_by = rank_by::emissions;
  /// Markdown only: the charts are files named `<svg_prefix>-<chart>.svg` written
  /// beside the document and linked relatively; "" embeds them as data URIs.
  std::string svg_prefix;
  /// Who prepared the report, for whom and when; each printed under the title when
  /// not "". `date` is printed as given (e.g. "2026-11-29").
  std::string author, organisation, date;
  /// Everyday equivalents for readers in "us" or "eu" (pick_equivalents in
  /// catalog.hpp); "" gives the catalog's first of each kind.
  std::string equivalents;
  /// Where the full methodology is; the report links to it.
  std::string methodology_url = "https://github.com/trainprint/trainprint/blob/main/docs/methodology.md";
};

/// A file that belongs beside a report (a Markdown report's chart).
struct report_file {
  std::string name;     ///< file name, no directory: "report-emissions.svg"
  std::string content;
};

/// A report: the document and the files it links to.
struct report {
  std::string text;
  std::vector<report_file> files;  ///< empty for HTML and for Markdown with data URIs
};

/// Compares `base` across `values` of input `key` (as compare() does, with
/// uncertainty when `o.uncertainty` is set) and writes the report. Throws the
/// errors of compare() and input_error for bad uncertainty options.
report make_report(const scenario& base, std::string_view key, const std::vector<std::string>& values,
                   const catalog& cat = catalog::embedded(), const report_options& o = {});

/// An inventory (inventory.hpp) as a report: its runs in file order, the totals by
/// kind of run, the development share and the scope table, with the same inputs,
/// limitations, equivalents and sources as a comparison's report.
report render_inventory_report(const inventory& inv, const catalog& cat, const report_options& o = {});

/// The report of an existing comparison; rows whose estimates carry uncertainty
/// get intervals (`o.uncertainty` is not used here).
report render_report(const comparison& c, const catalog& cat, const report_options& o = {});

}  // namespace trainprint::inline v0
