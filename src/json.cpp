// JSON conversions for scenario and estimate (trainprint.estimate/1).

#include "trainprint/json.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>

#include "trainprint/catalog.hpp"
#include "trainprint/compare.hpp"
#include "trainprint/error.hpp"
#include "trainprint/estimator.hpp"
#include "trainprint/version.hpp"

namespace trainprint::inline v0 {
namespace {

using json = nlohmann::json;

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
std::string text(const std::string& field, const json& v) {
  if (!v.is_string()) wrong_type(field, v, "a string");
  return v.get<std::string>();
}
bool boolean(const std::string& field, const json& v) {
  if (!v.is_boolean()) wrong_type(field, v, "true or false");
  return v.get<bool>();
}

using setter = std::function<void(scenario&, const std::string&, const json&)>;

template <class Member>
setter num_field(Member m) {
  return [m](scenario& s, const std::string& f, const json& v) { s.*m = number(f, v); };
}

const std::vector<std::pair<std::string, setter>>& scenario_fields() {
  static const std::vector<std::pair<std::string, setter>> fields = {
      {"params", num_field(&scenario::params)},
      {"active_params", num_field(&scenario::active_params)},
      {"tokens", num_field(&scenario::tokens)},
      {"flops", num_field(&scenario::flops)},
      {"recompute", [](scenario& s, const std::string& f, const json& v) { s.recompute = boolean(f, v); }},
      {"layers", num_field(&scenario::layers)},
      {"d_model", num_field(&scenario::d_model)},
      {"seq_len", num_field(&scenario::seq_len)},
      {"gpu_hours", num_field(&scenario::gpu_hours)},
      {"duration_h", [](scenario& s, const std::string& f, const json& v) { s.duration_h = hours(number(f, v)); }},
      {"hardware", [](scenario& s, const std::string& f, const json& v) { s.hardware = text(f, v); }},
      {"count",
       [](scenario& s, const std::string& f, const json& v) {
         const double c = number(f, v);
         if (!std::isfinite(c) || c < 1 || c > limits::count)
           throw input_error(f, detail::num(c), "1 <= count <= " + detail::num(limits::count));
         if (std::floor(c) != c) throw input_error(f, detail::num(c), "a whole number of accelerators");
         s.count = static_cast<std::int64_t>(c);
       }},
      {"precision",
       [](scenario& s, const std::string& f, const json& v) {
         auto p = parse_precision(text(f, v));
         if (!p) throw input_error(f, "'" + v.get<std::string>() + "'", "one of fp32, tf32, bf16, fp16, fp8");
         s.precision = *p;
       }},
      {"mfu", num_field(&scenario::mfu)},
      {"power_fraction", num_field(&scenario::power_fraction)},
      {"power_w", [](scenario& s, const std::string& f, const json& v) { s.power_w = power::watts(number(f, v)); }},
      {"boundary",
       [](scenario& s, const std::string& f, const json& v) {
         auto b = parse_boundary(text(f, v));
         if (!b) throw input_error(f, "'" + v.get<std::string>() + "'", "accelerators or servers");
         s.boundary = *b;
       }},
      {"host_power_w", [](scenario& s, const std::string& f, const json& v) { s.host_power_w = power::watts(number(f, v)); }},
      {"region", [](scenario& s, const std::string& f, const json& v) { s.region = text(f, v); }},
      {"provider", [](scenario& s, const std::string& f, const json& v) { s.provider = text(f, v); }},
      {"pue", num_field(&scenario::pue)},
      {"wue", [](scenario& s, const std::string& f, const json& v) { s.wue = water_intensity::l_per_kwh(number(f, v)); }},
      {"intensity",
       [](scenario& s, const std::string& f, const json& v) { s.intensity = carbon_intensity::g_per_kwh(number(f, v)); }},
      {"mix",
       [](scenario& s, const std::string& f, const json& v) {
         if (!v.is_object()) wrong_type(f, v, "an object of source: share, e.g. {\"coal\": 0.3, \"gas\": 0.7}");
         energy_mix m;
         for (const auto& [k, share] : v.items()) m.shares.emplace_back(k, number(f + "." + k, share));
         s.mix = std::move(m);
       }},
      {"ewif", [](scenario& s, const std::string& f, const json& v) { s.ewif = water_intensity::l_per_kwh(number(f, v)); }},
      {"cfe", num_field(&scenario::cfe)},
      {"embodied", [](scenario& s, const std::string& f, const json& v) { s.embodied = boolean(f, v); }},
      {"lifetime_years", num_field(&scenario::lifetime_years)},
      {"price_usd_per_kwh", num_field(&scenario::price_usd_per_kwh)},
      {"hourly_price_usd", num_field(&scenario::hourly_price_usd)},
  };
  return fields;
}

json opt(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }
template <class Q, class F>
json opt_q(const std::optional<Q>& v, F f) {
  return v ? json(f(*v)) : json(nullptr);
}

std::optional<double> read_opt(const json& j, const char* key) {
  if (!j.contains(key) || j.at(key).is_null()) return std::nullopt;
  return j.at(key).get<double>();
}

}  // namespace

void to_json(json& j, const scenario& s) {
  j = json::object();
  auto put = [&](const char* k, const auto& v) {
    if (v) j[k] = *v;
  };
  put("params", s.params);
  put("active_params", s.active_params);
  put("tokens", s.tokens);
  put("flops", s.flops);
  if (s.recompute) j["recompute"] = true;
  put("layers", s.layers);
  put("d_model", s.d_model);
  put("seq_len", s.seq_len);
  put("gpu_hours", s.gpu_hours);
  if (s.duration_h) j["duration_h"] = s.duration_h->count();
  put("hardware", s.hardware);
  put("count", s.count);
  if (s.precision) j["precision"] = std::string(to_string(*s.precision));
  put("mfu", s.mfu);
  put("power_fraction", s.power_fraction);
  if (s.power_w) j["power_w"] = s.power_w->in_watts();
  if (s.boundary) j["boundary"] = std::string(to_string(*s.boundary));
  if (s.host_power_w) j["host_power_w"] = s.host_power_w->in_watts();
  put("region", s.region);
  put("provider", s.provider);
  put("pue", s.pue);
  if (s.wue) j["wue"] = s.wue->in_l_per_kwh();
  if (s.intensity) j["intensity"] = s.intensity->in_g_per_kwh();
  if (s.mix) {
    json m = json::object();
    for (const auto& [k, v] : s.mix->shares) m[k] = v;
    j["mix"] = m;
  }
  if (s.ewif) j["ewif"] = s.ewif->in_l_per_kwh();
  put("cfe", s.cfe);
  put("embodied", s.embodied);
  put("lifetime_years", s.lifetime_years);
  put("price_usd_per_kwh", s.price_usd_per_kwh);
  put("hourly_price_usd", s.hourly_price_usd);
  for (const auto& [name, r] : s.ranges) j[name] = {{"low", r.low}, {"mode", r.mode}, {"high", r.high}};
}

namespace {
/// A range of a rangeable input: {"low", "mode" (optional), "high"}, [low, high],
/// [low, mode, high] or the text "low:high" / "low:mode:high" (as the CLI reads it).
void read_range(scenario& s, const std::string& f, const json& v) {
  const std::string expected =
      "a number, or a range {\"low\": ..., \"mode\": ..., \"high\": ...}, [low, high], [low, mode, high] or \"low:high\"";
  if (v.is_string()) {
    if (v.get<std::string>().find(':') == std::string::npos) wrong_type(f, v, expected);
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
  const auto& fields = scenario_fields();
  s = scenario{};
  for (const auto& [key, value] : j.items()) {
    auto it = std::find_if(fields.begin(), fields.end(), [&k = key](const auto& f) { return f.first == k; });
    if (it == fields.end()) {
      std::vector<std::string> names;
      for (const auto& f : fields) names.push_back(f.first);
      auto close = closest_ids(key, names, 1);
      throw input_error(key, "an unknown field",
                        close.empty() ? "a scenario field" : "a scenario field (did you mean " + close[0] + "?)");
    }
    if (value.is_null()) continue;
    if (is_rangeable(key) && !value.is_number()) {
      read_range(s, key, value);
      continue;
    }
    it->second(s, key, value);
    s.ranges.erase(key);
  }
}

scenario parse_scenario(std::string_view text_in, const std::string& file) {
  json j;
  try {
    j = json::parse(text_in.begin(), text_in.end());
  } catch (const json::exception& e) {  // parse_error, and out_of_range for 1e999
    std::string what = e.what();  // quotes the token: 10 MB for a 10 MB number
    if (what.size() > 200) what = what.substr(0, 197) + "...";
    throw data_error(file, "", "malformed JSON: " + what);
  }
  return j.get<scenario>();
}

void to_json(json& j, const trace_entry& t) {
  j = json{{"name", t.name},
           {"value", t.value},
           {"unit", t.unit},
           {"origin", std::string(to_string(t.origin))},
           {"source", t.source.empty() ? json(nullptr) : json(t.source)},
           {"note", t.note.empty() ? json(nullptr) : json(t.note)}};
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
}

void to_json(json& j, const estimate& e) {
  auto kg = [](const emissions& m) { return m.in_kg_co2e(); };
  auto l = [](const water_volume& w) { return w.in_litres(); };
  j = json::object();
  j["schema"] = std::string(estimate_schema);
  j["scenario"] = e.scenario;
  j["resolved"] = {{"hardware", e.context.accelerator_id.empty() ? json(nullptr) : json(e.context.accelerator_id)},
                   {"precision", std::string(to_string(e.context.precision))},
                   {"boundary", std::string(to_string(e.context.boundary))},
                   {"region", e.context.region_id.empty() ? json(nullptr) : json(e.context.region_id)},
                   {"grid_region", e.context.grid_region_id.empty() ? json(nullptr) : json(e.context.grid_region_id)},
                   {"provider", e.context.provider_id.empty() ? json(nullptr) : json(e.context.provider_id)},
                   {"intensity_basis", e.context.intensity_basis.empty() ? json(nullptr) : json(e.context.intensity_basis)}};
  j["compute"] = {{"flops", opt(e.flops)}, {"accelerator_hours", e.accelerator_hours}, {"wall_hours", opt(e.wall_hours)}};
  j["power_w"] = {{"accelerator", e.accelerator_power.in_watts()}, {"host", e.host_power.in_watts()}};
  j["energy_kwh"] = {{"accelerators", e.energy_accelerators.in_kwh()},
                     {"host", e.energy_host.in_kwh()},
                     {"it", e.energy_it.in_kwh()},
                     {"facility", e.energy_facility.in_kwh()}};
  j["emissions_kg_co2e"] = {{"location_based", opt_q(e.location_based, kg)},
                            {"market_based", opt_q(e.market_based, kg)},
                            {"embodied", opt_q(e.embodied, kg)},
                            {"total", opt_q(e.total, kg)}};
  j["water_l"] = {{"onsite", opt_q(e.water_onsite, l)}, {"offsite", opt_q(e.water_offsite, l)}, {"total", opt_q(e.water_total, l)}};
  j["cost_usd"] = {{"electricity", opt(e.electricity_cost_usd)}, {"compute", opt(e.compute_cost_usd)}};
  j["uncertainty"] = e.uncertainty ? json(*e.uncertainty) : json(nullptr);
  j["trace"] = e.trace;
  j["notes"] = e.notes;
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
  e.context.precision = parse_precision(r.at("precision").get<std::string>()).value_or(precision::bf16);
  e.context.boundary = parse_boundary(r.at("boundary").get<std::string>()).value_or(boundary::servers);
  const auto& c = j.at("compute");
  e.flops = read_opt(c, "flops");
  e.accelerator_hours = c.at("accelerator_hours").get<double>();
  e.wall_hours = read_opt(c, "wall_hours");
  e.accelerator_power = power::watts(j.at("power_w").at("accelerator").get<double>());
  e.host_power = power::watts(j.at("power_w").at("host").get<double>());
  const auto& en = j.at("energy_kwh");
  e.energy_accelerators = energy::kwh(en.at("accelerators").get<double>());
  e.energy_host = energy::kwh(en.at("host").get<double>());
  e.energy_it = energy::kwh(en.at("it").get<double>());
  e.energy_facility = energy::kwh(en.at("facility").get<double>());
  auto kg = [](std::optional<double> v) -> std::optional<emissions> {
    if (!v) return std::nullopt;
    return emissions::kg_co2e(*v);
  };
  auto l = [](std::optional<double> v) -> std::optional<water_volume> {
    if (!v) return std::nullopt;
    return water_volume::litres(*v);
  };
  const auto& em = j.at("emissions_kg_co2e");
  e.location_based = kg(read_opt(em, "location_based"));
  e.market_based = kg(read_opt(em, "market_based"));
  e.embodied = kg(read_opt(em, "embodied"));
  e.total = kg(read_opt(em, "total"));
  const auto& w = j.at("water_l");
  e.water_onsite = l(read_opt(w, "onsite"));
  e.water_offsite = l(read_opt(w, "offsite"));
  e.water_total = l(read_opt(w, "total"));
  e.electricity_cost_usd = read_opt(j.at("cost_usd"), "electricity");
  e.compute_cost_usd = read_opt(j.at("cost_usd"), "compute");
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
  json inputs = json::array();
  for (const auto& i : u.inputs)
    inputs.push_back({{"name", std::string(to_string(i.input))},
                      {"unit", i.unit},
                      {"low", i.dist.low},
                      {"mode", i.dist.mode},
                      {"high", i.dist.high},
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

std::string to_json_text(const estimate& e, int indent) {
  return json(e).dump(indent < 0 ? -1 : indent);
}

}  // namespace trainprint::inline v0
