#!/usr/bin/env python3
"""Build data/hardware.json for trainprint (helpers in common.py).

Inputs
  <upstream>/research-compiled/accelerators.csv   base rows (dense TFLOP/s, TDP, memory, ...)
  <upstream>/research-compiled/systems.csv        DGX / cloud / pod rows
  <upstream>/llmcarbon/hardware.csv               carbon-per-area factors (Apache-2.0)
  <upstream>/epoch-ai-ml-hardware/ml_hardware.csv cross-check only (CC BY 4.0); differences
                                                  are printed to stderr, never copied silently
  the CURATED tables below                        corrections and rows added by hand, each
                                                  with its own source / confidence / notes

Output: <out>/hardware.json (sorted, 2-space indent, trailing newline), validated against
data/schema/hardware.schema.json plus the cross-references in check().

Usage: python3 scripts/data/build_hardware.py [--upstream DIR] [--out DIR] [--generated YYYY-MM-DD]
"""
import os
import re
import sys

import cpus
from common import (arguments, dedup_aliases, dumps, fail_on, load_schema, meta, name_clashes, num, read_csv,
                    source, source_errors, upstream_dir, validate, write_text, REPO_UPSTREAM)

# --------------------------------------------------------------------------------------------
# Sources
# --------------------------------------------------------------------------------------------
S = source

SOURCES = {
    # Cloud on-demand prices (data/upstream/cloud-ondemand-prices; every one a dated third-party copy of the provider's list)
    "vantage-ec2-2023": S("AWS EC2 on-demand Linux prices, us-east-1, as exported from instances.vantage.sh (boaviztapi data/utils/complete_AWS_EC2/vantage-export.csv, committed 2023-11-16; stale for P4 and P5, cut in 2025)", "https://github.com/Boavizta/boaviztapi/blob/main/boaviztapi/data/utils/complete_AWS_EC2/vantage-export.csv", 2023, retrieved="2026-12-06"),
    "dstack-pr-4110": S("dstack pull request #4110, 'Add AWS p5en.48xlarge' (dstack offer output, prices from AWS's price list via gpuhunt)", "https://github.com/dstackai/dstack/pull/4110", 2026, retrieved="2026-12-06"),
    "cyclenerd-gcp-pricing-2026-07-30": S("Cyclenerd/google-cloud-pricing-cost-calculator pricing.yml (Apache-2.0), generated 2026-07-30 06:13 UTC (commit fd66b26) from Google's Cloud Billing Catalog API SKUs: instance hour = vCPU + memory + GPU (+ bundled local SSD) SKU prices", "https://github.com/Cyclenerd/google-cloud-pricing-cost-calculator/blob/fd66b26ff84fee5cdd94f341ea89206e76c06b99/pricing.yml", 2026, "Apache-2.0", retrieved="2026-12-06"),
    "vantage-azure-2024": S("Azure VM on-demand Linux prices as exported from instances.vantage.sh/azure (boaviztapi data/utils/complete_Azure_VMs/azure_vms_from_vantage.csv, committed 2024-03-25; the export names no region, its figures are Azure's East US list prices)", "https://github.com/Boavizta/boaviztapi/blob/79e8f8cf42ca6582b7b7e2175fc312d69c3761fb/boaviztapi/data/utils/complete_Azure_VMs/azure_vms_from_vantage.csv", 2024, retrieved="2026-12-06"),
    "epoch-hw-prices-2025": S("Epoch AI, training-cost-trends data/Hardware prices.csv (commit 5e8c5c4, 2025-06-20): Google Cloud TPU on-demand prices per chip-hour transcribed from the Wayback Machine copy of cloud.google.com/tpu/pricing of 2025-03-03 (web.archive.org/web/20250303142536)", "https://github.com/epoch-research/training-cost-trends/blob/5e8c5c4fc17ff70c6865d527016da7826fabacc2/data/Hardware%20prices.csv", 2025, retrieved="2026-12-07"),
    "skypilot-pr-4218": S("SkyPilot pull request #4218, '[Catalog] Add TPU V6e' (per-chip-hour prices taken from cloud.google.com/tpu/pricing)", "https://github.com/skypilot-org/skypilot/pull/4218", 2024, retrieved="2026-12-06"),
    "techpowerup-v100-sxm3": S("TechPowerUp GPU database: NVIDIA Tesla V100 SXM3 32 GB", "https://www.techpowerup.com/gpu-specs/tesla-v100-sxm3-32-gb.c3472", 2018),
    "epoch-ml-hardware": S("Epoch AI, 'Data on Machine Learning Hardware'", "https://epoch.ai/data/machine-learning-hardware", 2025, "CC-BY-4.0"),
    "llmcarbon": S("Faiz et al., LLMCarbon: Modeling the End-to-End Carbon Footprint of Large Language Models (ICLR 2024), data/hardware.csv", "https://github.com/SotaroKaneda/MLCarbon/blob/main/data/hardware.csv", 2024, "Apache-2.0"),
    "luccioni-2023": S("Luccioni, Viguier, Ligozat, Estimating the Carbon Footprint of BLOOM, a 176B Parameter Language Model, JMLR 24(253), 2023", "https://jmlr.org/papers/v24/23-0069.html", 2023),
    "patterson-2021": S("Patterson et al., Carbon Emissions and Large Neural Network Training, arXiv:2104.10350", "https://arxiv.org/abs/2104.10350", 2021),
    "jouppi-2020": S("Jouppi et al., A Domain-Specific Supercomputer for Training Deep Neural Networks, CACM 63(7), 2020", "https://doi.org/10.1145/3360307", 2020),
    # NVIDIA
    "nvidia-p100-datasheet": S("NVIDIA Tesla P100 datasheet", "https://images.nvidia.com/content/tesla/pdf/nvidia-tesla-p100-datasheet.pdf", 2016),
    "nvidia-p100-pcie-datasheet": S("NVIDIA Tesla P100 PCIe datasheet", "https://images.nvidia.com/content/tesla/pdf/nvidia-tesla-p100-PCIe-datasheet.pdf", 2016),
    "nvidia-v100-datasheet": S("NVIDIA Tesla V100 datasheet (r5)", "https://images.nvidia.com/content/technologies/volta/pdf/volta-v100-datasheet-update-us-1165301-r5.pdf", 2020),
    "nvidia-v100s-datasheet": S("NVIDIA V100S datasheet", "https://images.nvidia.com/content/technologies/volta/pdf/volta-v100-datasheet-update-us-1165301-r5.pdf", 2020),
    "nvidia-dgx2-datasheet": S("NVIDIA DGX-2 datasheet / user guide", "https://docs.nvidia.com/dgx/dgx2-user-guide/", 2019),
    "nvidia-a100-datasheet": S("NVIDIA A100 Tensor Core GPU datasheet", "https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/a100/pdf/nvidia-a100-datasheet-us-nvidia-1758950-r4-web.pdf", 2021),
    "nvidia-a30-datasheet": S("NVIDIA A30 Tensor Core GPU datasheet", "https://www.nvidia.com/content/dam/en-zz/Solutions/data-center/products/a30-gpu/pdf/a30-datasheet.pdf", 2021),
    "nvidia-a40-datasheet": S("NVIDIA A40 datasheet", "https://images.nvidia.com/content/Solutions/data-center/a40/nvidia-a40-datasheet.pdf", 2020),
    "nvidia-a10-datasheet": S("NVIDIA A10 Tensor Core GPU datasheet", "https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/a10/pdf/datasheet-new/nvidia-a10-datasheet.pdf", 2021),
    "techpowerup-a10g": S("TechPowerUp GPU database: NVIDIA A10G", "https://www.techpowerup.com/gpu-specs/a10g.c3798", 2021),
    "nvidia-rtx-a6000-datasheet": S("NVIDIA RTX A6000 datasheet", "https://www.nvidia.com/content/dam/en-zz/Solutions/design-visualization/quadro-product-literature/proviz-print-nvidia-rtx-a6000-datasheet-us-nvidia-1454980-r9-web%20(1).pdf", 2020),
    "nvidia-ga102-whitepaper": S("NVIDIA Ampere GA102 GPU Architecture whitepaper", "https://images.nvidia.com/aem-dam/en-zz/Solutions/geforce/ampere/pdf/NVIDIA-ampere-GA102-GPU-Architecture-Whitepaper-V1.pdf", 2020),
    "nvidia-turing-whitepaper": S("NVIDIA Turing GPU Architecture whitepaper (Appendix A: GeForce RTX 2080 Ti; FP16 Tensor TFLOPS with FP16 / FP32 accumulate)", "https://images.nvidia.com/aem-dam/en-zz/Solutions/design-visualization/technologies/turing-architecture/NVIDIA-Turing-Architecture-Whitepaper.pdf", 2018),
    "nvidia-titan-rtx": S("NVIDIA TITAN RTX product page (130 Tensor TFLOPS, 24 GB GDDR6, 280 W)", "https://www.nvidia.com/en-us/deep-learning-ai/products/titan-rtx/", 2018),
    "nvidia-titan-v": S("NVIDIA TITAN V product page (110 deep-learning TFLOPS, 12 GB HBM2)", "https://www.nvidia.com/en-us/titan/titan-v/", 2017),
    "nvidia-rtx-a5000-datasheet": S("NVIDIA RTX A5000 datasheet (222.2 Tensor TFLOPS with sparsity)", "https://www.nvidia.com/content/dam/en-zz/Solutions/gtcs21/rtx-a5000/nvidia-rtx-a5000-datasheet.pdf", 2021),
    "nvidia-rtx-a4000-datasheet": S("NVIDIA RTX A4000 datasheet (153.4 Tensor TFLOPS with sparsity)", "https://www.nvidia.com/content/dam/en-zz/Solutions/gtcs21/rtx-a4000/nvidia-rtx-a4000-datasheet.pdf", 2021),
    "nvidia-blackwell-geforce": S("NVIDIA GeForce RTX 5090 specifications (32 GB GDDR7, 1,792 GB/s, 575 W, 838 FP16 Tensor TFLOPS sparse) as reported by Linux Format May 2025 (J. Walton) and Spheron 2026", "https://www.nvidia.com/en-us/geforce/graphics-cards/50-series/rtx-5090/", 2025),
    "nvidia-gh200-datasheet": S("NVIDIA GH200 Grace Hopper Superchip datasheet (module power configurable 450-1000 W, CPU + GPU + memory)", "https://resources.nvidia.com/en-us-data-center-overview-mc/en-us-data-center-overview/grace-hopper-superchip-datasheet-partner", 2023),
    "nvidia-p40-datasheet": S("NVIDIA Tesla P40 datasheet (12 TFLOPS FP32, 24 GB, 346 GB/s, 250 W)", "https://images.nvidia.com/content/pdf/tesla/184427-Tesla-P40-Datasheet-NV-Final-Letter-Web.pdf", 2016),
    "nvidia-k80-datasheet": S("NVIDIA Tesla K80 datasheet (two GK210 GPUs per board, 24 GB, 480 GB/s, 300 W)", "https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/tesla-product-literature/TeslaK80-datasheet.pdf", 2014),
    "nvidia-ada-whitepaper": S("NVIDIA Ada GPU Architecture whitepaper", "https://images.nvidia.com/aem-dam/Solutions/geforce/ada/nvidia-ada-gpu-architecture.pdf", 2022),
    "nvidia-rtx-6000-ada-datasheet": S("NVIDIA RTX 6000 Ada Generation datasheet", "https://www.nvidia.com/content/dam/en-zz/Solutions/design-visualization/rtx-6000/proviz-print-rtx6000-datasheet-web-2504660.pdf", 2022),
    "nvidia-l4-datasheet": S("NVIDIA L4 Tensor Core GPU datasheet", "https://nvdam.widen.net/s/rvq98gbwsw/l4-datasheet-2595652", 2023),
    "nvidia-l40-datasheet": S("NVIDIA L40 GPU datasheet", "https://www.nvidia.com/content/dam/en-zz/Solutions/design-visualization/support-guide/NVIDIA-L40-Datasheet-January-2023.pdf", 2023),
    "nvidia-l40s-datasheet": S("NVIDIA L40S GPU datasheet", "https://resources.nvidia.com/en-us-l40s/l40s-datasheet-28413", 2023),
    "nvidia-t4-datasheet": S("NVIDIA T4 Tensor Core GPU datasheet", "https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/tesla-t4/t4-tensor-core-datasheet-951643.pdf", 2018),
    "nvidia-h100-datasheet": S("NVIDIA H100 Tensor Core GPU datasheet", "https://resources.nvidia.com/en-us-tensor-core/nvidia-tensor-core-gpu-datasheet", 2023),
    "nvidia-h200-datasheet": S("NVIDIA H200 Tensor Core GPU datasheet", "https://nvdam.widen.net/s/nb5zzzsjdf/hpc-datasheet-sc23-h200-datasheet-3002446", 2024),
    "nvidia-hgx": S("NVIDIA HGX platform specifications (HGX B200 / B300)", "https://www.nvidia.com/en-us/data-center/hgx/", 2025),
    "nvidia-gb200-nvl72": S("NVIDIA GB200 NVL72 specifications", "https://www.nvidia.com/en-us/data-center/gb200-nvl72/", 2025),
    "nvidia-gb300-nvl72": S("NVIDIA GB300 NVL72 specifications", "https://www.nvidia.com/en-us/data-center/gb300-nvl72/", 2025),
    "nvidia-dgx1-guide": S("NVIDIA DGX-1 user guide", "https://docs.nvidia.com/dgx/dgx1-user-guide/", 2019),
    "nvidia-dgx2-guide": S("NVIDIA DGX-2 user guide", "https://docs.nvidia.com/dgx/dgx2-user-guide/", 2019),
    "nvidia-dgxa100-guide": S("NVIDIA DGX A100 user guide, Introduction", "https://docs.nvidia.com/dgx/dgxa100-user-guide/introduction-to-dgxa100.html", 2020),
    "nvidia-dgxh100-guide": S("NVIDIA DGX H100/H200 user guide, Introduction", "https://docs.nvidia.com/dgx/dgxh100-user-guide/introduction-to-dgxh100.html", 2024),
    "nvidia-dgxb200-guide": S("NVIDIA DGX B200 user guide, Introduction", "https://docs.nvidia.com/dgx/dgxb200-user-guide/introduction-to-dgxb200.html", 2025),
    "nvidia-dgxb300-datasheet": S("NVIDIA DGX B300 datasheet", "https://resources.nvidia.com/en-us-dgx-systems/dgx-b300-datasheet", 2025),
    # AMD
    "amd-mi100": S("AMD Instinct MI100 accelerator product page / brochure", "https://www.amd.com/en/products/accelerators/instinct/mi100.html", 2020),
    "amd-mi210": S("AMD Instinct MI210 accelerator product page", "https://www.amd.com/en/products/accelerators/instinct/mi200/mi210.html", 2022),
    "amd-mi250": S("AMD Instinct MI250 accelerator product page", "https://www.amd.com/en/products/accelerators/instinct/mi200/mi250.html", 2021),
    "amd-mi250x": S("AMD Instinct MI250X accelerator product page", "https://www.amd.com/en/products/accelerators/instinct/mi200/mi250x.html", 2021),
    "amd-mi300x-datasheet": S("AMD Instinct MI300X data sheet", "https://www.amd.com/content/dam/amd/en/documents/instinct-tech-docs/data-sheets/amd-instinct-mi300x-data-sheet.pdf", 2023),
    "amd-mi325x": S("AMD Instinct MI325X accelerator product page", "https://www.amd.com/en/products/accelerators/instinct/mi300/mi325x.html", 2024),
    "amd-mi350x-brochure": S("AMD Instinct MI350X GPU brochure", "https://www.amd.com/content/dam/amd/en/documents/instinct-tech-docs/product-briefs/amd-instinct-mi350x-gpu-brochure.pdf", 2025),
    "amd-mi355x-brochure": S("AMD Instinct MI355X GPU brochure", "https://www.amd.com/content/dam/amd/en/documents/instinct-tech-docs/product-briefs/amd-instinct-mi355x-gpu-brochure.pdf", 2025),
    "amd-mi300x-platform": S("AMD Instinct MI300X Platform (8x OAM) product page", "https://www.amd.com/en/products/accelerators/instinct/mi300/platform.html", 2023),
    "amd-rocm-gpu-specs": S("ROCm documentation: AMD GPU specifications", "https://rocm.docs.amd.com/en/latest/reference/gpu-specs.html", 2025),
    # Google
    "google-tpu-v2-docs": S("Google Cloud TPU documentation: TPU v2", "https://cloud.google.com/tpu/docs/v2", 2024),
    "google-tpu-v3-docs": S("Google Cloud TPU documentation: TPU v3", "https://cloud.google.com/tpu/docs/v3", 2024),
    "google-tpu-v4-docs": S("Google Cloud TPU documentation: TPU v4", "https://cloud.google.com/tpu/docs/v4", 2025),
    "google-tpu-v5e-docs": S("Google Cloud TPU documentation: TPU v5e", "https://cloud.google.com/tpu/docs/v5e", 2025),
    "google-tpu-v5p-docs": S("Google Cloud TPU documentation: TPU v5p", "https://cloud.google.com/tpu/docs/v5p", 2025),
    "google-tpu-v6e-docs": S("Google Cloud TPU documentation: TPU v6e", "https://cloud.google.com/tpu/docs/v6e", 2025),
    "google-tpu7x-docs": S("Google Cloud TPU documentation: TPU7x (Ironwood)", "https://docs.cloud.google.com/tpu/docs/tpu7x", 2025),
    # Intel
    "intel-gaudi3-whitepaper": S("Intel Gaudi 3 AI Accelerator white paper (generation comparison table)", "https://www.intel.com/content/www/us/en/content-details/817486/intel-gaudi-3-ai-accelerator-white-paper.html", 2024),
    # AWS
    "aws-trainium-docs": S("AWS Neuron documentation: Trainium architecture", "https://awsdocs-neuron.readthedocs-hosted.com/en/latest/general/arch/neuron-hardware/trainium.html", 2025),
    "aws-trainium2-docs": S("AWS Neuron documentation: Trainium2 architecture", "https://awsdocs-neuron.readthedocs-hosted.com/en/latest/about-neuron/arch/neuron-hardware/trainium2.html", 2025),
    "aws-trainium3-docs": S("AWS Neuron documentation: Trainium3 architecture", "https://awsdocs-neuron.readthedocs-hosted.com/en/latest/about-neuron/arch/neuron-hardware/trainium3.html", 2025),
    "aws-ec2-p3": S("Amazon EC2 P3 instances", "https://aws.amazon.com/ec2/instance-types/p3/", 2024),
    "aws-ec2-p4": S("Amazon EC2 P4 instances", "https://aws.amazon.com/ec2/instance-types/p4/", 2024),
    "aws-ec2-p5": S("Amazon EC2 P5 instances", "https://aws.amazon.com/ec2/instance-types/p5/", 2025),
    "aws-ec2-p6": S("Amazon EC2 P6 instances", "https://aws.amazon.com/ec2/instance-types/p6/", 2025),
    "aws-ec2-g4": S("Amazon EC2 G4 instances", "https://aws.amazon.com/ec2/instance-types/g4/", 2024),
    "aws-ec2-g5": S("Amazon EC2 G5 instances", "https://aws.amazon.com/ec2/instance-types/g5/", 2024),
    "aws-ec2-g6": S("Amazon EC2 G6 instances", "https://aws.amazon.com/ec2/instance-types/g6/", 2024),
    "aws-ec2-g6e": S("Amazon EC2 G6e instances", "https://aws.amazon.com/ec2/instance-types/g6e/", 2024),
    "aws-ec2-dl1": S("Amazon EC2 DL1 instances", "https://aws.amazon.com/ec2/instance-types/dl1/", 2022),
    "aws-ec2-trn1": S("Amazon EC2 Trn1 instances", "https://aws.amazon.com/ec2/instance-types/trn1/", 2024),
    "aws-ec2-trn2": S("Amazon EC2 Trn2 instances", "https://aws.amazon.com/ec2/instance-types/trn2/", 2025),
    "gcp-gpus": S("Google Cloud Compute Engine: GPU machine types", "https://cloud.google.com/compute/docs/gpus", 2025),
    "azure-ndv2": S("Azure NDv2-series", "https://learn.microsoft.com/azure/virtual-machines/sizes/gpu-accelerated/ndv2-series", 2024),
    "azure-nda100v4": S("Azure ND A100 v4-series", "https://learn.microsoft.com/azure/virtual-machines/sizes/gpu-accelerated/ndasra100v4-series", 2024),
    "azure-ndma100v4": S("Azure NDm A100 v4-series", "https://learn.microsoft.com/azure/virtual-machines/sizes/gpu-accelerated/ndma100v4-series", 2024),
    "azure-ndh100v5": S("Azure ND H100 v5-series", "https://learn.microsoft.com/azure/virtual-machines/sizes/gpu-accelerated/ndh100v5-series", 2024),
    "azure-ndh200v5": S("Azure ND H200 v5-series", "https://learn.microsoft.com/azure/virtual-machines/sizes/gpu-accelerated/nd-h200-v5-series", 2025),
    "azure-ndmi300xv5": S("Azure ND MI300X v5-series", "https://learn.microsoft.com/azure/virtual-machines/sizes/gpu-accelerated/ndmi300xv5-series", 2024),
    cpus.SOURCE_ID: cpus.SOURCE,
    cpus.APPLE_SOURCE_ID: cpus.APPLE_SOURCE,
}

