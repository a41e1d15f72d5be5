// The table of scenario inputs: limit checks and the docs table (see inputs.hpp).

#include "trainprint/inputs.hpp"

#include <cmath>

#include "trainprint/catalog.hpp"
#include "trainprint/error.hpp"
#include "trainprint/estimator.hpp"
#include "trainprint/parse.hpp"
#include "trainprint/plain.hpp"
#include "trainprint/spelling.hpp"
#include "text.hpp"
#include "usual_ranges.hpp"

namespace trainprint::inline v0 {

void check_input_limits(const scenario& s) {
  for (const auto& i : scenario_inputs) {
    if (!i.has_limits()) continue;
    const auto v = i.get(s);
    if (!v) continue;
    const std::string name(i.name);
    detail::check_range(name, *v, i.lo, i.hi, i.lo_inclusive, i.unit);
    if (i.whole && std::floor(*v) != *v) throw input_error(name, detail::num(*v), "a whole number of " + name);
  }
}

std::string choice_list(const input_info& i) {
  std::string t;
  for (std::size_t k = 0; k < i.choices.size(); ++k)
    t += std::string(k == 0 ? "" : k + 1 == i.choices.size() ? " or " : ", ") + std::string(i.choices[k]);
  return t;
}

namespace {
/// The duration word (days|weeks|months, plain.hpp) that ends `t` when `t` holds no digit:
/// "a few weeks", "several months", "couple of days". nullptr otherwise.
const plain_band* rough_duration_word(std::string_view t) {
  if (t.find_first_of("0123456789") != std::string_view::npos) return nullptr;
  const auto sp = t.find_last_of(" \t");
  if (sp == std::string_view::npos) return nullptr;  // one word alone is the word itself, or no duration
  std::string last(t.substr(sp + 1));
  text::lower_in_place(last);
  if (!last.empty() && last.back() != 's') last += 's';
  return find_duration_word(last);
}

bool parse_bool(std::string_view key, std::string_view t) {
  if (t == "true" || t == "yes" || t == "1" || t == "on") return true;
  if (t == "false" || t == "no" || t == "0" || t == "off") return false;
  throw unit_error(std::string(key), "got '" + std::string(t) + "', expected true or false");
}

}  // namespace

namespace {

/// `v`, read from the text `t`, within the input's limits; else input_error showing `t`
/// as typed and, when it reads differently, the value in the input's unit ('300y' (2628000 h)).
double within_limits(const input_info& in, const std::string& key, std::string_view t, double v) {
  // A plain number is checked by validate() (a compared option out of its limits is a row
  // with its error); only a converted one is checked here, to show it as typed.
  if (detail::num(v) == t || !in.has_limits() || !std::isfinite(in.lo) ||
      (std::isfinite(v) && (in.lo_inclusive ? v >= in.lo : v > in.lo) && v <= in.hi))
    return v;
  const std::string unit = in.unit.empty() ? std::string{} : " " + std::string(in.unit);
  const std::string got = detail::num(v) == t ? std::string(t) : "'" + std::string(t) + "' (" + detail::num(v) + unit + ")";
  throw input_error(key, got,
                    detail::num(in.lo) + (in.lo_inclusive ? " <= " : " < ") + key + " <= " + detail::num(in.hi) + unit);
}

}  // namespace

void read_input_text(scenario& s, const input_info& in, std::string_view t, std::string_view key_in) {
  const std::string key(key_in.empty() ? in.name : key_in);
  switch (in.kind) {
    case input_kind::number: in.set(s, within_limits(in, key, t, parse_number(t, key, detail::input_expected(in)))); break;
    case input_kind::ratio:
      try {
        in.set(s, within_limits(in, key, t, parse_ratio(t, key)));
      } catch (const unit_error&) {  // the input's own example, not another ratio's
        const std::string shown = t.size() > 60 ? std::string(t.substr(0, 60)) + "..." : std::string(t);
        throw unit_error(key, "got '" + shown + "', expected a fraction or a percentage, e.g. " +
                                  std::string(detail::input_example(in.name)));
      }
      break;
    case input_kind::count: {
      const double c = parse_number(t, key, detail::input_expected(in));
      if (!(c >= in.lo && c <= in.hi) || std::floor(c) != c)
        throw input_error(key, detail::num(c) == t ? std::string(t) : "'" + std::string(t) + "' (" + detail::num(c) + ")",
                          "a whole number " + detail::num(in.lo) + " <= " + key + " <= " + detail::num(in.hi));
      in.set(s, c);
      break;
    }
    case input_kind::duration:
      if (const auto* w = find_duration_word(t)) {  // days|weeks|months: a range (plain.hpp)
        set_range(s, in.name, w->as_range());
        break;
      }
      if (const auto* w = rough_duration_word(t))  // "a few weeks": a word with no number
        throw unit_error(key, "got '" + std::string(t) + "', a span with no number: the word alone, '" +
                                  std::string(w->word) + "', is a range of " + std::string(w->meaning) +
                                  "; or give a number with a unit, such as 3" +
                                  std::string(w->word == "months" ? "mo" : w->word.substr(0, 1)) +
                                  " or 3 " + std::string(w->word));
      in.set(s, within_limits(in, key, t, parse_duration(t, key).count()));
      break;
    case input_kind::text: s.*(in.text) = std::string(t); break;
    case input_kind::choice:
      if (!in.set_choice(s, t)) throw input_error(key, "'" + std::string(t) + "'", choice_list(in));
      break;
    case input_kind::mix: s.mix = parse_mix(t); break;
    case input_kind::flag: in.set_flag(s, parse_bool(key, t)); break;
  }
}

bool input_is_set(const scenario& s, const input_info& i) {
  switch (i.kind) {
    case input_kind::text: return (s.*i.text).has_value();
    case input_kind::choice: return i.get_choice(s).has_value();
    case input_kind::mix: return s.mix.has_value();
    case input_kind::flag: return i.get_flag(s).has_value();
    default: return i.get(s).has_value();
  }
}

void copy_input(scenario& to, const scenario& from, const input_info& i) {
  const bool as_is = i.kind == input_kind::text || i.kind == input_kind::mix || i.kind == input_kind::flag;
  if (as_is || input_is_set(from, i)) i.assign(to, from);
}

namespace {

/// Resets the inputs of `s` for which `drop` holds, with their ranges.
template <class Drop>
void drop_inputs(scenario& s, Drop drop) {
  static const scenario blank{};
  for (const auto& i : scenario_inputs)
    if (drop(i)) i.assign(s, blank);
  std::erase_if(s.ranges, [&](const auto& r) {
    const input_info* i = input_named(r.first);
    return i && drop(*i);
  });
}

}  // namespace

void drop_site(scenario& s) {
  drop_inputs(s, [](const input_info& i) { return i.group == "Site"; });
}

scenario merge(scenario base, const scenario& overrides) {
  // A new workload (site) input drops all of base's workload (site) inputs: the table's groups.
  const bool workload = overrides.has_workload(), site = overrides.has_site();
  if (workload || site)
    drop_inputs(base, [&](const input_info& i) {
      return (workload && i.group == "Workload") || (site && i.group == "Site");
    });
  for (const auto& i : scenario_inputs)
    if (input_is_set(overrides, i)) i.assign(base, overrides);
  // A value set by `overrides` replaces base's range for it (a plain value is fixed);
  // overrides' own ranges come with their values.
  std::erase_if(base.ranges, [&](const auto& r) { return point_value(overrides, r.first).has_value(); });
  for (const auto& [name, r] : overrides.ranges) base.ranges.insert_or_assign(name, r);
  return base;
}

namespace {

std::string limits_text(const input_info& i) {
  switch (i.kind) {
    case input_kind::text:
      if (i.name == "size") return "one of " + size_words();
      if (i.name == "energy") return "one of " + energy_word_list();
      if (i.name == "hardware") return "a catalog id or alias, or gpu, tpu, accelerator";
      return "a catalog id or alias";
    case input_kind::choice: return choice_list(i);
    case input_kind::mix: return "shares 0..1 summing to 1";
    case input_kind::flag: return "true or false";
    default: break;
  }
  std::string t = detail::num(i.lo) + (i.lo_inclusive ? " ≤ v ≤ " : " < v ≤ ") + detail::num(i.hi);
  if (i.whole) t += ", whole";
  return t;
}

std::string code(std::string_view s) { return "`" + std::string(s) + "`"; }

/// The usual range of a numeric input under the embedded catalog, with its basis, or why it has none.
std::string usual_text(const input_info& i) {
  if (!i.has_limits()) return {};
  auto n = [](double v) { return detail::short_number(v); };
  if (const auto r = detail::usual_range_of(i.name, catalog::embedded()))
    return text::md_escape(n(r->lo) + " to " + n(r->hi) + ": " + r->basis);
  return text::md_escape("none: " + std::string(detail::usual_range_none(i.name)));
}

}  // namespace

std::string inputs_markdown() {
  std::string out =
      "# Scenario inputs\n\n"
      "Generated from the table in include/trainprint/inputs.hpp by trainprint::inputs_markdown();\n"
      "tests/unit/inputs.test.cpp fails when this file differs, and writes the new text beside it.\n\n"
      "The name is the C++ field of `trainprint::scenario`, the key of the scenario JSON and the Python\n"
      "keyword; the CLI flag is the name in kebab-case. Aliases are older spellings, still accepted\n"
      "everywhere (JSON key, CLI flag, Python keyword, `--across`/`--vary` key). Inputs marked \"range\"\n"
      "take `low:high` or `low:mode:high` for uncertainty analysis (docs/uncertainty.md).\n\n"
      "Every interface reads a value the same way: a JSON number is in the unit below; text, in the\n"
      "scenario JSON as on the command line and in Python, may carry a suffix or a unit (`\"1.3B\"`,\n"
      "`\"9%\"`, `\"5d\"`, `\"3 months\"`). Choices take any case, and `_` or a space for `-`.\n"
      "Messages name an input as the interface spells it: `--power-w` on the command line,\n"
      "`power_w` in JSON and Python (include/trainprint/spelling.hpp).\n\n"
      "\"Usual\" is the range most values fall in, with its basis (src/usual_ranges.cpp): a value outside\n"
      "it is possible, so it is estimated, with a note naming the usual range and the likely slip\n"
      "(`--intensity 0.4`: did you mean 400 g, given 0.4 kg?). \"Limits\" are refused.\n"
      "\n## Which input wins\n\n"
      "A scenario comes from up to three sources, each over the one before: a preset (`--preset`, `preset=`),\n"
      "a scenario file (`--scenario`, `scenario=`), then the inputs as typed (CLI flags, Python keywords,\n"
      "the page's fields). One rule, `trainprint::merge()`, decides for every interface:\n\n"
      "- An input given by a later source replaces the same input of an earlier one.\n"
      "- A **workload** input (`params`, `active_params`, `trainable_params`, `tokens`, `flops`, `size`,\n"
      "  `gpu_hours`, `duration_h`) replaces the earlier sources' workload as a whole (with `layers`,\n"
      "  `d_model`, `seq_len`, `recompute`): a preset's GPU-hours never stay behind a typed `--tokens`.\n"
      "- A **site** input that says where the run is or what its grid is (`region`, `provider`,\n"
      "  `site_kind`, `intensity`, `mix`, `energy`) replaces the earlier sources' site inputs as a whole\n"
      "  (those six and `pue`, `wue`, `ewif`, `cfe`, `ownership`): `--preset llama-2-7b --region FR` is\n"
      "  the published run in France, with France's grid and the default PUE, not the preset's published\n"
      "  intensity and PUE. `pue`, `wue`, `ewif`, `cfe` or `ownership` alone refine the earlier site.\n"
      "- Inputs of one source never replace each other: `--region FR --intensity 50` keeps both (the\n"
      "  given intensity wins over the region's), and two workloads given together are a conflict.\n"
      "- A workload typed over a scenario file's (`trainprint --scenario`: a flag, or an `--across` or\n"
      "  `--vary` key) never drops part of the file's without a word: it must give each workload input of\n"
      "  the file that it could go with (the file's `tokens` beside a typed `--params`, its `params` and\n"
      "  `tokens` beside a typed `--duration`), or it is refused, naming the flag and the file's keys. One\n"
      "  given another way replaces them (`--flops` for the file's `params` and `tokens`, `--gpu-hours` for\n"
      "  its `duration_h`).\n"
      "- `compare --across KEY=V1,V2` and `report` estimate each option as if `--KEY V` were one more\n"
      "  flag: over a preset, `--across region=FR,PL` gives each region's own grid, and a typed `--pue`\n"
      "  stays. A `sweep --vary` value is set among the typed inputs (a workload value replaces their\n"
      "  workload) and the row is merged over the preset and the scenario file by the same rule, so\n"
      "  `sweep --preset llama-2-7b --vary region=FR,PL` gives each region's own grid too. Python's\n"
      "  `compare(preset=…, across=…)` lays its options over the preset and the `scenario` argument the\n"
      "  same way; the C API's scenario JSON is one source, as typed flags are.\n";
  std::string_view group;
  for (const auto& i : scenario_inputs) {
    if (i.group != group) {
      group = i.group;
      out += "\n## " + std::string(group) + "\n\n";
      out += "| Name | CLI flag | Aliases | Unit | Limits | Usual | Range | Description |\n";
      out += "|---|---|---|---|---|---|---|---|\n";
    }
    std::string aliases;
    for (auto a : i.aliases)
      if (!a.empty()) aliases += (aliases.empty() ? "" : ", ") + code(a);
    out += "| " + code(i.name) + " | " + code(i.flag) + " | " + aliases + " | " + std::string(i.unit) + " | " +
           limits_text(i) + " | " + usual_text(i) + " | " + (i.rangeable ? "range" : "") + " | " + text::md_escape(i.help) + " |\n";
  }
  return out;
}

}  // namespace trainprint::inline v0

