// Hardware that names several accelerators (catalog::find_hardware): Cloud TPU slices,
// cloud instances, servers and pods; count then counts those units. And the
// contradictions between hardware, provider and region, and the notes for inputs that
// are probably mistyped (issue 18). Expected numbers are worked out in the comments.
//
// TPU slice names (Google Cloud TPU system architecture pages): v2, v3, v4 and v5p name
// a slice by TensorCores, 2 per chip (https://cloud.google.com/tpu/docs/v3: "a v3 slice
// with 128 TensorCores, use --accelerator-type=v3-128"; https://cloud.google.com/tpu/docs/v5p:
// 8 cores = 4 chips ... 12288 cores = 6144 chips); v5e ("v5litepod-N") and v6e name it by
// chips, one TensorCore each (https://cloud.google.com/tpu/docs/v5e, /v6e).
#include <doctest/doctest.h>
#include <trainprint/catalog.hpp>
#include <trainprint/error.hpp>
#include <trainprint/estimator.hpp>

#include <string>

#include "../../src/hardware_units.hpp"

#include "scenarios.hpp"

using namespace trainprint;
using scenarios::has_note;
using doctest::Approx;

namespace {
const catalog& cat() { return catalog::embedded(); }
/// A timed run on `hw` (count units when given), 24 h, in `region`.
scenario timed(const char* hw, std::optional<std::int64_t> count, const char* region) {
  scenario s;
  s.hardware = hw;
  s.count = count;
  s.duration_h = hours(24);
  if (region) s.region = region;
  return s;
}
}  // namespace

TEST_CASE("hardware units: TPU slice names count TensorCores (v2-v5p) or chips (v5e, v6e)") {
  struct row {
    const char* id;
    const char* accelerator;
    int chips;
    const char* name;
  };
  for (const row& r : {
           row{"v3-256", "google-tpu-v3", 128, "v3-256"},        // 256 TensorCores / 2
           row{"tpu-v3-256", "google-tpu-v3", 128, "v3-256"},    // the tpu- spelling
           row{"TPU-V3-8", "google-tpu-v3", 4, "v3-8"},          // case ignored; one v3 host: 8 / 2
           row{"v4-1024", "google-tpu-v4", 512, "v4-1024"},      // 1024 / 2
           row{"v5p-128", "google-tpu-v5p", 64, "v5p-128"},      // 128 / 2 (Google's table: 128 cores, 64 chips)
           row{"v5litepod-256", "google-tpu-v5e", 256, "v5litepod-256"},  // chips
           row{"v5e-16", "google-tpu-v5e", 16, "v5litepod-16"},  // v5e spelling, Google's name kept
           row{"v6e-64", "google-tpu-v6e", 64, "v6e-64"},        // chips
           row{"v2-32", "google-tpu-v2", 16, "v2-32"},           // 32 / 2
       }) {
    CAPTURE(r.id);
    const hardware_unit u = find_hardware(cat(), r.id);
    CHECK(u.acc->id == r.accelerator);
    CHECK(u.kind == "slice");
    CHECK(u.id == r.name);
    CHECK(u.accelerators == r.chips);
    CHECK(u.provider == "gcp");
  }
  // The pods of the systems table keep their catalog entries: v3-2048 is the whole v3
  // pod, 1,024 chips (= 2048 / 2, the same as the slice rule).
  const hardware_unit pod = find_hardware(cat(), "v3-2048");
  CHECK(pod.kind == "pod");
  CHECK(pod.id == "google-tpu-v3-pod");
  CHECK(pod.accelerators == 1024);
  // A plain accelerator is one.
  const hardware_unit one = find_hardware(cat(), "tpu-v3");
  CHECK(one.kind.empty());
  CHECK(one.accelerators == 1);
}

