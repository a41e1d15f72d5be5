// The fitted MFU model (include/trainprint/calibration.hpp, docs/methodology.md §4.1).
#include <doctest/doctest.h>
#include <trainprint/calibration.hpp>
#include <trainprint/error.hpp>

#include <cmath>
#include <fstream>
#include <sstream>

using namespace trainprint;
using doctest::Approx;

TEST_CASE("calibration: data/calibration.json is a fresh fit of the catalog's published runs") {
  std::ifstream in(std::string(TRAINPRINT_SOURCE_DIR) + "/data/calibration.json");
  REQUIRE(in);
  std::stringstream shipped;
  shipped << in.rdbuf();
  const auto runs = calibration_runs(catalog::embedded());
  // Refresh with: build/dev/bin/trainprint validate --calibration > data/calibration.json
  CHECK(calibration_json(fit_mfu_model(runs), runs) == shipped.str());
}

TEST_CASE("calibration: the prediction is the formula of calibration.hpp") {
  mfu_model m;
  m.coef = {-1.0, -1.5, 0.1, 0.5, -0.5, -0.1};
  // An H100-like peak 989.4 TFLOP/s: p = log10(989.4/312) = 0.50122; 7e9 active of 7e9: n = log10(7) = 0.845098.
  const mfu_features dense{989.4e12, 7e9, 7e9};
  const double p = std::log10(989.4 / 312.0), n = std::log10(7.0);
  CHECK(predict_mfu(m, dense) == Approx(std::exp(-1.0 - 1.5 * p + 0.1 * n + 0.5 * n * p)).epsilon(1e-12));
  // MoE 37e9 of 671e9: adds -0.1 × ln(671/37) = -0.28979.
  const mfu_features moe{989.4e12, 37e9, 671e9};
  const double nm = std::log10(37.0);
  CHECK(predict_mfu(m, moe) ==
        Approx(std::exp(-1.0 - 1.5 * p + 0.1 * nm + 0.5 * nm * p - 0.1 * std::log(671.0 / 37.0))).epsilon(1e-12));
  // Size unknown (FLOPs only): n = 0 and u = 1, so exp(-1 - 1.5 p - 0.5).
  const mfu_features flops_only{989.4e12, std::nullopt, std::nullopt};
  CHECK(predict_mfu(m, flops_only) == Approx(std::exp(-1.5 - 1.5 * p)).epsilon(1e-12));
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
  std::vector<calibration_run> runs(5, calibration_run{"r", "org", {312e12, 1e9, 1e9}, 0.3, true});
  CHECK_THROWS_WITH_AS(fit_mfu_coefficients(runs),
                       "[trainprint.input] calibration: got 5 runs from 1 organisations, expected at least 8 runs "
                       "from 3 organisations",
                       input_error);
}
