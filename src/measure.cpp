// Measured energy: power samples integrated with the trapezoid rule, and the readers
// for the files people have. See include/trainprint/measure.hpp and
// docs/methodology.md §7.
//
// The CSV reader is our own small one (quoted fields, "" escapes, any one-character
// delimiter, trimmed fields, line numbers kept): Debian's libcsv would work, but it
// ships no CMake package, would become a link dependency of every consumer of the
// static library and of the WebAssembly build, and reports records, not lines.

#include "trainprint/measure.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "measure_internal.hpp"
#include "text.hpp"

namespace trainprint::inline v0 {
using namespace measure_detail;
namespace {

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
long long days_from_civil(long long y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long long>(doe) - 719468;
}

/// A time on a timestamped log's clock (seconds since 1970 on its own naive clock) as
/// ISO 8601, the inverse of parse_timestamp: 2024-05-01T12:00:05.5 (Howard Hinnant's
/// civil_from_days).
std::string iso_time(double t) {
  const double day = std::floor(t / 86400.0);
  double sec = t - day * 86400.0;
  long long z = static_cast<long long>(day) + 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const long long y = static_cast<long long>(yoe) + era * 400 + (m <= 2);
  const auto h = static_cast<int>(sec / 3600);
  sec -= h * 3600;
  const auto mi = static_cast<int>(sec / 60);
  sec -= mi * 60;
  std::string s = fmt::format("{:06.3f}", sec);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{}", y, m, d, h, mi, s);
}

/// A time of a log as a message shows it: ISO 8601 on a timestamped log, else seconds.
std::string shown_time(double t, bool timestamped) { return timestamped ? iso_time(t) : g(t) + " s"; }


/// One device's samples (times non-decreasing) and its cumulative trapezoid energy.
struct series {
  std::string device;
  std::vector<double> t, w;
};

/// The power of `s` at time x by linear interpolation (x within its span).
double power_at(const series& s, double x) {
  const auto it = std::upper_bound(s.t.begin(), s.t.end(), x);
  if (it == s.t.begin()) return s.w.front();
  if (it == s.t.end()) return s.w.back();
  const auto i = static_cast<std::size_t>(it - s.t.begin()) - 1;
  const double dt = s.t[i + 1] - s.t[i];
  return dt > 0 ? s.w[i] + (s.w[i + 1] - s.w[i]) * (x - s.t[i]) / dt : s.w[i + 1];
}

/// Trapezoid energy of `s` over [a, b] (clipped to its span).
double energy_between(const series& s, double a, double b) {
  a = std::max(a, s.t.front());
  b = std::min(b, s.t.back());
  if (b <= a) return 0;
  double e = 0;
  for (std::size_t i = 0; i + 1 < s.t.size(); ++i) {
    const double u = std::max(a, s.t[i]), v = std::min(b, s.t[i + 1]);
    if (v <= u) continue;
    e += (v - u) * (power_at(s, u) + power_at(s, v)) / 2;
  }
  return e;
}

}  // namespace

std::optional<double> parse_timestamp(std::string_view text) {
  text = trim(text);
  // YYYY?MM?DD[ T]HH:MM:SS[.fff]
  if (text.size() < 19) return std::nullopt;
  auto digits = [&](std::size_t at, std::size_t n) -> std::optional<int> {
    int v = 0;
    for (std::size_t k = at; k < at + n; ++k) {
      if (k >= text.size() || text[k] < '0' || text[k] > '9') return std::nullopt;
      v = v * 10 + (text[k] - '0');
    }
    return v;
  };
  const auto y = digits(0, 4), mo = digits(5, 2), d = digits(8, 2), h = digits(11, 2), mi = digits(14, 2),
             s = digits(17, 2);
  const char sep = text[4];
  if (!y || !mo || !d || !h || !mi || !s || (sep != '/' && sep != '-') || text[7] != sep ||
      (text[10] != ' ' && text[10] != 'T') || text[13] != ':' || text[16] != ':')
    return std::nullopt;
  if (*mo < 1 || *mo > 12 || *d < 1 || *d > 31 || *h > 23 || *mi > 59 || *s > 60) return std::nullopt;
  double frac = 0;
  std::string_view rest = text.substr(19);
  if (!rest.empty() && rest.front() == '.') {
    const auto f = to_double(std::string("0") + std::string(rest));
    if (!f) return std::nullopt;
    frac = *f;
  } else if (!rest.empty()) {
    return std::nullopt;
  }
  return static_cast<double>(days_from_civil(*y, static_cast<unsigned>(*mo), static_cast<unsigned>(*d))) * 86400.0 +
         *h * 3600.0 + *mi * 60.0 + *s + frac;
}

std::optional<window_edge> parse_window_edge(std::string_view text) {
  if (const auto v = to_double(text)) return window_edge{*v, false};
  if (const auto t = parse_timestamp(text)) return window_edge{*t, true};
  return std::nullopt;
}

namespace {
measurement integrate(std::span<const power_sample> samples, const measure_options& o, const std::string& file,
                      bool timestamped);
}  // namespace

measurement integrate_power(std::span<const power_sample> samples, const measure_options& o, const std::string& file) {
  return integrate(samples, o, file, false);
}

namespace {
/// integrate_power(), its messages showing times as ISO 8601 when the log is `timestamped`.
measurement integrate(std::span<const power_sample> samples, const measure_options& o, const std::string& file,
                      bool timestamped) {
  auto at = [&](double t) { return shown_time(t, timestamped); };
  if (samples.empty()) throw measure_error(file, 0, "no power samples; expected at least two readings per device");
  if (!(o.gap_factor > 1) || !std::isfinite(o.gap_factor))
    throw input_error("gap_factor", g(o.gap_factor), "a finite factor above 1");
  if (o.window_s && (!(*o.window_s > 0) || !std::isfinite(*o.window_s)))
    throw input_error("window_s", g(*o.window_s), "a positive number of seconds");
  // Group by device, in order of first appearance; times must not go back.
  std::vector<series> devs;
  std::map<std::string, std::size_t, std::less<>> index;
  std::vector<std::size_t> last_line;  // by device: the line of its latest reading
  std::size_t duplicates = 0;
  for (const auto& p : samples) {
    if (!std::isfinite(p.t_s)) throw measure_error(file, p.line, "time: got a non-finite value");
    if (const auto why = watts_problem(p.watts); !why.empty()) throw measure_error(file, p.line, why);
    auto [it, fresh] = index.try_emplace(p.device, devs.size());
    if (fresh) devs.push_back({p.device, {}, {}}), last_line.push_back(0);
    auto& s = devs[it->second];
    // Two readings of one device at one time: the same line logged twice (a logger that
    // wrote it again, two files joined) counts once; two different powers cannot both be right.
    if (!s.t.empty() && p.t_s == s.t.back()) {
      if (p.watts == s.w.back()) {
        ++duplicates;
        continue;
      }
      throw measure_error(file, p.line,
                          fmt::format("two readings of {} at the same time: {} W here, {} W on line {}; expected "
                                      "one reading per device and time",
                                      p.device.empty() ? "the device" : "device " + p.device, g(p.watts),
                                      g(s.w.back()), last_line[it->second]));
    }
    last_line[it->second] = p.line;
    if (!s.t.empty() && p.t_s < s.t.back())
      throw measure_error(file, p.line,
                          fmt::format("time goes backwards{}: {} after {}; expected readings in time order",
                                      p.device.empty() ? "" : " on device " + p.device, at(p.t_s), at(s.t.back())));
    s.t.push_back(p.t_s);
    s.w.push_back(p.watts);
  }
  double lo = devs.front().t.front(), hi = devs.front().t.back();
  for (const auto& s : devs) lo = std::min(lo, s.t.front()), hi = std::max(hi, s.t.back());
  if (!(hi > lo))
    throw measure_error(file, 0, "fewer than two readings at different times; expected a log of at least two");
  const double a = o.from ? o.from->value : lo, b = o.to ? o.to->value : hi;
  // A window edge given in seconds on a timestamped log counts from its first reading (lo).
  auto at_edge = [&](double t, const std::optional<window_edge>& e) {
    return timestamped && e && !e->timestamp ? fmt::format("{} s after the first reading ({})", g(t - lo), iso_time(t))
                                             : at(t);
  };
  if (!(b > a))
    throw measure_error(file, 0, fmt::format("empty window: from {} to {}; expected from < to", at_edge(a, o.from), at_edge(b, o.to)));

  measurement m;
  m.file = file;
  m.format = "samples";
  if (duplicates > 0)
    m.notes.push_back(fmt::format("{} duplicate reading{} (same device, time and power) counted once", duplicates,
                                  duplicates == 1 ? "" : "s"));
  m.start_s = std::max(a, lo);
  m.end_s = std::min(b, hi);
  std::vector<const series*> used;
  for (const auto& s : devs) {
    const double u = std::max(a, s.t.front()), v = std::min(b, s.t.back());
    if (s.t.size() < 2 || v <= u) {
      m.notes.push_back(fmt::format("device {}: {} in the window; left out", s.device.empty() ? "0" : s.device,
                                    s.t.size() < 2 ? "fewer than two readings" : "no readings"));
      continue;
    }
    device_energy d;
    d.device = s.device.empty() ? "0" : s.device;
    d.start_s = u;
    d.end_s = v;
    d.duration_s = v - u;
    std::vector<double> intervals;
    d.peak_w = std::max(power_at(s, u), power_at(s, v));
    for (std::size_t i = 0; i + 1 < s.t.size(); ++i) {
      const double p = std::max(u, s.t[i]), q = std::min(v, s.t[i + 1]);
      if (q < p || (q == p && s.t[i + 1] > s.t[i])) continue;
      intervals.push_back(s.t[i + 1] - s.t[i]);
      d.energy_j += (q - p) * (power_at(s, p) + power_at(s, q)) / 2;
      d.left_riemann_j += (q - p) * s.w[i];
      d.right_riemann_j += (q - p) * s.w[i + 1];
    }
    for (std::size_t i = 0; i < s.t.size(); ++i)
      if (s.t[i] >= u && s.t[i] <= v) {
        d.peak_w = std::max(d.peak_w, s.w[i]);
        ++d.samples;
      }
    std::vector<double> sorted = intervals;
    std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(sorted.size() / 2), sorted.end());
    d.median_interval_s = sorted[sorted.size() / 2];
    for (std::size_t i = 0; i + 1 < s.t.size(); ++i) {
      const double dt = s.t[i + 1] - s.t[i];
      const double p = std::max(u, s.t[i]), q = std::min(v, s.t[i + 1]);
      if (q > p && dt > o.gap_factor * d.median_interval_s) {
        ++d.gaps;
        d.gap_s += q - p;
        // Nothing was read inside the gap: the power there could have moved as far as the
        // readings around it do, over the gap's own time scale (one gap length either side).
        double lo_w = s.w[i], hi_w = s.w[i];
        for (std::size_t k = i + 1; k-- > 0 && s.t[k] >= s.t[i] - dt;) lo_w = std::min(lo_w, s.w[k]), hi_w = std::max(hi_w, s.w[k]);
        for (std::size_t k = i + 1; k < s.t.size() && s.t[k] <= s.t[i + 1] + dt; ++k)
          lo_w = std::min(lo_w, s.w[k]), hi_w = std::max(hi_w, s.w[k]);
        d.gap_bound_j += (q - p) * (hi_w - lo_w);
      }
    }
    d.average_w = d.energy_j / *d.duration_s;
    m.energy_j += d.energy_j;
    m.sampling_bound_j += std::abs(d.right_riemann_j - d.left_riemann_j) / 2;
    m.gaps += d.gaps;
    m.gap_s += d.gap_s;
    m.gap_bound_j += d.gap_bound_j;
    m.devices.push_back(std::move(d));
    used.push_back(&s);
  }
  if (used.empty())
    throw measure_error(file, 0,
                        fmt::format("empty window: no device has readings between {} and {} (the log spans {} to {})",
                                    at_edge(a, o.from), at_edge(b, o.to), at(lo), at(hi)));
  m.start_s = m.devices.front().start_s;
  m.end_s = m.devices.front().end_s;
  for (const auto& d : m.devices) m.start_s = std::min(m.start_s, d.start_s), m.end_s = std::max(m.end_s, d.end_s);
  m.duration_s = m.end_s - m.start_s;
  m.average_w = m.energy_j / *m.duration_s;  // > 0: every device kept has v > u
  m.device_count = m.devices.size();
  // The total draw at every sample time in the window (devices interpolated).
  std::vector<double> times;
  for (const auto* s : used)
    for (double t : s->t)
      if (t >= m.start_s && t <= m.end_s) times.push_back(t);
  std::sort(times.begin(), times.end());
  times.erase(std::unique(times.begin(), times.end()), times.end());
  for (double t : times) {
    double total = 0;
    for (std::size_t k = 0; k < used.size(); ++k)
      if (t >= m.devices[k].start_s && t <= m.devices[k].end_s) total += power_at(*used[k], t);
    m.peak_w = std::max(m.peak_w, total);
  }
  if (o.window_s) {
    const auto n = static_cast<std::size_t>(std::floor(*m.duration_s / *o.window_s));
    for (std::size_t k = 0; k < n; ++k) {
      const double wa = m.start_s + static_cast<double>(k) * *o.window_s, wb = wa + *o.window_s;
      double e = 0;
      for (const auto* s : used) e += energy_between(*s, std::max(wa, m.start_s), std::min(wb, m.end_s));
      m.window_average_w.push_back(e / *o.window_s);
    }
  }
  if (o.from && o.from->value < lo)
    m.notes.push_back(fmt::format("the window starts at {} s, before the first reading ({} s): nothing is extrapolated",
                                  g(o.from->value), g(lo)));
  if (o.to && o.to->value > hi)
    m.notes.push_back(fmt::format("the window ends at {} s, after the last reading ({} s): nothing is extrapolated",
                                  g(o.to->value), g(hi)));
  if (m.gaps)
    m.notes.push_back(fmt::format("{} gap(s), {} s in all: intervals over {} × the median interval, integrated as "
                                  "straight lines between the readings either side; gap bound ±{} J",
                                  m.gaps, g(m.gap_s), g(o.gap_factor), text::three_digits(m.gap_bound_j, 1e7)));
  return m;
}

/// A time column's value: seconds, or a timestamp (then `timestamped` is set).
std::optional<double> read_time(std::string_view v, bool& timestamped) {
  if (const auto x = to_double(v)) return x;
  if (const auto t = parse_timestamp(v)) {
    timestamped = true;
    return t;
  }
  return std::nullopt;
}

/// "81.60 W" or "81.6" as watts; nullopt when neither.
std::optional<double> read_watts(std::string_view v) {
  v = trim(v);
  if (v.size() > 1 && v.back() == 'W') {
    v.remove_suffix(1);
    v = trim(v);
  }
  return to_double(v);
}

/// The index of the first header cell equal to one of `names` (lower case, units
/// such as " [W]" ignored); -1 when none.
int column(const std::vector<std::string>& header, std::initializer_list<std::string_view> names) {
  for (std::string_view n : names)
    for (std::size_t i = 0; i < header.size(); ++i) {
      std::string h = lower(header[i]);
      if (const auto b = h.find(" ["); b != std::string::npos) h = h.substr(0, b);
      if (h == n) return static_cast<int>(i);
    }
  return -1;
}

constexpr std::string_view formats_expected =
    "expected a header of one of: nvidia-smi --query-gpu=timestamp,index,power.draw --format=csv; a CSV of "
    "t_s (or time_s, seconds) and watts (or power_w); CodeCarbon's emissions.csv (energy_consumed, duration); "
    "sacct -P with JobID and ConsumedEnergy (or ConsumedEnergyRaw); dcgmi dmon -e 155 output (#Entity ... POWER)";

/// Power samples from nvidia-smi's or a plain CSV.
measurement read_power_log(line_reader& in, const std::vector<std::string>& header, std::string_view header_line,
                           char delim, bool smi, const measure_options& o) {
  const int ti = smi ? column(header, {"timestamp"}) : column(header, {"t_s", "time_s", "seconds", "time", "timestamp"});
  const int wi = smi ? column(header, {"power.draw", "power.draw.average", "power.draw.instant"})
                     : column(header, {"watts", "power_w", "power_watts", "power", "w"});
  const int di = smi ? column(header, {"index", "pci.bus_id", "uuid"}) : column(header, {"device", "gpu", "index"});
  if (ti < 0)
    throw measure_error(in.file, in.number,
                        smi ? "nvidia-smi log without a timestamp column; query --query-gpu=timestamp,index,power.draw"
                            : "no time column; expected t_s (seconds), time_s, seconds or timestamp");
  if (wi < 0) throw measure_error(in.file, in.number, "no power column; expected watts or power_w");
  std::vector<std::string> ignored;
  for (std::size_t i = 0; i < header.size(); ++i)
    if (static_cast<int>(i) != ti && static_cast<int>(i) != wi && static_cast<int>(i) != di) ignored.push_back(header[i]);
  std::vector<power_sample> samples;
  std::map<std::string, double, std::less<>> last_t;
  bool timestamped = false;
  std::size_t restarts = 0;
  std::string_view line;
  while (in.next(line)) {
    if (trim(line) == trim(header_line)) {  // the logger started again, appending to the file
      ++restarts;
      continue;
    }
    const auto f = split_fields(line, delim);
    if (!f) {
      in.bad("an unclosed quote");
      continue;
    }
    if (f->size() != header.size()) {
      in.bad(fmt::format("{} fields, expected {} as in the header", f->size(), header.size()));
      continue;
    }
    const auto t = read_time((*f)[ti], timestamped);
    if (!t) {
      in.bad(fmt::format("{}: got '{}', expected seconds or a timestamp like 2024/05/01 12:00:00.123", header[ti],
                         (*f)[ti]));
      continue;
    }
    const auto w = read_watts((*f)[wi]);
    if (!w) {
      in.bad(fmt::format("{}: got '{}', expected watts such as 81.60 or 81.60 W", header[wi], (*f)[wi]));
      continue;
    }
    if (const auto why = watts_problem(*w); !why.empty()) {
      in.bad(why);
      continue;
    }
    std::string dev = di >= 0 ? (*f)[di] : std::string{};
    if (auto it = last_t.find(dev); it != last_t.end() && *t < it->second) {
      in.bad(fmt::format("time goes backwards{}: {} after {}; expected readings in time order",
                         dev.empty() ? "" : " on device " + dev, (*f)[ti],
                         timestamped ? iso_time(it->second) : g(it->second)));
      continue;
    }
    last_t[dev] = *t;
    samples.push_back({*t, *w, std::move(dev), in.number});
  }
  if (samples.empty()) throw measure_error(in.file, 0, "no readings after the header");
  measure_options w = o;
  if (timestamped) {  // plain seconds count from the first reading
    double first = samples.front().t_s;
    for (const auto& s : samples) first = std::min(first, s.t_s);
    if (w.from && !w.from->timestamp) w.from->value += first;
    if (w.to && !w.to->timestamp) w.to->value += first;
  } else if ((o.from && o.from->timestamp) || (o.to && o.to->timestamp)) {
    throw measure_error(in.file, 0, "the window is a timestamp but this log's time is in seconds; give seconds");
  }
  measurement m = integrate(samples, w, in.file, timestamped);
  m.format = smi ? "nvidia-smi" : "csv";
  m.restarts = restarts;
  if (restarts)
    m.notes.push_back(fmt::format("{} logger restart(s): the header appears again; the readings either side are "
                                  "joined by straight lines",
                                  restarts));
  if (!ignored.empty()) m.notes.push_back("columns not used: " + text::join(ignored, ", "));
  return m;
}

/// A Slurm ConsumedEnergy value: joules with an optional K, M, G, T or P (×1000 each,
/// as sacct prints them); nullopt when malformed.
std::optional<double> read_slurm_energy(std::string_view v) {
  v = trim(v);
  double scale = 1;
  if (!v.empty()) {
    static constexpr std::string_view suffixes = "KMGTP";
    if (const auto k = suffixes.find(v.back()); k != std::string_view::npos) {
      scale = std::pow(1000.0, static_cast<double>(k + 1));
      v.remove_suffix(1);
    }
  }
  const auto x = to_double(v);
  if (!x) return std::nullopt;
  return *x * scale;
}

/// Slurm's Elapsed: [DD-]HH:MM:SS, MM:SS or MM:SS.mmm, as seconds.
std::optional<double> read_elapsed(std::string_view v) {
  v = trim(v);
  double days = 0;
  if (const auto dash = v.find('-'); dash != std::string_view::npos) {
    const auto d = to_double(v.substr(0, dash));
    if (!d) return std::nullopt;
    days = *d;
    v.remove_prefix(dash + 1);
  }
  std::vector<double> parts;
  while (true) {
    const auto colon = v.find(':');
    const auto x = to_double(v.substr(0, colon));
    if (!x || *x < 0) return std::nullopt;
    parts.push_back(*x);
    if (colon == std::string_view::npos) break;
    v.remove_prefix(colon + 1);
  }
  if (parts.size() < 2 || parts.size() > 3) return std::nullopt;
  double s = 0;
  for (double p : parts) s = s * 60 + p;
  return days * 86400 + s;
}

void no_window(const line_reader& in, const measure_options& o, std::string_view what) {
  if (o.from || o.to)
    throw measure_error(in.file, 0,
                        std::string(what) + " holds energy totals, not a power log: --from/--to need a power log");
}

// An energy record's average power, where its file states a time (> 0).
std::optional<double> record_average(double energy_j, std::optional<double> duration_s) {
  if (!duration_s || !(*duration_s > 0)) return std::nullopt;
  return energy_j / *duration_s;
}

void finish_records(measurement& m) {
  for (auto& d : m.devices) {
    m.energy_j += d.energy_j;
    d.average_w = record_average(d.energy_j, d.duration_s);
    d.peak_w = d.average_w.value_or(0);
  }
  m.average_w = record_average(m.energy_j, m.duration_s);
  m.peak_w = 0;
  for (const auto& d : m.devices) m.peak_w = std::max(m.peak_w, d.peak_w);
  m.end_s = m.duration_s.value_or(0);
  m.from_samples = false;
}

measurement read_codecarbon(line_reader& in, const std::vector<std::string>& header, const measure_options& o) {
  no_window(in, o, "CodeCarbon's emissions.csv");
  const int ei = column(header, {"energy_consumed"}), ti = column(header, {"duration"});
  const int ri = column(header, {"run_id"}), ci = column(header, {"country_iso_code"}), gi = column(header, {"region"});
  const int ni = column(header, {"gpu_count"});
  if (ti < 0) throw measure_error(in.file, in.number, "CodeCarbon file without a duration column");
  measurement m;
  m.file = in.file;
  m.format = "codecarbon";
  std::string_view line;
  while (in.next(line)) {
    const auto f = split_fields(line, ',');
    if (!f || f->size() != header.size()) {
      in.bad(f ? fmt::format("{} fields, expected {} as in the header", f->size(), header.size()) : "an unclosed quote");
      continue;
    }
    const auto e = to_double((*f)[ei]);
    const auto t = to_double((*f)[ti]);
    if (!e || *e < 0) {
      in.bad(fmt::format("energy_consumed: got '{}', expected kWh >= 0", (*f)[ei]));
      continue;
    }
    if (!t || *t <= 0) {
      in.bad(fmt::format("duration: got '{}', expected seconds > 0", (*f)[ti]));
      continue;
    }
    device_energy d;
    d.device = ri >= 0 && !(*f)[ri].empty() ? (*f)[ri] : fmt::format("line {}", in.number);
    d.duration_s = *t;
    d.end_s = *t;
    d.energy_j = *e * 3.6e6;
    m.devices.push_back(std::move(d));
    m.duration_s = m.duration_s.value_or(0) + *t;
    if (ci >= 0 && !(*f)[ci].empty())
      m.location = (*f)[ci] + (gi >= 0 && !(*f)[gi].empty() ? "/" + (*f)[gi] : std::string{});
    if (ni >= 0)
      if (const auto n = to_double((*f)[ni]); n && *n >= 1 && *n == std::floor(*n))
        m.device_count = std::max(m.device_count, static_cast<std::size_t>(*n));
  }
  if (m.devices.empty()) throw measure_error(in.file, 0, "no runs after the header");
  finish_records(m);
  m.notes.emplace_back(
      "CodeCarbon's energy_consumed is CPU + GPU + RAM energy: the servers boundary (no facility overhead)");
  if (m.devices.size() > 1) m.notes.push_back(fmt::format("{} runs (rows) added up", m.devices.size()));
  return m;
}

measurement read_sacct(line_reader& in, const std::vector<std::string>& header, const measure_options& o) {
  no_window(in, o, "sacct output");
  const int ji = column(header, {"jobid"}), raw = column(header, {"consumedenergyraw"});
  const int ei = raw >= 0 ? raw : column(header, {"consumedenergy"});
  const int ti = column(header, {"elapsed"});
  if (ji < 0) throw measure_error(in.file, in.number, "sacct output without JobID; run sacct -P -o JobID,Elapsed,ConsumedEnergy");
  struct row {
    device_energy d;
    bool step;
  };
  std::vector<row> rows;
  std::size_t unrecorded = 0;
  std::string_view line;
  while (in.next(line)) {
    const auto f = split_fields(line, '|');
    if (!f || f->size() < header.size() || f->size() > header.size() + 1) {  // -p ends each line with a '|'
      in.bad(f ? fmt::format("{} fields, expected {} as in the header", f->size(), header.size()) : "an unclosed quote");
      continue;
    }
    if (trim((*f)[ei]).empty()) {
      ++unrecorded;
      continue;
    }
    const auto e = raw >= 0 ? to_double((*f)[ei]) : read_slurm_energy((*f)[ei]);
    if (!e || *e < 0) {
      in.bad(fmt::format("{}: got '{}', expected joules such as 123456, 12.5K or 3.2M", header[ei], (*f)[ei]));
      continue;
    }
    std::optional<double> t;
    if (ti >= 0) {
      t = read_elapsed((*f)[ti]);
      if (!t) {
        in.bad(fmt::format("Elapsed: got '{}', expected [DD-]HH:MM:SS", (*f)[ti]));
        continue;
      }
    }
    device_energy d;
    d.device = (*f)[ji];
    d.energy_j = *e;
    d.duration_s = t;  // nullopt without an Elapsed column
    d.end_s = t.value_or(0);
    rows.push_back({std::move(d), (*f)[ji].find('.') != std::string::npos});
  }
  // A job's own row holds its whole energy; its steps are parts of it. Use the jobs'
  // rows, or the steps where no job row has energy.
  bool jobs = false;
  for (const auto& r : rows) jobs = jobs || (!r.step && r.d.energy_j > 0);
  measurement m;
  m.file = in.file;
  m.format = "sacct";
  for (auto& r : rows)
    if (r.step != jobs) {
      if (r.d.duration_s)
        m.duration_s = jobs ? m.duration_s.value_or(0) + *r.d.duration_s
                            : std::max(m.duration_s.value_or(0), *r.d.duration_s);
      m.devices.push_back(std::move(r.d));
    }
  if (m.devices.empty()) throw measure_error(in.file, 0, "no job or step with a ConsumedEnergy value");
  finish_records(m);
  if (!(m.energy_j > 0))
    throw measure_error(in.file, 0,
                        "ConsumedEnergy is 0 in every row: energy accounting (AcctGatherEnergyType) is off for these jobs");
  if (!m.duration_s) m.notes.emplace_back("no Elapsed column: the duration and average power are unknown (give the time with --pilot-hours, or run sacct -P -o JobID,Elapsed,ConsumedEnergyRaw)");
  m.notes.push_back(jobs ? "the jobs' own rows (their steps are parts of them)" : "the job steps' rows added up");
  m.notes.emplace_back("Slurm's energy is what its AcctGatherEnergy plugin reads: whole nodes (servers boundary) for "
                       "IPMI or RAPL+GPU, check the cluster's plugin");
  if (unrecorded) m.notes.push_back(fmt::format("{} row(s) without ConsumedEnergy left out", unrecorded));
  return m;
}

}  // namespace

