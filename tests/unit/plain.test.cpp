// Plain-language inputs (issue 17, plain.hpp): size, duration, hardware and energy
// words read as sourced ranges. The words stand for entries of the shipped catalog
// (WORLD, wind, solar, coal, gas, the H100 SXM5, TPU v4), so these tests use the
// embedded catalog; every expected number is worked by hand beside its check from
// the values in data/ (IPCC AR5 Table A.III.2 lifecycle factors, OWID/Ember WORLD).
#include <doctest/doctest.h>
#include <trainprint/compare.hpp>
#include <trainprint/defaults.hpp>
#include <trainprint/estimator.hpp>
#include <trainprint/json.hpp>
#include <trainprint/plain.hpp>
#include <trainprint/uncertainty.hpp>

#include <nlohmann/json.hpp>

#include <cmath>

#include "scenarios.hpp"

using namespace trainprint;
using doctest::Approx;
using scenarios::has_note_exactly;
using scenarios::has_note_starting;
using scenarios::typed;

namespace {
const catalog& cat() { return catalog::embedded(); }
const input_distribution* find_dist(const estimate& e, uncertain_input i) {
  if (!e.uncertainty) return nullptr;
  for (const auto& d : e.uncertainty->inputs)
    if (d.input == i) return &d;
  return nullptr;
}
/// --params 70B --tokens 2T --hardware gpu --count 256 --region FR: a known workload and
/// place on a part named only as "gpu".
scenario seventy_b_on_gpus() {
  return typed({{"params", "70B"}, {"tokens", "2T"}, {"hardware", "gpu"}, {"count", "256"}, {"region", "FR"}});
}
}  // namespace

TEST_CASE("plain: words are read case-insensitively, and the bands' modes are their geometric middles") {
  REQUIRE(find_size("Very Large"));
  CHECK(find_size("very_large")->word == "very-large");
  CHECK(find_size("huge") == nullptr);
  // large: 1e10..1e11, mode √(1e10 · 1e11) = √1e21 = 3.16228e10.
  const range large = find_size("large")->as_range();
  CHECK(large.low == 1e10);
  CHECK(large.mode == Approx(3.16227766e10).epsilon(1e-9));
  CHECK(large.high == 1e11);
  // weeks: 7 d = 168 h .. 30 d = 720 h, mode √(168 · 720) = √120960 = 347.79 h.
  const range weeks = find_duration_word("WEEKS")->as_range();
  CHECK(weeks.low == 168);
  CHECK(weeks.mode == Approx(347.7930419).epsilon(1e-9));
  CHECK(weeks.high == 720);
  CHECK(find_hardware_word("GPU")->id == "nvidia-h100-sxm5-80gb");
  CHECK(find_hardware_word("tpu")->id == "google-tpu-v4");
  CHECK(find_energy_word("Fossil")->word == "fossil");
  // Every hardware word names a part of the shipped catalog, every energy word its sources.
  for (const auto& w : hardware_words) CHECK(cat().get_accelerator(w.id));
  for (const auto& w : energy_words)
    for (auto src : w.sources)
      if (!src.empty()) CHECK(cat().get_energy_source(src));
  CHECK(cat().get_region(world_region));
}

TEST_CASE("plain: a size word gives params and compute-optimal tokens as ranges, and a FLOPs range") {
  scenario s;
  s.size = "large";
  const plain_reading p = read_plain(s);
  // Tokens: 20 per parameter at the low end and the mode, 21.6 at the high end
  // (Hoffmann et al. 2022, Table 3): 2e11, 20 × 3.16228e10 = 6.32456e11, 2.16e12.
  CHECK(p.tokens_from_rule);
  CHECK(p.tokens.low == Approx(2e11));
  CHECK(p.tokens.mode == Approx(6.32455532e11).epsilon(1e-9));
  CHECK(p.tokens.high == Approx(2.16e12));
  REQUIRE(p.s.params);
  CHECK(*p.s.params == Approx(3.16227766e10).epsilon(1e-9));
  // N · D at the mode: 20 × (√1e21)² = 2e22. The FLOPs range scales the mode's FLOPs
  // by (1e10 · 2e11) / 2e22 = 0.1 and (1e11 · 2.16e12) / 2e22 = 10.8.
  const range f = p.flops_range(1.2e23);
  CHECK(f.low == Approx(1.2e22));
  CHECK(f.mode == 1.2e23);
  CHECK(f.high == Approx(1.296e24));
  // Given tokens are kept as a point.
  s.tokens = 1e12;
  const plain_reading q = read_plain(s);
  CHECK_FALSE(q.tokens_from_rule);
  CHECK(*q.s.tokens == 1e12);
  CHECK(q.tokens.low == 1e12);
}