LICENSE_NOTES = [
    "Epoch AI, 'Data on Machine Learning Hardware' (https://epoch.ai/data/machine-learning-hardware), CC BY 4.0: "
    "values marked with source 'epoch-ml-hardware' come from this dataset (snapshot last-modified 2025-12-16).",
    "LLMCarbon (Faiz et al., ICLR 2024; github.com/SotaroKaneda/MLCarbon), Apache-2.0: carbon-per-area and DRAM factors "
    "in embodied_factors. Copyright the LLMCarbon authors.",
    "All other values are facts taken from the vendor datasheets, documentation and papers cited per entry.",
    cpus.LICENSE_NOTE,
    "No Boavizta (AGPL-3.0) value is used: the AWS and Azure list prices read from files kept in the boaviztapi "
    "repository are the providers' prices (facts) as exported from instances.vantage.sh, not Boavizta's work. "
    "mlco2/impact (MIT) was consulted only as a cross-check.",
    "Google Cloud machine prices (source 'cyclenerd-gcp-pricing-2026-07-30') are read from pricing.yml of "
    "github.com/Cyclenerd/google-cloud-pricing-cost-calculator, Apache-2.0, Copyright 2022-2025 Nils Knieling.",
]

# --------------------------------------------------------------------------------------------
# Curated corrections / annotations of research-compiled rows
# (keys are merged over the CSV row; 'peak' replaces individual precisions, None = unknown)
# --------------------------------------------------------------------------------------------
NV_SMI_NOTE = "aliases include the name nvidia-smi prints"
CURATED = {
    "nvidia-v100-sxm2-16gb": dict(family="volta", source="nvidia-v100-datasheet", system="nvidia-dgx-1-v100",
        aliases=["v100-16gb", "v100-sxm2-16gb", "Tesla V100-SXM2-16GB"]),
    "nvidia-v100-sxm2-32gb": dict(family="volta", source="nvidia-v100-datasheet", system="nvidia-dgx-1-v100",
        aliases=["v100", "v100-sxm2", "v100-sxm", "v100-32gb", "v100-sxm2-32gb", "Tesla V100-SXM2-32GB"]),
    "nvidia-v100-pcie-16gb": dict(family="volta", source="nvidia-v100-datasheet",
        aliases=["v100-pcie-16gb", "Tesla V100-PCIE-16GB"]),
    "nvidia-v100-pcie-32gb": dict(family="volta", source="nvidia-v100-datasheet",
        aliases=["v100-pcie", "v100-pcie-32gb", "Tesla V100-PCIE-32GB"]),
    "nvidia-a100-sxm4-40gb": dict(family="ampere", source="nvidia-a100-datasheet", system="nvidia-dgx-a100-320gb",
        aliases=["a100-40gb", "a100-sxm4-40gb", "a100-sxm-40gb", "NVIDIA A100-SXM4-40GB", "A100-SXM4-40GB"]),
    "nvidia-a100-sxm4-80gb": dict(family="ampere", source="nvidia-a100-datasheet", system="nvidia-dgx-a100",
        aliases=["a100", "a100-sxm", "a100-sxm4", "a100-80gb", "a100-sxm4-80gb", "NVIDIA A100-SXM4-80GB", "A100-SXM4-80GB"]),
    "nvidia-a100-pcie-40gb": dict(family="ampere", source="nvidia-a100-datasheet",
        aliases=["a100-pcie-40gb", "NVIDIA A100-PCIE-40GB", "A100-PCIE-40GB"]),
    "nvidia-a100-pcie-80gb": dict(family="ampere", source="nvidia-a100-datasheet",
        aliases=["a100-pcie", "a100-pcie-80gb", "NVIDIA A100 80GB PCIe"]),
    "nvidia-h100-sxm5-80gb": dict(family="hopper", source="nvidia-h100-datasheet", system="nvidia-dgx-h100",
        aliases=["h100", "h100-sxm", "h100-sxm5", "h100-80gb", "h100-sxm5-80gb", "NVIDIA H100 80GB HBM3"]),
    "nvidia-h100-pcie-80gb": dict(family="hopper", source="nvidia-h100-datasheet",
        aliases=["h100-pcie", "h100-pcie-80gb", "NVIDIA H100 PCIe"]),
    "nvidia-h100-nvl-94gb": dict(name="NVIDIA H100 NVL 94GB", family="hopper", source="nvidia-h100-datasheet", memory_type="HBM3",
        aliases=["h100-nvl", "h100-nvl-94gb", "NVIDIA H100 NVL"]),
    "nvidia-h200-sxm-141gb": dict(family="hopper", source="nvidia-h200-datasheet", system="nvidia-dgx-h200",
        aliases=["h200", "h200-sxm", "h200-141gb", "NVIDIA H200"]),
    "nvidia-h200-nvl-141gb": dict(family="hopper", source="nvidia-h200-datasheet",
        aliases=["h200-nvl", "NVIDIA H200 NVL"]),
    "nvidia-b200-hgx-180gb": dict(name="NVIDIA B200 (HGX/DGX B200, per GPU)", family="blackwell", source="nvidia-hgx", system="nvidia-dgx-b200", process_nm=4,
        aliases=["b200", "b200-sxm", "b200-180gb", "NVIDIA B200"]),
    "nvidia-gb200-per-gpu": dict(name="NVIDIA GB200 (per Blackwell GPU in GB200 NVL72)", family="blackwell", source="nvidia-gb200-nvl72", system="nvidia-gb200-nvl72", process_nm=4,
        tdp_kind="derived_estimate", confidence="medium",
        aliases=["gb200", "gb200-gpu", "NVIDIA GB200"],
        field_sources={"tdp_w": {"source": "epoch-ml-hardware", "confidence": "low",
            "notes": "NVIDIA publishes no per-GPU TDP for GB200; 1200 W is Epoch AI's per-GPU figure (superchip = 2 GPUs + 1 Grace, configurable up to ~2700 W)"}}),
    "nvidia-l4": dict(name="NVIDIA L4", family="ada", source="nvidia-l4-datasheet", aliases=["l4", "NVIDIA L4"]),
    "nvidia-l40s": dict(name="NVIDIA L40S", family="ada", source="nvidia-l40s-datasheet", aliases=["l40s", "NVIDIA L40S"]),
    "nvidia-t4": dict(name="NVIDIA T4", family="turing", source="nvidia-t4-datasheet", aliases=["t4", "Tesla T4"]),
    "nvidia-a10": dict(name="NVIDIA A10", family="ampere", source="nvidia-a10-datasheet", aliases=["a10", "NVIDIA A10"]),
    "nvidia-a10g": dict(name="NVIDIA A10G (AWS G5)", family="ampere", source="techpowerup-a10g", system="aws-g5.48xlarge",
        peak={"fp32": 31.2, "tf32": None, "bf16": None, "fp16": None},
        tdp_kind="derived_estimate",
        aliases=["a10g", "NVIDIA A10G"],
        notes="AWS-only GA102 variant; NVIDIA and AWS publish no TDP or Tensor throughput. tf32/bf16/fp16 are supported but unpublished (null); the A10 values are an upper-bound proxy. TDP 150 W and FP32 from TechPowerUp (Epoch: 31.5 FP32)."),
    "nvidia-rtx-4090": dict(name="NVIDIA GeForce RTX 4090", family="ada", source="nvidia-ada-whitepaper",
        aliases=["rtx-4090", "rtx4090", "4090", "NVIDIA GeForce RTX 4090"]),
    "nvidia-rtx-3090": dict(name="NVIDIA GeForce RTX 3090", family="ampere", source="nvidia-ga102-whitepaper",
        aliases=["rtx-3090", "rtx3090", "3090", "NVIDIA GeForce RTX 3090"]),
    # AMD
    "amd-mi250x": dict(name="AMD Instinct MI250X", family="cdna2", kind="gpu", source="amd-mi250x", process_nm=6,
        aliases=["mi250x", "instinct-mi250x", "AMD Instinct MI250X"],
        notes="FP32 is the vector rate (matrix FP32 95.7). 560 W peak board power (liquid-cooled OAM); 500 W in air-cooled configurations. No TF32/FP8."),
    "amd-mi300x": dict(name="AMD Instinct MI300X", family="cdna3", kind="gpu", source="amd-mi300x-datasheet", system="amd-mi300x-platform", process_nm=5,
        aliases=["mi300x", "instinct-mi300x", "AMD Instinct MI300X"]),
    "amd-mi325x": dict(name="AMD Instinct MI325X", family="cdna3", kind="gpu", source="amd-mi325x", system="amd-mi325x-platform", process_nm=5,
        aliases=["mi325x", "instinct-mi325x", "AMD Instinct MI325X"]),
    # Google: tdp semantics made explicit
    "google-tpu-v2": dict(family="tpu-v2", kind="tpu", source="jouppi-2020", system="google-tpu-v2-pod", process_nm=16,
        tdp_w=221, tdp_kind="measured_avg", confidence="medium",
        aliases=["tpu-v2", "tpuv2", "tpu v2", "tpu2"],
        field_sources={"tdp_w": {"source": "patterson-2021", "confidence": "medium",
            "notes": "221 W = measured average SYSTEM power per chip (Patterson et al. 2021, Tables 3-4, as used by mlco2/impact): it already includes the chip's share of host CPU, memory, network interface and fans, so a run with boundary servers counts the host twice (use boundary accelerators to reproduce Patterson); the chip TDP in Jouppi et al. 2020 is 280 W"}},
        notes="bf16 46 TFLOPS per chip (Jouppi 2020; Cloud docs quote 45); 16 GiB HBM per chip, 600 GB/s. TDP 280 W in Jouppi 2020; tdp_w holds the measured average."),
    "google-tpu-v3": dict(family="tpu-v3", kind="tpu", source="jouppi-2020", system="google-tpu-v3-pod", process_nm=16,
        tdp_w=283, tdp_kind="measured_avg", confidence="medium",
        aliases=["tpu-v3", "tpuv3", "tpu v3", "tpu3"],
        field_sources={"tdp_w": {"source": "patterson-2021", "confidence": "medium",
            "notes": "283 W = measured average SYSTEM power per chip (Patterson et al. 2021, Tables 3-4, as used by mlco2/impact): it already includes the chip's share of host CPU, memory, network interface and fans, so a run with boundary servers counts the host twice (use boundary accelerators to reproduce Patterson); the chip TDP in Jouppi et al. 2020 is 450 W; LLMCarbon database.csv lists 245-310 W average system power per TPUv3 for T5/Meena/GShard/Switch"},
            "die_area_mm2": {"source": "llmcarbon", "confidence": "medium", "notes": "7 cm2 in LLMCarbon hardware.csv (Jouppi 2020: < 700 mm2)"}},
        notes="bf16 123 TFLOPS per chip; 32 GiB HBM per chip (mlco2 lists 128 GB = one 4-chip board), 900 GB/s."),
    "google-tpu-v4": dict(family="tpu-v4", kind="tpu", source="google-tpu-v4-docs", system="google-tpu-v4-pod", process_nm=7,
        tdp_w=170, tdp_kind="measured_avg", confidence="high", memory_type="HBM2",
        peak={"bf16": 275},
        aliases=["tpu-v4", "tpuv4", "tpu v4", "tpu4"],
        field_sources={"tdp_w": {"source": "google-tpu-v4-docs", "confidence": "high",
            "notes": "Google publishes no TDP; the Cloud TPU v4 page gives measured min/mean/max power 90/170/192 W per chip. tdp_w holds the measured mean. Epoch AI derives ~340 W from the Ironwood perf/W chart (not used); Green Algorithms uses 170 W."},
            "die_area_mm2": {"source": "llmcarbon", "confidence": "medium", "notes": "4 cm2 in LLMCarbon hardware.csv"}},
        notes="275 TFLOPS bf16 (also int8) per chip; HBM2 32 GiB, 1200 GBps (Google lists GiB for capacity)."),
    "google-tpu-v5e": dict(family="tpu-v5e", kind="tpu", source="google-tpu-v5e-docs", system="google-tpu-v5e-pod",
        tdp_w=None, tdp_kind="derived_estimate", confidence="high", memory_type="HBM2", process=None, process_nm=None,
        aliases=["tpu-v5e", "tpuv5e", "tpu v5e", "tpu5e", "v5litepod"],
        field_sources={"tdp_w": {"source": "google-tpu-v5e-docs", "confidence": "low",
            "notes": "not published by Google and no public derivation found (Epoch has none): null, the user must supply it"},
            "die_area_mm2": {"source": "epoch-ml-hardware", "confidence": "low", "notes": "Epoch AI die size; not published by Google"}},
        notes="197 TFLOPS bf16, 394 TOPS int8 per chip (one revision of the page says 393); HBM2 16 GB, 819 GBps."),
    "google-tpu-v5p": dict(family="tpu-v5p", kind="tpu", source="google-tpu-v5p-docs", system="google-tpu-v5p-pod",
        tdp_w=540, tdp_kind="derived_estimate", confidence="high", memory_type="HBM2e",
        peak={"bf16": 459, "fp8": 459},
        aliases=["tpu-v5p", "tpuv5p", "tpu v5p", "tpu5p"],
        field_sources={"tdp_w": {"source": "epoch-ml-hardware", "confidence": "low",
            "notes": "Google publishes no TDP; ~540 W is Epoch AI's derivation from the perf/W ratios vs TPU v2 in Google's Ironwood announcement"},
            "peak_tflops_dense.fp8": {"source": "google-tpu7x-docs", "confidence": "high", "notes": "TPU7x comparison table: FP8 peak per chip 459 (same as bf16)"}},
        notes="459 TFLOPS bf16 per chip; HBM2e 95 GB, 2765 GBps; 8960 chips per pod."),
    "google-tpu-v6e": dict(family="tpu-v6e", kind="tpu", source="google-tpu-v6e-docs", system="google-tpu-v6e-pod",
        tdp_w=380, tdp_kind="derived_estimate", confidence="high",
        peak={"bf16": 918, "fp8": 918},
        aliases=["tpu-v6e", "tpuv6e", "tpu v6e", "tpu6e", "trillium", "tpu-trillium"],
        field_sources={"tdp_w": {"source": "epoch-ml-hardware", "confidence": "low",
            "notes": "Google publishes no TDP; ~380 W is Epoch AI's derivation from the Ironwood perf/W ratios"},
            "peak_tflops_dense.fp8": {"source": "google-tpu7x-docs", "confidence": "high", "notes": "TPU7x comparison table: FP8 peak per chip 918"}},
        notes="918 TFLOPS bf16, 1836 TOPS int8 per chip; 32 GB HBM, 1638 GBps."),
    # Intel
    "intel-gaudi2": dict(name="Intel Gaudi 2", family="gaudi2", kind="asic", source="intel-gaudi3-whitepaper", die_area_mm2=None, process_nm=7,
        aliases=["gaudi2", "gaudi-2", "hl-225", "HL-225H"],
        field_sources={"peak_tflops_dense.fp8": {"source": "epoch-ml-hardware", "confidence": "medium", "notes": "FP8 865 from Epoch AI"}},
        notes="BF16 432 TFLOPS (MME) per Intel's generation table (Epoch lists 450). Die area dropped: the 826 mm2 in research-compiled/Epoch equals NVIDIA GA100's and is not confirmed for Gaudi 2."),
    "intel-gaudi3": dict(name="Intel Gaudi 3 (HL-325L OAM)", family="gaudi3", kind="asic", source="intel-gaudi3-whitepaper", process_nm=5,
        aliases=["gaudi3", "gaudi-3", "hl-325l", "HL-325L"],
        notes="OAM HL-325L air-cooled 900 W (liquid-cooled OAM 1200 W). 1835 TFLOPS is the MME matrix rate for BF16 and FP8 (vector BF16 28.7); Epoch lists 1678 (possibly a lower-clocked SKU)."),
    # AWS
    "aws-trainium1": dict(name="AWS Trainium", family="trainium", kind="asic", source="aws-trainium-docs", system="aws-trn1.32xlarge",
        tdp_w=None, tdp_kind="derived_estimate", confidence="high",
        aliases=["trainium", "trainium1", "trn1", "aws-trainium"],
        field_sources={"tdp_w": {"source": "aws-trainium-docs", "confidence": "low", "notes": "AWS publishes no Trainium TDP; null"}},
        notes="Per chip: 2 NeuronCore-v2, 190 TFLOPS FP16/BF16/cFP8/TF32, 47.5 FP32 (fp8 = cFP8); 32 GiB device memory at 820 GiB/s."),
    "aws-trainium2": dict(name="AWS Trainium2", family="trainium2", kind="asic", source="aws-trainium2-docs", system="aws-trn2.48xlarge",
        tdp_kind="derived_estimate", confidence="high",
        aliases=["trainium2", "trn2", "aws-trainium-2"],
        field_sources={"tdp_w": {"source": "epoch-ml-hardware", "confidence": "low",
            "notes": "AWS publishes no TDP; ~500 W is a SemiAnalysis estimate (2024-12-03) as recorded by Epoch AI"}},
        notes="Per chip: 8 NeuronCore-v3, 1299 FP8, 667 BF16/FP16/TF32, 181 FP32 TFLOPS dense; 96 GiB HBM, 2.9 TB/s (NKI guide; older page 3 TB/s)."),
}

