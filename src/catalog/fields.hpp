#pragma once
// The fields every table shares: provenance ("source", "confidence", "notes"),
// cited values ({"value", "year", "source", ...} or a bare number) and ranges;
// and the per-table parsers (table_*.cpp), one per table, each written once for
// both node types (reader.hpp).

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "catalog/entry_fields.hpp"
#include "catalog/reader.hpp"
#include "catalog/rules.hpp"
#include "trainprint/catalog.hpp"

namespace trainprint::inline v0::catalog_detail {

inline constexpr std::array<std::string_view, 3> confidences{"high", "medium", "low"};

/// An object's "source", "confidence" and "notes"; a missing source or confidence
/// is taken from `fallback` (the entry's), or is an error without one.
template <class Node>
provenance prov_of(const reader& rd, const source_map& src, const Node& obj, const std::string& ptr,
                   const provenance* fallback = nullptr) {
  provenance p;
  if (rd.has(obj, "source")) {
    const auto id = rd.str(obj, ptr, "source");
    auto it = src.find(id);
    if (it == src.end()) rd.fail(reader::sub(ptr, "source"), "unknown source '" + id + "' (not in this file's \"sources\")");
    p.source = it->second;
  } else if (fallback) {
    p.source = fallback->source;
  } else {
    rd.fail(ptr, "missing field 'source'");
  }
  if (rd.has(obj, "confidence")) {
    p.confidence = rd.str(obj, ptr, "confidence");
    if (std::find(confidences.begin(), confidences.end(), p.confidence) == confidences.end())
      rd.fail(reader::sub(ptr, "confidence"), "expected high, medium or low, got '" + p.confidence + "'");
  } else if (fallback) {
    p.confidence = fallback->confidence;
  } else {
    rd.fail(ptr, "missing field 'confidence'");
  }
  p.notes = rd.opt_str(obj, ptr, "notes");
  return p;
}

/// A {"value"|<value_key>, "year", "source", ...} object or a bare number; its
/// provenance defaults to the entry's. nullopt when absent or null.
template <class Node>
std::optional<cited_value> cited(const reader& rd, const source_map& src, const Node& obj, const std::string& ptr,
                                 std::string_view key, const provenance& entry, std::string_view value_key = "value") {
  if (!rd.has(obj, key)) return std::nullopt;
  const auto v = *obj.find(key);
  const auto p = reader::sub(ptr, key);
  if (v.is_number()) return cited_value{rd.number(v, p), std::nullopt, entry, {}};
  if (!v.is_object()) rd.fail(p, "expected a number or an object with \"" + std::string(value_key) + "\"");
  cited_value c;
  c.value = rd.num(v, p, value_key);
  c.year = rd.opt_int(v, p, "year");
  c.prov = prov_of(rd, src, v, p, &entry);
  c.kind = rd.opt_str(v, p, "kind");
  return c;
}

/// Reads each of `fields` (entry_fields.hpp) of the entry `o` into `into`, in order.
template <class T, class Node, std::size_t N>
void read_fields(T& into, const std::array<catalog_fields::text<T>, N>& fields, const reader& rd, const Node& o,
                 const std::string& p) {
  for (const auto& [key, member] : fields) into.*member = rd.opt_str(o, p, key);
}
template <class T, class Node, std::size_t N>
void read_fields(T& into, const std::array<catalog_fields::number<T>, N>& fields, const reader& rd, const Node& o,
                 const std::string& p) {
  for (const auto& [key, member] : fields) into.*member = rd.opt_num(o, p, key);
}

/// Fails unless `b` admits the value ("got 7, expected 1 <= pue <= 5").
inline void check_range(const reader& rd, const std::string& ptr, std::string_view key,
                        const std::optional<cited_value>& v, const bound& b) {
  if (v && !b.admits(v->value))
    rd.fail(reader::sub(ptr, key), "got " + shortest(v->value) + ", expected " + shortest(b.lo) + " <= " +
                                       std::string(key) + " <= " + shortest(b.hi));
}

// --- the per-table parsers: one entry's fields after its id and aliases ---
// `o` is the entry, `p` its JSON pointer; each runs on json_node and text_node
// (explicitly instantiated for both in its table_*.cpp).

template <class Node>
void parse_item(accelerator& a, const reader& rd, const source_map& src, const Node& o, const std::string& p);
template <class Node>
void parse_item(system_profile& s, const reader& rd, const source_map& src, const Node& o, const std::string& p);
template <class Node>
void parse_item(region& r, const reader& rd, const source_map& src, const Node& o, const std::string& p);
template <class Node>
void parse_item(provider& pr, const reader& rd, const source_map& src, const Node& o, const std::string& p);
template <class Node>
void parse_item(energy_source& e, const reader& rd, const source_map& src, const Node& o, const std::string& p);
template <class Node>
void parse_item(preset& pr, const reader& rd, const source_map& src, const Node& o, const std::string& p);
template <class Node>
void parse_item(equivalent& q, const reader& rd, const source_map& src, const Node& o, const std::string& p);

/// The "embodied_factors" object of hardware.json, into `into` (an overlay's die
/// list replaces the one before).
void parse_embodied(embodied_factors& into, const reader& rd, const source_map& src, const json_node& ef, bool overlay);

/// One entry: id, aliases and the table's fields.
template <class T, class Node>
T parse_entry(const reader& rd, const source_map& src, const Node& obj, const std::string& ptr) {
  T item;
  item.id = rd.str(obj, ptr, "id");
  if (item.id.empty()) rd.fail(ptr + "/id", "expected a non-empty id");
  item.aliases = rd.strings(obj, ptr, "aliases");
  parse_item(item, rd, src, obj, ptr);
  return item;
}

}  // namespace trainprint::inline v0::catalog_detail