TEST_CASE("plain: the done-when scenario gives a range, with what drives it and the fact that narrows it") {
  // trainprint estimate --size large --duration weeks --hardware gpu --count 256 --energy fossil
  scenario s = typed(
      {{"size", "large"}, {"duration_h", "weeks"}, {"hardware", "gpu"}, {"count", "256"}, {"energy", "fossil"}});
  CHECK(wants_ranges(s));
  const estimate e = make_estimate(s, cat());  // no options: the Monte Carlo runs by itself
  REQUIRE(e.uncertainty);
  CHECK(e.context.accelerator_id == "nvidia-h100-sxm5-80gb");
  // fossil = half coal, half gas: 0.5 × 820 + 0.5 × 490 = 655 g/kWh (IPCC AR5 medians);
  // range 0.5 × 740 + 0.5 × 410 = 575 to 0.5 × 910 + 0.5 × 650 = 780.
  const auto* ci = find_dist(e, uncertain_input::intensity_g_per_kwh);
  REQUIRE(ci);
  CHECK(ci->dist.mode == Approx(655));
  CHECK(ci->dist.low == Approx(575));
  CHECK(ci->dist.high == Approx(780));
  // Duration: the weeks band in hours.
  const auto* d = find_dist(e, uncertain_input::duration_h);
  REQUIRE(d);
  CHECK(d->dist.low == 168);
  CHECK(d->dist.high == 720);
  // Accelerator-hours at the point: 347.793 h × 256 = 89035.0 h.
  const auto* ah = e.uncertainty->find("compute.accelerator_hours");
  REQUIRE(ah);
  CHECK(ah->central == Approx(347.7930419 * 256).epsilon(1e-9));
  CHECK(ah->p5 < ah->central);
  CHECK(ah->p95 > ah->central);
  const auto* total = e.uncertainty->find("emissions_kg_co2e.total");
  REQUIRE(total);
  CHECK(total->p5 < total->p50);
  CHECK(total->p50 < total->p95);
  // The duration now weighs most, just ahead of the part. The power follows the implied MFU:
  // 1.2e23 FLOP / (89,035 h × 3600 × 989.4e12) = 0.3784 at the point, against the fitted MFU at
  // 31.6B on H100 (n = 1.5): exp(−1.189942 − 0.706027 + 0.193469 × 1.5 + 0.273503 × 1.5 × 0.501217)
  // = exp(−1.400139) = 0.24656, so the fraction 0.180857 + 0.569143 × 0.3784 / 0.24656 = 1.054 is
  // capped at 1 (700 W). At the duration's p95 (618.6 h, 158,362 h) the implied MFU is
  // 0.3784 × 347.793 / 618.6 = 0.2128 and the fraction 0.180857 + 0.569143 × 0.2128 / 0.24656
  // = 0.672 (the fit before this one, 0.27307 at n = 1.5, gave 0.624), so the per-accelerator
  // power falls less than the hours grow: (158,362 × 0.672) / (89,035 × 1) = 1.195 of the point's
  // energy (host following the same fraction); at its p5 (238.4 h) the fraction stays capped:
  // 238.4 / 347.793 = 0.686. That swing, 0.51 of the point's emissions (about 60 t of 117 t),
  // now exceeds the power factor's (its p5, 0.400 of the typical fraction, to the 700 W cap);
  // `--explain` prints these swings.
  REQUIRE_FALSE(e.uncertainty->sensitivity.empty());
  CHECK(e.uncertainty->sensitivity.front().input == uncertain_input::duration_h);
  // Next comes the part (its power as power_fraction, its peak as precision_speedup, both "the
  // hardware" in the note).
  const auto& sens = e.uncertainty->sensitivity;
  REQUIRE(sens.size() > 1);
  CHECK((sens[1].input == uncertain_input::power_fraction || sens[1].input == uncertain_input::precision_speedup));
  CHECK(has_note_exactly(e, "the range comes mostly from the training duration (duration_h), then the hardware; the "
                        "single fact that would narrow it most: the run's wall-clock duration (`duration_h`, e.g. 3w)"));
}

