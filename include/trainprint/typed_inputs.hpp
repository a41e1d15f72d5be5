#pragma once
/// \file typed_inputs.hpp
/// Inputs as a person types them, read the same way by every text interface: the
/// CLI's flags and the browser calculator's form fields. One reader, so the same
/// text gives the same scenario and the same error message everywhere.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "scenario.hpp"
#include "uncertainty.hpp"

namespace trainprint::inline v0 {

/// The scenario of typed inputs: pairs (input name or alias, text as typed: "7B",
/// "40%", "30d", "0.35:0.45", "coal=0.3,gas=0.7", "true"), read by set_input() in
/// the order of scenario_inputs. Unlike successive set_input() calls, two workload
/// inputs given together (flops with gpu_hours) are both kept, so validate()
/// reports the conflict instead of one silently replacing the other. Throws
/// unit_error for text that does not parse and input_error for an unknown name.
[[nodiscard]] scenario scenario_from_text(std::vector<std::pair<std::string, std::string>> inputs);

/// The Monte Carlo options from typed text: `on`, or any of samples (1 ..= 10⁹),
/// seed (0 ..= 2⁵³) and threads (1 ..= 256) given, turns it on; nullopt when none is.
/// Throws input_error for text that is not a whole number in range.
[[nodiscard]] std::optional<uncertainty_options> uncertainty_from_text(bool on, const std::optional<std::string>& samples,
                                                                      const std::optional<std::string>& seed,
                                                                      const std::optional<std::string>& threads);

}  // namespace trainprint::inline v0
