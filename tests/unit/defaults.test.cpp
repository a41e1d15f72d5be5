// Tests of include/trainprint/defaults.hpp: the values and ranges are the ones
// docs/methodology.md derives (its machine-readable table, section 4.4).

#include "trainprint/defaults.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>

using namespace trainprint;

namespace {

struct row {
  double value, low, high;
};

/// The rows between <!-- defaults:begin --> and <!-- defaults:end --> of
/// docs/methodology.md: "| name | value | low | high |".
std::map<std::string, row> methodology_table() {
  std::ifstream in(std::string(TRAINPRINT_SOURCE_DIR) + "/docs/methodology.md");
  REQUIRE(in);
  std::map<std::string, row> m;
  std::string line;
  bool inside = false;
  while (std::getline(in, line)) {
    if (line.find("<!-- defaults:begin -->") != std::string::npos) { inside = true; continue; }
    if (line.find("<!-- defaults:end -->") != std::string::npos) break;
    if (!inside || line.rfind("| ", 0) != 0 || line.find("---") != std::string::npos) continue;
    std::stringstream ss(line);
    std::string cell[5];
    std::getline(ss, cell[0], '|');  // empty before the first bar
    for (int i = 1; i < 5; ++i) std::getline(ss, cell[i], '|');
    auto trim = [](std::string t) {
      t.erase(0, t.find_first_not_of(' '));
      t.erase(t.find_last_not_of(' ') + 1);
      return t;
    };
    const std::string name = trim(cell[1]);
    if (name == "name") continue;  // header
    m[name] = {std::stod(trim(cell[2])), std::stod(trim(cell[3])), std::stod(trim(cell[4]))};
  }
  return m;
}

void check(const std::map<std::string, row>& t, const std::string& name, double value, double low, double high) {
  CAPTURE(name);
  auto it = t.find(name);
  REQUIRE(it != t.end());
  // The table rounds to 4 decimals (0.8214 for 4600/5600).
  CHECK(it->second.value == doctest::Approx(value).epsilon(1e-4));
  CHECK(it->second.low == doctest::Approx(low).epsilon(1e-4));
  CHECK(it->second.high == doctest::Approx(high).epsilon(1e-4));
}

void check(const std::map<std::string, row>& t, const std::string& name, const defaults::sourced& d) {
  check(t, name, d.value, d.low, d.high);
}

}  // namespace

TEST_CASE("defaults: every value and range is the one docs/methodology.md derives") {
  const auto t = methodology_table();
  using namespace defaults;
  std::size_t n = 0;
  check(t, "flops_per_param_token", flops_per_param_token), ++n;
  check(t, "flops_per_param_token_recompute", flops_per_param_token_recompute), ++n;
  check(t, "attention_flops_factor", attention_flops_factor), ++n;
  check(t, "weight_gradient_flops_per_param_token", weight_gradient_flops_per_param_token), ++n;
  check(t, "mfu_fit_ridge", mfu_fit_ridge, mfu_fit_ridge, mfu_fit_ridge), ++n;
  check(t, "fp8_speedup", fp8_speedup), ++n;
  check(t, "power_idle_fraction", power_idle_fraction), ++n;
  check(t, "power_fraction_typical", power_fraction_typical), ++n;
  check(t, "power_fraction_measured_avg", power_fraction_measured_avg), ++n;
  check(t, "host_max_fraction_of_tdp", host_max_fraction_of_tdp), ++n;
  check(t, "pue", pue), ++n;
  check(t, "wue_l_per_kwh", wue_l_per_kwh), ++n;
  check(t, "lifetime_years", lifetime_years), ++n;
  check(t, "hours_per_year", hours_per_year, hours_per_year, hours_per_year), ++n;
  const auto& room = site_profile_of(site_kind::server_room);
  check(t, "site_server_room_pue", room.pue), ++n;
  check(t, "site_server_room_wue_l_per_kwh", room.wue_l_per_kwh), ++n;
  for (auto k : {site_kind::workstation, site_kind::desktop, site_kind::laptop}) {
    // The personal sites share one PUE and one WUE.
    check(t, "site_personal_pue", site_profile_of(k).pue);
    check(t, "site_personal_wue_l_per_kwh", site_profile_of(k).wue_l_per_kwh);
  }
  n += 2;
  check(t, "site_workstation_host_w", site_profile_of(site_kind::workstation).machine_host_w), ++n;
  check(t, "site_desktop_host_w", site_profile_of(site_kind::desktop).machine_host_w), ++n;
  check(t, "site_laptop_host_w", site_profile_of(site_kind::laptop).machine_host_w), ++n;
  check(t, "site_personal_embodied_kg", site_profile_of(site_kind::workstation).machine_embodied_kg), ++n;
  check(t, "site_personal_embodied_kg", site_profile_of(site_kind::desktop).machine_embodied_kg);
  check(t, "site_laptop_embodied_kg", site_profile_of(site_kind::laptop).machine_embodied_kg), ++n;
  // The data centre's are the industry averages above.
  CHECK(site_profile_of(site_kind::data_centre).pue.value == pue.value);
  CHECK(site_profile_of(site_kind::data_centre).wue_l_per_kwh.value == wue_l_per_kwh.value);
  // Nothing in the methodology's table that the code lacks.
  CHECK(t.size() == n);
}

