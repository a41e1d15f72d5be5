// The browser calculator's interface to the library (Embind): the input and
// output tables, the catalog's choices, and one estimate from typed inputs as
// JSON. Every number the page shows comes from here; the page has no formula.

#include <emscripten/bind.h>

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "trainprint/trainprint.hpp"

namespace tp = trainprint;
using nlohmann::json;

namespace {

std::string_view kind_name(tp::input_kind k) {
  switch (k) {
    case tp::input_kind::number: return "number";
    case tp::input_kind::ratio: return "ratio";
    case tp::input_kind::count: return "count";
    case tp::input_kind::duration: return "duration";
    case tp::input_kind::text: return "text";
    case tp::input_kind::choice: return "choice";
    case tp::input_kind::mix: return "mix";
    case tp::input_kind::flag: return "flag";
  }
  return "text";
}

/// The catalog entries a text input takes, as [id, name] pairs ([] for free text).
json choices_of(const tp::input_info& in, const tp::catalog& cat) {
  json c = json::array();
  auto add = [&](const auto& rows) {
    for (const auto& r : rows) c.push_back({r.id, r.name});
  };
  for (auto name : in.choices) c.push_back({name, name});
  if (in.kind == tp::input_kind::text) {
    if (in.text == &tp::scenario::hardware) add(cat.accelerators());
    if (in.text == &tp::scenario::region) add(cat.regions());
    if (in.text == &tp::scenario::provider) add(cat.providers());
  }
  return c;
}

/// The tables the page builds its forms and results from.
std::string tables() {
  const auto& cat = tp::catalog::embedded();
  json inputs = json::array();
  for (const auto& in : tp::scenario_inputs) {
    json aliases = json::array();
    for (auto a : in.aliases)
      if (!a.empty()) aliases.push_back(a);
    inputs.push_back({{"name", in.name},
                      {"flag", in.flag},
                      {"aliases", aliases},
                      {"group", in.group},
                      {"kind", kind_name(in.kind)},
                      {"unit", in.unit},
                      {"rangeable", in.rangeable},
                      {"help", in.help},
                      {"choices", choices_of(in, cat)}});
  }
  json outputs = json::array();
  for (const auto& o : tp::output_table)
    outputs.push_back({{"name", o.name},
                       {"group", o.group},
                       {"key", o.key},
                       {"path", o.path},
                       {"unit", o.unit},
                       {"label", o.label},
                       {"headline", o.headline},
                       {"sampled", o.sampled},
                       {"formula", o.formula}});
  json presets = json::array();
  for (const auto& p : cat.presets()) presets.push_back({p.id, p.name});
  return json{{"inputs", inputs},
              {"outputs", outputs},
              {"presets", presets},
              {"version", std::string(tp::version)}}
      .dump();
}

/// A value of output `o` as people read it (the CLI's units: GWh, t CO2e, m³, days).
std::string readable(tp::output o, double v) {
  switch (o) {
    case tp::output::flops: return fmt::format("{:.3g} FLOP", v);
    case tp::output::accelerator_hours: return tp::readable_count(v) + " h";
    case tp::output::wall_hours: return tp::readable_hours(v);
    case tp::output::accelerator_power:
    case tp::output::host_power: return tp::readable(tp::power::watts(v));
    case tp::output::energy_accelerators:
    case tp::output::energy_host:
    case tp::output::energy_it:
    case tp::output::energy_facility: return tp::readable(tp::energy::kwh(v));
    case tp::output::emissions_location:
    case tp::output::emissions_market:
    case tp::output::emissions_embodied:
    case tp::output::emissions_total: return tp::readable(tp::emissions::kg_co2e(v));
    case tp::output::water_onsite:
    case tp::output::water_offsite:
    case tp::output::water_total: return tp::readable(tp::water_volume::litres(v));
    case tp::output::cost_electricity:
    case tp::output::cost_compute: return tp::readable_count(v) + " USD";
  }
  return fmt::format("{:.3g}", v);
}

/// Every output: value, readable text, and the 90% interval when there is one.
json output_values(const tp::estimate& e) {
  json out = json::array();
  for (const auto& row : tp::output_table) {
    const auto v = row.id == tp::output::flops ? e.flops : e.value(row.id);
    json r{{"name", row.name}, {"path", row.path}, {"value", v ? json(*v) : json(nullptr)}};
    if (v) r["text"] = readable(row.id, *v);
    if (e.uncertainty)
      if (const auto* i = e.uncertainty->find(row.path)) {
        r["p5"] = i->p5;
        r["p50"] = i->p50;
        r["p95"] = i->p95;
        r["p5_text"] = readable(row.id, i->p5);
        r["p50_text"] = readable(row.id, i->p50);
        r["p95_text"] = readable(row.id, i->p95);
      }
    out.push_back(std::move(r));
  }
  return out;
}

/// Every everyday equivalent in the catalog for this estimate (amount of its unit), with its source.
json equivalents(const tp::estimate& e, const tp::catalog& cat) {
  json out = json::array();
  for (const auto& q : cat.equivalents()) {
    std::optional<double> amount;
    if (q.applies_to == "emissions" && e.total) amount = e.total->in_kg_co2e();
    if (q.applies_to == "energy") amount = e.energy_facility.in_kwh();
    if (q.applies_to == "water" && e.water_total) amount = e.water_total->in_litres();
    if (!amount || !(q.per_unit > 0)) continue;
    const auto text = tp::equivalent_text(*amount, q);  // never "0.00 years": a smaller unit, or left out
    if (!text) continue;
    out.push_back({{"id", q.id},
                   {"name", q.name},
                   {"applies_to", q.applies_to},
                   {"amount", *amount / q.per_unit},
                   {"text", *text},
                   {"source", q.prov.citation()}});
  }
  return out;
}

/// Every distinct source the trace cites, in the trace's order.
json sources(const tp::estimate& e) {
  std::vector<std::string> seen;
  for (const auto& t : e.trace)
    if (!t.source.empty() && std::find(seen.begin(), seen.end(), t.source) == seen.end()) seen.push_back(t.source);
  return seen;
}

/// The emissions chart (the library's SVG bar chart): operational and embodied
/// stacked, location- and market-based, with the 90% interval as a whisker.
std::string chart(const tp::estimate& e) {
  tp::bar_chart c;
  c.id = "tp-emissions";
  c.title = "Emissions, t CO2e";
  c.unit = "t CO2e";
  c.series = {"operational", "embodied"};
  auto t = [](const std::optional<double>& kg) -> std::optional<double> {
    if (!kg) return std::nullopt;
    return *kg / 1000;
  };
  const auto emb = t(e.value(tp::output::emissions_embodied));
  tp::chart_bar loc{"location-based", {t(e.value(tp::output::emissions_location)), emb}, {}, {}, ""};
  tp::chart_bar mkt{"market-based", {t(e.value(tp::output::emissions_market)), emb}, {}, {}, ""};
  if (e.uncertainty)
    if (const auto* i = e.uncertainty->find("emissions_kg_co2e.total")) {
      loc.low = i->p5 / 1000;
      loc.high = i->p95 / 1000;
    }
  c.bars = {loc, mkt};
  c.description = "Training emissions in t CO2e: operational (electricity) and embodied (manufacturing), "
                  "location-based and market-based";
  return tp::render_svg(c);
}

/// The input an error names, when it names one ("" otherwise): the field of an
/// input_error, the input that looks up an unknown id, else the word before the
/// first ':' of "[trainprint.x] word: ...".
std::string field_of(const std::exception& x) {
  if (const auto* ie = dynamic_cast<const tp::input_error*>(&x)) return tp::canonical_input_name(ie->field());
  if (const auto* uk = dynamic_cast<const tp::unknown_key_error*>(&x)) {
    if (uk->kind() == "accelerator" || uk->kind() == "system") return "hardware";
    if (uk->kind() == "energy source") return "mix";
    return uk->kind();  // region, provider, preset
  }
  const std::string m = x.what();
  const auto a = m.find("] "), b = m.find(':', a == std::string::npos ? 0 : a);
  if (a == std::string::npos || b == std::string::npos) return "";
  return tp::canonical_input_name(m.substr(a + 2, b - a - 2));
}

std::optional<std::string> text_or_null(const json& j, const char* key) {
  if (!j.contains(key) || j.at(key).is_null()) return std::nullopt;
  return j.at(key).get<std::string>();
}

/// One estimate. Request: {"inputs": {name: text as typed}, "preset": id|null,
/// "scenario": {"name": file name, "text": scenario JSON text}|null, "uncertainty": bool,
/// "samples": text|null, "seed": text|null}. The layers are those of the CLI's
/// `--preset P --scenario FILE --flags`: the preset, the scenario file over it,
/// the typed inputs over both. Answer:
/// {"ok": true, "estimate": trainprint.estimate/1, "outputs", "equivalents",
/// "sources", "chart", "text"} or {"ok": false, "field", "message"}: the
/// library's message, the same text as the CLI's.
std::string estimate(const std::string& request) {
  try {
    const json q = json::parse(request);
    const auto& cat = tp::catalog::embedded();
    std::vector<std::pair<std::string, std::string>> typed;
    if (q.contains("inputs"))
      for (const auto& [k, v] : q.at("inputs").items()) typed.emplace_back(k, v.get<std::string>());
    tp::scenario s;
    if (const auto p = text_or_null(q, "preset")) s = cat.find_preset(*p).scenario;
    if (q.contains("scenario") && !q.at("scenario").is_null()) {
      const auto& f = q.at("scenario");
      const std::string name = f.value("name", std::string("<scenario>"));
      try {
        s = tp::merge(s, tp::parse_scenario(f.at("text").get<std::string>(), name));
      } catch (const std::exception& x) {  // the file's own fault (its JSON or a field in it): beside the file field
        // An input or unit error about a field of the file names the file, as the CLI does
        // (src/cli/typed_spelling.cpp, for_cli); a data error names it already.
        std::string m = x.what();
        for (std::string_view tag : {"[trainprint.input] ", "[trainprint.unit] "})
          if (std::string_view(m).starts_with(tag)) {
            m.insert(tag.size(), name + ": ");
            break;
          }
        return json{{"ok", false}, {"field", "scenario"}, {"message", m}}.dump();
      }
    }
    s = tp::merge(s, tp::scenario_from_text(std::move(typed)));
    const auto u = tp::uncertainty_from_text(q.value("uncertainty", false), text_or_null(q, "samples"),
                                             text_or_null(q, "seed"), std::nullopt);
    const tp::estimate e = u ? tp::make_estimate(s, cat, *u) : tp::make_estimate(s, cat);
    return json{{"ok", true},
                {"estimate", e},
                {"outputs", output_values(e)},
                {"equivalents", equivalents(e, cat)},
                {"sources", sources(e)},
                {"chart", chart(e)},
                {"text", tp::render(e, tp::output_format::table, cat, true)}}
        .dump();
  } catch (const std::exception& x) {
    const std::string f = field_of(x);
    return json{{"ok", false}, {"field", f}, {"message", x.what()}}.dump();
  }
}

}  // namespace

EMSCRIPTEN_BINDINGS(trainprint) {
  emscripten::function("tables", &tables);
  emscripten::function("estimate", &estimate);
}
