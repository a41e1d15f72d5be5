// The catalog loader: parses the embedded data/*.json tables once and overlays
// user files. Every JSON read goes through `reader`, so a malformed file gives a
// data_error naming the file and the JSON pointer of the bad value.

#include "trainprint/catalog.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <tuple>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>
#include <deque>
#include <fstream>
#include <mutex>
#include <sstream>
#include <type_traits>

#include "embedded_data.hpp"
#include "trainprint/error.hpp"
#include "trainprint/estimator.hpp"  // limits
#include "trainprint/json.hpp"

namespace trainprint::inline v0 {
namespace {

using json = nlohmann::json;

/// ASCII lower case (ids are ASCII; no locale lookup per character).
constexpr char lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lower(std::string_view s) {
  std::string r(s);
  for (auto& c : r) c = lower_ascii(c);
  return r;
}

/// `v` to six significant digits, without trailing zeros ("0.9", not "0.900000").
std::string shortest(double v) {
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::general, 6);
  return std::string(buf, r.ptr);
}

std::string escape_pointer_token(std::string_view k) {
  std::string r;
  for (char c : k) {
    if (c == '~') r += "~0";
    else if (c == '/') r += "~1";
    else r += c;
  }
  return r;
}

/// Reads typed values out of one file's JSON, failing with the file and pointer.
class reader {
 public:
  explicit reader(std::string file) : file_(std::move(file)) {}
  const std::string& file() const { return file_; }

  [[noreturn]] void fail(const std::string& ptr, const std::string& detail) const {
    throw data_error(file_, ptr, detail);
  }
  const json& at(const json& obj, const std::string& ptr, std::string_view key) const {
    if (!obj.is_object()) fail(ptr, "expected an object");
    auto it = obj.find(key);
    if (it == obj.end()) fail(ptr, "missing field '" + std::string(key) + "'");
    return *it;
  }
  bool has(const json& obj, std::string_view key) const {
    auto it = obj.find(key);
    return it != obj.end() && !it->is_null();
  }
  std::string str(const json& obj, const std::string& ptr, std::string_view key) const {
    const auto& v = at(obj, ptr, key);
    if (!v.is_string()) fail(sub(ptr, key), "expected a string, got " + std::string(v.type_name()));
    return v.get<std::string>();
  }
  std::string opt_str(const json& obj, const std::string& ptr, std::string_view key) const {
    return has(obj, key) ? str(obj, ptr, key) : std::string{};
  }
  double number(const json& v, const std::string& ptr) const {
    if (!v.is_number()) fail(ptr, "expected a number, got " + std::string(v.type_name()));
    const double d = v.get<double>();
    if (!std::isfinite(d)) fail(ptr, "expected a finite number");
    return d;
  }
  double num(const json& obj, const std::string& ptr, std::string_view key) const {
    return number(at(obj, ptr, key), sub(ptr, key));
  }
  std::optional<double> opt_num(const json& obj, const std::string& ptr, std::string_view key) const {
    if (!has(obj, key)) return std::nullopt;
    return num(obj, ptr, key);
  }
  std::optional<int> opt_int(const json& obj, const std::string& ptr, std::string_view key) const {
    auto v = opt_num(obj, ptr, key);
    if (!v) return std::nullopt;
    if (std::floor(*v) != *v) fail(sub(ptr, key), "expected a whole number");
    return static_cast<int>(*v);
  }
  std::vector<std::string> strings(const json& obj, const std::string& ptr, std::string_view key) const {
    std::vector<std::string> r;
    if (!has(obj, key)) return r;
    const auto& v = obj.at(std::string(key));
    if (!v.is_array()) fail(sub(ptr, key), "expected an array of strings");
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (!v[i].is_string()) fail(sub(sub(ptr, key), std::to_string(i)), "expected a string");
      r.push_back(v[i].get<std::string>());
    }
    return r;
  }
  const json& array(const json& obj, const std::string& ptr, std::string_view key) const {
    const auto& v = at(obj, ptr, key);
    if (!v.is_array()) fail(sub(ptr, key), "expected an array");
    return v;
  }
  static std::string sub(const std::string& ptr, std::string_view key) {
    return ptr + "/" + escape_pointer_token(key);
  }

 private:
  std::string file_;
};

/// A structural scan of JSON text: the spans of an object's members and an
/// array's elements, without building a DOM. It trusts the text to be well
/// formed and answers false at anything unexpected; the caller then falls back to
/// the full parser, which reports the problem with its file and pointer.
class skimmer {
 public:
  explicit skimmer(std::string_view text) : p_(text.data()), end_(text.data() + text.size()) {}

  bool at_end() {
    ws();
    return p_ == end_;
  }
  /// A string's raw contents; `escaped` says it holds a backslash escape.
  bool string(std::string_view& raw, bool& escaped) {
    ws();
    if (p_ == end_ || *p_ != '"') return false;
    const char* start = ++p_;
    const char* q = start;
    while (true) {  // the closing quote: the first one not escaped by an odd run of backslashes
      q = static_cast<const char*>(std::memchr(q, '"', static_cast<std::size_t>(end_ - q)));
      if (!q) return false;
      const char* b = q;
      while (b > start && b[-1] == '\\') --b;
      if ((q - b) % 2 == 0) break;
      ++q;
    }
    raw = {start, static_cast<std::size_t>(q - start)};
    escaped = std::memchr(start, '\\', raw.size()) != nullptr;
    p_ = q + 1;
    return true;
  }
  /// Any value: its text, from the first character to the last.
  bool value(std::string_view& span) {
    ws();
    const char* start = p_;
    if (p_ == end_) return false;
    std::string_view raw;
    bool escaped = false;
    if (*p_ == '"') {
      if (!string(raw, escaped)) return false;
    } else if (*p_ == '{' || *p_ == '[') {
      int depth = 0;
      while (p_ < end_) {
        const char c = *p_;
        if (c == '"') {
          if (!string(raw, escaped)) return false;
          continue;
        }
        ++p_;
        if (c == '{' || c == '[') ++depth;
        else if ((c == '}' || c == ']') && --depth == 0) break;
      }
      if (depth != 0) return false;
    } else {
      while (p_ < end_ && *p_ != ',' && *p_ != '}' && *p_ != ']' && !is_ws(*p_)) ++p_;
      if (p_ == start) return false;
    }
    span = {start, static_cast<std::size_t>(p_ - start)};
    return true;
  }
  /// For each member of an object, calls f(key, key_escaped) with the skimmer at the
  /// member's value; f consumes the value and answers false to stop.
  template <class F>
  bool members(F f) {
    return sequence('{', '}', [&] {
      std::string_view key;
      bool escaped = false;
      if (!string(key, escaped)) return false;
      ws();
      if (p_ == end_ || *p_ != ':') return false;
      ++p_;
      return f(key, escaped);
    });
  }
  /// For each element of an array, calls f() with the skimmer at the element; f
  /// consumes it and answers false to stop.
  template <class F>
  bool elements(F f) {
    return sequence('[', ']', f);
  }
  /// Where the next value starts.
  const char* here() {
    ws();
    return p_;
  }
  bool next_is(char c) {
    ws();
    return p_ < end_ && *p_ == c;
  }

