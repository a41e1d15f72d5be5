// trainprint inventory FILE: many runs (CSV or JSON lines, one run a row, the
// scenario flags as columns, plus name, kind and preset) estimated and summed.

#include "command.hpp"

#include <csv.h>
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <utility>

#include "trainprint/compare.hpp"
#include "trainprint/error.hpp"
#include "trainprint/inventory.hpp"
#include "trainprint/report.hpp"
#include "trainprint/spelling.hpp"
#include "typed_spelling.hpp"

namespace trainprint::cli {

namespace {

struct inventory_options {
  std::string file;
  output_format format = output_format::table;
  report_meta_flags meta;
};

/// One row of the file: its line and its (column, value) pairs.
struct file_row {
  std::size_t line = 0;
  std::vector<std::pair<std::string, std::string>> fields;
};
using problems = std::vector<std::pair<std::size_t, std::string>>;

std::string slurp(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw data_error(path, "", "is a directory, expected a runs file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw data_error(path, "", "cannot open the file for reading");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (text.size() > (64u << 20)) throw data_error(path, "", "larger than 64 MiB");
  return text;
}

/// CSV (RFC 4180, read by libcsv): a header row of column names, then one run a row.
std::vector<file_row> read_csv(const std::string& text, const std::string& file, problems& bad) {
  struct state {
    std::vector<std::string> fields;
    std::vector<std::vector<std::string>> rows;
    std::vector<std::size_t> lines;
    std::size_t line = 1, row_line = 0;
  } st;
  csv_parser p;
  if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_EMPTY_IS_NULL) != 0)
    throw data_error(file, "", "cannot start the CSV reader");
  auto on_field = [](void* s, std::size_t n, void* data) {
    auto& x = *static_cast<state*>(data);
    if (x.fields.empty()) x.row_line = x.line;
    x.fields.emplace_back(s ? std::string(static_cast<const char*>(s), n) : std::string{});
  };
  auto on_row = [](int, void* data) {
    auto& x = *static_cast<state*>(data);
    if (x.fields.empty()) x.row_line = x.line;
    x.rows.push_back(std::move(x.fields));
    x.lines.push_back(x.row_line);
    x.fields.clear();
  };
  std::size_t start = 0;
  bool broken = false;
  while (start < text.size() && !broken) {
    const auto end = std::min(text.find('\n', start), text.size() - 1);
    const std::size_t n = end - start + 1;
    if (csv_parse(&p, text.data() + start, n, on_field, on_row, &st) != n) {
      bad.emplace_back(st.line, "[trainprint.data] " + file + ": malformed CSV: " + csv_strerror(csv_error(&p)));
      broken = true;
    }
    start = end + 1;
    ++st.line;
  }
  if (!broken && csv_fini(&p, on_field, on_row, &st) != 0)
    bad.emplace_back(st.line - 1, "[trainprint.data] " + file + ": malformed CSV: " + csv_strerror(csv_error(&p)));
  csv_free(&p);
  if (broken || st.rows.empty()) {
    if (st.rows.empty() && bad.empty()) bad.emplace_back(1, "[trainprint.data] " + file + ": no header row");
    return {};
  }
  const auto& header = st.rows.front();
  std::vector<file_row> rows;
  for (std::size_t r = 1; r < st.rows.size(); ++r) {
    const auto& cells = st.rows[r];
    if (cells.size() != header.size()) {
      bad.emplace_back(st.lines[r], fmt::format("[trainprint.input] row: got {} fields, expected {} (one per column of "
                                                "the header)",
                                                cells.size(), header.size()));
      continue;
    }
    file_row fr{st.lines[r], {}};
    for (std::size_t c = 0; c < cells.size(); ++c) fr.fields.emplace_back(header[c], cells[c]);
    rows.push_back(std::move(fr));
  }
  return rows;
}

/// JSON lines: one object a line; strings, numbers and true/false as values.
std::vector<file_row> read_jsonl(const std::string& text, problems& bad) {
  std::vector<file_row> rows;
  std::size_t start = 0, line = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    ++line;
    const std::string l = text.substr(start, end - start);
    start = end + 1;
    if (l.find_first_not_of(" \t\r") == std::string::npos) continue;
    const auto j = nlohmann::json::parse(l, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
      bad.emplace_back(line, "[trainprint.input] row: got malformed JSON, expected one JSON object on the line");
      continue;
    }
    file_row fr{line, {}};
    bool ok = true;
    for (const auto& [k, v] : j.items()) {
      if (v.is_null()) continue;
      if (v.is_string()) fr.fields.emplace_back(k, v.get<std::string>());
      else if (v.is_boolean()) fr.fields.emplace_back(k, v.get<bool>() ? "true" : "false");
      else if (v.is_number()) fr.fields.emplace_back(k, v.dump());
      else {
        bad.emplace_back(line, "[trainprint.input] " + k + ": got " + std::string(v.type_name()) +
                                   ", expected a string, a number or true/false");
        ok = false;
        break;
      }
    }
    if (ok) rows.push_back(std::move(fr));
  }
  return rows;
}

/// Each input a row gives (its name) -> the column as the row spells it ("power" for
/// power_w), for its errors: an inventory is a file, and its messages name its columns.
using row_columns = std::map<std::string, std::string, std::less<>>;

/// A library message about a row, its inputs named by the row's columns (with_keys()).
std::string as_columns(std::string_view message, const row_columns& columns) {
  return with_keys(spell_inputs(message, spelling::json), columns);
}

