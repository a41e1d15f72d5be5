// Usual ranges of the numeric inputs and the notes of issue 18: a value outside its usual
// range is estimated with a note naming the likely slip; region names that read two ways;
// inputs without effect; duplicate options and readings.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include <trainprint/measure.hpp>
#include <trainprint/trainprint.hpp>

#include "../../src/catalog/prices.hpp"
#include "../../src/usual_ranges.hpp"

using namespace trainprint;

namespace {
const catalog& cat() { return catalog::embedded(); }

std::vector<std::string> notes_of(const scenario& s) { return make_estimate(s, cat()).notes; }

bool any_note(const std::vector<std::string>& notes, const std::string& part) {
  return std::any_of(notes.begin(), notes.end(), [&](const std::string& n) { return n.find(part) != std::string::npos; });
}

scenario base() {
  scenario s;
  s.gpu_hours = 1000;
  s.hardware = "h100";
  s.count = 8;
  s.region = "FR";
  return s;
}
std::string data(const std::string& f) { return std::string(TRAINPRINT_SOURCE_DIR) + "/tests/data/" + f; }
}  // namespace

TEST_CASE("every numeric input has an example in its own unit and a usual range or a reason for none") {
  for (const auto& i : scenario_inputs) {
    if (!i.has_limits()) continue;
    CAPTURE(i.name);
    const std::string ex(detail::input_example(i.name));
    REQUIRE_FALSE(ex.empty());
    // The example (its first form, before " or ") reads as a value within the hard limits.
    scenario s;
    read_input_text(s, i, ex.substr(0, ex.find(" or ")));
    const auto v = i.get(s);
    REQUIRE(v);
    CHECK((i.lo_inclusive ? *v >= i.lo : *v > i.lo));
    CHECK(*v <= i.hi);
    // The parse error gives that example, not a model size.
    scenario bad;
    try {
      read_input_text(bad, i, "nonsense");
      FAIL("no error");
    } catch (const unit_error& e) {
      CHECK(std::string(e.what()).find(ex) != std::string::npos);
    }
    const auto r = detail::usual_range_of(i.name, cat());
    CHECK(r.has_value() != !detail::usual_range_none(i.name).empty());
    if (r) CHECK(r->lo <= r->hi);
  }
}

TEST_CASE("an intensity in kg/kWh gets a note: the usual range is the catalog's own grids") {
  double lo = 1e9, hi = 0;
  for (const auto& r : cat().regions())
    if (r.intensity) lo = std::min(lo, r.intensity->gco2e_per_kwh), hi = std::max(hi, r.intensity->gco2e_per_kwh);
  const auto r = detail::usual_range_of("intensity", cat());
  REQUIRE(r);
  CHECK(r->lo == lo);
  CHECK(r->hi == hi);
  scenario s = base();
  s.intensity = carbon_intensity::g_per_kwh(0.4);
  const auto e = make_estimate(s, cat());
  // 0.4 kg/kWh = 0.4 × 1000 = 400 g/kWh, inside the range; the estimate still uses 0.4.
  CHECK(any_note(e.notes, "intensity=0.4 g CO2e/kWh is below the usual"));
  CHECK(any_note(e.notes, "did you mean intensity=400 (0.4 kg/kWh)?"));
  CHECK(e.inputs.intensity_g_per_kwh == doctest::Approx(0.4));
  // In range: no note.
  s.intensity = carbon_intensity::g_per_kwh(400);
  CHECK_FALSE(any_note(notes_of(s), "usual"));
  // 0 is a deliberate carbon-free supply: no note.
  s.intensity = carbon_intensity::g_per_kwh(0);
  CHECK_FALSE(any_note(notes_of(s), "usual"));
}

