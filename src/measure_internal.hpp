#pragma once
// Internal to the measurement readers (src/measure.cpp, src/measure_dcgm.cpp): line
// and field splitting, numbers, bad-line handling. Not installed.

#include <fmt/format.h>

#include <cctype>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "trainprint/detail/charconv.hpp"
#include "trainprint/measure.hpp"
#include "text.hpp"

namespace trainprint::inline v0::measure_detail {

inline std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

using text::lower;

/// Splits one line into trimmed fields; quoted fields keep their delimiters and take ""
/// for a quote. nullopt when a quote is left open.
inline std::optional<std::vector<std::string>> split_fields(std::string_view line, char delim) {
  std::vector<std::string> out;
  std::string cur;
  bool quoted = false, was_quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < line.size() && line[i + 1] == '"') {
          cur += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        cur += c;
      }
    } else if (c == '"' && trim(cur).empty()) {
      quoted = was_quoted = true;
      cur.clear();
    } else if (c == delim) {
      out.emplace_back(was_quoted ? cur : std::string(trim(cur)));
      cur.clear();
      was_quoted = false;
    } else {
      cur += c;
    }
  }
  if (quoted) return std::nullopt;
  out.emplace_back(was_quoted ? cur : std::string(trim(cur)));
  return out;
}

/// The whole text as a finite double; nullopt otherwise.
inline std::optional<double> to_double(std::string_view s) {
  s = trim(s);
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  double v = 0;
  if (s.empty() || !detail::from_chars_all(s.data(), s.data() + s.size(), v) || !std::isfinite(v)) return std::nullopt;
  return v;
}

inline std::string g(double v) { return fmt::format("{:g}", v); }

/// Reads lines, reporting or skipping bad ones.
struct line_reader {
  std::string_view text;
  const std::string& file;
  bool skip;
  std::size_t pos = 0, number = 0, skipped = 0;
  /// The next line that is neither blank nor a # comment; false at the end.
  bool next(std::string_view& line) {
    while (pos < text.size()) {
      const auto end = text.find('\n', pos);
      line = text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
      pos = end == std::string_view::npos ? text.size() : end + 1;
      ++number;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (number == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);  // UTF-8 BOM
      const auto t = trim(line);
      if (t.empty() || t.front() == '#') continue;
      return true;
    }
    return false;
  }
  /// A bad line: skipped (and counted) when asked, else an error naming the line.
  void bad(const std::string& detail) {
    if (!skip) throw measure_error(file, number, detail + " (pass --skip-bad-lines to skip such lines)");
    ++skipped;
  }
};

/// Checks a watts reading; the error text or "".
inline std::string watts_problem(double w) {
  if (!std::isfinite(w)) return "watts: got a non-finite value, expected a finite number of watts";
  if (w < 0 || w > max_sample_watts)
    return fmt::format("watts: got {}, expected 0 <= watts <= {} (per device)", g(w), g(max_sample_watts));
  return {};
}

/// A dcgmi dmon log (its text starts with "#Entity"): power samples on a clock rebuilt
/// from options.interval_s. src/measure_dcgm.cpp.
[[nodiscard]] measurement read_dcgm_dmon(std::string_view text, const std::string& file, const measure_options& options);

}  // namespace trainprint::inline v0::measure_detail
