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

// Calibration (issue #5; docs/methodology.md section 4 derives every value below
// and lists it in a machine-readable table that tests/unit/defaults.test.cpp
// compares with this file). MFU defaults are whole-run ("effective") utilisation,
// training FLOPs / (accelerator-hours x peak), from the published runs in
// data/presets.json (scripts/data/calibrate_defaults.py prints the table): lower
// than the per-step MFU papers quote, because restarts, evaluation, checkpoints
// and long-context stages also burn accelerator-hours. Power fraction from the
// H200 measurements of DESIGN.md sec. 1.2 (one node) and Dodge et al. 2022 (256
// A100s); host maximum from DGX-1 V100 (1,100 W over 2,400 W of GPUs) to DGX A100
// (3,300 W over 3,200 W); PUE from IDC's 2024 public-cloud average 1.25 to
// Uptime's 2019 average 1.67; WUE from AWS's 2025 fleet 0.12 to LBNL's 1.8 L/kWh;
// service life from Boavizta's 3 years (26,280 h) to 6 years. Ranges are the
// spread of the calibration points, widened where there are few.

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
/// Attention FLOPs per token = 12·L·d_model·seq_len for forward + backward
/// (Chowdhery et al. 2022, PaLM, appendix B: 6N + 12·L·H·Q·T).
inline constexpr sourced attention_flops_factor{12.0,
    "Chowdhery et al. 2022, PaLM, appendix B (6N + 12LHQT), https://arxiv.org/abs/2204.02311", 12.0, 12.0};

/// Model-FLOPs utilisation by accelerator family: whole-run utilisation of
/// published large runs (training FLOPs / (accelerator-hours x dense peak)).
struct family_mfu {
  std::string_view family;
  double mfu;
  std::string_view source;
  double low;   ///< range for uncertainty analysis
  double high;
};
inline constexpr std::array<family_mfu, 8> mfu_by_family{{
    // One run: GPT-3, 3.14e23 FLOP / (10,000 x 355.2 h x 125 TFLOP/s) = 0.196 (Patterson
    // Table 4; the per-step figure in PaLM Table 3 is 21.3%). Thin: range widened.
    {"volta", 0.20, "whole-run MFU of GPT-3 on V100: 3.14e23 FLOP / (3.552e6 h x 125 TFLOP/s) = 0.196, Patterson et al. 2021 Table 4 (PaLM Table 3: 21.3% per step), https://arxiv.org/abs/2104.10350", 0.12, 0.30},
    // Nine runs: OPT-175B 0.208, BLOOM 0.318, Llama 2 7B/13B/70B 0.406/0.377/0.435,
    // LLaMA 7B/13B/33B/65B 0.434/0.514/0.458/0.477; median 0.434. Seven of nine are Meta's.
    {"ampere", 0.43, "median whole-run MFU of 9 published A100 runs (OPT 0.21, BLOOM 0.32, LLaMA 1 and Llama 2 0.38-0.51), 6ND / (GPU-hours x 312 TFLOP/s); docs/methodology.md sec. 4.1", 0.20, 0.52},
    // Five runs, all Meta: Llama 3 8B/70B 0.155/0.276, Llama 3.1 8B/70B/405B
    // 0.139/0.255/0.346 (6ND over the model cards' GPU-hours); median 0.255. Per-step
    // MFU of the 405B was 38-43% (Llama 3 paper Table 4): the high end of the range.
    {"hopper", 0.26, "median whole-run MFU of 5 published H100 runs (Llama 3 and 3.1 model cards: 0.14-0.35), 6ND / (GPU-hours x 989.4 TFLOP/s); per-step 38-43% in Llama Team 2024, The Llama 3 Herd of Models, Table 4, https://arxiv.org/abs/2407.21783", 0.13, 0.43},
    // One run: Evolved Transformer NAS, 24.8 of 46 TFLOP/s = 0.538 (Patterson Table 4). Thin.
    {"tpu-v2", 0.54, "whole-run MFU of the Evolved Transformer search on TPU v2: 24.8 of 46 TFLOP/s = 0.54, Patterson et al. 2021 Table 4 (one run), https://arxiv.org/abs/2104.10350", 0.30, 0.60},
    // Six runs: Switch 0.280, Gopher 0.302, Meena 0.343, T5 0.372, GShard 0.394,
    // LaMDA 0.565; median 0.358.
    {"tpu-v3", 0.36, "median whole-run MFU of 6 published TPU v3 runs (Switch 0.28, Gopher 0.30, Meena 0.34, T5 0.37, GShard 0.39, LaMDA 0.57): Patterson et al. 2021 Table 4, Rae et al. 2021, Thoppilan et al. 2022", 0.28, 0.57},
    // No whole-run energy data: PaLM's per-step 46.2% x 0.9, the median ratio of
    // whole-run to per-step MFU where both are published (GPT-3 0.92, Gopher 0.93,
    // Llama 3.1 405B 0.87, LLaMA 65B 1.0, BLOOM 0.66, OPT 0.44) = 0.42.
    {"tpu-v4", 0.42, "PaLM per-step MFU 46.2% (Chowdhery et al. 2022, Table 3) x 0.9, the median whole-run/per-step ratio of 6 runs; docs/methodology.md sec. 4.1, https://arxiv.org/abs/2204.02311", 0.25, 0.55},
    // Blackwell and Ada: no published large run; Hopper's value, wider range.
    {"blackwell", 0.26, "no published large-run MFU; Hopper value (median whole-run MFU of Llama 3/3.1) assumed, https://arxiv.org/abs/2407.21783", 0.13, 0.50},
    {"ada", 0.26, "no published large-run MFU; Hopper value (median whole-run MFU of Llama 3/3.1) assumed, https://arxiv.org/abs/2407.21783", 0.13, 0.50},
}};
/// MFU for a family with no entry above: the median whole-run MFU of all 22
/// published runs with accelerator-hours in data/presets.json (0.359), with
/// their full spread (0.139 Llama 3.1 8B to 0.565 LaMDA) as the range.
inline constexpr sourced mfu_fallback{0.36,
    "median whole-run MFU of 22 published runs (0.14-0.57) in data/presets.json; docs/methodology.md sec. 4.1", 0.14, 0.57};

