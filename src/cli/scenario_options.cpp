#include "scenario_options.hpp"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "trainprint/compare.hpp"
#include "trainprint/error.hpp"
#include "trainprint/estimator.hpp"
#include "trainprint/json.hpp"
#include "trainprint/parse.hpp"

namespace trainprint::cli {

void add_scenario_options(CLI::App& app, scenario_options& o) {
  const char* w = "Workload";
  app.add_option("--params", o.params, "Total parameters (7B, 70e9)")->group(w);
  app.add_option("--active-params", o.active_params, "Parameters active per token (MoE)")->group(w);
  app.add_option("--tokens", o.tokens, "Training tokens (2T)")->group(w);
  app.add_option("--flops", o.flops, "Total training FLOPs (instead of params and tokens)")->group(w);
  app.add_flag("--recompute", o.recompute, "Full activation recomputation: 8·N·D instead of 6·N·D")->group(w);
  app.add_option("--layers", o.layers, "Layers (with --d-model and --seq-len: attention FLOPs)")->group(w);
  app.add_option("--d-model", o.d_model, "Model width")->group(w);
  app.add_option("--seq-len", o.seq_len, "Sequence length")->group(w);
  app.add_option("--gpu-hours,--accelerator-hours", o.gpu_hours, "Accelerator-hours (instead of FLOPs)")->group(w);
  app.add_option("--duration", o.duration, "Wall-clock duration: 90m, 36h, 30d, 2w (needs --count)")->group(w);
  const char* h = "Hardware";
  app.add_option("--hardware", o.hardware, "Accelerator id or alias (h100, a100, tpu-v5p)")->group(h);
  app.add_option("--count", o.count, "Number of accelerators")->group(h);
  app.add_option("--precision", o.precision, "fp32|tf32|bf16|fp16|fp8 (default bf16)")->group(h);
  app.add_option("--mfu", o.mfu, "Model-FLOPs utilisation: 0.4 or 40%")->group(h);
  app.add_option("--power-fraction", o.power_fraction, "Average draw as a fraction of TDP")->group(h);
  app.add_option("--power", o.power, "Average power per accelerator, W")->group(h);
  app.add_option("--boundary", o.boundary, "accelerators|servers (default servers)")->group(h);
  app.add_option("--host-power", o.host_power, "Host power per accelerator, W")->group(h);
  const char* s = "Site";
  app.add_option("--region", o.region, "Region: FR, US-CA, egrid:SRVC, aws:us-east-1, gcp:europe-west4")->group(s);
  app.add_option("--provider", o.provider, "Provider: aws, gcp, azure, ...")->group(s);
  app.add_option("--pue", o.pue, "Power usage effectiveness (>= 1)")->group(s);
  app.add_option("--wue", o.wue, "On-site water, L per IT kWh")->group(s);
  app.add_option("--intensity", o.intensity, "Grid carbon intensity, g CO2e/kWh")->group(s);
  app.add_option("--mix", o.mix, "Electricity mix: coal=0.3,gas=0.4,wind=0.3")->group(s);
  app.add_option("--ewif", o.ewif, "Off-site water, L per kWh generated")->group(s);
  app.add_option("--cfe", o.cfe, "Carbon-free-energy share for market-based emissions: 0.6 or 60%")->group(s);
  const char* e = "Embodied and money";
  app.add_flag("--no-embodied", o.no_embodied, "Leave embodied (manufacturing) emissions out")->group(e);
  app.add_option("--lifetime", o.lifetime, "Hardware service life in years (default 5)")->group(e);
  app.add_option("--price", o.price, "Electricity price, USD/kWh")->group(e);
  app.add_option("--hourly-price", o.hourly_price, "Price per accelerator-hour, USD")->group(e);
  const char* f = "From files";
  app.add_option("--preset", o.preset, "A published run from the catalog (flags override its inputs)")->group(f);
  app.add_option("--scenario", o.scenario_file, "Scenario JSON file (flags override it)")->group(f);
}

namespace {
std::string read_file(const std::string& path, std::size_t max_bytes) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw data_error(path, "", "is a directory, expected a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw data_error(path, "", "cannot open the file for reading");
  std::string text;
  char buf[65536];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    text.append(buf, static_cast<std::size_t>(in.gcount()));
    if (text.size() > max_bytes)
      throw data_error(path, "", "larger than " + std::to_string(max_bytes / (1024 * 1024)) + " MiB; a scenario is a few hundred bytes");
  }
  return text;
}
}  // namespace

