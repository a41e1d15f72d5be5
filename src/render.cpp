// JSON and CSV renderings of comparisons and sweep rows (see include/trainprint/render.hpp).

#include "trainprint/render.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <iterator>

#include "trainprint/format.hpp"
#include "trainprint/json.hpp"

namespace trainprint::inline v0 {

void to_json(nlohmann::json& j, const comparison& c) {
  using json = nlohmann::json;
  auto opt = [](const std::optional<double>& v) { return v ? json(*v) : json(nullptr); };
  json rows = json::array();
  for (std::size_t i = 0; i < c.rows.size(); ++i) {
    const auto& r = c.rows[i];
    rows.push_back(json{{"rank", i + 1},
                        {"value", r.value},
                        {"metric", opt(r.metric)},
                        {"delta_to_best", opt(r.delta_to_best)},
                        {"estimate", json(r.result)}});
  }
  j = json{{"schema", std::string(compare_schema)},
           {"key", c.key},
           {"sort", std::string(to_string(c.rank_by))},
           {"metric_unit", std::string(rank_unit(c.rank_by))},
           {"rows", std::move(rows)}};
}

std::string to_json_text(const comparison& c, int indent) {
  nlohmann::json j;
  to_json(j, c);
  return j.dump(indent < 0 ? -1 : indent);
}

std::string sweep_row_json_line(std::span<const sweep_axis> axes, const sweep_row& row) {
  nlohmann::ordered_json j;
  for (std::size_t a = 0; a < axes.size(); ++a) j[axes[a].key] = row.values[a];
  for (const auto& col : headline_columns()) {
    const auto v = col.get(row.result);
    j[std::string(col.name)] = v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
  }
  return j.dump();
}

std::string sweep_csv_header(std::span<const sweep_axis> axes) {
  std::string out;
  for (const auto& a : axes) out += (out.empty() ? "" : ",") + csv_field(a.key);
  for (const auto& col : headline_columns()) out += "," + std::string(col.name);
  return out;
}

std::string sweep_row_csv(const sweep_row& row) {
  // Written in place (a sweep calls this a million times): the same text as
  // csv_field and csv_number, without a temporary string per field.
  std::string out;
  out.reserve(256);
  for (std::size_t a = 0; a < row.values.size(); ++a) {
    if (a) out += ',';
    const std::string& v = row.values[a];
    if (v.find_first_of(",\"\r\n") == std::string::npos) out += v;
    else out += csv_field(v);
  }
  for (const auto& col : headline_columns()) {
    out += ',';
    if (const auto v = col.get(row.result)) fmt::format_to(std::back_inserter(out), "{:.10g}", *v);  // = csv_number
  }
  return out;
}

}  // namespace trainprint::inline v0
