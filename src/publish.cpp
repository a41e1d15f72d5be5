// The artefacts people publish an estimate in: Hugging Face model-card metadata, a
// paper's paragraph (Markdown and LaTeX) and the EU AI Act's training fields. Each
// states the convention, the boundary, PUE, the grid intensity with its basis and
// the trainprint and catalog versions. See format.hpp (render) and docs/publishing.md.

#include "publish_internal.hpp"

#include "format_internal.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "text.hpp"
#include "trainprint/error.hpp"
#include "trainprint/format.hpp"
#include "trainprint/plain.hpp"
#include "trainprint/version.hpp"

namespace trainprint::inline v0 {
namespace {

using text::md_escape;

/// 4 significant digits, without an exponent below 10^9 (7680, 110812, 1.14, 274.8).
std::string g4(double v) {
  return std::abs(v) >= 1e4 && std::abs(v) < 1e9 ? fmt::format("{:.0f}", v) : fmt::format("{:.4g}", v);
}

/// Output `o` at every input's central value (the plain point estimate, whose parts
/// multiply and add up); without ranges the headline itself.
std::optional<double> central(const estimate& e, output o) {
  if (e.uncertainty)
    if (const auto* i = e.uncertainty->find(info(o).path)) return i->central;
  return e.value(o);
}

/// " (90% range A to B)" after output `o`'s headline when the estimate has an interval
/// with a width; `show` writes one number in the headline's units.
template <class Show>
std::string range_of(const estimate& e, output o, Show show) {
  const auto* i = interval(e, info(o).path);
  if (!i) return {};
  return " (90% range " + show(i->p5) + " to " + show(i->p95) + ")";
}
/// A factor of the estimate beside its outputs: with ranges (the input drawn, not fixed) its
/// own median and 90% range, as the median outputs it stands beside (docs/uncertainty.md);
/// else the point value. `show` writes one number.
struct factor_phrase {
  std::string value;  ///< "1.56", or the median "1.505"
  std::string range;  ///< "90% range 1.331 to 1.622"; "" without a drawn range
};
template <class Show>
factor_phrase factor_of(const estimate& e, uncertain_input i, double point, Show show) {
  const input_distribution* d = drawn_input(e, i);
  if (!d) return {show(point), {}};
  return {show(d->dist.quantile(0.5)),
          "90% range " + show(d->dist.quantile(0.05)) + " to " + show(d->dist.quantile(0.95))};
}
std::string kwh_text(double v) { return readable(energy::kwh(v)); }
std::string kg_text(double v) { return readable(emissions::kg_co2e(v)); }

/// The facts every artefact states, gathered once.
struct facts {
  std::string hardware;  ///< "64 × NVIDIA A100 SXM4 40GB", or "64 accelerators"
  std::string where;     ///< "US West (Oregon) (aws:us-west-2)", "" when no region
  std::string no_where;  ///< what stands for the place when there is no region
  std::string convention, boundary;
  std::string method;    ///< the convention in words
  factor_phrase pue;     ///< with ranges, PUE's median and 90% range
  std::optional<double> intensity;
  /// "274.8 g CO2e/kWh for egrid:NWPP (direct, production, location (2022))"; with ranges the
  /// intensity's median and 90% range: "44.3 g CO2e/kWh (90% range 41.48 to 47.25) for FR (…)".
  std::string grid;
  std::string grid_point;  ///< the same at the point value, for the paper's equation
  std::string versions;  ///< "trainprint 0.1.0, catalog 2026.11.0 (2026-11-26)"
  /// With ranges: what the figures are (medians with 90% ranges); "" without.
  std::string ranged;
};

facts gather(const estimate& e, const catalog& cat) {
  facts f;
  const auto& c = e.context;
  const accelerator* acc = c.accelerator_id.empty() ? nullptr : cat.get_accelerator(c.accelerator_id);
  std::string hw = acc ? acc->name : c.accelerator_id.empty() ? "accelerators" : c.accelerator_id;
  // A hardware word names a kind of part, not a part: say so, and which part stood for it.
  if (const plain_part* word = e.scenario.hardware ? find_hardware_word(*e.scenario.hardware) : nullptr)
    hw = fmt::format("\"{}\" (part not stated; modelled as {}, with a range across similar parts)", word->word, hw);
  f.hardware = e.inputs.count ? fmt::format("{:g} × {}", *e.inputs.count, hw) : hw;
  if (!c.region_id.empty()) {
    const region* r = cat.get_region(c.region_id);
    f.where = r && !r->name.empty() && r->name != c.region_id ? r->name + " (" + c.region_id + ")" : c.region_id;
  }
  const auto& s = e.scenario;
  f.no_where = s.energy   ? "not stated (energy described as \"" + *s.energy + "\")"
               : s.mix    ? std::string("not stated (energy mix given)")
               : s.intensity ? std::string("not stated (grid intensity given)")
                             : std::string("not stated");
  if (e.uncertainty)
    f.ranged = fmt::format("Each figure is the median of {} Monte Carlo samples over the inputs' ranges, with its "
                           "90% range (5th to 95th percentile); the medians of parts need not add up to the median "
                           "of their sum.",
                           e.uncertainty->samples);
  f.convention = std::string(to_string(c.convention));
  f.boundary = std::string(to_string(c.boundary));
  switch (c.convention) {
    case convention::model_card:
      f.method = "accelerator-hours × TDP × PUE × grid intensity; accelerators only, operational emissions only";
      break;
    case convention::accelerators:
      f.method = "accelerator-hours × average accelerator power × PUE × grid intensity, plus amortised embodied "
                 "emissions; accelerators only";
      break;
    case convention::servers:
      f.method = "accelerator-hours × (average accelerator power + host share) × PUE × grid intensity, plus "
                 "amortised embodied emissions; accelerators and their servers";
      break;
  }
  f.pue = factor_of(e, uncertain_input::pue, e.inputs.pue, g4);
  f.intensity = e.inputs.intensity_g_per_kwh;
  if (f.intensity) {
    std::string where;
    if (!c.grid_region_id.empty()) where += " for " + c.grid_region_id;
    if (!c.intensity_basis.empty()) where += " (" + c.intensity_basis + ")";
    const auto ci = factor_of(e, uncertain_input::intensity_g_per_kwh, *f.intensity, g4);
    f.grid = ci.value + " g CO2e/kWh" + (ci.range.empty() ? "" : " (" + ci.range + ")") + where;
    f.grid_point = g4(*f.intensity) + " g CO2e/kWh" + where;
  }
  f.versions = fmt::format("trainprint {}, catalog {} ({})", version, e.catalog_version, e.catalog_date);
  return f;
}

/// "operational, location-based X + embodied Y = Z" for the total, or the one part there is.
std::string emissions_sentence(const estimate& e) {
  const auto loc = e.value(output::emissions_location), emb = e.value(output::emissions_embodied),
             total = e.value(output::emissions_total);
  if (!total) return {};
  std::string s = readable(emissions::kg_co2e(*total)) + range_of(e, output::emissions_total, kg_text);
  if (emb && *emb > 0 && loc)
    s += fmt::format(": {} operational (location-based) + {} embodied", readable(emissions::kg_co2e(*loc)),
                     readable(emissions::kg_co2e(*emb)));
  else
    s += " (operational, location-based)";
  return s;
}

/// The market-based sentence. With ranges the emissions are a median, so the share beside
/// them is the median of its own range too (a share of 100% can only be sampled lower, so
/// the point share would not match the median emissions).
std::string market_sentence(const estimate& e) {
  const auto m = e.value(output::emissions_market);
  if (!m || !e.inputs.cfe) return {};
  auto share = factor_of(e, uncertain_input::cfe, *e.inputs.cfe, [](double v) { return fmt::format("{:.3g}%", v * 100); });
  if (share.range.empty()) share.value = fmt::format("{:g}%", *e.inputs.cfe * 100);  // the point, as given
  return fmt::format("Market-based operational emissions are {}{} with a carbon-free-energy share {} (the "
                     "provider's annual claim or the user's; not hourly-matched unless stated).",
                     readable(emissions::kg_co2e(*m)), range_of(e, output::emissions_market, kg_text),
                     share.range.empty() ? (e.uncertainty ? "of " + share.value + ", fixed" : "of " + share.value)
                                         : "whose median is " + share.value + ", " + share.range);
}

[[noreturn]] void need_emissions(std::string_view format) {
  throw input_error("format", std::string(format),
                    "an estimate whose emissions are known: give region (or intensity, or mix) and hardware");
}

/// The equation of the convention, with the estimate's numbers: {symbols, numbers}.
struct equation {
  std::string energy_symbols, energy_numbers, emissions_symbols, emissions_numbers;
};

equation equation_of(const estimate& e) {
  equation q;
  const auto& in = e.inputs;
  // At every input's central value, so that the numbers multiply out (with ranges the
  // headlines are medians, which need not: the paragraph gives them after the equations).
  const double ah = *central(e, output::accelerator_hours), p_acc = *central(e, output::accelerator_power),
               p_host = *central(e, output::host_power);
  const std::string facility = kwh_text(*central(e, output::energy_facility));
  if (e.context.boundary == boundary::servers) {
    q.energy_symbols = "E = AH × (P_acc + P_host) × PUE";
    q.energy_numbers =
        fmt::format("{} h × ({} W + {} W) × {} = {}", g4(ah), g4(p_acc), g4(p_host), g4(in.pue), facility);
  } else {
    q.energy_symbols = e.context.convention == convention::model_card ? "E = AH × TDP × PUE" : "E = AH × P_acc × PUE";
    q.energy_numbers = fmt::format("{} h × {} W × {} = {}", g4(ah), g4(p_acc), g4(in.pue), facility);
  }
  const auto total = central(e, output::emissions_total), emb = central(e, output::emissions_embodied);
  if (total && in.intensity_g_per_kwh) {
    const bool with_embodied = emb && *emb > 0;
    q.emissions_symbols = with_embodied ? "CO2e = E × CI + embodied" : "CO2e = E × CI";
    q.emissions_numbers = fmt::format("{} × {} g CO2e/kWh{} = {}", facility, g4(*in.intensity_g_per_kwh),
                                      with_embodied ? " + " + readable(emissions::kg_co2e(*emb)) : std::string{},
                                      readable(emissions::kg_co2e(*total)));
  }
  return q;
}

/// The inputs of the estimate (trace entries that are not derived), for the factor table.
std::vector<const trace_entry*> factors(const estimate& e) {
  std::vector<const trace_entry*> v;
  for (const auto& t : e.trace)
    if (t.origin != origin::derived || !t.source.empty()) v.push_back(&t);
  return v;
}

/// What the symbols of the energy equation stand for.
std::string symbols_text(const estimate& e) {
  std::string s = "AH the accelerator-hours, ";
  if (e.context.convention == convention::model_card)
    s += "TDP the accelerator's thermal design power";
  else if (e.context.boundary == boundary::servers)
    s += "P_acc the average power per accelerator, P_host its share of the server's other power";
  else
    s += "P_acc the average power per accelerator";
  return s + " and PUE the facility's power usage effectiveness";
}

std::string origin_text(const trace_entry& t) {
  std::string s(to_string(t.origin));
  if (!t.note.empty()) s += ": " + t.note;
  return s;
}

/// The paper paragraph's prose around the equations, shared by Markdown and LaTeX
/// (each escapes it): the opening up to the equations, the closing after them.
struct paper_prose {
  std::string opening, closing;
  bool with_embodied = false;
};

paper_prose paper_prose_of(const estimate& e, const facts& f) {
  paper_prose p;
  p.opening = fmt::format(
      "We estimate the energy and greenhouse-gas emissions of training with {}, under the {} convention ({}). "
      "Training took {}{} accelerator-hours on {}{}",
      f.versions, f.convention, f.method, readable_count(e.accelerator_hours),
      range_of(e, output::accelerator_hours, readable_count), f.hardware, f.where.empty() ? "" : " in " + f.where);
  // Not in brackets: the paragraph's citation "(BibTeX entry below)" follows.
  if (e.wall_hours)
    p.opening += ", over " + readable_hours(*e.wall_hours) + range_of(e, output::wall_hours, readable_hours) +
                 " of wall-clock time";
  const auto emb = e.value(output::emissions_embodied);
  p.with_embodied = emb && *emb > 0;
  p.closing = "with CI the grid's carbon intensity, " + f.grid_point;  // the equation's: the point value
  p.closing += p.with_embodied ? fmt::format(", and embodied the manufacturing emissions of the hardware amortised "
                                             "over {:g} years. ",
                                             e.inputs.lifetime_years)
                               : ". ";
  if (e.uncertainty)
    p.closing += fmt::format("The equations use each input's central value (the point estimate). Over the inputs' "
                             "ranges, facility energy is {}{} and emissions are {}. {} ",
                             readable(e.energy_facility), range_of(e, output::energy_facility, kwh_text),
                             emissions_sentence(e), f.ranged);
  if (const auto m = market_sentence(e); !m.empty()) p.closing += m + " ";
  // With ranges the factors below are the trace's point values, as the equations use them.
  p.closing += e.uncertainty ? "Every factor at its central value (as in the equations) and its source:"
                             : "Every factor and its source:";
  return p;
}

}  // namespace

std::string bibtex_entry() {
  return fmt::format(
      "@software{{trainprint,\n"
      "  title = {{trainprint: energy, emissions and water of training machine-learning models}},\n"
      "  author = {{{{The trainprint authors}}}},\n"
      "  version = {{{}}},\n"
      "  license = {{Apache-2.0}},\n"
      "  url = {{https://github.com/trainprint/trainprint}}\n"
      "}}\n",
      version);
}

std::string yaml_quoted(std::string_view s) {
  // A JSON string is a valid YAML double-quoted scalar (YAML 1.2 is a superset of
  // JSON; the escapes nlohmann writes — \" \\ \b \f \n \r \t \uXXXX — are YAML's too).
  return nlohmann::json(std::string(s)).dump();
}

std::string render_model_card(const estimate& e, const catalog& cat) {
  const auto total = e.value(output::emissions_total);
  if (!total) need_emissions("model-card");
  const facts f = gather(e, cat);
  const bool fine_tune = e.scenario.trainable_params.has_value();
  std::string source =
      fmt::format("{} estimate; convention {} ({}); boundary {}; PUE {}; grid intensity {}; emissions = "
                  "location-based operational{}",
                  f.versions, f.convention, f.method, f.boundary,
                  f.pue.value + (f.pue.range.empty() ? "" : " (" + f.pue.range + ")"), f.grid,
                  e.inputs.embodied && e.value(output::emissions_embodied) ? " + embodied" : "");
  if (const auto* i = interval(e, info(output::emissions_total).path))
    source += fmt::format("; the median of {} Monte Carlo samples, 90% range {:.0f} to {:.0f} g CO2e",
                          e.uncertainty->samples, i->p5 * 1000.0, i->p95 * 1000.0);
  std::string out = "---\n";
  out += "co2_eq_emissions:\n";
  out += fmt::format("  emissions: {:.1f}\n", *total * 1000.0);
  out += "  source: " + yaml_quoted(source) + "\n";
  out += "  # training_type: fine-tuning when trainable_params is given (a parameter-efficient fine-tune), else\n"
         "  # pre-training; edit it for a full fine-tune.\n";
  out += "  training_type: " + yaml_quoted(fine_tune ? "fine-tuning" : "pre-training") + "\n";
  out += "  geographical_location: " + yaml_quoted(f.where.empty() ? f.no_where : f.where) + "\n";
  out += "  hardware_used: " + yaml_quoted(f.hardware) + "\n";
  out += "---\n\n";
  out += "## Environmental impact\n\n";
  std::string p = fmt::format(
      "Training used {}{} accelerator-hours on {}{}, an estimated {}{} of electricity at the facility (PUE {}{}), "
      "and emitted an estimated {}; {:.0f} g CO2e in the metadata above. ",
      readable_count(e.accelerator_hours), range_of(e, output::accelerator_hours, readable_count), f.hardware,
      f.where.empty() ? "" : " in " + f.where, readable(e.energy_facility),
      range_of(e, output::energy_facility, kwh_text), f.pue.value, f.pue.range.empty() ? "" : ", " + f.pue.range,
      emissions_sentence(e), *total * 1000.0);
  if (!f.ranged.empty()) p += f.ranged + " ";
  p += fmt::format("Estimated with {} under the {} convention ({}), boundary {}; grid intensity {}. ", f.versions,
                   f.convention, f.method, f.boundary, f.grid);
  if (const auto m = market_sentence(e); !m.empty()) p += m;
  out += md_escape(p);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  out += "\n";
  return out;
}

std::string render_paper(const estimate& e, const catalog& cat) {
  if (!e.value(output::emissions_total)) need_emissions("paper");
  const facts f = gather(e, cat);
  const equation q = equation_of(e);
  std::string out = "### Environmental impact of training\n\n";
  const paper_prose prose = paper_prose_of(e, f);
  out += md_escape(prose.opening + " (BibTeX entry below). Facility energy is") + "\n\n";
  out += "    " + q.energy_symbols + "\n    = " + q.energy_numbers + "\n\n";
  out += md_escape("with " + symbols_text(e) + ". Emissions are");
  out += "\n\n    " + q.emissions_symbols + "\n    = " + q.emissions_numbers + "\n\n";
  out += md_escape(prose.closing) + "\n\n";
  std::vector<std::vector<std::string>> rows;
  for (const auto* t : factors(e))
    rows.push_back({md_escape(t->name), md_escape(g4(t->value) + (t->unit.empty() || t->unit == "1" ? "" : " " + t->unit)),
                    md_escape(origin_text(*t)), md_escape(t->source.empty() ? "—" : t->source)});
  out += text::md_table({"Factor", "Value", "Origin", "Source"}, rows, {false, true, false, false});
  out += "\n```bibtex\n" + bibtex_entry() + "```\n";
  return out;
}

std::string latex_escape(std::string_view s) {
  static const std::vector<std::pair<std::string_view, std::string_view>> map{
      {"\\", "\\textbackslash{}"}, {"{", "\\{"}, {"}", "\\}"}, {"%", "\\%"}, {"_", "\\_"}, {"&", "\\&"},
      {"#", "\\#"}, {"$", "\\$"}, {"~", "\\textasciitilde{}"}, {"^", "\\textasciicircum{}"},
      {"<", "\\textless{}"}, {">", "\\textgreater{}"}, {"×", "$\\times$"}, {"÷", "$\\div$"},
      {"·", "$\\cdot$"}, {"−", "$-$"}, {"–", "--"}, {"—", "---"}, {"“", "``"}, {"”", "''"}, {"§", "\\S{}"},
      {"Σ", "$\\Sigma$"}, {"≤", "$\\leq$"}, {"≥", "$\\geq$"}, {"≈", "$\\approx$"}, {"²", "\\textsuperscript{2}"},
      {"³", "\\textsuperscript{3}"}, {"→", "$\\rightarrow$"}, {"µ", "\\textmu{}"}};
  std::string r;
  for (std::size_t i = 0; i < s.size();) {
    bool hit = false;
    for (const auto& [from, to] : map)
      if (s.substr(i, from.size()) == from) {
        r += to;
        i += from.size();
        hit = true;
        break;
      }
    if (!hit) r += s[i++];
  }
  return r;
}

std::string render_paper_latex(const estimate& e, const catalog& cat) {
  if (!e.value(output::emissions_total)) need_emissions("latex");
  const facts f = gather(e, cat);
  const equation q = equation_of(e);
  const bool servers = e.context.boundary == boundary::servers;
  const paper_prose prose = paper_prose_of(e, f);
  std::string out = "% Environmental impact of training: generated by " + latex_escape(f.versions) +
                    ". Needs \\usepackage{amsmath} and a .bib file with the entry below.\n";
  out += "\\paragraph{Environmental impact of training.}\n";
  out += latex_escape(prose.opening) + "~\\cite{trainprint}. Facility energy is\n";
  out += "\\begin{equation}\n";
  out += servers ? "  E = \\mathrm{AH} \\times (P_{\\mathrm{acc}} + P_{\\mathrm{host}}) \\times \\mathrm{PUE}"
        : e.context.convention == convention::model_card ? "  E = \\mathrm{AH} \\times \\mathrm{TDP} \\times \\mathrm{PUE}"
                                                          : "  E = \\mathrm{AH} \\times P_{\\mathrm{acc}} \\times \\mathrm{PUE}";
  out += " = \\text{" + latex_escape(q.energy_numbers) + "}\n\\end{equation}\n";
  out += latex_escape("with " + symbols_text(e) + ". Emissions are") + "\n";
  out += "\\begin{equation}\n";
  out += std::string("  \\mathrm{CO_2e} = E \\times \\mathrm{CI}") + (prose.with_embodied ? " + \\mathrm{embodied}" : "");
  out += " = \\text{" + latex_escape(q.emissions_numbers) + "}\n\\end{equation}\n";
  out += latex_escape(prose.closing) + "\n";
  out += "\\begin{itemize}\n";
  for (const auto* t : factors(e)) {
    std::string item = t->name + " = " + g4(t->value) + (t->unit.empty() || t->unit == "1" ? "" : " " + t->unit) +
                       " (" + origin_text(*t) + ")";
    if (!t->source.empty()) item += ". Source: " + t->source;
    out += "  \\item " + latex_escape(item) + "\n";
  }
  out += "\\end{itemize}\n";
  out += "% BibTeX entry for your .bib file:\n";
  const std::string bib = bibtex_entry();
  std::size_t start = 0;
  while (start < bib.size()) {
    const auto end = bib.find('\n', start);
    out += "% " + bib.substr(start, end - start) + "\n";
    start = end + 1;
  }
  return out;
}

std::string render_ai_act(const estimate& e, const catalog& cat) {
  const facts f = gather(e, cat);
  const auto& s = e.scenario;
  std::string out =
      "## Training compute and energy (EU AI Act, Annex XI, Section 1, point 2(d) and (e))\n\n"
      "Technical documentation of a general-purpose AI model under Article 53(1), point (a), of Regulation (EU) "
      "2024/1689. Annex XI, Section 1, point 2 asks for \"(d) the computational resources used to train the model "
      "(e.g. number of floating point operations), training time, and other relevant details related to the "
      "training;\" and \"(e) known or estimated energy consumption of the model\", and adds that \"where the energy "
      "consumption of the model is unknown, the energy consumption may be based on information about computational "
      "resources used\". The Model Documentation Form of the General-Purpose AI Code of Practice (Transparency "
      "chapter, 2025), published by the European Commission to help providers meet Article 53(1), collects the "
      "information of Annex XI in one form.\n\n";
  std::vector<std::vector<std::string>> rows;
  // (d) computational resources: FLOPs.
  std::string flops_how;
  if (e.flops) {
    if (s.flops)
      flops_how = "given";
    else if (s.trainable_params)
      flops_how = "estimated: (4 × parameters + 2 × trained parameters) × tokens";
    else if (s.layers)
      flops_how = fmt::format("estimated: {} × active parameters × tokens + attention (12 × layers × d_model × "
                              "sequence length per token)",
                              s.recompute ? 8 : 6);
    else
      flops_how = fmt::format("estimated: {} × active parameters × tokens", s.recompute ? 8 : 6);
  }
  rows.push_back({"(d) Computational resources: floating point operations",
                  e.flops ? fmt::format("{:.2e} FLOP", *e.flops) +
                                range_of(e, output::flops, [](double v) { return fmt::format("{:.2e}", v); })
                          : "not known",
                  e.flops ? flops_how
                          : "the run was described by accelerator-hours or duration, not by parameters and tokens; "
                            "give params and tokens (or flops) to document it"});
  std::string ah_how = s.gpu_hours ? "given"
                       : s.duration_h ? "duration × count, given"
                                      : fmt::format("estimated: FLOPs ÷ (dense peak FLOP/s × MFU {:.3g}) ÷ 3600",
                                                    e.inputs.mfu);
  rows.push_back({"(d) Computational resources: accelerators and accelerator-hours",
                  fmt::format("{}{} accelerator-hours on {}", readable_count(e.accelerator_hours),
                              range_of(e, output::accelerator_hours, readable_count), f.hardware),
                  ah_how});
  rows.push_back({"(d) Training time (wall-clock)",
                  e.wall_hours ? readable_hours(*e.wall_hours) + range_of(e, output::wall_hours, readable_hours)
                               : "not known",
                  e.wall_hours ? (s.duration_h ? "given" : "accelerator-hours ÷ count") : "give count"});
  const auto it = e.value(output::energy_it);
  rows.push_back({"(e) Energy consumption, estimated (facility)",
                  readable(e.energy_facility) + range_of(e, output::energy_facility, kwh_text),
                  fmt::format("estimated, not measured, from the computational resources (as point 2(e) allows): {}; "
                              "PUE {}{}; convention {}, boundary {}",
                              f.convention == "model-card" ? "accelerator-hours × TDP"
                              : e.context.boundary == boundary::servers
                                  ? "accelerator-hours × (average accelerator power + host share)"
                                  : "accelerator-hours × average accelerator power",
                              f.pue.value, f.pue.range.empty() ? "" : " (" + f.pue.range + ")", f.convention,
                              f.boundary)});
  if (it)
    rows.push_back({"(e) Energy consumption, estimated (IT equipment, before PUE)",
                    readable(energy::kwh(*it)) + range_of(e, output::energy_it, kwh_text),
                    "the same estimate without the facility overhead"});
  for (auto& r : rows)
    for (auto& cell : r) cell = md_escape(cell);
  out += text::md_table({"Field (Annex XI, Section 1, point 2)", "Value", "How it was obtained"}, rows,
                        {false, true, false});
  std::string tail = "\nEstimated with " + f.versions + ".";
  if (!f.ranged.empty()) tail += " " + f.ranged;
  if (f.intensity)
    tail += " Not asked by Annex XI, for completeness: operational emissions " +
            readable(emissions::kg_co2e(*e.value(output::emissions_location))) +
            range_of(e, output::emissions_location, kg_text) + " (location-based; grid intensity " +
            f.grid + ").";
  out += md_escape(tail) + "\n\n";
  out += "Sources: Regulation (EU) 2024/1689 of the European Parliament and of the Council of 13 June 2024 "
         "(Artificial Intelligence Act), OJ L, 12.7.2024, Annex XI, Section 1, point 2(d) and (e), "
         "<https://eur-lex.europa.eu/eli/reg/2024/1689/oj>; European Commission, General-Purpose AI Code of "
         "Practice, Transparency chapter, Model Documentation Form (2025).\n";
  return out;
}

}  // namespace trainprint::inline v0
