#pragma once
// The catalog's list on-demand prices of cloud instances and TPUs (issue 18 part 4;
// data/hardware.json, systems[].on_demand_price; docs/methodology.md §3.3).
//
// They are read from the embedded hardware.json, once, beside the catalog's parsed
// tables (the public system_profile does not carry them yet): an overlay file cannot add
// or change a price, and a price names its source by key, resolved in the catalog that
// asks (catalog::get_source).

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
  std::string source;         ///< key of hardware.json's "sources"
  std::string confidence;     ///< high | medium | low
  std::string notes;          ///< where in the source the figure stands
  /// The price's provenance in `cat` (its source looked up by key; none if `cat` lacks it).
  [[nodiscard]] provenance prov(const catalog& cat) const {
    return provenance{cat.get_source(source), confidence, notes};
  }
};

/// Every on-demand price of the embedded hardware.json, in file order; parsed on first use.
/// Throws data_error (file, JSON pointer) on a malformed price.
const std::vector<list_price>& embedded_list_prices();

}  // namespace trainprint::inline v0::catalog_detail
