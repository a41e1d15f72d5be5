// trainprint validate: published training runs vs trainprint's estimates, in
// reproduce mode (the source's inputs) and predict mode (defaults).

#include "command.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "trainprint/calibration.hpp"
#include "trainprint/json.hpp"
#include "trainprint/validate.hpp"

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

std::string num(const std::optional<double>& v) {
  if (!v) return "—";
  return fmt::format("{:.1f}", *v);
}
std::string err(const std::optional<double>& v) {
  if (!v) return "";
  return fmt::format("{:+.1f}%", *v * 100);
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

const char* intro =
    "reproduce: the source's own inputs (accelerator-hours, power per chip, PUE, intensity, boundary).\n"
    "predict:   params and tokens (or FLOPs), hardware, count and place only; MFU, power, host and PUE\n"
    "           from trainprint's defaults. Both keep the source's accounting convention (boundary,\n"
    "           TDP or measured power, PUE in or out). Errors are estimate / published - 1.\n";

std::string summary_line(const char* mode, const validation_summary& s) {
  return fmt::format("{:<10} energy {} (n={}), emissions {} (n={})", mode, pct(s.energy_mae), s.energy_n,
                     pct(s.emissions_mae), s.emissions_n);
}

std::string table(const validation_report& r) {
  std::string out = "Validation against " + std::to_string(r.rows.size()) + " published training runs\n" + intro + "\n";
  notes n;
  const auto line = [&](auto&&... cols) {
    std::string l = fmt::format("{:<24} {:<17} {:<3} {:>9} {:>9} {:>6} {:>9} {:>7}   {:>9} {:>9} {:>6} {:>9} {:>7}  {}",
                                cols...);
    while (!l.empty() && l.back() == ' ') l.pop_back();
    out += l + "\n";
  };
  line("", "", "", "energy", "MWh", "", "", "", "emissions", "t CO2e", "", "", "", "");
  line("preset", "power", "PUE", "published", "reproduce", "error", "predict", "error", "published", "reproduce",
       "error", "predict", "error", "note");
  for (const auto& row : r.rows) {
    line(row.id, basis_label(row), row.includes_pue ? "in" : "out", num(row.published_energy_mwh),
         num(row.reproduce.energy_mwh), err(row.reproduce.energy_error), num(row.predict.energy_mwh),
         err(row.predict.energy_error), num(row.published_emissions_t_co2e), num(row.reproduce.emissions_t_co2e),
         err(row.reproduce.emissions_error), num(row.predict.emissions_t_co2e), err(row.predict.emissions_error),
         n.ref(row.id, row.reproduce.note));
  }
  out += "\nMedian absolute error\n";
  std::size_t reproducible = 0;
  for (const auto& row : r.rows) reproducible += row.reproducible ? 1 : 0;
  out += "  " + summary_line("reproduce", r.reproduce) +
         fmt::format("; {} of {} reproducible runs within ±{:g}%\n", r.reproduce.within_tolerance, reproducible,
                     reproduce_tolerance * 100);
  out += "  " + summary_line("predict", r.predict) + "\n";
  if (!n.texts.empty()) {
    out += "\nNotes\n";
    for (std::size_t i = 0; i < n.texts.size(); ++i) out += fmt::format("  [{}] {}\n", i + 1, n.texts[i]);
  }
  return out;
}

std::string markdown(const validation_report& r) {
  std::string out = "| preset | power | PUE | energy published (MWh) | reproduce | error | predict | error | "
                    "emissions published (t CO2e) | reproduce | error | predict | error |\n";
  out += "|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n";
  notes n;
  for (const auto& row : r.rows) {
    const std::string note = n.ref(row.id, row.reproduce.note);
    out += fmt::format("| {}{} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n", row.id,
                       note.empty() ? "" : " " + note, basis_label(row), row.includes_pue ? "in" : "out",
                       num(row.published_energy_mwh), num(row.reproduce.energy_mwh), err(row.reproduce.energy_error),
                       num(row.predict.energy_mwh), err(row.predict.energy_error), num(row.published_emissions_t_co2e),
                       num(row.reproduce.emissions_t_co2e), err(row.reproduce.emissions_error),
                       num(row.predict.emissions_t_co2e), err(row.predict.emissions_error));
  }
  out += "\n| median absolute error | energy | n | emissions | n |\n|---|--:|--:|--:|--:|\n";
  out += fmt::format("| reproduce | {} | {} | {} | {} |\n", pct(r.reproduce.energy_mae), r.reproduce.energy_n,
                     pct(r.reproduce.emissions_mae), r.reproduce.emissions_n);
  out += fmt::format("| predict | {} | {} | {} | {} |\n", pct(r.predict.energy_mae), r.predict.energy_n,
                     pct(r.predict.emissions_mae), r.predict.emissions_n);
  if (!n.texts.empty()) {
    out += "\n";
    for (std::size_t i = 0; i < n.texts.size(); ++i) out += fmt::format("[{}] {}\n\n", i + 1, n.texts[i]);
    out.pop_back();
  }
  return out;
}

json mode_json(const validation_result& m) {
  json j{{"energy_mwh", opt(m.energy_mwh)},
         {"emissions_t_co2e", opt(m.emissions_t_co2e)},
         {"energy_error", opt(m.energy_error)},
         {"emissions_error", opt(m.emissions_error)},
         {"mfu", opt(m.mfu)}};
  j["note"] = m.note.empty() ? json(nullptr) : json(m.note);
  return j;
}
json summary_json(const validation_summary& s) {
  return json{{"energy_mae", opt(s.energy_mae)},
              {"energy_n", s.energy_n},
              {"emissions_mae", opt(s.emissions_mae)},
              {"emissions_n", s.emissions_n},
              {"within_tolerance", s.within_tolerance}};
}

std::string to_json_text(const validation_report& r) {
  json rows = json::array();
  for (const auto& row : r.rows) {
    json j{{"id", row.id},
           {"name", row.name},
           {"boundary", row.boundary},
           {"power_basis", std::string(to_string(row.basis))},
           {"includes_pue", row.includes_pue},
           {"reproducible", row.reproducible},
           {"published", {{"energy_mwh", opt(row.published_energy_mwh)},
                          {"emissions_t_co2e", opt(row.published_emissions_t_co2e)}}},
           {"reproduce", mode_json(row.reproduce)},
           {"predict", mode_json(row.predict)}};
    j["predict_scenario"] = row.predict_scenario ? json(*row.predict_scenario) : json(nullptr);
    rows.push_back(std::move(j));
  }
  json doc{{"schema", "trainprint.validation/1"},
           {"reproduce_tolerance", reproduce_tolerance},
           {"rows", std::move(rows)},
           {"summary", {{"reproduce", summary_json(r.reproduce)}, {"predict", summary_json(r.predict)}}}};
  return doc.dump(2) + "\n";
}

}  // namespace

std::string run_validate(const validate_options& o, const global_options& g) {
  if (o.calibration) {
    const auto runs = calibration_runs(catalog::embedded());
    return calibration_json(fit_mfu_model(runs), runs);
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
