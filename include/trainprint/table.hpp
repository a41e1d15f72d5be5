#pragma once
/// \file table.hpp
/// Estimates over a table: one scenario per row, the inputs given as columns (a
/// column of numbers, of text, or both), the outputs returned as columns of numbers.
/// Python's `trainprint.estimate_many()` runs on it.
///
/// \code
/// const std::vector<double> params{7e9, 70e9};
/// std::vector<trainprint::input_column> cols(2);
/// cols[0].key = "params";
/// cols[0].numbers = params;
/// cols[1].key = "hardware";
/// cols[1].texts = {"h100", "a100"};
/// const std::vector<std::int32_t> codes{0, 1};
/// cols[1].codes = codes;
/// trainprint::scenario shared;
/// shared.tokens = 2e12;
/// shared.count = 512;
/// shared.region = "FR";
/// const auto t = trainprint::estimate_many({}, shared, cols);
/// // t.values[index_of(output::energy_facility)][1]: row 1's facility energy, kWh
/// \endcode
///
/// Each row's numbers are those make_estimate() gives for its scenario
/// (estimate_outputs(): bit for bit, with the same errors), without the trace.
/// A row costs about a microsecond (bench/RESULTS.md).

#include <array>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <span>
#include <string>
#include <vector>

#include "catalog.hpp"
#include "outputs.hpp"
#include "scenario.hpp"

namespace trainprint::inline v0 {

/// One input over the rows. A row takes its text when `codes` gives one, else its
/// number when `numbers` gives one, else nothing (the base scenario's value, if any).
struct input_column {
  std::string key;  ///< the input as a scenario-JSON key or alias ("params", "gpu_hours", "duration")
  /// Empty, or one per row: the value in the input's scenario-JSON unit (inputs.hpp),
  /// read as the scenario JSON reads a number; NaN: no number in this row. For a
  /// flag (embodied, recompute) 1 and 0 are true and false.
  std::span<const double> numbers;
  /// The distinct text values of the column, each read once as the CLI reads a flag
  /// (set_input(): "7B", "40%", "30d", "h100", "coal=0.3,gas=0.7", "false").
  std::vector<std::string> texts;
  /// Empty, or one per row: an index into `texts`; −1: no text in this row.
  std::span<const std::int32_t> codes;
};

/// What estimate_many() does with a row that fails (bad input, unknown id).
enum class on_row_error {
  stop,     ///< stop at that row: it is the one entry of `errors`, and later rows stay NaN
  collect,  ///< record it in `errors` and go on with the next row
};

/// A row that failed.
struct row_error {
  std::size_t row = 0;         ///< 0-based
  std::string message;         ///< what() of the error, as make_estimate() would throw it
  std::exception_ptr error;    ///< the error itself (input_error, unit_error, unknown_key_error, ...)
};

/// The outputs of every row.
struct table_estimates {
  std::size_t rows = 0;
  /// values[index_of(o)][r]: output `o` of row r in its table unit (outputs.hpp);
  /// NaN where it is unknown (an input it needs is missing) or the row failed.
  std::array<std::vector<double>, output_count> values;
  /// Empty unless a row has plain-language words or ranges (wants_ranges(), plain.hpp):
  /// then that row's `values` are Monte Carlo medians (as make_estimate() gives) and
  /// p5[index_of(o)][r], p95[index_of(o)][r] its 5th and 95th percentiles; NaN in the
  /// rows without ranges, for outputs without an interval, and in failed rows.
  std::array<std::vector<double>, output_count> p5, p95;
  std::vector<row_error> errors;  ///< in row order
};

/// Estimates each row: `base` (a preset or a scenario file, say) overlaid by the
/// row's inputs, which are `shared` (the inputs every row has, such as the hardware)
/// with the row's values of `columns` over them — as make_estimate(merge(base,
/// row)) would, so a row's workload replaces the base's whole workload.
/// Throws input_error, before any row, for a column whose key is not a scenario
/// input, an input given by two columns, columns of different lengths or `codes`
/// outside `texts`; a row's own errors go by `on_error`.
table_estimates estimate_many(const scenario& base, const scenario& shared, std::span<const input_column> columns,
                              const catalog& cat = catalog::embedded(), on_row_error on_error = on_row_error::stop);

}  // namespace trainprint::inline v0
