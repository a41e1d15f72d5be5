#pragma once
/// \file parse.hpp
/// Numbers as people type them: SI suffixes (`7B`, `1.5T`), scientific notation
/// (`70e9`), durations (`90min`, `36h`, `30d`, `2w`, `3mo`, `5 days`; a bare `3m` is refused as ambiguous) and ratios (`0.4`, `40%`).
/// Every parser takes the whole text or throws unit_error naming what was parsed.

#include <string_view>

#include "quantities.hpp"
#include "scenario.hpp"

namespace trainprint::inline v0 {

/// A number with an optional SI suffix: k/K (10³), M (10⁶), B or G (10⁹), T (10¹²),
/// P (10¹⁵), E (10¹⁸). `what` names the input in the error message.
double parse_number(std::string_view text, std::string_view what);

/// A positive duration: a number with m (minutes), h (hours), d (days), w (weeks)
/// or y (365-day years); a bare number is hours.
hours parse_duration(std::string_view text, std::string_view what);

/// A ratio as a fraction (`0.4`) or a percentage (`40%`).
double parse_ratio(std::string_view text, std::string_view what);

/// An electricity mix `coal=0.3,gas=0.4,wind=30%`; ids are checked later against
/// the catalog, shares by validate().
energy_mix parse_mix(std::string_view text);

}  // namespace trainprint::inline v0
