// Reporting conventions (scenario.hpp's convention) and the publishing formats
// (output_format model_card, paper, latex, ai_act). Numbers are worked by hand from
// the catalog values the test asserts first (TDP, PUE, grid intensity, host power).
#include <doctest/doctest.h>
#include <trainprint/catalog.hpp>
#include <trainprint/estimator.hpp>
#include <trainprint/format.hpp>
#include <trainprint/json.hpp>
#include <trainprint/version.hpp>

#include <nlohmann/json.hpp>

#include "../../src/publish_internal.hpp"

using namespace trainprint;

namespace {

/// The issue's example: "64 A100-40GB, 5 days, AWS us-west-2" (its 1.3B parameters do not
/// enter the time path).
scenario issue_example(std::optional<convention> c) {
  scenario s;
  s.hardware = "nvidia-a100-sxm4-40gb";
  s.count = 64;
  s.duration_h = hours(120);
  s.region = "aws:us-west-2";
  s.convention = c;
  return s;
}

double kg(const estimate& e, output o) { return *e.value(o); }

}  // namespace

TEST_CASE("convention: the issue's example under servers, accelerators and model-card, by hand") {
  // Catalog values the hand-worked numbers use (data/hardware.json, providers.json, regions.json).
  const estimate base = make_estimate(issue_example(std::nullopt));
  REQUIRE(base.inputs.tdp_w == 400);                                        // A100 SXM4 datasheet
  REQUIRE(base.inputs.pue == doctest::Approx(1.14));                        // AWS fleet 2025
  REQUIRE(*base.inputs.intensity_g_per_kwh == doctest::Approx(274.8));      // eGRID2022 NWPP
  REQUIRE(base.accelerator_hours == 7680);                                  // 64 × 120 h
  REQUIRE(base.inputs.host_max_w == doctest::Approx(412.5));                // DGX A100: (6500 − 8 × 400) / 8
  CHECK(base.context.convention == convention::servers);                    // the default, from the boundary

  SUBCASE("model-card: accelerator-hours × TDP × PUE × CI, operational only — the issue's 962 kg") {
    const estimate e = make_estimate(issue_example(convention::model_card));
    CHECK(e.context.boundary == boundary::accelerators);
    CHECK(e.accelerator_power.in_watts() == doctest::Approx(400));
    // 7680 h × 0.400 kW × 1.14 = 3502.08 kWh; × 0.2748 kg/kWh = 962.371584 kg.
    CHECK(e.energy_facility.in_kwh() == doctest::Approx(3502.08));
    CHECK(kg(e, output::emissions_location) == doctest::Approx(962.371584));
    CHECK(kg(e, output::emissions_total) == doctest::Approx(962.371584));  // embodied left out
    CHECK_FALSE(e.inputs.embodied);
    // Left out is not a known 0: unknown in the outputs (JSON null), "left out" in print.
    CHECK_FALSE(e.embodied);
    CHECK_FALSE(e.value(output::emissions_embodied));
    const auto j = nlohmann::json::parse(render(e, output_format::json));
    CHECK(j.at("emissions_kg_co2e").at("embodied").is_null());
    CHECK(j.at("emissions_kg_co2e").at("total").get<double>() == doctest::Approx(962.371584));
    const std::string table = render(e, output_format::table);
    CHECK(table.find("embodied                           left out   convention model-card") != std::string::npos);
    CHECK(table.find("Scope 3 cat. 1, embodied           left out") != std::string::npos);
    REQUIRE(e.find_trace("power_fraction"));
    CHECK(e.find_trace("power_fraction")->note.find("convention model-card") != std::string::npos);
  }
  SUBCASE("accelerators: the modelled average power, 0.75 × TDP without an MFU") {
    const estimate e = make_estimate(issue_example(convention::accelerators));
    CHECK(e.context.boundary == boundary::accelerators);
    // 0.75 × 400 W = 300 W; 7680 h × 0.300 kW × 1.14 = 2626.56 kWh; × 0.2748 = 721.778688 kg.
    // The issue's 681 kg implies 681 / (7680 × 1.14 × 0.2748) = 0.283 kW per accelerator
    // (0.708 of TDP): it was worked with a lower power fraction than today's default 0.75.
    CHECK(e.accelerator_power.in_watts() == doctest::Approx(300));
    CHECK(kg(e, output::emissions_location) == doctest::Approx(721.778688));
    CHECK(e.inputs.embodied);  // embodied stays in: total = location + embodied
    CHECK(kg(e, output::emissions_total) > kg(e, output::emissions_location));
  }
  SUBCASE("servers: accelerators and host at the modelled power") {
    const estimate e = make_estimate(issue_example(convention::servers));
    CHECK(e.context.boundary == boundary::servers);
    // Host 412.5 W × 0.75 = 309.375 W; 7680 h × (0.300 + 0.309375) kW × 1.14 = 5335.2 kWh;
    // × 0.2748 = 1466.11296 kg. The issue's 1,433 kg implies 595.6 W per accelerator in all
    // (its 283 W accelerator plus a 312.6 W host share), again a lower power fraction.
    CHECK(e.host_power.in_watts() == doctest::Approx(309.375));
    CHECK(e.energy_facility.in_kwh() == doctest::Approx(5335.2));
    CHECK(kg(e, output::emissions_location) == doctest::Approx(1466.11296));
    // Same as no convention at all (servers is the default), but labelled.
    CHECK(kg(e, output::emissions_total) == doctest::Approx(kg(base, output::emissions_total)));
  }
}

