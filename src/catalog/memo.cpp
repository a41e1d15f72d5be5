// What is derived from each catalog's tables, in one registry (memo.hpp).

#include "catalog/memo.hpp"

#include <algorithm>
#include <mutex>
#include <unordered_map>
#include <utility>
#include <vector>

#include "catalog/impl.hpp"

namespace trainprint::inline v0 {

namespace catalog_detail {

namespace {

/// One catalog's tables and the memos derived from them (a handful of types: a list).
struct derived {
  const catalog_tables_base* tables = nullptr;
  std::vector<std::pair<std::type_index, std::shared_ptr<void>>> memos;
};

struct registry {
  std::mutex m;
  std::unordered_map<const embodied_factors*, derived> by_tables;  // by &tables.embodied
};

/// Never destroyed: catalog::embedded() is a static whose tables detach at exit.
registry& the_registry() {
  static auto* r = new registry;
  return *r;
}

}  // namespace

void attach_tables(const catalog_tables_base& t) {
  auto& r = the_registry();
  const std::lock_guard lock(r.m);
  r.by_tables[&t.embodied] = derived{&t, {}};
}

void detach_tables(const catalog_tables_base& t) noexcept {
  auto& r = the_registry();
  const std::lock_guard lock(r.m);
  r.by_tables.erase(&t.embodied);
}

const catalog_tables_base* tables_of(const catalog& c) {
  auto& r = the_registry();
  const std::lock_guard lock(r.m);
  const auto it = r.by_tables.find(&c.embodied());
  return it == r.by_tables.end() ? nullptr : it->second.tables;
}

std::shared_ptr<void> memo_of(const catalog& c, std::type_index type, std::shared_ptr<void> (*make)()) {
  auto& r = the_registry();
  const std::lock_guard lock(r.m);
  const auto it = r.by_tables.find(&c.embodied());
  if (it == r.by_tables.end()) return make();  // tables not registered: nothing to keep it with
  auto& memos = it->second.memos;
  const auto m = std::find_if(memos.begin(), memos.end(), [&](const auto& e) { return e.first == type; });
  if (m != memos.end()) return m->second;
  return memos.emplace_back(type, make()).second;
}

void forget_memos(const catalog* c) noexcept {
  auto& r = the_registry();
  const std::lock_guard lock(r.m);
  const auto it = r.by_tables.find(&c->embodied());
  if (it != r.by_tables.end()) it->second.memos.clear();
}

}  // namespace catalog_detail

// A catalog's tables are registered for as long as they live.
catalog::impl::impl() { catalog_detail::attach_tables(*this); }
catalog::impl::~impl() { catalog_detail::detach_tables(*this); }

}  // namespace trainprint::inline v0
