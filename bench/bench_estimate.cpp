// Benchmarks of the estimator: the arithmetic alone, and a whole estimate with
// catalog lookups by id (the call a scheduler makes). See bench/RESULTS.md.

#include <benchmark/benchmark.h>

#include <trainprint/estimator.hpp>

#include "scenarios.hpp"

namespace {

using namespace trainprint;
using bench::typical;


// (1) evaluate(model_inputs): the formulas on resolved numbers.
void evaluate_resolved(benchmark::State& state) {
  const model_inputs in = resolve(typical(), catalog::embedded()).inputs;
  for (auto _ : state) {
    model_inputs x = in;
    benchmark::DoNotOptimize(x);  // the compiler may not fold the inputs into constants
    model_outputs o = evaluate(x);
    benchmark::DoNotOptimize(o);
  }
}
BENCHMARK(evaluate_resolved);

// (2a) make_estimate by id: validate, look up h100 and aws:us-east-1, resolve with
// the full trace (strings, citations), evaluate.
void make_estimate_by_id(benchmark::State& state) {
  const scenario s = typical();
  const catalog& cat = catalog::embedded();
  for (auto _ : state) {
    estimate e = make_estimate(s, cat);
    benchmark::DoNotOptimize(e);
  }
}
BENCHMARK(make_estimate_by_id);

// (2b) the lean path a scheduler can call: the same lookups and choices, no trace.
void resolve_inputs_evaluate_by_id(benchmark::State& state) {
  const scenario s = typical();
  const catalog& cat = catalog::embedded();
  for (auto _ : state) {
    model_outputs o = evaluate(resolve_inputs(s, cat));
    benchmark::DoNotOptimize(o);
  }
}
BENCHMARK(resolve_inputs_evaluate_by_id);

// (2c) a scheduler weighing placements: one workload over every catalog region.
void resolve_inputs_evaluate_all_regions(benchmark::State& state) {
  const catalog& cat = catalog::embedded();
  std::vector<scenario> ss;
  for (const auto& r : cat.regions()) {
    scenario s = typical();
    s.region = r.id;
    ss.push_back(std::move(s));
  }
  std::size_t i = 0;
  for (auto _ : state) {
    model_outputs o = evaluate(resolve_inputs(ss[i], cat));
    benchmark::DoNotOptimize(o);
    if (++i == ss.size()) i = 0;
  }
}
BENCHMARK(resolve_inputs_evaluate_all_regions);

}  // namespace
