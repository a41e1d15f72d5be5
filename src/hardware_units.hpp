#pragma once
// What a hardware id names: one accelerator, or a unit of several (a cloud instance, a
// server, a pod, a Cloud TPU slice). Private to the library; the estimator resolves
// hardware with it and the renderers say what count counted.

#include <string>
#include <string_view>

#include "trainprint/catalog.hpp"

namespace trainprint::inline v0 {

/// A hardware id resolved (find_hardware): the accelerator, and how many of it one
/// unit of the id holds.
struct hardware_unit {
  const accelerator* acc = nullptr;  ///< never null once found
  /// "" for one accelerator, else "instance", "server", "pod" or "slice".
  std::string kind;
  /// The system's catalog id, or the slice's name as Google writes it ("v3-256");
  /// "" for one accelerator.
  std::string id;
  int accelerators = 1;  ///< accelerators (TPU chips) in one unit
  std::string provider;  ///< the provider the unit belongs to ("aws", "gcp"); "" when none
  /// How `accelerators` was found: the system's citation, or the slice rule and its source.
  std::string basis;
};

/// What `id` names in `cat`: an accelerator (the accelerators table), a unit of several
/// from the systems table (a cloud instance such as p5.48xlarge, a server such as
/// dgx-h100, a pod such as v3-2048), or a Cloud TPU slice named as Google names it
/// (v3-256, tpu-v4-1024, v5p-128, v5litepod-16, v6e-64: TensorCores for v2, v3, v4 and
/// v5p, chips for v5e and v6e). Throws unknown_key_error (with the closest accelerator
/// ids) when the id is none of these, and input_error ("hardware") for a slice size no
/// pod holds (v3-3, v3-4096).
hardware_unit find_hardware(const catalog& cat, std::string_view id);

/// TPU accelerators are counted in chips; everything else in accelerators.
inline bool counted_in_chips(std::string_view accelerator_id) {
  return accelerator_id.starts_with("google-tpu");
}

}  // namespace trainprint::inline v0
