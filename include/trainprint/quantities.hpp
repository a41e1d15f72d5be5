#pragma once
/// \file quantities.hpp
/// Strong quantity types at the API edge: energy, power, emissions (CO2e), carbon
/// intensity, water volume and water intensity. Boost.Units checks the dimensions
/// inside; outside, values come in through named factories (`energy::kwh(3.0)`) or
/// literals (`3.0_kWh`) and go out through accessors that name the unit
/// (`in_kwh()`). There is no implicit conversion from or to double, and only the
/// meaningful operators exist: energy + energy, power × duration → energy,
/// energy × carbon_intensity → emissions, energy × water_intensity → water_volume.

#include <boost/units/base_dimension.hpp>
#include <boost/units/base_unit.hpp>
#include <boost/units/derived_dimension.hpp>
#include <boost/units/make_system.hpp>
#include <boost/units/quantity.hpp>
#include <boost/units/systems/si/base.hpp>
#include <boost/units/systems/si/energy.hpp>
#include <boost/units/systems/si/power.hpp>
#include <boost/units/systems/si/time.hpp>
#include <chrono>
#include <compare>

namespace trainprint::inline v0 {

/// Wall-clock or accelerator time in hours (std::chrono, fractional).
using hours = std::chrono::duration<double, std::ratio<3600>>;

namespace detail::units {
namespace bu = boost::units;

/// CO2-equivalent is its own kind of quantity, not a mass of anything.
struct co2e_base_dimension : bu::base_dimension<co2e_base_dimension, 9101> {};
using co2e_dimension = co2e_base_dimension::dimension_type;
/// Water is its own kind of volume (it never adds to a volume of anything else).
struct water_base_dimension : bu::base_dimension<water_base_dimension, 9102> {};
using water_dimension = water_base_dimension::dimension_type;

struct kg_co2e_base_unit : bu::base_unit<kg_co2e_base_unit, co2e_dimension, 9101> {
  static const char* name() { return "kilogram CO2e"; }
  static const char* symbol() { return "kg CO2e"; }
};
struct litre_water_base_unit : bu::base_unit<litre_water_base_unit, water_dimension, 9102> {
  static const char* name() { return "litre of water"; }
  static const char* symbol() { return "L"; }
};

/// SI plus the two kinds above: energy in joules, power in watts, time in seconds.
using system = bu::make_system<bu::si::meter_base_unit, bu::si::kilogram_base_unit,
                               bu::si::second_base_unit, kg_co2e_base_unit,
                               litre_water_base_unit>::type;

using joule = bu::unit<bu::energy_dimension, system>;
using watt = bu::unit<bu::power_dimension, system>;
using second = bu::unit<bu::time_dimension, system>;
using kg_co2e = bu::unit<co2e_dimension, system>;
using litre = bu::unit<water_dimension, system>;
using kg_co2e_per_joule = bu::divide_typeof_helper<kg_co2e, joule>::type;
using litre_per_joule = bu::divide_typeof_helper<litre, joule>::type;

template <class Unit>
using q = bu::quantity<Unit, double>;

inline constexpr double joules_per_kwh = 3.6e6;  // 1 kWh = 1000 W × 3600 s
inline constexpr double joules_per_mj = 1.0e6;
inline constexpr double seconds_per_hour = 3600.0;
inline constexpr double grams_per_kg = 1000.0;
inline constexpr double kg_per_tonne = 1000.0;
inline constexpr double litres_per_m3 = 1000.0;

/// Shared arithmetic of every quantity type: same-kind addition, scaling by a
/// plain number, ratio of two values of the same kind, ordering.
template <class Derived, class Unit>
class quantity_base {
 public:
  using boost_type = q<Unit>;
  constexpr quantity_base() = default;
  constexpr explicit quantity_base(boost_type v) : v_(v) {}
  /// The Boost.Units quantity inside (SI-based units).
  [[nodiscard]] constexpr boost_type boost() const { return v_; }

