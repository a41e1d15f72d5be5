// trainprint report: a comparison as a self-contained HTML or Markdown document.

#include "report.hpp"

#include <cmath>
#include <filesystem>
#include <fstream>

#include "trainprint/error.hpp"
#include "trainprint/estimator.hpp"
#include "trainprint/parse.hpp"
#include "trainprint/report.hpp"
#include "trainprint/sweep.hpp"

namespace trainprint::cli {

void setup_report(CLI::App& app, report_options& o) {
  add_scenario_options(app, o.scenario);
  add_across_options(app, o.across, o.sort, "region=aws:us-east-1,gcp:europe-north1");
  app.add_option("--format", o.format, "html|md (default html; md writes the charts as SVG files beside -o)")
      ->check(CLI::IsMember({"html", "md"}))
      ->group("Output");
  app.add_option("-o,--output", o.output, "Write the report to FILE instead of stdout")->group("Output");
  app.add_option("--title", o.title, "The report's title (default \"Training footprint by KEY\")")->group("Output");
  const char* u = "Uncertainty";
  app.add_flag("--uncertainty", o.uncertainty, "Monte Carlo for every option: 90% intervals and chart whiskers")
      ->group(u);
  app.add_option("--samples", o.samples, "Monte Carlo samples (default 10000; implies --uncertainty)")->group(u);
  app.add_option("--seed", o.seed, "Random seed (default 42; implies --uncertainty)")->group(u);
  app.add_option("--threads", o.threads, "Threads for the Monte Carlo; the numbers do not depend on it")->group(u);
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
  const sweep_axis axis = parse_axis(o.across, "across");
  trainprint::report_options ro;
  ro.title = o.title;
  ro.format = parse_report_format(o.format);
  ro.uncertainty = uncertainty_options_of(o.uncertainty, o.samples, o.seed, o.threads);
  ro.rank_by = parse_rank_by(o.sort);
  const std::filesystem::path out(o.output);
  if (!o.output.empty() && ro.format == report_format::markdown) ro.svg_prefix = out.stem().string();
  const auto r = make_report(to_scenario(o.scenario, cat), axis.key, axis.values, cat, ro);
  if (o.output.empty()) return r.text;
  // The charts first, so the document never links to a file that is missing.
  for (const auto& f : r.files) write_file(out.parent_path() / f.name, f.content);
  write_file(out, r.text);
  return {};
}

}  // namespace trainprint::cli
