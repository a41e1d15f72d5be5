// The resolver's shared helpers, its construction and the order of its sections
// (resolver.hpp).

#include "resolver.hpp"

#include <charconv>
#include <iterator>
#include <mutex>
#include <unordered_map>

#include "trainprint/detail/charconv.hpp"

#include "../catalog/memo.hpp"
#include "../text.hpp"

namespace trainprint::inline v0::resolving {

std::string g(double v) {
  // fmt's "{:g}" (printf's %g), without a format string to parse: see text_format.hpp.
  char buf[32];
  return std::string(buf, detail::to_chars_general(buf, std::end(buf), v, 6));
}

/// Equal ids, ASCII case ignored (the catalog's lookups ignore case).
bool same_id(std::string_view a, std::string_view b) { return text::equal_ignoring_case(a, b); }

mix_result from_mix(const energy_mix& mix, const catalog& cat, bool sources) {
  mix_result r;
  double water = 0;
  bool water_known = true;
  for (const auto& [id, share] : mix.shares) {
    const auto& src = cat.find_energy_source(id);
    r.intensity_g_per_kwh += share * src.lifecycle_median;
    if (sources && r.intensity_source.empty()) r.intensity_source = src.lifecycle_prov.citation();
    if (src.water_l_per_kwh) {
      water += share * *src.water_l_per_kwh;
      if (sources && r.water_source.empty()) r.water_source = src.water_prov.citation();
    } else if (share > 0) {
      water_known = false;
    }
  }
  if (water_known) r.ewif_l_per_kwh = water;
  return r;
}

std::string mix_text(const energy_mix& mix) {
  std::string t;
  for (const auto& [id, share] : mix.shares) t += (t.empty() ? "" : ", ") + id + "=" + g(share);
  return t;
}

std::string supported_precisions(const accelerator& a) {
  std::string t;
  for (auto p : all_precisions)
    if (a.peak_tflops(p)) t += (t.empty() ? "" : ", ") + std::string(to_string(p));
  return t;
}

const embodied_factors::die_factor* nearest_node(const embodied_factors& f, double nm) {
  const embodied_factors::die_factor* best = nullptr;
  for (const auto& d : f.die) {
    if (!best) { best = &d; continue; }
    const double dd = std::abs(d.process_nm - nm), db = std::abs(best->process_nm - nm);
    if (dd < db || (dd == db && d.process_nm < best->process_nm)) best = &d;
  }
  return best;
}

std::string basis_text(const intensity_value& iv) {
  std::string t = iv.basis + ", " + iv.mix_basis + ", " + iv.accounting;
  if (iv.year) t += " (" + std::to_string(*iv.year) + ")";
  return t;
}

/// Notes for a parameter or token count far below any training run, naming what was
/// probably meant: a plain number is a count, so "--tokens 20" is twenty tokens.
void implausible_size_notes(const scenario& s, std::vector<std::string>& notes) {
  // Below these no model is trained: 10,000 parameters is under a one-layer MLP on
  // MNIST (784 × 10 + 10 = 7,850 is the smallest such model; any hidden layer passes
  // 10,000), and 100,000 tokens is under one batch of a typical run (e.g. 512
  // sequences × 2,048 tokens = 1,048,576).
  constexpr double few_params = 1e4, few_tokens = 1e5;
  struct suffix {
    const char* name;
    double factor;
  };
  constexpr suffix suffixes[] = {{"K", 1e3}, {"M", 1e6}, {"B", 1e9}, {"T", 1e12}};
  const std::optional<double> n = s.active_params ? s.active_params : s.params;
  if (n && *n < few_params)
    notes.push_back(text::format("params {:g} is fewer than 10,000 parameters, smaller than any trained network: a "
                                 "plain number is a count; did you mean {:g}M or {:g}B?",
                                 *n, *n, *n));
  if (s.tokens && *s.tokens < few_tokens && !s.size) {
    // The suffix that brings tokens per parameter nearest the compute-optimal ratio
    // (plain.hpp compute_optimal_tokens), or B without a plausible parameter count.
    const suffix* best = &suffixes[2];
    if (n && *n >= few_params) {
      double best_gap = INFINITY;
      for (const auto& x : suffixes) {
        const double gap = std::abs(std::log(*s.tokens * x.factor / *n / compute_optimal_tokens.mode));
        if (gap < best_gap) best_gap = gap, best = &x;
      }
    }
    notes.push_back(text::format("tokens {:g} is fewer than 100,000 tokens, less than one batch of a training run: a "
                                 "plain number is a count; did you mean {:g}{} ({:g} tokens)?",
                                 *s.tokens, *s.tokens, best->name, *s.tokens * best->factor));
  }
}

resolver::resolver(const scenario& given_, const catalog& cat_, resolved_scenario& r_, record rec_)
    : given(given_),
      cat(cat_),
      r(r_),
      rec(rec_),
      s(words.s),
      in(r_.inputs),
      ctx(r_.context),
      tr{rec_.trace ? &r_.trace : nullptr},
      rg{words.s, rec_.ranges ? &r_.distributions : nullptr} {
  // A full trace has some forty entries (resolve()'s inputs, then finish()'s outputs in
  // estimator.cpp): room for them once, not six reallocations that move every entry.
  if (tr) r_.trace.reserve(48);
  // A hardware id may name several accelerators (an instance, a server, a pod, a TPU
  // slice: hardware_units.hpp); count then counts those units, 1 when not given.
  // A failed lookup is reported after validate(), as before.
  if (given.hardware && !find_hardware_word(*given.hardware)) try {
      hw_unit = find_hardware(cat, *given.hardware);
    } catch (const error&) {
    }
  several = hw_unit && !hw_unit->kind.empty();
  if (several && !given.count) {
    scenario one = given;
    one.count = 1;
    validate(one);
  } else {
    validate(given);
  }
  if (given.hardware && !find_hardware_word(*given.hardware) && !hw_unit) (void)find_hardware(cat, *given.hardware);
  detail::check_plain_ids(given, cat);
  // Plain-language words (plain.hpp) read into the inputs they stand for.
  words = read_plain(given);
  if (words.part) hw_unit = find_hardware(cat, *words.s.hardware);  // the word's part: one accelerator
  units = given.count.value_or(1);
  // The provider the hardware implies: an instance's or a pod's, and Google Cloud for
  // any TPU (Cloud TPUs are sold only there); a different provider given is an error.
  if (hw_unit) {
    words.s.hardware = hw_unit->acc->id;
    if (several) words.s.count = units * hw_unit->accelerators;
    if (!hw_unit->provider.empty()) {
      hw_provider = hw_unit->provider;
      hw_why = text::format("hardware {} is {} {} of {}", *given.hardware,
                            hw_unit->kind == "slice"      ? "a Cloud TPU slice"
                            : hw_unit->kind == "instance" ? "an instance"
                                                       : text::with_article(hw_unit->kind),
                            hw_unit->id, hw_unit->provider);
    } else if (counted_in_chips(hw_unit->acc->id)) {
      hw_provider = "gcp";
      hw_why = text::format("hardware {} is a Cloud TPU, sold only by Google Cloud", *given.hardware);
    }
  }
  if (!hw_provider.empty()) {
    if (given.provider && cat.find_provider(*given.provider).id != hw_provider)
      throw input_error("provider", *given.provider, text::format("{} ({}), or no provider", hw_provider, hw_why));
    words.s.provider = hw_provider;
  }
  if (words.world && !given.energy && !cat.get_region(world_region)) {
    // No place, and a catalog without the world average: emissions stay unknown (a note says so).
    words.world = false;
    words.energy = nullptr;
    words.s.region.reset();
  }
}

void resolver::run() {
  hardware();
  workload_section();
  site_kind();
  measured_energy();
  power();
  power_ceiling_check();
  site_section();
  measured_energy_check();
  intensity();
  water();
  embodied();
  money();
  // The distributions in uncertain_input order (the order the Monte Carlo draws them).
  std::stable_sort(r.distributions.begin(), r.distributions.end(),
                   [](const input_distribution& a, const input_distribution& b) { return a.input < b.input; });
}

void resolver::need_tdp(const char* why) const {
  if (!acc->tdp_w)
    throw input_error("power_w", "", acc->id + " has no published TDP; give power_w (average watts per "
                                     "accelerator)" + std::string(why));
}

std::string resolver::year_note(const std::string& what, const cited_value& c) const {
  if (!tr) return {};
  return what + (c.year ? " (" + std::to_string(*c.year) + ")" : std::string{});
}

namespace {

/// Per catalog (catalog/memo.hpp): for each region an estimate was made in, the region
/// along its chain whose mix it takes and what from_mix() makes of that mix, without and
/// with sources. Each is worked out once (a chain walk and a lookup per energy source by
/// text), not on every estimate.
struct mix_memo {
  struct entry {
    const region* mix_region = nullptr;
    std::optional<mix_result> mix[2];  ///< [sources]
  };
  std::mutex m;
  std::unordered_map<const region*, entry> by_region;
};

}  // namespace

bool resolver::has_region_mix() {
  if (!region_mix_done) {
    region_mix_done = true;
    if (reg) {
      const auto memo = catalog_detail::memo<mix_memo>(cat);
      const std::lock_guard lock(memo->m);
      auto found = memo->by_region.find(reg);
      if (found == memo->by_region.end()) {
        const region* along = cat.along_chain(*reg, [](const region& x) { return x.mix.has_value(); });
        found = memo->by_region.emplace(reg, mix_memo::entry{along, {}}).first;
      }
      mix_memo::entry& e = found->second;
      mix_region = e.mix_region;
      if (mix_region) {
        auto& m = e.mix[rec.trace ? 1 : 0];
        if (!m) m = from_mix(mix_region->mix->mix, cat, rec.trace);
        region_mix = *m;
      }
    }
  }
  return region_mix.has_value();
}

}  // namespace trainprint::inline v0::resolving
