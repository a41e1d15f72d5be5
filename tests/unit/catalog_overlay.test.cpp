// Overlays: user JSON files on top of the embedded catalog. New ids are added, an
// existing id is replaced only with "replace": true, and every problem is a
// data_error naming the file and the JSON pointer of the bad value.

#include <doctest/doctest.h>

#include <trainprint/catalog.hpp>
#include <trainprint/error.hpp>
#include <trainprint/estimator.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace trainprint;

namespace {

/// One source every overlay below may cite.
const std::string sources = R"("sources": {"mine": {"title": "My lab's measurements", "url": "https://example.org/lab",
                                          "year": 2026, "retrieved": "2026-11-26", "license": "facts"}})";

/// An overlay file's text: the shared sources plus `body` (one or more `"table": [...]` members).
std::string file_with(const std::string& body) { return "{" + sources + ", " + body + "}"; }

/// A fresh copy of the embedded catalog (overlay() mutates).
catalog fresh() { return catalog::with_overlays({}); }

/// A temporary file holding `text`, removed when it goes out of scope.
struct temp_file {
  std::filesystem::path path;
  temp_file(const std::string& name, const std::string& text)
      : path(std::filesystem::temp_directory_path() / ("trainprint-overlay-test-" + name)) {
    std::ofstream(path, std::ios::binary) << text;
  }
  ~temp_file() {
    std::error_code ec;
    std::filesystem::remove(path, ec);
  }
  temp_file(const temp_file&) = delete;
  temp_file& operator=(const temp_file&) = delete;
};

const std::string new_chip = file_with(R"("accelerators": [
  {"id": "acme-x1", "name": "ACME X1", "vendor": "ACME", "kind": "asic", "family": "acme",
   "tdp_w": 450, "tdp_kind": "measured_avg", "peak_tflops_dense": {"bf16": 500, "fp8": 1000},
   "aliases": ["x1", "ACME X1"], "source": "mine", "confidence": "medium"}])");

}  // namespace

TEST_CASE("catalog overlay: a new accelerator is added and found by id and alias") {
  catalog c = fresh();
  const auto before = c.accelerators().size();
  c.overlay(new_chip, "mine.json");
  CHECK(c.accelerators().size() == before + 1);
  const accelerator& a = c.find_accelerator("acme-x1");
  CHECK(&c.find_accelerator("X1") == &a);
  CHECK(&c.find_accelerator("acme x1") == &a);
  CHECK(*a.tdp_w == 450);
  CHECK(*a.peak_tflops(precision::bf16) == 500);
  REQUIRE(a.prov.source != nullptr);
  CHECK(a.prov.source->title == "My lab's measurements");
  CHECK(a.prov.citation() == "My lab's measurements (2026), https://example.org/lab");
  CHECK(c.get_source("mine") == a.prov.source);
  // The embedded catalog is untouched.
  CHECK(catalog::embedded().get_accelerator("acme-x1") == nullptr);
  // And the estimator uses it.
  scenario s;
  s.flops = 1e21;
  s.hardware = "x1";
  s.count = 8;
  s.mfu = 0.5;
  const auto e = make_estimate(s, c);
  CHECK(e.context.accelerator_id == "acme-x1");
}

TEST_CASE("catalog overlay: with_overlays reads files in order") {
  const temp_file first("first.json", new_chip);
  const temp_file second("second.json", file_with(R"("accelerators": [
    {"id": "acme-x1", "replace": true, "kind": "asic", "family": "acme", "tdp_w": 400,
     "peak_tflops_dense": {"bf16": 500}, "source": "mine", "confidence": "high"}])"));
  const std::vector<std::filesystem::path> files{first.path, second.path};
  const catalog c = catalog::with_overlays(files);
  CHECK(*c.find_accelerator("acme-x1").tdp_w == 400);
  CHECK(c.get_accelerator("x1") == nullptr);  // the replacement did not bring the alias
}

