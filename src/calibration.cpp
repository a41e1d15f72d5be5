// The fitted MFU model (include/trainprint/calibration.hpp, docs/methodology.md §4)
// and the preset extras it and validation read.

#include "trainprint/calibration.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>

#include "embedded_data.hpp"
#include "preset_extras.hpp"
#include "stats.hpp"
#include "trainprint/defaults.hpp"
#include "trainprint/error.hpp"
#include "trainprint/json.hpp"

namespace trainprint::inline v0 {

using json = nlohmann::json;

// --- preset extras -----------------------------------------------------------

namespace detail {
namespace {

power_basis parse_basis(const std::string& s) {
  if (s == "tdp") return power_basis::tdp;
  if (s == "measured_system") return power_basis::measured_system;
  if (s == "measured_accelerators") return power_basis::measured_accelerators;
  throw data_error("presets.json", "/reported/power_basis",
                   "unknown power_basis '" + s + "' (expected tdp, measured_system or measured_accelerators)");
}

const std::map<std::string, preset_extras, std::less<>>& embedded_extras() {
  static const auto table = [] {
    std::map<std::string, preset_extras, std::less<>> m;
    for (const auto& t : embedded_tables()) {
      if (std::string_view(t.name) != "presets.json") continue;
      const json doc = json::parse(t.text);
      for (const auto& p : doc.at("presets")) {
        preset_extras x;
        if (p.contains("predict")) x.predict = p.at("predict").get<scenario>();
        const auto& r = p.at("reported");
        if (r.contains("power_basis")) x.basis = parse_basis(r.at("power_basis").get<std::string>());
        if (r.contains("reproducible")) x.reproducible = r.at("reproducible").get<bool>();
        if (r.contains("accelerator_hours")) x.reported_accelerator_hours = r.at("accelerator_hours").get<double>();
        x.organisation = p.value("organisation", std::string{});
        x.kind = p.value("kind", std::string("pretrain"));
        if (p.contains("calibration")) {
          x.calibration_use = p.at("calibration").at("use").get<bool>();
          x.calibration_why_not = p.at("calibration").value("why_not", std::string{});
        }
        m.emplace(p.at("id").get<std::string>(), std::move(x));
      }
    }
    return m;
  }();
  return table;
}

}  // namespace

const preset_extras* extras_of(std::string_view id) {
  const auto& m = embedded_extras();
  auto it = m.find(id);
  return it == m.end() ? nullptr : &it->second;
}

}  // namespace detail

// --- the model -------------------------------------------------------------------

namespace {

constexpr double reference_a100 = 312e12;  // A100 dense bf16, the origin of p
constexpr int lad_rounds = 200;           // IRLS rounds of the least-absolute-deviations fit
constexpr double lad_floor = 1e-4;         // smallest |residual| an IRLS weight divides by

/// log10(active parameters / 1e9); `unknown` (the fitted runs' mean) where the size is not given.
double size_term(const mfu_features& f, double unknown) {
  return f.active_params ? std::log10(*f.active_params / 1e9) : unknown;
}

std::array<double, mfu_model::terms> features_of(const mfu_features& f, double n_unknown) {
  // Chips slower than an A100 (V100, TPU v2/v3) are taken at an A100's p = 0: the fall of
  // MFU with the chip's peak is a fast chip outrunning memory and communication, which does
  // not turn into a gain below the origin (docs/methodology.md §4.1).
  const double p = std::max(0.0, std::log10(f.reference_peak_flop_per_s / reference_a100));
  const double n = size_term(f, n_unknown);
  const double moe = f.active_params && f.total_params && *f.total_params > *f.active_params
                         ? std::log(*f.total_params / *f.active_params)
                         : 0.0;
  return {1.0, p, n, n * p, moe};
}

/// Solves A x = b (A symmetric positive definite, small) by Gaussian elimination with pivoting.
std::array<double, mfu_model::terms> solve(std::array<std::array<double, mfu_model::terms>, mfu_model::terms> a,
                                           std::array<double, mfu_model::terms> b) {
  constexpr std::size_t n = mfu_model::terms;
  for (std::size_t c = 0; c < n; ++c) {
    std::size_t piv = c;
    for (std::size_t r = c + 1; r < n; ++r)
      if (std::abs(a[r][c]) > std::abs(a[piv][c])) piv = r;
    std::swap(a[c], a[piv]);
    std::swap(b[c], b[piv]);
    for (std::size_t r = 0; r < n; ++r) {
      if (r == c) continue;
      const double f = a[r][c] / a[c][c];
      for (std::size_t k = c; k < n; ++k) a[r][k] -= f * a[c][k];
      b[r] -= f * b[c];
    }
  }
  std::array<double, n> x{};
  for (std::size_t i = 0; i < n; ++i) x[i] = b[i] / a[i][i];
  return x;
}


/// The triangular distribution with 5th, 50th and 95th percentiles q5, q50, q95 where one
/// exists (nested bisection: the mode sets the median, low the 5th, high the 95th).
triangular bisected_triangular(double q5, double q50, double q95) {
  auto solve_mode = [&](double a, double b) {
    double lo = a, hi = b;
    for (int i = 0; i < 100; ++i) {
      const double c = (lo + hi) / 2;
      (triangular{a, c, b}.quantile(0.5) < q50 ? lo : hi) = c;
    }
    return (lo + hi) / 2;
  };
  double a = q5 - (q50 - q5), b = q95 + (q95 - q50);
  for (int round = 0; round < 60; ++round) {
    double lo = q5 - 10 * (q50 - q5) - 1e-9, hi = q5;
    for (int i = 0; i < 100; ++i) {
      const double x = (lo + hi) / 2;
      (triangular{x, solve_mode(x, b), b}.quantile(0.05) < q5 ? lo : hi) = x;
    }
    a = std::max(1e-9, (lo + hi) / 2);
    lo = q95;
    hi = q95 + 10 * (q95 - q50) + 1e-9;
    for (int i = 0; i < 100; ++i) {
      const double x = (lo + hi) / 2;
      (triangular{a, solve_mode(a, x), x}.quantile(0.95) < q95 ? lo : hi) = x;
    }
    b = (lo + hi) / 2;
  }
  return {a, solve_mode(a, b), b};
}

/// The triangular distribution whose 5th, 50th and 95th percentiles come closest to
/// q5, q50, q95 (all > 0): least squares on the logarithms of the three (the median
/// weighted 4×), by a pattern search from the bisection's answer. Exact where a triangular
/// can match the three; the nearest compromise where it cannot (a tail heavier than a
/// triangle's).
triangular matched_triangular(double q5, double q50, double q95) {
  auto loss = [&](const triangular& t) {
    if (!(t.low > 0 && t.low <= t.mode && t.mode <= t.high)) return 1e300;
    const double e5 = std::log(t.quantile(0.05) / q5), e50 = std::log(t.quantile(0.5) / q50),
                 e95 = std::log(t.quantile(0.95) / q95);
    return e5 * e5 + 4 * e50 * e50 + e95 * e95;
  };
  triangular best = bisected_triangular(q5, q50, q95);
  double f = loss(best);
  for (double step = 0.25 * (q95 - q5); step > 1e-12 * q50; step /= 2) {
    for (bool moved = true; moved;) {
      moved = false;
      for (double triangular::*field : {&triangular::low, &triangular::mode, &triangular::high})
        for (const double d : {step, -step}) {
          triangular t = best;
          t.*field += d;
          if (const double g = loss(t); g < f) {
            best = t;
            f = g;
            moved = true;
          }
        }
    }
  }
  return best;
}

}  // namespace

std::optional<double> reference_peak_flop_per_s(const accelerator& a) {
  for (const auto p : {precision::bf16, precision::fp16, precision::fp32})
    if (const auto t = a.peak_tflops(p)) return *t * 1e12;
  return std::nullopt;
}

double predict_mfu(const mfu_model& m, const mfu_features& f) {
  const auto x = features_of(f, m.n_unknown);
  double y = 0;
  for (std::size_t i = 0; i < mfu_model::terms; ++i) y += m.coef[i] * x[i];
  return std::min(1.0, std::exp(y));
}

std::vector<calibration_run> calibration_runs(const catalog& cat) {
  std::vector<calibration_run> out;
  for (const preset& p : cat.presets()) {
    const auto* x = detail::extras_of(p.id);
    if (!x || !x->predict || !(x->predict->flops || x->predict->tokens)) continue;
    if (!p.scenario.gpu_hours && !(p.scenario.duration_h && p.scenario.count)) continue;
    const scenario& pv = *x->predict;
    const accelerator& acc = cat.find_accelerator(*pv.hardware);
    const auto peak = reference_peak_flop_per_s(acc);
    double run_hours = p.scenario.gpu_hours.value_or(0);
    if (p.scenario.duration_h && p.scenario.count) run_hours = p.scenario.duration_h->count() * static_cast<double>(*p.scenario.count);
    if (!peak || run_hours <= 0) throw data_error("presets.json", "/" + p.id, "a calibration run needs accelerator-hours and a peak");
    calibration_run r{p.id, x->organisation, {*peak, std::nullopt, std::nullopt}, 0, x->calibration_use, std::nullopt};
    if (const auto c = p.scenario.count ? p.scenario.count : pv.count) r.count = static_cast<double>(*c);
    double flops = pv.flops.value_or(0);
    if (pv.params && pv.tokens) {
      r.features.total_params = *pv.params;
      r.features.active_params = pv.active_params.value_or(*pv.params);
      flops = defaults::flops_per_param_token.value * *r.features.active_params * *pv.tokens;
    }
    const double speedup = pv.precision == precision::fp8 ? defaults::fp8_speedup.value : 1.0;
    r.mfu = flops / (run_hours * 3600.0 * *peak * speedup);
    out.push_back(std::move(r));
  }
  return out;
}

mfu_model fit_mfu_coefficients(std::span<const calibration_run> runs) {
  std::map<std::string, int> per_org;
  int n = 0;
  for (const auto& r : runs)
    if (r.in_fit) ++per_org[r.organisation], ++n;
  if (n < 8 || per_org.size() < 3)
    throw input_error("calibration", fmt::format("{} runs from {} organisations", n, per_org.size()),
                      "at least 8 runs from 3 organisations");
  mfu_model m;
  m.ridge = defaults::mfu_fit_ridge;
  // A model of unknown size (FLOPs only) is taken at the fitted runs' mean log size.
  double n_sum = 0;
  int n_known = 0;
  for (const auto& r : runs)
    if (r.in_fit && r.features.active_params) n_sum += size_term(r.features, 0), ++n_known;
  m.n_unknown = n_known > 0 ? n_sum / n_known : 0.0;
  // Least absolute deviations in ln MFU (median regression: the judged error is the median
  // |error|, and the fit is the prediction's median) with a ridge penalty on all but the
  // intercept, by iteratively reweighted least squares from the least-squares start:
  // weights 1 / max(|residual|, 1e-4), a fixed 200 rounds (scripts/data/mfu_forms.py does the same).
  std::vector<std::array<double, mfu_model::terms>> xs;
  std::vector<double> ys;
  for (const auto& r : runs) {
    if (!r.in_fit) continue;
    xs.push_back(features_of(r.features, m.n_unknown));
    ys.push_back(std::log(r.mfu));
  }
  std::vector<double> w(xs.size(), 1.0);  // every run counts once
  for (int round = 0; round < lad_rounds; ++round) {
    std::array<std::array<double, mfu_model::terms>, mfu_model::terms> a{};
    std::array<double, mfu_model::terms> b{};
    for (std::size_t k = 0; k < xs.size(); ++k)
      for (std::size_t i = 0; i < mfu_model::terms; ++i) {
        for (std::size_t j = 0; j < mfu_model::terms; ++j) a[i][j] += w[k] * xs[k][i] * xs[k][j];
        b[i] += w[k] * xs[k][i] * ys[k];
      }
    for (std::size_t i = 1; i < mfu_model::terms; ++i) a[i][i] += m.ridge;
    m.coef = solve(a, b);
    for (std::size_t k = 0; k < xs.size(); ++k) {
      double fit = 0;
      for (std::size_t i = 0; i < mfu_model::terms; ++i) fit += m.coef[i] * xs[k][i];
      w[k] = 1.0 / std::max(std::abs(ys[k] - fit), lad_floor);
    }
  }
  m.runs = n;
  m.organisations = static_cast<int>(per_org.size());
  // The fitted runs' extremes (the first run in catalog order on a tie).
  for (const auto& r : runs) {
    if (!r.in_fit) continue;
    if (const auto& a = r.features.active_params) {
      if (m.domain.active_min_run.empty() || *a < m.domain.active_min) m.domain.active_min = *a, m.domain.active_min_run = r.id;
      if (m.domain.active_max_run.empty() || *a > m.domain.active_max) m.domain.active_max = *a, m.domain.active_max_run = r.id;
    }
    if (r.count && *r.count > m.domain.count_max) m.domain.count_max = *r.count, m.domain.count_max_run = r.id;
  }
  return m;
}

mfu_model fit_mfu_model(std::span<const calibration_run> runs) {
  mfu_model m = fit_mfu_coefficients(runs);
  std::vector<std::string> orgs;
  for (const auto& r : runs)
    if (std::find(orgs.begin(), orgs.end(), r.organisation) == orgs.end()) orgs.push_back(r.organisation);
  std::vector<double> residuals;
  for (const auto& org : orgs) {
    std::vector<calibration_run> train;
    for (const auto& r : runs)
      if (r.organisation != org && r.in_fit) train.push_back(r);
    const mfu_model held = fit_mfu_coefficients(train);
    for (const auto& r : runs)
      if (r.organisation == org) residuals.push_back(std::log(r.mfu / predict_mfu(held, r.features)));
  }
  std::sort(residuals.begin(), residuals.end());
  // The 90% bounds are the split-conformal order statistics (Vovk et al. 2005; Lei et al.
  // 2018, "Distribution-free predictive inference for regression", sec. 2.2): the
  // ⌊(n+1)·0.05⌋-th and ⌈(n+1)·0.95⌉-th of n held-out residuals, so that a new run
  // exchangeable with them falls inside with probability at least 90% (n ≥ 39).
  const auto n = static_cast<double>(residuals.size());
  const auto lo = static_cast<std::size_t>(std::max(1.0, std::floor((n + 1) * 0.05)));
  const auto hi = static_cast<std::size_t>(std::min(n, std::ceil((n + 1) * 0.95)));
  m.residual_p5 = residuals[lo - 1];
  m.residual_p50 = detail::quantile_sorted(residuals, 0.50);
  m.residual_p95 = residuals[hi - 1];
  // The least-absolute-deviations fit of ln MFU is the median of the prediction; the held-out median
  // residual is reported, not applied (it moves by ±0.1 as organisations are left out).
  m.factor = matched_triangular(std::exp(m.residual_p5), 1.0, std::exp(m.residual_p95));
  m.held_out_runs = static_cast<int>(residuals.size());
  m.source = fmt::format(
      "trainprint fit of whole-run MFU on {} published runs from {} organisations (data/presets.json, "
      "calibration.use); interval from the leave-one-organisation-out residuals of {} runs as split-conformal "
      "bounds (Lei et al. 2018, Distribution-free predictive inference for regression); data/calibration.json, "
      "https://arxiv.org/abs/1604.04173",
      m.runs, m.organisations, m.held_out_runs);
  return m;
}

std::string calibration_json(const mfu_model& m, std::span<const calibration_run> runs) {
  json j;
  j["meta"] = {{"table", "calibration"},
               {"generator", "trainprint validate --calibration (src/calibration.cpp)"},
               {"formula", "ln MFU = c0 + c1*p + c2*n + c3*n*p + c4*ln(total/active); p = max(0, log10(peak/312e12)), "
                           "n = log10(active/1e9), n = n_unknown (the fitted runs' mean) if the size is unknown; "
                           "least absolute deviations with a ridge penalty (IRLS)"}};
  j["mfu"] = {{"coefficients", m.coef},
              {"n_unknown", m.n_unknown},
              {"ridge", m.ridge},
              {"residual_ln", {{"p5", m.residual_p5}, {"p50", m.residual_p50}, {"p95", m.residual_p95}}},
              {"factor", {{"low", m.factor.low}, {"mode", m.factor.mode}, {"high", m.factor.high}}},
              {"runs", m.runs},
              {"organisations", m.organisations},
              {"held_out_runs", m.held_out_runs},
              {"domain",
               {{"active_params", {{"min", m.domain.active_min}, {"min_run", m.domain.active_min_run},
                                   {"max", m.domain.active_max}, {"max_run", m.domain.active_max_run}}},
                {"count", {{"max", m.domain.count_max}, {"max_run", m.domain.count_max_run}}}}},
              {"source", m.source}};
  if (const auto& c = m.choice_held_out)
    j["mfu"]["form_choice_held_out"] = {{"energy_mae", c->energy_mae}, {"energy_p90", c->energy_p90},
                                        {"energy_n", c->energy_n},     {"candidates", c->candidates},
                                        {"date", c->date},             {"command", c->command},
                                        {"coefficients", c->coefficients}, {"source", c->source}};
  json list = json::array();
  for (const auto& r : runs)
    list.push_back({{"id", r.id}, {"organisation", r.organisation}, {"mfu", r.mfu}, {"in_fit", r.in_fit}});
  j["mfu"]["published_runs"] = list;
  return j.dump(2) + "\n";
}

const mfu_model& fitted_mfu_model() {
  static const mfu_model model = [] {
    for (const auto& t : detail::embedded_tables()) {
      if (std::string_view(t.name) != "calibration.json") continue;
      const json j = json::parse(t.text).at("mfu");
      mfu_model m;
      const auto c = j.at("coefficients").get<std::vector<double>>();
      if (c.size() != mfu_model::terms) throw data_error("calibration.json", "/mfu/coefficients", "5 numbers");
      std::copy(c.begin(), c.end(), m.coef.begin());
      m.n_unknown = j.at("n_unknown").get<double>();
      m.ridge = j.at("ridge").get<double>();
      m.residual_p5 = j.at("residual_ln").at("p5").get<double>();
      m.residual_p50 = j.at("residual_ln").at("p50").get<double>();
      m.residual_p95 = j.at("residual_ln").at("p95").get<double>();
      m.factor = {j.at("factor").at("low").get<double>(), j.at("factor").at("mode").get<double>(),
                  j.at("factor").at("high").get<double>()};
      m.runs = j.at("runs").get<int>();
      m.organisations = j.at("organisations").get<int>();
      m.held_out_runs = j.at("held_out_runs").get<int>();
      const json& d = j.at("domain");
      m.domain = {d.at("active_params").at("min").get<double>(), d.at("active_params").at("max").get<double>(),
                  d.at("count").at("max").get<double>(), d.at("active_params").at("min_run").get<std::string>(),
                  d.at("active_params").at("max_run").get<std::string>(),
                  d.at("count").at("max_run").get<std::string>()};
      m.source = j.at("source").get<std::string>();
      if (j.contains("form_choice_held_out")) {  // written by scripts/data/mfu_forms.py --nested --write
        const json& ch = j.at("form_choice_held_out");
        const auto cc = ch.at("coefficients").get<std::vector<double>>();
        if (cc.size() != mfu_model::terms)
          throw data_error("calibration.json", "/mfu/form_choice_held_out/coefficients", "5 numbers");
        mfu_choice_held_out h{ch.at("energy_mae").get<double>(), ch.at("energy_p90").get<double>(),
                              ch.at("energy_n").get<int>(),      ch.at("candidates").get<int>(),
                              ch.at("date").get<std::string>(),  ch.at("command").get<std::string>(),
                              {},                               ch.at("source").get<std::string>()};
        std::copy(cc.begin(), cc.end(), h.coefficients.begin());
        m.choice_held_out = std::move(h);
      }
      return m;
    }
    throw data_error("calibration.json", "", "the embedded catalog has no calibration table");
  }();
  return model;
}

}  // namespace trainprint::inline v0
