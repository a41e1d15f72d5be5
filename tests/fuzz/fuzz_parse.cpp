// Numbers as people type them: parse_number, parse_duration, parse_ratio,
// parse_mix and set_input (on a key chosen by the first byte). Invariants: only
// trainprint::error escapes; a parsed number is not NaN; a duration is finite and
// positive; a ratio is finite.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "check.hpp"
#include "trainprint/compare.hpp"
#include "trainprint/estimator.hpp"
#include "trainprint/parse.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace trainprint;
  if (size == 0 || size > 4096) return -1;
  const auto& keys = input_names();
  const std::string& key = keys[data[0] % keys.size()];
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  fuzz::only_trainprint_errors([&] {
    const double v = parse_number(text, "n");
    if (std::isnan(v)) fuzz::fail("parse_number gave NaN");
  });
  fuzz::only_trainprint_errors([&] {
    const double h = parse_duration(text, "d").count();
    if (!std::isfinite(h) || h <= 0) fuzz::fail("parse_duration gave " + std::to_string(h));
  });
  fuzz::only_trainprint_errors([&] {
    const double r = parse_ratio(text, "r");
    if (!std::isfinite(r)) fuzz::fail("parse_ratio gave " + std::to_string(r));
  });
  fuzz::only_trainprint_errors([&] {
    const auto m = parse_mix(text);
    for (const auto& [id, share] : m.shares)
      if (std::isnan(share)) fuzz::fail("parse_mix gave NaN for " + id);
  });
  // set_input on a workable base scenario, then estimate it.
  fuzz::only_trainprint_errors([&] {
    scenario s;
    s.gpu_hours = 1000;
    s.count = 8;
    s.hardware = "h100";
    s.region = "FR";
    set_input(s, key, text);
    fuzz::check_estimate(make_estimate(s));
  });
  return 0;
}
