// equivalents.json: everyday comparisons ("km driven by car").

#include "catalog/fields.hpp"
#include "catalog/json_scan.hpp"

namespace trainprint::inline v0::catalog_detail {

template <class Node>
void parse_item(equivalent& q, const reader& rd, const source_map& src, const Node& o, const std::string& p) {
  q.prov = prov_of(rd, src, o, p);
  q.name = rd.opt_str(o, p, "name");
  q.applies_to = rd.str(o, p, rules::applies_to);
  // The factor's key names its unit: per_unit_kg_co2e, per_unit_kwh, per_unit_l.
  constexpr std::string_view applies[] = {"emissions", "energy", "water"};
  static_assert(std::size(applies) == rules::per_unit.size());
  const bound* rule = nullptr;
  for (std::size_t i = 0; i < std::size(applies); ++i)
    if (q.applies_to == applies[i]) rule = &rules::per_unit[i];
  if (!rule) rd.fail(p + "/applies_to", "expected emissions, energy or water, got '" + q.applies_to + "'");
  const auto key = leaf(rule->path);
  q.per_unit = rd.num(o, p, key);
  if (!rule->admits(q.per_unit)) rd.fail(reader::sub(p, key), "expected a positive factor");
  q.unit = rd.opt_str(o, p, "unit");
  q.region = rd.opt_str(o, p, "region");
}

template void parse_item(equivalent&, const reader&, const source_map&, const json_node&, const std::string&);
template void parse_item(equivalent&, const reader&, const source_map&, const text_node&, const std::string&);

}  // namespace trainprint::inline v0::catalog_detail

