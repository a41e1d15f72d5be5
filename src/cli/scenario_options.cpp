#include "scenario_options.hpp"
#include "typed_spelling.hpp"

#include <algorithm>
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
#include "trainprint/typed_inputs.hpp"

#include <nlohmann/json.hpp>

namespace trainprint::cli {

namespace {
/// "--a-b" for snake_case "a_b".
std::string kebab_flag(std::string_view name) {
  std::string f = "--" + std::string(name);
  std::replace(f.begin(), f.end(), '_', '-');
  return f;
}
}  // namespace

void add_scenario_options(CLI::App& app, scenario_options& o) {
  for (std::size_t k = 0; k < scenario_inputs.size(); ++k) {
    const input_info& i = scenario_inputs[k];
    const std::string group(i.group);
    if (i.name == "recompute") {
      app.add_flag(std::string(i.flag), o.recompute, std::string(i.help))->group(group);
      continue;
    }
    if (i.name == "embodied") {
      app.add_flag(std::string(i.flag), o.no_embodied, std::string(i.help))->group(group);
      continue;
    }
    std::string names(i.flag);
    for (auto a : i.aliases)
      if (!a.empty()) names += "," + kebab_flag(a);
    std::string help(i.help);
    // What --count counts depends on --hardware (the library's hardware_units.hpp).
    if (i.name == "count")
      help = "Number of accelerators (TPU chips); when --hardware names a TPU slice (v3-256, v5litepod-16), an "
             "instance (p5.48xlarge), a server (dgx-h100) or a pod, the number of those (default 1)";
    if (i.name == "hardware")
      help += "; or a TPU slice (v3-256, v5litepod-16), instance (p5.48xlarge), server or pod";
    app.add_option(names, o.values[k], help)->group(group);
  }
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

namespace {
/// An axis's values as the user typed them: separated by ',', or by ';' for a mix, whose
/// values hold commas (parse_axis()).
std::string axis_text(const sweep_axis& a) {
  const char sep = canonical_input_name(a.key) == "mix" ? ';' : ',';
  std::string all;
  for (const auto& v : a.values) {
    if (!all.empty()) all += sep;
    all += v;
  }
  return all;
}

/// An input that says how much work or time the run is: given over a scenario file, it
/// replaces the file's workload as a whole (merge(), scenario::has_workload()).
bool replaces_workload(std::string_view name) {
  for (std::string_view w : {"params", "active_params", "trainable_params", "tokens", "flops", "size", "gpu_hours",
                             "duration_h"})
    if (name == w) return true;
  return false;
}

/// A workload typed over a scenario file's (flags, --across or --vary keys) must give each
/// input of the file's workload that it could go with: merge() replaces the file's workload
/// as a whole, so such an input would be dropped without a word ("--count 512 --duration 14d"
/// over a file's params and tokens), or be missing with the file blamed ("--params 13B" over
/// them: "data/scenario.json: tokens: missing"). Throws input_error naming the typed input
/// and the file's keys.
void check_file_workload(const scenario& file, const std::string& path, const scenario_options& o,
                         std::span<const sweep_axis> axes, std::string_view axis_flag,
                         const std::vector<std::pair<std::string, std::string>>& keys) {
  std::vector<std::string> typed;  // the workload inputs typed, by name
  std::optional<std::pair<std::string, std::string>> culprit;  // the error's field and the text typed
  for (std::size_t k = 0; k < scenario_inputs.size(); ++k)
    if (o.values[k] && scenario_inputs[k].group == "Workload") {
      typed.emplace_back(scenario_inputs[k].name);
      if (!culprit && replaces_workload(scenario_inputs[k].name))
        culprit.emplace(std::string(scenario_inputs[k].name), "'" + *o.values[k] + "'");
    }
  if (o.recompute) typed.emplace_back("recompute");
  for (const auto& a : axes) {
    const std::string name = canonical_input_name(a.key);
    typed.push_back(name);
    if (!culprit && replaces_workload(name)) {
      const std::string all = axis_text(a);
      culprit.emplace(std::string(axis_flag), "'" + a.key + "=" + all + "'");
    }
  }
  if (!culprit) return;
  // Which way of giving the work (0: flops, 1: size, 2: params and tokens) or the time
  // (3: gpu_hours, 4: duration_h) an input is. A file's input whose way is left for another
  // of the same part (its flops for typed params and tokens, its gpu_hours for a typed
  // duration) is replaced, as typing both would conflict; one the typed inputs could go with
  // (its tokens beside a typed params, its params and tokens beside a typed duration) is not
  // dropped without a word.
  auto way = [](std::string_view n) {
    return n == "flops" ? 0 : n == "size" ? 1 : n == "gpu_hours" ? 3 : n == "duration_h" ? 4 : 2;
  };
  auto typed_way = [&](int w) {
    return std::any_of(typed.begin(), typed.end(), [&](const std::string& n) { return way(n) == w; });
  };
  std::vector<std::string> left, add;  // the file's workload inputs no typed input gives: its keys, and the flags to add
  for (const auto& i : scenario_inputs) {
    if (i.group != "Workload" || !input_is_set(file, i) || std::find(typed.begin(), typed.end(), i.name) != typed.end())
      continue;
    const int w = way(i.name);
    const bool time = w >= 3;
    if (!typed_way(w) && (time ? typed_way(7 - w) : typed_way(0) || typed_way(1) || typed_way(2))) continue;
    const auto key = std::find_if(keys.begin(), keys.end(), [&](const auto& p) { return p.first == i.name; });
    left.push_back("'" + (key != keys.end() ? key->second : std::string(i.name)) + "'");
    add.push_back("`" + std::string(i.name) + "`");
  }
  if (left.empty()) return;  // each input of the file's workload is typed over, or gives way to a typed one
  auto list = [](const std::vector<std::string>& v) {
    std::string t;
    for (std::size_t k = 0; k < v.size(); ++k) t += (k == 0 ? "" : k + 1 == v.size() ? " and " : ", ") + v[k];
    return t;
  };
  throw input_error(culprit->first, culprit->second + " over " + path + ", whose " + list(left) + " it would drop",
                    "the file's whole workload typed (add " + list(add) + ") or none of it: a typed workload "
                    "replaces the file's as a whole");
}
}  // namespace

typed_scenario to_typed_scenario(const scenario_options& o, const catalog& cat, std::span<const sweep_axis> axes,
                                 std::string_view axis_flag) {
  typed_scenario t;
  if (o.preset) t.earlier = cat.find_preset(*o.preset).scenario;
  if (o.scenario_file) {
    const std::string text = read_file(*o.scenario_file, 1 << 20);
    // Parsed twice: here for which inputs the file gives, under the keys it spells them
    // with (an error about one of them, the file's own reading included, names the file
    // and its key: for_cli()), and by parse_scenario() below, which refuses a repeated key
    // and reports malformed JSON with the file's name. One parse would need parse_scenario()
    // to hand back the keys it read (issue 13).
    const auto file = nlohmann::json::parse(text, nullptr, false);
    std::vector<std::pair<std::string, std::string>> keys;
    if (file.is_object())
      for (const auto& [key, value] : file.items())
        // A key the reader refuses (kebab-case "power-w": JSON keys are snake_case) is not
        // the file's name for an input: the hint's real key (power_w) stays as it is.
        if (const auto* i = find_input(key); i && key.find('-') == std::string::npos)
          keys.emplace_back(std::string(i->name), key);
    remember_file_inputs(*o.scenario_file, keys);
    scenario file_scenario;
    try {
      // parse_scenario() reads the text again: it refuses a key given twice, which the DOM keeps once.
      file_scenario = parse_scenario(text, *o.scenario_file);
    } catch (const trainprint::error&) {
      remember_file_refused();
      throw;
    }
    check_file_workload(file_scenario, *o.scenario_file, o, axes, axis_flag, keys);
    t.earlier = merge(t.earlier, file_scenario);
  }
  // The flags as typed, read by the library (typed_inputs.hpp) as the browser page reads its fields.
  for (std::size_t k = 0; k < scenario_inputs.size(); ++k)
    if (o.values[k]) t.typed.emplace_back(scenario_inputs[k].name, *o.values[k]);
  if (o.recompute) t.typed.emplace_back("recompute", "true");
  if (o.no_embodied) t.typed.emplace_back("embodied", "false");
  return t;
}

scenario to_scenario(const scenario_options& o, const catalog& cat) {
  typed_scenario t = to_typed_scenario(o, cat);
  return merge(t.earlier, scenario_from_text(std::move(t.typed)));
}

void add_across_options(CLI::App& app, across_options& o, const std::string& example) {
  add_scenario_options(app, o.scenario);
  app.add_option("--across", o.across,
                 "KEY=V1,V2,…: the input to compare across, e.g. " + example + " (mix values separated by ';'); required")
      ->group("Comparison");
  app.add_option("--sort", o.sort, "energy|emissions|water|cost|time (default emissions)")
      ->check(CLI::IsMember({"energy", "emissions", "water", "cost", "time"}))
      ->group("Comparison");
}

sweep_axis parse_cli_axis(std::string_view text, std::string_view what) {
  try {
    return parse_axis(text, what);
  } catch (const input_error& e) {
    if (e.field() != what || !e.expected().starts_with("a scenario input")) throw;
    std::string keys;
    for (const auto& i : scenario_inputs) {
      std::string k(i.name);
      std::replace(k.begin(), k.end(), '_', '-');
      keys += (keys.empty() ? "" : ", ") + k;
    }
    throw input_error(std::string(what), e.value(), e.expected() + "; the keys are the inputs' flags without --: " + keys);
  }
}

void rethrow_first_row(std::exception_ptr x, std::span<const sweep_axis> axes, std::span<const std::string> values,
                       std::string_view what) {
  try {
    std::rethrow_exception(x);
  } catch (const input_error& e) {
    for (std::size_t a = 0; a < axes.size() && a < values.size(); ++a) {
      if (canonical_input_name(axes[a].key) != e.field()) continue;
      const std::string all = axis_text(axes[a]);
      // The user's text in quotes: spelled as typed (spelling.hpp).
      throw input_error(std::string(what),
                        "'" + axes[a].key + "=" + values[a] + "', the first value of '--" + std::string(what) + " " +
                            axes[a].key + "=" + all + "' (no row could be estimated)" +
                            (e.value().empty() || e.value() == values[a] ? std::string() : ": " + e.value()),
                        e.expected());
    }
    throw;
  }
}

comparison compare_across(const across_inputs& in, const catalog& cat, rank_by by, const uncertainty_options* u) {
  try {
    return compare(in.base, in.axis.key, in.axis.values, cat, by, u);
  } catch (const input_error&) {
    const std::string first = in.axis.values.empty() ? std::string() : in.axis.values.front();
    rethrow_first_row(std::current_exception(), std::span(&in.axis, 1), std::span(&first, 1), "across");
  }
}

across_inputs to_across(const across_options& o, const catalog& cat) {
  if (o.across.empty()) {
    // Say how to write it; with the values given to a scenario flag (--region FR,SE), name that flag's form.
    std::string msg = "--across is required: the input to compare and its values, KEY=V1,V2,…";
    std::string hint = "; e.g. --across region=FR,SE";
    for (std::size_t k = 0; k < scenario_inputs.size(); ++k)
      if (const auto& v = o.scenario.values[k]; v && v->find(',') != std::string::npos && scenario_inputs[k].kind != input_kind::mix) {
        const std::string flag(scenario_inputs[k].flag);
        hint = "; to compare " + flag + " values write --across " + flag.substr(2) + "=" + *v + " instead of " + flag + " " + *v;
        break;
      }
    throw CLI::RequiredError(msg + hint, CLI::ExitCodes::RequiredError);
  }
  sweep_axis axis = parse_cli_axis(o.across, "across");
  typed_scenario base = to_typed_scenario(o.scenario, cat, std::span(&axis, 1), "across");
  (void)scenario_from_text(base.typed);  // the flags' own errors first, as estimate gives them
  return {std::move(axis), std::move(base), parse_rank_by(o.sort)};
}

void spell_for_cli(comparison& c) {
  for (auto& r : c.rows) {
    for (auto& n : r.result.notes) n = for_cli(n);
    if (r.error) r.error = for_cli(*r.error);
  }
}

const catalog& load_catalog(const global_options& g) {
  if (g.data_files.empty()) return catalog::embedded();
  static std::unique_ptr<catalog> overlaid;
  std::vector<std::filesystem::path> files(g.data_files.begin(), g.data_files.end());
  overlaid = std::make_unique<catalog>(catalog::with_overlays(files));
  return *overlaid;
}

}  // namespace trainprint::cli
