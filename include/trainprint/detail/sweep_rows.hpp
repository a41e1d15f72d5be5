#pragma once
// Sweeps whose rows may fail one by one (the CLI's sweep): a combination that parses but
// cannot be estimated becomes a row with its error, as compare() makes such an option a
// row with its reason, instead of stopping the sweep. An internal API for the CLI (detail:
// no stability promise).

#include <cstdint>
#include <exception>
#include <functional>
#include <span>
#include <string>

#include "../sweep.hpp"

namespace trainprint::inline v0::detail {

/// A combination that could not be estimated; valid only during the callback.
struct sweep_error_row {
  std::uint64_t index = 0;              ///< 0-based, in output order (as sweep_row::index)
  std::span<const std::string> values;  ///< one per axis, as given
  std::string error;                    ///< the error's message
  std::exception_ptr exception;         ///< the error itself, to rethrow when no row is estimated
};
using sweep_error_callback = std::function<void(const sweep_error_row&)>;

/// sweep() over `base`, except that a combination whose estimate throws a trainprint::error
/// (other than unknown_key_error: a typo in an id stays an error for the whole sweep) goes
/// to `on_error` and the sweep goes on. Returns the number of rows passed to `on_row`.
std::uint64_t sweep_rows(const layered_scenario& base, std::span<const sweep_axis> axes, const sweep_callback& on_row,
                         const sweep_error_callback& on_error, const catalog& cat, trace_level level);

/// sweep_numbers() with the rows that cannot be estimated passed to `on_error`, as sweep_rows().
std::uint64_t sweep_numbers_rows(const layered_scenario& base, std::span<const sweep_axis> axes,
                                 const sweep_numbers_callback& on_row, const sweep_error_callback& on_error,
                                 const catalog& cat);

}  // namespace trainprint::inline v0::detail
