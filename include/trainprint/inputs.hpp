#pragma once
/// \file inputs.hpp
/// The table of scenario inputs: one row per field of `scenario`, read by the
/// scenario JSON reader and writer, the CLI flags, the range setter
/// (point_value / set_point_value / set_range), the Python keywords and
/// docs/inputs.md. A new input is one row here plus its field in scenario.hpp.
///
/// Spellings agree: the row's `name` is the C++ field, the scenario-JSON key and
/// the Python keyword; `flag` is "--" + name in kebab-case ("--no-" for a flag
/// that turns a default-on input off). Old spellings stay accepted as `aliases`.

#include <array>
#include <limits>
#include <optional>
#include <span>
#include <type_traits>
#include <string>
#include <string_view>

#include "scenario.hpp"

namespace trainprint::inline v0 {

/// How an input's value is written and read.
enum class input_kind : unsigned char {
  number,     ///< a number with SI suffixes in text ("7B", "2T")
  ratio,      ///< a fraction, 0.4 or "40%" in text
  count,      ///< a whole number
  duration,   ///< hours; text as 90min, 36h, 30d, 2w, 3mo, 5 days
  text,       ///< a catalog id or alias, or a word
  choice,     ///< one of the row's `choices` (an enum, or a text field of fixed words)
  mix,        ///< source=share pairs
  flag,       ///< true or false
};

/// One scenario input. Limits apply to the value in `unit`: lo (< or <=) value <= hi.
struct input_info {
  std::string_view name;   ///< C++ field, JSON key, Python keyword
  std::string_view flag;   ///< CLI long flag
  std::array<std::string_view, 2> aliases;  ///< older spellings (snake_case), "" when unused
  std::string_view group;  ///< "Workload", "Hardware", "Site", "Embodied and money"
  input_kind kind;
  std::string_view unit;   ///< unit of the JSON value; "" for a pure number or text
  double lo = 0, hi = std::numeric_limits<double>::infinity();
  bool lo_inclusive = false;  ///< lo <= v (true) or lo < v (false)
  bool whole = false;         ///< a whole number
  bool rangeable = false;     ///< takes a range low:high for uncertainty analysis
  std::string_view help;      ///< one line
  /// The value in `unit` (numeric kinds only; nullptr for the others).
  std::optional<double> (*get)(const scenario&) = nullptr;
  /// Sets the value in `unit` (numeric kinds only; nullptr for the others).
  void (*set)(scenario&, double) = nullptr;
  /// The field of a text input (input_kind::text only).
  std::optional<std::string> scenario::*text = nullptr;
  /// The names a choice input takes, in its enum's order (input_kind::choice only).
  std::span<const std::string_view> choices{};
  /// A choice's value: one of `choices` (or, for a text field set by C++, whatever it holds);
  /// nullopt when unset (input_kind::choice only).
  std::optional<std::string_view> (*get_choice)(const scenario&) = nullptr;
  /// Sets a choice to the name matching `t` (any case; '_' or ' ' for '-'); false, and
  /// nothing set, when `t` is none of `choices` (input_kind::choice only).
  bool (*set_choice)(scenario&, std::string_view t) = nullptr;
  /// A flag's value; nullopt when unset (a plain bool field is unset when false)
  /// (input_kind::flag only).
  std::optional<bool> (*get_flag)(const scenario&) = nullptr;
  /// Sets a flag; nullopt unsets it (input_kind::flag only).
  void (*set_flag)(scenario&, std::optional<bool>) = nullptr;
  /// Copies this input's field from `from` into `to` exactly as stored, set or not (every
  /// kind): what copy_input() and merge() move, with no trip through `unit`.
  void (*assign)(scenario& to, const scenario& from) = nullptr;
  /// True when the numeric limits are checked by check_input_limits.
  [[nodiscard]] constexpr bool has_limits() const { return get != nullptr; }
};

/// Upper bounds of plausible inputs; beyond them an input is taken as a typo. The rows of
/// scenario_inputs (below) use them, and validate() checks each input against its row.
namespace limits {
inline constexpr double params = 1e15;
inline constexpr double tokens = 1e17;
inline constexpr double flops = 1e32;
inline constexpr double layers = 1e5;
inline constexpr double d_model = 1e7;
inline constexpr double seq_len = 1e9;
inline constexpr double gpu_hours = 1e13;
inline constexpr double duration_h = 1e6;
inline constexpr double count = 1e8;
inline constexpr double power_w = 1e5;
inline constexpr double pue = 5;
inline constexpr double wue_l_per_kwh = 100;
inline constexpr double intensity_g_per_kwh = 5000;
inline constexpr double ewif_l_per_kwh = 1000;
inline constexpr double lifetime_years = 100;
inline constexpr double price_usd_per_kwh = 100;
inline constexpr double hourly_price_usd = 1e6;
inline constexpr double energy_kwh = 1e13;
inline constexpr double mix_tolerance = 0.001;
}  // namespace limits

namespace detail {
template <auto M>
constexpr std::optional<double> get_plain(const scenario& s) {
  return s.*M;
}
template <auto M>
constexpr void set_plain(scenario& s, double v) {
  s.*M = v;
}
template <auto M, auto In>
constexpr std::optional<double> get_quantity(const scenario& s) {
  if (!(s.*M)) return std::nullopt;
  return ((*(s.*M)).*In)();
}
template <auto M, auto Make>
constexpr void set_quantity(scenario& s, double v) {
  s.*M = Make(v);
}
/// Whether `t` names `name`: any case, and '_' or ' ' for '-'.
constexpr bool choice_matches(std::string_view name, std::string_view t) {
  if (t.size() != name.size()) return false;
  for (std::size_t k = 0; k < t.size(); ++k) {
    char c = t[k];
    if (c == '_' || c == ' ') c = '-';
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != name[k]) return false;
  }
  return true;
}
/// A choice field: std::optional<E> for an enum E whose values are `Names` in order, or
/// std::optional<std::string> holding one of `Names`.
template <auto M, const auto& Names>
constexpr std::optional<std::string_view> get_choice(const scenario& s) {
  const auto& v = s.*M;
  if (!v) return std::nullopt;
  if constexpr (std::is_enum_v<std::remove_cvref_t<decltype(*v)>>)
    return Names[static_cast<std::size_t>(*v)];
  else
    return std::string_view(*v);
}
template <auto M, const auto& Names>
constexpr bool set_choice(scenario& s, std::string_view t) {
  for (std::size_t k = 0; k < Names.size(); ++k) {
    if (!choice_matches(Names[k], t)) continue;
    using T = std::remove_cvref_t<decltype(*(s.*M))>;
    if constexpr (std::is_enum_v<T>)
      s.*M = static_cast<T>(k);
    else
      s.*M = T(Names[k]);
    return true;
  }
  return false;
}
/// A flag field: std::optional<bool>, or bool (where false is unset).
template <auto M>
constexpr std::optional<bool> get_flag(const scenario& s) {
  if constexpr (std::is_same_v<std::remove_cvref_t<decltype(s.*M)>, bool>)
    return s.*M ? std::optional<bool>(true) : std::nullopt;
  else
    return s.*M;
}
template <auto M>
constexpr void set_flag(scenario& s, std::optional<bool> v) {
  if constexpr (std::is_same_v<std::remove_cvref_t<decltype(s.*M)>, bool>)
    s.*M = v.value_or(false);
  else
    s.*M = v;
}
template <auto M>
constexpr void assign_field(scenario& to, const scenario& from) {
  to.*M = from.*M;
}
/// A text input's field.
#define TRAINPRINT_TEXT(field) \
  nullptr, nullptr, &scenario::field, {}, nullptr, nullptr, nullptr, nullptr, &detail::assign_field<&scenario::field>
/// A choice input: its field and its names (an array in enum order).
#define TRAINPRINT_CHOICE(field, names)                                                                      \
  nullptr, nullptr, nullptr, names, &detail::get_choice<&scenario::field, names>,                            \
      &detail::set_choice<&scenario::field, names>, nullptr, nullptr, &detail::assign_field<&scenario::field>
/// A flag input's field.
#define TRAINPRINT_FLAG(field)                                                                       \
  nullptr, nullptr, nullptr, {}, nullptr, nullptr, &detail::get_flag<&scenario::field>, \
      &detail::set_flag<&scenario::field>, &detail::assign_field<&scenario::field>
/// The slots after `set` of a numeric or mix input: only its field, to copy it.
#define TRAINPRINT_FIELD(field) nullptr, {}, nullptr, nullptr, nullptr, nullptr, &detail::assign_field<&scenario::field>
/// An input as a plain std::optional<double> field.
#define TRAINPRINT_PLAIN(field) \
  &detail::get_plain<&scenario::field>, &detail::set_plain<&scenario::field>, TRAINPRINT_FIELD(field)
/// An input as an optional quantity, read with `in` and made with `make` (in the row's unit).
#define TRAINPRINT_QUANTITY(field, in, make)                                                  \
  &detail::get_quantity<&scenario::field, in>, &detail::set_quantity<&scenario::field, make>, \
      TRAINPRINT_FIELD(field)
}  // namespace detail

