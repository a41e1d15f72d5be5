// Catalog overlay JSON → catalog::overlay on a fresh catalog. Invariants: only
// trainprint::error escapes; a failed overlay leaves the catalog as it was; after
// a successful one, the catalog still estimates (finite, non-negative results).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "check.hpp"
#include "trainprint/catalog.hpp"
#include "trainprint/estimator.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace trainprint;
  if (size > 64 * 1024) return -1;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  // A fresh catalog for each input; a failed overlay restores it (all or nothing),
  // so it is rebuilt only after a successful one: the embedded tables take tens of
  // milliseconds to load under the sanitizers.
  static std::unique_ptr<catalog> fresh;
  if (!fresh) fresh = std::make_unique<catalog>(catalog::with_overlays({}));
  catalog& cat = *fresh;
  const auto n_acc = cat.accelerators().size(), n_reg = cat.regions().size();
  const bool ok = fuzz::only_trainprint_errors([&] { cat.overlay(text, "<fuzz>"); });
  if (!ok && (cat.accelerators().size() != n_acc || cat.regions().size() != n_reg))
    fuzz::fail("a failed overlay changed the catalog");
  // Estimate with every accelerator and region the overlay may have added or replaced.
  const auto& accs = cat.accelerators();
  const auto& regs = cat.regions();
  for (std::size_t i = ok ? 0 : accs.size(); i < accs.size() && i < 4; ++i) {
    const auto& a = accs[accs.size() - 1 - i];
    for (std::size_t k = 0; k < regs.size() && k < 3; ++k) {
      scenario s;
      s.gpu_hours = 1000;
      s.count = 8;
      s.hardware = a.id;
      s.region = regs[regs.size() - 1 - k].id;
      fuzz::only_trainprint_errors([&] { fuzz::check_estimate(make_estimate(s, cat)); });
    }
  }
  if (ok) {
    const auto& presets = cat.presets();
    if (!presets.empty())
      fuzz::only_trainprint_errors([&] { fuzz::check_estimate(make_estimate(presets.back().scenario, cat)); });
    fresh.reset();
  }
  return 0;
}
