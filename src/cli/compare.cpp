// trainprint compare: one scenario across several values of one input, ranked.

#include "command.hpp"

#include "trainprint/compare.hpp"
#include "trainprint/format.hpp"
#include "trainprint/render.hpp"
#include "trainprint/report.hpp"
#include "trainprint/sweep.hpp"

namespace trainprint::cli {

namespace {

struct compare_options {
  scenario_options scenario;
  std::string across;  ///< KEY=V1,V2,…
  std::string sort = "emissions";
  output_format format = output_format::table;
};

void setup(CLI::App& app, compare_options& o) {
  add_scenario_options(app, o.scenario);
  add_across_options(app, o.across, o.sort, "region=FR,PL,US-VA or count=256,512");
  add_format_option(app, o.format,
                    {output_format::table, output_format::json, output_format::csv, output_format::md, output_format::svg},
                    "svg: the emissions chart");
}

std::string run(const compare_options& o, const global_options& g) {
  const catalog& cat = load_catalog(g);
  const sweep_axis axis = parse_axis(o.across, "across");
  const comparison c = compare(to_scenario(o.scenario, cat), axis.key, axis.values, cat, parse_rank_by(o.sort));
  if (o.format == output_format::json) return to_json_text(c, 2) + "\n";
  if (o.format == output_format::csv) return render_comparison_csv(c);
  if (o.format == output_format::md) return render_comparison_markdown(c, cat);
  if (o.format == output_format::svg) return render_comparison_svg(c);
  return render_comparison_table(c, cat);
}

}  // namespace

void add_compare(CLI::App& app, context& ctx) {
  auto o = std::make_shared<compare_options>();
  auto* sub = app.add_subcommand("compare", "The same run across several values of one input, ranked best first");
  setup(*sub, *o);
  sub->callback([o, &ctx] { *ctx.out = run(*o, ctx.global); });
}

}  // namespace trainprint::cli
