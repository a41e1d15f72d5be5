// The catalog's strict scanner takes a string's escapes as nlohmann does: what it
// accepts, nlohmann accepts and decodes to the same bytes (nlohmann is the named
// source of every expected value here); what it refuses goes to nlohmann's DOM.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

#include "../../src/catalog/json_scan.hpp"

using trainprint::catalog_detail::json_tape;
using trainprint::catalog_detail::text_node;

namespace {
/// nlohmann's decoding of the JSON string `t`, or "<rejected>".
std::string by_nlohmann(std::string_view t) {
  try {
    return nlohmann::json::parse(t).get<std::string>();
  } catch (const nlohmann::json::exception&) {
    return "<rejected>";
  }
}
}  // namespace

TEST_CASE("json_tape: escaped strings decode as nlohmann decodes them") {
  for (std::string_view t : {R"("a\"b\\c\/d\b\f\n\r\t")", R"("\u0041\u00e9\u20AC\ud83d\ude00\u0000x")", R"("\\-")",
                             R"("\uD83D\uDE00")"}) {
    CAPTURE(t);
    json_tape tape;
    REQUIRE(tape.scan(t));
    CHECK(text_node(tape, tape.root()).string() == by_nlohmann(t));
  }
}

TEST_CASE("json_tape: refuses every escape nlohmann rejects") {
  for (std::string_view t : {R"("\ud800")", R"("\udc00")", R"("\ud800\u0041")", R"("\x")", R"("\u12")", R"("ab\")"}) {
    CAPTURE(t);
    CHECK(by_nlohmann(t) == "<rejected>");
    json_tape tape;
    CHECK_FALSE(tape.scan(t));
  }
}

TEST_CASE("json_tape: an escaped key or a key given twice goes to nlohmann's DOM") {
  json_tape tape;
  CHECK_FALSE(tape.scan(R"({"a": 1, "a": 2})"));
  CHECK_FALSE(tape.scan(R"({"\u0061": 1})"));
  REQUIRE(tape.scan(R"({"a": {"b": [1, "x\n"]}, "c": null})"));
  const text_node root(tape, tape.root());
  CHECK(root.find("a")->find("b")->size() == 2);
  CHECK((*root.find("a")->find("b"))[1].string() == "x\n");
  CHECK(root.find("c")->is_null());
  CHECK_FALSE(root.find("d"));
}