TEST_CASE("hardware units: impossible slice sizes are refused, unknown ids still suggest") {
  // Odd TensorCores (half a chip), more than a pod (v3: 1,024 chips = 2,048 TensorCores;
  // v5e: 256 chips), and zero.
  for (const char* id : {"v3-3", "v3-4096", "v5litepod-512", "v4-0"}) {
    CAPTURE(id);
    CHECK_THROWS_AS((void)find_hardware(cat(), id), input_error);
  }
  CHECK_THROWS_WITH_AS((void)find_hardware(cat(), "v3-3"),
                       doctest::Contains("a v3 slice named by its TensorCores (2 TensorCores per chip): v3-N with N "
                                         "even, at most 2048 (a whole pod)"),
                       input_error);
  CHECK_THROWS_AS((void)find_hardware(cat(), "h100-sxm6"), unknown_key_error);
}

TEST_CASE("hardware units: an instance is its accelerators and its provider") {
  const hardware_unit u = find_hardware(cat(), "p5.48xlarge");
  CHECK(u.kind == "instance");
  CHECK(u.id == "aws-p5.48xlarge");
  CHECK(u.acc->id == "nvidia-h100-sxm5-80gb");
  CHECK(u.accelerators == 8);
  CHECK(u.provider == "aws");
  const hardware_unit dgx = find_hardware(cat(), "dgx-h100");
  CHECK(dgx.kind == "server");
  CHECK(dgx.accelerators == 8);
  CHECK(dgx.provider.empty());
}

TEST_CASE("hardware units: count counts slices, instances and pods (default 1)") {
  // 2 × v3-256 = 2 × 128 = 256 chips; 24 h × 256 = 6,144 chip-hours.
  const estimate s = make_estimate(timed("v3-256", 2, "gcp:europe-west4"), cat());
  REQUIRE(s.inputs.count);
  CHECK(*s.inputs.count == 256);
  CHECK(s.accelerator_hours == Approx(6144));
  CHECK(s.context.accelerator_id == "google-tpu-v3");
  REQUIRE(s.find_trace("count"));
  CHECK(s.find_trace("count")->note.find("2 × v3-256 slices, 128 chips each") == 0);

  // The example: v3-2048 without count was "count: missing"; now one pod,
  // 1,024 chips × 24 h = 24,576 chip-hours.
  const estimate pod = make_estimate(timed("v3-2048", std::nullopt, "gcp:us-central1"), cat());
  CHECK(*pod.inputs.count == 1024);
  CHECK(pod.accelerator_hours == Approx(24576));
  CHECK(pod.find_trace("count")->note.find("1 × google-tpu-v3-pod pod, 1024 chips each (count counts pods; 1 when not "
                                          "given)") == 0);

  // One p5.48xlarge: 8 H100 × 24 h = 192 h, at AWS (a cloud service: scope 3).
  const estimate p5 = make_estimate(timed("p5.48xlarge", std::nullopt, "aws:us-east-1"), cat());
  CHECK(*p5.inputs.count == 8);
  CHECK(p5.accelerator_hours == Approx(192));
  CHECK(p5.context.provider_id == "aws");
  CHECK(p5.context.ownership == ownership::cloud);
  // 4 instances: 32 H100 × 24 h = 768 h.
  CHECK(make_estimate(timed("p5.48xlarge", 4, "aws:us-east-1"), cat()).accelerator_hours == Approx(768));

  // A plain TPU accelerator keeps counting chips: 256 × 24 h = 6,144 h, the trace says chips.
  const estimate chips = make_estimate(timed("tpu-v3", 256, "gcp:europe-west4"), cat());
  CHECK(*chips.inputs.count == 256);
  CHECK(chips.accelerator_hours == Approx(6144));
  CHECK(chips.find_trace("count")->note.find("256 TPU chips") == 0);
}

