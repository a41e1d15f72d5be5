// Uncertainty and sensitivity (see include/trainprint/uncertainty.hpp and
// docs/uncertainty.md). Compiled with -ffp-contract=off (CMakeLists.txt) so no
// multiply-add is fused on any platform: the same seed gives the same numbers.

#include "trainprint/uncertainty.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include "bit_cast.hpp"
#include <cmath>
#include <cstdlib>
#include <memory>
#include <new>
#include <thread>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
// The wide path: each Monte Carlo block four samples an operation with AVX2, chosen at
// run time where the CPU has it (GCC on x86-64; elsewhere the portable path alone).
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
#define TRAINPRINT_WIDE_MONTE_CARLO 1
#include <immintrin.h>
#else
#define TRAINPRINT_WIDE_MONTE_CARLO 0
#endif
#if defined(__GNUC__)
#define TRAINPRINT_BLOCK_INLINE [[gnu::always_inline]] inline
#else
#define TRAINPRINT_BLOCK_INLINE inline
#endif

#include "trainprint/catalog.hpp"
#include "trainprint/defaults.hpp"
#include "trainprint/error.hpp"
#include "trainprint/estimator.hpp"
#include "trainprint/calibration.hpp"
#include "estimator_internal.hpp"
#include "sample_block.hpp"

