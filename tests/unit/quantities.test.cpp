// Quantities at run time (the compile-time identities are in tests/static).
#include <doctest/doctest.h>
#include <trainprint/format.hpp>
#include <trainprint/quantities.hpp>

using namespace trainprint;
using namespace trainprint::literals;

TEST_CASE("quantities: meaningful arithmetic") {
  // 700 W for 24 h = 16.8 kWh.
  CHECK((700.0_W * hours(24)).in_kwh() == doctest::Approx(16.8));
  // 16.8 kWh × 429 g/kWh = 7.2072 kg.
  CHECK(((700.0_W * hours(24)) * 429.0_g_per_kWh).in_kg_co2e() == doctest::Approx(7.2072));
  // 10 MWh × 1.8 L/kWh = 18,000 L = 18 m³.
  CHECK((10.0_MWh * 1.8_L_per_kWh).in_cubic_metres() == doctest::Approx(18));
  // 552.1 t / 1,287 MWh = 428.98 g/kWh (Patterson et al. 2021, GPT-3).
  CHECK((552.1_t_CO2e / 1287.0_MWh).in_g_per_kwh() == doctest::Approx(428.98).epsilon(1e-4));
  CHECK(2.0_kWh / 1.0_kWh == 2.0);
  CHECK(1.0_kWh < 2.0_kWh);
  energy e = 1.0_kWh;
  e += 2.0_kWh;
  CHECK(e == 3.0_kWh);
  CHECK((3.0 * e).in_kwh() == doctest::Approx(9));
}

TEST_CASE("quantities: fmt formatters and readable magnitudes") {
  CHECK(fmt::format("{}", energy::kwh(1500)) == "1500 kWh");
  CHECK(fmt::format("{:.1f}", energy::kwh(1500)) == "1500.0 kWh");
  CHECK(fmt::format("{}", emissions::kg_co2e(12.5)) == "12.5 kg CO2e");
  CHECK(fmt::format("{}", water_volume::litres(3)) == "3 L");
  CHECK(fmt::format("{}", carbon_intensity::g_per_kwh(44.2)) == "44.2 g CO2e/kWh");
  CHECK(fmt::format("{}", power::watts(700)) == "700 W");
  CHECK(readable(energy::kwh(1500)) == "1.50 MWh");
  CHECK(readable(energy::kwh(0.5)) == "500 Wh");
  CHECK(readable(energy::mwh(60200)) == "60.2 GWh");
  CHECK(readable(emissions::kg_co2e(552100)) == "552 t CO2e");
  CHECK(readable(emissions::kg_co2e(0)) == "0 kg CO2e");
  CHECK(readable(water_volume::litres(82300)) == "82.3 m³");
  CHECK(readable(water_volume::litres(12)) == "12.0 L");
  CHECK(readable_count(8.4e22) == "8.4e+22");
  CHECK(readable_count(58958) == "59.0k");
  CHECK(readable_hours(115.2) == "4.8 days");
}
