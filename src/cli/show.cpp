// trainprint show: one catalog entry with every value and its sources.

#include "command.hpp"

#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "trainprint/catalog_json.hpp"

namespace trainprint::cli {

namespace {
struct show_options {
  std::string id;  ///< any catalog id or alias
  output_format format = output_format::table;
};
}  // namespace

void setup_show(CLI::App& app, show_options& o) {
  app.add_option("id", o.id, "A catalog id or alias: an accelerator, system, region, provider, energy source, preset or equivalent")
      ->required();
  add_format_option(app, o.format, {output_format::table, output_format::json});
}

namespace {

using json = nlohmann::json;

/// Prints an entry's values one per line, each with a [n] reference to its source.
class printer {
 public:
  std::string out;

  void entry(const json& e) {
    std::string head = e["id"].get<std::string>();
    if (e["name"].is_string()) head += " — " + e["name"].get<std::string>();
    std::string kind = e["table"].get<std::string>();
    if (e["kind"].is_string()) kind += ", " + e["kind"].get<std::string>();
    out += head + " (" + kind + ")\n";
    if (!e["aliases"].empty()) {
      std::string a;
      for (const auto& x : e["aliases"]) a += (a.empty() ? "" : ", ") + x.get<std::string>();
      out += "aliases: " + a + "\n";
    }
    const std::string entry_ref = ref(e["provenance"]);
    out += "source: " + entry_ref + describe(e["provenance"], false) + "\n\n";
    for (const auto& [k, v] : e.items()) {
      if (k == "id" || k == "table" || k == "kind" || k == "name" || k == "aliases" || k == "provenance") continue;
      value(k, v, entry_ref);
    }
    if (!sources_.empty()) {
      out += "\nSources\n";
      for (const auto& [n, s] : by_number_) {
        std::string line = fmt::format("  [{}] {}", n, s["title"].get<std::string>());
        if (s["year"].is_number()) line += fmt::format(" ({})", s["year"].get<int>());
        if (s["url"].is_string()) line += ", " + s["url"].get<std::string>();
        std::vector<std::string> extra;
        if (s["license"].is_string()) extra.push_back("license " + s["license"].get<std::string>());
        if (s["retrieved"].is_string()) extra.push_back("retrieved " + s["retrieved"].get<std::string>());
        if (!extra.empty()) line += "; " + extra[0] + (extra.size() > 1 ? ", " + extra[1] : "");
        out += line + "\n";
      }
    }
  }

 private:
  std::map<std::string, int> sources_;     // source id → reference number
  std::map<int, json> by_number_;

  /// "[n, confidence]" for a provenance object.
  std::string ref(const json& p) {
    if (!p.is_object() || !p["source"].is_object()) return p.is_object() && p["confidence"].is_string()
                                                              ? "[" + p["confidence"].get<std::string>() + "]"
                                                              : std::string{};
    const std::string id = p["source"]["id"].get<std::string>();
    auto [it, added] = sources_.emplace(id, static_cast<int>(sources_.size()) + 1);
    if (added) by_number_[it->second] = p["source"];
    std::string r = fmt::format("[{}", it->second);
    if (p["confidence"].is_string()) r += ", " + p["confidence"].get<std::string>();
    return r + "]";
  }
  static std::string describe(const json& p, bool with_notes) {
    if (!with_notes || !p.is_object() || !p["notes"].is_string()) return {};
    return " " + p["notes"].get<std::string>();
  }

  static std::string scalar(const json& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_number_integer()) return std::to_string(v.get<long long>());
    if (v.is_number()) return fmt::format("{:g}", v.get<double>());
    if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
    return v.dump();
  }

  void line(const std::string& name, const std::string& text, const std::string& r, const json& prov) {
    std::string l = fmt::format("  {:<34} {}", name, text);
    if (!r.empty()) l += "  " + r;
    while (!l.empty() && l.back() == ' ') l.pop_back();
    out += l + "\n";
    if (prov.is_object() && prov["notes"].is_string()) out += "  " + std::string(36, ' ') + "note: " + prov["notes"].get<std::string>() + "\n";
  }

  void value(const std::string& name, const json& v, const std::string& inherited) {
    if (v.is_null()) return;
    if (v.is_object() && v.contains("provenance")) {
      // A cited value: its scalar fields on one line, with its own source.
      const json& p = v["provenance"];
      std::string r = ref(p);
      if (v.contains("value") && v.size() <= 3) {  // value, year, provenance
        std::string t = scalar(v["value"]);
        if (v.contains("year") && v["year"].is_number()) t += fmt::format(" ({})", v["year"].get<int>());
        line(name, t, r, p);
        return;
      }
      // Numbers first, then the year, then the words that qualify them.
      std::string t;
      for (int pass = 0; pass < 3; ++pass)
        for (const auto& [k, x] : v.items()) {
          if (k == "provenance" || x.is_null() || x.is_object()) continue;
          const int kind = k == "year" ? 1 : x.is_number() ? 0 : 2;
          if (kind == pass) t += (t.empty() ? "" : ", ") + k + " " + scalar(x);
        }
      line(name, t, r, p);
      for (const auto& [k, x] : v.items())
        if (k != "provenance" && x.is_object()) value(name + "." + k, x, r);
      return;
    }
    if (v.is_object()) {
      if (v.empty()) return;
      if (name == "field_sources") {
        for (const auto& [k, p] : v.items()) line("source of " + k, "", ref(p), p);
        return;
      }
      bool flat = true;
      for (const auto& [k, x] : v.items()) flat = flat && !x.is_structured();
      if (flat) {
        std::string t;
        for (const auto& [k, x] : v.items())
          if (!x.is_null()) t += (t.empty() ? "" : ", ") + k + " " + scalar(x);
        line(name, t, {}, json(nullptr));
        return;
      }
      for (const auto& [k, x] : v.items()) value(name + "." + k, x, inherited);
      return;
    }
    if (v.is_array()) {
      if (v.empty()) return;
      for (std::size_t i = 0; i < v.size(); ++i) value(fmt::format("{}[{}]", name, i), v[i], inherited);
      return;
    }
    line(name, scalar(v), {}, json(nullptr));
  }
};

}  // namespace

std::string run_show(const show_options& o, const global_options& g) {
  const catalog& cat = load_catalog(g);
  const std::string_view table = find_table_of(cat, o.id);
  const json e = catalog_entry_to_json(cat, table, o.id);
  if (o.format == output_format::json) return e.dump(2) + "\n";
  printer p;
  p.entry(e);
  return p.out;
}

void add_show(CLI::App& app, context& ctx) {
  add_command<show_options>(app, ctx, "show", "Show one catalog entry (any id or alias) with its sources", setup_show, run_show);
}

}  // namespace trainprint::cli
