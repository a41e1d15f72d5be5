// The fitted MFU model (include/trainprint/calibration.hpp, docs/methodology.md §4.1).
#include <doctest/doctest.h>
#include <trainprint/calibration.hpp>
#include <trainprint/error.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace trainprint;
using doctest::Approx;

TEST_CASE("calibration: data/calibration.json is a fresh fit of the catalog's published runs") {
  std::ifstream in(std::string(TRAINPRINT_SOURCE_DIR) + "/data/calibration.json");
  REQUIRE(in);
  std::stringstream shipped;
  shipped << in.rdbuf();
  const auto runs = calibration_runs(catalog::embedded());
  // Refresh with: build/dev/bin/trainprint validate --calibration > data/calibration.json
  mfu_model m = fit_mfu_model(runs);
  // The choice-held-out figure is not computed by the C++ fit: scripts/data/mfu_forms.py --nested
  // --write puts it in the shipped file, and `validate --calibration` carries it through.
  m.choice_held_out = fitted_mfu_model().choice_held_out;
  CHECK(calibration_json(m, runs) == shipped.str());
}

TEST_CASE("calibration: the shipped choice-held-out figure belongs to the shipped coefficients") {
  // scripts/data/mfu_forms.py --nested --write records the coefficients it checked; a refit that
  // changes them leaves the figure stale until the script is rerun, and this fails until then.
  const mfu_model& m = fitted_mfu_model();
  REQUIRE(m.choice_held_out);
  CHECK(m.choice_held_out->coefficients == m.coef);
  CHECK(m.choice_held_out->candidates > 1);
  CHECK(m.choice_held_out->energy_p90 >= m.choice_held_out->energy_mae);
}

TEST_CASE("calibration: the choice-held-out figure names its command from the repository root, with no build path") {
  // `trainprint validate` prints this command; it once ended in the binary the script was run with
  // ("... --write build/dev/bin/trainprint", or an absolute path from another checkout). The script
  // takes the binary as an argument, but any build of these sources gives the same figure.
  const mfu_model& m = fitted_mfu_model();
  REQUIRE(m.choice_held_out);
  const std::string& cmd = m.choice_held_out->command;
  CHECK(cmd == "scripts/data/mfu_forms.py --nested --write");
  CHECK(cmd.find("build") == std::string::npos);
  CHECK(cmd.front() != '/');
}

TEST_CASE("calibration: the prediction is the formula of calibration.hpp") {
  mfu_model m;
  m.coef = {-1.0, -1.5, 0.1, 0.5, -0.1};
  m.n_unknown = 1.2;
  // An H100-like peak 989.4 TFLOP/s: p = log10(989.4/312) = 0.50122; 7e9 active of 7e9: n = log10(7) = 0.845098.
  const mfu_features dense{989.4e12, 7e9, 7e9};
  const double p = std::log10(989.4 / 312.0), n = std::log10(7.0);
  CHECK(predict_mfu(m, dense) == Approx(std::exp(-1.0 - 1.5 * p + 0.1 * n + 0.5 * n * p)).epsilon(1e-12));
  // MoE 37e9 of 671e9: adds -0.1 × ln(671/37) = -0.28979.
  const mfu_features moe{989.4e12, 37e9, 671e9};
  const double nm = std::log10(37.0);
  CHECK(predict_mfu(m, moe) ==
        Approx(std::exp(-1.0 - 1.5 * p + 0.1 * nm + 0.5 * nm * p - 0.1 * std::log(671.0 / 37.0))).epsilon(1e-12));
  // Size unknown (FLOPs only): n = n_unknown = 1.2 (a 15.8B model), no MoE term:
  // exp(-1 - 1.5 p + 0.1 × 1.2 + 0.5 × 1.2 × p).
  const mfu_features flops_only{989.4e12, std::nullopt, std::nullopt};
  CHECK(predict_mfu(m, flops_only) == Approx(std::exp(-1.0 - 1.5 * p + 0.12 + 0.6 * p)).epsilon(1e-12));
  // A chip slower than an A100 (V100 fp16 125 TFLOP/s: log10(125/312) = −0.397 < 0) is taken at
  // p = 0: exp(-1 + 0.1 × 0.845098) for 7B, as on an A100 itself.
  const mfu_features v100{125e12, 7e9, 7e9}, a100{312e12, 7e9, 7e9};
  CHECK(predict_mfu(m, v100) == Approx(std::exp(-1.0 + 0.1 * n)).epsilon(1e-12));
  CHECK(predict_mfu(m, v100) == predict_mfu(m, a100));
}

