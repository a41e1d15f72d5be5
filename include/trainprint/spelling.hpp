#pragma once
/// \file spelling.hpp
/// Inputs in messages, as each interface spells them. The library writes every error
/// and note with the inputs' ids (the names of the table in inputs.hpp, which are also
/// the scenario-JSON keys): `power_w`, `embodied=false`, `boundary=accelerators`. An
/// interface rewrites them before showing them: the CLI as its flags (`--power-w`,
/// `--no-embodied`, `--boundary accelerators`), Python as keywords (`power_w`,
/// `embodied=False`, `boundary="accelerators"`); scenario JSON keeps the ids.

#include <string>
#include <string_view>

namespace trainprint::inline v0 {

/// The interface a message is shown in.
enum class spelling : unsigned char {
  json,    ///< scenario-JSON keys: the ids themselves
  cli,     ///< command-line flags
  python,  ///< Python keywords and literals
};

/// `message` with its input references written as `how` spells them:
/// - the field of an input_error ("[trainprint.input] mfu: got ...") and any id that has
///   an underscore (`power_w`, `host_power_w`, `gpu_hours`), as a whole word: CLI
///   `--power-w`, Python and JSON unchanged;
/// - `id=value` for any input (`embodied=false`, `boundary=accelerators`): CLI
///   `--no-embodied`, `--recompute`, `--boundary accelerators`; Python `embodied=False`,
///   `boundary="accelerators"`, `mfu=0.4`; JSON unchanged.
/// Words that are not input ids, and one-word ids used as plain words ("the hardware"),
/// are left as they are. An input the library marks in a note or an error (`` `count` ``)
/// is spelled the same way; with spelling::json the ids stay as they are and only their
/// marks are removed.
/// The user's own text is never rewritten: the library shows what the user typed in single
/// quotes ("unknown region '`cfe`'", "got 'x power_w'"), and a quoted span (quoted_text_end())
/// is copied as it is, marks and all, in every spelling.
[[nodiscard]] std::string spell_inputs(std::string_view message, spelling how);

/// Where the user's text quoted at `k` ends: the index of its closing quote, or npos when
/// `message[k]` opens no quoted text. A quote opens after a space, '(', '[', '=' or at the
/// start, and closes at the next quote before a space, punctuation or the end.
[[nodiscard]] std::size_t quoted_text_end(std::string_view message, std::size_t k);

/// When the user's text is quoted at `k` (quoted_text_end()): appends it to `out` as it
/// is, moves `k` past its closing quote and returns true. Otherwise does nothing and
/// returns false.
bool copy_quoted_text(std::string_view message, std::size_t& k, std::string& out);

/// The field an input or unit error is about: "[trainprint.input] mfu: got ..." has tag
/// "[trainprint.input] ", name "mfu" and its ':' at index `colon`. Any other message
/// (another kind of error, or no ':' after the tag) gives an empty tag and name.
struct error_field {
  std::string_view tag, name;
  std::size_t colon = std::string_view::npos;
};
[[nodiscard]] error_field error_field_of(std::string_view message);

/// Throws the input_error for input `name` given twice in one source under two of its
/// spellings, `first` and then `second`, each as the source wrote it (a JSON key, a CSV
/// column, a Python keyword): "[trainprint.input] power_w: got twice, expected one value
/// per input ('power' and 'power_w' are two spellings of it)". The scenario-JSON reader,
/// the inventory reader and the Python keywords all say it with this one text.
[[noreturn]] void throw_given_twice(std::string_view name, std::string_view first, std::string_view second);

}  // namespace trainprint::inline v0
