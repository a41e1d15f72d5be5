#pragma once
// The resolution step of the estimator (resolve() in include/trainprint/estimator.hpp),
// split by concern: one resolver holds what its sections share, and each section
// (hardware, workload, site kind, measured energy, power, site and PUE, carbon
// intensity, water, embodied, money) is a member function in a file of its own under
// src/resolve/. Sections run in the order of resolver::run(); each may read what an
// earlier one set. Private to the library.

#include "trainprint/calibration.hpp"
#include "trainprint/estimator.hpp"
#include "trainprint/plain.hpp"
#include "../cpu_path.hpp"
#include "../hardware_units.hpp"
#include "../ranges.hpp"
#include "../text_format.hpp"

#include <algorithm>
#include <cstdint>

#include <fmt/format.h>

#include <cmath>
#include <optional>
#include <string>
#include <string_view>

namespace trainprint::inline v0::resolving {


using detail::around;
using detail::intensity_bounds;
using detail::ranger;
using detail::spread;
using detail::spread_basis;
using detail::spread_of;
using detail::water_bounds;

using path = model_inputs::workload_path;

/// Records trace entries; with no vector (the lean path) it records nothing, and
/// TRAINPRINT_TRACE does not even build the entry's strings.
struct tracer {
  std::vector<trace_entry>* entries = nullptr;
  explicit operator bool() const { return entries != nullptr; }
  void add(std::string name, double value, std::string unit, origin o, std::string source = {},
           std::string note = {}) {
    // Built in place, field by field: Clang before 16 (the browser build) has no
    // parenthesised initialisation of an aggregate, which emplace_back(args...) needs.
    trace_entry& t = entries->emplace_back();
    t.name = std::move(name);
    t.value = value;
    t.unit = std::move(unit);
    t.origin = o;
    t.source = std::move(source);
    t.note = std::move(note);
  }
  /// Sets the confidence mark of the entry added last.
  void confidence(const std::string& c) {
    if (entries && !entries->empty()) entries->back().confidence = c;
  }
};
#define TRAINPRINT_TRACE(tr, ...) \
  do {                            \
    if (tr) (tr).add(__VA_ARGS__); \
  } while (false)

/// What resolution records besides model_inputs: the trace, and the context and notes.
struct record {
  bool trace = true;
  bool context = true;
  bool ranges = true;  ///< the distributions of the uncertain inputs
  const mfu_model* model = nullptr;  ///< the MFU model; nullptr: the shipped fit
};

std::string g(double v);

/// Intensity and water of an electricity mix from the energy-source table.
struct mix_result {
  double intensity_g_per_kwh = 0;
  std::optional<double> ewif_l_per_kwh;
  std::string intensity_source, water_source;
};
mix_result from_mix(const energy_mix& mix, const catalog& cat, bool sources = true);
std::string mix_text(const energy_mix& mix);
std::string supported_precisions(const accelerator& a);
/// The die factor of the nearest process node (ties go to the smaller node).
const embodied_factors::die_factor* nearest_node(const embodied_factors& f, double nm);
std::string basis_text(const intensity_value& iv);
/// Equal ids, ASCII case ignored (the catalog's lookups ignore case).
bool same_id(std::string_view a, std::string_view b);
/// The other regions that `typed` may name (besides `matched`, which may be nullptr): a
/// subnational region whose code after its country's is `typed` ("CA" of US-CA, "NL" of
/// CA-NL), or whose name or an alias without its qualifier is ("Georgia" of "Georgia (US
/// state)" and "Georgia, US"); ASCII case ignored. In catalog order (resolve/site.cpp).
std::vector<const region*> other_readings(const catalog& cat, std::string_view typed, const region* matched);
/// Notes for a parameter or token count far below any training run.
void implausible_size_notes(const scenario& s, std::vector<std::string>& notes);
/// The range the user gave input `name` (scenario::ranges), or nullptr.
inline const range* given_range(const scenario& s, std::string_view name) {
  const auto it = s.ranges.find(name);
  return it == s.ranges.end() ? nullptr : &it->second;
}
/// " (the high end of the range 300:1000 W)": which end of `r` a check or note is about;
/// `unit` follows the range (" W", or empty).
inline std::string range_end_text(std::string_view end, const range& r, std::string_view unit = {}) {
  return text::format(" (the {} end of the range {:g}:{:g}{})", end, r.low, r.high, unit);
}

using ui = uncertain_input;

/// resolve() into `r`, recording what `rec` asks for: the state the sections share.
struct resolver {
  resolver(const scenario& given, const catalog& cat, resolved_scenario& r, record rec);
  /// Every section, in order, then the distributions sorted into uncertain_input order.
  void run();

