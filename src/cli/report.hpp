#pragma once
#include "scenario_options.hpp"

namespace trainprint::cli {
struct report_options {
  scenario_options scenario;
  std::string across;  ///< KEY=V1,V2,…
  std::string sort = "emissions";
  std::string format = "html";
  std::string output;  ///< "" = stdout
  std::string title;
  bool uncertainty = false;
  std::optional<std::string> samples, seed, threads;
};
/// Adds the scenario flags, --across, --format, -o, --title and the uncertainty flags.
void setup_report(CLI::App& app, report_options& o);
/// Returns the document for stdout, or writes it (and a Markdown report's charts)
/// to --output and returns ""; throws trainprint::error on bad input.
std::string run_report(const report_options& o, const global_options& g);
}  // namespace trainprint::cli