# --------------------------------------------------------------------------------------------
# Accelerators added by hand (not in research-compiled)
# --------------------------------------------------------------------------------------------
def ACC(id, name, vendor, model, variant, kind, family, year, tdp, tdp_kind, peak, mem, mtype, bw, die,
        process, pnm, source, confidence, aliases, system=None, notes=None, field_sources=None):
    return {"id": id, "name": name, "vendor": vendor, "model": model, "variant": variant, "kind": kind,
            "family": family, "release_year": year, "tdp_w": tdp, "tdp_kind": tdp_kind,
            "peak_tflops_dense": peak, "memory_gb": mem, "memory_type": mtype, "memory_bw_gb_s": bw,
            "die_area_mm2": die, "process": process, "process_nm": pnm, "system": system,
            "aliases": aliases, "source": source, "confidence": confidence, "notes": notes,
            "field_sources": field_sources or {}}

DM = "datasheet_max"
ADDED = [
    # ---- NVIDIA Pascal / Volta
    ACC("nvidia-p100-sxm2-16gb", "NVIDIA Tesla P100 SXM2 16GB", "NVIDIA", "Tesla P100", "SXM2 16GB", "gpu", "pascal", 2016,
        300, DM, {"fp32": 10.6, "fp16": 21.2}, 16, "HBM2", 732, 610, "TSMC 16nm FinFET", 16,
        "nvidia-p100-datasheet", "medium",
        ["p100", "p100-sxm2", "p100-sxm", "p100-16gb", "Tesla P100-SXM2-16GB"], system="nvidia-dgx-1-p100",
        notes="No Tensor Cores: fp16 is the packed FP16 (non-tensor) rate; no bf16/tf32. Values cross-checked with Epoch AI (300 W, 10.61/21.22 TFLOPS, 610 mm2)."),
    ACC("nvidia-p100-pcie-16gb", "NVIDIA Tesla P100 PCIe 16GB", "NVIDIA", "Tesla P100", "PCIe 16GB", "gpu", "pascal", 2016,
        250, DM, {"fp32": 9.3, "fp16": 18.7}, 16, "HBM2", 732, 610, "TSMC 16nm FinFET", 16,
        "nvidia-p100-pcie-datasheet", "medium", ["p100-pcie", "p100-pcie-16gb", "Tesla P100-PCIE-16GB"],
        notes="fp16 = packed FP16 (no Tensor Cores). Cross-checked with Epoch AI (250 W, 732 GB/s)."),
    ACC("nvidia-p100-pcie-12gb", "NVIDIA Tesla P100 PCIe 12GB", "NVIDIA", "Tesla P100", "PCIe 12GB", "gpu", "pascal", 2016,
        250, DM, {"fp32": 9.3, "fp16": 18.7}, 12, "HBM2", 549, 610, "TSMC 16nm FinFET", 16,
        "nvidia-p100-pcie-datasheet", "medium", ["p100-pcie-12gb", "Tesla P100-PCIE-12GB"],
        notes="fp16 = packed FP16 (no Tensor Cores)."),
    ACC("nvidia-v100s-pcie-32gb", "NVIDIA V100S PCIe 32GB", "NVIDIA", "Tesla V100S", "PCIe 32GB", "gpu", "volta", 2019,
        250, DM, {"fp32": 16.4, "fp16": 130}, 32, "HBM2", 1134, 815, "TSMC 12nm FFN", 12,
        "nvidia-v100s-datasheet", "medium", ["v100s", "v100s-pcie", "Tesla V100S-PCIE-32GB"],
        notes="fp16 = Tensor Core mixed precision. Epoch AI: 250 W, 16.35 FP32, 130 tensor, 1.13 TB/s."),
    ACC("nvidia-v100-sxm3-32gb", "NVIDIA Tesla V100 SXM3 32GB (DGX-2)", "NVIDIA", "Tesla V100", "SXM3 32GB", "gpu", "volta", 2018,
        350, DM, {"fp32": 15.7, "fp16": 125}, 32, "HBM2", 900, 815, "TSMC 12nm FFN", 12,
        "nvidia-dgx2-datasheet", "medium", ["v100-sxm3", "v100-sxm3-32gb", "Tesla V100-SXM3-32GB"], system="nvidia-dgx-2",
        field_sources={"tdp_w": {"source": "techpowerup-v100-sxm3", "confidence": "low",
            "notes": "350 W variant used in DGX-2 (DGX-2H: 450 W); Epoch lists 300 W. NVIDIA publishes no standalone SXM3 datasheet."}},
        notes="Throughput from DGX-2 totals (2 PFLOPS tensor / 16 GPUs = 125)."),
    # ---- NVIDIA Ampere
    ACC("nvidia-a800-sxm4-80gb", "NVIDIA A800 SXM4 80GB", "NVIDIA", "A800", "SXM4 80GB", "gpu", "ampere", 2022,
        400, DM, {"fp32": 19.5, "tf32": 156, "bf16": 312, "fp16": 312}, 80, "HBM2e", 2039, 826, "TSMC 7nm", 7,
        "epoch-ml-hardware", "medium", ["a800", "a800-sxm4", "a800-80gb", "NVIDIA A800-SXM4-80GB"],
        notes="Export variant of A100 SXM4 80GB (NVLink limited to 400 GB/s); compute, memory and TDP as A100. Epoch AI via TechPowerUp."),
    ACC("nvidia-a30", "NVIDIA A30", "NVIDIA", "A30", "PCIe 24GB", "gpu", "ampere", 2021,
        165, DM, {"fp32": 10.3, "tf32": 82, "bf16": 165, "fp16": 165}, 24, "HBM2", 933, 826, "TSMC 7nm", 7,
        "nvidia-a30-datasheet", "medium", ["a30", "NVIDIA A30"],
        notes="datasheet sparse values are 2x (TF32 165*, BF16 330*); not re-checked against the PDF in this build."),
    ACC("nvidia-a40", "NVIDIA A40", "NVIDIA", "A40", "PCIe 48GB", "gpu", "ampere", 2020,
        300, DM, {"fp32": 37.4, "tf32": 74.8, "bf16": 149.7, "fp16": 149.7}, 48, "GDDR6", 696, 628, "Samsung 8nm", 8,
        "nvidia-a40-datasheet", "medium", ["a40", "NVIDIA A40"],
        notes="dense = datasheet sparse / 2; values as in Epoch AI (A40 datasheet link)."),
    ACC("nvidia-rtx-a6000", "NVIDIA RTX A6000", "NVIDIA", "RTX A6000", "PCIe 48GB", "gpu", "ampere", 2020,
        300, DM, {"fp32": 38.7, "tf32": 77.4, "bf16": 154.8, "fp16": 154.8}, 48, "GDDR6", 768, 628, "Samsung 8nm", 8,
        "nvidia-rtx-a6000-datasheet", "medium", ["rtx-a6000", "a6000", "NVIDIA RTX A6000"],
        field_sources={"peak_tflops_dense": {"source": "nvidia-rtx-a6000-datasheet", "confidence": "low",
            "notes": "datasheet gives 309.7 Tensor TFLOPS (sparse FP16); dense fp16/bf16 = 309.7/2, tf32 = 154.8/2 (derived, not re-checked)"}},
        notes="FP32, memory, bandwidth, 300 W as Epoch AI."),
    # ---- Parts users asked for (issue 18). Base values from Epoch AI (CC BY 4.0, via TechPowerUp);
    # tensor rates from the vendor; GeForce tensor rates with FP32 accumulate (as the RTX 4090 row).
    ACC("nvidia-rtx-a5000", "NVIDIA RTX A5000", "NVIDIA", "RTX A5000", "PCIe 24GB", "gpu", "ampere", 2021,
        230, DM, {"fp32": 27.8, "tf32": 55.6, "bf16": 111.1, "fp16": 111.1}, 24, "GDDR6", 768, 628, "Samsung 8nm", 8,
        "epoch-ml-hardware", "medium", ["rtx-a5000", "a5000", "NVIDIA RTX A5000"],
        field_sources={"peak_tflops_dense": {"source": "nvidia-rtx-a5000-datasheet", "confidence": "low",
            "notes": "datasheet 222.2 Tensor TFLOPS with sparsity: dense fp16/bf16 = 222.2/2, tf32 = half that (derived as for the RTX A6000); fp32 27.77 from Epoch AI"}},
        notes="230 W, 24 GB, 768 GB/s, 628 mm2 from Epoch AI (TechPowerUp)."),
    ACC("nvidia-rtx-a4000", "NVIDIA RTX A4000", "NVIDIA", "RTX A4000", "PCIe 16GB", "gpu", "ampere", 2021,
        140, DM, {"fp32": 19.2, "tf32": 38.4, "bf16": 76.7, "fp16": 76.7}, 16, "GDDR6", 448, 392, "Samsung 8nm", 8,
        "epoch-ml-hardware", "medium", ["rtx-a4000", "a4000", "NVIDIA RTX A4000"],
        field_sources={"peak_tflops_dense": {"source": "nvidia-rtx-a4000-datasheet", "confidence": "low",
            "notes": "datasheet 153.4 Tensor TFLOPS with sparsity: dense fp16/bf16 = 153.4/2, tf32 = half that (derived); fp32 19.17 from Epoch AI"}},
        notes="140 W, 16 GB, 448 GB/s, 392 mm2 from Epoch AI (TechPowerUp)."),
    ACC("nvidia-rtx-3080", "NVIDIA GeForce RTX 3080", "NVIDIA", "GeForce RTX 3080", "10GB", "gpu", "ampere", 2020,
        320, DM, {"fp32": 29.8, "tf32": 29.8, "bf16": 59.5, "fp16": 59.5}, 10, "GDDR6X", 760, 628, "Samsung 8nm", 8,
        "epoch-ml-hardware", "medium", ["rtx-3080", "rtx3080", "3080", "NVIDIA GeForce RTX 3080"],
        field_sources={"peak_tflops_dense": {"source": "nvidia-ga102-whitepaper", "confidence": "medium",
            "notes": "GA102 whitepaper: FP16/BF16 Tensor 59.5 TFLOPS with FP32 accumulate (119 with FP16 accumulate), TF32 29.8; fp32 29.77 (Epoch AI)"}},
        notes="total graphics power 320 W; 10 GB, 760 GB/s, 628 mm2 from Epoch AI."),
    ACC("nvidia-rtx-3080-ti", "NVIDIA GeForce RTX 3080 Ti", "NVIDIA", "GeForce RTX 3080 Ti", "12GB", "gpu", "ampere", 2021,
        350, DM, {"fp32": 34.1, "tf32": 34.0, "bf16": 68.0, "fp16": 68.0}, 12, "GDDR6X", 912, 628, "Samsung 8nm", 8,
        "nvidia-ga102-whitepaper", "low", ["rtx-3080-ti", "rtx3080ti", "3080-ti", "3080ti", "NVIDIA GeForce RTX 3080 Ti"],
        field_sources={"peak_tflops_dense": {"source": "nvidia-ga102-whitepaper", "confidence": "low",
            "notes": "not in the whitepaper (released later) nor in Epoch AI: 320 Tensor Cores at 1.665 GHz boost scaled from the RTX 3090 row (328 cores, 1.695 GHz, 71 TFLOPS FP32-accumulate): 71 x 320/328 x 1665/1695 = 68.0 (derived); tf32 half that"}},
        notes="350 W, 12 GB GDDR6X, 912 GB/s: NVIDIA product specifications (not re-read here); low confidence."),
    ACC("nvidia-rtx-2080-ti", "NVIDIA GeForce RTX 2080 Ti", "NVIDIA", "GeForce RTX 2080 Ti", "11GB", "gpu", "turing", 2018,
        250, DM, {"fp32": 13.4, "fp16": 56.9}, 11, "GDDR6", 616, 754, "TSMC 12nm FFN", 12,
        "epoch-ml-hardware", "medium", ["rtx-2080-ti", "rtx2080ti", "2080-ti", "2080ti", "NVIDIA GeForce RTX 2080 Ti"],
        field_sources={"peak_tflops_dense": {"source": "nvidia-turing-whitepaper", "confidence": "medium",
            "notes": "Turing whitepaper: FP16 Tensor 113.8 TFLOPS with FP16 accumulate (Epoch's value), 56.9 with FP32 accumulate (used); Turing has no bf16 or tf32; fp32 13.45 (Epoch AI)"}},
        notes="reference board 250 W (Founders Edition 260 W); 11 GB, 616 GB/s, 754 mm2 from Epoch AI."),
    ACC("nvidia-titan-rtx", "NVIDIA TITAN RTX", "NVIDIA", "TITAN RTX", "24GB", "gpu", "turing", 2018,
        280, DM, {"fp32": 16.3, "fp16": 130}, 24, "GDDR6", 672, 754, "TSMC 12nm FFN", 12,
        "nvidia-titan-rtx", "medium", ["titan-rtx", "titanrtx", "NVIDIA TITAN RTX"],
        notes="130 Tensor TFLOPS (FP16; TITAN RTX runs FP32 accumulate at full rate); no bf16/tf32 on Turing. FP32 16.3, 672 GB/s, 754 mm2 (TU102) as TechPowerUp; not in Epoch AI."),
    ACC("nvidia-titan-v", "NVIDIA TITAN V", "NVIDIA", "TITAN V", "12GB", "gpu", "volta", 2017,
        250, DM, {"fp32": 14.9, "fp16": 110}, 12, "HBM2", 651, 815, "TSMC 12nm FFN", 12,
        "epoch-ml-hardware", "medium", ["titan-v", "titanv", "NVIDIA TITAN V"],
        field_sources={"peak_tflops_dense": {"source": "nvidia-titan-v", "confidence": "medium",
            "notes": "NVIDIA: 110 deep-learning (Tensor) TFLOPS; Epoch's fp16 29.8 is the non-tensor rate; fp32 14.9 (Epoch AI)"}},
        notes="250 W, 12 GB HBM2, 651 GB/s, 815 mm2 (GV100) from Epoch AI."),
    ACC("nvidia-gtx-1080-ti", "NVIDIA GeForce GTX 1080 Ti", "NVIDIA", "GeForce GTX 1080 Ti", "11GB", "gpu", "pascal", 2017,
        250, DM, {"fp32": 11.3}, 11, "GDDR5X", 484, 471, "TSMC 16nm FinFET", 16,
        "epoch-ml-hardware", "medium", ["gtx-1080-ti", "gtx1080ti", "1080-ti", "1080ti", "NVIDIA GeForce GTX 1080 Ti"],
        notes="No Tensor Cores; FP16 runs at 1/64 of FP32 (0.18 TFLOPS, Epoch AI), so training uses fp32 and only fp32 is listed. 250 W, 484 GB/s, 471 mm2 (GP102) from Epoch AI."),
    ACC("nvidia-p40", "NVIDIA Tesla P40", "NVIDIA", "Tesla P40", "PCIe 24GB", "gpu", "pascal", 2016,
        250, DM, {"fp32": 11.8}, 24, "GDDR5", 346, 471, "TSMC 16nm FinFET", 16,
        "epoch-ml-hardware", "medium", ["p40", "tesla-p40", "Tesla P40"],
        field_sources={"memory_bw_gb_s": {"source": "nvidia-p40-datasheet", "confidence": "medium",
            "notes": "datasheet 346 GB/s; Epoch AI lists 694.3"}},
        notes="No Tensor Cores; FP16 at 1/64 rate (0.18 TFLOPS), so only fp32 (11.76, Epoch AI; datasheet 12) is listed. 250 W, 471 mm2 (GP102)."),
    ACC("nvidia-m40", "NVIDIA Tesla M40", "NVIDIA", "Tesla M40", "PCIe 12GB", "gpu", "maxwell", 2015,
        250, DM, {"fp32": 6.8}, 12, "GDDR5", 288, 601, "TSMC 28nm", 28,
        "epoch-ml-hardware", "medium", ["m40", "tesla-m40", "Tesla M40"],
        notes="Maxwell: fp32 only (6.83 TFLOPS). 250 W, 288 GB/s, 601 mm2 (GM200) from Epoch AI; a 24 GB variant exists."),
    ACC("nvidia-k80", "NVIDIA Tesla K80", "NVIDIA", "Tesla K80", "board (2 x GK210)", "gpu", "kepler", 2014,
        300, DM, {"fp32": 8.1}, 24, "GDDR5", 480, 1122, "TSMC 28nm", 28,
        "epoch-ml-hardware", "medium", ["k80", "tesla-k80", "Tesla K80"],
        field_sources={"memory_bw_gb_s": {"source": "nvidia-k80-datasheet", "confidence": "medium",
            "notes": "datasheet 480 GB/s per board (Epoch AI 241 = per GPU)"},
            "die_area_mm2": {"source": "epoch-ml-hardware", "confidence": "low", "notes": "2 x 561 mm2 (GK210), Epoch AI per-die value doubled"}},
        notes="One entry is one board of two GPUs (nvidia-smi shows two devices per K80): count boards. fp32 8.13 TFLOPS with boost (Epoch AI; datasheet 8.74), 300 W per board, 24 GB (12 per GPU)."),
    ACC("nvidia-rtx-5090", "NVIDIA GeForce RTX 5090", "NVIDIA", "GeForce RTX 5090", "32GB", "gpu", "blackwell", 2025,
        575, DM, {"fp32": 104.8, "tf32": 104.8, "bf16": 209.6, "fp16": 209.6, "fp8": 419.2}, 32, "GDDR7", 1792, 750, "TSMC 4NP", 4,
        "nvidia-blackwell-geforce", "low", ["rtx-5090", "rtx5090", "5090", "NVIDIA GeForce RTX 5090"],
        field_sources={"peak_tflops_dense": {"source": "nvidia-blackwell-geforce", "confidence": "low",
            "notes": "838.4 FP16 Tensor TFLOPS sparse with FP16 accumulate (secondary copies of NVIDIA's table): dense FP16-accumulate 419.2, FP32-accumulate (used, as for the RTX 4090) 209.6; fp8 = 2 x that; tf32/fp32 104.8 (derived)"}},
        notes="total graphics power 575 W; GB202 750 mm2 (press)."),
    ACC("nvidia-gh200", "NVIDIA GH200 Grace Hopper Superchip", "NVIDIA", "GH200", "144GB HBM3e", "gpu", "grace-hopper", 2023,
        1000, DM, {"fp32": 66.9, "tf32": 494.5, "bf16": 989.5, "fp16": 989.5, "fp8": 1979}, 144, "HBM3e", 4900, 814, "TSMC 4N", 4,
        "epoch-ml-hardware", "medium", ["gh200", "grace-hopper", "NVIDIA GH200 480GB", "NVIDIA GH200 144G HBM3e"],
        field_sources={"tdp_w": {"source": "nvidia-gh200-datasheet", "confidence": "medium",
            "notes": "module power (Grace CPU + H100 GPU + LPDDR5X + HBM) configurable 450-1000 W: the maximum is used and the host is included (no separate host); Epoch AI lists 700 W (the GPU alone)"}},
        notes="Dense tensor rates and 4.9 TB/s from Epoch AI (as H100 SXM5); 96 GB HBM3 variant at 4 TB/s exists. Host (Grace CPU, 480 GB LPDDR5X) inside the module power."),
    # ---- NVIDIA Ada
    ACC("nvidia-l40", "NVIDIA L40", "NVIDIA", "L40", "PCIe 48GB", "gpu", "ada", 2022,
        300, DM, {"fp32": 90.5, "tf32": 90.5, "bf16": 181.05, "fp16": 181.05, "fp8": 362}, 48, "GDDR6", 864, 608, "TSMC 4N", 4,
        "nvidia-l40-datasheet", "medium", ["l40", "NVIDIA L40"],
        notes="dense = datasheet sparse / 2 (TF32 181*, BF16 362.1*, FP8 724*). Epoch AI: 300 W, 181 bf16, 864 GB/s."),
    ACC("nvidia-rtx-6000-ada", "NVIDIA RTX 6000 Ada Generation", "NVIDIA", "RTX 6000 Ada", "PCIe 48GB", "gpu", "ada", 2022,
        300, DM, {"fp32": 91.1, "fp8": 728.5}, 48, "GDDR6", 960, 608, "TSMC 4N", 4,
        "nvidia-rtx-6000-ada-datasheet", "medium", ["rtx-6000-ada", "rtx6000-ada", "NVIDIA RTX 6000 Ada Generation"],
        field_sources={"peak_tflops_dense.fp8": {"source": "epoch-ml-hardware", "confidence": "medium",
            "notes": "datasheet 'Tensor performance 1457 TFLOPS' is FP8 with sparsity; dense 728.5 (Epoch 729)"}},
        notes="bf16/fp16/tf32 rates are not stated on the datasheet; left out rather than derived."),
    # ---- NVIDIA Hopper
    ACC("nvidia-h800-sxm5-80gb", "NVIDIA H800 SXM5 80GB", "NVIDIA", "H800", "SXM5 80GB", "gpu", "hopper", 2023,
        700, DM, {"fp32": 67, "tf32": 494.7, "bf16": 989.4, "fp16": 989.4, "fp8": 1978.9}, 80, "HBM3", 3350, 814, "TSMC 4N", 4,
        "epoch-ml-hardware", "medium", ["h800", "h800-sxm", "h800-sxm5", "NVIDIA H800"],
        notes="China export variant of H100 SXM5 (NVLink 400 GB/s, FP64 cut); Tensor rates as H100 SXM5 (Epoch: 989 bf16, 1979 int8, 700 W). Epoch's FP32 59.3 / TF32 454.5 (TechPowerUp) not used."),
    ACC("nvidia-h20", "NVIDIA H20", "NVIDIA", "H20", "HGX 96GB", "gpu", "hopper", 2024,
        400, DM, {"fp32": 44, "tf32": 74, "bf16": 148, "fp16": 148, "fp8": 296}, 96, "HBM3", 4000, 814, "TSMC 4N", 4,
        "epoch-ml-hardware", "medium", ["h20", "hgx-h20", "NVIDIA H20"],
        field_sources={"peak_tflops_dense.fp8": {"source": "epoch-ml-hardware", "confidence": "low",
            "notes": "Epoch lists INT8 296 TOPS; FP8 taken equal to INT8 as on every Hopper part"}},
        notes="China export Hopper part; no public NVIDIA datasheet (Epoch cites a reseller page)."),
    # ---- NVIDIA Blackwell
    ACC("nvidia-b100", "NVIDIA B100", "NVIDIA", "B100", "HGX B100 (per GPU)", "gpu", "blackwell", 2024,
        700, DM, {"bf16": 1750, "fp16": 1750, "fp8": 3500, "tf32": 875}, 192, "HBM3e", 8000, None, "TSMC 4NP (2 dies)", 4,
        "epoch-ml-hardware", "low", ["b100", "NVIDIA B100"],
        notes="Launch specifications via Epoch AI (AnandTech); B100 shipped in small volume."),
    ACC("nvidia-b300-hgx-288gb", "NVIDIA B300 (HGX/DGX B300, per GPU)", "NVIDIA", "B300", "HGX/DGX B300 (per GPU)", "gpu", "blackwell", 2025,
        1100, DM, {"fp32": 75, "tf32": 1100, "bf16": 2250, "fp16": 2250, "fp8": 4500}, 288, "HBM3e", 7700, None, "TSMC 4NP (2 dies)", 4,
        "epoch-ml-hardware", "medium", ["b300", "b300-sxm", "blackwell-ultra"], system="nvidia-dgx-b300",
        notes="Blackwell Ultra. Epoch AI: 1100 W, 2250 dense bf16, 4500 fp8, 7.7 TB/s, memory 270 GB usable (288 GB nominal; DGX B300 2.3 TB = 8 x 288). Not checked against the NVIDIA datasheet."),
    ACC("nvidia-gb300-per-gpu", "NVIDIA GB300 (per GPU in GB300 NVL72)", "NVIDIA", "GB300", "per GPU in GB300 NVL72", "gpu", "blackwell", 2025,
        1400, "derived_estimate", {"fp32": 80, "tf32": 1250, "bf16": 2500, "fp16": 2500, "fp8": 5000}, 288, "HBM3e", 8000, None, "TSMC 4NP (2 dies)", 4,
        "epoch-ml-hardware", "low", ["gb300", "gb300-gpu"],
        notes="Epoch AI per-GPU figures (NVL72 rack totals / 72); the 1400 W per GPU is not an NVIDIA datasheet value."),
    # ---- AMD
    ACC("amd-mi100", "AMD Instinct MI100", "AMD", "Instinct MI100", "PCIe 32GB", "gpu", "cdna1", 2020,
        300, DM, {"fp32": 23.1, "bf16": 92.3, "fp16": 184.6}, 32, "HBM2", 1228.8, 750, "TSMC 7nm", 7,
        "amd-mi100", "medium", ["mi100", "instinct-mi100", "AMD Instinct MI100"],
        notes="FP32 vector 23.1 (matrix 46.1); FP16 matrix 184.6, BF16 matrix 92.3 (half rate on CDNA1). No TF32/FP8."),
    ACC("amd-mi210", "AMD Instinct MI210", "AMD", "Instinct MI210", "PCIe 64GB", "gpu", "cdna2", 2022,
        300, DM, {"fp32": 22.6, "bf16": 181.0, "fp16": 181.0}, 64, "HBM2e", 1638.4, None, "TSMC N6", 6,
        "amd-mi210", "medium", ["mi210", "instinct-mi210", "AMD Instinct MI210"],
        notes="FP32 vector 22.6 (matrix 45.3); FP16/BF16 181.0; 64 GB HBM2e up to 1.6 TB/s; 300 W TBP. Key-feature table as reproduced in bytedance/ByteMLPerf MIGRAPHX README."),
    ACC("amd-mi250", "AMD Instinct MI250", "AMD", "Instinct MI250", "OAM 128GB", "gpu", "cdna2", 2021,
        560, DM, {"fp32": 45.3, "bf16": 362.1, "fp16": 362.1}, 128, "HBM2e", 3276.8, None, "TSMC N6 (2 GCDs)", 6,
        "amd-mi250", "medium", ["mi250", "instinct-mi250", "AMD Instinct MI250"],
        notes="FP32 vector 45.3 (matrix 90.5); 560 W peak board power (rocm-smi power cap 560 W on MI250 nodes; 500 W air-cooled)."),
    ACC("amd-mi350x", "AMD Instinct MI350X", "AMD", "Instinct MI350X", "OAM 288GB", "gpu", "cdna4", 2025,
        1000, DM, {"bf16": 2309.6, "fp16": 2309.6, "fp8": 4614}, 288, "HBM3E", 8000, None, "TSMC N3P + N6", 3,
        "amd-mi350x-brochure", "medium", ["mi350x", "instinct-mi350x", "AMD Instinct MI350X"],
        field_sources={"peak_tflops_dense.fp8": {"source": "epoch-ml-hardware", "confidence": "medium",
            "notes": "Epoch lists FP8 4600 and INT8 4614 (= 2 x 2307 bf16); 4614 used"}},
        notes="Air-cooled CDNA4 part; values via Epoch AI from the AMD brochure. No TF32 on CDNA4."),
    ACC("amd-mi355x", "AMD Instinct MI355X", "AMD", "Instinct MI355X", "OAM 288GB", "gpu", "cdna4", 2025,
        1400, DM, {"fp32": 157.3, "bf16": 2516.6, "fp16": 2516.6, "fp8": 5033.2}, 288, "HBM3E", 8000, None, "TSMC N3P + N6", 3,
        "amd-mi355x-brochure", "medium", ["mi355x", "instinct-mi355x", "AMD Instinct MI355X"], system="amd-mi355x-platform",
        field_sources={"peak_tflops_dense.fp8": {"source": "epoch-ml-hardware", "confidence": "medium",
            "notes": "Epoch's FP8 column says 4600 (the MI350X figure); its INT8 column 5033.2 = 2 x bf16 is the MI355X dense FP8 rate (AMD: ~5 PF FP8 dense, 10.1 PF sparse)"},
            "peak_tflops_dense.fp32": {"source": "amd-mi355x-brochure", "confidence": "low", "notes": "FP32 vector 157.3 TFLOPS; not in Epoch, not re-checked"}},
        notes="Liquid-cooled CDNA4 flagship, 1400 W TBP; 288 GB HBM3E at 8 TB/s. No TF32 on CDNA4."),
    # ---- Google
    ACC("google-tpu-v7", "Google TPU7x (Ironwood)", "Google", "TPU7x", "Ironwood, per chip", "tpu", "tpu-v7", 2025,
        960, "derived_estimate", {"bf16": 2307, "fp8": 4614}, 192, "HBM3e", 7370, None, None, None,
        "google-tpu7x-docs", "high", ["tpu-v7", "tpuv7", "tpu v7", "tpu7x", "tpu7", "ironwood"], system="google-tpu-v7-pod",
        field_sources={"tdp_w": {"source": "epoch-ml-hardware", "confidence": "low",
            "notes": "Google publishes no TDP; ~960 W is Epoch AI's derivation from the Ironwood perf/W claims"},
            "memory_bw_gb_s": {"source": "epoch-ml-hardware", "confidence": "medium", "notes": "7.37 TB/s (Google: 7.37 TB/s per chip in the Ironwood announcement)"}},
        notes="Per chip: 2307 TFLOPS bf16, 4614 fp8 (TPU7x docs), 192 GiB HBM; 9216 chips per pod."),
    # ---- Intel
    ACC("intel-gaudi", "Intel Habana Gaudi (HL-205)", "Intel", "Gaudi", "HL-205 OAM 32GB", "asic", "gaudi", 2019,
        400, DM, {"bf16": 60}, 32, "HBM2", 900, None, "TSMC 16nm", 16,
        "intel-gaudi3-whitepaper", "low", ["gaudi", "gaudi1", "gaudi-1", "hl-205", "HL-205"], system="aws-dl1.24xlarge",
        field_sources={"tdp_w": {"source": "intel-gaudi3-whitepaper", "confidence": "low",
            "notes": "400 W per Intel's Gaudi-generation table (Hot Chips 2024); Epoch lists 300 W from the 2019 launch news"}},
        notes="Gaudi 1 values from the generation table in Intel's Gaudi 3 material (BF16 60 TFLOPS, 32 GB, 0.9 TB/s); not re-checked."),
    # ---- AWS
    ACC("aws-trainium3", "AWS Trainium3", "AWS", "Trainium3", "per chip (Trn3)", "asic", "trainium3", 2025,
        700, "derived_estimate", {"fp32": 183, "tf32": 671, "bf16": 671, "fp16": 671, "fp8": 2517}, 144, "HBM", 4900, None, None, None,
        "aws-trainium3-docs", "high", ["trainium3", "trn3", "aws-trainium-3"],
        field_sources={"tdp_w": {"source": "epoch-ml-hardware", "confidence": "low", "notes": "AWS publishes no TDP; 700 W is Epoch AI's figure"}},
        notes="Per chip: 8 NeuronCore-v4, 2517 MXFP8/MXFP4, 671 BF16/FP16/TF32, 183 FP32 TFLOPS; 144 GiB at 4.9 TB/s (fp8 = MXFP8)."),
]

