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
  // Lower case as model names write them (Llama-2-7b, OPT-125m, 2t tokens): k, m, b, t.
  CHECK(parse_number("7b", "params") == 7e9);
  CHECK(parse_number("125m", "params") == 125e6);
  CHECK(parse_number("2t", "tokens") == 2e12);
  // A lower-case g or p is not a suffix (400g reads as a unit, not 4e11); nor is e.
  CHECK_THROWS_AS(parse_number("400g", "intensity"), unit_error);
  CHECK_THROWS_AS(parse_number("2p", "x"), unit_error);
  CHECK_THROWS_AS(parse_number("2e", "x"), unit_error);
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
  CHECK(parse_duration("90min", "duration").count() == doctest::Approx(1.5));
  CHECK(parse_duration("36h", "duration").count() == 36);
  CHECK(parse_duration("30d", "duration").count() == 720);
  CHECK(parse_duration("2w", "duration").count() == 336);
  CHECK(parse_duration("1y", "duration").count() == 8760);
  CHECK(parse_duration("12", "duration").count() == 12);
  CHECK_THROWS_WITH_AS(parse_duration("-3d", "duration"),
                       "[trainprint.unit] duration: got '-3d', expected a positive duration such as 90min, 36h, 30d, "
                       "2w, 3mo or 1y (unit words too: 5 days, 3 months; a bare number is hours)",
                       unit_error);
  CHECK_THROWS_AS(parse_duration("0d", "duration"), unit_error);
  CHECK_THROWS_AS(parse_duration("3 fortnights", "duration"), unit_error);
  CHECK_THROWS_AS(parse_duration("days", "duration"), unit_error);
}

TEST_CASE("parse: durations with unit words, months and the ambiguous m") {
  // A month is a twelfth of the 365-day year "y" uses: 8760 h / 12 = 730 h.
  CHECK(parse_duration("3mo", "duration").count() == 2190);
  CHECK(parse_duration("3 months", "duration").count() == 2190);
  CHECK(parse_duration("1 month", "duration").count() == 730);
  CHECK(parse_duration("12mo", "duration").count() == parse_duration("1y", "duration").count());
  CHECK(parse_duration("2 weeks", "duration").count() == 336);  // 2 × 7 × 24
  CHECK(parse_duration("5 days", "duration").count() == 120);   // 5 × 24
  CHECK(parse_duration("5days", "duration").count() == 120);
  CHECK(parse_duration("5 Days", "duration").count() == 120);
  CHECK(parse_duration("1.5 hours", "duration").count() == 1.5);
  CHECK(parse_duration("90 minutes", "duration").count() == doctest::Approx(1.5));
  CHECK(parse_duration("2 years", "duration").count() == 17520);
  CHECK(parse_duration("3 wks", "duration").count() == 504);
  CHECK_THROWS_WITH_AS(parse_duration("3m", "--duration-h"),
                       "[trainprint.unit] --duration-h: got '3m', which is ambiguous: write 3min for minutes or 3mo "
                       "for months",
                       unit_error);
  CHECK_THROWS_WITH_AS(parse_duration("90 M", "duration"),
                       "[trainprint.unit] duration: got '90 M', which is ambiguous: write 90min for minutes or 90mo "
                       "for months",
                       unit_error);
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
