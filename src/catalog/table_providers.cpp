// providers.json: cloud and HPC providers, with PUE, WUE and CFE by year.

#include "catalog/fields.hpp"
#include "catalog/json_scan.hpp"

namespace trainprint::inline v0::catalog_detail {

template <class Node>
void parse_item(provider& pr, const reader& rd, const source_map& src, const Node& o, const std::string& p) {
  pr.prov = prov_of(rd, src, o, p);
  pr.name = rd.opt_str(o, p, "name");
  pr.kind = rd.opt_str(o, p, "kind");
  constexpr auto& lists = catalog_fields::provider_values;
  static_assert([] {
    for (std::size_t l = 0; l < lists.size(); ++l)
      if (lists[l].first != leaf(rules::provider_value_fields[l].object.substr(
                                0, rules::provider_value_fields[l].object.rfind('/'))))
        return false;
    return lists.size() == rules::provider_value_fields.size() && lists.size() == rules::provider_values.size();
  }());
  for (std::size_t l = 0; l < lists.size(); ++l) {
    const auto [key, member] = lists[l];
    if (!rd.has(o, key)) continue;
    const auto arr = rd.array(o, p, key);
    for (std::size_t i = 0; i < arr.size(); ++i) {
      const auto pp = reader::sub(p, key) + "/" + std::to_string(i);
      (pr.*member).push_back({rd.num(arr[i], pp, rules::provider_value_fields[l]), rd.opt_int(arr[i], pp, "year"),
                              prov_of(rd, src, arr[i], pp, &pr.prov), rd.opt_str(arr[i], pp, "kind")});
    }
  }
  for (std::size_t l = 0; l < lists.size(); ++l) {
    const auto& values = pr.*lists[l].second;
    for (std::size_t i = 0; i < values.size(); ++i)
      check_range(rd, p + "/" + std::string(lists[l].first) + "/" + std::to_string(i), "value", values[i],
                  rules::provider_values[l]);
  }
}

template void parse_item(provider&, const reader&, const source_map&, const json_node&, const std::string&);
template void parse_item(provider&, const reader&, const source_map&, const text_node&, const std::string&);

}  // namespace trainprint::inline v0::catalog_detail
