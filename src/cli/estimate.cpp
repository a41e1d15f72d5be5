// trainprint estimate: one estimate as a table, JSON, CSV or Markdown, or as model-card metadata, a paper's
// paragraph (Markdown or LaTeX) or the EU AI Act's training fields.

#include "command.hpp"

#include <cmath>

#include "trainprint/estimator.hpp"
#include "trainprint/format.hpp"
#include "trainprint/parse.hpp"
#include "trainprint/uncertainty.hpp"

namespace trainprint::cli {

namespace {

struct estimate_options {
  scenario_options scenario;
  output_format format = output_format::table;
  bool explain = false;
  uncertainty_flags uncertainty;
};

void setup(CLI::App& app, estimate_options& o) {
  add_scenario_options(app, o.scenario);
  add_format_option(app, o.format,
                    {output_format::table, output_format::json, output_format::csv, output_format::md,
                     output_format::model_card, output_format::paper, output_format::latex, output_format::ai_act});
  app.add_flag("--explain", o.explain, "Print the trace: every input and intermediate with its origin and source")
      ->group("Output");
  add_uncertainty_options(app, o.uncertainty,
                          "Monte Carlo over every uncertain input: ranges (p5–p95) for every output; with --explain, "
                          "the sensitivity (tornado) table. Give an input a range as low:high or low:mode:high, e.g. "
                          "--mfu 0.35:0.45");
}

std::string run(const estimate_options& o, const global_options& g) {
  const catalog& cat = load_catalog(g);
  const auto u = o.uncertainty.options();
  const scenario s = to_scenario(o.scenario, cat);
  const estimate e = u ? make_estimate(s, cat, *u) : make_estimate(s, cat);
  return render(e, o.format, cat, o.explain);
}

}  // namespace

void add_estimate(CLI::App& app, context& ctx) {
  add_command<estimate_options>(app, ctx, "estimate", "Estimate one training run", setup, run);
}

}  // namespace trainprint::cli
