// Plain-language inputs: the coarse words and the ranges they stand for (see plain.hpp).

#include "trainprint/plain.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <optional>

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
    case flops: return {"the model size", "the model's parameter count and training tokens (`params`, `tokens`)"};
    case duration_h: return {"the training duration", "the run's wall-clock duration (`duration_h`, e.g. 3w)"};
    case accelerator_hours: return {"the accelerator-hours", "the run's accelerator-hours from its logs (`gpu_hours`)"};
    case mfu: return {"how busy the accelerators are", "the run's measured MFU (`mfu`) or its accelerator-hours (`gpu_hours`)"};
    case precision_speedup: return {"the speed-up of the training precision", "the run's measured throughput (`mfu`)"};
    case power_fraction:
    case accelerator_power_w: return {"the accelerators' power draw", "the accelerators' measured average power (`power_w`)"};
    case host_max_w:
    case host_power_w: return {"the servers' host power", "the servers' measured host power (`host_power_w`)"};
    case pue: return {"the data centre's overhead", "the data centre's PUE (`pue`, or `provider`)"};
    case wue_l_per_kwh: return {"the cooling water", "the data centre's WUE (`wue`)"};
    case intensity_g_per_kwh:
      return {"the grid's carbon intensity", "where the data centre is (`region`) or its grid's carbon intensity (`intensity`)"};
    case cfe: return {"the carbon-free-energy share", "the provider's carbon-free-energy share (`cfe`)"};
    case ewif_l_per_kwh: return {"the water of electricity generation", "the grid's water intensity (`ewif`)"};
    case embodied_accelerator_kg:
    case embodied_host_kg: return {"the hardware's manufacturing emissions", "a manufacturer's life-cycle assessment of the hardware"};
    case lifetime_years: return {"the hardware's service life", "the hardware's service life (`lifetime_years`)"};
    case price_usd_per_kwh: return {"the electricity price", "the electricity price (`price_usd_per_kwh`)"};
    case hourly_price_usd: return {"the hourly price", "the price per accelerator-hour (`hourly_price_usd`)"};
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
    throw input_error("size", quoted(*s.size), "one of " + size_words() + " (or give `params` and `tokens`)");
  if (s.energy) {
    if (!find_energy_word(*s.energy))
      throw input_error("energy", quoted(*s.energy), "one of " + energy_word_list() + " (or give `region`, `intensity`, or a mix such as mix=wind=1)");
    if (s.intensity || s.mix)
      throw input_error("energy", quoted(*s.energy) + " with " + (s.intensity ? "`intensity`" : "`mix`"),
                        "`energy` or " + std::string(s.intensity ? "`intensity`" : "`mix`") +
                            ", not both (`energy` stands for a mix)");
  }
  // Two statements of the grid: a mix sets the carbon intensity and the off-site water
  // (EWIF), so an intensity beside it would take the carbon from one and the water from the other.
  if (s.intensity && s.mix)
    throw input_error("intensity", fmt::format("{:g} g CO2e/kWh with `mix`", s.intensity->in_g_per_kwh()),
                      "`intensity` or `mix`, not both (a mix sets the intensity and the off-site water; with "
                      "`intensity`, give `ewif` for the water)");
}

void detail::check_plain_ids(const scenario& s, const catalog& cat) {
  auto quoted = [](const std::string& t) { return "'" + t.substr(0, 60) + "'"; };
  if (s.region && !cat.get_region(*s.region) && find_energy_word(*s.region))
    throw input_error("region", quoted(*s.region),
                      "a place (FR, US-CA, aws:us-east-1); for electricity described in words give energy=" +
                          std::string(find_energy_word(*s.region)->word));
  if (s.mix)
    for (const auto& [id, share] : s.mix->shares)
      if (const auto* w = find_energy_word(id); w && !cat.get_energy_source(id))
        throw input_error("mix." + id, quoted(id),
                          "an energy source such as coal, gas, wind or solar; for electricity described in words give "
                          "energy=" + std::string(w->word) + " instead of `mix`");
}

