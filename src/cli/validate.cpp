// trainprint validate: published training runs vs trainprint's estimates, in
// reproduce mode (the source's inputs) and predict mode (defaults).

#include "command.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "trainprint/calibration.hpp"
#include "trainprint/json.hpp"
#include "trainprint/validate.hpp"

#include "../text.hpp"  // the library's private text helpers (header-only): units, widths, Markdown escaping

namespace trainprint::cli {

namespace {
struct validate_options {
  output_format format = output_format::table;
  bool calibration = false;  ///< print data/calibration.json refitted from the catalog's runs
};
}  // namespace

void setup_validate(CLI::App& app, validate_options& o) {
  add_format_option(app, o.format, {output_format::table, output_format::json, output_format::md});
  app.add_flag("--calibration", o.calibration,
               "print the MFU model refitted from the catalog's published runs (the content of data/calibration.json)");
}

namespace {

using json = nlohmann::json;
using text::three_digits;
constexpr auto display_width = text::width;
std::string md_text(std::string_view s) { return text::md_escape(s); }
/// The unit of text::energy_steps that fits `kwh`.
const text::step& unit_of(double kwh) { return text::pick(kwh, text::energy_steps, 1); }
/// The widest an organisation's name is shown in the text table.
constexpr std::size_t organisation_columns = 24;

/// An energy for people, in the unit that fits it (3 significant figures): "433 MWh",
/// "15.2 kWh", "1.86 GWh"; "—" when unknown. `mwh` in MWh.
std::string energy(const std::optional<double>& mwh) {
  if (!mwh) return "—";
  const double kwh = *mwh * 1e3;
  const auto& s = unit_of(kwh);
  return three_digits(kwh / s.factor) + " " + s.unit;
}
/// A signed error in per cent, one decimal: "+12.3%", "-4.0%"; one that rounds to zero is
/// "0.0%", never "-0.0%" or "+0.0%".
std::string err(const std::optional<double>& v) {
  if (!v) return "";
  const double p = std::round(*v * 1000) / 10;
  return p == 0 ? std::string("0.0%") : fmt::format("{:+.1f}%", p);
}
std::string basis_label(const validation_row& row) {
  switch (row.basis) {
    case power_basis::tdp: return "TDP";
    case power_basis::measured_system: return "measured, system";
    case power_basis::measured_accelerators: return "measured, accel.";
  }
  return "";
}
std::string pct(const std::optional<double>& v) { return v ? fmt::format("{:.1f}%", *v * 100) : "—"; }
json opt(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

/// A note number per distinct note, in order of first use.
struct notes {
  std::vector<std::string> texts;
  std::string ref(const std::string& id, const std::string& text) {
    if (text.empty()) return "";
    texts.push_back(id + ": " + text);
    return fmt::format("[{}]", texts.size());
  }
};

/// What the table shows, the same in every format: a term and what it means.
struct intro_item {
  const char* term;
  const char* text;
};
constexpr intro_item intro[] = {
    {"reproduce", "the source's own inputs (accelerator-hours, power per chip, PUE, intensity, boundary)."},
    {"predict",
     "params and tokens (or FLOPs), hardware, count and precision only; MFU, power, host and PUE from trainprint's "
     "model. Both keep the source's accounting convention (boundary, TDP or measured power, PUE in or out)."},
    {"in-sample", "the shipped MFU fit."},
    {"held out",
     "the fit without the run's organisation (all its runs left out at once), as for a run nobody tuned for, with "
     "its 90% interval."},
    {"error", "estimate / reference - 1, of the energy."},
    {"reference",
     "the published energy, or, marked *, the energy of the source's own inputs where it published only hours or "
     "emissions."},
};

/// `text` in lines of at most `width` columns, every line after the first indented by `indent` spaces.
std::string wrap(std::string_view text, std::size_t width, std::size_t indent) {
  std::string out, line;
  std::size_t start = 0;
  bool first = true;  // the first word of its line
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view word = text.substr(start, end - start);
    if (!first && display_width(line) + 1 + display_width(word) > width) {
      out += line + "\n";
      line.assign(indent, ' ');
      first = true;
    }
    line += (first ? "" : " ") + std::string(word);
    first = false;
    start = end + 1;
  }
  return out + line + "\n";
}

std::string intro_text() {
  std::string out;
  for (const auto& i : intro) out += wrap(fmt::format("{:<11}{}", std::string(i.term) + ":", i.text), 110, 11);
  return out;
}
std::string intro_markdown() {
  std::string out;
  for (const auto& i : intro) out += fmt::format("- **{}**: {}\n", i.term, md_text(i.text));
  return out;
}

std::string summary_line(const char* mode, const validation_summary& s) {
  std::string l = fmt::format("{:<10} energy {} (n={})", mode, pct(s.energy_mae), s.energy_n);
  if (s.energy_p90) l += fmt::format(", 90th percentile {}", pct(s.energy_p90));
  if (s.coverage) l += fmt::format(", 90% interval covers {} of {}", pct(s.coverage), s.coverage_n);
  return l + fmt::format("; emissions {} (n={})", pct(s.emissions_mae), s.emissions_n);
}
/// "39 of 39 runs with published figures within ±2%".
std::string within_text(const validation_report& r) {
  std::size_t compared = 0;  // reproducible runs with a published energy or emissions to compare
  for (const auto& row : r.rows) compared += row.reproduce.energy_error || row.reproduce.emissions_error ? 1 : 0;
  return fmt::format("{} of {} runs with published figures within ±{:g}%", r.reproduce.within_tolerance, compared,
                     reproduce_tolerance * 100);
}

/// The held-out figure with the choice of the MFU model's form held out too (data/calibration.json,
/// written by scripts/data/mfu_forms.py --nested --write; the C++ does not compute it).
const std::optional<mfu_choice_held_out>& choice_held_out() { return fitted_mfu_model().choice_held_out; }
constexpr const char* choice_label = "held out, form chosen inside each left-out organisation";
std::string choice_provenance(const mfu_choice_held_out& c) {
  return fmt::format("form, objective, weighting and penalty are chosen among {} candidates on the other organisations "
                     "alone; {}, {}",
                     c.candidates, c.command, c.date);
}
/// Two lines under the summary: the figure to expect on a new run, and where it comes from.
std::string choice_line(const mfu_choice_held_out& c) {
  return fmt::format("{}: energy {} (n={}), 90th percentile {}; expect this on a new run\n"
                     "             (the held-out line above scores the model's form by the error it was chosen by; "
                     "here the {})",
                     choice_label, pct(c.energy_mae), c.energy_n, pct(c.energy_p90), choice_provenance(c));
}
constexpr const char* choice_missing =
    "held out, form chosen inside each left-out organisation: not computed (scripts/data/mfu_forms.py --nested "
    "--write writes it into data/calibration.json)";

/// The held-out 90% interval, both ends in the unit that fits the upper one: "455-2.01 GWh" reads
/// "0.455-2.01 GWh".
std::string interval(const validation_result& m) {
  if (!m.energy_p5_mwh) return "";
  const auto& s = unit_of(*m.energy_p95_mwh * 1e3);
  return three_digits(*m.energy_p5_mwh * 1e3 / s.factor) + "-" + three_digits(*m.energy_p95_mwh * 1e3 / s.factor) +
         " " + s.unit;
}
std::string covered(const validation_result& m) { return !m.covered ? "" : *m.covered ? "yes" : "NO"; }
std::string reference(const validation_row& row) {
  if (!row.reference_energy_mwh) return "—";
  return energy(row.reference_energy_mwh) + (row.reference_published ? " " : "*");
}

/// An organisation's name in at most `max` columns: longer ones end in "…" (every one cut the same way).
std::string short_name(const std::string& name, std::size_t max) {
  std::vector<std::size_t> starts;  // the byte where each code point starts
  for (std::size_t i = 0; i < name.size(); ++i)
    if ((static_cast<unsigned char>(name[i]) & 0xC0) != 0x80) starts.push_back(i);
  if (starts.size() <= max) return name;
  std::string cut = name.substr(0, starts[max - 1]);
  while (!cut.empty() && cut.back() == ' ') cut.pop_back();
  return cut + "…";
}

std::string table(const validation_report& r) {
  std::string out = fmt::format("Validation against {} published training runs from {} organisations\n", r.rows.size(),
                                r.organisations) +
                    intro_text() + "\n";
  notes n;
  // Two header lines, then a line per run; every column as wide as its widest cell.
  std::vector<std::vector<std::string>> lines{
      {"", "", "", "", "energy", "repro.", "in-smp.", "held out", "", "held out", "", ""},
      {"run", "organisation", "power", "PUE", "reference", "error", "error", "energy", "error", "90% interval", "in?",
       "note"}};
  for (const auto& row : r.rows)
    lines.push_back({row.id, short_name(row.organisation, organisation_columns), basis_label(row),
                     row.includes_pue ? "in" : "out", reference(row), err(row.reproduce.energy_error),
                     err(row.predict.energy_error), energy(row.held_out.energy_mwh), err(row.held_out.energy_error),
                     interval(row.held_out), covered(row.held_out), n.ref(row.id, row.reproduce.note)});
  const std::vector<bool> right{false, false, false, false, true, true, true, true, true, true, false, false};
  std::vector<std::size_t> w(right.size());
  for (const auto& l : lines)
    for (std::size_t i = 0; i < l.size(); ++i) w[i] = std::max(w[i], display_width(l[i]));
  for (const auto& l : lines) {
    std::string t;
    for (std::size_t i = 0; i < l.size(); ++i) {
      const std::size_t pad = w[i] - display_width(l[i]);
      t += (i ? " " : "") + (right[i] ? std::string(pad, ' ') + l[i] : l[i] + std::string(pad, ' '));
    }
    while (!t.empty() && t.back() == ' ') t.pop_back();
    out += t + "\n";
  }
  out += "\nMedian absolute error\n";
  out += "  " + summary_line("reproduce", r.reproduce) + "; " + within_text(r) + "\n";
  out += "  " + summary_line("in-sample", r.predict) + "\n";
  out += "  " + summary_line("held out", r.held_out) + "\n";
  out += "  " + (choice_held_out() ? choice_line(*choice_held_out()) : std::string(choice_missing)) + "\n";
  out += "\nHeld out, by group\n";
  for (const auto& g : r.breakdown)
    out += fmt::format("  {:<13} {:<14} n={:<3} median |error| {:>6}, 90th percentile {:>6}, coverage {:>6}\n",
                       g.dimension, g.value, g.summary.energy_n, pct(g.summary.energy_mae), pct(g.summary.energy_p90),
                       pct(g.summary.coverage));
  if (!n.texts.empty()) {
    out += "\nNotes\n";
    for (std::size_t i = 0; i < n.texts.size(); ++i) out += fmt::format("  [{}] {}\n", i + 1, n.texts[i]);
  }
  return out;
}

std::string markdown(const validation_report& r) {
  std::string out = fmt::format("Validation against {} published training runs from {} organisations.\n\n", r.rows.size(),
                                r.organisations) +
                    intro_markdown() + "\n";
  out += "| run | organisation | power | PUE | reference energy | reproduce error | in-sample error | held out energy | "
         "held out error | held out 90% interval | covered |\n";
  out += "|---|---|---|---|--:|--:|--:|--:|--:|--:|---|\n";
  notes n;
  for (const auto& row : r.rows) {
    const std::string note = n.ref(row.id, row.reproduce.note);
    std::string ref = reference(row);
    if (ref.back() == '*') ref.insert(ref.size() - 1, "\\");  // the legend's mark, not emphasis
    while (ref.back() == ' ') ref.pop_back();
    out += fmt::format("| {}{} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n", row.id,
                       note.empty() ? "" : " " + note, md_text(row.organisation), basis_label(row),
                       row.includes_pue ? "in" : "out", ref, err(row.reproduce.energy_error),
                       err(row.predict.energy_error), energy(row.held_out.energy_mwh), err(row.held_out.energy_error),
                       interval(row.held_out), covered(row.held_out));
  }
  out += "\n| mode | median \\|energy error\\| | 90th percentile | n | 90% coverage | median \\|emissions error\\| | n |\n"
         "|---|--:|--:|--:|--:|--:|--:|\n";
  for (const auto& [label, sm] : {std::pair{"reproduce", &r.reproduce}, {"in-sample", &r.predict}, {"held out", &r.held_out}})
    out += fmt::format("| {} | {} | {} | {} | {} | {} | {} |\n", label, pct(sm->energy_mae), pct(sm->energy_p90),
                       sm->energy_n, pct(sm->coverage), pct(sm->emissions_mae), sm->emissions_n);
  if (const auto& c = choice_held_out())
    out += fmt::format("| {} ({}) | {} | {} | {} | — | — | — |\n", choice_label, md_text(choice_provenance(*c)),
                       pct(c->energy_mae), pct(c->energy_p90), c->energy_n);
  else
    out += fmt::format("| {} | — | — | — | — | — | — |\n", md_text(choice_missing));
  out += "\nReproduce: " + within_text(r) + ". The held-out row scores the MFU model's form by the error it was chosen "
         "by; the last row holds that choice out too, and is what to expect on a new run.\n";
  out += "\n| held out by | group | n | median \\|energy error\\| | 90th percentile | coverage |\n|---|---|--:|--:|--:|--:|\n";
  for (const auto& g : r.breakdown)
    out += fmt::format("| {} | {} | {} | {} | {} | {} |\n", g.dimension, md_text(g.value), g.summary.energy_n,
                       pct(g.summary.energy_mae), pct(g.summary.energy_p90), pct(g.summary.coverage));
  if (!n.texts.empty()) {
    out += "\n";
    for (std::size_t i = 0; i < n.texts.size(); ++i) out += fmt::format("[{}] {}\n\n", i + 1, md_text(n.texts[i]));
    out.pop_back();
  }
  return out;
}

json mode_json(const validation_result& m) {
  json j{{"energy_mwh", opt(m.energy_mwh)},
         {"emissions_t_co2e", opt(m.emissions_t_co2e)},
         {"energy_error", opt(m.energy_error)},
         {"emissions_error", opt(m.emissions_error)},
         {"mfu", opt(m.mfu)},
         {"energy_p5_mwh", opt(m.energy_p5_mwh)},
         {"energy_p95_mwh", opt(m.energy_p95_mwh)},
         {"covered", m.covered ? json(*m.covered) : json(nullptr)}};
  j["note"] = m.note.empty() ? json(nullptr) : json(m.note);
  return j;
}
json summary_json(const validation_summary& s) {
  return json{{"energy_mae", opt(s.energy_mae)},       {"energy_p90", opt(s.energy_p90)},
              {"energy_n", s.energy_n},                {"emissions_mae", opt(s.emissions_mae)},
              {"emissions_n", s.emissions_n},          {"within_tolerance", s.within_tolerance},
              {"coverage", opt(s.coverage)},           {"coverage_n", s.coverage_n}};
}

/// null where data/calibration.json does not carry it.
json choice_json() {
  const auto& c = choice_held_out();
  if (!c) return nullptr;
  return json{{"label", choice_label},        {"energy_mae", c->energy_mae}, {"energy_p90", c->energy_p90},
              {"energy_n", c->energy_n},      {"candidates", c->candidates}, {"date", c->date},
              {"command", c->command},        {"source", c->source}};
}

std::string to_json_text(const validation_report& r) {
  json rows = json::array();
  for (const auto& row : r.rows) {
    json j{{"id", row.id},
           {"name", row.name},
           {"organisation", row.organisation},
           {"family", row.family},
           {"active_params", opt(row.active_params)},
           {"moe", row.moe},
           {"in_fit", row.in_fit},
           {"boundary", row.boundary},
           {"power_basis", std::string(to_string(row.basis))},
           {"includes_pue", row.includes_pue},
           {"reproducible", row.reproducible},
           {"published", {{"energy_mwh", opt(row.published_energy_mwh)},
                          {"emissions_t_co2e", opt(row.published_emissions_t_co2e)}}},
           {"reference_energy_mwh", opt(row.reference_energy_mwh)},
           {"reference_published", row.reference_published},
           {"reproduce", mode_json(row.reproduce)},
           {"predict", mode_json(row.predict)},
           {"held_out", mode_json(row.held_out)}};
    j["predict_scenario"] = row.predict_scenario ? json(*row.predict_scenario) : json(nullptr);
    rows.push_back(std::move(j));
  }
  json groups = json::array();
  for (const auto& g : r.breakdown) groups.push_back({{"by", g.dimension}, {"group", g.value}, {"held_out", summary_json(g.summary)}});
  json doc{{"schema", "trainprint.validation/2"},
           {"reproduce_tolerance", reproduce_tolerance},
           {"samples", validation_samples},
           {"organisations", r.organisations},
           {"rows", std::move(rows)},
           {"summary", {{"reproduce", summary_json(r.reproduce)},
                        {"predict", summary_json(r.predict)},
                        {"held_out", summary_json(r.held_out)},
                        {"held_out_form_chosen_inside", choice_json()}}},
           {"breakdown", std::move(groups)}};
  return doc.dump(2) + "\n";
}

}  // namespace

std::string run_validate(const validate_options& o, const global_options& g) {
  if (o.calibration) {
    const auto runs = calibration_runs(catalog::embedded());
    mfu_model m = fit_mfu_model(runs);
    // Not computed by the C++ fit: carried from the shipped file, where scripts/data/mfu_forms.py
    // --nested --write put it with the coefficients it was computed for.
    m.choice_held_out = fitted_mfu_model().choice_held_out;
    return calibration_json(m, runs);
  }
  const validation_report r = validate_presets(load_catalog(g));
  if (o.format == output_format::json) return to_json_text(r);
  if (o.format == output_format::md) return markdown(r);
  return table(r);
}

void add_validate(CLI::App& app, context& ctx) {
  add_command<validate_options>(app, ctx, "validate", "Published training runs vs trainprint's estimates (reproduce and predict)", setup_validate, run_validate);
}

}  // namespace trainprint::cli
