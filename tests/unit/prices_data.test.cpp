// The catalog's cloud on-demand prices (data/hardware.json, systems[].on_demand_price;
// built from data/upstream/cloud-ondemand-prices/prices.csv, issue 18 part 4): every
// price is dated, cited, positive and for a region of its system's provider, and two
// rows read as their sources print them:
//   p5.48xlarge: "p5.48xlarge,8,NVIDIA H100,640 GiB,98.3200,..." (us-east-1 Linux on-demand,
//     vantage export committed 2023-11-16; /work/shared/upstream-data/aws-ec2-gpu-prices-2023);
//   TPU v6e: "region2price = {'us-east1': 2.7, ...}" per chip-hour (SkyPilot PR #4218, 2024-10-30).
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <trainprint/catalog.hpp>
#include <trainprint/error.hpp>

#include <fstream>
#include <regex>
#include <string>

using nlohmann::json;

namespace {
json hardware_json() {
  std::ifstream in(std::string(TRAINPRINT_SOURCE_DIR) + "/data/hardware.json");
  REQUIRE(in);
  return json::parse(in);
}
}  // namespace

TEST_CASE("prices data: every on-demand price is dated, cited and for a region of its provider") {
  const json hw = hardware_json();
  const auto& cat = trainprint::catalog::embedded();
  const std::regex date(R"(\d{4}-\d{2}-\d{2})");
  int priced = 0;
  for (const auto& s : hw["systems"]) {
    if (!s.contains("on_demand_price")) continue;
    ++priced;
    const auto& p = s["on_demand_price"];
    const std::string id = s["id"];
    INFO(id);
    CHECK(p["usd_per_hour"].get<double>() > 0);
    CHECK((p["per"] == "instance" || p["per"] == "accelerator"));
    REQUIRE(s["provider"].is_string());
    const std::string region = p["region"];
    CHECK(region.starts_with(s["provider"].get<std::string>() + ":"));
    CHECK_NOTHROW((void)cat.find_region(region));
    CHECK(std::regex_match(p["as_of"].get<std::string>(), date));
    CHECK(hw["sources"].contains(p["source"].get<std::string>()));
    // Each is a third-party copy of the provider's list: never above low (SOURCE.md).
    CHECK(p["confidence"] == "low");
    CHECK_FALSE(p["notes"].get<std::string>().empty());  // where in the source the figure stands
  }
  // 9 AWS rows of 2023, p5en (2026), TPU v6e (2024): prices.csv has 11 rows.
  CHECK(priced == 11);
}

TEST_CASE("prices data: p5.48xlarge and TPU v6e as their sources print them") {
  const json hw = hardware_json();
  auto system = [&](const std::string& id) {
    for (const auto& s : hw["systems"])
      if (s["id"] == id) return s;
    FAIL("no system " << id);
    return json();
  };
  const json p5 = system("aws-p5.48xlarge")["on_demand_price"];
  CHECK(p5["usd_per_hour"].get<double>() == 98.32);
  CHECK(p5["per"] == "instance");
  CHECK(p5["region"] == "aws:us-east-1");
  CHECK(p5["as_of"] == "2023-11-16");
  const json v6e = system("google-tpu-v6e-pod")["on_demand_price"];
  CHECK(v6e["usd_per_hour"].get<double>() == 2.7);
  CHECK(v6e["per"] == "accelerator");
  CHECK(v6e["region"] == "gcp:us-east1");
  CHECK(v6e["as_of"] == "2024-10-30");
  // No dated source found: no price rather than a guess.
  CHECK_FALSE(system("azure-nd96isr-h100-v5").contains("on_demand_price"));
  CHECK_FALSE(system("gcp-a3-highgpu-8g").contains("on_demand_price"));
}
