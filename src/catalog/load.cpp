// Eager loading of one catalog file: every entry parsed (with nlohmann's DOM) and
// indexed by id and aliases. Overlays load this way, and so do the embedded files
// when the lazy index cannot take them.

#include <nlohmann/json.hpp>

#include "catalog/fields.hpp"
#include "catalog/impl.hpp"
#include "catalog/json_scan.hpp"
#include "json_text.hpp"

namespace trainprint::inline v0 {

using namespace catalog_detail;

namespace {
/// The sources of one file's "sources" object, read but not yet added to the catalog.
template <class Node>
std::vector<source_info> read_sources(const reader& rd, const Node& srcs) {
  std::vector<source_info> list;
  srcs.for_each_member([&](const std::string& id, const Node& s) {
    const std::string ptr = reader::sub("/sources", id);
    source_info si;
    si.id = id;
    si.title = rd.str(s, ptr, rules::source_title);
    si.url = rd.opt_str(s, ptr, "url");
    si.year = rd.opt_int(s, ptr, "year").value_or(0);
    si.retrieved = rd.opt_str(s, ptr, "retrieved");
    si.license = rd.opt_str(s, ptr, "license");
    list.push_back(std::move(si));
  });
  return list;
}
}  // namespace

catalog::impl::source_map catalog::impl::add_sources(std::vector<source_info> list) {
  source_map local;
  for (auto& si : list) {
    sources.push_back(std::move(si));
    const source_info* s = &sources.back();
    local[s->id] = s;
    source_by_id.emplace(s->id, s);
  }
  return local;
}

catalog::impl::source_map catalog::impl::parse_sources(const reader& rd, const json_node& root) {
  if (!rd.has(root, "sources")) return {};
  const auto srcs = rd.object(root, "", "sources", "expected an object of sources by id");
  return add_sources(read_sources(rd, srcs));
}

catalog::impl::source_map catalog::impl::parse_sources(const reader& rd, std::string_view text) {
  json_tape tape;
  if (text.front() == '{' && tape.scan(text)) {  // straight from the text, as the entries
    try {
      return add_sources(read_sources(rd, text_node(tape, tape.root())));
    } catch (const not_fast&) {
    } catch (const data_error&) {  // the DOM path gives the same error
    }
  }
  json root = json::object();
  root["sources"] = json::parse(text.begin(), text.end());
  return parse_sources(rd, json_node(root));
}

template <class T>
void catalog::impl::insert(table<T>& t, T item, const json_node& obj, const reader& rd, const std::string& ptr,
                           bool overlay) {
  bool replace = false;
  if (rd.has(obj, "replace")) replace = rd.boolean(*obj.find("replace"), ptr + "/replace") && overlay;
  const std::string key = lower(item.id);
  auto existing = t.index.find(key);
  std::size_t pos = t.items.size();
  if (existing != t.index.end()) {
    const auto& other = t.items[existing->second];
    if (lower(other.id) != key) rd.fail(ptr + "/id", "id '" + item.id + "' already names " + other.id);
    if (!replace)
      rd.fail(ptr + "/id",
              "id '" + item.id + "' already exists" + (overlay ? "; set \"replace\": true to replace it" : ""));
    pos = existing->second;
  }
  // Check every name before touching the index, so a failed entry leaves the table as it was.
  std::vector<std::string> names{item.id};
  names.insert(names.end(), item.aliases.begin(), item.aliases.end());
  for (const auto& n : names) {
    auto hit = t.index.find(lower(n));
    if (hit != t.index.end() && hit->second != pos) rd.fail(ptr, "name '" + n + "' already names " + t.items[hit->second].id);
  }
  if (pos != t.items.size())  // replacing: drop the old entry's names; the new entry brings its own
    for (auto it = t.index.begin(); it != t.index.end();) it = it->second == pos ? t.index.erase(it) : std::next(it);
  for (const auto& n : names) t.index[lower(n)] = pos;
  if (pos == t.items.size()) {
    t.items.push_back(std::move(item));
    t.origin.emplace_back(rd.file(), ptr);
  } else {
    t.items[pos] = std::move(item);
    t.origin[pos] = {rd.file(), ptr};
  }
}

void catalog::impl::load(std::string_view text, const std::string& file, bool overlay) {
  reader rd(file);
  const json dom = parse_json_text(text, file);
  const json_node root(dom);
  if (!root.is_object()) rd.fail("", "expected a JSON object");
  if (rd.has(root, "version") && rd.has(root, "date") && !rd.has(root, "meta")) {  // catalog.json
    version = rd.str(root, "", "version");
    date = rd.str(root, "", "date");
    return;
  }
  const auto src = parse_sources(rd, root);
  bool any = false;
  auto entries = [&](std::string_view key, auto& t) {
    if (!rd.has(root, key)) return;
    any = true;
    using T = typename decltype(t.items)::value_type;
    const auto arr = rd.array(root, "", key);
    for (std::size_t i = 0; i < arr.size(); ++i) {
      const std::string ptr = reader::sub("", key) + "/" + std::to_string(i);
      const auto obj = arr[i];
      try {
        if (!obj.is_object()) rd.fail(ptr, "expected an object");
        if constexpr (std::is_same_v<T, system_profile>) {  // a system brings its own price, or none
          auto item = parse_entry<T>(rd, src, obj, ptr);
          auto price = parse_price(rd, src, obj, ptr);
          const std::string id = item.id;
          insert(t, std::move(item), obj, rd, ptr, overlay);
          set_price(id, std::move(price));
        } else {
          insert(t, parse_entry<T>(rd, src, obj, ptr), obj, rd, ptr, overlay);
        }
      } catch (const data_error& e) {
        if (!collect) throw;
        collect->emplace_back(e.what());
      }
    }
  };
  entries("accelerators", accelerators);
  entries("systems", systems);
  if (rd.has(root, "embodied_factors")) {
    any = true;
    parse_embodied(embodied, rd, src, *root.find("embodied_factors"), overlay);
  }
  entries("regions", regions);
  entries("providers", providers);
  entries("sources_of_energy", energy_sources);
  entries("presets", presets);
  entries("equivalents", equivalents);
  if (!any)
    rd.fail("", "no catalog table found (expected accelerators, systems, regions, providers, "
                "sources_of_energy, presets or equivalents)");
}

}  // namespace trainprint::inline v0
