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
#include <cstdint>
#include <cstdlib>
#include <cstring>
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

#if defined(__SIZEOF_INT128__)
/// printf's "%.<precision>g" by integer arithmetic (the fast path of to_chars_general).
namespace general_text {
__extension__ typedef unsigned __int128 u128;  // GCC and Clang
/// 10^k, k ≤ 38 (10^38 < 2^127).
inline constexpr auto pow10 = [] {
  struct table {
    u128 v[39];
  } t{};
  t.v[0] = 1;
  for (int k = 1; k < 39; ++k) t.v[k] = t.v[k - 1] * 10;
  return t;
}();
/// A rough 10^k as a double, k in [-24, 40] (at index k + 24): only a first guess of
/// the decimal exponent, corrected exactly in write().
inline constexpr auto pow10_guess = [] {
  struct table {
    double v[65];
  } t{};
  double x = 1;
  for (int k = 0; k <= 40; ++k, x *= 10) t.v[k + 24] = x;
  x = 1;
  for (int k = 0; k <= 24; ++k, x /= 10) t.v[24 - k] = x;
  return t;
}();

/// "00" to "99".
inline constexpr char digit_pairs[] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

/// q = floor(f·2^e·10^k) exactly, and how the rest compares with one half (−1, 0, +1).
/// False where the exact product does not fit in 128 bits.
inline bool scale(std::uint64_t f, int e, int k, u128& q, int& half) {
  if (k >= 0) {
    if (k > 22) return false;  // f·10^k < 2^53·2^74 = 2^127
    const u128 m = u128(f) * pow10.v[k];
    if (e >= 0) {
      if (e > 127 || (e > 0 && (m >> (127 - e)) != 0)) return false;
      q = m << e;
      half = -1;
      return true;
    }
    const int s = -e;
    if (s > 127) return false;
    q = m >> s;
    const u128 rest = m & ((u128(1) << s) - 1), h = u128(1) << (s - 1);
    half = rest < h ? -1 : rest == h ? 0 : 1;
    return true;
  }
  const int j = -k;
  if (j > 38) return false;
  u128 num = f, den = pow10.v[j];
  if (e >= 0) {
    if (e > 74) return false;  // f·2^e < 2^127
    num <<= e;
  } else {
    if (-e > 127 || (den >> (127 + e)) != 0) return false;
    den <<= -e;
  }
  if ((num >> 64) == 0 && (den >> 64) == 0) {  // 64-bit division where it suffices (most numbers)
    const auto n64 = static_cast<std::uint64_t>(num), d64 = static_cast<std::uint64_t>(den);
    const std::uint64_t r = n64 % d64;
    q = n64 / d64;
    half = r < d64 - r ? -1 : r == d64 - r ? 0 : 1;
    return true;
  }
  q = num / den;
  const u128 rest = num % den;
  half = rest < den - rest ? -1 : rest == den - rest ? 0 : 1;
  return true;
}

/// "%.<p>g" of a normal, finite `v` into [first, last), 1 ≤ p ≤ 17: the p-digit
/// rounding (ties to even) of v's exact binary value, as printf and std::to_chars
/// write it. nullptr where v is outside the reach of 128-bit arithmetic (about
/// 1e-22 to 1e38) or the text does not fit; the caller then uses the library's.
inline char* write(char* first, char* last, double v, int p) {
  std::uint64_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  const int biased = static_cast<int>((bits >> 52) & 0x7ff);
  if (biased == 0 || biased == 0x7ff || p < 1 || p > 17) return nullptr;
  const std::uint64_t f = (bits & ((std::uint64_t(1) << 52) - 1)) | (std::uint64_t(1) << 52);
  const int e = biased - 1075;
  const double a = v < 0 ? -v : v;
  int x = ((biased - 1023) * 78913) >> 18;  // floor(log10(2^(biased−1023))): x or x − 1
  if (x < -24 || x > 39) return nullptr;
  if (a >= pow10_guess.v[x + 25]) ++x;
  // x is the decimal exponent when 10^(p−1) ≤ floor(a·10^(p−1−x)) < 10^p: checked exactly.
  u128 q = 0;
  int half = 0;
  for (int tries = 0;; ++tries) {
    if (tries == 3 || !scale(f, e, p - 1 - x, q, half)) return nullptr;
    if (q >= pow10.v[p]) ++x;
    else if (q < pow10.v[p - 1]) --x;
    else break;
  }
  if (half > 0 || (half == 0 && (q & 1) != 0)) ++q;
  if (q == pow10.v[p]) q = pow10.v[p - 1], ++x;  // 9.99…5 rounds up to 10
  char d[18];
  auto n = static_cast<std::uint64_t>(q);
  int left = p;
  for (; left >= 2; left -= 2, n /= 100) std::memcpy(d + left - 2, digit_pairs + 2 * (n % 100), 2);  // two a step
  if (left == 1) d[0] = static_cast<char>('0' + n);
  int nd = p;  // significant digits, trailing zeros dropped as %g drops them
  while (nd > 1 && d[nd - 1] == '0') --nd;
  char buf[32];
  char* o = buf;
  if (v < 0) *o++ = '-';
  if (x < p && x >= -4) {  // fixed: p − 1 − x decimals, trailing zeros dropped
    if (x >= 0) {
      for (int i = 0; i <= x; ++i) *o++ = i < nd ? d[i] : '0';
      if (nd > x + 1) {
        *o++ = '.';
        for (int i = x + 1; i < nd; ++i) *o++ = d[i];
      }
    } else {
      *o++ = '0';
      *o++ = '.';
      for (int i = 0; i < -x - 1; ++i) *o++ = '0';
      for (int i = 0; i < nd; ++i) *o++ = d[i];
    }
  } else {  // scientific: d[.ddd]e±XX
    *o++ = d[0];
    if (nd > 1) {
      *o++ = '.';
      for (int i = 1; i < nd; ++i) *o++ = d[i];
    }
    *o++ = 'e';
    *o++ = x < 0 ? '-' : '+';
    const int ax = x < 0 ? -x : x;
    if (ax >= 100) *o++ = static_cast<char>('0' + ax / 100);
    *o++ = static_cast<char>('0' + ax / 10 % 10);
    *o++ = static_cast<char>('0' + ax % 10);
  }
  const auto size = o - buf;
  if (size > last - first) return nullptr;
  std::memcpy(first, buf, static_cast<std::size_t>(size));
  return first + size;
}
}  // namespace general_text
#endif

/// printf's "%.<precision>g" of `v` into [first, last): std::to_chars(..., general, precision).
inline char* to_chars_general(char* first, char* last, double v, int precision) {
#if defined(__SIZEOF_INT128__)
  // Exact integer arithmetic where it reaches: the same text, in a fraction of the
  // time (tests/unit/charconv.test.cpp compares it with std::to_chars; bench/RESULTS.md).
  if (char* end = general_text::write(first, last, v, precision)) return end;
#endif
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