// ---- spelling.hpp ----

namespace trainprint::inline v0 {
namespace {

bool word_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; }
bool value_char(char c) {
  return word_char(c) || (c >= 'A' && c <= 'Z') || c == '-' || c == '.' || c == '%' || c == ':';
}

std::string spell_name(const input_info& i, spelling how) {
  return std::string(how == spelling::cli ? i.flag : i.name);
}

/// Whether a word that ends at `e` ends there (not inside a path such as "power_w.low").
bool word_ends(std::string_view m, std::size_t e) {
  if (e >= m.size()) return true;
  const char c = m[e];
  if (c == '.' || c == ':' || c == ',')
    return e + 1 >= m.size() || m[e + 1] == ' ' || m[e + 1] == '\n' || m[e + 1] == ')';
  return !value_char(c) && c != '/';
}

/// `i`=`value` as `how` spells it; empty when the interface has no such spelling.
std::string spell_setting(const input_info& i, std::string_view value, spelling how) {
  const std::string v(value);
  if (how == spelling::cli) {
    if (i.kind == input_kind::flag) {
      const bool negated = i.flag.starts_with("--no-");
      if (v == "true" && !negated) return std::string(i.flag);
      if (v == "false" && negated) return std::string(i.flag);
      return {};
    }
    return std::string(i.flag) + " " + v;
  }
  if (i.kind == input_kind::flag && (v == "true" || v == "false"))
    return std::string(i.name) + "=" + (v == "true" ? "True" : "False");
  if (i.kind == input_kind::text || i.kind == input_kind::choice) return std::string(i.name) + "=\"" + v + "\"";
  return std::string(i.name) + "=" + v;
}

}  // namespace

