#pragma once
/// \file detail/sweep.hpp
/// What `trainprint sweep` shares with sweep() and sweep_numbers() (sweep.hpp). Not
/// part of the stable API.

#include <span>

#include "../compare.hpp"
#include "../scenario.hpp"
#include "../sweep.hpp"

namespace trainprint::inline v0::detail {

/// Whether any row of a sweep of `base` (over `earlier`; null: none) along `axes` has
/// plain-language words or a range (wants_ranges()): the base, or a value of an axis.
/// Such rows are estimated with the Monte Carlo (their numbers are its medians).
/// Throws input_error for an axis value set_input() rejects.
bool sweep_wants_ranges(const scenario* earlier, const scenario& base, std::span<const sweep_axis> axes);

/// The same for a layered scenario: its given inputs over its earlier layer.
inline bool sweep_wants_ranges(const layered_scenario& base, std::span<const sweep_axis> axes) {
  return sweep_wants_ranges(&base.earlier, base.given, axes);
}

}  // namespace trainprint::inline v0::detail
