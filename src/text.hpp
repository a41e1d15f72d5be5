#pragma once
// Private text helpers shared by every renderer (format.cpp, report*.cpp,
// inputs.cpp) and every reader that ignores case (the catalog's lookups, the parsers
// of units and words): ASCII case, joining, display width and padding, aligned text
// tables, Markdown escaping and tables, and unit steps for readable magnitudes. Each
// exists once.

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace trainprint::inline v0::text {

// --- ASCII case ---
// Ids, units, choices and words are ASCII: their case is folded without the locale
// (std::tolower is a libc call per character, and in a process whose locale is not "C",
// as Python's, it may fold bytes of UTF-8 text too).

/// `s` with its first byte in upper case when it is an ASCII letter a-z (a note that
/// starts a sentence in one place and follows a colon in another).
inline std::string capitalised(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}
/// `c` in lower case when it is an ASCII capital A-Z; any other byte as it is.
constexpr char lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

/// `s` with its ASCII capitals in lower case, in place.
inline void lower_in_place(std::string& s) {
  for (auto& c : s) c = lower_ascii(c);
}

/// `s` with its ASCII capitals in lower case.
inline std::string lower(std::string_view s) {
  std::string r(s);
  lower_in_place(r);
  return r;
}

/// Whether `a` and `b` are the same text, ASCII case ignored.
constexpr bool equal_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower_ascii(a[i]) != lower_ascii(b[i])) return false;
  return true;
}

/// The indefinite article for `word` as it is read aloud: "an" before a vowel sound, else
/// "a". A word whose first part (up to a space, '-' or ':') has a digit or is in capitals
/// is read letter by letter ("an H100", "an MI250X", "an IDRIS", "a GCP", "a v3"); any other
/// by its first letter ("an aws", "an on-premises room", "a laptop"; "a unit", "a user").
constexpr std::string_view indefinite_article(std::string_view word) {
  if (word.empty()) return "a";
  const std::size_t end = std::min(word.find_first_of(" -:"), word.size());
  bool digit = false, capitals = end > 1;
  for (std::size_t i = 0; i < end; ++i) {
    digit = digit || (word[i] >= '0' && word[i] <= '9');
    capitals = capitals && !(word[i] >= 'a' && word[i] <= 'z');
  }
  const char c = lower_ascii(word[0]);
  if (digit || capitals)  // letter names that start with a vowel sound: A E F H I L M N O R S X
    return std::string_view("aefhilmnorsx").find(c) != std::string_view::npos ? "an" : "a";
  const std::string_view w = word.substr(0, end);
  if (c == 'u')  // "a unit", "a user", but "an unknown"
    for (std::string_view yoo : {"uni", "use", "usu", "uti", "ura"})
      if (w.size() >= 3 && equal_ignoring_case(w.substr(0, 3), yoo)) return "a";
  return std::string_view("aeiou").find(c) != std::string_view::npos ? "an" : "a";
}

/// `word` after its indefinite article: "an aws", "a laptop" (indefinite_article()).
inline std::string with_article(std::string_view word) {
  return std::string(indefinite_article(word)) + " " + std::string(word);
}

/// `v` joined with `sep`.
inline std::string join(const std::vector<std::string>& v, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < v.size(); ++i) out += (i ? std::string(sep) : std::string{}) + v[i];
  return out;
}

/// Display width of UTF-8 text (code points; enough for ×, ³ and —).
inline std::size_t width(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char ch : s)
    if ((ch & 0xC0) != 0x80) ++n;
  return n;
}
/// `s` right-aligned in `w` columns.
inline std::string pad_left(std::string_view s, std::size_t w) {
  const std::size_t n = width(s);
  return (n < w ? std::string(w - n, ' ') : std::string{}) + std::string(s);
}
/// `s` left-aligned in `w` columns.
inline std::string pad_right(std::string_view s, std::size_t w) {
  const std::size_t n = width(s);
  return std::string(s) + (n < w ? std::string(w - n, ' ') : std::string{});
}

