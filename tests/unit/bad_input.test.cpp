// The bad-input table (issue 10): each bad input gets one clear
// error of the right kind with the exact message, never a crash, a NaN or a
// silent default. The CLI, C API and Python halves of the table are in
// tests/cli/bad_inputs.txt, tests/c_api/bad_input.test.c and
// tests/python/test_bad_input.py.

#include <doctest/doctest.h>

#include <cmath>
#include <functional>
#include <limits>
#include <string>
#include <typeinfo>

#include "trainprint/catalog.hpp"
#include "trainprint/compare.hpp"
#include "trainprint/error.hpp"
#include "trainprint/estimator.hpp"
#include "trainprint/json.hpp"
#include "trainprint/parse.hpp"
#include "trainprint/uncertainty.hpp"

using namespace trainprint;

namespace {

enum class kind { input, unknown_key, data, unit };

const char* name_of(kind k) {
  switch (k) {
    case kind::input: return "input_error";
    case kind::unknown_key: return "unknown_key_error";
    case kind::data: return "data_error";
    case kind::unit: return "unit_error";
  }
  return "?";
}

bool is(kind k, const error& e) {
  switch (k) {
    case kind::input: return dynamic_cast<const input_error*>(&e) != nullptr;
    case kind::unknown_key: return dynamic_cast<const unknown_key_error*>(&e) != nullptr;
    case kind::data: return dynamic_cast<const data_error*>(&e) != nullptr;
    case kind::unit: return dynamic_cast<const unit_error*>(&e) != nullptr;
  }
  return false;
}

/// Runs `f`, which must throw exactly `message` as a `k`.
void expect_error(const std::function<void()>& f, kind k, const std::string& message) {
  try {
    f();
    FAIL_CHECK("no error; expected " << name_of(k) << ": " << message);
  } catch (const error& e) {
    CHECK_MESSAGE(is(k, e), "got " << typeid(e).name() << ", expected " << name_of(k));
    CHECK(std::string(e.what()) == message);
  } catch (const std::exception& e) {
    FAIL_CHECK("not a trainprint::error: " << e.what());
  }
}

/// A workable scenario: 8 H100s in France for 1000 accelerator-hours.
scenario base() {
  scenario s;
  s.gpu_hours = 1000;
  s.count = 8;
  s.hardware = "h100";
  s.region = "FR";
  return s;
}

/// The scenario JSON text, parsed and estimated.
void estimate_json(const std::string& text) { (void)make_estimate(parse_scenario(text)); }

/// `base()` with one input set as the CLI sets it, then estimated.
void estimate_with(const char* key, const char* text) {
  scenario s = base();
  set_input(s, key, text);
  (void)make_estimate(s);
}

constexpr double not_a_number = std::numeric_limits<double>::quiet_NaN();
constexpr double infinite = std::numeric_limits<double>::infinity();

struct row {
  const char* name;
  std::function<void()> run;
  kind k;
  const char* message;
};

}  // namespace

