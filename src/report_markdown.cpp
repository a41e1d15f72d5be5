// The Markdown writer of reports: a document as Markdown with SVG charts.

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
using text::md_row;
using text::md_rule;
/// Plain text escaped for Markdown.
std::string md(std::string_view s) { return text::md_escape(s); }
/// Inline code for Markdown.
std::string code(std::string_view s) { return text::md_code(s); }

// --- Markdown ---

/// Runs of prose (report_document.hpp) as Markdown.
std::string prose(const std::vector<prose_run>& runs) {
  std::string o;
  for (const auto& r : runs) {
    switch (r.kind) {
      case prose_run::words: o += r.text; break;
      case prose_run::value: o += md(r.text); break;
      case prose_run::emphasis: o += "_" + md(r.text) + "_"; break;
      case prose_run::name: o += code(r.text); break;
    }
  }
  return o;
}

std::string ref_md(int n) { return n > 0 ? fmt::format(" [{}]", n) : ""; }

std::string base64(std::string_view in) {
  static constexpr char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    const unsigned v = static_cast<unsigned char>(in[i]) << 16 | static_cast<unsigned char>(in[i + 1]) << 8 |
                       static_cast<unsigned char>(in[i + 2]);
    for (int k = 18; k >= 0; k -= 6) out += digits[(v >> k) & 63];
  }
  if (i < in.size()) {
    unsigned v = static_cast<unsigned char>(in[i]) << 16;
    if (i + 1 < in.size()) v |= static_cast<unsigned char>(in[i + 1]) << 8;
    out += digits[(v >> 18) & 63];
    out += digits[(v >> 12) & 63];
    out += i + 1 < in.size() ? digits[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

}  // namespace

report render_markdown_report(const document& d, const report_options& opt) {
  report rep;
  std::string o;
  o += "# " + md(d.title) + "\n\n_" + md(d.subtitle) + "._\n\n";
  if (const auto who = prepared_by(d); !who.empty()) o += md(who) + "\n\n";
  o += "## Summary\n\n**" + md(d.summary) + "**\n\n";
  if (!d.ranges.empty()) o += md(d.ranges) + "\n\n";

  o += d.inventory ? "## Runs\n\n" : d.ranked ? "## Ranked options\n\n" : "## Options\n\n";
  std::vector<std::string> head{"#", md(d.key)};
  std::vector<bool> right{true, false};
  for (std::size_t j = 0; j < d.header_titles.size(); ++j) {
    head.push_back(md(d.header_titles[j]) + " (" + md(d.header_units[j]) + ")");
    right.push_back(true);
  }
  o += md_row(head) + md_rule(right);
  for (std::size_t i = 0; i < d.rows.size(); ++i) {
    std::string beside;  // the place name of a region id, or the kind of an inventory's run
    if (i < d.place_names.size() && !d.place_names[i].empty()) beside = d.place_names[i];
    if (i < d.run_kinds.size()) beside = d.run_kinds[i];
    std::vector<std::string> cells{i < d.ranks.size() ? d.ranks[i] : std::to_string(i + 1), code(d.options[i]) + (beside.empty() ? "" : " (" + md(beside) + ")")};
    for (const auto& c : d.rows[i]) cells.push_back(md(c.text) + (c.range.empty() ? "" : " " + md(c.range)));
    o += md_row(cells);
  }
  o += "\nTotal emissions = location-based operational + embodied. Market-based emissions count the provider's "
       "carbon-free-energy purchases and are shown for reference, not ranked.\n";
  if (d.inventory) {
    o += "\n### Totals by kind of run\n\n";
    std::vector<bool> r(d.totals_header.size(), true);
    r[0] = false;
    std::vector<std::string> h;
    for (const auto& t : d.totals_header) h.push_back(md(t));
    o += md_row(h) + md_rule(r);
    for (const auto& row : d.totals) {
      std::vector<std::string> cells;
      for (const auto& c : row) cells.push_back(md(c));
      o += md_row(cells);
    }
    if (!d.development.empty()) o += "\n" + md(d.development) + "\n";
  }
  if (!d.notes.empty()) o += "\n";
  for (const auto& n : d.notes) o += "- " + md(n) + "\n";

  const std::array<const char*, 3> headings{"Total emissions", "Emissions by component", "Water"};
  for (std::size_t k = 0; k < d.charts.size(); ++k) {
    o += fmt::format("\n## {}\n\n", headings[k]);
    std::string svg = render_svg(d.charts[k]);
    std::string target;
    if (opt.svg_prefix.empty()) {
      target = "data:image/svg+xml;base64," + base64(svg);
    } else {
      target = opt.svg_prefix + "-" + d.chart_ids[k] + ".svg";
      rep.files.push_back({target, std::move(svg)});
    }
    // The image's alt text is the chart's description: every value, for screen readers.
    o += "![" + md(d.charts[k].description) + "](" + target + ")\n\n_" + md(d.captions[k]) + "_\n";
  }

  o += "\n## In everyday terms\n\n";
  if (!d.saving.empty()) o += md(d.saving) + "\n\n";
  head = {md(d.key)};
  right = {false};
  for (const auto& q : d.equivalents) {
    head.push_back(md(q.title) + ref_md(q.source));
    right.push_back(true);
  }
  o += md_row(head) + md_rule(right);
  for (std::size_t i = 0; i < d.options.size(); ++i) {
    std::vector<std::string> cells{code(d.options[i])};
    for (const auto& q : d.equivalents) cells.push_back(md(q.cells[i]));
    o += md_row(cells);
  }
  std::vector<std::string> per;
  for (const auto& q : d.equivalents) per.push_back(md(q.per_unit));
  o += "\n" + join(per, "; ") + ". Emissions: total; energy: facility; water: on-site + off-site.\n";

  o += "\n## Greenhouse-gas scopes (GHG Protocol)\n\n";
  head = {md(d.key), "Hardware"};
  right = {false, false};
  for (const auto& t : d.scope_titles) {
    head.push_back(md(t));
    right.push_back(false);
  }
  o += md_row(head) + md_rule(right);
  for (std::size_t i = 0; i < d.scopes.size(); ++i) {
    std::vector<std::string> cells{code(d.options[i]), md(d.scopes[i].ownership)};
    for (const auto& c : d.scopes[i].cells) cells.push_back(md(c));
    o += md_row(cells);
  }
  o += "\n";
  for (const auto& n : d.scope_notes) o += "- " + md(n) + "\n";

  o += "\n## Scenario\n\nCompared: **" + md(d.key) + "** = ";
  std::vector<std::string> opts;
  for (const auto& v : d.options) opts.push_back(code(v));
  o += join(opts, ", ") + ". Every other input is the same for each option, or is looked up for it in the catalog. "
       "Origin: _user_ = given, _catalog_ = the catalog entry for the option, _default_ = a documented default; "
       "numbers in brackets are sources below.\n\n### Inputs shared by every option\n\n";
  o += md_row({"Input", "Value", "Unit", "Origin", "Note"}) + md_rule({false, true, false, false, false});
  for (const auto& r : d.shared)
    o += md_row({code(r.name) + (r.low ? " ⚠" : ""), md(r.values[0]), md(r.unit), md(r.origins[0]) + ref_md(r.sources[0]), md(r.note)});
  if (!d.varying.empty()) {
    o += "\n### Inputs that differ by option\n\n";
    head = {"Input"};
    right = {false};
    for (const auto& v : d.options) {
      head.push_back(code(v));
      right.push_back(true);
    }
    o += md_row(head) + md_rule(right);
    for (const auto& r : d.varying) {
      std::vector<std::string> cells{code(r.name) + (r.low ? " ⚠" : "") + (r.unit.empty() ? "" : " " + md(r.unit))};
      for (std::size_t i = 0; i < r.values.size(); ++i)
        cells.push_back(md(r.values[i]) + " _" + md(r.origins[i]) + "_" + ref_md(r.sources[i]));
      o += md_row(cells);
    }
    std::vector<std::string> cells{"grid basis"};
    for (const auto& b : d.grid_basis) cells.push_back(md(b));
    o += md_row(cells);
  }
  if (!d.basis_note.empty()) o += "\n" + md(d.basis_note) + "\n";

  o += "\n## Limitations\n\n";
  for (const auto& l : d.limitations) o += "- " + md(l) + "\n";

  o += "\n## Method in brief\n\n";
  for (const auto& item : method_in_brief(d)) o += "- **" + std::string(item.title) + "** " + prose(item.runs) + "\n";
  o += "\nThe full methodology, with every equation, default and its source: <" + d.methodology_url + ">.\n";

  o += "\n## Sources\n\n";
  for (std::size_t i = 0; i < d.sources.size(); ++i) {
    const auto& s = d.sources[i];
    o += fmt::format("{}. ", i + 1) + (s.title.empty() ? std::string{} : md(s.title)) +
         (s.year.empty() ? std::string(" (n.d.)") : " (" + s.year + ")");
    if (!s.url.empty()) o += ". " + (web_url(s.url) ? "<" + s.url + ">" : md(s.url));
    o += "\n";
  }
  o += fmt::format("\n---\n\n_Generated by trainprint {} with catalog {} ({}). Every number can be reproduced with "
                   "`trainprint compare`, `trainprint inventory` or `trainprint estimate --explain` and the same inputs._\n",
                   version, md(d.catalog_version), md(d.catalog_date));
  rep.text = std::move(o);
  return rep;
}


}  // namespace trainprint::inline v0::report_detail
