// The formula written once (detail/model.hpp): compute<block> on a block of samples, and
// compute<sample_block> on the lazy heap blocks the Monte Carlo runs (src/sample_block.hpp),
// equal evaluate() of each sample's inputs bit for bit, on every workload path and
// branch; and the output table is consistent with the JSON.
#include <doctest/doctest.h>
#include <trainprint/estimator.hpp>
#include <trainprint/outputs.hpp>

#include <cstring>
#include <memory>
#include <set>
#include <string>

#include "../../src/sample_block.hpp"
#include "fixture.hpp"

using namespace trainprint;
using detail::block;

namespace {

/// A value for lane `i` of input slot `k`: spread over a factor ~3 around `v`.
double lane_value(double v, std::size_t k, std::size_t i) {
  return v * (0.5 + static_cast<double>((i * 37 + k * 11) % 101) / 50.0);
}

/// Sample `i` of a block of either kind.
double& lane(block& b, std::size_t i) { return b.x[i]; }
double& lane(detail::sample_block& b, std::size_t i) { return b.data()[i]; }
double& lane(detail::wide_sample_block& b, std::size_t i) { return b.data()[i]; }

static_assert(block::size == detail::sample_block::size && block::size == detail::wide_sample_block::size);

/// Runs compute<Block> with every variable input of `in` varied per lane, and
/// evaluate() on each lane's inputs; every known output must agree bit for bit.
template <class Block>
void check_lanes_equal_scalar(const model_inputs& in) {
  const detail::model_shape shape = detail::shape_of(in);
  const detail::model_slots<double> base = detail::slots_of(in);
  auto slots = std::make_unique<detail::model_slots<Block>>();
  for (std::size_t k = 0; k < detail::slot_count; ++k) {
    (*slots)[k] = Block(0.0);
    for (std::size_t i = 0; i < block::size; ++i) lane((*slots)[k], i) = lane_value(base[k], k, i);
  }
  // cfe and host utilisation are fractions: keep them below 1.
  for (std::size_t i = 0; i < block::size; ++i) {
    lane((*slots)[detail::slot(uncertain_input::cfe)], i) = base[detail::slot(uncertain_input::cfe)] * 0.9 * static_cast<double>(i % 7) / 6.0;
    lane((*slots)[detail::host_utilisation_slot], i) = 0.3 + 0.6 * static_cast<double>(i % 13) / 12.0;
  }
  auto out = std::make_unique<detail::model_results<Block>>();
  detail::compute(shape, *slots, *out);

  for (std::size_t i = 0; i < block::size; ++i) {
    model_inputs m = in;
    auto at = [&](uncertain_input u) { return lane((*slots)[detail::slot(u)], i); };
    m.accelerator_hours = at(uncertain_input::accelerator_hours);
    m.duration_h = at(uncertain_input::duration_h);
    m.mfu = at(uncertain_input::mfu);
    m.precision_speedup = at(uncertain_input::precision_speedup);
    m.power_fraction = at(uncertain_input::power_fraction);
    if (m.accelerator_power_w) m.accelerator_power_w = at(uncertain_input::accelerator_power_w);
    m.host_max_w = at(uncertain_input::host_max_w);
    if (m.host_power_w) m.host_power_w = at(uncertain_input::host_power_w);
    m.pue = at(uncertain_input::pue);
    if (m.wue_l_per_kwh) m.wue_l_per_kwh = at(uncertain_input::wue_l_per_kwh);
    if (m.intensity_g_per_kwh) m.intensity_g_per_kwh = at(uncertain_input::intensity_g_per_kwh);
    if (m.cfe) m.cfe = at(uncertain_input::cfe);
    if (m.ewif_l_per_kwh) m.ewif_l_per_kwh = at(uncertain_input::ewif_l_per_kwh);
    if (m.embodied_accelerator_kg) m.embodied_accelerator_kg = at(uncertain_input::embodied_accelerator_kg);
    m.embodied_host_kg = at(uncertain_input::embodied_host_kg);
    m.lifetime_years = at(uncertain_input::lifetime_years);
    if (m.price_usd_per_kwh) m.price_usd_per_kwh = at(uncertain_input::price_usd_per_kwh);
    if (m.hourly_price_usd) m.hourly_price_usd = at(uncertain_input::hourly_price_usd);
    m.flops = at(uncertain_input::flops);
    m.host_utilisation = lane((*slots)[detail::host_utilisation_slot], i);
    const model_outputs o = evaluate(m);
    for (std::size_t k = 0; k < output_count; ++k) {
      REQUIRE(o.known[k] == out->known[k]);
      if (!o.known[k]) continue;
      const double a = o.value[k], b = lane(out->value[k], i);
      INFO("output ", output_table[k].name, " lane ", i, ": ", a, " vs ", b);
      CHECK(std::memcmp(&a, &b, sizeof a) == 0);
    }
  }
}

/// Every block type: the plain one and the Monte Carlo's lazy ones (two and four
/// samples an operation; the Monte Carlo's AVX2 path runs the four-sample one).
void check_block_equals_scalar(const model_inputs& in) {
  check_lanes_equal_scalar<block>(in);
  check_lanes_equal_scalar<detail::sample_block>(in);
  check_lanes_equal_scalar<detail::wide_sample_block>(in);
}

/// The resolved inputs of `s` on the fixture catalog.
model_inputs resolved(const scenario& s) { return resolve_inputs(s, fixture::catalog()); }

scenario site(scenario s) {
  s.hardware = "h100";
  s.intensity = carbon_intensity::g_per_kwh(400);
  s.cfe = 0.5;
  s.wue = water_intensity::l_per_kwh(0.5);
  s.ewif = water_intensity::l_per_kwh(2.0);
  s.price_usd_per_kwh = 0.1;
  s.hourly_price_usd = 2.5;
  return s;
}

}  // namespace