TEST_CASE("convention: without one, the label follows the boundary") {
  scenario s = issue_example(std::nullopt);
  s.boundary = boundary::accelerators;
  CHECK(make_estimate(s).context.convention == convention::accelerators);
  s.convention = convention::accelerators;  // agreeing inputs are fine
  CHECK(make_estimate(s).context.convention == convention::accelerators);
}

TEST_CASE("convention: an input that contradicts it is refused, naming both") {
  scenario s = issue_example(convention::model_card);
  SUBCASE("boundary") {
    s.boundary = boundary::servers;
    CHECK_THROWS_WITH_AS(make_estimate(s),
                         "[trainprint.input] boundary: got servers, expected accelerators under convention "
                         "model-card (or leave one of them out)",
                         input_error);
  }
  SUBCASE("power_fraction") {
    s.power_fraction = 0.8;
    CHECK_THROWS_WITH_AS(make_estimate(s),
                         "[trainprint.input] power_fraction: got 0.8, expected no power_fraction under convention "
                         "model-card, which counts accelerator-hours × TDP × PUE (convention accelerators takes a "
                         "given power)",
                         input_error);
  }
  SUBCASE("power_w") {
    s.power_w = power::watts(300);
    CHECK_THROWS_AS(make_estimate(s), input_error);
  }
  SUBCASE("embodied=true") {
    s.embodied = true;
    CHECK_THROWS_WITH_AS(make_estimate(s),
                         "[trainprint.input] embodied: got true, expected embodied=false or unset under convention "
                         "model-card (operational emissions only; convention accelerators or servers adds embodied "
                         "emissions)",
                         input_error);
  }
  SUBCASE("servers with boundary accelerators") {
    s.convention = convention::servers;
    s.boundary = boundary::accelerators;
    CHECK_THROWS_WITH_AS(make_estimate(s),
                         "[trainprint.input] boundary: got accelerators, expected servers under convention servers "
                         "(or leave one of them out)",
                         input_error);
  }
}

