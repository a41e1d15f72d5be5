// Tests of include/trainprint/validate.hpp: reproduce mode lands on each source's
// own arithmetic, held-out predictions stay within the error the README states.

#include "trainprint/validate.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "trainprint/estimator.hpp"
#include "presets_json.hpp"

using namespace trainprint;

namespace {

const validation_report& report() {
  static const validation_report r = validate_presets();
  return r;
}

using presets_json::reported_accelerator_hours;

/// The presets of data/presets.json with a "predict" block.
std::set<std::string> presets_with_predict_view() {
  std::ifstream in(std::string(TRAINPRINT_SOURCE_DIR) + "/data/presets.json");
  REQUIRE(in);
  const auto doc = nlohmann::json::parse(in);
  std::set<std::string> ids;
  for (const auto& p : doc.at("presets"))
    if (p.contains("predict")) ids.insert(p.at("id").get<std::string>());
  return ids;
}

const validation_row& row(std::string_view id) {
  for (const auto& r : report().rows)
    if (r.id == id) return r;
  FAIL("no validation row " << id);
  throw;  // unreachable
}

/// One preset's reproduce result, computed by hand from the source's inputs.
struct expected {
  std::string_view id;
  double energy_mwh;     ///< 0 where the source reports emissions only
  double emissions_t;
};

// The arithmetic of each source, as it published it (MWh = hours x W x PUE / 1e6;
// t = MWh x kg/kWh). Patterson et al. 2021 Table 4: chips x days x 24 h x measured
// system W x PUE; emissions with the net factor.
constexpr expected sources[] = {
    // BLOOM (Luccioni 2023): 1,082,990 GPU-h x 400 W = 433.196 MWh (no PUE); x 57 g = 24.692 t.
    {"bloom-176b", 433.196, 24.692172},
    // ET NAS: 200 x 6.8 d x 24 h x 208 W x 1.10 = 7.468 MWh; x 0.431 = 3.2187 t (reported 7.5 MWh, 3.2 t).
    {"evolved-transformer-nas", 7.468032, 3.218722},
    // Gopher: 4096 x 920 h x 283 W x 1.08 = 1151.75 MWh; x 0.33 = 380.08 t (reported 380 t).
    {"gopher-280b", 1151.749325, 380.077277},
    // GPT-3: 10,000 x 14.8 d x 24 h x 330 W x 1.10 = 1289.38 MWh; x 0.429 = 553.14 t (reported 1,287 / 552.1).
    {"gpt-3", 1289.376, 553.1423},
    // GShard: 1024 x 3.1 d x 24 h x 288 W x 1.09 = 23.92 MWh; x 0.177 = 4.233 t (reported 24.1 / 4.3).
    {"gshard-600b", 23.916184, 4.233164},
    // LaMDA: 1024 x 57.7 d x 24 h x 289 W x 1.10 = 450.79 MWh; x 0.056 = 25.244 t (reported 451 / 25.2).
    {"lamda-137b", 450.79339, 25.24443},
    // LLaMA Table 15: GPU-h x 400 W x PUE 1.1; x 0.385 kg/kWh.
    {"llama-7b", 36.27008, 13.963981},     // 82,432 h  -> 36 MWh, 14 t reported
    {"llama-13b", 59.47392, 22.897459},    // 135,168 h -> 59 MWh, 23 t
    {"llama-33b", 233.39008, 89.855181},   // 530,432 h -> 233 MWh, 90 t
    {"llama-65b", 449.83928, 173.18812},   // 1,022,362 h -> 449 MWh, 173 t
    {"opt-175b", 356.16768, 137.12456},    // 809,472 h -> 356 MWh, 137 t (LLaMA Table 15 recomputation)
    // Llama 2 card: GPU-h x 400 W x 1.1 x 0.385 (energy not published).
    {"llama-2-7b", 0, 31.223808},          // 184,320 h x 0.44 kW = 81.10 MWh -> 31.22 t
    {"llama-2-13b", 0, 62.447616},         // 368,640 h  -> 162.20 MWh -> 62.44 t
    {"llama-2-70b", 0, 291.422208},        // 1,720,320 h -> 756.94 MWh -> 291.42 t
    // Llama 3 card: GPU-h x 700 W x 1.1 x 0.385 (GPU-h rounded to 0.1M, so 1.2% off for 8B).
    {"llama-3-8b", 0, 385.385},            // 1.3M h -> 390 t reported
    {"llama-3-70b", 0, 1897.28},           // 6.4M h -> 1,900 t reported
    // Llama 3.1 card: GPU-h x 700 W x 1.1 x the intensity the card implies.
    {"llama-3.1-8b", 0, 1124.2 * 0.3736},    // 1.46M h x 0.77 kW = 1,124.2 MWh -> 420 t
    {"llama-3.1-70b", 0, 5390.0 * 0.3785},   // 7.0M h -> 5,390 MWh -> 2,040 t
    {"llama-3.1-405b", 0, 23746.8 * 0.3761}, // 30.84M h -> 23,746.8 MWh -> 8,930 t
    // Meena: 1024 x 30 d x 24 h x 289 W x 1.09 = 232.25 MWh; x 0.415 = 96.38 t (reported 232 / 96.4).
    {"meena", 232.250573, 96.383988},
    // Switch: 1024 x 27 d x 24 h x 245 W x 1.10 = 178.83 MWh; x 0.33 = 59.01 t (reported 179 / 59.1).
    {"switch-transformer", 178.827264, 59.012997},
    // T5: 512 x 20 d x 24 h x 310 W x 1.12 = 85.33 MWh; x 0.545 = 46.50 t (reported 85.7 / 46.7).
    {"t5-11b", 85.327872, 46.50369},
};

}  // namespace

