// The private text helpers every renderer shares (src/text.hpp): the indefinite article
// before a word the notes and errors fill in (issue 18: a provider note read "a aws: region").
#include <doctest/doctest.h>

#include <trainprint/catalog.hpp>
#include <trainprint/estimator.hpp>

#include <algorithm>
#include <string>

#include "../../src/text.hpp"

using namespace trainprint;
using text::indefinite_article;

// Compile-time too: the rule is constexpr.
static_assert(indefinite_article("aws") == "an");
static_assert(indefinite_article("laptop") == "a");

TEST_CASE("text: the indefinite article follows the sound of the word") {
  // A word read as a word: its first letter.
  CHECK(indefinite_article("aws") == "an");
  CHECK(indefinite_article("instance") == "an");
  CHECK(indefinite_article("on-premises server room") == "an");
  CHECK(indefinite_article("Amazon Web Services") == "an");
  CHECK(indefinite_article("data-centre") == "a");
  CHECK(indefinite_article("desktop PC") == "a");
  CHECK(indefinite_article("Google Cloud") == "a");
  CHECK(indefinite_article("unknown") == "an");
  CHECK(indefinite_article("unit") == "a");
  CHECK(indefinite_article("user") == "a");
  // Read letter by letter (a digit, or capitals): a letter name that starts with a vowel
  // sound (A E F H I L M N O R S X) takes "an".
  CHECK(indefinite_article("H100") == "an");
  CHECK(indefinite_article("h100") == "an");
  CHECK(indefinite_article("MI250X") == "an");
  CHECK(indefinite_article("HPC") == "an");
  CHECK(indefinite_article("IDRIS Jean Zay") == "an");
  CHECK(indefinite_article("GCP") == "a");
  CHECK(indefinite_article("v3") == "a");
  CHECK(indefinite_article("tpu-v4") == "a");
  CHECK(indefinite_article("") == "a");
  CHECK(text::with_article("aws") == "an aws");
}

TEST_CASE("text: no note or error of an estimate says 'a' before a vowel") {
  // The notes fill in ids and names: an instance's provider (p5.48xlarge: aws), a TPU's
  // (gcp), a site or a segment. None reads "a aws", "a instance" or "a on-premises".
  const catalog& cat = catalog::embedded();
  for (const char* hw : {"p5.48xlarge", "tpu-v4", "rtx-4090", "h100"}) {
    scenario s;
    s.params = 1e9;
    s.tokens = 2e10;
    s.hardware = hw;
    s.count = 1;
    const estimate e = make_estimate(s, cat);
    for (const auto& n : e.notes)
      for (const char* bad : {" a aws", " a instance", " a on-premises", " a Amazon", " a HPC", "a gcp:"}) {
        INFO(hw << ": " << n);
        CHECK(n.find(bad) == std::string::npos);
      }
  }
}
