// CLI argument vectors → trainprint::cli::run_cli in-process. The input is split
// on NUL bytes into arguments. Invariants: no crash, no exception escapes, exit
// code 0, 1 or 2 only, nothing on stdout (out or the stream) when non-zero, one
// "trainprint: " error on stderr when non-zero.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "check.hpp"
#include "run.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 4096) return -1;
  std::vector<std::string> args{"trainprint"};
  std::string cur;
  for (std::size_t i = 0; i < size; ++i) {
    if (data[i] == 0) {
      args.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(static_cast<char>(data[i]));
    }
  }
  if (!cur.empty()) args.push_back(cur);
  if (args.size() > 64) return -1;
  for (const auto& a : args) {
    // Files: only the seed data in the working directory, never devices or
    // absolute paths (reading /dev/zero would never end).
    if (a.find('/') != std::string::npos) return -1;
    // Sweeps and compares of millions of rows, or Monte Carlo of 10⁹ samples, are
    // valid but slow: keep every run short.
    if (a.find("samples") != std::string::npos || a.find("threads") != std::string::npos) return -1;
    if (a.size() > 256) return -1;
    // `report -o FILE` writes files: keep the fuzzer from writing any.
    if (a.find("output") != std::string::npos ||
        (a.size() > 1 && a[0] == '-' && a[1] != '-' && a.find('o') != std::string::npos))
      return -1;
  }
  std::size_t commas = 0, semicolons = 0;
  for (const auto& a : args) {
    commas += static_cast<std::size_t>(std::count(a.begin(), a.end(), ','));
    semicolons += static_cast<std::size_t>(std::count(a.begin(), a.end(), ';'));
  }
  if (commas + semicolons > 12) return -1;
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);

  std::string out, err;
  std::FILE* stream = std::tmpfile();
  if (!stream) return 0;
  int code = 0;
  try {
    code = trainprint::cli::run_cli(static_cast<int>(args.size()), argv.data(), out, err, stream);
  } catch (const std::exception& e) {
    trainprint::fuzz::fail(std::string("exception escaped run_cli: ") + e.what());
  } catch (...) {
    trainprint::fuzz::fail("exception escaped run_cli");
  }
  const long streamed = std::ftell(stream);
  std::fclose(stream);
  if (code != 0 && code != 1 && code != 2) trainprint::fuzz::fail("exit code " + std::to_string(code));
  if (code != 0) {
    if (streamed > 0) trainprint::fuzz::fail("rows streamed to stdout before a failure");
    if (err.rfind("trainprint: ", 0) != 0) trainprint::fuzz::fail("failure without an error message: " + err);
    if (err.rfind("trainprint: internal error", 0) == 0) trainprint::fuzz::fail(err);
  }
  if (out.find("nan") != std::string::npos && code == 0) {
    // Numbers never print as nan; ids and text may contain the letters, so look for
    // the number forms only.
    for (const char* bad : {" nan ", ",nan,", ": nan", "-nan", " nan\n", ",nan\n", ": inf", " inf ", ",inf,"})
      if (out.find(bad) != std::string::npos) trainprint::fuzz::fail(std::string("output holds ") + bad);
  }
  return 0;
}
