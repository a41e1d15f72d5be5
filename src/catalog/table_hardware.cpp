// hardware.json: accelerators, the systems they come in, and embodied-carbon factors.

#include "catalog/fields.hpp"
#include "catalog/json_scan.hpp"

namespace trainprint::inline v0::catalog_detail {

template <class Node>
void parse_item(accelerator& a, const reader& rd, const source_map& src, const Node& o, const std::string& p) {
  a.prov = prov_of(rd, src, o, p);
  read_fields(a, catalog_fields::accelerator_names, rd, o, p);
  a.release_year = rd.opt_int(o, p, "release_year");
  a.tdp_w = rd.opt_num(o, p, "tdp_w");
  if (a.tdp_w && !rules::tdp_w.admits(*a.tdp_w)) rd.fail(p + "/tdp_w", "expected a positive power");
  a.tdp_kind = rd.opt_str(o, p, "tdp_kind");
  if (rd.has(o, "peak_tflops_dense")) {
    const auto pp = p + "/peak_tflops_dense";
    const auto pk = rd.object(o, p, "peak_tflops_dense", "expected an object of precision: TFLOP/s");
    pk.for_each_member([&](const std::string& name, const Node& v) {
      auto prec = parse_precision(name);
      if (!prec) {
        if (name == "int8" || name == "fp4" || name == "fp6" || name == "fp64") return;  // not used
        rd.fail(reader::sub(pp, name), "unknown precision '" + name + "'");
      }
      if (v.is_null()) return;
      const double t = rd.number(v, reader::sub(pp, name));
      if (!rules::peak_tflops.admits(t)) rd.fail(reader::sub(pp, name), "expected a positive TFLOP/s");
      a.peak_tflops_dense[static_cast<std::size_t>(*prec)] = t;
    });
  }
  read_fields(a, catalog_fields::accelerator_sizes, rd, o, p);
  read_fields(a, catalog_fields::accelerator_parts, rd, o, p);
  a.cores = rd.opt_int(o, p, "cores");
  if (a.cores && !rules::cpu_cores.admits(*a.cores)) rd.fail(p + "/cores", "expected a whole number of cores >= 1");
  a.package_tdp_w = rd.opt_num(o, p, "package_tdp_w");
  if (a.package_tdp_w && !rules::package_tdp_w.admits(*a.package_tdp_w))
    rd.fail(p + "/package_tdp_w", "expected a positive power");
  if (rd.has(o, "field_sources")) {
    const auto fs = rd.object(o, p, "field_sources", "expected an object");
    fs.for_each_member([&](const std::string& field, const Node& v) {
      a.field_sources[field] = prov_of(rd, src, v, reader::sub(p + "/field_sources", field), &a.prov);
    });
  }
}

template <class Node>
void parse_item(system_profile& s, const reader& rd, const source_map& src, const Node& o, const std::string& p) {
  s.prov = prov_of(rd, src, o, p);
  s.name = rd.opt_str(o, p, "name");
  s.kind = rd.opt_str(o, p, "kind");
  s.accelerator = rd.opt_str(o, p, "accelerator");
  s.accelerators = static_cast<int>(rd.num(o, p, rules::system_accelerators));
  if (!rules::system_count.admits(s.accelerators)) rd.fail(p + "/accelerators", "expected a positive count");
  s.max_power_w = rd.opt_num(o, p, "max_power_w");
  s.provider = rd.opt_str(o, p, "provider");
}

template void parse_item(accelerator&, const reader&, const source_map&, const json_node&, const std::string&);
template void parse_item(accelerator&, const reader&, const source_map&, const text_node&, const std::string&);

template void parse_item(system_profile&, const reader&, const source_map&, const json_node&, const std::string&);
template void parse_item(system_profile&, const reader&, const source_map&, const text_node&, const std::string&);

namespace {
cited_value cited_object(const reader& rd, const source_map& src, const json_node& v, const std::string& ptr) {
  return cited_value{rd.num(v, ptr, "value"), rd.opt_int(v, ptr, "year"), prov_of(rd, src, v, ptr), {}};
}
}  // namespace

void parse_embodied(embodied_factors& into, const reader& rd, const source_map& src, const json_node& ef, bool overlay) {
  const std::string p = "/embodied_factors";
  if (rd.has(ef, "die_kgco2e_per_cm2")) {
    const auto arr = rd.array(ef, p, "die_kgco2e_per_cm2");
    if (overlay) into.die.clear();
    for (std::size_t i = 0; i < arr.size(); ++i) {
      const auto pp = p + "/die_kgco2e_per_cm2/" + std::to_string(i);
      embodied_factors::die_factor d;
      d.process_nm = rd.num(arr[i], pp, rules::die_process_nm);
      d.kgco2e_per_cm2 = cited_object(rd, src, arr[i], pp);
      into.die.push_back(std::move(d));
    }
  }
  if (rd.has(ef, "memory_kgco2e_per_gb"))
    into.memory_kgco2e_per_gb = cited_object(rd, src, *ef.find("memory_kgco2e_per_gb"), p + "/memory_kgco2e_per_gb");
  if (rd.has(ef, "host_kgco2e_per_server")) {
    const auto pp = p + "/host_kgco2e_per_server";
    const auto h = *ef.find("host_kgco2e_per_server");
    into.host_kgco2e_per_server = cited_object(rd, src, h, pp);
    into.host_accelerators_per_server = static_cast<int>(rd.num(h, pp, rules::host_accelerators));
    if (!rules::host_count.admits(into.host_accelerators_per_server))
      rd.fail(pp + "/accelerators_per_server", "expected a positive count");
  }
}

}  // namespace trainprint::inline v0::catalog_detail
