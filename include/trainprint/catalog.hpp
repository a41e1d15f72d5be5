#pragma once
/// \file catalog.hpp
/// The catalog: accelerators and the systems they come in, grids and cloud
/// regions, energy sources, providers, published training runs and everyday
/// equivalents. The default catalog is compiled into the library (from data/*.json)
/// and parsed once; user files overlay it. Every value carries its source.

#include <array>
#include <charconv>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "scenario.hpp"

namespace trainprint::inline v0 {

/// A cited source: a datasheet, paper, report or data set.
struct source_info {
  std::string id;         ///< key in the file's "sources" object
  std::string title;
  std::string url;
  int year = 0;           ///< year of the data or publication
  std::string retrieved;  ///< date we read it (YYYY-MM-DD)
  std::string license;
  /// "title (year), url" — what traces and reports print.
  [[nodiscard]] std::string citation() const {
    // One allocation: traces ask for this on every catalog value they cite.
    std::string c;
    c.reserve(title.size() + (year > 0 ? 14 : 0) + (url.empty() ? 0 : url.size() + 2));
    c += title;
    if (year > 0) {
      char digits[12];
      const auto end = std::to_chars(digits, digits + sizeof digits, year).ptr;
      c += " (";
      c.append(digits, end);
      c += ')';
    }
    if (!url.empty()) {
      c += ", ";
      c += url;
    }
    return c;
  }
};

/// Where a catalog value comes from and how sure we are of it.
struct provenance {
  const source_info* source = nullptr;  ///< owned by the catalog
  std::string confidence;               ///< "high" | "medium" | "low"
  std::string notes;                    ///< how an estimate was derived, caveats
  /// The source's citation, or "" when there is none.
  [[nodiscard]] std::string citation() const { return source ? source->citation() : std::string{}; }
};

/// A number with its own year and provenance.
struct cited_value {
  double value = 0;
  std::optional<int> year;
  provenance prov;
  /// What kind of figure this is, where the file says ("" otherwise). For a
  /// carbon-free-energy share: "hourly carbon-free energy" (Google's CFE, matched hour
  /// by hour on the same grid) or "annual renewable matching" (renewable purchases
  /// equal to a year's use, as AWS and Meta report).
  std::string kind;
};

/// An accelerator (GPU, TPU, other training chip).
struct accelerator {
  std::string id, name, vendor, model, variant;
  std::string kind;    ///< gpu | tpu | asic
  /// data-centre | workstation | consumer: the market the part is sold for, which sets
  /// the default site kind (defaults::site_kind_for_segment); "" when a user file omits it.
  std::string segment;
  std::string family;  ///< generation, e.g. "hopper", "tpu-v4" (selects default MFU)
  std::optional<int> release_year;
  std::optional<double> tdp_w;  ///< nullopt where no figure is public (e.g. TPU v5e)
  std::string tdp_kind;  ///< datasheet_max | measured_avg | derived_estimate
  /// Dense peak TFLOP/s by precision (index = precision); nullopt = unsupported.
  std::array<std::optional<double>, precision_count> peak_tflops_dense{};
  std::optional<double> memory_gb, memory_bw_gb_s, die_area_mm2, process_nm;
  std::string memory_type, process;
  std::string system;  ///< default server profile id; "" if none
  /// A CPU's package (kind "cpu" only; nullopt otherwise): its cores and datasheet TDP, W;
  /// tdp_w is package_tdp_w / cores, the power of one core (Green Algorithms' method).
  std::optional<int> cores;
  std::optional<double> package_tdp_w;
  std::vector<std::string> aliases;
  provenance prov;
  std::map<std::string, provenance, std::less<>> field_sources;
  /// The provenance of one field ("tdp_w", "peak_tflops_dense.bf16", ...): its own if
  /// it has one, else the entry's.
  [[nodiscard]] const provenance& provenance_of(std::string_view field) const {
    auto it = field_sources.find(field);
    return it != field_sources.end() ? it->second : prov;
  }
  /// Dense peak for a precision in TFLOP/s, nullopt when unsupported.
  [[nodiscard]] std::optional<double> peak_tflops(precision p) const {
    return peak_tflops_dense[static_cast<std::size_t>(p)];
  }
};

/// A server, pod or cloud instance holding accelerators.
struct system_profile {
  std::string id, name;
  std::string kind;  ///< server | pod | cloud_instance
  std::string accelerator;
  int accelerators = 0;
  std::optional<double> max_power_w;  ///< whole system, at most
  std::string provider;
  std::vector<std::string> aliases;
  provenance prov;
};

/// Manufacturing-emission factors used to derive embodied carbon.
struct embodied_factors {
  struct die_factor {
    double process_nm = 0;
    cited_value kgco2e_per_cm2;
  };
  std::vector<die_factor> die;            ///< logic-die carbon per area, by process node
  std::optional<cited_value> memory_kgco2e_per_gb;
  std::optional<cited_value> host_kgco2e_per_server;
  int host_accelerators_per_server = 8;
};

/// A grid carbon intensity with its bases (never mixed silently).
struct intensity_value {
  double gco2e_per_kwh = 0;
  std::optional<int> year;
  std::string basis;       ///< lifecycle | direct
  std::string mix_basis;   ///< production | consumption
  std::string accounting;  ///< location | market | marginal
  provenance prov;
};

/// An electricity mix with provenance.
struct mix_value {
  energy_mix mix;
  std::optional<int> year;
  provenance prov;
};

/// A country, sub-national region, grid or cloud region.
struct region {
  std::string id, kind, name;
  std::vector<std::string> aliases;
  std::string country, parent, grid, provider, location;
  std::optional<intensity_value> intensity;
  std::optional<cited_value> cfe, ewif_l_per_kwh, pue, wue_l_per_kwh, price_usd_per_kwh;
  std::optional<mix_value> mix;
  provenance prov;
};

/// A cloud or HPC provider, or an average ("industry-average", "on-premises").
struct provider {
  std::string id, name, kind;
  std::vector<std::string> aliases;
  std::vector<cited_value> pue, wue_l_per_kwh, cfe;  ///< by year
  provenance prov;
  /// The entry of the latest year, or nullptr.
  [[nodiscard]] static const cited_value* latest(const std::vector<cited_value>& v) {
    const cited_value* best = nullptr;
    for (const auto& c : v)
      if (!best || c.year.value_or(0) >= best->year.value_or(0)) best = &c;
    return best;
  }
};

/// An energy source with lifecycle emissions and water consumption per kWh.
struct energy_source {
  std::string id, name;
  std::vector<std::string> aliases;
  double lifecycle_min = 0, lifecycle_median = 0, lifecycle_max = 0;  ///< g CO2e/kWh
  provenance lifecycle_prov;
  std::optional<double> water_l_per_kwh, water_min, water_max;
  provenance water_prov;
  provenance prov;
};

/// A published training run: its scenario as the source gave it and what it reported.
struct preset {
  std::string id, name;
  std::vector<std::string> aliases;
  std::optional<int> year;
  trainprint::scenario scenario;           ///< the inputs as published (one workload path)
  std::string published_json;              ///< everything the source published, as JSON text
  std::optional<double> reported_energy_mwh;
  std::optional<double> reported_emissions_t_co2e;
  std::string reported_boundary;
  std::optional<bool> reported_includes_pue;
  std::string reported_notes;
  provenance prov;
};

/// An everyday comparison ("km driven by car") for non-specialist readers.
struct equivalent {
  std::string id, name;
  std::vector<std::string> aliases;
  std::string applies_to;  ///< emissions | energy | water
  double per_unit = 0;     ///< kg CO2e, kWh or litres per one `unit`
  std::string unit;
  std::string region;  ///< the readers it suits: "us", "eu" or "global"; "" when unstated
  provenance prov;
};

/// The catalog. Copyable only by `catalog::embedded()` reference or by loading;
/// lookups are by id or alias, case-insensitive.
class catalog {
 public:
  catalog();
  ~catalog();
  catalog(catalog&&) noexcept;
  catalog& operator=(catalog&&) noexcept;
  catalog(const catalog&) = delete;
  catalog& operator=(const catalog&) = delete;