TEST_CASE("compute<block> and compute<sample_block> equal evaluate() sample by sample on every path and branch") {
  scenario flops = site({});
  flops.params = 7e9;
  flops.tokens = 2e12;
  flops.count = 512;
  SUBCASE("flops path, servers, default power (follows the MFU; the host follows the fraction)") {
    REQUIRE(resolved(flops).power_follows_mfu);
    check_block_equals_scalar(resolved(flops));
  }
  SUBCASE("flops path, fp8 (a precision speed-up)") {
    flops.precision = precision::fp8;
    check_block_equals_scalar(resolved(flops));
  }
  SUBCASE("time path with the workload known: power follows the implied MFU") {
    flops.gpu_hours = 5e4;
    REQUIRE(resolved(flops).power_follows_mfu);
    check_block_equals_scalar(resolved(flops));
  }
  SUBCASE("flops path, accelerators boundary") {
    flops.boundary = boundary::accelerators;
    check_block_equals_scalar(resolved(flops));
  }
  SUBCASE("flops path, given power (host follows power / TDP)") {
    flops.power_w = power::watts(500);
    check_block_equals_scalar(resolved(flops));
  }
  SUBCASE("flops path, given host power, no count") {
    flops.host_power_w = power::watts(300);
    flops.count.reset();
    check_block_equals_scalar(resolved(flops));
  }
  SUBCASE("accelerator-hours path, embodied off") {
    scenario s = site({});
    s.gpu_hours = 1e5;
    s.embodied = false;
    check_block_equals_scalar(resolved(s));
  }
  SUBCASE("duration path, a mix instead of an intensity, no prices") {
    scenario s;
    s.hardware = "h100";
    s.duration_h = hours(240);
    s.count = 64;
    s.mix = energy_mix{{{"coal", 0.5}, {"wind", 0.5}}};
    check_block_equals_scalar(resolved(s));
  }
  SUBCASE("nothing known about the site") {
    scenario s;
    s.hardware = "h100";
    s.gpu_hours = 1000;
    check_block_equals_scalar(resolved(s));
  }
  // A measured energy (methodology §7): the host follows the power the energy implies
  // (host_link::implied), or a given power sets the split.
  scenario measured = site({});
  measured.gpu_hours = 1000;
  SUBCASE("measured at the accelerators: the host follows their implied power") {
    measured.energy_kwh = energy::kwh(500);
    measured.energy_boundary = energy_boundary::accelerators;
    const detail::model_shape shape = detail::shape_of(resolved(measured));
    REQUIRE(shape.measured == detail::measured_at::accelerators);
    REQUIRE(shape.link == detail::host_link::implied);
    check_block_equals_scalar(resolved(measured));
  }
  SUBCASE("measured at the servers: split by the inverse of the host rule") {
    measured.energy_kwh = energy::kwh(900);
    measured.energy_boundary = energy_boundary::servers;
    check_block_equals_scalar(resolved(measured));
  }
  SUBCASE("measured at the facility: less the PUE, then split") {
    measured.energy_kwh = energy::kwh(1200);
    measured.energy_boundary = energy_boundary::facility;
    REQUIRE(detail::shape_of(resolved(measured)).link == detail::host_link::implied);
    check_block_equals_scalar(resolved(measured));
  }
  SUBCASE("measured at the servers beside a given power: the given power sets the split") {
    measured.energy_kwh = energy::kwh(900);
    measured.energy_boundary = energy_boundary::servers;
    measured.power_w = power::watts(500);
    REQUIRE(detail::shape_of(resolved(measured)).link == detail::host_link::power);
    check_block_equals_scalar(resolved(measured));
  }
}

TEST_CASE("output table: one flat name and one JSON path per output, headline columns as before") {
  std::set<std::string_view> names, paths;
  for (const auto& row : output_table) {
    CHECK(names.insert(row.name).second);
    CHECK(paths.insert(row.path).second);
    CHECK(row.path == std::string(row.group) + "." + std::string(row.key));
    CHECK(find_output(row.name) == row.id);
    CHECK(find_output(row.path) == row.id);
  }
  // The CSV header of trainprint.estimate/1 rows (tests/cli/golden/estimate-csv.out).
  std::string header;
  for (const auto& row : output_table)
    if (row.headline) header += (header.empty() ? "" : ",") + std::string(row.name);
  CHECK(header ==
        "flops,accelerator_hours,wall_time_h,accelerator_power_w,energy_it_kwh,energy_facility_kwh,"
        "emissions_location_kg_co2e,emissions_market_kg_co2e,emissions_embodied_kg_co2e,emissions_total_kg_co2e,"
        "water_onsite_l,water_offsite_l,water_total_l,cost_electricity_usd,cost_compute_usd");
  CHECK(headline_count() == 15);
  CHECK_FALSE(find_output("location_kg").has_value());
}

TEST_CASE("estimate::value reads the same numbers as the typed fields") {
  scenario s = site({});
  s.gpu_hours = 1e4;
  s.count = 64;
  const estimate e = make_estimate(s, fixture::catalog());
  CHECK(*e.value(output::energy_facility) == doctest::Approx(e.energy_facility.in_kwh()).epsilon(1e-15));
  CHECK(*e.value(output::emissions_total) == doctest::Approx(e.total->in_kg_co2e()).epsilon(1e-15));
  CHECK(*e.value(output::water_offsite) == doctest::Approx(e.water_offsite->in_litres()).epsilon(1e-15));
  CHECK(*e.value(output::wall_hours) == *e.wall_hours);
  CHECK_FALSE(e.value(output::flops).has_value());  // hours path: no FLOPs
}
