// trainprint._core: the pybind11 extension behind the `trainprint` package. It
// speaks JSON text with the Python layer (trainprint/__init__.py), so Python, C
// and the CLI produce byte-identical estimates from the same scenario.

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <deque>
#include <filesystem>
#include <limits>
#include <unordered_map>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "bindings_common.hpp"
#include "trainprint/catalog.hpp"
#include "trainprint/catalog_json.hpp"
#include "trainprint/compare.hpp"
#include "trainprint/detail/measured.hpp"
#include "trainprint/spelling.hpp"
#include "trainprint/error.hpp"
#include "trainprint/estimator.hpp"
#include "trainprint/inputs.hpp"
#include "trainprint/json.hpp"
#include "trainprint/measure.hpp"
#include "trainprint/parse.hpp"
#include "trainprint/pilot.hpp"
#include "trainprint/render.hpp"
#include "trainprint/table.hpp"
#include "trainprint/uncertainty.hpp"
#include "trainprint/version.hpp"

namespace py = pybind11;
namespace tp = trainprint;
using json = nlohmann::json;

namespace {

/// A catalog: the embedded one, or an overlaid copy it owns. Immutable.
class catalog_handle {
 public:
  catalog_handle() : cat_(&tp::catalog::embedded()) {}
  explicit catalog_handle(const std::vector<std::string>& overlays) {
    if (overlays.empty()) {
      cat_ = &tp::catalog::embedded();
      return;
    }
    std::vector<std::filesystem::path> files(overlays.begin(), overlays.end());
    owned_ = std::make_unique<const tp::catalog>(tp::catalog::with_overlays(files));
    cat_ = owned_.get();
  }
  [[nodiscard]] const tp::catalog& get() const { return *cat_; }