/// Every scenario input, in the order validate() checks them and the CLI lists them.
inline constexpr std::array<input_info, 38> scenario_inputs{{
    {"params", "--params", {}, "Workload", input_kind::number, "", 0, limits::params, false, false, false,
     "Total parameters (7B, 70e9)", TRAINPRINT_PLAIN(params)},
    {"active_params", "--active-params", {}, "Workload", input_kind::number, "", 0, limits::params, false, false, false,
     "Parameters active per token (MoE)", TRAINPRINT_PLAIN(active_params)},
    {"trainable_params", "--trainable-params", {}, "Workload", input_kind::number, "", 0, limits::params, false, false, false,
     "Trained parameters of a parameter-efficient fine-tune (LoRA): (4N + 2·trainable)·D FLOPs",
     TRAINPRINT_PLAIN(trainable_params)},
    {"tokens", "--tokens", {}, "Workload", input_kind::number, "", 0, limits::tokens, false, false, false,
     "Training tokens (2T)", TRAINPRINT_PLAIN(tokens)},
    {"flops", "--flops", {}, "Workload", input_kind::number, "", 0, limits::flops, false, false, false,
     "Total training FLOPs (instead of params and tokens)", TRAINPRINT_PLAIN(flops)},
    {"size", "--size", {}, "Workload", input_kind::text, "", 0, 0, false, false, false,
     "Model size in words: small (0.1-1B), medium (1-10B), large (10-100B), very-large (0.1-1T parameters); "
     "tokens 20 per parameter unless given", TRAINPRINT_TEXT(size)},
    {"recompute", "--recompute", {}, "Workload", input_kind::flag, "", 0, 0, false, false, false,
     "Full activation recomputation: 8·N·D instead of 6·N·D", TRAINPRINT_FLAG(recompute)},
    {"layers", "--layers", {}, "Workload", input_kind::number, "", 1, limits::layers, true, true, false,
     "Layers (with --d-model and --seq-len: attention FLOPs)", TRAINPRINT_PLAIN(layers)},
    {"d_model", "--d-model", {}, "Workload", input_kind::number, "", 1, limits::d_model, true, true, false, "Model width",
     TRAINPRINT_PLAIN(d_model)},
    {"seq_len", "--seq-len", {}, "Workload", input_kind::number, "", 1, limits::seq_len, true, true, false, "Sequence length",
     TRAINPRINT_PLAIN(seq_len)},
    {"gpu_hours", "--gpu-hours", {"accelerator_hours"}, "Workload", input_kind::number, "h", 0, limits::gpu_hours, false, false,
     true, "Accelerator-hours (instead of FLOPs)", TRAINPRINT_PLAIN(gpu_hours)},
    {"duration_h", "--duration-h", {"duration"}, "Workload", input_kind::duration, "h", 0, limits::duration_h, false, false, true,
     "Wall-clock duration: 90min, 36h, 5 days, 2w, 3mo, or days|weeks|months as a range (needs --count)",
     [](const scenario& s) -> std::optional<double> {
       if (!s.duration_h) return std::nullopt;
       return s.duration_h->count();
     },
     [](scenario& s, double v) { s.duration_h = hours(v); }, TRAINPRINT_FIELD(duration_h)},
    {"hardware", "--hardware", {}, "Hardware", input_kind::text, "", 0, 0, false, false, false,
     "Accelerator id or alias (h100, a100, tpu-v5p), or gpu|tpu|accelerator: a typical current part", TRAINPRINT_TEXT(hardware)},
    {"count", "--count", {}, "Hardware", input_kind::count, "", 1, limits::count, true, true, false, "Number of accelerators",
     [](const scenario& s) -> std::optional<double> {
       if (!s.count) return std::nullopt;
       return static_cast<double>(*s.count);
     },
     [](scenario& s, double v) { s.count = static_cast<std::int64_t>(v); }, TRAINPRINT_FIELD(count)},
    {"precision", "--precision", {}, "Hardware", input_kind::choice, "", 0, 0, false, false, false,
     "fp32|tf32|bf16|fp16|fp8 (default bf16)", TRAINPRINT_CHOICE(precision, precision_names)},
    {"mfu", "--mfu", {}, "Hardware", input_kind::ratio, "", 0, 1, false, false, true,
     "Model-FLOPs utilisation: 0.4 or 40%", TRAINPRINT_PLAIN(mfu)},
    {"power_fraction", "--power-fraction", {}, "Hardware", input_kind::ratio, "", 0, 1, false, false, true,
     "Average draw as a fraction of TDP", TRAINPRINT_PLAIN(power_fraction)},
    {"power_w", "--power-w", {"power"}, "Hardware", input_kind::number, "W", 0, limits::power_w, false, false, true,
     "Average power per accelerator, W", TRAINPRINT_QUANTITY(power_w, &power::in_watts, &power::watts)},
    {"boundary", "--boundary", {}, "Hardware", input_kind::choice, "", 0, 0, false, false, false,
     "accelerators|servers (default servers)", TRAINPRINT_CHOICE(boundary, boundary_names)},
    {"convention", "--convention", {}, "Hardware", input_kind::choice, "", 0, 0, false, false, false,
     "servers|accelerators|model-card: preset boundary, power and embodied of a reporting convention", TRAINPRINT_CHOICE(convention, convention_names)},
    {"host_power_w", "--host-power-w", {"host_power"}, "Hardware", input_kind::number, "W", 0, limits::power_w, true, false, true,
     "Host power per accelerator, W", TRAINPRINT_QUANTITY(host_power_w, &power::in_watts, &power::watts)},
    {"region", "--region", {}, "Site", input_kind::text, "", 0, 0, false, false, false,
     "Region: FR, US-CA, egrid:SRVC, aws:us-east-1, gcp:europe-west4", TRAINPRINT_TEXT(region)},
    {"provider", "--provider", {}, "Site", input_kind::text, "", 0, 0, false, false, false,
     "Provider: aws, gcp, azure, ...", TRAINPRINT_TEXT(provider)},
    {"site_kind", "--site-kind", {}, "Site", input_kind::choice, "", 0, 0, false, false, false,
     "data-centre|server-room|workstation|desktop|laptop: sets PUE, WUE and host power (default: data-centre with a "
     "cloud region or provider, else from the hardware: consumer GPU desktop, workstation GPU workstation)",
     TRAINPRINT_CHOICE(site_kind, site_kind_names)},
    {"pue", "--pue", {}, "Site", input_kind::number, "", 1, limits::pue, true, false, true, "Power usage effectiveness (>= 1)",
     TRAINPRINT_PLAIN(pue)},
    {"wue", "--wue", {}, "Site", input_kind::number, "L/kWh", 0, limits::wue_l_per_kwh, true, false, true, "On-site water, L per IT kWh",
     TRAINPRINT_QUANTITY(wue, &water_intensity::in_l_per_kwh, &water_intensity::l_per_kwh)},
    {"intensity", "--intensity", {}, "Site", input_kind::number, "g CO2e/kWh", 0, limits::intensity_g_per_kwh, true, false, true,
     "Grid carbon intensity, g CO2e/kWh", TRAINPRINT_QUANTITY(intensity, &carbon_intensity::in_g_per_kwh, &carbon_intensity::g_per_kwh)},
    {"mix", "--mix", {}, "Site", input_kind::mix, "", 0, 1, true, false, false,
     "Electricity mix: coal=0.3,gas=0.4,wind=0.3", nullptr, nullptr, TRAINPRINT_FIELD(mix)},
    {"ewif", "--ewif", {}, "Site", input_kind::number, "L/kWh", 0, limits::ewif_l_per_kwh, true, false, true,
     "Off-site water, L per kWh generated", TRAINPRINT_QUANTITY(ewif, &water_intensity::in_l_per_kwh, &water_intensity::l_per_kwh)},
    {"cfe", "--cfe", {}, "Site", input_kind::ratio, "", 0, 1, true, false, true,
     "Carbon-free-energy share for market-based emissions: 0.6 or 60%", TRAINPRINT_PLAIN(cfe)},
    {"ownership", "--ownership", {}, "Site", input_kind::choice, "", 0, 0, false, false, false,
     "owned|cloud: GHG Protocol scopes (default cloud for a cloud or HPC provider, else owned)", TRAINPRINT_CHOICE(ownership, ownership_names)},
    {"energy", "--energy", {}, "Site", input_kind::text, "", 0, 0, false, false, false,
     "Electricity in words: renewable (wind+solar), fossil (coal+gas), mixed, unknown (world average)", TRAINPRINT_TEXT(energy)},
    {"embodied", "--no-embodied", {}, "Embodied and money", input_kind::flag, "", 0, 0, false, false, false,
     "Leave embodied (manufacturing) emissions out", TRAINPRINT_FLAG(embodied)},
    {"lifetime_years", "--lifetime-years", {"lifetime"}, "Embodied and money", input_kind::number, "years", 0, limits::lifetime_years,
     false, false, true, "Hardware service life in years (default 5)", TRAINPRINT_PLAIN(lifetime_years)},
    {"price_usd_per_kwh", "--price-usd-per-kwh", {"price"}, "Embodied and money", input_kind::number, "USD/kWh", 0,
     limits::price_usd_per_kwh, true, false, true, "Electricity price, USD/kWh", TRAINPRINT_PLAIN(price_usd_per_kwh)},
    {"hourly_price_usd", "--hourly-price-usd", {"hourly_price"}, "Embodied and money", input_kind::number, "USD", 0,
     limits::hourly_price_usd, true, false, true, "Price per accelerator-hour, USD", TRAINPRINT_PLAIN(hourly_price_usd)},
    {"energy_kwh", "--energy-kwh", {}, "Measured", input_kind::number, "kWh", 0, limits::energy_kwh, false, false, false,
     "Measured energy of the run, kWh (with --energy-boundary); replaces the modelled energy",
     TRAINPRINT_QUANTITY(energy_kwh, &energy::in_kwh, &energy::kwh)},
    {"energy_boundary", "--energy-boundary", {}, "Measured", input_kind::choice, "", 0, 0, false, false,
     false, "What --energy-kwh covers: accelerators|servers|facility", TRAINPRINT_CHOICE(energy_boundary, energy_boundary_names)},
}};
#undef TRAINPRINT_PLAIN
#undef TRAINPRINT_QUANTITY
#undef TRAINPRINT_TEXT
#undef TRAINPRINT_CHOICE
#undef TRAINPRINT_FLAG

