// trainprint sweep: the cartesian product of --vary values, one row per combination.

#include "command.hpp"
#include "typed_spelling.hpp"

#include <chrono>

#include <unistd.h>

#include <fmt/format.h>

#include "trainprint/compare.hpp"
#include "trainprint/detail/charts.hpp"
#include "trainprint/detail/sweep.hpp"
#include "trainprint/detail/sweep_rows.hpp"
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
                 "(mix values separated by ';'); required")
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

/// The headline columns that get an interval: *_p5 and *_p95 after every headline column.
std::vector<const headline_column*> ranged_columns() {
  std::vector<const headline_column*> out;
  for (const auto& c : headline_columns())
    if (info(c.id).sampled) out.push_back(&c);
  return out;
}

/// The ranges' columns: *_p5 and *_p95 per ranged headline column, then the Monte Carlo
/// samples left out as impossible (implied MFU above 1; JSON's uncertainty.impossible_samples).
std::string range_header() {
  std::string out;
  for (const auto* c : ranged_columns()) out += fmt::format(",{0}_p5,{0}_p95", c->name);
  return out + ",impossible_samples";
}

/// The ranges' cells of a row; `e` null: a row that could not be estimated (all empty).
std::string range_cells(const estimate* e) {
  std::string out;
  for (const auto* c : ranged_columns()) {
    const auto* i = e && e->uncertainty ? e->uncertainty->find(info(c->id).path) : nullptr;
    out += i ? fmt::format(",{:.10g},{:.10g}", i->p5, i->p95) : std::string(",,");
  }
  return out + "," + (e && e->uncertainty ? std::to_string(e->uncertainty->impossible_samples) : std::string{});
}

