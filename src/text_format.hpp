#pragma once
// text::format: fmt::format with its double arguments written by std::to_chars where the
// spec is "g" or ".Ng" (printf's %g, fmt's default precision 6 included), through
// detail::to_chars_general, which uses printf where the standard library lacks a
// floating-point to_chars (the browser build). The text is the
// same as fmt's, byte for byte (both round the exact binary value correctly; checked on
// 26 million values, specials and ties included), and costs a fraction of the instructions:
// fmt 9 writes a double at a given precision by Dragon4 bignum arithmetic (1.2k–4.6k
// instructions a number, against 0.3k–0.7k). A full-trace estimate writes some forty
// numbers into its trace and notes (bench/RESULTS.md, issues 13 and 14). Any other spec
// of a double ("{}", "{:.0f}", a width) goes to fmt's own formatter. Private to the library.

#include <fmt/format.h>

#include "trainprint/detail/charconv.hpp"

#include <charconv>
#include <iterator>
#include <string>
#include <type_traits>
#include <utility>

namespace trainprint::inline v0::text {

/// A double for text::format (below): written by std::to_chars where fmt would write the same.
struct general_double {
  double value;
};

/// A double argument as general_double; any other argument as it is.
template <class T>
using format_arg_t = std::conditional_t<std::is_same_v<std::remove_cvref_t<T>, double>, general_double, T>;
template <class T>
constexpr decltype(auto) format_arg(T&& a) {
  if constexpr (std::is_same_v<std::remove_cvref_t<T>, double>)
    return general_double{a};
  else
    return std::forward<T>(a);
}

/// fmt::format(f, args...), its doubles written by std::to_chars (see above). The format
/// string is checked at compile time as fmt's is.
template <class... Args>
std::string format(fmt::format_string<format_arg_t<Args>...> f, Args&&... args) {
  return fmt::vformat(f, fmt::make_format_args(format_arg(std::forward<Args>(args))...));
}

}  // namespace trainprint::inline v0::text

template <>
struct fmt::formatter<trainprint::text::general_double> : fmt::formatter<double> {
  int precision = -1;  ///< the spec is "g" (6) or ".Ng" (N, at most 17): written by std::to_chars; else -1

  constexpr auto parse(format_parse_context& ctx) {
    auto it = ctx.begin();
    const auto end = ctx.end();
    int p = 6;
    if (it != end && *it == '.') {
      p = 0;
      for (++it; it != end && *it >= '0' && *it <= '9'; ++it) p = p * 10 + (*it - '0');
    }
    if (it != end && *it == 'g' && (it + 1 == end || it[1] == '}') && p >= 1 && p <= 17) precision = p;
    return fmt::formatter<double>::parse(ctx);
  }

  auto format(trainprint::text::general_double x, format_context& ctx) const {
    if (precision < 0) return fmt::formatter<double>::format(x.value, ctx);
    char buf[48];  // %.17g of any double: at most 24 characters
    char* end = trainprint::detail::to_chars_general(buf, std::end(buf), x.value, precision);
    return std::copy(buf, end, ctx.out());
  }
};