  friend constexpr Derived operator+(Derived a, Derived b) { return Derived(a.v_ + b.v_); }
  friend constexpr Derived operator-(Derived a, Derived b) { return Derived(a.v_ - b.v_); }
  friend constexpr Derived operator*(Derived a, double k) { return Derived(a.v_ * k); }
  friend constexpr Derived operator*(double k, Derived a) { return Derived(k * a.v_); }
  friend constexpr Derived operator/(Derived a, double k) { return Derived(a.v_ / k); }
  friend constexpr double operator/(Derived a, Derived b) { return a.v_.value() / b.v_.value(); }
  constexpr Derived& operator+=(Derived b) {
    v_ += b.v_;
    return static_cast<Derived&>(*this);
  }
  friend constexpr bool operator==(Derived a, Derived b) { return a.v_.value() == b.v_.value(); }
  friend constexpr auto operator<=>(Derived a, Derived b) { return a.v_.value() <=> b.v_.value(); }

 protected:
  [[nodiscard]] constexpr double si() const { return v_.value(); }
  static constexpr Derived from_si(double v) { return Derived(boost_type::from_value(v)); }

 private:
  boost_type v_{};
};
}  // namespace detail::units

/// Energy (stored in joules).
class energy : public detail::units::quantity_base<energy, detail::units::joule> {
 public:
  using quantity_base::quantity_base;
  /// From kilowatt-hours.
  static constexpr energy kwh(double v) { return from_si(v * detail::units::joules_per_kwh); }
  /// From megawatt-hours.
  static constexpr energy mwh(double v) { return kwh(v * 1000.0); }
  /// From joules.
  static constexpr energy joules(double v) { return from_si(v); }
  /// From megajoules.
  static constexpr energy megajoules(double v) { return from_si(v * detail::units::joules_per_mj); }
  [[nodiscard]] constexpr double in_kwh() const { return si() / detail::units::joules_per_kwh; }
  [[nodiscard]] constexpr double in_mwh() const { return in_kwh() / 1000.0; }
  [[nodiscard]] constexpr double in_joules() const { return si(); }
  [[nodiscard]] constexpr double in_megajoules() const { return si() / detail::units::joules_per_mj; }
};

/// Power (stored in watts).
class power : public detail::units::quantity_base<power, detail::units::watt> {
 public:
  using quantity_base::quantity_base;
  static constexpr power watts(double v) { return from_si(v); }
  static constexpr power kilowatts(double v) { return from_si(v * 1000.0); }
  [[nodiscard]] constexpr double in_watts() const { return si(); }
  [[nodiscard]] constexpr double in_kilowatts() const { return si() / 1000.0; }
};

/// Greenhouse-gas emissions in CO2-equivalent (stored in kg CO2e).
class emissions : public detail::units::quantity_base<emissions, detail::units::kg_co2e> {
 public:
  using quantity_base::quantity_base;
  static constexpr emissions kg_co2e(double v) { return from_si(v); }
  static constexpr emissions g_co2e(double v) { return from_si(v / detail::units::grams_per_kg); }
  static constexpr emissions t_co2e(double v) { return from_si(v * detail::units::kg_per_tonne); }
  [[nodiscard]] constexpr double in_kg_co2e() const { return si(); }
  [[nodiscard]] constexpr double in_g_co2e() const { return si() * detail::units::grams_per_kg; }
  [[nodiscard]] constexpr double in_t_co2e() const { return si() / detail::units::kg_per_tonne; }
};

/// Carbon intensity of electricity (stored in kg CO2e per joule).
class carbon_intensity
    : public detail::units::quantity_base<carbon_intensity, detail::units::kg_co2e_per_joule> {
 public:
  using quantity_base::quantity_base;
  /// From grams CO2e per kilowatt-hour, the unit grids are published in.
  static constexpr carbon_intensity g_per_kwh(double v) {
    return from_si(v / detail::units::grams_per_kg / detail::units::joules_per_kwh);
  }
  [[nodiscard]] constexpr double in_g_per_kwh() const {
    return si() * detail::units::grams_per_kg * detail::units::joules_per_kwh;
  }
};

/// A volume of water (stored in litres).
class water_volume : public detail::units::quantity_base<water_volume, detail::units::litre> {
 public:
  using quantity_base::quantity_base;
  static constexpr water_volume litres(double v) { return from_si(v); }
  static constexpr water_volume cubic_metres(double v) {
    return from_si(v * detail::units::litres_per_m3);
  }
  [[nodiscard]] constexpr double in_litres() const { return si(); }
  [[nodiscard]] constexpr double in_cubic_metres() const { return si() / detail::units::litres_per_m3; }
};

/// Water consumed per unit of energy (stored in litres per joule).
class water_intensity
    : public detail::units::quantity_base<water_intensity, detail::units::litre_per_joule> {
 public:
  using quantity_base::quantity_base;
  /// From litres per kilowatt-hour (WUE, EWIF).
  static constexpr water_intensity l_per_kwh(double v) {
    return from_si(v / detail::units::joules_per_kwh);
  }
  [[nodiscard]] constexpr double in_l_per_kwh() const { return si() * detail::units::joules_per_kwh; }
};

/// power × duration → energy.
template <class Rep, class Period>
constexpr energy operator*(power p, std::chrono::duration<Rep, Period> t) {
  using namespace detail::units;
  const auto s = std::chrono::duration_cast<std::chrono::duration<double>>(t).count();
  return energy(p.boost() * q<second>::from_value(s));
}
/// duration × power → energy.
template <class Rep, class Period>
constexpr energy operator*(std::chrono::duration<Rep, Period> t, power p) {
  return p * t;
}
/// energy / duration → power.
template <class Rep, class Period>
constexpr power operator/(energy e, std::chrono::duration<Rep, Period> t) {
  using namespace detail::units;
  const auto s = std::chrono::duration_cast<std::chrono::duration<double>>(t).count();
  return power(e.boost() / q<second>::from_value(s));
}
/// energy × carbon intensity → emissions.
constexpr emissions operator*(energy e, carbon_intensity c) { return emissions(e.boost() * c.boost()); }
/// carbon intensity × energy → emissions.
constexpr emissions operator*(carbon_intensity c, energy e) { return e * c; }
/// emissions / energy → carbon intensity.
constexpr carbon_intensity operator/(emissions m, energy e) {
  return carbon_intensity(m.boost() / e.boost());
}
/// energy × water intensity → water volume.
constexpr water_volume operator*(energy e, water_intensity w) { return water_volume(e.boost() * w.boost()); }
/// water intensity × energy → water volume.
constexpr water_volume operator*(water_intensity w, energy e) { return e * w; }

/// User-defined literals: `2.0_kWh`, `700.0_W`, `5.0_t_CO2e`, `429.0_g_per_kWh`, `12.0_L`.
namespace literals {
// Each literal takes a floating or an integer number: one macro writes both.
#define TRAINPRINT_QUANTITY_LITERAL(type, suffix, factory)                                          \
  constexpr type operator"" ## suffix(long double v) { return type::factory(static_cast<double>(v)); } \
  constexpr type operator"" ## suffix(unsigned long long v) { return type::factory(static_cast<double>(v)); }
TRAINPRINT_QUANTITY_LITERAL(energy, _kWh, kwh)
TRAINPRINT_QUANTITY_LITERAL(energy, _MWh, mwh)
TRAINPRINT_QUANTITY_LITERAL(power, _W, watts)
TRAINPRINT_QUANTITY_LITERAL(emissions, _kg_CO2e, kg_co2e)
TRAINPRINT_QUANTITY_LITERAL(emissions, _t_CO2e, t_co2e)
TRAINPRINT_QUANTITY_LITERAL(carbon_intensity, _g_per_kWh, g_per_kwh)
TRAINPRINT_QUANTITY_LITERAL(water_volume, _L, litres)
TRAINPRINT_QUANTITY_LITERAL(water_intensity, _L_per_kWh, l_per_kwh)
#undef TRAINPRINT_QUANTITY_LITERAL
}  // namespace literals

}  // namespace trainprint::inline v0
