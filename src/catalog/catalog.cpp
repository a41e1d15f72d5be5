// The catalog's public accessors. The parts are listed in impl.hpp.

#include "catalog/impl.hpp"

namespace trainprint::inline v0 {

// What is derived from a catalog's tables is kept with the tables (memo.hpp): a moved
// catalog keeps it, and it goes with them.
catalog::catalog() : impl_(std::make_unique<impl>()) {}
catalog::~catalog() = default;
catalog::catalog(catalog&& o) noexcept = default;
catalog& catalog::operator=(catalog&& o) noexcept = default;

const catalog& catalog::embedded() {
  static const catalog instance = [] {
    catalog c;
    c.impl_ = impl::load_embedded();
    return c;
  }();
  return instance;
}

const std::vector<accelerator>& catalog::accelerators() const noexcept { return impl_->whole(impl_->accelerators); }
const std::vector<system_profile>& catalog::systems() const noexcept { return impl_->whole(impl_->systems); }
const std::vector<region>& catalog::regions() const noexcept { return impl_->whole(impl_->regions); }
const std::vector<provider>& catalog::providers() const noexcept { return impl_->whole(impl_->providers); }
const std::vector<energy_source>& catalog::energy_sources() const noexcept { return impl_->whole(impl_->energy_sources); }
const std::vector<preset>& catalog::presets() const noexcept { return impl_->whole(impl_->presets); }
const std::vector<equivalent>& catalog::equivalents() const noexcept { return impl_->whole(impl_->equivalents); }
const embodied_factors& catalog::embodied() const noexcept { return impl_->embodied; }
const source_info* catalog::get_source(std::string_view id) const noexcept {
  auto it = impl_->source_by_id.find(std::string(id));
  return it == impl_->source_by_id.end() ? nullptr : it->second;
}
const std::string& catalog::version() const noexcept { return impl_->version; }
const std::string& catalog::date() const noexcept { return impl_->date; }

const region* catalog::grid_of(const region& r) const noexcept {
  return along_chain(r, [](const region& x) { return x.intensity.has_value(); });
}

}  // namespace trainprint::inline v0
