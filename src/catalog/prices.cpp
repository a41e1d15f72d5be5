// The embedded catalog's list on-demand prices (prices.hpp).

#include "catalog/prices.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

#include "catalog/reader.hpp"
#include "embedded_data.hpp"

namespace trainprint::inline v0::catalog_detail {

namespace {
std::vector<list_price> parse_prices() {
  std::vector<list_price> out;
  for (const auto& t : detail::embedded_tables()) {
    if (std::string_view(t.name) != "hardware.json") continue;
    const reader rd(std::string("<embedded>/") + t.name);
    const auto doc = nlohmann::json::parse(t.text);
    const auto& systems = doc.at("systems");
    for (std::size_t i = 0; i < systems.size(); ++i) {
      const auto& s = systems[i];
      const auto it = s.find("on_demand_price");
      if (it == s.end() || it->is_null()) continue;
      const std::string p = "/systems/" + std::to_string(i) + "/on_demand_price";
      const auto& o = *it;
      auto str = [&](const char* key) {
        const auto v = o.find(key);
        if (v == o.end() || !v->is_string()) rd.fail(p + "/" + key, "expected a string");
        return v->get<std::string>();
      };
      list_price lp;
      lp.system = s.at("id").get<std::string>();
      const auto v = o.find("usd_per_hour");
      if (v == o.end() || !v->is_number() || !(v->get<double>() > 0) || !std::isfinite(v->get<double>()))
        rd.fail(p + "/usd_per_hour", "expected a positive price in USD per hour");
      lp.usd_per_hour = v->get<double>();
      const std::string per = str("per");
      if (per != "instance" && per != "accelerator") rd.fail(p + "/per", "expected \"instance\" or \"accelerator\"");
      lp.per_accelerator = per == "accelerator";
      lp.region = str("region");
      lp.as_of = str("as_of");
      lp.source = str("source");
      lp.confidence = str("confidence");
      if (o.contains("notes")) lp.notes = str("notes");
      out.push_back(std::move(lp));
    }
  }
  return out;
}
}  // namespace

const std::vector<list_price>& embedded_list_prices() {
  static const std::vector<list_price> prices = parse_prices();
  return prices;
}

}  // namespace trainprint::inline v0::catalog_detail
