// The references between tables: an accelerator's system, a system's accelerator,
// a region's grid and parent, a mix's energy sources, a preset's hardware, region
// and provider.

#include "catalog/impl.hpp"

namespace trainprint::inline v0 {

using namespace catalog_detail;

void catalog::impl::check_references() const {
  auto fail = [](const auto& tbl, std::size_t i, const std::string& field, const std::string& detail) {
    const auto& [file, ptr] = tbl.origin[i];
    throw data_error(file, ptr + "/" + field, detail);
  };
  for (std::size_t i = 0; i < accelerators.items.size(); ++i) {
    const auto& a = accelerators.items[i];
    if (!a.system.empty() && !systems.index.contains(lower(a.system)))
      fail(accelerators, i, "system", "unknown system '" + a.system + "'");
  }
  for (std::size_t i = 0; i < systems.items.size(); ++i) {
    const auto& s = systems.items[i];
    if (!s.accelerator.empty() && !accelerators.index.contains(lower(s.accelerator)))
      fail(systems, i, "accelerator", "unknown accelerator '" + s.accelerator + "'");
  }
  for (std::size_t i = 0; i < regions.items.size(); ++i) {
    const auto& r = regions.items[i];
    if (!r.grid.empty() && !regions.index.contains(lower(r.grid)))
      fail(regions, i, "grid", "unknown region '" + r.grid + "' referenced by " + r.id);
    if (!r.parent.empty() && !regions.index.contains(lower(r.parent)))
      fail(regions, i, "parent", "unknown region '" + r.parent + "' referenced by " + r.id);
    if (r.mix)
      for (const auto& [src, share] : r.mix->mix.shares)
        if (!energy_sources.index.contains(lower(src)))
          fail(regions, i, "mix/shares/" + escape_pointer_token(src), "unknown energy source '" + src + "'");
  }
  for (std::size_t i = 0; i < presets.items.size(); ++i) {
    const auto& s = presets.items[i].scenario;
    if (s.hardware && !accelerators.index.contains(lower(*s.hardware)))
      fail(presets, i, "scenario/hardware", "unknown accelerator '" + *s.hardware + "'");
    if (s.region && !regions.index.contains(lower(*s.region)))
      fail(presets, i, "scenario/region", "unknown region '" + *s.region + "'");
    if (s.provider && !providers.index.contains(lower(*s.provider)))
      fail(presets, i, "scenario/provider", "unknown provider '" + *s.provider + "'");
  }
  check_prices();
}

}  // namespace trainprint::inline v0
