#pragma once
// catalog::impl: the tables and their indexes. Its parts live beside it:
//   load.cpp        eager loading of one file (overlays, and the embedded files
//                   when the lazy index cannot take them), and the id index
//   lazy_index.cpp  the embedded tables, indexed at load and parsed per entry
//   overlays.cpp    overlay(), overlay_problems(), with_overlays(): all or nothing
//   references.cpp  the references between tables
//   lookup.cpp      lookups by id or alias, failing with "did you mean"
//   suggest.cpp     the closest ids to a name (closest_ids)
//   prices.cpp      the list on-demand prices
//   memo.cpp        the registry of every catalog's tables and what is derived from them
//   catalog.cpp     the public accessors

#include <atomic>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "catalog/json_scan.hpp"
#include "catalog/prices.hpp"
#include "catalog/reader.hpp"
#include "trainprint/catalog.hpp"

namespace trainprint::inline v0 {

namespace catalog_detail {
/// Lets the indexes be searched by string_view, without building a string.
struct string_hash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

/// The tables: what an overlay changes (and undoes when it fails).
struct catalog_tables_base {
  using reader = catalog_detail::reader;
  using source_map = catalog_detail::source_map;
  struct lazy_file {
    reader rd;
    source_map src;
  };
  struct pending {
    std::string_view text;  // the entry's JSON, in the embedded data
    const lazy_file* file;
  };
  struct lazy_part {
    std::vector<pending> entries;                  // per item
    std::unique_ptr<std::atomic<bool>[]> parsed;  // per item, set once its entry is parsed
    std::atomic<bool> whole{false};                // every entry parsed
  };
  template <class T>
  struct table {
    std::vector<T> items;
    std::unordered_map<std::string, std::size_t, catalog_detail::string_hash, std::equal_to<>>
        index;                                                // lower-case id or alias → item
    std::vector<std::pair<std::string, std::string>> origin;  // per item: file and JSON pointer it came from
    std::shared_ptr<lazy_part> lazy;                          // while entries wait to be parsed
    std::vector<std::string> ids() const {
      std::vector<std::string> r;
      for (const auto& [k, _] : index) r.push_back(k);
      return r;
    }
  };
  table<accelerator> accelerators;
  table<system_profile> systems;
  table<region> regions;
  table<provider> providers;
  table<energy_source> energy_sources;
  table<preset> presets;
  table<equivalent> equivalents;
  embodied_factors embodied;
  /// The list on-demand prices (prices.hpp): `prices` once a loaded file set or replaced a
  /// system's, else the embedded hardware.json's when `embedded_prices`, else none.
  bool embedded_prices = false;
  std::shared_ptr<const std::vector<list_price>> prices;
};
/// The prices of `t`, as described there.
const std::vector<list_price>& prices_of(const catalog_tables_base& t);
}  // namespace catalog_detail

struct catalog::impl : catalog_detail::catalog_tables_base {
  using json_node = catalog_detail::json_node;

  /// When set, a bad entry is recorded here and loading goes on with the next one
  /// (catalog::overlay_problems); otherwise the first problem throws.
  std::vector<std::string>* collect = nullptr;

  std::string version = "unknown", date = "unknown";
  std::deque<source_info> sources;  // stable addresses for provenance pointers
  std::unordered_map<std::string, const source_info*> source_by_id;

  // The embedded tables are parsed lazily: loading indexes each entry's id and
  // aliases with the trusting scanner (no DOM) and keeps its text; the entry itself
  // is parsed on first lookup, and every entry (with the reference checks) on first
  // use of a whole table or an overlay. Overlays are parsed eagerly.
  std::deque<lazy_file> lazy_files;
  std::mutex lazy_mutex;
  catalog_detail::json_tape lazy_tape;  // parse_pending's, reused (under lazy_mutex)
  std::atomic<bool> all_parsed{true};

  impl();  // registers the tables (catalog/memo.hpp), until destroyed
  ~impl();
  impl(const impl&) = delete;
  impl& operator=(const impl&) = delete;

  template <class F>
  void for_each_table(F f) {
    f(accelerators), f(systems), f(regions), f(providers), f(energy_sources), f(presets), f(equivalents);
  }

  // --- load.cpp ---

  /// One file's text (data/*.json schema) into the tables; `overlay` allows
  /// "replace": true. Throws data_error (or collects, see `collect`).
  void load(std::string_view text, const std::string& file, bool overlay);
  /// The file's "sources" object, added to the catalog's; the file's own map.
  source_map parse_sources(const reader& rd, const json_node& root);
  /// The same from the text of a file's (non-null) "sources" value: read straight from
  /// the text when it is strictly valid, else through nlohmann's DOM (which reports errors).
  source_map parse_sources(const reader& rd, std::string_view text);
  /// Adds `list` (one file's sources) to the catalog's; the file's own map.
  source_map add_sources(std::vector<source_info> list);
  template <class T>
  void insert(table<T>& t, T item, const json_node& obj, const reader& rd, const std::string& ptr, bool overlay);

  // --- prices.cpp ---

  /// The system entry's "on_demand_price" at `ptr`, its source resolved in `src`; nullopt
  /// when it has none. Throws data_error.
  std::optional<catalog_detail::list_price> parse_price(const reader& rd, const source_map& src, const json_node& sys,
                                                         const std::string& ptr) const;
  /// The system `system`, just loaded, has price `lp` (none: any earlier price of it goes).
  void set_price(const std::string& system, std::optional<catalog_detail::list_price> lp);
  /// Every loaded price names a known region of its system's provider (throws data_error).
  void check_prices() const;

  // --- overlays.cpp ---

  /// Everything an overlay may change, so a file that fails half-way can be undone.
  struct saved_state;
  saved_state save() const;
  void restore(saved_state&& s);

  // --- lazy_index.cpp ---

  /// The embedded tables in a fresh impl: lazily where every file allows, else eagerly.
  static std::unique_ptr<impl> load_embedded();
  /// Entry `pos` of `t`, parsed. Safe to call from several threads.
  template <class T>
  const T& entry(table<T>& t, std::size_t pos);
  /// One whole table, parsed. Safe to call from several threads.
  template <class T>
  const std::vector<T>& whole(table<T>& t);
  /// Every entry parsed and every reference checked. Safe to call from several threads.
  void parse_all();
  /// Before an overlay changes the tables (no other thread may use the catalog then).
  void drop_lazy();

  // --- references.cpp ---

  /// Every reference between tables resolves; a broken one is reported at the file
  /// and pointer of the entry that holds it.
  void check_references() const;

  // --- lookup.cpp ---

  /// The entry of `t` named `id` (id or alias, any case), or nullptr.
  template <class T>
  const T* get(table<T>& t, std::string_view id);
  /// The entry of `t` named `id`; throws unknown_key_error naming `kind`, with the
  /// closest ids as suggestions.
  template <class T>
  const T& find(table<T>& t, std::string_view id, const char* kind);

 private:
  bool load_lazy(std::string_view text, const std::string& file);
  template <class T>
  bool index_lazy(table<T>& t, catalog_detail::json_scanner& sc, const lazy_file& lf, std::string ptr);
  void seal_lazy();
  template <class T>
  void parse_pending(table<T>& t, std::size_t pos);
  template <class T>
  void parse_whole(table<T>& t);
};

}  // namespace trainprint::inline v0
