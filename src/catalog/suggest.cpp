// "Did you mean": the ids closest to a name that is not in the catalog.

#include <algorithm>
#include <tuple>

#include "catalog/reader.hpp"
#include "trainprint/catalog.hpp"

namespace trainprint::inline v0 {

std::vector<std::string> closest_ids(std::string_view key, const std::vector<std::string>& candidates, std::size_t n) {
  const std::string k = catalog_detail::lower(key);
  // Letters typed for the digits they look like count as the same ("h1OO" is "h100").
  auto alike = [](char a, char b) {
    auto digit = [](char c) { return c == 'o' ? '0' : c == 'l' || c == 'i' ? '1' : c; };
    return a == b || digit(a) == digit(b);
  };
  // Edit distance of k against c; with `free_ends`, k may match any substring of c
  // at no cost for the rest of c ("h100-sxm6" is 1 edit from "nvidia-h100-sxm5-80gb").
  auto distance = [&](const std::string& c, bool free_ends) {
    const std::string s = catalog_detail::lower(c);
    std::vector<std::size_t> prev(s.size() + 1), cur(s.size() + 1);
    for (std::size_t j = 0; j <= s.size(); ++j) prev[j] = free_ends ? 0 : j;
    for (std::size_t i = 1; i <= k.size(); ++i) {
      cur[0] = i;
      for (std::size_t j = 1; j <= s.size(); ++j)
        cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (alike(k[i - 1], s[j - 1]) ? 0 : 1)});
      std::swap(prev, cur);
    }
    return free_ends ? *std::min_element(prev.begin(), prev.end()) : prev[s.size()];
  };
  struct scored {
    std::size_t within, whole;
    std::string name;
    bool operator<(const scored& o) const { return std::tie(within, whole, name) < std::tie(o.within, o.whole, o.name); }
  };
  std::vector<scored> found;
  const std::size_t allowed = std::max<std::size_t>(1, k.size() / 3);
  for (const auto& c : candidates) {
    const std::size_t within = distance(c, true);
    if (within <= allowed && within < k.size()) found.push_back({within, distance(c, false), c});
  }
  std::sort(found.begin(), found.end());
  std::vector<std::string> out;
  for (const auto& f : found) {
    if (out.size() == n) break;
    out.push_back(f.name);
  }
  return out;
}

}  // namespace trainprint::inline v0
