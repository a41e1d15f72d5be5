// trainprint estimate: one estimate as a table, JSON, CSV or Markdown, or as model-card metadata, a paper's
// paragraph (Markdown or LaTeX) or the EU AI Act's training fields.

#include "command.hpp"

#include "trainprint/detail/measured.hpp"

#include <cmath>

#include "measure_options.hpp"
#include "trainprint/estimator.hpp"
#include "trainprint/pilot.hpp"
#include "trainprint/spelling.hpp"
#include "typed_spelling.hpp"
#include "trainprint/format.hpp"
#include "trainprint/parse.hpp"
#include "trainprint/uncertainty.hpp"

namespace trainprint::cli {

namespace {

struct estimate_options {
  scenario_options scenario;
  output_format format = output_format::table;
  bool explain = false;
  uncertainty_flags uncertainty;
  std::optional<std::string> measured, pilot;
  std::optional<std::string> pilot_tokens, pilot_steps, tokens_per_step, pilot_hours;
  std::optional<std::int64_t> pilot_count;
  window_flags window;
};

void setup(CLI::App& app, estimate_options& o) {
  add_scenario_options(app, o.scenario);
  add_format_option(app, o.format,
                    {output_format::table, output_format::json, output_format::csv, output_format::md,
                     output_format::model_card, output_format::paper, output_format::latex, output_format::ai_act});
  app.add_flag("--explain", o.explain, "Print the trace: every input and intermediate with its origin and source")
      ->group("Output");
  add_uncertainty_options(app, o.uncertainty,
                          "Monte Carlo over every uncertain input: ranges (p5–p95) for every output; with --explain, "
                          "the sensitivity (tornado) table. Give an input a range as low:high or low:mode:high, e.g. "
                          "--mfu 0.35:0.45");
  const std::string g = "Measurement";
  app.add_option("--measured", o.measured,
                 "Use a measurement file (as trainprint measure reads it) as the run's energy: power logs at the "
                 "accelerators boundary, CodeCarbon and sacct at servers (unless --energy-boundary says otherwise)")
      ->group(g);
  app.add_option("--pilot", o.pilot,
                 "Calibrate MFU and power from a measured pilot (a power log or energy file) and predict the run, "
                 "with Monte Carlo intervals")
      ->group(g);
  app.add_option("--pilot-tokens", o.pilot_tokens, "Tokens the pilot trained (7M, 2.5e8)")->group(g);
  app.add_option("--pilot-steps", o.pilot_steps, "Or optimizer steps the pilot ran (with --tokens-per-step)")->group(g);
  app.add_option("--tokens-per-step", o.tokens_per_step, "Tokens per step: global batch × sequence length")->group(g);
  app.add_option("--pilot-hours", o.pilot_hours,
                 "The pilot's wall time (90min, 2h, 1.5): needed when its file states none (sacct without Elapsed), "
                 "checked against the file's own otherwise. Without --pilot-tokens or --pilot-steps the pilot "
                 "calibrates power only")
      ->group(g);
  app.add_option("--pilot-count", o.pilot_count, "Accelerators in the pilot (default: the log's devices)")->group(g);
  add_window_options(app, o.window, g);
}

std::string run(const estimate_options& o, const global_options& g) {
  const catalog& cat = load_catalog(g);
  const auto u = o.uncertainty.options();
  scenario s = to_scenario(o.scenario, cat);
  std::vector<std::string> notes;
  if (o.measured && o.pilot) throw input_error("pilot", *o.pilot, "--measured (the run's energy) or --pilot, not both");
  if (!o.pilot && (o.pilot_tokens || o.pilot_steps || o.tokens_per_step || o.pilot_count || o.pilot_hours))
    throw input_error("pilot", "",
                      "--pilot FILE with --pilot-tokens, --pilot-steps, --tokens-per-step, --pilot-count or --pilot-hours");
  if (!o.measured && !o.pilot && (o.window.from || o.window.to || o.window.skip_bad_lines || o.window.interval_ms))
    throw input_error("from", "", "--from, --to, --interval-ms and --skip-bad-lines with --measured or --pilot");
  std::optional<uncertainty_options> options = u;
  const scenario given = s;
  if (o.measured) s = with_measurement(s, read_measurement_file(*o.measured, o.window.options()), &notes);
  if (o.pilot) {
    pilot_info info;
    auto number = [](const std::optional<std::string>& t, std::string_view what,
                     std::string_view expected) -> std::optional<double> {
      if (!t) return std::nullopt;
      return parse_number(*t, what, expected);
    };
    info.tokens = number(o.pilot_tokens, "pilot_tokens", "a number of tokens (suffixes k, M, B, T allowed), e.g. 500M");
    info.steps = number(o.pilot_steps, "pilot_steps", "a number of steps, e.g. 200");
    info.tokens_per_step = number(o.tokens_per_step, "tokens_per_step", "a number of tokens per step, e.g. 4M");
    info.count = o.pilot_count;
    if (o.pilot_hours) info.hours = parse_duration(*o.pilot_hours, "pilot_hours").count();
    auto c = calibrate_from_pilot(s, read_pilot_file(*o.pilot, o.window.options()), info, cat);
    s = std::move(c.run);
    notes = std::move(c.notes);
    if (!options) options = uncertainty_options{};  // a pilot's prediction comes with its intervals
  }
  const auto estimated = [&] {
    try {
      return options ? make_estimate(s, cat, *options) : make_estimate(s, cat);
    } catch (const input_error& x) {
      // An input the measurement file gave is said as the file's (the user typed --measured).
      if (const auto m = o.measured ? detail::as_measured_error(x, given, s, *o.measured) : std::nullopt) throw *m;
      throw;
    }
  };
  estimate e = estimated();
  e.notes.insert(e.notes.begin(), notes.begin(), notes.end());
  // Hints name flags (spelling.hpp), as typed (typed_spelling.hpp).
  for (auto& n : e.notes) n = as_typed(spell_inputs(n, spelling::cli));
  return render(e, o.format, cat, o.explain);
}

}  // namespace

void add_estimate(CLI::App& app, context& ctx) {
  add_command<estimate_options>(app, ctx, "estimate", "Estimate one training run", setup, run);
}

}  // namespace trainprint::cli
