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
inline constexpr double mfu_fit_ridge = 0.1;

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

}  // namespace trainprint::inline v0::defaults
