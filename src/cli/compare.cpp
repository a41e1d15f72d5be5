// trainprint compare: one scenario across several values of one input, ranked.

#include "compare.hpp"

#include "trainprint/compare.hpp"
#include "trainprint/format.hpp"
#include "trainprint/render.hpp"
#include "trainprint/report.hpp"
#include "trainprint/sweep.hpp"

namespace trainprint::cli {

void setup_compare(CLI::App& app, compare_options& o) {
  add_scenario_options(app, o.scenario);
  add_across_options(app, o.across, o.sort, "region=FR,PL,US-VA or count=256,512");
  app.add_option("--format", o.format, "table|json|csv|md|svg (default table; svg: the emissions chart)")
      ->check(CLI::IsMember({"table", "json", "csv", "md", "svg"}))
      ->group("Output");
}

std::string run_compare(const compare_options& o, const global_options& g) {
  const catalog& cat = load_catalog(g);
  const sweep_axis axis = parse_axis(o.across, "across");
  const comparison c = compare(to_scenario(o.scenario, cat), axis.key, axis.values, cat, parse_rank_by(o.sort));
  if (o.format == "json") return to_json_text(c, 2) + "\n";
  if (o.format == "csv") return render_comparison_csv(c);
  if (o.format == "md") return render_comparison_markdown(c, cat);
  if (o.format == "svg") return render_comparison_svg(c);
  return render_comparison_table(c, cat);
}

}  // namespace trainprint::cli
