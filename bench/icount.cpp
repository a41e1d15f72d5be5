// Instruction-count driver for bench/icount.sh: runs the body of one benchmark of
// bench/*.cpp N times, with no timing loop around it, so that callgrind's total
// at N and at 1 differ by exactly (N - 1) bodies. Instruction counts do not depend
// on the machine's load, which wall and CPU times on a shared machine do
// (bench/RESULTS.md). Usage: trainprint_icount BENCHMARK N, BENCHMARK one of
// evaluate, full, lean, mc, cat_all, cat_est, alias, region, given, sweep_given.
// (At 84f8da8, before input_distributions(r), build with -DTRAINPRINT_ICOUNT_OLD_API.)

#include <cstdio>
#include <cstdlib>
#include <string_view>

#include <trainprint/catalog.hpp>
#include <trainprint/compare.hpp>
#include <trainprint/estimator.hpp>
#include <trainprint/sweep.hpp>
#include <trainprint/uncertainty.hpp>

#include "scenarios.hpp"

namespace {

using namespace trainprint;
using bench::typical;

/// Keeps `v` alive and unknown to the optimiser (as benchmark::DoNotOptimize).
template <class T>
void keep(T& v) {
  asm volatile("" : "+r,m"(v) : : "memory");
}

/// typical() with the site inputs a user often types, each of which has a usual range
/// over a whole table (intensity and price over the regions, PUE and WUE over providers
/// and regions): the notes of unusual values check each on every full estimate.
scenario given() {
  scenario s = typical();
  set_input(s, "intensity", "300");
  set_input(s, "pue", "1.2");
  set_input(s, "wue", "0.5");
  set_input(s, "price_usd_per_kwh", "0.1");
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: trainprint_icount evaluate|full|lean|mc|cat_all|cat_est|alias|region|given|sweep_given N\n");
    return 1;
  }
  const std::string_view m = argv[1];
  const long n = std::atol(argv[2]);
  if (m == "evaluate") {  // evaluate_resolved
    const model_inputs in = resolve(typical(), catalog::embedded()).inputs;
    for (long i = 0; i < n; ++i) {
      model_inputs x = in;
      keep(x);
      model_outputs o = evaluate(x);
      keep(o);
    }
  } else if (m == "full") {  // make_estimate_by_id
    const scenario s = typical();
    const catalog& cat = catalog::embedded();
    for (long i = 0; i < n; ++i) {
      estimate e = make_estimate(s, cat);
      keep(e);
    }
  } else if (m == "given") {  // make_estimate with given(): full trace and notes
    const scenario s = given();
    const catalog& cat = catalog::embedded();
    for (long i = 0; i < n; ++i) {
      estimate e = make_estimate(s, cat);
      keep(e);
    }
  } else if (m == "sweep_given") {  // sweep() of given() over 8 counts, no trace (an estimate and its notes per row)
    const scenario s = given();
    const catalog& cat = catalog::embedded();
    const sweep_axis axes[] = {{"count", {"8", "16", "32", "64", "128", "256", "512", "1024"}}};
    for (long i = 0; i < n; ++i) {
      double sum = 0;
      sweep(s, axes, [&](const sweep_row& r) { sum += static_cast<double>(r.result.notes.size()); }, cat, trace_level::none);
      keep(sum);
    }
  } else if (m == "lean") {  // resolve_inputs_evaluate_by_id
    const scenario s = typical();
    const catalog& cat = catalog::embedded();
    for (long i = 0; i < n; ++i) {
      model_outputs o = evaluate(resolve_inputs(s, cat));
      keep(o);
    }
  } else if (m == "mc") {  // monte_carlo/1000000
    const scenario s = typical();
    const catalog& cat = catalog::embedded();
    const resolved_scenario r = resolve(s, cat);
#ifdef TRAINPRINT_ICOUNT_OLD_API
    const auto inputs = input_distributions(s, r, cat);
#else
    const auto inputs = input_distributions(r);
#endif
    const uncertainty_options opts{.samples = 1'000'000, .seed = 42, .threads = 1};
    for (long i = 0; i < n; ++i) {
      uncertainty_result u = propagate(r.inputs, inputs, opts);
      keep(u);
    }
  } else if (m == "cat_all") {  // parse_embedded_catalog_all_tables
    for (long i = 0; i < n; ++i) {
      catalog c = catalog::with_overlays({});
      auto z = c.accelerators().size() + c.systems().size() + c.regions().size() + c.providers().size() +
               c.energy_sources().size() + c.presets().size() + c.equivalents().size();
      keep(z);
    }
  } else if (m == "cat_est") {  // parse_embedded_catalog_for_estimate
    for (long i = 0; i < n; ++i) {
      catalog c = catalog::with_overlays({});
      const void* p[] = {c.get_accelerator("h100"), c.get_region("aws:us-east-1"), c.get_provider("aws")};
      keep(p);
      auto z = c.embodied().die.size();
      keep(z);
    }
  } else if (m == "alias") {  // lookup_by_alias
    const catalog& cat = catalog::embedded();
    for (long i = 0; i < n; ++i) {
      const void* p = cat.get_accelerator("H100");
      keep(p);
    }
  } else if (m == "region") {  // lookup_region_by_id
    const catalog& cat = catalog::embedded();
    for (long i = 0; i < n; ++i) {
      const void* p = cat.get_region("aws:us-east-1");
      keep(p);
    }
  } else {
    std::fprintf(stderr, "unknown benchmark '%s'\n", argv[1]);
    return 1;
  }
  return 0;
}
