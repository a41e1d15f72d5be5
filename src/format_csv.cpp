// Machine-readable rows: the headline columns (from the output table), CSV fields and
// numbers, and the CSV of one estimate and of a comparison, with their ranges (see
// include/trainprint/format.hpp and src/format_internal.hpp).

#include "trainprint/format.hpp"

#include "format_internal.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string>

namespace trainprint::inline v0 {

const std::vector<headline_column>& headline_columns() {
  static const std::vector<headline_column> cols = [] {
    std::vector<headline_column> v;
    for (const auto& row : output_table)
      if (row.headline) v.push_back({row.name, row.id});
    return v;
  }();
  return cols;
}

std::string csv_field(std::string_view text) {
  if (!csv_needs_quotes(text)) return std::string(text);
  std::string r = "\"";
  for (char ch : text) {
    if (ch == '"') r += '"';
    r += ch;
  }
  return r + "\"";
}

std::string csv_number(std::optional<double> v) {
  if (!v) return {};
  return fmt::format("{:.10g}", *v);
}

const input_distribution* drawn_input(const estimate& e, uncertain_input i) {
  if (!e.uncertainty) return nullptr;
  for (const auto& x : e.uncertainty->inputs)
    if (x.input == i && !x.dist.fixed()) return &x;
  return nullptr;
}

factor_cells factor_of(const estimate& e, uncertain_input i, std::optional<double> point) {
  if (!point) return {};
  if (!e.uncertainty) return {point, {}, {}};
  if (const auto* d = drawn_input(e, i)) return {d->dist.quantile(0.5), d->dist.quantile(0.05), d->dist.quantile(0.95)};
  return {point, point, point};  // fixed: every percentile is the value
}

std::string range_csv_header() {
  std::string out;
  for (const auto& col : headline_columns())
    if (info(col.id).sampled) out += fmt::format(",{0}_p5,{0}_p95", col.name);
  return out + ",impossible_samples";  // samples left out (implied MFU above 1): JSON's uncertainty.impossible_samples
}
std::string range_csv_cells(const estimate& e) {
  std::string out;
  for (const auto& col : headline_columns()) {
    if (!info(col.id).sampled) continue;
    const auto* o = e.uncertainty ? e.uncertainty->find(info(col.id).path) : nullptr;
    out += "," + csv_number(o ? std::optional(o->p5) : std::nullopt) + "," +
           csv_number(o ? std::optional(o->p95) : std::nullopt);
  }
  return out + "," + (e.uncertainty ? std::to_string(e.uncertainty->impossible_samples) : std::string{});
}

std::string render_csv(const estimate& e) {
  const auto& c = e.context;
  // With ranges, PUE and grid intensity are their own medians, as the outputs beside them
  // (the point values stay in the JSON's trace); their percentiles follow the outputs'.
  const auto pue = factor_of(e, uncertain_input::pue, e.inputs.pue);
  const auto intensity = factor_of(e, uncertain_input::intensity_g_per_kwh, e.inputs.intensity_g_per_kwh);
  std::string head = "hardware,count,region,grid_region,boundary,convention,pue,intensity_g_co2e_per_kwh";
  std::string row = csv_field(c.accelerator_id) + "," + csv_number(e.inputs.count) + "," + csv_field(c.region_id) + "," +
                    csv_field(c.grid_region_id) + "," + std::string(to_string(c.boundary)) + "," +
                    std::string(to_string(c.convention)) + "," +
                    csv_number(pue.value) + "," + csv_number(intensity.value);
  for (const auto& col : headline_columns()) {
    head += "," + std::string(col.name);
    row += "," + csv_number(col.get(e));
  }
  if (e.uncertainty) {
    head += range_csv_header() + ",pue_p5,pue_p95,intensity_g_co2e_per_kwh_p5,intensity_g_co2e_per_kwh_p95";
    row += range_csv_cells(e) + "," + csv_number(pue.p5) + "," + csv_number(pue.p95) + "," +
           csv_number(intensity.p5) + "," + csv_number(intensity.p95);
  }
  return head + "\n" + row + "\n";
}

std::string render_comparison_csv(const comparison& c) {
  std::string out = "rank," + csv_field(c.key);
  for (const auto& col : headline_columns()) out += "," + std::string(col.name);
  const bool ranged = std::any_of(c.rows.begin(), c.rows.end(), [](const auto& r) { return r.result.uncertainty.has_value(); });
  // "error" says why an option was not estimated (JSON's "error"; empty for the others); the
  // ranges' columns follow when any row has them.
  // With ranges, the intensity is its own median, as the outputs beside it, and its
  // percentiles follow the outputs'.
  out += fmt::format(",intensity_g_co2e_per_kwh,delta_to_best_{},error{}\n", rank_unit(c.rank_by),
                     ranged ? range_csv_header() + ",intensity_g_co2e_per_kwh_p5,intensity_g_co2e_per_kwh_p95"
                            : std::string{});
  for (std::size_t i = 0; i < c.rows.size(); ++i) {
    const auto& r = c.rows[i];
    const auto rank = rank_of(c, i);  // empty where the option is not ranked
    out += (rank ? std::to_string(*rank) : std::string{}) + "," + csv_field(r.value);
    // An option that could not be estimated: every number empty (unknown), as in the JSON.
    for (const auto& col : headline_columns()) out += "," + csv_number(r.error ? std::nullopt : col.get(r.result));
    const auto intensity = r.error ? factor_cells{}
                                   : factor_of(r.result, uncertain_input::intensity_g_per_kwh,
                                               r.result.inputs.intensity_g_per_kwh);
    out += "," + csv_number(intensity.value) + "," + csv_number(r.delta_to_best) + "," +
           (r.error ? csv_field(*r.error) : std::string{}) +
           (ranged ? range_csv_cells(r.error ? estimate{} : r.result) + "," + csv_number(intensity.p5) + "," +
                         csv_number(intensity.p95)
                   : std::string{}) +
           "\n";
  }
  return out;
}

}  // namespace trainprint::inline v0