TEST_CASE("bad_input: every row of the library table throws its exact error") {
  const row rows[] = {
      // --- numbers: negative, zero, NaN, inf, absurd ---
      {"negative params", [] { estimate_json(R"({"params": -7e9, "tokens": 2e12, "hardware": "h100"})"); }, kind::input, "[trainprint.input] params: got -7e+09, expected 0 < params <= 1e+15"},
      {"zero tokens", [] { estimate_json(R"({"params": 7e9, "tokens": 0, "hardware": "h100"})"); }, kind::input, "[trainprint.input] tokens: got 0, expected 0 < tokens <= 1e+17"},
      {"params 1e308", [] { estimate_json(R"({"params": 1e308, "tokens": 2e12, "hardware": "h100"})"); }, kind::input, "[trainprint.input] params: got 1e+308, expected 0 < params <= 1e+15"},
      {"NaN gpu_hours", [] { scenario s = base(); s.gpu_hours = not_a_number; (void)make_estimate(s); }, kind::input, "[trainprint.input] gpu_hours: got nan h, expected 0 h < gpu_hours <= 1e+13 h"},
      {"inf flops", [] { scenario s = base(); s.gpu_hours.reset(); s.flops = infinite; (void)make_estimate(s); }, kind::input, "[trainprint.input] flops: got inf, expected 0 < flops <= 1e+32"},
      {"-inf intensity", [] { scenario s = base(); s.intensity = carbon_intensity::g_per_kwh(-infinite); (void)make_estimate(s); }, kind::input, "[trainprint.input] intensity: got -inf g CO2e/kWh, expected 0 g CO2e/kWh <= intensity <= 5000 g CO2e/kWh"},
      {"NaN pue", [] { scenario s = base(); s.pue = not_a_number; (void)make_estimate(s); }, kind::input, "[trainprint.input] pue: got nan, expected 1 <= pue <= 5"},
      {"zero count", [] { estimate_json(R"({"gpu_hours": 1000, "hardware": "h100", "count": 0})"); }, kind::input, "[trainprint.input] count: got 0, expected 1 <= count <= 1e+08"},
      {"fractional count", [] { estimate_json(R"({"gpu_hours": 1000, "hardware": "h100", "count": 1.5})"); }, kind::input, "[trainprint.input] count: got 1.5, expected a whole number of accelerators"},
      {"count 1e308", [] { estimate_with("count", "1e308"); }, kind::input, "[trainprint.input] count: got '1e308' (1e+308), expected a whole number 1 <= count <= 1e+08"},
      {"PUE 0.9", [] { estimate_json(R"({"gpu_hours": 1000, "hardware": "h100", "pue": 0.9})"); }, kind::input, "[trainprint.input] pue: got 0.9, expected 1 <= pue <= 5"},
      {"MFU 0", [] { estimate_json(R"({"params": 7e9, "tokens": 2e12, "hardware": "h100", "count": 8, "mfu": 0})"); }, kind::input, "[trainprint.input] mfu: got 0, expected 0 < mfu <= 1"},
      {"MFU 1.7", [] { estimate_with("mfu", "170%"); }, kind::input, "[trainprint.input] mfu: got '170%' (1.7), expected 0 < mfu <= 1"},
      // A workload the given time cannot hold at the peak: 6 × 7e9 × 2e12 = 8.4e22 FLOP need 8.4e22 /
      // (3600 × 989.4e12) = 23,583 H100-hours at MFU 1; 1,000 h would be an MFU of 23.6. The fitted
      // MFU for 7B on H100 is 0.198569 (estimator.test.cpp "MFU default"), printed to 2 digits as 0.2:
      // 23,583 h / 0.198569 = 118,766 h = 1.188e+05 h.
      {"implied MFU above 1", [] { estimate_json(R"({"params": 7e9, "tokens": 2e12, "hardware": "h100", "gpu_hours": 1000})"); }, kind::input, "[trainprint.input] gpu_hours: got 1000, expected at least 2.358e+04 accelerator-hours for 8.4e+22 FLOP on nvidia-h100-sxm5-80gb (its dense bf16 peak, 989.4 TFLOP/s, at MFU 1; the fitted MFU 0.199 needs 1.188e+05 h), or a smaller workload (`params`, `tokens`, `flops`): the time given would need an MFU of 23.6, and no run exceeds 1"},
      {"negative WUE", [] { estimate_with("wue", "-0.5"); }, kind::input, "[trainprint.input] wue: got -0.5 L/kWh, expected 0 L/kWh <= wue <= 100 L/kWh"},
      {"CFE 1.5", [] { estimate_with("cfe", "1.5"); }, kind::input, "[trainprint.input] cfe: got 1.5, expected 0 <= cfe <= 1"},
      {"zero lifetime", [] { estimate_with("lifetime_years", "0"); }, kind::input, "[trainprint.input] lifetime_years: got 0 years, expected 0 years < lifetime_years <= 100 years"},
      {"negative price", [] { estimate_with("price_usd_per_kwh", "-0.1"); }, kind::input, "[trainprint.input] price_usd_per_kwh: got -0.1 USD/kWh, expected 0 USD/kWh <= price_usd_per_kwh <= 100 USD/kWh"},
      {"power 1e308 W", [] { estimate_with("power_w", "1e308"); }, kind::input, "[trainprint.input] power_w: got '1e308' (1e+308 W), expected 0 < power_w <= 100000 W"},
      {"active above total params", [] { estimate_json(R"({"params": 7e9, "active_params": 8e9, "tokens": 2e12, "hardware": "h100"})"); }, kind::input, "[trainprint.input] active_params: got 8e+09, expected `active_params` <= `params` (7e+09)"},
      // --- durations and text numbers ---
      {"duration -3d", [] { estimate_with("duration_h", "-3d"); }, kind::unit, "[trainprint.unit] duration_h: got '-3d', expected a positive duration such as 90min, 36h, 30d, 2w, 3mo or 1y (unit words too: 5 days, 3 months; a bare number is hours)"},
      {"duration 0h", [] { (void)parse_duration("0h", "duration"); }, kind::unit, "[trainprint.unit] duration: got '0h', expected a positive duration such as 90min, 36h, 30d, 2w, 3mo or 1y (unit words too: 5 days, 3 months; a bare number is hours)"},
      {"duration 1e308y", [] { estimate_with("duration_h", "1e308y"); }, kind::unit, "[trainprint.unit] duration_h: got '1e308y', a number that overflows"},
      {"duration 1e-400min", [] { (void)parse_duration("1e-400min", "duration"); }, kind::unit, "[trainprint.unit] duration: got '1e-400min', expected a positive duration such as 90min, 36h, 30d, 2w, 3mo or 1y (unit words too: 5 days, 3 months; a bare number is hours)"},
      {"number with an unknown suffix", [] { (void)parse_number("7Q", "params"); }, kind::unit, "[trainprint.unit] params: got '7Q', expected a number with an optional suffix k, M, B (or G), T, P, E, e.g. 7B, 2T, 70e9"},
      {"empty number", [] { (void)parse_number("", "params"); }, kind::unit, "[trainprint.unit] params: got '', expected a number with an optional suffix k, M, B (or G), T, P, E, e.g. 7B, 2T, 70e9"},
      {"number that overflows", [] { (void)parse_number("1e308E", "tokens"); }, kind::unit, "[trainprint.unit] tokens: got '1e308E', a number that overflows"},
      {"nan as text", [] { estimate_with("gpu_hours", "nan"); }, kind::unit, "[trainprint.unit] gpu_hours: got 'nan', expected a number of h with an optional suffix k, M, B (or G), T, P, E, e.g. 100k"},
      {"inf as text", [] { estimate_with("tokens", "inf"); }, kind::unit, "[trainprint.unit] tokens: got 'inf', expected a number with an optional suffix k, M, B (or G), T, P, E, e.g. 2T"},
      {"ratio 40%%", [] { (void)parse_ratio("40%%", "mfu"); }, kind::unit, "[trainprint.unit] mfu: got '40%%', expected a fraction such as 0.4 or a percentage such as 40%"},
      {"bad boolean", [] { estimate_with("embodied", "maybe"); }, kind::unit, "[trainprint.unit] embodied: got 'maybe', expected true or false"},
      {"unknown input key", [] { estimate_with("paramz", "7B"); }, kind::input, "[trainprint.input] key: got 'paramz', expected a scenario input (did you mean params?)"},
      // --- ids ---
      {"empty hardware", [] { estimate_json(R"({"gpu_hours": 1000, "hardware": ""})"); }, kind::input, "[trainprint.input] hardware: got '', expected a catalog id such as h100"},
      {"blank region", [] { estimate_with("region", "  "); }, kind::input, "[trainprint.input] region: got '', expected a catalog id such as aws:us-east-1"},
      {"unknown hardware", [] { estimate_with("hardware", "h1000"); }, kind::unknown_key, "[trainprint.unknown_key] unknown accelerator 'h1000'; did you mean nvidia-h100-sxm5-80gb, nvidia-h100-nvl-94gb, nvidia-h100-pcie-80gb?"},
      {"unknown region", [] { estimate_with("region", "frnace"); }, kind::unknown_key, "[trainprint.unknown_key] unknown region 'frnace'; did you mean FR, azure:francesouth, azure:francecentral?"},
      {"unknown provider", [] { estimate_with("provider", "amazon-cloud"); }, kind::unknown_key, "[trainprint.unknown_key] unknown provider 'amazon-cloud'"},
      {"invalid UTF-8 in an id", [] { estimate_with("hardware", "h\xff\xfe"); }, kind::unknown_key, "[trainprint.unknown_key] unknown accelerator 'h\\xff\\xfe'"},
      {"unknown precision", [] { estimate_with("precision", "fp4"); }, kind::input, "[trainprint.input] precision: got 'fp4', expected fp32, tf32, bf16, fp16 or fp8"},
      // --- mixes ---
      {"mix summing to 0.7", [] { estimate_json(R"({"gpu_hours": 1000, "hardware": "h100", "mix": {"coal": 0.3, "gas": 0.4}})"); }, kind::input, "[trainprint.input] mix: got shares summing to 0.7, expected shares summing to 1 (\xc2" "\xb1" "0.001)"},
      {"mix summing to 1.3", [] { estimate_with("mix", "coal=0.6,gas=70%"); }, kind::input, "[trainprint.input] mix: got shares summing to 1.3, expected shares summing to 1 (\xc2" "\xb1" "0.001)"},
      {"mix with a negative share", [] { estimate_with("mix", "coal=1.5,gas=-0.5"); }, kind::input, "[trainprint.input] mix.coal: got 1.5, expected 0 <= mix.coal <= 1"},
      {"mix with a source twice", [] { estimate_with("mix", "coal=0.5,coal=0.5"); }, kind::input, "[trainprint.input] mix: got coal twice, expected each source once"},
      {"mix with an unknown source", [] { estimate_with("mix", "coal=0.5,unobtainium=0.5"); }, kind::unknown_key, "[trainprint.unknown_key] unknown energy source 'unobtainium'"},
      {"mix without a share", [] { (void)parse_mix("coal=0.3,gas"); }, kind::unit, "[trainprint.unit] mix: got 'gas', expected source=share pairs such as coal=0.3,gas=0.4,wind=0.3"},
      {"empty mix", [] { (void)parse_mix(""); }, kind::unit, "[trainprint.unit] mix: got '', expected source=share pairs such as coal=0.3,gas=0.4,wind=0.3"},
      // --- JSON: types, fields, syntax, encoding ---
      {"params as a boolean", [] { estimate_json(R"({"params": true, "tokens": 2e12, "hardware": "h100"})"); }, kind::input, "[trainprint.input] params: got true (boolean), expected a number"},
      {"hardware as a number", [] { estimate_json(R"({"gpu_hours": 1000, "hardware": 100})"); }, kind::input, "[trainprint.input] hardware: got 100 (number), expected a string"},
      {"count as true", [] { estimate_json(R"({"gpu_hours": 1000, "hardware": "h100", "count": true})"); }, kind::input, "[trainprint.input] count: got true (boolean), expected a number"},
      {"mix as an array", [] { estimate_json(R"({"gpu_hours": 1000, "hardware": "h100", "mix": [0.5, 0.5]})"); }, kind::input, "[trainprint.input] mix: got [0.5,0.5] (array), expected an object of source: share, e.g. {\"coal\": 0.3, \"gas\": 0.7}"},
      {"scenario as an array", [] { estimate_json("[1, 2, 3]"); }, kind::input, "[trainprint.input] scenario: got [1,2,3] (array), expected a JSON object of scenario fields"},
      {"extra field", [] { estimate_json(R"({"gpu_hours": 1000, "hardware": "h100", "gpu_hour": 5})"); }, kind::input, "[trainprint.input] gpu_hour: got an unknown field, expected a scenario field (did you mean gpu_hours?)"},
      {"missing tokens", [] { estimate_json(R"({"params": 7e9, "hardware": "h100"})"); }, kind::input, "[trainprint.input] tokens: missing; `params` needs `tokens` (or give `flops` instead)"},
      {"missing workload", [] { estimate_json(R"({"hardware": "h100", "count": 8})"); }, kind::input, "[trainprint.input] workload: missing; give `tokens` with `params`, or `flops`, or `size`, or `gpu_hours`, or `duration_h` with `count`"},
      {"missing count for a duration", [] { estimate_json(R"({"duration_h": 720, "hardware": "h100"})"); }, kind::input, "[trainprint.input] count: missing; `duration_h` needs `count` (accelerator-hours = duration \xc3" "\x97" " count)"},
      {"two workloads", [] { estimate_json(R"({"flops": 1e22, "params": 7e9, "tokens": 1e12, "hardware": "h100"})"); }, kind::input, "[trainprint.input] workload: got `flops` and `params`/`tokens`, expected `flops` or `params` with `tokens`, not both"},
      {"two times", [] { estimate_json(R"({"gpu_hours": 1000, "duration_h": 100, "count": 8, "hardware": "h100"})"); }, kind::input, "[trainprint.input] workload: got `gpu_hours` and `duration_h`, expected `gpu_hours` or `duration_h` with `count`, not both"},
      {"empty text", [] { estimate_json(""); }, kind::data, "[trainprint.data] <scenario>: malformed JSON: line 1, column 1: unexpected end of input; expected '[', '{', or a literal"},
      {"truncated JSON", [] { estimate_json(R"({"gpu_hours": 1000, "hardware": )"); }, kind::data, "[trainprint.data] <scenario>: malformed JSON: line 1, column 33: unexpected end of input; expected '[', '{', or a literal"},
      {"number beyond double", [] { estimate_json(R"({"gpu_hours": 1e999, "hardware": "h100"})"); }, kind::data, "[trainprint.data] <scenario>: malformed JSON: number overflow parsing '1e999'"},
      {"invalid UTF-8 in JSON", [] { estimate_json("{\"gpu_hours\": 1000, \"hardware\": \"h\xff\"}"); }, kind::data, "[trainprint.data] <scenario>: malformed JSON: line 1, column 35: invalid string: ill-formed UTF-8 byte; last read: '\"h\\xff'"},
      {"NaN literal in JSON", [] { estimate_json(R"({"gpu_hours": NaN, "hardware": "h100"})"); }, kind::data, "[trainprint.data] <scenario>: malformed JSON: line 1, column 15: invalid literal; last read: '\"gpu_hours\": N'"},
      // --- ranges and uncertainty ---
      {"range low above high", [] { scenario s = base(); set_input(s, "pue", "1.3:1.1"); (void)make_estimate(s); }, kind::input, "[trainprint.input] pue: got '1.3:1.1', expected a range low:high or low:mode:high with low <= mode <= high ('1.3' is above '1.1')"},
      {"range end out of range", [] { scenario s = base(); set_input(s, "pue", "0.9:1.2"); (void)make_estimate(s); }, kind::input, "[trainprint.input] pue: got 0.9 (the low end of the range 0.9:1.2), expected 1 <= pue <= 5"},
      {"zero samples", [] { (void)make_estimate(base(), catalog::embedded(), uncertainty_options{.samples = 0}); }, kind::input, "[trainprint.input] samples: got 0, expected 20 <= samples <= 1e+09 (the 5th and 95th percentiles need at least 20)"},
      {"1000 threads", [] { (void)make_estimate(base(), catalog::embedded(), uncertainty_options{.samples = 100, .threads = 1000}); }, kind::input, "[trainprint.input] threads: got 1000, expected 1 <= threads <= 256"},
  };
  for (const auto& r : rows) {
    CAPTURE(std::string(r.name));
    expect_error(r.run, r.k, r.message);
  }
}

