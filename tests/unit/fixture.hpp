#pragma once
// A small catalog for estimator tests, independent of the shipped data so the
// hand-worked numbers below never move when data/ is refreshed. Its values are
// real and sourced (the citations are in the "sources" block); the region
// "test:coal-wind" is a made-up grid for the mix path.
#include <trainprint/catalog.hpp>

namespace fixture {

inline constexpr const char* json = R"json({
  "meta": {"table": "fixture", "schema_version": 1},
  "sources": {
    "h100": {"title": "NVIDIA H100 Tensor Core GPU datasheet", "url": "https://resources.nvidia.com/en-us-tensor-core/nvidia-tensor-core-gpu-datasheet", "year": 2023, "license": "facts"},
    "v100": {"title": "NVIDIA V100 datasheet r5", "url": "https://images.nvidia.com/content/technologies/volta/pdf/volta-v100-datasheet-update-us-1165301-r5.pdf", "year": 2020, "license": "facts"},
    "dgx": {"title": "NVIDIA DGX H100 user guide", "url": "https://docs.nvidia.com/dgx/dgxh100-user-guide/", "year": 2023, "license": "facts"},
    "llmcarbon": {"title": "LLMCarbon hardware.csv", "url": "https://github.com/SotaroKaneda/MLCarbon", "year": 2024, "license": "Apache-2.0"},
    "bloom": {"title": "Luccioni et al. 2023, BLOOM carbon footprint", "url": "https://jmlr.org/papers/v24/23-0069.html", "year": 2023, "license": "facts"},
    "owid": {"title": "OWID carbon intensity of electricity", "url": "https://ourworldindata.org/grapher/carbon-intensity-electricity", "year": 2025, "license": "CC-BY-4.0"},
    "egrid": {"title": "EPA eGRID2022", "url": "https://www.epa.gov/egrid", "year": 2024, "license": "public-domain"},
    "ipcc": {"title": "IPCC AR5 WGIII Annex III", "url": "https://www.ipcc.ch/report/ar5/wg3/", "year": 2014, "license": "facts"},
    "macknick": {"title": "Macknick et al. 2012", "url": "https://doi.org/10.1088/1748-9326/7/4/045802", "year": 2012, "license": "CC-BY-3.0"},
    "aws": {"title": "Amazon sustainability, data centers", "url": "https://sustainability.aboutamazon.com/", "year": 2025, "license": "facts"},
    "test": {"title": "trainprint test fixture", "url": "", "year": 2026, "license": "facts"}
  },
  "accelerators": [
    {"id": "nvidia-h100-sxm5-80gb", "name": "NVIDIA H100 SXM5 80GB", "kind": "gpu", "family": "hopper",
     "tdp_w": 700, "tdp_kind": "datasheet_max",
     "peak_tflops_dense": {"fp32": 67, "tf32": 494.7, "bf16": 989.4, "fp16": 989.4, "fp8": 1978.9},
     "memory_gb": 80, "die_area_mm2": 814, "process_nm": 4, "system": "nvidia-dgx-h100",
     "aliases": ["h100"], "source": "h100", "confidence": "high"},
    {"id": "nvidia-v100-sxm2-32gb", "name": "NVIDIA V100 SXM2 32GB", "kind": "gpu", "family": "volta",
     "tdp_w": 300, "tdp_kind": "datasheet_max", "peak_tflops_dense": {"fp32": 15.7, "fp16": 125},
     "memory_gb": 32, "die_area_mm2": 815, "process_nm": 12,
     "aliases": ["v100"], "source": "v100", "confidence": "high"},
    {"id": "no-tdp-chip", "name": "A chip with no public TDP", "kind": "asic", "family": "unknown-family",
     "peak_tflops_dense": {"bf16": 100}, "source": "test", "confidence": "low"}
  ],
  "systems": [
    {"id": "nvidia-dgx-h100", "name": "NVIDIA DGX H100", "kind": "server", "accelerator": "nvidia-h100-sxm5-80gb",
     "accelerators": 8, "max_power_w": 10200, "source": "dgx", "confidence": "high"}
  ],
  "embodied_factors": {
    "die_kgco2e_per_cm2": [
      {"process_nm": 16, "value": 1.0, "source": "llmcarbon", "confidence": "high"},
      {"process_nm": 12, "value": 1.2, "source": "llmcarbon", "confidence": "high"},
      {"process_nm": 7, "value": 1.6, "source": "llmcarbon", "confidence": "high"},
      {"process_nm": 4, "value": 1.8, "source": "llmcarbon", "confidence": "high"}],
    "memory_kgco2e_per_gb": {"value": 0.4, "source": "llmcarbon", "confidence": "medium"},
    "host_kgco2e_per_server": {"value": 2500, "accelerators_per_server": 8, "source": "bloom", "confidence": "medium"}
  },
  "sources_of_energy": [
    {"id": "coal", "name": "Coal", "lifecycle_gco2e_per_kwh": {"min": 740, "median": 820, "max": 910},
     "water_l_per_kwh": {"value": 2.6, "source": "macknick"}, "source": "ipcc", "confidence": "high"},
    {"id": "wind", "name": "Wind", "lifecycle_gco2e_per_kwh": {"min": 7, "median": 11, "max": 56},
     "water_l_per_kwh": {"value": 0, "source": "macknick"}, "source": "ipcc", "confidence": "high"}
  ],
  "regions": [
    {"id": "FR", "kind": "country", "name": "France", "aliases": ["FRA"], "country": "FR",
     "intensity": {"gco2e_per_kwh": 44.2, "year": 2024, "basis": "lifecycle", "mix_basis": "production", "accounting": "location"},
     "source": "owid", "confidence": "high"},
    {"id": "US", "kind": "country", "name": "United States", "country": "US",
     "intensity": {"gco2e_per_kwh": 383.5, "year": 2024, "basis": "lifecycle", "mix_basis": "production", "accounting": "location"},
     "source": "owid", "confidence": "high"},
    {"id": "egrid:SRVC", "kind": "grid", "name": "SERC Virginia/Carolina", "country": "US", "parent": "US",
     "intensity": {"gco2e_per_kwh": 284.0, "year": 2022, "basis": "direct", "mix_basis": "production", "accounting": "location"},
     "source": "egrid", "confidence": "medium"},
    {"id": "aws:us-east-1", "kind": "cloud", "name": "US East (N. Virginia)", "country": "US", "grid": "egrid:SRVC",
     "provider": "aws", "location": "Northern Virginia", "source": "aws", "confidence": "high"},
    {"id": "test:coal-wind", "kind": "grid", "name": "Half coal, half wind (test)",
     "mix": {"shares": {"coal": 0.5, "wind": 0.5}, "year": 2026}, "source": "test", "confidence": "low"}
  ],
  "providers": [
    {"id": "aws", "name": "Amazon Web Services", "kind": "cloud",
     "pue": [{"value": 1.15, "year": 2024}, {"value": 1.14, "year": 2025}],
     "wue_l_per_kwh": [{"value": 0.12, "year": 2025}],
     "cfe": [{"value": 1.0, "year": 2024}],
     "source": "aws", "confidence": "high"}
  ]
})json";

/// The fixture catalog, loaded once.
inline const trainprint::catalog& catalog() {
  static const trainprint::catalog c = [] {
    trainprint::catalog cat;
    cat.overlay(json, "fixture.json");
    return cat;
  }();
  return c;
}

}  // namespace fixture
