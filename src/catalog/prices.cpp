// The catalog's list on-demand prices (prices.hpp): reading one, the embedded file's,
// the prices of a loaded file, and a catalog's (found through catalog/memo.hpp).

#include "catalog/prices.hpp"

#include <algorithm>
#include <mutex>
#include <nlohmann/json.hpp>

#include "catalog/fields.hpp"
#include "catalog/impl.hpp"
#include "catalog/memo.hpp"
#include "embedded_data.hpp"

namespace trainprint::inline v0 {

namespace catalog_detail {

namespace {

/// systems[i].on_demand_price of the system `sys` at `sp`; its source key is not resolved here.
list_price read_price(const reader& rd, const json_node& sys, const std::string& sp) {
  const std::string p = sp + "/on_demand_price";
  const auto o = rd.object(sys, sp, "on_demand_price",
                           "expected an object: usd_per_hour, per, region, as_of, source, confidence "
                           "(notes, superseded optional)");
  list_price lp;
  lp.system = rd.str(sys, sp, "id");
  lp.usd_per_hour = rd.num(o, p, "usd_per_hour");
  if (!(lp.usd_per_hour > 0)) rd.fail(p + "/usd_per_hour", "expected a positive price in USD per hour");
  const std::string per = rd.str(o, p, "per");
  if (per != "instance" && per != "accelerator")
    rd.fail(p + "/per", "expected \"instance\" (USD per instance-hour) or \"accelerator\" (USD per "
                        "accelerator-hour), got '" + per + "'");
  lp.per_accelerator = per == "accelerator";
  lp.region = rd.str(o, p, "region");
  lp.as_of = rd.str(o, p, "as_of");
  const auto& d = lp.as_of;
  const bool date = d.size() == 10 && d[4] == '-' && d[7] == '-' &&
                    std::all_of(d.begin(), d.end(), [](char c) { return c == '-' || (c >= '0' && c <= '9'); });
  if (!date) rd.fail(p + "/as_of", "expected the date of the price as YYYY-MM-DD, got '" + d + "'");
  lp.source = rd.str(o, p, "source");
  lp.confidence = rd.str(o, p, "confidence");
  if (std::find(confidences.begin(), confidences.end(), lp.confidence) == confidences.end())
    rd.fail(p + "/confidence", "expected high, medium or low, got '" + lp.confidence + "'");
  lp.notes = rd.opt_str(o, p, "notes");
  if (rd.has(o, "superseded")) {
    lp.superseded = rd.str(o, p, "superseded");
    if (lp.superseded.empty())
      rd.fail(p + "/superseded", "expected why the price is out of date (a later price cut, ...), or no member");
  }
  lp.file = rd.file();
  lp.ptr = p;
  return lp;
}

const std::vector<list_price> no_prices;

}  // namespace

const std::vector<list_price>& embedded_list_prices() {
  static const std::vector<list_price> prices = [] {
    std::vector<list_price> out;
    for (const auto& t : detail::embedded_tables()) {
      if (std::string_view(t.name) != "hardware.json") continue;
      const reader rd(std::string("<embedded>/") + t.name);
      const json dom = json::parse(t.text);
      const json_node systems = rd.array(json_node(dom), "", "systems");
      for (std::size_t i = 0; i < systems.size(); ++i)
        if (rd.has(systems[i], "on_demand_price"))
          out.push_back(read_price(rd, systems[i], "/systems/" + std::to_string(i)));
    }
    return out;
  }();
  return prices;
}

const std::vector<list_price>& prices_of(const catalog_tables_base& t) {
  if (t.prices) return *t.prices;
  return t.embedded_prices ? embedded_list_prices() : no_prices;
}

const std::vector<list_price>& list_prices(const catalog& cat) {
  const catalog_tables_base* t = tables_of(cat);
  return t ? prices_of(*t) : no_prices;
}

namespace {

/// priced_systems, filled on first use under its own lock (memo_of makes it empty).
struct priced_memo {
  std::mutex m;
  bool filled = false;
  priced_systems got;
};

}  // namespace

std::shared_ptr<const priced_systems> priced_systems_of(const catalog& cat) {
  const std::shared_ptr<priced_memo> memo = catalog_detail::memo<priced_memo>(cat);
  const std::lock_guard lock(memo->m);
  if (!memo->filled) {
    std::vector<priced_system> out;
    for (const auto& p : list_prices(cat))
      if (const system_profile* x = cat.get_system(p.system))
        out.push_back({&p, x, p.source_ptr ? p.source_ptr : cat.get_source(p.source)});
    memo->got.entries = std::move(out);
    memo->filled = true;
  }
  // Shares the memo's ownership: the entries live as long as the caller holds them.
  return {memo, &memo->got};
}

}  // namespace catalog_detail

using namespace catalog_detail;

std::optional<list_price> catalog::impl::parse_price(const reader& rd, const source_map& src, const json_node& sys,
                                                     const std::string& ptr) const {
  if (!rd.has(sys, "on_demand_price")) return std::nullopt;
  list_price lp = read_price(rd, sys, ptr);
  const auto it = src.find(lp.source);
  if (it == src.end())
    rd.fail(lp.ptr + "/source", "unknown source '" + lp.source + "' (not in this file's \"sources\")");
  lp.source_ptr = it->second;
  return lp;
}

void catalog::impl::set_price(const std::string& system, std::optional<list_price> lp) {
  const auto& now = prices_of(*this);
  const std::string key = lower(system);
  auto same = [&](const list_price& p) { return lower(p.system) == key; };
  if (!lp && std::none_of(now.begin(), now.end(), same)) return;
  auto next = std::make_shared<std::vector<list_price>>();
  for (const auto& p : now)
    if (!same(p)) next->push_back(p);
  if (lp) next->push_back(std::move(*lp));
  prices = std::move(next);
}

void catalog::impl::check_prices() const {
  if (!prices) return;  // the embedded file's: checked by tests/unit/prices_data.test.cpp
  for (const auto& p : *prices) {
    const auto r = regions.index.find(lower(p.region));
    if (r == regions.index.end()) throw data_error(p.file, p.ptr + "/region", "unknown region '" + p.region + "'");
    const auto s = systems.index.find(lower(p.system));
    if (s == systems.index.end()) continue;  // cannot happen: the price was loaded with its system
    const std::string& sys_provider = systems.items[s->second].provider;
    const std::string& reg_provider = regions.items[r->second].provider;
    if (!sys_provider.empty() && reg_provider != sys_provider)
      throw data_error(p.file, p.ptr + "/region",
                       "region '" + p.region + "' is not a region of " + sys_provider + ", the provider of system " +
                           p.system + "; give one of its regions (" + sys_provider + ":…)");
  }
}

}  // namespace trainprint::inline v0