/// Average accelerator power as a fraction of TDP. One busy node (≤ 8
/// accelerators): measured 0.98-0.99 of TDP on an H200 under bf16 training
/// (DESIGN.md §1.2); 0.61 when half the time is idle gaps. Multi-node runs: Dodge
/// et al. 2022 measured 281 W average per 400 W A100 over a 256-GPU run: 281/400 =
/// 0.7025. The only other multi-node measurement, GPT-3's 330 W per 300 W V100 with
/// its host (Patterson Table 4), implies 0.75 with DGX-1's host share; Morrison et
/// al. 2025 saw power swing between 15% and 85% of maximum during OLMo 2 training.
/// Thin data: the range runs from 0.5 to fully busy.
inline constexpr sourced power_fraction_single_node{0.98,
    "trainprint measurement, H200 at 700 W limit, bf16 GPT training: 686-693 W (DESIGN.md sec. 1.2, 2026-11)", 0.61, 0.99};
inline constexpr sourced power_fraction_multi_node{0.7025,
    "Dodge et al. 2022, Measuring the Carbon Intensity of AI in Cloud Instances: 281 W avg per 400 W A100, 256 GPUs, https://arxiv.org/abs/2206.05229", 0.50, 0.99};
/// Up to this many accelerators the run is taken as one busy node.
inline constexpr int single_node_max_accelerators = 8;

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
inline constexpr std::array<std::string_view, 2> host_included_families{"tpu-v2", "tpu-v3"};
inline constexpr std::string_view host_included_source =
    "Patterson et al. 2021, Carbon Emissions and Large Neural Network Training, Table 3: measured average system power per TPU v2/v3 chip, host included, https://arxiv.org/abs/2104.10350";
/// Whether a family's catalog power already includes its host (see above).
constexpr bool host_included(std::string_view family) {
  for (auto f : host_included_families)
    if (f == family) return true;
  return false;
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

/// Service life over which embodied emissions are amortised (LLMCarbon embodied.py).
inline constexpr sourced lifetime_years{5.0,
    "Faiz et al. 2024, LLMCarbon (ICLR), embodied.py: 5-year hardware lifetime, https://github.com/SotaroKaneda/MLCarbon", 3.0, 6.0};

/// Hours in a year for amortisation (365 × 24).
inline constexpr double hours_per_year = 8760.0;

/// The default precision, and the order tried when an accelerator lacks it.
inline constexpr std::array<precision, 3> precision_preference{precision::bf16, precision::fp16,
                                                               precision::fp32};

/// The MFU default for a family: its row of mfu_by_family, else mfu_fallback.
constexpr sourced mfu_for_family(std::string_view family) {
  for (const auto& f : mfu_by_family)
    if (f.family == family) return {f.mfu, f.source, f.low, f.high};
  return mfu_fallback;
}

}  // namespace trainprint::inline v0::defaults
