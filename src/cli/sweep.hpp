#pragma once
#include <cstdio>

#include "scenario_options.hpp"

namespace trainprint::cli {
struct sweep_options {
  scenario_options scenario;
  std::vector<std::string> vary;  ///< KEY=V1,V2,… each
  std::string format = "csv";
};
/// Adds the scenario flags, --vary (repeatable) and --format.
void setup_sweep(CLI::App& app, sweep_options& o);
/// Appends the rows to `out`; once `out` holds more than a few MiB it is written
/// to `stream` and cleared, so huge sweeps run in bounded memory. Throws
/// trainprint::error on bad input (before any row for bad values).
void run_sweep(const sweep_options& o, const global_options& g, std::string& out, std::FILE* stream);
}  // namespace trainprint::cli
