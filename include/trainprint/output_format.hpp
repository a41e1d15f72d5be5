#pragma once
/// \file output_format.hpp
/// The output formats, with their names as the CLI's --format takes them. Each
/// subject (estimate, comparison, sweep, catalog listing, report) supports some
/// of them; its render entry takes the format.

#include <array>
#include <optional>
#include <string_view>

namespace trainprint::inline v0 {

/// An output format.
enum class output_format : unsigned char {
  table,  ///< aligned text for a terminal
  json,   ///< one JSON document
  jsonl,  ///< JSON lines, one object per row
  csv,    ///< RFC 4180 CSV with a header row
  md,     ///< Markdown
  html,   ///< a self-contained HTML document
  svg,    ///< an SVG chart
  model_card,  ///< Hugging Face model-card metadata (co2_eq_emissions YAML) and a paragraph for the card
  paper,       ///< a citation-ready Markdown paragraph: equation, factors with sources, BibTeX
  latex,       ///< the same paragraph in LaTeX
  ai_act,      ///< EU AI Act (Regulation (EU) 2024/1689, Annex XI 1.2(d)-(e)) training fields, Markdown
};

/// Every format, in enum order.
inline constexpr std::array<output_format, 11> all_output_formats{
    output_format::table,      output_format::json,  output_format::jsonl, output_format::csv,
    output_format::md,         output_format::html,  output_format::svg,   output_format::model_card,
    output_format::paper,      output_format::latex, output_format::ai_act};

/// The name of a format: "table", "json", "jsonl", "csv", "md", "html", "svg",
/// "model-card", "paper", "latex", "ai-act".
constexpr std::string_view to_string(output_format f) {
  constexpr std::array<std::string_view, all_output_formats.size()> names{
      "table", "json", "jsonl", "csv", "md", "html", "svg", "model-card", "paper", "latex", "ai-act"};
  return names[static_cast<std::size_t>(f)];
}

/// Parses a format name (exact, lower case); nullopt when unknown.
constexpr std::optional<output_format> parse_output_format(std::string_view s) {
  for (auto f : all_output_formats)
    if (to_string(f) == s) return f;
  return std::nullopt;
}

}  // namespace trainprint::inline v0
