// The table of scenario inputs (inputs.hpp) and everything it drives: the range
// setter, the JSON reader and writer, the limit checks, the docs table and the
// Python stub.
#include <doctest/doctest.h>
#include <trainprint/compare.hpp>
#include <trainprint/estimator.hpp>
#include <trainprint/inputs.hpp>
#include <trainprint/json.hpp>
#include <trainprint/spelling.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <cmath>
#include <sstream>
#include <string>
#include <tuple>

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
  CHECK(find_input("--ownership")->kind == input_kind::choice);
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

TEST_CASE("inputs: validate() checks every numeric input against its row of scenario_inputs") {
  // validate() takes the limits from the table (check_input_limits), so each row's lo,
  // hi and unit are what a user is told: out of range at each end, and NaN.
  for (const auto& i : scenario_inputs) {
    if (!i.has_limits()) continue;
    CAPTURE(i.name);
    for (const double bad : {i.hi * 2, i.lo_inclusive ? i.lo - 1 : i.lo, std::nan("")}) {
      if (i.kind == input_kind::count && std::isnan(bad)) continue;  // an integer field holds no NaN
      scenario s = valid_base();
      i.set(s, bad);
      const std::string u = i.unit.empty() ? "" : " " + std::string(i.unit);
      const std::string expected = "[trainprint.input] " + std::string(i.name) + ": got " + detail::num(bad) + u +
                                   ", expected " + detail::num(i.lo) + u + (i.lo_inclusive ? " <= " : " < ") +
                                   std::string(i.name) + " <= " + detail::num(i.hi) + u;
      CHECK_THROWS_WITH_AS(validate(s), expected.c_str(), input_error);
      CHECK_THROWS_WITH_AS(check_input_limits(s), expected.c_str(), input_error);
    }
    scenario ok = valid_base();
    i.set(ok, middle(i));
    CHECK_NOTHROW(check_input_limits(ok));
  }
  // Two rows spelled out by hand (inputs.hpp: power_w is 0 W < v <= 1e5 W; layers whole).
  scenario s = valid_base();
  s.power_w = power::watts(-1);
  CHECK_THROWS_WITH_AS(validate(s), "[trainprint.input] power_w: got -1 W, expected 0 W < power_w <= 100000 W",
                       input_error);
  s = valid_base();
  s.layers = 2.5;
  s.d_model = 4096;
  s.seq_len = 2048;
  CHECK_THROWS_WITH_AS(validate(s), "[trainprint.input] layers: got 2.5, expected a whole number of layers",
                       input_error);
}

TEST_CASE("inputs: a range's end out of its limits is named as that end, not by the mode") {
  // --pue 0.5:1.2 has the mode 0.85 (the middle); the low end 0.5 is below PUE's 1.
  scenario s = valid_base();
  REQUIRE(set_range(s, "pue", range{0.5, 0.85, 1.2}));
  CHECK_THROWS_WITH_AS(validate(s),
                       "[trainprint.input] pue: got 0.5 (the low end of the range 0.5:1.2), expected 1 <= pue <= 5",
                       input_error);
  s = valid_base();
  REQUIRE(set_range(s, "mfu", range{0.5, 1.1, 1.7}));  // the high end above 1
  CHECK_THROWS_WITH_AS(validate(s),
                       "[trainprint.input] mfu: got 1.7 (the high end of the range 0.5:1.7), expected 0 < mfu <= 1",
                       input_error);
  s = valid_base();
  REQUIRE(set_range(s, "power_w", range{100, 450050, 900000}));
  CHECK_THROWS_WITH_AS(validate(s),
                       "[trainprint.input] power_w: got 900000 W (the high end of the range 100:900000), expected 0 W "
                       "< power_w <= 100000 W",
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
                       "[trainprint.input] power_w: got twice, expected one value per input ('power' and 'power_w' "
                       "are two spellings of it)",
                       input_error);
  // null gives no value: beside another spelling it is not the input given twice.
  CHECK(parse_scenario(R"({"power": null, "power_w": 400})").power_w->in_watts() == 400);
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
  // estimate() and compare() take **inputs: Unpack[_Inputs], a TypedDict whose fields are
  // the table's rows (typed) and then their aliases (typed as their row); estimate_many()
  // spells the rows out as Any (a value or a column). When the stub differs, the stub with
  // the table's blocks is written to __init__.pyi.new (move it over, as docs/inputs.md.new).
  const std::string path = std::string(TRAINPRINT_SOURCE_DIR) + "/bindings/python/trainprint/__init__.pyi";
  const std::string pyi = slurp(path);
  auto type_of = [](input_kind k) -> std::string {
    switch (k) {
      case input_kind::text:
      case input_kind::choice: return "Optional[str]";
      case input_kind::mix: return "Optional[Union[Mapping[str, float], str]]";
      case input_kind::flag: return "Optional[Union[bool, str]]";
      default: return "Optional[_Number]";
    }
  };
  std::string typed, any;
  for (const auto& i : scenario_inputs) {
    typed += "    " + std::string(i.name) + ": " + type_of(i.kind) + "\n";
    any += "    " + std::string(i.name) + ": Any = None,\n";
  }
  for (const auto& i : scenario_inputs)
    for (auto a : i.aliases)
      if (!a.empty()) typed += "    " + std::string(a) + ": " + type_of(i.kind) + "\n";
  any += "    **cli_spellings: Any,\n";
  std::string fixed = pyi;
  // Each block runs from its first field (params) to the line that ends it.
  for (const auto& [opening, expected, closing] :
       {std::tuple{"class _Inputs(TypedDict, total=False):", typed, "def "},
        std::tuple{"def estimate_many(", any, ")"}}) {
    CAPTURE(opening);
    const auto start = fixed.find(opening);
    REQUIRE(start != std::string::npos);
    const auto first = fixed.find("    params:", start);
    REQUIRE(first != std::string::npos);
    const auto end = fixed.find(closing, first);
    REQUIRE(end != std::string::npos);
    CHECK(fixed.substr(first, end - first) == expected);
    fixed.replace(first, end - first, expected);
  }
  for (const auto* fn : {"def estimate(", "def compare("}) {
    CAPTURE(fn);
    const auto start = fixed.find(fn);
    REQUIRE(start != std::string::npos);
    CHECK(fixed.substr(start, fixed.find(") ->", start) - start).find("    **inputs: Unpack[_Inputs],\n") !=
          std::string::npos);
  }
  if (fixed != pyi) std::ofstream(path + ".new", std::ios::binary) << fixed;
}

