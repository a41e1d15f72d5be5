// Lookups by id or alias, case-insensitive; find_* fail with the closest ids.

#include <algorithm>

#include "catalog/impl.hpp"

namespace trainprint::inline v0 {

using namespace catalog_detail;

namespace {
/// `id` in lower case, without allocating for ids of up to 64 characters.
class lower_key {
 public:
  explicit lower_key(std::string_view id) {
    if (id.size() <= sizeof buf_) {
      for (std::size_t i = 0; i < id.size(); ++i) buf_[i] = lower_ascii(id[i]);
      view_ = {buf_, id.size()};
    } else {
      long_ = lower(id);
      view_ = long_;
    }
  }
  std::string_view view() const { return view_; }

 private:
  char buf_[64];
  std::string long_;
  std::string_view view_;
};
}  // namespace

template <class T>
const T* catalog::impl::get(table<T>& t, std::string_view id) {
  const lower_key key(id);
  auto it = t.index.find(key.view());
  return it == t.index.end() ? nullptr : &entry(t, it->second);
}

template <class T>
const T& catalog::impl::find(table<T>& t, std::string_view id, const char* kind) {
  if (const T* p = get(t, id)) return *p;
  // Suggest ids (not aliases): map each close name to its entry's id.
  std::vector<std::string> names = t.ids();
  std::vector<std::string> out;
  std::lock_guard lock(lazy_mutex);  // entries may be parsed by other threads meanwhile
  for (const auto& n : closest_ids(id, names, 12)) {
    const std::string& real = t.items[t.index.at(n)].id;
    if (std::find(out.begin(), out.end(), real) == out.end()) out.push_back(real);
    if (out.size() == 3) break;
  }
  throw unknown_key_error(kind, std::string(id), out);
}

const accelerator& catalog::find_accelerator(std::string_view id) const {
  return impl_->find(impl_->accelerators, id, "accelerator");
}
const system_profile& catalog::find_system(std::string_view id) const { return impl_->find(impl_->systems, id, "system"); }
const region& catalog::find_region(std::string_view id) const { return impl_->find(impl_->regions, id, "region"); }
const provider& catalog::find_provider(std::string_view id) const {
  return impl_->find(impl_->providers, id, "provider");
}
const energy_source& catalog::find_energy_source(std::string_view id) const {
  return impl_->find(impl_->energy_sources, id, "energy source");
}
const preset& catalog::find_preset(std::string_view id) const { return impl_->find(impl_->presets, id, "preset"); }

const accelerator* catalog::get_accelerator(std::string_view id) const noexcept {
  return impl_->get(impl_->accelerators, id);
}
const system_profile* catalog::get_system(std::string_view id) const noexcept { return impl_->get(impl_->systems, id); }
const region* catalog::get_region(std::string_view id) const noexcept { return impl_->get(impl_->regions, id); }
const provider* catalog::get_provider(std::string_view id) const noexcept { return impl_->get(impl_->providers, id); }
const energy_source* catalog::get_energy_source(std::string_view id) const noexcept {
  return impl_->get(impl_->energy_sources, id);
}
const preset* catalog::get_preset(std::string_view id) const noexcept { return impl_->get(impl_->presets, id); }

}  // namespace trainprint::inline v0
