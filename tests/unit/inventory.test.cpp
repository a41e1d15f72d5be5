// inventory.hpp: many runs estimated and summed. Every expected total is the sum of
// the same runs estimated one by one with make_estimate (the inventory adds nothing
// of its own), and the shares are those sums divided by hand.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <trainprint/compare.hpp>
#include <trainprint/error.hpp>
#include <trainprint/estimator.hpp>
#include <trainprint/format.hpp>
#include <trainprint/inventory.hpp>

using namespace trainprint;
using doctest::Approx;

namespace {
scenario hours(const char* gpu_hours, const char* hardware, const char* region) {
  scenario s;
  set_input(s, "gpu_hours", gpu_hours);
  set_input(s, "hardware", hardware);
  set_input(s, "count", "64");
  set_input(s, "region", region);
  return s;
}
std::vector<inventory_run> runs() {
  scenario final_run;
  set_input(final_run, "params", "7B");
  set_input(final_run, "tokens", "2T");
  set_input(final_run, "hardware", "h100");
  set_input(final_run, "count", "512");
  set_input(final_run, "region", "FR");
  return {{"final", run_kind::final, final_run, 2},
          {"sweep", run_kind::development, hours("20k", "h100", "aws:us-east-1"), 3},
          {"ablation", run_kind::ablation, hours("5k", "a100", "gcp:europe-north1"), 4},
          {"tune", run_kind::fine_tune, hours("2k", "h100", "US-VA"), 5}};
}
}  // namespace

TEST_CASE("inventory: totals equal the sum of the single estimates") {
  const auto rs = runs();
  const inventory inv = make_inventory(rs);
  REQUIRE(inv.rows.size() == rs.size());
  for (output o : {output::accelerator_hours, output::energy_it, output::energy_facility, output::emissions_location,
                   output::emissions_embodied, output::emissions_total, output::water_total}) {
    CAPTURE(info(o).name);
    double sum = 0;
    for (const auto& r : rs) sum += *make_estimate(r.scenario).value(o);
    REQUIRE(inv.total.value(o));
    CHECK(*inv.total.value(o) == Approx(sum).epsilon(1e-12));
  }
  CHECK(inv.total.runs == 4);
  // Market-based: FR and US-VA have no carbon-free-energy share, so its total is unknown.
  CHECK_FALSE(inv.total.value(output::emissions_market));
}

TEST_CASE("inventory: totals by kind and the share of development work") {
  const auto rs = runs();
  const inventory inv = make_inventory(rs);
  auto total = [](const scenario& s) { return *make_estimate(s).value(output::emissions_total); };
  const double fin = total(rs[0].scenario), dev = total(rs[1].scenario), abl = total(rs[2].scenario),
               tune = total(rs[3].scenario);
  CHECK(*inv.by_kind[0].value(output::emissions_total) == Approx(fin).epsilon(1e-12));
  CHECK(inv.by_kind[static_cast<std::size_t>(run_kind::fine_tune)].runs == 1);
  REQUIRE(inv.development_share_emissions);
  CHECK(*inv.development_share_emissions == Approx((dev + abl) / (fin + dev + abl + tune)).epsilon(1e-12));
  REQUIRE(inv.development_per_final_emissions);
  CHECK(*inv.development_per_final_emissions == Approx((dev + abl) / fin).epsilon(1e-12));
}

TEST_CASE("inventory: market-based lines are kept apart by kind of claim") {
  const inventory inv = make_inventory(runs());
  std::vector<std::string> market;
  for (const auto& s : inv.scopes)
    if (s.method == "market-based") market.push_back(s.label);
  // aws:us-east-1: annual renewable matching (providers.json); gcp:europe-north1:
  // hourly carbon-free energy (regions.json); both bought cloud services.
  REQUIRE(market.size() == 2);
  CHECK(market[0] == "Scope 3 cat. 1, market-based (annual renewable matching)");
  CHECK(market[1] == "Scope 3 cat. 1, market-based (hourly carbon-free energy)");
  bool said = false;
  for (const auto& n : inv.notes) said = said || n.find("never added together") != std::string::npos;
  CHECK(said);
  // The location-based lines: Scope 2 for the two owned runs, Scope 3 cat. 1 for the two cloud runs.
  double s2 = 0, s3 = 0;
  for (const auto& s : inv.scopes) {
    if (s.label == "Scope 2, location-based") {
      s2 = s.kg_co2e;
      CHECK(s.runs == 2);
    }
    if (s.label == "Scope 3 cat. 1, location-based") {
      s3 = s.kg_co2e;
      CHECK(s.runs == 2);
    }
  }
  CHECK(s2 + s3 == Approx(*inv.total.value(output::emissions_location)).epsilon(1e-12));
}

TEST_CASE("inventory: every bad run is named, not only the first") {
  auto rs = runs();
  rs[1].scenario.hardware = "h100-sxm9";
  rs[3].scenario.count = 0;
  try {
    (void)make_inventory(rs);
    FAIL("no error");
  } catch (const inventory_error& e) {
    REQUIRE(e.problems().size() == 2);
    CHECK(e.problems()[0].first == 3);
    CHECK(e.problems()[1].first == 5);
    CHECK(std::string(e.what()).rfind("[trainprint.input] inventory: 2 bad rows\n  line 3: [trainprint.unknown_key]", 0) == 0);
  }
  CHECK_THROWS_AS(make_inventory({}), input_error);
}

