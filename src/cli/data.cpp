// trainprint data check: validate catalog overlay files before using them with --data.

#include "command.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "trainprint/error.hpp"

namespace trainprint::cli {

namespace {
struct data_check_options {
  std::vector<std::string> files;
};

/// One or more files failed the check; what() lists every problem.
class data_check_failed : public trainprint::error {
 public:
  using trainprint::error::error;
};
}  // namespace


namespace {

std::string read_text(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw data_error(path, "", "is a directory, expected a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw data_error(path, "", "cannot open the file for reading");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// "2 regions, 1 accelerator" — what the file holds.
std::string contents(const std::string& text) {
  const auto j = nlohmann::json::parse(text, nullptr, false);
  std::vector<std::string> parts;
  const std::pair<const char*, const char*> tables[] = {
      {"accelerators", "accelerator"}, {"systems", "system"},   {"regions", "region"},         {"providers", "provider"},
      {"sources_of_energy", "energy source"}, {"presets", "preset"}, {"equivalents", "equivalent"}};
  for (const auto& [key, one] : tables)
    if (j.is_object() && j.contains(key) && j[key].is_array())
      parts.push_back(fmt::format("{} {}{}", j[key].size(), one, j[key].size() == 1 ? "" : "s"));
  if (j.is_object() && j.contains("embodied_factors")) parts.emplace_back("embodied factors");
  std::string s;
  for (const auto& p : parts) s += (s.empty() ? "" : ", ") + p;
  return s;
}

}  // namespace

std::string run_data_check(const data_check_options& o, const global_options& g) {
  std::vector<std::filesystem::path> base(g.data_files.begin(), g.data_files.end());
  std::string ok, problems;
  for (const auto& f : o.files) {
    try {
      const std::string text = read_text(f);
      catalog fresh = catalog::with_overlays(base);
      const auto found = fresh.overlay_problems(text, f);
      for (const auto& p : found) problems += (problems.empty() ? "" : "\n") + p;
      if (!found.empty()) continue;
      const std::string what = contents(text);
      ok += "ok " + f + (what.empty() ? "" : ": " + what) + "\n";
    } catch (const trainprint::error& e) {
      problems += (problems.empty() ? "" : "\n") + std::string(e.what());
    } catch (const std::exception& e) {
      problems += (problems.empty() ? "" : "\n") + std::string(data_error(f, "", e.what()).what());
    }
  }
  if (!problems.empty()) throw data_check_failed(problems);
  return ok;
}

/// Checks each file as an overlay on its own fresh catalog (the embedded data and
/// the --data files). All good: "ok" lines for stdout. Any problem: throws
/// data_check_failed listing every problem, one per line.
void add_data(CLI::App& app, context& ctx) {
  auto o = std::make_shared<data_check_options>();
  auto* data = app.add_subcommand("data", "Catalog data files");
  data->require_subcommand(1);
  auto* check = data->add_subcommand("check", "Validate catalog overlay files (same schema as data/*.json)");
  check->add_option("files", o->files, "Overlay files to check")->required();
  check->callback([o, &ctx] { *ctx.out = run_data_check(*o, ctx.global); });
}

}  // namespace trainprint::cli