# --------------------------------------------------------------------------------------------
# Systems
# --------------------------------------------------------------------------------------------
def SYS(id, name, kind, acc, n, power, provider, aliases, source, confidence, notes=None):
    d = {"id": id, "name": name, "kind": kind, "accelerator": acc, "accelerators": n, "max_power_w": power,
         "provider": provider, "aliases": aliases, "source": source, "confidence": confidence}
    if notes:
        d["notes"] = notes
    return d

SYSTEMS = [
    SYS("nvidia-dgx-1-p100", "NVIDIA DGX-1 (P100)", "server", "nvidia-p100-sxm2-16gb", 8, 3200, None, ["dgx-1-p100", "dgx1-p100"],
        "nvidia-dgx1-guide", "medium", "3.2 kW max system power (original Pascal DGX-1); not re-checked"),
    SYS("nvidia-dgx-1-v100", "NVIDIA DGX-1 (V100)", "server", "nvidia-v100-sxm2-16gb", 8, 3500, None, ["dgx-1", "dgx1", "dgx-1-v100"],
        "nvidia-dgx1-guide", "medium", "3.5 kW max; also shipped with V100 32GB"),
    SYS("nvidia-dgx-2", "NVIDIA DGX-2", "server", "nvidia-v100-sxm3-32gb", 16, 10000, None, ["dgx-2", "dgx2"],
        "nvidia-dgx2-guide", "medium", "16x V100 SXM3 32GB; 10 kW max (DGX-2H: 12 kW)"),
    SYS("nvidia-dgx-a100-320gb", "NVIDIA DGX A100 320GB", "server", "nvidia-a100-sxm4-40gb", 8, 6500, None, ["dgx-a100-320gb"],
        "nvidia-dgxa100-guide", "high", "6.5 kW max system power"),
    SYS("nvidia-dgx-a100", "NVIDIA DGX A100 640GB", "server", "nvidia-a100-sxm4-80gb", 8, 6500, None, ["dgx-a100", "dgxa100", "dgx-a100-640gb"],
        "nvidia-dgxa100-guide", "high", "6.5 kW max system power"),
    SYS("nvidia-dgx-h100", "NVIDIA DGX H100", "server", "nvidia-h100-sxm5-80gb", 8, 10200, None, ["dgx-h100", "dgxh100"],
        "nvidia-dgxh100-guide", "high", "6x 3.3 kW PSU (4+2); 10.2 kW max"),
    SYS("nvidia-dgx-h200", "NVIDIA DGX H200", "server", "nvidia-h200-sxm-141gb", 8, 10200, None, ["dgx-h200", "dgxh200"],
        "nvidia-dgxh100-guide", "high", "user guide covers DGX H100/H200; 10.2 kW max"),
    SYS("nvidia-dgx-b200", "NVIDIA DGX B200", "server", "nvidia-b200-hgx-180gb", 8, 14300, None, ["dgx-b200", "dgxb200"],
        "nvidia-dgxb200-guide", "high", "6x 3.3 kW PSU (5+1); 14.3 kW max; 1440 GB GPU memory"),
    SYS("nvidia-dgx-b300", "NVIDIA DGX B300", "server", "nvidia-b300-hgx-288gb", 8, None, None, ["dgx-b300", "dgxb300"],
        "nvidia-dgxb300-datasheet", "medium", "~14.5 kW is quoted by the press from NVIDIA material; not in a DGX user guide read here, so null"),
    SYS("nvidia-gb200-nvl72", "NVIDIA GB200 NVL72", "pod", "nvidia-gb200-per-gpu", 72, None, None, ["gb200-nvl72", "nvl72"],
        "nvidia-gb200-nvl72", "high", "rack: 72 Blackwell GPUs + 36 Grace CPUs; ~120-132 kW per rack is third-party only, so null"),
    SYS("amd-mi300x-platform", "AMD Instinct MI300X Platform (8x OAM)", "server", "amd-mi300x", 8, None, None, ["mi300x-platform", "mi300x-8gpu"],
        "amd-mi300x-platform", "high", "UBB with 8 OAM; no whole-system power published"),
    SYS("amd-mi325x-platform", "AMD Instinct MI325X Platform (8x OAM)", "server", "amd-mi325x", 8, None, None, ["mi325x-platform"],
        "amd-mi325x", "medium"),
    SYS("amd-mi355x-platform", "AMD Instinct MI355X Platform (8x OAM)", "server", "amd-mi355x", 8, None, None, ["mi355x-platform"],
        "amd-mi355x-brochure", "medium"),
    # TPU pods (chips per pod)
    SYS("google-tpu-v2-pod", "Google TPU v2 Pod", "pod", "google-tpu-v2", 256, None, "gcp", ["tpu-v2-pod", "v2-512"],
        "jouppi-2020", "medium", "256 chips (512 cores), 4 chips per host"),
    SYS("google-tpu-v3-pod", "Google TPU v3 Pod", "pod", "google-tpu-v3", 1024, None, "gcp", ["tpu-v3-pod", "v3-2048"],
        "jouppi-2020", "medium", "1024 chips (2048 cores), 4 chips per host"),
    SYS("google-tpu-v4-pod", "Google TPU v4 Pod", "pod", "google-tpu-v4", 4096, None, "gcp", ["tpu-v4-pod"],
        "google-tpu-v4-docs", "high", "4 chips per host"),
    SYS("google-tpu-v5e-pod", "Google TPU v5e Pod", "pod", "google-tpu-v5e", 256, None, "gcp", ["tpu-v5e-pod"],
        "google-tpu-v5e-docs", "high", "8 chips per host"),
    SYS("google-tpu-v5p-pod", "Google TPU v5p Pod", "pod", "google-tpu-v5p", 8960, None, "gcp", ["tpu-v5p-pod"],
        "google-tpu-v5p-docs", "high", "4 chips per host"),
    SYS("google-tpu-v6e-pod", "Google TPU v6e Pod", "pod", "google-tpu-v6e", 256, None, "gcp", ["tpu-v6e-pod"],
        "google-tpu-v6e-docs", "high", "8 chips per host"),
    SYS("google-tpu-v7-pod", "Google TPU7x (Ironwood) Pod", "pod", "google-tpu-v7", 9216, None, "gcp", ["tpu-v7-pod", "ironwood-pod"],
        "google-tpu7x-docs", "high"),
    # AWS
    SYS("aws-p3.16xlarge", "AWS p3.16xlarge", "cloud_instance", "nvidia-v100-sxm2-16gb", 8, None, "aws", ["p3.16xlarge"], "aws-ec2-p3", "high"),
    SYS("aws-p3dn.24xlarge", "AWS p3dn.24xlarge", "cloud_instance", "nvidia-v100-sxm2-32gb", 8, None, "aws", ["p3dn.24xlarge"], "aws-ec2-p3", "high"),
    SYS("aws-p4d.24xlarge", "AWS p4d.24xlarge", "cloud_instance", "nvidia-a100-sxm4-40gb", 8, None, "aws", ["p4d.24xlarge", "p4d"], "aws-ec2-p4", "high"),
    SYS("aws-p4de.24xlarge", "AWS p4de.24xlarge", "cloud_instance", "nvidia-a100-sxm4-80gb", 8, None, "aws", ["p4de.24xlarge", "p4de"], "aws-ec2-p4", "high"),
    SYS("aws-p5.48xlarge", "AWS p5.48xlarge", "cloud_instance", "nvidia-h100-sxm5-80gb", 8, None, "aws", ["p5.48xlarge", "p5"], "aws-ec2-p5", "high"),
    SYS("aws-p5e.48xlarge", "AWS p5e.48xlarge", "cloud_instance", "nvidia-h200-sxm-141gb", 8, None, "aws", ["p5e.48xlarge", "p5e"], "aws-ec2-p5", "high"),
    SYS("aws-p5en.48xlarge", "AWS p5en.48xlarge", "cloud_instance", "nvidia-h200-sxm-141gb", 8, None, "aws", ["p5en.48xlarge", "p5en"], "aws-ec2-p5", "high"),
    SYS("aws-p6-b200.48xlarge", "AWS p6-b200.48xlarge", "cloud_instance", "nvidia-b200-hgx-180gb", 8, None, "aws", ["p6-b200.48xlarge", "p6-b200"], "aws-ec2-p6", "medium"),
    SYS("aws-g4dn.12xlarge", "AWS g4dn.12xlarge", "cloud_instance", "nvidia-t4", 4, None, "aws", ["g4dn.12xlarge"], "aws-ec2-g4", "high"),
    SYS("aws-g5.48xlarge", "AWS g5.48xlarge", "cloud_instance", "nvidia-a10g", 8, None, "aws", ["g5.48xlarge"], "aws-ec2-g5", "high"),
    SYS("aws-g6.48xlarge", "AWS g6.48xlarge", "cloud_instance", "nvidia-l4", 8, None, "aws", ["g6.48xlarge"], "aws-ec2-g6", "high"),
    SYS("aws-g6e.48xlarge", "AWS g6e.48xlarge", "cloud_instance", "nvidia-l40s", 8, None, "aws", ["g6e.48xlarge"], "aws-ec2-g6e", "high"),
    SYS("aws-dl1.24xlarge", "AWS dl1.24xlarge", "cloud_instance", "intel-gaudi", 8, None, "aws", ["dl1.24xlarge"], "aws-ec2-dl1", "high"),
    SYS("aws-trn1.32xlarge", "AWS trn1.32xlarge", "cloud_instance", "aws-trainium1", 16, None, "aws", ["trn1.32xlarge"], "aws-ec2-trn1", "high"),
    SYS("aws-trn2.48xlarge", "AWS trn2.48xlarge", "cloud_instance", "aws-trainium2", 16, None, "aws", ["trn2.48xlarge"], "aws-ec2-trn2", "high"),
    # GCP
    SYS("gcp-a2-highgpu-8g", "GCP a2-highgpu-8g", "cloud_instance", "nvidia-a100-sxm4-40gb", 8, None, "gcp", ["a2-highgpu-8g"], "gcp-gpus", "high"),
    SYS("gcp-a2-ultragpu-8g", "GCP a2-ultragpu-8g", "cloud_instance", "nvidia-a100-sxm4-80gb", 8, None, "gcp", ["a2-ultragpu-8g"], "gcp-gpus", "high"),
    SYS("gcp-a3-highgpu-8g", "GCP a3-highgpu-8g", "cloud_instance", "nvidia-h100-sxm5-80gb", 8, None, "gcp", ["a3-highgpu-8g"], "gcp-gpus", "high"),
    SYS("gcp-a3-megagpu-8g", "GCP a3-megagpu-8g", "cloud_instance", "nvidia-h100-sxm5-80gb", 8, None, "gcp", ["a3-megagpu-8g"], "gcp-gpus", "high"),
    SYS("gcp-a3-ultragpu-8g", "GCP a3-ultragpu-8g", "cloud_instance", "nvidia-h200-sxm-141gb", 8, None, "gcp", ["a3-ultragpu-8g"], "gcp-gpus", "high"),
    SYS("gcp-a4-highgpu-8g", "GCP a4-highgpu-8g", "cloud_instance", "nvidia-b200-hgx-180gb", 8, None, "gcp", ["a4-highgpu-8g", "a4"], "gcp-gpus", "high"),
    SYS("gcp-g2-standard-96", "GCP g2-standard-96", "cloud_instance", "nvidia-l4", 8, None, "gcp", ["g2-standard-96"], "gcp-gpus", "high"),
    # Azure
    SYS("azure-nd40rs-v2", "Azure ND40rs v2", "cloud_instance", "nvidia-v100-sxm2-32gb", 8, None, "azure", ["nd40rs-v2", "standard_nd40rs_v2"], "azure-ndv2", "high"),
    SYS("azure-nd96asr-v4", "Azure ND96asr A100 v4", "cloud_instance", "nvidia-a100-sxm4-40gb", 8, None, "azure", ["nd96asr-v4", "standard_nd96asr_v4"], "azure-nda100v4", "high"),
    SYS("azure-nd96amsr-a100-v4", "Azure ND96amsr A100 v4", "cloud_instance", "nvidia-a100-sxm4-80gb", 8, None, "azure", ["nd96amsr-a100-v4", "standard_nd96amsr_a100_v4"], "azure-ndma100v4", "high"),
    SYS("azure-nd96isr-h100-v5", "Azure ND96isr H100 v5", "cloud_instance", "nvidia-h100-sxm5-80gb", 8, None, "azure", ["nd96isr-h100-v5", "standard_nd96isr_h100_v5"], "azure-ndh100v5", "high"),
    SYS("azure-nd96isr-h200-v5", "Azure ND96isr H200 v5", "cloud_instance", "nvidia-h200-sxm-141gb", 8, None, "azure", ["nd96isr-h200-v5", "standard_nd96isr_h200_v5"], "azure-ndh200v5", "high"),
    SYS("azure-nd96isr-mi300x-v5", "Azure ND96isr MI300X v5", "cloud_instance", "amd-mi300x", 8, None, "azure", ["nd96isr-mi300x-v5", "standard_nd96isr_mi300x_v5"], "azure-ndmi300xv5", "high"),
]

