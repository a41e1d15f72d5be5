#pragma once
/// \file defaults.hpp
/// Every default the estimator may fall back on, as a named constant with its
/// source. Each use is recorded in the estimate's trace with origin "default" and
/// the citation below, so no default is ever silent. Calibration against published
/// runs (issue #5) may refine these; docs/methodology.md derives them.

#include <array>
#include <string_view>

#include "scenario.hpp"

namespace trainprint::inline v0::defaults {

// docs/methodology.md section 4 derives every value below and lists it in a
// machine-readable table that tests/unit/defaults.test.cpp compares with this file.
// Whole-run MFU is not here: it is a model fitted on the published runs of
// data/presets.json (calibration.hpp, data/calibration.json). Power from the H200
// measurements of tests/data/h200 (one GPU), Dodge et al. 2022 (256 A100s) and
// Morrison et al. 2025 (OLMo 2); host maximum from DGX-1 V100 (1,100 W over 2,400 W
// of GPUs) to DGX A100 (3,300 W over 3,200 W); PUE from IDC's 2024 public-cloud
// average 1.25 to Uptime's 2019 average 1.67; WUE from AWS's 2025 fleet 0.12 to
// LBNL's 1.8 L/kWh; service life from Boavizta's 3 years (26,280 h) to 6 years.

/// A default value with the text that cites it, and the range (low ≤ value ≤
/// high) that uncertainty analysis draws it from. A constant of the method has
/// low = value = high.
struct sourced {
  double value;
  std::string_view source;
  double low;
  double high;
};

/// FLOPs per parameter per token for forward + backward (Kaplan et al. 2020,
/// "Scaling Laws for Neural Language Models", §2.1: C ≈ 6·N·D).
inline constexpr sourced flops_per_param_token{6.0,
    "Kaplan et al. 2020, Scaling Laws for Neural Language Models, sec. 2.1 (C = 6ND), https://arxiv.org/abs/2001.08361", 6.0, 6.0};
/// With full activation recomputation the forward pass runs twice: 8·N·D
/// (Korthikanti et al. 2022, "Reducing Activation Recomputation in Large Transformer Models", §3).
inline constexpr sourced flops_per_param_token_recompute{8.0,
    "Korthikanti et al. 2022, Reducing Activation Recomputation in Large Transformer Models, https://arxiv.org/abs/2205.05198", 8.0, 8.0};
/// Of the 6·N FLOPs per parameter and token, the weight gradients take 2·N (the backward
/// pass is two matrix products per layer, one for the activations' gradients and one for
/// the weights'; Kaplan et al. 2020 sec. 2.1). A parameter-efficient fine-tune (LoRA: Hu
/// et al. 2021, sec. 4) computes them only for its trainable parameters.
inline constexpr sourced weight_gradient_flops_per_param_token{2.0,
    "Kaplan et al. 2020, sec. 2.1 (backward = 2x forward: activation and weight gradients, 2N each), https://arxiv.org/abs/2001.08361; Hu et al. 2021, LoRA, sec. 4 (frozen weights get no gradients), https://arxiv.org/abs/2106.09685", 2.0, 2.0};
/// Attention FLOPs per token = 12·L·d_model·seq_len for forward + backward
/// (Chowdhery et al. 2022, PaLM, appendix B: 6N + 12·L·H·Q·T).
inline constexpr sourced attention_flops_factor{12.0,
    "Chowdhery et al. 2022, PaLM, appendix B (6N + 12LHQT), https://arxiv.org/abs/2204.02311", 12.0, 12.0};

/// Whole-run MFU is not a constant here: calibration.hpp fits it on the published
/// runs of data/presets.json (as a function of the accelerator's reference peak, the
/// active parameters and the MoE ratio) and takes its interval from
/// leave-one-organisation-out residuals. The ridge penalty of that fit on every
/// coefficient but the intercept: chosen by leave-one-organisation-out error
/// (docs/methodology.md §4.1), a method constant.
inline constexpr double mfu_fit_ridge = 0.3;

/// Training at a lower precision than the reference peak (dense bf16): the end-to-end
/// throughput speed-up of fp8 over bf16, same model and hardware. Median 1.27 of 20
/// published end-to-end framework measurements on H100 and Blackwell (torchtitan,
/// torchao, PyTorch/IBM FSDP2 float8, Databricks, NeMo, Megatron-Bridge), range 1.10
/// (rowwise scaling, Llama 3 8B) to 1.52 (405B); scripts/data/factors_NOTES.md lists them.
/// Not the 2x of the datasheet peaks: GEMMs are only part of a step.
inline constexpr sourced fp8_speedup{1.27,
    "median end-to-end fp8/bf16 training speed-up of 20 framework measurements on H100/B200 (1.10-1.52; torchtitan, torchao, Databricks, NVIDIA NeMo; all in scripts/data/factors_NOTES.md), e.g. PyTorch/IBM 2024, Supercharging training using float8 and FSDP2, https://pytorch.org/blog/training-using-float8-fsdp2/", 1.10, 1.52};

/// Accelerator power follows how busy it is: power = TDP x (idle + (typical - idle) x
/// MFU / fitted MFU), capped at TDP, so a run that waits (low MFU) draws less and no
/// input moves MFU without power. `power_idle_fraction`: an idle H200 drew 126.6 W of
/// its 700 W limit (tests/data/h200/results.json, phase "idle"). The typical whole-run
/// fraction at the fitted MFU: the median of measured whole-run averages, 281 W of 400 W
/// on 256 A100s (Dodge et al. 2022: 0.70), >0.85 of TDP while OLMo 2 trained on H100s
/// with dips to 0.15 at checkpoints (Morrison et al. 2025), and 686-693 W of 700 W on a
/// busy H200 (0.98-0.99, tests/data/h200): 0.75, ranging from 0.55 to 0.99.
inline constexpr sourced power_idle_fraction{126.6 / 700.0,
    "trainprint H200 measurements 2026 (CC BY 4.0), idle phase 126.6 W at a 700 W limit, tests/data/h200/results.json", 126.6 / 700.0, 126.6 / 700.0};
inline constexpr sourced power_fraction_typical{0.75,
    "median of measured whole-run GPU power: trainprint H200 measurements 2026 (0.98-0.99 busy, tests/data/h200), Morrison et al. 2025 (OLMo 2 on H100, >85% of maximum while training, arXiv:2503.05804) and Dodge et al. 2022, Measuring the Carbon Intensity of AI in Cloud Instances (256 A100s, 281 of 400 W), https://arxiv.org/abs/2206.05229", 0.55, 0.99};

/// Power fraction of an accelerator whose catalog power is a measured average under
/// training load (tdp_kind "measured_avg": TPU v2/v3 from Patterson et al. 2021
/// Table 3, TPU v4 from Google's measured mean): the figure is already the average,
/// so it is used as it is. Range: Patterson's TPU v3 runs drew 245-310 W against the
/// catalog's 283 W (0.87-1.10); capped at 1, the most a power fraction may be.
inline constexpr sourced power_fraction_measured_avg{1.0,
    "catalog power is a measured average under load (tdp_kind measured_avg), used as it is; Patterson et al. 2021 Table 3, https://arxiv.org/abs/2104.10350", 0.85, 1.0};

/// Families whose catalog power is measured *system* power per chip (host CPU,
/// memory, NICs and fans included): Patterson et al. 2021 Table 3 measured TPU v2
/// at 221 W and TPU v3 at 283 W per chip this way. The servers boundary adds no
/// further host power for them (it would count the host twice).
/// A GH200 Grace Hopper module's power covers its Grace CPU and LPDDR5X memory too (NVIDIA
/// GH200 datasheet: module power 450-1000 W for CPU + GPU + memory).
inline constexpr std::array<std::string_view, 3> host_included_families{"tpu-v2", "tpu-v3", "grace-hopper"};
inline constexpr std::string_view host_included_source =
    "Patterson et al. 2021, Carbon Emissions and Large Neural Network Training, Table 3: measured average system power per TPU v2/v3 chip, host included, https://arxiv.org/abs/2104.10350";
inline constexpr std::string_view host_included_module_source =
    "NVIDIA GH200 Grace Hopper Superchip datasheet: module power (Grace CPU + Hopper GPU + memory) configurable 450-1000 W, https://resources.nvidia.com/en-us-data-center-overview-mc/en-us-data-center-overview/grace-hopper-superchip-datasheet-partner";
/// Whether a family's catalog power already includes its host (see above).
constexpr bool host_included(std::string_view family) {
  for (auto f : host_included_families)
    if (f == family) return true;
  return false;
}
/// The source that says a family's catalog power includes its host.
constexpr std::string_view host_included_source_of(std::string_view family) {
  return family == "grace-hopper" ? host_included_module_source : host_included_source;
}

/// Host power when the accelerator has no server profile with a published maximum:
/// the non-accelerator share of a DGX H100 relative to its GPUs' TDP,
/// (10,200 W − 8 × 700 W) / (8 × 700 W) = 4,600 / 5,600 = 0.8214.
inline constexpr sourced host_max_fraction_of_tdp{4600.0 / 5600.0,
    "NVIDIA DGX H100 user guide: 10.2 kW max system power, 8 x 700 W GPUs, https://docs.nvidia.com/dgx/dgxh100-user-guide/introduction-to-dgxh100.html", 1100.0 / 2400.0, 3300.0 / 3200.0};

/// PUE when neither the site, the region nor the provider gives one: Uptime
/// Institute Global Data Center Survey 2024 industry average.
inline constexpr sourced pue{1.56,
    "Uptime Institute Global Data Center Survey 2024 (industry average PUE 1.56), https://datacenter.uptimeinstitute.com/rs/711-RIA-145/images/2024.GlobalDataCenterSurvey.Report.pdf", 1.25, 1.67};
/// On-site WUE when nothing is known: the commonly cited US data-centre average
/// (LBNL 2016 report lineage; low confidence, very climate dependent).
inline constexpr sourced wue_l_per_kwh{1.8,
    "Shehabi et al. 2016, United States Data Center Energy Usage Report, LBNL (1.8 L/kWh, low confidence), https://eta.lbl.gov/publications/united-states-data-center-energy", 0.12, 1.8};

/// Where a run trains. The site kind sets the PUE, the on-site WUE and the host power
/// when the user, the region and the provider give none (DESIGN.md §1.6).
enum class site_kind : unsigned char { data_centre, server_room, workstation, desktop, laptop };

/// One kind of site: its id (the --site-kind value), its defaults and where they come from.
/// `machine_host_w` is the host (CPU, memory, board) of one machine at full load, W, from
/// which each of its accelerators takes an equal share; 0 for the server sites, whose host
/// comes from the accelerator's server profile. Every host figure is a CPU's TDP plus its
/// memory at Green Algorithms' 0.3725 W/GB (both from upstream-data/green-algorithms,
/// CC BY 4.0), a derivation of low confidence.
struct site_profile {
  site_kind kind;
  std::string_view id;
  std::string_view name;
  sourced pue;
  sourced wue_l_per_kwh;
  sourced machine_host_w;
  int accelerators_per_machine;  ///< how many accelerators one machine holds (sets the host share)
  /// Manufacturing emissions of one machine's host (all but its accelerators), kg CO2e; 0 for
  /// the server sites, whose host embodied comes from the catalog's per-server factor.
  sourced machine_embodied_kg = {0, "server factor", 0, 0};
  /// True for a site that is a room of servers (its region's or provider's PUE and WUE apply).
  [[nodiscard]] constexpr bool servers() const { return machine_host_w.value == 0; }
};

/// Green Algorithms' PUE for a personal computer or workstation (no facility overhead).
inline constexpr std::string_view personal_pue_source =
    "Green Algorithms calculator (Lannelongue, Grealey, Inouye 2021, Adv. Sci. 8:2100707): PUE 1 for a personal computer or workstation, blueprints/form/form_blueprint.py, https://github.com/GreenAlgorithms/green-algorithms-tool";
/// No on-site water at a personal computer: it is air-cooled by its own fans.
inline constexpr std::string_view personal_wue_source =
    "derived: a personal computer is air-cooled by its own fans and uses no on-site cooling water (low confidence; the building's air conditioning is not attributed)";

/// The host's manufacturing emissions at a personal site (Green Algorithms' ADEME-based figures).
inline constexpr std::string_view personal_embodied_source =
    "Green Algorithms hardware_impacts.csv (CC BY 4.0), from ADEME Base Impacts v2.0: other devices (case, board, PSU, storage) of a workstation 225.7 kg CO2e, of a laptop 125 kg; a whole professional desktop with screen 267.2 kg, a whole laptop 170 kg (the ranges' tops); low confidence, https://github.com/GreenAlgorithms/green-algorithms-tool/blob/main/data/latest/hardware_impacts.csv";

/// The site kinds, in the order `--site-kind` lists them.
inline constexpr std::array<site_profile, 5> site_profiles{{
    {site_kind::data_centre, "data-centre", "data centre", pue, wue_l_per_kwh, {0, "server profile", 0, 0}, 0},
    {site_kind::server_room, "server-room", "on-premises server room",
     {1.8,
      "Cheung et al. 2013, Energy Efficiency of Small Data Centers (LBNL): PUE 1.5-2.1 measured in small server rooms; 1.8 = midpoint (derived, medium confidence), http://eetd.lbl.gov/news/article/57083/energy-efficiency-of-small-data",
      1.5, 2.1},
     {0.0,
      "derived: a small server room is cooled by direct-expansion air conditioning without cooling towers, so no on-site water (low confidence); up to the data-centre average 1.8 L/kWh of Shehabi et al. 2016 where the building's chillers use cooling towers",
      0.0, 1.8},
     {0, "server profile", 0, 0}, 0},
    {site_kind::workstation, "workstation", "workstation", {1.0, personal_pue_source, 1.0, 1.0},
     {0.0, personal_wue_source, 0.0, 0.0},
     {280.0 + 128 * 0.3725,
      "derived from Green Algorithms TDP_cpu.csv and referenceValues.csv (CC BY 4.0): workstation host = Ryzen Threadripper 3990X 280 W + 128 GB x 0.3725 W/GB = 327.7 W; range Core i9-10900XE 165 W + 64 GB (188.8 W) to 280 W + 256 GB (375.4 W); low confidence, https://github.com/GreenAlgorithms/green-algorithms-tool",
      165.0 + 64 * 0.3725, 280.0 + 256 * 0.3725},
     4, {225.682, personal_embodied_source, 125.0, 267.178}},
    {site_kind::desktop, "desktop", "desktop PC", {1.0, personal_pue_source, 1.0, 1.0},
     {0.0, personal_wue_source, 0.0, 0.0},
     {125.0 + 32 * 0.3725,
      "derived from Green Algorithms TDP_cpu.csv and referenceValues.csv (CC BY 4.0): desktop host = Core i9-12900K 125 W + 32 GB x 0.3725 W/GB = 136.9 W; range Core i5-10400 65 W + 16 GB (71.0 W) to 125 W + 64 GB (148.8 W); low confidence, https://github.com/GreenAlgorithms/green-algorithms-tool",
      65.0 + 16 * 0.3725, 125.0 + 64 * 0.3725},
     2, {225.682, personal_embodied_source, 125.0, 267.178}},
    {site_kind::laptop, "laptop", "laptop", {1.0, personal_pue_source, 1.0, 1.0}, {0.0, personal_wue_source, 0.0, 0.0},
     {28.0 + 16 * 0.3725,
      "derived from Green Algorithms TDP_cpu.csv and referenceValues.csv (CC BY 4.0): laptop host = Core i5-1145G7 28 W + 16 GB x 0.3725 W/GB = 34.0 W; range Ryzen 5 3500U 15 W + 8 GB (18.0 W) to 28 W + 32 GB (39.9 W); low confidence, https://github.com/GreenAlgorithms/green-algorithms-tool",
      15.0 + 8 * 0.3725, 28.0 + 32 * 0.3725},
     1, {125.0, personal_embodied_source, 125.0, 170.0}},
}};

static_assert([] {
  for (std::size_t k = 0; k < site_profiles.size(); ++k)
    if (site_profiles[k].id != site_kind_names[k] || static_cast<std::size_t>(site_profiles[k].kind) != k) return false;
  return site_profiles.size() == site_kind_names.size();
}(), "site_profiles are in enum order and their ids are scenario.hpp's site_kind_names");

/// The site kind an accelerator's market segment implies: a consumer part trains in a
/// desktop, a workstation part in a workstation, a laptop part in a laptop, anything else
/// (or a part without a segment) in a data centre.
constexpr site_kind site_kind_for_segment(std::string_view segment) {
  if (segment == "consumer") return site_kind::desktop;
  if (segment == "workstation") return site_kind::workstation;
  if (segment == "laptop") return site_kind::laptop;
  return site_kind::data_centre;
}

/// The profile of a site kind.
constexpr const site_profile& site_profile_of(site_kind k) { return site_profiles[static_cast<std::size_t>(k)]; }

/// The site kind with id `id` (exact, or with '_' or ' ' for '-'); nullptr when unknown.
constexpr const site_profile* find_site_profile(std::string_view id) {
  for (const auto& p : site_profiles) {
    if (p.id.size() != id.size()) continue;
    bool same = true;
    for (std::size_t k = 0; k < id.size() && same; ++k) {
      char c = id[k];
      if (c == '_' || c == ' ') c = '-';
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      same = c == p.id[k];
    }
    if (same) return &p;
  }
  return nullptr;
}

/// Service life over which embodied emissions are amortised (LLMCarbon embodied.py).
inline constexpr sourced lifetime_years{5.0,
    "Faiz et al. 2024, LLMCarbon (ICLR), embodied.py: 5-year hardware lifetime, https://github.com/SotaroKaneda/MLCarbon", 3.0, 6.0};

/// Hours in a year for amortisation (365 × 24).
inline constexpr double hours_per_year = 8760.0;

/// The default precision, and the order tried when an accelerator lacks it.
inline constexpr std::array<precision, 3> precision_preference{precision::bf16, precision::fp16,
                                                               precision::fp32};

}  // namespace trainprint::inline v0::defaults
