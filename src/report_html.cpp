// The HTML writer of reports: a document as one self-contained page.

#include "report_document.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>

#include "text.hpp"
#include "trainprint/error.hpp"
#include "trainprint/estimator.hpp"
#include "trainprint/format.hpp"
#include "trainprint/version.hpp"

namespace trainprint::inline v0::report_detail {
namespace {

using text::join;

// --- HTML ---

std::string esc(std::string_view s) { return xml_escape(s); }
/// Escaped, with a line break allowed only after each ':' and ',' (long ids in
/// narrow columns break as "aws:" / "eu-north-1", never at a hyphen).
std::string esc_ids(std::string_view s) {
  std::string out;
  std::size_t start = 0;
  while (start <= s.size()) {
    const auto end = s.find_first_of(":,", start);
    const auto part = s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start + 1);
    out += "<span class=\"nb\">" + xml_escape(part) + "</span>";
    if (end == std::string_view::npos) break;
    out += "<wbr>";
    start = end + 1;
  }
  return out;
}

std::string html_link(const std::string& url, const std::string& text) {
  return "<a href=\"" + esc(url) + "\">" + esc(text) + "</a>";
}

/// Runs of prose (report_document.hpp) as HTML.
std::string prose(const std::vector<prose_run>& runs) {
  std::string o;
  for (const auto& r : runs) {
    switch (r.kind) {
      case prose_run::words: o += r.text; break;
      case prose_run::value:
      case prose_run::name: o += esc(r.text); break;
      case prose_run::emphasis: o += "<em>" + esc(r.text) + "</em>"; break;
    }
  }
  return o;
}

std::string ref_html(int n) { return n > 0 ? fmt::format(" <a class=\"ref\" href=\"#source-{0}\">[{0}]</a>", n) : ""; }

constexpr std::string_view css = R"css(
@page { size: auto; margin: 12mm 12mm 14mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
       font-size: 10.5pt; line-height: 1.45; color: #111; background: #fff;
       max-width: 186mm; margin: 0 auto; padding: 10mm 0; }
h1 { font-size: 19pt; line-height: 1.2; margin: 0 0 4pt; }
h2 { font-size: 13pt; margin: 16pt 0 5pt; padding-bottom: 2pt; border-bottom: 1.5pt solid #2b5d8a;
     break-after: avoid; page-break-after: avoid; }
h3 { font-size: 11pt; margin: 10pt 0 4pt; break-after: avoid; page-break-after: avoid; }
p { margin: 4pt 0 6pt; }
.subtitle { color: #333; margin: 0 0 8pt; }
.summary { font-size: 11.5pt; border-left: 4pt solid #2b5d8a; background: #f1f5f9; padding: 6pt 10pt; margin: 8pt 0; }
table { border-collapse: collapse; width: 100%; font-size: 8.4pt; margin: 4pt 0 6pt;
        break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { text-align: left; vertical-align: top; padding: 2.5pt 4pt; border-bottom: 0.6pt solid #bbb; }
thead th { background: #e8eef4; font-weight: 600; border-bottom: 1pt solid #555; }
tbody th { font-weight: 600; }
table.ranked { font-size: 7.6pt; }
table.ranked th, table.ranked td { padding: 2.5pt 2.5pt; }
table.ranked thead th:first-child { padding-left: 0; }
table.ranked tbody th { padding-left: 1.5em; text-indent: -1.5em; }
.nb { white-space: nowrap; }
table.equivalents tbody th { white-space: nowrap; width: 30%; }
.rank { display: inline-block; min-width: 1.5em; text-indent: 0; font-weight: normal; color: #444; }
td.origin-cell { white-space: nowrap; }
th .unit { display: block; font-weight: normal; color: #333; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
td .range { display: block; color: #444; font-size: 0.9em; }
td.best { font-weight: 600; }
.origin { color: #444; font-size: 0.92em; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.95em; }
figure { margin: 4pt 0 8pt; break-inside: avoid; page-break-inside: avoid; }
figure svg { display: block; width: 100%; max-width: 760px; height: auto; }
figcaption { font-size: 9pt; color: #333; margin-top: 2pt; }
section.chart { break-inside: avoid; page-break-inside: avoid; }
ol.sources { font-size: 8.6pt; padding-left: 18pt; }
ol.sources li { margin-bottom: 2pt; overflow-wrap: anywhere; }
ul.notes { font-size: 9pt; }
a { color: #1f4e79; }
a.ref { text-decoration: none; font-size: 0.85em; }
.prepared { color: #333; margin: 0 0 6pt; }
tr.low-confidence td { background: #fff6e0; }
footer { margin-top: 14pt; padding-top: 4pt; border-top: 0.6pt solid #999; font-size: 8.6pt; color: #333; }
@media print { body { max-width: none; padding: 0; } a { color: inherit; } }
)css";

}  // namespace

std::string render_html(const document& d) {
  std::string o;
  o += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  o += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  o += fmt::format("<meta name=\"generator\" content=\"trainprint {}\">\n", version);
  o += "<title>" + esc(d.title) + "</title>\n<style>" + std::string(css) + "</style>\n</head>\n<body>\n";
  o += "<header>\n<h1>" + esc(d.title) + "</h1>\n<p class=\"subtitle\">" + esc(d.subtitle) + ".</p>\n";
  if (const auto who = prepared_by(d); !who.empty()) o += "<p class=\"prepared\">" + esc(who) + "</p>\n";
  o += "</header>\n";

  o += "<section id=\"summary\">\n<h2>Summary</h2>\n<p class=\"summary\">" + esc(d.summary) + "</p>\n";
  if (!d.ranges.empty()) o += "<p>" + esc(d.ranges) + "</p>\n";
  o += "</section>\n";

  // Ranked table.
  o += std::string("<section id=\"ranking\">\n<h2>") + (d.inventory ? "Runs" : d.ranked ? "Ranked options" : "Options") + "</h2>\n";
  o += "<table class=\"ranked\">\n<thead><tr><th scope=\"col\"><span class=\"rank\">#</span>" + esc(d.key) + "</th>";
  for (std::size_t j = 0; j < d.header_titles.size(); ++j)
    o += fmt::format("<th class=\"num\" scope=\"col\" data-output=\"{}\" data-unit=\"{}\" data-factor=\"{:g}\">{}<span "
                     "class=\"unit\">{}</span></th>",
                     esc(d.outputs[j]), esc(d.header_units[j]), d.factors[j], esc(d.header_titles[j]),
                     esc(d.header_units[j]));
  o += "</tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < d.rows.size(); ++i) {
    std::string beside;  // the place name of a region id, or the kind of an inventory's run
    if (i < d.place_names.size() && !d.place_names[i].empty()) beside = d.place_names[i];
    if (i < d.run_kinds.size()) beside = d.run_kinds[i];
    o += fmt::format("<tr data-option=\"{}\"><th scope=\"row\"><span class=\"rank\">{}</span>{}{}</th>", esc(d.options[i]),
                     i < d.ranks.size() ? d.ranks[i] : std::to_string(i + 1), esc_ids(d.options[i]),
                     beside.empty() ? std::string{} : " <span class=\"range place\">" + esc(beside) + "</span>");
    for (std::size_t j = 0; j < d.rows[i].size(); ++j) {
      const auto& c = d.rows[i][j];
      o += fmt::format("<td class=\"num\" data-output=\"{}\">{}{}</td>", esc(d.outputs[j]), esc(c.text),
                       c.range.empty() ? std::string{} : " <span class=\"range\">" + esc(c.range) + "</span>");
    }
    o += "</tr>\n";
  }
  o += "</tbody>\n</table>\n";
  o += "<p>Total emissions = location-based operational + embodied. Market-based emissions count the provider's "
       "carbon-free-energy purchases and are shown for reference, not ranked.</p>\n";
  if (d.inventory) {
    o += "<h3>Totals by kind of run</h3>\n<table class=\"totals\">\n<thead><tr>";
    for (std::size_t j = 0; j < d.totals_header.size(); ++j)
      o += std::string(j == 0 ? "<th scope=\"col\">" : "<th class=\"num\" scope=\"col\">") + esc(d.totals_header[j]) + "</th>";
    o += "</tr></thead>\n<tbody>\n";
    for (const auto& r : d.totals) {
      o += "<tr><th scope=\"row\">" + esc(r[0]) + "</th>";
      for (std::size_t j = 1; j < r.size(); ++j) o += "<td class=\"num\">" + esc(r[j]) + "</td>";
      o += "</tr>\n";
    }
    o += "</tbody>\n</table>\n";
    if (!d.development.empty()) o += "<p>" + esc(d.development) + "</p>\n";
  }
  if (!d.notes.empty()) {
    o += "<ul class=\"notes\">\n";
    for (const auto& n : d.notes) o += "<li>" + esc(n) + "</li>\n";
    o += "</ul>\n";
  }
  o += "</section>\n";

  // Charts, one per section.
  const std::array<const char*, 3> headings{"Total emissions", "Emissions by component", "Water"};
  for (std::size_t k = 0; k < d.charts.size(); ++k) {
    o += fmt::format("<section class=\"chart\" id=\"section-{}\">\n<h2>{}</h2>\n<figure>\n", d.chart_ids[k], headings[k]);
    o += render_svg(d.charts[k]);
    o += "<figcaption>" + esc(d.captions[k]) + "</figcaption>\n</figure>\n</section>\n";
  }

  // Equivalents.
  o += "<section id=\"equivalents\">\n<h2>In everyday terms</h2>\n";
  if (!d.saving.empty()) o += "<p>" + esc(d.saving) + "</p>\n";
  o += "<table class=\"equivalents\">\n<thead><tr><th scope=\"col\">" + esc(d.key) + "</th>";
  for (const auto& q : d.equivalents) o += "<th class=\"num\" scope=\"col\">" + esc(q.title) + ref_html(q.source) + "</th>";
  o += "</tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < d.options.size(); ++i) {
    o += "<tr><th scope=\"row\">" + esc(d.options[i]) + "</th>";
    for (const auto& q : d.equivalents) o += "<td class=\"num\">" + esc(q.cells[i]) + "</td>";
    o += "</tr>\n";
  }
  o += "</tbody>\n</table>\n<p class=\"origin\">";
  std::vector<std::string> per;
  for (const auto& q : d.equivalents) per.push_back(esc(q.per_unit));
  o += join(per, "; ") + ". Emissions: total; energy: facility; water: on-site + off-site.</p>\n</section>\n";

  // GHG Protocol scopes.
  o += "<section id=\"scopes\">\n<h2>Greenhouse-gas scopes (GHG Protocol)</h2>\n<table class=\"scopes\">\n<thead><tr>"
       "<th scope=\"col\">" + esc(d.key) + "</th><th scope=\"col\">Hardware</th>";
  for (const auto& t : d.scope_titles) o += "<th scope=\"col\">" + esc(t) + "</th>";
  o += "</tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < d.scopes.size(); ++i) {
    o += "<tr><th scope=\"row\">" + esc_ids(d.options[i]) + "</th><td>" + esc(d.scopes[i].ownership) + "</td>";
    for (const auto& c : d.scopes[i].cells) o += "<td>" + esc(c) + "</td>";
    o += "</tr>\n";
  }
  o += "</tbody>\n</table>\n<ul class=\"notes\">\n";
  for (const auto& n : d.scope_notes) o += "<li>" + esc(n) + "</li>\n";
  o += "</ul>\n</section>\n";

  // Scenario.
  o += "<section id=\"scenario\">\n<h2>Scenario</h2>\n";
  o += "<p>Compared: <strong>" + esc(d.key) + "</strong> = ";
  std::vector<std::string> opts;
  for (const auto& v : d.options) opts.push_back("<code>" + esc(v) + "</code>");
  o += join(opts, ", ") + ". Every other input is the same for each option, or is looked up for it in the catalog. "
       "Origin: <em>user</em> = given, <em>catalog</em> = the catalog entry for the option, <em>default</em> = a "
       "documented default; numbers in brackets are sources below.</p>\n";
  o += "<h3>Inputs shared by every option</h3>\n<table class=\"inputs\">\n<thead><tr><th scope=\"col\">Input</th>"
       "<th class=\"num\" scope=\"col\">Value</th><th scope=\"col\">Unit</th><th scope=\"col\">Origin</th>"
       "<th scope=\"col\">Note</th></tr></thead>\n<tbody>\n";
  for (const auto& r : d.shared)
    o += "<tr" + std::string(r.low ? " class=\"low-confidence\"" : "") + "><td><code>" + esc(r.name) + "</code>" + (r.low ? " ⚠" : "") + "</td><td class=\"num\">" + esc(r.values[0]) + "</td><td>" +
         esc(r.unit) + "</td><td class=\"origin-cell\">" + esc(r.origins[0]) + ref_html(r.sources[0]) + "</td><td>" + esc(r.note) +
         "</td></tr>\n";
  o += "</tbody>\n</table>\n";
  if (!d.varying.empty()) {
    o += "<h3>Inputs that differ by option</h3>\n<table class=\"inputs varying\">\n<thead><tr><th scope=\"col\">Input</th>";
    for (const auto& v : d.options) o += "<th class=\"num\" scope=\"col\">" + esc_ids(v) + "</th>";
    o += "</tr></thead>\n<tbody>\n";
    for (const auto& r : d.varying) {
      o += "<tr" + std::string(r.low ? " class=\"low-confidence\"" : "") + "><td><code>" + esc(r.name) + "</code>" + (r.low ? " ⚠" : "") + (r.unit.empty() ? "" : " <span class=\"origin\">" + esc(r.unit) + "</span>") + "</td>";
      for (std::size_t i = 0; i < r.values.size(); ++i)
        o += "<td class=\"num\">" + esc(r.values[i]) + "<span class=\"range\"><span class=\"origin\">" + esc(r.origins[i]) +
             "</span>" + ref_html(r.sources[i]) + "</span></td>";
      o += "</tr>\n";
    }
    o += "<tr><td>grid basis</td>";
    for (const auto& b : d.grid_basis) o += "<td class=\"num origin\" style=\"white-space: normal\">" + esc(b) + "</td>";
    o += "</tr>\n</tbody>\n</table>\n";
  }
  if (!d.basis_note.empty()) o += "<p>" + esc(d.basis_note) + "</p>\n";
  o += "</section>\n";

  // Limitations.
  o += "<section id=\"limitations\">\n<h2>Limitations</h2>\n<ul class=\"limitations\">\n";
  for (const auto& l : d.limitations) o += "<li>" + esc(l) + "</li>\n";
  o += "</ul>\n</section>\n";

  // Methodology.
  o += "<section id=\"methodology\">\n<h2>Method in brief</h2>\n<ul>\n";
  for (const auto& item : method_in_brief(d))
    o += "<li><strong>" + std::string(item.title) + "</strong> " + prose(item.runs) + "</li>\n";
  o += "</ul>\n<p>The full methodology, with every equation, default and its source: " +
       html_link(d.methodology_url, d.methodology_url) + ".</p>\n";
  o += "</section>\n";

  // Sources.
  o += "<section id=\"sources\">\n<h2>Sources</h2>\n<ol class=\"sources\">\n";
  for (std::size_t i = 0; i < d.sources.size(); ++i) {
    const auto& s = d.sources[i];
    o += fmt::format("<li id=\"source-{}\">", i + 1);
    o += s.title.empty() ? std::string{} : "<cite>" + esc(s.title) + "</cite>";
    o += s.year.empty() ? std::string(" (n.d.)") : " (" + esc(s.year) + ")";
    if (!s.url.empty()) o += ". " + (web_url(s.url) ? html_link(s.url, s.url) : esc(s.url));
    o += "</li>\n";
  }
  o += "</ol>\n</section>\n";
  o += fmt::format("<footer>Generated by trainprint {} with catalog {} ({}). Every number can be reproduced with "
                   "<code>trainprint compare</code>, <code>trainprint inventory</code> or <code>trainprint estimate --explain</code> "
                   "and the same inputs."
                   "</footer>\n</body>\n</html>\n",
                   version, esc(d.catalog_version), esc(d.catalog_date));
  return o;
}


}  // namespace trainprint::inline v0::report_detail