# --------------------------------------------------------------------------------------------
def process_nm_of(process):
    if not process:
        return None
    m = re.search(r"(\d+)\s*(?:nm|N)", process) or re.search(r"N(\d+)", process)
    return int(m.group(1)) if m else None


def segment_of(e):
    """The market a part is sold for, from its vendor's product line: GeForce and TITAN cards are
    consumer parts (a desktop by default), NVIDIA RTX/Quadro professional cards are workstation
    parts, everything else here is sold for data centres. An ACC row may set "segment" itself."""
    model = e["model"]
    if model.startswith(("GeForce", "TITAN", "Titan")):
        return "consumer"
    if e["vendor"] == "NVIDIA" and model.startswith(("RTX A", "RTX 6000", "RTX 5000", "RTX 4000", "Quadro")):
        return "workstation"
    return "data-centre"


def from_csv_row(r):
    peak = {}
    for key, col in (("fp32", "fp32_tflops"), ("tf32", "tf32_tflops_dense"), ("bf16", "bf16_tflops_dense"),
                     ("fp16", "fp16_tflops_dense"), ("fp8", "fp8_tflops_dense")):
        v = num(r[col])
        if v is not None:
            peak[key] = v
    vendor = r["vendor"]
    kind = "gpu" if vendor in ("NVIDIA", "AMD") else ("tpu" if vendor == "Google" else "asic")
    model = r["model"]
    return {
        "id": r["id"], "name": f"{vendor} {model} {r['variant']}".replace("per chip", "").strip(),
        "vendor": vendor, "model": model, "variant": r["variant"], "kind": kind, "family": None,
        "release_year": int(r["release_year"]), "tdp_w": num(r["tdp_w"]), "tdp_kind": DM,
        "peak_tflops_dense": peak, "memory_gb": num(r["memory_gb"]), "memory_type": r["memory_type"] or None,
        "memory_bw_gb_s": num(r["memory_bw_gb_s"]), "die_area_mm2": num(r["die_area_mm2"]),
        "process": r["process"] or None, "process_nm": process_nm_of(r["process"]), "system": None,
        "aliases": [], "source": None, "confidence": r["confidence"],
        "notes": "; ".join(x for x in (r["tdp_note"], r["notes"]) if x) or None, "field_sources": {},
    }