TEST_CASE("plain: FLOPs from a size word on the flops path") {
  scenario s;
  s.size = "large";
  s.hardware = "h100";
  s.count = 256;
  s.mfu = 0.4;
  s.energy = "renewable";
  const estimate e = make_estimate(s, cat());
  // 6 × N × 20 N at N = √1e21: 6 × 2e22 = 1.2e23 FLOP. Accelerator-hours at the point:
  // 1.2e23 / (989.4e12 × 0.4) / 3600 = 84226.5 h.
  REQUIRE(e.find_trace("flops"));
  CHECK(e.find_trace("flops")->value == Approx(1.2e23).epsilon(1e-9));
  REQUIRE(e.uncertainty);
  const auto* ah = e.uncertainty->find("compute.accelerator_hours");
  REQUIRE(ah);
  CHECK(ah->central == Approx(1.2e23 / (989.4e12 * 0.4) / 3600).epsilon(1e-9));
  const auto* f = find_dist(e, uncertain_input::flops);
  REQUIRE(f);
  CHECK(f->dist.low == Approx(1.2e22));
  CHECK(f->dist.high == Approx(1.296e24));
  // renewable = half wind, half solar PV: 0.5 × 11 + 0.5 × 48 = 29.5 g/kWh; range
  // 0.5 × 7 + 0.5 × 18 = 12.5 to 0.5 × 56 + 0.5 × 180 = 118.
  const auto* ci = find_dist(e, uncertain_input::intensity_g_per_kwh);
  REQUIRE(ci);
  CHECK(ci->dist.mode == Approx(29.5));
  CHECK(ci->dist.low == Approx(12.5));
  CHECK(ci->dist.high == Approx(118));
  // The model's size and tokens carry the range: the flops swing is the largest.
  CHECK(e.uncertainty->sensitivity.front().input == uncertain_input::flops);
}

TEST_CASE("plain: with no place, words give the world average, labelled, with a wide range") {
  scenario s;
  s.size = "small";
  s.hardware = "gpu";
  const estimate e = make_estimate(s, cat());
  REQUIRE(e.uncertainty);
  CHECK(e.context.region_id == "WORLD");
  const auto* ci = find_dist(e, uncertain_input::intensity_g_per_kwh);
  REQUIRE(ci);
  // WORLD 473 g/kWh (OWID/Ember 2024), from 12.5 (wind and solar's IPCC minima) to 780
  // (coal and gas's IPCC maxima).
  CHECK(ci->dist.mode == 473);
  CHECK(ci->dist.low == Approx(12.5));
  CHECK(ci->dist.high == Approx(780));
  CHECK(has_note_starting(e, "no place given: the world-average grid (WORLD"));
  // Off-site water is known too: WORLD's mix is the sum of every country's generation by source
  // in CodeCarbon's global_energy_mix.json (coal 0.35453, gas 0.224924, oil 0.026896, nuclear
  // 0.091223, hydro 0.143102, wind 0.07811, solar 0.055192, biomass 0.022979, other 0.003044), and
  // EWIF = sum of share x Macknick et al. 2012 (Li et al. 2023 for other; hydro 0) L/kWh:
  // 0.35453*2.601 + 0.224924*0.776 + 0.026896*3.127 + 0.091223*2.544 + 0.055192*0.004
  // + 0.022979*2.093 + 0.003044*1.798 = 1.46663 L/kWh.
  REQUIRE(e.inputs.ewif_l_per_kwh);
  CHECK(*e.inputs.ewif_l_per_kwh == Approx(1.46663).epsilon(1e-4));
  CHECK(e.water_offsite);
  // energy=unknown says the same; with a region, the region's grid is used.
  scenario u = s;
  u.energy = "unknown";
  CHECK(make_estimate(u, cat()).context.region_id == "WORLD");
  u.region = "FR";
  const estimate fr = make_estimate(u, cat());
  CHECK(fr.context.region_id == "FR");
}

