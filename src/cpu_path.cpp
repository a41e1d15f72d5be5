// Parts estimated from power and hours only: see cpu_path.hpp.
#include "cpu_path.hpp"

#include <fmt/format.h>

#include "trainprint/error.hpp"

namespace trainprint::inline v0::detail {

bool is_cpu(const accelerator& a) noexcept { return a.kind == "cpu"; }
bool hours_only(const accelerator& a) noexcept { return a.kind == "cpu" || a.kind == "soc"; }

void check_hours_only_scenario(const scenario& s, const accelerator& part) {
  const bool cpu = is_cpu(part);
  if (s.precision)
    throw input_error("precision", std::string(to_string(*s.precision)),
                      "none: " + part.id + (cpu ? " is a CPU" : " is an Apple M-series machine") +
                          ", estimated from its power and the hours, not from FLOPs");
  if (!s.gpu_hours && !s.duration_h)
    throw input_error("duration_h", "",
                      std::string("give duration_h with `count`") + (cpu ? " (cores), or gpu_hours (core-hours)"
                                                                       : " (machines), or gpu_hours (machine-hours)") +
                          ": the catalog has no peak FLOP/s for " + part.id + ", so its hours cannot come from FLOPs");
}

std::string cpu_count_note(const accelerator& cpu, double cores) {
  // The package's datasheet figures: the catalog's cores and package_tdp_w (scripts/data/cpus.py).
  const std::string package = cpu.cores && cpu.package_tdp_w
                                  ? fmt::format("; one package: {} cores, {:g} W", *cpu.cores, *cpu.package_tdp_w)
                                  : std::string{};
  return fmt::format("count {:g} = {:g} core(s) of {} (a CPU is counted by cores{}){}", cores, cores, cpu.id, package,
                     cpu.tdp_w ? fmt::format("; {:g} W per core = package TDP / cores", *cpu.tdp_w) : std::string{});
}

std::string hours_only_host_note(const accelerator& part) {
  if (is_cpu(part))
    return "CPU-only job on " + part.id + ": the cores' power is the package's; memory, disks and fans are not "
           "counted (give host_power_w per core to add them, e.g. Green Algorithms' 0.3725 W per GB of memory)";
  return part.id + ": Apple's maximum power at the wall covers the whole machine (memory, storage, power supply), "
         "so no host is added";
}

}  // namespace trainprint::inline v0::detail
