// Plain-language inputs: the coarse words and the ranges they stand for (see plain.hpp).

#include "trainprint/plain.hpp"

#include <cmath>

#include "trainprint/catalog.hpp"
#include "trainprint/error.hpp"
#include "trainprint/estimator.hpp"
#include "trainprint/uncertainty.hpp"

namespace trainprint::inline v0 {
namespace {

/// `a` equals `b` ignoring case, with '_' and ' ' read as '-'.
bool same_word(std::string_view a, std::string_view b) {
  while (!a.empty() && (a.front() == ' ' || a.front() == '\t')) a.remove_prefix(1);
  while (!a.empty() && (a.back() == ' ' || a.back() == '\t')) a.remove_suffix(1);
  return detail::choice_matches(b, a);  // as the inputs table reads a choice (inputs.hpp)
}

template <class Table>
const typename Table::value_type* find_word(const Table& t, std::string_view word) {
  for (const auto& row : t)
    if (same_word(word, row.word)) return &row;
  return nullptr;
}

template <class Table>
std::string words_of(const Table& t) {
  std::string out;
  for (const auto& row : t) out += (out.empty() ? "" : ", ") + std::string(row.word);
  return out;
}

/// An input in words, and what a person could find out to pin it down.
struct input_words {
  std::string_view what, fact;
};
input_words words_for(uncertain_input i) {
  using enum uncertain_input;
  switch (i) {
    case flops: return {"the model size", "the model's parameter count and training tokens (--params, --tokens)"};
    case duration_h: return {"the training duration", "the run's wall-clock duration (--duration-h, e.g. 3w)"};
    case accelerator_hours: return {"the accelerator-hours", "the run's accelerator-hours from its logs (--gpu-hours)"};
    case mfu: return {"how busy the accelerators are", "the run's measured MFU (--mfu) or its accelerator-hours (--gpu-hours)"};
    case precision_speedup: return {"the speed-up of the training precision", "the run's measured throughput (--mfu)"};
    case power_fraction:
    case accelerator_power_w: return {"the accelerators' power draw", "the accelerators' measured average power (--power-w)"};
    case host_max_w:
    case host_power_w: return {"the servers' host power", "the servers' measured host power (--host-power-w)"};
    case pue: return {"the data centre's overhead", "the data centre's PUE (--pue, or --provider)"};
    case wue_l_per_kwh: return {"the cooling water", "the data centre's WUE (--wue)"};
    case intensity_g_per_kwh:
      return {"the grid's carbon intensity", "where the data centre is (--region) or its grid's carbon intensity (--intensity)"};
    case cfe: return {"the carbon-free-energy share", "the provider's carbon-free-energy share (--cfe)"};
    case ewif_l_per_kwh: return {"the water of electricity generation", "the grid's water intensity (--ewif)"};
    case embodied_accelerator_kg:
    case embodied_host_kg: return {"the hardware's manufacturing emissions", "a manufacturer's life-cycle assessment of the hardware"};
    case lifetime_years: return {"the hardware's service life", "the hardware's service life (--lifetime-years)"};
    case price_usd_per_kwh: return {"the electricity price", "the electricity price (--price-usd-per-kwh)"};
    case hourly_price_usd: return {"the hourly price", "the price per accelerator-hour (--hourly-price-usd)"};
  }
  return {"an input", "a measured value of it"};
}

}  // namespace

range plain_band::as_range() const { return {low, std::sqrt(low * high), high}; }

const plain_band* find_size(std::string_view word) { return find_word(size_bands, word); }
const plain_band* find_duration_word(std::string_view word) { return find_word(duration_bands, word); }
const plain_part* find_hardware_word(std::string_view word) { return find_word(hardware_words, word); }
const plain_energy* find_energy_word(std::string_view word) { return find_word(energy_words, word); }

std::string size_words() { return words_of(size_bands); }
std::string duration_words() { return words_of(duration_bands); }
std::string energy_word_list() { return words_of(energy_words); }

energy_mix mix_of(const plain_energy& e) {
  energy_mix m;
  std::size_t n = 0;
  for (auto s : e.sources) n += s.empty() ? 0 : 1;
  for (auto s : e.sources)
    if (!s.empty()) m.shares.emplace_back(std::string(s), 1.0 / static_cast<double>(n));
  return m;
}

void detail::check_plain_words(const scenario& s) {
  auto quoted = [](const std::string& t) { return "'" + t.substr(0, 60) + "'"; };
  if (s.size && !find_size(*s.size))
    throw input_error("size", quoted(*s.size), "one of " + size_words() + " (or give params and tokens)");
  if (s.energy) {
    if (!find_energy_word(*s.energy))
      throw input_error("energy", quoted(*s.energy), "one of " + energy_word_list() + " (or give region, intensity, or a mix such as mix=wind=1)");
    if (s.intensity || s.mix)
      throw input_error("energy", quoted(*s.energy) + " with " + (s.intensity ? "intensity" : "mix"),
                        "energy or " + std::string(s.intensity ? "intensity" : "mix") +
                            ", not both (energy stands for a mix)");
  }
}

void detail::check_plain_ids(const scenario& s, const catalog& cat) {
  auto quoted = [](const std::string& t) { return "'" + t.substr(0, 60) + "'"; };
  if (s.region && !cat.get_region(*s.region) && find_energy_word(*s.region))
    throw input_error("region", quoted(*s.region),
                      "a place (FR, US-CA, aws:us-east-1); for electricity described in words give energy=" +
                          std::string(find_energy_word(*s.region)->word) + " (--energy)");
  if (s.mix)
    for (const auto& [id, share] : s.mix->shares)
      if (const auto* w = find_energy_word(id); w && !cat.get_energy_source(id))
        throw input_error("mix." + id, quoted(id),
                          "an energy source such as coal, gas, wind or solar; for electricity described in words give "
                          "energy=" + std::string(w->word) + " (--energy) instead of mix");
}

range plain_reading::flops_range(double flops) const {
  const double mode = params.mode * tokens.mode;
  return {flops * (params.low * tokens.low) / mode, flops, flops * (params.high * tokens.high) / mode};
}

plain_reading read_plain(const scenario& given) {
  plain_reading p{given};
  scenario& s = p.s;
  if (given.size) {
    p.size = find_size(*given.size);
    p.params = p.size->as_range();
    s.params = p.params.mode;
    if (given.tokens) {
      p.tokens = {*given.tokens, *given.tokens, *given.tokens};
    } else {
      const auto& t = compute_optimal_tokens;
      p.tokens = {t.low * p.params.low, t.mode * p.params.mode, t.high * p.params.high};
      p.tokens_from_rule = true;
      s.tokens = p.tokens.mode;
    }
  }
  if (given.hardware && (p.part = find_hardware_word(*given.hardware))) s.hardware = std::string(p.part->id);
  if (given.energy) p.energy = find_energy_word(*given.energy);
  const bool words = given.size || p.part || given.energy;
  if (p.energy && !p.energy->world) {
    s.mix = mix_of(*p.energy);
  } else if (!given.region && !given.intensity && !given.mix && (p.energy || words)) {
    p.world = true;
    if (!p.energy) p.energy = find_energy_word("unknown");
    s.region = std::string(world_region);
  }
  return p;
}

bool wants_ranges(const scenario& s) {
  return s.size || s.energy || (s.hardware && find_hardware_word(*s.hardware)) || !s.ranges.empty();
}

std::string range_summary(const uncertainty_result& u) {
  if (u.sensitivity.empty() || u.sensitivity.front().swing <= 0) return {};
  const auto& top = u.sensitivity.front();
  const auto w = words_for(top.input);
  std::string t = "the range comes mostly from " + std::string(w.what) + " (" + std::string(to_string(top.input)) + ")";
  if (u.sensitivity.size() > 1 && u.sensitivity[1].swing > 0)
    t += ", then " + std::string(words_for(u.sensitivity[1].input).what);
  t += "; the single fact that would narrow it most: " + std::string(w.fact);
  return t;
}

}  // namespace trainprint::inline v0
