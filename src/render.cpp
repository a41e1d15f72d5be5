// JSON and CSV renderings of comparisons and sweep rows (see include/trainprint/render.hpp), and the
// render entries of format.hpp: one per subject, taking the output_format.

#include "trainprint/render.hpp"

#include "format_internal.hpp"
#include "publish_internal.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "bit_cast.hpp"
#include <charconv>
#include <cmath>
#include <cstring>
#include <iterator>

#include "trainprint/format.hpp"
#include "trainprint/error.hpp"
#include "trainprint/json.hpp"
#include "trainprint/detail/charconv.hpp"

namespace trainprint::inline v0 {

void to_json(nlohmann::json& j, const comparison& c) {
  using json = nlohmann::json;
  auto opt = [](const std::optional<double>& v) { return v ? json(*v) : json(nullptr); };
  json rows = json::array();
  for (std::size_t i = 0; i < c.rows.size(); ++i) {
    const auto& r = c.rows[i];
    // An option that could not be estimated: estimate null, and why in "error".
    // rank: null for an option whose metric is unknown, and for all when fewer than two are known.
    const auto rank = rank_of(c, i);
    json row{{"rank", rank ? json(*rank) : json(nullptr)},
             {"value", r.value},
             {"metric", opt(r.metric)},
             {"delta_to_best", opt(r.delta_to_best)},
             {"estimate", r.error ? json(nullptr) : json(r.result)}};
    if (r.error) row["error"] = *r.error;
    rows.push_back(std::move(row));
  }
  json notes = json::array();
  if (const auto kinds = intensity_kinds(c); kinds.size() > 1) notes.push_back(mixed_bases_note(kinds));
  for (auto& n : cost_notes(c)) notes.push_back(std::move(n));
  j = json{{"schema", std::string(compare_schema)},
           {"key", c.key},
           {"sort", std::string(to_string(c.rank_by))},
           {"metric_unit", std::string(rank_unit(c.rank_by))},
           {"rows", std::move(rows)},
           {"notes", std::move(notes)}};
}

std::string to_json_text(const comparison& c, int indent) {
  nlohmann::json j;
  to_json(j, c);
  return j.dump(indent < 0 ? -1 : indent);
}

std::string sweep_row_json_line(std::span<const sweep_axis> axes, const sweep_row& row) {
  nlohmann::ordered_json j;
  for (std::size_t a = 0; a < axes.size(); ++a) j[axes[a].key] = row.values[a];
  for (const auto& col : headline_columns()) {
    const auto v = col.get(row.result);
    j[std::string(col.name)] = v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
  }
  return j.dump();
}

std::string sweep_csv_header(std::span<const sweep_axis> axes) {
  std::string out;
  for (const auto& a : axes) out += (out.empty() ? "" : ",") + csv_field(a.key);
  for (const auto& col : headline_columns()) out += "," + std::string(col.name);
  return out;
}

namespace {

/// `v` as csv_number writes it (fmt's "{:.10g}"): std::to_chars with precision 10
/// is printf's "%.10g", the same text, in half the time; into `buf` (32 chars).
std::size_t format_g10(double v, char* buf) {
  return static_cast<std::size_t>(detail::to_chars_general(buf, buf + 32, v, 10) - buf);
}

void append_g10(std::string& out, double v) {
  char buf[32];
  out.append(buf, format_g10(v, buf));
}

/// The axes' values as CSV fields (csv_field's text, without a temporary).
void append_values(std::string& out, std::span<const std::string> values) {
  for (std::size_t a = 0; a < values.size(); ++a) {
    if (a) out += ',';
    const std::string& v = values[a];
    if (!csv_needs_quotes(v)) out += v;
    else out += csv_field(v);
  }
}

}  // namespace

std::string sweep_row_csv(const sweep_row& row) {
  // Written in place (a sweep calls this a million times): the same text as
  // csv_field and csv_number, without a temporary string per field.
  std::string out;
  out.reserve(256);
  append_values(out, row.values);
  for (const auto& col : headline_columns()) {
    out += ',';
    if (const auto v = col.get(row.result)) append_g10(out, *v);  // = csv_number
  }
  return out;
}

std::string sweep_row_csv(const sweep_numbers_row& row) {
  std::string out;
  out.reserve(256);
  sweep_csv_writer().append(out, row);
  return out;
}

std::string sweep_row_json_line(std::span<const sweep_axis> axes, const sweep_numbers_row& row) {
  nlohmann::ordered_json j;
  for (std::size_t a = 0; a < axes.size(); ++a) j[axes[a].key] = row.values[a];
  const auto values = headline_values(row);
  const auto& cols = headline_columns();
  for (std::size_t c = 0; c < cols.size() && c < values.size(); ++c)
    j[std::string(cols[c].name)] = values[c] ? nlohmann::ordered_json(*values[c]) : nlohmann::ordered_json(nullptr);
  return j.dump();
}

void sweep_csv_writer::append(std::string& out, const sweep_numbers_row& row) {
  append_values(out, row.values);
  const auto values = headline_values(row);
  // The numbers go into one buffer, appended at once: a cell is at most 32 characters
  // and a comma, and each cell's text is copied as its whole 32-byte array (fixed-size
  // copies, no call), the next cell writing over the bytes past its end.
  char buf[sweep_headline_count * 33 + 32];
  char* o = buf;
  for (std::size_t c = 0; c < values.size(); ++c) {
    *o++ = ',';
    if (!values[c]) continue;  // unknown: an empty field
    cell& k = cells_[c];
    const auto bits = detail::bit_cast<std::uint64_t>(*values[c]);
    if (!k.valid || k.bits != bits) {
      k.bits = bits;
      k.valid = true;
      k.size = static_cast<unsigned char>(format_g10(*values[c], k.text));
    }
    std::memcpy(o, k.text, sizeof k.text);
    o += k.size;
  }
  out.append(buf, static_cast<std::size_t>(o - buf));
}

void unsupported_format(std::string_view subject, output_format f, std::string_view supported) {
  throw input_error("format", "'" + std::string(to_string(f)) + "'",
                    "one of " + std::string(supported) + " for " + std::string(subject));
}

std::string render(const estimate& e, output_format f, const catalog& cat, bool explain) {
  switch (f) {
    case output_format::table: return render_table(e, cat, explain);
    case output_format::json: return to_json_text(e, 2) + "\n";
    case output_format::csv: return render_csv(e);
    case output_format::md: return render_markdown(e, cat, explain);
    case output_format::model_card: return render_model_card(e, cat);
    case output_format::paper: return render_paper(e, cat);
    case output_format::latex: return render_paper_latex(e, cat);
    case output_format::ai_act: return render_ai_act(e, cat);
    default: unsupported_format("an estimate", f, "table, json, csv, md, model-card, paper, latex, ai-act");
  }
}

std::string render(const comparison& c, output_format f, const catalog& cat) {
  switch (f) {
    case output_format::table: return render_comparison_table(c, cat);
    case output_format::json: return to_json_text(c, 2) + "\n";
    case output_format::csv: return render_comparison_csv(c);
    case output_format::md: return render_comparison_markdown(c, cat);
    case output_format::svg: return render_comparison_svg(c);
    default: unsupported_format("a comparison", f, "table, json, csv, md, svg");
  }
}

}  // namespace trainprint::inline v0
