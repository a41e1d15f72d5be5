// trainprint sweep: the cartesian product of --vary values, one row per combination.

#include "command.hpp"

#include <chrono>

#include <unistd.h>

#include <fmt/format.h>

#include "trainprint/compare.hpp"
#include "trainprint/detail/charts.hpp"
#include "trainprint/error.hpp"
#include "trainprint/render.hpp"
#include "trainprint/svg.hpp"
#include "trainprint/sweep.hpp"
#include "trainprint/typed_inputs.hpp"

namespace trainprint::cli {

namespace {
struct sweep_options {
  scenario_options scenario;
  std::vector<std::string> vary;  ///< KEY=V1,V2,… each
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

/// Total emissions per row as a bar chart, labelled by the row's values.
std::string sweep_svg(const layered_scenario& base, const std::vector<sweep_axis>& axes, std::uint64_t total, const catalog& cat) {
  constexpr std::uint64_t max_rows = 200;
  if (total > max_rows)
    throw input_error("format", fmt::format("svg for {} rows", total), fmt::format("at most {} rows for a chart", max_rows));
  std::vector<std::pair<std::string, std::optional<double>>> rows;
  double max_kg = 0;
  sweep(
      base, axes,
      [&](const sweep_row& row) {
        std::string label;
        for (std::size_t i = 0; i < axes.size(); ++i) label += (i ? ", " : "") + row.values[i];
        rows.emplace_back(std::move(label), rank_metric(row.result, rank_by::emissions));
        if (rows.back().second) max_kg = std::max(max_kg, *rows.back().second);
      },
      cat, trace_level::none);
  const bool tonnes = max_kg >= 1000;
  std::string keys;
  for (std::size_t i = 0; i < axes.size(); ++i) keys += (i ? ", " : "") + axes[i].key;
  bar_chart c{"sweep-emissions", "Total emissions per " + keys, {}, tonnes ? "t CO2e" : "kg CO2e", {}, {}, true};
  std::string desc;
  for (const auto& [label, kg] : rows) {
    const auto v = kg ? std::optional(*kg / (tonnes ? 1000 : 1)) : std::nullopt;
    desc += (desc.empty() ? "" : "; ") + label + ": " + (v ? chart_number(*v) : std::string("unknown"));
    c.bars.push_back({label, {v}, {}, {}, {}});
  }
  c.description = fmt::format("Horizontal bar chart, one bar per sweep row in sweep order: total emissions "
                              "(location-based + embodied) in {}. {}.", c.unit, desc);
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
  if (o.format == output_format::svg) {
    out += sweep_svg(base, axes, total, cat);
    return;
  }
  const bool jsonl = o.format == output_format::jsonl;
  if (!jsonl) out += sweep_csv_header(axes) + "\n";
  constexpr std::size_t flush_at = 4u << 20;
  progress bar(total);
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
