#pragma once
// The report as a document (what it says), shared by report.cpp, which builds it
// from a comparison, and the two writers: report_html.cpp and report_markdown.cpp.

#include <fmt/format.h>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text.hpp"
#include "trainprint/detail/charts.hpp"
#include "trainprint/report.hpp"
#include "trainprint/svg.hpp"

namespace trainprint::inline v0::report_detail {

struct cell {
  std::string text, range;  // "6.35", "(4.06–9.96)" or ""
};

struct source_ref {
  std::string citation, title, year, url;
};

/// Splits "title (year), url" (the year and url optional) for a citation list.
source_ref parse_citation(const std::string& c);

/// Numbers sources by first use (src/report_sources.cpp).
struct source_list {
  std::string methodology_url;  ///< for defaults whose citation is trainprint's own methodology
  std::vector<source_ref> list;
  std::map<std::string, int, std::less<>> index;
  /// The number of `citation` in the list, added at the end if new; 0 for an empty one.
  int add(const std::string& citation);
};

struct input_row {
  std::string name, unit;
  std::vector<std::string> values;  // one per option (one for a shared input)
  std::vector<std::string> origins;
  std::vector<int> sources;  // 1-based source numbers; 0 = none
  std::string note;
  bool low = false;  // a low-confidence catalog value or default for some option
};

struct scope_row {  // one option's emissions in GHG Protocol scopes
  std::string ownership;
  std::vector<std::string> cells;  // one per line of ghg_accounting, "Scope 2: 7.31 t CO2e"
};

struct equivalent_col {
  std::string title;
  std::vector<std::string> cells;
  int source = 0;
  std::string per_unit;
};

struct document {
  std::string title, subtitle, summary, ranges;
  std::string key;
  std::vector<std::string> options;
  std::vector<input_row> shared, varying;
  std::vector<std::string> grid_basis;  // one per option
  std::string basis_note;
  std::vector<std::string> header_titles, header_units;
  std::vector<std::vector<cell>> rows;  // one per option, one cell per column
  std::vector<std::string> ranks;       // one per option: "1", "2", or "—" (not ranked); empty: file order
  bool ranked = true;                   // false: fewer than two options' ranked metric known (ranking_text())
  std::vector<std::string> outputs;     // per column
  std::vector<double> factors;          // per column
  std::vector<bar_chart> charts;
  std::vector<std::string> chart_ids;   // file suffixes
  std::vector<std::string> captions;
  std::vector<equivalent_col> equivalents;
  std::string saving;
  std::vector<std::string> notes;
  std::vector<std::string> sensitivity;
  std::vector<source_ref> sources;
  std::string catalog_version, catalog_date, boundary, methodology_url;
  std::string convention;  ///< the first row's reporting convention (scenario.hpp)
  std::vector<std::string> place_names;  // one per option: "France" for FR; "" when not a place
  std::string author, organisation, date;
  std::vector<std::string> scope_titles;  // the columns of the scope table
  std::vector<scope_row> scopes;          // one per option
  std::vector<std::string> scope_notes;
  std::vector<std::string> limitations;
  // An inventory's report: the runs in file order, with totals.
  bool inventory = false;
  std::vector<std::string> totals_header;
  std::vector<std::vector<std::string>> totals;
  std::vector<std::string> run_kinds;  // one per option
  std::string development;
  double lifetime_years = 5;
};

/// An http(s) address without spaces or brackets: safe to link.
inline bool web_url(std::string_view u) {
  return (u.rfind("https://", 0) == 0 || u.rfind("http://", 0) == 0) &&
         u.find_first_of(" <>\"'\\`") == std::string_view::npos;
}

/// "Prepared by A, O, on D." from the author, organisation and date given; "" when none.
inline std::string prepared_by(const document& d) {
  std::string who = d.author;
  if (!d.organisation.empty()) who += (who.empty() ? "" : ", ") + d.organisation;
  std::string t = who.empty() ? std::string{} : "Prepared by " + who;
  if (!d.date.empty()) t += (t.empty() ? "Dated " : ", on ") + d.date;
  return t.empty() ? t : t + ".";
}

/// A run of the report's prose, as each writer shows it: the report's own `words` (written
/// as they are), a `value` of the document (escaped), an `emphasis`ed value (the boundary,
/// the convention) or an option's `name` (inline code in Markdown, text in HTML).
struct prose_run {
  enum kind_t : unsigned char { words, value, emphasis, name } kind;
  std::string text;
};

/// One item of the "Method in brief": its title ("Compute.") and its text.
struct method_item {
  std::string_view title;
  std::vector<prose_run> runs;
};

/// The "Method in brief" of `d`, the same in every format: compute, energy, operational
/// and embodied emissions, water, and the uncertainty when the options carry ranges.
inline std::vector<method_item> method_in_brief(const document& d) {
  using r = prose_run;
  std::vector<method_item> items{
      {"Compute.",
       {{r::words, "Accelerator-hours = 6 × parameters × tokens ÷ (the accelerator's dense peak FLOP/s × "
                   "model-FLOPs utilisation), or as given; wall time = accelerator-hours ÷ count."}}},
      {"Energy.",
       {{r::words, "Accelerator-hours × (average accelerator power + its share of the host) × PUE. Boundary: "},
        {r::emphasis, d.boundary},
        {r::words, "; convention: "},
        {r::emphasis, d.convention},
        {r::words, "."}}},
      {"Operational emissions.",
       {{r::words, "Location-based = facility energy × the carbon intensity of the region's grid; market-based = "
                   "location-based × (1 − the provider's carbon-free-energy share)."}}},
      {"Embodied emissions.",
       {{r::words, fmt::format("Manufacturing emissions of the accelerators and their host servers, amortised over "
                               "{:g} years in proportion to the accelerator-hours used.",
                               d.lifetime_years)}}},
      {"Water.",
       {{r::words, "On-site = IT energy × WUE (cooling); off-site = facility energy × EWIF (water consumed "
                   "generating the electricity)."}}}};
  if (!d.ranges.empty()) {
    method_item u{"Uncertainty.", {{r::value, d.ranges}}};
    if (!d.sensitivity.empty())
      u.runs.insert(u.runs.end(), {{r::words, " For "},
                                   {r::name, d.options.front()},
                                   {r::words, ", the inputs whose ranges move total emissions most are "},
                                   {r::value, text::join(d.sensitivity, ", ")},
                                   {r::words, "."}});
    items.push_back(std::move(u));
  }
  return items;
}

/// The document as a self-contained HTML page.
std::string render_html(const document& d);
/// The document as Markdown, with its charts as files (or inline) per `opt`.
report render_markdown_report(const document& d, const report_options& opt);

}  // namespace trainprint::inline v0::report_detail
