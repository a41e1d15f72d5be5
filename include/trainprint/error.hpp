#pragma once
/// \file error.hpp
/// The error hierarchy: every failure of trainprint is a trainprint::error.

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace trainprint::inline v0 {

/// Base of every error trainprint throws.
class error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
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
