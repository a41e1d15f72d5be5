// trainprint measure: a power log integrated, or an energy file read, as a table or JSON.

#include "command.hpp"

#include "measure_options.hpp"
#include "trainprint/measure.hpp"

namespace trainprint::cli {

namespace {

struct measure_cli_options {
  std::string file;
  window_flags window;
  output_format format = output_format::table;
};

void setup(CLI::App& app, measure_cli_options& o) {
  app.add_option("FILE", o.file,
                 "nvidia-smi CSV (--query-gpu=timestamp,index,power.draw --format=csv), a CSV of t_s and watts, "
                 "CodeCarbon's emissions.csv, or sacct -P output with ConsumedEnergy")
      ->required();
  add_window_options(app, o.window);
  add_format_option(app, o.format, {output_format::table, output_format::json});
}

std::string run(const measure_cli_options& o, const global_options&) {
  const measurement m = read_measurement_file(o.file, o.window.options());
  return o.format == output_format::json ? measurement_json(m) : measurement_table(m);
}

}  // namespace

void add_measure(CLI::App& app, context& ctx) {
  add_command<measure_cli_options>(app, ctx, "measure",
                                   "Energy of a power log (trapezoid over time) or of an energy file, per device and "
                                   "in total",
                                   setup, run);
}

}  // namespace trainprint::cli
