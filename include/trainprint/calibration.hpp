#pragma once
/// \file calibration.hpp
/// The fitted model of whole-run MFU (docs/methodology.md §4): what a run
/// achieves, as training FLOPs / (accelerator-hours × reference peak), where the
/// reference peak is the accelerator's dense bf16 rate (fp16 where it has no
/// bf16, fp32 where it has neither) and a lower precision is a separate speed-up
/// factor (defaults.hpp). Fitted on the published runs of data/presets.json
/// (those whose `calibration.use` is true) by least absolute deviations (median
/// regression, iteratively reweighted least squares) with a ridge penalty, on
///
///   ln MFU = c0 + c1·p + c2·n + c3·n·p + c4·ln(total / active)
///
/// with p = max(0, log10(reference peak / 312 TFLOP/s)) (chips slower than an A100
/// taken at an A100's p) and n = log10(active parameters /
/// 1e9); a model of unknown size (FLOPs only) is taken at n = n_unknown, the mean
/// of the fitted runs' n (every published run gives its size, also those that
/// publish FLOPs, so no coefficient rests on size-unknown runs). The
/// objective, the floor on p, the ridge penalty and the equal weighting of runs were chosen by held-out error
/// (docs/methodology.md §4.1). The interval comes from
/// leave-one-organisation-out residuals of every published run with hours: a run's MFU is the prediction times a
/// factor F whose 5th, 50th and 95th percentiles are those of the held-out
/// residuals (a triangular distribution matched to them). data/calibration.json
/// holds the coefficients and residuals; `trainprint validate --calibration`
/// refits them from the catalog's runs.

#include <array>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "catalog.hpp"
#include "uncertainty.hpp"

namespace trainprint::inline v0 {

/// The held-out error of the model once the choice of its form is held out too:
/// the form, objective and penalty were picked by leave-one-organisation-out error,
/// so that score flatters the pick; `scripts/data/mfu_forms.py --nested --write`
/// makes the choice among `candidates` inside each left-out organisation (on the
/// other organisations alone) and writes the result into data/calibration.json
/// (mfu.form_choice_held_out). The C++ fit does not compute it: it is read from
/// the shipped file and carried through `trainprint validate --calibration`.
/// Errors are fractions (0.213 = 21.3%) of |predicted / reference energy − 1|.
struct mfu_choice_held_out {
  double energy_mae = 0;              ///< median |energy error|
  double energy_p90 = 0;              ///< its 90th percentile
  int energy_n = 0;                   ///< runs scored (those with an MFU)
  int candidates = 0;                 ///< combinations the choice was made among in each fold
  std::string date;                   ///< when it was computed (YYYY-MM-DD)
  std::string command;                ///< how to recompute it
  std::array<double, 5> coefficients{};  ///< the shipped coefficients it was computed with
  std::string source;                 ///< what it measures, in words
};

/// What the MFU model reads about a run.
struct mfu_features {
  double reference_peak_flop_per_s = 0;  ///< dense bf16 (else fp16, else fp32) peak, FLOP/s
  std::optional<double> active_params;   ///< parameters active per token; nullopt when the size is unknown
  std::optional<double> total_params;    ///< all parameters (MoE: > active)
};

/// The runs a model was fitted on, at their extremes: beyond them a prediction is an
/// extrapolation, and resolve() notes it.
struct mfu_domain {
  double active_min = 0, active_max = 0;  ///< smallest and largest active parameters of the in_fit runs
  double count_max = 0;                   ///< most accelerators of an in_fit run (0: none gives a count)
  std::string active_min_run, active_max_run, count_max_run;  ///< the preset ids that have them
};

/// The fitted model.
struct mfu_model {
  static constexpr std::size_t terms = 5;
  std::array<double, terms> coef{};  ///< c0..c4 of the formula above
  double n_unknown = 0;              ///< n for a model of unknown size: the fitted runs' mean log10(active / 1e9)
  double ridge = 0;                  ///< penalty on c1..c5 (the intercept is free)
  triangular factor;                 ///< F: the held-out residual factor (5/50/95% matched)
  double residual_p5 = 0, residual_p50 = 0, residual_p95 = 0;  ///< ln(true / predicted), held out
  int runs = 0, organisations = 0;   ///< what the coefficients rest on
  int held_out_runs = 0;             ///< what the residuals rest on
  mfu_domain domain;                 ///< the fitted runs' extremes of size and count
  std::string source;                ///< where the numbers come from (for the trace)
  /// The held-out error with the choice of form held out (data/calibration.json);
  /// nullopt for a model fitted here (fit_mfu_model does not compute it).
  std::optional<mfu_choice_held_out> choice_held_out;
};

/// One run the model is fitted on: its features and its whole-run MFU.
struct calibration_run {
  std::string id, organisation;
  mfu_features features;
  double mfu = 0;      ///< FLOPs / (accelerator-hours × 3600 × reference peak × precision speed-up)
  bool in_fit = true;  ///< enters the coefficients (calibration.use); every run enters the residuals
  std::optional<double> count;  ///< accelerators, where the run gives them
};

/// The reference peak of `a` (FLOP/s): dense bf16, else fp16, else fp32; nullopt if none.
std::optional<double> reference_peak_flop_per_s(const accelerator& a);

/// The model's median MFU for `f` (before the factor F).
double predict_mfu(const mfu_model& m, const mfu_features& f);

/// Every preset of `cat` with accelerator-hours and a workload, with its whole-run
/// MFU; those whose `calibration.use` is true are marked in_fit. Throws data_error
/// for a preset whose inputs do not resolve.
std::vector<calibration_run> calibration_runs(const catalog& cat);

/// Fits the model on `runs`: the coefficients on the in_fit runs, the factor F from
/// the leave-one-organisation-out residuals of every run (each organisation's runs
/// predicted by the coefficients fitted without it), so the interval is that of a
/// published run nobody tuned for. Throws input_error for fewer than 8 in_fit runs
/// or 3 organisations.
mfu_model fit_mfu_model(std::span<const calibration_run> runs);

/// The coefficients only (no held-out residuals): the fit used inside validation.
mfu_model fit_mfu_coefficients(std::span<const calibration_run> runs);

/// The model shipped in data/calibration.json (embedded; parsed once).
const mfu_model& fitted_mfu_model();

/// `m` as the JSON of data/calibration.json.
std::string calibration_json(const mfu_model& m, std::span<const calibration_run> runs);

}  // namespace trainprint::inline v0