TEST_CASE("validate: reproduce mode lands on each source's own arithmetic") {
  for (const auto& x : sources) {
    CAPTURE(x.id);
    const auto& r = row(x.id);
    REQUIRE(r.reproducible);
    REQUIRE(r.reproduce.energy_mwh);
    if (x.energy_mwh > 0) CHECK(*r.reproduce.energy_mwh == doctest::Approx(x.energy_mwh).epsilon(1e-5));
    REQUIRE(r.reproduce.emissions_t_co2e);
    CHECK(*r.reproduce.emissions_t_co2e == doctest::Approx(x.emissions_t).epsilon(1e-4));
  }
}

TEST_CASE("validate: reproduce mode is within 2% of every reproducible source") {
  const auto hours = reported_accelerator_hours();
  int reproducible = 0, with_figures = 0;
  for (const auto& r : report().rows) {
    CAPTURE(r.id);
    if (!r.reproducible) {
      CHECK_FALSE(r.reproduce.energy_mwh);
      CHECK(r.reproduce.note.rfind("not reproducible: ", 0) == 0);
      continue;
    }
    ++reproducible;
    CHECK(r.reproduce.note.empty());
    REQUIRE(r.reproduce.energy_mwh);
    if (r.published_energy_mwh || r.published_emissions_t_co2e) {
      // A published energy or emissions figure: reproduced within 2%.
      ++with_figures;
      CHECK((r.reproduce.energy_error || r.reproduce.emissions_error));
      if (r.reproduce.energy_error) CHECK(std::abs(*r.reproduce.energy_error) <= reproduce_tolerance);
      if (r.reproduce.emissions_error) CHECK(std::abs(*r.reproduce.emissions_error) <= reproduce_tolerance);
    } else {
      // Accelerator-hours only: nothing published to err against; the source's own inputs
      // (its hours at TDP) are the reference energy the predictions are measured against.
      CHECK(hours.count(r.id) == 1);
      CHECK_FALSE(r.reproduce.energy_error);
      CHECK_FALSE(r.reproduce.emissions_error);
      CHECK_FALSE(r.reference_published);
      REQUIRE(r.reference_energy_mwh);
      CHECK(*r.reference_energy_mwh == *r.reproduce.energy_mwh);
    }
  }
  // 76 runs: 75 reproducible, 39 of them with published energy or emissions, 36 with hours only.
  CHECK(reproducible == 75);
  CHECK(with_figures == 39);
  CHECK(report().reproduce.within_tolerance == 39);
  CHECK(std::size(sources) == 22);
  // Only OLMo is not reproducible: its paper gives measured energy but no hours or power.
  CHECK_FALSE(row("olmo-7b").reproducible);
}

