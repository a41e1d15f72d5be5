// Catalog lookups: by id or alias, case-insensitive, in every table; unknown ids
// throw unknown_key_error with up to three close ids; closest_ids on its own.

#include <doctest/doctest.h>

#include <trainprint/catalog.hpp>
#include <trainprint/error.hpp>

#include <string>
#include <vector>

using namespace trainprint;

namespace {
const catalog& cat() { return catalog::embedded(); }
}  // namespace

TEST_CASE("catalog lookup: accelerators by id and alias, ignoring case") {
  const accelerator& a = cat().find_accelerator("nvidia-h100-sxm5-80gb");
  CHECK(&cat().find_accelerator("NVIDIA-H100-SXM5-80GB") == &a);
  CHECK(&cat().find_accelerator("h100") == &a);
  CHECK(&cat().find_accelerator("H100") == &a);
  CHECK(&cat().find_accelerator("nvidia h100 80gb hbm3") == &a);  // as nvidia-smi prints it, any case
  CHECK(cat().get_accelerator("h100") == &a);
  CHECK(cat().get_accelerator("h100-sxm6") == nullptr);
  CHECK(cat().get_accelerator("") == nullptr);
}

TEST_CASE("catalog lookup: every table finds by id and alias, ignoring case") {
  CHECK(cat().find_system("DGX-H100").id == "nvidia-dgx-h100");
  CHECK(cat().find_system("p5.48xlarge").id == "aws-p5.48xlarge");
  CHECK(cat().find_region("fr").id == "FR");
  CHECK(cat().find_region("france").id == "FR");
  CHECK(cat().find_region("Egrid:srvc").id == "egrid:SRVC");
  CHECK(cat().find_region("AWS:US-EAST-1").id == "aws:us-east-1");
  CHECK(cat().find_region("us-ca").id == "US-CA");
  CHECK(cat().find_provider("AWS").id == "aws");
  CHECK(cat().find_provider("google").id == "gcp");
  CHECK(cat().find_provider("Microsoft").id == "azure");
  CHECK(cat().find_energy_source("COAL").id == "coal");
  CHECK(cat().find_energy_source("natural_gas").id == "gas");
  CHECK(cat().find_energy_source("PV").id == "solar");
  CHECK(cat().find_preset("GPT3").id == "gpt-3");
  CHECK(cat().find_preset("bloom").id == "bloom-176b");
  CHECK(cat().get_system("nope") == nullptr);
  CHECK(cat().get_region("nope") == nullptr);
  CHECK(cat().get_provider("nope") == nullptr);
  CHECK(cat().get_energy_source("nope") == nullptr);
  CHECK(cat().get_preset("nope") == nullptr);
}

TEST_CASE("catalog lookup: an unknown accelerator names the three closest ids") {
  CHECK_THROWS_WITH_AS((void)cat().find_accelerator("h100-sxm6"),
                       "[trainprint.unknown_key] unknown accelerator 'h100-sxm6'; did you mean "
                       "nvidia-h100-sxm5-80gb, nvidia-a100-sxm4-80gb, nvidia-h200-sxm-141gb?",
                       unknown_key_error);
  try {
    (void)cat().find_accelerator("h100-sxm6");
    FAIL("no throw");
  } catch (const unknown_key_error& e) {
    CHECK(e.kind() == "accelerator");
    CHECK(e.key() == "h100-sxm6");  // as given, not lower-cased
    REQUIRE(e.suggestions().size() == 3);
    CHECK(e.suggestions()[0] == "nvidia-h100-sxm5-80gb");
  }
}

TEST_CASE("catalog lookup: suggestions are entry ids, never aliases, each once") {
  // "mi300" is one letter from the alias mi300x; the suggestion is its entry's id.
  try {
    (void)cat().find_accelerator("mi300");
    FAIL("no throw");
  } catch (const unknown_key_error& e) {
    REQUIRE_FALSE(e.suggestions().empty());
    CHECK(e.suggestions()[0] == "amd-mi300x");
    CHECK(e.suggestions().size() <= 3);
    for (std::size_t i = 0; i < e.suggestions().size(); ++i) {
      CHECK(cat().get_accelerator(e.suggestions()[i])->id == e.suggestions()[i]);
      for (std::size_t j = 0; j < i; ++j) CHECK(e.suggestions()[i] != e.suggestions()[j]);
    }
  }
}