TEST_CASE("plain: an intensity with no place keeps the world mix's EWIF for off-site water, noted") {
  // An intensity says nothing of the generation mix, so the off-site water of a run with no
  // place is the world average's, as with no place at all: 1.46663 L/kWh (worked above).
  const estimate e = make_estimate(
      typed({{"params", "1B"}, {"tokens", "20B"}, {"hardware", "a100"}, {"count", "8"}, {"intensity", "300"}}), cat());
  REQUIRE(e.inputs.ewif_l_per_kwh);
  CHECK(*e.inputs.ewif_l_per_kwh == Approx(1.46663).epsilon(1e-4));
  REQUIRE(e.water_offsite);
  // Off-site water = facility energy × EWIF.
  CHECK(e.water_offsite->in_litres() == Approx(e.energy_facility.in_kwh() * 1.46663).epsilon(1e-4));
  CHECK(has_note_starting(e, "off-site water: no place given, so the world-average mix's EWIF (WORLD, 1.47 L/kWh)"));
  // The grid intensity stays the one given.
  CHECK(*e.inputs.intensity_g_per_kwh == 300);
  // With a place, the place's own water factor, and no such note.
  const estimate fr = make_estimate(typed({{"params", "1B"}, {"tokens", "20B"}, {"hardware", "a100"}, {"count", "8"},
                                           {"intensity", "300"}, {"region", "FR"}}), cat());
  CHECK_FALSE(has_note_starting(fr, "off-site water: no place given"));
}

TEST_CASE("plain: words and expert inputs mix: size with tokens, duration with params, a word and a number") {
  // 7B × 2T = 8.4e22 FLOP need 8.4e22 / (3600 × 989.4e12) = 23,583 H100-hours at peak: on
  // 512 that is 46.1 h, inside the days band (on 64, 368 h: every sample impossible, below).
  scenario s = typed({{"params", "7B"}, {"tokens", "2T"}, {"duration_h", "days"}, {"hardware", "h100"}, {"count", "512"},
                      {"region", "FR"}});
  // days: 24..168 h, mode √(24 · 168) = 63.498 h.
  REQUIRE(s.duration_h);
  CHECK(s.duration_h->count() == Approx(63.49803146).epsilon(1e-9));
  CHECK(s.ranges.at("duration_h") == range{24, std::sqrt(24.0 * 168.0), 168});
  const estimate e = make_estimate(s, cat());
  REQUIRE(e.uncertainty);
  REQUIRE(e.flops);
  CHECK(*e.flops == Approx(6 * 7e9 * 2e12));  // the workload is known beside the time
  // Samples under 46.1 h are impossible and left out: P = (46.07 − 24)² / ((168 − 24)(63.5 − 24))
  // = 487.1 / 5688 = 8.6% of 10000 (binomial sd 28).
  CHECK(e.uncertainty->impossible_samples == Approx(856).epsilon(0.15));
  scenario on64 = s;
  on64.count = 64;
  CHECK_THROWS_AS(make_estimate(on64, cat()), input_error);
}

TEST_CASE("plain: the scenario JSON reads and writes the words") {
  const scenario s = parse_scenario(
      R"({"size": "medium", "duration_h": "months", "hardware": "tpu", "count": 64, "energy": "mixed"})", "<test>");
  REQUIRE(s.size);
  CHECK(*s.size == "medium");
  CHECK(*s.energy == "mixed");
  // months: 720..4320 h, mode √(720 · 4320) = 1763.63 h.
  CHECK(s.ranges.at("duration_h").mode == Approx(1763.632615).epsilon(1e-9));
  const nlohmann::json j = s;
  CHECK(j.at("size") == "medium");
  CHECK(j.at("energy") == "mixed");
  CHECK(j.at("duration_h").at("high") == 4320);
  CHECK(parse_scenario(j.dump(), "<round trip>") == s);
}

TEST_CASE("plain: bad words get a clear error that says what would be right") {
  scenario s;
  s.size = "huge";
  s.hardware = "gpu";
  CHECK_THROWS_WITH_AS(validate(s),
                       "[trainprint.input] size: got 'huge', expected one of small, medium, large, very-large (or "
                       "give `params` and `tokens`)",
                       input_error);
  s.size = "large";
  s.params = 7e9;
  s.tokens = 1e12;
  CHECK_THROWS_WITH_AS(validate(s),
                       "[trainprint.input] size: got 'large' with `params`, expected `size` or `params`, not both "
                       "(`size` stands for `params`)",
                       input_error);
  scenario e;
  e.size = "small";
  e.hardware = "gpu";
  e.energy = "fossil";
  e.intensity = carbon_intensity::g_per_kwh(300);
  CHECK_THROWS_WITH_AS(validate(e),
                       "[trainprint.input] energy: got 'fossil' with `intensity`, expected `energy` or `intensity`, "
                       "not both (`energy` stands for a mix)",
                       input_error);
  // --region renewable and --mix fossil=1 point at --energy.
  scenario r;
  r.size = "small";
  r.hardware = "gpu";
  r.region = "renewable";
  CHECK_THROWS_WITH_AS(make_estimate(r, cat()),
                       "[trainprint.input] region: got 'renewable', expected a place (FR, US-CA, aws:us-east-1); for "
                       "electricity described in words give energy=renewable",
                       input_error);
  scenario m;
  m.size = "small";
  m.hardware = "gpu";
  m.mix = energy_mix{{{"fossil", 1.0}}};
  CHECK_THROWS_WITH_AS(make_estimate(m, cat()),
                       "[trainprint.input] mix.fossil: got 'fossil', expected an energy source such as coal, gas, "
                       "wind or solar; for electricity described in words give energy=fossil instead of `mix`",
                       input_error);
  // "mixed" and "unknown" are the catalog's own aliases of its "other" source: a mix takes them.
  m.mix = energy_mix{{{"mixed", 1.0}}};
  CHECK_NOTHROW(make_estimate(m, cat()));
}

