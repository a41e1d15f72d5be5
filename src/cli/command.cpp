// Options shared by several subcommands: --format and the uncertainty flags.

#include "command.hpp"

#include <cmath>

#include "trainprint/error.hpp"
#include "trainprint/estimator.hpp"
#include "trainprint/parse.hpp"
#include "trainprint/typed_inputs.hpp"

namespace trainprint::cli {

void add_format_option(CLI::App& app, output_format& f, std::initializer_list<output_format> choices,
                       const std::string& note) {
  std::vector<std::string> names;
  std::string help;
  for (auto c : choices) {
    names.emplace_back(to_string(c));
    help += (help.empty() ? "" : "|") + names.back();
  }
  help += " (default " + names.front() + (note.empty() ? "" : "; " + note) + ")";
  f = *choices.begin();
  app.add_option_function<std::string>(
         "--format", [&f](const std::string& s) { f = *parse_output_format(s); }, help)
      ->check(CLI::IsMember(names))
      ->group("Output");
}

std::optional<uncertainty_options> uncertainty_flags::options() const {
  return uncertainty_from_text(on, samples, seed, threads);
}

void add_uncertainty_options(CLI::App& app, uncertainty_flags& u, const std::string& what) {
  const char* g = "Uncertainty";
  app.add_flag("--uncertainty", u.on, what)->group(g);
  app.add_option("--samples", u.samples, "Monte Carlo samples (default 10000; implies --uncertainty)")->group(g);
  app.add_option("--seed", u.seed, "Random seed: same seed, same numbers (default 42; implies --uncertainty)")->group(g);
  app.add_option("--threads", u.threads, "Threads for the Monte Carlo; the numbers do not depend on it (default 1)")
      ->group(g);
}

report_options report_meta_flags::options(output_format f) const {
  report_options o;
  o.format = f;
  o.title = title;
  o.author = author;
  o.organisation = organisation;
  o.date = date;
  o.equivalents = equivalents;
  return o;
}

void add_report_meta_options(CLI::App& app, report_meta_flags& m) {
  const char* g = "Report";
  app.add_option("--title", m.title, "The report's title")->group(g);
  app.add_option("--author", m.author, "Who prepared the report (printed under the title)")->group(g);
  app.add_option("--organisation,--organization", m.organisation, "For which organisation")->group(g);
  app.add_option("--date", m.date, "The report's date, as it should be printed (e.g. 2026-11-29)")->group(g);
  app.add_option("--equivalents", m.equivalents,
                 "eu|us: everyday equivalents for European or US readers (sourced factors only)")
      ->check(CLI::IsMember({"eu", "us"}))
      ->group(g);
}

}  // namespace trainprint::cli