TEST_CASE("validate: reproduce mode lands on every published accelerator-hours figure") {
  // The hours of each source's own inputs (gpu_hours, or duration × count) are the
  // hours it published, within 2%.
  int checked = 0;
  for (const auto& [id, h] : reported_accelerator_hours()) {
    CAPTURE(id);
    const estimate e = make_estimate(catalog::embedded().find_preset(id).scenario);
    CHECK(std::abs(e.accelerator_hours / h - 1) <= reproduce_tolerance);
    ++checked;
  }
  CHECK(checked >= 36);
}

TEST_CASE("validate: every preset with reported outputs has a row and a predict view") {
  // Every one of the 76 presets reports energy, emissions or accelerator-hours; the 64
  // with a "predict" block in data/presets.json have a predict view (Dodge et al. 2022's
  // and IDEFICS's runs publish no workload to predict from).
  CHECK(report().rows.size() == 76);
  CHECK(report().rows.size() == catalog::embedded().presets().size());
  const auto predictable = presets_with_predict_view();
  CHECK(predictable.size() == 64);
  for (const auto& r : report().rows) {
    CAPTURE(r.id);
    if (!predictable.count(r.id)) {
      CHECK_FALSE(r.predict_scenario);
      CHECK_FALSE(r.predict.energy_mwh);
      continue;
    }
    REQUIRE(r.predict_scenario);
    const scenario& s = *r.predict_scenario;
    // Only what is known before a run, plus the source's accounting convention.
    CHECK_FALSE(s.gpu_hours);
    CHECK_FALSE(s.duration_h);
    CHECK_FALSE(s.mfu);
    CHECK_FALSE(s.power_w);
    CHECK_FALSE(s.host_power_w);
    CHECK_FALSE(s.intensity);
    CHECK(s.hardware);
    CHECK((s.flops || (s.params && s.tokens)));
    if (r.basis == power_basis::tdp) CHECK(s.power_fraction == 1.0);
    else CHECK_FALSE(s.power_fraction);
    if (r.includes_pue) CHECK_FALSE(s.pue);
    else CHECK(s.pue == 1.0);
  }
}