namespace detail {
/// "--" + name in kebab-case, or "--no-" + that for a flag.
constexpr bool flag_agrees(const input_info& i) {
  std::string_view f = i.flag;
  if (f.substr(0, 2) != "--") return false;
  f.remove_prefix(2);
  if (i.kind == input_kind::flag && f.substr(0, 3) == "no-") f.remove_prefix(3);
  if (f.size() != i.name.size()) return false;
  for (std::size_t k = 0; k < f.size(); ++k)
    if (f[k] != (i.name[k] == '_' ? '-' : i.name[k])) return false;
  return true;
}
/// Whether input `i` holds a number (and so has get/set accessors; tests/unit/inputs.test.cpp
/// checks the accessors, which some sanitizer builds cannot compare at compile time).
constexpr bool is_numeric(const input_info& i) {
  return i.kind == input_kind::number || i.kind == input_kind::ratio || i.kind == input_kind::count ||
         i.kind == input_kind::duration;
}
constexpr bool inputs_agree() {
  for (const auto& i : scenario_inputs) {
    if (!flag_agrees(i)) return false;
    if (i.rangeable && !is_numeric(i)) return false;  // a range needs a numeric value
  }
  return true;
}
}  // namespace detail
static_assert(detail::inputs_agree(),
              "every input's flag is --<name in kebab-case>; rangeable inputs are numeric");