TEST_CASE("catalog lookup: unknown ids in the other tables throw with suggestions") {
  CHECK_THROWS_WITH_AS((void)cat().find_region("egrid:SRVX"),
                       "[trainprint.unknown_key] unknown region 'egrid:SRVX'; did you mean "
                       "egrid:SRVC, egrid:SRMV, egrid:SRMW?",
                       unknown_key_error);
  CHECK_THROWS_WITH_AS((void)cat().find_region("aws:us-east-9"),
                       "[trainprint.unknown_key] unknown region 'aws:us-east-9'; did you mean "
                       "aws:us-east-1, aws:us-east-2, aws:ap-east-1?",
                       unknown_key_error);
  CHECK_THROWS_WITH_AS((void)cat().find_provider("googl"),
                       "[trainprint.unknown_key] unknown provider 'googl'; did you mean gcp?", unknown_key_error);
  CHECK_THROWS_WITH_AS((void)cat().find_energy_source("coall"),
                       "[trainprint.unknown_key] unknown energy source 'coall'; did you mean coal?",
                       unknown_key_error);
  CHECK_THROWS_WITH_AS((void)cat().find_preset("gpt-4"),
                       "[trainprint.unknown_key] unknown preset 'gpt-4'; did you mean gpt-3, nanogpt-gpt2-124m?",
                       unknown_key_error);
  CHECK_THROWS_WITH_AS((void)cat().find_system("dgx-h10"),
                       "[trainprint.unknown_key] unknown system 'dgx-h10'; did you mean "
                       "nvidia-dgx-h100, nvidia-dgx-a100, nvidia-dgx-h200?",
                       unknown_key_error);
}

TEST_CASE("catalog lookup: a key like nothing in the table has no suggestions") {
  CHECK_THROWS_WITH_AS((void)cat().find_accelerator("xyzzyxyzzy"),
                       "[trainprint.unknown_key] unknown accelerator 'xyzzyxyzzy'", unknown_key_error);
  try {
    (void)cat().find_accelerator("xyzzyxyzzy");
  } catch (const unknown_key_error& e) {
    CHECK(e.suggestions().empty());
  }
}

TEST_CASE("catalog lookup: closest_ids ranks by edit distance, ignores case and caps the count") {
  const std::vector<std::string> ids{"coal", "gas", "oil", "nuclear", "hydro", "wind", "solar"};
  CHECK(closest_ids("wnd", ids) == std::vector<std::string>{"wind"});
  CHECK(closest_ids("COAL", ids) == std::vector<std::string>{"coal"});  // exact match ignoring case
  CHECK(closest_ids("nucler", ids, 1) == std::vector<std::string>{"nuclear"});
  CHECK(closest_ids("zzzzzzzz", ids).empty());
  CHECK(closest_ids("", ids).empty());
  CHECK(closest_ids("coal", {}).empty());
  // Letters typed for the digits they look like (O for 0, l or I for 1) cost nothing:
  // "h1OO" is 2 plain edits from "h100", more than a 4-letter key's 1 allowed.
  const std::vector<std::string> parts{"h100", "h200", "a100"};
  CHECK(closest_ids("h1OO", parts, 1) == std::vector<std::string>{"h100"});
  CHECK(closest_ids("hl00", parts, 1) == std::vector<std::string>{"h100"});
  // At most n, best first.
  const std::vector<std::string> many{"a100", "a10", "a30", "a40", "h100"};
  const auto three = closest_ids("a100", many);
  REQUIRE(three.size() == 3);
  CHECK(three[0] == "a100");
  CHECK(closest_ids("a100", many, 1) == std::vector<std::string>{"a100"});
  CHECK(closest_ids("a100", many, 0).empty());
}

TEST_CASE("catalog lookup: closest_ids finds a key inside a longer id") {
  // A short key typed for a long id: "h100-sxm6" is one edit from a part of "nvidia-h100-sxm5-80gb".
  const std::vector<std::string> ids{"nvidia-h100-sxm5-80gb", "nvidia-a100-sxm4-80gb", "google-tpu-v4"};
  const auto got = closest_ids("h100-sxm6", ids);
  REQUIRE_FALSE(got.empty());
  CHECK(got[0] == "nvidia-h100-sxm5-80gb");
}
