// CPU-only jobs: see cpu_path.hpp.
#include "cpu_path.hpp"

#include <fmt/format.h>

#include "trainprint/error.hpp"

namespace trainprint::inline v0::detail {

bool is_cpu(const accelerator& a) noexcept { return a.kind == "cpu"; }

void check_cpu_scenario(const scenario& s, const accelerator& cpu) {
  if (s.precision)
    throw input_error("precision", std::string(to_string(*s.precision)),
                      "none: " + cpu.id + " is a CPU, estimated from its power per core and the hours, not from "
                      "FLOPs");
  if (!s.gpu_hours && !s.duration_h)
    throw input_error("duration_h", "",
                      "give duration_h with count (cores), or gpu_hours (core-hours): the catalog has no peak FLOP/s "
                      "for the CPU " + cpu.id + ", so its hours cannot come from FLOPs");
}

std::string cpu_count_note(const accelerator& cpu, double cores) {
  // The variant carries the package's datasheet figures ("20 cores, 150 W", scripts/data/cpus.py).
  return fmt::format("count {:g} = {:g} core(s) of {} (a CPU is counted by cores; one package: {}){}", cores, cores,
                     cpu.id, cpu.variant,
                     cpu.tdp_w ? fmt::format("; {:g} W per core = package TDP / cores", *cpu.tdp_w) : std::string{});
}

std::string cpu_host_note(const accelerator& cpu) {
  return "CPU-only job on " + cpu.id + ": the cores' power is the package's; memory, disks and fans are not counted "
         "(give host_power_w per core to add them, e.g. Green Algorithms' 0.3725 W per GB of memory)";
}

}  // namespace trainprint::inline v0::detail