/// A row as a run: the scenario flags read as the CLI reads them (to_scenario). `columns`
/// gets the row's columns by input.
inventory_run to_run(const file_row& row, const catalog& cat, row_columns& columns) {
  scenario_options o;
  inventory_run run;
  run.line = row.line;
  std::optional<std::string> kind;
  std::vector<std::pair<std::string, std::string>> seen;  // each input given (its name) and the column that gave it
  for (const auto& [key_in, value] : row.fields) {
    std::string_view key = key_in;
    if (key.substr(0, 2) == "--") key.remove_prefix(2);
    std::string k(key);
    std::replace(k.begin(), k.end(), '-', '_');
    const input_info* in = nullptr;
    if (k != "name" && k != "kind" && k != "preset" && k != "no_embodied") {
      in = find_input(k);
      if (!in) {
        std::vector<std::string> names{"name", "kind", "preset"};
        for (const auto& i : scenario_inputs) names.emplace_back(i.name);
        auto close = closest_ids(k, names, 1);
        // The hint in the header's own style: "gpu-hours" for a kebab-case header.
        if (!close.empty() && key.find('-') != std::string_view::npos) std::replace(close[0].begin(), close[0].end(), '_', '-');
        throw input_error("column", "'" + key_in + "'",
                          "name, kind, preset or a scenario input" +
                              (close.empty() ? std::string{} : " (did you mean " + close[0] + "?)"));
      }
      k = std::string(in->name);
    }
    if (value.empty()) continue;  // an empty cell: not given (nor given twice beside another spelling)
    const auto first = std::find_if(seen.begin(), seen.end(), [&](const auto& p) { return p.first == k; });
    if (first != seen.end()) throw_given_twice(k, first->second, key_in);
    seen.emplace_back(k, key_in);
    // An error about an input names this column; no_embodied sets `embodied`, whose errors are its.
    if (in || k == "no_embodied") columns.emplace(k == "no_embodied" ? "embodied" : k, key_in);
    if (k == "name") run.name = value;
    else if (k == "kind") kind = value;
    else if (k == "preset") o.preset = value;
    else if (k == "recompute" || k == "embodied" || k == "no_embodied") {
      scenario one;
      set_input(one, k == "recompute" ? "recompute" : "embodied", value);  // reads true/false
      if (k == "recompute") o.recompute = one.recompute;
      else if (k == "embodied") o.no_embodied = !one.embodied.value_or(true);
      else o.no_embodied = one.embodied.value_or(false);
    } else {
      o.values[static_cast<std::size_t>(in - scenario_inputs.data())] = value;
    }
  }
  if (!kind) throw input_error("kind", "", "one of final, development, ablation, fine-tune");
  const auto kd = parse_run_kind(*kind);
  if (!kd) throw input_error("kind", "'" + *kind + "'", "one of final, development, ablation, fine-tune");
  run.kind = *kd;
  if (run.name.empty()) run.name = "line " + std::to_string(row.line);
  run.scenario = to_scenario(o, cat);
  return run;
}

void setup(CLI::App& app, inventory_options& o) {
  app.add_option("FILE", o.file,
                 "Runs file: CSV with a header row, or JSON lines (one object a line). Columns: kind "
                 "(final|development|ablation|fine-tune), name, preset and the scenario flags (gpu-hours, hardware, "
                 "count, region, ...)")
      ->required();
  add_format_option(app, o.format,
                    {output_format::table, output_format::json, output_format::csv, output_format::md,
                     output_format::html},
                    "html: the report");
  add_report_meta_options(app, o.meta);
}

std::string run(const inventory_options& o, const global_options& g) {
  const catalog& cat = load_catalog(g);
  const std::string text = slurp(o.file);
  problems bad;
  const auto first = text.find_first_not_of(" \t\r\n");
  const std::filesystem::path path(o.file);
  const bool jsonl = path.extension() == ".jsonl" || path.extension() == ".ndjson" ||
                     (path.extension() != ".csv" && first != std::string::npos && text[first] == '{');
  const auto rows = jsonl ? read_jsonl(text, bad) : read_csv(text, o.file, bad);
  std::vector<inventory_run> runs;
  std::map<std::size_t, row_columns> columns;  // by line
  for (const auto& r : rows) {
    auto& c = columns[r.line];
    try {
      runs.push_back(to_run(r, cat, c));
    } catch (const error& e) {
      bad.emplace_back(r.line, as_columns(e.what(), c));
    }
  }
  std::optional<inventory> inv;
  if (!runs.empty()) {
    try {
      inv = make_inventory(runs, cat);
    } catch (const inventory_error& e) {
      for (const auto& [line, what] : e.problems()) bad.emplace_back(line, as_columns(what, columns[line]));
    }
  }
  if (!bad.empty()) {
    std::stable_sort(bad.begin(), bad.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    throw inventory_error(o.file, std::move(bad));
  }
  if (!inv) throw input_error("inventory", "no runs in " + o.file, "a header row and at least one run");
  if (o.format == output_format::html) return render_inventory_report(*inv, cat, o.meta.options(output_format::html)).text;
  return render(*inv, o.format, cat);
}

}  // namespace

void add_inventory(CLI::App& app, context& ctx) {
  add_command<inventory_options>(app, ctx, "inventory",
                                 "Estimate and sum many runs from a CSV or JSON-lines file: totals, totals by kind of "
                                 "run, GHG Protocol scopes and the share of development work",
                                 setup, run);
}

}  // namespace trainprint::cli
