// Benchmark of a sweep: 10^6 combinations streamed to CSV in memory, as
// `trainprint sweep --format csv` does (which asks for no trace).

#include <benchmark/benchmark.h>

#include <string>

#include <trainprint/render.hpp>
#include <trainprint/sweep.hpp>

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

void sweep_to_csv(benchmark::State& state, trace_level level) {
  scenario base;
  base.params = 7e9;
  base.tokens = 2e12;
  base.hardware = "h100";
  base.region = "aws:us-east-1";
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
BENCHMARK_CAPTURE(sweep_to_csv, 1e6_rows_no_trace, trace_level::none)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(3)->ReportAggregatesOnly(false);
BENCHMARK_CAPTURE(sweep_to_csv, 1e6_rows_full_trace, trace_level::full)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