TEST_CASE("inputs: every input survives the text reader, the JSON writer and the JSON reader") {
  // One value per row, chosen by its kind alone: a table row whose accessors are missing or
  // wired to another field fails here, so a new input needs no count to be bumped.
  std::vector<std::string_view> seen;
  for (const auto& i : scenario_inputs) {
    CAPTURE(i.name);
    CHECK(std::find(seen.begin(), seen.end(), i.name) == seen.end());  // names are unique
    seen.push_back(i.name);
    std::string text;
    switch (i.kind) {
      case input_kind::text: text = "some-id"; break;
      case input_kind::choice: text = std::string(i.choices.back()); break;
      case input_kind::mix: text = "coal=0.25,wind=0.75"; break;
      case input_kind::flag: text = i.flag.starts_with("--no-") ? "false" : "true"; break;
      default: text = detail::num(middle(i)); break;
    }
    scenario s;
    read_input_text(s, i, text);
    CHECK(input_is_set(s, i));
    scenario other;
    CHECK_FALSE(input_is_set(other, i));
    copy_input(other, s, i);
    CHECK(other == s);
    const json j = s;
    CHECK(j.size() == 1);  // only this input is written, under its name
    CHECK(j.contains(std::string(i.name)));
    CHECK(j.get<scenario>() == s);
  }
}

TEST_CASE("inputs: numeric inputs have both accessors, text inputs a field, the others neither") {
  for (const auto& i : scenario_inputs) {
    CAPTURE(i.name);
    CHECK((i.get == nullptr) == (i.set == nullptr));
    CHECK((i.get != nullptr) == detail::is_numeric(i));
    CHECK((i.text != nullptr) == (i.kind == input_kind::text));
    CHECK((i.get_choice != nullptr) == (i.kind == input_kind::choice));
    CHECK((i.set_choice != nullptr) == (i.kind == input_kind::choice));
    CHECK(i.choices.empty() == (i.kind != input_kind::choice));
    CHECK((i.get_flag != nullptr) == (i.kind == input_kind::flag));
    CHECK((i.set_flag != nullptr) == (i.kind == input_kind::flag));
    CHECK((i.assign != nullptr));  // merge() and copy_input() copy every row (inputs.hpp)
  }
}

