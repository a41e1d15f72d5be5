#pragma once
/// \file inventory.hpp
/// An inventory of many training runs — the final run, the development and
/// ablation runs before it, fine-tunes after it — with totals, totals by kind of
/// run, the GHG Protocol scopes (ghg.hpp) summed over the runs and the share of
/// development work. `trainprint inventory FILE` reads the runs from CSV or JSON
/// lines, one run a row, with the scenario inputs' names (inputs.hpp) as columns.
///
/// Example:
/// ```
/// trainprint::scenario s;
/// trainprint::set_input(s, "gpu_hours", "100k");
/// trainprint::set_input(s, "hardware", "h100");
/// trainprint::set_input(s, "region", "FR");
/// auto inv = trainprint::make_inventory({{"final run", trainprint::run_kind::final, s, 0}});
/// double kg = *inv.total.value(trainprint::output::emissions_total);
/// ```

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "catalog.hpp"
#include "estimate.hpp"
#include "error.hpp"
#include "ghg.hpp"
#include "output_format.hpp"
#include "scenario.hpp"

namespace trainprint::inline v0 {

/// What a run was for. Published accounts put development (everything before the
/// final run) at a multiple of the final run.
enum class run_kind { final, development, ablation, fine_tune };
/// All kinds, in enum order.
inline constexpr std::array<run_kind, 4> all_run_kinds{run_kind::final, run_kind::development, run_kind::ablation,
                                                      run_kind::fine_tune};
/// "final", "development", "ablation", "fine-tune".
constexpr std::string_view to_string(run_kind k) {
  constexpr std::array<std::string_view, 4> names{"final", "development", "ablation", "fine-tune"};
  return names[static_cast<std::size_t>(k)];
}
/// Parses a kind ("fine_tune" is accepted for "fine-tune"); nullopt when unknown.
constexpr std::optional<run_kind> parse_run_kind(std::string_view s) {
  if (s == "fine_tune") return run_kind::fine_tune;
  for (auto k : all_run_kinds)
    if (to_string(k) == s) return k;
  return std::nullopt;
}

/// One run of an inventory.
struct inventory_run {
  std::string name;  ///< the row's "name"; "line N" when it has none
  run_kind kind = run_kind::final;
  trainprint::scenario scenario;
  std::size_t line = 0;  ///< line of the file (1-based) the run starts on; 0 when not from a file
};

/// The sum of some runs' outputs.
struct inventory_total {
  std::size_t runs = 0;                     ///< runs summed
  std::array<double, output_count> sum{};   ///< by output_table order, over the runs that know it
  std::array<std::size_t, output_count> known{};  ///< runs that know each output
  /// Runs whose embodied emissions were left out by choice (--no-embodied, "embodied":
  /// false, or the model-card convention), not unknown.
  std::size_t embodied_left_out = 0;
  /// The total of `o` in its table unit; nullopt unless every run knows it (a total
  /// that leaves runs out is not a total). Embodied emissions are summed over the runs
  /// that count them: nullopt when one of those does not know them, or when every run
  /// left them out (embodied_text() says which).
  [[nodiscard]] std::optional<double> value(output o) const {
    const auto i = index_of(o);
    const std::size_t counted = o == output::emissions_embodied ? runs - embodied_left_out : runs;
    if (counted == 0 || known[i] != counted) return std::nullopt;
    return sum[i];
  }
  void add(const estimate& e);
};

/// One line of the scope table summed over runs: runs of one scope, category,
/// method and (market-based) kind of claim.
struct inventory_scope_line {
  int scope = 2, category = 0;
  std::string method, claim, label;  ///< as ghg_line; label includes the claim
  double kg_co2e = 0;
  std::size_t runs = 0;  ///< runs that contribute a known figure
};

/// A total's embodied emissions as a person reads them: "left out" when every run
/// left them out, "1.2 t CO2e (2 of 5 runs left out)" when some did, the amount when
/// none did, "unknown" when a run that counts them does not know them.
[[nodiscard]] std::string embodied_text(const inventory_total& t);

/// An inventory (JSON schema `trainprint.inventory/1`).
struct inventory {
  struct row {
    inventory_run run;
    estimate result;
    ghg_accounting ghg;
  };
  std::vector<row> rows;  ///< in file order
  inventory_total total;
  std::array<inventory_total, 4> by_kind;  ///< by run_kind
  std::vector<inventory_scope_line> scopes;
  /// Development work (development + ablation runs) as a share of all runs' total
  /// emissions (location-based + embodied) and energy, and as a multiple of the
  /// final runs'; nullopt when unknown or undefined.
  std::optional<double> development_share_emissions, development_share_energy, development_per_final_emissions;
  std::vector<std::string> notes;
};

/// Estimates every run and sums them. Throws inventory_error naming every run that
/// fails (by its line, else its position from 1), not only the first, and
/// input_error for no runs.
inventory make_inventory(const std::vector<inventory_run>& runs, const catalog& cat = catalog::embedded());

/// The schema id written into every inventory's JSON.
inline constexpr std::string_view inventory_schema = "trainprint.inventory/1";

/// An inventory → `trainprint.inventory/1`: {"schema", "runs": [{"line", "name",
/// "kind", "estimate": trainprint.estimate/1}], "totals": {"all": {"runs",
/// "embodied_left_out_runs", "compute": {...}, "energy_kwh": {...}, "emissions_kg_co2e": {...}, "water_l":
/// {...}, "cost_usd": {...}}, "by_kind": {"final": {...}, ...}}, "ghg_protocol":
/// [{"scope", "category", "category_name", "method", "claim", "label", "kg_co2e",
/// "runs"}], "development": {"kinds", "share_of_emissions", "share_of_energy",
/// "per_final_emissions"}, "notes", "catalog", "trainprint_version"}. A total is
/// null unless every run knows it.
void to_json(nlohmann::json& j, const inventory& inv);

/// The inventory in format `f`: table (the runs, totals by kind, the scope table,
/// the development share, notes), csv (one row per run, then "total" rows per kind
/// and for all runs), json (trainprint.inventory/1, indented by 2), md, or html (the
/// report, report.hpp's render_inventory_report with default options). Throws
/// input_error for another format.
std::string render(const inventory& inv, output_format f, const catalog& cat = catalog::embedded());

/// Bad rows of an inventory: the message lists each with its line number and error.
/// Message: `[trainprint.input] runs.csv: 2 bad rows` then one line per row,
/// `  line 3: [trainprint.input] count: got 0, ...`.
class inventory_error : public error {
 public:
  /// `file` names the file; `problems` are (line, message) pairs in file order.
  inventory_error(const std::string& file, std::vector<std::pair<std::size_t, std::string>> problems);
  /// The bad rows: (line, message).
  [[nodiscard]] const std::vector<std::pair<std::size_t, std::string>>& problems() const noexcept { return problems_; }

 private:
  std::vector<std::pair<std::size_t, std::string>> problems_;
};

}  // namespace trainprint::inline v0
