// find_hardware (hardware_units.hpp): an accelerator, a system (cloud instance, server, pod) or a
// Cloud TPU slice named as Google names it.

#include <fmt/format.h>

#include <array>
#include <charconv>

#include "hardware_units.hpp"
#include "text.hpp"
#include "trainprint/error.hpp"

namespace trainprint::inline v0 {

namespace {

using text::lower;

/// How Google names the slices of one TPU generation: `<name>-<N>`, where N counts
/// TensorCores (2 per chip) for v2, v3, v4 and v5p and chips (1 TensorCore each) for
/// v5e and v6e. Sources, Google Cloud TPU system architecture pages:
///   v2  https://cloud.google.com/tpu/docs/v2  (a pod is 256 chips = 512 TensorCores; "v2-128" = 128 TensorCores)
///   v3  https://cloud.google.com/tpu/docs/v3  (two TensorCores per chip; "v3-128" = 128 TensorCores)
///   v4  https://cloud.google.com/tpu/docs/v4  (two TensorCores per chip)
///   v5p https://cloud.google.com/tpu/docs/v5p (shapes table: 8 cores = 4 chips ... 12288 cores = 6144 chips)
///   v5e https://cloud.google.com/tpu/docs/v5e (one TensorCore per chip; AcceleratorType "v5litepod-<chips>")
///   v6e https://cloud.google.com/tpu/docs/v6e (one TensorCore per chip; "v6e-<chips>")
struct slice_rule {
  std::string_view name;         ///< the slice name's version part, as Google writes it
  std::string_view alias;        ///< another spelling users write ("" when none)
  std::string_view accelerator;  ///< the catalog accelerator (an alias it has)
  int cores_per_chip;
  std::string_view source;
};
constexpr std::array<slice_rule, 6> slice_rules{{
    {"v2", "", "tpu-v2", 2, "https://cloud.google.com/tpu/docs/v2"},
    {"v3", "", "tpu-v3", 2, "https://cloud.google.com/tpu/docs/v3"},
    {"v4", "", "tpu-v4", 2, "https://cloud.google.com/tpu/docs/v4"},
    {"v5p", "", "tpu-v5p", 2, "https://cloud.google.com/tpu/docs/v5p"},
    {"v5litepod", "v5e", "tpu-v5e", 1, "https://cloud.google.com/tpu/docs/v5e"},
    {"v6e", "", "tpu-v6e", 1, "https://cloud.google.com/tpu/docs/v6e"},
}};

/// "v3-256", "tpu-v3-256", "tpuv3-256", "v5e-16": the rule and N; nullptr when `id`
/// is not a slice name.
const slice_rule* parse_slice(std::string_view id, long long& n) {
  const std::string low = lower(id);
  std::string_view v = low;
  if (v.starts_with("tpu-")) v.remove_prefix(4);
  else if (v.starts_with("tpu")) v.remove_prefix(3);
  const auto dash = v.rfind('-');
  if (dash == std::string_view::npos || dash + 1 == v.size()) return nullptr;
  const std::string_view head = v.substr(0, dash), digits = v.substr(dash + 1);
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
  if (ec != std::errc{} || end != digits.data() + digits.size()) return nullptr;
  for (const auto& r : slice_rules)
    if (head == r.name || (!r.alias.empty() && head == r.alias)) return &r;
  return nullptr;
}

std::string unit_kind(const system_profile& s) {
  if (s.kind == "cloud_instance") return "instance";
  return s.kind.empty() ? std::string("system") : s.kind;
}

}  // namespace

hardware_unit find_hardware(const catalog& cat, std::string_view id) {
  hardware_unit u;
  if ((u.acc = cat.get_accelerator(id))) return u;
  if (const system_profile* s = cat.get_system(id)) {
    u.acc = &cat.find_accelerator(s->accelerator);
    u.kind = unit_kind(*s);
    u.id = s->id;
    u.accelerators = s->accelerators;
    u.provider = s->provider;
    u.basis = fmt::format("{} holds {} × {} ({})", s->id, s->accelerators, u.acc->id, s->prov.citation());
    return u;
  }
  long long n = 0;
  if (const slice_rule* r = parse_slice(id, n)) {
    u.acc = &cat.find_accelerator(r->accelerator);
    const system_profile* pod = u.acc->system.empty() ? nullptr : cat.get_system(u.acc->system);
    const long long pod_chips = pod ? pod->accelerators : 0;
    const std::string unit = r->cores_per_chip == 1 ? "chips" : "TensorCores";
    const std::string per = r->cores_per_chip == 1 ? "one TensorCore per chip" : "2 TensorCores per chip";
    if (n < r->cores_per_chip || n % r->cores_per_chip != 0 || (pod_chips > 0 && n / r->cores_per_chip > pod_chips))
      throw input_error("hardware", std::string(id),
                        fmt::format("{} slice named by its {} ({}): {}-N with N {}{} (e.g. {}-{}; {})", text::with_article(r->name), unit,
                                    per, r->name, r->cores_per_chip == 2 ? "even, " : "",
                                    pod_chips > 0 ? fmt::format("at most {} (a whole pod)", pod_chips * r->cores_per_chip)
                                                  : std::string("at least 1"),
                                    r->name, 8, r->source));
    u.kind = "slice";
    u.id = fmt::format("{}-{}", r->name, n);
    u.accelerators = static_cast<int>(n / r->cores_per_chip);
    u.provider = pod ? pod->provider : std::string("gcp");
    u.basis = r->cores_per_chip == 1
                  ? fmt::format("{} slices are named by chips ({}): {} = {} chips ({})", r->name, per, u.id,
                                u.accelerators, r->source)
                  : fmt::format("{} slices are named by TensorCores ({}): {} = {} / 2 = {} chips ({})", r->name, per,
                                u.id, n, u.accelerators, r->source);
    return u;
  }
  u.acc = &cat.find_accelerator(id);  // throws with the closest accelerator ids
  return u;
}

}  // namespace trainprint::inline v0