TEST_CASE("hardware units: hardware, provider and region that contradict are errors") {
  auto fails = [](scenario s, const char* field, const char* part) {
    CAPTURE(part);
    try {
      (void)make_estimate(s, cat());
      FAIL("no error");
    } catch (const input_error& e) {
      CHECK(e.field() == field);
      CHECK(std::string(e.what()).find(part) != std::string::npos);
    }
  };
  scenario s = timed("h100", 8, "gcp:europe-west4");
  s.provider = "aws";
  fails(s, "provider", "gcp (region gcp:europe-west4 belongs to gcp), or no provider");
  s = timed("p5.48xlarge", 1, nullptr);
  s.provider = "gcp";
  fails(s, "provider", "aws (hardware p5.48xlarge is an instance aws-p5.48xlarge of aws)");
  s = timed("p5.48xlarge", 1, "gcp:europe-west4");
  fails(s, "region", "a region of aws");
  // TPUs are only in Google Cloud: an AWS or Azure region, or provider, is an error.
  fails(timed("tpu-v4", 64, "aws:us-east-1"), "region", "TPU, sold only by Google Cloud");
  s = timed("v5p-128", 1, nullptr);
  s.provider = "azure";
  fails(s, "provider", "gcp (hardware v5p-128 is a Cloud TPU slice v5p-128 of gcp)");
  // The same provider by an alias agrees.
  s.provider = "google";
  CHECK_NOTHROW((void)make_estimate(s, cat()));
}

TEST_CASE("hardware units: a TPU outside a gcp: region takes Google's fleet PUE, with a note") {
  const auto& gcp = cat().find_provider("gcp");
  const double fleet = provider::latest(gcp.pue)->value;  // 1.09 (2024) in the shipped catalog
  const estimate e = make_estimate(timed("tpu-v4", 64, "FR"), cat());
  CHECK(e.find_trace("pue")->value == fleet);
  CHECK(e.context.provider_id == "gcp");
  CHECK(has_note(e, "provider gcp from the hardware (hardware tpu-v4 is a Cloud TPU, sold only by Google Cloud): "
                    "the fleet PUE and carbon-free share of Google Cloud are used; one of its regions (gcp:…) gives "
                    "the region's own"));
  // A given PUE, or a gcp: region, needs no note.
  scenario p = timed("tpu-v4", 64, "FR");
  p.pue = 1.2;
  CHECK_FALSE(has_note(make_estimate(p, cat()), "from the hardware"));
  CHECK_FALSE(has_note(make_estimate(timed("tpu-v4", 64, "gcp:europe-west4"), cat()), "from the hardware"));
}

TEST_CASE("notes: probably mistyped inputs are kept and said") {
  scenario s;
  s.params = 7e9;
  s.tokens = 20;
  s.hardware = "h100";
  s.count = 8;
  s.region = "FR";
  // 20 tokens: with B, 20e9 / 7e9 = 2.86 tokens per parameter, |ln(2.86/20)| = 1.95;
  // with T, 2,857 per parameter, |ln(142.9)| = 4.96; with M, |ln(0.000143)| = 8.85: B.
  CHECK(has_note(make_estimate(s, cat()), "did you mean 20B (2e+10 tokens)?"));
  s.tokens = 2e12;
  s.params = 7;
  CHECK(has_note(make_estimate(s, cat()), "params 7 is fewer than 10,000 parameters"));
  s.params = 7e9;
  CHECK_FALSE(has_note(make_estimate(s, cat()), "did you mean"));

  // Eight H100 in a laptop: kept, and a note says a laptop does not hold one.
  scenario l = timed("h100", 8, "FR");
  l.site_kind = "laptop";
  CHECK(has_note(make_estimate(l, cat()), "site_kind laptop with nvidia-h100-sxm5-80gb (a data-centre part)"));

  // A region by an alias says what it was read as; by its id (any case), nothing.
  CHECK(has_note(make_estimate(timed("h100", 8, "FRA"), cat()), "region FRA read as FR (France)"));
  CHECK_FALSE(has_note(make_estimate(timed("h100", 8, "fr"), cat()), "read as"));

  // mfu beside a time without a workload: not used, and nothing implies one.
  scenario m = timed("h100", 8, "FR");
  m.mfu = 0.4;
  CHECK(has_note(make_estimate(m, cat()), "`mfu` 0.4 is not used: the accelerator-hours come from `duration_h` × `count`, "
                                          "and without a workload"));
}