 private:
  static bool is_ws(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
  void ws() {
    while (p_ < end_ && is_ws(*p_)) ++p_;
  }
  template <class F>
  bool sequence(char open, char close, F item) {
    ws();
    if (p_ == end_ || *p_ != open) return false;
    ++p_;
    ws();
    if (p_ < end_ && *p_ == close) {
      ++p_;
      return true;
    }
    while (true) {
      if (!item()) return false;
      ws();
      if (p_ == end_) return false;
      if (*p_ == ',') {
        ++p_;
        continue;
      }
      if (*p_ != close) return false;
      ++p_;
      return true;
    }
  }

  const char* p_;
  const char* end_;
};

const std::array<std::string_view, 3> confidences{"high", "medium", "low"};

// --- a fast path for the largest table (regions.json, two thirds of the catalog) ---
//
// A region entry is checked to be valid JSON by the rules nlohmann applies (strict
// RFC 8259, UTF-8 checked, no number that overflows a double) and read straight
// from its text. Anything the fast path does not take as it is (a backslash
// escape, a repeated key, a value of an unexpected type or out of its range)
// sends the entry to the nlohmann-based parser, which gives the same entry or
// the same error as before.

/// Strict JSON checks over [p, end): each advances `p` past what it accepts.
struct json_checker {
  const char* p;
  const char* end;

  void ws() {
    while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')) ++p;
  }
  bool lit(std::string_view w) {
    if (static_cast<std::size_t>(end - p) < w.size() || std::memcmp(p, w.data(), w.size()) != 0) return false;
    p += w.size();
    return true;
  }
  static bool cont(unsigned char c) { return (c & 0xC0) == 0x80; }
  /// A string without backslash escapes (those go to the full parser): control
  /// characters are refused, UTF-8 must be well formed (RFC 3629).
  bool string() {
    if (p == end || *p != '"') return false;
    ++p;
    while (p < end) {
      const auto c = static_cast<unsigned char>(*p);
      if (c == '"') {
        ++p;
        return true;
      }
      if (c == '\\' || c < 0x20) return false;
      if (c < 0x80) {
        ++p;
        continue;
      }
      const auto n = static_cast<std::size_t>(end - p);
      auto at = [&](std::size_t i) { return i < n ? static_cast<unsigned char>(p[i]) : static_cast<unsigned char>(0); };
      const unsigned char c1 = at(1), c2 = at(2), c3 = at(3);
      if (c >= 0xC2 && c <= 0xDF && cont(c1)) {
        p += 2;
      } else if (c >= 0xE0 && c <= 0xEF && cont(c1) && cont(c2) && !(c == 0xE0 && c1 < 0xA0) &&
                 !(c == 0xED && c1 > 0x9F)) {
        p += 3;
      } else if (c >= 0xF0 && c <= 0xF4 && cont(c1) && cont(c2) && cont(c3) && !(c == 0xF0 && c1 < 0x90) &&
                 !(c == 0xF4 && c1 > 0x8F)) {
        p += 4;
      } else {
        return false;
      }
    }
    return false;
  }
  bool digits() {
    const char* s = p;
    while (p < end && *p >= '0' && *p <= '9') ++p;
    return p != s;
  }
  bool number() {
    if (p < end && *p == '-') ++p;
    if (p == end) return false;
    if (*p == '0') ++p;
    else if (!digits()) return false;
    if (p < end && *p == '.') {
      ++p;
      if (!digits()) return false;
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
      ++p;
      if (p < end && (*p == '+' || *p == '-')) ++p;
      if (!digits()) return false;
    }
    return true;
  }
  bool value() {
    ws();
    if (p == end) return false;
    switch (*p) {
      case '"': return string();
      case 't': return lit("true");
      case 'f': return lit("false");
      case 'n': return lit("null");
      case '{':
      case '[': {
        const char close = *p == '{' ? '}' : ']';
        const bool object = close == '}';
        ++p;
        ws();
        if (p < end && *p == close) {
          ++p;
          return true;
        }
        while (true) {
          if (object) {
            ws();
            if (!string()) return false;
            ws();
            if (p == end || *p != ':') return false;
            ++p;
          }
          if (!value()) return false;
          ws();
          if (p == end) return false;
          if (*p == ',') {
            ++p;
            continue;
          }
          if (*p != close) return false;
          ++p;
          return true;
        }
      }
      default: return number();
    }
  }
};

/// A valid JSON number's value as nlohmann's get<double>() gives it: an integer
/// through (u)int64 when it fits, else the correctly rounded double; nullopt when
/// it is not a finite number.
std::optional<double> number_of(std::string_view t) {
  if (t.empty() || !(t[0] == '-' || (t[0] >= '0' && t[0] <= '9'))) return std::nullopt;
  const bool integer = t.find_first_of(".eE") == std::string_view::npos;
  if (integer) {
    if (t[0] == '-') {
      std::int64_t i = 0;
      const auto r = std::from_chars(t.data(), t.data() + t.size(), i);
      if (r.ec == std::errc() && r.ptr == t.data() + t.size()) return static_cast<double>(i);
    } else {
      std::uint64_t u = 0;
      const auto r = std::from_chars(t.data(), t.data() + t.size(), u);
      if (r.ec == std::errc() && r.ptr == t.data() + t.size()) return static_cast<double>(u);
    }
  }
  double d = 0;
  const auto r = std::from_chars(t.data(), t.data() + t.size(), d);
  if (r.ec != std::errc() || r.ptr != t.data() + t.size() || !std::isfinite(d)) return std::nullopt;
  return d;
}

/// An object's members (checked JSON), in order; nullopt for a non-object, an
/// escaped key or a key given twice.
class members_view {
 public:
  static std::optional<members_view> of(std::string_view text) {
    members_view m;
    skimmer sk(text);
    const bool ok = sk.members([&](std::string_view k, bool escaped) {
      std::string_view v;
      if (escaped || !sk.value(v)) return false;
      for (const auto& [k2, _] : m.items_)
        if (k2 == k) return false;
      m.items_.emplace_back(k, v);
      return true;
    });
    if (!ok || !sk.at_end()) return std::nullopt;
    return m;
  }
  /// The value's text; nullopt when absent or null (reader::has).
  std::optional<std::string_view> get(std::string_view key) const {
    for (const auto& [k, v] : items_)
      if (k == key) return v == "null" ? std::nullopt : std::optional(v);
    return std::nullopt;
  }
  /// Present, even if null (reader::at).
  bool present(std::string_view key) const {
    return std::any_of(items_.begin(), items_.end(), [&](const auto& kv) { return kv.first == key; });
  }
  const std::vector<std::pair<std::string_view, std::string_view>>& items() const { return items_; }

 private:
  std::vector<std::pair<std::string_view, std::string_view>> items_;
};

/// A string value's contents (no escapes: the checker refused them).
bool string_of(std::string_view v, std::string& out) {
  if (v.size() < 2 || v.front() != '"') return false;
  out.assign(v.data() + 1, v.size() - 2);
  return true;
}

/// Lets the indexes be searched by string_view, without building a string.
struct string_hash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

}  // namespace

struct catalog::impl {
  /// When set, a bad entry is recorded here and loading goes on with the next one
  /// (catalog::overlay_problems); otherwise the first problem throws.
  std::vector<std::string>* collect = nullptr;
  using source_map = std::unordered_map<std::string, const source_info*>;

  std::string version = "unknown", date = "unknown";
  std::deque<source_info> sources;  // stable addresses for provenance pointers
  std::unordered_map<std::string, const source_info*> source_by_id;

  // The embedded tables are parsed lazily: loading indexes each entry's id and
  // aliases with a skimmer (no DOM) and keeps its text; the entry itself is parsed
  // on first lookup, and every entry (with the reference checks) on first use of a
  // whole table or an overlay. Overlays are parsed eagerly, as before.
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
  std::deque<lazy_file> lazy_files;
  std::mutex lazy_mutex;
  std::atomic<bool> all_parsed{true};

