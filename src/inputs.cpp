// The table of scenario inputs: limit checks and the docs table (see inputs.hpp).

#include "trainprint/inputs.hpp"

#include <cmath>

#include "trainprint/error.hpp"
#include "trainprint/estimator.hpp"
#include "trainprint/plain.hpp"
#include "text.hpp"

namespace trainprint::inline v0 {

void check_input_limits(const scenario& s) {
  for (const auto& i : scenario_inputs) {
    if (!i.has_limits()) continue;
    const auto v = i.get(s);
    if (!v) continue;
    const std::string name(i.name);
    detail::check_range(name, *v, i.lo, i.hi, i.lo_inclusive);
    if (i.whole && std::floor(*v) != *v) throw input_error(name, detail::num(*v), "a whole number of " + name);
  }
}

namespace {

std::string limits_text(const input_info& i) {
  switch (i.kind) {
    case input_kind::text:
      if (i.name == "size") return "one of " + size_words();
      if (i.name == "energy") return "one of " + energy_word_list();
      if (i.name == "hardware") return "a catalog id or alias, or gpu, tpu, accelerator";
      if (i.text == &scenario::site_kind) return "data-centre, server-room, workstation, desktop or laptop";
      return "a catalog id or alias";
    case input_kind::precision: return "fp32, tf32, bf16, fp16 or fp8";
    case input_kind::boundary: return "accelerators or servers";
    case input_kind::convention: return "servers, accelerators or model-card";
    case input_kind::ownership: return "owned or cloud";
    case input_kind::energy_boundary: return "accelerators, servers or facility";
    case input_kind::mix: return "shares 0..1 summing to 1";
    case input_kind::flag: return "true or false";
    default: break;
  }
  std::string t = detail::num(i.lo) + (i.lo_inclusive ? " ≤ v ≤ " : " < v ≤ ") + detail::num(i.hi);
  if (i.whole) t += ", whole";
  return t;
}

std::string code(std::string_view s) { return "`" + std::string(s) + "`"; }

}  // namespace

std::string inputs_markdown() {
  std::string out =
      "# Scenario inputs\n\n"
      "Generated from the table in include/trainprint/inputs.hpp by trainprint::inputs_markdown();\n"
      "tests/unit/inputs.test.cpp fails when this file differs, and writes the new text beside it.\n\n"
      "The name is the C++ field of `trainprint::scenario`, the key of the scenario JSON and the Python\n"
      "keyword; the CLI flag is the name in kebab-case. Aliases are older spellings, still accepted\n"
      "everywhere (JSON key, CLI flag, Python keyword, `--across`/`--vary` key). Inputs marked \"range\"\n"
      "take `low:high` or `low:mode:high` for uncertainty analysis (docs/uncertainty.md).\n"
      "\n## Which input wins\n\n"
      "A scenario comes from up to three sources, each over the one before: a preset (`--preset`, `preset=`),\n"
      "a scenario file (`--scenario`, `scenario=`), then the inputs as typed (CLI flags, Python keywords,\n"
      "the page's fields). One rule, `trainprint::merge()`, decides for every interface:\n\n"
      "- An input given by a later source replaces the same input of an earlier one.\n"
      "- A **workload** input (`params`, `active_params`, `trainable_params`, `tokens`, `flops`, `size`,\n"
      "  `gpu_hours`, `duration_h`) replaces the earlier sources' workload as a whole (with `layers`,\n"
      "  `d_model`, `seq_len`, `recompute`): a preset's GPU-hours never stay behind a typed `--tokens`.\n"
      "- A **site** input that says where the run is or what its grid is (`region`, `provider`,\n"
      "  `site_kind`, `intensity`, `mix`, `energy`) replaces the earlier sources' site inputs as a whole\n"
      "  (those six and `pue`, `wue`, `ewif`, `cfe`, `ownership`): `--preset llama-2-7b --region FR` is\n"
      "  the published run in France, with France's grid and the default PUE, not the preset's published\n"
      "  intensity and PUE. `pue`, `wue`, `ewif`, `cfe` or `ownership` alone refine the earlier site.\n"
      "- Inputs of one source never replace each other: `--region FR --intensity 50` keeps both (the\n"
      "  given intensity wins over the region's), and two workloads given together are a conflict.\n"
      "- `compare --across KEY=V1,V2` and `report` estimate each option as if `--KEY V` were one more\n"
      "  flag: over a preset, `--across region=FR,PL` gives each region's own grid, and a typed `--pue`\n"
      "  stays. A `sweep --vary` value replaces only its own input (a workload value the workload), so a\n"
      "  region swept over a preset that carries a published intensity keeps that intensity; compare\n"
      "  regions over a preset with `compare --across region=…`.\n";
  std::string_view group;
  for (const auto& i : scenario_inputs) {
    if (i.group != group) {
      group = i.group;
      out += "\n## " + std::string(group) + "\n\n";
      out += "| Name | CLI flag | Aliases | Unit | Limits | Range | Description |\n";
      out += "|---|---|---|---|---|---|---|\n";
    }
    std::string aliases;
    for (auto a : i.aliases)
      if (!a.empty()) aliases += (aliases.empty() ? "" : ", ") + code(a);
    out += "| " + code(i.name) + " | " + code(i.flag) + " | " + aliases + " | " + std::string(i.unit) + " | " +
           limits_text(i) + " | " + (i.rangeable ? "range" : "") + " | " + text::md_escape(i.help) + " |\n";
  }
  return out;
}

}  // namespace trainprint::inline v0
