#pragma once
// The subcommands. Each src/cli/<command>.cpp registers itself with one add_*
// function: it adds its subcommand, its options and a callback that runs it.
// main.cpp calls each add_* once.

#include <CLI/CLI.hpp>

#include <cstdio>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>

#include "scenario_options.hpp"
#include "trainprint/output_format.hpp"
#include "trainprint/uncertainty.hpp"

namespace trainprint::cli {

/// What every subcommand shares: the global options and where its output goes.
struct context {
  global_options global;
  std::string* out = nullptr;     ///< text for stdout
  std::FILE* stream = nullptr;    ///< where a long sweep flushes its rows
};

void add_estimate(CLI::App& app, context& ctx);
void add_compare(CLI::App& app, context& ctx);
void add_sweep(CLI::App& app, context& ctx);
void add_report(CLI::App& app, context& ctx);
void add_list(CLI::App& app, context& ctx);
void add_show(CLI::App& app, context& ctx);
void add_validate(CLI::App& app, context& ctx);
void add_data(CLI::App& app, context& ctx);
void add_measure(CLI::App& app, context& ctx);

/// Adds subcommand `name` with its options (an `Options`, alive as long as the
/// app) set up by `setup(CLI::App&, Options&)`; when parsed, its callback puts
/// `run(const Options&, const global_options&)`'s text in *ctx.out.
template <class Options, class Setup, class Run>
void add_command(CLI::App& app, context& ctx, const std::string& name, const std::string& about, Setup setup, Run run) {
  auto o = std::make_shared<Options>();
  auto* sub = app.add_subcommand(name, about);
  setup(*sub, *o);
  sub->callback([o, &ctx, run] { *ctx.out = run(*o, ctx.global); });
}

/// Adds --format to `app`, taking one of `choices` (the first is the default) into
/// `f`; `note` follows the default in the help ("svg: the emissions chart").
void add_format_option(CLI::App& app, output_format& f, std::initializer_list<output_format> choices,
                       const std::string& note = "");

/// --uncertainty, --samples, --seed and --threads as typed.
struct uncertainty_flags {
  bool on = false;
  std::optional<std::string> samples, seed, threads;
  /// The Monte Carlo options (any flag turns it on), or nullopt when none is given.
  /// Throws input_error for counts out of range.
  [[nodiscard]] std::optional<uncertainty_options> options() const;
};

/// Adds the uncertainty flags; `what` is the help of --uncertainty.
void add_uncertainty_options(CLI::App& app, uncertainty_flags& u, const std::string& what);

}  // namespace trainprint::cli