TEST_CASE("convention: names, set_input and the JSON round trip") {
  for (auto c : all_conventions) CHECK(parse_convention(to_string(c)) == c);
  CHECK(parse_convention("model_card") == convention::model_card);
  CHECK_FALSE(parse_convention("model card"));
  scenario s;
  set_input(s, "convention", "model-card");
  CHECK(s.convention == convention::model_card);
  CHECK_THROWS_WITH_AS(set_input(s, "convention", "hf"),
                       "[trainprint.input] convention: got 'hf', expected servers, accelerators or model-card",
                       input_error);
  const scenario read = parse_scenario(R"({"gpu_hours": 100, "hardware": "h100", "convention": "model-card"})");
  CHECK(read.convention == convention::model_card);
  const estimate e = make_estimate(issue_example(convention::model_card));
  const auto j = nlohmann::json::parse(to_json_text(e));
  CHECK(j["resolved"]["convention"] == "model-card");
  CHECK(j["scenario"]["convention"] == "model-card");
  CHECK(j.get<estimate>().context.convention == convention::model_card);
  // An estimate written before conventions existed reads with its boundary's.
  auto old = j;
  old["resolved"].erase("convention");
  CHECK(old.get<estimate>().context.convention == convention::accelerators);
}

TEST_CASE("publish: every output names the convention") {
  const estimate e = make_estimate(issue_example(convention::model_card));
  for (auto f : {output_format::table, output_format::md, output_format::csv, output_format::model_card,
                 output_format::paper, output_format::latex, output_format::ai_act}) {
    CAPTURE(to_string(f));
    CHECK(render(e, f).find("model-card") != std::string::npos);
  }
}

TEST_CASE("publish: the model card's grams are the total in kg × 1000") {
  const estimate e = make_estimate(issue_example(convention::model_card));
  const std::string card = render(e, output_format::model_card);
  // 962.371584 kg → 962371.6 g (one decimal).
  CHECK(card.find("\n  emissions: 962371.6\n") != std::string::npos);
  CHECK(card.find("  training_type: \"pre-training\"\n") != std::string::npos);
  CHECK(card.find("  hardware_used: \"64 × NVIDIA A100 SXM4 40GB\"\n") != std::string::npos);
  CHECK(card.rfind("---\n", 0) == 0);
}

TEST_CASE("publish: unknown emissions are an error, not a card") {
  // A place with no grid data (an overlay region without an intensity or a parent): with
  // no place at all the estimate would use the world average (docs/methodology.md §8.4).
  catalog c = catalog::with_overlays({});
  c.overlay(R"({"meta": {"table": "regions"},
    "sources": {"lab": {"title": "A site with no grid data", "url": "https://example.org/lab", "year": 2026,
                        "retrieved": "2026-11-26", "license": "facts"}},
    "regions": [{"id": "no-grid", "kind": "cloud", "name": "A site with no grid data", "source": "lab",
                 "confidence": "low"}]})",
            "<test>");
  scenario s;
  s.gpu_hours = 100;
  s.hardware = "h100";
  s.region = "no-grid";
  const estimate e = make_estimate(s, c);
  REQUIRE_FALSE(e.total);
  CHECK_THROWS_WITH_AS(render(e, output_format::model_card),
                       "[trainprint.input] format: got model-card, expected an estimate whose emissions are known: "
                       "give region (or intensity, or mix) and hardware",
                       input_error);
  CHECK_THROWS_AS(render(e, output_format::latex), input_error);
  CHECK_NOTHROW(render(e, output_format::ai_act));  // energy and compute need no grid
}

TEST_CASE("publish: YAML quoting and LaTeX escaping") {
  CHECK(yaml_quoted("a \"b\" \\ c\nd") == R"("a \"b\" \\ c\nd")");
  CHECK(yaml_quoted("key: value # not a comment") == R"("key: value # not a comment")");
  CHECK(latex_escape("50% of a_b & c #1 {x} $5 ~ ^ \\") ==
        R"(50\% of a\_b \& c \#1 \{x\} \$5 \textasciitilde{} \textasciicircum{} \textbackslash{})");
  CHECK(latex_escape("826 mm² × 1.6 − 2 – 3 Σ") == R"(826 mm\textsuperscript{2} $\times$ 1.6 $-$ 2 -- 3 $\Sigma$)");
}

TEST_CASE("publish: the BibTeX entry carries this version") {
  const std::string b = bibtex_entry();
  CHECK(b.rfind("@software{trainprint,\n", 0) == 0);
  CHECK(b.find(std::string("version = {") + version + "}") != std::string::npos);
}
