// Messages in the words the user typed (typed_spelling.hpp).

#include "typed_spelling.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "trainprint/inputs.hpp"
#include "trainprint/spelling.hpp"

namespace trainprint::cli {

namespace {

struct typed_state {
  std::map<std::string, std::string, std::less<>> typed;  ///< canonical flag -> flag as typed
  std::set<std::string, std::less<>> options;             ///< every long option of every subcommand
  std::set<std::string, std::less<>> named;               ///< inputs a flag, --across or --vary key named
  std::string file;                                       ///< the scenario file read, if any
  std::map<std::string, std::string, std::less<>> from_file;  ///< input name -> key as the file spells it
  bool file_refused = false;                              ///< the file's reading threw
};
typed_state& state() {
  static typed_state s;
  return s;
}

bool flag_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'; }

void collect(const CLI::App& app, std::set<std::string, std::less<>>& into) {
  for (const auto* opt : app.get_options())
    for (const auto& n : opt->get_lnames()) into.insert("--" + n);
  for (const auto* sub : app.get_subcommands({})) collect(*sub, into);
}

/// `m` (JSON spelling) with each id of an input the file gives under another key, and no
/// flag over it, as the file's key; the user's quoted text is left as it is.
std::string as_file_keys(std::string_view m) {
  const auto& s = state();
  std::map<std::string, std::string, std::less<>> keys;
  for (const auto& [name, key] : s.from_file)
    if (!s.named.count(name)) keys.emplace(name, key);
  return with_keys(m, keys);
}

}  // namespace

std::string with_keys(std::string_view m, const std::map<std::string, std::string, std::less<>>& keys) {
  std::string out;
  out.reserve(m.size());
  for (std::size_t k = 0; k < m.size();) {
    if (copy_quoted_text(m, k, out)) continue;
    const bool word = (m[k] >= 'a' && m[k] <= 'z');
    if (!word || (k > 0 && (flag_char(m[k - 1]) || m[k - 1] == '.' || m[k - 1] == '/' || m[k - 1] == '#'))) {
      out += m[k++];
      continue;
    }
    std::size_t e = k;
    while (e < m.size() && flag_char(m[e]) && m[e] != '-') ++e;
    const std::string_view id = m.substr(k, e - k);
    const auto key = keys.find(id);
    const bool ends = e >= m.size() || !(flag_char(m[e]) || m[e] == '/' || (m[e] == '.' && e + 1 < m.size() && m[e + 1] != ' '));
    out += key != keys.end() && ends ? std::string_view(key->second) : id;
    k = e;
  }
  return out;
}

void remember_typed(const CLI::App& app, int argc, char** argv) {
  auto& s = state();
  s.typed.clear();
  s.options.clear();
  s.named.clear();
  s.file.clear();
  s.from_file.clear();
  collect(app, s.options);
  for (int k = 1; k < argc; ++k) {
    std::string_view a = argv[k];
    if (a == "--") break;
    if (!a.starts_with("--")) continue;
    a = a.substr(0, a.find('='));
    const input_info* i = find_input(a);
    if (i) s.named.insert(std::string(i->name));
    if (!i || a == i->flag) continue;
    // An alias (--duration for --duration-h) or the snake_case form: the message says it as typed.
    std::string t(a);
    s.typed.insert_or_assign(std::string(i->flag), t);
  }
  // The key of --across KEY=… or --vary KEY=… spells its input too: `--vary duration=30d,1h`
  // gets "--duration: ...", not "--duration-h: ...".
  for (int k = 1; k < argc; ++k) {
    std::string_view a = argv[k];
    if (a == "--") break;
    std::string_view value;
    if ((a == "--across" || a == "--vary") && k + 1 < argc) value = argv[k + 1];
    else if (a.starts_with("--across=") || a.starts_with("--vary=")) value = a.substr(a.find('=') + 1);
    else continue;
    const std::string_view key = value.substr(0, value.find('='));
    if (key.empty() || key.size() == value.size()) continue;
    std::string flag = "--" + std::string(key);
    std::replace(flag.begin(), flag.end(), '_', '-');
    const input_info* i = find_input(flag);
    if (i) s.named.insert(std::string(i->name));
    if (i && flag != i->flag) s.typed.insert_or_assign(std::string(i->flag), flag);
  }
}

void remember_file_inputs(std::string_view path, std::vector<std::pair<std::string, std::string>> keys) {
  auto& s = state();
  s.file = std::string(path);
  s.from_file.clear();
  for (auto& [name, key] : keys) s.from_file.insert_or_assign(std::move(name), std::move(key));
  s.file_refused = false;
}

void remember_file_refused() { state().file_refused = true; }

std::string for_cli(std::string_view message) {
  const auto& s = state();
  // A catalog id the file gives that the catalog lacks ("unknown accelerator 'h9000'"):
  // the file and its key, as every other error about the file's values says them.
  if (constexpr std::string_view tag = "[trainprint.unknown_key] unknown "; message.starts_with(tag) && !s.file.empty()) {
    static constexpr std::pair<std::string_view, std::string_view> input_of[] = {
        {"accelerator '", "hardware"}, {"system '", "hardware"},       {"region '", "region"},
        {"provider '", "provider"},    {"energy source '", "mix"}};
    const std::string_view rest = message.substr(tag.size());
    for (const auto& [kind, input] : input_of) {
      if (!rest.starts_with(kind)) continue;
      const auto key = s.from_file.find(input);
      if (key == s.from_file.end() || s.named.count(input)) break;
      return "[trainprint.unknown_key] " + s.file + ": " + key->second + ": " + std::string(message.substr(tag.size() - 8));
    }
  }
  if (const auto [tag, field, colon] = error_field_of(message); !tag.empty() && !s.file.empty()) {
    const input_info* i = input_named(field);
    const auto key = i ? s.from_file.find(i->name) : s.from_file.end();
    std::optional<std::string> spelled;
    if (s.file_refused)  // the file's own reading failed: its key, or the field as it stands (an unknown key)
      spelled = key != s.from_file.end() ? key->second : std::string(field);
    else if (key != s.from_file.end() && !s.named.count(i->name))  // from the file, no flag over it
      spelled = key->second;
    else if (s.named.empty() && (i || !s.options.count("--" + std::string(field))))
      // No flag gave an input: the scenario is the file's, and what it lacks ("workload:
      // missing", "tokens: missing") is said in its keys, not as flags to add.
      spelled = std::string(field);
    // The file's key as the file spells it; the rest of the message in the file's (JSON)
    // spelling, with every input the file gives under another key (an alias: "power" for
    // power_w) named by that key, so that the hint says what the file says.
    if (spelled)
      return std::string(tag) + s.file + ": " + *spelled +
             as_file_keys(spell_inputs(message.substr(colon), spelling::json));
  }
  return as_typed(spell_inputs(message, spelling::cli));
}

std::string as_typed(std::string_view m) {
  const auto& s = state();
  std::string out;
  out.reserve(m.size());
  std::size_t k = 0;
  // The field of an input or unit error that is a CLI option of one word ("across", "vary"): its flag.
  if (const auto f = error_field_of(m);
      !f.name.empty() && std::all_of(f.name.begin(), f.name.end(), [](char c) { return c >= 'a' && c <= 'z'; }) &&
      s.options.count("--" + std::string(f.name))) {
    out += std::string(f.tag) + "--" + std::string(f.name);
    k = f.colon;
  }
  while (k < m.size()) {
    if (copy_quoted_text(m, k, out)) continue;  // the user's text: as it is
    // A flag "--name" (not inside a longer word) typed under another spelling.
    if (m.substr(k).starts_with("--") && (k == 0 || !flag_char(m[k - 1]))) {
      std::size_t e = k + 2;
      while (e < m.size() && flag_char(m[e])) ++e;
      const auto it = s.typed.find(m.substr(k, e - k));
      if (it != s.typed.end()) {
        out += it->second;
        k = e;
        continue;
      }
      out.append(m.substr(k, e - k));
      k = e;
      continue;
    }
    // A snake_case id of a CLI-only option (pilot_tokens, interval_ms): its flag.
    const bool starts = (m[k] >= 'a' && m[k] <= 'z') && (k == 0 || !(flag_char(m[k - 1]) || m[k - 1] == '.' ||
                                                                      m[k - 1] == '/' || m[k - 1] == '#'));
    if (starts) {
      std::size_t e = k;
      while (e < m.size() && ((m[e] >= 'a' && m[e] <= 'z') || (m[e] >= '0' && m[e] <= '9') || m[e] == '_')) ++e;
      const std::string_view word = m.substr(k, e - k);
      const bool ends = e >= m.size() || !(flag_char(m[e]) || m[e] == '/' || m[e] == '=' ||
                                           (m[e] == '.' && e + 1 < m.size() && m[e + 1] != ' '));
      if (ends && word.find('_') != std::string_view::npos) {
        std::string flag = "--" + std::string(word);
        std::replace(flag.begin(), flag.end(), '_', '-');
        if (s.options.count(flag)) {
          const auto it = s.typed.find(flag);
          out += it != s.typed.end() ? it->second : flag;
          k = e;
          continue;
        }
      }
      out.append(word);
      k = e;
      continue;
    }
    out += m[k++];
  }
  return out;
}

}  // namespace trainprint::cli
