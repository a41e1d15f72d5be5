// trainprint estimate: one estimate as a table, JSON, CSV or Markdown.

#include "estimate.hpp"

#include "trainprint/estimator.hpp"
#include "trainprint/format.hpp"
#include "trainprint/json.hpp"

namespace trainprint::cli {

void setup_estimate(CLI::App& app, estimate_options& o) {
  add_scenario_options(app, o.scenario);
  app.add_option("--format", o.format, "table|json|csv|md (default table)")
      ->check(CLI::IsMember({"table", "json", "csv", "md"}))
      ->group("Output");
  app.add_flag("--explain", o.explain, "Print the trace: every input and intermediate with its origin and source")
      ->group("Output");
}

std::string run_estimate(const estimate_options& o, const global_options& g) {
  const catalog& cat = load_catalog(g);
  const estimate e = make_estimate(to_scenario(o.scenario, cat), cat);
  if (o.format == "json") return to_json_text(e, 2) + "\n";
  if (o.format == "csv") return render_csv(e);
  if (o.format == "md") return render_markdown(e, cat, o.explain);
  return render_table(e, cat, o.explain);
}

}  // namespace trainprint::cli
