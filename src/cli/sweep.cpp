// trainprint sweep: the cartesian product of --vary values, one row per combination.

#include "command.hpp"

#include <chrono>

#include <unistd.h>

#include <fmt/format.h>

#include "trainprint/compare.hpp"
#include "trainprint/detail/charts.hpp"
#include "trainprint/detail/sweep.hpp"
#include "trainprint/error.hpp"
#include "trainprint/format.hpp"
#include "trainprint/render.hpp"
#include "trainprint/svg.hpp"
#include "trainprint/sweep.hpp"
#include "trainprint/typed_inputs.hpp"
#include "trainprint/plain.hpp"
#include "trainprint/uncertainty.hpp"

#include <nlohmann/json.hpp>

namespace trainprint::cli {

namespace {
struct sweep_options {
  scenario_options scenario;
  std::vector<std::string> vary;  ///< KEY=V1,V2,… each
  uncertainty_flags uncertainty;
  output_format format = output_format::csv;
};
}  // namespace

void setup_sweep(CLI::App& app, sweep_options& o) {
  add_scenario_options(app, o.scenario);
  app.add_option("--vary", o.vary,
                 "KEY=V1,V2,… (repeatable): e.g. --vary count=64,512,4096 --vary region=FR,PL "
                 "(mix values separated by ';')")
      ->required()
      ->group("Sweep");
  add_uncertainty_options(app, o.uncertainty,
                          "Monte Carlo for every row: medians, with *_p5 and *_p95 columns (on by itself with "
                          "plain-language words or ranges)");
  add_format_option(app, o.format, {output_format::csv, output_format::jsonl, output_format::svg},
                    "svg: total emissions per row, at most 200 rows");
}

namespace {

/// Progress on stderr, only when stderr is a terminal and the sweep has run over a second.
class progress {
 public:
  explicit progress(std::uint64_t total) : total_(total), tty_(isatty(STDERR_FILENO) == 1) {}
  void tick(std::uint64_t done) {
    if (!tty_ || (done & 0xFF) != 0) return;
    const auto now = clock::now();
    if (now - start_ < std::chrono::seconds(1) || now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    shown_ = true;
    fmt::print(stderr, "\rsweep: {}/{} ({:.0f}%)", done, total_, 100.0 * static_cast<double>(done) / static_cast<double>(total_));
    std::fflush(stderr);
  }
  ~progress() {
    if (shown_) {
      fmt::print(stderr, "\r\033[K");
      std::fflush(stderr);
    }
  }
  progress(const progress&) = delete;
  progress& operator=(const progress&) = delete;

 private:
  using clock = std::chrono::steady_clock;
  std::uint64_t total_;
  bool tty_;
  bool shown_ = false;
  clock::time_point start_ = clock::now(), last_ = start_;
};

/// The row's estimate with the Monte Carlo at `options` (sweep() runs it by itself, with
/// the default options, only for the rows with words or ranges).
estimate with_ranges(const sweep_row& row, const uncertainty_options& options, const catalog& cat) {
  const auto& u = row.result.uncertainty;
  if (u && u->samples == options.samples && u->seed == options.seed) return row.result;
  return make_estimate(row.result.scenario, cat, options);
}

/// The headline columns that get an interval: *_p5 and *_p95 after every headline column.
std::vector<const headline_column*> ranged_columns() {
  std::vector<const headline_column*> out;
  for (const auto& c : headline_columns())
    if (info(c.id).sampled) out.push_back(&c);
  return out;
}

std::string range_header() {
  std::string out;
  for (const auto* c : ranged_columns()) out += fmt::format(",{0}_p5,{0}_p95", c->name);
  return out;
}

std::string range_cells(const estimate& e) {
  std::string out;
  for (const auto* c : ranged_columns()) {
    const auto* i = e.uncertainty ? e.uncertainty->find(info(c->id).path) : nullptr;
    out += i ? fmt::format(",{:.10g},{:.10g}", i->p5, i->p95) : std::string(",,");
  }
  return out;
}

std::string range_json_line(std::span<const sweep_axis> axes, const sweep_row& row) {
  auto j = nlohmann::ordered_json::parse(sweep_row_json_line(axes, row));
  for (const auto* c : ranged_columns()) {
    const auto* i = row.result.uncertainty ? row.result.uncertainty->find(info(c->id).path) : nullptr;
    j[std::string(c->name) + "_p5"] = i ? nlohmann::ordered_json(i->p5) : nlohmann::ordered_json(nullptr);
    j[std::string(c->name) + "_p95"] = i ? nlohmann::ordered_json(i->p95) : nlohmann::ordered_json(nullptr);
  }
  return j.dump();
}

/// Total emissions per row as a bar chart, labelled by the row's values.
std::string sweep_svg(const layered_scenario& base, const std::vector<sweep_axis>& axes, std::uint64_t total, const catalog& cat,
                      const std::optional<uncertainty_options>& ranges) {
  constexpr std::uint64_t max_rows = 200;
  if (total > max_rows)
    throw input_error("format", fmt::format("svg for {} rows", total), fmt::format("at most {} rows for a chart", max_rows));
  struct bar_row {
    std::string label;
    std::optional<double> kg, low, high;
  };
  std::vector<bar_row> rows;
  double max_kg = 0;
  sweep(
      base, axes,
      [&](const sweep_row& row) {
        std::string label;
        for (std::size_t i = 0; i < axes.size(); ++i) label += (i ? ", " : "") + row.values[i];
        const estimate e = ranges ? with_ranges(row, *ranges, cat) : row.result;
        rows.push_back({std::move(label), rank_metric(e, rank_by::emissions), std::nullopt, std::nullopt});
        if (const auto* i = e.uncertainty ? e.uncertainty->find("emissions_kg_co2e.total") : nullptr) {
          rows.back().low = i->p5;
          rows.back().high = i->p95;
        }
        if (rows.back().kg) max_kg = std::max(max_kg, rows.back().high.value_or(*rows.back().kg));
      },
      cat, trace_level::none);
  const bool tonnes = max_kg >= 1000;
  std::string keys;
  for (std::size_t i = 0; i < axes.size(); ++i) keys += (i ? ", " : "") + axes[i].key;
  bar_chart c{"sweep-emissions", "Total emissions per " + keys, {}, tonnes ? "t CO2e" : "kg CO2e", {}, {}, true};
  std::string desc;
  const double f = tonnes ? 1000 : 1;
  for (const auto& r : rows) {
    const auto v = r.kg ? std::optional(*r.kg / f) : std::nullopt;
    desc += (desc.empty() ? "" : "; ") + r.label + ": " + (v ? chart_number(*v) : std::string("unknown"));
    if (v && r.low) desc += " (" + chart_number(*r.low / f) + "–" + chart_number(*r.high / f) + ")";
    c.bars.push_back({r.label, {v}, r.low ? std::optional(*r.low / f) : std::nullopt,
                      r.high ? std::optional(*r.high / f) : std::nullopt, {}});
  }
  c.description = fmt::format("Horizontal bar chart, one bar per sweep row in sweep order: total emissions "
                              "(location-based + embodied) in {}{}. {}.", c.unit,
                              ranges ? ", the median with a whisker from the 5th to the 95th percentile" : "", desc);
  return render_svg(c);
}

}  // namespace

void run_sweep(const sweep_options& o, const global_options& g, std::string& out, std::FILE* stream) {
  const catalog& cat = load_catalog(g);
  std::vector<sweep_axis> axes;
  for (const auto& v : o.vary) axes.push_back(parse_axis(v, "vary"));
  const std::uint64_t total = sweep_size(axes);
  // The flags are one source over the preset and the scenario file: a swept site input
  // replaces their site inputs (merge()), as compare --across does.
  typed_scenario t = to_typed_scenario(o.scenario, cat);
  const layered_scenario base{std::move(t.earlier), scenario_from_text(std::move(t.typed))};
  // Plain-language words or ranges give every row its range, as `estimate` does: the
  // Monte Carlo for every row (so that all rows are medians), and a note on stderr.
  std::optional<uncertainty_options> ranges = o.uncertainty.options();
  if (!ranges && detail::sweep_wants_ranges(base, axes)) ranges = uncertainty_options{};
  if (ranges) validate(*ranges);
  auto note = [&] {
    if (ranges)
      fmt::print(stderr,
                 "note: every row is the median of {} Monte Carlo samples (seed {}){}; the trace of a row is "
                 "`trainprint estimate` with its values\n",
                 ranges->samples, ranges->seed,
                 o.format == output_format::svg ? ", its whisker the 5th to 95th percentile"
                                                : ", and each *_p5, *_p95 column pair its 5th and 95th percentile");
  };
  if (o.format == output_format::svg) {
    out += sweep_svg(base, axes, total, cat, ranges);
    note();
    return;
  }
  const bool jsonl = o.format == output_format::jsonl;
  if (!jsonl) out += sweep_csv_header(axes) + (ranges ? range_header() : std::string{}) + "\n";
  constexpr std::size_t flush_at = 4u << 20;
  progress bar(total);
  auto flush = [&] {
    if (out.size() > flush_at) {
      std::fwrite(out.data(), 1, out.size(), stream);
      out.clear();
    }
  };
  if (ranges) {
    // Each row's estimate with its intervals (no fast path: the Monte Carlo dominates).
    sweep(
        base, axes,
        [&](const sweep_row& row) {
          const estimate e = with_ranges(row, *ranges, cat);
          const sweep_row r{row.index, row.values, e};
          out += jsonl ? range_json_line(axes, r) : sweep_row_csv(r) + range_cells(r.result);
          out += '\n';
          flush();
          bar.tick(row.index + 1);
        },
        cat, trace_level::none);
    note();
    return;
  }
  sweep_csv_writer csv;
  // CSV and JSON lines carry only the headline numbers: no estimate per row.
  sweep_numbers(
      base, axes,
      [&](const sweep_numbers_row& row) {
        if (jsonl) out += sweep_row_json_line(axes, row);
        else csv.append(out, row);
        out += '\n';
        if (out.size() > flush_at) {
          std::fwrite(out.data(), 1, out.size(), stream);
          out.clear();
        }
        bar.tick(row.index + 1);
      },
      cat);
}

void add_sweep(CLI::App& app, context& ctx) {
  auto o = std::make_shared<sweep_options>();
  auto* sub = app.add_subcommand("sweep", "Every combination of --vary values, one row each (CSV or JSON lines)");
  setup_sweep(*sub, *o);
  sub->callback([o, &ctx] { run_sweep(*o, ctx.global, *ctx.out, ctx.stream); });
}

}  // namespace trainprint::cli