def load_accelerators(up):
    rows = {r["id"]: from_csv_row(r) for r in read_csv(os.path.join(up, "research-compiled", "accelerators.csv"))}
    for aid, cur in CURATED.items():
        if aid not in rows:
            sys.exit(f"curated id {aid} missing from research-compiled/accelerators.csv")
        e = rows[aid]
        cur = dict(cur)
        peak = cur.pop("peak", None)
        if peak is not None:
            e["peak_tflops_dense"].update(peak)
        if "notes" in cur and e["notes"]:
            cur["notes"] = cur["notes"] + " [research-compiled: " + e["notes"] + "]"
        e.update(cur)
    for a in ADDED + cpus.load_cpus(up) + cpus.load_apple():
        if a["id"] in rows:
            sys.exit(f"duplicate id {a['id']}")
        rows[a["id"]] = a
    out = []
    for e in rows.values():
        e["name"] = re.sub(r"\s+", " ", e["name"]).strip()
        e.setdefault("segment", segment_of(e))
        if e.get("notes") is None:
            e.pop("notes", None)
        if not e["field_sources"]:
            e.pop("field_sources")
        out.append(e)
    return sorted(out, key=lambda e: e["id"])


def load_embodied(up):
    cpa = []
    mem = None
    for r in read_csv(os.path.join(up, "llmcarbon", "hardware.csv")):
        val = float(r["CPA (kgCO2/cm2 or GB)"])
        if r["hardware"] == "DRAM":
            mem = val
        m = re.match(r"TSMC\s*(\d+)nm", r["description"])
        if m and r["hardware"] != "DRAM":
            cpa.append((int(m.group(1)), val))
    factors = {}
    for nm, v in cpa:
        if nm in factors and factors[nm] != v:
            sys.exit(f"inconsistent LLMCarbon CPA for {nm} nm")
        factors[nm] = v
    die = [{"process_nm": nm, "value": factors[nm], "source": "llmcarbon", "confidence": "high",
            "notes": "kgCO2e per cm2 of logic die (LLMCarbon carbon-per-area, TSMC %d nm)" % nm}
           for nm in sorted(factors, reverse=True)]
    return {
        "die_kgco2e_per_cm2": die,
        "memory_kgco2e_per_gb": {"value": mem, "source": "llmcarbon", "confidence": "medium",
            "notes": "LLMCarbon's factor for DRAM (Micron 18 nm). Applying it to HBM/GDDR is our assumption: "
                     "HBM stacks (TSVs, base die, more wafer area per GB) are likely higher."},
        "host_kgco2e_per_server": {"value": 2500, "accelerators_per_server": 8, "source": "luccioni-2023",
            "confidence": "medium",
            "notes": "Luccioni et al. (BLOOM): ~2.5 tCO2e per HPE Apollo 6500 Gen10 Plus server excluding GPUs, "
                     "~150 kgCO2e per A100 GPU. The paper's exact wording (boundary, lifetime) was not re-read in this build."},
    }


