#pragma once
/// \file detail/charconv.hpp
/// Floating-point std::to_chars / std::from_chars where the standard library has
/// them (libstdc++ 11+: __cpp_lib_to_chars), and the same text from the C library
/// where it does not (Emscripten 3.1's libc++, for the browser calculator), so the
/// numbers and messages are the same in every build.

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <system_error>
#include <version>

namespace trainprint::inline v0::detail {

/// The C library's to_chars_general (below): printf's "%.<precision>g".
inline char* c_to_chars_general(char* first, char* last, double v, int precision) {
  const int n = std::snprintf(first, static_cast<std::size_t>(last - first), "%.*g", precision, v);
  return first + (n < 0 ? 0 : std::min<std::ptrdiff_t>(n, last - first - 1));
}

/// The C library's to_chars_shortest (below).
inline char* c_to_chars_shortest(char* first, char* last, double v) {
  char sci[40];
  int p = 1;
  for (; p < 17; ++p) {  // the fewest significant digits that read back exactly
    std::snprintf(sci, sizeof sci, "%.*e", p - 1, v);
    if (std::strtod(sci, nullptr) == v) break;
  }
  std::snprintf(sci, sizeof sci, "%.*e", p - 1, v);
  std::string s(sci);
  const auto e = s.find('e');
  const int exp = std::atoi(s.c_str() + e + 1);
  std::string mant = s.substr(0, e), sign;
  if (mant[0] == '-') sign = "-", mant.erase(0, 1);
  std::string digits = mant;
  if (digits.size() > 1) digits.erase(1, 1);  // "1.25" -> "125"
  // Scientific as std::to_chars writes it: d[.ddd]e±XX (two exponent digits at least).
  std::string expo = std::to_string(std::abs(exp));
  if (expo.size() < 2) expo.insert(0, "0");
  const std::string scientific = sign + mant + "e" + (exp < 0 ? "-" : "+") + expo;
  std::string fixed;
  const int n = static_cast<int>(digits.size());
  if (exp >= n - 1)
    fixed = digits + std::string(static_cast<std::size_t>(exp - (n - 1)), '0');
  else if (exp >= 0)
    fixed = digits.substr(0, static_cast<std::size_t>(exp + 1)) + "." + digits.substr(static_cast<std::size_t>(exp + 1));
  else
    fixed = "0." + std::string(static_cast<std::size_t>(-exp - 1), '0') + digits;
  fixed = sign + fixed;
  const std::string& out = scientific.size() < fixed.size() ? scientific : fixed;
  const std::size_t k = std::min(out.size(), static_cast<std::size_t>(last - first));
  out.copy(first, k);
  return first + k;
}

/// The C library's from_chars_all (below).
inline bool c_from_chars_all(const char* first, const char* last, double& out) {
  // The grammar from_chars reads: -? digits [. digits] [(e|E) [+-] digits], or inf/nan.
  const std::string t(first, last);
  std::size_t i = t.size() > 0 && t[0] == '-' ? 1 : 0;
  const std::string rest = t.substr(i);
  if (rest == "inf" || rest == "INF" || rest == "infinity" || rest == "nan" || rest == "NAN") {
    out = std::strtod(t.c_str(), nullptr);
    return true;
  }
  auto digits = [&] {
    const std::size_t s = i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
    return i - s;
  };
  std::size_t mantissa = digits();
  if (i < t.size() && t[i] == '.') {
    ++i;
    mantissa += digits();
  }
  if (mantissa == 0) return false;
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
    if (digits() == 0) return false;
  }
  if (i != t.size()) return false;
  const double v = std::strtod(t.c_str(), nullptr);
  if (std::isinf(v)) return false;  // out of range: from_chars gives result_out_of_range
  out = v;
  return true;
}

/// printf's "%.<precision>g" of `v` into [first, last): std::to_chars(..., general, precision).
inline char* to_chars_general(char* first, char* last, double v, int precision) {
#if defined(__cpp_lib_to_chars)
  return std::to_chars(first, last, v, std::chars_format::general, precision).ptr;
#else
  return c_to_chars_general(first, last, v, precision);
#endif
}

/// The shortest text that reads back as `v`, fixed or scientific, whichever is
/// shorter (fixed on a tie): std::to_chars(first, last, v). Finite `v` only.
inline char* to_chars_shortest(char* first, char* last, double v) {
#if defined(__cpp_lib_to_chars)
  return std::to_chars(first, last, v).ptr;
#else
  return c_to_chars_shortest(first, last, v);
#endif
}

/// Reads all of [first, last) as a decimal or scientific number (no leading '+' or
/// space, no hex): std::from_chars(..., general). False unless all of it is one number.
inline bool from_chars_all(const char* first, const char* last, double& out) {
#if defined(__cpp_lib_to_chars)
  const auto r = std::from_chars(first, last, out, std::chars_format::general);
  return r.ec == std::errc{} && r.ptr == last;
#else
  return c_from_chars_all(first, last, out);
#endif
}

}  // namespace trainprint::inline v0::detail
