#pragma once
// The estimator with an explicit MFU model: validation runs each held-out
// organisation's runs on the model fitted without them. Private to the library.

#include "trainprint/calibration.hpp"
#include "trainprint/estimator.hpp"
#include "trainprint/uncertainty.hpp"

namespace trainprint::inline v0::detail {

/// make_estimate() on `model` instead of the shipped fit; with `options`, the
/// uncertainty block too, and the headline numbers are the Monte Carlo medians.
estimate make_estimate_with(const scenario& s, const catalog& cat, const mfu_model& model,
                            const uncertainty_options* options);

/// What a Monte Carlo sample must satisfy to be possible: with the workload and the
/// time both given, its FLOPs fit in its accelerator-hours at the accelerators' dense
/// peak at the training precision (resolver::impossible_time_check's test, sample by sample).
struct sample_limit {
  double peak_flop_per_s = 0;         ///< that peak at the point estimate; 0: no check
  double speedup_central = 1;         ///< precision_speedup at the point estimate
  bool peak_follows_speedup = false;  ///< the speed-up is drawn across a hardware word's parts: the peak moves with it
};

/// How the Monte Carlo runs its blocks: `wide` four samples an operation with AVX2
/// where the CPU has it (wide_simd_available()), `portable` with the baseline
/// instructions. The numbers are the same bit for bit (tests/unit/uncertainty.test.cpp).
enum class simd { wide, portable };
/// True where propagate()'s wide path runs: GCC on x86-64 and a CPU with AVX2.
bool wide_simd_available() noexcept;

/// propagate() leaving out the samples that break `limit` (counted in
/// uncertainty_result::impossible_samples): every quantile and mean is over the rest.
uncertainty_result propagate(const model_inputs& central, std::span<const input_distribution> inputs,
                             const uncertainty_options& options, const sample_limit& limit,
                             simd kernel = simd::wide);

/// An estimate whose Monte Carlo left out `impossible` of `samples`: fewer than this
/// share possible is bad input (the ranges given contradict each other), as an
/// impossible point is (docs/uncertainty.md).
inline constexpr double min_possible_share = 0.05;

}  // namespace trainprint::inline v0::detail
