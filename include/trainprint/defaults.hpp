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

// Ranges (low, high) for uncertainty analysis, first pass (issue #5 refines them):
// MFU per family from the spread of published runs (PaLM Table 3: 21.3–46.2%;
// OPT 47%, BLOOM 48% on A100; Llama 3 38–43% on H100); power fraction from the
// H200 measurements of DESIGN.md §1.2 (0.61 at half busy … 0.99 fully busy); host
// maximum from DGX-1 V100 (1,100 W over 2,400 W of GPUs) to DGX A100 (3,300 W over
// 3,200 W); PUE from IDC's 2024 public-cloud average 1.25 to Uptime's 2019 average
// 1.67; WUE from AWS's 2025 fleet 0.12 to LBNL's 1.8 L/kWh; service life from
// Boavizta's 3 years (26,280 h) to 6 years.

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

/// Model-FLOPs utilisation by accelerator family, from published large runs.
struct family_mfu {
  std::string_view family;
  double mfu;
  std::string_view source;
  double low;   ///< range for uncertainty analysis
  double high;
};
inline constexpr std::array<family_mfu, 7> mfu_by_family{{
    // PaLM paper Table 3: GPT-3 on V100 reached 21.3% MFU.
    {"volta", 0.213, "Chowdhery et al. 2022, PaLM, Table 3 (GPT-3 on V100: 21.3% MFU), https://arxiv.org/abs/2204.02311", 0.15, 0.30},
    // MT-NLG 30.2% (PaLM Table 3), OPT-175B 147 TFLOP/s of 312 = 47%, BLOOM ~48%: central 0.40.
    {"ampere", 0.40, "PaLM Table 3 (MT-NLG on A100: 30.2%); Zhang et al. 2022 OPT (147/312 TFLOP/s = 47%); central value 0.40, https://arxiv.org/abs/2205.01068", 0.302, 0.48},
    // Llama 3 paper Table 4: 38-43% BF16 MFU on 8k-16k H100s.
    {"hopper", 0.40, "Llama Team 2024, The Llama 3 Herd of Models, Table 4 (38-43% MFU on H100), https://arxiv.org/abs/2407.21783", 0.30, 0.48},
    // Gopher on TPU v3: 32.5% MFU (PaLM Table 3).
    {"tpu-v3", 0.325, "Chowdhery et al. 2022, PaLM, Table 3 (Gopher on TPU v3: 32.5% MFU), https://arxiv.org/abs/2204.02311", 0.20, 0.45},
    // PaLM 540B on TPU v4: 46.2% MFU.
    {"tpu-v4", 0.462, "Chowdhery et al. 2022, PaLM, Table 3 (PaLM on TPU v4: 46.2% MFU), https://arxiv.org/abs/2204.02311", 0.30, 0.55},
    // Blackwell: no published large-run MFU yet; Hopper's value until one is.
    {"blackwell", 0.40, "no published large-run MFU; Hopper value (Llama 3 Table 4) assumed, https://arxiv.org/abs/2407.21783", 0.25, 0.50},
    {"ada", 0.40, "no published large-run MFU; Hopper value (Llama 3 Table 4) assumed, https://arxiv.org/abs/2407.21783", 0.25, 0.50},
}};
/// MFU for a family with no entry above: the mid-point of the published range
/// 21.3% (GPT-3, V100) to 46.2% (PaLM, TPU v4) in PaLM Table 3, rounded.
inline constexpr sourced mfu_fallback{0.35,
    "mid-point of 21.3%-46.2% MFU of large runs in Chowdhery et al. 2022, PaLM, Table 3, https://arxiv.org/abs/2204.02311", 0.20, 0.50};

/// Average accelerator power as a fraction of TDP. One busy node (≤ 8
/// accelerators): measured 0.98-0.99 of TDP on an H200 under bf16 training
/// (DESIGN.md §1.2). Multi-node runs: Dodge et al. 2022 measured 281 W average per
/// 400 W A100 over a 256-GPU run: 281/400 = 0.7025.
inline constexpr sourced power_fraction_single_node{0.98,
    "trainprint measurement, H200 at 700 W limit, bf16 GPT training: 686-693 W (DESIGN.md sec. 1.2, 2026-11)", 0.61, 0.99};
inline constexpr sourced power_fraction_multi_node{0.7025,
    "Dodge et al. 2022, Measuring the Carbon Intensity of AI in Cloud Instances: 281 W avg per 400 W A100, 256 GPUs, https://arxiv.org/abs/2206.05229", 0.61, 0.99};
/// Up to this many accelerators the run is taken as one busy node.
inline constexpr int single_node_max_accelerators = 8;

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