 private:
  std::unique_ptr<const tp::catalog> owned_;
  const tp::catalog* cat_ = nullptr;
};

std::string repr_of(py::handle v) {
  std::string r = py::repr(v).cast<std::string>();
  if (r.size() > 40) r = r.substr(0, 37) + "...";
  return r;
}

/// A str as UTF-8. A str with lone surrogates (os.fsdecode of bytes that are not
/// UTF-8) has none: an input_error, not pybind11's cast error.
std::string utf8(py::handle v, const std::string& field) {
  try {
    return v.cast<std::string>();
  } catch (const py::cast_error&) {
    throw tp::input_error(field, repr_of(v), "text that is valid Unicode (no lone surrogates)");
  }
}

/// A Python value → JSON: None, bool, int, float (and anything with __index__ or
/// __float__, such as NumPy scalars), str, dict with str keys, list, tuple.
json to_json(py::handle v, const std::string& field) {
  if (v.is_none()) return nullptr;
  if (py::isinstance<py::bool_>(v)) return v.cast<bool>();
  if (py::isinstance<py::int_>(v)) {
    try {
      return v.cast<long long>();
    } catch (const py::cast_error&) {
      return v.cast<double>();  // beyond 64 bits
    }
  }
  if (py::isinstance<py::float_>(v)) return v.cast<double>();
  if (py::isinstance<py::str>(v)) return utf8(v, field);
  if (py::isinstance<py::dict>(v)) {
    json o = json::object();
    for (auto [k, item] : v.cast<py::dict>()) {
      if (!py::isinstance<py::str>(k)) throw tp::input_error(field, repr_of(v), "a dict with str keys");
      const std::string key = utf8(k, field);
      o[key] = to_json(item, field + "." + key);
    }
    return o;
  }
  if (py::isinstance<py::list>(v) || py::isinstance<py::tuple>(v)) {
    json a = json::array();
    for (auto item : v) a.push_back(to_json(item, field));
    return a;
  }
  if (py::hasattr(v, "__index__")) return to_json(py::reinterpret_steal<py::object>(PyNumber_Index(v.ptr())), field);
  if (py::hasattr(v, "__float__")) return py::float_(py::reinterpret_borrow<py::object>(v)).cast<double>();
  throw tp::input_error(field, repr_of(v), "a number, a string, True/False, a dict or a list");
}

/// Fields whose JSON value is text anyway: a str goes in as it is.
bool is_text_field(std::string_view key) {
  const auto* in = tp::input_named(key);
  return in && (in->kind == tp::input_kind::text || in->kind == tp::input_kind::choice);
}

/// Keyword arguments → scenario. Values are JSON values, except that a str for a
/// numeric field ("7B", "40%", "30d", "coal=0.3,gas=0.7", "false") is read the way
/// the CLI reads its flags (trainprint::set_input).
/// The keywords of the current call typed under another spelling than the input's name
/// (duration for duration_h): name → as typed, so that errors say what the user typed.
std::map<std::string, std::string>& typed_keywords() {
  thread_local std::map<std::string, std::string> typed;
  return typed;
}

tp::scenario scenario_from_fields(const py::dict& fields) {
  json j = json::object();
  typed_keywords().clear();
  for (auto [k, v] : fields) {
    std::string key = utf8(k, "keyword");
    if (const auto* in = tp::find_input(key)) {  // older spellings: inputs.hpp
      const std::string name(in->name);
      if (j.contains(name)) {  // a dict holds each keyword once: the first was the other spelling
        const auto alias = typed_keywords().find(name);
        tp::throw_given_twice(name, alias != typed_keywords().end() ? alias->second : name, key);
      }
      if (key != name) typed_keywords()[name] = key;
      key = name;
    }
    if (j.contains(key)) throw tp::input_error(key, "twice", "one value per input");
    const auto& names = tp::input_names();
    const bool known = std::find(names.begin(), names.end(), key) != names.end();
    if (known && !is_text_field(key) && py::isinstance<py::str>(v)) {
      tp::scenario one;
      tp::set_input(one, key, utf8(v, key));
      const json parsed = one;
      if (key == "recompute") j[key] = one.recompute;  // to_json writes recompute only when true
      for (const auto& [pk, pv] : parsed.items()) j[pk] = pv;
      continue;
    }
    j[key] = to_json(v, key);
  }
  return j.get<tp::scenario>();
}

/// The scenario of one call: preset, then the base scenario (a dict or JSON text
/// from a file), then the keyword arguments, each overriding the one before — as
/// the CLI's --preset, --scenario and flags.
tp::layered_scenario layered_scenario(const py::dict& fields, const catalog_handle& cat,
                                      const std::optional<std::string>& preset, const py::object& base,
                                      const std::string& base_name) {
  tp::scenario s;
  if (preset) s = cat.get().find_preset(*preset).scenario;
  if (py::isinstance<py::str>(base)) {
    s = tp::merge(s, tp::parse_scenario(base.cast<std::string>(), base_name));
  } else if (!base.is_none()) {
    s = tp::merge(s, to_json(base, "scenario").get<tp::scenario>());
  }
  return {std::move(s), scenario_from_fields(fields)};
}

tp::scenario build_scenario(const py::dict& fields, const catalog_handle& cat, const std::optional<std::string>& preset,
                            const py::object& base, const std::string& base_name) {
  const tp::layered_scenario l = layered_scenario(fields, cat, preset, base, base_name);
  return tp::merge(l.earlier, l.given);
}

void translate(std::exception_ptr p);

/// One estimate, kept as the C++ object: the Python Estimate reads its numbers
/// directly. It is made without the trace (make_estimate's trace_level::none: every
/// number, the context and the notes), and made again with the trace the first time
/// the JSON text is asked for — the same function of the same scenario, so the same
/// estimate; a plain estimate() call costs a few microseconds (bench/RESULTS.md).
class result {
 public:
  result(tp::estimate e, std::shared_ptr<const catalog_handle> cat, bool traced)
      : e_(std::move(e)), cat_(std::move(cat)), traced_(traced) {}
  [[nodiscard]] const tp::estimate& numbers() const { return e_; }
  /// The whole estimate, trace included.
  const tp::estimate& full() {
    if (!traced_) {
      e_ = tp::make_estimate(e_.scenario, cat_->get());
      traced_ = true;
    }
    return e_;
  }

