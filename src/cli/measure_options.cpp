// The measurement-file flags (measure_options.hpp).

#include "measure_options.hpp"

#include <cmath>

#include "trainprint/error.hpp"
#include "trainprint/parse.hpp"

namespace trainprint::cli {

measure_options window_flags::options() const {
  measure_options o;
  o.skip_bad_lines = skip_bad_lines;
  auto edge = [](const std::optional<std::string>& text, const char* name) -> std::optional<window_edge> {
    if (!text) return std::nullopt;
    if (auto e = parse_window_edge(*text)) return e;
    throw input_error(name, *text, "seconds (12.5) or a timestamp (2024/05/01 12:00:05.5)");
  };
  o.from = edge(from, "from");
  o.to = edge(to, "to");
  if (interval_ms) {
    const double ms = parse_number(*interval_ms, "interval_ms", "a number of milliseconds, e.g. 1000");
    if (!(ms > 0) || !std::isfinite(ms))
      throw input_error("interval_ms", *interval_ms, "a positive number of milliseconds (dcgmi dmon's -d/--delay)");
    o.interval_s = ms / 1000;
  }
  return o;
}

void add_window_options(CLI::App& app, window_flags& w, const std::string& group, const std::string& prefix) {
  app.add_option("--" + prefix + "from", w.from,
                 "Window start: seconds on the log's clock (after its first reading for a timestamped log) or a "
                 "timestamp")
      ->group(group);
  app.add_option("--" + prefix + "to", w.to, "Window end: seconds or a timestamp")->group(group);
  app.add_option("--" + prefix + "interval-ms", w.interval_ms,
                 "Milliseconds between readings of a log without times: dcgmi dmon's -d/--delay")
      ->group(group);
  app.add_flag("--" + prefix + "skip-bad-lines", w.skip_bad_lines,
               "Skip unparsable or impossible lines (their count is printed) instead of failing")
      ->group(group);
}

}  // namespace trainprint::cli
