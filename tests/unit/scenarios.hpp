#pragma once
// What the estimator tests share: a scenario typed as the CLI reads its flags, and
// whether an estimate's notes say something. Used by plain, cpu, sites and hardware
// units tests, which build their scenarios and read their notes the same way.
#include <trainprint/compare.hpp>
#include <trainprint/estimator.hpp>

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace scenarios {

/// A scenario from (input, text) pairs read as the CLI reads its flags (set_input):
/// typed({{"params", "7B"}, {"hardware", "gpu"}}) is --params 7B --hardware gpu.
inline trainprint::scenario typed(std::initializer_list<std::pair<std::string_view, std::string_view>> inputs) {
  trainprint::scenario s;
  for (const auto& [name, text] : inputs) trainprint::set_input(s, name, text);
  return s;
}

/// Whether one of `e`'s notes contains `part`.
inline bool has_note(const trainprint::estimate& e, std::string_view part) {
  for (const auto& n : e.notes)
    if (n.find(part) != std::string::npos) return true;
  return false;
}

/// Whether one of `e`'s notes starts with `prefix`.
inline bool has_note_starting(const trainprint::estimate& e, std::string_view prefix) {
  for (const auto& n : e.notes)
    if (n.starts_with(prefix)) return true;
  return false;
}

/// Whether one of `e`'s notes is exactly `text`.
inline bool has_note_exactly(const trainprint::estimate& e, std::string_view text) {
  for (const auto& n : e.notes)
    if (n == text) return true;
  return false;
}

}  // namespace scenarios
