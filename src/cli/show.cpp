// trainprint show: one catalog entry with every value and its sources.

#include "command.hpp"

#include "trainprint/format.hpp"

namespace trainprint::cli {

namespace {
struct show_options {
  std::string id;  ///< any catalog id or alias
  output_format format = output_format::table;
};
}  // namespace

void setup_show(CLI::App& app, show_options& o) {
  app.add_option("id", o.id, "A catalog id or alias: an accelerator, system, region, provider, energy source, preset or equivalent")
      ->required();
  add_format_option(app, o.format, {output_format::table, output_format::json});
}

std::string run_show(const show_options& o, const global_options& g) {
  return render_catalog_entry(load_catalog(g), o.id, o.format);
}

void add_show(CLI::App& app, context& ctx) {
  add_command<show_options>(app, ctx, "show", "Show one catalog entry (any id or alias) with its sources", setup_show, run_show);
}

}  // namespace trainprint::cli
