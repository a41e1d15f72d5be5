// Benchmark of a sweep: 10^6 combinations streamed to CSV in memory, as
// `trainprint sweep --format csv` does (sweep_numbers + sweep_csv_writer), and,
// for comparison, through sweep(), which builds an estimate per row.

#include <benchmark/benchmark.h>

#include <string>

#include <trainprint/render.hpp>
#include <trainprint/sweep.hpp>

#include "scenarios.hpp"

namespace {

using namespace trainprint;

/// count × mfu × pue, 100 values each: 10^6 combinations of 7B params on 2T tokens on H100s in aws:us-east-1.
std::vector<sweep_axis> million_axes() {
  std::vector<sweep_axis> axes{{"count", {}}, {"mfu", {}}, {"pue", {}}};
  for (int i = 0; i < 100; ++i) axes[0].values.push_back(std::to_string(64 * (i + 1)));
  for (int i = 0; i < 100; ++i) axes[1].values.push_back(std::to_string(0.20 + 0.004 * i).substr(0, 5));
  for (int i = 0; i < 100; ++i) axes[2].values.push_back(std::to_string(1.05 + 0.005 * i).substr(0, 5));
  return axes;
}

// (4) what `trainprint sweep` runs: numbers only, one writer for the whole sweep.
void sweep_to_csv_numbers(benchmark::State& state) {
  const scenario base = bench::typical_without_count();
  const auto axes = million_axes();
  const auto& cat = catalog::embedded();
  std::size_t bytes = 0;
  for (auto _ : state) {
    std::string csv = sweep_csv_header(axes) + "\n";
    csv.reserve(bytes);
    sweep_csv_writer w;
    sweep_numbers(base, axes, [&](const sweep_numbers_row& r) { w.append(csv, r), csv += '\n'; }, cat);
    bytes = csv.size();
    benchmark::DoNotOptimize(csv.data());
  }
  state.counters["rows"] = static_cast<double>(sweep_size(axes));
  state.counters["MB"] = static_cast<double>(bytes) / 1e6;
}
BENCHMARK(sweep_to_csv_numbers)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(5)->ReportAggregatesOnly(false);

// Regions turning fastest: every row resolves again (catalog lookups), the slow case.
void sweep_to_csv_numbers_regions_inner(benchmark::State& state) {
  const scenario base = bench::typical_without_count();
  const auto& cat = catalog::embedded();
  std::vector<sweep_axis> axes{{"count", {}}, {"region", {}}};
  for (int i = 0; i < 200; ++i) axes[0].values.push_back(std::to_string(64 * (i + 1)));
  for (const auto& r : cat.regions()) axes[1].values.push_back(r.id);
  for (auto _ : state) {
    std::string csv = sweep_csv_header(axes) + "\n";
    sweep_csv_writer w;
    sweep_numbers(base, axes, [&](const sweep_numbers_row& r) { w.append(csv, r), csv += '\n'; }, cat);
    benchmark::DoNotOptimize(csv.data());
  }
  state.counters["rows"] = static_cast<double>(sweep_size(axes));
}
BENCHMARK(sweep_to_csv_numbers_regions_inner)->Unit(benchmark::kMillisecond)->Iterations(1);

// sweep(): an estimate per row, each row's CSV by sweep_row_csv.
void sweep_to_csv(benchmark::State& state, trace_level level) {
  const scenario base = bench::typical_without_count();
  const auto axes = million_axes();
  const auto& cat = catalog::embedded();
  std::size_t bytes = 0;
  for (auto _ : state) {
    std::string csv = sweep_csv_header(axes) + "\n";
    csv.reserve(bytes);
    sweep(base, axes, [&](const sweep_row& r) { (csv += sweep_row_csv(r)) += '\n'; }, cat, level);
    bytes = csv.size();
    benchmark::DoNotOptimize(csv.data());
  }
  state.counters["rows"] = static_cast<double>(sweep_size(axes));
  state.counters["MB"] = static_cast<double>(bytes) / 1e6;
}
BENCHMARK_CAPTURE(sweep_to_csv, 1e6_rows_no_trace, trace_level::none)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_CAPTURE(sweep_to_csv, 1e6_rows_full_trace, trace_level::full)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
