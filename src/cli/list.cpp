// trainprint list: browse one catalog table.

#include "command.hpp"

#include "trainprint/catalog_json.hpp"
#include "trainprint/format.hpp"

namespace trainprint::cli {

namespace {
struct list_options {
  std::string table;  ///< hardware|systems|regions|providers|sources|presets|equivalents
  std::string filter;
  output_format format = output_format::table;
};
}  // namespace

void setup_list(CLI::App& app, list_options& o) {
  app.add_option("table", o.table,
                 "hardware|systems|regions|providers|sources|presets|equivalents (none: the list of tables)")
      ->check(CLI::IsMember(catalog_tables()));
  app.add_option("--filter", o.filter, "Only entries whose id, name or alias contains TEXT (case-insensitive)");
  add_format_option(app, o.format, {output_format::table, output_format::json, output_format::csv});
}

std::string run_list(const list_options& o, const global_options& g) {
  if (o.table.empty()) {  // `trainprint list` alone: the tables there are, in the format asked for
    const auto& tables = catalog_tables();
    std::string out = o.format == output_format::json  ? "["
                      : o.format == output_format::csv ? "table\n"
                                                       : "The catalog's tables (list one with: trainprint list TABLE):\n";
    for (std::size_t k = 0; k < tables.size(); ++k) {
      if (o.format == output_format::json) out += (k ? ", \"" : "\"") + tables[k] + "\"";  // ids: no escaping needed
      else out += (o.format == output_format::csv ? "" : "  ") + tables[k] + "\n";
    }
    return o.format == output_format::json ? out + "]\n" : out;
  }
  return render_catalog_table(load_catalog(g), o.table, o.format, o.filter);
}

void add_list(CLI::App& app, context& ctx) {
  add_command<list_options>(app, ctx, "list", "List a catalog table: hardware, regions, providers, sources, presets, ...", setup_list, run_list);
}

}  // namespace trainprint::cli
