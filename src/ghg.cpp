// An estimate in GHG Protocol scopes (see include/trainprint/ghg.hpp).

#include "trainprint/ghg.hpp"

#include <fmt/format.h>

namespace trainprint::inline v0 {

std::string scope3_category_name(int category) {
  switch (category) {
    case 1: return "Purchased goods and services";
    case 2: return "Capital goods";
    default: return {};
  }
}

std::string ghg_line::label() const {
  std::string l = scope == 2 ? std::string("Scope 2") : fmt::format("Scope 3 cat. {}", category);
  l += ", " + (method.empty() ? std::string("embodied") : method);
  return l;
}

ghg_accounting ghg_scopes(const estimate& e) {
  ghg_accounting g;
  g.ownership = e.context.ownership;
  g.ownership_basis = e.context.ownership_basis;
  g.market_claim = e.context.market_claim;
  const auto location = e.value(output::emissions_location);
  const auto market = e.value(output::emissions_market);
  const auto embodied = e.value(output::emissions_embodied);
  const bool owned = g.ownership == ownership::owned;
  const int op_scope = owned ? 2 : 3;
  const int op_category = owned ? 0 : 1;
  const std::string electricity =
      owned ? "purchased electricity of the run (facility energy × grid intensity)"
            : "the cloud service's electricity for the run (facility energy × grid intensity)";
  g.lines.push_back({op_scope, op_category, "location-based", electricity, location, {}});
  g.lines.push_back({op_scope, op_category, "market-based",
                     electricity + ", less the carbon-free-energy share", market, g.market_claim});
  g.lines.push_back({3, owned ? 2 : 1, "",
                     owned ? "manufacturing of the accelerators and servers (amortised share)"
                           : "manufacturing of the service's accelerators and servers (amortised share)",
                     embodied, {}});
  // Embodied left out (not unknown): the totals are the operational parts.
  const bool left_out = !e.inputs.embodied;
  g.lines.back().left_out = left_out;
  if (location && (embodied || left_out)) g.location_based_total_kg = *location + embodied.value_or(0);
  if (market && (embodied || left_out)) g.market_based_total_kg = *market + embodied.value_or(0);
  // With ranges the lines are medians, whose sum is not the median of the total: the
  // location-based total is then total emissions' own median (the sum at every sample); the
  // market-based one has no median of its own, and the notes say it is a sum of medians.
  const bool ranged = e.uncertainty.has_value();
  if (const auto t = e.value(output::emissions_total); ranged && g.location_based_total_kg && t)
    g.location_based_total_kg = t;

  auto& n = g.notes;
  n.push_back(owned ? "Owned hardware (" + g.ownership_basis +
                          "): electricity in Scope 2, hardware manufacturing in Scope 3 category 2 (capital goods)."
                    : "A bought service (" + g.ownership_basis +
                          "): the provider's electricity and hardware are the buyer's Scope 3 category 1 (purchased "
                          "goods and services); the buyer's Scope 2 has none of it.");
  n.push_back(
      "Location-based and market-based figures are two views of the same emissions: report both, never add them.");
  if (ranged && g.market_based_total_kg && embodied && *embodied > 0)
    n.push_back("With ranges, each line is the median of its samples and the location-based total is the median of "
                "total emissions; the market-based total is the sum of the medians of its two lines, not a median "
                "(the median of a sum need not be the sum of the medians).");
  if (!market) {
    n.push_back("Market-based unknown: no carbon-free-energy share for this site; give cfe.");
  } else if (g.market_claim == "hourly carbon-free energy") {
    n.push_back("The market-based figure rests on hourly carbon-free-energy matching (clean energy on the same grid in "
                "the same hour); do not add or compare it with figures resting on annual renewable matching.");
  } else if (g.market_claim == "annual renewable matching") {
    n.push_back("The market-based figure rests on annual volumetric renewable matching (renewable certificates or "
                "contracts equal to a year's use, not matched by hour or grid); do not add or compare it with "
                "figures resting on hourly carbon-free energy.");
  } else {
    n.push_back("The market-based figure rests on a carbon-free-energy share " + g.market_claim +
                "; say which contractual instruments stand behind it.");
  }
  if (market)
    n.push_back("Energy not covered by the share is counted at the location-based grid intensity: no residual-mix "
                "factor under an open licence is in the catalog, and the Scope 2 Guidance asks for one where it "
                "exists, so this market-based figure is likely an underestimate.");
  if (e.context.intensity_basis.rfind("lifecycle", 0) == 0 && owned)
    n.push_back("The grid intensity is a lifecycle figure: it includes the upstream emissions of fuels and plants, "
                "which the GHG Protocol puts in Scope 3 category 3 (fuel- and energy-related activities), not Scope 2.");
  if (embodied && e.inputs.embodied)
    n.push_back(fmt::format(
        "Embodied emissions are this run's share of the hardware's manufacturing, amortised over {:g} years; {}",
        e.inputs.lifetime_years,
        owned ? "the Scope 3 Standard books capital goods in full in the year they are bought, so a yearly inventory "
                "reports the whole footprint of hardware bought that year instead."
              : "in a bought service they are part of what the service costs the climate."));
  return g;
}

}  // namespace trainprint::inline v0