TEST_CASE("catalog overlay: redefining an existing id needs \"replace\": true") {
  catalog c = fresh();
  const std::string again = file_with(R"("accelerators": [
    {"id": "nvidia-h100-sxm5-80gb", "kind": "gpu", "family": "hopper", "tdp_w": 650,
     "peak_tflops_dense": {"bf16": 989.4}, "source": "mine", "confidence": "high"}])");
  CHECK_THROWS_WITH_AS(c.overlay(again, "mine.json"),
                       "[trainprint.data] mine.json#/accelerators/0/id: id 'nvidia-h100-sxm5-80gb' already "
                       "exists; set \"replace\": true to replace it",
                       data_error);
  try {
    c.overlay(again, "mine.json");
  } catch (const data_error& e) {
    CHECK(e.file() == "mine.json");
    CHECK(e.pointer() == "/accelerators/0/id");
  }
  // Case does not make a new id.
  const std::string upper = file_with(R"("accelerators": [
    {"id": "NVIDIA-H100-SXM5-80GB", "source": "mine", "confidence": "high"}])");
  CHECK_THROWS_WITH_AS(c.overlay(upper, "mine.json"),
                       "[trainprint.data] mine.json#/accelerators/0/id: id 'NVIDIA-H100-SXM5-80GB' already "
                       "exists; set \"replace\": true to replace it",
                       data_error);
  CHECK(*c.find_accelerator("h100").tdp_w == 700);
}

TEST_CASE("catalog overlay: \"replace\": true replaces the entry and drops its old aliases") {
  catalog c = fresh();
  const auto before = c.accelerators().size();
  c.overlay(file_with(R"("accelerators": [
    {"id": "nvidia-h100-sxm5-80gb", "replace": true, "name": "H100 capped at 500 W", "kind": "gpu",
     "family": "hopper", "tdp_w": 500, "tdp_kind": "measured_avg", "peak_tflops_dense": {"bf16": 989.4},
     "system": "nvidia-dgx-h100", "aliases": ["h100-500w"], "source": "mine", "confidence": "high"}])"),
            "mine.json");
  CHECK(c.accelerators().size() == before);
  const accelerator& a = c.find_accelerator("nvidia-h100-sxm5-80gb");
  CHECK(*a.tdp_w == 500);
  CHECK(&c.find_accelerator("h100-500w") == &a);
  CHECK(c.get_accelerator("h100") == nullptr);
  CHECK(c.get_accelerator("h100-sxm5") == nullptr);
  // Its old names are free for a new entry.
  c.overlay(file_with(R"("accelerators": [{"id": "h100", "kind": "gpu", "family": "hopper", "tdp_w": 700,
    "peak_tflops_dense": {"bf16": 989.4}, "source": "mine", "confidence": "low"}])"),
            "more.json");
  CHECK(c.find_accelerator("H100").id == "h100");
  // Other tables still point at the replaced entry by id.
  CHECK(c.find_system("dgx-h100").accelerator == "nvidia-h100-sxm5-80gb");
}

TEST_CASE("catalog overlay: replace must be true or false") {
  catalog c = fresh();
  CHECK_THROWS_WITH_AS(c.overlay(file_with(R"("accelerators": [
    {"id": "nvidia-h100-sxm5-80gb", "replace": "yes", "source": "mine", "confidence": "high"}])"),
                                 "mine.json"),
                       "[trainprint.data] mine.json#/accelerators/0/replace: expected true or false", data_error);
}

TEST_CASE("catalog overlay: a name that belongs to another entry is refused") {
  catalog c = fresh();
  // An alias that is another entry's alias.
  CHECK_THROWS_WITH_AS(c.overlay(file_with(R"("accelerators": [
    {"id": "my-chip", "aliases": ["fast", "A100"], "source": "mine", "confidence": "high"}])"),
                                 "mine.json"),
                       "[trainprint.data] mine.json#/accelerators/0: name 'A100' already names nvidia-a100-sxm4-80gb",
                       data_error);
  CHECK(c.get_accelerator("my-chip") == nullptr);
  CHECK(c.get_accelerator("fast") == nullptr);
  // An id that is another entry's alias: replace cannot take over someone else's name.
  CHECK_THROWS_WITH_AS(c.overlay(file_with(R"("accelerators": [
    {"id": "h100", "replace": true, "source": "mine", "confidence": "high"}])"),
                                 "mine.json"),
                       "[trainprint.data] mine.json#/accelerators/0/id: id 'h100' already names nvidia-h100-sxm5-80gb",
                       data_error);
  // Two entries of one file.
  CHECK_THROWS_WITH_AS(c.overlay(file_with(R"("regions": [
    {"id": "lab:a", "kind": "grid", "aliases": ["lab"], "source": "mine", "confidence": "high"},
    {"id": "lab:b", "kind": "grid", "aliases": ["LAB"], "source": "mine", "confidence": "high"}])"),
                                 "mine.json"),
                       "[trainprint.data] mine.json#/regions/1: name 'LAB' already names lab:a", data_error);
}