/// `text` as one CSV field (RFC 4180: quoted when it holds a comma, a quote or a line break).
std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (const char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

/// A row that could not be estimated, as CSV: its values, every number empty (unknown), and
/// why in the error column (compare's CSV).
std::string error_row_csv(const detail::sweep_error_row& row) {
  std::string out;
  for (std::size_t a = 0; a < row.values.size(); ++a) out += (a ? "," : "") + csv_field(row.values[a]);
  for (std::size_t c = 0; c < headline_columns().size(); ++c) out += ',';
  return out + "," + csv_field(row.error);
}

/// The same as a JSON line: its values, every number null, and "error" (compare's JSON).
std::string error_row_json_line(std::span<const sweep_axis> axes, const detail::sweep_error_row& row, bool ranges) {
  nlohmann::ordered_json j;
  for (std::size_t a = 0; a < axes.size(); ++a) j[axes[a].key] = row.values[a];
  for (const auto& c : headline_columns()) j[std::string(c.name)] = nullptr;
  if (ranges) {
    for (const auto* c : ranged_columns()) {
      j[std::string(c->name) + "_p5"] = nullptr;
      j[std::string(c->name) + "_p95"] = nullptr;
    }
    j["impossible_samples"] = nullptr;
  }
  j["error"] = row.error;
  return j.dump();
}

std::string range_json_line(std::span<const sweep_axis> axes, const sweep_row& row) {
  auto j = nlohmann::ordered_json::parse(sweep_row_json_line(axes, row));
  for (const auto* c : ranged_columns()) {
    const auto* i = row.result.uncertainty ? row.result.uncertainty->find(info(c->id).path) : nullptr;
    j[std::string(c->name) + "_p5"] = i ? nlohmann::ordered_json(i->p5) : nlohmann::ordered_json(nullptr);
    j[std::string(c->name) + "_p95"] = i ? nlohmann::ordered_json(i->p95) : nlohmann::ordered_json(nullptr);
  }
  const auto& u = row.result.uncertainty;
  j["impossible_samples"] = u ? nlohmann::ordered_json(u->impossible_samples) : nlohmann::ordered_json(nullptr);
  return j.dump();
}

/// Total emissions per row as a bar chart, labelled by the row's values.
/// The emissions chart; a row that could not be estimated is an "unknown" bar, and why goes
/// to `failed` ("values: error", one per such row; stderr, as the chart has no place for it).
std::string sweep_svg(const layered_scenario& base, const std::vector<sweep_axis>& axes, std::uint64_t total, const catalog& cat,
                      const std::optional<uncertainty_options>& ranges, std::vector<std::string>& failed) {
  constexpr std::uint64_t max_rows = 200;
  if (total > max_rows)
    throw input_error("format", fmt::format("svg for {} rows", total), fmt::format("at most {} rows for a chart", max_rows));
  struct bar_row {
    std::string label;
    std::optional<double> kg, low, high;
  };
  std::vector<bar_row> rows;
  double max_kg = 0;
  std::exception_ptr first_error;
  std::vector<std::string> first_values;
  const auto estimated = detail::sweep_rows(
      base, axes,
      [&](const sweep_row& row) {
        std::string label;
        for (std::size_t i = 0; i < axes.size(); ++i) label += (i ? ", " : "") + row.values[i];
        const estimate& e = row.result;
        rows.push_back({std::move(label), rank_metric(e, rank_by::emissions), std::nullopt, std::nullopt});
        if (const auto* i = e.uncertainty ? e.uncertainty->find("emissions_kg_co2e.total") : nullptr) {
          rows.back().low = i->p5;
          rows.back().high = i->p95;
        }
        if (rows.back().kg) max_kg = std::max(max_kg, rows.back().high.value_or(*rows.back().kg));
      },
      [&](const detail::sweep_error_row& row) {  // not estimated: an unknown bar
        if (!first_error) {
          first_error = row.exception;
          first_values.assign(row.values.begin(), row.values.end());
        }
        std::string label;
        for (std::size_t i = 0; i < axes.size(); ++i) label += (i ? ", " : "") + row.values[i];
        failed.push_back(label + ": " + for_cli(row.error));
        rows.push_back({std::move(label), std::nullopt, std::nullopt, std::nullopt});
      },
      cat, trace_level::none, ranges ? &*ranges : nullptr);
  if (estimated == 0) rethrow_first_row(first_error, axes, first_values, "vary");
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

/// The rows whose notes print_value_notes() gathers: every row of a sweep of at most this
/// many (with ranges, each is a Monte Carlo run again), else the first and each value.
constexpr std::uint64_t every_row_notes = 1000, every_row_notes_ranges = 100;

/// The notes of the sweep's rows (an ambiguous region name, an unusual value, an input
/// without effect, an implied MFU outside its range), on stderr: of every row when the
/// sweep has at most every_row_notes rows, else of the sweep's first row and of each other
/// value with the other axes at their first (the rows sweep() tries first), and a note that
/// says so. A note of every such row once, another after the rows it belongs to. The
/// sweep's own note replaces the estimate's note on medians. With `ranges`, each row's
/// estimate is the Monte Carlo at those options, as its row's.
void print_value_notes(const layered_scenario& base, std::span<const sweep_axis> axes, const catalog& cat,
                       const std::optional<uncertainty_options>& ranges) {
  std::vector<std::pair<std::string, std::vector<std::string>>> rows;  // label, notes
  std::uint64_t tried = 0;  // rows estimated for their notes, those with an error included
  auto add_row = [&](const std::vector<std::size_t>& idx) {
    ++tried;
    scenario given = base.given;
    std::string label;
    for (std::size_t b = 0; b < axes.size(); ++b) {
      set_input(given, axes[b].key, axes[b].values[idx[b]]);
      label += (b ? ", " : "") + axes[b].key + "=" + axes[b].values[idx[b]];
    }
    try {
      const scenario s = merge(base.earlier, given);
      rows.emplace_back(label, (ranges ? make_estimate(s, cat, *ranges) : make_estimate(s, cat, trace_level::none)).notes);
    } catch (const error&) {
      // not estimated: its error is in its row
    }
  };
  const std::uint64_t size = sweep_size(axes);
  const bool every_row = size <= (ranges ? every_row_notes_ranges : every_row_notes);
  std::vector<std::size_t> idx(axes.size(), 0);
  if (every_row) {
    while (true) {  // in sweep order: the last axis turns fastest
      add_row(idx);
      std::size_t a = axes.size();
      while (a > 0 && ++idx[a - 1] == axes[a - 1].values.size()) idx[--a] = 0;
      if (a == 0) break;
    }
  } else {
    for (std::size_t a = 0; a < axes.size(); ++a)
      for (std::size_t v = (a == 0 ? 0 : 1); v < axes[a].values.size(); ++v) {
        auto one = idx;
        one[a] = v;
        add_row(one);
      }
  }
  std::vector<std::string> all;
  for (const auto& r : rows)
    for (const auto& n : r.second)
      if (!n.starts_with("with ranges, every headline number") && std::find(all.begin(), all.end(), n) == all.end())
        all.push_back(n);
  for (const auto& n : all) {
    std::vector<std::string> which;
    for (const auto& r : rows)
      if (std::find(r.second.begin(), r.second.end(), n) != r.second.end()) which.push_back(r.first);
    std::string labels;
    for (std::size_t k = 0; k < which.size(); ++k) labels += (k ? "; " : "") + which[k];
    fmt::print(stderr, "note: {}{}\n", which.size() == rows.size() ? std::string{} : labels + ": ", for_cli(n));
  }
  if (tried < size)
    fmt::print(stderr,
               "note: notes above are those of the first row and of each value with the other inputs at their first "
               "({} of {} rows); a combination's own notes: trainprint estimate with its values\n",
               tried, size);
}

}  // namespace

void run_sweep(const sweep_options& o, const global_options& g, std::string& out, std::FILE* stream) {
  const catalog& cat = load_catalog(g);
  std::vector<sweep_axis> axes;
  if (o.vary.empty())  // a usage error, as compare's without --across (exit 2)
    throw CLI::RequiredError("--vary is required: the inputs to vary and their values, KEY=V1,V2,… (repeatable); "
                             "e.g. --vary count=64,512 --vary region=FR,PL",
                             CLI::ExitCodes::RequiredError);
  for (const auto& v : o.vary) axes.push_back(parse_cli_axis(v, "vary"));
  const std::uint64_t total = sweep_size(axes);
  // The flags are one source over the preset and the scenario file: a swept site input
  // replaces their site inputs (merge()), as compare --across does.
  typed_scenario t = to_typed_scenario(o.scenario, cat, axes, "vary");
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
    std::vector<std::string> failed;
    out += sweep_svg(base, axes, total, cat, ranges, failed);
    print_value_notes(base, axes, cat, ranges);
    for (const auto& f : failed) fmt::print(stderr, "note: not estimated: {}\n", f);
    note();
    return;
  }
  const bool jsonl = o.format == output_format::jsonl;
  // "error" says why a row was not estimated (compare's CSV; empty for the others).
  if (!jsonl) out += sweep_csv_header(axes) + ",error" + (ranges ? range_header() : std::string{}) + "\n";
  constexpr std::size_t flush_at = 4u << 20;
  progress bar(total);
  // Rows are held until one is estimated: when none is, the sweep is an error and stdout
  // stays empty (compare's rule).
  std::uint64_t estimated = 0;
  auto flush = [&] {
    if (estimated > 0 && out.size() > flush_at) {
      std::fwrite(out.data(), 1, out.size(), stream);
      out.clear();
    }
  };
  // A row that cannot be estimated is a row with its error; the others stand.
  std::exception_ptr first_error;
  std::vector<std::string> first_values;
  std::uint64_t failed = 0;
  const detail::sweep_error_callback on_error = [&](const detail::sweep_error_row& row) {
    if (!first_error) {
      first_error = row.exception;
      first_values.assign(row.values.begin(), row.values.end());
    }
    ++failed;
    detail::sweep_error_row spelled = row;
    spelled.error = for_cli(row.error);
    out += jsonl ? error_row_json_line(axes, spelled, ranges.has_value())
                 : error_row_csv(spelled) + (ranges ? range_cells(nullptr) : std::string{});
    out += '\n';
    flush();
    bar.tick(row.index + 1);
  };
  auto finish = [&] {
    if (estimated == 0 && first_error) {
      out.clear();
      rethrow_first_row(first_error, axes, first_values, "vary");
    }
    print_value_notes(base, axes, cat, ranges);
    if (failed > 0)
      fmt::print(stderr, "note: {} of {} rows could not be estimated: their numbers are empty and the {} says why\n",
                 failed, total, jsonl ? "\"error\" key" : "error column");
  };
  if (ranges) {
    // Each row's estimate with its intervals (no fast path: the Monte Carlo dominates).
    estimated = detail::sweep_rows(
        base, axes,
        [&](const sweep_row& r) {
          ++estimated;
          out += jsonl ? range_json_line(axes, r) : sweep_row_csv(r) + "," + range_cells(&r.result);
          out += '\n';
          flush();
          bar.tick(r.index + 1);
        },
        on_error, cat, trace_level::none, &*ranges);
    finish();
    note();
    return;
  }
  sweep_csv_writer csv;
  // CSV and JSON lines carry only the headline numbers: no estimate per row.
  estimated = detail::sweep_numbers_rows(
      base, axes,
      [&](const sweep_numbers_row& row) {
        ++estimated;
        if (jsonl) out += sweep_row_json_line(axes, row);
        else {
          csv.append(out, row);
          out += ',';  // the error column, empty
        }
        out += '\n';
        flush();
        bar.tick(row.index + 1);
      },
      on_error, cat);
  finish();
}

void add_sweep(CLI::App& app, context& ctx) {
  auto o = std::make_shared<sweep_options>();
  auto* sub = app.add_subcommand("sweep", "Every combination of --vary values, one row each (CSV or JSON lines)");
  setup_sweep(*sub, *o);
  sub->callback([o, &ctx] { run_sweep(*o, ctx.global, *ctx.out, ctx.stream); });
}

}  // namespace trainprint::cli
