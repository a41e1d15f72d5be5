// Everyday equivalents for readers in one region (see catalog.hpp).

#include <algorithm>
#include <array>

#include "trainprint/catalog.hpp"
#include "trainprint/error.hpp"

namespace trainprint::inline v0 {

std::vector<const equivalent*> pick_equivalents(const catalog& cat, std::string_view region) {
  if (!region.empty() && region != "us" && region != "eu")
    throw input_error("equivalents", "'" + std::string(region) + "'", "eu or us");
  auto rank = [](const std::string& c) { return c == "high" ? 3 : c == "medium" ? 2 : c == "low" ? 1 : 0; };
  std::vector<const equivalent*> out;
  for (std::string_view kind : {"emissions", "energy", "water"}) {
    const equivalent* best = nullptr;
    for (const auto& q : cat.equivalents()) {
      if (q.applies_to != kind) continue;
      if (region.empty()) {  // the catalog's first of the kind
        best = &q;
        break;
      }
      if (q.region != region && q.region != "global") continue;
      if (!best) {
        best = &q;
        continue;
      }
      const int a = rank(q.prov.confidence), b = rank(best->prov.confidence);
      if (a > b || (a == b && q.region == region && best->region != region)) best = &q;
    }
    if (best) out.push_back(best);
  }
  return out;
}

}  // namespace trainprint::inline v0
