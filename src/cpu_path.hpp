#pragma once
// Parts estimated from power and hours only (issue 18): catalog entries without a sourced peak
// FLOP/s whose power already covers the whole draw of what runs the job.
// - kind "cpu": a server CPU counted by cores; its power per core is the package TDP / cores
//   (Green Algorithms' method); the rest of the server is not counted.
// - kind "soc": an Apple M-series machine counted by machines; its power is Apple's maximum at
//   the wall, host, memory and power supply included.
// Their hours must be given (no FLOPs path). Private to the library; used by the resolver (src/resolve/).

#include <string>

#include "trainprint/catalog.hpp"
#include "trainprint/defaults.hpp"
#include "trainprint/scenario.hpp"

namespace trainprint::inline v0::detail {

/// Whether a hardware entry is a CPU counted by cores (kind "cpu").
[[nodiscard]] bool is_cpu(const accelerator& a) noexcept;
/// Whether a hardware entry is estimated from power and hours only, its host inside its power
/// (kind "cpu" or "soc").
[[nodiscard]] bool hours_only(const accelerator& a) noexcept;

/// Share of its TDP a busy core draws when neither power_w nor power_fraction is given: Green
/// Algorithms' default usage factor 1. No CPU range is sourced; the low end is the lowest
/// whole-run fraction measured for accelerators (defaults::power_fraction_typical).
inline constexpr defaults::sourced cpu_core_usage{
    1.0,
    "Green Algorithms (Lannelongue, Grealey, Inouye 2021, Adv. Sci. 8, 2100707): core usage factor 1 by default, "
    "power = cores x TDP per core x usage, https://calculator.green-algorithms.org/",
    defaults::power_fraction_typical.low, 1.0};

/// Refuses what a power-and-hours part cannot estimate: a run without hours (the FLOPs path
/// needs a peak FLOP/s no such entry has) and a precision. Throws input_error naming the input.
void check_hours_only_scenario(const scenario& s, const accelerator& part);

/// The note that says what count counted: "count 40 = 40 core(s) of intel-xeon-gold-6248 (a CPU
/// is counted by cores; one package: 20 cores, 150 W); 7.5 W per core = package TDP / cores".
[[nodiscard]] std::string cpu_count_note(const accelerator& cpu, double cores);

/// Where the host went: for a CPU the cores' power is the package's and the rest of the server
/// (memory, disks, fans) is not counted; for an Apple machine the wall power includes it.
[[nodiscard]] std::string hours_only_host_note(const accelerator& part);

}  // namespace trainprint::inline v0::detail
