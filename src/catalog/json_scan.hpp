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
//   literals and number grammar exact, escapes checked; a \u surrogate only as
//   a high-low pair). text_node reads only text that passed it.

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace trainprint::inline v0::catalog_detail {

class json_tape;

class json_scanner {
 public:
  json_scanner(std::string_view text, bool strict) noexcept
      : p_(text.data()), end_(text.data() + text.size()), strict_(strict) {}

  /// Only whitespace is left.
  bool at_end() noexcept {
    ws();
    return p_ == end_;
  }
  /// A string's raw contents; `escaped` says it holds a backslash escape.
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
  /// Strict mode: one value, the member `key` of its object, into `tape` (json_tape::scan).
  bool record(json_tape& tape, std::string_view key);

 private:
  static bool is_ws(char c) noexcept { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
  void ws() noexcept {
    while (p_ < end_ && is_ws(*p_)) ++p_;
  }
  bool literal(std::string_view w) noexcept;
  bool number() noexcept;
  bool checked_string_body(bool& escaped) noexcept;
  const char* closing_quote(const char* start) const noexcept;
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


/// A valid JSON number's value as nlohmann's get<double>() gives it: an integer
/// through (u)int64 when it fits, else the correctly rounded double; nullopt when
/// it is not a finite number.
std::optional<double> number_of(std::string_view t) noexcept;

/// Thrown by text_node where it cannot answer as nlohmann would (a number out of
/// range): the caller parses the entry with nlohmann.
struct not_fast {};

/// Every object's members and array's elements of one strictly valid value, found
/// by the strict scanner in one pass (so the text is not scanned again to read it).
class json_tape {
 public:
  /// One value: its key in its object ("" in an array), its text and its items.
  struct item {
    std::string_view key, text;
    std::uint32_t first = 0, count = 0;  // its members or elements: items_[first, first + count)
  };
  /// Scans `text`: false unless it is one value by the strict rules (json_scanner),
  /// and nothing else, with no key given twice in one object (nlohmann keeps the
  /// last of those; the caller lets it decide).
  bool scan(std::string_view text);
  const item& at(std::uint32_t i) const noexcept { return items_[i]; }
  /// The whole value's item.
  std::uint32_t root() const noexcept { return static_cast<std::uint32_t>(items_.size() - 1); }

 private:
  friend class json_scanner;
  std::vector<item> items_;
  std::vector<item> open_;  // the items of the containers being scanned
};

/// A read-only view of one value of a json_tape, with the interface of json_node
/// (reader.hpp), so one table parser serves both.
class text_node {
 public:
  text_node(const json_tape& tape, std::uint32_t i) noexcept : tape_(&tape), i_(i) {}
  /// The value's text.
  std::string_view text() const noexcept { return self().text; }

  bool is_object() const noexcept { return first() == '{'; }
  bool is_array() const noexcept { return first() == '['; }
  bool is_string() const noexcept { return first() == '"'; }
  bool is_boolean() const noexcept { return first() == 't' || first() == 'f'; }
  bool is_null() const noexcept { return first() == 'n'; }
  bool is_number() const noexcept { return first() == '-' || (first() >= '0' && first() <= '9'); }
  const char* type_name() const noexcept;

  /// The member `key` (even if null); nullopt when absent or not an object.
  std::optional<text_node> find(std::string_view key) const noexcept {
    if (!is_object()) return std::nullopt;
    const auto& s = self();
    for (std::uint32_t i = s.first; i < s.first + s.count; ++i)
      if (tape_->at(i).key == key) return text_node(*tape_, i);
    return std::nullopt;
  }
  std::string string() const;
  double number() const;
  bool boolean() const noexcept { return first() == 't'; }
  std::size_t size() const noexcept { return self().count; }
  text_node operator[](std::size_t i) const noexcept {
    return text_node(*tape_, self().first + static_cast<std::uint32_t>(i));
  }
  /// f(key, value) for each member, in key order (as nlohmann's objects iterate).
  template <class F>
  void for_each_member(F f) const {
    const auto& s = self();
    std::vector<std::pair<std::string_view, std::uint32_t>> sorted;
    sorted.reserve(s.count);
    for (std::uint32_t i = s.first; i < s.first + s.count; ++i) sorted.emplace_back(tape_->at(i).key, i);
    std::sort(sorted.begin(), sorted.end());
    for (const auto& [k, i] : sorted) f(std::string(k), text_node(*tape_, i));
  }

 private:
  const json_tape::item& self() const noexcept { return tape_->at(i_); }
  char first() const noexcept { return self().text.front(); }
  const json_tape* tape_;
  std::uint32_t i_;
};

}  // namespace trainprint::inline v0::catalog_detail
