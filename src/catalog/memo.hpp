#pragma once
// What is derived from one catalog's tables, kept beside them in one registry: the tables
// themselves (so that code holding a public catalog finds its private parts: list_prices,
// prices.cpp) and the memos derived from them (the usual ranges of usual_ranges.cpp), so
// that what scans a whole table runs once, not on every estimate.
//
// An entry is keyed by the address of the catalog's embodied factors, a member of its
// private tables that catalog::embodied() returns: it is made when the tables are
// (catalog::impl's constructor) and dropped with them (its destructor), and a moved
// catalog keeps it. The memos are dropped whenever the tables may change: overlay() and
// overlay_problems() call forget_memos (overlays.cpp). Private to the library; catalog.hpp
// is unchanged.

#include <memory>
#include <typeindex>

#include "trainprint/catalog.hpp"

namespace trainprint::inline v0::catalog_detail {

struct catalog_tables_base;

/// Registers `t`, a catalog's tables, from their construction to their destruction.
void attach_tables(const catalog_tables_base& t);
/// Drops `t` and everything derived from it.
void detach_tables(const catalog_tables_base& t) noexcept;
/// The tables of `c` (null for tables not registered).
const catalog_tables_base* tables_of(const catalog& c);

/// The memo of type `type` kept for catalog `c`, made by `make` when there is none.
/// Thread-safe; the memo lives while the catalog's tables are unchanged (and while the
/// caller holds the pointer).
std::shared_ptr<void> memo_of(const catalog& c, std::type_index type, std::shared_ptr<void> (*make)());

/// The memo of type T (default-constructed on first use) kept for catalog `c`. T guards
/// its own lazily filled parts (a catalog is read from several threads).
template <class T>
std::shared_ptr<T> memo(const catalog& c) {
  return std::static_pointer_cast<T>(
      memo_of(c, typeid(T), [] { return std::static_pointer_cast<void>(std::make_shared<T>()); }));
}

/// Drops every memo kept for `c` (its tables are about to change).
void forget_memos(const catalog* c) noexcept;

}  // namespace trainprint::inline v0::catalog_detail