namespace trainprint::inline v0 {

std::string_view to_string(uncertain_input i) {
  static constexpr std::array<std::string_view, uncertain_input_count> names{
      "accelerator_hours", "duration_h",       "mfu",   "precision_speedup",
      "power_fraction",    "accelerator_power_w", "host_max_power_w",
      "host_power_w",      "pue",              "wue_l_per_kwh",
      "intensity_g_per_kwh", "cfe", "ewif_l_per_kwh",
      "embodied_accelerator_kg", "embodied_host_kg", "lifetime_years",
      "price_usd_per_kwh", "hourly_price_usd", "flops"};
  return names[static_cast<std::size_t>(i)];
}

double triangular::quantile(double p) const noexcept {
  if (low == high) return low;
  const double w = high - low;
  const double fc = (mode - low) / w;
  if (p < fc) return low + std::sqrt(p * w * (mode - low));
  return high - std::sqrt((1.0 - p) * w * (high - mode));
}

void validate(const uncertainty_options& o) {
  if (o.samples < min_uncertainty_samples || o.samples > 1'000'000'000)
    throw input_error("samples", std::to_string(o.samples),
                      fmt::format("{} <= samples <= 1e+09 (the 5th and 95th percentiles need at least {})",
                                  min_uncertainty_samples, min_uncertainty_samples));
  if (o.threads < 1 || o.threads > 256)
    throw input_error("threads", std::to_string(o.threads), "1 <= threads <= 256");
}

std::vector<input_distribution> input_distributions(const resolved_scenario& r) { return r.distributions; }

// --- Monte Carlo ----------------------------------------------------------

namespace {

constexpr std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

/// splitmix64 (Steele, Lea, Flood 2014): seeds the block streams.
constexpr std::uint64_t splitmix64(std::uint64_t& x) {
  std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

/// xoshiro256** 1.0 (Blackman and Vigna 2018).
struct xoshiro256ss {
  std::uint64_t s[4];
  /// The stream of block `block` for `seed`.
  xoshiro256ss(std::uint64_t seed, std::uint64_t block) {
    std::uint64_t x = seed;
    std::uint64_t k = splitmix64(x) ^ (0xd1b54a32d192ed03ULL * (block + 1));
    for (auto& w : s) w = splitmix64(k);
  }
  std::uint64_t next() {
    const std::uint64_t result = rotl(s[1] * 5, 7) * 9;
    const std::uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
  }
  /// Uniform on (0, 1): the top 53 bits, centred in their interval.
  double uniform() { return (static_cast<double>(next() >> 11) + 0.5) * 0x1.0p-53; }
};

using detail::block;
using detail::model_results;
using detail::model_shape;
using detail::model_slots;

/// One sampled input: inverse-CDF constants of its triangular distribution.
struct sampler {
  std::size_t index;  // into the distributions
  double a, b, c, fc, k1, k2;
  explicit sampler(std::size_t i, const triangular& t)
      : index(i), a(t.low), b(t.high), c(t.mode), fc((t.mode - t.low) / (t.high - t.low)),
        k1((t.high - t.low) * (t.mode - t.low)), k2((t.high - t.low) * (t.high - t.mode)) {}
  /// The inverse CDF at u, without a branch (u < fc picks the left side by a bit mask).
  [[nodiscard]] double draw(double u) const {
    const std::uint64_t left = 0 - static_cast<std::uint64_t>(u < fc);
    const double s = std::sqrt(pick(left, u * k1, (1.0 - u) * k2));
    return pick(left, a + s, b - s);
  }
  static double pick(std::uint64_t mask, double x, double y) {
    return detail::bit_cast<double>((detail::bit_cast<std::uint64_t>(x) & mask) | (detail::bit_cast<std::uint64_t>(y) & ~mask));
  }
  /// x[i] = draw(u[i]) for a block, the u drawn from `rng` two per number (the
  /// high half first): (r + 0.5) · 2^-32 for each 32-bit half r. Drawing and
  /// transforming in one pass lets the integer work of the generator overlap the
  /// square roots. Two at a time with SSE2, by the same IEEE operations: r + 0.5
  /// is formed exactly as (2^52 + r) − (2^52 − 0.5) from the bits of 2^52 + r.
  void fill(xoshiro256ss& stream, double* x) const {
    // A local copy, so that the generator's state stays in registers through the loop
    // (through the reference, the compiler stored it back on every draw: bench/RESULTS.md).
    xoshiro256ss rng = stream;
#if defined(__SSE2__)
    const __m128d vfc = _mm_set1_pd(fc), vk1 = _mm_set1_pd(k1), vk2 = _mm_set1_pd(k2), va = _mm_set1_pd(a),
                  vb = _mm_set1_pd(b), one = _mm_set1_pd(1.0);
    const __m128i two52_high = _mm_set1_epi32(0x43300000);
    const __m128d two52_less_half = _mm_set1_pd(0x1.0p52 - 0.5), scale = _mm_set1_pd(0x1.0p-32);
    auto two = [&](double* out) {
      const __m128i r = _mm_cvtsi64_si128(static_cast<long long>(rng.next()));
      // dword 0 ← the high half, dword 2 ← the low half; the exponent of 2^52 above each
      const __m128i halves = _mm_unpacklo_epi32(_mm_shuffle_epi32(r, _MM_SHUFFLE(0, 0, 0, 1)), two52_high);
      const __m128d vu = _mm_mul_pd(_mm_sub_pd(_mm_castsi128_pd(halves), two52_less_half), scale);
      const __m128d left = _mm_cmplt_pd(vu, vfc);
      const __m128d t = _mm_or_pd(_mm_and_pd(left, _mm_mul_pd(vu, vk1)),
                                  _mm_andnot_pd(left, _mm_mul_pd(_mm_sub_pd(one, vu), vk2)));
      const __m128d sq = _mm_sqrt_pd(t);
      _mm_store_pd(out, _mm_or_pd(_mm_and_pd(left, _mm_add_pd(va, sq)), _mm_andnot_pd(left, _mm_sub_pd(vb, sq))));
    };
    static_assert(uncertainty_block % 4 == 0);
    for (std::size_t i = 0; i < uncertainty_block; i += 4) {  // two draws a turn: half the loop's own work
      two(x + i);
      two(x + i + 2);
    }
#else
    for (std::size_t i = 0; i < uncertainty_block; i += 2) {
      const std::uint64_t r = rng.next();
      x[i] = draw((static_cast<double>(r >> 32) + 0.5) * 0x1.0p-32);
      x[i + 1] = draw((static_cast<double>(r & 0xffffffffULL) + 0.5) * 0x1.0p-32);
    }
#endif
    stream = rng;
  }
#if TRAINPRINT_WIDE_MONTE_CARLO
  /// fill() four samples an operation with AVX2: the same draws in the same order, by
  /// the same IEEE operations.
  [[gnu::target("avx2")]] void fill_wide(xoshiro256ss& stream, double* x) const {
    xoshiro256ss rng = stream;
    const __m256d vfc = _mm256_set1_pd(fc), vk1 = _mm256_set1_pd(k1), vk2 = _mm256_set1_pd(k2),
                  va = _mm256_set1_pd(a), vb = _mm256_set1_pd(b), one = _mm256_set1_pd(1.0);
    const __m256d two52_less_half = _mm256_set1_pd(0x1.0p52 - 0.5), scale = _mm256_set1_pd(0x1.0p-32);
    constexpr std::uint64_t two52 = 0x4330000000000000ULL;  // the bits of 2^52
    static_assert(uncertainty_block % 4 == 0);
    for (std::size_t i = 0; i < uncertainty_block; i += 4) {
      const std::uint64_t r0 = rng.next(), r1 = rng.next();
      // lanes: high and low half of r0, then of r1, each as the bits of 2^52 + half
      const __m256i halves = _mm256_set_epi64x(static_cast<long long>(two52 | (r1 & 0xffffffffULL)),
                                               static_cast<long long>(two52 | (r1 >> 32)),
                                               static_cast<long long>(two52 | (r0 & 0xffffffffULL)),
                                               static_cast<long long>(two52 | (r0 >> 32)));
      const __m256d vu = _mm256_mul_pd(_mm256_sub_pd(_mm256_castsi256_pd(halves), two52_less_half), scale);
      const __m256d left = _mm256_cmp_pd(vu, vfc, _CMP_LT_OQ);
      const __m256d t = _mm256_blendv_pd(_mm256_mul_pd(_mm256_sub_pd(one, vu), vk2), _mm256_mul_pd(vu, vk1), left);
      const __m256d sq = _mm256_sqrt_pd(t);
      _mm256_store_pd(x + i, _mm256_blendv_pd(_mm256_sub_pd(vb, sq), _mm256_add_pd(va, sq), left));
    }
    stream = rng;
  }
#endif
};

/// The formula at one point: every input at the plain estimate's value, some set to
/// other values (the sensitivity pass and the outputs' bounds).
struct point {
  const model_shape& shape;
  model_slots<double> modes, at;
  point(const model_shape& sh, const model_slots<double>& central) : shape(sh), modes(central), at(central) {}
  void reset() { at = modes; }
  void set(uncertain_input i, double v) { at[detail::slot(i)] = v; }
  [[nodiscard]] model_results<double> run() const {
    model_results<double> r;
    detail::compute(shape, at, r);
    return r;
  }
};

/// A histogram of one output between hard bounds (see uncertainty_histogram_bins).
struct binning {
  bool fixed = false, linear = false;
  double low = 0, high = 0, scale = 0;  // linear
  std::int64_t base = 0;                // pseudo-log: bit pattern of `low`
  int shift = 0;
  [[nodiscard]] std::size_t bin(double v) const {
    constexpr auto top = static_cast<std::int64_t>(uncertainty_histogram_bins - 1);
    std::int64_t i = linear ? static_cast<std::int64_t>((v - low) * scale)
                            : (detail::bit_cast<std::int64_t>(v) - base) >> shift;
    return static_cast<std::size_t>(std::clamp<std::int64_t>(i, 0, top));
  }
  /// Counts the first `n` values of `v` (16-byte aligned) into `h` and returns
  /// their sum, added in four interleaved partial sums in a fixed order. Two values
  /// at a time with SSE2: the same sums, lane by lane, and the same bin indices.
  template <bool Linear>
  double count_as(const double* v, std::size_t n, std::uint32_t* h) const {
    constexpr std::uint64_t top = uncertainty_histogram_bins - 1;
    // Locals, so the stores into `h` do not make the compiler reload them.
    const double lo = low, sc = scale;
    const std::int64_t bs = base;
    const int sh = shift;
    auto idx = [&](double x) {
      if constexpr (Linear) return std::min(static_cast<std::uint64_t>(static_cast<std::int64_t>((x - lo) * sc)), top);
      else return std::min(static_cast<std::uint64_t>(detail::bit_cast<std::int64_t>(x) - bs) >> sh, top);
    };
    std::size_t i = 0;
    double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
#if defined(__SSE2__)
    __m128d s01 = _mm_setzero_pd(), s23 = _mm_setzero_pd();
    const __m128i vbase = _mm_set1_epi64x(bs), vshift = _mm_cvtsi32_si128(sh);
    const __m128d vlow = _mm_set1_pd(lo), vscale = _mm_set1_pd(sc);
    auto two = [&](__m128d x) {
      if constexpr (Linear) {
        const __m128d t = _mm_mul_pd(_mm_sub_pd(x, vlow), vscale);
        ++h[std::min(static_cast<std::uint64_t>(static_cast<std::int64_t>(_mm_cvtsd_f64(t))), top)];
        ++h[std::min(static_cast<std::uint64_t>(static_cast<std::int64_t>(_mm_cvtsd_f64(_mm_unpackhi_pd(t, t)))), top)];
      } else {
        const __m128i d = _mm_srl_epi64(_mm_sub_epi64(_mm_castpd_si128(x), vbase), vshift);
        ++h[std::min(static_cast<std::uint64_t>(_mm_cvtsi128_si64(d)), top)];
        ++h[std::min(static_cast<std::uint64_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(d, d))), top)];
      }
    };
    auto four = [&](std::size_t j) {
      const __m128d x01 = _mm_load_pd(v + j), x23 = _mm_load_pd(v + j + 2);
      s01 = _mm_add_pd(s01, x01);
      s23 = _mm_add_pd(s23, x23);
      two(x01);
      two(x23);
    };
    for (; i + 8 <= n; i += 8) {  // eight a turn: less of the loop's own work
      four(i);
      four(i + 4);
    }
    for (; i + 4 <= n; i += 4) four(i);
    a0 = _mm_cvtsd_f64(s01);
    a1 = _mm_cvtsd_f64(_mm_unpackhi_pd(s01, s01));
    a2 = _mm_cvtsd_f64(s23);
    a3 = _mm_cvtsd_f64(_mm_unpackhi_pd(s23, s23));
#else
    for (; i + 4 <= n; i += 4) {
      a0 += v[i];
      a1 += v[i + 1];
      a2 += v[i + 2];
      a3 += v[i + 3];
      ++h[idx(v[i])];
      ++h[idx(v[i + 1])];
      ++h[idx(v[i + 2])];
      ++h[idx(v[i + 3])];
    }
#endif
    for (; i < n; ++i) {
      a0 += v[i];
      ++h[idx(v[i])];
    }
    return (a0 + a1) + (a2 + a3);
  }
  double count(const double* v, std::size_t n, std::uint32_t* h) const {
    return linear ? count_as<true>(v, n, h) : count_as<false>(v, n, h);
  }
  [[nodiscard]] double edge(std::size_t i) const {
    if (linear) return low + static_cast<double>(i) / scale;
    return detail::bit_cast<double>(base + (static_cast<std::int64_t>(i) << shift));
  }
};

binning make_binning(double low, double high) {
  binning b;
  b.low = low;
  b.high = high;
  if (!(high > low)) {
    b.fixed = true;
    return b;
  }
  if (low <= 0) {
    b.linear = true;
    b.scale = static_cast<double>(uncertainty_histogram_bins) / (high - low);
    return b;
  }
  b.base = detail::bit_cast<std::int64_t>(low);
  const std::int64_t span = detail::bit_cast<std::int64_t>(high) - b.base;
  while ((span >> b.shift) >= static_cast<std::int64_t>(uncertainty_histogram_bins)) ++b.shift;
  return b;
}

/// The value at fraction p of `n` samples counted in `h`, linear within its bin.
double quantile_of(const std::uint64_t* h, const binning& b, std::uint64_t n, double p) {
  const double target = p * static_cast<double>(n);
  std::uint64_t before = 0;
  for (std::size_t i = 0; i < uncertainty_histogram_bins; ++i) {
    if (h[i] == 0) continue;
    if (static_cast<double>(before + h[i]) >= target) {
      const double f = (target - static_cast<double>(before)) / static_cast<double>(h[i]);
      const double lo = b.edge(i), hi = std::min(b.edge(i + 1), std::max(b.high, lo));
      return std::clamp(lo + f * (hi - lo), b.low, b.high);
    }
    before += h[i];
  }
  return b.high;
}

static_assert(block::size == uncertainty_block && detail::sample_block::size == uncertainty_block);

/// One block of samples: the inputs (the central value where fixed) and the
/// outputs of the formula, compute<Block> being compute<double> sample by sample.
template <class Block>
struct columns {
  model_slots<Block> in;
  model_results<Block> out;
  explicit columns(const model_slots<double>& central) {
    for (std::size_t k = 0; k < detail::slot_count; ++k) in[k] = Block(central[k]);
  }
};

/// One thread's blocks: the samples and outputs, and the list of possible samples.
template <class Block>
struct block_work {
  columns<Block> cols;
  std::unique_ptr<block> keep = std::make_unique<block>(), packed = std::make_unique<block>();
  explicit block_work(const model_slots<double>& central) : cols(central) {}
};

/// What every block of one propagate() reads, and the per-block results it writes
/// (each block its own entries, so threads share nothing they write).
struct block_pass {
  const model_shape& shape;
  const std::vector<sampler>& samplers;
  std::span<const input_distribution> inputs;
  const std::array<binning, output_count>& bins;
  const std::vector<std::size_t>& tracked;
  const detail::sample_limit& limit;
  bool check;  // impossible samples are dropped (limit)
  std::uint64_t seed, samples;
  std::vector<double>& block_sums;
  std::vector<std::uint64_t>& dropped;

  /// Block `blk`: draw its inputs, run the formula, drop the impossible samples and
  /// count each tracked output into `h`.
  template <bool Wide, class Block>
  TRAINPRINT_BLOCK_INLINE void run_as(std::uint64_t blk, block_work<Block>& w, std::uint32_t* h) const {
    xoshiro256ss rng(seed, blk);
    const auto count = static_cast<std::size_t>(std::min<std::uint64_t>(uncertainty_block, samples - blk * uncertainty_block));
    columns<Block>& cols = w.cols;
    for (const auto& smp : samplers) {
      double* x = cols.in[detail::slot(inputs[smp.index].input)].data();
#if TRAINPRINT_WIDE_MONTE_CARLO
      if constexpr (Wide)
        smp.fill_wide(rng, x);
      else
#endif
        smp.fill(rng, x);
    }
    detail::compute(shape, cols.in, cols.out);
    std::size_t kept = count;
    if (check) {
      // Sample i is possible when flops ≤ AH · 3600 · peak; `keep` lists the possible ones.
      const double* fl = cols.in[detail::slot(uncertain_input::flops)].data();
      const double* sp = cols.in[detail::slot(uncertain_input::precision_speedup)].data();
      const double* ah = cols.out[output::accelerator_hours].data();
      kept = 0;
      for (std::size_t i = 0; i < count; ++i) {
        const double peak = limit.peak_follows_speedup ? limit.peak_flop_per_s * (sp[i] / limit.speedup_central)
                                                       : limit.peak_flop_per_s;
        w.keep->x[kept] = static_cast<double>(i);
        kept += fl[i] <= ah[i] * 3600.0 * peak ? 1 : 0;
      }
      dropped[blk] = count - kept;
    }
    const std::size_t nt = tracked.size();
    for (std::size_t q = 0; q < nt; ++q) {
      const double* v = cols.out.value[tracked[q]].data();
      if (kept < count) {  // the possible samples, packed
        for (std::size_t i = 0; i < kept; ++i) w.packed->x[i] = v[static_cast<std::size_t>(w.keep->x[i])];
        v = w.packed->x;
      }
      block_sums[blk * nt + q] = bins[tracked[q]].count(v, kept, h + q * uncertainty_histogram_bins);
    }
  }
  void run(std::uint64_t blk, block_work<detail::sample_block>& w, std::uint32_t* h) const { run_as<false>(blk, w, h); }
#if TRAINPRINT_WIDE_MONTE_CARLO
  /// run() on wide blocks, built for AVX2 with everything it calls inlined into it, so
  /// the formula's vectors (sample_quad) are AVX registers: four samples an operation.
  [[gnu::target("avx2"), gnu::flatten]] void run_wide(std::uint64_t blk, block_work<detail::wide_sample_block>& w,
                                                       std::uint32_t* h) const {
    run_as<true>(blk, w, h);
  }
#endif
};

}  // namespace

uncertainty_result propagate(const model_inputs& central, std::span<const input_distribution> inputs,
                             const uncertainty_options& options) {
  return detail::propagate(central, inputs, options, detail::sample_limit{});
}

bool detail::wide_simd_available() noexcept {
#if TRAINPRINT_WIDE_MONTE_CARLO
  static const bool avx2 = __builtin_cpu_supports("avx2");
  return avx2;
#else
  return false;
#endif
}

uncertainty_result detail::propagate(const model_inputs& central, std::span<const input_distribution> inputs,
                                     const uncertainty_options& options, const sample_limit& limit, simd kernel) {
  validate(options);
  uncertainty_result res;
  res.samples = options.samples;
  res.seed = options.seed;
  res.inputs.assign(inputs.begin(), inputs.end());

  const model_shape shape = detail::shape_of(central);
  // The reference point is the plain estimate (every input at the value resolve() chose:
  // a distribution's mode, except the fitted MFU, whose median it is).
  point work(shape, detail::slots_of(central));
  const model_results<double> mid = work.run();

  // An input the model reads (an optional input that is unknown is not drawn).
  auto read = [&](uncertain_input i) {
    switch (i) {
      case uncertain_input::accelerator_power_w: return central.accelerator_power_w.has_value();
      case uncertain_input::host_power_w: return central.host_power_w.has_value();
      case uncertain_input::wue_l_per_kwh: return shape.has_wue;
      case uncertain_input::intensity_g_per_kwh: return shape.has_intensity;
      case uncertain_input::ewif_l_per_kwh: return shape.has_ewif;
      case uncertain_input::cfe: return shape.has_cfe;
      case uncertain_input::embodied_accelerator_kg: return shape.has_embodied_accelerator;
      case uncertain_input::price_usd_per_kwh: return shape.has_price;
      case uncertain_input::hourly_price_usd: return shape.has_hourly_price;
      default: return true;
    }
  };
  std::vector<sampler> samplers;
  for (std::size_t i = 0; i < inputs.size(); ++i)
    if (!inputs[i].dist.fixed() && read(inputs[i].input)) samplers.emplace_back(i, inputs[i].dist);

  // Sensitivity and the outputs' hard bounds: each output is monotone in each input
  // (products, sums and quotients of positive numbers), so its extremes are at the
  // corner where every input sits at the end that lowers (raises) it.
  std::vector<model_results<double>> at_low(samplers.size()), at_high(samplers.size());
  for (std::size_t j = 0; j < samplers.size(); ++j) {
    const auto& d = inputs[samplers[j].index];
    for (int end = 0; end < 2; ++end) {
      work.reset();
      work.set(d.input, end == 0 ? d.dist.low : d.dist.high);
      (end == 0 ? at_low[j] : at_high[j]) = work.run();
    }
  }
  std::array<binning, output_count> bins{};
  std::vector<std::size_t> tracked;  // outputs with a histogram
  for (std::size_t k = 0; k < output_count; ++k) {
    if (!mid.known[k] || !output_table[k].sampled) continue;
    double v[2];
    for (int side = 0; side < 2; ++side) {
      work.reset();
      for (std::size_t j = 0; j < samplers.size(); ++j) {
        const bool rises = at_high[j].value[k] >= at_low[j].value[k];
        const auto& d = inputs[samplers[j].index];
        work.set(d.input, (rises == (side == 0)) ? d.dist.low : d.dist.high);
      }
      v[side] = work.run().value[k];
    }
    bins[k] = make_binning(std::min({v[0], v[1], mid.value[k]}), std::max({v[0], v[1], mid.value[k]}));
    if (!bins[k].fixed) tracked.push_back(k);
  }

  // Monte Carlo: fixed blocks, each with its own stream; per-block sums added in
  // block order and integer histograms, so the thread count changes nothing.
  const std::uint64_t n = options.samples;
  const std::uint64_t blocks = (n + uncertainty_block - 1) / uncertainty_block;
  const std::size_t nt = tracked.size();
  std::vector<double> block_sums(blocks * nt, 0.0);
  const unsigned threads = static_cast<unsigned>(std::min<std::uint64_t>(options.threads, blocks));
  std::vector<std::vector<std::uint64_t>> hists(threads);
  // Impossible samples (limit): checked only on a time path with the workload known.
  const bool check = limit.peak_flop_per_s > 0 && shape.path != model_shape::workload::flops && shape.flops > 0;
  std::vector<std::uint64_t> dropped(blocks, 0);

  const block_pass pass{shape, samplers, inputs, bins, tracked, limit, check, options.seed, n, block_sums, dropped};
  const bool wide = kernel == simd::wide && wide_simd_available();
  auto run = [&](unsigned t) {
    std::vector<std::uint32_t> h(nt * uncertainty_histogram_bins, 0);
    const std::uint64_t first = blocks * t / threads, last = blocks * (t + 1) / threads;
#if TRAINPRINT_WIDE_MONTE_CARLO
    if (wide) {
      block_work<detail::wide_sample_block> w(work.modes);
      for (std::uint64_t blk = first; blk < last; ++blk) pass.run_wide(blk, w, h.data());
    } else
#endif
    {
      block_work<detail::sample_block> w(work.modes);
      for (std::uint64_t blk = first; blk < last; ++blk) pass.run(blk, w, h.data());
    }
    hists[t].assign(h.begin(), h.end());
  };
  if (threads <= 1) {
    run(0);
  } else {
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(run, t);
    run(0);
    for (auto& th : pool) th.join();
  }
  std::vector<std::uint64_t> hist(nt * uncertainty_histogram_bins, 0);
  for (const auto& h : hists)
    for (std::size_t i = 0; i < h.size(); ++i) hist[i] += h[i];
  for (const auto d : dropped) res.impossible_samples += d;
  const std::uint64_t possible = n - res.impossible_samples;

  for (std::size_t k = 0; k < output_count; ++k) {
    if (!mid.known[k] || !output_table[k].sampled) continue;
    const double c = mid.value[k];
    output_interval o{std::string(output_table[k].path), std::string(output_table[k].unit), c, c, c, c, c};
    const auto it = std::find(tracked.begin(), tracked.end(), k);
    if (it != tracked.end() && possible > 0) {
      const auto q = static_cast<std::size_t>(it - tracked.begin());
      const std::uint64_t* h = hist.data() + q * uncertainty_histogram_bins;
      o.p5 = quantile_of(h, bins[k], possible, 0.05);
      o.p50 = quantile_of(h, bins[k], possible, 0.50);
      o.p95 = quantile_of(h, bins[k], possible, 0.95);
      double total = 0;
      for (std::uint64_t blk = 0; blk < blocks; ++blk) total += block_sums[blk * nt + q];
      o.mean = total / static_cast<double>(possible);
    }
    res.outputs.push_back(std::move(o));
  }

  // One-at-a-time swings from each input's p5 to its p95, the rest at their modes.
  const bool by_emissions = mid.known[index_of(output::emissions_total)];
  const output metric = by_emissions ? output::emissions_total : output::energy_facility;
  res.sensitivity_metric = std::string(info(metric).path);
  for (const auto& smp : samplers) {
    const auto& d = inputs[smp.index];
    sensitivity_entry e;
    e.input = d.input;
    e.input_p5 = d.dist.quantile(0.05);
    e.input_p95 = d.dist.quantile(0.95);
    model_results<double> v[2];
    for (int end = 0; end < 2; ++end) {
      work.reset();
      work.set(d.input, end == 0 ? e.input_p5 : e.input_p95);
      v[end] = work.run();
    }
    if (by_emissions) {
      e.emissions_at_p5 = v[0][output::emissions_total];
      e.emissions_at_p95 = v[1][output::emissions_total];
    }
    e.energy_at_p5 = v[0][output::energy_facility];
    e.energy_at_p95 = v[1][output::energy_facility];
    e.swing = std::abs(v[1][metric] - v[0][metric]);
    res.sensitivity.push_back(e);
  }
  std::stable_sort(res.sensitivity.begin(), res.sensitivity.end(),
                   [](const sensitivity_entry& a, const sensitivity_entry& b) { return a.swing > b.swing; });
  return res;
}

estimate make_estimate(const scenario& s, const catalog& cat, const uncertainty_options& options) {
  return detail::make_estimate_with(s, cat, fitted_mfu_model(), &options);
}

}  // namespace trainprint::inline v0
