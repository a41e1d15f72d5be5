// trainprint compare: one scenario across several values of one input, ranked.

#include "command.hpp"

#include "trainprint/compare.hpp"
#include "trainprint/format.hpp"
#include "trainprint/sweep.hpp"

namespace trainprint::cli {

namespace {

struct compare_options : across_options {
  output_format format = output_format::table;
  uncertainty_flags uncertainty;
};

void setup(CLI::App& app, compare_options& o) {
  add_across_options(app, o, "region=FR,PL,US-VA or count=256,512");
  add_format_option(app, o.format,
                    {output_format::table, output_format::json, output_format::csv, output_format::md, output_format::svg},
                    "svg: the emissions chart");
  add_uncertainty_options(app, o.uncertainty, "Monte Carlo for every option: a 90% interval beside each number");
}

std::string run(const compare_options& o, const global_options& g) {
  const catalog& cat = load_catalog(g);
  const auto in = to_across(o, cat);
  const auto u = o.uncertainty.options();
  comparison c = compare_across(in, cat, in.sort, u ? &*u : nullptr);
  spell_for_cli(c);
  return render(c, o.format, cat);
}

}  // namespace

void add_compare(CLI::App& app, context& ctx) {
  add_command<compare_options>(app, ctx, "compare", "The same run across several values of one input, ranked best first", setup, run);
}

}  // namespace trainprint::cli