// README "Accuracy": "Predict, held out (... MFU from a model fitted without the run's
// organisation ...): median absolute energy error 12.3%, 90th percentile 65.7%, over 64 runs;
// the 90% interval covers the published figure in 87.5% of them. [...] In-sample (the shipped
// fit): 13.8%." Reproduce: "every run with published figures lands within ±2%".
TEST_CASE("validate: predict mode stays within the error the README states") {
  const auto& h = report().held_out;
  CHECK(h.energy_n == 64);
  REQUIRE(h.energy_mae);
  CHECK(*h.energy_mae <= 0.1235);  // 12.3%, to the README's rounding
  REQUIRE(h.energy_p90);
  CHECK(*h.energy_p90 <= 0.6575);  // 65.7%
  REQUIRE(h.coverage);
  CHECK(h.coverage_n == 64);
  CHECK(*h.coverage >= 0.875);     // 87.5% = 56 of 64
  // In-sample (the shipped fit, which has seen each run's organisation): 13.8%. It is not
  // lower than the held-out 12.3% here: the form was chosen by the held-out median (a least-
  // absolute-deviations fit whose median residual is not the median |energy error|), one more
  // reason the held-out figure flatters the choice (docs/methodology.md sec. 4.1).
  const auto& p = report().predict;
  CHECK(p.energy_n == 64);
  REQUIRE(p.energy_mae);
  CHECK(*p.energy_mae <= 0.1385);  // in-sample 13.8%
  // Each held-out row's interval is ordered around its median, and "covered" says whether
  // the reference energy lies in it.
  int covered = 0;
  for (const auto& r : report().rows) {
    if (!r.held_out.energy_mwh) continue;
    CAPTURE(r.id);
    REQUIRE(r.held_out.energy_p5_mwh);
    REQUIRE(r.held_out.energy_p95_mwh);
    CHECK(*r.held_out.energy_p5_mwh <= *r.held_out.energy_mwh);
    CHECK(*r.held_out.energy_mwh <= *r.held_out.energy_p95_mwh);
    REQUIRE(r.held_out.covered);
    REQUIRE(r.reference_energy_mwh);
    const double ref = *r.reference_energy_mwh;
    CHECK(*r.held_out.covered == (*r.held_out.energy_p5_mwh <= ref && ref <= *r.held_out.energy_p95_mwh));
    covered += *r.held_out.covered ? 1 : 0;
  }
  CHECK(covered == doctest::Approx(h.coverage_n * *h.coverage));
  // A breakdown by family, size, architecture and measured/TDP power, every group's runs adding up to the total.
  for (const char* dim : {"family", "size", "architecture", "power"}) {
    CAPTURE(dim);
    int n = 0;
    for (const auto& g : report().breakdown)
      if (g.dimension == dim) n += g.summary.energy_n;
    CHECK(n == h.energy_n);
  }
  // Reproduce mode: 0.07% energy, 0.13% emissions (median).
  REQUIRE(report().reproduce.energy_mae);
  CHECK(*report().reproduce.energy_mae <= 0.005);
}

TEST_CASE("validate: predict mode keeps the source's convention and nothing else") {
  // Meta's TDP convention: GPU-hours x 700 W x PUE; hours from the fitted MFU.
  const auto& l = row("llama-3.1-405b");
  REQUIRE(l.predict_scenario);
  CHECK(l.predict_scenario->boundary == boundary::accelerators);
  CHECK(l.predict_scenario->region == "US");
  // Patterson's measured system power: servers boundary, host included for TPU v3.
  const auto& m = row("meena");
  REQUIRE(m.predict_scenario);
  CHECK(m.predict_scenario->boundary == boundary::servers);
  // Patterson Table 4 gives Meena's FLOPs (1.12e23) and size (2.6B): the predict view keeps the
  // size, with tokens = 1.12e23 / (6 × 2.6e9) = 7.179487e12, so that 6ND is the FLOPs.
  CHECK(m.predict_scenario->params == 2.6e9);
  REQUIRE(m.predict_scenario->tokens);
  CHECK(*m.predict_scenario->tokens == doctest::Approx(7.179487179487e12).epsilon(1e-12));
  REQUIRE(m.predict.mfu);
  // 2.6B on TPU v3 (bf16 123 TFLOP/s): log10(123/312) = −0.404249 < 0, so p = 0 (an A100's),
  // n = log10(2.6) = 0.414973; ln MFU = c0 + c2·n = −1.189942 + 0.193469 × 0.414973
  // = −1.189942 + 0.080284 = −1.109658 → 0.329672 (the shipped fit).
  CHECK(*m.predict.mfu == doctest::Approx(0.329672).epsilon(1e-6));
  // BLOOM's 24.7 t leaves PUE out: predict does too.
  const auto& b = row("bloom-176b");
  REQUIRE(b.predict_scenario);
  CHECK(b.predict_scenario->pue == 1.0);
  CHECK(to_string(b.basis) == "tdp");
}
