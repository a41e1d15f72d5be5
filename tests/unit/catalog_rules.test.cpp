// The C++ parsers' table rules (src/catalog/rules.hpp) against the JSON Schemas
// (data/schema/*.schema.json): a field the parser requires is required by the
// schema, a lower bound is the schema's, and an upper bound is the schema's
// maximum or wider (the schema describes the shipped files; an overlay may go
// up to the limit of the scenario input the value stands for), never tighter.

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "../../src/catalog/rules.hpp"

namespace {

using nlohmann::json;
namespace cd = trainprint::catalog_detail;

json load_schema(std::string_view name) {
  std::ifstream in(std::string(TRAINPRINT_SOURCE_DIR) + "/data/schema/" + std::string(name) + ".schema.json");
  REQUIRE(in);
  return json::parse(in);
}

/// `s` and every schema it stands for through $ref and allOf; the non-null
/// branches of anyOf/oneOf too, when `branches`.
void expand(const json& root, const json& s, std::vector<const json*>& out, bool branches = true) {
  if (!s.is_object()) return;
  out.push_back(&s);
  if (s.contains("$ref")) {
    const std::string ref = s["$ref"];
    expand(root, root.at(json::json_pointer(ref.substr(1))), out, branches);
  }
  if (s.contains("allOf"))
    for (const auto& x : s["allOf"]) expand(root, x, out, branches);
  if (branches)
    for (const char* k : {"anyOf", "oneOf"})
      if (s.contains(k))
        for (const auto& x : s[k])
          if (x.value("type", json()) != "null") expand(root, x, out, branches);
}

/// The schemas at `path` ("/regions/*/pue/value"; "*" an array item, "<key>" any member).
std::vector<const json*> at_path(const json& root, std::string_view path) {
  std::vector<const json*> cur{&root};
  while (!path.empty()) {
    path.remove_prefix(1);
    const auto slash = path.find('/');
    const std::string token(path.substr(0, slash));
    path = slash == std::string_view::npos ? std::string_view{} : path.substr(slash);
    std::vector<const json*> all, next;
    for (const json* s : cur) expand(root, *s, all);
    for (const json* s : all) {
      if (token == "*" && s->contains("items")) next.push_back(&(*s)["items"]);
      else if (token == "<key>" && s->contains("additionalProperties") && (*s)["additionalProperties"].is_object())
        next.push_back(&(*s)["additionalProperties"]);
      else if (s->contains("properties") && (*s)["properties"].contains(token))
        next.push_back(&(*s)["properties"][token]);
    }
    cur = next;
  }
  return cur;
}

/// Whether the object at the schema `s` must have `field`: required here or by a
/// $ref/allOf, or by every non-null anyOf/oneOf branch.
bool requires_field(const json& root, const json& s, std::string_view field) {
  if (s.contains("required"))
    for (const auto& f : s["required"])
      if (f == field) return true;
  std::vector<const json*> same;
  expand(root, s, same, false);
  for (const json* x : same)
    if (x != &s && requires_field(root, *x, field)) return true;
  for (const char* k : {"anyOf", "oneOf"}) {
    if (!s.contains(k)) continue;
    bool all = true, any = false;
    for (const auto& b : s[k])
      if (b.value("type", json()) != "null") {
        any = true;
        all = all && requires_field(root, b, field);
      }
    if (any && all) return true;
  }
  return false;
}

/// The first value of `key` among the schemas at a path (expanded).
std::optional<double> constraint(const json& root, const std::vector<const json*>& at, const char* key) {
  std::vector<const json*> all;
  for (const json* s : at) expand(root, *s, all);
  for (const json* s : all)
    if (s->contains(key)) return (*s)[key].get<double>();
  return std::nullopt;
}

}  // namespace

TEST_CASE("catalog rules: every field the parser requires, the schema requires") {
  for (const auto& r : cd::rules::all_required) {
    CAPTURE(r.schema);
    CAPTURE(r.object);
    CAPTURE(r.field);
    const json root = load_schema(r.schema);
    const auto at = at_path(root, r.object);
    REQUIRE_FALSE(at.empty());
    bool required = false;
    for (const json* s : at) required = required || requires_field(root, *s, r.field);
    CHECK(required);
  }
}

TEST_CASE("catalog rules: every bound the parser checks agrees with the schema") {
  for (const auto& b : cd::rules::all_bounds) {
    CAPTURE(b.schema);
    CAPTURE(b.path);
    const json root = load_schema(b.schema);
    const auto at = at_path(root, b.path);
    REQUIRE_FALSE(at.empty());
    // the lower bound: the same number, the same inclusiveness
    const auto min = constraint(root, at, "minimum");
    const auto xmin = constraint(root, at, "exclusiveMinimum");
    REQUIRE((min || xmin));
    CHECK(b.lo_exclusive == xmin.has_value());
    CHECK(b.lo == (xmin ? *xmin : *min));
    // the upper bound: never tighter than the schema's; none where the schema has none
    const auto max = constraint(root, at, "maximum");
    if (max) CHECK(b.hi >= *max);
    else CHECK(b.hi == std::numeric_limits<double>::infinity());
  }
}

TEST_CASE("catalog rules: bound::admits") {
  constexpr cd::bound positive{"", "", 0, true};
  CHECK_FALSE(positive.admits(0));
  CHECK(positive.admits(1e-300));
  constexpr cd::bound pue{"", "", 1, false, 5};
  CHECK(pue.admits(1));
  CHECK(pue.admits(5));
  CHECK_FALSE(pue.admits(5.0001));
  CHECK_FALSE(pue.admits(0.999));
  CHECK(cd::leaf("/regions/*/pue") == "pue");
}
