#pragma once
// The catalog's list on-demand prices of cloud instances and TPUs (issue 18 part 4;
// data/hardware.json, systems[].on_demand_price; docs/methodology.md §3.3).
//
// The public system_profile does not carry a price (a public header change), so each
// catalog keeps its prices beside its tables (catalog_tables_base::prices, impl.hpp):
// the embedded hardware.json's, parsed on first use, and those of every file loaded
// since (an overlay's system brings its own price, or none: a system an overlay replaces
// loses the embedded price unless the overlay gives one). list_prices(cat) finds them
// from the public catalog through the registry of what is derived from each catalog
// (catalog/memo.hpp), keyed by its tables.

#include <memory>
#include <string>
#include <vector>

#include "trainprint/catalog.hpp"

namespace trainprint::inline v0::catalog_detail {

/// One dated list on-demand price (Linux, no reservation, savings plan, committed-use or
/// spot discount) of one system, in one region.
struct list_price {
  std::string system;         ///< the system's catalog id ("aws-p5.48xlarge")
  double usd_per_hour = 0;    ///< USD per instance-hour, or per accelerator-hour when per_accelerator
  bool per_accelerator = false;
  std::string region;         ///< the catalog region the price is for ("aws:us-east-1")
  std::string as_of;          ///< YYYY-MM-DD
  std::string source;         ///< key of its file's "sources"
  const source_info* source_ptr = nullptr;  ///< that source, when the price came from a loaded file
  std::string confidence;     ///< high | medium | low
  std::string notes;          ///< where in the source the figure stands
  /// Why the price is known to be out of date ("AWS cut P5 prices in 2025, ..."); empty
  /// when it is not. The estimate says so in a note (resolve/footprint.cpp).
  std::string superseded;
  std::string file, ptr;      ///< where the price was read (file, JSON pointer)
  /// The price's provenance in `cat` (its source looked up by key when not loaded with it).
  [[nodiscard]] provenance prov(const catalog& cat) const {
    return provenance{source_ptr ? source_ptr : cat.get_source(source), confidence, notes};
  }
};

/// Every on-demand price of the embedded hardware.json, in file order; parsed on first use.
/// Throws data_error (file, JSON pointer) on a malformed price.
const std::vector<list_price>& embedded_list_prices();

/// The prices of `cat`: the embedded file's as overlaid by the files loaded since, or
/// those of the files a catalog built from scratch loaded (none when they give none).
/// Valid while `cat` lives and no overlay changes it.
const std::vector<list_price>& list_prices(const catalog& cat);

/// One list price of `list_prices(cat)` with what an estimate reads beside it, looked up
/// once per catalog (not by text on every estimate): its system and its source.
struct priced_system {
  const list_price* price = nullptr;
  const system_profile* system = nullptr;  ///< cat.get_system(price->system); never null here
  const source_info* source = nullptr;     ///< what price->prov(cat) cites
  /// The price's provenance (the same as price->prov(cat)).
  [[nodiscard]] provenance prov() const { return provenance{source, price->confidence, price->notes}; }
};

/// The prices of `cat` whose system the catalog has, in the order of list_prices(cat),
/// each with its system and source. Kept per catalog (catalog/memo.hpp) and dropped when
/// an overlay changes it; hold the pointer while reading. Thread-safe.
struct priced_systems {
  std::vector<priced_system> entries;
};
std::shared_ptr<const priced_systems> priced_systems_of(const catalog& cat);

}  // namespace trainprint::inline v0::catalog_detail
