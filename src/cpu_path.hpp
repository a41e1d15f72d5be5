#pragma once
// CPU-only jobs (issue 18): a catalog CPU (hardware.json kind "cpu") is counted by cores and
// draws its power per core (package TDP / cores, Green Algorithms' method). No peak FLOP/s is
// sourced for a CPU, so its hours must be given. Private to the library; used by estimator.cpp.

#include <string>

#include "trainprint/catalog.hpp"
#include "trainprint/defaults.hpp"
#include "trainprint/scenario.hpp"

namespace trainprint::inline v0::detail {

/// Whether a hardware entry is a CPU counted by cores.
[[nodiscard]] bool is_cpu(const accelerator& a) noexcept;

/// Share of its TDP a busy core draws when neither power_w nor power_fraction is given: Green
/// Algorithms' default usage factor 1. No CPU range is sourced; the low end is the lowest
/// whole-run fraction measured for accelerators (defaults::power_fraction_typical).
inline constexpr defaults::sourced cpu_core_usage{
    1.0,
    "Green Algorithms (Lannelongue, Grealey, Inouye 2021, Adv. Sci. 8, 2100707): core usage factor 1 by default, "
    "power = cores x TDP per core x usage, https://calculator.green-algorithms.org/",
    defaults::power_fraction_typical.low, 1.0};

/// Refuses what a CPU cannot estimate: a run without hours (the FLOPs path needs a peak
/// FLOP/s no CPU entry has) and a precision. Throws input_error naming the input to give.
void check_cpu_scenario(const scenario& s, const accelerator& cpu);

/// The note that says what count counted: "count 40 = 40 core(s) of intel-xeon-gold-6248 (a CPU
/// is counted by cores; one package: 20 cores, 150 W); 7.5 W per core = package TDP / cores".
[[nodiscard]] std::string cpu_count_note(const accelerator& cpu, double cores);

/// The host note of a CPU-only job: the cores' power is the package's; the rest of the
/// server (memory, disks, fans) is not counted unless host_power_w gives it per core.
[[nodiscard]] std::string cpu_host_note(const accelerator& cpu);

}  // namespace trainprint::inline v0::detail
