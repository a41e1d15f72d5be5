#pragma once
/// \file run.hpp
/// The whole CLI as a function, so tests and the fuzzer run it in-process.
#include <cstdio>
#include <string>

namespace trainprint::cli {
/// Parses `argv` and runs the subcommand as `trainprint` does, without exiting or
/// printing: what belongs on stdout is appended to `out` (a huge sweep flushes its
/// rows to `stream` as it goes), error lines to `err`. Returns the exit code:
/// 0 ok, 1 bad input or data, 2 usage. On failure the caller prints nothing of `out`.
int run_cli(int argc, char** argv, std::string& out, std::string& err, std::FILE* stream);
}  // namespace trainprint::cli
