// detail/charconv.hpp: the C-library fallbacks (used where the standard library has
// no floating-point to_chars/from_chars, as in the WebAssembly build) give the same
// text and the same numbers as std::to_chars/std::from_chars, checked here against
// the standard library's own (libstdc++ has them).
// The integer path of to_chars_general (general_text::write) is checked the same way.

#include <doctest/doctest.h>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "trainprint/detail/charconv.hpp"

namespace d = trainprint::detail;

namespace {
const std::vector<double> values{0.0,     -0.0,     1.0,       -1.0,     0.1,     0.5,    1.5,        2.0 / 3,
                                 1e-7,    1.25e-5,  123.456,   1e7,      1.2e7,   8e9,    1e13,       70e9,
                                 2e12,    1e15,     1.5e15,    123456789, 1e16,   1e21,   9007199254740992.0,
                                 1e300,   4.2e-300, 6.02214076e23, 299792458, 1234567890123.0, 100000000.0};
}  // namespace

TEST_CASE("charconv: the fallback's %g text is std::to_chars general with the same precision") {
  for (double v : values)
    for (int p : {6, 10, 15}) {
      char a[64], b[64];
      const auto ra = std::to_chars(a, a + sizeof a, v, std::chars_format::general, p);
      char* rb = d::c_to_chars_general(b, b + sizeof b, v, p);
      CHECK(std::string(a, ra.ptr) == std::string(b, rb));
    }
}

TEST_CASE("charconv: the fallback's shortest text is std::to_chars's (fixed or scientific, whichever is shorter)") {
  for (double v : values) {
    char a[64], b[64];
    const auto ra = std::to_chars(a, a + sizeof a, v);
    char* rb = d::c_to_chars_shortest(b, b + sizeof b, v);
    CHECK(std::string(a, ra.ptr) == std::string(b, rb));
  }
}

TEST_CASE("charconv: the fallback reads the numbers std::from_chars reads, and refuses the rest") {
  for (const std::string t : {"0", "-0", "7", "70e9", "1.5", ".5", "5.", "-2.5e-3", "1E6", "6.02214076e23", "1e+5"}) {
    double a = -1, b = -2;
    const auto r = std::from_chars(t.data(), t.data() + t.size(), a, std::chars_format::general);
    REQUIRE(r.ptr == t.data() + t.size());
    CHECK(d::c_from_chars_all(t.data(), t.data() + t.size(), b));
    CHECK(a == b);
  }
  // Not all of the text is one number (from_chars stops early or fails): refused.
  for (const std::string t : {"", "-", ".", "e5", "1e", "1e+", "+1", " 1", "1 ", "0x10", "7B", "1..2", "1e5.5", "--1"}) {
    double b = 0;
    CHECK_MESSAGE(!d::c_from_chars_all(t.data(), t.data() + t.size(), b), t);
  }
}

#if defined(__SIZEOF_INT128__)
TEST_CASE("charconv: to_chars_general's integer path writes std::to_chars's text at every precision") {
  // The oracle is the standard library's own %.<p>g. The values: random bit patterns
  // (every exponent; the path declines what it cannot reach and the library writes
  // those), powers of ten and their neighbours (the decimal exponent's edges), exact
  // ties (integers and halves: round half to even) and short decimals.
  std::uint64_t state = 0x9e3779b97f4a7c15ULL;
  auto next = [&] {  // splitmix64
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  };
  std::vector<double> vs(values);
  for (int i = 0; i < 10000; ++i) {
    const std::uint64_t bits = next();
    double v;
    std::memcpy(&v, &bits, sizeof v);
    if (std::isfinite(v)) vs.push_back(v);
    const double whole = static_cast<double>(next() % 100000000000ULL);
    vs.insert(vs.end(), {whole, whole + 0.5, whole / 1024, -whole * 0.25});
  }
  for (int k = -25; k <= 40; ++k) {
    const double t = std::pow(10.0, k);
    vs.insert(vs.end(), {t, std::nextafter(t, 0.0), std::nextafter(t, 1e300), t * 0.5, t * 5, t * 1.5, t * 9.5});
  }
  std::size_t integer_path = 0;
  for (double v : vs)
    for (int p = 1; p <= 17; ++p) {
      char a[64], b[64], c[64];
      const auto ra = std::to_chars(a, a + sizeof a, v, std::chars_format::general, p);
      char* rb = d::to_chars_general(b, b + sizeof b, v, p);
      if (d::general_text::write(c, c + sizeof c, v, p)) ++integer_path;
      REQUIRE_MESSAGE(std::string(a, ra.ptr) == std::string(b, rb), v, " at precision ", p);
    }
  CHECK(integer_path > vs.size() * 17 / 2);  // most took the integer path
  // Too little room: nothing written past `last` (the library's error then).
  char small[4];
  CHECK(d::general_text::write(small, small + sizeof small, 123.456, 6) == nullptr);
}
#endif
