// Conversions checked at compile time. Each literal below is an exact SI identity.
#include <trainprint/quantities.hpp>
#include <trainprint/scenario.hpp>
#include <type_traits>

using namespace trainprint;
using namespace trainprint::literals;

// Equal within 1e-12 relative: values that pass through joules pick up one rounding.
constexpr bool near(double a, double b) { return (a - b) <= 1e-12 * b && (b - a) <= 1e-12 * b; }

// 1 kWh = 1000 W × 3600 s = 3.6 MJ.
static_assert(energy::kwh(1).in_megajoules() == 3.6);
static_assert(energy::kwh(1).in_joules() == 3.6e6);
static_assert(energy::mwh(1).in_kwh() == 1000);
// 1 t = 1000 kg; 1 kg = 1000 g.
static_assert(emissions::t_co2e(1).in_kg_co2e() == 1000);
static_assert(emissions::kg_co2e(1).in_g_co2e() == 1000);
// 1 m³ = 1000 L.
static_assert(water_volume::cubic_metres(1).in_litres() == 1000);
// power × duration: 500 W for 4 h = 2 kWh.
static_assert((500.0_W * hours(4.0)).in_kwh() == 2.0);
static_assert((power::kilowatts(1) * std::chrono::hours(1)).in_kwh() == 1.0);
// energy / duration → power: 2 kWh over 4 h = 500 W.
static_assert((energy::kwh(2) / hours(4.0)).in_watts() == 500.0);
// energy × intensity: 1000 kWh × 500 g/kWh = 500 kg.
static_assert(near((1000.0_kWh * 500.0_g_per_kWh).in_kg_co2e(), 500.0));
// energy × water intensity: 2000 kWh × 0.5 L/kWh = 1000 L.
static_assert(near((2000.0_kWh * 0.5_L_per_kWh).in_litres(), 1000.0));
// Literals agree with factories.
static_assert(3.0_kWh == energy::kwh(3.0));
static_assert(2_t_CO2e == emissions::kg_co2e(2000));
// No implicit conversion from or to double.
static_assert(!std::is_convertible_v<double, energy>);
static_assert(!std::is_convertible_v<energy, double>);
static_assert(!std::is_convertible_v<emissions, energy>);
static_assert(!std::is_convertible_v<water_volume, energy>);
// Enum names round-trip.
static_assert(parse_precision(to_string(precision::fp8)) == precision::fp8);
static_assert(parse_boundary("servers") == boundary::servers);
static_assert(!parse_precision("int4").has_value());

int main() { return 0; }