measurement read_measurement(std::string_view text, const std::string& file, const measure_options& o) {
  {
    // dcgmi dmon output starts with its "#Entity" header (read as a comment by the CSV readers).
    const auto first = text.substr(text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0);
    const auto start = first.find_first_not_of(" \t\r\n");
    if (start != std::string_view::npos && first.substr(start, 7) == "#Entity") return read_dcgm_dmon(text, file, o);
  }
  if (o.interval_s)
    throw measure_error(file, 0,
                        "--interval-ms is for dcgmi dmon output, which has no times; this file is read on its own "
                        "times (leave --interval-ms out)");
  line_reader in{text, file, o.skip_bad_lines};
  std::string_view header_line;
  if (!in.next(header_line)) throw measure_error(file, 0, "empty file; " + std::string(formats_expected));
  const char delim = header_line.find('|') != std::string_view::npos ? '|' : ',';
  const auto header = split_fields(header_line, delim);
  if (!header) throw measure_error(file, in.number, "an unclosed quote in the header");
  auto has = [&](std::initializer_list<std::string_view> names) { return column(*header, names) >= 0; };
  measurement m;
  if (delim == '|' && has({"consumedenergy", "consumedenergyraw"}))
    m = read_sacct(in, *header, o);
  else if (has({"energy_consumed"}))
    m = read_codecarbon(in, *header, o);
  else if (has({"power.draw", "power.draw.average", "power.draw.instant"}))
    m = read_power_log(in, *header, header_line, delim, true, o);
  else if (has({"t_s", "time_s", "seconds", "time", "timestamp"}) && has({"watts", "power_w", "power_watts", "power", "w"}))
    m = read_power_log(in, *header, header_line, delim, false, o);
  else
    throw measure_error(file, in.number,
                        fmt::format("unknown columns '{}'; {}", trim(header_line), formats_expected));
  m.skipped_lines = in.skipped;
  if (in.skipped) m.notes.push_back(fmt::format("{} bad line(s) skipped (--skip-bad-lines)", in.skipped));
  return m;
}

