#pragma once
/// \file detail/columns.hpp
/// Text-table helpers the CLI's catalog listings share with the library's
/// renderers. Not part of the stable API: use render() (format.hpp) for
/// estimates and comparisons.

#include <string>
#include <string_view>
#include <vector>

namespace trainprint::inline v0 {

/// A CSV field, quoted when it holds a comma, quote or line break (RFC 4180).
std::string csv_field(std::string_view text);
/// Aligned text columns under a header row, each line indented by two spaces;
/// columns with `right_aligned[i]` true are right-aligned (numbers).
std::string render_columns(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
                           const std::vector<bool>& right_aligned);

}  // namespace trainprint::inline v0
