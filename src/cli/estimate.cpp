// trainprint estimate: one estimate as a table, JSON, CSV or Markdown.

#include "estimate.hpp"

#include <cmath>

#include "trainprint/estimator.hpp"
#include "trainprint/format.hpp"
#include "trainprint/json.hpp"
#include "trainprint/parse.hpp"
#include "trainprint/uncertainty.hpp"

namespace trainprint::cli {

void setup_estimate(CLI::App& app, estimate_options& o) {
  add_scenario_options(app, o.scenario);
  app.add_option("--format", o.format, "table|json|csv|md (default table)")
      ->check(CLI::IsMember({"table", "json", "csv", "md"}))
      ->group("Output");
  app.add_flag("--explain", o.explain, "Print the trace: every input and intermediate with its origin and source")
      ->group("Output");
  const char* u = "Uncertainty";
  app.add_flag("--uncertainty", o.uncertainty,
               "Monte Carlo over every uncertain input: ranges (p5–p95) for every output; with --explain, the "
               "sensitivity (tornado) table. Give an input a range as low:high or low:mode:high, e.g. --mfu 0.35:0.45")
      ->group(u);
  app.add_option("--samples", o.samples, "Monte Carlo samples (default 10000; implies --uncertainty)")->group(u);
  app.add_option("--seed", o.seed, "Random seed: same seed, same numbers (default 42; implies --uncertainty)")->group(u);
  app.add_option("--threads", o.threads, "Threads for the Monte Carlo; the numbers do not depend on it (default 1)")
      ->group(u);
}


std::string run_estimate(const estimate_options& o, const global_options& g) {
  const catalog& cat = load_catalog(g);
  const auto u = uncertainty_options_of(o.uncertainty, o.samples, o.seed, o.threads);
  const scenario s = to_scenario(o.scenario, cat);
  const estimate e = u ? make_estimate(s, cat, *u) : make_estimate(s, cat);
  if (o.format == "json") return to_json_text(e, 2) + "\n";
  if (o.format == "csv") return render_csv(e);
  if (o.format == "md") return render_markdown(e, cat, o.explain);
  return render_table(e, cat, o.explain);
}

}  // namespace trainprint::cli
