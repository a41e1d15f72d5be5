// Benchmarks of the catalog: parsing the embedded data/*.json, and lookups by id.

#include <benchmark/benchmark.h>

#include <trainprint/catalog.hpp>

namespace {

using namespace trainprint;

// (5a) a fresh catalog with every table parsed and checked: what `trainprint data
// check` and `list` pay, and the one-off cost of catalog::embedded() in a long-lived process.
void parse_embedded_catalog_all_tables(benchmark::State& state) {
  for (auto _ : state) {
    catalog c = catalog::with_overlays({});
    benchmark::DoNotOptimize(c.accelerators().size() + c.systems().size() + c.regions().size() +
                             c.providers().size() + c.energy_sources().size() + c.presets().size() +
                             c.equivalents().size());
  }
}
BENCHMARK(parse_embedded_catalog_all_tables)->Unit(benchmark::kMillisecond);

// (5b) what one `trainprint estimate --hardware h100 --region aws:us-east-1` needs.
void parse_embedded_catalog_for_estimate(benchmark::State& state) {
  for (auto _ : state) {
    catalog c = catalog::with_overlays({});
    benchmark::DoNotOptimize(c.get_accelerator("h100"));
    benchmark::DoNotOptimize(c.get_region("aws:us-east-1"));
    benchmark::DoNotOptimize(c.get_provider("aws"));
    benchmark::DoNotOptimize(c.embodied().die.size());
  }
}
BENCHMARK(parse_embedded_catalog_for_estimate)->Unit(benchmark::kMillisecond);

// A lookup by alias, case-insensitive ("H100" → nvidia-h100-sxm5-80gb).
void lookup_by_alias(benchmark::State& state) {
  const catalog& cat = catalog::embedded();
  for (auto _ : state) benchmark::DoNotOptimize(cat.get_accelerator("H100"));
}
BENCHMARK(lookup_by_alias);

void lookup_region_by_id(benchmark::State& state) {
  const catalog& cat = catalog::embedded();
  for (auto _ : state) benchmark::DoNotOptimize(cat.get_region("aws:us-east-1"));
}
BENCHMARK(lookup_region_by_id);

}  // namespace
