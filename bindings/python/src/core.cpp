// trainprint._core: the pybind11 extension behind the `trainprint` package. It
// speaks JSON text with the Python layer (trainprint/__init__.py), so Python, C
// and the CLI produce byte-identical estimates from the same scenario.

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "bindings_common.hpp"
#include "trainprint/catalog.hpp"
#include "trainprint/catalog_json.hpp"
#include "trainprint/compare.hpp"
#include "trainprint/error.hpp"
#include "trainprint/estimator.hpp"
#include "trainprint/inputs.hpp"
#include "trainprint/json.hpp"
#include "trainprint/render.hpp"
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
  return in && (in->kind == tp::input_kind::text || in->kind == tp::input_kind::precision ||
                in->kind == tp::input_kind::boundary ||
                in->kind == tp::input_kind::energy_boundary);
}

/// Keyword arguments → scenario. Values are JSON values, except that a str for a
/// numeric field ("7B", "40%", "30d", "coal=0.3,gas=0.7", "false") is read the way
/// the CLI reads its flags (trainprint::set_input).
tp::scenario scenario_from_fields(const py::dict& fields) {
  json j = json::object();
  for (auto [k, v] : fields) {
    std::string key = utf8(k, "keyword");
    if (const auto* in = tp::find_input(key)) key = std::string(in->name);  // older spellings: inputs.hpp
    if (j.contains(key)) throw tp::input_error(key, "twice", "one value per input (" + key + " has two spellings)");
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
tp::scenario build_scenario(const py::dict& fields, const catalog_handle& cat, const std::optional<std::string>& preset,
                            const py::object& base, const std::string& base_name) {
  tp::scenario s;
  if (preset) s = cat.get().find_preset(*preset).scenario;
  if (py::isinstance<py::str>(base)) {
    s = tp::merge(s, tp::parse_scenario(base.cast<std::string>(), base_name));
  } else if (!base.is_none()) {
    s = tp::merge(s, to_json(base, "scenario").get<tp::scenario>());
  }
  return tp::merge(s, scenario_from_fields(fields));
}

std::string estimate_json(const py::dict& fields, const catalog_handle& cat, const std::optional<std::string>& preset,
                          const py::object& base, const std::string& base_name, bool uncertainty,
                          std::uint64_t samples, std::uint64_t seed, unsigned threads) {
  const tp::scenario s = build_scenario(fields, cat, preset, base, base_name);
  py::gil_scoped_release unlocked;
  if (!uncertainty) return tp::to_json_text(tp::make_estimate(s, cat.get()), 2);
  return tp::to_json_text(tp::make_estimate(s, cat.get(), tp::uncertainty_options{samples, seed, threads}), 2);
}

/// (the comparison's JSON text, each row's estimate as JSON text), best first.
std::pair<std::string, std::vector<std::string>> compare_json(const py::dict& fields, const std::string& key,
                                                              const py::sequence& values, const std::string& sort,
                                                              const catalog_handle& cat,
                                                              const std::optional<std::string>& preset,
                                                              const py::object& base, const std::string& base_name) {
  const tp::scenario s = build_scenario(fields, cat, preset, base, base_name);
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

void translate(std::exception_ptr p) {
  try {
    if (p) std::rethrow_exception(p);
  } catch (const tp::unknown_key_error& e) {
    raise("UnknownKeyError", e.what(),
          py::dict(py::arg("kind") = e.kind(), py::arg("key") = e.key(), py::arg("suggestions") = e.suggestions()));
  } catch (const tp::input_error& e) {
    raise("InputError", e.what(),
          py::dict(py::arg("field") = e.field(), py::arg("value") = e.value(), py::arg("expected") = e.expected()));
  } catch (const tp::data_error& e) {
    raise("DataError", e.what(),
          py::dict(py::arg("file") = e.file(), py::arg("pointer") = e.pointer(), py::arg("detail") = e.detail()));
  } catch (const tp::unit_error& e) {
    raise("UnitError", e.what(), py::dict());
  } catch (const tp::error& e) {
    raise("Error", e.what(), py::dict());
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
  m.def("estimate_json", &estimate_json, py::arg("fields"), py::arg("catalog"), py::arg("preset") = py::none(),
        py::arg("scenario") = py::none(), py::arg("scenario_name") = "<scenario>", py::arg("uncertainty") = false,
        py::arg("samples") = 10000, py::arg("seed") = 42, py::arg("threads") = 1);
  m.def("compare_json", &compare_json, py::arg("fields"), py::arg("key"), py::arg("values"), py::arg("sort"),
        py::arg("catalog"), py::arg("preset") = py::none(), py::arg("scenario") = py::none(),
        py::arg("scenario_name") = "<scenario>");
  m.def(
      "dump_json",
      [](const std::string& text, int indent) { return json::parse(text).dump(indent < 0 ? -1 : indent); },
      py::arg("text"), py::arg("indent") = 2, "Re-indents JSON text, keeping every number exactly as the library wrote it.");
}
