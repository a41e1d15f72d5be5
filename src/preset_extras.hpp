#pragma once
// What validation and calibration read from a preset of data/presets.json that the
// catalog's preset type does not carry (built by scripts/data/build_misc.py and
// scripts/data/runs.py). Private to the library.

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "trainprint/catalog.hpp"
#include "trainprint/validate.hpp"

namespace trainprint::inline v0::detail {

struct preset_extras {
  std::optional<scenario> predict;          ///< what is known before the run
  std::optional<power_basis> basis;         ///< how the source counted power
  bool reproducible = true;
  std::string organisation;                 ///< who trained it ("" when not stated)
  std::string kind = "pretrain";            ///< pretrain | finetune-full | finetune-lora | search
  bool calibration_use = false;             ///< enters the MFU fit
  std::string calibration_why_not;
  std::optional<double> reported_accelerator_hours;  ///< the compared figure when no energy is published
};

/// The extras of embedded preset `id`, or nullptr (a preset from an overlay).
const preset_extras* extras_of(std::string_view id);

}  // namespace trainprint::inline v0::detail
