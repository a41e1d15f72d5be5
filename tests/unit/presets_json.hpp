#pragma once
// What the unit tests read from data/presets.json that the public preset struct does
// not carry.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <map>
#include <string>

namespace presets_json {

/// reported.accelerator_hours of each preset: some published runs report only
/// accelerator-hours.
inline std::map<std::string, double> reported_accelerator_hours() {
  std::ifstream in(std::string(TRAINPRINT_SOURCE_DIR) + "/data/presets.json");
  REQUIRE(in);
  const auto doc = nlohmann::json::parse(in);
  std::map<std::string, double> m;
  for (const auto& p : doc.at("presets"))
    if (p.at("reported").contains("accelerator_hours"))
      m[p.at("id").get<std::string>()] = p.at("reported").at("accelerator_hours").get<double>();
  return m;
}

}  // namespace presets_json
