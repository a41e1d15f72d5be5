#pragma once
// The estimator with an explicit MFU model: validation runs each held-out
// organisation's runs on the model fitted without them. Private to the library.

#include "trainprint/calibration.hpp"
#include "trainprint/estimator.hpp"

namespace trainprint::inline v0::detail {

/// make_estimate() on `model` instead of the shipped fit; with `options`, the
/// uncertainty block too, and the headline numbers are the Monte Carlo medians.
estimate make_estimate_with(const scenario& s, const catalog& cat, const mfu_model& model,
                            const uncertainty_options* options);

}  // namespace trainprint::inline v0::detail
