// estimate_many() against make_estimate(): each row's numbers bit for bit and its
// errors word for word (the reference is make_estimate() of the row's scenario,
// built by hand below), and the call's own errors.
#include <doctest/doctest.h>
#include <trainprint/compare.hpp>
#include <trainprint/error.hpp>
#include <trainprint/estimator.hpp>
#include <trainprint/table.hpp>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

using namespace trainprint;

namespace {

const double no_value = std::numeric_limits<double>::quiet_NaN();  // "not given in this row"

/// Row r of `t` equals make_estimate(s).outputs, bit for bit; NaN where unknown.
void check_row(const table_estimates& t, std::size_t r, const scenario& s) {
  const estimate e = make_estimate(s);
  for (const auto& row : output_table) {
    const double got = t.values[index_of(row.id)][r];
    CAPTURE(row.name);
    CAPTURE(r);
    if (const auto want = e.value(row.id))
      CHECK(std::bit_cast<std::uint64_t>(got) == std::bit_cast<std::uint64_t>(*want));
    else
      CHECK(std::isnan(got));
  }
}

}  // namespace

TEST_CASE("estimate_many: numbers, text and shared inputs give make_estimate's numbers") {
  const std::vector<double> params{7e9, no_value, 70e9};
  const std::vector<double> count{512, 64, no_value};
  std::vector<input_column> cols(4);
  cols[0].key = "params";
  cols[0].numbers = params;
  cols[1].key = "count";
  cols[1].numbers = count;
  cols[2].key = "hardware";
  cols[2].texts = {"h100", "a100"};
  const std::vector<std::int32_t> hw{0, 1, 0};
  cols[2].codes = hw;
  // A column of both: row 1 reads "13B" (text wins), row 0 nothing, row 2 the number.
  const std::vector<double> tokens{no_value, no_value, 1.5e13};
  const std::vector<std::int32_t> tokens_text{-1, 0, -1};
  cols[3].key = "tokens";
  cols[3].numbers = tokens;
  cols[3].texts = {"3T"};
  cols[3].codes = tokens_text;
  scenario shared;
  shared.tokens = 2e12;
  shared.region = "FR";
  shared.params = 13e9;  // row 1 has no params of its own
  const table_estimates t = estimate_many({}, shared, cols);
  REQUIRE(t.rows == 3);
  CHECK(t.errors.empty());

  scenario r0 = shared;
  r0.params = 7e9;
  r0.count = 512;
  r0.hardware = "h100";
  check_row(t, 0, r0);
  scenario r1 = shared;
  r1.count = 64;
  r1.hardware = "a100";
  r1.tokens = 3e12;
  check_row(t, 1, r1);
  scenario r2 = shared;
  r2.params = 70e9;
  r2.tokens = 1.5e13;
  r2.hardware = "h100";
  check_row(t, 2, r2);  // no count: wall time NaN
  CHECK(std::isnan(t.values[index_of(output::wall_hours)][2]));
}

TEST_CASE("estimate_many: a row's workload replaces the base's, as merge() does") {
  scenario base;  // a preset's time-based workload
  base.gpu_hours = 1e5;
  base.hardware = "h100";
  base.region = "SE";
  const std::vector<double> params{7e9};
  std::vector<input_column> cols(1);
  cols[0].key = "params";
  cols[0].numbers = params;
  scenario shared;
  shared.tokens = 2e12;
  const table_estimates t = estimate_many(base, shared, cols);
  scenario row;
  row.params = 7e9;
  row.tokens = 2e12;
  check_row(t, 0, merge(base, row));
}

TEST_CASE("estimate_many: failing rows stop or are collected, with make_estimate's message") {
  const std::vector<double> params{7e9, -1, 7e9, 7e9};
  std::vector<input_column> cols(2);
  cols[0].key = "params";
  cols[0].numbers = params;
  cols[1].key = "hardware";
  cols[1].texts = {"h100", "h100x"};
  const std::vector<std::int32_t> hw{0, 0, 1, 0};
  cols[1].codes = hw;
  scenario shared;
  shared.tokens = 2e12;

  auto message_of = [](scenario s) {
    try {
      (void)make_estimate(s);
    } catch (const error& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  scenario bad_params = shared;
  bad_params.params = -1;
  bad_params.hardware = "h100";
  scenario bad_id = shared;
  bad_id.params = 7e9;
  bad_id.hardware = "h100x";

  const table_estimates stopped = estimate_many({}, shared, cols, catalog::embedded(), on_row_error::stop);
  REQUIRE(stopped.errors.size() == 1);
  CHECK(stopped.errors[0].row == 1);
  CHECK(stopped.errors[0].message == message_of(bad_params));
  CHECK_THROWS_AS(std::rethrow_exception(stopped.errors[0].error), input_error);
  CHECK(std::isnan(stopped.values[index_of(output::energy_facility)][3]));  // not reached

  const table_estimates all = estimate_many({}, shared, cols, catalog::embedded(), on_row_error::collect);
  REQUIRE(all.errors.size() == 2);
  CHECK(all.errors[1].row == 2);
  CHECK(all.errors[1].message == message_of(bad_id));
  CHECK_THROWS_AS(std::rethrow_exception(all.errors[1].error), unknown_key_error);
  scenario ok = shared;
  ok.params = 7e9;
  ok.hardware = "h100";
  check_row(all, 3, ok);
  CHECK(std::isnan(all.values[index_of(output::energy_facility)][1]));
}

TEST_CASE("estimate_many: a text that does not read fails its rows only") {
  std::vector<input_column> cols(1);
  cols[0].key = "params";
  cols[0].texts = {"7B", "7X"};
  const std::vector<std::int32_t> codes{1, 0};
  cols[0].codes = codes;
  scenario shared;
  shared.tokens = 2e12;
  shared.hardware = "h100";
  const table_estimates t = estimate_many({}, shared, cols, catalog::embedded(), on_row_error::collect);
  REQUIRE(t.errors.size() == 1);
  CHECK(t.errors[0].row == 0);
  scenario scratch;
  CHECK_THROWS_WITH_AS(set_input(scratch, "params", "7X"), t.errors[0].message.c_str(), unit_error);
  CHECK(!std::isnan(t.values[index_of(output::energy_facility)][1]));
}

TEST_CASE("estimate_many: the call's own errors come before any row") {
  const std::vector<double> two{7e9, 8e9}, one{2e12};
  std::vector<input_column> cols(2);
  cols[0].key = "params";
  cols[0].numbers = two;
  cols[1].key = "tokens";
  cols[1].numbers = one;
  CHECK_THROWS_WITH_AS(estimate_many({}, {}, cols), "[trainprint.input] tokens: got 1 rows, expected 2 rows, as many as the first column",
                       input_error);
  cols[1].key = "parms";
  CHECK_THROWS_WITH_AS(estimate_many({}, {}, cols),
                       "[trainprint.input] parms: got an unknown field, expected a scenario field (did you mean params?)",
                       input_error);
  cols[1].key = "params";
  cols[1].numbers = two;
  CHECK_THROWS_AS(estimate_many({}, {}, cols), input_error);  // the same input twice
  std::vector<input_column> coded(1);
  coded[0].key = "hardware";
  coded[0].texts = {"h100"};
  const std::vector<std::int32_t> out_of_range{0, 1};
  coded[0].codes = out_of_range;
  CHECK_THROWS_AS(estimate_many({}, {}, coded), input_error);
  CHECK(estimate_many({}, {}, {}).rows == 0);
}
