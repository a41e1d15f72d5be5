// The dcgmi dmon reader. See include/trainprint/measure.hpp and docs/methodology.md §7.1.
//
// The layout, from NVIDIA's DCGM (Apache-2.0): the reference page of `dcgmi dmon`
// (docs.nvidia.com/datacenter/dcgm/latest/reference/command-line-reference/dcgmi/dcgmi-dmon.html:
// one row per entity each --delay milliseconds, --count samples) and the source that
// prints it (github.com/NVIDIA/DCGM, dcgmi/DeviceMonitor.cpp, SetHeaderForOutput and
// PrintMetricsRow): a header "#Entity" followed by each field's short name, a unit line
// "ID" followed by each field's unit, both printed again every 14 samples; each row the
// entity ("GPU 0", "GPU-I 1", ...) and one value per field, doubles with three decimals
// and "N/A" for a blank value. Field 155, DCGM_FI_DEV_POWER_USAGE, is a double named
// "POWER" in "W" (dcgmlib/src/dcgm_fields.cpp). The output has no times: dmon sleeps
// --delay after each read, so reading k of an entity is taken to be at k × the delay.

#include <fmt/format.h>

#include <map>

#include "measure_internal.hpp"
#include "text.hpp"

namespace trainprint::inline v0::measure_detail {
namespace {

/// Splits on runs of spaces and tabs.
std::vector<std::string_view> words(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
    const std::size_t b = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') ++i;
    if (i > b) out.push_back(line.substr(b, i - b));
  }
  return out;
}

}  // namespace

measurement read_dcgm_dmon(std::string_view text, const std::string& file, const measure_options& o) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // a UTF-8 BOM
  // The first header: "#Entity" and the fields' short names.
  std::size_t header_line = 0;
  std::vector<std::string_view> header;
  {
    std::size_t pos = 0, number = 0;
    while (pos < text.size() && header.empty()) {
      const auto end = text.find('\n', pos);
      const auto line = text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
      pos = end == std::string_view::npos ? text.size() : end + 1;
      ++number;
      auto w = words(line);
      if (!w.empty() && w.front() == "#Entity") {
        header = std::move(w);
        header_line = number;
      } else if (!w.empty()) {
        break;
      }
    }
  }
  if (header.empty()) throw measure_error(file, 1, "dcgmi dmon output without its '#Entity' header");
  std::size_t power = 0;
  for (std::size_t k = 1; k < header.size(); ++k)
    if (header[k] == "POWER") power = k;
  if (!power)
    throw measure_error(file, header_line,
                        "dcgmi dmon output without a POWER column; run dcgmi dmon -e 155 (power usage, W)");
  if (!o.interval_s)
    throw measure_error(file, 0,
                        "dcgmi dmon output has no times: give the interval it sampled at (its -d/--delay, in ms, "
                        "as --interval-ms)");
  if (!(*o.interval_s > 0) || !std::isfinite(*o.interval_s))
    throw input_error("interval_ms", g(*o.interval_s * 1000), "a positive number of milliseconds");
  if ((o.from && o.from->timestamp) || (o.to && o.to->timestamp))
    throw measure_error(file, 0,
                        "dcgmi dmon output has no timestamps: give the window in seconds after its first reading");
  const std::size_t fields = header.size() - 1;  // "#Entity" names the entity's two words
  line_reader in{text, file, o.skip_bad_lines};
  std::vector<power_sample> samples;
  std::map<std::string, std::size_t, std::less<>> seen;  // readings per entity so far
  std::size_t headers = 0;
  std::string_view line;
  while (in.next(line)) {  // the repeated "#Entity" headers are skipped as # lines
    const auto w = words(line);
    if (w.front() == "ID") {  // the unit line under each header
      ++headers;
      continue;
    }
    if (w.size() >= 2 && w[0] == "dmon" && w[1] == "was") break;  // "dmon was stopped ... signal"
    if (w.size() != fields + 2) {
      in.bad(fmt::format("{} words, expected {} (an entity such as 'GPU 0' and {} value(s) as in the header)",
                         w.size(), fields + 2, fields));
      continue;
    }
    const std::string_view v = w[power + 1];
    const auto watts = to_double(v);
    if (!watts) {
      in.bad(fmt::format("POWER: got '{}', expected watts such as 69.452{}", v,
                         v == "N/A" ? " (DCGM had no reading)" : ""));
      continue;
    }
    if (const auto why = watts_problem(*watts); !why.empty()) {
      in.bad(why);
      continue;
    }
    std::string device = std::string(w[0]) + " " + std::string(w[1]);
    auto [it, fresh] = seen.try_emplace(device, 0);
    samples.push_back({static_cast<double>(it->second++) * *o.interval_s, *watts, std::move(device), in.number});
  }
  if (samples.empty()) throw measure_error(file, 0, "no readings after the '#Entity' header");
  measurement m = integrate_power(samples, o, file);
  m.format = "dcgmi-dmon";
  m.skipped_lines = in.skipped;
  m.notes.push_back(fmt::format(
      "dcgmi dmon prints no times: reading k of each entity is taken at k × {} ms; dmon sleeps that long after each "
      "read, so the real interval is a little longer and this energy a little low",
      g(*o.interval_s * 1000)));
  if (headers > 1) m.notes.push_back(fmt::format("the header repeats {} times (dmon prints it every 14 samples)", headers));
  if (fields > 1) {
    std::vector<std::string> other;
    for (std::size_t k = 1; k < header.size(); ++k)
      if (k != power) other.emplace_back(header[k]);
    m.notes.push_back("columns not used: " + text::join(other, ", "));
  }
  return m;
}

}  // namespace trainprint::inline v0::measure_detail
