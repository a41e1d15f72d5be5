// Numbers as people type them.
#include <doctest/doctest.h>
#include <trainprint/error.hpp>
#include <trainprint/parse.hpp>

using namespace trainprint;

TEST_CASE("parse: numbers with SI suffixes and scientific notation") {
  CHECK(parse_number("7B", "params") == 7e9);
  CHECK(parse_number("70e9", "params") == 70e9);
  CHECK(parse_number("1.5T", "tokens") == 1.5e12);
  CHECK(parse_number("2T", "tokens") == 2e12);
  CHECK(parse_number("512", "count") == 512);
  CHECK(parse_number("4k", "count") == 4000);
  CHECK(parse_number("3M", "x") == 3e6);
  CHECK(parse_number("1G", "x") == 1e9);
  CHECK(parse_number("2P", "x") == 2e15);
  CHECK(parse_number(" 7B ", "params") == 7e9);
  CHECK(parse_number("-3", "count") == -3);  // the sign is validate()'s business
  CHECK_THROWS_WITH_AS(parse_number("2X", "tokens"),
                       "[trainprint.unit] tokens: got '2X', expected a number with an optional suffix k, M, B (or G), "
                       "T, P, E, e.g. 7B, 2T, 70e9",
                       unit_error);
  CHECK_THROWS_WITH_AS(parse_number("", "tokens"),
                       "[trainprint.unit] tokens: got '', expected a number with an optional suffix k, M, B (or G), T, "
                       "P, E, e.g. 7B, 2T, 70e9",
                       unit_error);
  CHECK_THROWS_AS(parse_number("nan", "x"), unit_error);
  CHECK_THROWS_AS(parse_number("inf", "x"), unit_error);
  CHECK_THROWS_AS(parse_number("1e999", "x"), unit_error);
  CHECK_THROWS_WITH_AS(parse_number("1e308T", "x"), "[trainprint.unit] x: got '1e308T', a number that overflows", unit_error);
  CHECK_THROWS_AS(parse_number("7BB", "x"), unit_error);
  CHECK_THROWS_AS(parse_number("0x10", "x"), unit_error);
}

TEST_CASE("parse: durations") {
  CHECK(parse_duration("90m", "duration").count() == doctest::Approx(1.5));
  CHECK(parse_duration("36h", "duration").count() == 36);
  CHECK(parse_duration("30d", "duration").count() == 720);
  CHECK(parse_duration("2w", "duration").count() == 336);
  CHECK(parse_duration("1y", "duration").count() == 8760);
  CHECK(parse_duration("12", "duration").count() == 12);
  CHECK_THROWS_WITH_AS(parse_duration("-3d", "duration"),
                       "[trainprint.unit] duration: got '-3d', expected a positive duration such as 90m, 36h, 30d or 2w "
                       "(a bare number is hours)",
                       unit_error);
  CHECK_THROWS_AS(parse_duration("0d", "duration"), unit_error);
  CHECK_THROWS_AS(parse_duration("3 days", "duration"), unit_error);
}

TEST_CASE("parse: ratios and mixes") {
  CHECK(parse_ratio("0.4", "mfu") == 0.4);
  CHECK(parse_ratio("40%", "mfu") == 0.4);
  CHECK(parse_ratio("35%", "mfu") == 0.35);  // exactly, as typed
  CHECK_THROWS_WITH_AS(parse_ratio("forty", "mfu"),
                       "[trainprint.unit] mfu: got 'forty', expected a fraction such as 0.4 or a percentage such as 40%",
                       unit_error);
  const energy_mix m = parse_mix("coal=0.3, gas=40%,wind=0.3");
  REQUIRE(m.shares.size() == 3);
  CHECK(m.shares[0] == std::pair<std::string, double>{"coal", 0.3});
  CHECK(m.shares[1].second == doctest::Approx(0.4));
  CHECK_THROWS_WITH_AS(parse_mix("coal"), "[trainprint.unit] mix: got 'coal', expected source=share pairs such as coal=0.3,gas=0.4,wind=0.3",
                       unit_error);
  CHECK_THROWS_WITH_AS(parse_mix("coal=abc"),
                       "[trainprint.unit] mix.coal: got 'abc', expected a fraction such as 0.4 or a percentage such as 40%",
                       unit_error);
}