TEST_CASE("a price in cents, a host power for the whole cluster and a lifetime in months get their slips named") {
  scenario s = base();
  s.price_usd_per_kwh = 30;
  // 30 × 0.01 = 0.3 USD/kWh and 30 × 0.001 = 0.03 USD/kWh, both inside a third of US-ND's 0.0738 (0.0246)
  // to three times US-HI's 0.3903 (1.171).
  auto n = notes_of(s);
  CHECK(any_note(n, "price_usd_per_kwh=30 USD/kWh is above the usual"));
  CHECK(any_note(n, "did you mean price_usd_per_kwh=0.3 (30 US cents/kWh) or price_usd_per_kwh=0.03 (30 USD/MWh)?"));
  s = base();
  s.count = 512;
  s.host_power_w = power::watts(20000);
  // 20000 / 512 = 39.0625 W per accelerator (inside 18 W to a DGX B200's share); 20000 / 8 = 2500 W is not.
  n = notes_of(s);
  CHECK(any_note(n, "host_power_w=20000 W is above the usual"));
  CHECK(any_note(n, "did you mean host_power_w=39.06 (20000 W over all 512 accelerators)?"));
  s = base();
  s.lifetime_years = 36;
  // 36 months / 12 = 3 years, inside LLMCarbon's 3 to 6.
  CHECK(any_note(notes_of(s), "did you mean lifetime_years=3 (36 months)?"));
}

TEST_CASE("every region code or name that reads two ways says so, over the whole catalog") {
  // A subnational region "US-CA" and a region found by its bare code "CA": the note names US-CA.
  int pairs = 0;
  for (const auto& x : cat().regions()) {
    if (x.kind != "subnational" || x.id.find(':') != std::string::npos) continue;
    const auto dash = x.id.find('-');
    if (dash == std::string::npos) continue;
    const std::string code = x.id.substr(dash + 1);
    const region* other = cat().get_region(code);
    if (!other || other == &x) continue;
    CAPTURE(code);
    scenario s = base();
    s.region = code;
    CHECK(any_note(notes_of(s), "region=" + code + " taken as " + other->id));
    CHECK(any_note(notes_of(s), "give region=" + x.id));
    ++pairs;
  }
  CHECK(pairs >= 25);  // 28 US states and 3 Canadian provinces share a code with a country (catalog 2026.11)
  scenario s = base();
  s.region = "Georgia";  // the country GE, or the US state "Georgia (US state)"
  CHECK(any_note(notes_of(s), "give region=US-GA"));
  s.region = "US-CA";  // unambiguous: no such note
  CHECK_FALSE(any_note(notes_of(s), "may also mean"));
  // A code that is no country but two subdivisions' codes: the error names both.
  s.region = "WA";
  try {
    (void)make_estimate(s, cat());
    FAIL("no error");
  } catch (const unknown_key_error& e) {
    CHECK(std::string(e.what()).find("AU-WA, US-WA") != std::string::npos);
  }
}

TEST_CASE("inputs left without effect by others are named in a note") {
  scenario s = base();
  s.embodied = false;
  s.lifetime_years = 3;
  CHECK(any_note(notes_of(s), "lifetime_years=3 is not used: embodied=false"));
  s = base();
  s.boundary = boundary::accelerators;
  s.host_power_w = power::watts(300);
  CHECK(any_note(notes_of(s), "host_power_w=300 is not used"));
  s = base();
  s.power_w = power::watts(500);
  s.power_fraction = 0.5;
  CHECK(any_note(notes_of(s), "power_fraction=0.5 is not used: power_w=500"));
}

TEST_CASE("an option given twice in --across or --vary is refused, naming it") {
  CHECK_THROWS_WITH_AS(parse_axis("region=FR,PL,FR", "across"), doctest::Contains("'FR' is given twice"), input_error);
  CHECK_THROWS_WITH_AS(parse_axis("count=512,0.512k", "vary"), doctest::Contains("'512' and '0.512k' are the same"),
                       input_error);
  CHECK_THROWS_WITH_AS(parse_axis("hardware=h100,H100", "vary"), doctest::Contains("the same value"), input_error);
  CHECK(parse_axis("region=FR,PL").values.size() == 2);
}

