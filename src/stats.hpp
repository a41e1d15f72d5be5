#pragma once
// Order statistics shared by the MFU fit and validation. Private to the library.

#include <algorithm>
#include <cmath>
#include <vector>

namespace trainprint::inline v0::detail {

/// The value below which a fraction q (0..1) of the sorted, non-empty `v` lies, linear
/// between neighbours (q = 0.5 is the median).
inline double quantile_sorted(const std::vector<double>& v, double q) {
  const double k = q * static_cast<double>(v.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(k));
  const std::size_t hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (v[hi] - v[lo]) * (k - static_cast<double>(lo));
}

}  // namespace trainprint::inline v0::detail