  void hardware();         // resolve/hardware.cpp
  void workload_section(); // resolve/workload.cpp
  /// Refuses a workload that the given time cannot hold at the accelerators' peak (resolve/workload.cpp).
  void impossible_time_check() const;
  void power_ceiling_check() const;  ///< a power no server could supply or no running accelerator draws: input_error
  /// A measured energy above what the accelerators' servers (× the run's PUE at the
  /// facility) could supply, or below half their idle draw: input_error; below the idle
  /// draw: a note. After site_section(): the facility's bound needs the run's PUE.
  void measured_energy_check();
  /// The upper end of the run's PUE: a given range's high end, a given PUE, a catalog PUE's
  /// spread, the site's default range; limits::pue where none is known.
  [[nodiscard]] double pue_upper() const;
  void site_kind();        // resolve/power.cpp
  void measured_energy();  // resolve/power.cpp
  void power();            // resolve/power.cpp
  void site_section();     // resolve/site.cpp
  void intensity();        // resolve/site.cpp
  void water();            // resolve/footprint.cpp
  void embodied();         // resolve/footprint.cpp
  void money();            // resolve/footprint.cpp

  // A user's value of an uncertain input: the model input, its trace entry and its range.
  template <class Field>
  void from_user(Field& field, const char* name, double v, const char* unit, ui input, std::string_view key) {
    field = v;
    TRAINPRINT_TRACE(tr, name, v, unit, origin::user);
    rg.user(input, key, v, unit);
  }
  // A catalog value: the same, with its citation and the spread of its confidence mark.
  template <class Field>
  void from_catalog(Field& field, const char* name, const cited_value& c, const char* unit, ui input,
                    std::string note) {
    field = c.value;
    TRAINPRINT_TRACE(tr, name, c.value, unit, origin::catalog, c.prov.citation(), std::move(note));
    tr.confidence(c.prov.confidence);
    rg.from_catalog(input, unit, c.value, c.prov);
  }
  /// Refuses an accelerator with no published TDP where the power model needs one.
  void need_tdp(const char* why) const;
  /// "what (year)", the trace note of a catalog value; "" with no trace (the lean path builds no text).
  [[nodiscard]] std::string year_note(const std::string& what, const cited_value& c) const;
  /// The mix along the region's chain, worked out only when it is used (a dozen lookups).
  bool has_region_mix();

  const scenario& given;
  const catalog& cat;
  resolved_scenario& r;
  record rec;
  // Set by the constructor: the hardware unit (hardware_units.hpp) and the words read.
  std::optional<hardware_unit> hw_unit;
  bool several = false;     ///< the hardware names several accelerators: count counts units
  std::int64_t units = 1;
  std::string hw_provider, hw_why;  ///< the provider the hardware implies, and why
  plain_reading words;      ///< plain-language words (plain.hpp) read into the inputs they stand for
  const scenario& s;          ///< the scenario with the words read
  model_inputs& in;
  estimate_context& ctx;
  tracer tr;
  detail::ranger rg;

  // Set by hardware() and workload_section().
  const accelerator* acc = nullptr;
  bool cpu = false, hours_only = false;  ///< a CPU counted by cores; hours only (cpu_path.hpp)
  bool workload = false, timed = false;
  // Set by site_kind() and measured_energy().
  const region* reg = nullptr;
  const provider* prov = nullptr;
  const defaults::site_profile* site = nullptr;
  bool site_servers = false;
  std::string site_note;
  bool measured = false, unmodelled = false;
  // Set by power().
  bool at_tdp = false;
  // Set by site() and intensity().
  const region* site_reg = nullptr;
  const provider* site_prov = nullptr;
  const cited_value* prov_pue = nullptr;
  const cited_value* prov_wue = nullptr;
  const cited_value* prov_cfe = nullptr;
  bool data_centre = false;
  std::optional<mix_result> user_mix;
  const region* mix_region = nullptr;
  std::optional<mix_result> region_mix;
  bool region_mix_done = false;
};

}  // namespace trainprint::inline v0::resolving
