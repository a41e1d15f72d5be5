// trainprint sweep: the cartesian product of --vary values, one row per combination.

#include "sweep.hpp"

#include <chrono>

#include <unistd.h>

#include <fmt/format.h>

#include "trainprint/render.hpp"
#include "trainprint/sweep.hpp"

namespace trainprint::cli {

void setup_sweep(CLI::App& app, sweep_options& o) {
  add_scenario_options(app, o.scenario);
  app.add_option("--vary", o.vary,
                 "KEY=V1,V2,… (repeatable): e.g. --vary count=64,512,4096 --vary region=FR,PL "
                 "(mix values separated by ';')")
      ->required()
      ->group("Sweep");
  app.add_option("--format", o.format, "csv|jsonl (default csv)")->check(CLI::IsMember({"csv", "jsonl"}))->group("Output");
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

}  // namespace

void run_sweep(const sweep_options& o, const global_options& g, std::string& out, std::FILE* stream) {
  const catalog& cat = load_catalog(g);
  std::vector<sweep_axis> axes;
  for (const auto& v : o.vary) axes.push_back(parse_axis(v, "vary"));
  const std::uint64_t total = sweep_size(axes);
  const scenario base = to_scenario(o.scenario, cat);
  const bool jsonl = o.format == "jsonl";
  if (!jsonl) out += sweep_csv_header(axes) + "\n";
  constexpr std::size_t flush_at = 4u << 20;
  progress bar(total);
  sweep(
      base, axes,
      [&](const sweep_row& row) {
        out += jsonl ? sweep_row_json_line(axes, row) : sweep_row_csv(row);
        out += '\n';
        if (out.size() > flush_at) {
          std::fwrite(out.data(), 1, out.size(), stream);
          out.clear();
        }
        bar.tick(row.index + 1);
      },
      cat, trace_level::none);  // CSV and JSON lines carry only the headline numbers
}

}  // namespace trainprint::cli
