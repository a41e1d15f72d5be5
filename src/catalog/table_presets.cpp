// presets.json: published training runs, their scenarios and what they reported.

#include "catalog/fields.hpp"
#include "catalog/json_scan.hpp"
#include "trainprint/json.hpp"

namespace trainprint::inline v0::catalog_detail {

namespace {
/// The DOM of a value: the node's own, or its (strictly valid) text parsed by
/// nlohmann, which gives the same DOM as the whole entry's parse would.
const json& dom_of(const json_node& n) { return n.dom(); }
json dom_of(const text_node& n) { return json::parse(n.text()); }
}  // namespace

template <class Node>
void parse_item(preset& pr, const reader& rd, const source_map& src, const Node& o, const std::string& p) {
  pr.prov = prov_of(rd, src, o, p);
  pr.name = rd.opt_str(o, p, "name");
  pr.year = rd.opt_int(o, p, "year");
  try {
    pr.scenario = dom_of(rd.at(o, p, rules::preset_scenario)).template get<scenario>();
  } catch (const input_error& e) {
    rd.fail(p + "/scenario/" + e.field(), e.what());
  }
  if (rd.has(o, "published")) pr.published_json = dom_of(*o.find("published")).dump();
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

template void parse_item(preset&, const reader&, const source_map&, const json_node&, const std::string&);
template void parse_item(preset&, const reader&, const source_map&, const text_node&, const std::string&);

}  // namespace trainprint::inline v0::catalog_detail
