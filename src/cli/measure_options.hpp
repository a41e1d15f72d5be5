#pragma once
// The flags that choose how a measurement file is read (measure, and estimate's
// --measured and --pilot): the window and whether bad lines are skipped.

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

#include "trainprint/measure.hpp"

namespace trainprint::cli {

/// --from, --to, --interval-ms and --skip-bad-lines as typed.
struct window_flags {
  std::optional<std::string> from, to, interval_ms;
  bool skip_bad_lines = false;
  /// The options they give; throws input_error for an edge that is neither seconds nor a
  /// timestamp, or an interval that is not a positive number of milliseconds.
  [[nodiscard]] measure_options options() const;
};

/// Adds --from, --to, --interval-ms and --skip-bad-lines to `app` under `group`; `prefix` goes before
/// each flag's name ("pilot-" gives --pilot-from).
void add_window_options(CLI::App& app, window_flags& w, const std::string& group = "Measurement",
                        const std::string& prefix = "");

}  // namespace trainprint::cli
