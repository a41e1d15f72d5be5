#pragma once
#include "scenario_options.hpp"
#include "trainprint/error.hpp"

namespace trainprint::cli {
struct data_check_options {
  std::vector<std::string> files;
};
/// Adds the `check FILE…` subcommand to `data`.
CLI::App* setup_data(CLI::App& data, data_check_options& o);
/// Checks each file as an overlay on its own fresh catalog (the embedded data and
/// the --data files). All good: "ok" lines for stdout. Any problem: throws
/// data_check_failed listing every problem, one per line.
std::string run_data_check(const data_check_options& o, const global_options& g);

/// One or more files failed the check; what() lists every problem.
class data_check_failed : public trainprint::error {
 public:
  using trainprint::error::error;
};
}  // namespace trainprint::cli
