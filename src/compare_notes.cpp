// What a comparison says beside its numbers, one definition for every rendering (compare's
// table, Markdown, CSV and JSON; the report's Markdown and HTML): which options are ranked,
// and the notes on costs (format_internal.hpp).

#include "format_internal.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "text.hpp"

namespace trainprint::inline v0 {

namespace {

/// The ranked quantity as a sentence names it.
std::string_view metric_words(rank_by r) {
  switch (r) {
    case rank_by::energy: return "energy";
    case rank_by::emissions: return "emissions";
    case rank_by::water: return "water";
    case rank_by::cost: return "cost";
    case rank_by::time: return "wall time";
  }
  return "metric";
}

/// Whether a row's estimate read a given hourly price (the user's, not the catalog's list price).
bool given_price(const comparison_row& r) { return !r.error && r.result.scenario.hourly_price_usd.has_value(); }

}  // namespace

std::size_t known_metrics(const comparison& c) {
  return static_cast<std::size_t>(
      std::count_if(c.rows.begin(), c.rows.end(), [](const comparison_row& r) { return r.metric.has_value(); }));
}

std::optional<std::size_t> rank_of(const comparison& c, std::size_t i) {
  // The rows are sorted with the known metrics first (compare()), so a known row's place is its rank.
  if (i >= c.rows.size() || !c.rows[i].metric || known_metrics(c) < 2) return std::nullopt;
  return i + 1;
}

std::string ranking_text(const comparison& c) {
  const std::size_t known = known_metrics(c);
  const std::string_view what = metric_words(c.rank_by);
  const std::string_view is = c.rank_by == rank_by::emissions ? "are" : "is";
  if (known >= 2) return fmt::format("ranked by {}, best first", to_string(c.rank_by));
  if (known == 0) return fmt::format("not ranked: no option's {} {} known", what, is);
  const auto it = std::find_if(c.rows.begin(), c.rows.end(), [](const comparison_row& r) { return r.metric.has_value(); });
  return c.rows.size() == 1 ? std::string("not ranked: one option")
                            : fmt::format("not ranked: only the {} of {} {} known", what, it->value, is);
}

std::optional<std::string> owned_cost_note(const comparison& c) {
  // An owned run whose electricity cost is known but not what owning costs: its cost is unknown.
  const bool part = std::any_of(c.rows.begin(), c.rows.end(), [](const comparison_row& r) {
    return !r.error && r.result.context.ownership == ownership::owned && r.result.electricity_cost_usd &&
           !r.result.compute_cost_usd;
  });
  if (!part) return std::nullopt;
  return std::string("an owned run's cost is its electricity plus what owning the hardware costs per "
                     "accelerator-hour; without that price the run's cost is unknown, and its electricity cost is "
                     "only a part of it.");
}

bool price_read_both_ways(const comparison_row& a, const comparison_row& b) {
  return given_price(a) && given_price(b) && a.result.context.ownership != b.result.context.ownership;
}

std::optional<std::string> price_reading_note(const comparison& c) {
  std::vector<std::string> rented, owned;
  std::vector<double> prices;
  for (const auto& r : c.rows) {
    if (!given_price(r)) continue;
    (r.result.context.ownership == ownership::cloud ? rented : owned).push_back(r.value);
    if (std::find(prices.begin(), prices.end(), *r.result.scenario.hourly_price_usd) == prices.end())
      prices.push_back(*r.result.scenario.hourly_price_usd);
  }
  if (rented.empty() || owned.empty()) return std::nullopt;
  const std::string price = prices.size() == 1
                                ? fmt::format("the one hourly price given, {:g} USD per accelerator-hour, is", prices[0])
                                : std::string("the hourly prices given are");
  return fmt::format("{} read two ways: as the rent of {} (a rented run's rent pays for its electricity) and as what "
                     "owning the hardware costs for {} (an owned run pays for its electricity besides); their costs "
                     "differ by that reading, not only by the run: give each the price it really pays.",
                     price, text::join(rented, ", "), text::join(owned, ", "));
}

std::vector<std::string> cost_notes(const comparison& c) {
  std::vector<std::string> out;
  if (auto n = owned_cost_note(c)) out.push_back(std::move(*n));
  if (auto n = price_reading_note(c)) out.push_back(std::move(*n));
  return out;
}

}  // namespace trainprint::inline v0
