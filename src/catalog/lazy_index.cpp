// The embedded tables, parsed lazily. Loading scans each file once with the
// trusting json_scanner: each entry's id and aliases go into the index and its
// text is kept; the entry is parsed on first lookup, every entry of a table on
// first use of the whole table. An entry is read straight from its text
// (text_node) once the strict scanner has checked it and found its members in
// the same pass (json_tape); an entry the text path does not take as it is goes
// through nlohmann's DOM.

#include <nlohmann/json.hpp>

#include "catalog/fields.hpp"
#include "catalog/impl.hpp"
#include "embedded_data.hpp"
#include "json_text.hpp"

namespace trainprint::inline v0 {

using namespace catalog_detail;

/// Indexes one embedded file without parsing its entries. False when the file
/// is anything but a plain table file whose ids and aliases are simple strings,
/// none repeated; the caller then loads every file eagerly (and reports errors).
bool catalog::impl::load_lazy(std::string_view text, const std::string& file) {
  lazy_file& lf = lazy_files.emplace_back(lazy_file{reader(file), {}});
  std::vector<std::pair<std::string_view, std::string_view>> top;  // members other than the tables
  bool any = false;
  json_scanner sc(text, false);
  auto entries = [&](auto& tbl, std::string_view key) {
    any = true;
    std::size_t i = 0;
    return sc.elements([&] { return index_lazy(tbl, sc, lf, reader::sub("", key) + "/" + std::to_string(i++)); });
  };
  std::vector<std::string_view> seen;
  const bool ok = sc.members([&](std::string_view k, bool escaped) {
    if (escaped || std::find(seen.begin(), seen.end(), k) != seen.end()) return false;
    seen.push_back(k);
    if (sc.next_is('[')) {
      if (k == "accelerators") return entries(accelerators, k);
      if (k == "systems") return entries(systems, k);
      if (k == "regions") return entries(regions, k);
      if (k == "providers") return entries(providers, k);
      if (k == "sources_of_energy") return entries(energy_sources, k);
      if (k == "presets") return entries(presets, k);
      if (k == "equivalents") return entries(equivalents, k);
    }
    std::string_view v;
    if (!sc.value(v)) return false;
    if (v != "null") top.emplace_back(k, v);
    return true;
  });
  if (!ok || !sc.at_end()) return false;
  auto member = [&](std::string_view key) -> std::optional<std::string_view> {
    for (const auto& [k, v] : top)
      if (k == key) return v;
    return std::nullopt;
  };
  for (std::string_view name :
       {"accelerators", "systems", "regions", "providers", "sources_of_energy", "presets", "equivalents"})
    if (member(name)) return false;  // a table that is not an array: the eager loader says so
  if (member("version") && member("date") && !member("meta")) {  // catalog.json: small, parsed now
    if (any) return false;
    load(text, file, false);
    return true;
  }
  if (auto s = member("sources")) lf.src = parse_sources(lf.rd, *s);
  if (auto ef = member("embodied_factors")) {
    any = true;
    const json dom = json::parse(ef->begin(), ef->end());
    parse_embodied(embodied, lf.rd, lf.src, dom, false);
  }
  return any;
}

/// Adds the entry at `sc` to the index by its id and aliases, keeping its text for later.
template <class T>
bool catalog::impl::index_lazy(table<T>& t, json_scanner& sc, const lazy_file& lf, std::string ptr) {
  const char* begin = sc.here();
  std::string_view id;
  bool has_id = false, has_aliases = false;
  std::vector<std::string> aliases;
  const bool ok = sc.members([&](std::string_view k, bool escaped) {
    std::string_view v;
    if (escaped || k == "replace" || !sc.value(v)) return false;
    bool esc = false;
    if (k == "id") {
      if (has_id || !json_scanner(v, false).string(id, esc) || esc) return false;
      has_id = true;
    } else if (k == "aliases") {
      if (has_aliases) return false;
      has_aliases = true;
      if (v == "null") return true;
      json_scanner list(v, false);
      return list.elements([&] {
        std::string_view raw;
        if (!list.string(raw, esc) || esc) return false;
        aliases.emplace_back(raw);
        return true;
      });
    }
    return true;
  });
  if (!ok || !has_id || id.empty()) return false;
  const std::string_view text(begin, static_cast<std::size_t>(sc.here() - begin));
  std::vector<std::string> names{lower(id)};
  for (const auto& a : aliases) names.push_back(lower(a));
  for (const auto& n : names)
    if (t.index.contains(n)) return false;
  const std::size_t pos = t.items.size();
  for (auto& n : names) t.index.emplace(std::move(n), pos);
  T item;
  item.id = std::string(id);
  item.aliases = std::move(aliases);
  t.items.push_back(std::move(item));
  t.origin.emplace_back(lf.rd.file(), std::move(ptr));
  if (!t.lazy) t.lazy = std::make_shared<lazy_part>();
  t.lazy->entries.push_back({text, &lf});
  return true;
}

/// After every embedded file is indexed: no entry is parsed yet.
void catalog::impl::seal_lazy() {
  for_each_table([](auto& t) {
    if (t.lazy) t.lazy->parsed = std::make_unique<std::atomic<bool>[]>(t.items.size());
  });
  all_parsed = false;
}

/// Parses entry `pos` of `t` (the lock is held).
template <class T>
void catalog::impl::parse_pending(table<T>& t, std::size_t pos) {
  const pending& pe = t.lazy->entries[pos];
  const reader& rd = pe.file->rd;
  const std::string& ptr = t.origin[pos].second;
  if (lazy_tape.scan(pe.text)) {  // straight from the text
    try {
      t.items[pos] = parse_entry<T>(rd, pe.file->src, text_node(lazy_tape, lazy_tape.root()), ptr);
      return;
    } catch (const not_fast&) {
    } catch (const data_error&) {  // the DOM path gives the same error
    }
  }
  json dom;
  try {
    dom = json::parse(pe.text.begin(), pe.text.end());
  } catch (const json::parse_error& e) {
    rd.fail(ptr, "malformed JSON: " + json_error_text(e));
  }
  t.items[pos] = parse_entry<T>(rd, pe.file->src, json_node(dom), ptr);
}

template <class T>
const T& catalog::impl::entry(table<T>& t, std::size_t pos) {
  lazy_part* lz = t.lazy.get();
  if (lz && lz->parsed && pos < lz->entries.size() && !lz->parsed[pos].load(std::memory_order_acquire)) {
    std::lock_guard lock(lazy_mutex);
    if (!lz->parsed[pos].load(std::memory_order_relaxed)) {
      parse_pending(t, pos);
      lz->parsed[pos].store(true, std::memory_order_release);
    }
  }
  return t.items[pos];
}

/// Every entry of `t` parsed (the lock is held); once every table is, the
/// references between them are checked.
template <class T>
void catalog::impl::parse_whole(table<T>& t) {
  lazy_part* lz = t.lazy.get();
  if (!lz || !lz->parsed || lz->whole.load(std::memory_order_relaxed)) return;
  for (std::size_t pos = 0; pos < lz->entries.size(); ++pos)
    if (!lz->parsed[pos].load(std::memory_order_relaxed)) {
      parse_pending(t, pos);
      lz->parsed[pos].store(true, std::memory_order_release);
    }
  lz->whole.store(true, std::memory_order_release);
  bool every = true;
  for_each_table([&](auto& x) {
    if (x.lazy && x.lazy->parsed && !x.lazy->whole.load(std::memory_order_relaxed)) every = false;
  });
  if (every) {
    check_references();
    all_parsed.store(true, std::memory_order_release);
  }
}

template <class T>
const std::vector<T>& catalog::impl::whole(table<T>& t) {
  if (!all_parsed.load(std::memory_order_acquire) && t.lazy && !t.lazy->whole.load(std::memory_order_acquire)) {
    std::lock_guard lock(lazy_mutex);
    parse_whole(t);
  }
  return t.items;
}

void catalog::impl::parse_all() {
  if (all_parsed.load(std::memory_order_acquire)) return;
  std::lock_guard lock(lazy_mutex);
  for_each_table([&](auto& t) { parse_whole(t); });
  if (!all_parsed.load(std::memory_order_relaxed)) {  // no table had entries waiting
    check_references();
    all_parsed.store(true, std::memory_order_release);
  }
}

void catalog::impl::drop_lazy() {
  parse_all();
  for_each_table([](auto& t) { t.lazy.reset(); });
}

std::unique_ptr<catalog::impl> catalog::impl::load_embedded() {
  auto im = std::make_unique<impl>();
  bool lazy = true;
  try {
    for (const auto& t : detail::embedded_tables())
      if (detail::is_catalog_table(t.name) && !(lazy = im->load_lazy(t.text, std::string("<embedded>/") + t.name)))
        break;
  } catch (...) {
    lazy = false;
  }
  if (lazy) {
    im->seal_lazy();
    im->embedded_prices = true;  // parsed on first use (prices.cpp)
    return im;
  }
  im = std::make_unique<impl>();
  for (const auto& t : detail::embedded_tables())
    if (detail::is_catalog_table(t.name)) im->load(t.text, std::string("<embedded>/") + t.name, false);
  im->check_references();
  return im;
}

// What lookup.cpp and catalog.cpp use.
template const accelerator& catalog::impl::entry(table<accelerator>&, std::size_t);
template const system_profile& catalog::impl::entry(table<system_profile>&, std::size_t);
template const region& catalog::impl::entry(table<region>&, std::size_t);
template const provider& catalog::impl::entry(table<provider>&, std::size_t);
template const energy_source& catalog::impl::entry(table<energy_source>&, std::size_t);
template const preset& catalog::impl::entry(table<preset>&, std::size_t);
template const equivalent& catalog::impl::entry(table<equivalent>&, std::size_t);
template const std::vector<accelerator>& catalog::impl::whole(table<accelerator>&);
template const std::vector<system_profile>& catalog::impl::whole(table<system_profile>&);
template const std::vector<region>& catalog::impl::whole(table<region>&);
template const std::vector<provider>& catalog::impl::whole(table<provider>&);
template const std::vector<energy_source>& catalog::impl::whole(table<energy_source>&);
template const std::vector<preset>& catalog::impl::whole(table<preset>&);
template const std::vector<equivalent>& catalog::impl::whole(table<equivalent>&);

}  // namespace trainprint::inline v0
