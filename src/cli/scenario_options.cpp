#include "scenario_options.hpp"

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

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

  scenario f;
  auto num = [](const std::optional<std::string>& v, const char* flag) -> std::optional<double> {
    if (!v) return std::nullopt;
    return parse_number(*v, flag);
  };
  auto ratio = [](const std::optional<std::string>& v, const char* flag) -> std::optional<double> {
    if (!v) return std::nullopt;
    return parse_ratio(*v, flag);
  };
  f.params = num(o.params, "--params");
  f.active_params = num(o.active_params, "--active-params");
  f.tokens = num(o.tokens, "--tokens");
  f.flops = num(o.flops, "--flops");
  f.recompute = o.recompute;
  f.layers = num(o.layers, "--layers");
  f.d_model = num(o.d_model, "--d-model");
  f.seq_len = num(o.seq_len, "--seq-len");
  f.gpu_hours = num(o.gpu_hours, "--gpu-hours");
  if (o.duration) f.duration = parse_duration(*o.duration, "--duration");
  f.hardware = o.hardware;
  if (o.count) {
    const double c = parse_number(*o.count, "--count");
    if (!(c >= 1 && c <= 1e8) || std::floor(c) != c)
      throw input_error("count", detail::num(c), "a whole number 1 <= count <= 1e+08");
    f.count = static_cast<std::int64_t>(c);
  }
  if (o.precision) {
    f.precision = parse_precision(*o.precision);
    if (!f.precision) throw input_error("precision", "'" + *o.precision + "'", "one of fp32, tf32, bf16, fp16, fp8");
  }
  f.mfu = ratio(o.mfu, "--mfu");
  f.power_fraction = ratio(o.power_fraction, "--power-fraction");
  if (o.power) f.accelerator_power = power::watts(parse_number(*o.power, "--power"));
  if (o.boundary) {
    f.boundary = parse_boundary(*o.boundary);
    if (!f.boundary) throw input_error("boundary", "'" + *o.boundary + "'", "accelerators or servers");
  }
  if (o.host_power) f.host_power = power::watts(parse_number(*o.host_power, "--host-power"));
  f.region = o.region;
  f.provider = o.provider;
  f.pue = num(o.pue, "--pue");
  if (o.wue) f.wue = water_intensity::l_per_kwh(parse_number(*o.wue, "--wue"));
  if (o.intensity) f.intensity = carbon_intensity::g_per_kwh(parse_number(*o.intensity, "--intensity"));
  if (o.mix) f.mix = parse_mix(*o.mix);
  if (o.ewif) f.ewif = water_intensity::l_per_kwh(parse_number(*o.ewif, "--ewif"));
  f.cfe = ratio(o.cfe, "--cfe");
  if (o.no_embodied) f.embodied = false;
  f.lifetime_years = num(o.lifetime, "--lifetime");
  f.price_usd_per_kwh = num(o.price, "--price");
  f.hourly_price_usd = num(o.hourly_price, "--hourly-price");
  return merge(base, f);
}

const catalog& load_catalog(const global_options& g) {
  if (g.data_files.empty()) return catalog::embedded();
  static std::unique_ptr<catalog> overlaid;
  std::vector<std::filesystem::path> files(g.data_files.begin(), g.data_files.end());
  overlaid = std::make_unique<catalog>(catalog::with_overlays(files));
  return *overlaid;
}

}  // namespace trainprint::cli
