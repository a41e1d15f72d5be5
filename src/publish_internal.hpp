#pragma once
// The renderers of the publishing formats (output_format::model_card, paper, latex,
// ai_act) behind render(estimate, output_format) in format.hpp, and their helpers.
// Private to the library.

#include <string>
#include <string_view>

#include "trainprint/catalog.hpp"
#include "trainprint/estimate.hpp"

namespace trainprint::inline v0 {

/// Hugging Face model-card metadata (the `co2_eq_emissions` block: emissions in grams
/// of CO2e = the total in kg × 1000, source, training_type, geographical_location,
/// hardware_used; https://huggingface.co/docs/hub/model-cards-co2) as YAML front
/// matter, then a Markdown paragraph for the card's body. Throws input_error when the
/// emissions are unknown.
std::string render_model_card(const estimate& e, const catalog& cat);
/// A citation-ready Markdown paragraph: the convention, the equation with the
/// estimate's numbers, every input with its origin and source, and a BibTeX entry.
std::string render_paper(const estimate& e, const catalog& cat);
/// The same paragraph in LaTeX (amsmath's \text; the BibTeX entry as comments).
std::string render_paper_latex(const estimate& e, const catalog& cat);
/// The EU AI Act's training fields (Regulation (EU) 2024/1689, Annex XI, Section 1,
/// point 2(d) and (e)) as a Markdown section: FLOPs, accelerator-hours, training time,
/// estimated energy, each with how it was obtained.
std::string render_ai_act(const estimate& e, const catalog& cat);

/// The BibTeX entry for trainprint (key `trainprint`), with this version.
std::string bibtex_entry();
/// `s` as a YAML double-quoted scalar.
std::string yaml_quoted(std::string_view s);
/// `s` with LaTeX's special characters (\ { } % _ & # $ ~ ^ < >) escaped and the
/// non-ASCII symbols the catalog uses (× − – — “ ” § Σ ≤ ...) spelled for pdfLaTeX.
std::string latex_escape(std::string_view s);

}  // namespace trainprint::inline v0
