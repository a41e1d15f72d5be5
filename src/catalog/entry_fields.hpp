#pragma once
// The plain fields of the catalog entries, each with its JSON key, listed once for
// the table parsers (table_*.cpp) and the JSON writer (catalog_json.cpp): text
// fields ("" when absent, null in JSON), numbers (nullopt, null) and cited values
// (one, or a list by year). Each list is
// in the order its parser reads the fields, so the first error it meets stays the same.

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "trainprint/catalog.hpp"

namespace trainprint::inline v0::catalog_fields {

template <class T>
using text = std::pair<std::string_view, std::string T::*>;
template <class T>
using number = std::pair<std::string_view, std::optional<double> T::*>;
template <class T>
using cited_one = std::pair<std::string_view, std::optional<cited_value> T::*>;
template <class T>
using cited_by_year = std::pair<std::string_view, std::vector<cited_value> T::*>;

/// An accelerator's names, read before its release year and power.
inline constexpr std::array<text<accelerator>, 7> accelerator_names{{{"name", &accelerator::name},
                                                                      {"vendor", &accelerator::vendor},
                                                                      {"model", &accelerator::model},
                                                                      {"variant", &accelerator::variant},
                                                                      {"kind", &accelerator::kind},
                                                                      {"segment", &accelerator::segment},
                                                                      {"family", &accelerator::family}}};
/// An accelerator's memory and die, read after its peak throughput.
inline constexpr std::array<number<accelerator>, 4> accelerator_sizes{{{"memory_gb", &accelerator::memory_gb},
                                                                        {"memory_bw_gb_s", &accelerator::memory_bw_gb_s},
                                                                        {"die_area_mm2", &accelerator::die_area_mm2},
                                                                        {"process_nm", &accelerator::process_nm}}};
inline constexpr std::array<text<accelerator>, 3> accelerator_parts{{{"memory_type", &accelerator::memory_type},
                                                                      {"process", &accelerator::process},
                                                                      {"system", &accelerator::system}}};
/// A region's names and places, read after its kind.
inline constexpr std::array<text<region>, 6> region_places{{{"name", &region::name},
                                                            {"country", &region::country},
                                                            {"parent", &region::parent},
                                                            {"grid", &region::grid},
                                                            {"provider", &region::provider},
                                                            {"location", &region::location}}};
/// A region's cited values, in the order of rules::region_values (which holds their ranges).
inline constexpr std::array<cited_one<region>, 5> region_values{{
    {"cfe", &region::cfe}, {"ewif_l_per_kwh", &region::ewif_l_per_kwh}, {"pue", &region::pue},
    {"wue_l_per_kwh", &region::wue_l_per_kwh}, {"price_usd_per_kwh", &region::price_usd_per_kwh}}};
/// A provider's values by year, in the order of rules::provider_values.
inline constexpr std::array<cited_by_year<provider>, 3> provider_values{
    {{"pue", &provider::pue}, {"wue_l_per_kwh", &provider::wue_l_per_kwh}, {"cfe", &provider::cfe}}};

}  // namespace trainprint::inline v0::catalog_fields
