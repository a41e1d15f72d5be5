// Typed inputs (see typed_inputs.hpp): the CLI's flags and the browser page's fields.

#include "trainprint/typed_inputs.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>

#include "trainprint/compare.hpp"
#include "trainprint/error.hpp"
#include "trainprint/estimator.hpp"
#include "trainprint/inputs.hpp"
#include "trainprint/parse.hpp"

namespace trainprint::inline v0 {

scenario scenario_from_text(std::vector<std::pair<std::string, std::string>> inputs) {
  // Table order, as the CLI has always read its flags; unknown names last (set_input names them).
  auto row = [](const std::string& key) {
    const input_info* i = find_input(key);
    return i ? static_cast<std::size_t>(i - scenario_inputs.data()) : scenario_inputs.size();
  };
  std::stable_sort(inputs.begin(), inputs.end(), [&](const auto& a, const auto& b) { return row(a.first) < row(b.first); });
  // set_input and merge() let a new workload or site input replace the old ones (as
  // over a preset); among typed inputs, which are one source, nothing replaces
  // anything: each sets its own field, --region FR --intensity 50 keeps both, and
  // validate() reports a conflict such as flops with gpu_hours.
  scenario f;
  for (const auto& [key, text] : inputs) {
    scenario one;
    set_input(one, key, text);
    const scenario before = f;
    f = merge(f, one);
    // merge() dropped f's workload (or site) for one's: keep each workload and site input one
    // did not set, and the ranges of the values kept.
    for (const auto& i : scenario_inputs)
      if ((i.group == "Workload" || i.group == "Site") && !input_is_set(f, i) && input_is_set(before, i))
        copy_input(f, before, i);
    for (const auto& [name, r] : before.ranges)
      if (!one.ranges.count(name) && !point_value(one, name)) f.ranges.insert_or_assign(name, r);
  }
  return f;
}

std::optional<uncertainty_options> uncertainty_from_text(bool on, const std::optional<std::string>& samples,
                                                        const std::optional<std::string>& seed,
                                                        const std::optional<std::string>& threads) {
  if (!on && !samples && !seed && !threads) return std::nullopt;
  auto whole = [](const std::string& text, const char* what, double lo, double hi) {
    const double v = parse_number(text, what, "a whole number, e.g. " + detail::num(std::max(lo, 1.0) * 10));
    if (!(v >= lo && v <= hi) || std::floor(v) != v)
      throw input_error(what, detail::num(v) == text ? text : "'" + text + "' (" + detail::num(v) + ")",
                        "a whole number " + detail::num(lo) + " <= " + std::string(what) + " <= " + detail::num(hi));
    return v;
  };
  uncertainty_options u;
  if (samples)
    u.samples = static_cast<std::uint64_t>(whole(*samples, "samples", static_cast<double>(min_uncertainty_samples), 1e9));
  if (seed) {
    // At most 2^53, the largest whole number a JSON reader keeps exactly. Digits alone are read
    // as an integer, exactly: as a double, 9007199254740993 would become 2^53 without a word.
    constexpr std::uint64_t most = std::uint64_t{1} << 53;
    const std::string& t = *seed;
    if (!t.empty() && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      std::uint64_t v = 0;
      const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
      if (ec != std::errc{} || end != t.data() + t.size() || v > most)
        throw input_error("seed", t, "a whole number 0 <= seed <= 9007199254740992 (2^53)");
      u.seed = v;
    } else {
      u.seed = static_cast<std::uint64_t>(whole(t, "seed", 0, static_cast<double>(most)));
    }
  }
  if (threads) u.threads = static_cast<unsigned>(whole(*threads, "threads", 1, 256));
  validate(u);
  return u;
}

}  // namespace trainprint::inline v0