std::size_t quoted_text_end(std::string_view m, std::size_t k) {
  // Opens after a space, a bracket, '=' or the start; closes before a space, punctuation or
  // the end (so "it's" inside stays inside).
  if (k >= m.size() || m[k] != '\'' || (k > 0 && std::string_view(" ([=").find(m[k - 1]) == std::string_view::npos))
    return std::string_view::npos;
  for (std::size_t j = m.find('\'', k + 1); j != std::string_view::npos; j = m.find('\'', j + 1))
    if (j + 1 >= m.size() || std::string_view(" ,.;:)]!?\n").find(m[j + 1]) != std::string_view::npos) return j;
  return std::string_view::npos;
}

bool copy_quoted_text(std::string_view m, std::size_t& k, std::string& out) {
  const auto q = quoted_text_end(m, k);
  if (q == std::string_view::npos) return false;
  out.append(m.substr(k, q + 1 - k));
  k = q + 1;
  return true;
}

error_field error_field_of(std::string_view m) {
  for (std::string_view tag : {"[trainprint.input] ", "[trainprint.unit] "}) {
    if (!m.starts_with(tag)) continue;
    const auto colon = m.find(':', tag.size());
    if (colon == std::string_view::npos) break;
    return {tag, m.substr(tag.size(), colon - tag.size()), colon};
  }
  return {};
}

