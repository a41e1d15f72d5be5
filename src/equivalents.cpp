// Everyday equivalents for readers in one region (see catalog.hpp).

#include <algorithm>
#include <array>
#include <optional>
#include <string>

#include "trainprint/catalog.hpp"
#include "trainprint/error.hpp"
#include "format_internal.hpp"
#include "trainprint/format.hpp"

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

std::optional<std::string> equivalent_text(double amount, const equivalent& q) {
  if (!(amount > 0) || !(q.per_unit > 0)) return std::nullopt;
  double n = amount / q.per_unit;
  std::string name = q.name;
  // Smaller units of time for a name that counts years or days: 365.25 d per year, 24 h per day.
  struct unit_step {
    std::string_view from, to;
    double factor;
  };
  static constexpr std::array<unit_step, 3> steps{{{"years ", "days ", 365.25}, {"days ", "hours ", 24}, {"months ", "days ", 30.4375}}};
  for (bool moved = true; n < 0.1 && moved;) {  // 0.0x of a year reads better in days
    moved = false;
    for (const auto& st : steps)
      if (name.starts_with(st.from)) {
        name = std::string(st.to) + name.substr(st.from.size());
        n *= st.factor;
        moved = true;
        break;
      }
  }
  if (n < 0.005) return std::nullopt;  // would print as 0.00
  return readable_count(n) + " " + name;
}

std::string equivalent_cell(double amount, const equivalent& q) {
  const double n = q.per_unit > 0 ? amount / q.per_unit : 0;
  if (n > 0 && n < 0.005) return "< 0.01";
  return readable_count(n);
}

}  // namespace trainprint::inline v0