// Every row has `assign` (merge() and copy_input() copy every row): checked at run time by
// tests/unit/inputs.test.cpp, because GCC under -fsanitize=address,undefined cannot compare a
// function's address with null in a constant expression.

/// The row of input `name` or of one of its aliases (kebab- or snake-case, with or
/// without a leading "--"); nullptr when unknown.
constexpr const input_info* find_input(std::string_view name) {
  if (name.substr(0, 2) == "--") name.remove_prefix(2);
  auto same = [](std::string_view a, std::string_view b) {
    if (a.empty() || a.size() != b.size()) return false;
    for (std::size_t k = 0; k < a.size(); ++k)
      if ((a[k] == '-' ? '_' : a[k]) != (b[k] == '-' ? '_' : b[k])) return false;
    return true;
  };
  for (const auto& i : scenario_inputs) {
    if (same(name, i.name)) return &i;
    for (auto a : i.aliases)
      if (same(name, a)) return &i;
  }
  return nullptr;
}

/// The row named exactly `name` (no aliases); nullptr when unknown.
constexpr const input_info* input_named(std::string_view name) {
  for (const auto& i : scenario_inputs)
    if (i.name == name) return &i;
  return nullptr;
}

namespace detail {
constexpr std::size_t rangeable_count() {
  std::size_t n = 0;
  for (const auto& i : scenario_inputs) n += i.rangeable ? 1 : 0;
  return n;
}
}  // namespace detail

