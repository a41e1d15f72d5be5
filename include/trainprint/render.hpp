#pragma once
/// \file render.hpp
/// JSON renderings that are not the estimate's own: the comparison
/// (`trainprint.compare/1`) and one sweep row as a JSON line.
///
/// Example: examples/render.cpp (built and run by the tests).

#include <nlohmann/json_fwd.hpp>

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "compare.hpp"
#include "sweep.hpp"

namespace trainprint::inline v0 {

/// The schema id of a comparison.
inline constexpr std::string_view compare_schema = "trainprint.compare/1";

/// {"schema", "key", "sort", "rows": [{"rank", "value", "metric", "delta_to_best",
/// "estimate": trainprint.estimate/1}, ...]}, best first.
void to_json(nlohmann::json& j, const comparison& c);
/// The comparison as JSON text (`indent` < 0: one line).
std::string to_json_text(const comparison& c, int indent = 2);

/// A sweep row as one JSON line (no newline): the axes' keys with their values as
/// given, then the headline outputs (format.hpp's headline_columns; null when unknown).
std::string sweep_row_json_line(std::span<const sweep_axis> axes, const sweep_row& row);
/// A sweep's CSV header: the axes' keys, then the headline column names.
std::string sweep_csv_header(std::span<const sweep_axis> axes);
/// A sweep row as one CSV line (no newline).
std::string sweep_row_csv(const sweep_row& row);

/// sweep_row_json_line() for a sweep_numbers() row: the same text.
std::string sweep_row_json_line(std::span<const sweep_axis> axes, const sweep_numbers_row& row);
/// sweep_row_csv() for a sweep_numbers() row: the same text.
std::string sweep_row_csv(const sweep_numbers_row& row);

/// Writes sweep_numbers() rows as CSV: the same text as sweep_row_csv() gives for
/// the same combination, faster (numbers are formatted without fmt, and a number
/// equal to the one in the row before reuses its text). One writer per sweep.
class sweep_csv_writer {
 public:
  /// Appends the row to `out`, without a newline.
  void append(std::string& out, const sweep_numbers_row& row);

 private:
  struct cell {
    std::uint64_t bits = 0;
    bool valid = false;
    unsigned char size = 0;
    char text[32] = {};
  };
  std::array<cell, sweep_headline_count> cells_{};
};

}  // namespace trainprint::inline v0