TEST_CASE("catalog overlay: a refused replacement leaves the old entry whole") {
  catalog c = fresh();
  CHECK_THROWS_AS(c.overlay(file_with(R"("accelerators": [
    {"id": "nvidia-h100-sxm5-80gb", "replace": true, "aliases": ["a100"], "source": "mine", "confidence": "high"}])"),
                            "mine.json"),
                  data_error);
  CHECK(c.find_accelerator("h100").id == "nvidia-h100-sxm5-80gb");
  CHECK(c.find_accelerator("h100-sxm5").id == "nvidia-h100-sxm5-80gb");
  CHECK(*c.find_accelerator("h100").tdp_w == 700);
  CHECK(c.find_accelerator("a100").id == "nvidia-a100-sxm4-80gb");
}

TEST_CASE("catalog overlay: a file refused half-way leaves the catalog as it was") {
  catalog c = fresh();
  const auto accelerators = c.accelerators().size();
  const auto regions = c.regions().size();
  // The first entry is fine, the second replaces FR, the third is broken: none of it stays.
  CHECK_THROWS_AS(c.overlay(file_with(R"("accelerators": [
    {"id": "acme-x1", "source": "mine", "confidence": "high"}],
    "regions": [
    {"id": "FR", "replace": true, "kind": "country", "intensity": {"gco2e_per_kwh": 999}, "source": "mine",
     "confidence": "low"},
    {"id": "lab:dc", "kind": "cloud", "grid": "atlantis", "source": "mine", "confidence": "high"}])"),
                            "mine.json"),
                  data_error);
  CHECK(c.accelerators().size() == accelerators);
  CHECK(c.regions().size() == regions);
  CHECK(c.get_accelerator("acme-x1") == nullptr);
  CHECK(c.find_region("france").intensity->gco2e_per_kwh == doctest::Approx(44.2));
  CHECK(c.get_source("mine") == nullptr);
  // And the same catalog takes a good file afterwards.
  c.overlay(new_chip, "mine.json");
  CHECK(c.find_accelerator("x1").id == "acme-x1");
}

TEST_CASE("catalog overlay: malformed JSON and a non-object are data errors") {
  catalog c = fresh();
  CHECK_THROWS_WITH_AS(c.overlay(R"({"accelerators": [)", "broken.json"),
                       "[trainprint.data] broken.json: malformed JSON: line 1, column 19: unexpected end of input; "
                       "expected '[', '{', or a literal",
                       data_error);
  CHECK_THROWS_WITH_AS(c.overlay("[1, 2]", "list.json"), "[trainprint.data] list.json: expected a JSON object",
                       data_error);
}

TEST_CASE("catalog overlay: a file with no known table is refused") {
  catalog c = fresh();
  CHECK_THROWS_WITH_AS(c.overlay(file_with(R"("gadgets": [{"id": "x"}])"), "gadgets.json"),
                       "[trainprint.data] gadgets.json: no catalog table found (expected accelerators, systems, "
                       "regions, providers, sources_of_energy, presets or equivalents)",
                       data_error);
}

TEST_CASE("catalog overlay: a wrong type names the JSON pointer") {
  catalog c = fresh();
  CHECK_THROWS_WITH_AS(c.overlay(file_with(R"("accelerators": [
    {"id": "acme-x1", "tdp_w": "450", "source": "mine", "confidence": "high"}])"),
                                 "mine.json"),
                       "[trainprint.data] mine.json#/accelerators/0/tdp_w: expected a number, got string", data_error);
  CHECK_THROWS_WITH_AS(c.overlay(file_with(R"("accelerators": [
    {"id": "acme-x1", "peak_tflops_dense": {"bf16": "fast"}, "source": "mine", "confidence": "high"}])"),
                                 "mine.json"),
                       "[trainprint.data] mine.json#/accelerators/0/peak_tflops_dense/bf16: expected a number, got "
                       "string",
                       data_error);
  CHECK_THROWS_WITH_AS(c.overlay(file_with(R"("accelerators": [
    {"id": "acme-x1", "peak_tflops_dense": {"bf17": 5}, "source": "mine", "confidence": "high"}])"),
                                 "mine.json"),
                       "[trainprint.data] mine.json#/accelerators/0/peak_tflops_dense/bf17: unknown precision 'bf17'",
                       data_error);
  CHECK_THROWS_WITH_AS(c.overlay(file_with(R"("accelerators": [{"id": 7, "source": "mine", "confidence": "high"}])"),
                                 "mine.json"),
                       "[trainprint.data] mine.json#/accelerators/0/id: expected a string, got number", data_error);
  CHECK_THROWS_WITH_AS(c.overlay(file_with(R"("accelerators": [
    {"id": "acme-x1", "tdp_w": -5, "source": "mine", "confidence": "high"}])"),
                                 "mine.json"),
                       "[trainprint.data] mine.json#/accelerators/0/tdp_w: expected a positive power", data_error);
  CHECK_THROWS_WITH_AS(c.overlay(file_with(R"("presets": [{"id": "mine", "scenario": {"gpu_hours": 10,
    "hardware": "h100"}, "reported": {"includes_pue": "yes"}, "source": "mine", "confidence": "high"}])"),
                                 "mine.json"),
                       "[trainprint.data] mine.json#/presets/0/reported/includes_pue: expected true or false",
                       data_error);
}

