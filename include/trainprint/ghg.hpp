#pragma once
/// \file ghg.hpp
/// An estimate's emissions in the scopes of the GHG Protocol (Corporate Standard,
/// 2004; Scope 2 Guidance, 2015; Corporate Value Chain (Scope 3) Standard, 2011):
///
/// | hardware | operational (electricity)                  | embodied (manufacturing)                |
/// |---|---|---|
/// | owned    | Scope 2, location-based and market-based   | Scope 3 category 2, capital goods       |
/// | cloud    | Scope 3 category 1, purchased services     | Scope 3 category 1, inside the service  |
///
/// Ownership comes from the scenario (`ownership`), else from the provider: a cloud
/// or HPC provider means a bought service, anything else one's own hardware
/// (estimate_context::ownership_basis says which). The market-based figure is the
/// location-based one × (1 − cfe) and says what kind of claim stands behind the
/// share (estimate_context::market_claim): hourly carbon-free energy (Google's CFE)
/// and annual renewable matching (AWS, Meta) are different claims and are never
/// summed without saying so. Energy not covered by the share is counted at the
/// location-based grid intensity: the catalog holds no residual-mix factor under an
/// open licence (docs/methodology.md, "Greenhouse-gas scopes").
///
/// JSON: the "ghg_protocol" object of `trainprint.estimate/1`, documented in
/// docs/methodology.md.

#include <optional>
#include <string>
#include <vector>

#include "estimate.hpp"

namespace trainprint::inline v0 {

/// One figure of the scope table.
struct ghg_line {
  int scope = 2;      ///< 2 or 3
  int category = 0;   ///< Scope 3 category (1 or 2); 0 for Scope 2
  std::string method; ///< "location-based", "market-based" or "" (embodied)
  std::string what;   ///< what the figure covers, for people
  std::optional<double> kg_co2e;  ///< nullopt when unknown
  std::string claim;  ///< market-based only: the kind of claim behind it (estimate_context::market_claim)
  /// Embodied only: left out by the user (--no-embodied, "embodied": false) or the
  /// model-card convention, not unknown; kg_co2e is then nullopt and the line reads "left out".
  bool left_out = false;
  /// "Scope 2, location-based", "Scope 3 cat. 1, market-based", "Scope 3 cat. 2, embodied".
  [[nodiscard]] std::string label() const;
};

/// The estimate in GHG Protocol scopes.
struct ghg_accounting {
  trainprint::ownership ownership = ownership::owned;
  std::string ownership_basis;
  std::vector<ghg_line> lines;  ///< operational location-based, operational market-based, embodied
  /// Operational location-based + embodied, and operational market-based + embodied
  /// (two views of the same emissions, never to be added together); nullopt when unknown.
  std::optional<double> location_based_total_kg, market_based_total_kg;
  std::string market_claim;     ///< as estimate_context::market_claim
  std::vector<std::string> notes;  ///< what a reader must know to use the figures
};

/// The GHG Protocol name of a Scope 3 category: 1 "Purchased goods and services",
/// 2 "Capital goods"; "" for another number.
std::string scope3_category_name(int category);

/// The scope table of `e` (from its outputs and context).
ghg_accounting ghg_scopes(const estimate& e);

}  // namespace trainprint::inline v0
