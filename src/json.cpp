// JSON conversions for scenario and estimate (trainprint.estimate/1).

#include "trainprint/json.hpp"

#include "trainprint/ghg.hpp"

#include "hardware_units.hpp"
#include "json_text.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "trainprint/catalog.hpp"
#include "trainprint/compare.hpp"
#include "trainprint/error.hpp"
#include "trainprint/estimator.hpp"
#include "trainprint/inputs.hpp"
#include "trainprint/plain.hpp"
#include "trainprint/spelling.hpp"
#include "trainprint/version.hpp"

namespace trainprint::inline v0 {
namespace {

using json = nlohmann::json;

/// An input's value as the user gave it: the scenario keeps it in SI units, and the way
/// back to the input's unit can miss it by an ulp (--wue 0.5: 0.5 / 3.6e6 × 3.6e6 =
/// 0.49999999999999994). The nearest number of 15 significant digits (which any decimal
/// of up to 15 digits survives exactly) when it is within 2 ulps, so that the number typed
/// comes back; a value worked out (a plain word's mode, 347.7930419085465) stays as it is.
double as_given(double v) {
  if (!std::isfinite(v) || v == 0) return v;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  const double d = std::strtod(buf, nullptr);
  const double ulp = std::nextafter(std::fabs(v), HUGE_VAL) - std::fabs(v);
  return std::fabs(d - v) <= 2 * ulp ? d : v;
}

std::string type_name(const json& v) {
  if (v.is_number()) return "number";
  return v.type_name();
}

/// v.dump() up to about `limit` characters. Each level adds a character, so the
/// recursion stays shallow even for a 10 MB [[[[...]]]] (v.dump() would overflow the stack).
void dump_prefix(const json& v, std::string& out, std::size_t limit) {
  if (!v.is_structured()) {
    out += v.dump(-1, ' ', false, json::error_handler_t::replace);
    return;
  }
  out += v.is_array() ? '[' : '{';
  bool first = true;
  for (auto it = v.begin(); it != v.end() && out.size() <= limit; ++it) {
    if (!first) out += ',';
    first = false;
    if (v.is_object()) out += json(it.key()).dump(-1, ' ', false, json::error_handler_t::replace) + ':';
    dump_prefix(*it, out, limit);
  }
  out += v.is_array() ? ']' : '}';
}

[[noreturn]] void wrong_type(const std::string& field, const json& v, const std::string& expected) {
  std::string shown;
  dump_prefix(v, shown, 40);
  if (shown.size() > 40) shown = shown.substr(0, 37) + "...";
  throw input_error(field, shown + " (" + type_name(v) + ")", expected);
}

double number(const std::string& field, const json& v) {
  if (!v.is_number()) wrong_type(field, v, "a number");
  return v.get<double>();
}
bool boolean(const std::string& field, const json& v) {
  if (!v.is_boolean()) wrong_type(field, v, "true or false");
  return v.get<bool>();
}

/// Reads input `i` from JSON value `v` (not null, not a range) into `s`; `f` is the
/// key as given, for messages. Text is read as every interface reads text
/// (read_input_text: "1.3B", "9%", "5d", "coal=0.3,gas=0.7", "false").
void read_input(scenario& s, const input_info& i, const std::string& f, const json& v) {
  if (v.is_string()) {
    read_input_text(s, i, v.get<std::string>(), f);
    return;
  }
  switch (i.kind) {
    case input_kind::number:
    case input_kind::ratio:
    case input_kind::duration: i.set(s, number(f, v)); return;
    case input_kind::count: {
      const double c = number(f, v);
      if (!std::isfinite(c) || c < i.lo || c > i.hi)
        throw input_error(f, detail::num(c), detail::num(i.lo) + " <= " + f + " <= " + detail::num(i.hi));
      if (std::floor(c) != c) throw input_error(f, detail::num(c), "a whole number of accelerators");
      i.set(s, c);
      return;
    }
    case input_kind::text:
    case input_kind::choice: wrong_type(f, v, "a string");
    case input_kind::mix: {
      if (!v.is_object()) wrong_type(f, v, "an object of source: share, e.g. {\"coal\": 0.3, \"gas\": 0.7}");
      energy_mix m;
      for (const auto& [k, share] : v.items()) m.shares.emplace_back(k, number(f + "." + k, share));
      s.mix = std::move(m);
      return;
    }
    case input_kind::flag: i.set_flag(s, boolean(f, v)); return;
  }
}

/// Writes input `i` of `s` into `j` when it is set.
void write_input(json& j, const scenario& s, const input_info& i) {
  const std::string key(i.name);
  switch (i.kind) {
    case input_kind::count:
      if (s.count) j[key] = *s.count;  // a JSON integer
      return;
    case input_kind::number:
    case input_kind::ratio:
    case input_kind::duration:
      if (auto v = i.get(s)) j[key] = i.unit.empty() ? *v : as_given(*v);  // a unit: converted back from SI
      return;
    case input_kind::text:
      if (s.*i.text) j[key] = *(s.*i.text);
      return;
    case input_kind::choice:
      if (auto v = i.get_choice(s)) j[key] = std::string(*v);
      return;
    case input_kind::mix:
      if (s.mix) {
        json m = json::object();
        for (const auto& [k, share] : s.mix->shares) m[k] = share;
        j[key] = m;
      }
      return;
    case input_kind::flag:
      if (auto v = i.get_flag(s)) j[key] = *v;
      return;
  }
}

json opt(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

/// The enum named by text field `key` of the estimate's "resolved" object; an
/// unknown name is a data_error with the nearest name, never a default.
template <class E, class Parse>
E enum_of(const json& resolved, const char* key, Parse parse, const std::vector<std::string>& names) {
  const auto name = resolved.at(key).get<std::string>();
  if (auto v = parse(name)) return *v;
  auto close = closest_ids(name, names, 1);
  std::string all;
  for (const auto& n : names) all += (all.empty() ? "" : ", ") + n;
  throw data_error("<estimate>", std::string("/resolved/") + key,
                   "unknown " + std::string(key) + " '" + name + "'" +
                       (close.empty() ? "; expected one of " + all : "; did you mean " + close[0] + "?"));
}

std::optional<double> read_opt(const json& j, const char* key) {
  if (!j.contains(key) || j.at(key).is_null()) return std::nullopt;
  return j.at(key).get<double>();
}

}  // namespace

void to_json(json& j, const scenario& s) {
  j = json::object();
  for (const auto& i : scenario_inputs) write_input(j, s, i);
  for (const auto& [name, r] : s.ranges) j[name] = {{"low", r.low}, {"mode", r.mode}, {"high", r.high}};
}

namespace {
/// A range of a rangeable input: {"low", "mode" (optional), "high"}, [low, high],
/// [low, mode, high] or the text "low:high" / "low:mode:high" (as the CLI reads it).
void read_range(scenario& s, const std::string& f, const json& v) {
  const std::string expected =
      "a number, or a range {\"low\": ..., \"mode\": ..., \"high\": ...}, [low, high], [low, mode, high] or \"low:high\"";
  if (v.is_string()) {  // "low:high" (a word such as "weeks" is read_input's)
    scenario t;
    set_input(t, f, v.get<std::string>());
    set_range(s, f, t.ranges.at(f));
    return;
  }
  range r;
  if (v.is_object()) {
    for (const auto& [k, x] : v.items())
      if (k != "low" && k != "mode" && k != "high") wrong_type(f + "." + k, x, "only low, mode and high in a range");
    if (!v.contains("low") || !v.contains("high")) wrong_type(f, v, expected);
    r.low = number(f + ".low", v.at("low"));
    r.high = number(f + ".high", v.at("high"));
    r.mode = v.contains("mode") ? number(f + ".mode", v.at("mode")) : (r.low + r.high) / 2;
  } else if (v.is_array() && (v.size() == 2 || v.size() == 3)) {
    r.low = number(f, v.front());
    r.high = number(f, v.back());
    r.mode = v.size() == 3 ? number(f, v[1]) : (r.low + r.high) / 2;
  } else {
    wrong_type(f, v, expected);
  }
  set_range(s, f, r);
}
}  // namespace

void from_json(const json& j, scenario& s) {
  if (!j.is_object()) wrong_type("scenario", j, "a JSON object of scenario fields");
  s = scenario{};
  // Each input given so far (its name) and the key that gave it, to catch an input given twice.
  std::vector<std::pair<std::string_view, std::string>> seen;
  for (const auto& [key, value] : j.items()) {
    const input_info& i = scenario_field(key);
    if (!value.is_null()) {  // null is not given: it gives the input no value
      const auto first = std::find_if(seen.begin(), seen.end(), [&](const auto& p) { return p.first == i.name; });
      if (first != seen.end()) throw_given_twice(i.name, first->second, key);
      seen.emplace_back(i.name, key);
    }
    set_input_json(s, i, key, value);
  }
}

const input_info& scenario_field(const std::string& key) {
  const input_info* i = find_input(key);
  if (!i || key.find('-') != std::string::npos) {  // JSON keys are snake_case
    std::vector<std::string> names;
    for (const auto& in : scenario_inputs) names.emplace_back(in.name);
    auto close = closest_ids(key, names, 1);
    throw input_error(key, "an unknown field",
                      close.empty() ? "a scenario field" : "a scenario field (did you mean " + close[0] + "?)");
  }
  return *i;
}

void set_input_json(scenario& s, const input_info& i, const std::string& key, const json& value) {
  if (value.is_null()) return;
  const std::string name(i.name);
  const bool range_text = value.is_string() && value.get_ref<const std::string&>().find(':') != std::string::npos;
  if (i.rangeable && (range_text || (!value.is_number() && !value.is_string()))) {
    read_range(s, name, value);
    return;
  }
  s.ranges.erase(name);  // a single value is fixed (a word such as "weeks" sets its range below)
  read_input(s, i, key, value);
}

scenario parse_scenario(std::string_view text_in, const std::string& file) {
  // nlohmann keeps the last of a key given twice ({"params": "7B", "params": "8B"} would
  // read 8B): a key repeated in the scenario object is refused as an input given twice.
  std::vector<std::string> keys;
  const json::parser_callback_t twice = [&keys](int depth, json::parse_event_t event, json& parsed) {
    if (event == json::parse_event_t::key && depth == 1) {
      const std::string& key = parsed.get_ref<const std::string&>();
      if (std::find(keys.begin(), keys.end(), key) != keys.end())
        throw input_error(key, "twice", "one value per input (the key " + key + " is repeated)");
      keys.push_back(key);
    }
    return true;
  };
  json j;
  try {
    j = json::parse(text_in.begin(), text_in.end(), twice);
  } catch (const json::exception&) {
    j = parse_json_text(text_in, file);  // the syntax error, reported as parse_json_text reports it
  }
  return j.get<scenario>();
}

void to_json(json& j, const trace_entry& t) {
  j = json{{"name", t.name},
           {"value", t.origin == origin::user ? as_given(t.value) : t.value},  // an input: as typed
           {"unit", t.unit},
           {"origin", std::string(to_string(t.origin))},
           {"source", t.source.empty() ? json(nullptr) : json(t.source)},
           {"note", t.note.empty() ? json(nullptr) : json(t.note)},
           {"confidence", t.confidence.empty() ? json(nullptr) : json(t.confidence)}};
}

void from_json(const json& j, trace_entry& t) {
  t.name = j.at("name").get<std::string>();
  t.value = j.at("value").get<double>();
  t.unit = j.at("unit").get<std::string>();
  auto o = parse_origin(j.at("origin").get<std::string>());
  if (!o) throw data_error("<estimate>", "/trace", "unknown origin '" + j.at("origin").get<std::string>() + "'");
  t.origin = *o;
  t.source = j.value("source", json(nullptr)).is_null() ? "" : j.at("source").get<std::string>();
  t.note = j.value("note", json(nullptr)).is_null() ? "" : j.at("note").get<std::string>();
  t.confidence = j.value("confidence", json(nullptr)).is_null() ? "" : j.at("confidence").get<std::string>();
}

void to_json(json& j, const estimate& e) {
  j = json::object();
  j["schema"] = std::string(estimate_schema);
  j["scenario"] = e.scenario;
  j["resolved"] = {{"hardware", e.context.accelerator_id.empty() ? json(nullptr) : json(e.context.accelerator_id)},
                   {"precision", std::string(to_string(e.context.precision))},
                   {"boundary", std::string(to_string(e.context.boundary))},
                   {"convention", std::string(to_string(e.context.convention))},
                   {"region", e.context.region_id.empty() ? json(nullptr) : json(e.context.region_id)},
                   {"grid_region", e.context.grid_region_id.empty() ? json(nullptr) : json(e.context.grid_region_id)},
                   {"provider", e.context.provider_id.empty() ? json(nullptr) : json(e.context.provider_id)},
                   {"intensity_basis", e.context.intensity_basis.empty() ? json(nullptr) : json(e.context.intensity_basis)}};
  // How many accelerators the hardware and count came to (count may have counted TPU
  // slices or instances: the trace's count entry says how), and what one is called.
  j["resolved"]["accelerators"] = e.inputs.count ? json(std::llround(*e.inputs.count)) : json(nullptr);
  j["resolved"]["accelerators_are"] =
      e.context.accelerator_id.empty() ? json(nullptr) : json(counted_in_chips(e.context.accelerator_id) ? "chips" : "accelerators");
  for (const auto& row : output_table) {
    const std::string group(row.group), key(row.key);
    const auto v = row.id == output::flops ? e.flops : e.value(row.id);
    j[group][key] = v ? json(*v) : json(nullptr);
  }
  j["ghg_protocol"] = ghg_scopes(e);
  j["uncertainty"] = e.uncertainty ? json(*e.uncertainty) : json(nullptr);
  j["trace"] = e.trace;
  json notes = json::array();
  for (const auto& n : e.notes) notes.push_back(spell_inputs(n, spelling::json));  // `id` marks: the ids
  j["notes"] = std::move(notes);
  j["catalog"] = {{"version", e.catalog_version}, {"date", e.catalog_date}};
  j["trainprint_version"] = std::string(version);
}

void from_json(const json& j, estimate& e) {
  if (!j.is_object() || j.value("schema", "") != estimate_schema)
    throw data_error("<estimate>", "/schema", "expected \"" + std::string(estimate_schema) + "\"");
  e = estimate{};
  e.scenario = j.at("scenario").get<scenario>();
  const auto& r = j.at("resolved");
  auto str = [](const json& v) { return v.is_null() ? std::string{} : v.get<std::string>(); };
  e.context.accelerator_id = str(r.at("hardware"));
  e.context.region_id = str(r.at("region"));
  e.context.grid_region_id = str(r.at("grid_region"));
  e.context.provider_id = str(r.at("provider"));
  e.context.intensity_basis = str(r.at("intensity_basis"));
  e.context.precision = enum_of<precision>(r, "precision", parse_precision, {"fp32", "tf32", "bf16", "fp16", "fp8"});
  e.context.boundary = enum_of<boundary>(r, "boundary", parse_boundary, {"accelerators", "servers"});
  // Estimates written before conventions existed have none: their boundary's.
  e.context.convention = r.contains("convention") ? enum_of<convention>(r, "convention", parse_convention,
                                                                        {"servers", "accelerators", "model-card"})
                         : e.context.boundary == boundary::servers ? convention::servers
                                                                   : convention::accelerators;
  if (j.contains("ghg_protocol") && !j.at("ghg_protocol").is_null()) {  // older estimates have none
    const auto& g = j.at("ghg_protocol");
    e.context.ownership = enum_of<ownership>(g, "ownership", parse_ownership, {"owned", "cloud"});
    e.context.ownership_basis = str(g.at("ownership_basis"));
    e.context.market_claim = str(g.at("market_claim"));
  }
  model_outputs o;
  for (const auto& row : output_table) {
    const auto v = read_opt(j.at(std::string(row.group)), std::string(row.key).c_str());
    if (row.id == output::flops) e.flops = v;
    o.known[index_of(row.id)] = v.has_value();
    o.value[index_of(row.id)] = v.value_or(0);
  }
  // Outputs the JSON always holds as numbers (null is not allowed for them).
  for (const output always : {output::accelerator_hours, output::accelerator_power, output::host_power,
                              output::energy_accelerators, output::energy_host, output::energy_it,
                              output::energy_facility})
    if (!o.known[index_of(always)])
      throw data_error("<estimate>", "/" + std::string(info(always).group) + "/" + std::string(info(always).key),
                       "a number");
  set_outputs(e, o);
  e.trace = j.at("trace").get<std::vector<trace_entry>>();
  e.notes = j.value("notes", std::vector<std::string>{});
  if (j.contains("uncertainty") && !j.at("uncertainty").is_null()) e.uncertainty = j.at("uncertainty").get<uncertainty_result>();
  if (j.contains("catalog")) {
    e.catalog_version = j.at("catalog").at("version").get<std::string>();
    e.catalog_date = j.at("catalog").at("date").get<std::string>();
  }
}

void to_json(json& j, const uncertainty_result& u) {
  j = json::object();
  j["method"] = "monte-carlo";
  j["distribution"] = "triangular(low, mode, high), inverse CDF";
  j["generator"] = "xoshiro256** per block of 1024 samples, seeded by splitmix64(seed, block)";
  j["quantiles"] = "histogram of 4096 bins per output between its hard bounds, linear within a bin";
  j["samples"] = u.samples;
  j["seed"] = u.seed;
  j["impossible_samples"] = u.impossible_samples;
  json inputs = json::array();
  // p5/p50/p95: the input's own percentiles, the factor to read beside a median output.
  for (const auto& i : u.inputs)
    inputs.push_back({{"name", std::string(to_string(i.input))},
                      {"unit", i.unit},
                      {"low", i.dist.low},
                      {"mode", i.dist.mode},
                      {"high", i.dist.high},
                      {"p5", i.dist.quantile(0.05)},
                      {"p50", i.dist.quantile(0.5)},
                      {"p95", i.dist.quantile(0.95)},
                      {"basis", i.basis},
                      {"source", i.source.empty() ? json(nullptr) : json(i.source)}});
  j["inputs"] = std::move(inputs);
  json outputs = json::object();
  for (const auto& o : u.outputs)
    outputs[o.name] = {{"unit", o.unit}, {"central", o.central}, {"p5", o.p5}, {"p50", o.p50}, {"p95", o.p95},
                       {"mean", o.mean}};
  j["outputs"] = std::move(outputs);
  j["sensitivity_metric"] = u.sensitivity_metric;
  json sens = json::array();
  for (const auto& s : u.sensitivity)
    sens.push_back({{"input", std::string(to_string(s.input))},
                    {"input_p5", s.input_p5},
                    {"input_p95", s.input_p95},
                    {"emissions_kg_co2e_at_p5", opt(s.emissions_at_p5)},
                    {"emissions_kg_co2e_at_p95", opt(s.emissions_at_p95)},
                    {"energy_kwh_at_p5", s.energy_at_p5},
                    {"energy_kwh_at_p95", s.energy_at_p95},
                    {"swing", s.swing}});
  j["sensitivity"] = std::move(sens);
}

void from_json(const json& j, uncertainty_result& u) {
  auto input_of = [](const std::string& name) {
    for (std::size_t i = 0; i < uncertain_input_count; ++i)
      if (to_string(static_cast<uncertain_input>(i)) == name) return static_cast<uncertain_input>(i);
    throw data_error("<estimate>", "/uncertainty", "unknown input '" + name + "'");
  };
  u = uncertainty_result{};
  u.samples = j.at("samples").get<std::uint64_t>();
  u.seed = j.at("seed").get<std::uint64_t>();
  u.impossible_samples = j.value("impossible_samples", std::uint64_t{0});  // absent before it was added
  for (const auto& i : j.at("inputs"))
    u.inputs.push_back({input_of(i.at("name").get<std::string>()), i.at("unit").get<std::string>(),
                        {i.at("low").get<double>(), i.at("mode").get<double>(), i.at("high").get<double>()},
                        i.at("basis").get<std::string>(),
                        i.at("source").is_null() ? std::string{} : i.at("source").get<std::string>()});
  for (const auto& [name, o] : j.at("outputs").items())
    u.outputs.push_back({name, o.at("unit").get<std::string>(), o.at("central").get<double>(), o.at("p5").get<double>(),
                         o.at("p50").get<double>(), o.at("p95").get<double>(), o.at("mean").get<double>()});
  u.sensitivity_metric = j.at("sensitivity_metric").get<std::string>();
  for (const auto& s : j.at("sensitivity")) {
    sensitivity_entry e;
    e.input = input_of(s.at("input").get<std::string>());
    e.input_p5 = s.at("input_p5").get<double>();
    e.input_p95 = s.at("input_p95").get<double>();
    e.emissions_at_p5 = read_opt(s, "emissions_kg_co2e_at_p5");
    e.emissions_at_p95 = read_opt(s, "emissions_kg_co2e_at_p95");
    e.energy_at_p5 = s.at("energy_kwh_at_p5").get<double>();
    e.energy_at_p95 = s.at("energy_kwh_at_p95").get<double>();
    e.swing = s.at("swing").get<double>();
    u.sensitivity.push_back(e);
  }
}

json scope_line_json(int scope, int category, const std::string& method, const std::string& claim,
                     const std::string& label) {
  auto text_or_null = [](const std::string& t) { return t.empty() ? json(nullptr) : json(t); };
  return {{"scope", scope},
          {"category", category == 0 ? json(nullptr) : json(category)},
          {"category_name", category == 0 ? json(nullptr) : json(scope3_category_name(category))},
          {"method", text_or_null(method)},
          {"claim", text_or_null(claim)},
          {"label", label}};
}

void to_json(json& j, const ghg_accounting& g) {
  j = json::object();
  j["standard"] = "GHG Protocol Corporate Standard (2004), Scope 2 Guidance (2015), Scope 3 Standard (2011)";
  j["ownership"] = std::string(to_string(g.ownership));
  j["ownership_basis"] = g.ownership_basis;
  j["market_claim"] = g.market_claim.empty() ? json(nullptr) : json(g.market_claim);
  j["residual_mix"] = nullptr;
  json lines = json::array();
  for (const auto& l : g.lines) {
    json line = scope_line_json(l.scope, l.category, l.method, l.claim, l.label());
    line["covers"] = l.what;
    line["kg_co2e"] = opt(l.kg_co2e);
    lines.push_back(std::move(line));
  }
  j["lines"] = std::move(lines);
  j["location_based_total_kg_co2e"] = opt(g.location_based_total_kg);
  j["market_based_total_kg_co2e"] = opt(g.market_based_total_kg);
  j["notes"] = g.notes;
}

std::string to_json_text(const estimate& e, int indent) {
  return json(e).dump(indent < 0 ? -1 : indent);
}

}  // namespace trainprint::inline v0
