#pragma once
#include "scenario_options.hpp"

namespace trainprint::cli {
struct list_options {
  std::string table;  ///< hardware|systems|regions|providers|sources|presets|equivalents
  std::string filter;
  std::string format = "table";
};
/// Adds the TABLE argument, --filter and --format.
void setup_list(CLI::App& app, list_options& o);
/// Returns the text for stdout.
std::string run_list(const list_options& o, const global_options& g);
}  // namespace trainprint::cli