measurement read_measurement_file(const std::string& path, const measure_options& o) {
  std::ifstream f(path, std::ios::binary);
  if (!f) throw measure_error(path, 0, "cannot open the file");
  std::ostringstream ss;
  ss << f.rdbuf();
  return read_measurement(ss.str(), path, o);
}

std::string measurement_json(const measurement& m) {
  nlohmann::ordered_json j;
  j["file"] = m.file;
  j["format"] = m.format;
  j["device_count"] = m.device_count;
  // The fields a device and the total share (both have energy_j, duration_s, average_w
  // and the gap figures); an unknown duration and average are null.
  auto or_null = [](const std::optional<double>& v) {
    return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
  };
  auto energy_fields = [&](const auto& e) {
    nlohmann::ordered_json x;
    x["energy_j"] = e.energy_j;
    x["energy_kwh"] = e.energy_j / 3.6e6;
    x["duration_s"] = or_null(e.duration_s);
    x["average_w"] = or_null(e.average_w);
    return x;
  };
  auto gap_fields = [](nlohmann::ordered_json& x, const auto& e) {
    x["gaps"] = e.gaps;
    x["gap_s"] = e.gap_s;
    x["gap_bound_j"] = e.gap_bound_j;
  };
  auto total = energy_fields(m);
  // A record without a time (sacct without Elapsed) has no window either.
  const bool timed = m.from_samples || m.duration_s;
  total["start_s"] = timed ? nlohmann::ordered_json(m.start_s) : nlohmann::ordered_json(nullptr);
  total["end_s"] = timed ? nlohmann::ordered_json(m.end_s) : nlohmann::ordered_json(nullptr);
  if (m.from_samples) {
    total["peak_w"] = m.peak_w;
    total["sampling_bound_j"] = m.sampling_bound_j;
    gap_fields(total, m);
    total["bound_j"] = m.bound_j();
    total["restarts"] = m.restarts;
  }
  total["skipped_lines"] = m.skipped_lines;
  j["total"] = total;
  auto devs = nlohmann::ordered_json::array();
  for (const auto& d : m.devices) {
    nlohmann::ordered_json x;
    x["device"] = d.device;
    x.update(energy_fields(d));
    if (m.from_samples) {
      x["peak_w"] = d.peak_w;
      x["samples"] = d.samples;
      x["start_s"] = d.start_s;
      x["end_s"] = d.end_s;
      x["median_interval_s"] = d.median_interval_s;
      x["left_riemann_j"] = d.left_riemann_j;
      x["right_riemann_j"] = d.right_riemann_j;
      gap_fields(x, d);
    }
    devs.push_back(std::move(x));
  }
  j[m.from_samples ? "devices" : "records"] = std::move(devs);
  if (m.location) j["location"] = *m.location;
  if (!m.window_average_w.empty()) j["window_average_w"] = m.window_average_w;
  j["notes"] = m.notes;
  return j.dump(2) + "\n";
}