scenario to_scenario(const scenario_options& o, const catalog& cat) {
  scenario base;
  if (o.preset) base = cat.find_preset(*o.preset).scenario;
  if (o.scenario_file) base = merge(base, parse_scenario(read_file(*o.scenario_file, 1 << 20), *o.scenario_file));

  // Each flag goes through the library's set_input, so the CLI, compare, sweep
  // and the bindings read text the same way.
  scenario f;
  const std::pair<const char*, const std::optional<std::string>*> flags[] = {
      {"params", &o.params},         {"active_params", &o.active_params}, {"tokens", &o.tokens},
      {"flops", &o.flops},           {"layers", &o.layers},               {"d_model", &o.d_model},
      {"seq_len", &o.seq_len},       {"gpu_hours", &o.gpu_hours},         {"duration_h", &o.duration},
      {"hardware", &o.hardware},     {"count", &o.count},                 {"precision", &o.precision},
      {"mfu", &o.mfu},               {"power_fraction", &o.power_fraction}, {"power_w", &o.power},
      {"boundary", &o.boundary},     {"host_power_w", &o.host_power},     {"region", &o.region},
      {"provider", &o.provider},     {"pue", &o.pue},                     {"wue", &o.wue},
      {"intensity", &o.intensity},   {"mix", &o.mix},                     {"ewif", &o.ewif},
      {"cfe", &o.cfe},               {"lifetime_years", &o.lifetime},     {"price_usd_per_kwh", &o.price},
      {"hourly_price_usd", &o.hourly_price}};
  // set_input lets a new workload input replace the old one (as --across does);
  // among flags, two workloads conflict, so each flag sets its own field and
  // validate() reports a conflict such as --flops with --gpu-hours.
  for (const auto& [key, value] : flags) {
    if (!*value) continue;
    scenario one;
    set_input(one, key, **value);
    const scenario before = f;
    f = merge(f, one);
    auto keep = [](auto& into, const auto& from) {
      if (!into && from) into = from;
    };
    keep(f.params, before.params);
    keep(f.active_params, before.active_params);
    keep(f.tokens, before.tokens);
    keep(f.flops, before.flops);
    keep(f.layers, before.layers);
    keep(f.d_model, before.d_model);
    keep(f.seq_len, before.seq_len);
    keep(f.gpu_hours, before.gpu_hours);
    keep(f.duration_h, before.duration_h);
  }
  f.recompute = o.recompute;
  if (o.no_embodied) f.embodied = false;
  return merge(base, f);
}

void add_across_options(CLI::App& app, std::string& across, std::string& sort, const std::string& example) {
  app.add_option("--across", across,
                 "KEY=V1,V2,…: the input to compare across, e.g. " + example + " (mix values separated by ';')")
      ->required()
      ->group("Comparison");
  app.add_option("--sort", sort, "energy|emissions|water|cost|time (default emissions)")
      ->check(CLI::IsMember({"energy", "emissions", "water", "cost", "time"}))
      ->group("Comparison");
}

std::optional<uncertainty_options> uncertainty_options_of(bool on, const std::optional<std::string>& samples,
                                                          const std::optional<std::string>& seed,
                                                          const std::optional<std::string>& threads) {
  if (!on && !samples && !seed && !threads) return std::nullopt;
  auto whole = [](const std::string& text, const char* what, double lo, double hi) {
    const double v = parse_number(text, what);
    if (!(v >= lo && v <= hi) || std::floor(v) != v)
      throw input_error(what, detail::num(v),
                        "a whole number " + detail::num(lo) + " <= " + std::string(what) + " <= " + detail::num(hi));
    return v;
  };
  uncertainty_options u;
  if (samples) u.samples = static_cast<std::uint64_t>(whole(*samples, "samples", 1, 1e9));
  if (seed) u.seed = static_cast<std::uint64_t>(whole(*seed, "seed", 0, 9007199254740992.0));  // 2^53
  if (threads) u.threads = static_cast<unsigned>(whole(*threads, "threads", 1, 256));
  validate(u);
  return u;
}

const catalog& load_catalog(const global_options& g) {
  if (g.data_files.empty()) return catalog::embedded();
  static std::unique_ptr<catalog> overlaid;
  std::vector<std::filesystem::path> files(g.data_files.begin(), g.data_files.end());
  overlaid = std::make_unique<catalog>(catalog::with_overlays(files));
  return *overlaid;
}

}  // namespace trainprint::cli
