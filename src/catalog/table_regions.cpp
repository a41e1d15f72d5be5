// regions.json: countries, subnational regions, grids and cloud regions. The one
// region parser: the lazy index runs it on checked text (text_node) and falls back
// to nlohmann's DOM (json_node) for anything the text path does not take as it is.

#include "catalog/fields.hpp"
#include "catalog/json_scan.hpp"

namespace trainprint::inline v0::catalog_detail {

template <class Node>
void parse_item(region& r, const reader& rd, const source_map& src, const Node& o, const std::string& p) {
  r.prov = prov_of(rd, src, o, p);
  r.kind = rd.str(o, p, rules::region_kind);
  static const std::array<std::string_view, 4> kinds{"country", "subnational", "grid", "cloud"};
  if (std::find(kinds.begin(), kinds.end(), r.kind) == kinds.end())
    rd.fail(p + "/kind", "expected country, subnational, grid or cloud, got '" + r.kind + "'");
  read_fields(r, catalog_fields::region_places, rd, o, p);
  if (rd.has(o, "intensity")) {
    const auto iv = *o.find("intensity");
    const auto pp = p + "/intensity";
    intensity_value v;
    v.gco2e_per_kwh = rd.num(iv, pp, rules::intensity_field);
    if (!rules::intensity.admits(v.gco2e_per_kwh))
      rd.fail(pp + "/gco2e_per_kwh", "expected a non-negative intensity");
    v.year = rd.opt_int(iv, pp, "year");
    v.basis = rd.opt_str(iv, pp, "basis");
    v.mix_basis = rd.opt_str(iv, pp, "mix_basis");
    v.accounting = rd.opt_str(iv, pp, "accounting");
    v.prov = prov_of(rd, src, iv, pp, &r.prov);
    r.intensity = std::move(v);
  }
  // A catalog value gets the range of the scenario input it stands for (rules.hpp).
  constexpr auto& values = catalog_fields::region_values;
  static_assert([] {
    for (std::size_t i = 0; i < values.size(); ++i)
      if (values[i].first != leaf(rules::region_value_fields[i].object)) return false;
    return values.size() == rules::region_value_fields.size() && values.size() == rules::region_values.size();
  }());
  for (std::size_t i = 0; i < values.size(); ++i)
    r.*values[i].second = cited(rd, src, o, p, values[i].first, r.prov, rules::region_value_fields[i].field);
  for (std::size_t i = 0; i < values.size(); ++i)
    check_range(rd, p, values[i].first, r.*values[i].second, rules::region_values[i]);
  if (rd.has(o, "mix")) {
    const auto m = *o.find("mix");
    const auto pp = p + "/mix";
    mix_value mv;
    const auto shares = rd.at(m, pp, rules::mix_shares);
    if (!shares.is_object()) rd.fail(pp + "/shares", "expected an object of source: share");
    double sum = 0;
    shares.for_each_member([&](const std::string& k, const Node& v) {
      const double share = rd.number(v, reader::sub(pp + "/shares", k));
      if (!rules::share.admits(share)) rd.fail(reader::sub(pp + "/shares", k), "expected 0 <= share <= 1");
      sum += share;
      mv.mix.shares.emplace_back(k, share);
    });
    if (std::abs(sum - 1.0) > limits::mix_tolerance)
      rd.fail(pp + "/shares", "shares sum to " + shortest(sum) + ", expected 1 (±0.001)");
    mv.year = rd.opt_int(m, pp, "year");
    mv.prov = prov_of(rd, src, m, pp, &r.prov);
    r.mix = std::move(mv);
  }
}

template void parse_item(region&, const reader&, const source_map&, const json_node&, const std::string&);
template void parse_item(region&, const reader&, const source_map&, const text_node&, const std::string&);

}  // namespace trainprint::inline v0::catalog_detail
