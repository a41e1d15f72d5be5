#pragma once
// JSON text parsed with nlohmann, a syntax error reported as a data_error: the one
// way the scenario reader (json.cpp) and the catalog loader (catalog/load.cpp) parse.

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

#include "trainprint/error.hpp"

namespace trainprint::inline v0 {

/// `text` parsed; a syntax error (or a number out of range, 1e999) throws
/// data_error(file, "", "malformed JSON: …") with nlohmann's message cut to 200 characters.
inline nlohmann::json parse_json_text(std::string_view text, const std::string& file) {
  try {
    return nlohmann::json::parse(text.begin(), text.end());
  } catch (const nlohmann::json::exception& e) {  // parse_error, and out_of_range for 1e999
    std::string what = e.what();                  // quotes the token: 10 MB for a 10 MB number
    if (what.size() > 200) what = what.substr(0, 197) + "...";
    throw data_error(file, "", "malformed JSON: " + what);
  }
}

/// The keys every GHG Protocol line has in JSON, in an estimate's "ghg_protocol"
/// and in an inventory's (json.cpp): scope, category and category_name (null for
/// Scope 2), method and claim (null when empty), label.
nlohmann::json scope_line_json(int scope, int category, const std::string& method, const std::string& claim,
                               const std::string& label);

}  // namespace trainprint::inline v0