TEST_CASE("inputs: scenario JSON reads text values as the CLI and Python do") {
  // Each kind of input, as text, gives what the CLI's set_input gives (issue 18: one reader).
  const std::vector<std::pair<std::string, std::string>> cases{
      {"params", "1.3B"},          // size suffix: 1.3e9
      {"tokens", "2T"},            // 2e12
      {"flops", "6.3e23"},         // plain number in text
      {"mfu", "9%"},               // percent: 0.09
      {"cfe", "0.6"},              // a ratio as a fraction
      {"duration_h", "5d"},        // 5 × 24 = 120 h
      {"duration_h", "3 months"},  // unit words (plain.hpp)
      {"duration_h", "weeks"},     // a word that stands for a range
      {"gpu_hours", "1.5k"},       // 1500 h
      {"power_w", "0.5k"},         // 500 W
      {"count", "8"},              // a whole number
      {"precision", "FP8"},        // a choice, any case
      {"convention", "model_card"},
      {"site_kind", "Data Centre"},
      {"mix", "coal=0.3,gas=0.7"},
      {"embodied", "false"},
      {"recompute", "yes"},
      {"mfu", "30%:50%"},          // a range, as the CLI's --mfu 30%:50%
  };
  for (const auto& [key, text] : cases) {
    CAPTURE(key);
    CAPTURE(text);
    scenario from_cli;
    set_input(from_cli, key, text);
    const scenario from_json = parse_scenario(json{{key, text}}.dump());
    CHECK(from_json == from_cli);
  }
  // The values themselves, worked out by hand.
  const auto s = parse_scenario(R"({"params": "1.3B", "mfu": "9%", "duration": "5d", "power_w": "0.5k"})");
  CHECK(*s.params == 1.3e9);
  CHECK(*s.mfu == 0.09);
  CHECK(s.duration_h->count() == 120);  // 5 d × 24 h
  CHECK(s.power_w->in_watts() == 500);
  const auto w = parse_scenario(R"({"duration_h": "weeks", "count": 8})");
  CHECK(w.ranges.contains("duration_h"));
  // A number is still in the table's unit, and bad text gets the reader's message with the key as given.
  CHECK(*parse_scenario(R"({"params": 1.3e9})").params == 1.3e9);
  CHECK_THROWS_AS(parse_scenario(R"({"params": "1.3Q"})"), error);
  CHECK_THROWS_WITH_AS(parse_scenario(R"({"precision": "fp4"})"),
                       "[trainprint.input] precision: got 'fp4', expected fp32, tf32, bf16, fp16 or fp8", input_error);
  CHECK_THROWS_WITH_AS(parse_scenario(R"({"lifetime": "ten"})"), doctest::Contains("lifetime"), error);
  CHECK_THROWS_AS(parse_scenario(R"({"precision": 16})"), input_error);  // a choice is text
}

TEST_CASE("inputs: messages name inputs as each interface spells them") {
  const std::string hint = "set embodied=false to leave them out; give hardware or host_power_w (or boundary=accelerators).";
  CHECK(spell_inputs(hint, spelling::json) == hint);
  CHECK(spell_inputs(hint, spelling::cli) ==
        "set --no-embodied to leave them out; give hardware or --host-power-w (or --boundary accelerators).");
  CHECK(spell_inputs(hint, spelling::python) ==
        "set embodied=False to leave them out; give hardware or host_power_w (or boundary=\"accelerators\").");
  // The field of an input_error, even a one-word id; the limits that name it too.
  const std::string limit = input_error("power_w", "-1", "0 < power_w <= 100000").what();
  CHECK(spell_inputs(limit, spelling::cli) == "[trainprint.input] --power-w: got -1, expected 0 < --power-w <= 100000");
  CHECK(spell_inputs(limit, spelling::python) == limit);
  CHECK(spell_inputs(input_error("mfu", "2", "0 < mfu <= 1").what(), spelling::cli) ==
        "[trainprint.input] --mfu: got 2, expected 0 < mfu <= 1");  // a one-word id in prose stays a word
  CHECK(spell_inputs(input_error("embodied", "", "x").what(), spelling::cli) == "[trainprint.input] --no-embodied: missing; x");
  // Not inputs, or not whole words: unchanged.
  for (const std::string same : {"host_max_power_w × host_utilisation", "the hardware's power", "/resolved/power_w",
                                 "'power_w'", "power_w.low", "--power-w", "recompute=maybe",
                                 "KEY=V1,V2 such as region=FR,PL,US-VA"})
    CHECK(spell_inputs(same, spelling::cli) == same);
  CHECK(spell_inputs("recompute=true", spelling::cli) == "--recompute");
  CHECK(spell_inputs("energy_boundary=accelerators", spelling::cli) == "--energy-boundary accelerators");
  CHECK(spell_inputs("mfu=0.4", spelling::python) == "mfu=0.4");
  CHECK(spell_inputs("site_kind (data-centre)", spelling::cli) == "--site-kind (data-centre)");
}
