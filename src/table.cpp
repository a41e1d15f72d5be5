// Estimates over a table (see include/trainprint/table.hpp).

#include "trainprint/table.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>
#include <optional>

#include "trainprint/compare.hpp"
#include "trainprint/error.hpp"
#include "trainprint/estimator.hpp"
#include "trainprint/inputs.hpp"
#include "trainprint/json.hpp"
#include "trainprint/plain.hpp"
#include "trainprint/uncertainty.hpp"

namespace trainprint::inline v0 {
namespace {

/// A column ready for the rows: its input, and each distinct text read once.
struct prepared_column {
  const input_column* column = nullptr;
  const input_info* info = nullptr;
  std::vector<scenario> parsed;           ///< per text: a scenario with only this input set
  std::vector<std::exception_ptr> error;  ///< per text: why it does not read, or null
};

std::vector<prepared_column> prepare(std::span<const input_column> columns, std::size_t& rows) {
  std::vector<prepared_column> out;
  out.reserve(columns.size());
  bool sized = false;
  for (const auto& c : columns) {
    prepared_column p;
    p.column = &c;
    p.info = &scenario_field(c.key);
    for (const auto& q : out)
      if (q.info == p.info)
        throw input_error(c.key, "twice", "one column per input (" + q.column->key + " is the same input)");
    for (const std::size_t n : {c.numbers.size(), c.codes.size()}) {
      if (n == 0) continue;
      if (!sized) {
        rows = n;
        sized = true;
      } else if (n != rows) {
        throw input_error(c.key, std::to_string(n) + " rows",
                          std::to_string(rows) + " rows, as many as the first column");
      }
    }
    for (const std::int32_t code : c.codes)
      if (code < -1 || (code >= 0 && static_cast<std::size_t>(code) >= c.texts.size()))
        throw input_error(c.key, "text code " + std::to_string(code),
                          "-1 or an index into the column's " + std::to_string(c.texts.size()) + " texts");
    p.parsed.resize(c.texts.size());
    p.error.resize(c.texts.size());
    for (std::size_t k = 0; k < c.texts.size(); ++k) {
      try {
        set_input(p.parsed[k], p.info->name, c.texts[k]);
      } catch (const error&) {
        p.error[k] = std::current_exception();
      }
    }
    out.push_back(std::move(p));
  }
  return out;
}

/// Sets `o` to row r's inputs: those every row shares, and the row's own over them
/// (merge() puts them over the base). Assigning into the same scenario row after row
/// reuses its strings' storage.
void row_inputs(scenario& o, const scenario& shared, const std::vector<prepared_column>& columns, std::size_t r) {
  o = shared;
  for (const auto& p : columns) {
    const input_column& c = *p.column;
    if (!c.codes.empty() && c.codes[r] >= 0) {
      const auto k = static_cast<std::size_t>(c.codes[r]);
      if (p.error[k]) std::rethrow_exception(p.error[k]);
      copy_input(o, p.parsed[k], *p.info);
      if (const auto rg = p.parsed[k].ranges.find(p.info->name); rg != p.parsed[k].ranges.end())
        o.ranges.insert_or_assign(rg->first, rg->second);
    } else if (!c.numbers.empty() && !std::isnan(c.numbers[r])) {
      const double x = c.numbers[r];
      const bool flag = p.info->kind == input_kind::flag && (x == 0 || x == 1);
      set_input_json(o, *p.info, c.key, flag ? nlohmann::json(x == 1) : nlohmann::json(x));
    }
  }
}

}  // namespace

table_estimates estimate_many(const scenario& base, const scenario& shared, std::span<const input_column> columns,
                              const catalog& cat, on_row_error on_error) {
  table_estimates t;
  const std::vector<prepared_column> prepared = prepare(columns, t.rows);
  for (auto& v : t.values) v.assign(t.rows, std::numeric_limits<double>::quiet_NaN());
  const bool no_base = base == scenario{};  // merge(scenario{}, row) is the row itself
  scenario row;
  for (std::size_t r = 0; r < t.rows; ++r) {
    try {
      row_inputs(row, shared, prepared, r);
      const scenario& s = no_base ? row : merge(base, row);
      if (wants_ranges(s)) {
        // Words or ranges: the Monte Carlo, as make_estimate() runs it; the medians, and
        // the percentiles in p5/p95 (allocated at the first such row).
        const estimate e = make_estimate(s, cat);
        if (t.p5[0].empty())
          for (std::size_t k = 0; k < output_count; ++k) {
            t.p5[k].assign(t.rows, std::numeric_limits<double>::quiet_NaN());
            t.p95[k].assign(t.rows, std::numeric_limits<double>::quiet_NaN());
          }
        for (std::size_t k = 0; k < output_count; ++k) {
          if (e.outputs.known[k]) t.values[k][r] = e.outputs.value[k];
          if (const auto* i = e.uncertainty ? e.uncertainty->find(output_table[k].path) : nullptr) {
            t.p5[k][r] = i->p5;
            t.p95[k][r] = i->p95;
          }
        }
        continue;
      }
      const model_outputs o = estimate_outputs(s, cat);
      for (std::size_t k = 0; k < output_count; ++k)
        if (o.known[k]) t.values[k][r] = o.value[k];
    } catch (const error& e) {
      t.errors.push_back({r, e.what(), std::current_exception()});
      if (on_error == on_row_error::stop) break;
    }
  }
  return t;
}

}  // namespace trainprint::inline v0