TEST_CASE("bad_input: a catalog overlay that redefines an id without replace is refused, the catalog unchanged") {
  catalog cat = catalog::with_overlays({});
  const auto tdp = cat.find_accelerator("h100").tdp_w;
  const std::string id = cat.find_accelerator("h100").id;
  const std::string overlay = R"({"sources": {"x": {"title": "Mine", "url": "", "year": 2026, "license": "facts"}},
                                   "accelerators": [{"id": ")" + id +
                              R"(", "name": "Mine", "kind": "gpu", "family": "hopper", "tdp_w": 1, "source": "x", "confidence": "low"}]})";
  expect_error([&] { cat.overlay(overlay, "mine.json"); }, kind::data,
               "[trainprint.data] mine.json#/accelerators/0/id: id 'nvidia-h100-sxm5-80gb' already exists; "
               "set \"replace\": true to replace it");
  CHECK(cat.find_accelerator("h100").tdp_w == tdp);
}

TEST_CASE("bad_input: overlays with wrong types, invalid UTF-8 and bad JSON are data errors") {
  catalog cat = catalog::with_overlays({});
  expect_error([&] { cat.overlay("{\"regions\": [{\"id\": \"x\xff\"}]}", "utf8.json"); }, kind::data, "[trainprint.data] utf8.json: malformed JSON: line 1, column 23: invalid string: ill-formed UTF-8 byte; last read: '\"x\\xff'");
  expect_error([&] { cat.overlay(R"({"regions": {"id": "x"}})", "type.json"); }, kind::data, "[trainprint.data] type.json#/regions: expected an array");
  expect_error([&] { cat.overlay(R"({"sources": {"x": {"title": "Mine", "url": "", "year": 2026, "license": "facts"}}, "regions": [{"id": "lab", "kind": "cloud", "name": "Lab", "pue": {"value": 0.9}, "source": "x", "confidence": "low"}]})", "pue.json"); }, kind::data,
               "[trainprint.data] pue.json#/regions/0/pue: got 0.9, expected 1 <= pue <= 5");
  expect_error([&] { cat.overlay(R"({"regions": [{"id": "lab", "pue": {"value": 1e999}}]})", "big.json"); }, kind::data, "[trainprint.data] big.json: malformed JSON: number overflow parsing '1e999'");
  expect_error([&] { cat.overlay("", "empty.json"); }, kind::data, "[trainprint.data] empty.json: malformed JSON: line 1, column 1: unexpected end of input; expected '[', '{', or a literal");
  expect_error([&] { cat.overlay("[]", "array.json"); }, kind::data, "[trainprint.data] array.json: expected a JSON object");
}

