#pragma once
// Usual ranges of the numeric scenario inputs, and the notes for a value outside one
// (issue 18). A value outside its usual range is possible, so it is never refused (the
// hard limits of inputs.hpp do that): a note names the value, the usual range and the
// slip that most often gives such a value ("did you mean 400 g (0.4 kg)?"). Each range
// states its basis: the catalog's own spread where the catalog holds the quantity
// (intensity over regions, TDP over accelerators), else a published figure. Also the
// example each numeric input's parse error gives, in its own unit. Private to the library.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "trainprint/catalog.hpp"
#include "trainprint/inputs.hpp"
#include "trainprint/scenario.hpp"

namespace trainprint::inline v0::detail {

/// What numeric input `i` takes, for its parse error: "a number of g CO2e/kWh, e.g. 400".
/// Every numeric row of scenario_inputs has one (tests/unit/usual_ranges.test.cpp).
[[nodiscard]] std::string input_expected(const input_info& i);

/// An example value of numeric input `name` in its unit ("400"); "" for a non-numeric input.
[[nodiscard]] std::string_view input_example(std::string_view name);

/// A number as the notes print it: whole digits below a billion (20000), else 4 significant
/// digits, and an exponent without '+' (1e13), so that spell_inputs() reads "name=value" whole.
[[nodiscard]] std::string short_number(double v);

/// The hint for a measured energy about 1,000 times off: `wh` true, a figure in Wh (or
/// 1.5M typed for 1.5 MWh), "did you give Wh? 1.5M Wh is 1500 kWh: energy_kwh 1500"; false,
/// a figure in MWh, "did you give MWh? 1.5 MWh is 1500 kWh: energy_kwh 1500".
[[nodiscard]] std::string energy_unit_hint(double kwh, bool wh);

/// A usual range lo <= v <= hi of a numeric input, in the input's unit, and its basis.
struct usual_range {
  double lo = 0, hi = 0;
  std::string basis;  ///< where lo and hi come from
};

/// The usual range of numeric input `name` under catalog `cat`; nullopt for an input
/// with none (usual_range_none() says why).
[[nodiscard]] std::optional<usual_range> usual_range_of(std::string_view name, const catalog& cat);

/// Why numeric input `name` has no usual range; "" when it has one.
[[nodiscard]] std::string_view usual_range_none(std::string_view name);

/// A note for each numeric input of `s` outside its usual range, naming the value, the
/// range and the likely slip. Inputs are written `name=value` (spelling.hpp rewrites them
/// per interface). `acc`: the accelerator, whose own TDP checks power_w instead (resolve/power.cpp);
/// nullptr when unknown. Parameter and token counts below their range have notes of their own.
void unusual_value_notes(const scenario& s, const catalog& cat, const accelerator* acc, std::vector<std::string>& notes);

}  // namespace trainprint::inline v0::detail