TEST_CASE("defaults: ranges hold their central value and stay valid inputs") {
  auto ok = [](std::string_view name, double v, double lo, double hi) {
    CAPTURE(name);
    CHECK(lo <= v);
    CHECK(v <= hi);
  };
  using namespace defaults;
  ok("fp8", fp8_speedup.value, fp8_speedup.low, fp8_speedup.high);
  CHECK(fp8_speedup.low >= 1);  // fp8 is never slower than the reference by this factor's definition
  for (const auto* d : {&power_idle_fraction, &power_fraction_typical, &power_fraction_measured_avg}) {
    ok(d->source, d->value, d->low, d->high);
    CHECK(d->low > 0);
    CHECK(d->high <= 1);  // a power fraction or MFU above 1 is invalid input
  }
  ok("pue", pue.value, pue.low, pue.high);
  ok("host", host_max_fraction_of_tdp.value, host_max_fraction_of_tdp.low, host_max_fraction_of_tdp.high);
}

TEST_CASE("defaults: host_included") {
  static_assert(defaults::host_included("tpu-v3"));
  static_assert(defaults::host_included("tpu-v2"));
  static_assert(!defaults::host_included("tpu-v4"));  // Google's 170 W is chip power
  static_assert(!defaults::host_included("hopper"));
  static_assert(defaults::host_included("grace-hopper"));  // GH200 module power: CPU and memory included
}

#include "trainprint/estimator.hpp"

TEST_CASE("defaults: measured system power per chip is used as it is, host included") {
  scenario s;
  s.gpu_hours = 1000;
  s.hardware = "tpu-v3";
  s.count = 1024;
  const estimate e = make_estimate(s);
  CHECK(e.accelerator_power.in_watts() == doctest::Approx(283));  // Patterson Table 3, power fraction 1
  CHECK(e.host_power.in_watts() == 0);                             // host already in the 283 W
  REQUIRE(e.find_trace("host_max_power_w"));
  CHECK(e.find_trace("host_max_power_w")->note ==
        "google-tpu-v3's catalog power (283 W) is measured system power per chip, host included");
  REQUIRE(e.find_trace("power_fraction"));
  CHECK(e.find_trace("power_fraction")->note == "google-tpu-v3's catalog power is a measured average under load");
  // TPU v4's 170 W is chip power: a host share is added, at the typical whole-run fraction
  // (no workload, so the MFU is not known and the host does not follow it).
  s.hardware = "tpu-v4";
  const estimate v4 = make_estimate(s);
  CHECK(v4.accelerator_power.in_watts() == doctest::Approx(170));
  CHECK(v4.host_power.in_watts() ==
        doctest::Approx(170 * defaults::host_max_fraction_of_tdp.value * defaults::power_fraction_typical.value));
  // GH200: the 1,000 W module power covers the Grace CPU and its memory (NVIDIA GH200 datasheet).
  s.hardware = "gh200";
  const estimate gh = make_estimate(s);
  CHECK(gh.host_power.in_watts() == 0);
  CHECK(gh.find_trace("host_max_power_w")->note == "nvidia-gh200's catalog power (1000 W) is the module's, its CPU and memory included");
}