 private:
  tp::estimate e_;
  std::shared_ptr<const catalog_handle> cat_;
  bool traced_;
};

std::shared_ptr<result> estimate(const py::dict& fields, const std::shared_ptr<catalog_handle>& cat,
                                 const std::optional<std::string>& preset, const py::object& base,
                                 const std::string& base_name, bool uncertainty, std::uint64_t samples,
                                 std::uint64_t seed, unsigned threads) {
  const tp::scenario s = build_scenario(fields, *cat, preset, base, base_name);
  py::gil_scoped_release unlocked;
  if (!uncertainty) return std::make_shared<result>(tp::make_estimate(s, cat->get(), tp::trace_level::none), cat, false);
  return std::make_shared<result>(
      tp::make_estimate(s, cat->get(), tp::uncertainty_options{samples, seed, threads}), cat, true);
}

/// A measurement and what made it (a file and its options, or samples), so that a
/// pilot can be read again cut into windows for its power spread.
class measurement_handle {
 public:
  measurement_handle(std::optional<std::string> path, std::vector<tp::power_sample> samples, tp::measure_options o)
      : path_(std::move(path)), samples_(std::move(samples)), options_(std::move(o)), m_(read(options_)) {}
  [[nodiscard]] const tp::measurement& get() const { return m_; }
  /// The measurement with its power spread over pilot_windows windows (read_pilot_file's).
  [[nodiscard]] tp::measurement for_pilot() const {
    if (!m_.from_samples || !(m_.duration_s.value_or(0) > 0)) return m_;
    tp::measure_options o = options_;
    o.window_s = *m_.duration_s / tp::pilot_windows;
    return read(o);
  }