/// The inputs that take a range (scenario names; units as in the scenario JSON),
/// in table order.
inline constexpr auto rangeable_inputs = [] {
  std::array<std::string_view, detail::rangeable_count()> names{};
  std::size_t k = 0;
  for (const auto& i : scenario_inputs)
    if (i.rangeable) names[k++] = i.name;
  return names;
}();

/// True if `name` is one of rangeable_inputs.
constexpr bool is_rangeable(std::string_view name) {
  const auto* i = input_named(name);
  return i && i->rangeable;
}

/// The value of rangeable input `name` in its scenario-JSON unit; nullopt when
/// unset or not rangeable.
inline std::optional<double> point_value(const scenario& s, std::string_view name) {
  const auto* i = input_named(name);
  if (!i || !i->rangeable) return std::nullopt;
  return i->get(s);
}

/// Sets rangeable input `name` to `v` (scenario-JSON unit); false if not rangeable.
inline bool set_point_value(scenario& s, std::string_view name, double v) {
  const auto* i = input_named(name);
  if (!i || !i->rangeable) return false;
  i->set(s, v);
  return true;
}

/// Gives input `name` the range `r`: the field takes r.mode, the range is recorded.
/// False (and `s` unchanged) if `name` is not rangeable. validate() checks the range.
inline bool set_range(scenario& s, std::string_view name, const range& r) {
  if (!set_point_value(s, name, r.mode)) return false;
  s.ranges.insert_or_assign(std::string(name), r);
  return true;
}


