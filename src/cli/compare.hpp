#pragma once
#include "scenario_options.hpp"

namespace trainprint::cli {
struct compare_options {
  scenario_options scenario;
  std::string across;  ///< KEY=V1,V2,…
  std::string sort = "emissions";
  std::string format = "table";
};
/// Adds the scenario flags, --across, --sort and --format.
void setup_compare(CLI::App& app, compare_options& o);
/// Returns the text for stdout; throws trainprint::error on bad input.
std::string run_compare(const compare_options& o, const global_options& g);
}  // namespace trainprint::cli