 private:
  [[nodiscard]] tp::measurement read(const tp::measure_options& o) const {
    return path_ ? tp::read_measurement_file(*path_, o) : tp::integrate_power(samples_, o);
  }
  std::optional<std::string> path_;
  std::vector<tp::power_sample> samples_;
  tp::measure_options options_;
  tp::measurement m_;
};

/// A window edge from Python: seconds (a number) or a timestamp (str).
std::optional<tp::window_edge> edge_of(const py::object& v, const std::string& field) {
  if (v.is_none()) return std::nullopt;
  if (py::isinstance<py::str>(v)) {
    if (auto e = tp::parse_window_edge(utf8(v, field))) return e;
    throw tp::input_error(field, repr_of(v), "seconds (12.5) or a timestamp (2024/05/01 12:00:05.5)");
  }
  if (py::isinstance<py::bool_>(v) || !(py::isinstance<py::int_>(v) || py::isinstance<py::float_>(v) ||
                                        py::hasattr(v, "__float__")))
    throw tp::input_error(field, repr_of(v), "seconds (a number) or a timestamp (a str)");
  const double x = py::float_(v).cast<double>();
  if (!std::isfinite(x)) throw tp::input_error(field, repr_of(v), "a finite number of seconds");
  return tp::window_edge{x, false};
}

tp::measure_options measure_options_of(const py::object& start, const py::object& end, const py::object& interval_ms,
                                       bool skip_bad_lines) {
  tp::measure_options o;
  o.from = edge_of(start, "start");
  o.to = edge_of(end, "end");
  o.skip_bad_lines = skip_bad_lines;
  if (!interval_ms.is_none()) {
    const double ms = py::isinstance<py::bool_>(interval_ms) ? -1 : py::float_(interval_ms).cast<double>();
    if (!(ms > 0) || !std::isfinite(ms))
      throw tp::input_error("interval_ms", repr_of(interval_ms), "a positive number of milliseconds (dcgmi dmon's -d)");
    o.interval_s = ms / 1000;
  }
  return o;
}

std::shared_ptr<measurement_handle> measure_file(const std::string& path, const py::object& start,
                                                 const py::object& end, const py::object& interval_ms,
                                                 bool skip_bad_lines) {
  tp::measure_options o = measure_options_of(start, end, interval_ms, skip_bad_lines);
  py::gil_scoped_release unlocked;
  return std::make_shared<measurement_handle>(path, std::vector<tp::power_sample>{}, std::move(o));
}

/// Samples from Python: (t_s, watts) or (t_s, watts, device) each; `line` is the
/// sample's 1-based position, so that an error names it.
std::shared_ptr<measurement_handle> measure_samples(const py::iterable& items, const py::object& start,
                                                    const py::object& end) {
  if (py::isinstance<py::str>(items))
    throw tp::input_error("samples", repr_of(items), "(t_s, watts) or (t_s, watts, device) pairs, not a str");
  std::vector<tp::power_sample> samples;
  std::size_t k = 0;
  for (auto item : items) {
    ++k;
    const std::string where = "samples[" + std::to_string(k - 1) + "]";
    if (!py::isinstance<py::sequence>(item) || py::isinstance<py::str>(item))
      throw tp::input_error(where, repr_of(item), "(t_s, watts) or (t_s, watts, device)");
    const auto seq = py::reinterpret_borrow<py::sequence>(item);
    if (seq.size() != 2 && seq.size() != 3)
      throw tp::input_error(where, repr_of(item), "(t_s, watts) or (t_s, watts, device)");
    auto number = [&](py::handle v, const char* what) {
      if (py::isinstance<py::bool_>(v) || !(py::isinstance<py::int_>(v) || py::isinstance<py::float_>(v) ||
                                            py::hasattr(v, "__float__")))
        throw tp::input_error(where, repr_of(item), std::string(what) + " as a number");
      return py::float_(py::reinterpret_borrow<py::object>(v)).cast<double>();
    };
    tp::power_sample p;
    p.t_s = number(seq[0], "seconds");
    p.watts = number(seq[1], "watts");
    if (seq.size() == 3) p.device = py::isinstance<py::str>(seq[2]) ? utf8(seq[2], where) : std::string(py::str(seq[2]));
    p.line = k;
    samples.push_back(std::move(p));
  }
  tp::measure_options o = measure_options_of(start, end, py::none(), false);
  py::gil_scoped_release unlocked;
  return std::make_shared<measurement_handle>(std::nullopt, std::move(samples), std::move(o));
}

/// A measurement argument of estimate(): a Measurement, or a file path read as it is.
std::shared_ptr<measurement_handle> measurement_of(const py::object& v, const std::string& field) {
  if (py::isinstance<measurement_handle>(v)) return v.cast<std::shared_ptr<measurement_handle>>();
  if (py::isinstance<py::str>(v))
    return std::make_shared<measurement_handle>(utf8(v, field), std::vector<tp::power_sample>{}, tp::measure_options{});
  throw tp::input_error(field, repr_of(v), "a trainprint.Measurement or a file path");
}

/// estimate() with a measured energy (`measured`) or a pilot: the scenario the CLI's
/// --measured / --pilot gives, estimated with the notes of how it was made first.
std::shared_ptr<result> estimate_measured(const py::dict& fields, const std::shared_ptr<catalog_handle>& cat,
                                          const std::optional<std::string>& preset, const py::object& base,
                                          const std::string& base_name, const py::object& measured,
                                          const py::object& pilot, const py::dict& pilot_fields, bool uncertainty,
                                          std::uint64_t samples, std::uint64_t seed, unsigned threads) {
  tp::scenario s = build_scenario(fields, *cat, preset, base, base_name);
  std::vector<std::string> notes;
  if (!measured.is_none() && !pilot.is_none())
    throw tp::input_error("pilot", "given with measured", "a measured energy or a pilot, not both");
  if (pilot.is_none() && !pilot_fields.empty())
    throw tp::input_error(py::str((*pilot_fields.begin()).first).cast<std::string>(), "given without pilot",
                          "pilot=Measurement or a file, with pilot_tokens, pilot_steps, pilot_count or pilot_hours");
  const tp::scenario given = s;
  std::string measured_file;
  if (!measured.is_none()) {
    const auto h = measurement_of(measured, "measured");
    s = tp::with_measurement(s, h->get(), &notes);
    measured_file = h->get().file;
  } else {
    const auto h = measurement_of(pilot, "pilot");
    tp::pilot_info info;
    for (auto [k, v] : pilot_fields) {
      const std::string key = utf8(k, "keyword");
      auto value = [&](std::string_view what) {
        if (py::isinstance<py::str>(v)) {
          const std::string t = utf8(v, key);
          return key == "pilot_hours" ? tp::parse_duration(t, what).count() : tp::parse_number(t, what);
        }
        if (py::isinstance<py::bool_>(v) || !(py::isinstance<py::int_>(v) || py::isinstance<py::float_>(v) ||
                                              py::hasattr(v, "__float__")))
          throw tp::input_error(key, repr_of(v), "a number");
        return py::float_(py::reinterpret_borrow<py::object>(v)).cast<double>();
      };
      if (key == "pilot_tokens") info.tokens = value(key);
      else if (key == "pilot_steps") info.steps = value(key);
      else if (key == "tokens_per_step") info.tokens_per_step = value(key);
      else if (key == "pilot_hours") info.hours = value(key);
      else if (key == "pilot_count") {
        const double n = value(key);
        if (!(n >= 1 && n == std::floor(n) && n < 1e9))
          throw tp::input_error("pilot_count", repr_of(v), "a whole number of accelerators >= 1");
        info.count = static_cast<std::int64_t>(n);
      }
    }
    auto c = tp::calibrate_from_pilot(s, h->for_pilot(), info, cat->get());
    s = std::move(c.run);
    notes = std::move(c.notes);
    uncertainty = true;  // a pilot's prediction comes with its intervals, as in the CLI
  }
  const bool from_measured = !measured.is_none();
  py::gil_scoped_release unlocked;
  const auto estimated = [&] {
    try {
      return uncertainty ? tp::make_estimate(s, cat->get(), tp::uncertainty_options{samples, seed, threads})
                         : tp::make_estimate(s, cat->get());
    } catch (const tp::input_error& x) {
      // An input the measurement gave is said as the measurement's (the keyword was measured=).
      if (!from_measured) throw;
      if (const auto m = tp::detail::as_measured_error(x, given, s, measured_file)) throw *m;
      throw;
    }
  };
  tp::estimate e = estimated();
  e.notes.insert(e.notes.begin(), notes.begin(), notes.end());
  return std::make_shared<result>(std::move(e), cat, true);
}

/// Every output of `e` in output_table order (trainprint.estimate/1's numbers): a float, or None when unknown.
py::tuple output_values(const tp::estimate& e) {
  py::tuple t(tp::output_count);
  for (std::size_t k = 0; k < tp::output_count; ++k) {
    const auto& row = tp::output_table[k];
    const auto v = row.id == tp::output::flops ? e.flops : e.value(row.id);
    t[k] = v ? py::object(py::float_(*v)) : py::none();
  }
  return t;
}

/// resolved.{hardware, region, provider, precision, boundary} of trainprint.estimate/1.
py::tuple resolved_ids(const tp::estimate& e) {
  auto id = [](const std::string& s) { return s.empty() ? py::object(py::none()) : py::object(py::str(s)); };
  return py::make_tuple(id(e.context.accelerator_id), id(e.context.region_id), id(e.context.provider_id),
                        std::string(tp::to_string(e.context.precision)), std::string(tp::to_string(e.context.boundary)),
                        std::string(tp::to_string(e.context.convention)));
}

/// A column of estimate_many() from Python: a float64 array (numbers), or a sequence
/// of numbers, str and None (a text per distinct str, NaN/None: no value).
struct column_storage {
  std::vector<double> numbers;
  std::vector<std::int32_t> codes;
  py::array_t<double> array;  // keeps a NumPy column alive
};

void read_column(const std::string& key, const py::handle& values, tp::input_column& col, column_storage& store) {
  col.key = key;
  if (py::isinstance<py::array_t<double>>(values)) {
    store.array = py::reinterpret_borrow<py::array_t<double>>(values);
    if (store.array.ndim() != 1 || !(store.array.flags() & py::array::c_style))
      throw tp::input_error(key, "an array of shape " + std::to_string(store.array.ndim()) + "-d",
                            "a one-dimensional column");
    col.numbers = std::span<const double>(store.array.data(), static_cast<std::size_t>(store.array.size()));
    return;
  }
  const auto seq = py::reinterpret_borrow<py::sequence>(values);
  const std::size_t n = seq.size();
  std::unordered_map<std::string, std::int32_t> index;
  // A str object seen before keeps its code: the same objects recur down a column
  // (["h100", "a100"] * n), and a pointer is cheaper to look up than its text.
  std::unordered_map<PyObject*, std::int32_t> seen;
  std::vector<py::object> alive;  // each object in `seen`, so that no other str takes its address
  const double nan = std::numeric_limits<double>::quiet_NaN();
  for (std::size_t r = 0; r < n; ++r) {
    const py::object v = seq[r];
    if (PyUnicode_Check(v.ptr())) {
      if (store.codes.empty()) store.codes.assign(n, -1);
      if (const auto known = seen.find(v.ptr()); known != seen.end()) {
        store.codes[r] = known->second;
        continue;
      }
      const std::string text = utf8(v, key);
      auto [it, added] = index.try_emplace(text, static_cast<std::int32_t>(col.texts.size()));
      if (added) col.texts.push_back(text);
      store.codes[r] = it->second;
      if (seen.size() < 4096) {  // a column of distinct objects falls back to the text
        seen.emplace(v.ptr(), it->second);
        alive.push_back(v);
      }
      continue;
    }
    double x = nan;
    if (v.is_none()) {
      // no value in this row
    } else if (PyFloat_Check(v.ptr())) {
      x = PyFloat_AS_DOUBLE(v.ptr());
    } else if (PyBool_Check(v.ptr())) {
      x = v.ptr() == Py_True ? 1.0 : 0.0;
    } else if (PyLong_Check(v.ptr()) || py::hasattr(v, "__index__") || py::hasattr(v, "__float__")) {
      x = py::float_(v).cast<double>();
    } else {
      throw tp::input_error(key + "[" + std::to_string(r) + "]", repr_of(v), "a number, a string or None");
    }
    if (std::isnan(x)) continue;
    if (store.numbers.empty()) store.numbers.assign(n, nan);
    store.numbers[r] = x;
  }
  // A column with no value at all still has its rows.
  if (store.numbers.empty() && store.codes.empty()) store.codes.assign(n, -1);
  col.numbers = store.numbers;
  col.codes = store.codes;
}

/// A vector handed to NumPy without a copy.
py::array_t<double> to_array(std::vector<double>&& v) {
  auto* owned = new std::vector<double>(std::move(v));
  py::capsule free(owned, [](void* p) { delete static_cast<std::vector<double>*>(p); });
  return py::array_t<double>(static_cast<py::ssize_t>(owned->size()), owned->data(), free);
}

/// ({flat output name: float64 array}, [(row, message)], rows). With collect false
/// the first failing row raises its error, with the attribute `row`.
py::tuple estimate_many(const py::dict& fields, const py::dict& columns, const catalog_handle& cat,
                        const std::optional<std::string>& preset, const py::object& base, const std::string& base_name,
                        bool collect) {
  const tp::scenario s = build_scenario(py::dict(), cat, preset, base, base_name);
  const tp::scenario shared = scenario_from_fields(fields);
  std::vector<tp::input_column> cols(columns.size());
  std::deque<column_storage> store(columns.size());
  std::size_t c = 0;
  for (auto [k, v] : columns) {
    read_column(utf8(k, "keyword"), v, cols[c], store[c]);
    ++c;
  }
  tp::table_estimates t;
  {
    py::gil_scoped_release unlocked;
    t = tp::estimate_many(s, shared, cols, cat.get(), collect ? tp::on_row_error::collect : tp::on_row_error::stop);
  }
  if (!collect && !t.errors.empty()) {
    try {
      std::rethrow_exception(t.errors.front().error);
    } catch (...) {
      translate(std::current_exception());
    }
    py::error_already_set raised;
    raised.value().attr("row") = t.errors.front().row;
    throw raised;
  }
  py::dict out;
  for (std::size_t k = 0; k < tp::output_count; ++k)
    out[py::str(std::string(tp::output_table[k].name))] = to_array(std::move(t.values[k]));
  // Rows with plain-language words or ranges: their values are medians, with these percentiles.
  if (!t.p5[0].empty())
    for (std::size_t k = 0; k < tp::output_count; ++k) {
      if (!tp::output_table[k].sampled) continue;
      const std::string name(tp::output_table[k].name);
      out[py::str(name + "_p5")] = to_array(std::move(t.p5[k]));
      out[py::str(name + "_p95")] = to_array(std::move(t.p95[k]));
    }
  py::list errors;
  for (const auto& e : t.errors) errors.append(py::make_tuple(e.row, e.message));
  return py::make_tuple(out, errors, t.rows);
}

/// (the comparison's JSON text, each row's estimate as JSON text), best first.
std::pair<std::string, std::vector<std::string>> compare_json(const py::dict& fields, const std::string& key,
                                                              const py::sequence& values, const std::string& sort,
                                                              const catalog_handle& cat,
                                                              const std::optional<std::string>& preset,
                                                              const py::object& base, const std::string& base_name) {
  // Keywords are one source over the preset and the scenario: a compared site input
  // replaces their site inputs (merge()), as the CLI's --across does.
  const tp::layered_scenario s = layered_scenario(fields, cat, preset, base, base_name);
  std::vector<std::string> texts;
  if (py::isinstance<py::str>(values))
    throw tp::input_error("across", repr_of(values), "a list of values, e.g. {\"region\": [\"FR\", \"SE\"]}");
  for (std::size_t i = 0; i < values.size(); ++i)
    texts.push_back(tp::bindings::value_text(to_json(values[i], key), key + "[" + std::to_string(i) + "]"));
  const tp::rank_by by = tp::parse_rank_by(sort);
  py::gil_scoped_release unlocked;
  const tp::comparison c = tp::compare(s, key, texts, cat.get(), by);
  std::vector<std::string> rows;
  rows.reserve(c.rows.size());
  for (const auto& r : c.rows) rows.push_back(tp::to_json_text(r.result, 2));
  return {tp::to_json_text(c, 2), std::move(rows)};
}

/// Raises the Python exception of trainprint._errors named `cls` with keyword attributes.
void raise(const char* cls, const char* message, const py::dict& attrs) {
  py::object type = py::module_::import("trainprint._errors").attr(cls);
  py::object instance = type(message, **attrs);
  PyErr_SetObject(type.ptr(), instance.ptr());
}

/// An error's message with its inputs as Python keywords (spelling.hpp): embodied=False.
/// Each input the call's keywords named under another spelling, as typed (typed_keywords()).
std::string spelled(const tp::error& e) {
  std::string m = tp::spell_inputs(e.what(), tp::spelling::python);
  const auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  for (const auto& [name, typed] : typed_keywords()) {
    std::string out;
    for (std::size_t k = 0; k < m.size();) {
      if (m.compare(k, name.size(), name) == 0 && (k == 0 || !word(m[k - 1])) &&
          (k + name.size() == m.size() || !word(m[k + name.size()]))) {
        out += typed;
        k += name.size();
      } else {
        out += m[k++];
      }
    }
    m = std::move(out);
  }
  typed_keywords().clear();
  return m;
}

void translate(std::exception_ptr p) {
  try {
    if (p) std::rethrow_exception(p);
  } catch (const tp::unknown_key_error& e) {
    raise("UnknownKeyError", spelled(e).c_str(),
          py::dict(py::arg("kind") = e.kind(), py::arg("key") = e.key(), py::arg("suggestions") = e.suggestions()));
  } catch (const tp::input_error& e) {
    raise("InputError", spelled(e).c_str(),
          py::dict(py::arg("field") = e.field(), py::arg("value") = e.value(), py::arg("expected") = e.expected()));
  } catch (const tp::data_error& e) {
    raise("DataError", spelled(e).c_str(),
          py::dict(py::arg("file") = e.file(), py::arg("pointer") = e.pointer(), py::arg("detail") = e.detail()));
  } catch (const tp::unit_error& e) {
    raise("UnitError", spelled(e).c_str(), py::dict());
  } catch (const tp::measure_error& e) {
    raise("MeasureError", e.what(), py::dict(py::arg("file") = e.file(), py::arg("line") = e.line()));
  } catch (const tp::error& e) {
    raise("Error", spelled(e).c_str(), py::dict());
  } catch (const json::exception& e) {
    raise("DataError", (std::string("[trainprint.data] <json>: ") + e.what()).c_str(),
          py::dict(py::arg("file") = "<json>", py::arg("pointer") = "", py::arg("detail") = e.what()));
  }
}

}  // namespace