TEST_CASE("plain: a hardware word ranges across its parts; the point estimate stays the central part's") {
  // trainprint estimate --params 70B --tokens 2T --hardware gpu --count 256 --region FR,
  // beside the same with --hardware nvidia-h100-sxm5-80gb (the central part) and ranges.
  scenario s = seventy_b_on_gpus();
  const estimate e = make_estimate(s, cat());
  scenario h = s;
  h.hardware = "nvidia-h100-sxm5-80gb";
  const estimate eh = make_estimate(h, cat(), uncertainty_options{});
  REQUIRE(e.uncertainty);
  REQUIRE(eh.uncertainty);
  CHECK(e.context.accelerator_id == "nvidia-h100-sxm5-80gb");
  // Peak: the set's dense bf16 peaks (data/hardware.json) run from the A100's 312 to the
  // GB200's 2,500 TFLOP/s around the H100's 989.4, so the speed factor on the H100's peak
  // runs 312 / 989.4 = 0.31534 to 2500 / 989.4 = 2.52678 (bf16 on the H100: 1, no range of its own).
  CHECK_FALSE(find_dist(eh, uncertain_input::precision_speedup));
  const auto* speed = find_dist(e, uncertain_input::precision_speedup);
  REQUIRE(speed);
  CHECK(speed->dist.low == Approx(312.0 / 989.4));
  CHECK(speed->dist.mode == 1);
  CHECK(speed->dist.high == Approx(2500.0 / 989.4));
  CHECK(speed->basis.starts_with("across the parts of hardware gpu (nvidia-a100-pcie-40gb, nvidia-a100-sxm4-40gb, "));
  // Power: every GPU of the set has the same typical power fraction, so the factor is the
  // TDP ratio, A100 PCIe 40 GB 250 W / 700 W = 0.35714 to GB200 1,200 W / 700 W = 1.71429,
  // on the H100's own power-fraction range.
  const auto* pf = find_dist(e, uncertain_input::power_fraction);
  const auto* pfh = find_dist(eh, uncertain_input::power_fraction);
  REQUIRE(pf);
  REQUIRE(pfh);
  CHECK(pf->dist.low == Approx(pfh->dist.low * 250.0 / 700.0));
  CHECK(pf->dist.mode == pfh->dist.mode);
  CHECK(pf->dist.high == Approx(pfh->dist.high * 1200.0 / 700.0));
  // Host: the A100 PCIe has no server profile, so its host is TDP × 4,600/5,600 =
  // 250 × 0.82143 = 205.36 W, below the H100 DGX's 575 W and its catalog range.
  const auto* host = find_dist(e, uncertain_input::host_max_w);
  const auto* hosth = find_dist(eh, uncertain_input::host_max_w);
  REQUIRE(host);
  REQUIRE(hosth);
  CHECK(hosth->dist.low > 250.0 * 4600.0 / 5600.0);
  CHECK(host->dist.low == Approx(250.0 * 4600.0 / 5600.0));
  CHECK(host->dist.mode == hosth->dist.mode);
  CHECK(host->dist.high >= hosth->dist.high);
  CHECK(host->basis.starts_with("across the parts of hardware gpu"));
  // The point estimate is the H100's, to the bit; its interval is wider.
  const auto* total = e.uncertainty->find("emissions_kg_co2e.total");
  const auto* totalh = eh.uncertainty->find("emissions_kg_co2e.total");
  REQUIRE(total);
  REQUIRE(totalh);
  CHECK(total->central == totalh->central);
  CHECK(total->p95 / total->p5 > totalh->p95 / totalh->p5);
  // One note for the word: the part that stands for it, then the parts of the range.
  const std::string parts = "; catalog parts in the range: nvidia-a100-pcie-40gb, nvidia-a100-sxm4-40gb, "
                            "nvidia-a100-sxm4-80gb, nvidia-h100-sxm5-80gb, nvidia-h800-sxm5-80gb, "
                            "nvidia-h200-sxm-141gb, nvidia-gb200-per-gpu";
  int hardware_notes = 0;
  for (const auto& n : e.notes)
    if (n.starts_with("hardware gpu: ")) {
      ++hardware_notes;
      CHECK(n.starts_with("hardware gpu: a typical current data-centre GPU: the H100 SXM5"));
      CHECK(n.ends_with(parts));
    }
  CHECK(hardware_notes == 1);
}

