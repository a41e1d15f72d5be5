// format.hpp: one render entry per subject, taking an output_format. Expected
// texts are the CLI goldens of the same scenario (tests/cli/cases.txt), and the
// numbers are checked by hand against the formulas of docs/methodology.md §1–2.
#include <doctest/doctest.h>
#include <trainprint/estimator.hpp>
#include <trainprint/spelling.hpp>
#include <trainprint/format.hpp>
#include <trainprint/output_format.hpp>

#include <nlohmann/json.hpp>

#include <fstream>
#include <regex>
#include <sstream>

using namespace trainprint;

namespace {

std::string golden(const std::string& name) {
  std::ifstream in(std::string(TRAINPRINT_SOURCE_DIR) + "/tests/cli/golden/" + name, std::ios::binary);
  REQUIRE(in);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// The catalog version and date replaced as tests/cli/check.sh does.
std::string normalised(const std::string& text) {
  return std::regex_replace(text, std::regex(R"(catalog [0-9][0-9.]*[^ ]* \([0-9-]*\))"), "catalog <version> (<date>)");
}

/// estimate --params 7B --tokens 2T --hardware h100 --count 512 --region FR
estimate golden_estimate() {
  scenario s;
  s.params = 7e9;
  s.tokens = 2e12;
  s.hardware = "h100";
  s.count = 512;
  s.region = "FR";
  return make_estimate(s);
}

std::vector<std::string> split(const std::string& line, char sep) {
  std::vector<std::string> out;
  std::stringstream ss(line);
  for (std::string f; std::getline(ss, f, sep);) out.push_back(f);
  if (!line.empty() && line.back() == sep) out.emplace_back();
  return out;
}

}  // namespace

TEST_CASE("output_format: names round-trip, unknown names are nullopt") {
  for (auto f : all_output_formats) CHECK(parse_output_format(to_string(f)) == f);
  CHECK(to_string(output_format::md) == "md");
  CHECK_FALSE(parse_output_format("markdown"));
  CHECK_FALSE(parse_output_format("JSON"));
}

TEST_CASE("render(estimate): csv and md are the CLI's goldens") {
  estimate e = golden_estimate();
  for (auto& n : e.notes) n = spell_inputs(n, spelling::cli);  // as the CLI spells them (`cfe` is --cfe)
  CHECK(render(e, output_format::csv) == golden("estimate-csv.out"));
  CHECK(normalised(render(e, output_format::md)) == golden("estimate-md.out"));
  CHECK(normalised(render(e, output_format::table)) == golden("estimate-table.out"));
}

TEST_CASE("render(estimate, csv): the row's numbers by hand") {
  const auto lines = split(render(golden_estimate(), output_format::csv), '\n');
  REQUIRE(lines.size() == 3);  // header, row and the empty text after the final line break
  CHECK(lines[2].empty());
  const auto head = split(lines[0], ',');
  const auto row = split(lines[1], ',');
  REQUIRE(head.size() == row.size());
  auto at = [&](const std::string& name) {
    for (std::size_t i = 0; i < head.size(); ++i)
      if (head[i] == name) return row[i];
    FAIL("no column " << name);
    return std::string{};
  };
  CHECK(at("flops") == "8.4e+22");  // 6 × 7e9 params × 2e12 tokens
  const double it = std::stod(at("energy_it_kwh"));
  const double facility = std::stod(at("energy_facility_kwh"));
  CHECK(facility == doctest::Approx(it * 1.56).epsilon(1e-9));  // × PUE
  // location-based = facility kWh × 44.2 g/kWh (FR) / 1000
  CHECK(std::stod(at("emissions_location_kg_co2e")) == doctest::Approx(facility * 44.2 / 1000).epsilon(1e-9));
  CHECK(std::stod(at("emissions_total_kg_co2e")) ==
        doctest::Approx(std::stod(at("emissions_location_kg_co2e")) + std::stod(at("emissions_embodied_kg_co2e")))
            .epsilon(1e-9));
  CHECK(at("emissions_market_kg_co2e").empty());  // no CFE given: unknown
}

TEST_CASE("render(estimate, json) is trainprint.estimate/1; other formats are refused") {
  const auto j = nlohmann::json::parse(render(golden_estimate(), output_format::json));
  CHECK(j.at("schema") == "trainprint.estimate/1");
  CHECK(j.at("compute").at("flops") == 8.4e22);
  CHECK_THROWS_WITH_AS(render(golden_estimate(), output_format::svg),
                       "[trainprint.input] format: got 'svg', expected one of table, json, csv, md, model-card, paper, latex, ai-act for an estimate",
                       input_error);
}

TEST_CASE("render(estimate, md): Markdown markup in text is escaped, the section titles stay bold") {
  estimate e = golden_estimate();
  e.notes = {"a *starred* note_with [brackets] | and a pipe"};
  const std::string md = render(e, output_format::md);
  CHECK(md.find("- Note: a \\*starred\\* note\\_with \\[brackets\\] \\| and a pipe\n") != std::string::npos);
  CHECK(md.find("| **Energy** |") != std::string::npos);
}

TEST_CASE("render(comparison): each format is the CLI's golden") {
  scenario s;
  s.params = 7e9;
  s.tokens = 2e12;
  s.hardware = "h100";
  s.count = 512;
  CHECK(render(compare(s, "region", {"FR", "PL", "SE"}), output_format::csv) == golden("compare-csv.out"));
  CHECK(render(compare(s, "region", {"FR", "PL", "SE"}), output_format::svg) == golden("compare-svg.out"));
  // The rows' notes are the library's (`cfe`); the CLI spells them as flags (--cfe) before rendering.
  comparison md = compare(s, "region", {"FR", "PL"});
  for (auto& r : md.rows)
    for (auto& n : r.result.notes) n = spell_inputs(n, spelling::cli);
  CHECK(normalised(render(md, output_format::md)) == golden("compare-md.out"));
  CHECK_THROWS_AS(render(compare(s, "region", {"FR"}), output_format::jsonl), input_error);
}

TEST_CASE("render_catalog_table and render_catalog_entry: each format is the CLI's golden") {
  const auto& cat = catalog::embedded();
  CHECK(render_catalog_table(cat, "hardware", output_format::csv, "h100") == golden("list-hardware-csv.out"));
  CHECK(render_catalog_table(cat, "sources", output_format::table) == golden("list-sources.out"));
  CHECK(render_catalog_table(cat, "regions", output_format::json, "United Kingdom") == golden("list-regions-json.out"));
  CHECK(render_catalog_entry(cat, "h100", output_format::table) == golden("show-hardware.out"));
  CHECK(render_catalog_entry(cat, "FR", output_format::json) == golden("show-region-json.out"));
  CHECK_THROWS_WITH_AS(render_catalog_table(cat, "hardware", output_format::md),
                       "[trainprint.input] format: got 'md', expected one of table, json, csv for a catalog table",
                       input_error);
  CHECK_THROWS_WITH_AS(render_catalog_entry(cat, "FR", output_format::csv),
                       "[trainprint.input] format: got 'csv', expected one of table, json for a catalog entry",
                       input_error);
}

TEST_CASE("readable: units chosen by size, three significant digits") {
  CHECK(readable(energy::kwh(126739.6907)) == "127 MWh");
  CHECK(readable(energy::kwh(44.6)) == "44.6 kWh");
  CHECK(readable(emissions::kg_co2e(5601.89433)) == "5.60 t CO2e");
  CHECK(readable(water_volume::litres(146238.1047)) == "146 m³");
  CHECK(readable(power::watts(491.75)) == "492 W");
  CHECK(readable_hours(177.158327) == "7.4 days");
  CHECK(readable_count(90705.06342) == "90.7k");
}

// --- equivalents never print "0.00 years" (issue 18, part 5) ---

TEST_CASE("equivalent_text: a unit of time that fits, or the item left out; never 0.00") {
  const auto& eq = catalog::embedded().equivalents();
  auto find = [&](std::string_view id) -> const equivalent& {
    for (const auto& q : eq)
      if (q.id == id) return q;
    FAIL("no equivalent " << id);
    return eq.front();
  };
  const equivalent& home = find("household-year-us");  // 10,715 kWh per home-year (data/equivalents.json)
  REQUIRE(home.per_unit == doctest::Approx(10715));
  // 10,715 kWh × 3 = 3 years.
  CHECK(*equivalent_text(3 * 10715.0, home) == "3.00 " + home.name);
  // 1,000 kWh = 0.0933 years (below 0.1): 0.0933 × 365.25 = 34.1 days.
  CHECK(*equivalent_text(1000, home) == "34.1 days" + home.name.substr(std::string("years").size()));
  // 10 kWh = 0.000933 years = 0.341 days (below 1: three significant digits).
  CHECK(*equivalent_text(10, home) == "0.341 days" + home.name.substr(std::string("years").size()));
  // 1 kWh = 0.0341 days → × 24 = 0.818 hours.
  CHECK(*equivalent_text(1, home) == "0.818 hours" + home.name.substr(std::string("years").size()));
  // 0.001 kWh = 0.000818 hours: below 0.005, left out.
  CHECK_FALSE(equivalent_text(0.001, home));
  CHECK_FALSE(equivalent_text(0, home));
  // A unit that is not time: left out below 0.005 of it; below 1, three significant digits.
  const equivalent& pool = find("olympic-pool");
  CHECK_FALSE(equivalent_text(pool.per_unit * 0.004, pool));
  CHECK(*equivalent_text(pool.per_unit * 0.5, pool) == "0.500 " + pool.name);
}

TEST_CASE("a range end never prints as 0 when it is not: three significant digits instead") {
  // The golden scenario with 1,000 samples; then the facility energy's interval is set by
  // hand so that its 5th percentile is far below what the headline's decimals show.
  estimate e = make_estimate(golden_estimate().scenario, catalog::embedded(), uncertainty_options{.samples = 1000});
  REQUIRE(e.uncertainty);
  bool set = false;
  for (auto& o : e.uncertainty->outputs)
    if (o.name == "energy_kwh.facility") {
      // 300 MWh headline: no decimals in MWh, so 0.4 kWh (0.0004 MWh) would print as "0".
      o.p50 = 300'000;
      o.p5 = 0.4;
      o.p95 = 500'000;
      set = true;
    }
  REQUIRE(set);
  const std::string text = render(e, output_format::table);
  INFO(text);
  CHECK(text.find("(0.0004–500)") != std::string::npos);  // 0.4 kWh = 0.0004 MWh, "{:.3g}"
  CHECK(text.find("(0–500)") == std::string::npos);
}
