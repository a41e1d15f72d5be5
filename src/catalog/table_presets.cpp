// presets.json: published training runs, their scenarios and what they reported.

#include "catalog/fields.hpp"
#include "trainprint/json.hpp"

namespace trainprint::inline v0::catalog_detail {

void parse_item(preset& pr, const reader& rd, const source_map& src, const json_node& o, const std::string& p) {
  pr.prov = prov_of(rd, src, o, p);
  pr.name = rd.opt_str(o, p, "name");
  pr.year = rd.opt_int(o, p, "year");
  try {
    pr.scenario = rd.at(o, p, rules::preset_scenario).dom().get<scenario>();
  } catch (const input_error& e) {
    rd.fail(p + "/scenario/" + e.field(), e.what());
  }
  if (rd.has(o, "published")) pr.published_json = o.find("published")->dom().dump();
  if (rd.has(o, "reported")) {
    const auto r = *o.find("reported");
    const auto rp = p + "/reported";
    pr.reported_energy_mwh = rd.opt_num(r, rp, "energy_mwh");
    pr.reported_emissions_t_co2e = rd.opt_num(r, rp, "emissions_t_co2e");
    pr.reported_boundary = rd.opt_str(r, rp, "boundary");
    if (rd.has(r, "includes_pue")) pr.reported_includes_pue = rd.boolean(*r.find("includes_pue"), rp + "/includes_pue");
    pr.reported_notes = rd.opt_str(r, rp, "notes");
  }
}

}  // namespace trainprint::inline v0::catalog_detail
