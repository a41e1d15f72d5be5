// The README's C++ example: a 7B model on 2T tokens on 512 H100s in AWS us-east-1,
// then the same run in Finland, and where each number came from.
#include <trainprint/trainprint.hpp>

int main() {
  using namespace trainprint;
  scenario s;
  s.params = 7e9;
  s.tokens = 2e12;
  s.hardware = "h100";
  s.count = 512;
  s.region = "aws:us-east-1";

  const estimate e = make_estimate(s);
  fmt::print("energy    {}\n", readable(e.energy_facility));
  fmt::print("emissions {} (location-based, with embodied)\n", readable(*e.total));
  fmt::print("water     {}\n", readable(*e.water_total));

  s.region = "FI";
  const estimate fi = make_estimate(s);
  fmt::print("in Finland: {}\n", readable(*fi.total));

  // Every input and intermediate, with its origin and source.
  for (const auto& t : e.trace)
    if (t.origin == origin::catalog) fmt::print("  {} = {:g} {} — {}\n", t.name, t.value, t.unit, t.source);
}