TEST_CASE("a measurement's identical duplicate reading counts once; a conflicting one is refused") {
  const auto a = read_measurement_file(data("measure/smi-2gpu.csv"));
  const auto b = read_measurement_file(data("measure/smi-2gpu-duplicate.csv"));
  CHECK(b.energy_j == doctest::Approx(a.energy_j));
  CHECK(any_note(b.notes, "1 duplicate reading"));
  CHECK_THROWS_WITH_AS(read_measurement_file(data("measure/bad-duplicate-conflict.csv")),
                       doctest::Contains("bad-duplicate-conflict.csv:5: two readings of device 0 at the same time: 350 W "
                                         "here, 300 W on line 4"),
                       measure_error);
}

TEST_CASE("a catalog's usual ranges follow its overlays: kept per catalog, dropped when it changes") {
  catalog c = catalog::with_overlays({});
  const auto before = detail::usual_range_of("intensity", c);  // worked out, and kept for c
  REQUIRE(before);
  REQUIRE(before->hi < 4000);  // the dirtiest catalog grid (TM, 1306.3 g/kWh) is below 4000
  // A grid dirtier than every catalog grid: 5000 g/kWh becomes the top of the range, and
  // the basis names it ("the catalog's grids, <lowest> to lab:coal").
  c.overlay(R"({"sources": {"mine": {"title": "My lab's meter", "url": "https://example.org/lab", "year": 2026,
                                     "retrieved": "2026-12-06", "license": "facts"}},
               "regions": [{"id": "lab:coal", "kind": "grid", "source": "mine", "confidence": "high",
                            "intensity": {"gco2e_per_kwh": 5000, "year": 2026, "source": "mine",
                                          "confidence": "high"}}]})",
            "mine.json");
  const auto after = detail::usual_range_of("intensity", c);
  REQUIRE(after);
  CHECK(after->hi == 5000);
  CHECK(after->lo == before->lo);
  CHECK(after->basis.ends_with(" to lab:coal"));
  CHECK_FALSE(before->basis.ends_with(" to lab:coal"));
  // The embedded catalog keeps its own range; a moved catalog keeps the overlaid one.
  CHECK(detail::usual_range_of("intensity", catalog::embedded())->hi == before->hi);
  catalog moved = std::move(c);
  CHECK(detail::usual_range_of("intensity", moved)->hi == 5000);
  // And the notes use it: 4000 g/kWh is above the embedded range but inside the overlaid one.
  scenario s = base();
  s.intensity = carbon_intensity::g_per_kwh(4000);
  CHECK(any_note(make_estimate(s, catalog::embedded()).notes, "intensity=4000 g CO2e/kWh is above the usual"));
  CHECK_FALSE(any_note(make_estimate(s, moved).notes, "usual"));
}

TEST_CASE("what is derived from a catalog (prices, usual ranges) goes with its tables: one registry") {
  catalog c = catalog::with_overlays({});
  const auto prices = catalog_detail::list_prices(c).size();
  REQUIRE(prices == catalog_detail::embedded_list_prices().size());  // the embedded file's
  const auto range = detail::usual_range_of("intensity", c);
  REQUIRE(range);
  // A moved catalog keeps its tables, so its prices and kept ranges are found from it.
  catalog moved = std::move(c);
  CHECK(catalog_detail::list_prices(moved).size() == prices);
  CHECK(detail::usual_range_of("intensity", moved)->hi == range->hi);
  // Tables given a price by an overlay: the new price is found through the registry.
  moved.overlay(R"({"sources": {"mine": {"title": "My rate card", "url": "https://example.org/rates", "year": 2026,
                                         "retrieved": "2026-12-06", "license": "facts"}},
                   "systems": [{"id": "lab-box", "name": "Lab box", "kind": "server", "accelerator": "nvidia-h100-sxm5-80gb",
                                "accelerators": 8, "source": "mine", "confidence": "high",
                                "on_demand_price": {"usd_per_hour": 20, "per": "instance", "region": "FR",
                                                    "as_of": "2026-12-01", "source": "mine", "confidence": "high"}}]})",
                "rates.json");
  CHECK(catalog_detail::list_prices(moved).size() == prices + 1);
  // Assigning other tables drops the old ones (and what was derived from them).
  moved = catalog::with_overlays({});
  CHECK(catalog_detail::list_prices(moved).size() == prices);
}
