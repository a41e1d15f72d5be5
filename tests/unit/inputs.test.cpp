// The table of scenario inputs (inputs.hpp) and everything it drives: the range
// setter, the JSON reader and writer, the limit checks, the docs table and the
// Python stub.
#include <doctest/doctest.h>
#include <trainprint/compare.hpp>
#include <trainprint/estimator.hpp>
#include <trainprint/inputs.hpp>
#include <trainprint/json.hpp>

#include <nlohmann/json.hpp>

#include <fstream>
#include <cmath>
#include <sstream>

using namespace trainprint;
using json = nlohmann::json;

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// A valid value of a numeric input: the middle of its limits (whole where needed).
double middle(const input_info& i) {
  double v = (i.lo + i.hi) / 2;
  if (i.whole) v = std::floor(v);
  return v;
}

/// A scenario that validate() accepts, to which one input is then added.
scenario valid_base() {
  scenario s;
  s.params = 7e9;
  s.tokens = 2e12;
  s.layers = 32;
  s.d_model = 4096;
  s.seq_len = 4096;
  return s;
}

}  // namespace

TEST_CASE("inputs: names, flags and aliases") {
  CHECK(scenario_inputs.size() == 38);  // 31 + energy_kwh and energy_boundary (measured energy) + convention + ownership + size and energy (plain words) + site_kind
  CHECK(find_input("--ownership")->kind == input_kind::ownership);
  CHECK(find_input("--site-kind")->name == "site_kind");
  CHECK(find_input("power_w")->flag == "--power-w");
  CHECK(find_input("power")->name == "power_w");
  CHECK(find_input("--power")->name == "power_w");
  CHECK(find_input("host-power")->name == "host_power_w");
  CHECK(find_input("accelerator-hours")->name == "gpu_hours");
  CHECK(find_input("duration")->name == "duration_h");
  CHECK(find_input("lifetime")->name == "lifetime_years");
  CHECK(find_input("price")->name == "price_usd_per_kwh");
  CHECK(find_input("hourly_price")->name == "hourly_price_usd");
  CHECK(find_input("embodied")->flag == "--no-embodied");
  CHECK(find_input("powr") == nullptr);
  CHECK(find_input("") == nullptr);
  CHECK(input_named("power") == nullptr);  // exact names only
  CHECK(canonical_input_name("--lifetime") == "lifetime_years");
  CHECK(canonical_input_name("seq-len") == "seq_len");
  // input_names() (compare.hpp) lists the same names in the same order.
  const auto& names = input_names();
  REQUIRE(names.size() == scenario_inputs.size());
  for (std::size_t k = 0; k < names.size(); ++k) CHECK(names[k] == scenario_inputs[k].name);
}

TEST_CASE("inputs: the rangeable inputs, in the order of the old list") {
  const std::array<std::string_view, 14> expected{
      "gpu_hours", "duration_h", "mfu", "power_fraction", "power_w", "host_power_w", "pue", "wue",
      "intensity", "ewif", "cfe", "lifetime_years", "price_usd_per_kwh", "hourly_price_usd"};
  CHECK(rangeable_inputs == expected);
  CHECK(is_rangeable("mfu"));
  CHECK_FALSE(is_rangeable("params"));
  CHECK_FALSE(is_rangeable("power"));  // an alias is not a range key
}

TEST_CASE("inputs: point_value, set_point_value and the JSON key agree for every rangeable input") {
  for (auto name : rangeable_inputs) {
    CAPTURE(name);
    const auto& i = *input_named(name);
    scenario s;
    CHECK_FALSE(point_value(s, name));
    const double v = middle(i);
    REQUIRE(set_point_value(s, name, v));
    CHECK(point_value(s, name) == v);
    const json j = s;
    CHECK(j.at(std::string(name)) == v);  // the JSON key is the name, in the same unit
    CHECK(j.get<scenario>() == s);
  }
  scenario s;
  CHECK_FALSE(set_point_value(s, "params", 1));
  CHECK(s == scenario{});
}

TEST_CASE("inputs: check_input_limits gives validate()'s message for every numeric input") {
  for (const auto& i : scenario_inputs) {
    if (!i.has_limits()) continue;
    CAPTURE(i.name);
    for (const double bad : {i.hi * 2, i.lo_inclusive ? i.lo - 1 : i.lo, std::nan("")}) {
      if (i.kind == input_kind::count && std::isnan(bad)) continue;  // an integer field holds no NaN
      scenario s = valid_base();
      i.set(s, bad);
      std::string from_table, from_validate;
      try {
        check_input_limits(s);
      } catch (const input_error& e) {
        from_table = e.what();
      }
      try {
        validate(s);
      } catch (const input_error& e) {
        from_validate = e.what();
      }
      CHECK_FALSE(from_table.empty());
      CHECK(from_table == from_validate);
    }
    scenario ok = valid_base();
    i.set(ok, middle(i));
    CHECK_NOTHROW(check_input_limits(ok));
  }
  scenario s = valid_base();
  s.power_w = power::watts(-1);
  CHECK_THROWS_WITH_AS(check_input_limits(s), "[trainprint.input] power_w: got -1, expected 0 < power_w <= 100000",
                       input_error);
  s = valid_base();
  s.layers = 2.5;
  CHECK_THROWS_WITH_AS(check_input_limits(s), "[trainprint.input] layers: got 2.5, expected a whole number of layers",
                       input_error);
}

