// Cartesian sweeps over scenario inputs (see include/trainprint/sweep.hpp).

#include "trainprint/sweep.hpp"

#include "axis_values.hpp"
#include "text.hpp"
#include "trainprint/detail/sweep_rows.hpp"


#include <algorithm>
#include <cmath>
#include <exception>
#include <optional>

#include "trainprint/compare.hpp"
#include "trainprint/detail/sweep.hpp"
#include "trainprint/error.hpp"
#include "trainprint/estimator.hpp"
#include "trainprint/plain.hpp"
#include "trainprint/uncertainty.hpp"

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

/// A row's scenario: `given` (the base with the row's values set) over `earlier`
/// when there is one (merge(): a swept site input replaces a preset's site inputs).
scenario over(const scenario* earlier, const scenario& given) { return earlier ? merge(*earlier, given) : given; }

/// `base` with the axes' values at `idx` applied, over `earlier`.
scenario with_values(const scenario* earlier, const scenario& base, std::span<const sweep_axis> axes,
                     const std::vector<std::size_t>& idx) {
  scenario s = base;
  for (std::size_t a = 0; a < axes.size(); ++a) set_input(s, axes[a].key, axes[a].values[idx[a]]);
  return over(earlier, s);
}

/// Odometer: turns `idx` to the next combination, the last axis fastest; the first
/// axis that took a new value (those after it wrapped to their first), or nullopt
/// once every combination has been seen.
std::optional<std::size_t> advance(std::vector<std::size_t>& idx, std::span<const sweep_axis> axes) {
  std::size_t a = idx.size();
  while (a > 0) {
    --a;
    if (++idx[a] < axes[a].values.size()) return a;
    idx[a] = 0;
  }
  return std::nullopt;
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
  // The key must be a scenario input, and every value must parse; a value given twice
  // (FR,FR; 512,0.512k; h100,H100) would give two equal rows: refused, naming it.
  std::vector<scenario> read;
  for (const auto& v : axis.values) {
    scenario scratch;
    try {
      set_input(scratch, axis.key, v);
    } catch (const input_error& e) {
      if (e.field() != "key") throw;
      throw input_error(w, "'" + axis.key + "'", e.expected());
    }
    for (const auto& i : scenario_inputs)  // ids are looked up in any case
      if (i.kind == input_kind::text && scratch.*i.text)
        text::lower_in_place(*(scratch.*i.text));
    for (std::size_t k = 0; k < read.size(); ++k)
      if (read[k] == scratch)
        throw input_error(w, "'" + std::string(text) + "'",
                          "each value once: " + axis.key + " " +
                              (axis.values[k] == v ? "'" + v + "' is given twice"
                                                   : "'" + axis.values[k] + "' and '" + v + "' are the same value"));
    read.push_back(std::move(scratch));
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

namespace {

/// A row's estimate: with the Monte Carlo at `options` when given (every row, its check of
/// impossible samples at those samples and seed), else make_estimate() at `level`.
estimate row_estimate(const scenario& s, const catalog& cat, trace_level level, const uncertainty_options* options) {
  return options ? make_estimate(s, cat, *options) : make_estimate(s, cat, level);
}

/// Tries every value once (with the other axes at their first value), so a bad one
/// fails before the first row.
/// With `rows_fail` (sweep_rows()), only a typo in an id fails here: a value that cannot be
/// estimated is a row with its error.
void try_each_value(const scenario* earlier, const scenario& base, std::span<const sweep_axis> axes, const catalog& cat,
                    trace_level level, bool rows_fail = false, const uncertainty_options* options = nullptr) {
  for (const auto& a : axes) detail::refuse_same_entries(a.key, a.values, cat, "vary");  // France,FR: one region twice
  std::vector<std::size_t> idx(axes.size(), 0);
  for (std::size_t a = 0; a < axes.size(); ++a)
    for (std::size_t v = (a == 0 ? 0 : 1); v < axes[a].values.size(); ++v) {
      auto probe = idx;
      probe[a] = v;
      try {
        (void)row_estimate(with_values(earlier, base, axes, probe), cat, level, options);
      } catch (const unknown_key_error&) {
        throw;
      } catch (const error&) {
        if (!rows_fail) throw;
      }
    }
}

/// Calls `on_error` (when there is one) with the trainprint::error being handled, other than
/// unknown_key_error; else rethrows it.
void row_failed(const detail::sweep_error_callback* on_error, std::uint64_t index, std::span<const std::string> values) {
  const std::exception_ptr x = std::current_exception();
  try {
    std::rethrow_exception(x);
  } catch (const unknown_key_error&) {
    throw;
  } catch (const error& e) {
    if (!on_error) throw;
    (*on_error)(detail::sweep_error_row{index, values, e.what(), x});
  }
}

/// An input that sets exactly one model input, to the value given, whatever else
/// the scenario holds (resolve(): a user's value is taken as it is), and that
/// validate() checks on its own: a sweep patches it into the resolved inputs
/// instead of resolving again.
enum class patch { none, mfu, pue, wue, intensity, ewif, cfe, lifetime_years, price_usd_per_kwh, hourly_price_usd };

patch patch_of(std::string_view canonical) {
  static constexpr std::pair<std::string_view, patch> keys[] = {
      {"mfu", patch::mfu},
      {"pue", patch::pue},
      {"wue", patch::wue},
      {"intensity", patch::intensity},
      {"ewif", patch::ewif},
      {"cfe", patch::cfe},
      {"lifetime_years", patch::lifetime_years},
      {"price_usd_per_kwh", patch::price_usd_per_kwh},
      {"hourly_price_usd", patch::hourly_price_usd},
  };
  for (const auto& [k, p] : keys)
    if (k == canonical) return p;
  return patch::none;
}

/// What resolve() makes of the input: the same assignment, under the same condition.
void apply(model_inputs& in, patch p, double v) {
  switch (p) {
    case patch::none: break;
    case patch::mfu:  // read on the flops path only
      if (in.path == model_inputs::workload_path::flops) in.mfu = v;
      break;
    case patch::pue: in.pue = v; break;
    case patch::wue: in.wue_l_per_kwh = v; break;
    case patch::intensity: in.intensity_g_per_kwh = v; break;
    case patch::ewif: in.ewif_l_per_kwh = v; break;
    case patch::cfe: in.cfe = v; break;
    case patch::lifetime_years:  // read only with embodied emissions
      if (in.embodied) in.lifetime_years = v;
      break;
    case patch::price_usd_per_kwh: in.price_usd_per_kwh = v; break;
    case patch::hourly_price_usd: in.hourly_price_usd = v; break;
  }
}

/// set_input() replaces the workload for these keys (a merge), so their order matters.
bool is_workload_key(std::string_view k) {
  return k == "params" || k == "active_params" || k == "tokens" || k == "flops" || k == "gpu_hours" ||
         k == "duration_h";
}

bool has_range(std::string_view canonical, const std::vector<std::string>& values) {
  if (!is_rangeable(canonical)) return false;
  return std::any_of(values.begin(), values.end(), [](const std::string& v) { return v.find(':') != std::string::npos; });
}

/// sweep() of `base` over `earlier` (null: none).
/// `options` non-null: every row with the Monte Carlo at those options.
std::uint64_t sweep_over(const scenario* earlier, const scenario& base, std::span<const sweep_axis> axes,
                         const sweep_callback& on_row, const catalog& cat, trace_level level,
                         const detail::sweep_error_callback* on_error = nullptr,
                         const uncertainty_options* options = nullptr) {
  if (options) validate(*options);
  (void)sweep_size(axes);
  try_each_value(earlier, base, axes, cat, level, on_error != nullptr, options);
  std::uint64_t estimated = 0;
  std::vector<std::size_t> idx(axes.size(), 0);

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
    std::optional<estimate> e;
    try {
      e = row_estimate(over(earlier, prefix[n]), cat, level, options);
    } catch (const error&) {
      row_failed(on_error, index, values);
    }
    if (e) {
      on_row(sweep_row{index, values, *e});
      ++estimated;
    }
    ++index;
    const auto a = advance(idx, axes);
    if (!a) return estimated;
    for (std::size_t b = *a; b < n; ++b) values[b] = axes[b].values[idx[b]];
    rebuild(*a);
  }
}

/// sweep_numbers() of `base` over `earlier` (null: none).
/// `options` non-null: every row's numbers are the medians of the Monte Carlo at those options.
std::uint64_t sweep_numbers_over(const scenario* earlier, const scenario& base, std::span<const sweep_axis> axes,
                                 const sweep_numbers_callback& on_row, const catalog& cat,
                                 const detail::sweep_error_callback* on_error = nullptr,
                                 const uncertainty_options* options = nullptr) {
  (void)sweep_size(axes);
  if (options || detail::sweep_wants_ranges(earlier, base, axes)) {
    // Words or ranges: a row's numbers are the Monte Carlo medians make_estimate() gives
    // (sweep()'s rows), never the point at the modes; no fast path.
    std::vector<std::size_t> idx(axes.size(), 0);
    const detail::sweep_error_callback failed = [&](const detail::sweep_error_row& r) {
      (*on_error)(r);
      (void)advance(idx, axes);
    };
    return sweep_over(
        earlier, base, axes,
        [&](const sweep_row& r) {
          on_row(sweep_numbers_row{r.index, r.values, idx, r.result.inputs, r.result.outputs});
          (void)advance(idx, axes);
        },
        cat, trace_level::none, on_error ? &failed : nullptr, options);
  }
  // The errors sweep() gives, in its order.
  try_each_value(earlier, base, axes, cat, trace_level::none, on_error != nullptr);
  std::uint64_t estimated = 0;
  const std::size_t n = axes.size();

  // Patched axes: each value read once into the number resolve() would take, and checked
  // once by validate() in the base scenario (it checks such an input on its own): a value it refuses is a
  // row with that error, as make_estimate() gives it. The scenario resolved for the other
  // axes holds the axis's first value validate() accepts (the patch replaces it anyway).
  std::vector<patch> kind(n, patch::none);
  std::vector<std::vector<double>> number(n);
  std::vector<std::vector<std::exception_ptr>> refused(n);
  std::vector<std::size_t> resolve_at(n, 0);
  bool in_place = true;  // no workload key or range: set_input calls commute
  for (std::size_t a = 0; a < n; ++a) {
    const std::string k = canonical_input_name(axes[a].key);
    const bool range = has_range(k, axes[a].values);
    if (is_workload_key(k) || range) in_place = false;
    if (range || (kind[a] = patch_of(k)) == patch::none) continue;
    const scenario whole = over(earlier, base);  // validate() also asks for a workload
    // A measured energy's bound at the facility reads the PUE in resolve(): resolved per value.
    if (kind[a] == patch::pue &&
        (whole.energy_kwh || std::any_of(axes.begin(), axes.end(), [](const sweep_axis& x) {
           return canonical_input_name(x.key) == "energy_kwh";
         }))) {
      kind[a] = patch::none;
      continue;
    }
    for (const auto& v : axes[a].values) {
      scenario one;
      set_input(one, k, v);
      number[a].push_back(*point_value(one, k));
      refused[a].emplace_back();
      try {
        scenario probe = whole;
        set_input(probe, k, v);
        validate(probe);
      } catch (const error&) {
        refused[a].back() = std::current_exception();
      }
    }
    while (resolve_at[a] + 1 < refused[a].size() && refused[a][resolve_at[a]]) ++resolve_at[a];
  }
  // The value index of axis `a` in the scenario that is resolved.
  auto resolved_value = [&](std::size_t a, std::size_t at) { return kind[a] != patch::none ? resolve_at[a] : at; };
  std::vector<std::size_t> patched;
  for (std::size_t a = 0; a < n; ++a)
    if (kind[a] != patch::none) patched.push_back(a);

  // The scenario of the current combination, except that patched axes may hold an
  // earlier value: in place when set_input calls commute, else as prefixes (as
  // sweep() builds them).
  std::vector<std::size_t> idx(n, 0);
  scenario current;
  std::vector<scenario> prefix;
  if (in_place) {
    current = base;
    for (std::size_t a = 0; a < n; ++a) set_input(current, axes[a].key, axes[a].values[resolved_value(a, 0)]);
  } else {
    prefix.resize(n + 1);
    prefix[0] = base;
  }
  auto rebuild = [&](std::size_t from) {
    for (std::size_t a = from; a < n; ++a) {
      prefix[a + 1] = prefix[a];
      set_input(prefix[a + 1], axes[a].key, axes[a].values[resolved_value(a, idx[a])]);
    }
  };
  if (!in_place) rebuild(0);
  std::vector<std::string> values(n);
  for (std::size_t a = 0; a < n; ++a) values[a] = axes[a].values[0];

  model_inputs resolved;
  bool stale = true;
  std::exception_ptr unresolved;  // why the current scenario cannot be estimated (sweep_rows())
  std::uint64_t index = 0;
  while (true) {
    if (stale) {
      unresolved = nullptr;
      try {
        resolved = resolve_inputs(over(earlier, in_place ? current : prefix[n]), cat);
      } catch (const unknown_key_error&) {
        throw;
      } catch (const error&) {
        if (!on_error) throw;
        unresolved = std::current_exception();
      }
      stale = false;
    }
    std::optional<model_outputs> o;
    // The resolved inputs, patched in place: every row sets each patched input again.
    model_inputs& in = resolved;
    try {
      // A refused patched value is this row's own error (the scenario resolved holds another value).
      for (const std::size_t a : patched)
        if (refused[a][idx[a]]) std::rethrow_exception(refused[a][idx[a]]);
      if (unresolved) std::rethrow_exception(unresolved);
      for (const std::size_t a : patched) apply(in, kind[a], number[a][idx[a]]);
      o = evaluate(in);
      // make_estimate's check, with its message.
      if (!detail::all_finite(*o))
        throw input_error("scenario", "inputs whose results overflow a double",
                          "inputs within realistic ranges (see trainprint::limits)");
    } catch (const error&) {
      o.reset();
      row_failed(on_error, index, values);
    }
    if (o) {
      on_row(sweep_numbers_row{index, values, idx, in, *o});
      ++estimated;
    }
    ++index;

    const auto next = advance(idx, axes);
    if (!next) return estimated;
    const std::size_t a = *next;
    // Axes a.. took new values (or wrapped to their first): resolve again when one
    // that is not patched did.
    for (std::size_t b = a; b < n; ++b) {
      if (axes[b].values.size() == 1) continue;
      values[b] = axes[b].values[idx[b]];
      if (kind[b] != patch::none) continue;
      stale = true;
      if (in_place) set_input(current, axes[b].key, values[b]);
    }
    if (stale && !in_place) rebuild(a);
  }
}

}  // namespace

bool detail::sweep_wants_ranges(const scenario* earlier, const scenario& base, std::span<const sweep_axis> axes) {
  if (wants_ranges(over(earlier, base))) return true;
  for (const auto& a : axes)
    for (const auto& v : a.values) {
      scenario one;
      set_input(one, a.key, v);
      if (wants_ranges(one)) return true;
    }
  return false;
}

std::uint64_t detail::sweep_rows(const layered_scenario& base, std::span<const sweep_axis> axes,
                                 const sweep_callback& on_row, const sweep_error_callback& on_error, const catalog& cat,
                                 trace_level level, const uncertainty_options* options) {
  return sweep_over(&base.earlier, base.given, axes, on_row, cat, level, &on_error, options);
}

std::uint64_t detail::sweep_numbers_rows(const layered_scenario& base, std::span<const sweep_axis> axes,
                                         const sweep_numbers_callback& on_row, const sweep_error_callback& on_error,
                                         const catalog& cat) {
  return sweep_numbers_over(&base.earlier, base.given, axes, on_row, cat, &on_error);
}

void sweep(const scenario& base, std::span<const sweep_axis> axes, const sweep_callback& on_row, const catalog& cat,
           trace_level level) {
  sweep_over(nullptr, base, axes, on_row, cat, level);
}

void sweep(const layered_scenario& base, std::span<const sweep_axis> axes, const sweep_callback& on_row,
           const catalog& cat, trace_level level) {
  sweep_over(&base.earlier, base.given, axes, on_row, cat, level);
}

void sweep(const scenario& base, std::span<const sweep_axis> axes, const sweep_callback& on_row, const catalog& cat,
           const uncertainty_options& options) {
  sweep_over(nullptr, base, axes, on_row, cat, trace_level::full, nullptr, &options);
}

void sweep(const layered_scenario& base, std::span<const sweep_axis> axes, const sweep_callback& on_row,
           const catalog& cat, const uncertainty_options& options) {
  sweep_over(&base.earlier, base.given, axes, on_row, cat, trace_level::full, nullptr, &options);
}

void sweep_numbers(const scenario& base, std::span<const sweep_axis> axes, const sweep_numbers_callback& on_row,
                   const catalog& cat) {
  sweep_numbers_over(nullptr, base, axes, on_row, cat);
}

void sweep_numbers(const scenario& base, std::span<const sweep_axis> axes, const sweep_numbers_callback& on_row,
                   const catalog& cat, const uncertainty_options& options) {
  sweep_numbers_over(nullptr, base, axes, on_row, cat, nullptr, &options);
}

void sweep_numbers(const layered_scenario& base, std::span<const sweep_axis> axes,
                   const sweep_numbers_callback& on_row, const catalog& cat, const uncertainty_options& options) {
  sweep_numbers_over(&base.earlier, base.given, axes, on_row, cat, nullptr, &options);
}

void sweep_numbers(const layered_scenario& base, std::span<const sweep_axis> axes,
                   const sweep_numbers_callback& on_row, const catalog& cat) {
  sweep_numbers_over(&base.earlier, base.given, axes, on_row, cat);
}

std::array<std::optional<double>, sweep_headline_count> headline_values(const sweep_numbers_row& row) {
  // As make_estimate() fills the estimate, and headline_columns() reads it back. The
  // headline outputs are listed once, at compile time, not found in the table per row.
  static constexpr auto headline = [] {
    std::array<output, sweep_headline_count> ids{};
    std::size_t i = 0;
    for (const auto& info : output_table)
      if (info.headline) ids[i++] = info.id;
    return ids;
  }();
  std::array<std::optional<double>, sweep_headline_count> v;
  for (std::size_t i = 0; i < sweep_headline_count; ++i) v[i] = row.outputs.get(headline[i]);
  return v;
}

}  // namespace trainprint::inline v0
