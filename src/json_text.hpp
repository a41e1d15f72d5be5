#pragma once
// JSON text parsed with nlohmann, a syntax error reported as a data_error: the one
// way the scenario reader (json.cpp) and the catalog loader (catalog/load.cpp) parse.

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

#include "trainprint/error.hpp"

namespace trainprint::inline v0 {

/// nlohmann's message for a reader: without its "[json.exception.parse_error.101] " tag
/// and "parse error at", the place first ("line 2, column 12: unexpected '}'; expected
/// '[', '{', or a literal"; "line 1, column 27: object key: unexpected '}'; ..."), cut to
/// 200 characters (it quotes the token: 10 MB for a 10 MB number).
inline std::string json_error_text(const nlohmann::json::exception& e) {
  std::string what = e.what();
  if (what.starts_with("[json.exception.")) {
    const auto close = what.find("] ");
    if (close != std::string::npos) what.erase(0, close + 2);
  }
  if (what.starts_with("parse error at ")) what.erase(0, 15);
  if (what.starts_with("parse error: ")) what.erase(0, 13);
  constexpr std::string_view syntax = "syntax error while parsing ";
  if (const auto k = what.find(syntax); k != std::string::npos) {
    const auto dash = what.find(" - ", k);
    if (dash != std::string::npos) {
      const std::string context = what.substr(k + syntax.size(), dash - k - syntax.size());
      what.replace(k, dash + 3 - k, context == "value" ? std::string() : context + ": ");
    }
  }
  if (what.size() > 200) what = what.substr(0, 197) + "...";
  return what;
}

/// `text` parsed; a syntax error (or a number out of range, 1e999) throws
/// data_error(file, "", "malformed JSON: …") with nlohmann's message (json_error_text()).
inline nlohmann::json parse_json_text(std::string_view text, const std::string& file) {
  try {
    return nlohmann::json::parse(text.begin(), text.end());
  } catch (const nlohmann::json::exception& e) {  // parse_error, and out_of_range for 1e999
    throw data_error(file, "", "malformed JSON: " + json_error_text(e));
  }
}

/// The keys every GHG Protocol line has in JSON, in an estimate's "ghg_protocol"
/// and in an inventory's (json.cpp): scope, category and category_name (null for
/// Scope 2), method and claim (null when empty), label.
nlohmann::json scope_line_json(int scope, int category, const std::string& method, const std::string& claim,
                               const std::string& label);

}  // namespace trainprint::inline v0
