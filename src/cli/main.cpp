// trainprint — the command-line tool. Each subcommand parses its flags, calls one
// library function and prints. Exit codes: 0 ok, 1 bad input or data, 2 usage.
// On failure nothing goes to stdout.

#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>

#include "estimate.hpp"
#include "trainprint/catalog.hpp"
#include "trainprint/error.hpp"
#include "trainprint/version.hpp"

namespace {

/// "did you mean" for a flag CLI11 did not expect.
std::string suggest_flag(const CLI::App& app, int argc, char** argv) {
  std::vector<std::string> names;
  const CLI::App* sub = &app;
  for (const auto* s : app.get_subcommands())
    if (s->parsed()) sub = s;
  for (const auto* opt : sub->get_options())
    for (const auto& n : opt->get_lnames()) names.push_back("--" + n);
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a.rfind("--", 0) != 0) continue;
    a = a.substr(0, a.find('='));
    if (std::find(names.begin(), names.end(), a) != names.end()) continue;
    auto close = trainprint::closest_ids(a, names, 1);
    if (!close.empty()) return "; did you mean " + close[0] + "?";
  }
  return {};
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"trainprint — energy, carbon and water of training ML models"};
  app.set_version_flag("--version", std::string("trainprint ") + trainprint::version);
  app.require_subcommand(1);
  trainprint::cli::global_options g;
  app.add_option("--data", g.data_files, "Overlay a catalog file on the embedded data (repeatable)");

  trainprint::cli::estimate_options est;
  auto* estimate = app.add_subcommand("estimate", "Estimate one training run");
  trainprint::cli::setup_estimate(*estimate, est);

  std::string out;
  try {
    app.parse(argc, argv);
    if (estimate->parsed()) out = trainprint::cli::run_estimate(est, g);
  } catch (const CLI::CallForHelp&) {
    std::cout << app.help();
    return 0;
  } catch (const CLI::CallForAllHelp&) {
    std::cout << app.help("", CLI::AppFormatMode::All);
    return 0;
  } catch (const CLI::CallForVersion&) {
    std::cout << app.version() << "\n";
    return 0;
  } catch (const CLI::ExtrasError& e) {
    std::cerr << "trainprint: " << e.what() << suggest_flag(app, argc, argv) << "\n";
    return 2;
  } catch (const CLI::ParseError& e) {
    std::cerr << "trainprint: " << e.what() << "\n";
    return 2;
  } catch (const trainprint::error& e) {
    std::cerr << "trainprint: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "trainprint: internal error: " << e.what() << "\n";
    return 1;
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return std::fflush(stdout) == 0 ? 0 : 1;
}
