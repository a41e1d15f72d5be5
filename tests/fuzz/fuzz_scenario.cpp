// Scenario JSON → estimate (and, for half of the inputs, with uncertainty at a
// small sample count). Invariants: see check.hpp.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "check.hpp"
#include "trainprint/estimator.hpp"
#include "trainprint/json.hpp"
#include "trainprint/uncertainty.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace trainprint;
  if (size > 64 * 1024) return -1;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  scenario s;
  if (!fuzz::only_trainprint_errors([&] { s = parse_scenario(text, "<fuzz>"); })) return 0;
  fuzz::only_trainprint_errors([&] { fuzz::check_estimate(make_estimate(s)); });
  // Uncertainty at a small sample count; the size picks it so both paths stay covered.
  if (size % 2 == 0)
    fuzz::only_trainprint_errors([&] {
      fuzz::check_estimate(make_estimate(s, catalog::embedded(), uncertainty_options{.samples = 64, .seed = size}));
    });
  return 0;
}
