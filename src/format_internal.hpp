#pragma once
// The renderers behind render(estimate|comparison, output_format) and
// render_catalog_table/entry (format.hpp), one per subject and format, and their
// helpers. Private to the library; the CLI and bindings call the render entries.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "trainprint/catalog.hpp"
#include "trainprint/compare.hpp"
#include "trainprint/estimate.hpp"
#include "trainprint/output_format.hpp"

namespace trainprint::inline v0 {

/// True when `text` needs quotes as a CSV field (RFC 4180): a comma, a quote or a line
/// break. csv_field()'s rule; a loop, since fields are short and find_first_of calls
/// memchr per character (a sweep asks for every row).
inline bool csv_needs_quotes(std::string_view text) {
  for (const char c : text)
    if (c == ',' || c == '"' || c == '\r' || c == '\n') return true;
  return false;
}

struct inventory;
struct inventory_run;
enum class run_kind;

/// The hardware of an estimate as people read it: "8 × nvidia-h100-sxm5-80gb",
/// "256 × google-tpu-v3 chips", "2 × v3-256 slices (256 google-tpu-v3 chips)",
/// "1 × aws-p5.48xlarge instance (8 × nvidia-h100-sxm5-80gb)"; "" without hardware.
/// The unit is the scenario's hardware looked up again in `cat` (hardware_units.hpp).
/// With `with_count` false, only the accelerator's id.
std::string hardware_text(const estimate& e, const catalog& cat, bool with_count = true);

/// The interval of output `name` ("emissions_kg_co2e.total") when the estimate has
/// one with a width (p5 != p95), else nullptr.
const output_interval* interval(const estimate& e, std::string_view name);

/// The distribution input `i` of `e` was drawn from, when `e` has ranges and the input
/// was sampled (not fixed); else nullptr. Its median and 5th/95th percentiles are the
/// factor to print beside median outputs (docs/uncertainty.md).
const input_distribution* drawn_input(const estimate& e, uncertain_input i);

/// A factor of `e` as a CSV-style triple: with ranges, the median and 5th/95th percentile of
/// its distribution (a fixed input: its value three times); without, the point value and no
/// percentiles. nullopt parts where `point` is unknown.
struct factor_cells {
  std::optional<double> value, p5, p95;
};
factor_cells factor_of(const estimate& e, uncertain_input i, std::optional<double> point);

/// With ranges: a *_p5 and a *_p95 column for each headline output with an interval
/// (",energy_facility_kwh_p5,energy_facility_kwh_p95,…"), written after a CSV row's
/// other columns so that a reader of those keeps its places; the cells of `e` (empty
/// where it has no interval).
std::string range_csv_header();
std::string range_csv_cells(const estimate& e);

/// A CSV field, quoted when it holds a comma, quote or line break (RFC 4180).
std::string csv_field(std::string_view text);
/// Aligned text columns under a header row, each line indented by two spaces;
/// columns with `right_aligned[i]` true are right-aligned (numbers).
std::string render_columns(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
                           const std::vector<bool>& right_aligned);

/// Throws input_error: format `f` is not one of `supported` ("table, json") for
/// `subject` ("an estimate").
[[noreturn]] void unsupported_format(std::string_view subject, output_format f, std::string_view supported);

/// The estimate as a table for people: headline outputs with units, the boundary
/// and the region basis, everyday equivalents, notes; with `explain`, the trace.
std::string render_table(const estimate& e, const catalog& cat, bool explain = false);
/// With uncertainty: the uncertain inputs (low, mode, high, basis) and the
/// sensitivity ranking as a tornado table; "" without.
std::string render_sensitivity(const estimate& e);
/// The trace alone, one aligned line per entry.
std::string render_trace(const estimate& e);
/// The estimate as a Markdown section: a heading, the basis, a table of the
/// headline outputs, the equivalents and notes; with `explain`, the trace.
std::string render_markdown(const estimate& e, const catalog& cat, bool explain = false);

/// A number for CSV and JSON lines: up to 10 significant digits; "" when unknown.
std::string csv_number(std::optional<double> v);
/// The estimate as CSV: a header row (units in the column names) and one row.
std::string render_csv(const estimate& e);

/// A comparison as a ranked table for people: best first, one column per headline
/// output with the unit in its header, the difference to the best, the grid basis
/// of each row and what choosing the best over the worst saves in everyday terms.
std::string render_comparison_table(const comparison& c, const catalog& cat);
/// The same as a Markdown table.
std::string render_comparison_markdown(const comparison& c, const catalog& cat);
/// The total-emissions chart of a comparison as a standalone SVG file (report.cpp).
std::string render_comparison_svg(const comparison& c);
/// The comparison as CSV: rank, the varied value, the headline outputs, the grid
/// intensity and the difference to the best in the ranked metric's unit.
std::string render_comparison_csv(const comparison& c);
/// Columns as a Markdown table, every cell escaped (text::md_escape).
std::string render_markdown_table(const std::vector<std::string>& header,
                                  const std::vector<std::vector<std::string>>& rows,
                                  const std::vector<bool>& right_aligned);
/// The unit of a rank metric: "kwh", "kg_co2e", "l", "usd", "h".
std::string_view rank_unit(rank_by r);
/// The kinds of grid intensity the rows use ("lifecycle", "direct": the basis up to
/// its first comma), each once, in row order; more than one do not compare like for like.
std::vector<std::string> intensity_kinds(const comparison& c);
/// "the rows mix direct and lifecycle intensities; …": what a reader of a ranking over
/// `kinds` (intensity_kinds(), two or more) must know.
std::string mixed_bases_note(const std::vector<std::string>& kinds);

// --- what a comparison says beside its numbers (compare_notes.cpp): one definition for
// compare's table, Markdown, CSV and JSON and the report's Markdown and HTML ---

/// How many options of `c` have a known ranked metric.
std::size_t known_metrics(const comparison& c);
/// The rank of row `i` (1 = best): nullopt when its metric is unknown, or when fewer than
/// two options' metrics are known (then nothing is ranked).
std::optional<std::size_t> rank_of(const comparison& c, std::size_t i);
/// "ranked by cost, best first"; with fewer than two metrics known, "not ranked: no
/// option's cost is known" or "not ranked: only the cost of FR is known".
std::string ranking_text(const comparison& c);
/// The note on an owned run's cost (its electricity + what owning the hardware costs per
/// accelerator-hour), when an owned option knows its electricity cost but not that price;
/// lower case, ending in a full stop.
std::optional<std::string> owned_cost_note(const comparison& c);
/// Whether rows `a` and `b` both read a given hourly price, one as rent (rented) and the
/// other as what owning costs (owned): their costs then differ by that reading.
bool price_read_both_ways(const comparison_row& a, const comparison_row& b);
/// The note when one comparison reads a given hourly price both as rent and as what owning
/// costs (price_read_both_ways() for some pair of options), naming the options; lower case.
std::optional<std::string> price_reading_note(const comparison& c);
/// owned_cost_note() and price_reading_note(), those that apply, in that order.
std::vector<std::string> cost_notes(const comparison& c);

/// An amount of US dollars for people: "$376", "$41.2k", "$1.23M" (3 significant digits).
std::string usd_text(double v);

/// The cost of the runs of one kind of an inventory, each counted once as compare counts
/// it (rank_metric(e, rank_by::cost), compare.hpp): a rented run's rent, whose price
/// already pays for its electricity; an owned run's electricity + compute, unknown when
/// either is. USD.
struct inventory_cost_sum {
  double known_sum = 0;    ///< the sum over the runs whose cost is known
  std::size_t known = 0;   ///< runs whose cost is known
  std::size_t runs = 0;    ///< runs of the kind
  /// The total: nullopt unless every run knows its cost.
  [[nodiscard]] std::optional<double> total() const {
    return runs > 0 && known == runs ? std::optional(known_sum) : std::nullopt;
  }
};
/// The cost of the runs of `kind` (all runs when nullopt) (inventory_render.cpp).
inventory_cost_sum inventory_cost(const inventory& inv, std::optional<run_kind> kind);
/// The cost of some runs for people: "$41.2k" when every run knows its cost, "unknown"
/// when none does, else the sum of those that do as a floor: "≥ $860k (3 of 5 runs unknown)".
std::string inventory_cost_text(const inventory_cost_sum& c);
/// A run of an inventory as the notes name it: "final 7B (line 2)", or its name alone
/// when it has no line or its name is "line N".
std::string run_label(const inventory_run& r);

/// The count alone, for a table cell headed with the equivalent's name: readable_count(),
/// or "< 0.01" where that would print 0.00.
std::string equivalent_cell(double amount, const equivalent& q);

}  // namespace trainprint::inline v0
