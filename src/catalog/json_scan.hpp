#pragma once
// The catalog's one JSON scanner: the spans of an object's members and an array's
// elements, straight from the text, without building a DOM.
//
// It runs in one of two modes over the same grammar:
// - trusting (strict = false): strings end at the first unescaped quote and a
//   scalar at the next delimiter. The lazy index uses it to find each entry's
//   id, aliases and text; anything unexpected answers false and the caller falls
//   back to nlohmann's parser, which reports the problem with file and pointer.
// - strict (strict = true): the rules nlohmann applies (RFC 8259, UTF-8 checked,
//   literals and number grammar exact), except that a backslash escape is refused
//   (such text goes to nlohmann). text_node reads only text that passed it.

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace trainprint::inline v0::catalog_detail {

class json_scanner {
 public:
  json_scanner(std::string_view text, bool strict) noexcept
      : p_(text.data()), end_(text.data() + text.size()), strict_(strict) {}

  /// Only whitespace is left.
  bool at_end() noexcept {
    ws();
    return p_ == end_;
  }
  /// A string's raw contents; `escaped` says it holds a backslash escape (never in strict mode).
  bool string(std::string_view& raw, bool& escaped) noexcept;
  /// Any value: its text, from the first character to the last.
  bool value(std::string_view& span) noexcept;
  /// For each member of an object, calls f(key, key_escaped) with the scanner at the
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
  /// For each element of an array, calls f() with the scanner at the element; f
  /// consumes it and answers false to stop.
  template <class F>
  bool elements(F f) {
    return sequence('[', ']', f);
  }
  /// Where the next value starts.
  const char* here() noexcept {
    ws();
    return p_;
  }
  bool next_is(char c) noexcept {
    ws();
    return p_ < end_ && *p_ == c;
  }

 private:
  static bool is_ws(char c) noexcept { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
  void ws() noexcept {
    while (p_ < end_ && is_ws(*p_)) ++p_;
  }
  bool literal(std::string_view w) noexcept;
  bool number() noexcept;
  bool checked_string_body() noexcept;
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
  bool strict_;
};

/// `text` is one JSON value by the strict rules (see json_scanner), and nothing else.
bool strictly_valid(std::string_view text) noexcept;

/// A valid JSON number's value as nlohmann's get<double>() gives it: an integer
/// through (u)int64 when it fits, else the correctly rounded double; nullopt when
/// it is not a finite number.
std::optional<double> number_of(std::string_view t) noexcept;

/// Thrown by text_node where it cannot answer as nlohmann would (an escape, a key
/// given twice, a number out of range): the caller parses the entry with nlohmann.
struct not_fast {};

/// A read-only view of one value of strictly valid JSON text, with the interface
/// of json_node (reader.hpp), so one table parser serves both.
class text_node {
 public:
  explicit text_node(std::string_view text) noexcept : text_(text) {}
  /// The value's text.
  std::string_view text() const noexcept { return text_; }

  bool is_object() const noexcept { return text_.front() == '{'; }
  bool is_array() const noexcept { return text_.front() == '['; }
  bool is_string() const noexcept { return text_.front() == '"'; }
  bool is_boolean() const noexcept { return text_.front() == 't' || text_.front() == 'f'; }
  bool is_null() const noexcept { return text_.front() == 'n'; }
  bool is_number() const noexcept { return text_.front() == '-' || (text_.front() >= '0' && text_.front() <= '9'); }
  const char* type_name() const noexcept;

  /// The member `key` (even if null); nullopt when absent or not an object.
  std::optional<text_node> find(std::string_view key) const;
  std::string string() const;
  double number() const;
  bool boolean() const noexcept { return text_.front() == 't'; }
  std::size_t size() const { return items().size(); }
  text_node operator[](std::size_t i) const { return text_node(items()[i].second); }
  /// f(key, value) for each member, in key order (as nlohmann's objects iterate).
  template <class F>
  void for_each_member(F f) const {
    auto sorted = items();
    std::sort(sorted.begin(), sorted.end());
    for (const auto& [k, v] : sorted) f(std::string(k), text_node(v));
  }

 private:
  using item_list = std::vector<std::pair<std::string_view, std::string_view>>;
  /// The members, or the elements (with empty keys); scanned on first use.
  const item_list& items() const;
  std::string_view text_;
  mutable item_list items_;
  mutable bool scanned_ = false;
};

}  // namespace trainprint::inline v0::catalog_detail
