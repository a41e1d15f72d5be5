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
  // 9 AWS rows of 2023, p5en (2026), TPU v6e (2024), 5 Google Cloud machines (2026-07-30), 4
  // Azure ND sizes (2024-03-25) and TPU v4 and v5e (2025-03-03): prices.csv has 22 rows.
  CHECK(priced == 22);
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
  // Azure (boaviztapi's azure_vms_from_vantage.csv, committed 2024-03-25):
  // "ND96isr H100 v5",...,"8x H100",...,"$98.3200 hourly" (Linux On Demand cost), East US.
  const json nd = system("azure-nd96isr-h100-v5")["on_demand_price"];
  CHECK(nd["usd_per_hour"].get<double>() == 98.32);
  CHECK(nd["per"] == "instance");
  CHECK(nd["region"] == "azure:eastus");
  CHECK(nd["as_of"] == "2024-03-25");
  // Google Cloud (Cyclenerd pricing.yml generated 2026-07-30 from the Cloud Billing SKUs):
  // compute.instance.a3-highgpu-8g.cost.us-central1.hour: 88.4899999025753.
  const json a3 = system("gcp-a3-highgpu-8g")["on_demand_price"];
  CHECK(a3["usd_per_hour"].get<double>() == 88.4899999025753);
  CHECK(a3["per"] == "instance");
  CHECK(a3["region"] == "gcp:us-central1");
  CHECK(a3["as_of"] == "2026-07-30");
  // TPU v4 and v5e (Epoch AI's Hardware prices.csv, from the Wayback copy of cloud.google.com/tpu/pricing
  // of 2025-03-03): "Google TPU v4,...,us-central2-b,3.22" and "Google TPU v5e,...,"Iowa (us-central1),...",1.20".
  const json v4 = system("google-tpu-v4-pod")["on_demand_price"];
  CHECK(v4["usd_per_hour"].get<double>() == 3.22);
  CHECK(v4["per"] == "accelerator");
  CHECK(v4["region"] == "gcp:us-central2");
  CHECK(v4["as_of"] == "2025-03-03");
  const json v5e = system("google-tpu-v5e-pod")["on_demand_price"];
  CHECK(v5e["usd_per_hour"].get<double>() == 1.2);
  CHECK(v5e["per"] == "accelerator");
  CHECK(v5e["region"] == "gcp:us-central1");
  CHECK(v5e["as_of"] == "2025-03-03");
  // No dated source found: no price rather than a guess.
  CHECK_FALSE(system("azure-nd96isr-h200-v5").contains("on_demand_price"));
  CHECK_FALSE(system("gcp-a3-ultragpu-8g").contains("on_demand_price"));
  CHECK_FALSE(system("google-tpu-v5p-pod").contains("on_demand_price"));
}