  /// The default catalog compiled into the library, parsed once on first use.
  static const catalog& embedded();
  /// A new catalog: the embedded tables overlaid by `files` in order.
  static catalog with_overlays(std::span<const std::filesystem::path> files);

  /// Overlays one JSON file's text (same schema as data/*.json; the table is taken
  /// from its "meta.table", or from the key present). New ids are added; an existing
  /// id is replaced only when its entry says "replace": true.
  void overlay(std::string_view json_text, const std::string& file_name);

  /// Every problem an overlay file has — one message per bad entry (its first
  /// problem), then whole-file problems — without changing this catalog. Empty
  /// means the file would load. `trainprint data check` prints these.
  std::vector<std::string> overlay_problems(std::string_view json_text, const std::string& file_name);

  // Lookups: throw unknown_key_error with suggestions when absent.
  [[nodiscard]] const accelerator& find_accelerator(std::string_view id) const;
  [[nodiscard]] const system_profile& find_system(std::string_view id) const;
  [[nodiscard]] const region& find_region(std::string_view id) const;
  [[nodiscard]] const provider& find_provider(std::string_view id) const;
  [[nodiscard]] const energy_source& find_energy_source(std::string_view id) const;
  [[nodiscard]] const preset& find_preset(std::string_view id) const;

  // Lookups that return nullptr when absent.
  [[nodiscard]] const accelerator* get_accelerator(std::string_view id) const noexcept;
  [[nodiscard]] const system_profile* get_system(std::string_view id) const noexcept;
  [[nodiscard]] const region* get_region(std::string_view id) const noexcept;
  [[nodiscard]] const provider* get_provider(std::string_view id) const noexcept;
  [[nodiscard]] const energy_source* get_energy_source(std::string_view id) const noexcept;
  [[nodiscard]] const preset* get_preset(std::string_view id) const noexcept;

