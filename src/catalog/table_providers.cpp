// providers.json: cloud and HPC providers, with PUE, WUE and CFE by year.

#include "catalog/fields.hpp"

namespace trainprint::inline v0::catalog_detail {

void parse_item(provider& pr, const reader& rd, const source_map& src, const json_node& o, const std::string& p) {
  pr.prov = prov_of(rd, src, o, p);
  pr.name = rd.opt_str(o, p, "name");
  pr.kind = rd.opt_str(o, p, "kind");
  std::vector<cited_value>* lists[] = {&pr.pue, &pr.wue_l_per_kwh, &pr.cfe};
  constexpr std::string_view keys[] = {"pue", "wue_l_per_kwh", "cfe"};
  static_assert(std::size(lists) == rules::provider_value_fields.size());
  for (std::size_t l = 0; l < std::size(lists); ++l) {
    const auto key = keys[l];
    if (!rd.has(o, key)) continue;
    const auto arr = rd.array(o, p, key);
    for (std::size_t i = 0; i < arr.size(); ++i) {
      const auto pp = reader::sub(p, key) + "/" + std::to_string(i);
      lists[l]->push_back({rd.num(arr[i], pp, rules::provider_value_fields[l]), rd.opt_int(arr[i], pp, "year"),
                           prov_of(rd, src, arr[i], pp, &pr.prov), rd.opt_str(arr[i], pp, "kind")});
    }
  }
  for (std::size_t l = 0; l < std::size(lists); ++l) {
    const auto key = std::string(keys[l]);
    for (std::size_t i = 0; i < lists[l]->size(); ++i)
      check_range(rd, p + "/" + key + "/" + std::to_string(i), "value", (*lists[l])[i], rules::provider_values[l]);
  }
}

}  // namespace trainprint::inline v0::catalog_detail