void detail::spread_over_parts(const plain_part& w, const scenario& given, const catalog& cat, resolved_scenario& r,
                               bool notes) {
  using ui = uncertain_input;
  const model_inputs& c = r.inputs;
  // Per part: its peak and its average power as factors of the central part's (they scale
  // precision_speedup and power_fraction, which multiply the peak and the TDP in the
  // formula), its host power and its embodied emissions as values.
  const bool peak_known = c.peak_flop_per_s > 0;
  const bool power_modelled = !c.accelerator_power_w && c.tdp_w > 0 && c.power_fraction > 0;
  auto value = [&](const model_inputs& p, std::size_t k) -> std::optional<double> {
    switch (k) {
      case 0: return peak_known && p.peak_flop_per_s > 0 ? std::optional(p.peak_flop_per_s / c.peak_flop_per_s) : std::nullopt;
      case 1:
        return power_modelled && p.tdp_w > 0 ? std::optional(p.tdp_w * p.power_fraction / (c.tdp_w * c.power_fraction))
                                             : std::nullopt;
      case 2: return c.servers && !c.host_power_w ? std::optional(p.host_max_w) : std::nullopt;
      case 3: return c.embodied ? p.embodied_accelerator_kg : std::nullopt;
      default: return c.embodied && p.embodied_accelerator_kg ? std::optional(p.embodied_host_kg) : std::nullopt;
    }
  };
  constexpr std::array<ui, 5> per_part{ui::precision_speedup, ui::power_fraction, ui::host_max_w,
                                       ui::embodied_accelerator_kg, ui::embodied_host_kg};
  std::array<std::optional<double>, 5> central{}, low{}, high{};
  for (std::size_t k = 0; k < per_part.size(); ++k) central[k] = low[k] = high[k] = value(c, k);
  std::string used, left_out;
  for (const auto id : w.parts) {
    if (id.empty()) continue;
    if (id == w.id) {
      used += (used.empty() ? "" : ", ") + std::string(id);
      continue;
    }
    scenario t = given;
    t.hardware = std::string(id);
    model_inputs p;
    try {
      p = resolve_inputs(t, cat);
    } catch (const error& x) {
      left_out += (left_out.empty() ? "" : "; ") + std::string(id) + " (" + x.what() + ")";
      continue;
    }
    used += (used.empty() ? "" : ", ") + std::string(id);
    for (std::size_t k = 0; k < per_part.size(); ++k) {
      if (!central[k]) continue;
      if (const auto v = value(p, k)) {
        low[k] = std::min(*low[k], *v);
        high[k] = std::max(*high[k], *v);
      }
    }
  }
  const std::string basis = std::string(across_parts_basis) + std::string(w.word) + " (" + used + ")";
  static constexpr std::array<std::string_view, 5> what{
      ": peak FLOP/s from the lowest to the highest part's, as a factor on the central part's",
      ": average power (TDP × typical power fraction) from the lowest to the highest part's, as a factor on the "
      "central part's, at most the central part's TDP where the power follows the MFU",
      ": host power from the lowest to the highest part's",
      ": embodied emissions from the lowest to the highest part's",
      ": embodied emissions of the host from the lowest to the highest part's"};
  for (std::size_t k = 0; k < per_part.size(); ++k) {
    if (!central[k] || (*low[k] == *central[k] && *high[k] == *central[k])) continue;
    const ui i = per_part[k];
    auto it = std::find_if(r.distributions.begin(), r.distributions.end(),
                           [&](const input_distribution& d) { return d.input == i; });
    if (k < 2) {
      // A factor: it multiplies the input's own range (1 where it had none).
      const double v = i == ui::precision_speedup ? c.precision_speedup : c.power_fraction;
      if (it == r.distributions.end()) {
        r.distributions.push_back({i, "1", {v, v, v}, "fixed", {}});
        it = std::prev(r.distributions.end());
      }
      it->dist.low *= *low[k];
      it->dist.high *= *high[k];
    } else {
      if (it == r.distributions.end()) continue;  // not drawn for this scenario
      it->dist.low = std::min(it->dist.low, *low[k]);
      it->dist.high = std::max(it->dist.high, *high[k]);
    }
    it->basis = basis + std::string(what[k]) + "; " + it->basis;
    if (it->source.empty()) it->source = "the parts' catalog values (data/hardware.json)";
  }
  if (notes) {
    // One note per hardware word: the resolver's note says which part stands for the word;
    // the range's parts go onto it rather than into a second "hardware gpu:" note.
    std::string said = fmt::format("catalog parts in the range: {}", used);
    if (!left_out.empty()) said += "; left out of the range: " + left_out;
    const std::string head = "hardware " + std::string(w.word) + ": ";
    auto it = std::find_if(r.notes.begin(), r.notes.end(), [&](const std::string& n) { return n.starts_with(head); });
    if (it != r.notes.end())
      *it += "; " + said;
    else
      r.notes.push_back(head + said);
  }
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
  if (p.energy && !p.energy->world) {
    s.mix = mix_of(*p.energy);
  } else if (!given.region && !given.intensity && !given.mix) {
    // No place at all, words or not: the world average, labelled (issue 17 asks for it;
    // docs/methodology.md §8.4), rather than emissions left unknown.
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
  // An input drawn across a hardware word's parts is "the hardware" (plain.hpp): the
  // sentence says which of the part's figures it carries.
  struct said {
    std::string what, name, fact;
  };
  auto words_of = [&](uncertain_input i) -> said {
    for (const auto& d : u.inputs)
      if (d.input == i && d.basis.starts_with(detail::across_parts_basis)) {
        using enum uncertain_input;
        const std::string_view figure = i == precision_speedup ? "peak FLOP/s"
                                        : i == power_fraction  ? "power draw"
                                        : i == host_max_w      ? "server's host power"
                                                               : "manufacturing emissions";
        return {"the hardware",
                "which accelerator: its " + std::string(figure) + ", drawn as " + std::string(to_string(i)),
                "which accelerator the run used (`hardware`, e.g. h100, a100-sxm4-80gb or tpu-v4)"};
      }
    const auto w = words_for(i);
    return {std::string(w.what), std::string(to_string(i)), std::string(w.fact)};
  };
  const said top = words_of(u.sensitivity.front().input);
  std::string t = "the range comes mostly from " + top.what + " (" + top.name + ")";
  for (std::size_t k = 1; k < u.sensitivity.size() && u.sensitivity[k].swing > 0; ++k) {
    const said next = words_of(u.sensitivity[k].input);
    if (next.what == top.what) continue;  // the same fact (the hardware's several figures)
    t += ", then " + next.what;
    break;
  }
  t += "; the single fact that would narrow it most: " + top.fact;
  return t;
}

}  // namespace trainprint::inline v0
