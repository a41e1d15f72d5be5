// A sustainability report (report.hpp): a 70B model on 2,048 A100s in two cloud
// regions, with 90% intervals from a Monte Carlo, written as report.html.
#include <trainprint/trainprint.hpp>

#include <filesystem>
#include <fstream>

int main() {
  using namespace trainprint;
  scenario s;
  s.params = 70e9;
  s.tokens = 2e12;
  s.hardware = "a100-80gb";
  s.count = 2048;
  report_options o;
  o.uncertainty = uncertainty_options{.samples = 2000, .seed = 42};
  const report r = make_report(s, "region", {"aws:eu-north-1", "gcp:us-central1"}, catalog::embedded(), o);
  const auto path = std::filesystem::temp_directory_path() / "trainprint-example-report.html";
  std::ofstream(path) << r.text;
  fmt::print("{} bytes of HTML in {}\n", r.text.size(), path.string());
}
