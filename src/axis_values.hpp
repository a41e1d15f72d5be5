#pragma once
// Checks on the values of a compared or swept input that need the catalog. Private to
// the library: compare() and sweep() call it before estimating anything.

#include <string>
#include <string_view>
#include <vector>

#include "trainprint/catalog.hpp"

namespace trainprint::inline v0::detail {

/// Throws input_error(`what`) when two of `values` of input `key` name the same catalog
/// entry under two spellings (region=France,FR; hardware=h100,nvidia-h100-sxm5-80gb),
/// naming both spellings and the entry. parse_axis() refuses literal repeats already.
void refuse_same_entries(std::string_view key, const std::vector<std::string>& values, const catalog& cat,
                         std::string_view what);

}  // namespace trainprint::inline v0::detail
