#pragma once
// The scenarios the benchmarks run (bench_estimate.cpp, bench_uncertainty.cpp,
// bench_sweep.cpp and icount.cpp, which counts the instructions of the same bodies):
// one definition each, so that a time and an instruction count are of the same work.
// See bench/RESULTS.md.

#include <optional>

#include <trainprint/scenario.hpp>

namespace trainprint::bench {

/// A typical scheduler question: 7B parameters on 2T tokens, 512 H100s in a cloud
/// region (aws:us-east-1).
inline scenario typical() {
  scenario s;
  s.params = 7e9;
  s.tokens = 2e12;
  s.hardware = "h100";
  s.count = 512;
  s.region = "aws:us-east-1";
  return s;
}

/// typical() without its count: the base of the sweeps, whose first axis is the count.
inline scenario typical_without_count() {
  scenario s = typical();
  s.count = std::nullopt;
  return s;
}

}  // namespace trainprint::bench