TEST_CASE("inventory: run kinds by name") {
  CHECK(parse_run_kind("fine-tune") == run_kind::fine_tune);
  CHECK(parse_run_kind("fine_tune") == run_kind::fine_tune);
  CHECK(parse_run_kind("development") == run_kind::development);
  CHECK_FALSE(parse_run_kind("pretrain"));
  CHECK(to_string(run_kind::ablation) == "ablation");
}

TEST_CASE("inventory: embodied emissions a run left out read 'left out', not unknown; a total sums the runs that count them") {
  auto rs = runs();
  rs[0].scenario.embodied = false;  // the final run, as --no-embodied / no_embodied=true
  const inventory inv = make_inventory(rs);
  // The sum over the three runs that count embodied emissions, each as make_estimate gives it.
  double counted = 0;
  for (std::size_t i = 1; i < rs.size(); ++i) counted += *make_estimate(rs[i].scenario).value(output::emissions_embodied);
  CHECK(inv.total.embodied_left_out == 1);
  REQUIRE(inv.total.value(output::emissions_embodied));
  CHECK(*inv.total.value(output::emissions_embodied) == Approx(counted).epsilon(1e-12));
  CHECK(embodied_text(inv.total) == readable(emissions::kg_co2e(counted)) + " (1 of 4 runs left out)");
  // The final kind has only the run that left them out.
  const auto& final_kind = inv.by_kind[static_cast<std::size_t>(run_kind::final)];
  CHECK_FALSE(final_kind.value(output::emissions_embodied));
  CHECK(embodied_text(final_kind) == "left out");
  // Its total is then the operational part: still known.
  CHECK(final_kind.value(output::emissions_total) == final_kind.value(output::emissions_location));
  // Its GHG line is marked left out, with no figure.
  CHECK(inv.rows[0].ghg.lines.back().left_out);
  CHECK_FALSE(inv.rows[0].ghg.lines.back().kg_co2e);
  CHECK_FALSE(inv.rows[1].ghg.lines.back().left_out);
  // No run left out: the plain amount.
  const inventory all = make_inventory(runs());
  CHECK(all.total.embodied_left_out == 0);
  CHECK(embodied_text(all.total) == readable(emissions::kg_co2e(*all.total.value(output::emissions_embodied))));
}

TEST_CASE("inventory: cost counts each run once, as compare does: a rented run's rent, an owned run's electricity") {
  scenario owned;  // 1,000 H100-hours in FR, owned (no provider): its electricity
  set_input(owned, "gpu_hours", "1000");
  set_input(owned, "hardware", "h100");
  set_input(owned, "region", "FR");
  scenario rented = owned;  // the same at AWS in US-VA: rented, priced at p5.48xlarge's list price
  set_input(rented, "provider", "aws");
  set_input(rented, "region", "US-VA");
  const inventory inv = make_inventory({{"owned", run_kind::final, owned, 2}, {"rented", run_kind::development, rented, 3}});
  const nlohmann::json j = inv;
  // Owned: 1,000 h × (525 W + 525 × 4600/5600 = 431.25 W host) = 956.25 kWh × PUE 1.56 = 1,491.75 kWh
  // × 0.2521 USD/kWh (Eurostat 2023, FR) = 376.07 USD; no compute price for owned hardware.
  CHECK(j["runs"][0]["cost_usd"].get<double>() == Approx(376.07).epsilon(1e-4));
  // Rented: 1,000 accelerator-hours × 12.29 USD (98.32 / 8) = 12,290 USD; its electricity (US-VA's
  // EIA price) is known but in the rent, so not added.
  REQUIRE(inv.rows[1].result.electricity_cost_usd);
  CHECK(j["runs"][1]["cost_usd"].get<double>() == Approx(12290));
  // Totals: 376.07 + 12,290 = 12,666.07 USD; by kind, each run's own.
  CHECK(j["totals"]["all"]["cost_usd"]["counted_once"].get<double>() == Approx(12666.07).epsilon(1e-4));
  CHECK(j["totals"]["by_kind"]["development"]["cost_usd"]["counted_once"].get<double>() == Approx(12290));
  // The table: the rented run's electricity reads "in rent"; its cost is the rent.
  const std::string table = render(inv, output_format::table);
  CHECK(table.find("in rent") != std::string::npos);
  CHECK(table.find("$12.7k") != std::string::npos);  // the total, 12,666.07
  // CSV: cost_usd after the headline columns, on each run and total row.
  const std::string csv = render(inv, output_format::csv);
  CHECK(csv.find(",cost_usd\n") != std::string::npos);
  CHECK(csv.find(",12290\n") != std::string::npos);
  // A rented run with no price (A100 at GCP): its cost is unknown, so is the total, with a note.
  scenario unpriced = owned;
  set_input(unpriced, "hardware", "a100");
  set_input(unpriced, "region", "gcp:europe-north1");
  const inventory part = make_inventory({{"owned", run_kind::final, owned, 2}, {"gcp", run_kind::ablation, unpriced, 3}});
  const nlohmann::json p = part;
  CHECK(p["runs"][1]["cost_usd"].is_null());
  CHECK(p["totals"]["all"]["cost_usd"]["counted_once"].is_null());
  CHECK(std::find(part.notes.begin(), part.notes.end(), "Cost is known for 1 of 2 runs, so its total is unknown.") !=
        part.notes.end());
}
