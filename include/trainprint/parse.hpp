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
/// P (10¹⁵), E (10¹⁸); k, m, b and t also in lower case, as model names write them
/// (125m, 7b: a lower-case m is a million, never milli). `what` names the input in
/// the error message. Throws unit_error for anything else (empty, NaN, inf, overflow).
double parse_number(std::string_view text, std::string_view what);
/// The same, with `expected` saying what the input takes in its own unit ("a number of
/// g CO2e/kWh, e.g. 400") where the message would name model sizes (e.g. 7B, 2T).
double parse_number(std::string_view text, std::string_view what, std::string_view expected);

/// A positive duration: a number with a unit — min, h, d, w, mo (a twelfth of a year,
/// 730 h) or y (365 days), or their words with or without a space (90 minutes, 5 days,
/// 3 months); a bare number is hours. A bare `m` is refused (minutes or months?).
/// Throws unit_error with the accepted forms.
hours parse_duration(std::string_view text, std::string_view what);

/// A ratio as a fraction (`0.4`) or a percentage (`40%`).
double parse_ratio(std::string_view text, std::string_view what);

/// An electricity mix `coal=0.3,gas=0.4,wind=30%`; ids are checked later against
/// the catalog, shares by validate().
energy_mix parse_mix(std::string_view text);

}  // namespace trainprint::inline v0