TEST_CASE("catalog overlay: provenance is required and must resolve") {
  catalog c = fresh();
  CHECK_THROWS_WITH_AS(c.overlay(file_with(R"("accelerators": [
    {"id": "acme-x1", "source": "somewhere", "confidence": "high"}])"),
                                 "mine.json"),
                       "[trainprint.data] mine.json#/accelerators/0/source: unknown source 'somewhere' (not in this "
                       "file's \"sources\")",
                       data_error);
  CHECK_THROWS_WITH_AS(c.overlay(file_with(R"("accelerators": [{"id": "acme-x1", "confidence": "high"}])"),
                                 "mine.json"),
                       "[trainprint.data] mine.json#/accelerators/0: missing field 'source'", data_error);
  CHECK_THROWS_WITH_AS(c.overlay(file_with(R"("accelerators": [
    {"id": "acme-x1", "source": "mine", "confidence": "sure"}])"),
                                 "mine.json"),
                       "[trainprint.data] mine.json#/accelerators/0/confidence: expected high, medium or low, got "
                       "'sure'",
                       data_error);
}

TEST_CASE("catalog overlay: a mix must sum to 1 and name known energy sources") {
  catalog c = fresh();
  CHECK_THROWS_WITH_AS(c.overlay(file_with(R"("regions": [{"id": "lab:grid", "kind": "grid",
    "mix": {"shares": {"coal": 0.5, "wind": 0.4}}, "source": "mine", "confidence": "high"}])"),
                                 "mine.json"),
                       "[trainprint.data] mine.json#/regions/0/mix/shares: shares sum to 0.9, expected 1 (±0.001)",
                       data_error);
  CHECK_THROWS_WITH_AS(c.overlay(file_with(R"("regions": [{"id": "lab:grid", "kind": "grid",
    "mix": {"shares": {"coal": 0.5, "sunshine": 0.5}}, "source": "mine", "confidence": "high"}])"),
                                 "mine.json"),
                       "[trainprint.data] mine.json#/regions/0/mix/shares/sunshine: unknown energy source 'sunshine'",
                       data_error);
  // The refused files left nothing behind.
  CHECK(c.get_region("lab:grid") == nullptr);
  // Within ±0.001 is accepted.
  c.overlay(file_with(R"("regions": [{"id": "lab:grid2", "kind": "grid",
    "mix": {"shares": {"coal": 0.5, "wind": 0.5005}}, "source": "mine", "confidence": "high"}])"),
            "mine.json");
  CHECK(c.find_region("lab:grid2").mix.has_value());
}

TEST_CASE("catalog overlay: references to other tables must resolve") {
  catalog c = fresh();
  CHECK_THROWS_WITH_AS(c.overlay(file_with(R"("accelerators": [
    {"id": "acme-x1", "system": "acme-box", "source": "mine", "confidence": "high"}])"),
                                 "mine.json"),
                       "[trainprint.data] mine.json#/accelerators/0/system: unknown system 'acme-box'", data_error);
  catalog c2 = fresh();
  CHECK_THROWS_WITH_AS(c2.overlay(file_with(R"("systems": [{"id": "acme-box", "kind": "server",
    "accelerator": "acme-x1", "accelerators": 8, "source": "mine", "confidence": "high"}])"),
                                  "mine.json"),
                       "[trainprint.data] mine.json#/systems/0/accelerator: unknown accelerator 'acme-x1'",
                       data_error);
  catalog c3 = fresh();
  CHECK_THROWS_WITH_AS(c3.overlay(file_with(R"("regions": [{"id": "lab:dc", "kind": "cloud", "grid": "atlantis",
    "source": "mine", "confidence": "high"}])"),
                                  "mine.json"),
                       "[trainprint.data] mine.json#/regions/0/grid: unknown region 'atlantis' referenced by lab:dc",
                       data_error);
  catalog c4 = fresh();
  CHECK_THROWS_WITH_AS(c4.overlay(file_with(R"("presets": [{"id": "my-run", "scenario": {"gpu_hours": 1000,
    "hardware": "h100-sxm6"}, "source": "mine", "confidence": "high"}])"),
                                  "mine.json"),
                       "[trainprint.data] mine.json#/presets/0/scenario/hardware: unknown accelerator 'h100-sxm6'",
                       data_error);
}