  // Whole tables, in file order.
  [[nodiscard]] const std::vector<accelerator>& accelerators() const noexcept;
  [[nodiscard]] const std::vector<system_profile>& systems() const noexcept;
  [[nodiscard]] const std::vector<region>& regions() const noexcept;
  [[nodiscard]] const std::vector<provider>& providers() const noexcept;
  [[nodiscard]] const std::vector<energy_source>& energy_sources() const noexcept;
  [[nodiscard]] const std::vector<preset>& presets() const noexcept;
  [[nodiscard]] const std::vector<equivalent>& equivalents() const noexcept;
  [[nodiscard]] const embodied_factors& embodied() const noexcept;
  /// Every source cited anywhere in the catalog, by id.
  [[nodiscard]] const source_info* get_source(std::string_view id) const noexcept;

  /// The catalog's version ("2026.11.0") and date; recorded in every estimate.
  [[nodiscard]] const std::string& version() const noexcept;
  [[nodiscard]] const std::string& date() const noexcept;

  /// The region whose grid data applies to `r`: `r` itself, else its `grid`
  /// chain, else its parent chain — the first that has an intensity; nullptr if none.
  [[nodiscard]] const region* grid_of(const region& r) const noexcept;

  /// The first region along r → its `grid` (else its `parent`) → … that satisfies
  /// `has`, at most six steps; nullptr if none. grid_of() is `along_chain(r, has
  /// an intensity)`; the estimator walks the same chain for mixes and EWIF.
  template <class Pred>
  [[nodiscard]] const region* along_chain(const region& r, Pred has) const {
    const region* x = &r;
    for (int depth = 0; x && depth < 6; ++depth) {
      if (has(*x)) return x;
      const std::string& next = !x->grid.empty() ? x->grid : x->parent;
      x = next.empty() ? nullptr : get_region(next);
    }
    return nullptr;
  }

 private:
  struct impl;  // src/catalog/impl.hpp
  std::unique_ptr<impl> impl_;
};

/// The everyday equivalents for readers in `region` ("us" or "eu"; "" keeps the
/// catalog's first of each kind): for each of emissions, energy and water, the entry
/// of that region or "global" with the highest confidence (the region's own first,
/// then catalog order). A kind with no such entry is left out; never a factor of
/// another region. Throws input_error for another region.
std::vector<const equivalent*> pick_equivalents(const catalog& cat, std::string_view region);

/// Up to `n` ids from `candidates` closest to `key` (edit distance, case-insensitive).
std::vector<std::string> closest_ids(std::string_view key, const std::vector<std::string>& candidates,
                                     std::size_t n = 3);

}  // namespace trainprint::inline v0