TEST_CASE("inputs: the JSON reader takes older spellings, once") {
  const auto s = parse_scenario(R"({"power": 500, "lifetime": 4, "hourly_price": 2.5, "gpu_hours": 1000})");
  CHECK(s.power_w->in_watts() == 500);
  CHECK(s.lifetime_years == 4);
  CHECK(s.hourly_price_usd == 2.5);
  const json j = s;  // written with the canonical names
  CHECK(j.at("power_w") == 500.0);
  CHECK_FALSE(j.contains("power"));
  CHECK_THROWS_WITH_AS(parse_scenario(R"({"power": 500, "power_w": 400})"),
                       "[trainprint.input] power_w: got twice, expected one value per input (power_w is another "
                       "spelling)",
                       input_error);
  // JSON keys are snake_case: the CLI's kebab-case is not a key.
  CHECK_THROWS_WITH_AS(parse_scenario(R"({"seq-len": 4096})"),
                       "[trainprint.input] seq-len: got an unknown field, expected a scenario field (did you mean "
                       "seq_len?)",
                       input_error);
}

TEST_CASE("inputs: an unknown enum in an estimate's JSON is an error, not a default") {
  scenario s;
  s.gpu_hours = 1000;
  s.hardware = "h100";
  json j = make_estimate(s);
  CHECK(j.get<estimate>().context.precision == precision::bf16);
  j["resolved"]["precision"] = "bf61";
  CHECK_THROWS_WITH_AS(j.get<estimate>(),
                       "[trainprint.data] <estimate>#/resolved/precision: unknown precision 'bf61'; did you mean "
                       "bf16?",
                       data_error);
  j["resolved"]["precision"] = "bf16";
  j["resolved"]["boundary"] = "rack";
  CHECK_THROWS_AS(j.get<estimate>(), data_error);
}

TEST_CASE("inputs: docs/inputs.md is the table") {
  const std::string path = std::string(TRAINPRINT_SOURCE_DIR) + "/docs/inputs.md";
  const std::string expected = inputs_markdown();
  const std::string actual = slurp(path);
  if (actual != expected) std::ofstream(path + ".new", std::ios::binary) << expected;
  INFO("docs/inputs.md differs from inputs_markdown(); the new text is in docs/inputs.md.new");
  CHECK(actual == expected);
  for (const auto& i : scenario_inputs) CHECK(expected.find("| `" + std::string(i.name) + "` | `") != std::string::npos);
}

TEST_CASE("inputs: the Python stub's keywords are the table's, with matching types") {
  const std::string pyi = slurp(std::string(TRAINPRINT_SOURCE_DIR) + "/bindings/python/trainprint/__init__.pyi");
  auto type_of = [](input_kind k) -> std::string {
    switch (k) {
      case input_kind::text:
      case input_kind::precision:
      case input_kind::boundary:
      case input_kind::convention:
      case input_kind::ownership:
      case input_kind::energy_boundary: return "Optional[str]";
      case input_kind::mix: return "Optional[Union[Mapping[str, float], str]]";
      case input_kind::flag: return "Optional[Union[bool, str]]";
      default: return "Optional[_Number]";
    }
  };
  std::string table_block;
  for (const auto& i : scenario_inputs) table_block += "    " + std::string(i.name) + ": " + type_of(i.kind) + " = None,\n";
  table_block += "    **cli_spellings: Any,\n";
  for (const char* fn : {"def estimate(", "def compare("}) {
    CAPTURE(fn);
    const auto start = pyi.find(fn);
    REQUIRE(start != std::string::npos);
    const auto first = pyi.find("    params:", start);
    const auto end = pyi.find(")", first);
    REQUIRE(first != std::string::npos);
    CHECK(pyi.substr(first, end - first) == table_block);
  }
}

TEST_CASE("inputs: numeric inputs have both accessors, text inputs a field, the others neither") {
  for (const auto& i : scenario_inputs) {
    CAPTURE(i.name);
    CHECK((i.get == nullptr) == (i.set == nullptr));
    CHECK((i.get != nullptr) == detail::is_numeric(i));
    CHECK((i.text != nullptr) == (i.kind == input_kind::text));
  }
}
