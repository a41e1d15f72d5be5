#pragma once
#include "scenario_options.hpp"

namespace trainprint::cli {
struct estimate_options {
  scenario_options scenario;
  std::string format = "table";
  bool explain = false;
  bool uncertainty = false;
  std::optional<std::string> samples, seed, threads;
};
/// Adds the scenario flags, --format and --explain.
void setup_estimate(CLI::App& app, estimate_options& o);
/// Returns the text for stdout; throws trainprint::error on bad input.
std::string run_estimate(const estimate_options& o, const global_options& g);
}  // namespace trainprint::cli