/// Checks each set numeric input against its row's limits (finite, lo (<|<=) v <= hi,
/// whole where required), in table order; validate() calls it, so the limits are
/// written once, in the table. Throws input_error naming the input,
/// the value and the range: "0 < power_w <= 100000". Cross-field rules (workload
/// paths, active_params <= params, mix shares) stay in validate().
void check_input_limits(const scenario& s);

/// Reads `text` into input `i` of `s`, as the CLI reads its flags and every interface
/// reads a value given as text: numbers with SI suffixes ("1.3B"), ratios ("9%"),
/// durations ("5d", "3 months"; a bare "days|weeks|months" sets a range), choices
/// (any case), mixes ("coal=0.3,gas=0.7") and flags (true/false/yes/no/on/off/1/0).
/// Messages name the input `key` (the interface's spelling; `i.name` when empty). Throws
/// input_error or unit_error. A range "low:high" is set_input's (compare.hpp).
void read_input_text(scenario& s, const input_info& i, std::string_view text, std::string_view key = {});

/// A choice input's names as "a, b or c".
[[nodiscard]] std::string choice_list(const input_info& i);

/// Whether `s` sets input `i` (a plain bool flag is set when true).
[[nodiscard]] bool input_is_set(const scenario& s, const input_info& i);

/// `to`'s input `i` becomes `from`'s where `from` sets it (a text, mix or flag input is
/// copied as it is, set or not). Ranges are not copied.
void copy_input(scenario& to, const scenario& from, const input_info& i);

/// The inputs as a Markdown table (docs/inputs.md): name, CLI flag, aliases, unit,
/// limits, range, help.
[[nodiscard]] std::string inputs_markdown();

/// Drops every input of the table's group "Site" from `s` (region, provider, site_kind,
/// pue, wue, intensity, mix, ewif, cfe, ownership, energy) and their ranges.
void drop_site(scenario& s);

/// `base` with every input that `overrides` sets replaced: the one rule of which input
/// wins (docs/inputs.md "Which input wins"), for a preset, a scenario file, flags,
/// Python keywords and the page's fields alike. When `overrides` sets any workload
/// input, all of `base`'s inputs of the table's group "Workload" are dropped first, so a
/// preset's GPU-hours never conflict with a user's --flops. When `overrides` says where
/// the run is or what its grid is (scenario::has_site()), all of `base`'s "Site" inputs
/// are dropped first, so a preset's published intensity and PUE never stay behind a
/// user's --region. Other inputs (pue, wue, ewif, cfe, ownership alone) refine `base`.
/// A value set by `overrides` replaces base's range for it; overrides' own ranges come
/// with their values.
[[nodiscard]] scenario merge(scenario base, const scenario& overrides);

}  // namespace trainprint::inline v0