TEST_CASE("plain: a part that cannot run the scenario is left out of the range, with a note") {
  // fp8: the A100s have no fp8 peak (data/hardware.json), so they are left out; the rest
  // of the set (H100, H800, H200: 989.4; GB200: 2,500 TFLOP/s bf16) remains.
  scenario s = typed(
      {{"params", "7B"}, {"tokens", "2T"}, {"hardware", "gpu"}, {"count", "64"}, {"region", "FR"}, {"precision", "fp8"}});
  const estimate e = make_estimate(s, cat());
  REQUIRE(e.uncertainty);
  const auto* speed = find_dist(e, uncertain_input::precision_speedup);
  REQUIRE(speed);
  // fp8's own range (defaults::fp8_speedup) times 1 (the lowest peak is the H100's) and 2500 / 989.4.
  CHECK(speed->dist.low == Approx(defaults::fp8_speedup.low));
  CHECK(speed->dist.high == Approx(defaults::fp8_speedup.high * 2500.0 / 989.4));
  bool left_out = false;
  for (const auto& n : e.notes)
    left_out = left_out || (n.starts_with("hardware gpu: ") &&
                            n.find("; left out of the range: nvidia-a100-pcie-40gb (") != std::string::npos &&
                            n.find("precision") != std::string::npos);
  CHECK(left_out);
}

TEST_CASE("plain: when the part drives the range, the sentence says the hardware") {
  // The workload, the place and the MFU are given (FR's grid, MFU 0.4), so what is not
  // known is the part: on the flops path the speed factor (0.315–1–2.527) sets the
  // accelerator-hours, a ×8 spread that nothing else given here comes near.
  scenario s = seventy_b_on_gpus();
  set_input(s, "mfu", "0.4");
  const estimate e = make_estimate(s, cat());
  REQUIRE(e.uncertainty);
  REQUIRE_FALSE(e.uncertainty->sensitivity.empty());
  CHECK(e.uncertainty->sensitivity.front().input == uncertain_input::precision_speedup);
  const std::string why = range_summary(*e.uncertainty);
  CHECK(why.starts_with("the range comes mostly from the hardware (which accelerator: its peak FLOP/s, drawn as "
                        "precision_speedup), then "));
  CHECK(why.ends_with("; the single fact that would narrow it most: which accelerator the run used (`hardware`, e.g. "
                      "h100, a100-sxm4-80gb or tpu-v4)"));
  CHECK(why.find("then the hardware") == std::string::npos);  // "then" names another fact
}

TEST_CASE("plain: any scenario with no place gets the world average, labelled, with its source in the trace") {
  // An expert scenario: --params 7B --tokens 2T --hardware h100 --count 8, no place.
  scenario s;
  s.params = 7e9;
  s.tokens = 2e12;
  s.hardware = "h100";
  s.count = 8;
  const estimate e = make_estimate(s, cat());
  CHECK_FALSE(e.uncertainty);  // no word, no range: a point estimate
  CHECK(e.context.region_id == "WORLD");
  REQUIRE(e.total);  // not unknown
  const auto* ci = e.find_trace("intensity_g_per_kwh");
  REQUIRE(ci);
  CHECK(ci->value == 473);  // OWID/Ember 2024 world average (data/regions.json WORLD)
  CHECK(ci->source.find("Ember") != std::string::npos);
  CHECK(has_note_starting(e, "no place given: the world-average grid (WORLD, 473 g CO2e/kWh)"));
  // A place of any kind replaces it: a region, an intensity, a mix.
  scenario r = s;
  r.intensity = carbon_intensity::g_per_kwh(300);
  CHECK(make_estimate(r, cat()).context.region_id.empty());
  r = s;
  r.mix = energy_mix{{{"wind", 1.0}}};
  CHECK(make_estimate(r, cat()).context.region_id.empty());
}
