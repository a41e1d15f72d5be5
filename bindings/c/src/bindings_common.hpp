#pragma once
// Internal helpers shared by the C API and the Python module, so the two read
// comparison values the same way. Not installed. Comparisons are written with
// render.hpp's to_json_text, as the CLI writes them.

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "trainprint/compare.hpp"
#include "trainprint/error.hpp"
#include "trainprint/estimator.hpp"
#include "trainprint/json.hpp"
#include "trainprint/render.hpp"

namespace trainprint::bindings {

/// A comparison value as text, as a person would type it: strings as they are,
/// integers in decimal, other numbers in their shortest round-trip form, booleans
/// as true/false. Anything else is an input_error naming `field`.
inline std::string value_text(const nlohmann::json& v, const std::string& field) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  if (v.is_number_integer()) return v.dump();
  if (v.is_number()) return detail::num(v.get<double>());
  std::string shown = v.dump();
  if (shown.size() > 40) shown = shown.substr(0, 37) + "...";
  throw input_error(field, shown, "a string or a number");
}

/// A JSON array of values → their texts. Throws data_error for malformed JSON and
/// input_error when the text is not an array of strings and numbers.
inline std::vector<std::string> values_from_json(std::string_view text) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text.begin(), text.end());
  } catch (const nlohmann::json::parse_error& e) {
    throw data_error("<values>", "", std::string("malformed JSON: ") + e.what());
  }
  if (!j.is_array()) {
    std::string shown = j.dump();
    if (shown.size() > 40) shown = shown.substr(0, 37) + "...";
    throw input_error("values", shown, "a JSON array of values, e.g. [\"FR\", \"SE\"]");
  }
  std::vector<std::string> out;
  out.reserve(j.size());
  for (std::size_t i = 0; i < j.size(); ++i) out.push_back(value_text(j[i], "values[" + std::to_string(i) + "]"));
  return out;
}

}  // namespace trainprint::bindings
