// Benchmark of the Monte Carlo: 10^6 samples of evaluate() on one core.

#include <benchmark/benchmark.h>

#include <trainprint/estimator.hpp>
#include <trainprint/uncertainty.hpp>

#include "scenarios.hpp"

namespace {

using namespace trainprint;

void monte_carlo(benchmark::State& state) {
  const scenario s = bench::typical();
  const catalog& cat = catalog::embedded();
  const resolved_scenario r = resolve(s, cat);
  const auto inputs = input_distributions(r);
  const uncertainty_options opts{.samples = static_cast<std::uint64_t>(state.range(0)), .seed = 42, .threads = 1};
  for (auto _ : state) {
    uncertainty_result u = propagate(r.inputs, inputs, opts);
    benchmark::DoNotOptimize(u);
  }
  state.counters["samples"] = static_cast<double>(state.range(0));
  state.counters["inputs"] = static_cast<double>(inputs.size());
}
BENCHMARK(monte_carlo)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

}  // namespace