def cross_check_systems(up, systems):
    """Print (stderr) where research-compiled/systems.csv disagrees with SYSTEMS."""
    ours = {s["id"]: s for s in systems}
    for r in read_csv(os.path.join(up, "research-compiled", "systems.csv")):
        s = ours.get(r["system_id"])
        if s is None:
            print(f"[systems.csv] {r['system_id']} not in SYSTEMS (renamed or split)", file=sys.stderr)
            continue
        if int(r["accelerators_per_system"]) != s["accelerators"]:
            print(f"[systems.csv] {s['id']}: count {r['accelerators_per_system']} vs {s['accelerators']}", file=sys.stderr)
        kw = num(r["max_system_power_kw"])
        if (kw and round(kw * 1000)) != (s["max_power_w"] or None):
            print(f"[systems.csv] {s['id']}: max power {kw} kW vs {s['max_power_w']} W", file=sys.stderr)


def cross_check_epoch(up, accs):
    """Print (stderr) differences > 3 % between our values and Epoch's for mapped rows."""
    path = os.path.join(up, "epoch-ai-ml-hardware", "ml_hardware.csv")
    if not os.path.exists(path):
        return
    emap = {"nvidia-a100-sxm4-80gb": "NVIDIA A100 SXM4 80 GB", "nvidia-a100-sxm4-40gb": "NVIDIA A100 SXM4 40 GB",
            "nvidia-h100-sxm5-80gb": "NVIDIA H100 SXM5 80GB", "nvidia-h200-sxm-141gb": "NVIDIA H200 SXM",
            "nvidia-b200-hgx-180gb": "NVIDIA B200", "nvidia-gb200-per-gpu": "NVIDIA GB200", "nvidia-l4": "NVIDIA L4",
            "nvidia-l40": "NVIDIA L40", "nvidia-v100-sxm2-32gb": "NVIDIA Tesla V100 SXM2 32 GB",
            "nvidia-rtx-4090": "NVIDIA GeForce RTX 4090", "amd-mi300x": "AMD Instinct MI300X",
            "amd-mi325x": "AMD Instinct MI325X", "amd-mi355x": "AMD Instinct MI355X", "amd-mi250x": "AMD Radeon Instinct MI250X",
            "google-tpu-v4": "Google TPU v4", "google-tpu-v5p": "Google TPU v5p", "google-tpu-v6e": "Google TPU v6e Trillium",
            "intel-gaudi2": "Intel Habana Gaudi2", "intel-gaudi3": "Intel Habana Gaudi3", "aws-trainium2": "Amazon Trainium2",
            "nvidia-h800-sxm5-80gb": "NVIDIA H800 SXM5", "nvidia-h20": "NVIDIA HGX H20", "nvidia-a800-sxm4-80gb": "NVIDIA A800 SXM"}
    ep = {r["Hardware name"]: r for r in read_csv(path)}
    byid = {a["id"]: a for a in accs}
    for aid, en in sorted(emap.items()):
        r = ep.get(en)
        a = byid.get(aid)
        if not r or not a:
            continue
        pairs = [("tdp_w", a["tdp_w"], num(r["TDP (W)"])),
                 ("bf16", a["peak_tflops_dense"].get("bf16"), (num(r["Tensor-FP16/BF16 performance (FLOP/s)"]) or 0) / 1e12 or None)]
        for field, ours, theirs in pairs:
            if ours and theirs and abs(ours - theirs) / ours > 0.03:
                print(f"[epoch cross-check] {aid}.{field}: ours {ours} vs Epoch {theirs:g}", file=sys.stderr)


