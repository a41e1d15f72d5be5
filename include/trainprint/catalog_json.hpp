#pragma once
/// \file catalog_json.hpp
/// Catalog entries as JSON, as the catalog holds them: id, kind, name, aliases,
/// every value, and provenance objects naming the source (title, url, year,
/// license, retrieved) with confidence and notes. Used by `trainprint list`,
/// `trainprint show` and the C and Python bindings.
///
/// Tables: "hardware" (accelerators), "systems", "regions", "providers",
/// "sources" (energy sources), "presets", "equivalents". A system carries
/// "on_demand_price": null or its dated list on-demand price, {"usd_per_hour",
/// "per": "instance" | "accelerator", "usd_per_accelerator_hour", "region" (a
/// catalog region id), "as_of" (YYYY-MM-DD), "superseded" (null, or why the price
/// is known to be out of date), "provenance"} (data/hardware.json).
///
/// \code
/// auto j = trainprint::catalog_entry_to_json(trainprint::catalog::embedded(), "regions", "FR");
/// fmt::print("{}\n", j["intensity"]["gco2e_per_kwh"].get<double>());
/// \endcode

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "catalog.hpp"

namespace trainprint::inline v0 {

/// The table names, in the order `find_table_of` searches them.
const std::vector<std::string>& catalog_tables();

/// One entry of `table` by id or alias (case-insensitive). Throws input_error
/// ("table") for an unknown table and unknown_key_error with suggestions for an
/// unknown id.
nlohmann::json catalog_entry_to_json(const catalog& cat, std::string_view table, std::string_view id);

/// A JSON array of the entries of `table`, in catalog order, whose id, name or one
/// of whose aliases contains `filter` (case-insensitive; empty: all entries).
nlohmann::json catalog_table_to_json(const catalog& cat, std::string_view table, std::string_view filter = {});

/// The ids of `table`, in catalog order.
std::vector<std::string> catalog_ids(const catalog& cat, std::string_view table);

/// The table that holds `id` (an id or alias, case-insensitive): an exact id wins
/// over an alias, then tables in `catalog_tables()` order. Throws
/// unknown_key_error ("catalog id") with suggestions over every id when none does.
std::string_view find_table_of(const catalog& cat, std::string_view id);

}  // namespace trainprint::inline v0
