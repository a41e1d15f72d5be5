#pragma once
#include "scenario_options.hpp"

namespace trainprint::cli {
struct show_options {
  std::string id;  ///< any catalog id or alias
  std::string format = "table";
};
/// Adds the ID argument and --format.
void setup_show(CLI::App& app, show_options& o);
/// Returns the text for stdout; throws unknown_key_error with suggestions.
std::string run_show(const show_options& o, const global_options& g);
}  // namespace trainprint::cli
