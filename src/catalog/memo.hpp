#pragma once
// Values derived from a catalog's tables (the usual ranges of usual_ranges.cpp), kept per
// catalog so that what scans a whole table runs once, not on every estimate. A memo is
// dropped whenever its catalog may change: construction, moves, overlay(),
// overlay_problems() and destruction (catalog.cpp, overlays.cpp call forget_memos).
// Private to the library; catalog.hpp is unchanged.

#include <memory>
#include <typeindex>

#include "trainprint/catalog.hpp"

namespace trainprint::inline v0::catalog_detail {

/// The memo of type `type` kept for catalog `c`, made by `make` when there is none.
/// Thread-safe; the memo lives while the catalog is unchanged (and while the caller
/// holds the pointer).
std::shared_ptr<void> memo_of(const catalog& c, std::type_index type, std::shared_ptr<void> (*make)());

/// The memo of type T (default-constructed on first use) kept for catalog `c`. T guards
/// its own lazily filled parts (a catalog is read from several threads).
template <class T>
std::shared_ptr<T> memo(const catalog& c) {
  return std::static_pointer_cast<T>(
      memo_of(c, typeid(T), [] { return std::static_pointer_cast<void>(std::make_shared<T>()); }));
}

/// Drops every memo kept for `c` (its tables may change, or it goes away).
void forget_memos(const catalog* c) noexcept;

}  // namespace trainprint::inline v0::catalog_detail
