#pragma once
/// \file plain.hpp
/// Plain-language inputs (docs/methodology.md §8): the coarse words a person who is
/// not an engineer knows about a training run, each read as a sourced range.
///
/// - size: small | medium | large | very-large → a band of parameters, tokens from
///   the compute-optimal rule (Hoffmann et al. 2022) when not given;
/// - duration: days | weeks | months → a range of wall-clock hours;
/// - hardware: gpu | tpu | accelerator → a typical current data-centre part;
/// - energy: renewable | fossil | mixed | unknown → an electricity mix from the IPCC
///   AR5 lifecycle factors, or the world average.
///
/// Every band is a triangular distribution (low, mode, high) whose mode is the
/// geometric middle √(low·high) of its ends, so a word is never a silent point: a
/// scenario that uses one gets the Monte Carlo by itself (make_estimate).
///
/// \code
/// trainprint::scenario s;
/// s.size = "large"; s.hardware = "gpu"; s.count = 256; s.energy = "fossil";
/// trainprint::set_input(s, "duration_h", "weeks");
/// const auto e = trainprint::make_estimate(s, trainprint::catalog::embedded());  // with ranges
/// \endcode

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "scenario.hpp"

namespace trainprint::inline v0 {

struct input_distribution;
struct uncertainty_result;

/// One coarse word and the range it stands for (in `unit`), with the rule and source.
struct plain_band {
  std::string_view word;    ///< as typed, lower case: "large"
  double low = 0, high = 0; ///< the band's ends; the mode is √(low · high)
  std::string_view unit;    ///< "parameters", "h"
  std::string_view meaning; ///< one line for people: "10B–100B parameters (Llama-2 70B, ...)"
  /// The triangular distribution (low, √(low·high), high).
  [[nodiscard]] range as_range() const;
};

/// Model-size words: decades of parameters. The band edges are powers of ten; each
/// band holds published runs of the catalog's presets (docs/methodology.md §8.1).
inline constexpr std::array<plain_band, 4> size_bands{{
    {"small", 1e8, 1e9, "parameters", "100M–1B parameters (Pythia 160M and 410M)"},
    {"medium", 1e9, 1e10, "parameters", "1B–10B parameters (Pythia 1.4B, Llama-2 7B)"},
    {"large", 1e10, 1e11, "parameters", "10B–100B parameters (Llama-2 13B and 70B)"},
    {"very-large", 1e11, 1e12, "parameters", "100B–1T parameters (GPT-3 175B, BLOOM 176B, PaLM 540B)"},
}};

/// Duration words: the span each word names in ordinary use.
inline constexpr std::array<plain_band, 3> duration_bands{{
    {"days", 24, 7 * 24, "h", "1 to 7 days"},
    {"weeks", 7 * 24, 30 * 24, "h", "1 week to 30 days"},
    {"months", 30 * 24, 180 * 24, "h", "30 to 180 days (1 to 6 months)"},
}};

/// Compute-optimal training tokens per parameter (Hoffmann et al. 2022, "Training
/// Compute-Optimal Large Language Models", arXiv:2203.15556, Table 3: 20.0 at 400M
/// to 21.6 at 10T parameters): tokens = ratio × parameters when a size word is given
/// without tokens. The range (low, mode, high) is the table's spread.
struct tokens_rule {
  double low = 20.0, mode = 20.0, high = 21.6;
  std::string_view source =
      "Hoffmann et al. 2022, Training Compute-Optimal Large Language Models (arXiv:2203.15556), Table 3: 20.0–21.6 "
      "tokens per parameter";
};
inline constexpr tokens_rule compute_optimal_tokens{};

/// A hardware word: the set of catalog parts it stands for and the central one.
struct plain_part {
  std::string_view word;  ///< "gpu"
  std::string_view id;    ///< the central part's catalog id: "nvidia-h100-sxm5-80gb"
  std::string_view why;   ///< the rule that picked the set and the central part, with its source
  std::array<std::string_view, 10> parts;  ///< the set (catalog ids, the central one among them); "" unused
};

/// Hardware words. The set: the data-centre accelerators released in 2020 or later
/// that trained at least 5 notable ML models in Epoch AI's "Data on Machine Learning
/// Hardware" (ML models column, 2025-12 export, CC BY 4.0) and have a published or
/// derived TDP in the catalog: A100 (the "A100" and "A100 SXM4 40 GB" rows: SXM4 40 GB;
/// "A100 SXM4 80 GB"; "A100 PCIe", released 2020-06: PCIe 40 GB), H100 SXM5 (151
/// models), H800 SXM5 (22), H200 SXM (5), GB200 (6); TPU v4 (65), v5p (5), v6e (6).
/// TPU v5e (28 models) is left out: neither Epoch nor the catalog has its TDP. The
/// central part, whose numbers the point estimate uses, is the one of the set used by
/// the most models since 2021: H100 SXM5 (151), TPU v4 (65). The Monte Carlo draws the
/// per-part inputs (peak FLOP/s, TDP, host power, embodied emissions) from the set's
/// lowest to its highest value (detail::spread_over_parts).
inline constexpr std::array<plain_part, 3> hardware_words{{
    {"gpu", "nvidia-h100-sxm5-80gb",
     "a typical current data-centre GPU: the H100 SXM5 (the GPU released since 2021 used by the most notable ML "
     "models, 151, in Epoch AI's Data on Machine Learning Hardware, 2025), with a range across the data-centre GPUs "
     "since 2020 used by at least 5 notable models there (A100, H100, H800, H200, GB200)",
     {"nvidia-a100-pcie-40gb", "nvidia-a100-sxm4-40gb", "nvidia-a100-sxm4-80gb", "nvidia-h100-sxm5-80gb",
      "nvidia-h800-sxm5-80gb", "nvidia-h200-sxm-141gb", "nvidia-gb200-per-gpu", "", "", ""}},
    {"tpu", "google-tpu-v4",
     "a typical current TPU: TPU v4 (the TPU released since 2021 used by the most notable ML models, 65, in Epoch "
     "AI's Data on Machine Learning Hardware, 2025), with a range across the TPUs since 2020 used by at least 5 "
     "notable models there and with a TDP (v4, v5p, v6e)",
     {"google-tpu-v4", "google-tpu-v5p", "google-tpu-v6e", "", "", "", "", "", "", ""}},
    {"accelerator", "nvidia-h100-sxm5-80gb",
     "a typical current data-centre accelerator: the H100 SXM5 (the accelerator released since 2021 used by the "
     "most notable ML models, 151, in Epoch AI's Data on Machine Learning Hardware, 2025), with a range across the "
     "data-centre GPUs and TPUs since 2020 used by at least 5 notable models there (A100, H100, H800, H200, GB200, "
     "TPU v4, v5p, v6e)",
     {"nvidia-a100-pcie-40gb", "nvidia-a100-sxm4-40gb", "nvidia-a100-sxm4-80gb", "nvidia-h100-sxm5-80gb",
      "nvidia-h800-sxm5-80gb", "nvidia-h200-sxm-141gb", "nvidia-gb200-per-gpu", "google-tpu-v4", "google-tpu-v5p",
      "google-tpu-v6e"}},
}};

/// An energy word: equal shares of the named energy sources (energy_sources.json,
/// IPCC AR5 lifecycle factors), or the world average (`world`).
struct plain_energy {
  std::string_view word;
  std::array<std::string_view, 4> sources;  ///< equal shares; "" unused
  bool world = false;                       ///< the world-average grid (regions.json WORLD)
  std::string_view meaning;
};
inline constexpr std::array<plain_energy, 4> energy_words{{
    {"renewable", {"wind", "solar", "", ""}, false, "mostly wind and solar: half wind, half solar PV"},
    {"fossil", {"coal", "gas", "", ""}, false, "mostly fossil: half coal, half natural gas"},
    {"mixed", {"wind", "solar", "coal", "gas"}, false, "half renewable (wind, solar), half fossil (coal, gas)"},
    {"unknown", {"", "", "", ""}, true,
     "not known: the world average (OWID/Ember), anywhere from a wind-and-solar grid to a coal-and-gas grid"},
}};

/// The catalog id of the world-average grid.
inline constexpr std::string_view world_region = "WORLD";

/// The size band named by `word` (case-insensitive; "very-large", "very_large",
/// "very large"); nullptr when it is not a size word.
const plain_band* find_size(std::string_view word);
/// The duration band named by `word` (case-insensitive); nullptr when not a duration word.
const plain_band* find_duration_word(std::string_view word);
/// The part a hardware word stands for (case-insensitive); nullptr when not a hardware word.
const plain_part* find_hardware_word(std::string_view word);
/// The energy word `word` (case-insensitive); nullptr when not an energy word.
const plain_energy* find_energy_word(std::string_view word);

/// The words of each kind, comma-separated, for messages: "small, medium, large, very-large".
std::string size_words();
std::string duration_words();
std::string energy_word_list();

/// The equal-share mix of energy word `e` (not the world one).
energy_mix mix_of(const plain_energy& e);

/// True when `s` uses a plain-language word or a range: its estimate then carries
/// the Monte Carlo by itself.
bool wants_ranges(const scenario& s);

class catalog;
struct resolved_scenario;

/// A scenario with its words read (resolve() works on `s`): a size word becomes
/// params and tokens at their modes, a hardware word its catalog part, an energy
/// word its equal-share mix; with no place at all (no region, intensity, mix or
/// energy word other than unknown) every scenario, plain or expert, gets the
/// world-average grid (regions.json WORLD, OWID/Ember), labelled in a note and the trace.
struct plain_reading {
  scenario s;
  const plain_band* size = nullptr;
  range params{}, tokens{};  ///< the size word's parameters and tokens (when `size`)
  bool tokens_from_rule = false;  ///< tokens from compute_optimal_tokens (not given)
  const plain_part* part = nullptr;
  const plain_energy* energy = nullptr;
  bool world = false;  ///< the world-average grid stands for an unknown place
  /// The FLOPs range of the size word around `flops` (k · N · D at the mode):
  /// k · N · D at the bands' ends, scaled from the mode.
  [[nodiscard]] range flops_range(double flops) const;
};
/// Reads the words of `given` (already validated).
plain_reading read_plain(const scenario& given);

namespace detail {
/// Throws input_error where an energy word stands in place of a catalog id: a region
/// (--region renewable) or a mix source (--mix fossil=1) the catalog lacks; the
/// message names --energy.
void check_plain_ids(const scenario& s, const catalog& cat);
/// The basis text that marks a distribution widened across a hardware word's parts.
inline constexpr std::string_view across_parts_basis = "across the parts of hardware ";
/// For a scenario `given` whose hardware is the word `w`, resolved into `r` with its
/// central part: widens the per-part inputs to run across the parts of `w` (each part
/// resolved with resolve_inputs; one that cannot be resolved with the scenario's other
/// inputs, e.g. an unsupported precision, is left out and named in a note).
/// precision_speedup's and power_fraction's ranges are multiplied by the parts' lowest
/// and highest peak FLOP/s and average power (TDP × typical power fraction) over the
/// central part's, since the formula multiplies the peak and the TDP by them (where the
/// power follows the MFU, the fraction stays at most 1: at most the central part's TDP);
/// host_max_w, embodied_accelerator_kg and embodied_host_kg run from the lowest to the
/// highest part's value where that is wider than their own range. Modes stay the central
/// part's values, so the point estimate does not move. Each widened input's basis starts
/// with across_parts_basis, which range_summary() reads as "the hardware".
void spread_over_parts(const plain_part& w, const scenario& given, const catalog& cat, resolved_scenario& r,
                       bool notes);
}  // namespace detail

/// One sentence on what drives an estimate's range and which single fact would
/// narrow it most, from the sensitivity pass (largest swing first); "" when nothing varies.
std::string range_summary(const uncertainty_result& u);

}  // namespace trainprint::inline v0
