// energy_sources.json: lifecycle emissions and water consumption per kWh by source.

#include "catalog/fields.hpp"
#include "catalog/json_scan.hpp"

namespace trainprint::inline v0::catalog_detail {

template <class Node>
void parse_item(energy_source& e, const reader& rd, const source_map& src, const Node& o, const std::string& p) {
  e.prov = prov_of(rd, src, o, p);
  e.name = rd.opt_str(o, p, "name");
  const auto lc = rd.at(o, p, rules::lifecycle);
  const auto lp = p + "/lifecycle_gco2e_per_kwh";
  e.lifecycle_median = rd.num(lc, lp, rules::lifecycle_median);
  e.lifecycle_min = rd.opt_num(lc, lp, "min").value_or(e.lifecycle_median);
  e.lifecycle_max = rd.opt_num(lc, lp, "max").value_or(e.lifecycle_median);
  e.lifecycle_prov = prov_of(rd, src, lc, lp, &e.prov);
  const auto& [lo, mid, hi] = rules::lifecycle_bounds;
  if (!(lo.admits(e.lifecycle_min) && mid.admits(e.lifecycle_median) && hi.admits(e.lifecycle_max) &&
        e.lifecycle_min <= e.lifecycle_median && e.lifecycle_median <= e.lifecycle_max))
    rd.fail(lp, "expected 0 <= min <= median <= max <= " + shortest(hi.hi));
  if (rd.has(o, "water_l_per_kwh")) {
    const auto w = *o.find("water_l_per_kwh");
    const auto wp = p + "/water_l_per_kwh";
    e.water_l_per_kwh = rd.num(w, wp, rules::water_value);
    e.water_min = rd.opt_num(w, wp, "min");
    e.water_max = rd.opt_num(w, wp, "max");
    e.water_prov = prov_of(rd, src, w, wp, &e.prov);
    const auto& [wlo, wmid, whi] = rules::water_bounds;
    if (!wmid.admits(*e.water_l_per_kwh) || (e.water_min && !(wlo.admits(*e.water_min) && *e.water_min <= *e.water_l_per_kwh)) ||
        (e.water_max && !(whi.admits(*e.water_max) && *e.water_l_per_kwh <= *e.water_max)))
      rd.fail(wp, "expected 0 <= min <= value <= max <= " + shortest(whi.hi));
  }
}

template void parse_item(energy_source&, const reader&, const source_map&, const json_node&, const std::string&);
template void parse_item(energy_source&, const reader&, const source_map&, const text_node&, const std::string&);

}  // namespace trainprint::inline v0::catalog_detail