PYBIND11_MODULE(_core, m) {
  m.doc() = "trainprint's native core (use the `trainprint` package instead)";
  m.attr("__version__") = tp::version;
  m.attr("estimate_schema") = std::string(tp::estimate_schema);
  m.attr("compare_schema") = std::string(tp::compare_schema);
  m.attr("min_uncertainty_samples") = tp::min_uncertainty_samples;
  py::register_exception_translator(&translate);

  py::class_<catalog_handle, std::shared_ptr<catalog_handle>>(m, "Catalog")
      .def(py::init<>())
      .def(py::init<const std::vector<std::string>&>(), py::arg("overlays"))
      .def_property_readonly("version", [](const catalog_handle& h) { return h.get().version(); })
      .def_property_readonly("date", [](const catalog_handle& h) { return h.get().date(); })
      .def("ids", [](const catalog_handle& h, const std::string& table) { return tp::catalog_ids(h.get(), table); },
           py::arg("table"))
      .def(
          "entry_json",
          [](const catalog_handle& h, const std::string& table, const std::string& id) {
            return tp::catalog_entry_to_json(h.get(), table, id).dump();
          },
          py::arg("table"), py::arg("id"))
      .def(
          "table_json",
          [](const catalog_handle& h, const std::string& table, const std::string& filter) {
            return tp::catalog_table_to_json(h.get(), table, filter).dump();
          },
          py::arg("table"), py::arg("filter") = "")
      .def(
          "find_table", [](const catalog_handle& h, const std::string& id) { return std::string(tp::find_table_of(h.get(), id)); },
          py::arg("id"));

  m.def("tables", [] { return tp::catalog_tables(); });
  m.def("input_names", [] { return tp::input_names(); });
  m.def("spell_inputs", [](const std::string& message) { return tp::spell_inputs(message, tp::spelling::python); },
        "A message with its inputs as Python keywords (embodied=False), spelling.hpp");
  py::class_<result, std::shared_ptr<result>>(m, "Result")
      .def(
          "json", [](result& r, int indent) { return tp::to_json_text(r.full(), indent); }, py::arg("indent") = 2)
      .def_property_readonly("values", [](const result& r) { return output_values(r.numbers()); })
      .def_property_readonly("resolved", [](const result& r) { return resolved_ids(r.numbers()); });
  m.def("outputs", [] {
    py::list rows;
    for (const auto& r : tp::output_table)
      rows.append(py::make_tuple(std::string(r.name), std::string(r.group), std::string(r.key), std::string(r.unit),
                                 std::string(r.label)));
    return rows;
  });
  m.def("estimate", &estimate, py::arg("fields"), py::arg("catalog"), py::arg("preset") = py::none(),
        py::arg("scenario") = py::none(), py::arg("scenario_name") = "<scenario>", py::arg("uncertainty") = false,
        py::arg("samples") = 10000, py::arg("seed") = 42, py::arg("threads") = 1);
  py::class_<measurement_handle, std::shared_ptr<measurement_handle>>(m, "Measurement")
      .def("json", [](const measurement_handle& h) { return tp::measurement_json(h.get()); })
      .def("table", [](const measurement_handle& h) { return tp::measurement_table(h.get()); })
      .def_property_readonly("device_count", [](const measurement_handle& h) { return h.get().device_count; })
      .def_property_readonly("from_samples", [](const measurement_handle& h) { return h.get().from_samples; });
  m.def("measure_file", &measure_file, py::arg("path"), py::arg("start") = py::none(), py::arg("end") = py::none(),
        py::arg("interval_ms") = py::none(), py::arg("skip_bad_lines") = false);
  m.def("measure_samples", &measure_samples, py::arg("samples"), py::arg("start") = py::none(),
        py::arg("end") = py::none());
  m.def("estimate_measured", &estimate_measured, py::arg("fields"), py::arg("catalog"), py::arg("preset"),
        py::arg("scenario"), py::arg("scenario_name"), py::arg("measured"), py::arg("pilot"), py::arg("pilot_fields"),
        py::arg("uncertainty"), py::arg("samples"), py::arg("seed"), py::arg("threads"));
  m.def("estimate_many", &estimate_many, py::arg("fields"), py::arg("columns"), py::arg("catalog"),
        py::arg("preset") = py::none(), py::arg("scenario") = py::none(), py::arg("scenario_name") = "<scenario>",
        py::arg("collect") = false);
  m.def("compare_json", &compare_json, py::arg("fields"), py::arg("key"), py::arg("values"), py::arg("sort"),
        py::arg("catalog"), py::arg("preset") = py::none(), py::arg("scenario") = py::none(),
        py::arg("scenario_name") = "<scenario>");
  m.def(
      "dump_json",
      [](const std::string& text, int indent) { return json::parse(text).dump(indent < 0 ? -1 : indent); },
      py::arg("text"), py::arg("indent") = 2, "Re-indents JSON text, keeping every number exactly as the library wrote it.");
}