std::string measurement_table(const measurement& m) {
  auto f = [](double v) { return text::three_digits(v, 1e7); };
  auto maybe = [&](std::optional<double> v) { return v ? f(*v) : std::string("-"); };
  std::vector<std::vector<std::string>> rows;
  for (const auto& d : m.devices)
    rows.push_back({d.device, f(d.energy_j), f(d.energy_j / 3.6e6), maybe(d.duration_s), maybe(d.average_w),
                    m.from_samples ? f(d.peak_w) : "-", m.from_samples ? std::to_string(d.samples) : "-",
                    m.from_samples ? f(d.median_interval_s) : "-", m.from_samples ? std::to_string(d.gaps) : "-"});
  if (m.devices.size() > 1)
    rows.push_back({"total", f(m.energy_j), f(m.energy_kwh()), maybe(m.duration_s), maybe(m.average_w),
                    m.from_samples ? f(m.peak_w) : "-", "", "", m.from_samples ? std::to_string(m.gaps) : "-"});
  std::string out = fmt::format("{} ({})\n", m.file, m.format);
  out += text::table({m.from_samples ? "device" : "record", "energy J", "kWh", "duration s", "avg W", "peak W",
                      "samples", "interval s", "gaps"},
                     rows, {false, true, true, true, true, true, true, true, true});
  auto pct = [&](double j) { return m.energy_j > 0 ? 100 * j / m.energy_j : 0.0; };
  if (m.from_samples)
    out += fmt::format("sampling bound: ±{} J (±{:.2g}%): half the gap between the left and right Riemann sums\n",
                       f(m.sampling_bound_j), pct(m.sampling_bound_j));
  if (m.from_samples && m.gaps)
    out += fmt::format("gap bound: ±{} J (±{:.2g}%) over {} gap(s), {} s: each gap's length × the spread of the "
                       "readings within one gap length either side\nbound in all: ±{} J (±{:.2g}%)\n",
                       f(m.gap_bound_j), pct(m.gap_bound_j), m.gaps, f(m.gap_s), f(m.bound_j()), pct(m.bound_j()));
  if (m.location) out += "location: " + *m.location + "\n";
  for (const auto& n : m.notes) out += "note: " + n + "\n";
  return out;
}

}  // namespace trainprint::inline v0
