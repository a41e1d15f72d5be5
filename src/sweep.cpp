// Cartesian sweeps over scenario inputs (see include/trainprint/sweep.hpp).

#include "trainprint/sweep.hpp"

#include <algorithm>

#include "trainprint/compare.hpp"
#include "trainprint/error.hpp"
#include "trainprint/estimator.hpp"

namespace trainprint::inline v0 {
namespace {

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const auto end = s.find(sep, start);
    std::string v(s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    const auto a = v.find_first_not_of(" \t");
    const auto b = v.find_last_not_of(" \t");
    out.push_back(a == std::string::npos ? std::string{} : v.substr(a, b - a + 1));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

/// `s` with the axes' values at `idx` applied.
scenario with_values(const scenario& base, std::span<const sweep_axis> axes, const std::vector<std::size_t>& idx) {
  scenario s = base;
  for (std::size_t a = 0; a < axes.size(); ++a) set_input(s, axes[a].key, axes[a].values[idx[a]]);
  return s;
}

}  // namespace

sweep_axis parse_axis(std::string_view text, std::string_view what) {
  const std::string w(what);
  const auto eq = text.find('=');
  if (eq == std::string_view::npos || eq == 0 || eq + 1 == text.size())
    throw input_error(w, "'" + std::string(text) + "'", "KEY=V1,V2,… such as region=FR,PL,US-VA");
  sweep_axis axis;
  axis.key = std::string(text.substr(0, eq));
  const bool is_mix = canonical_input_name(axis.key) == "mix";
  axis.values = split(text.substr(eq + 1), is_mix ? ';' : ',');
  for (const auto& v : axis.values)
    if (v.empty())
      throw input_error(w, "'" + std::string(text) + "'",
                        std::string("KEY=V1,V2,… with no empty value") + (is_mix ? " (mix values separated by ';')" : ""));
  // The key must be a scenario input, and every value must parse.
  for (const auto& v : axis.values) {
    scenario scratch;
    try {
      set_input(scratch, axis.key, v);
    } catch (const input_error& e) {
      if (e.field() != "key") throw;
      throw input_error(w, "'" + axis.key + "'", e.expected());
    }
  }
  return axis;
}

std::uint64_t sweep_size(std::span<const sweep_axis> axes) {
  if (axes.empty()) throw input_error("vary", "", "at least one --vary KEY=V1,V2,…");
  std::uint64_t n = 1;
  for (std::size_t a = 0; a < axes.size(); ++a) {
    for (std::size_t b = 0; b < a; ++b)
      if (canonical_input_name(axes[a].key) == canonical_input_name(axes[b].key))
        throw input_error("vary", "'" + axes[a].key + "' twice", "each key once");
    if (axes[a].values.empty())
      throw input_error("vary", "'" + axes[a].key + "' with no values", "KEY=V1,V2,…");
    if (n > max_sweep_combinations / axes[a].values.size())
      throw input_error("vary", "more than " + detail::num(static_cast<double>(max_sweep_combinations)) + " combinations",
                        "at most " + detail::num(static_cast<double>(max_sweep_combinations)));
    n *= axes[a].values.size();
  }
  return n;
}

void sweep(const scenario& base, std::span<const sweep_axis> axes, const sweep_callback& on_row, const catalog& cat,
           trace_level level) {
  (void)sweep_size(axes);
  // Try every value once, so a bad one fails before the first row.
  std::vector<std::size_t> idx(axes.size(), 0);
  for (std::size_t a = 0; a < axes.size(); ++a)
    for (std::size_t v = (a == 0 ? 0 : 1); v < axes[a].values.size(); ++v) {
      auto probe = idx;
      probe[a] = v;
      (void)make_estimate(with_values(base, axes, probe), cat, level);
    }

  // prefix[a] is `base` with axes 0..a-1 applied at idx, so a row that turns only
  // the last axis costs one set_input, not one per axis (the same calls in the same
  // order as with_values, so the same scenario).
  const std::size_t n = axes.size();
  std::vector<scenario> prefix(n + 1);
  prefix[0] = base;
  auto rebuild = [&](std::size_t from) {
    for (std::size_t a = from; a < n; ++a) {
      prefix[a + 1] = prefix[a];
      set_input(prefix[a + 1], axes[a].key, axes[a].values[idx[a]]);
    }
  };
  rebuild(0);
  std::vector<std::string> values(n);
  for (std::size_t a = 0; a < n; ++a) values[a] = axes[a].values[idx[a]];
  std::uint64_t index = 0;
  while (true) {
    const estimate e = make_estimate(prefix[n], cat, level);
    on_row(sweep_row{index++, values, e});
    // Odometer: the last axis turns fastest.
    std::size_t a = n;
    while (a > 0) {
      --a;
      if (++idx[a] < axes[a].values.size()) break;
      idx[a] = 0;
      if (a == 0) return;
    }
    for (std::size_t b = a; b < n; ++b) values[b] = axes[b].values[idx[b]];
    rebuild(a);
  }
}

}  // namespace trainprint::inline v0
