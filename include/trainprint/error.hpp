#pragma once
/// \file error.hpp
/// The error hierarchy: every failure of trainprint is a trainprint::error.

#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace trainprint::inline v0 {

/// `text` with every byte that is not part of well-formed UTF-8 (RFC 3629: no
/// overlong forms, no surrogates, nothing above U+10FFFF) written as `\xNN`
/// (two lower-case hex digits). Valid UTF-8 comes back unchanged. Every error message passes
/// through it, so a byte read from a file or an argument is never echoed raw.
inline std::string printable_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  for (std::size_t i = 0; i < n;) {
    const unsigned char c = p[i];
    std::size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // bounds of the second byte
    if (c < 0x80) len = 1;
    else if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    }
    bool ok = len > 0 && i + len <= n;
    for (std::size_t k = 1; ok && k < len; ++k) {
      const unsigned char b = p[i + k];
      ok = k == 1 ? (b >= lo && b <= hi) : (b >= 0x80 && b <= 0xBF);
    }
    if (ok) {
      out.append(text.substr(i, len));
      i += len;
    } else {
      static constexpr char hex[] = "0123456789abcdef";
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 0xF];
      ++i;
    }
  }
  return out;
}

/// Base of every error trainprint throws; its message is always valid UTF-8
/// (printable_utf8()).
class error : public std::runtime_error {
 public:
  explicit error(const std::string& what) : std::runtime_error(printable_utf8(what)) {}
  explicit error(const char* what) : std::runtime_error(printable_utf8(what)) {}
};

/// A scenario input is missing, out of range or inconsistent.
/// Message: `[trainprint.input] <field>: got <value>, expected <expected>`
/// or, when nothing was given, `[trainprint.input] <field>: missing; <expected>`.
class input_error : public error {
 public:
  /// `value` empty means the input is missing.
  input_error(std::string field, std::string value, std::string expected)
      : error(make_message(field, value, expected)),
        field_(std::move(field)),
        value_(std::move(value)),
        expected_(std::move(expected)) {}

  /// The scenario field at fault (snake_case, as in the scenario JSON).
  [[nodiscard]] const std::string& field() const noexcept { return field_; }
  /// The offending value as text; empty when the input is missing.
  [[nodiscard]] const std::string& value() const noexcept { return value_; }
  /// What would be right.
  [[nodiscard]] const std::string& expected() const noexcept { return expected_; }

 private:
  static std::string make_message(const std::string& field, const std::string& value,
                                  const std::string& expected) {
    if (value.empty()) return "[trainprint.input] " + field + ": missing; " + expected;
    return "[trainprint.input] " + field + ": got " + value + ", expected " + expected;
  }
  std::string field_, value_, expected_;
};

/// An id that is not in the catalog; carries the closest ids as suggestions.
/// Message: `[trainprint.unknown_key] unknown accelerator 'h100-sxm6'; did you mean a, b, c?`
class unknown_key_error : public error {
 public:
  unknown_key_error(std::string kind, std::string key, std::vector<std::string> suggestions)
      : error(make_message(kind, key, suggestions)),
        kind_(std::move(kind)),
        key_(std::move(key)),
        suggestions_(std::move(suggestions)) {}

  /// What was looked up: "accelerator", "region", "provider", ...
  [[nodiscard]] const std::string& kind() const noexcept { return kind_; }
  /// The id as given.
  [[nodiscard]] const std::string& key() const noexcept { return key_; }
  /// Up to three close ids, best first.
  [[nodiscard]] const std::vector<std::string>& suggestions() const noexcept {
    return suggestions_;
  }

 private:
  static std::string make_message(const std::string& kind, const std::string& key,
                                  const std::vector<std::string>& suggestions) {
    std::string m = "[trainprint.unknown_key] unknown " + kind + " '" + key + "'";
    if (!suggestions.empty()) {
      m += "; did you mean ";
      for (std::size_t i = 0; i < suggestions.size(); ++i) {
        if (i > 0) m += ", ";
        m += suggestions[i];
      }
      m += "?";
    }
    return m;
  }
  std::string kind_, key_;
  std::vector<std::string> suggestions_;
};

/// A data file (catalog table, overlay, scenario file) is unreadable or malformed.
/// Message: `[trainprint.data] <file>#<json pointer>: <detail>`.
class data_error : public error {
 public:
  data_error(std::string file, std::string pointer, std::string detail)
      : error("[trainprint.data] " + file + (pointer.empty() ? "" : "#" + pointer) + ": " +
              detail),
        file_(std::move(file)),
        pointer_(std::move(pointer)),
        detail_(std::move(detail)) {}

  /// The file (or "<embedded>/hardware.json", "<scenario>").
  [[nodiscard]] const std::string& file() const noexcept { return file_; }
  /// JSON pointer to the offending value; empty for whole-file problems.
  [[nodiscard]] const std::string& pointer() const noexcept { return pointer_; }
  /// What is wrong.
  [[nodiscard]] const std::string& detail() const noexcept { return detail_; }

 private:
  std::string file_, pointer_, detail_;
};

/// A number with a unit or suffix that does not parse or does not fit the quantity.
/// Message: `[trainprint.unit] <what>: <detail>`.
class unit_error : public error {
 public:
  unit_error(const std::string& what, const std::string& detail)
      : error("[trainprint.unit] " + what + ": " + detail) {}
};

}  // namespace trainprint::inline v0
