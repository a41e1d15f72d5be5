// ghg.hpp: the estimate's emissions in GHG Protocol scopes. Every expected figure is
// another output of the same estimate (the scope table moves figures between
// scopes, it computes nothing new) or a catalog value named in the test: AWS's and
// Meta's "annual renewable matching" and Google's "hourly carbon-free energy" are the
// `kind` of their cfe entries in data/providers.json and data/regions.json.
#include <doctest/doctest.h>
#include <trainprint/estimator.hpp>
#include <trainprint/ghg.hpp>

using namespace trainprint;

namespace {
estimate run(const char* region, std::optional<ownership> own = std::nullopt, std::optional<double> cfe = std::nullopt) {
  scenario s;
  s.gpu_hours = 100e3;
  s.hardware = "h100";
  s.count = 64;
  s.region = region;
  s.ownership = own;
  s.cfe = cfe;
  return make_estimate(s);
}
}  // namespace

TEST_CASE("ghg: a cloud region is a bought service, all in Scope 3 category 1") {
  const estimate e = run("aws:us-west-2");
  const ghg_accounting g = ghg_scopes(e);
  CHECK(g.ownership == ownership::cloud);
  CHECK(g.ownership_basis == "provider aws is a cloud service");
  REQUIRE(g.lines.size() == 3);
  for (const auto& l : g.lines) {
    CHECK(l.scope == 3);
    CHECK(l.category == 1);
  }
  CHECK(g.lines[0].method == "location-based");
  CHECK(g.lines[0].kg_co2e == e.value(output::emissions_location));
  CHECK(g.lines[1].method == "market-based");
  CHECK(g.lines[1].kg_co2e == e.value(output::emissions_market));
  CHECK(g.lines[1].claim == "annual renewable matching");  // providers.json, aws cfe 2024
  CHECK(g.lines[2].kg_co2e == e.value(output::emissions_embodied));
  CHECK(g.lines[0].label() == "Scope 3 cat. 1, location-based");
  CHECK(g.location_based_total_kg == e.value(output::emissions_total));
  REQUIRE(g.market_based_total_kg);
  CHECK(*g.market_based_total_kg == *e.value(output::emissions_market) + *e.value(output::emissions_embodied));
}

TEST_CASE("ghg: owned hardware puts electricity in Scope 2 and hardware in Scope 3 category 2") {
  const estimate e = run("gcp:europe-north1", ownership::owned);
  const ghg_accounting g = ghg_scopes(e);
  CHECK(g.ownership == ownership::owned);
  CHECK(g.ownership_basis == "given");
  REQUIRE(g.lines.size() == 3);
  CHECK(g.lines[0].label() == "Scope 2, location-based");
  CHECK(g.lines[1].label() == "Scope 2, market-based");
  CHECK(g.lines[1].claim == "hourly carbon-free energy");  // regions.json, gcp:europe-north1 cfe
  CHECK(g.lines[2].label() == "Scope 3 cat. 2, embodied");
  CHECK(scope3_category_name(2) == "Capital goods");
  CHECK(scope3_category_name(1) == "Purchased goods and services");
}

TEST_CASE("ghg: no provider means owned, and a missing share leaves market-based unknown with a note") {
  const estimate e = run("FR");
  const ghg_accounting g = ghg_scopes(e);
  CHECK(g.ownership == ownership::owned);
  CHECK(g.ownership_basis == "no cloud provider named: taken as owned");
  CHECK_FALSE(g.lines[1].kg_co2e);
  CHECK_FALSE(g.market_based_total_kg);
  CHECK(g.market_claim.empty());
  bool said = false;
  for (const auto& n : g.notes) said = said || n.find("Market-based unknown") != std::string::npos;
  CHECK(said);
  // FR's intensity is lifecycle (OWID/Ember): its upstream part belongs in Scope 3 category 3.
  said = false;
  for (const auto& n : g.notes) said = said || n.find("category 3") != std::string::npos;
  CHECK(said);
}

TEST_CASE("ghg: a share the user gives is a claim of unstated kind; ownership overrides the provider") {
  const estimate e = run("aws:us-east-1", ownership::owned, 0.4);
  const ghg_accounting g = ghg_scopes(e);
  CHECK(g.ownership == ownership::owned);
  CHECK(g.market_claim == "stated by the user");
  CHECK(g.lines[1].claim == "stated by the user");
  CHECK(g.lines[1].scope == 2);
}
