#pragma once
#include "scenario_options.hpp"

namespace trainprint::cli {
struct validate_options {
  std::string format = "table";  ///< table|json|md
  bool calibration = false;      ///< print data/calibration.json refitted from the catalog's runs
};
/// Adds --format.
void setup_validate(CLI::App& app, validate_options& o);
/// Returns the text for stdout: published vs reproduce and predict estimates of
/// every preset with reported outputs, and the median absolute errors.
std::string run_validate(const validate_options& o, const global_options& g);
}  // namespace trainprint::cli