TEST_CASE("catalog overlay: a region overlay resolves through its grid") {
  catalog c = fresh();
  c.overlay(file_with(R"("regions": [{"id": "lab:paris", "kind": "cloud", "name": "Our Paris room",
    "country": "FR", "grid": "FR", "pue": {"value": 1.3, "year": 2026}, "source": "mine", "confidence": "high"}])"),
            "mine.json");
  const region& r = c.find_region("lab:paris");
  const region* g = c.grid_of(r);
  REQUIRE(g != nullptr);
  CHECK(g->id == "FR");
  REQUIRE(r.pue);
  CHECK(r.pue->value == doctest::Approx(1.3));
  CHECK(r.pue->prov.source == c.get_source("mine"));  // the entry's source by default
}

TEST_CASE("catalog overlay: with_overlays on a missing file names it") {
  const std::filesystem::path missing = std::filesystem::temp_directory_path() / "trainprint-no-such-file.json";
  const std::vector<std::filesystem::path> files{missing};
  CHECK_THROWS_WITH_AS((void)catalog::with_overlays(files),
                       ("[trainprint.data] " + missing.string() + ": cannot open the file for reading").c_str(),
                       data_error);
}

TEST_CASE("catalog overlay: with_overlays reports the file the problem is in") {
  const temp_file good("good.json", new_chip);
  const temp_file bad("bad.json", file_with(R"("accelerators": [
    {"id": "acme-x2", "tdp_w": "450", "source": "mine", "confidence": "high"}])"));
  const std::vector<std::filesystem::path> files{good.path, bad.path};
  CHECK_THROWS_WITH_AS((void)catalog::with_overlays(files),
                       ("[trainprint.data] " + bad.path.string() + "#/accelerators/0/tdp_w: expected a number, got string")
                           .c_str(),
                       data_error);
}

TEST_CASE("catalog overlay: overlay_problems lists every bad entry and changes nothing") {
  catalog c = catalog::with_overlays({});
  const auto before = c.accelerators().size();
  // Entry 0: wrong type; entry 1: fine; entry 2: redefines an id; entry 3: unknown source.
  const auto problems = c.overlay_problems(R"({"sources": {"me": {"title": "My lab", "year": 2026, "license": "facts"}},
    "accelerators": [
      {"id": "lab-gpu-1", "tdp_w": "700", "source": "me", "confidence": "high"},
      {"id": "lab-gpu-2", "tdp_w": 300, "source": "me", "confidence": "high"},
      {"id": "nvidia-h100-sxm5-80gb", "tdp_w": 650, "source": "me", "confidence": "high"},
      {"id": "lab-gpu-3", "tdp_w": 300, "source": "nobody", "confidence": "high"}]})",
                                           "mine.json");
  CHECK(problems == std::vector<std::string>{
                        "[trainprint.data] mine.json#/accelerators/0/tdp_w: expected a number, got string",
                        "[trainprint.data] mine.json#/accelerators/2/id: id 'nvidia-h100-sxm5-80gb' already exists; "
                        "set \"replace\": true to replace it",
                        "[trainprint.data] mine.json#/accelerators/3/source: unknown source 'nobody' (not in this "
                        "file's \"sources\")"});
  CHECK(c.accelerators().size() == before);
  CHECK(c.get_accelerator("lab-gpu-2") == nullptr);
  // A good file has no problems, and is not loaded either.
  CHECK(c.overlay_problems(R"({"sources": {"me": {"title": "My lab", "year": 2026, "license": "facts"}},
    "accelerators": [{"id": "lab-gpu-2", "tdp_w": 300, "source": "me", "confidence": "high"}]})",
                           "good.json")
            .empty());
  CHECK(c.get_accelerator("lab-gpu-2") == nullptr);
}
