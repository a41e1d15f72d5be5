// The hardware section of resolve(): the accelerator, its count and the training precision (resolver.hpp).

#include "resolver.hpp"

namespace trainprint::inline v0::resolving {

void resolver::hardware() {
  // --- hardware ---
  acc = hw_unit ? hw_unit->acc : s.hardware ? &cat.find_accelerator(*s.hardware) : nullptr;
  const bool tpu = acc && counted_in_chips(acc->id);
  if (words.part && rec.context)
    r.notes.push_back("hardware " + *given.hardware + ": " + std::string(words.part->why));
  // CPUs (counted by cores) and Apple machines: power and hours only, host inside (cpu_path.hpp)
  cpu = acc && detail::is_cpu(*acc);
  hours_only = acc && detail::hours_only(*acc);
  if (hours_only) detail::check_hours_only_scenario(s, *acc);
  if (acc) {
    if (rec.context) ctx.accelerator_id = acc->id;
    if (acc->tdp_w) {
      in.tdp_w = *acc->tdp_w;
      TRAINPRINT_TRACE(tr, "tdp_w", in.tdp_w, "W", origin::catalog, acc->provenance_of("tdp_w").citation(),
             acc->name + " (" + acc->tdp_kind + ")");
    }
  }
  if (s.count) {
    in.count = static_cast<double>(*s.count);
    if (several) {
      TRAINPRINT_TRACE(tr, "count", *in.count, "accelerators", given.count ? origin::user : origin::catalog, hw_unit->basis,
                       text::format("{} × {} {}{}, {} {} each (count counts {}s{})", units, hw_unit->id, hw_unit->kind,
                                    units == 1 ? "" : "s", hw_unit->accelerators, tpu ? "chips" : "accelerators",
                                    hw_unit->kind, given.count ? "" : "; 1 when not given"));
    } else if (tpu) {
      TRAINPRINT_TRACE(tr, "count", *in.count, "accelerators", origin::user, {},
                       text::format("{:g} TPU chips (a slice named {}-N holds N/2 chips on v2, v3, v4 and v5p, N on "
                                    "v5e and v6e; give the slice name as hardware to count slices)",
                                    *in.count, acc->id.substr(acc->id.rfind('-') + 1)));
    } else {
      TRAINPRINT_TRACE(tr, "count", *in.count, cpu ? "cores" : "accelerators", origin::user);
    }
    if (cpu && rec.context) r.notes.push_back(detail::cpu_count_note(*acc, *in.count));
  }
  if (s.precision) {
    ctx.precision = *s.precision;
    if (acc && !acc->peak_tflops(*s.precision))
      throw input_error("precision", std::string(to_string(*s.precision)),
                        "a precision " + acc->id + " supports: " + supported_precisions(*acc));
  } else {
    ctx.precision = defaults::precision_preference.front();
    if (acc)
      for (auto p : defaults::precision_preference)
        if (acc->peak_tflops(p)) {
          ctx.precision = p;
          break;
        }
  }
}

}  // namespace trainprint::inline v0::resolving
