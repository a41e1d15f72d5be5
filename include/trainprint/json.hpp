#pragma once
/// \file json.hpp
/// JSON conversions (nlohmann/json) for scenarios and estimates. The estimate's
/// JSON is the public schema `trainprint.estimate/1`; the scenario's fields are the
/// CLI flags in snake_case, and unknown fields are errors.

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>

#include "estimate.hpp"
#include "inputs.hpp"
#include "scenario.hpp"

namespace trainprint::inline v0 {

/// The schema id written into every estimate.
inline constexpr std::string_view estimate_schema = "trainprint.estimate/1";

/// Scenario → JSON object with only the fields that are set.
void to_json(nlohmann::json& j, const scenario& s);
/// JSON object → scenario. Throws input_error for unknown fields, wrong types and
/// out-of-range values (the field named in the message).
void from_json(const nlohmann::json& j, scenario& s);
/// Estimate → `trainprint.estimate/1`.
void to_json(nlohmann::json& j, const estimate& e);
/// `trainprint.estimate/1` → estimate (numbers, trace and notes; context partly).
void from_json(const nlohmann::json& j, estimate& e);
/// The uncertainty block of an estimate → {"method", "distribution", "generator",
/// "quantiles", "samples", "seed", "inputs": [...], "outputs": {"energy_kwh.facility":
/// {"central", "p5", "p50", "p95", "mean"}, ...}, "sensitivity_metric", "sensitivity": [...]}.
void to_json(nlohmann::json& j, const uncertainty_result& u);
void from_json(const nlohmann::json& j, uncertainty_result& u);
/// A trace entry → {"name", "value", "unit", "origin", "source", "note"}.
void to_json(nlohmann::json& j, const trace_entry& t);
void from_json(const nlohmann::json& j, trace_entry& t);

/// The input a scenario-JSON key names (snake_case; aliases such as "duration"
/// too). Throws input_error for an unknown field, suggesting the closest.
const input_info& scenario_field(const std::string& key);
/// Reads one scenario-JSON value of input `i` into `s` exactly as from_json() does
/// (`key` is the key as given, for messages): a number, a string, a bool, a mix
/// object or a range by the input's kind; null leaves `s` unchanged. Throws
/// input_error for a wrong type or an out-of-range whole number.
void set_input_json(scenario& s, const input_info& i, const std::string& key, const nlohmann::json& value);

/// Parses scenario JSON text; `file` names it in errors. Throws data_error for
/// malformed JSON and input_error for bad fields.
scenario parse_scenario(std::string_view text, const std::string& file = "<scenario>");
/// The estimate as JSON text (`indent` < 0: one line).
std::string to_json_text(const estimate& e, int indent = 2);

}  // namespace trainprint::inline v0
