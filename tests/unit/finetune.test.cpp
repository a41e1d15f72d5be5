// Parameter-efficient fine-tuning (issue 14): the frozen weights get no weight
// gradients, so FLOPs = (6 − 2)·N·D + 2·N_trainable·D (Kaplan et al. 2020 sec. 2.1;
// Hu et al. 2021 sec. 4). Numbers worked by hand beside each check.
#include <doctest/doctest.h>
#include <trainprint/estimator.hpp>

#include "fixture.hpp"

using namespace trainprint;
using doctest::Approx;

TEST_CASE("fine-tuning: LoRA FLOPs skip the frozen weights' gradients") {
  scenario s;
  s.params = 7e9;
  s.tokens = 1e9;
  s.hardware = "h100";
  s.count = 8;
  s.mfu = 0.4;
  s.trainable_params = 4e6;
  const estimate e = make_estimate(s, fixture::catalog());
  // (6 − 2) × 7e9 × 1e9 + 2 × 4e6 × 1e9 = 2.8e19 + 8e15 = 2.8008e19 FLOP.
  REQUIRE(e.flops);
  CHECK(*e.flops == Approx(2.8008e19).epsilon(1e-12));
  // Full fine-tuning of the same model on the same tokens: 6 × 7e9 × 1e9 = 4.2e19, so
  // LoRA takes 2.8008e19 / 4.2e19 = 0.66686 of its accelerator-hours.
  scenario full = s;
  full.trainable_params.reset();
  const estimate f = make_estimate(full, fixture::catalog());
  CHECK(e.accelerator_hours / f.accelerator_hours == Approx(2.8008e19 / 4.2e19).epsilon(1e-12));
  REQUIRE(e.find_trace("weight_gradient_flops_per_param_token"));
  CHECK(e.find_trace("weight_gradient_flops_per_param_token")->value == 2);
}

TEST_CASE("fine-tuning: trainable_params needs the model and at most its active parameters") {
  scenario s;
  s.params = 7e9;
  s.tokens = 1e9;
  s.hardware = "h100";
  s.trainable_params = 8e9;
  CHECK_THROWS_WITH_AS(validate(s),
                       "[trainprint.input] trainable_params: got 8e+09, expected `trainable_params` <= the parameters "
                       "active per token (7e+09)",
                       input_error);
  s.trainable_params = 4e6;
  s.params.reset();
  s.tokens.reset();
  s.gpu_hours = 100;
  CHECK_THROWS_WITH_AS(validate(s),
                       "[trainprint.input] trainable_params: got 4000000, expected `trainable_params` with `params` and "
                       "`tokens` (a parameter-efficient fine-tune of that model)",
                       input_error);
}