void throw_given_twice(std::string_view name, std::string_view first, std::string_view second) {
  throw input_error(std::string(name), "twice",
                    "one value per input ('" + std::string(first) + "' and '" + std::string(second) +
                        "' are two spellings of it)");
}

std::string spell_inputs(std::string_view m, spelling how) {
  if (how == spelling::json && m.find('`') == std::string_view::npos) return std::string(m);
  if (how == spelling::json) {  // the ids as they are, without the marks of `id`
    std::string out;
    for (std::size_t k = 0; k < m.size();) {
      if (copy_quoted_text(m, k, out)) continue;  // the user's text: as it is
      const auto close = m[k] == '`' ? m.find('`', k + 1) : std::string_view::npos;
      if (close != std::string_view::npos && input_named(m.substr(k + 1, close - k - 1))) {
        out.append(m.substr(k + 1, close - k - 1));
        k = close + 1;
      } else {
        out += m[k++];
      }
    }
    return out;
  }
  std::string out;
  out.reserve(m.size() + 16);
  // The field of an input_error or a unit_error, which may be a one-word id.
  std::size_t k = 0;
  if (const auto f = error_field_of(m); !f.name.empty()) {
    if (const auto* i = input_named(f.name)) {
      out += std::string(f.tag) + spell_name(*i, how);
      k = f.colon;
    }
  }
  while (k < m.size()) {
    if (copy_quoted_text(m, k, out)) continue;  // the user's text: as it is
    // An input marked as one (`mfu`, `duration_h`): its name as the interface spells it,
    // one-word ids included, without the marks.
    if (m[k] == '`') {
      const auto close = m.find('`', k + 1);
      const auto* i = close == std::string_view::npos ? nullptr : input_named(m.substr(k + 1, close - k - 1));
      if (i) {
        out += spell_name(*i, how);
        k = close + 1;
        continue;
      }
    }
    const bool starts = word_char(m[k]) && (k == 0 || !(word_char(m[k - 1]) || value_char(m[k - 1]) || m[k - 1] == '/' ||
                                                         m[k - 1] == '\'' || m[k - 1] == '"'));
    if (!starts) {
      out += m[k++];
      continue;
    }
    std::size_t e = k;
    while (e < m.size() && word_char(m[e])) ++e;
    const std::string_view word = m.substr(k, e - k);
    const auto* i = input_named(word);
    if (i && e + 1 < m.size() && m[e] == '=' && value_char(m[e + 1])) {
      std::size_t v = e + 1;
      while (v < m.size() && value_char(m[v])) ++v;
      while (v > e + 1 && (m[v - 1] == '.' || m[v - 1] == ':')) --v;  // a sentence's full stop or colon
      // "region=FR,PL" is --across's KEY=V1,V2 syntax, not a setting: left as it is.
      const bool list = v < m.size() && m[v] == ',' && v + 1 < m.size() && m[v + 1] != ' ';
      const std::string spelled = list ? std::string{} : spell_setting(*i, m.substr(e + 1, v - e - 1), how);
      if (!spelled.empty()) {
        out += spelled;
        k = v;
        continue;
      }
    }
    if (i && word.find('_') != std::string_view::npos && word_ends(m, e))
      out += spell_name(*i, how);
    else
      out += word;
    k = e;
  }
  return out;
}

}  // namespace trainprint::inline v0
