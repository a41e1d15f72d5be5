// Parsers for numbers as people type them (see include/trainprint/parse.hpp).

#include "trainprint/parse.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <string>

#include "trainprint/error.hpp"
#include "trainprint/detail/charconv.hpp"
#include "text.hpp"

namespace trainprint::inline v0 {
namespace {

std::string quoted(std::string_view t) {
  std::string s(t.substr(0, 60));
  if (t.size() > 60) s += "...";
  return "'" + s + "'";
}

std::string_view trim(std::string_view t) {
  while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) t.remove_prefix(1);
  while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.remove_suffix(1);
  return t;
}

/// Parses a plain decimal or scientific number filling all of `t`.
bool plain(std::string_view t, double& out) {
  if (t.empty()) return false;
  if (t.front() == '+') t.remove_prefix(1);
  const char* end = t.data() + t.size();
  return detail::from_chars_all(t.data(), end, out) && std::isfinite(out);
}

}  // namespace

double parse_number(std::string_view text, std::string_view what) {
  return parse_number(text, what, "a number with an optional suffix k, M, B (or G), T, P, E, e.g. 7B, 2T, 70e9");
}

double parse_number(std::string_view text, std::string_view what, std::string_view expected_in) {
  const std::string_view t = trim(text);
  const std::string expected = "expected " + std::string(expected_in);
  if (t.empty()) throw unit_error(std::string(what), "got '', " + expected);
  double scale = 1;
  std::string_view digits = t;
  // Lower case as in model names (OPT-125m, Llama-2-7b): m is a million, never milli. Only
  // k, m, b, t: a lower-case g or p reads as a unit (400g), e as the exponent's.
  switch (t.back()) {
    case 'k': case 'K': scale = 1e3; break;
    case 'm': case 'M': scale = 1e6; break;
    case 'b': case 'B': case 'G': scale = 1e9; break;
    case 't': case 'T': scale = 1e12; break;
    case 'P': scale = 1e15; break;
    case 'E': scale = 1e18; break;
    default: break;
  }
  if (scale != 1) digits.remove_suffix(1);
  double v = 0;
  if (!plain(digits, v)) throw unit_error(std::string(what), "got " + quoted(text) + ", " + expected);
  v *= scale;
  if (!std::isfinite(v)) throw unit_error(std::string(what), "got " + quoted(text) + ", a number that overflows");
  return v;
}

namespace {
/// Hours per duration unit; 0 when `u` (lower-cased) is not a unit. A month is a twelfth
/// of the 365-day year used for "y" (730 h), so 12mo == 1y.
double hours_per_unit(std::string_view u) {
  struct unit { std::string_view name; double hours; };
  static constexpr unit units[] = {
      {"min", 1.0 / 60}, {"mins", 1.0 / 60}, {"minute", 1.0 / 60}, {"minutes", 1.0 / 60},
      {"h", 1},          {"hr", 1},          {"hrs", 1},           {"hour", 1},          {"hours", 1},
      {"d", 24},         {"day", 24},        {"days", 24},
      {"w", 168},        {"wk", 168},        {"wks", 168},         {"week", 168},        {"weeks", 168},
      {"mo", 730},       {"mos", 730},       {"month", 730},       {"months", 730},
      {"y", 8760},       {"yr", 8760},       {"yrs", 8760},        {"year", 8760},       {"years", 8760},
  };
  for (const auto& x : units)
    if (x.name == u) return x.hours;
  return 0;
}
}  // namespace

hours parse_duration(std::string_view text, std::string_view what) {
  const std::string_view t = trim(text);
  const std::string expected =
      "expected a positive duration such as 90min, 36h, 30d, 2w, 3mo or 1y (unit words too: 5 days, 3 months; "
      "a bare number is hours)";
  if (t.empty()) throw unit_error(std::string(what), "got '', " + expected);
  // The unit: the trailing letters, lower-cased, after optional spaces.
  std::size_t k = t.size();
  while (k > 0 && std::isalpha(static_cast<unsigned char>(t[k - 1]))) --k;
  std::string unit(t.substr(k));
  text::lower_in_place(unit);
  const std::string_view digits = trim(t.substr(0, k));
  double v = 0;
  const bool number = plain(digits, v);
  if (unit == "m" && number)  // 3m: minutes to some, months to others
    throw unit_error(std::string(what), "got " + quoted(text) + ", which is ambiguous: write " + std::string(digits) +
                                            "min for minutes or " + std::string(digits) + "mo for months");
  double per_unit = unit.empty() ? 1 : hours_per_unit(unit);  // a bare number is hours
  // "1e5" ends in no letter, but "1e" alone is no unit: plain() has read the exponent.
  if (per_unit == 0 || !number || v <= 0)
    throw unit_error(std::string(what), "got " + quoted(text) + ", " + expected);
  const double h = v * per_unit;  // 1e308y overflows, 1e-320min underflows to 0
  if (!std::isfinite(h)) throw unit_error(std::string(what), "got " + quoted(text) + ", a number that overflows");
  if (h <= 0) throw unit_error(std::string(what), "got " + quoted(text) + ", " + expected);
  return hours(h);
}

double parse_ratio(std::string_view text, std::string_view what) {
  std::string_view t = trim(text);
  const std::string expected = "expected a fraction such as 0.4 or a percentage such as 40%";
  bool percent = false;
  if (!t.empty() && t.back() == '%') {
    percent = true;
    t.remove_suffix(1);
  }
  double v = 0;
  if (!plain(trim(t), v)) throw unit_error(std::string(what), "got " + quoted(text) + ", " + expected);
  return percent ? v / 100 : v;  // v / 100, not v × 0.01: "35%" must equal 0.35 exactly
}

energy_mix parse_mix(std::string_view text) {
  energy_mix m;
  std::string_view rest = trim(text);
  const std::string expected = "expected source=share pairs such as coal=0.3,gas=0.4,wind=0.3";
  if (rest.empty()) throw unit_error("mix", "got '', " + expected);
  while (!rest.empty()) {
    const auto comma = rest.find(',');
    const std::string_view item = trim(rest.substr(0, comma));
    rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
    const auto eq = item.find('=');
    if (eq == std::string_view::npos || eq == 0)
      throw unit_error("mix", "got " + quoted(item) + ", " + expected);
    const std::string id(trim(item.substr(0, eq)));
    m.shares.emplace_back(id, parse_ratio(item.substr(eq + 1), "mix." + id));
  }
  return m;
}

}  // namespace trainprint::inline v0