TEST_CASE("bad_input: a 10 MB scenario is refused cleanly") {
  // An unknown field holding 10 MB of text: named in the error, no crash.
  const std::string big = R"({"gpu_hours": 1000, "hardware": "h100", "notes": ")" + std::string(10'000'000, 'x') + "\"}";
  expect_error([&] { estimate_json(big); }, kind::input, "[trainprint.input] notes: got an unknown field, expected a scenario field");
  // 10 MB of nesting: parsed without recursion, refused without printing it all.
  const std::string deep = std::string(5'000'000, '[') + std::string(5'000'000, ']');
  expect_error([&] { estimate_json(deep); }, kind::input, "[trainprint.input] scenario: got [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[... (array), expected a JSON object of scenario fields");
  // 10 MB of a number.
  const std::string digits = R"({"gpu_hours": 1)" + std::string(10'000'000, '0') + R"(, "hardware": "h100"})";
  expect_error([&] { estimate_json(digits); }, kind::data, "[trainprint.data] <scenario>: malformed JSON: number overflow parsing '1" + std::string(171, '0') + "...");
}

// --- error messages are valid UTF-8 (issue 18, part 5) ---

TEST_CASE("printable_utf8: invalid bytes escaped as \\xNN, valid UTF-8 unchanged") {
  CHECK(printable_utf8("h100") == "h100");
  CHECK(printable_utf8("CO₂e — Île-de-France") == "CO₂e — Île-de-France");  // 2- and 3-byte forms
  CHECK(printable_utf8("\xF0\x9F\x8C\x8D") == "\xF0\x9F\x8C\x8D");              // U+1F30D, 4 bytes
  CHECK(printable_utf8("h\xff" "100") == "h\\xff100");
  CHECK(printable_utf8("\xc3\x28") == "\\xc3(");         // a lead byte without its continuation
  CHECK(printable_utf8("\xc0\xaf") == "\\xc0\\xaf");     // overlong '/'
  CHECK(printable_utf8("\xed\xa0\x80") == "\\xed\\xa0\\x80");  // a UTF-16 surrogate (U+D800)
  CHECK(printable_utf8("\xf4\x90\x80\x80") == "\\xf4\\x90\\x80\\x80");  // above U+10FFFF
  CHECK(printable_utf8("ab\xe2\x82") == "ab\\xe2\\x82");  // cut short at the end
}

TEST_CASE("errors: a byte that is not UTF-8, from an argument or a file, is shown escaped in every error kind") {
  scenario s;
  s.gpu_hours = 1000;
  s.hardware = "h\xff" "100";
  CHECK_THROWS_WITH_AS(make_estimate(s),
                       doctest::Contains("unknown accelerator 'h\\xff100'"), unknown_key_error);
  CHECK_THROWS_WITH_AS(parse_scenario("{\"gpu_hours\": 1000, \"hardware\": \"h\xff" "100\"}", "f\xfe.json"),
                       doctest::Contains("[trainprint.data] f\\xfe.json"), data_error);
  CHECK_THROWS_WITH_AS(set_input(s, "mfu", "4\xff"), doctest::Contains("4\\xff"), unit_error);
  CHECK_THROWS_WITH_AS(set_input(s, "regi\xffn", "FR"), doctest::Contains("'regi\\xffn'"), input_error);
}