# --------------------------------------------------------------------------------------------
PRICE_FIELDS = ("system", "usd_per_hour", "per", "region", "as_of", "source", "confidence", "locator", "superseded")


def load_prices(systems):
    """Each row of data/upstream/cloud-ondemand-prices/prices.csv as its system's `on_demand_price`:
    a dated list on-demand price (USD per instance-hour, or per accelerator-hour where `per` says so);
    `superseded`, when not empty, says why the price is known to be out of date (the estimate prints it)."""
    rows = read_csv(os.path.join(REPO_UPSTREAM, "cloud-ondemand-prices", "prices.csv"))
    by_id = {s["id"]: s for s in systems}
    for r in rows:
        if tuple(r) != PRICE_FIELDS:
            sys.exit(f"prices.csv: columns {tuple(r)}, expected {PRICE_FIELDS}")
        s = by_id.get(r["system"])
        if s is None:
            sys.exit(f"prices.csv: unknown system {r['system']}")
        if "on_demand_price" in s:
            sys.exit(f"prices.csv: {r['system']} given twice")
        s["on_demand_price"] = {"usd_per_hour": float(r["usd_per_hour"]), "per": r["per"], "region": r["region"],
                                "as_of": r["as_of"], "source": r["source"], "confidence": r["confidence"],
                                "notes": r["locator"]}
        if r["superseded"]:
            s["on_demand_price"]["superseded"] = r["superseded"]


def check(doc):
    """What hardware.schema.json cannot say: names unique across both tables, references
    between entries and to sources, and the TPU power rule."""
    errs = name_clashes(doc["accelerators"] + doc["systems"]) + source_errors(doc) + cpus.cpu_errors(doc["accelerators"])
    accs = {a["id"] for a in doc["accelerators"]}
    systems = {s["id"] for s in doc["systems"]}
    for a in doc["accelerators"]:
        if a["system"] is not None and a["system"] not in systems:
            errs.append(f"{a['id']}: system {a['system']} missing")
        if a["kind"] == "tpu" and a["tdp_kind"] == DM:
            errs.append(f"{a['id']}: TPU tdp cannot be datasheet_max")
    for s in doc["systems"]:
        if s["accelerator"] not in accs:
            errs.append(f"{s['id']}: accelerator {s['accelerator']} missing")
        if s["kind"] == "cloud_instance" and not s["provider"]:
            errs.append(f"{s['id']}: provider")
        price = s.get("on_demand_price")
        if price and (not s["provider"] or not price["region"].startswith(s["provider"] + ":")):
            errs.append(f"{s['id']}: on_demand_price region {price['region']} is not a region of {s['provider']}")
    return errs


def main(argv=None):
    ap = arguments(__doc__)
    args = ap.parse_args(argv)
    up = upstream_dir(ap, args.upstream)

    accs = load_accelerators(up)
    cross_check_epoch(up, accs)
    systems = sorted(SYSTEMS, key=lambda s: s["id"])
    cross_check_systems(up, systems)
    load_prices(systems)
    for e in accs + systems:
        e["aliases"] = dedup_aliases(e["id"], e["aliases"])
    embodied = load_embodied(up)
    used = {e["source"] for e in accs + systems} | {"llmcarbon", "luccioni-2023"}
    used.update(fs["source"] for e in accs + systems for fs in e.get("field_sources", {}).values())
    used.update(s["on_demand_price"]["source"] for s in systems if "on_demand_price" in s)
    missing = used - set(SOURCES)
    if missing:
        sys.exit(f"sources missing: {sorted(missing)}")
    doc = {
        "meta": meta("hardware", "scripts/data/build_hardware.py", LICENSE_NOTES, args.generated),
        "sources": {k: v for k, v in SOURCES.items() if k in used},
        "accelerators": accs,
        "systems": systems,
        "embodied_factors": embodied,
    }
    fail_on(validate(doc, load_schema("hardware")) + check(doc))
    out = os.path.join(args.out, "hardware.json")
    write_text(out, dumps(doc, sort_keys=True))
    print(f"wrote {out}: {len(accs)} accelerators, {len(systems)} systems", file=sys.stderr)


if __name__ == "__main__":
    main()