  template <class T>
  struct table {
    std::vector<T> items;
    std::unordered_map<std::string, std::size_t, string_hash, std::equal_to<>> index;  // lower-case id or alias → item
    std::vector<std::pair<std::string, std::string>> origin;  // per item: file and JSON pointer it came from
    std::shared_ptr<lazy_part> lazy;  // while entries wait to be parsed
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

  /// Everything an overlay may change, so a file that fails half-way can be undone.
  struct saved_state {
    std::string version, date;
    std::size_t sources_count = 0;
    std::unordered_map<std::string, const source_info*> source_by_id;
    table<accelerator> accelerators;
    table<system_profile> systems;
    table<region> regions;
    table<provider> providers;
    table<energy_source> energy_sources;
    table<preset> presets;
    table<equivalent> equivalents;
    embodied_factors embodied;
  };
  saved_state save() const {
    return {version,  date,    sources.size(), source_by_id,   accelerators, systems,    regions,
            providers, energy_sources, presets, equivalents, embodied};
  }
  void restore(saved_state&& s) {
    version = std::move(s.version);
    date = std::move(s.date);
    sources.resize(s.sources_count);  // shrinking a deque at the back keeps the others' addresses
    source_by_id = std::move(s.source_by_id);
    accelerators = std::move(s.accelerators);
    systems = std::move(s.systems);
    regions = std::move(s.regions);
    providers = std::move(s.providers);
    energy_sources = std::move(s.energy_sources);
    presets = std::move(s.presets);
    equivalents = std::move(s.equivalents);
    embodied = std::move(s.embodied);
  }

  // --- parsing helpers ---

  source_map parse_sources(const reader& rd, const json& root) {
    source_map local;
    if (!rd.has(root, "sources")) return local;
    const auto& srcs = root.at("sources");
    if (!srcs.is_object()) rd.fail("/sources", "expected an object of sources by id");
    for (const auto& [id, s] : srcs.items()) {
      const std::string ptr = reader::sub("/sources", id);
      source_info si;
      si.id = id;
      si.title = rd.str(s, ptr, "title");
      si.url = rd.opt_str(s, ptr, "url");
      si.year = rd.opt_int(s, ptr, "year").value_or(0);
      si.retrieved = rd.opt_str(s, ptr, "retrieved");
      si.license = rd.opt_str(s, ptr, "license");
      sources.push_back(std::move(si));
      local[id] = &sources.back();
      source_by_id.emplace(id, &sources.back());
    }
    return local;
  }

