#pragma once
// Errors about inputs a measurement file gave (pilot.hpp's with_measurement): said as errors
// about the file, since the user gave the file, not the input. An internal API for the CLI
// and the Python module (detail: no stability promise).

#include <optional>
#include <string>

#include "../error.hpp"
#include "../scenario.hpp"

namespace trainprint::inline v0::detail {

/// `e` as an error of input "measured" when its field is one with_measurement() took from
/// measurement file `file`: energy_kwh and energy_boundary, and duration_h and count where
/// `before` (the scenario given with the file) lacked them; `after` is with_measurement()'s
/// scenario. The value names the file and what it gave; the expected text is `e`'s.
/// nullopt for any other error (the user gave that input).
[[nodiscard]] std::optional<input_error> as_measured_error(const input_error& e, const scenario& before,
                                                           const scenario& after, const std::string& file);

}  // namespace trainprint::inline v0::detail
