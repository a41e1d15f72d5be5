#pragma once
// Reading typed values out of one catalog file, failing with a data_error that
// names the file and the JSON pointer of the bad value. The reader works on a
// node: json_node (nlohmann's DOM) or text_node (checked text, json_scan.hpp),
// so each table has one parser.

#include <nlohmann/json.hpp>

#include <charconv>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "trainprint/catalog.hpp"
#include "trainprint/error.hpp"
#include "trainprint/detail/charconv.hpp"
#include "text.hpp"

namespace trainprint::inline v0::catalog_detail {

using json = nlohmann::json;

// Ids are looked up in ASCII lower case (text.hpp).
using text::lower;
using text::lower_ascii;

/// `v` to six significant digits, without trailing zeros ("0.9", not "0.900000").
inline std::string shortest(double v) {
  char buf[32];
  return std::string(buf, detail::to_chars_general(buf, buf + sizeof buf, v, 6));
}

/// A JSON pointer token: "~" → "~0", "/" → "~1".
inline std::string escape_pointer_token(std::string_view k) {
  std::string r;
  for (char c : k) {
    if (c == '~') r += "~0";
    else if (c == '/') r += "~1";
    else r += c;
  }
  return r;
}

/// A value of nlohmann's DOM, with text_node's interface.
class json_node {
 public:
  json_node(const json& j) noexcept : j_(&j) {}  // NOLINT(google-explicit-constructor): a view
  bool is_object() const noexcept { return j_->is_object(); }
  bool is_array() const noexcept { return j_->is_array(); }
  bool is_string() const noexcept { return j_->is_string(); }
  bool is_boolean() const noexcept { return j_->is_boolean(); }
  bool is_null() const noexcept { return j_->is_null(); }
  bool is_number() const noexcept { return j_->is_number(); }
  const char* type_name() const noexcept { return j_->type_name(); }
  /// The member `key` (even if null); nullopt when absent or not an object.
  std::optional<json_node> find(std::string_view key) const {
    auto it = j_->find(key);
    if (it == j_->end()) return std::nullopt;
    return json_node(*it);
  }
  std::string string() const { return j_->get<std::string>(); }
  double number() const { return j_->get<double>(); }
  bool boolean() const { return j_->get<bool>(); }
  std::size_t size() const noexcept { return j_->size(); }
  json_node operator[](std::size_t i) const { return json_node((*j_)[i]); }
  /// f(key, value) for each member, in key order.
  template <class F>
  void for_each_member(F f) const {
    for (const auto& [k, v] : j_->items()) f(k, json_node(v));
  }
  const json& dom() const noexcept { return *j_; }

 private:
  const json* j_;
};

/// Reads typed values out of one file's JSON, failing with the file and pointer.
class reader {
 public:
  explicit reader(std::string file) : file_(std::move(file)) {}
  const std::string& file() const { return file_; }

  [[noreturn]] void fail(const std::string& ptr, const std::string& detail) const {
    throw data_error(file_, ptr, detail);
  }
  template <class Node>
  Node at(const Node& obj, const std::string& ptr, std::string_view key) const {
    if (!obj.is_object()) fail(ptr, "expected an object");
    auto v = obj.find(key);
    if (!v) fail(ptr, "missing field '" + std::string(key) + "'");
    return *v;
  }
  template <class Node>
  bool has(const Node& obj, std::string_view key) const {
    auto v = obj.find(key);
    return v && !v->is_null();
  }
  template <class Node>
  std::string str(const Node& obj, const std::string& ptr, std::string_view key) const {
    const auto v = at(obj, ptr, key);
    if (!v.is_string()) fail(sub(ptr, key), "expected a string, got " + std::string(v.type_name()));
    return v.string();
  }
  template <class Node>
  std::string opt_str(const Node& obj, const std::string& ptr, std::string_view key) const {
    return has(obj, key) ? str(obj, ptr, key) : std::string{};
  }
  template <class Node>
  double number(const Node& v, const std::string& ptr) const {
    if (!v.is_number()) fail(ptr, "expected a number, got " + std::string(v.type_name()));
    const double d = v.number();
    if (!std::isfinite(d)) fail(ptr, "expected a finite number");
    return d;
  }
  template <class Node>
  double num(const Node& obj, const std::string& ptr, std::string_view key) const {
    const auto v = at(obj, ptr, key);
    if (v.is_number()) {  // the usual case, without building the value's pointer
      const double d = v.number();
      if (std::isfinite(d)) return d;
    }
    return number(v, sub(ptr, key));
  }
  template <class Node>
  std::optional<double> opt_num(const Node& obj, const std::string& ptr, std::string_view key) const {
    if (!has(obj, key)) return std::nullopt;
    return num(obj, ptr, key);
  }
  template <class Node>
  std::optional<int> opt_int(const Node& obj, const std::string& ptr, std::string_view key) const {
    auto v = opt_num(obj, ptr, key);
    if (!v) return std::nullopt;
    if (std::floor(*v) != *v) fail(sub(ptr, key), "expected a whole number");
    return static_cast<int>(*v);
  }
  template <class Node>
  bool boolean(const Node& v, const std::string& ptr) const {
    if (!v.is_boolean()) fail(ptr, "expected true or false");
    return v.boolean();
  }
  template <class Node>
  std::vector<std::string> strings(const Node& obj, const std::string& ptr, std::string_view key) const {
    std::vector<std::string> r;
    if (!has(obj, key)) return r;
    const auto v = *obj.find(key);
    if (!v.is_array()) fail(sub(ptr, key), "expected an array of strings");
    for (std::size_t i = 0; i < v.size(); ++i) {
      const auto s = v[i];
      if (!s.is_string()) fail(sub(sub(ptr, key), std::to_string(i)), "expected a string");
      r.push_back(s.string());
    }
    return r;
  }
  template <class Node>
  Node array(const Node& obj, const std::string& ptr, std::string_view key) const {
    const auto v = at(obj, ptr, key);
    if (!v.is_array()) fail(sub(ptr, key), "expected an array");
    return v;
  }
  template <class Node>
  Node object(const Node& obj, const std::string& ptr, std::string_view key, const std::string& what) const {
    const auto v = *obj.find(key);
    if (!v.is_object()) fail(sub(ptr, key), what);
    return v;
  }
  static std::string sub(const std::string& ptr, std::string_view key) {
    return ptr + "/" + escape_pointer_token(key);
  }

 private:
  std::string file_;
};

/// A file's sources by id (pointers into the catalog's stable store).
using source_map = std::unordered_map<std::string, const source_info*>;

}  // namespace trainprint::inline v0::catalog_detail