  static provenance prov_of(const reader& rd, const source_map& src, const json& obj, const std::string& ptr,
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

  /// Fails unless lo <= v <= hi (a cited value's range is that of its scenario input).
  static void check_range(const reader& rd, const std::string& ptr, std::string_view key,
                          const std::optional<cited_value>& v, double lo, double hi) {
    if (v && !(v->value >= lo && v->value <= hi))
      rd.fail(reader::sub(ptr, key), "got " + shortest(v->value) + ", expected " + shortest(lo) + " <= " +
                                         std::string(key) + " <= " + shortest(hi));
  }

  /// A {"value"|<key>, "year", "source", ...} object; its provenance defaults to the entry's.
  static std::optional<cited_value> cited(const reader& rd, const source_map& src, const json& obj,
                                          const std::string& ptr, std::string_view key,
                                          const provenance& entry, std::string_view value_key = "value") {
    if (!rd.has(obj, key)) return std::nullopt;
    const auto& v = obj.at(std::string(key));
    const auto p = reader::sub(ptr, key);
    if (v.is_number()) return cited_value{rd.number(v, p), std::nullopt, entry};
    if (!v.is_object()) rd.fail(p, "expected a number or an object with \"" + std::string(value_key) + "\"");
    cited_value c;
    c.value = rd.num(v, p, value_key);
    c.year = rd.opt_int(v, p, "year");
    c.prov = prov_of(rd, src, v, p, &entry);
    return c;
  }

  template <class T>
  void insert(table<T>& t, T item, const json& obj, const reader& rd, const std::string& ptr, bool overlay) {
    bool replace = false;
    if (rd.has(obj, "replace")) {
      if (!obj.at("replace").is_boolean()) rd.fail(ptr + "/replace", "expected true or false");
      replace = overlay && obj.at("replace").get<bool>();
    }
    const std::string key = lower(item.id);
    auto existing = t.index.find(key);
    std::size_t pos = t.items.size();
    if (existing != t.index.end()) {
      const auto& other = t.items[existing->second];
      if (lower(other.id) != key)
        rd.fail(ptr + "/id", "id '" + item.id + "' already names " + other.id);
      if (!replace)
        rd.fail(ptr + "/id", "id '" + item.id + "' already exists" +
                                 (overlay ? "; set \"replace\": true to replace it" : ""));
      pos = existing->second;
    }
    // Check every name before touching the index, so a failed entry leaves the table as it was.
    std::vector<std::string> names{item.id};
    names.insert(names.end(), item.aliases.begin(), item.aliases.end());
    for (const auto& n : names) {
      auto hit = t.index.find(lower(n));
      if (hit != t.index.end() && hit->second != pos)
        rd.fail(ptr, "name '" + n + "' already names " + t.items[hit->second].id);
    }
    if (pos != t.items.size())  // replacing: drop the old entry's names; the new entry brings its own
      for (auto it = t.index.begin(); it != t.index.end();)
        it = it->second == pos ? t.index.erase(it) : std::next(it);
    for (const auto& n : names) t.index[lower(n)] = pos;
    if (pos == t.items.size()) {
      t.items.push_back(std::move(item));
      t.origin.emplace_back(rd.file(), ptr);
    } else {
      t.items[pos] = std::move(item);
      t.origin[pos] = {rd.file(), ptr};
    }
  }

  template <class T, class F>
  void parse_entries(const reader& rd, const json& root, std::string_view key, table<T>& t, bool overlay, F parse_one) {
    if (!rd.has(root, key)) return;
    const auto& arr = rd.array(root, "", key);
    for (std::size_t i = 0; i < arr.size(); ++i) {
      const std::string ptr = reader::sub("", key) + "/" + std::to_string(i);
      const auto& obj = arr[i];
      try {
        if (!obj.is_object()) rd.fail(ptr, "expected an object");
        T item;
        item.id = rd.str(obj, ptr, "id");
        if (item.id.empty()) rd.fail(ptr + "/id", "expected a non-empty id");
        item.aliases = rd.strings(obj, ptr, "aliases");
        parse_one(item, obj, ptr);
        insert(t, std::move(item), obj, rd, ptr, overlay);
      } catch (const data_error& e) {
        if (!collect) throw;
        collect->emplace_back(e.what());
      }
    }
  }

  static void parse_item(accelerator& a, const reader& rd, const source_map& src, const json& o, const std::string& p) {
    a.prov = prov_of(rd, src, o, p);
    a.name = rd.opt_str(o, p, "name");
    a.vendor = rd.opt_str(o, p, "vendor");
    a.model = rd.opt_str(o, p, "model");
    a.variant = rd.opt_str(o, p, "variant");
    a.kind = rd.opt_str(o, p, "kind");
    a.family = rd.opt_str(o, p, "family");
    a.release_year = rd.opt_int(o, p, "release_year");
    a.tdp_w = rd.opt_num(o, p, "tdp_w");
    if (a.tdp_w && *a.tdp_w <= 0) rd.fail(p + "/tdp_w", "expected a positive power");
    a.tdp_kind = rd.opt_str(o, p, "tdp_kind");
    if (rd.has(o, "peak_tflops_dense")) {
      const auto& pk = o.at("peak_tflops_dense");
      const auto pp = p + "/peak_tflops_dense";
      if (!pk.is_object()) rd.fail(pp, "expected an object of precision: TFLOP/s");
      for (const auto& [name, v] : pk.items()) {
        auto prec = parse_precision(name);
        if (!prec) {
          if (name == "int8" || name == "fp4" || name == "fp6" || name == "fp64") continue;  // not used
          rd.fail(reader::sub(pp, name), "unknown precision '" + name + "'");
        }
        if (v.is_null()) continue;
        const double t = rd.number(v, reader::sub(pp, name));
        if (t <= 0) rd.fail(reader::sub(pp, name), "expected a positive TFLOP/s");
        a.peak_tflops_dense[static_cast<std::size_t>(*prec)] = t;
      }
    }
    a.memory_gb = rd.opt_num(o, p, "memory_gb");
    a.memory_bw_gb_s = rd.opt_num(o, p, "memory_bw_gb_s");
    a.die_area_mm2 = rd.opt_num(o, p, "die_area_mm2");
    a.process_nm = rd.opt_num(o, p, "process_nm");
    a.memory_type = rd.opt_str(o, p, "memory_type");
    a.process = rd.opt_str(o, p, "process");
    a.system = rd.opt_str(o, p, "system");
    if (rd.has(o, "field_sources")) {
      const auto& fs = o.at("field_sources");
      if (!fs.is_object()) rd.fail(p + "/field_sources", "expected an object");
      for (const auto& [field, v] : fs.items())
        a.field_sources[field] = prov_of(rd, src, v, reader::sub(p + "/field_sources", field), &a.prov);
    }
  }
  static void parse_item(system_profile& s, const reader& rd, const source_map& src, const json& o, const std::string& p) {
    s.prov = prov_of(rd, src, o, p);
    s.name = rd.opt_str(o, p, "name");
    s.kind = rd.opt_str(o, p, "kind");
    s.accelerator = rd.opt_str(o, p, "accelerator");
    s.accelerators = static_cast<int>(rd.num(o, p, "accelerators"));
    if (s.accelerators <= 0) rd.fail(p + "/accelerators", "expected a positive count");
    s.max_power_w = rd.opt_num(o, p, "max_power_w");
    s.provider = rd.opt_str(o, p, "provider");
  }
  static void parse_item(region& r, const reader& rd, const source_map& src, const json& o, const std::string& p) {
    r.prov = prov_of(rd, src, o, p);
    r.kind = rd.str(o, p, "kind");
    static const std::array<std::string_view, 4> kinds{"country", "subnational", "grid", "cloud"};
    if (std::find(kinds.begin(), kinds.end(), r.kind) == kinds.end())
      rd.fail(p + "/kind", "expected country, subnational, grid or cloud, got '" + r.kind + "'");
    r.name = rd.opt_str(o, p, "name");
    r.country = rd.opt_str(o, p, "country");
    r.parent = rd.opt_str(o, p, "parent");
    r.grid = rd.opt_str(o, p, "grid");
    r.provider = rd.opt_str(o, p, "provider");
    r.location = rd.opt_str(o, p, "location");
    if (rd.has(o, "intensity")) {
      const auto& iv = o.at("intensity");
      const auto pp = p + "/intensity";
      intensity_value v;
      v.gco2e_per_kwh = rd.num(iv, pp, "gco2e_per_kwh");
      if (v.gco2e_per_kwh < 0) rd.fail(pp + "/gco2e_per_kwh", "expected a non-negative intensity");
      v.year = rd.opt_int(iv, pp, "year");
      v.basis = rd.opt_str(iv, pp, "basis");
      v.mix_basis = rd.opt_str(iv, pp, "mix_basis");
      v.accounting = rd.opt_str(iv, pp, "accounting");
      v.prov = prov_of(rd, src, iv, pp, &r.prov);
      r.intensity = std::move(v);
    }
    r.cfe = cited(rd, src, o, p, "cfe", r.prov);
    r.ewif_l_per_kwh = cited(rd, src, o, p, "ewif_l_per_kwh", r.prov);
    r.pue = cited(rd, src, o, p, "pue", r.prov);
    r.wue_l_per_kwh = cited(rd, src, o, p, "wue_l_per_kwh", r.prov);
    r.price_usd_per_kwh = cited(rd, src, o, p, "price_usd_per_kwh", r.prov);
    // A catalog value gets the range of the scenario input it stands for (limits).
    check_range(rd, p, "cfe", r.cfe, 0, 1);
    check_range(rd, p, "ewif_l_per_kwh", r.ewif_l_per_kwh, 0, limits::ewif_l_per_kwh);
    check_range(rd, p, "pue", r.pue, 1, limits::pue);
    check_range(rd, p, "wue_l_per_kwh", r.wue_l_per_kwh, 0, limits::wue_l_per_kwh);
    check_range(rd, p, "price_usd_per_kwh", r.price_usd_per_kwh, 0, limits::price_usd_per_kwh);
    if (rd.has(o, "mix")) {
      const auto& m = o.at("mix");
      const auto pp = p + "/mix";
      mix_value mv;
      const auto& shares = rd.at(m, pp, "shares");
      if (!shares.is_object()) rd.fail(pp + "/shares", "expected an object of source: share");
      double sum = 0;
      for (const auto& [k, v] : shares.items()) {
        const double share = rd.number(v, reader::sub(pp + "/shares", k));
        if (share < 0 || share > 1) rd.fail(reader::sub(pp + "/shares", k), "expected 0 <= share <= 1");
        sum += share;
        mv.mix.shares.emplace_back(k, share);
      }
      if (std::abs(sum - 1.0) > 0.001) rd.fail(pp + "/shares", "shares sum to " + shortest(sum) + ", expected 1 (±0.001)");
      mv.year = rd.opt_int(m, pp, "year");
      mv.prov = prov_of(rd, src, m, pp, &r.prov);
      r.mix = std::move(mv);
    }
  }
  static void parse_item(provider& pr, const reader& rd, const source_map& src, const json& o, const std::string& p) {
    pr.prov = prov_of(rd, src, o, p);
    pr.name = rd.opt_str(o, p, "name");
    pr.kind = rd.opt_str(o, p, "kind");
    auto list = [&](std::string_view key, std::vector<cited_value>& into) {
      if (!rd.has(o, key)) return;
      const auto& arr = rd.array(o, p, key);
      for (std::size_t i = 0; i < arr.size(); ++i) {
        const auto pp = reader::sub(p, key) + "/" + std::to_string(i);
        into.push_back({rd.num(arr[i], pp, "value"), rd.opt_int(arr[i], pp, "year"), prov_of(rd, src, arr[i], pp, &pr.prov)});
      }
    };
    list("pue", pr.pue);
    list("wue_l_per_kwh", pr.wue_l_per_kwh);
    list("cfe", pr.cfe);
    for (std::size_t i = 0; i < pr.pue.size(); ++i) check_range(rd, p + "/pue/" + std::to_string(i), "value", pr.pue[i], 1, limits::pue);
    for (std::size_t i = 0; i < pr.wue_l_per_kwh.size(); ++i)
      check_range(rd, p + "/wue_l_per_kwh/" + std::to_string(i), "value", pr.wue_l_per_kwh[i], 0, limits::wue_l_per_kwh);
    for (std::size_t i = 0; i < pr.cfe.size(); ++i) check_range(rd, p + "/cfe/" + std::to_string(i), "value", pr.cfe[i], 0, 1);
  }
  static void parse_item(energy_source& e, const reader& rd, const source_map& src, const json& o, const std::string& p) {
    e.prov = prov_of(rd, src, o, p);
    e.name = rd.opt_str(o, p, "name");
    const auto& lc = rd.at(o, p, "lifecycle_gco2e_per_kwh");
    const auto lp = p + "/lifecycle_gco2e_per_kwh";
    e.lifecycle_median = rd.num(lc, lp, "median");
    e.lifecycle_min = rd.opt_num(lc, lp, "min").value_or(e.lifecycle_median);
    e.lifecycle_max = rd.opt_num(lc, lp, "max").value_or(e.lifecycle_median);
    e.lifecycle_prov = prov_of(rd, src, lc, lp, &e.prov);
    if (!(0 <= e.lifecycle_min && e.lifecycle_min <= e.lifecycle_median && e.lifecycle_median <= e.lifecycle_max &&
          e.lifecycle_max <= limits::intensity_g_per_kwh))
      rd.fail(lp, "expected 0 <= min <= median <= max <= " + shortest(limits::intensity_g_per_kwh));
    if (rd.has(o, "water_l_per_kwh")) {
      const auto& w = o.at("water_l_per_kwh");
      const auto wp = p + "/water_l_per_kwh";
      e.water_l_per_kwh = rd.num(w, wp, "value");
      e.water_min = rd.opt_num(w, wp, "min");
      e.water_max = rd.opt_num(w, wp, "max");
      e.water_prov = prov_of(rd, src, w, wp, &e.prov);
      if (!(0 <= *e.water_l_per_kwh && *e.water_l_per_kwh <= limits::ewif_l_per_kwh) ||
          (e.water_min && !(0 <= *e.water_min && *e.water_min <= *e.water_l_per_kwh)) ||
          (e.water_max && !(*e.water_l_per_kwh <= *e.water_max && *e.water_max <= limits::ewif_l_per_kwh)))
        rd.fail(wp, "expected 0 <= min <= value <= max <= " + shortest(limits::ewif_l_per_kwh));
    }
  }
  static void parse_item(preset& pr, const reader& rd, const source_map& src, const json& o, const std::string& p) {
    pr.prov = prov_of(rd, src, o, p);
    pr.name = rd.opt_str(o, p, "name");
    pr.year = rd.opt_int(o, p, "year");
    try {
      pr.scenario = rd.at(o, p, "scenario").get<scenario>();
    } catch (const input_error& e) {
      rd.fail(p + "/scenario/" + e.field(), e.what());
    }
    if (rd.has(o, "published")) pr.published_json = o.at("published").dump();
    if (rd.has(o, "reported")) {
      const auto& r = o.at("reported");
      const auto rp = p + "/reported";
      pr.reported_energy_mwh = rd.opt_num(r, rp, "energy_mwh");
      pr.reported_emissions_t_co2e = rd.opt_num(r, rp, "emissions_t_co2e");
      pr.reported_boundary = rd.opt_str(r, rp, "boundary");
      if (rd.has(r, "includes_pue")) {
        if (!r.at("includes_pue").is_boolean()) rd.fail(rp + "/includes_pue", "expected true or false");
        pr.reported_includes_pue = r.at("includes_pue").get<bool>();
      }
      pr.reported_notes = rd.opt_str(r, rp, "notes");
    }
  }
  static void parse_item(equivalent& q, const reader& rd, const source_map& src, const json& o, const std::string& p) {
    q.prov = prov_of(rd, src, o, p);
    q.name = rd.opt_str(o, p, "name");
    q.applies_to = rd.str(o, p, "applies_to");
    const char* key = q.applies_to == "emissions" ? "per_unit_kg_co2e"
                      : q.applies_to == "energy"  ? "per_unit_kwh"
                      : q.applies_to == "water"   ? "per_unit_l"
                                                  : nullptr;
    if (!key) rd.fail(p + "/applies_to", "expected emissions, energy or water, got '" + q.applies_to + "'");
    q.per_unit = rd.num(o, p, key);
    if (q.per_unit <= 0) rd.fail(reader::sub(p, key), "expected a positive factor");
    q.unit = rd.opt_str(o, p, "unit");
  }

  void parse_embodied(const reader& rd, const source_map& src, const json& ef, bool overlay) {
    const std::string p = "/embodied_factors";
    if (rd.has(ef, "die_kgco2e_per_cm2")) {
      const auto& arr = rd.array(ef, p, "die_kgco2e_per_cm2");
      if (overlay) embodied.die.clear();
      for (std::size_t i = 0; i < arr.size(); ++i) {
        const auto pp = p + "/die_kgco2e_per_cm2/" + std::to_string(i);
        embodied_factors::die_factor d;
        d.process_nm = rd.num(arr[i], pp, "process_nm");
        d.kgco2e_per_cm2 = cited_value{rd.num(arr[i], pp, "value"), rd.opt_int(arr[i], pp, "year"),
                                       prov_of(rd, src, arr[i], pp)};
        embodied.die.push_back(std::move(d));
      }
    }
    provenance none;
    if (rd.has(ef, "memory_kgco2e_per_gb")) {
      const auto pp = p + "/memory_kgco2e_per_gb";
      const auto& m = ef.at("memory_kgco2e_per_gb");
      embodied.memory_kgco2e_per_gb = cited_value{rd.num(m, pp, "value"), rd.opt_int(m, pp, "year"), prov_of(rd, src, m, pp)};
    }
    if (rd.has(ef, "host_kgco2e_per_server")) {
      const auto pp = p + "/host_kgco2e_per_server";
      const auto& h = ef.at("host_kgco2e_per_server");
      embodied.host_kgco2e_per_server = cited_value{rd.num(h, pp, "value"), rd.opt_int(h, pp, "year"), prov_of(rd, src, h, pp)};
      embodied.host_accelerators_per_server = static_cast<int>(rd.num(h, pp, "accelerators_per_server"));
      if (embodied.host_accelerators_per_server <= 0) rd.fail(pp + "/accelerators_per_server", "expected a positive count");
    }
  }

  void load(std::string_view text, const std::string& file, bool overlay) {
    reader rd(file);
    json root;
    try {
      root = json::parse(text.begin(), text.end());
    } catch (const json::exception& e) {  // parse_error, and out_of_range for 1e999
      std::string what = e.what();  // quotes the token: 10 MB for a 10 MB number
      if (what.size() > 200) what = what.substr(0, 197) + "...";
      rd.fail("", "malformed JSON: " + what);
    }
    if (!root.is_object()) rd.fail("", "expected a JSON object");
    if (rd.has(root, "version") && rd.has(root, "date") && !rd.has(root, "meta")) {  // catalog.json
      version = rd.str(root, "", "version");
      date = rd.str(root, "", "date");
      return;
    }
    const auto src = parse_sources(rd, root);
    bool any = false;
    auto entries = [&](std::string_view key, auto& tbl) {
      if (rd.has(root, key)) any = true;
      parse_entries(rd, root, key, tbl, overlay,
                    [&](auto& item, const json& o, const std::string& p) { parse_item(item, rd, src, o, p); });
    };

    entries("accelerators", accelerators);
    entries("systems", systems);
    if (rd.has(root, "embodied_factors")) {
      any = true;
      parse_embodied(rd, src, root.at("embodied_factors"), overlay);
    }
    entries("regions", regions);
    entries("providers", providers);
    entries("sources_of_energy", energy_sources);
    entries("presets", presets);
    entries("equivalents", equivalents);
    if (!any) rd.fail("", "no catalog table found (expected accelerators, systems, regions, providers, "
                          "sources_of_energy, presets or equivalents)");
  }

  // --- lazy loading of the embedded tables ---

  /// Indexes one embedded file without parsing its entries. False when the file
  /// is anything but a plain table file whose ids and aliases are simple strings,
  /// none repeated; the caller then loads every file eagerly (and reports errors).
  bool load_lazy(std::string_view text, const std::string& file) {
    lazy_file& lf = lazy_files.emplace_back(lazy_file{reader(file), {}});
    std::vector<std::pair<std::string_view, std::string_view>> top;  // members other than the tables
    bool any = false;
    skimmer sk(text);
    auto entries = [&](auto& tbl, std::string_view key) {
      any = true;
      std::size_t i = 0;
      return sk.elements([&] { return index_lazy(tbl, sk, lf, reader::sub("", key) + "/" + std::to_string(i++)); });
    };
    std::vector<std::string_view> seen;
    const bool ok = sk.members([&](std::string_view k, bool escaped) {
      if (escaped || std::find(seen.begin(), seen.end(), k) != seen.end()) return false;
      seen.push_back(k);
      if (sk.next_is('[')) {
        if (k == "accelerators") return entries(accelerators, k);
        if (k == "systems") return entries(systems, k);
        if (k == "regions") return entries(regions, k);
        if (k == "providers") return entries(providers, k);
        if (k == "sources_of_energy") return entries(energy_sources, k);
        if (k == "presets") return entries(presets, k);
        if (k == "equivalents") return entries(equivalents, k);
      }
      std::string_view v;
      if (!sk.value(v)) return false;
      if (v != "null") top.emplace_back(k, v);
      return true;
    });
    if (!ok || !sk.at_end()) return false;
    auto member = [&](std::string_view key) -> std::optional<std::string_view> {
      for (const auto& [k, v] : top)
        if (k == key) return v;
      return std::nullopt;
    };
    for (std::string_view name : {"accelerators", "systems", "regions", "providers", "sources_of_energy", "presets",
                                   "equivalents"})
      if (member(name)) return false;  // a table that is not an array: the eager loader says so
    if (member("version") && member("date") && !member("meta")) {  // catalog.json: small, parsed now
      if (any) return false;
      load(text, file, false);
      return true;
    }
    if (auto s = member("sources")) {
      json root = json::object();
      root["sources"] = json::parse(s->begin(), s->end());
      lf.src = parse_sources(lf.rd, root);
    }
    if (auto ef = member("embodied_factors")) {
      any = true;
      parse_embodied(lf.rd, lf.src, json::parse(ef->begin(), ef->end()), false);
    }
    return any;
  }

  /// Adds the entry at `sk` to the index by its id and aliases, keeping its text for later.
  template <class T>
  bool index_lazy(table<T>& t, skimmer& sk, const lazy_file& lf, std::string ptr) {
    const char* begin = sk.here();
    std::string_view id;
    bool has_id = false, has_aliases = false;
    std::vector<std::string> aliases;
    const bool ok = sk.members([&](std::string_view k, bool escaped) {
      std::string_view v;
      if (escaped || k == "replace" || !sk.value(v)) return false;
      bool esc = false;
      if (k == "id") {
        if (has_id || !skimmer(v).string(id, esc) || esc) return false;
        has_id = true;
      } else if (k == "aliases") {
        if (has_aliases) return false;
        has_aliases = true;
        if (v == "null") return true;
        skimmer list(v);
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
    const std::string_view entry(begin, static_cast<std::size_t>(sk.here() - begin));
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
    t.lazy->entries.push_back({entry, &lf});
    return true;
  }

  /// After every embedded file is indexed: no entry is parsed yet.
  void seal_lazy() {
    for_each_table([](auto& t) {
      if (t.lazy) t.lazy->parsed = std::make_unique<std::atomic<bool>[]>(t.items.size());
    });
    all_parsed = false;
  }

  template <class F>
  void for_each_table(F f) {
    f(accelerators), f(systems), f(regions), f(providers), f(energy_sources), f(presets), f(equivalents);
  }

  // --- the fast path for region entries (see json_checker) ---

  static bool opt_str_fast(const members_view& o, std::string_view key, std::string& out) {
    const auto v = o.get(key);
    return !v || string_of(*v, out);
  }
  static bool opt_num_fast(const members_view& o, std::string_view key, std::optional<double>& out) {
    const auto v = o.get(key);
    if (!v) return true;
    out = number_of(*v);
    return out.has_value();
  }
  static bool num_fast(const members_view& o, std::string_view key, double& out) {
    std::optional<double> v;
    if (!opt_num_fast(o, key, v) || !v) return false;
    out = *v;
    return true;
  }
  static bool opt_int_fast(const members_view& o, std::string_view key, std::optional<int>& out) {
    std::optional<double> v;
    if (!opt_num_fast(o, key, v)) return false;
    if (v) {
      if (std::floor(*v) != *v) return false;
      out = static_cast<int>(*v);
    }
    return true;
  }
  /// prov_of(): false wherever prov_of would fail.
  static bool prov_fast(const source_map& src, const members_view& o, const provenance* fallback, provenance& p) {
    if (const auto v = o.get("source")) {
      std::string id;
      if (!string_of(*v, id)) return false;
      const auto it = src.find(id);
      if (it == src.end()) return false;
      p.source = it->second;
    } else if (fallback) {
      p.source = fallback->source;
    } else {
      return false;
    }
    if (const auto v = o.get("confidence")) {
      if (!string_of(*v, p.confidence) ||
          std::find(confidences.begin(), confidences.end(), p.confidence) == confidences.end())
        return false;
    } else if (fallback) {
      p.confidence = fallback->confidence;
    } else {
      return false;
    }
    return opt_str_fast(o, "notes", p.notes);
  }
  /// cited(): false wherever cited would fail.
  static bool cited_fast(const source_map& src, const members_view& o, std::string_view key, const provenance& entry,
                         std::optional<cited_value>& out) {
    const auto v = o.get(key);
    if (!v) return true;
    if (const auto d = number_of(*v)) {
      out = cited_value{*d, std::nullopt, entry};
      return true;
    }
    const auto m = members_view::of(*v);
    if (!m) return false;
    cited_value c;
    if (!num_fast(*m, "value", c.value) || !opt_int_fast(*m, "year", c.year) || !prov_fast(src, *m, &entry, c.prov))
      return false;
    out = std::move(c);
    return true;
  }
  /// parse_pending() + parse_item() for a region, straight from its text; false
  /// (and `r` not to be used) for anything the nlohmann path should see.
  static bool region_fast(const pending& pe, region& r) {
    json_checker check{pe.text.data(), pe.text.data() + pe.text.size()};
    if (!check.value()) return false;
    check.ws();
    if (check.p != check.end) return false;
    const auto o = members_view::of(pe.text);
    if (!o) return false;
    const source_map& src = pe.file->src;
    // id and aliases (parse_pending)
    const auto id = o->get("id");
    if (!id || !string_of(*id, r.id)) return false;
    if (const auto al = o->get("aliases")) {
      skimmer list(*al);
      const bool ok = list.elements([&] {
        std::string_view v;
        std::string a;
        if (!list.value(v) || !string_of(v, a)) return false;
        r.aliases.push_back(std::move(a));
        return true;
      });
      if (!ok) return false;
    }
    // parse_item(region&)
    if (!prov_fast(src, *o, nullptr, r.prov)) return false;
    const auto kind = o->get("kind");
    if (!kind || !string_of(*kind, r.kind)) return false;
    static const std::array<std::string_view, 4> kinds{"country", "subnational", "grid", "cloud"};
    if (std::find(kinds.begin(), kinds.end(), r.kind) == kinds.end()) return false;
    if (!opt_str_fast(*o, "name", r.name) || !opt_str_fast(*o, "country", r.country) ||
        !opt_str_fast(*o, "parent", r.parent) || !opt_str_fast(*o, "grid", r.grid) ||
        !opt_str_fast(*o, "provider", r.provider) || !opt_str_fast(*o, "location", r.location))
      return false;
    if (const auto v = o->get("intensity")) {
      const auto iv = members_view::of(*v);
      if (!iv) return false;
      intensity_value x;
      if (!num_fast(*iv, "gco2e_per_kwh", x.gco2e_per_kwh) || x.gco2e_per_kwh < 0 || !opt_int_fast(*iv, "year", x.year) ||
          !opt_str_fast(*iv, "basis", x.basis) || !opt_str_fast(*iv, "mix_basis", x.mix_basis) ||
          !opt_str_fast(*iv, "accounting", x.accounting) || !prov_fast(src, *iv, &r.prov, x.prov))
        return false;
      r.intensity = std::move(x);
    }
    if (!cited_fast(src, *o, "cfe", r.prov, r.cfe) || !cited_fast(src, *o, "ewif_l_per_kwh", r.prov, r.ewif_l_per_kwh) ||
        !cited_fast(src, *o, "pue", r.prov, r.pue) || !cited_fast(src, *o, "wue_l_per_kwh", r.prov, r.wue_l_per_kwh) ||
        !cited_fast(src, *o, "price_usd_per_kwh", r.prov, r.price_usd_per_kwh))
      return false;
    if (const auto v = o->get("mix")) {
      const auto m = members_view::of(*v);
      if (!m) return false;
      const auto sh = m->get("shares");
      if (!sh) return false;
      const auto shares = members_view::of(*sh);
      if (!shares) return false;
      auto sorted = shares->items();  // nlohmann's objects iterate in key order
      std::sort(sorted.begin(), sorted.end());
      mix_value mv;
      double sum = 0;
      for (const auto& [k, sv] : sorted) {
        const auto share = number_of(sv);
        if (!share || *share < 0 || *share > 1) return false;
        sum += *share;
        mv.mix.shares.emplace_back(std::string(k), *share);
      }
      if (std::abs(sum - 1.0) > 0.001 || !opt_int_fast(*m, "year", mv.year) || !prov_fast(src, *m, &r.prov, mv.prov))
        return false;
      r.mix = std::move(mv);
    }
    return true;
  }

  /// Parses entry `pos` of `t` (the lock is held).
  template <class T>
  void parse_pending(table<T>& t, std::size_t pos) {
    const pending& pe = t.lazy->entries[pos];
    if constexpr (std::is_same_v<T, region>) {
      region r;
      if (region_fast(pe, r)) {
        t.items[pos] = std::move(r);
        return;
      }
    }
    const reader& rd = pe.file->rd;
    const std::string& ptr = t.origin[pos].second;
    json obj;
    try {
      obj = json::parse(pe.text.begin(), pe.text.end());
    } catch (const json::parse_error& e) {
      rd.fail(ptr, std::string("malformed JSON: ") + e.what());
    }
    T item;
    item.id = rd.str(obj, ptr, "id");
    item.aliases = rd.strings(obj, ptr, "aliases");
    parse_item(item, rd, pe.file->src, obj, ptr);
    t.items[pos] = std::move(item);
  }

  /// Entry `pos` of `t`, parsed. Safe to call from several threads.
  template <class T>
  const T& entry(table<T>& t, std::size_t pos) {
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
  void parse_whole(table<T>& t) {
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

  /// One whole table, parsed. Safe to call from several threads.
  template <class T>
  const std::vector<T>& whole(table<T>& t) {
    if (!all_parsed.load(std::memory_order_acquire) && t.lazy && !t.lazy->whole.load(std::memory_order_acquire)) {
      std::lock_guard lock(lazy_mutex);
      parse_whole(t);
    }
    return t.items;
  }

  /// Every entry parsed and every reference checked. Safe to call from several threads.
  void parse_all() {
    if (all_parsed.load(std::memory_order_acquire)) return;
    std::lock_guard lock(lazy_mutex);
    for_each_table([&](auto& t) { parse_whole(t); });
    if (!all_parsed.load(std::memory_order_relaxed)) {  // no table had entries waiting
      check_references();
      all_parsed.store(true, std::memory_order_release);
    }
  }

  /// Before an overlay changes the tables (no other thread may use the catalog then).
  void drop_lazy() {
    parse_all();
    for_each_table([](auto& t) { t.lazy.reset(); });
  }

  /// Loads the embedded tables into a fresh impl: lazily where every file allows, else eagerly.
  static std::unique_ptr<impl> load_embedded() {
    auto im = std::make_unique<impl>();
    bool lazy = true;
    try {
      for (const auto& t : detail::embedded_tables())
        if (detail::is_catalog_table(t.name) && !(lazy = im->load_lazy(t.text, std::string("<embedded>/") + t.name))) break;
    } catch (...) {
      lazy = false;
    }
    if (lazy) {
      im->seal_lazy();
      return im;
    }
    im = std::make_unique<impl>();
    for (const auto& t : detail::embedded_tables())
      if (detail::is_catalog_table(t.name)) im->load(t.text, std::string("<embedded>/") + t.name, false);
    im->check_references();
    return im;
  }

  /// After loading: every reference between tables resolves. A broken reference is
  /// reported at the file and pointer of the entry that holds it.
  void check_references() const {
    auto fail = [](const auto& tbl, std::size_t i, const std::string& field, const std::string& detail) {
      const auto& [file, ptr] = tbl.origin[i];
      throw data_error(file, ptr + "/" + field, detail);
    };
    for (std::size_t i = 0; i < accelerators.items.size(); ++i) {
      const auto& a = accelerators.items[i];
      if (!a.system.empty() && !systems.index.contains(lower(a.system)))
        fail(accelerators, i, "system", "unknown system '" + a.system + "'");
    }
    for (std::size_t i = 0; i < systems.items.size(); ++i) {
      const auto& s = systems.items[i];
      if (!s.accelerator.empty() && !accelerators.index.contains(lower(s.accelerator)))
        fail(systems, i, "accelerator", "unknown accelerator '" + s.accelerator + "'");
    }
    for (std::size_t i = 0; i < regions.items.size(); ++i) {
      const auto& r = regions.items[i];
      if (!r.grid.empty() && !regions.index.contains(lower(r.grid)))
        fail(regions, i, "grid", "unknown region '" + r.grid + "' referenced by " + r.id);
      if (!r.parent.empty() && !regions.index.contains(lower(r.parent)))
        fail(regions, i, "parent", "unknown region '" + r.parent + "' referenced by " + r.id);
      if (r.mix)
        for (const auto& [src, share] : r.mix->mix.shares)
          if (!energy_sources.index.contains(lower(src)))
            fail(regions, i, "mix/shares/" + escape_pointer_token(src), "unknown energy source '" + src + "'");
    }
    for (std::size_t i = 0; i < presets.items.size(); ++i) {
      const auto& s = presets.items[i].scenario;
      if (s.hardware && !accelerators.index.contains(lower(*s.hardware)))
        fail(presets, i, "scenario/hardware", "unknown accelerator '" + *s.hardware + "'");
      if (s.region && !regions.index.contains(lower(*s.region)))
        fail(presets, i, "scenario/region", "unknown region '" + *s.region + "'");
      if (s.provider && !providers.index.contains(lower(*s.provider)))
        fail(presets, i, "scenario/provider", "unknown provider '" + *s.provider + "'");
    }
  }
};

catalog::catalog() : impl_(std::make_unique<impl>()) {}
catalog::~catalog() = default;
catalog::catalog(catalog&&) noexcept = default;
catalog& catalog::operator=(catalog&&) noexcept = default;

const catalog& catalog::embedded() {
  static const catalog instance = [] {
    catalog c;
    c.impl_ = impl::load_embedded();
    return c;
  }();
  return instance;
}

catalog catalog::with_overlays(std::span<const std::filesystem::path> files) {
  catalog c;
  c.impl_ = impl::load_embedded();
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    if (!in) throw data_error(f.string(), "", "cannot open the file for reading");
    std::ostringstream ss;
    ss << in.rdbuf();
    c.overlay(ss.str(), f.string());
  }
  return c;
}

std::vector<std::string> catalog::overlay_problems(std::string_view json_text, const std::string& file_name) {
  std::vector<std::string> problems;
  impl_->drop_lazy();
  auto saved = impl_->save();
  impl_->collect = &problems;
  try {
    impl_->load(json_text, file_name, true);
    if (problems.empty()) impl_->check_references();
  } catch (const data_error& e) {
    problems.emplace_back(e.what());
  } catch (...) {
    impl_->collect = nullptr;
    impl_->restore(std::move(saved));
    throw;
  }
  impl_->collect = nullptr;
  impl_->restore(std::move(saved));
  return problems;
}

void catalog::overlay(std::string_view json_text, const std::string& file_name) {
  // All or nothing: a file with any problem leaves the catalog as it was.
  impl_->drop_lazy();
  auto saved = impl_->save();
  try {
    impl_->load(json_text, file_name, true);
    impl_->check_references();
  } catch (...) {
    impl_->restore(std::move(saved));
    throw;
  }
}

namespace {
/// `id` in lower case, without allocating for ids of up to 63 characters.
class lower_key {
 public:
  explicit lower_key(std::string_view id) {
    if (id.size() <= sizeof buf_) {
      for (std::size_t i = 0; i < id.size(); ++i)
        buf_[i] = lower_ascii(id[i]);
      view_ = {buf_, id.size()};
    } else {
      long_ = lower(id);
      view_ = long_;
    }
  }
  std::string_view view() const { return view_; }

 private:
  char buf_[64];
  std::string long_;
  std::string_view view_;
};

template <class T>
const T* get_in(catalog::impl& im, catalog::impl::table<T>& t, std::string_view id) {
  const lower_key key(id);
  auto it = t.index.find(key.view());
  return it == t.index.end() ? nullptr : &im.entry(t, it->second);
}
template <class T>
const T& find_in(catalog::impl& im, catalog::impl::table<T>& t, std::string_view id, const char* kind) {
  if (const T* p = get_in(im, t, id)) return *p;
  // Suggest ids (not aliases): map each close name to its entry's id.
  std::vector<std::string> names = t.ids();
  std::vector<std::string> out;
  std::lock_guard lock(im.lazy_mutex);  // entries may be parsed by other threads meanwhile
  for (const auto& n : closest_ids(id, names, 12)) {
    const std::string& real = t.items[t.index.at(n)].id;
    if (std::find(out.begin(), out.end(), real) == out.end()) out.push_back(real);
    if (out.size() == 3) break;
  }
  throw unknown_key_error(kind, std::string(id), out);
}
}  // namespace

const accelerator& catalog::find_accelerator(std::string_view id) const {
  return find_in(*impl_, impl_->accelerators, id, "accelerator");
}
const system_profile& catalog::find_system(std::string_view id) const { return find_in(*impl_, impl_->systems, id, "system"); }
const region& catalog::find_region(std::string_view id) const { return find_in(*impl_, impl_->regions, id, "region"); }
const provider& catalog::find_provider(std::string_view id) const {
  return find_in(*impl_, impl_->providers, id, "provider");
}
const energy_source& catalog::find_energy_source(std::string_view id) const {
  return find_in(*impl_, impl_->energy_sources, id, "energy source");
}
const preset& catalog::find_preset(std::string_view id) const { return find_in(*impl_, impl_->presets, id, "preset"); }

const accelerator* catalog::get_accelerator(std::string_view id) const noexcept {
  return get_in(*impl_, impl_->accelerators, id);
}
const system_profile* catalog::get_system(std::string_view id) const noexcept { return get_in(*impl_, impl_->systems, id); }
const region* catalog::get_region(std::string_view id) const noexcept { return get_in(*impl_, impl_->regions, id); }
const provider* catalog::get_provider(std::string_view id) const noexcept { return get_in(*impl_, impl_->providers, id); }
const energy_source* catalog::get_energy_source(std::string_view id) const noexcept {
  return get_in(*impl_, impl_->energy_sources, id);
}
const preset* catalog::get_preset(std::string_view id) const noexcept { return get_in(*impl_, impl_->presets, id); }

const std::vector<accelerator>& catalog::accelerators() const noexcept { return impl_->whole(impl_->accelerators); }
const std::vector<system_profile>& catalog::systems() const noexcept { return impl_->whole(impl_->systems); }
const std::vector<region>& catalog::regions() const noexcept { return impl_->whole(impl_->regions); }
const std::vector<provider>& catalog::providers() const noexcept { return impl_->whole(impl_->providers); }
const std::vector<energy_source>& catalog::energy_sources() const noexcept { return impl_->whole(impl_->energy_sources); }
const std::vector<preset>& catalog::presets() const noexcept { return impl_->whole(impl_->presets); }
const std::vector<equivalent>& catalog::equivalents() const noexcept { return impl_->whole(impl_->equivalents); }
const embodied_factors& catalog::embodied() const noexcept { return impl_->embodied; }
const source_info* catalog::get_source(std::string_view id) const noexcept {
  auto it = impl_->source_by_id.find(std::string(id));
  return it == impl_->source_by_id.end() ? nullptr : it->second;
}
const std::string& catalog::version() const noexcept { return impl_->version; }
const std::string& catalog::date() const noexcept { return impl_->date; }

const region* catalog::grid_of(const region& r) const noexcept {
  return along_chain(r, [](const region& x) { return x.intensity.has_value(); });
}

std::vector<std::string> closest_ids(std::string_view key, const std::vector<std::string>& candidates, std::size_t n) {
  const std::string k = lower(key);
  // Edit distance of k against c; with `free_ends`, k may match any substring of c
  // at no cost for the rest of c ("h100-sxm6" is 1 edit from "nvidia-h100-sxm5-80gb").
  auto distance = [&](const std::string& c, bool free_ends) {
    const std::string s = lower(c);
    std::vector<std::size_t> prev(s.size() + 1), cur(s.size() + 1);
    for (std::size_t j = 0; j <= s.size(); ++j) prev[j] = free_ends ? 0 : j;
    for (std::size_t i = 1; i <= k.size(); ++i) {
      cur[0] = i;
      for (std::size_t j = 1; j <= s.size(); ++j)
        cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (k[i - 1] == s[j - 1] ? 0 : 1)});
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
