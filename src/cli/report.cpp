// trainprint report: a comparison as a self-contained HTML or Markdown document.

#include "command.hpp"

#include <cmath>
#include <filesystem>
#include <fstream>

#include "trainprint/error.hpp"
#include "trainprint/estimator.hpp"
#include "trainprint/parse.hpp"
#include "trainprint/report.hpp"
#include "trainprint/sweep.hpp"

namespace trainprint::cli {

namespace {
struct report_options : across_options {
  output_format format = output_format::html;
  std::string output;  ///< "" = stdout
  report_meta_flags meta;
  uncertainty_flags uncertainty;
};
}  // namespace

void setup_report(CLI::App& app, report_options& o) {
  add_across_options(app, o, "region=aws:us-east-1,gcp:europe-north1");
  add_format_option(app, o.format, {output_format::html, output_format::md},
                    "md writes the charts as SVG files beside -o");
  app.add_option("-o,--output", o.output, "Write the report to FILE instead of stdout")->group("Output");
  add_report_meta_options(app, o.meta);
  add_uncertainty_options(app, o.uncertainty, "Monte Carlo for every option: 90% intervals and chart whiskers");
}

namespace {


void write_file(const std::filesystem::path& p, const std::string& text) {
  std::ofstream f(p, std::ios::binary);
  f << text;
  f.close();
  if (!f) throw input_error("output", "'" + p.string() + "'", "a file that can be written");
}

}  // namespace

std::string run_report(const report_options& o, const global_options& g) {
  const catalog& cat = load_catalog(g);
  const auto in = to_across(o, cat);
  trainprint::report_options ro = o.meta.options(o.format);
  ro.uncertainty = o.uncertainty.options();
  ro.rank_by = in.sort;
  const std::filesystem::path out(o.output);
  if (!o.output.empty() && ro.format == output_format::md) ro.svg_prefix = out.stem().string();
  comparison c = compare_across(in, cat, ro.rank_by, ro.uncertainty ? &*ro.uncertainty : nullptr);
  spell_for_cli(c);
  const auto r = render_report(c, cat, ro);
  if (o.output.empty()) return r.text;
  // The charts first, so the document never links to a file that is missing.
  for (const auto& f : r.files) write_file(out.parent_path() / f.name, f.content);
  write_file(out, r.text);
  return {};
}

void add_report(CLI::App& app, context& ctx) {
  add_command<report_options>(app, ctx, "report", "A comparison as a self-contained HTML or Markdown report with charts and sources", setup_report, run_report);
}

}  // namespace trainprint::cli