/// A text table: aligned columns, a header row, right-aligned where `right`;
/// trailing spaces trimmed.
inline std::string table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
                         const std::vector<bool>& right, std::string_view indent = "  ") {
  std::vector<std::size_t> w(header.size());
  for (std::size_t i = 0; i < header.size(); ++i) w[i] = width(header[i]);
  for (const auto& r : rows)
    for (std::size_t i = 0; i < r.size(); ++i) w[i] = std::max(w[i], width(r[i]));
  auto line = [&](const std::vector<std::string>& r) {
    std::string out(indent);
    for (std::size_t i = 0; i < r.size(); ++i) {
      const bool last = i + 1 == r.size();
      out += right[i] ? pad_left(r[i], w[i]) : (last ? r[i] : pad_right(r[i], w[i]));
      if (!last) out += "  ";
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  std::string out = line(header);
  for (const auto& r : rows) out += line(r);
  return out;
}

// --- Markdown ---

/// Escapes the characters Markdown reads as markup: \ ` * _ [ ] < > and | (table cells).
inline std::string md_escape(std::string_view s) {
  std::string r;
  for (char ch : s) {
    if (std::string_view("\\`*_[]<>|").find(ch) != std::string_view::npos) r += '\\';
    r += ch;
  }
  return r;
}

/// `s` as inline code: ` becomes ', | is escaped for table cells.
inline std::string md_code(std::string_view s) {
  std::string r;
  for (char ch : s) {
    if (ch == '`') ch = '\'';
    if (ch == '|') r += '\\';
    r += ch;
  }
  return "`" + r + "`";
}

/// One table row of cells that are already Markdown.
inline std::string md_row(const std::vector<std::string>& cells) {
  std::string r = "|";
  for (const auto& c : cells) r += " " + c + " |";
  return r + "\n";
}
/// The rule under a header row: ---: where `right`, :--- elsewhere.
inline std::string md_rule(const std::vector<bool>& right) {
  std::string r = "|";
  for (bool b : right) r += b ? " ---: |" : " :--- |";
  return r + "\n";
}
/// A Markdown table of cells that are already Markdown (escape plain text with md_escape).
inline std::string md_table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
                            const std::vector<bool>& right) {
  std::string out = md_row(header) + md_rule(right);
  for (const auto& r : rows) out += md_row(r);
  return out;
}

// --- numbers and units ---

/// 3 significant digits, without an exponent for 0.01 <= |x| < `exponent_from`
/// ("0.0123", "4.06", "78.7", "6345"); "{:.3g}" outside ("1.23e+06").
inline std::string three_digits(double x, double exponent_from = 1000) {
  const double ax = std::abs(x);
  if (ax == 0) return "0";
  if (ax >= exponent_from || ax < 0.01) return fmt::format("{:.3g}", x);
  const char* spec = ax >= 100 ? "{:.0f}" : ax >= 10 ? "{:.1f}" : ax >= 1 ? "{:.2f}" : ax >= 0.1 ? "{:.3f}" : "{:.4f}";
  return fmt::format(fmt::runtime(spec), x);
}

/// A unit and its size in the base unit ("MWh" = 1e3 kWh).
struct step {
  double factor;
  const char* unit;
};

/// Energy in kWh, emissions in kg CO2e, durations in hours.
inline constexpr std::array<step, 5> energy_steps{{{1e-3, "Wh"}, {1, "kWh"}, {1e3, "MWh"}, {1e6, "GWh"}, {1e9, "TWh"}}};
inline constexpr std::array<step, 5> emission_steps{
    {{1e-3, "g CO2e"}, {1, "kg CO2e"}, {1e3, "t CO2e"}, {1e6, "kt CO2e"}, {1e9, "Mt CO2e"}}};
inline constexpr std::array<step, 3> hour_steps{{{1, "h"}, {24, "days"}, {24 * 365, "years"}}};

/// The largest step in which |v| >= 1 (the first for tiny values); for 0, step `zero_step`.
inline const step& pick(double v, std::span<const step> steps, std::size_t zero_step = 0) {
  if (v == 0) return steps[std::min(zero_step, steps.size() - 1)];
  const step* chosen = &steps[0];
  for (const auto& s : steps)
    if (std::abs(v) >= s.factor) chosen = &s;
  return *chosen;
}

}  // namespace trainprint::inline v0::text
