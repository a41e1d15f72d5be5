// Per-catalog memos (memo.hpp).

#include "catalog/memo.hpp"

#include <mutex>
#include <unordered_map>
#include <utility>

namespace trainprint::inline v0::catalog_detail {

namespace {

struct key_hash {
  std::size_t operator()(const std::pair<const catalog*, std::type_index>& k) const noexcept {
    return std::hash<const catalog*>{}(k.first) * 31 + k.second.hash_code();
  }
};

struct registry {
  std::mutex m;
  std::unordered_map<std::pair<const catalog*, std::type_index>, std::shared_ptr<void>, key_hash> memos;
};

/// Never destroyed: catalog::embedded() is a static that forgets its memos at exit.
registry& the_registry() {
  static auto* r = new registry;
  return *r;
}

}  // namespace

std::shared_ptr<void> memo_of(const catalog& c, std::type_index type, std::shared_ptr<void> (*make)()) {
  auto& r = the_registry();
  const std::lock_guard lock(r.m);
  auto& slot = r.memos[{&c, type}];
  if (!slot) slot = make();
  return slot;
}

void forget_memos(const catalog* c) noexcept {
  auto& r = the_registry();
  const std::lock_guard lock(r.m);
  std::erase_if(r.memos, [c](const auto& e) { return e.first.first == c; });
}

}  // namespace trainprint::inline v0::catalog_detail