TEST_CASE("calibration: the fit is a median regression (least absolute deviations)") {
  // Eight runs from 4 organisations at one peak and one size (every feature but the intercept
  // is 0: A100 peak, 1e9 active), so the ridge penalty does not act and the fit is a constant.
  // MFU 0.1, 0.2, 0.3, 0.3, 0.3, 0.4, 0.5 and one outlier 0.9: least squares would give the
  // geometric mean, exp(mean ln) = 0.3151 with the outlier, but the least-absolute-deviations
  // fit is the median of ln MFU: any value between the 4th and 5th (both 0.3), so exactly 0.3.
  std::vector<calibration_run> runs;
  const double mfus[] = {0.1, 0.2, 0.3, 0.3, 0.3, 0.4, 0.5, 0.9};
  for (int i = 0; i < 8; ++i)
    runs.push_back({"r" + std::to_string(i), "org" + std::to_string(i % 4), {312e12, 1e9, 1e9}, mfus[i], true,
                    8.0 * (i + 1)});
  const mfu_model m = fit_mfu_coefficients(runs);
  // The fitted runs' extremes: every run 1B (the first, r0, named on the tie); counts 8, 16, …, 64.
  CHECK(m.domain.active_min == 1e9);
  CHECK(m.domain.active_max == 1e9);
  CHECK(m.domain.active_min_run == "r0");
  CHECK(m.domain.active_max_run == "r0");
  CHECK(m.domain.count_max == 64);
  CHECK(m.domain.count_max_run == "r7");
  CHECK(predict_mfu(m, {312e12, 1e9, 1e9}) == Approx(0.3).epsilon(1e-3));
  // The outlier moved to 0.99 (least squares: 0.3189) does not move the median fit.
  runs[7].mfu = 0.99;
  CHECK(predict_mfu(fit_mfu_coefficients(runs), {312e12, 1e9, 1e9}) == Approx(0.3).epsilon(1e-3));
}

TEST_CASE("calibration: a published FLOPs figure keeps the run's size for the fit") {
  // Patterson et al. 2021 Table 4 gives T5's FLOPs (4.05e22) and its size (11B): the run
  // enters the fit with n = log10(11) and its MFU from the published FLOPs,
  // 4.05e22 / (512 × 480 h × 3600 × 123e12) = 0.3722 (TPU v3 bf16 peak 123 TFLOP/s).
  const auto runs = calibration_runs(catalog::embedded());
  const auto t5 = std::find_if(runs.begin(), runs.end(), [](const calibration_run& r) { return r.id == "t5-11b"; });
  REQUIRE(t5 != runs.end());
  REQUIRE(t5->features.active_params);
  CHECK(*t5->features.active_params == Approx(11e9));
  CHECK(t5->mfu == Approx(4.05e22 / (512 * 480.0 * 3600 * 123e12)).epsilon(1e-9));
  // Switch Transformer: 1.5T parameters, 0.1% active per token (Table 4): 1.5e9 active.
  const auto sw = std::find_if(runs.begin(), runs.end(), [](const calibration_run& r) { return r.id == "switch-transformer"; });
  REQUIRE(sw != runs.end());
  CHECK(*sw->features.active_params == Approx(1.5e9));
  CHECK(*sw->features.total_params == Approx(1.5e12));
}

TEST_CASE("calibration: the shipped interval factor has the held-out residuals' percentiles") {
  const mfu_model& m = fitted_mfu_model();
  CHECK(m.runs >= 30);
  CHECK(m.organisations >= 10);
  CHECK(m.held_out_runs >= 60);
  // The fit is the median; the 5th and 95th percentiles are exp of the residual bounds.
  CHECK(m.factor.quantile(0.5) == Approx(1.0).epsilon(0.02));
  CHECK(m.factor.quantile(0.05) == Approx(std::exp(m.residual_p5)).epsilon(0.02));
  CHECK(m.factor.quantile(0.95) == Approx(std::exp(m.residual_p95)).epsilon(0.02));
  CHECK(m.residual_p5 < 0);
  CHECK(m.residual_p95 > 0);
}

TEST_CASE("calibration: too few runs to fit are refused") {
  std::vector<calibration_run> runs(5, calibration_run{"r", "org", {312e12, 1e9, 1e9}, 0.3, true, std::nullopt});
  CHECK_THROWS_WITH_AS(fit_mfu_coefficients(runs),
                       "[trainprint.input] calibration: got 5 runs from 1 organisations, expected at least 8 runs "
                       "from 3 organisations",
                       input_error);
}
